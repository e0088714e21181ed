# Usage: help, version, and a clear 125 for what ocinit does not understand.
run plain --help
if [ "$RC" = 0 ] && grep -q '^usage: ocinit' "$T/out"; then ok "--help"; else bad "--help" "status $RC"; fi
run plain --version
if [ "$RC" = 0 ] && grep -q "^ocinit version [0-9.]* ($ARCH[ )]" "$T/out"; then ok "--version"; else bad "--version" "status $RC: $(cat "$T/out")"; fi
run plain --no-such-flag true
expect "unknown long option: 125" 125 "ocinit: unknown option '--no-such-flag' (see --help)"
run plain -Z true
expect "unknown short option: 125" 125 "ocinit: unknown option '-Z' (see --help)"
run plain
expect "no command: 125" 125 "ocinit: no command given (see --help)"
run plain -- "$H/probe" exit 3
expect "'--' ends the options" 3 ""
# bounds, at the edge: the last value in, the first out
run plain --grace 86400 true
expect "--grace 86400 (a day): accepted" 0 ""
run plain --grace 86401 true
expect "--grace 86401: refused" 125 "ocinit: --grace: '86401' is not a number in 0..86400"
# --version names exactly the features of the .config it was built from (the suite's has()
# reads them: a feature left out of the line would skip its tests, not fail them)
want= got=
for sym in $(sed -n 's/^config //p' Kconfig); do
	f=+$(echo "$sym" | tr 'A-Z_' 'a-z-')
	grep -q "^CONFIG_$sym=y" "$B.config" && want="$want $f"
	has "${f#+}" && got="$got $f"
done
expect_eq "--version: the built-in features are the .config's" "$want" "$got"
