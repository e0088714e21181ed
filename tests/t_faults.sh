# Fault injection: each privilege step failing (strace -e inject) gives 125 naming the step,
# and the entrypoint never runs.
has creds || return 0 2>/dev/null || true
D=$T/faults; mkdir -p "$D" && chmod 755 "$D"
# fault SYSCALL MESSAGE FLAGS...: inject EPERM (EACCES for chdir) into SYSCALL
fault() {
	local call=$1 msg=$2 err=EPERM
	shift 2
	[ "$call" = chdir ] && err=EACCES
	rm -f "$D/ran"
	# the old-kernel filter goes outside strace, which would otherwise fail its prctl
	run $WRAP strace -f -qq -o /dev/null -e "inject=$call:error=$err" \
		unshare --pid --fork --mount-proc $EMU "$OCINIT" "$@" -- /bin/touch "$D/ran"
	if [ -e "$D/ran" ]; then bad "inject $call: nothing runs" "the command ran"; return; fi
	expect "inject $call: 125, the step named, nothing run" 125 "ocinit: $msg"
}
fault setgroups "setgroups: Operation not permitted" -u 1000
fault setresgid "setresgid: Operation not permitted" -u 1000
fault setresuid "setresuid: Operation not permitted" -u 1000
if has caps; then
	fault capset "capset: Operation not permitted" -u 1000 --caps CAP_KILL
fi
fault prctl "no_new_privs: Operation not permitted" -u 1000 --no-new-privs
if has rlimits; then
	fault prlimit64 "setrlimit RLIMIT_NOFILE: Operation not permitted" --rlimit nofile=100
fi
fault chdir "chdir $D: Permission denied" -u 1000 --cwd "$D"

# Without the privileges to switch (a non-root caller): the same clear error, nothing run.
rm -f "$D/ran"
run setpriv --reuid 65534 --regid 65534 --clear-groups $RUN "$OCINIT" -u 1000 -- /bin/touch "$D/ran"
expect "non-root caller, -u: 125 before any step, saying what to do" 125 "ocinit: ocinit runs as uid 65534, not root, and cannot switch users or groups: run it as root (no USER in the image) and name the user with --user"
if has caps; then
	run setpriv --reuid 65534 --regid 65534 --clear-groups \
		$RUN "$OCINIT" --cap-bounding none -- /bin/touch "$D/ran"
	expect "non-root caller, capabilities: 125, the bounding set cannot be dropped" 125 \
		"ocinit: drop the bounding set: Operation not permitted"
fi
expect_eq "non-root callers ran nothing" "" "$(ls "$D/ran" 2>/dev/null)"
