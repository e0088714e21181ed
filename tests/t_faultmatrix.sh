# Fault injection at every system call ocinit makes (tests/helpers/inject.c, a ptrace
# injector that counts only ocinit's own calls, parent and child before execve). A run with
# full credentials is traced once; then each occurrence N of each call fails in turn. Each
# cell must end in one of two ways: 125 (or exec's 126/127) with exactly one error line and
# nothing run, or the entrypoint run with exactly the reference run's credentials and
# status 0. Never a hang (10 s), never ocinit gone before its child, never a signal death.
# make check: every occurrence with EPERM, the first occurrence of each call with every
# errno, and a silent success (return 0, nothing done) at each privilege call. FAULTS=all
# (make check-all): every occurrence with every errno.
[ -n "$EMU" ] && { skip "fault matrix" "under qemu-user the tracer sees qemu's own calls"; return 0 2>/dev/null || true; }
[ "$CFG" = oldkernel ] && return 0 2>/dev/null   # the defconfig binary, matrixed there
D=$T/fm; mkdir -p "$D" && chmod 755 "$D"
INJ=$H/inject
ERRNOS="1 22 12 4 11 5"   # EPERM EINVAL ENOMEM EINTR EAGAIN EIO
NAMES=/usr/include/x86_64-linux-gnu/asm/unistd_64.h
name_of() { sed -n "s/^#define __NR_\([a-z0-9_]*\) $1\$/\1/p" "$NAMES"; }

args="--grace 1"
if has creds; then
	make_testroot
	args="$args -u testuser --umask 027 --cwd / --no-new-privs --env A=1 --oom-score-adj 3"
	has caps && args="$args --caps CAP_KILL,CAP_CHOWN --cap-inheritable CAP_KILL --cap-ambient CAP_KILL"
	has rlimits && args="$args --rlimit nofile=512:1024"
	has sched && args="$args --ioprio be:3 --sched batch,nice=2 --cpu-affinity 0"
	wrap=testroot
else
	wrap=
fi
# the reference: no fault
$wrap timeout -k 2 10 "$INJ" -o "$D/counts" -r "$D/res" "$OCINIT" $args -- "$H/probe" status >"$D/ref" 2>"$D/ref.err"
rc=$?
if [ "$rc" != 0 ] || ! grep -q '^Uid:' "$D/ref"; then
	bad "fault matrix: the reference run" "status $rc: $(head -c 300 "$D/ref.err")"
	return 0 2>/dev/null || true
fi
total=$(awk '{ s += $2 } END { print s }' "$D/counts")
ok "fault matrix: the reference run ($total system calls of ocinit's, $(wc -l <"$D/counts") kinds)"

cells=0 violations=0 list=
# cell NR N ERR: one injected run, judged; REACHED says whether the call was reached.
cell() {
	local why=
	REACHED=0
	rm -f "$D/res"
	$wrap timeout -k 2 10 "$INJ" -r "$D/res" "$1:$2:$3" "$OCINIT" $args -- "$H/probe" status >"$D/out" 2>"$D/err"
	local rc=$? errs
	errs=$(grep -vc '^ocinit: warning: ' "$D/err")
	if [ "$rc" = 124 ] || [ "$rc" = 137 ]; then why="hang (status $rc)"
	elif ! grep -q '^injected 1' "$D/res" 2>/dev/null; then return 0   # not reached in this run
	fi
	REACHED=1
	cells=$((cells + 1))
	if [ -n "$why" ]; then :
	elif ! grep -q '^alive 0' "$D/res"; then why="ocinit ended before its child"
	elif [ -s "$D/out" ]; then
		[ "$rc" = 0 ] || why="the entrypoint ran, status $rc"
		cmp -s "$D/out" "$D/ref" || why="the entrypoint ran with other credentials: $(diff "$D/ref" "$D/out" | grep '^[<>]' | head -2 | tr '\n\t' '  ')"
	elif [ "$rc" != 125 ] && [ "$rc" != 126 ] && [ "$rc" != 127 ]; then why="status $rc, nothing run"
	elif [ "$errs" != 1 ] || ! grep -q '^ocinit: ' "$D/err"; then why="status $rc with $errs error lines: $(head -c 200 "$D/err" | tr '\n' '|')"
	fi
	if [ -n "$why" ]; then
		violations=$((violations + 1))
		[ "$violations" -le 12 ] && list="$list
    $(name_of "$1") #$2 (error $3): $why"
	fi
}

# Not injected: close (the kernel releases the descriptor even when close returns an error,
# so a close skipped is no fault a kernel makes) and arch_prctl (musl sets up the thread
# pointer with it before main; the kernel cannot refuse a valid address).
skipped_calls="close arch_prctl"
while read -r nr count; do
	case " $skipped_calls " in *" $(name_of "$nr") "*) continue;; esac
	# make check samples a call made more than 20 times (prctl: one per capability per
	# set): its first 10 occurrences and every 25th
	for n in $(seq "$count"); do
		[ "${FAULTS:-}" != all ] && [ "$count" -gt 20 ] && [ "$n" -gt 10 ] && [ $((n % 25)) != 0 ] && continue
		if [ "${FAULTS:-}" = all ]; then
			for e in $ERRNOS; do cell "$nr" "$n" "$e"; done
		else
			cell "$nr" "$n" 1
			if [ "$n" = 1 ]; then for e in $ERRNOS; do [ "$e" = 1 ] || cell "$nr" 1 "$e"; done; fi
		fi
	done
done <"$D/counts"
# Silent success (success returned, nothing done) at each privilege step: the read-back must
# catch every one. prctl by option: CAPBSET_DROP, KEEPCAPS, NO_NEW_PRIVS, CAP_AMBIENT (its
# getters, such as CAPBSET_READ before the fork, are inputs, not steps). write returns 1:
# oom_score_adj's "3" written, as far as ocinit can tell.
for c in setgroups setresgid setresuid capset prlimit64 chdir umask write prctl:24 prctl:8 prctl:38 prctl:47 \
	 ioprio_set sched_setattr sched_setaffinity; do
	nr=$(sed -n "s/^#define __NR_${c%%:*} \([0-9]*\)\$/\1/p" "$NAMES")
	count=$(awk -v n="$nr" '$1 == n { print $2 }' "$D/counts")
	case $c in *:*) a=":${c#*:}";; *) a=;; esac
	r=0; [ "$c" = write ] && r=-1
	for n in $(seq "${count:-0}"); do cell "$nr" "$n" "$r$a"; [ "$REACHED" = 1 ] || break; done
done
if [ "$violations" = 0 ]; then ok "fault matrix: $cells cells, 0 violations"
else bad "fault matrix: $cells cells" "$violations violations:$list"; fi
# A bounding set that did not drop though the call said so (libcap-ng 0.8.3 returns 0 then)
# is caught at its own step, by name, not only by the final read-back.
if has caps; then
	nr=$(sed -n 's/^#define __NR_prctl \([0-9]*\)$/\1/p' "$NAMES")
	run $wrap timeout -k 2 10 "$INJ" "$nr:1:0:24" "$OCINIT" $args -- "$H/probe" status
	expect "fault matrix: PR_CAPBSET_DROP silently not done: the step named" 125 \
		"ocinit: drop the bounding set: Operation not permitted"
fi
