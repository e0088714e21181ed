# Reaping: thousands of orphans, all adopted by PID 1 and all reaped; no zombie left.
N=3000
[ -n "$EMU" ] && N=1000   # qemu-user forks far more slowly
run pid1 "$H/probe" orphans $N
expect_eq "PID 1 adopts and reaps $N orphans (status $RC)" "adopted $N left 0 zombies 0" "$(cat "$T/out")"

# A child that exits at once must never be missed (signals are blocked before fork).
loops=2000
[ -n "$EMU" ] && loops=300
hung=0 wrong=0
for i in $(seq $loops); do
	timeout -k 1 10 unshare --pid --fork --mount-proc $RUN "$OCINIT" "$H/probe" exit 7 2>/dev/null
	case $? in 7) ;; 124|137) hung=$((hung + 1)) ;; *) wrong=$((wrong + 1)) ;; esac
	[ $hung -ge 3 ] && break   # broken: don't spend 10 s on each of the rest
done
expect_eq "$loops immediately exiting children: none hangs, none loses its status" "hung 0 wrong 0" "hung $hung wrong $wrong"
