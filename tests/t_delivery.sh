# Delivery, once (x86_64 defconfig): make install honours DESTDIR and PREFIX, ocinit(8)
# documents every option, variable and exit code, make dist has every arch and checksums.
[ "$ARCH/$CFG" = x86_64/defconfig ] || return 0 2>/dev/null || true
inst=$T/inst
run make -s install O="$(dirname "$OCINIT")" KCONFIG_CONFIG="$(dirname "$OCINIT").config" DESTDIR="$inst" PREFIX=/usr
expect_eq "make install DESTDIR= PREFIX=/usr: the binary (0755) and ocinit(8) (0644)" "0 755 644" \
	"$RC $(stat -c %a "$inst/usr/sbin/ocinit" 2>/dev/null) $(stat -c %a "$inst/usr/share/man/man8/ocinit.8" 2>/dev/null)"
run mandoc -Tlint -Wwarning init/ocinit.8
expect "ocinit(8) is clean for mandoc -Tlint" 0 ""
missing=
for opt in $("$OCINIT" --help | grep -o -- '--[a-z][a-z-]*' | sort -u) OCINIT_OCI OCINIT_PGROUP \
	   OCINIT_VERBOSE OCINIT_GRACE OCINIT_REWRITE OCINIT_OK OCINIT_PDEATHSIG OCINIT_SUBREAPER OCINIT_EXEC; do
	grep -q -- "$(printf '%s' "$opt" | sed 's/-/\\\\-/g')" init/ocinit.8 || missing="$missing $opt"
done
for code in 125 126 127 128+N; do grep -q "^\.B $code\$\|^\.I $code\$" init/ocinit.8 || missing="$missing exit:$code"; done
expect_eq "ocinit(8) covers every option in --help, every variable and exit code" "" "$missing"
run make -s dist
sums=build/dist/SHA256SUMS
n_dist=$(echo $DIST_ARCHES | wc -w)
got="$RC $(wc -l <$sums 2>/dev/null) $(cd build/dist && sha256sum -c --quiet SHA256SUMS >/dev/null 2>&1 && echo OK)"
if [ "$got" = "0 $n_dist OK" ]; then ok "make dist: $n_dist tarballs whose SHA256SUMS verify"
else bad "make dist: $n_dist tarballs whose SHA256SUMS verify" "got '$got'; the build said: $(cat "$T/err" "$T/out" | tail -n 5 | tr '\n' ' ' | cut -c1-400)"; fi
machines= want=
for d in $DIST_ARCHES; do
	a=${d%%:*} m=$(echo "$d" | cut -d: -f3)
	want="$want $a:$m"
	tar -xzf build/dist/ocinit-*-$a.tar.gz -C "$T" 2>/dev/null
	machines="$machines $a:$(od -An -tx2 -j18 -N2 "$T"/ocinit-*-$a/ocinit | tr -d ' ')"
done
expect_eq "make dist: each tarball holds its arch's binary" "$want" "$machines"

# make demo's own verdict: it passes with this ocinit, and fails when a step ends otherwise
# (here: with /bin/false in place of ocinit).
run sh tests/demo.sh "$OCINIT" "$H"
expect_eq "make demo: every step ended as shown" "0 demo: every step ended as shown" "$RC $(tail -n 1 "$T/out")"
run sh tests/demo.sh /bin/false "$H"
expect_eq "make demo fails when its steps fail" "1 demo: 5 steps did not end as they should" "$RC $(tail -n 1 "$T/out")"
