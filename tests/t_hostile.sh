# Bad input: one clear line naming file, JSON path and byte; exit 125; nothing executed.
has oci || return 0 2>/dev/null || true
D=$T/hostile; mkdir -p "$D"
# hostile NAME JSON MESSAGE [FLAGS...]: the config $D/c.json holds JSON; ocinit must say
# "ocinit: $D/c.json: MESSAGE", exit 125, and never run the marker command.
hostile() {
	local name=$1 json=$2 msg=$3
	shift 3
	printf '%s' "$json" >"$D/c.json"
	rm -f "$D/ran"
	run $RUN "$OCINIT" "$@" --oci "$D/c.json" -- /bin/touch "$D/ran"
	if [ -e "$D/ran" ]; then bad "$name" "the command ran"; return; fi
	expect "$name" 125 "ocinit: $D/c.json: $msg"
}
hostile "uid 4294967295" '{"process":{"user":{"uid":4294967295,"gid":0}}}' \
	"process.user.uid: 4294967295 is out of range (byte 27)"
hostile "uid too large for 64 bits" '{"process":{"user":{"uid":1,"gid":99999999999999999999999}}}' \
	"process.user.gid: 99999999999999999999999 is out of range (byte 35)"
hostile "negative uid" '{"process":{"user":{"uid":-1,"gid":0}}}' \
	"process.user.uid: -1 is not a non-negative integer (byte 27)"
hostile "fractional gid" '{"process":{"user":{"uid":0,"gid":1.0}}}' \
	"process.user.gid: 1.0 is not a non-negative integer (byte 35)"
hostile "exponent gid" '{"process":{"user":{"uid":0,"gid":1e3}}}' \
	"process.user.gid: 1e3 is not a non-negative integer (byte 35)"
hostile "uid as a string" '{"process":{"user":{"uid":"0","gid":0}}}' \
	"process.user.uid: expected a number (byte 27)"
hostile "missing gid" '{"process":{"user":{"uid":0}}}' \
	"process.user: \"gid\" is missing (byte 20)"
hostile "umask 0o1000" '{"process":{"user":{"uid":0,"gid":0,"umask":512}}}' \
	"process.user.umask: 512 is out of range (byte 45)"
hostile "additionalGids not all numbers" '{"process":{"user":{"uid":0,"gid":0,"additionalGids":[1,"x"]}}}' \
	"process.user.additionalGids[1]: expected a number (byte 57)"
hostile "duplicate key" '{"process":{"user":{"uid":0,"gid":0,"uid":1000}}}' \
	"process.user: key \"uid\" is given twice (byte 37)"
hostile "duplicate top-level key" '{"process":{},"process":{}}' \
	": key \"process\" is given twice (byte 15)"
hostile "duplicate key among 22 (over 16 keys: sorted in a mapped block)" '{"process":{"args":["true"],"k01":1,"k02":1,"k03":1,"k04":1,"k05":1,"k06":1,"k07":1,"k08":1,"k09":1,"k10":1,"k11":1,"k12":1,"k13":1,"k14":1,"k15":1,"k16":1,"k17":1,"k18":1,"k19":1,"k20":1,"k07":2}}' \
	"process: key \"k07\" is given twice (byte 189)"
hostile "duplicate key inside an array's object" '{"process":{"rlimits":[{"type":"RLIMIT_CORE","soft":1,"soft":2,"hard":3}]}}' \
	"process.rlimits[0]: key \"soft\" is given twice (byte 55)"
hostile "duplicate key in an unknown field's nested arrays" '{"process":{"x":[[{"a":1}],[{"b":1,"b":2}]]}}' \
	"process.x[1][0]: key \"b\" is given twice (byte 36)"
hostile "duplicate rlimit" '{"process":{"rlimits":[{"type":"RLIMIT_NOFILE","soft":1,"hard":1},{"type":"RLIMIT_NOFILE","soft":2,"hard":2}]}}' \
	"process.rlimits[1].type: RLIMIT_NOFILE is given twice (byte 75)"
hostile "unknown rlimit" '{"process":{"rlimits":[{"type":"RLIMIT_BOGUS","soft":1,"hard":1}]}}' \
	"process.rlimits[0].type: RLIMIT_BOGUS is not a known rlimit (byte 32)"
hostile "rlimit soft above hard" '{"process":{"rlimits":[{"type":"RLIMIT_CORE","soft":2,"hard":1}]}}' \
	"process.rlimits[0]: soft 2 exceeds hard 1 (byte 24)"
hostile "rlimit beyond uint64" '{"process":{"rlimits":[{"type":"RLIMIT_CORE","soft":18446744073709551616,"hard":1}]}}' \
	"process.rlimits[0].soft: 18446744073709551616 is out of range (byte 53)"
has caps && hostile "unknown capability, --strict" '{"process":{"capabilities":{"bounding":["CAP_CHOWN","CAP_BOGUS"]}}}' \
	"process.capabilities.bounding[1]: CAP_BOGUS is not a known capability (--strict) (byte 53)" --strict
hostile "NUL in a string" '{"process":{"args":["a\u0000b"]}}' \
	"process.args[0]: contains a NUL byte (byte 21)"
hostile "env entry without =" '{"process":{"env":["A=1","JUSTNAME"]}}' \
	"process.env[1]: \"JUSTNAME\" is not KEY=VALUE (byte 26)"
hostile "relative cwd" '{"process":{"cwd":"tmp"}}' \
	"process.cwd: tmp is not an absolute path (byte 19)"
if [ "$(cat /sys/module/apparmor/parameters/enabled 2>/dev/null)" = Y ]; then
	skip "apparmorProfile fails closed where AppArmor is off" "AppArmor is on here (t_vm applies a profile)"
else hostile "apparmorProfile fails closed where AppArmor is off" '{"process":{"apparmorProfile":"p"}}' \
	"process.apparmorProfile: AppArmor is not enabled here (--ignore-lsm runs without it) (byte 31)"
fi
hostile "selinuxLabel fails closed" '{"process":{"selinuxLabel":"l"}}' \
	"process.selinuxLabel: ocinit cannot apply it (--ignore-lsm runs without it) (byte 28)"
hostile "top level not an object" '[1]' \
	"(top level): expected an object (byte 1)"
hostile "trailing garbage" '{"process":{}} x' "invalid JSON: unexpected data after the value (byte 16)"
hostile "trailing comma" '{"process":{},}' "invalid JSON: expected a string key (byte 15)"
hostile "comment" '{"process":{} /* no */}' "invalid JSON: expected ',' or '}' (byte 15)"
hostile "invalid UTF-8" "$(printf '{"process":{"cwd":"/\377"}}')" "invalid JSON: invalid UTF-8 (byte 21)"
hostile "overlong UTF-8 (three bytes for a slash)" "$(printf '{"process":{"cwd":"/\340\200\257"}}')" "invalid JSON: invalid UTF-8 (byte 21)"
hostile "lone surrogate" '{"process":{"cwd":"/\ud800"}}' "invalid JSON: lone surrogate in \\u escape (byte 21)"
hostile "nested too deeply" "{\"x\":$(printf '%.0s[' $(seq 70))" "invalid JSON: nested too deeply (byte 69)"
printf '{"process":{"capabilities":{"bounding":["CAP_KILL"],"inheritable":["CAP_KILL"],"ambient":["CAP_KILL"]}}}' >"$D/c.json"
run $RUN "$OCINIT" --strict --oci "$D/c.json" -- /bin/touch "$D/ran"
expect "ambient outside permitted, --strict: refused" 125 "ocinit: capabilities.ambient: CAP_KILL not in permitted"
run $RUN "$OCINIT" --strict --cap-bounding KILL --cap-permitted KILL --cap-ambient KILL -- /bin/touch "$D/ran"
expect "ambient outside inheritable, --strict: refused" 125 "ocinit: capabilities.ambient: CAP_KILL not in inheritable"
run $RUN "$OCINIT" --cap-effective KILL -- /bin/touch "$D/ran"
expect "effective outside permitted" 125 "ocinit: capabilities.effective: CAP_KILL not in permitted"
run $RUN "$OCINIT" --cap-inheritable KILL -- /bin/touch "$D/ran"
expect "inheritable outside bounding" 125 "ocinit: capabilities.inheritable: CAP_KILL not in bounding"
# flags get the same bounds: one past 2^64-1, an empty list element
if has rlimits; then
	run $RUN "$OCINIT" --rlimit core=18446744073709551616 -- /bin/touch "$D/ran"
	expect "--rlimit one past 2^64-1" 125 "ocinit: --rlimit: 'core=18446744073709551616' is not NAME=SOFT[:HARD]"
	run $RUN "$OCINIT" --rlimit core=18446744073709551615:18446744073709551615 --print true
	expect_eq "--rlimit 2^64-1 is unlimited" '0     {"type": "RLIMIT_CORE", "soft": 18446744073709551615, "hard": 18446744073709551615}' \
		"$RC $(grep RLIMIT_CORE "$T/out")"
fi
run $RUN "$OCINIT" --cap-bounding KILL,,CHOWN -- /bin/touch "$D/ran"
expect "an empty element in a capability list" 125 "ocinit: --cap-bounding: 'KILL,,CHOWN' is not a list of capabilities"
run $RUN "$OCINIT" -u 0 --groups 10,,29 -- /bin/touch "$D/ran"
expect "an empty element in a group list" 125 "ocinit: --groups: '10,,29' is not a list of at most 65536 groups"
run $RUN "$OCINIT" -u 0 --groups 10, -- /bin/touch "$D/ran"
expect "a trailing comma in a group list" 125 "ocinit: --groups: '10,' is not a list of at most 65536 groups"
expect_eq "none of the refused configs ran anything" "" "$(ls "$D/ran" 2>/dev/null)"

# What cannot be granted, without --strict: named in a warning, left out, the rest applied
# (the runtime-spec: "MUST be logged as a warning", "SHOULD NOT fail"; runc 1.1 does so).
if has caps; then
	printf '{"process":{"capabilities":{"bounding":["CAP_CHOWN","CAP_BOGUS","CAP_KILL"]}}}' >"$D/c.json"
	run $RUN "$OCINIT" --oci "$D/c.json" -- /bin/grep CapBnd /proc/self/status
	expect_eq "unknown capability in a config: a warning, the rest applied" \
		"0 CapBnd:	0000000000000021 ocinit: warning: $D/c.json: process.capabilities.bounding[1]: CAP_BOGUS is not a known capability: skipped" \
		"$RC $(cat "$T/out") $(cat "$T/err")"
	printf '{"process":{"capabilities":{"bounding":["CAP_KILL","CAP_CHOWN"],"permitted":["CAP_CHOWN"],"inheritable":["CAP_KILL","CAP_CHOWN"],"ambient":["CAP_KILL","CAP_CHOWN"]}}}' >"$D/c.json"
	run $RUN "$OCINIT" --oci "$D/c.json" -- /bin/grep CapAmb /proc/self/status
	expect_eq "ambient outside permitted: a warning naming it, the rest raised" \
		"0 CapAmb:	0000000000000001 ocinit: warning: capabilities.ambient: CAP_KILL not in permitted: skipped (--strict makes this an error)" \
		"$RC $(cat "$T/out") $(cat "$T/err")"
	run $RUN "$OCINIT" --cap-bounding KILL,CHOWN --cap-permitted KILL,CHOWN --cap-inheritable CHOWN --cap-ambient KILL,CHOWN -- /bin/grep CapAmb /proc/self/status
	expect_eq "ambient outside inheritable (runc spec's default config has it): a warning, the rest raised" \
		"0 CapAmb:	0000000000000001 ocinit: warning: capabilities.ambient: CAP_KILL not in inheritable: skipped (--strict makes this an error)" \
		"$RC $(cat "$T/out") $(cat "$T/err")"
fi

# --ignore-lsm: a warning, and it runs
printf '{"process":{"apparmorProfile":"p"}}' >"$D/c.json"
run $RUN "$OCINIT" --ignore-lsm --oci "$D/c.json" -- /bin/true
expect "--ignore-lsm: a warning, and it runs" 0 "ocinit: warning: $D/c.json: process.apparmorProfile is not applied (--ignore-lsm)"

# the file itself: too large, not regular, missing
head -c 1048577 /dev/zero | tr '\0' ' ' >"$D/big.json"
run $RUN "$OCINIT" --oci "$D/big.json" true
expect "config over 1 MiB: refused before reading" 125 "ocinit: $D/big.json: larger than 1048576 bytes"
mkfifo "$D/fifo.json"
run $RUN "$OCINIT" --oci "$D/fifo.json" true
expect "config a FIFO: refused, never waited on" 125 "ocinit: $D/fifo.json: not a regular file"
run $RUN "$OCINIT" --oci "$D/none.json" true
expect "config missing" 125 "ocinit: $D/none.json: No such file or directory"
run env OCINIT_OCI="$D/none.json" $RUN "$OCINIT" true
expect "OCINIT_OCI names the config too" 125 "ocinit: $D/none.json: No such file or directory"
printf '{"process":{"args":["%s","status"]}}' "$H/probe" >"$D/ok.json"
run env OCINIT_OCI="$D/ok.json" OTHER=1 $RUN "$OCINIT"
expect_eq "OCINIT_OCI: args from it, and the variable is not passed on" "0 no OCINIT_OCI" \
	"$RC $(env OCINIT_OCI="$D/ok.json" $RUN "$OCINIT" sh -c 'env | grep -q ^OCINIT_ && echo leaked || echo no OCINIT_OCI' 2>/dev/null)"

# flags
run $RUN "$OCINIT" --umask 0800 true
expect "--umask not octal" 125 "ocinit: --umask: '0800' is not an octal mode 0..0777"
run $RUN "$OCINIT" --rlimit nofile=10:5 true
expect "--rlimit soft above hard" 125 "ocinit: --rlimit nofile=10:5: soft exceeds hard"
run $RUN "$OCINIT" --rlimit bogus=1 true
expect "--rlimit unknown" 125 "ocinit: --rlimit: bogus is not a known rlimit"
run $RUN "$OCINIT" --caps CAP_BOGUS true
expect "--caps unknown" 125 "ocinit: --caps: CAP_BOGUS is not a known capability"
run $RUN "$OCINIT" --oom-score-adj 1001 true
expect "--oom-score-adj out of range" 125 "ocinit: --oom-score-adj: '1001' is not a number in -1000..1000"
run $RUN "$OCINIT" --cwd relative true
expect "--cwd relative" 125 "ocinit: --cwd: relative is not an absolute path"
run $RUN "$OCINIT" --env NOEQUALS true
expect "--env without =" 125 "ocinit: --env: 'NOEQUALS' is not KEY=VALUE"
run $RUN "$OCINIT" --user
expect "--user without a value" 125 "ocinit: option '--user' needs a value USER[:GROUP]"

# capabilities ocinit does not hold: a warning and skipped, or with --strict an error
bnd=$((0x$(sed -n 's/^CapBnd:[[:space:]]*//p' /proc/self/status)))
unheld=
for c in SYS_RESOURCE:24 SYS_MODULE:16 SYS_TIME:25 MAC_ADMIN:33 SYS_BOOT:22; do
	[ $(( (bnd >> ${c#*:}) & 1 )) = 0 ] && { unheld=CAP_${c%:*}; break; }
done
if [ -n "$unheld" ]; then
	run $RUN "$OCINIT" --cap-bounding "$unheld,CAP_KILL" "$H/probe" status
	expect_eq "a capability ocinit lacks: warned about and skipped" \
		"0 ocinit: warning: capabilities.bounding: $unheld not held by ocinit: skipped (--strict makes this an error) CapBnd: 0000000000000020" \
		"$RC $(cat "$T/err") $(status_of CapBnd)"
	run $RUN "$OCINIT" --strict --cap-bounding "$unheld" -- /bin/touch "$D/ran"
	expect "--strict: a capability ocinit lacks is an error" 125 \
		"ocinit: capabilities.bounding: $unheld not held by ocinit"
else
	skip "a capability ocinit lacks" "this runner holds every capability tried"
fi
