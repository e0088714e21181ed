#!/bin/bash
# make mutate: the suite judged by the bugs it catches. Each mutation of tests/mutations (a
# swapped operator, a dropped call, a changed constant, a removed check: a bug someone
# could write) is applied to a copy of the tree in build/mutate/tree, which is rebuilt, and
# the tests the entry names run there (x86_64; defconfig unless it names configs). A
# mutation is killed when a test fails, survives when all pass. The unmutated copy must
# pass the same tests first, or every kill would mean nothing. Prints each survivor and
# "N killed, N survived"; exits non-zero on a survivor, or on an entry whose text is no
# longer in its file (the list must follow the code). ONLY="N ..." runs those entries.
# An entry marked "equivalent: WHY" is a mutation no test can tell from the real code; it
# is still run, and reported apart.
set -u
cd "$(dirname "$0")/.." || exit 1
TOP=$PWD LIST=tests/mutations M=build/mutate W=build/mutate/tree
mkdir -p "$M"

# the copy: the tracked (and new, unignored) files, their times kept, with copies of the
# libcap-ng source and build of this tree (no mutation touches them; copies, not links, so
# that a build of this tree while the run goes on cannot pull them away)
rm -rf "$W" && mkdir -p "$W/build" || exit 1
git ls-files -z --cached --others --exclude-standard |
	xargs -0 sh -c 'for f; do [ -e "$f" ] && printf "%s\0" "$f"; done' sh |
	tar --null -T - -cf - | tar -C "$W" -xf - || exit 1
# what the mutations start from, kept apart: the tree may change while this runs
rm -rf "$M/pristine" && mkdir -p "$M/pristine" && cp -a "$W/init" "$M/pristine/" &&
	cp "$LIST" "$M/list" && cp tests/mutate.awk "$M/mutate.awk" || exit 1
make -s ARCH=x86_64 build/x86_64-libcap-ng/src/.libs/libcap-ng.a >/dev/null || exit 1
cp -a "$TOP/build/src" "$TOP/build/x86_64-libcap-ng" "$W/build/" || exit 1
ln -s "$TOP/build/vm" "$W/build/vm"   # the kernels t_vm boots (make deps; only read)
# the tree's ../shared is the checkout's (test data, only read), so that no test skips
rm -f "$M/shared" && { [ ! -d "$TOP/../shared" ] || ln -s "$(cd "$TOP/../shared" && pwd)" "$M/shared"; }

# suite TESTS CONFIGS LOG: the named tests in the copy; "fuzz" is the corpus replay.
suite() {
	local t list= fuzz=0 rc
	for t in $1; do
		case $t in
		fuzz) fuzz=1;;
		unit) ;; # the unit tests run with every suite
		*) list="$list tests/$t.sh";;
		esac
	done
	(cd "$W" && SUITE_ONLY=1 ARCHES=x86_64 CONFIGS="$2" TESTS="${list:- }" \
		timeout -k 10 1800 bash tests/run.sh) >"$3" 2>&1
	rc=$?
	if [ "$fuzz" = 1 ] && ! (cd "$W" && make -s check-fuzz) >>"$3" 2>&1; then
		echo "FAIL [host/fuzz] corpus replay" >>"$3"
		rc=1
	fi
	return $rc
}

awk -v want=0 -f "$M/mutate.awk" "$M/list" >"$M/entries" || exit 1
entries=$(cut -d'|' -f1 "$M/entries")
[ -n "${ONLY:-}" ] && entries=$ONLY
# the unmutated copy first: for each config, every test an entry runs in it
base_ok=1
for c in $(cut -d'|' -f5 "$M/entries" | tr ' ' '\n' | sort -u); do
	t=$(for n in $entries; do sed -n "${n}p" "$M/entries"; done |
		awk -F'|' -v c="$c" '(" " $5 " ") ~ (" " c " ") { print $4 }' | tr ' ' '\n' | sort -u | tr '\n' ' ')
	[ -n "$t" ] || continue
	echo "unmutated, $c: $t"
	if ! suite "$t" "$c" "$M/log.0.$c"; then
		grep -E '^FAIL' "$M/log.0.$c" | head -5
		base_ok=0
	fi
done
if [ "$base_ok" = 0 ]; then
	echo "the unmutated tree fails its tests (see $M/log.0.*): no mutation can be judged"
	echo "0 killed, 0 survived"
	exit 1
fi

killed=0 survived=0 equivalent=0 stale=0 survivors=
for n in $entries; do
	IFS='|' read -r _ file what tests configs equiv < <(sed -n "${n}p" "$M/entries")
	label="#$n $file: $what"
	if ! awk -v want="$n" -f "$M/mutate.awk" "$M/list" "$M/pristine/$file" >"$W/$file.mut" 2>"$M/err.$n"; then
		echo "STALE    $label: $(cat "$M/err.$n")"
		stale=$((stale + 1))
		rm -f "$W/$file.mut"
		continue
	fi
	mv "$W/$file.mut" "$W/$file"
	if suite "$tests" "$configs" "$M/log.$n"; then
		if [ -n "$equiv" ]; then
			echo "equal    $label (equivalent: $equiv)"
			equivalent=$((equivalent + 1))
		else
			echo "SURVIVED $label (ran: $tests)"
			survived=$((survived + 1)) survivors="$survivors $n"
		fi
	elif grep -q '^FAIL .*\] build' "$M/log.$n"; then
		echo "STALE    $label: does not build (see $M/log.$n)"
		stale=$((stale + 1))
	else
		echo "killed   $label: $(grep -m1 -E '^FAIL' "$M/log.$n" | cut -c1-140)"
		killed=$((killed + 1))
		[ -n "$equiv" ] && echo "         (listed as equivalent, yet killed: the list is wrong)"
	fi
	cp "$M/pristine/$file" "$W/$file"
done
[ -n "$survivors" ] && echo "survivors:$survivors (logs: $M/log.N)"
[ "$equivalent" = 0 ] || echo "$equivalent equivalent (listed with the reason)"
[ "$stale" = 0 ] || echo "$stale entries that no longer apply: tests/mutations must follow init/"
echo "$killed killed, $survived survived"
[ "$survived" = 0 ] && [ "$stale" = 0 ]
