# Not PID 1: a child subreaper, so orphans are still reaped; if that is refused, one warning.
if ! has subreaper; then
	run plain "$H/probe" exit 0
	expect "without SUBREAPER: no subreaper, no warning" 0 ""
elif [ "$NO_SUBREAPER" = 1 ]; then
	$RUN "$OCINIT" "$H/probe" exit 5 >"$T/out" 2>"$T/err"
	rc=$?
	expect_eq "refused PR_SET_CHILD_SUBREAPER: one warning, and the command still runs" \
		"5 $SUBREAPER_WARN" "$rc $(cat "$T/err")"
	skip "orphans reaped as a subreaper" "this qemu-user refuses PR_SET_CHILD_SUBREAPER (native build tests it)"
else
	run plain "$H/probe" orphans 500
	expect_eq "subreaper adopts and reaps 500 orphans (status $RC)" "adopted 500 left 0 zombies 0" "$(cat "$T/out")"
fi
