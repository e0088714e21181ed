# Terminal: the child gets its own process group and, on a terminal, the foreground.
if has pgroup; then want_pg="own"; want_fg="yes"; else want_pg="shared"; want_fg="yes"; fi
run timeout -k 5 60 script -qec "$RUN '$OCINIT' '$H/probe' status" /dev/null
expect_eq "on a terminal: process group $want_pg, foreground $want_fg" \
	"Pgrp: $want_pg Foreground: $want_fg" "$(grep -E '^(Pgrp|Foreground):' "$T/out" | tr -d '\r' | tr '\n' ' ' | sed 's/ $//')"
run $RUN "$OCINIT" "$H/probe" status </dev/null
expect_eq "no terminal: process group $want_pg, no foreground" \
	"Pgrp: $want_pg Foreground: no" "$(grep -E '^(Pgrp|Foreground):' "$T/out" | tr '\n' ' ' | sed 's/ $//')"
