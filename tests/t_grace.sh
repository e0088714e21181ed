# Graceful shutdown: when the child is gone, what is left gets TERM, then KILL after the
# grace period, and ocinit exits with the child's status as soon as nothing is left.
D=$T/grace; mkdir -p "$D"
# a leftover that logs the TERM it gets and ignores it, and one that dies of TERM
stubborn="trap 'echo TERM >>$D/log' TERM; while :; do sleep 0.1; done"
for mode in pid1 plain; do
	if [ $mode = plain ] && { [ "$NO_SUBREAPER" = 1 ] || ! has subreaper; }; then
		skip "$mode: grace period" "no subreaper here (see t_subreaper)"
		continue
	fi
	rm -f "$D/log"
	start=$(date +%s)
	run $mode --grace 60 sh -c "sleep 1000 & sleep 1000 & exit 3"
	took=$(( $(date +%s) - start ))
	expect_eq "$mode: leftovers that die of TERM: exit 3 at once, not after the 60 s grace" \
		"3 fast" "$RC $([ $took -lt 20 ] && echo fast || echo "slow (${took}s)")"
	# a leftover that, on TERM, starts another process and exits: what it leaves gets TERM
	# when it ends, or it would wait the whole grace period for the KILL (the leftover waits
	# 0.2 s before it exits, so that its sleep has left the shell's fork for its exec)
	start=$(date +%s)
	run $mode --grace 60 sh -c "sh -c 'trap \"sleep 1000 & sleep 0.2; exit 0\" TERM; while :; do sleep 0.1; done' & sleep 0.5; exit 3"
	took=$(( $(date +%s) - start ))
	expect_eq "$mode: what a leftover starts as it ends gets TERM too: exit 3 at once" \
		"3 fast" "$RC $([ $took -lt 20 ] && echo fast || echo "slow (${took}s)")"
	# a leftover that survives TERM (a handler) and keeps a child: the child gets TERM at once,
	# not only the KILL after the grace (as a subreaper: every descendant, not only ours)
	cat >"$D/tree.sh" <<'SH'
trap : TERM
sh -c "trap 'echo TERM >>$1; exit 0' TERM; while :; do sleep 0.1; done" &
while :; do wait; done
SH
	rm -f "$D/log2"
	run $mode --grace 2 sh -c "sh $D/tree.sh $D/log2 & sleep 0.5; exit 4"
	expect_eq "$mode: a leftover's own child gets TERM in the grace period" "4 TERM" "$RC $(cat "$D/log2" 2>/dev/null)"
	rm -f "$D/left"
	run $mode --grace 1 sh -c "sh -c \"$stubborn\" & echo \$! >$D/left; sleep 0.5; exit 4"
	expect_eq "$mode: a leftover that ignores TERM gets TERM, then KILL after 1 s; exit 4" \
		"4 TERM" "$RC $(cat "$D/log" 2>/dev/null)"
	if [ $mode = plain ]; then # (as PID 1 the kernel kills what is left when ocinit ends)
		left=$(cat "$D/left" 2>/dev/null)
		sleep 0.2
		st=$(sed 's/.*) \(.\).*/\1/' "/proc/$left/stat" 2>/dev/null)
		[ "$st" = Z ] && st=
		expect_eq "plain: the leftover that ignored TERM is dead when ocinit has exited" "" "$st"
		[ -n "$st" ] && kill -KILL "$left"
	fi
	rm -f "$D/log"
	run $mode --grace 0 sh -c "sh -c \"$stubborn\" & sleep 0.5; exit 5"
	expect_eq "$mode: --grace 0: KILL at once, no TERM" "5 " "$RC $(cat "$D/log" 2>/dev/null)"
done

# As PID 1, TERM starts the grace period: a child that ignores it is killed when it ends.
pid1 --grace 1 sh -c "trap '' TERM; echo ready >$D/ready; while :; do sleep 0.1; done" &
bg=$!
wait_file "$D/ready" && kill -TERM "$(ocinit_below "$bg")"
wait "$bg"
expect_eq "PID 1: TERM, a child that ignores it, KILL after the grace: 137" 137 "$?"

# --ok: codes reported as success
run pid1 --ok 143,3 sh -c 'kill -TERM $$'
expect "--ok 143: death by TERM reported as 0" 0 ""
run pid1 --ok 143,3 sh -c 'exit 3'
expect "--ok 3: exit 3 reported as 0" 0 ""
run pid1 --ok 143 sh -c 'exit 4'
expect "--ok: other codes pass through" 4 ""
run plain --ok 256 true
expect "--ok out of range" 125 "ocinit: --ok: '256' is not a list of exit codes 0..255"
