# The runc 1.1.4 case (#3715): a root-owned mode-0744 script, a non-root uid holding
# CAP_DAC_OVERRIDE. execve lets it run; an access(2) pre-check would have said EACCES.
has caps || return 0 2>/dev/null || true
mkdir -p "$T/seed" && chmod 755 "$T/seed"
printf '#!/bin/sh\necho hello from the entrypoint\n' >"$T/seed/entrypoint.sh"
chmod 0744 "$T/seed/entrypoint.sh"
for kernel in current old; do
	if [ $kernel = old ]; then wrap="$H/nosys faccessat2"; else wrap=; fi
	run $wrap $RUN "$OCINIT" -u 1000 --caps CAP_DAC_OVERRIDE "$T/seed/entrypoint.sh"
	expect_eq "$kernel kernel: 0744 root script, uid 1000 with CAP_DAC_OVERRIDE: it runs" \
		"0 hello from the entrypoint" "$RC $(cat "$T/out")"
	run $wrap $RUN "$OCINIT" -u 1000 --caps none "$T/seed/entrypoint.sh"
	expect "$kernel kernel: the same without CAP_DAC_OVERRIDE: 126, EACCES" 126 \
		"ocinit: exec $T/seed/entrypoint.sh: Permission denied$(has exec-hints && echo ' (no execute permission for this user, a directory or a noexec mount)')"
done
if [ -z "$EMU" ]; then
	# Everything traced up to the entrypoint's execve is ocinit's; the script's shell may
	# well call access() itself afterwards.
	strace -f -qq -o "$T/strace" -e trace=execve,access,faccessat,faccessat2 \
		"$OCINIT" -u 1000 --caps CAP_DAC_OVERRIDE "$T/seed/entrypoint.sh" >/dev/null 2>&1
	expect_eq "strace: no access/faccessat call by ocinit before the entrypoint's execve" "" \
		"$(awk '/execve\(/ && ++n == 2 { exit } /access/ { print }' "$T/strace")"
	expect_eq "strace: the trace did reach the entrypoint's execve" 1 \
		"$(grep -c "execve(\"$T/seed/entrypoint.sh\".* = 0" "$T/strace")"
else
	skip "strace: no access/faccessat call by ocinit" "strace of qemu-user shows qemu's own calls"
fi
