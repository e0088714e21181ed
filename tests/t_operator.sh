# Operator requests: configuration through the environment, exec-in-place, pdeathsig,
# job control, and diagnostics.
D=$T/op; mkdir -p "$D" && chmod 755 "$D"

# --- the environment: every variable works, flags win, the child never sees them
run env OCINIT_GRACE=0 OCINIT_OK=7 $RUN "$OCINIT" sh -c 'exit 7'
expect "OCINIT_OK=7" 0 ""
run env OCINIT_OK=7 $RUN "$OCINIT" --ok 8 sh -c 'exit 7'
expect "OCINIT_OK and --ok add up" 0 ""
if has verbose; then
	run env OCINIT_VERBOSE=1 $RUN "$OCINIT" true
	if grep -q '^ocinit: started true as pid' "$T/err"; then ok "OCINIT_VERBOSE=1"; else bad "OCINIT_VERBOSE=1" "$(cat "$T/err")"; fi
fi
run env OCINIT_GRACE=bogus $RUN "$OCINIT" true
expect "OCINIT_GRACE=bogus: 125, naming the variable" 125 "ocinit: OCINIT_GRACE: 'bogus' is not a number in 0..86400"
run env OCINIT_GRACE=bogus $RUN "$OCINIT" --grace 1 true
expect "a bad variable is an error even when a flag would override it" 125 "ocinit: OCINIT_GRACE: 'bogus' is not a number in 0..86400"
# (the leftover ignores TERM and sleeps 30 s: a timeout of 15 s tells the two apart)
run env OCINIT_GRACE=60 timeout -k 2 15 $RUN "$OCINIT" --grace 0 sh -c "sh -c \"trap '' TERM; sleep 30\" & exit 6"
expect "--grace 0 wins over OCINIT_GRACE=60 (no 60 s wait: not stopped by a 15 s timeout)" 6 ""
run env OCINIT_GRACE=1 OCINIT_PGROUP=1 OCINIT_OK=9 OCINIT_OTHER=kept $RUN "$OCINIT" sh -c 'env | grep ^OCINIT_ | sort'
expect_eq "the child never sees the variables ocinit reads; others stay" "OCINIT_OTHER=kept" "$(cat "$T/out")"
if has pgroup; then
	run env OCINIT_PGROUP=yes $RUN "$OCINIT" -v true
	expect "OCINIT_PGROUP=yes" 0
fi
if has subreaper && [ "$NO_SUBREAPER" = 0 ]; then
	for v in 0 no false ""; do
		run env OCINIT_SUBREAPER=$v $RUN "$OCINIT" "$H/probe" orphans 3
		expect_eq "OCINIT_SUBREAPER=$v: orphans go to the real init, not ocinit" "adopted 0 left 0 zombies 0" "$(cat "$T/out")"
	done
	run env OCINIT_SUBREAPER=yes $RUN "$OCINIT" "$H/probe" orphans 3
	expect_eq "OCINIT_SUBREAPER=yes: ocinit adopts them, as without the variable" "adopted 3 left 0 zombies 0" "$(cat "$T/out")"
fi

# --- --exec: the same process becomes the command; same credentials, same exit codes
run sh -c 'echo $$; exec "$@"' sh $RUN "$OCINIT" --exec sh -c 'echo $$'
expect_eq "--exec: no fork, the command has ocinit's pid" 1 "$(sort -u "$T/out" | wc -l)"
run env OCINIT_EXEC=1 sh -c 'echo $$; exec "$@"' sh $RUN "$OCINIT" sh -c 'echo $$'
expect_eq "OCINIT_EXEC=1: no fork either" 1 "$(sort -u "$T/out" | wc -l)"
for v in 0 ""; do # an empty variable is off, as 0 is
	run env OCINIT_EXEC="$v" sh -c 'echo $$; exec "$@"' sh $RUN "$OCINIT" sh -c 'echo $$'
	expect_eq "OCINIT_EXEC='$v': a fork, as without it" 2 "$(sort -u "$T/out" | wc -l)"
done
run $RUN "$OCINIT" --no-fork "$D/missing"
expect "--no-fork: exec failure: 127 and the message" 127 "ocinit: exec $D/missing: No such file or directory"
if has creds; then
	run $RUN "$OCINIT" --exec -u 1000:1000 --groups 1000 "$H/probe" status
	expect_eq "--exec -u 1000: the credentials applied in place" "Uid: 1000 1000 1000 1000|Groups: 1000" "$(status_of Uid Groups)"
	run env OCINIT_EXEC=1 $RUN "$OCINIT" -u nosuchuser true
	expect "OCINIT_EXEC=1 with a bad user: 125" 125 "ocinit: --user: user nosuchuser is not in /etc/passwd"
fi

# --- --pdeathsig: ocinit dies with its parent, and so does the child (re-armed after setuid)
mkdir -p "$D/w" && chmod 1777 "$D/w"
rm -f "$D/w/child.pid" "$D/ocinit.pid"
sh -c '"$@" & echo $! >"'"$D"'/ocinit.pid"; wait' sh $RUN "$OCINIT" --pdeathsig KILL \
	$(has creds && echo -u 65534) sh -c "echo \$\$ >$D/w/child.pid; exec sleep 100" 2>/dev/null &
launcher=$!
if wait_file "$D/w/child.pid" && sleep 0.2; then
	kill -KILL $launcher
	wait $launcher 2>/dev/null
	sleep 0.5
	left=
	for f in ocinit w/child; do # gone, or a zombie its new parent has yet to reap
		st=$(sed 's/.*) \(.\).*/\1/' "/proc/$(cat "$D/$f.pid")/stat" 2>/dev/null)
		[ -n "$st" ] && [ "$st" != Z ] && left="$left $f"
	done
	expect_eq "--pdeathsig KILL: ocinit and the child die with the parent" "" "$left"
	for f in ocinit w/child; do kill -KILL "$(cat "$D/$f.pid")" 2>/dev/null; done
else
	bad "--pdeathsig" "the child did not start"
fi
run plain --pdeathsig NOPE true
expect "--pdeathsig with a bad signal" 125 "ocinit: --pdeathsig: NOPE is not a signal"

# --- job control: not PID 1, a stopped child stops ocinit too; continuing ocinit continues it
rm -f "$D/stopped"
$RUN "$OCINIT" sh -c "kill -STOP \$\$; echo continued >$D/stopped" 2>/dev/null &
bg=$!
state=
for i in $(seq 50); do
	state=$(sed 's/.*) \(.\).*/\1/' /proc/$bg/stat 2>/dev/null)
	[ "$state" = T ] && break
	sleep 0.1
done
kill -CONT $bg
wait $bg
rc=$?
expect_eq "job control: ocinit stops with its child, and continues it" "T 0 continued" "$state $rc $(cat "$D/stopped" 2>/dev/null)"

# --- diagnostics: silent by default, -v says what happens, -vv more
run plain true
expect "silent by default" 0 ""
if has verbose; then
	run plain -v sh -c 'exit 0'
	expect_eq "-v: what was started" "ocinit: started sh as pid" "$(grep -o '^ocinit: started sh as pid' "$T/err")"
	run pid1 -vv sh -c '(sleep 0 &); sleep 0.3'
	expect_eq "-vv: every reaped process (the child and an orphan)" 2 "$(grep -c '^ocinit: debug: reaped pid' "$T/err")"
	if has creds; then
		run plain -vv -u 1000 true
		expect_eq "-vv: each privilege step applied" 1 "$(grep -c '^ocinit: debug: applied: setresuid$' "$T/err")"
	fi
fi
