# A drop-in for docker-init, tini and catatonit, and what an engine's init needs: their flags
# and variables, dockerd's --version line, the credential variables, --caps keep, the primary
# gid among the groups, HOME with -u, one clear line when ocinit is not root.
D=$T/dropin; mkdir -p "$D" && chmod 755 "$D"

# --- dockerd's parser: the first line split at " - ", "git.COMMIT" after it; one line in all
run plain --version
v=$(cat "$T/out")
if [ "$RC" = 0 ] && [ "$(wc -l <"$T/out")" = 1 ] &&
   echo "$v" | grep -Eq '^ocinit version [0-9]+\.[0-9]+\.[0-9]+ \([a-z0-9_]+( \+[a-z-]+)*\) - git\.([0-9a-f]{7}|unknown)$'; then
	ok "--version: one line dockerd reads: $v"
else
	bad "--version: one line dockerd reads" "status $RC: $(head -c 300 "$T/out")"
fi
run plain -V
expect_eq "-V (catatonit's) is --version" "0 $v" "$RC $(cat "$T/out")"
if has compat; then
	for f in -l -L --license; do
		run plain $f
		expect_eq "$f: the license note, exit 0" "0 1" "$RC $(grep -c 'license' "$T/out")"
	done
else
	run plain -P
	expect "without COMPAT: -P is an unknown option" 125 "ocinit: unknown option '-P' (see --help)"
fi

# --- tini's flags
run plain -e 3 sh -c 'exit 3'
expect "tini's -e 3: exit code 3 reported as 0" 0 ""
run plain -e 256 true
expect "-e out of range names the option" 125 "ocinit: --ok: '256' is not a list of exit codes 0..255"
run plain -p NOPE true
expect "tini's -p is --pdeathsig" 125 "ocinit: --pdeathsig: NOPE is not a signal"
if has compat && has subreaper && [ "$NO_SUBREAPER" = 0 ]; then
	run env OCINIT_SUBREAPER=0 $RUN "$OCINIT" -s "$H/probe" orphans 3
	expect_eq "tini's -s: a subreaper after all (the flag wins over OCINIT_SUBREAPER=0)" "adopted 3 left 0 zombies 0" "$(cat "$T/out")"
	run plain -w sh -c '(sleep 0.2 &); sleep 0.6'
	expect_eq "tini's -w: a warning for the orphan reaped" "0 1" \
		"$RC $(grep -cE '^ocinit: warning: reaped zombie pid [0-9]+$' "$T/err")"
	run plain sh -c '(sleep 0.2 &); sleep 0.6'
	expect "without -w: no warning for it" 0 ""
	run env TINI_VERBOSITY=0 $RUN "$OCINIT" -w sh -c '(sleep 0.2 &); sleep 0.6'
	expect "TINI_VERBOSITY=0: tini's level 0, no warnings" 0 ""
fi
if has compat && has verbose; then
	run env TINI_VERBOSITY=3 $RUN "$OCINIT" true
	expect_eq "TINI_VERBOSITY=3: tini's debug level, ocinit's -vv" "0 1" \
		"$RC $(grep -c '^ocinit: debug: reaped pid' "$T/err")"
	run env TINI_VERBOSITY=x $RUN "$OCINIT" true
	expect "TINI_VERBOSITY=x names the variable" 125 "ocinit: TINI_VERBOSITY: 'x' is not a number in 0..9"
fi
run env TINI_SUBREAPER= TINI_KILL_PROCESS_GROUP=1 TINI_VERBOSITY=1 $RUN "$OCINIT" sh -c 'env | grep ^TINI_ | sort | paste -sd" "'
expect_eq "tini's variables stay in the child's environment, as tini leaves them" \
	"TINI_KILL_PROCESS_GROUP=1 TINI_SUBREAPER= TINI_VERBOSITY=1" "$(cat "$T/out")"

# --- catatonit's -P: no command; reap; exit 0 at INT or TERM
for sig in INT TERM; do
	has compat || break
	rm -f "$D/ready"
	pid1 -P &
	bg=$!
	target=$(ocinit_below "$bg")
	kill -"$sig" "$target"
	wait "$bg"
	expect_eq "-P as PID 1: SIG$sig ends the pause with 0" 0 "$?"
done
if has compat; then
	$RUN "$OCINIT" -P 2>/dev/null &
	bg=$!
	sleep 0.3
	kill -USR1 "$bg"; sleep 0.2
	alive=$(kill -0 "$bg" 2>/dev/null && echo alive)
	kill -TERM "$bg"
	wait "$bg"
	expect_eq "-P not PID 1: USR1 leaves it paused, TERM ends it with 0" "alive 0" "$alive $?"
	run plain -P true
	expect "-P with a command: refused" 125 "ocinit: --pause runs no command, yet 'true' was given"
fi

has creds || return 0 2>/dev/null || true
make_testroot
hexcaps() { # hexcaps N...: the mask of these capability numbers, as /proc/self/status shows it
	local m=0 n
	for n in "$@"; do m=$((m | (1 << n))); done
	printf '%016x' "$m"
}

# --- the credential variables: each as its flag; flags win; errors name the variable
run testroot env OCINIT_USER=testuser OCINIT_UMASK=027 OCINIT_CWD=/ OCINIT_NO_NEW_PRIVS=1 \
	OCINIT_OOM_SCORE_ADJ=5 $RUN "$OCINIT" "$H/probe" status
expect_eq "OCINIT_USER, _UMASK, _CWD, _NO_NEW_PRIVS, _OOM_SCORE_ADJ" \
	"Uid: 1000 1000 1000 1000|Groups: 10 29 1000|Umask: 0027|NoNewPrivs: 1|Cwd: /|OomScoreAdj: 5" \
	"$(status_of Uid Groups Umask NoNewPrivs Cwd OomScoreAdj)"
run testroot env OCINIT_USER=alice OCINIT_GROUPS=wheel $RUN "$OCINIT" -u testuser "$H/probe" status
expect_eq "-u wins over OCINIT_USER; OCINIT_GROUPS replaces the list" "Uid: 1000 1000 1000 1000|Groups: 10" \
	"$(status_of Uid Groups)"
run testroot env OCINIT_USER=nosuch $RUN "$OCINIT" true
expect "OCINIT_USER=nosuch: the variable named" 125 "ocinit: OCINIT_USER: user nosuch is not in /etc/passwd"
run env OCINIT_UMASK=999 $RUN "$OCINIT" true
expect "OCINIT_UMASK=999: the variable named" 125 "ocinit: OCINIT_UMASK: '999' is not an octal mode 0..0777"
if has rlimits; then
	run env OCINIT_RLIMIT=nofile=100:200,core=0 $RUN "$OCINIT" --rlimit core=1:2 "$H/probe" limits
	expect_eq "OCINIT_RLIMIT: a list; --rlimit replaces its core limit" \
		"Max core file size 1 2 bytes|Max open files 100 200 files" \
		"$(grep -E '^Max (core file size|open files)' "$T/out" | tr -s ' ' | sed 's/ $//' | paste -sd'|')"
	run env OCINIT_RLIMIT=nofile=x $RUN "$OCINIT" true
	expect "OCINIT_RLIMIT=nofile=x: the variable named" 125 "ocinit: OCINIT_RLIMIT: 'nofile=x' is not NAME=SOFT[:HARD]"
fi
run testroot env OCINIT_USER=testuser OCINIT_GROUPS= $RUN "$OCINIT" sh -c 'env | grep -c ^OCINIT_'
expect_eq "the credential variables never reach the child" "0" "$(cat "$T/out")"

if has caps; then
	run env OCINIT_CAPS=CAP_KILL $RUN "$OCINIT" -u 0 "$H/probe" status
	expect_eq "OCINIT_CAPS" "CapBnd: $(hexcaps 5)" "$(status_of CapBnd)"
	run env OCINIT_CAPS=CAP_NOPE $RUN "$OCINIT" true
	expect "OCINIT_CAPS=CAP_NOPE: the variable named" 125 "ocinit: OCINIT_CAPS: CAP_NOPE is not a known capability"

	# --- --caps keep: the engine's grant (here setpriv's bounding set: CHOWN DAC_OVERRIDE
	# KILL, and SETGID SETUID SETPCAP for ocinit's own steps) kept for a new uid
	BS=-all,+chown,+dac_override,+kill,+setgid,+setuid,+setpcap
	K3=$(hexcaps 0 1 5 6 7 8)
	run testroot setpriv --bounding-set $BS $RUN "$OCINIT" -u testuser --caps keep "$H/probe" status
	expect_eq "--caps keep: bounding as found, what ocinit holds in the other four (uid 1000)" \
		"CapInh: $K3|CapPrm: $K3|CapEff: $K3|CapBnd: $K3|CapAmb: $K3" \
		"$(status_of CapInh CapPrm CapEff CapBnd CapAmb)"
	run testroot setpriv --bounding-set $BS $RUN "$OCINIT" -u testuser --caps keep --cap-ambient none "$H/probe" status
	expect_eq "--caps keep, then --cap-ambient none: the set flag wins" \
		"CapPrm: 0000000000000000|CapBnd: $K3|CapAmb: 0000000000000000" "$(status_of CapPrm CapBnd CapAmb)"
	printf '#!/bin/sh\necho "seed ran as $(id -u)"\n' >"$D/entrypoint.sh"
	chmod 0744 "$D/entrypoint.sh"
	run testroot setpriv --bounding-set $BS $RUN "$OCINIT" -u testuser --caps keep "$D/entrypoint.sh"
	expect_eq "--caps keep: the 0744 root entrypoint runs as 1000 (DAC_OVERRIDE kept)" "0 seed ran as 1000" "$RC $(cat "$T/out")"
fi

# --- the primary gid among the groups, unless --groups replaces them
run testroot $RUN "$OCINIT" -u testuser --groups 29 "$H/probe" status
expect_eq "--groups replaces the list, primary gid included" "Gid: 1000 1000 1000 1000|Groups: 29" "$(status_of Gid Groups)"
printf '{"process": {"user": {"uid": 1000, "gid": 1000, "additionalGids": [29]}, "args": ["%s", "status"]}}' "$H/probe" >"$D/u.json"
run testroot $RUN "$OCINIT" --oci "$D/u.json"
expect_eq "a config's additionalGids stay as given (no primary gid added)" "Groups: 29" "$(status_of Groups)"

# --- HOME: with -u the target's (as gosu), unless --env HOME=; a config's: runc's rule
run testroot env HOME=/root $RUN "$OCINIT" -u testuser "$H/probe" status
expect_eq "-u: HOME=/root of the image's root becomes the user's" "Home: /home/testuser" "$(status_of Home)"
run testroot env HOME=/root $RUN "$OCINIT" -u testuser --env HOME=/mine "$H/probe" status
expect_eq "-u with --env HOME=/mine: that one" "Home: /mine" "$(status_of Home)"
for home in '"HOME="' '"HOME=/keep"'; do
	printf '{"process": {"user": {"uid": 1000, "gid": 1000}, "env": [%s], "args": ["%s", "status"]}}' "$home" "$H/probe" >"$D/h.json"
	run testroot $RUN "$OCINIT" --oci "$D/h.json"
	want="Home: /home/testuser"; [ "$home" = '"HOME=/keep"' ] && want="Home: /keep"
	expect_eq "a config's env $home: runc's rule (set when unset or empty)" "$want" "$(status_of Home)"
done

# --- not root: one line that says what to do, before any capability warning
run testroot setpriv --reuid 1000 --regid 1000 --clear-groups $RUN "$OCINIT" -u testuser --caps CAP_KILL true
expect "ocinit not root (an image's USER kept): one line, what to do" 125 \
	"ocinit: ocinit runs as uid 1000, not root, and cannot switch users or groups: run it as root (no USER in the image) and name the user with --user"
run setpriv --reuid 1000 --regid 1000 --clear-groups $RUN "$OCINIT" "$H/probe" exit 4
expect "ocinit not root, no user asked for: runs" 4 ""
