# Signals sent to ocinit reach the child exactly once: as PID 1 and as a plain child.
# (TSTP, TTIN and TTOU too: forwarded, not acted on; the probe blocks them all)
SIGS="1 2 3 10 12 15 20 21 22 28 40"
[ -z "$EMU" ] && SIGS="$SIGS 64"   # qemu-user keeps the top real-time signals for itself
want=$(printf 'got %s\n' $SIGS | sort)

# send_signals MODE: start MODE ocinit probe, signal ocinit, collect what the probe got.
send_signals() {
	local bg target
	rm -f "$T/ready"
	"$@" "$H/probe" signals "$(echo $SIGS | wc -w)" "$T/ready" >"$T/sig.out" 2>"$T/sig.err" &
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
# -g, OCINIT_PGROUP=1 and tini's TINI_KILL_PROCESS_GROUP (any value, none too): to the whole process
# group; without any, to the child alone
# (the shell, which ignores it: the probes in its group time out, "none").
if has pgroup; then
	for how in -g OCINIT_PGROUP=1 TINI_KILL_PROCESS_GROUP= TINI_KILL_PROCESS_GROUP=anything none; do
		case $how in TINI_*) has compat || continue;; esac
		rm -f "$T/r1" "$T/r2" "$T/o1" "$T/o2"
		case $how in -g) flag=-g var=;; none) flag= var=;; *) flag= var=$how;; esac
		want="0 got 10 got 10"
		[ "$how" = none ] && want="0 none none"
		env $var timeout -k 5 120 unshare --pid --fork --mount-proc $RUN "$OCINIT" $flag sh -c \
			"trap '' USR1; '$H/probe' signals 1 '$T/r1' 3 >'$T/o1' & '$H/probe' signals 1 '$T/r2' 3 >'$T/o2'; wait" &
		bg=$!
		if wait_file "$T/r1" && wait_file "$T/r2"; then
			kill -USR1 "$(ocinit_below "$bg")"
		fi
		wait "$bg"
		rc=$?
		expect_eq "$how: USR1 to the child's process group, or to the child alone" "$want" \
			"$rc $(cat "$T/o1" "$T/o2" 2>/dev/null | tr '\n' ' ' | sed 's/ $//')"
	done
else
	run plain -g true
	expect "-g is refused when PGROUP is off" 125
fi
