# Terminal: the child gets its own process group and, on a terminal, the foreground.
if has pgroup; then want_pg="own"; want_fg="yes"; else want_pg="shared"; want_fg="yes"; fi
run timeout -k 5 60 script -qec "$RUN '$OCINIT' '$H/probe' status" /dev/null
expect_eq "on a terminal: process group $want_pg, foreground $want_fg" \
	"Pgrp: $want_pg Foreground: $want_fg" "$(grep -E '^(Pgrp|Foreground):' "$T/out" | tr -d '\r' | tr '\n' ' ' | sed 's/ $//')"
run $RUN "$OCINIT" "$H/probe" status </dev/null
expect_eq "no terminal: process group $want_pg, no foreground" \
	"Pgrp: $want_pg Foreground: no" "$(grep -E '^(Pgrp|Foreground):' "$T/out" | tr '\n' ' ' | sed 's/ $//')"
# A session of its own exactly where ocinit has no controlling terminal (a container without
# -t: setsid -w gives ocinit none); on a terminal, ocinit's session (job control needs it).
if has pgroup; then want_sid="own"; else want_sid="shared"; fi
run setsid -w $RUN "$OCINIT" "$H/probe" session </dev/null
expect_eq "no controlling terminal: a session of its own ($want_sid)" "Session: $want_sid" "$(cat "$T/out")"
has pgroup && { run setsid -w $RUN "$OCINIT" -g "$H/probe" session </dev/null
	expect_eq "no controlling terminal, -g: a session of its own, the group it forwards to" \
		"0 Session: own" "$RC $(cat "$T/out")"; }
run timeout -k 5 60 script -qec "$RUN '$OCINIT' '$H/probe' session" /dev/null
expect_eq "on a terminal: ocinit's session" "Session: shared" "$(grep '^Session:' "$T/out" | tr -d '\r')"
run timeout -k 5 60 script -qec "$RUN '$OCINIT' '$H/probe' session </dev/null" /dev/null
expect_eq "a controlling terminal but not on stdin: ocinit's session still" "Session: shared" \
	"$(grep '^Session:' "$T/out" | tr -d '\r')"
