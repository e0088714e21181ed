# Exec: the kernel decides, ocinit reports its answer: 127 not found, 126 anything else.
# hint MSG: the hint text when EXEC_HINTS is built in, else nothing.
hint() { if has exec-hints; then printf ' (%s)' "$1"; fi; }
D=$T/exec; mkdir -p "$D/p1" "$D/p2" "$D/dir"
printf '#!/no/such/interpreter\n' >"$D/nointerp"; chmod 755 "$D/nointerp"
printf 'echo no shebang\n' >"$D/noshebang"; chmod 755 "$D/noshebang"
printf '#!/bin/sh\necho plain file\n' >"$D/mode644"; chmod 644 "$D/mode644"
printf '#!/bin/sh\necho from p1\n' >"$D/p1/mycmd"; chmod 644 "$D/p1/mycmd"
printf '#!/bin/sh\necho from p2\n' >"$D/p2/mycmd"; chmod 755 "$D/p2/mycmd"
cp "$H/probe" "$D/busy"

run pid1 "$D/missing"
expect "missing file: 127" 127 "ocinit: exec $D/missing: No such file or directory"
run pid1 "$D/dir"
expect "directory: 126" 126 "ocinit: exec $D/dir: Permission denied$(hint 'no execute permission for this user, a directory or a noexec mount')"
run pid1 "$D/mode644"
expect "mode 0644 file: 126" 126 "ocinit: exec $D/mode644: Permission denied$(hint 'no execute permission for this user, a directory or a noexec mount')"
run pid1 "$D/nointerp"
expect "script with a missing interpreter: 127" 127 "ocinit: exec $D/nointerp: No such file or directory$(hint 'the file exists: its interpreter /no/such/interpreter was not found')"
run pid1 "$D/noshebang"
expect "no #! line: 126, no /bin/sh fallback" 126 "ocinit: exec $D/noshebang: Exec format error$(hint 'no #! line and not a binary format this kernel runs')"
run eval 'exec 7>>"$D/busy"; pid1 "$D/busy" exit 0'
expect "file open for writing: 126" 126 "ocinit: exec $D/busy: Text file busy$(hint 'the file is open for writing')"
run pid1 no-such-command-anywhere
expect "not in PATH: 127" 127 "ocinit: exec no-such-command-anywhere: No such file or directory$(hint 'not found in PATH')"

# PATH search: the child's PATH, past EACCES like execvp, the first EACCES reported.
run env PATH="$D/p1:$D/p2" "$(command -v unshare)" --pid --fork --mount-proc $RUN "$OCINIT" mycmd
expect_eq "PATH search goes past a non-executable match" "0 from p2" "$RC $(cat "$T/out")"
run env PATH="$D/p1:$D/dir" "$(command -v unshare)" --pid --fork --mount-proc $RUN "$OCINIT" mycmd
expect "PATH search with only a non-executable match: 126" 126 "ocinit: exec $D/p1/mycmd: Permission denied$(hint 'no execute permission for this user, a directory or a noexec mount')"
cp "$D/nointerp" "$D/p2/scr"
run env PATH="$D/p1:$D/p2" "$(command -v unshare)" --pid --fork --mount-proc $RUN "$OCINIT" scr
if has exec-hints; then
	expect "PATH search: a found script with a missing interpreter is named" 127 "ocinit: exec $D/p2/scr: No such file or directory (the file exists: its interpreter /no/such/interpreter was not found)"
else
	expect "PATH search: a found script with a missing interpreter: 127" 127 "ocinit: exec scr: No such file or directory"
fi
run env -u PATH "$(command -v unshare)" --pid --fork --mount-proc $RUN "$OCINIT" sh -c 'echo default PATH'
expect_eq "no PATH: the default PATH is searched" "0 default PATH" "$RC $(cat "$T/out")"

# No pre-check: between its start and the entrypoint, ocinit makes no access-style call.
if [ -z "$EMU" ]; then
	# execve traced too: a strace that did not run (or traced nothing) shows no execve of
	# the probe, and fails this
	rm -f "$T/strace"
	strace -f -qq -o "$T/strace" -e trace=execve,access,faccessat,faccessat2,stat,lstat,newfstatat,statx \
		"$OCINIT" "$H/probe" exit 0
	rc=$?
	calls=$(grep -v '^[0-9]* +++ exited' "$T/strace" 2>/dev/null | sed 's/^[0-9]* *//; s/(.*//' | paste -sd' ')
	execs=$(grep -c "execve(\"$H/probe\"" "$T/strace" 2>/dev/null)
	expect_eq "strace: no access/faccessat/stat call before execve (status $rc, the probe's execve seen $execs times)" \
		"0 execve execve" "$rc $calls"
else
	skip "strace: no access/faccessat/stat call before execve" "strace of qemu-user shows qemu's own calls (native build tests it)"
fi
