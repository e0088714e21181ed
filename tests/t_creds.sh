# Credentials from flags and from --oci: /proc/self/status of the entrypoint, exactly.
if ! has creds; then
	run plain --user 0 true
	expect "without CREDS: --user is an unknown option" 125 "ocinit: unknown option '--user' (see --help)"
	return 0 2>/dev/null || true
fi
make_testroot
hexcaps() { # hexcaps NAME...: the 16-digit mask /proc/self/status shows
	local m=0 c n
	for c in "$@"; do
		case $c in KILL) n=5;; CHOWN) n=0;; DAC_OVERRIDE) n=1;; NET_BIND_SERVICE) n=10;;
			SETUID) n=7;; SETGID) n=6;; FOWNER) n=3;; SYS_CHROOT) n=18;; esac
		m=$((m | (1 << n)))
	done
	printf '%016x' "$m"
}
# want_caps UID B E P I A: what execve leaves of these sets for a plain binary.
# Root: permitted = effective = bounding (inheritable and ambient lie within it).
# Others: permitted = effective = ambient. Inheritable, bounding and ambient are kept.
want_caps() {
	if [ "$1" = 0 ]; then
		echo "CapInh: $5|CapPrm: $2|CapEff: $2|CapBnd: $2|CapAmb: $6"
	else
		echo "CapInh: $5|CapPrm: $6|CapEff: $6|CapBnd: $2|CapAmb: $6"
	fi
}
B2=$(hexcaps KILL CHOWN) K=$(hexcaps KILL) Z=0000000000000000
# "all": every capability ocinit holds, which is this test shell's bounding set (never read
# from the output under test; root here lacks CAP_SYS_RESOURCE)
ALL=$(sed -n 's/^CapBnd:\t//p' /proc/self/status)
for uid in 0 1000; do
	# each set alone, and in combination; what cannot stand alone is refused (t_hostile)
	run testroot $RUN "$OCINIT" -u $uid --cap-bounding KILL,CHOWN "$H/probe" status
	expect_eq "uid $uid: bounding alone" "$(want_caps $uid $B2 $Z $Z $Z $Z)" \
		"$(status_of CapInh CapPrm CapEff CapBnd CapAmb)"
	run testroot $RUN "$OCINIT" -u $uid --cap-bounding all --cap-permitted kill "$H/probe" status
	expect_eq "uid $uid: permitted alone (bounding all: $ALL)" "$(want_caps $uid $ALL $Z $K $Z $Z)" \
		"$(status_of CapInh CapPrm CapEff CapBnd CapAmb)"
	run testroot $RUN "$OCINIT" -u $uid --cap-bounding KILL,CHOWN --cap-permitted CAP_KILL --cap-effective cap_kill "$H/probe" status
	expect_eq "uid $uid: effective with permitted" "$(want_caps $uid $B2 $K $K $Z $Z)" \
		"$(status_of CapInh CapPrm CapEff CapBnd CapAmb)"
	run testroot $RUN "$OCINIT" -u $uid --cap-bounding KILL,CHOWN --cap-inheritable KILL "$H/probe" status
	expect_eq "uid $uid: inheritable within bounding" "$(want_caps $uid $B2 $Z $Z $K $Z)" \
		"$(status_of CapInh CapPrm CapEff CapBnd CapAmb)"
	run testroot $RUN "$OCINIT" -u $uid --cap-bounding KILL,CHOWN --cap-permitted KILL,CHOWN --cap-inheritable KILL --cap-ambient KILL "$H/probe" status
	expect_eq "uid $uid: all five sets, ambient" "$(want_caps $uid $B2 $Z $B2 $K $K)" \
		"$(status_of CapInh CapPrm CapEff CapBnd CapAmb)"
	run testroot $RUN "$OCINIT" -u $uid --caps none "$H/probe" status
	expect_eq "uid $uid: --caps none" "$(want_caps $uid $Z $Z $Z $Z $Z)" \
		"$(status_of CapInh CapPrm CapEff CapBnd CapAmb)"
done
# Ids past 16 bits (i386 and arm have 16-bit set*id calls beside the 32-bit ones) and past
# 31: what the kernel then holds, flags and config alike.
run testroot $RUN "$OCINIT" -u 100000:200000 --groups 300000,4000000000 "$H/probe" status
expect_eq "ids past 16 and 31 bits, from flags" \
	"Uid: 100000 100000 100000 100000|Gid: 200000 200000 200000 200000|Groups: 300000 4000000000" \
	"$(status_of Uid Gid Groups)"
printf '{"process": {"user": {"uid": 70000, "gid": 4294967294, "additionalGids": [65536]}, "args": ["%s", "status"]}}' \
	"$H/probe" >"$T/bigids.json"
run $RUN "$OCINIT" --oci "$T/bigids.json"
expect_eq "ids past 16 and 31 bits, from a config (gid 4294967294, the largest)" \
	"Uid: 70000 70000 70000 70000|Gid: 4294967294 4294967294 4294967294 4294967294|Groups: 65536" \
	"$(status_of Uid Gid Groups)"

# An older kernel (last capability 37, before 5.8), emulated by lastcap: the capabilities it
# lacks are named in a warning and skipped, "all" means all it has, and the read-back holds.
if has caps; then
	run "$H/lastcap" 37 $RUN "$OCINIT" --caps CAP_CHOWN,CAP_BPF,CAP_KILL "$H/probe" status
	w="ocinit: warning: capabilities.%s: CAP_BPF not known to this kernel: skipped (--strict makes this an error)"
	expect "kernel without CAP_BPF: --caps CHOWN,BPF,KILL warns for each set and runs" 0 \
		"$(printf "$w\n$w\n$w" bounding effective permitted)"
	expect_eq "kernel without CAP_BPF: the child's bounding set is CHOWN,KILL" "CapBnd: $B2" \
		"$(status_of CapBnd)"
	run "$H/lastcap" 37 $RUN "$OCINIT" --strict --caps CAP_CHOWN,CAP_BPF,CAP_KILL "$H/probe" status
	expect "kernel without CAP_BPF, --strict: refused" 125 "ocinit: capabilities.bounding: CAP_BPF not known to this kernel"
	run "$H/lastcap" 37 "$H/probe" status
	want=$(status_of CapBnd)
	run "$H/lastcap" 37 $RUN "$OCINIT" --cap-bounding all "$H/probe" status
	expect_eq "kernel without CAP_BPF: --cap-bounding all is all it has ($want)" "0 $want" \
		"$RC $(status_of CapBnd)"
fi

# groups, umask, no_new_privs, rlimits, HOME, cwd through --oci, as runc takes them
mkdir -p "$T/work" && chmod 755 "$T/work"
cat >"$T/cfg.json" <<JSON
{"ociVersion": "1.0.2", "process": {
  "user": {"uid": 1000, "gid": 1000, "additionalGids": [29, 10, 4000, 29], "umask": 23},
  "args": ["$H/probe", "status"], "env": ["PATH=/usr/bin:/bin", "X=1", "X=2"], "cwd": "$T/work",
  "capabilities": {"bounding": ["CAP_KILL", "CAP_CHOWN"], "permitted": ["CAP_KILL"],
                   "inheritable": ["CAP_KILL"], "ambient": ["CAP_KILL"], "effective": []},
  "noNewPrivileges": true,
  "rlimits": [{"type": "RLIMIT_NOFILE", "soft": 256, "hard": 512},
              {"type": "RLIMIT_CORE", "soft": 0, "hard": 1024}],
  "oomScoreAdj": 500}}
JSON
run testroot setpriv --groups 4,27 $RUN "$OCINIT" --oci "$T/cfg.json"
expect_eq "--oci: ids, groups (duplicates folded), umask, caps, no_new_privs, HOME, cwd" \
	"Uid: 1000 1000 1000 1000|Gid: 1000 1000 1000 1000|Groups: 10 29 4000|Umask: 0027|CapInh: $K|CapPrm: $K|CapEff: $K|CapBnd: $B2|CapAmb: $K|NoNewPrivs: 1|Home: /home/testuser|Cwd: $T/work" \
	"$(status_of Uid Gid Groups Umask CapInh CapPrm CapEff CapBnd CapAmb NoNewPrivs Home Cwd)"
run testroot $RUN "$OCINIT" --oci "$T/cfg.json" "$H/probe" limits
expect_eq "--oci: rlimits (COMMAND overrides args)" \
	"Max core file size 0 1024 bytes|Max open files 256 512 files" \
	"$(grep -E '^Max (core file size|open files)' "$T/out" | tr -s ' ' | sed 's/ $//' | paste -sd'|')"
run testroot $RUN "$OCINIT" --oci "$T/cfg.json" sh -c 'cat /proc/self/oom_score_adj; echo "$X"'
expect_eq "--oci: oomScoreAdj and env (the last duplicate wins)" "500 2" "$(cat "$T/out" | tr '\n' ' ' | sed 's/ $//')"

# a negative oomScoreAdj keeps its sign (shown by --print: lowering it takes CAP_SYS_RESOURCE,
# which root lacks on some machines); the config's own, then the flag's
printf '{"process": {"user": {"uid": 0, "gid": 0}, "oomScoreAdj": -500, "args": ["true"]}}' >"$T/oom.json"
run $RUN "$OCINIT" --print --oci "$T/oom.json"
expect_eq "--oci: oomScoreAdj -500" '0   "oomScoreAdj": -500' "$RC $(grep oomScoreAdj "$T/out" | sed 's/,$//')"
run $RUN "$OCINIT" --print --oci "$T/oom.json" --oom-score-adj -1000
expect_eq "--oom-score-adj -1000 over the config's" '0   "oomScoreAdj": -1000' "$RC $(grep oomScoreAdj "$T/out" | sed 's/,$//')"

# many groups from a config: all of them (the kernel takes 65,536)
printf '{"process": {"user": {"uid": 1000, "gid": 1000, "additionalGids": [%s]}, "args": ["grep", "^Groups:", "/proc/self/status"]}}' \
	"$(seq 2001 2300 | paste -sd,)" >"$T/many.json"
run $RUN "$OCINIT" --oci "$T/many.json"
expect_eq "--oci: 300 additionalGids, all applied" "0 300" "$RC $(wc -w <"$T/out" | awk '{ print $1 - 1 }')"

# root: every supplementary group of the caller is cleared; an absent umask is left alone
printf '{"process": {"user": {"uid": 0, "gid": 0}, "args": ["%s", "status"]}}' "$H/probe" >"$T/root.json"
run testroot sh -c 'umask 0077 && exec "$@"' sh setpriv --groups 4,27 $RUN "$OCINIT" --oci "$T/root.json"
expect_eq "--oci uid 0: root's groups cleared, absent umask kept, no capabilities" \
	"Uid: 0 0 0 0|Groups:|Umask: 0077|CapPrm: $Z|CapBnd: $Z|NoNewPrivs: 0" \
	"$(status_of Uid Groups Umask CapPrm CapBnd NoNewPrivs)"

# flags over the config
run testroot $RUN "$OCINIT" --oci "$T/cfg.json" -u 1500:50 --groups 7 --umask 077 --env X=3 \
	--cwd / --rlimit nofile=100:200 "$H/probe" status
expect_eq "flags override the config" "Uid: 1500 1500 1500 1500|Gid: 50 50 50 50|Groups: 7|Umask: 0077|Home: /home/alice|Cwd: /" \
	"$(status_of Uid Gid Groups Umask Home Cwd)"
run testroot $RUN "$OCINIT" --oci "$T/cfg.json" --env X=3 --env Y=4 --rlimit nofile=100:200 \
	--oom-score-adj 7 sh -c 'echo "$X $Y $(ulimit -Sn) $(ulimit -Hn) $(cat /proc/self/oom_score_adj)"'
expect_eq "flags override the config: --env (the flag's value wins), --rlimit, --oom-score-adj" \
	"0 3 4 100 200 7" "$RC $(cat "$T/out")"
run testroot $RUN "$OCINIT" -u 0 --caps all "$H/probe" status
expect_eq "--caps all: every capability of this kernel ($ALL)" \
	"CapPrm: $ALL|CapEff: $ALL|CapBnd: $ALL" "$(status_of CapPrm CapEff CapBnd)"
if has rlimits; then
	run $RUN "$OCINIT" --print --rlimit NOFILE=10:unlimited --rlimit MSGQUEUE=unlimited true
	expect_eq "--print: rlimits as JSON, unlimited as 2^64-1" \
		'0 {"type": "RLIMIT_NOFILE", "soft": 10, "hard": 18446744073709551615},|{"type": "RLIMIT_MSGQUEUE", "soft": 18446744073709551615, "hard": 18446744073709551615}' \
		"$RC $(grep -o '{"type".*}.\?' "$T/out" | paste -sd'|')"
fi
if has rlimits; then
	run $RUN "$OCINIT" --print --rlimit nofile=100 true
	expect_eq "--rlimit SOFT alone: HARD is SOFT" '0     {"type": "RLIMIT_NOFILE", "soft": 100, "hard": 100}' \
		"$RC $(grep RLIMIT_NOFILE "$T/out")"
fi
run $RUN "$OCINIT" --print --env 'Q=a"b\c' --cwd '/x"y' true
expect_eq "--print: a quote and a backslash escaped" '0 "Q=a\"b\\c" "cwd": "/x\"y",' \
	"$RC $(grep -o '"Q=[^]]*"' "$T/out") $(grep -o '"cwd": .*' "$T/out")"
run testroot $RUN "$OCINIT" --rlimit NOFILE=unlimited:unlimited true
expect "--rlimit above the hard limit: the step fails, 125" 125 "ocinit: setrlimit RLIMIT_NOFILE: Operation not permitted"
