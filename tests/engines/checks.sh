# tests/engines/checks.sh, sourced by t_engines.sh: what a user of each engine sees, as one
# vocabulary over docker, podman and ctr. ENG names the engine, RT the runtime (runc, crun,
# runc-old); daemons.sh has set DK, PM and CTR. Images: seed (the report's, USER testuser),
# seed-ocinit (the seed fixed image-side: ENTRYPOINT ocinit --user testuser --caps keep --).

GREETING='hello from the entrypoint, uid 1000'

rt_path() { case $1 in runc) echo /usr/sbin/runc;; crun) echo /usr/bin/crun;; *) echo "$E/bin/$1";; esac; }

# img NAME: the name ENG gave an image built by docker (ctr imports docker's) or podman.
img() {
	case $ENG in docker) echo "$1";; podman) echo "localhost/$1";; ctr) echo "docker.io/library/$1:latest";; esac
}

# e_run [FLAG...] IMAGE [ARG...]: a container run to its end and removed (RC, $T/out, $T/err).
# For ctr, ARGs replace the image's entrypoint and command (ctr has no --entrypoint) and FLAGs
# are ctr's own (--env K=V).
N_RUN=0
e_run() {
	N_RUN=$((N_RUN + 1))
	case $ENG in
	docker) run timeout 60 $DK run --rm --network none --runtime "$RT" "$@";;
	podman) run timeout 60 $PM run $PMC --rm --pull never --runtime "$(rt_path "$RT")" "$@";;
	ctr)	local flags=
		while [ "${1#--}" != "$1" ]; do flags="$flags $1 $2"; shift 2; done
		local image=$1; shift
		run timeout 60 $CTR run --rm --fifo-dir "$E/containerd/fifo" --runc-binary "$(rt_path "$RT")" \
			$flags "$image" "c$N_RUN-$RT" "$@";;
	esac
}

# oc RUNNER [FLAG...] -- ARG...: RUNNER (e_run, e_stop_after) on seed-ocinit with ARGs as
# its command: for docker and podman its CMD; for ctr, which replaces the entrypoint too,
# after the image's entrypoint written out.
oc() {
	local runner=$1 flags=()
	shift
	while [ "$1" != -- ]; do flags+=("$1"); shift; done
	shift
	[ "$ENG" = ctr ] && set -- /sbin/ocinit --user testuser --caps keep -- "$@"
	$runner "${flags[@]}" "$(img seed-ocinit)" "$@"
}

# e_stop_after [FLAG...] IMAGE [ARG...]: start it detached, wait until it runs, stop it as
# the engine's user does (docker/podman stop -t 30; ctr task kill: SIGTERM), within 20 s, so
# that the engine's own KILL after 30 s cannot be what ended it. RC: the container's status.
e_stop_after() {
	local name=s$N_RUN-$RT pid
	N_RUN=$((N_RUN + 1))
	case $ENG in
	docker|podman)
		local X R
		case $ENG in
		docker) X=$DK R="$DK run --runtime $RT";;
		podman) X=$PM R="$PM run $PMC --runtime $(rt_path "$RT")";;
		esac
		$R -d --name "$name" --network none "$@" >/dev/null 2>"$T/err" || { RC=start; return; }
		sleep 0.5
		timeout 20 $X stop -t 30 "$name" >/dev/null 2>&1
		RC=$($X inspect -f '{{.State.ExitCode}}' "$name" 2>&1)
		[ "$($X inspect -f '{{.State.Running}}' "$name" 2>&1)" = true ] && RC="still running after 20 s"
		$X rm -f "$name" >/dev/null 2>&1;;
	ctr)	local flags=
		while [ "${1#--}" != "$1" ]; do flags="$flags $1 $2"; shift 2; done
		local image=$1; shift
		$CTR run --rm --fifo-dir "$E/containerd/fifo" --runc-binary "$(rt_path "$RT")" $flags \
			"$image" "$name" "$@" >/dev/null 2>"$T/err" &
		pid=$!
		wait_for "task $name" sh -c "$CTR task ls | grep -q '^$name .* RUNNING'"
		sleep 0.5
		$CTR task kill "$name" 2>/dev/null
		# ctr passes a TERM on to the task: what does not stop is killed, then the client,
		# and said: that KILL's 137 must not pass for ocinit's own
		rm -f "$T/guard.fired"
		( sleep 20; : >"$T/guard.fired"; $CTR task kill -s KILL "$name"; sleep 5; kill -9 "$pid" ) 2>/dev/null &
		local guard=$!
		wait "$pid"; RC=$?
		kill "$guard" 2>/dev/null; wait "$guard" 2>/dev/null
		[ -e "$T/guard.fired" ] && RC="not stopped within 20 s"
		[ "$RC" = 143 ] || [ "$RC" = 137 ] || $CTR task kill -s KILL "$name" 2>/dev/null;;
	esac
}

# field NAME: a /bin/caps line's value (Groups, CapEff, ...) from the last run's output.
field() { sed -n "s/^$1:[[:space:]]*//p" "$T/out" | sed 's/[[:space:]]*$//'; }

# engine_checks: the seed and ocinit's answers to it, in ENG over RT. BND is the bounding set
# the engine gives a container by default.
engine_checks() {
	local L="$ENG/$RT" x
	# The seed without ocinit: docker gives a non-root USER no capability at all, so there
	# execve refuses too; under ctr, and podman with --cap-add DAC_OVERRIDE, it holds
	# CAP_DAC_OVERRIDE at the execve, and only runc's access(2) pre-check on an old kernel
	# refuses.
	case $ENG in podman) x=--cap-add=DAC_OVERRIDE;; *) x=;; esac
	e_run $x "$(img seed)"
	if [ "$ENG" = docker ] || [ "$RT" = runc-old ]; then
		if [ "$RC" != 0 ] && grep -qi 'exec.*/entrypoint.sh.*permission denied' "$T/err" &&
		   ! grep -q "$GREETING" "$T/out"; then
			ok "$L: the seed without ocinit fails as reported (exec /entrypoint.sh: permission denied)"
		else bad "$L: the seed without ocinit fails as reported" "status $RC; $(head -c 300 "$T/err")"; fi
	else
		expect_eq "$L: the seed without ocinit runs where the runtime asks the kernel" \
			"0 $GREETING" "$RC $(cat "$T/out")"
	fi

	# The seed, fixed image-side with one ENTRYPOINT line.
	e_run "$(img seed-ocinit)"
	expect_eq "$L: the seed with ocinit image-side (--user testuser --caps keep)" "0 $GREETING" "$RC $(cat "$T/out")"

	# What the user got: ids, the primary group among the groups, HOME from passwd, and the
	# engine's capabilities (an operator's --cap-add included) in every set.
	local want=$BND
	case $ENG in ctr) x=;; *) x=--cap-add=SYS_PTRACE; want=$(printf '%016x' $((0x$BND | 1 << 19)));; esac
	oc e_run $x -- /bin/caps
	expect_eq "$L: ocinit's user: uid, gid, HOME, Groups, the engine's capabilities in all five sets" \
		"0 uid=1000 gid=1000 HOME=/home/testuser|1000|$want $want $want $want $want" \
		"$RC $(head -n 1 "$T/out")|$(field Groups)|$(field CapBnd) $(field CapPrm) $(field CapEff) $(field CapInh) $(field CapAmb)"

	# Exit statuses pass through; a signal's death is 128+N.
	oc e_run -- /bin/sh -c 'exit 7'
	local a=$RC
	oc e_run -- /bin/sh -c 'kill -USR1 $$'
	expect_eq "$L: exit statuses through ocinit (exit 7, killed by USR1)" "7 138" "$a $RC"

	# Orphans re-parented to ocinit are reaped.
	oc e_run -- /bin/sh -c '(sleep 0.1 &); (sleep 0.1 &); sleep 1; ps -o stat,comm | grep -c "^Z"'
	expect_eq "$L: orphans reaped (zombies after they end)" "0" "$(cat "$T/out")"

	# Stop: TERM reaches the child, 143 comes back; a child that ignores TERM is killed
	# after ocinit's grace period (OCINIT_GRACE=1), not by the engine's KILL 30 s later.
	oc e_stop_after -- /bin/sleep 1000
	expect_eq "$L: stop: 143 (TERM forwarded to the child)" 143 "$RC"
	case $ENG in ctr) x="--env OCINIT_GRACE=1";; *) x="-e OCINIT_GRACE=1";; esac
	oc e_stop_after $x -- /bin/sh -c "trap '' TERM; sleep 1000"
	expect_eq "$L: stop with a TERM-ignoring child: 137 after ocinit's 1 s grace" 137 "$RC"

	[ "$ENG" = ctr ] && return   # ctr has no --user, --init or --cap-add

	# The engine's own --user with image-side ocinit: what to do, in one line.
	e_run --user testuser "$(img seed-ocinit)"
	if [ "$RC" = 125 ] && [ "$(wc -l <"$T/err")" = 1 ] && grep -q '^ocinit: .*not root' "$T/err"; then
		ok "$L: --user testuser with image-side ocinit: 125 and one line"
	else bad "$L: --user testuser with image-side ocinit: 125 and one line" "status $RC; $(head -c 400 "$T/err")"; fi

	# Engine-side: ocinit as the engine's --init, told only by variables; the seed unchanged.
	case $ENG in podman) x="--init-path $OCINIT";; *) x=;; esac
	e_run --init $x --user 0 -e OCINIT_USER=testuser -e OCINIT_CAPS=keep "$(img seed)"
	expect_eq "$L: the seed with ocinit engine-side (--init, OCINIT_USER, OCINIT_CAPS)" "0 $GREETING" "$RC $(cat "$T/out")"
	e_run --init $x --entrypoint /bin/sh "$(img seed)" -c 'tr "\0" " " </proc/1/cmdline; for i in /sbin/docker-init /run/podman-init; do [ -e $i ] && $i --version; done'
	case "$(cat "$T/out")" in
	*" -- /bin/sh -c "*"ocinit version "*) ok "$L: --init runs ocinit as PID 1";;
	*) bad "$L: --init runs ocinit as PID 1" "status $RC; $(head -c 300 "$T/out" "$T/err")";;
	esac
	e_stop_after --init $x --entrypoint /bin/sleep "$(img seed)" 1000
	expect_eq "$L: stop through the engine's --init: 143" 143 "$RC"
}
