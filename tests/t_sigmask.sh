# The child starts with the signal mask and ignored set ocinit inherited, never ocinit's own.
for mode in pid1 plain; do
	if [ $mode = pid1 ]; then launch="unshare --pid --fork --mount-proc"; else launch=; fi
	run "$H/probe" sigwrap "$T/wrap" 1,10,20,21,22,40 2,3,13 $launch $RUN "$OCINIT" "$H/probe" status
	expect_eq "$mode: the child's SigBlk is what ocinit was started with" \
		"$(grep SigBlk "$T/wrap")" "$(grep '^SigBlk:' "$T/out")"
	if [ -z "$EMU" ]; then
		expect_eq "$mode: the child's SigIgn is what ocinit was started with" \
			"$(grep SigIgn "$T/wrap")" "$(grep '^SigIgn:' "$T/out")"
	else
		skip "$mode: the child's SigIgn is what ocinit was started with" \
			"qemu-user drops inherited SIG_IGN at its own start (native build tests it)"
	fi
done
# An ignored SIGCHLD would make the kernel reap by itself: ocinit resets it, the child gets it back.
run "$H/probe" sigwrap "$T/wrap" "" 17 $RUN "$OCINIT" "$H/probe" status
if [ -z "$EMU" ]; then
	expect_eq "SIGCHLD ignored: the child inherits it ignored" \
		"$(grep SigIgn "$T/wrap")" "$(grep '^SigIgn:' "$T/out")"
else # qemu-user loses other inherited ignores (see above); SIGCHLD's bit is ocinit's doing
	ign=$(sed -n 's/^SigIgn:[[:space:]]*//p' "$T/out")
	expect_eq "SIGCHLD ignored: the child inherits it ignored" 1 "$(( (0x${ign:-0} >> 16) & 1 ))"
fi
run "$H/probe" sigwrap "$T/wrap" "" 17 unshare --pid --fork --mount-proc $RUN "$OCINIT" "$H/probe" exit 9
expect "SIGCHLD ignored: the exit status still comes through" 9 ""
