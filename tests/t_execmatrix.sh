# Same outcome as execve: for every file mode, owner, file kind and set of credentials,
# ocinit ends exactly as a plain setuid-then-execve reference (tests/helpers/refexec.c)
# does: the program ran, or the same exit code with the same errno (tests/execmatrix.sh).
has caps || return 0 2>/dev/null || true
KINDS="elf script nointerp noshebang dir dangling noexec"
M=$T/matrix H=$H OCINIT=$OCINIT RUN=$RUN \
	unshare -m --propagation private bash tests/execmatrix.sh $KINDS >"$T/matrix.out" 2>&1
for kind in $KINDS; do
	read -r n nbad nran < <(sed -n "s/^$kind \([0-9]* [0-9]* [0-9]*\)$/\1/p" "$T/matrix.out")
	if [ "${nbad:-x}" = 0 ] && [ "${n:-0}" -gt 0 ]; then
		ok "execve matrix, $kind: ocinit ends as execve does in all $n cells (ran in $nran)"
	else
		bad "execve matrix, $kind" "${nbad:-?} of ${n:-?} cells differ:
$(grep "^    $kind " "$T/matrix.out"; tail -3 "$T/matrix.out")"
	fi
done
