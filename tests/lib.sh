# lib.sh: the integration tests' vocabulary. Sourced by run.sh; counters live in its shell.
# Every test ends in exactly one of ok / bad / skip; skips are never counted as passed.
PASSED=0 FAILED=0 SKIPPED=0

label() { printf '[%s/%s] %s' "$ARCH" "$CFG" "$1"; }
ok()    { PASSED=$((PASSED + 1)); echo "ok   $(label "$1")"; }
bad()   { FAILED=$((FAILED + 1)); echo "FAIL $(label "$1"): $2"; }
skip()  { SKIPPED=$((SKIPPED + 1)); echo "skip $(label "$1"): $2"; }

# has FEATURE: the ocinit under test was built with it (from its --version line, whose
# features sit in parentheses: "(x86_64 +creds +vm) - git.C").
has() { case " $FEATURES " in *" +$1 "*|*" +$1)"*) return 0;; esac; return 1; }

# Every arch ocinit builds, as make dist, make image and make deb carry them, in the
# Makefile's order: ARCH:DEBARCH:e_machine (od -tx2 of offset 18, read little-endian):PLATFORM.
DIST_ARCHES="x86_64:amd64:003e:linux/amd64 aarch64:arm64:00b7:linux/arm64/v8
	i386:i386:0003:linux/386 armhf:armhf:0028:linux/arm/v7 armel:armel:0028:linux/arm/v5
	ppc64el:ppc64el:0015:linux/ppc64le s390x:s390x:1600:linux/s390x mips64el:mips64el:0008:linux/mips64le"
dist_field() { echo $DIST_ARCHES | tr ' ' '\n' | cut -d: -f"$1" | paste -sd' '; }   # one field, all arches

# signum NAME: the number of SIGNAME on the arch under test: its arch.mk's SIGNALS where it
# has them (mips), the generic (this host's) ones otherwise.
signum() {
	local t
	t=$(sed -e ':a' -e '/\\$/N; s/\\\n//; ta' "$TOP/arch/$ARCH/arch.mk" 2>/dev/null | sed -n 's/^SIGNALS *:= *//p')
	if [ -n "$t" ]; then echo $t | tr ' ' '\n' | sed -n "s/^$1://p"; else kill -l "$1"; fi
}

# ocinit as PID 1 of a new PID namespace, and ocinit as a plain child (a subreaper).
pid1()  { timeout -k 5 120 unshare --pid --fork --mount-proc $RUN "$OCINIT" "$@"; }
plain() { timeout -k 5 120 $RUN "$OCINIT" "$@"; }

# run CMD...: run it, stdout in $T/out, stderr in $T/err, status in $RC. Under a qemu-user
# that refuses PR_SET_CHILD_SUBREAPER (checked once: $NO_SUBREAPER) the one warning that
# causes is taken out of stderr; t_subreaper.sh asserts it on its own.
SUBREAPER_WARN='ocinit: warning: cannot become a child subreaper (Invalid argument): orphans will not be reaped'
run() {
	"$@" >"$T/out" 2>"$T/err"
	RC=$?
	if [ "${NO_SUBREAPER:-0}" = 1 ]; then
		grep -vxF "$SUBREAPER_WARN" "$T/err" >"$T/err.f"; mv "$T/err.f" "$T/err"
	fi
}

# expect NAME RC [STDERR-LINE]: judge the last run: its status and, if given, its stderr.
expect() {
	if [ "$RC" != "$2" ]; then
		bad "$1" "status $RC, want $2; stderr: $(head -c 300 "$T/err")"
	elif [ $# -ge 3 ] && [ "$(cat "$T/err")" != "$3" ]; then
		bad "$1" "stderr '$(head -c 300 "$T/err")', want '$3'"
	else
		ok "$1"
	fi
}

# expect_eq NAME WANT GOT
expect_eq() {
	if [ "$2" = "$3" ]; then ok "$1"; else bad "$1" "got '$3', want '$2'"; fi
}

# wait_file FILE: until FILE exists (10 s at most).
wait_file() {
	local i
	for i in $(seq 100); do [ -e "$1" ] && return 0; sleep 0.1; done
	return 1
}

# ocinit_below PID: the pid of the ocinit under test among PID's descendants (its argv[0] is
# $OCINIT, or $EMU followed by $OCINIT), so a test can signal it as a runtime would.
ocinit_below() {
	local i p want queue
	want=$(printf '%s\n' $EMU "$OCINIT")
	for i in $(seq 50); do
		queue=$1
		while [ -n "$queue" ]; do
			set -- $queue
			p=$1; shift; queue=$*
			if [ "$(tr '\0' '\n' </proc/"$p"/cmdline 2>/dev/null | head -n "$(echo "$want" | wc -l)")" = "$want" ]; then
				echo "$p"; return 0
			fi
			queue="$queue $(cat /proc/"$p"/task/*/children 2>/dev/null)"
		done
		sleep 0.1
	done
	return 1
}

# testroot CMD...: run CMD in a private mount namespace whose /etc/passwd and /etc/group are
# the test's own ($T/passwd, $T/group, made by make_testroot); the host's stay untouched.
make_testroot() {
	cat >"$T/passwd" <<'PW'
root:x:0:0:root:/root:/bin/sh
testuser:x:1000:1000:Test User:/home/testuser:/bin/sh
alice:x:1500:1500::/home/alice:/bin/sh
4242:x:2000:2000:numeric name:/home/numeric:/bin/sh
nohome:x:1600:1600::/:/bin/sh
badgid:x:1700:x17::/:/bin/sh
PW
	cat >"$T/group" <<'GR'
root:x:0:
testuser:x:1000:
wheel:x:10:testuser,alice
audio:x:29:testuser
1234:x:3000:alice
staff:x:50:
lookalike:x:4100:test,testuserx,testuse
GR
}
testroot() {
	unshare -m --propagation private sh -c \
		'mount --bind "$1" /etc/passwd && mount --bind "$2" /etc/group && shift 2 && exec "$@"' \
		testroot "$T/passwd" "$T/group" "$@"
}

# status_of FIELDS...: the probe's status lines for FIELDS from $T/out, tabs as spaces, one line.
status_of() {
	local f out=
	for f in "$@"; do
		out="$out$(grep "^$f:" "$T/out" | tr '\t' ' ' | sed 's/ *$//')|"
	done
	printf '%s' "${out%|}"
}
