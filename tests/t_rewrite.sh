# Signal rewriting: --rewrite SIG:SIG forwards one signal as another; SIG:0 drops it.
# rewrite_case NAME WANT SIGNALS FLAGS...: the probe must get exactly WANT (in any order)
rewrite_case() {
	local name=$1 want=$2 sigs=$3 n bg target
	shift 3
	n=$(echo $want | wc -w)
	rm -f "$T/ready"
	pid1 "$@" "$H/probe" signals "$n" "$T/ready" >"$T/sig.out" 2>"$T/sig.err" &
	bg=$!
	if wait_file "$T/ready"; then
		target=$(ocinit_below "$bg")
		for s in $sigs; do kill -"$s" "$target"; sleep 0.05; done
	fi
	wait "$bg"
	expect_eq "$name" "$(printf 'got %s\n' $want | sort)" "$(sort "$T/sig.out")"
}
rewrite_case "--rewrite TERM:USR1: TERM arrives as USR1" "10 12" "TERM USR2" --rewrite TERM:USR1
rewrite_case "--rewrite HUP:0: HUP is dropped, USR2 still comes" "12" "HUP USR2" --rewrite SIGHUP:0
if [ -z "$EMU" ]; then
	rewrite_case "--rewrite by number and RTMIN+N" "40 2" "15 RTMIN+6" --rewrite 15:RTMIN+6,RTMIN+6:INT
else # qemu-user renumbers real-time signals inside the guest (they still forward right)
	rewrite_case "--rewrite by number" "12 2" "15 USR2" --rewrite 15:USR2,USR2:INT
fi
OCINIT_REWRITE=TERM:USR1 rewrite_case "OCINIT_REWRITE and --rewrite together" "10 12" "TERM INT" \
	--rewrite INT:USR2
run plain --rewrite TERM true
expect "--rewrite without a target" 125 "ocinit: --rewrite: 'TERM' is not SIG:SIG[,SIG:SIG...]"
run plain --rewrite TERM:BOGUS true
expect "--rewrite to an unknown signal: the whole value named" 125 "ocinit: --rewrite: 'TERM:BOGUS' is not SIG:SIG[,SIG:SIG...]"
