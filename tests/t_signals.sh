# Signals sent to ocinit reach the child exactly once: as PID 1 and as a plain child.
SIGS="1 2 3 10 12 15 28 40"
want=$(printf 'got %s\n' $SIGS | sort)

# send_signals MODE: start MODE ocinit probe, signal ocinit, collect what the probe got.
send_signals() {
	local bg target
	rm -f "$T/ready"
	"$@" "$H/probe" signals 8 "$T/ready" >"$T/sig.out" 2>"$T/sig.err" &
	bg=$!
	if ! wait_file "$T/ready"; then
		kill -9 "$bg" 2>/dev/null; wait "$bg"; return 1
	fi
	target=$(ocinit_below "$bg")
	for s in $SIGS; do kill -"$s" "$target"; done
	wait "$bg"
}
for mode in pid1 plain; do
	send_signals $mode
	rc=$?
	got=$(sort "$T/sig.out")
	if [ "$rc" = 0 ] && [ "$got" = "$want" ]; then ok "$mode: signals $SIGS reach the child once"
	else bad "$mode: signals $SIGS reach the child once" "status $rc, got: $(echo $got) $(cat "$T/sig.err")"; fi
done

# -g: to the whole process group.
if has pgroup; then
	rm -f "$T/r1" "$T/r2"
	pid1 -g sh -c "trap '' USR1; '$H/probe' signals 1 '$T/r1' >'$T/o1' & '$H/probe' signals 1 '$T/r2' >'$T/o2'; wait" &
	bg=$!
	if wait_file "$T/r1" && wait_file "$T/r2"; then
		kill -USR1 "$(ocinit_below "$bg")"
	fi
	wait "$bg"
	rc=$?
	expect_eq "-g forwards to the child's process group (status $rc)" "got 10 got 10" "$(cat "$T/o1" "$T/o2" | tr '\n' ' ' | sed 's/ $//')"
else
	run plain -g true
	expect "-g is refused when PGROUP is off" 125
fi
