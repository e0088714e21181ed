# Usage: help, version, and a clear 125 for what ocinit does not understand.
run plain --help
if [ "$RC" = 0 ] && grep -q '^usage: ocinit' "$T/out"; then ok "--help"; else bad "--help" "status $RC"; fi
run plain --version
if [ "$RC" = 0 ] && grep -q "^ocinit [0-9.]* ($ARCH)" "$T/out"; then ok "--version"; else bad "--version" "status $RC: $(cat "$T/out")"; fi
run plain --no-such-flag true
expect "unknown long option: 125" 125 "ocinit: unknown option '--no-such-flag' (see --help)"
run plain -Z true
expect "unknown short option: 125" 125 "ocinit: unknown option '-Z' (see --help)"
run plain
expect "no command: 125" 125 "ocinit: no command given (see --help)"
run plain -- "$H/probe" exit 3
expect "'--' ends the options" 3 ""
