#!/bin/bash
# execmatrix.sh KIND...: the cells of the execve matrix (see t_execmatrix.sh), run in a
# private mount namespace of their own (for the noexec tmpfs); prints per kind
# "KIND CELLS MISMATCHES RAN" after up to five mismatch lines. Needs M, H, OCINIT, RUN.
MODES="000 100 010 001 444 544 644 700 744 755 4755"
OWNERS="0 1000 2000"                       # root, the test uid, another uid; group 3000
# credentials: name, ocinit's flags, refexec's UID GID GROUPS CAPS
CREDS="root||-:-:-:-
user|-u 1000:1000 --groups 1000 --caps none|1000:1000:1000:-
dac_override|-u 1000:1000 --groups 1000 --caps CAP_DAC_OVERRIDE|1000:1000:1000:1
dac_read_search|-u 1000:1000 --groups 1000 --caps CAP_DAC_READ_SEARCH|1000:1000:1000:2
in_group|-u 1000:1000 --groups 1000,3000 --caps none|1000:1000:1000,3000:-"

# outcome STATUS ERRFILE: "ran", or the status and the errno text of the stderr line
outcome() {
	if [ "$1" = 0 ]; then echo ran; return; fi
	printf '%s %s' "$1" "$(grep -v '^ocinit: warning: ' "$2" | tail -n 1 |
		sed -e 's/^refexec: //' -e 's/^ocinit: exec [^:]*: //' -e 's/ (.*//')"
}

# cells KIND: every mode, owner and credential for one kind of file; prints mismatches.
cells() {
	local kind=$1 mode owner cred name oflags ref f ro oo n=0 bad=0 ran=0
	for mode in $MODES; do for owner in $OWNERS; do
		rm -rf "$M/d/t" "$M/nx/t"
		f=$M/d/t
		case $kind in
		elf) cp "$H/probe" "$f" ;;
		script) printf '#!/bin/sh\nexit 0\n' >"$f" ;;
		nointerp) printf '#!/no/such/interpreter\n' >"$f" ;;
		noshebang) printf 'exit 0\n' >"$f" ;;
		dir) mkdir "$f" ;;
		dangling) ln -s "$M/d/no-such-target" "$f" ;;
		noexec) f=$M/nx/t; cp "$H/probe" "$f" ;;
		esac
		if [ "$kind" != dangling ]; then chown "$owner:3000" "$f" && chmod "$mode" "$f"; fi
		while IFS='|' read -r name oflags ref; do
			IFS=: read -r ru rg rgr rc <<<"$ref"
			"$H/refexec" "$ru" "$rg" "$rgr" "$rc" "$f" exit 0 >/dev/null 2>"$M/ref.err"
			ro=$(outcome $? "$M/ref.err")
			$RUN "$OCINIT" $oflags "$f" exit 0 >/dev/null 2>"$M/oc.err"
			oo=$(outcome $? "$M/oc.err")
			n=$((n + 1))
			[ "$oo" = ran ] && ran=$((ran + 1))
			if [ "$ro" != "$oo" ]; then
				bad=$((bad + 1))
				[ $bad -le 5 ] && echo "    $kind mode $mode owner $owner $name: execve $ro, ocinit $oo"
			fi
		done <<<"$CREDS"
	done; done
	echo "$n $bad $ran"
}

[ -n "${M:-}" ] && [ -n "${H:-}" ] && [ -n "${OCINIT:-}" ] || { echo "execmatrix: M, H, OCINIT unset" >&2; exit 2; }
mkdir -p "$M/d" "$M/nx" && chmod 755 "$M" "$M/d"
mount -t tmpfs -o noexec,mode=755 none "$M/nx" || exit 1
for kind in "$@"; do
	cells "$kind" | sed '$s/^/'"$kind"' /'
done
