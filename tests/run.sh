#!/bin/bash
# make check: every test, for each arch (x86_64 natively, aarch64 under qemu-user) and each
# configuration: defconfig, allnoconfig, and oldkernel (the defconfig build with the system
# calls of kernels after 5.2 answering ENOSYS: every fallback); then, for each of the other
# arches (CORE_ARCHES, under qemu-user), libcap-ng's own tests and the core set (CORE_TESTS)
# in defconfig and oldkernel, and t_size in allnoconfig. Ends with "N passed, N failed,
# N skipped" and exits non-zero on any failure. ARCHES=, CORE_ARCHES=, CONFIGS=,
# CORE_CONFIGS=, TESTS= and CORE_TESTS= narrow a run; SUITE_ONLY=1 (make mutate) leaves out
# the corpus replay, libcap-ng's own tests and the core arches.
# In the tests: EMU runs a program of this arch (qemu-user or nothing), WRAP is the old-kernel
# filter or nothing, RUN is both, to be put before "$OCINIT".
set -u
cd "$(dirname "$0")/.." || exit 1
. tests/lib.sh
ARCHES=${ARCHES-x86_64 aarch64}
CONFIGS=${CONFIGS:-defconfig allnoconfig oldkernel}
CORE_ARCHES=${CORE_ARCHES-i386 armhf armel ppc64el s390x mips64el}
CORE_CONFIGS=${CORE_CONFIGS:-defconfig oldkernel allnoconfig}
[ "${SUITE_ONLY:-0}" = 1 ] && CORE_ARCHES=
# The core set: what the issue of the other arches asks (unit tests run for every build).
CORE_TESTS=${CORE_TESTS:-$(printf 'tests/t_%s.sh ' exit signals sigmask reap exec fds creds names vm \
	hostile execmatrix fields noproc usage size)}
OLD_CALLS=pidfd_open,clone3,close_range,openat2,faccessat2
TESTS=${TESTS:-$(ls tests/t_*.sh)}
TOP=$PWD
ulimit -S -c 0   # no core files from the signal tests; the hard limit stays

# build ARCH CFG: configure and build build/check/ARCH-CFG; prints its directory.
build() {
	local o=build/check/$1-$2
	mkdir -p "$o"
	if [ "$2" = allnoconfig ]; then
		KCONFIG_CONFIG=$o.config kconfig-conf --allnoconfig Kconfig >/dev/null
	else
		KCONFIG_CONFIG=$o.config kconfig-conf --defconfig="configs/$2" Kconfig >/dev/null
	fi || return 1
	make -s ARCH="$1" O="$o" KCONFIG_CONFIG="$o.config" test-programs >"$o.log" 2>&1 ||
		{ tail -20 "$o.log" >&2; return 1; }
}

# Helpers always run natively: a qemu-user guest's execve runs host binaries.
ARCH=x86_64 CFG=helpers
if build x86_64 defconfig; then H=$TOP/build/check/x86_64-defconfig/helpers; else
	bad "build native helpers" "see build/check/x86_64-defconfig.log"; H=/nonexistent; fi

# Host only: the fuzz seed corpora (and JSONTestSuite, where ../shared has it) replayed
# through the parsers under ASan and UBSan. Each fuzzer must have run every file given
# (libFuzzer's "Done N runs" is the files plus one empty input): a corpus half gone fails.
ARCH=host CFG=fuzz
if [ "${SUITE_ONLY:-0}" != 1 ]; then
	suite=$TOP/../shared/testdata/JSONTestSuite
	replay=
	if [ -d "$suite" ]; then replay="$suite/test_parsing $suite/test_transform"
	else skip "JSONTestSuite replayed under ASan/UBSan" "../shared is absent"; fi
	files() { find "$@" -type f -size +0 | wc -l; }   # (libFuzzer skips empty files)
	want="$(( $(files tests/fuzz/corpus $replay) + 1 ))+$(( $(files tests/fuzz/corpus-text) + 1 ))"
	make -s check-fuzz FUZZ_REPLAY="$replay" >build/check/fuzz.log 2>&1
	rc=$?
	got=$(sed -n 's/^Done \([0-9]*\) runs.*/\1/p' build/check/fuzz.log | paste -sd+)
	if [ "$rc" = 0 ] && [ "$got" = "$want" ]; then
		ok "fuzz corpora replayed under ASan/UBSan ($got inputs: json, then the other parsers)"
	else
		bad "fuzz corpora replayed under ASan/UBSan" "status $rc, ran $got inputs, want $want; $(grep -m1 -E 'ERROR|error' build/check/fuzz.log) (see build/check/fuzz.log)"
	fi
fi

# run_arch: every configuration of $ARCH with its tests: the full suite for ARCHES, the core
# set (defconfig, oldkernel; t_size alone in allnoconfig) for CORE_ARCHES.
run_arch() {
	ARCH_CONFIGS=$CONFIGS ARCH_TESTS=$TESTS
	case " $CORE_ARCHES " in *" $ARCH "*)
		ARCH_CONFIGS=$CORE_CONFIGS ARCH_TESTS=$CORE_TESTS ;;
	esac
	EMU=$(sed -n 's/^RUN *:= *//p' "arch/$ARCH/arch.mk")
	[ -n "$EMU" ] && EMU=$(command -v "$EMU")   # absolute: some tests change PATH
	CFG=libcap-ng RUN=$EMU
	if [ "${SUITE_ONLY:-0}" = 1 ]; then :
	elif make -s ARCH="$ARCH" check-capng >"build/check/capng-$ARCH.log" 2>&1 &&
	   grep -q '^# FAIL: *0' "build/$ARCH-libcap-ng/src/test/test-suite.log"; then
		ok "libcap-ng's own make check"
	else
		bad "libcap-ng's own make check" "see build/check/capng-$ARCH.log"
	fi
	for CFG in $ARCH_CONFIGS; do
		BCFG=$CFG WRAP=
		if [ "$CFG" = oldkernel ]; then BCFG=defconfig WRAP="$H/nosys $OLD_CALLS"; fi
		RUN=$(echo $WRAP $EMU)
		if ! build "$ARCH" "$BCFG"; then
			bad "build" "see build/check/$ARCH-$BCFG.log"
			continue
		fi
		B=$TOP/build/check/$ARCH-$BCFG
		OCINIT=$B/ocinit
		FEATURES=$($RUN "$OCINIT" --version)
		T=$(mktemp -d /tmp/ocinit-test.XXXXXX)
		chmod 755 "$T"
		NO_SUBREAPER=0
		if [ -n "$EMU" ] && $RUN "$OCINIT" true 2>&1 | grep -qxF "$SUBREAPER_WARN"; then
			NO_SUBREAPER=1
		fi
		for u in "$B"/unit/*; do
			line=$($RUN "$u" 2>"$T/unit.err" | tail -n 1)
			p=$(echo "$line" | sed -n 's/.*: \([0-9]*\) passed, \([0-9]*\) failed$/\1/p')
			f=$(echo "$line" | sed -n 's/.*: \([0-9]*\) passed, \([0-9]*\) failed$/\2/p')
			if [ -n "$p" ] && [ "$f" = 0 ]; then ok "unit $(basename "$u") ($p checks)"
			else bad "unit $(basename "$u")" "$line $(grep FAILED "$T/unit.err" | head -5)"; fi
		done
		tests=$ARCH_TESTS
		case " $CORE_ARCHES " in *" $ARCH "*) [ "$CFG" = allnoconfig ] && tests=tests/t_size.sh ;; esac
		for t in $tests; do
			. "$t"
		done
		rm -rf "$T"
	done
}

# The core arches run beside the full suite, in a worker of their own (each keeps about one
# of this machine's two cores busy); their lines and counts are added at the end.
CORE_LOG=$TOP/build/check/core.log
if [ -n "$CORE_ARCHES" ]; then
	(
		PASSED=0 FAILED=0 SKIPPED=0
		for ARCH in $CORE_ARCHES; do run_arch; done
		echo "core arches: $PASSED passed, $FAILED failed, $SKIPPED skipped"
	) >"$CORE_LOG" 2>&1 &
	core=$!
fi
for ARCH in $ARCHES; do run_arch; done
if [ -n "$CORE_ARCHES" ]; then
	wait "$core"
	ARCH=core CFG=all
	line=$(tail -n 1 "$CORE_LOG")
	set -- $(echo "$line" | sed -n 's/^core arches: \([0-9]*\) passed, \([0-9]*\) failed, \([0-9]*\) skipped$/\1 \2 \3/p')
	grep -v '^core arches: ' "$CORE_LOG"
	if [ $# = 3 ]; then
		PASSED=$((PASSED + $1)) FAILED=$((FAILED + $2)) SKIPPED=$((SKIPPED + $3))
	else
		bad "the core arches ($CORE_ARCHES) ran to their end" "no closing line in $CORE_LOG: $line"
	fi
fi
echo "$PASSED passed, $FAILED failed, $SKIPPED skipped"
[ "$FAILED" = 0 ]
