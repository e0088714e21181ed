# Exit status: every code 0..255 passes through, death by signal N gives 128+N (as PID 1),
# N as the arch numbers it (the native probe raises the host's number; qemu-user tells the
# guest its own).
wrong=
for c in $(seq 0 255); do
	pid1 "$H/probe" exit "$c" 2>/dev/null
	rc=$?
	[ "$rc" = "$c" ] || wrong="$wrong $c->$rc"
done
expect_eq "exit codes 0..255 pass through as PID 1" "" "$wrong"

for s in HUP INT QUIT ILL ABRT FPE KILL SEGV PIPE ALRM TERM USR1 USR2 BUS; do
	n=$(signum "$s")
	run pid1 "$H/probe" raise "$(kill -l "$s")"
	expect "death by SIG$s gives $((128 + n))" $((128 + n))
done

run plain "$H/probe" exit 42
expect "exit code passes through when not PID 1" 42 ""
