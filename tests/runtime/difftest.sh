#!/bin/bash
# difftest: the same process config (a) as runc's own process and (b) applied by ocinit,
# started by runc as root from a dirty state, must leave the probe with identical Uid, Gid,
# Groups, the five capability sets, NoNewPrivs, Umask and limits. Fixed edge cases first,
# then random configs from a printed seed (replay: make difftest SEED=S N=K).
#   sourced by tests/t_difftest.sh, or run as: bash tests/runtime/difftest.sh [N] [SEED]

# dt_limit RESOURCE-LINE: this host's hard limit for a /proc/self/limits line, or "unlimited".
dt_hard() { grep "^$1" /proc/self/limits | awk '{print $(NF-1)}'; }

# dt_pick N: DT_R = a pseudo-random number 0..N-1 from DT_STATE (a 31-bit LCG). Kept in
# this shell on purpose: bash reseeds RANDOM in every subshell, which would make a seed
# useless for replaying, so nothing random may run inside $(...).
dt_pick() {
	DT_STATE=$(( (DT_STATE * 1103515245 + 12345) % 2147483648 ))
	DT_R=$(( (DT_STATE >> 8) % $1 ))
}

# dt_subset JSON-ARRAY [PERCENT]: DT_SET = each element kept with that chance (50).
dt_subset() {
	local keep=() c
	for c in $(jq -r '.[]' <<<"$1"); do
		dt_pick 100
		[ "$DT_R" -lt "${2:-50}" ] && keep+=("\"$c\"")
	done
	local IFS=,
	DT_SET="[${keep[*]}]"
}

# dt_random: DT_PROC = one random process object (without args), legal for runc.
dt_random() {
	local held=$1 uid gid groups=() umask b p e i a nnp rl=() lim h s n
	dt_pick 4
	case $DT_R in 0) uid=0 ;; 1) uid=1000 ;; *) dt_pick 65000; uid=$((DT_R + 1)) ;; esac
	dt_pick 3
	if [ $DT_R = 0 ]; then gid=0; else dt_pick 65000; gid=$DT_R; fi
	dt_pick 6
	for n in $(seq $DT_R); do dt_pick 5000; groups+=("$DT_R"); done
	dt_pick 3
	[ ${#groups[@]} -gt 1 ] && [ $DT_R = 0 ] && groups+=("${groups[0]}")  # a duplicate
	umask=null
	dt_pick 2
	[ $DT_R = 0 ] && { dt_pick 512; umask=$DT_R; }
	dt_subset "$held" 70; b=$DT_SET
	dt_subset "$held" 40; p=$DT_SET
	dt_subset "$p" 60; e=$DT_SET
	dt_subset "$b" 20; i=$DT_SET
	a=$(jq -cn --argjson p "$p" --argjson i "$i" '[$p[] as $x | $i[] | select(. == $x)]')
	dt_subset "$a" 70; a=$DT_SET
	dt_pick 2
	nnp=$([ $DT_R = 0 ] && echo true || echo false)
	# limits within this host's hard limits (root here cannot raise them), and large enough
	# for a process to start (NPROC counts the uid's processes on the whole host). qemu-user
	# keeps RLIMIT_STACK to itself (set is ignored, get reports its own), so not under it.
	for lim in "NOFILE:Max open files:64" "NPROC:Max processes:4096" "CORE:Max core file size:0" \
		   "SIGPENDING:Max pending signals:64" "MSGQUEUE:Max msgqueue size:0" \
		   "STACK:Max stack size:2097152" "MEMLOCK:Max locked memory:0"; do
		dt_pick 3
		[ $DT_R = 0 ] || continue
		[ -n "$EMU" ] && [ "${lim%%:*}" = STACK ] && continue
		h=$(dt_hard "$(echo "$lim" | cut -d: -f2)")
		n=${lim##*:}
		[ "$h" = unlimited ] && h=$((n + 67108864))
		[ "$h" -lt "$n" ] && continue
		dt_pick $((h - n + 1)); h=$((n + DT_R))
		dt_pick $((h - n + 1)); s=$((n + DT_R))
		rl+=("{\"type\": \"RLIMIT_${lim%%:*}\", \"soft\": $s, \"hard\": $h}")
	done
	local IFS=,
	DT_PROC=$(jq -cn --argjson uid "$uid" --argjson gid "$gid" --argjson g "[${groups[*]}]" \
		--argjson um "$umask" --argjson b "$b" --argjson p "$p" --argjson e "$e" --argjson i "$i" \
		--argjson a "$a" --argjson nnp "$nnp" --argjson rl "[${rl[*]}]" '
		{user: ({uid: $uid, gid: $gid, additionalGids: $g} + (if $um == null then {} else {umask: $um} end)),
		 capabilities: {bounding: $b, permitted: $p, effective: $e, inheritable: $i, ambient: $a},
		 noNewPrivileges: $nnp, rlimits: $rl, env: ["PATH=/bin"], cwd: "/"}')
}

# dt_fixed: edge cases, one per line.
dt_fixed() {
	local held=$1
	echo '{"user": {"uid": 0, "gid": 0}, "cwd": "/"}'                           # no capabilities at all
	echo '{"user": {"uid": 1000, "gid": 1000}, "cwd": "/"}'
	jq -cn --argjson h "$held" '{user: {uid: 0, gid: 0, additionalGids: [7, 7, 0]}, cwd: "/",
		capabilities: {bounding: $h, permitted: $h, effective: $h, inheritable: $h, ambient: $h}}'
	jq -cn --argjson h "$held" '{user: {uid: 0, gid: 0, umask: 0}, cwd: "/", noNewPrivileges: true,
		capabilities: {bounding: $h, permitted: ["CAP_KILL"], effective: ["CAP_KILL"]}}'
	jq -cn --argjson h "$held" '{user: {uid: 1000, gid: 1000, umask: 511}, cwd: "/", noNewPrivileges: true,
		capabilities: {bounding: $h, permitted: $h, effective: $h, inheritable: $h, ambient: $h}}'
	echo '{"user": {"uid": 65534, "gid": 65534, "additionalGids": [65534]}, "cwd": "/",
		"capabilities": {"bounding": ["CAP_KILL"], "permitted": ["CAP_KILL"], "inheritable": ["CAP_KILL"],
		"ambient": ["CAP_KILL"]}}' | jq -c .
}

# dt_one N PROCESS-JSON: run both sides, compare; ok/bad.
dt_one() {
	local i=$1 proc=$2 d=$T/dt/$1 want got
	mkdir -p "$d"
	jq '. + {args: ["/bin/probe", "report"]} | .env //= ["PATH=/bin"]' <<<"$proc" >"$d/process.json"
	rt_bundle "$d/a" "$DT_ROOT" '.process = $p[0]' --slurpfile p "$d/process.json"
	rt_bundle "$d/b" "$DT_ROOT" "$rt_ocinit_filter" --arg p "$d/process.json" --argjson caps "$DT_HELD" \
		--argjson launch "$DT_LAUNCH"
	rt_run runc "$d/a" >"$d/a.out" 2>"$d/a.err"
	rt_run runc "$d/b" >"$d/b.out" 2>"$d/b.err"
	want=$(cat "$d/a.out" "$d/a.err"); got=$(cat "$d/b.out" "$d/b.err")
	local what
	what=$(jq -r '"uid \(.user.uid) gid \(.user.gid) groups \(.user.additionalGids // [] | length) umask \(.user.umask // "-") nnp \(.noNewPrivileges // false) caps \(.capabilities // {} | [.bounding, .effective, .permitted, .inheritable, .ambient] | map(. // [] | length) | join("/")) rlimits \(.rlimits // [] | length)"' "$d/process.json")
	if [ -n "$want" ] && [ "$want" = "$got" ] && grep -q '^CapBnd:' "$d/a.out"; then
		ok "difftest #$i ($what): runc and ocinit agree"
		rm -rf "$d"
	else
		bad "difftest #$i ($what)" "runc and ocinit differ; config $d/process.json:
$(diff <(echo "$want") <(echo "$got") | head -10)"
	fi
}

# difftest N SEED: the fixed cases and N-6 random ones.
difftest() {
	local n=$1 seed=$2 i=0 line
	mkdir -p "$T/dt"
	DT_ROOT=$T/dt/rootfs
	rt_rootfs "$DT_ROOT"
	DT_HELD=$(rt_held_caps)
	DT_LAUNCH='[]'
	[ -n "$EMU" ] && DT_LAUNCH='["/bin/qemu"]'
	echo "  difftest: $n configs, seed $seed (replay: make difftest ARCH=$ARCH SEED=$seed N=$n)"
	while IFS= read -r line; do
		i=$((i + 1)); dt_one $i "$line" </dev/null
	done < <(dt_fixed "$DT_HELD")
	DT_STATE=$((seed % 2147483648))
	while [ $i -lt "$n" ]; do
		i=$((i + 1))
		dt_random "$DT_HELD"
		dt_one $i "$DT_PROC" </dev/null
	done
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then # run on its own
	cd "$(dirname "$0")/../.." || exit 1
	. tests/lib.sh
	. tests/runtime/lib.sh
	ARCH=${ARCH:-x86_64} CFG=difftest
	for a in x86_64 $ARCH; do # helpers are always native
		o=build/check/$a-defconfig
		KCONFIG_CONFIG=$o.config kconfig-conf --defconfig=configs/defconfig Kconfig >/dev/null &&
			make -s ARCH=$a O=$o KCONFIG_CONFIG=$o.config test-programs || exit 1
	done
	OCINIT=$PWD/$o/ocinit H=$PWD/build/check/x86_64-defconfig/helpers
	EMU=$(sed -n 's/^RUN *:= *//p' "arch/$ARCH/arch.mk")
	[ -n "$EMU" ] && EMU=$(command -v "$EMU")
	T=$(mktemp -d /tmp/ocinit-difftest.XXXXXX); chmod 755 "$T"
	difftest "${1:-100}" "${2:-$(date +%s)}"
	rm -rf "$T"
	echo "$PASSED passed, $FAILED failed"
	[ "$FAILED" = 0 ]
fi
