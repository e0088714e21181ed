# Stress, bounded in count: a flood of signals while the child forks, PID 1 stopped and
# continued while it reaps orphans, many short runs, a huge argv. ocinit must survive each,
# pass the status through, leave no zombie, and its memory must stay flat.
D=$T/stress; mkdir -p "$D" && chmod 755 "$D"
N=200000 ORPH=2000 RUNS=1000
[ -n "$EMU" ] && N=20000 ORPH=300 RUNS=100   # qemu-user is slower, not different

# 200,000 signals (standard and real-time) at PID 1 while its child forks.
hwm() { awk '/^VmHWM:/ { print $2 }' /proc/"$1"/status 2>/dev/null; }
# The child forks until the flood is over ($D/done), at least 50 times.
rm -f "$D/ready" "$D/done"
pid1 sh -c "trap '' HUP USR1 USR2 ALRM WINCH URG 40 41; touch '$D/ready'; i=0
	while [ ! -e '$D/done' ] || [ \$i -lt 50 ]; do /bin/true & wait; i=\$((i + 1)); done; exit 7" 2>"$D/flood.err" &
bg=$!
if wait_file "$D/ready" && target=$(ocinit_below "$bg"); then
	before=$(hwm "$target")
	sent=$("$H/probe" spam "$target" "$N")
	after=$(hwm "$target")
	touch "$D/done"
	wait "$bg"; rc=$?
	expect_eq "PID 1 under $sent signals while its child forks: the child's 7" 7 "$rc"
	if [ -n "$before" ] && [ -n "$after" ] && [ "$after" -le $((before + 64)) ]; then
		ok "PID 1's memory flat under the flood (VmHWM $before kB, then $after kB)"
	else
		bad "PID 1's memory flat under the flood" "VmHWM '$before' kB, then '$after' kB"
	fi
else
	touch "$D/done"; kill -9 "$bg" 2>/dev/null; wait "$bg"; bad "signal flood" "ocinit did not start"
fi

# PID 1 stopped and continued (50 times) while $ORPH orphans exit together.
pid1 "$H/probe" orphans "$ORPH" >"$D/orph.out" 2>"$D/orph.err" &
bg=$!
if target=$(ocinit_below "$bg"); then
	for i in $(seq 50); do kill -STOP "$target" 2>/dev/null; sleep 0.01; kill -CONT "$target" 2>/dev/null; done
fi
wait "$bg"; rc=$?
expect_eq "PID 1 stopped and continued while $ORPH orphans end: all reaped (status $rc)" \
	"adopted $ORPH left 0 zombies 0" "$(cat "$D/orph.out")"

# $RUNS short runs, each exit status passed through.
wrong=0
for i in $(seq "$RUNS"); do
	$RUN "$OCINIT" -- /bin/busybox sh -c "exit $((i % 256))" 2>/dev/null
	[ $? = $((i % 256)) ] || wrong=$((wrong + 1))
done
expect_eq "$RUNS short runs: every status passed through" 0 "$wrong"

# A huge argv: 100,000 arguments reach the command.
run plain -- /bin/busybox sh -c 'echo $#' x $(seq 100000)
expect_eq "100,000 arguments reach the command" 100000 "$(cat "$T/out")"
