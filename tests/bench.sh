#!/bin/bash
# make bench: ocinit beside tini, tini-static, dumb-init and catatonit (Debian's), and two
# references: floor (a static fork+execve+waitpid init) and none (the entrypoint itself as
# PID 1). Every figure interleaves the inits (A B C A B C ...). Writes build/bench/results.md
# and build/bench/startup.png. ROUNDS=300 by default.
set -u
cd "$(dirname "$0")/.." || exit 1
OUT=build/bench
ROUNDS=${ROUNDS:-300}
mkdir -p "$OUT"
for f in pidns floorinit floordocker true zombies siglat sigout; do
	musl-gcc -O2 -static -s -isystem build/x86_64-khdr -o "$OUT/$f" "tests/bench/$f.c" || exit 1
done
for cfg in defconfig allnoconfig; do
	o=build/bench-$cfg
	if [ $cfg = allnoconfig ]; then
		KCONFIG_CONFIG=$o.config kconfig-conf --allnoconfig Kconfig >/dev/null
	else
		KCONFIG_CONFIG=$o.config kconfig-conf --defconfig=configs/defconfig Kconfig >/dev/null
	fi
	make -s ARCH=x86_64 O=$o KCONFIG_CONFIG=$o.config || exit 1
	make -s ARCH=aarch64 O=$o-aarch64 KCONFIG_CONFIG=$o.config || exit 1
	# for comparison only: what 4 KiB segment alignment would give (not for 64K-page kernels)
	make -s ARCH=aarch64 O=$o-aarch64-4k KCONFIG_CONFIG=$o.config \
		EXTRA_LDFLAGS=-Wl,-z,max-page-size=4096 || exit 1
done
TRUE=$PWD/$OUT/true
cat >"$OUT/process.json" <<JSON
{"user": {"uid": 1000, "gid": 1000, "additionalGids": [27], "umask": 18}, "cwd": "/",
 "args": ["$TRUE"], "env": ["PATH=/bin"], "noNewPrivileges": true,
 "capabilities": {"bounding": ["CAP_KILL", "CAP_DAC_OVERRIDE"], "effective": ["CAP_DAC_OVERRIDE"],
                  "permitted": ["CAP_DAC_OVERRIDE"]},
 "rlimits": [{"type": "RLIMIT_NOFILE", "soft": 1024, "hard": 1024}]}
JSON
# The process Docker hands over (docker run --user 1000 --group-add 1000): Docker's 14
# default capabilities in three sets, four variables, one rlimit (issue 15's measure).
caps='"CAP_CHOWN", "CAP_DAC_OVERRIDE", "CAP_FSETID", "CAP_FOWNER", "CAP_MKNOD", "CAP_NET_RAW", "CAP_SETGID", "CAP_SETUID", "CAP_SETFCAP", "CAP_SETPCAP", "CAP_NET_BIND_SERVICE", "CAP_SYS_CHROOT", "CAP_KILL", "CAP_AUDIT_WRITE"'
cat >"$OUT/docker.json" <<JSON
{"ociVersion": "1.0.2", "process": {"user": {"uid": 1000, "gid": 1000, "additionalGids": [1000]},
 "cwd": "/", "args": ["$TRUE"],
 "env": ["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "HOSTNAME=0123456789ab", "TERM=xterm", "HOME=/"],
 "capabilities": {"bounding": [$caps], "effective": [$caps], "permitted": [$caps]},
 "rlimits": [{"type": "RLIMIT_NOFILE", "soft": 1024, "hard": 1024}]}}
JSON
# name|the init's command before the entrypoint
INITS="none|
floor|$PWD/$OUT/floorinit
ocinit|$PWD/build/bench-defconfig/ocinit
ocinit-allno|$PWD/build/bench-allnoconfig/ocinit
tini|/usr/bin/tini --
tini-static|/usr/bin/tini-static --
dumb-init|/usr/bin/dumb-init
catatonit|/usr/bin/catatonit --"
names() { echo "$INITS" | cut -d'|' -f1; }
cmd_of() { echo "$INITS" | sed -n "s/^$1|//p"; }
peers="tini tini-static dumb-init catatonit"

# 1. size
declare -A SIZE STATIC
for n in $(names); do
	b=$(cmd_of "$n" | cut -d' ' -f1)
	[ -n "$b" ] || continue
	SIZE[$n]=$(stat -c %s "$b")
	STATIC[$n]=$(readelf -l "$b" 2>/dev/null | grep -q INTERP && echo no || echo yes)
done
A64=
for c in defconfig allnoconfig; do
	A64="$A64 $c $(stat -c %s build/bench-$c-aarch64/ocinit) ($(stat -c %s build/bench-$c-aarch64-4k/ocinit) with 4 KiB),"
done

# 2. start-up, as PID 1 of a fresh PID namespace, interleaved
args=()
for n in $(names); do
	[ ${#args[@]} -gt 0 ] && args+=("::")
	args+=($(cmd_of "$n") "$TRUE")
done
args+=("::" "$PWD/build/bench-defconfig/ocinit" --oci "$OUT/process.json")
args+=("::" "$PWD/build/bench-defconfig/ocinit" --oci "$OUT/docker.json")
args+=("::" "$PWD/$OUT/floordocker" "$TRUE")
args+=("::" /usr/bin/setpriv --reuid=1000 --regid=1000 --clear-groups --inh-caps=-all -- /usr/bin/tini-static -- "$TRUE")
args+=("::" /usr/bin/tini-static -- /usr/sbin/gosu 1000:1000 "$TRUE")
args+=("::" "$PWD/build/bench-defconfig/ocinit" -u 1000:1000 --groups "" "$TRUE")
declare -A START
i=0
extra="ocinit-oci ocinit-docker floor-docker setpriv+tini-static tini-static+gosu ocinit-user"
while read -r med p25 p75; do
	n=$(echo $(names) $extra | cut -d' ' -f$((i + 1)))
	START[$n]="$med $p25 $p75"
	i=$((i + 1))
done < <("$OUT/pidns" "$ROUNDS" "${args[@]}")
none=${START[none]%% *}; floor=${START[floor]%% *}
unit() { awk -v m="$1" -v n="$none" -v f="$floor" 'BEGIN { printf "%.2f", (m - n) / (f - n) }'; }

# 3. instructions (callgrind) and system calls (strace) of PID 1
declare -A IR SYS CHILD
count() { # count NAME CMD...: as PID 1; CHILD: the child's calls from its fork to its execve
	local n=$1
	shift
	# valgrind follows fork: PID 1's own count is the line of ==1==
	IR[$n]=$(unshare --pid --fork valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 |
		sed -n 's/^==1== Collected : *//p')
	# strace outside the namespace, so that the init itself is PID 1; -ff: one file per
	# process; the init's own calls are those from its execve to its exit
	rm -f "$OUT/strace.$n".*
	strace -ff -qq -o "$OUT/strace.$n" unshare --pid --fork "$@" >/dev/null 2>&1
	SYS[$n]=$(awk -v bin="$1" 'FNR == 1 { on = 0 } index($0, "execve(\"" bin "\"") == 1 { on = 1 }
		on && !/^(\+\+\+|---)/ { n++ } END { print n + 0 }' "$OUT/strace.$n".*)
	# the entrypoint's file: the one that execs $TRUE; its calls before that execve
	CHILD[$n]=$(awk -v t="$TRUE" 'FNR == 1 { n = 0; on = 1 } index($0, "execve(\"" t "\"") == 1 && on { print n; on = 0 }
		on && !/^(\+\+\+|---)/ { n++ }' $(grep -l "^execve(\"$TRUE\"" "$OUT/strace.$n".*) | head -1)
}
for n in $(names); do
	[ $n = none ] && continue
	count $n $(cmd_of $n) "$TRUE"
done
count ocinit-oci "$PWD/build/bench-defconfig/ocinit" --oci "$OUT/process.json"
count ocinit-docker "$PWD/build/bench-defconfig/ocinit" --oci "$OUT/docker.json"
count floor-docker "$PWD/$OUT/floordocker" "$TRUE"

# 4. memory of the idle supervisor while its child sleeps
declare -A HWM DIRTY
for n in $(names); do
	[ $n = none ] && continue
	unshare --pid --fork $(cmd_of $n) /bin/sleep 2 &
	bg=$!
	sleep 0.5
	p=$(cat /proc/$bg/task/$bg/children | awk '{print $1}')
	HWM[$n]=$(sed -n 's/^VmHWM:[[:space:]]*//p' /proc/$p/status | tr -d ' ')
	DIRTY[$n]=$(awk '/^Private_Dirty/ {print $2 "kB"}' /proc/$p/smaps_rollup)
	wait $bg
done

med() { echo $* | tr ' ' '\n' | sort -n | sed -n "$(( ($# + 1) / 2 ))p"; }

# 5. reaping 5000 orphans that exit at once, and 6. signal forwarding latency
declare -A REAP LAT
for r in 1 2 3 4 5; do
	for n in floor ocinit ocinit-allno $peers; do
		REAP[$n]="${REAP[$n]:-} $(unshare --pid --fork --mount-proc $(cmd_of $n) "$PWD/$OUT/zombies" 5000 | cut -d' ' -f1)"
	done
done
# pinned to one CPU: across two, the wake-up IPI (some 40 µs here) would dominate by chance;
# 15 rounds: the inits differ by less than a round's median moves (about 1 µs)
for r in $(seq 15); do
	for n in ocinit ocinit-allno $peers; do
		LAT[$n]="${LAT[$n]:-} $(taskset -c 0 unshare --pid --fork $(cmd_of $n) "$PWD/$OUT/siglat" 200 | cut -d' ' -f1)"
	done
done
for n in ocinit ocinit-allno $peers; do LAT[$n]=$(med ${LAT[$n]}); done
# 7. signal forwarding as an engine sends it: from outside the namespace, nothing pinned,
# TERM, USR1, HUP and INT; 10 interleaved rounds of 50 per init and signal, the median of
# the rounds' medians
declare -A OUTLAT
for r in $(seq 10); do
	for sig in 15 10 1 2; do
		for n in ocinit $peers; do
			OUTLAT[$n.$sig]="${OUTLAT[$n.$sig]:-} $("$OUT/sigout" 50 $sig $(cmd_of $n) | cut -d' ' -f1)"
		done
	done
done
for k in "${!OUTLAT[@]}"; do OUTLAT[$k]=$(med ${OUTLAT[$k]}); done

# the table
best() { # best FIGURE-ARRAY: the smallest value among the peers
	local -n a=$1
	local b= v
	for n in $peers; do
		v=${a[$n]%% *}; v=${v%kB}
		{ [ -z "$b" ] || awk -v v="$v" -v b="$b" 'BEGIN { exit !(v < b) }'; } && b=$v
	done
	echo "$b"
}
best_static() { # the smallest size among the static peers (a dynamic one needs libc.so too)
	local b= n
	for n in $peers; do
		[ "${STATIC[$n]}" = yes ] && { [ -z "$b" ] || [ "${SIZE[$n]}" -lt "$b" ]; } && b=${SIZE[$n]}
	done
	echo "$b"
}
ratio() { awk -v a="${1%kB}" -v b="${2%kB}" 'BEGIN { if (b > 0) printf "%.2f", a / b; else printf "-" }'; }
{
	echo "# ocinit benchmarks"
	echo
	echo "$(date -u +%Y-%m-%d), $(nproc) cores, $(uname -r), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'); \`make bench\` (ROUNDS=$ROUNDS)."
	echo
	echo "| init | size (bytes) | static | start-up µs median (p25-p75) | cost above none, floor units | Ir of PID 1 | syscalls of PID 1 | syscalls of the child before execve | VmHWM | Private_Dirty | reap 5000 µs | signal latency µs, pinned | from outside, unpinned: TERM USR1 HUP INT µs |"
	echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|"
	for n in $(names) ocinit-oci ocinit-docker floor-docker setpriv+tini-static tini-static+gosu ocinit-user; do
		set -- ${START[$n]:-- - -}
		lat=${LAT[$n]:--}
		reap=-; [ -n "${REAP[$n]:-}" ] && reap=$(med ${REAP[$n]})
		out=-; [ -n "${OUTLAT[$n.15]:-}" ] && out="${OUTLAT[$n.15]} ${OUTLAT[$n.10]} ${OUTLAT[$n.1]} ${OUTLAT[$n.2]}"
		echo "| $n | ${SIZE[$n]:--} | ${STATIC[$n]:--} | $1 ($2-$3) | $(unit $1) | ${IR[$n]:--} | ${SYS[$n]:--} | ${CHILD[$n]:--} | ${HWM[$n]:--} | ${DIRTY[$n]:--} | $reap | ${lat%% *} | $out |"
	done
	echo
	b=$(best START)
	echo "Ratios of ocinit (defconfig) to the best peer: size $(ratio ${SIZE[ocinit]} $(best_static)) (of the static peers; $(ratio ${SIZE[ocinit]} $(best SIZE)) of the smallest, dynamic, which also needs libc.so), start-up cost $(ratio $(unit ${START[ocinit]%% *}) $(unit $b)), Ir $(ratio ${IR[ocinit]} $(best IR)), syscalls $(ratio ${SYS[ocinit]} $(best SYS)), VmHWM $(ratio ${HWM[ocinit]} $(best HWM)), reaping vs floor $(ratio $(med ${REAP[ocinit]}) $(med ${REAP[floor]})), signal latency $(ratio ${LAT[ocinit]%% *} $(best LAT))."
	echo
	d=${START[ocinit-docker]%% *}; k=${START[floor-docker]%% *}
	echo "Docker's config: ocinit-docker $(unit $d) floor units, floor-docker (the kernel calls that config needs, nothing checked: tests/bench/floordocker.c) $(unit $k); ocinit's own part $(awk -v a="$(unit $d)" -v b="$(unit $k)" 'BEGIN { printf "%.2f", a - b }') floor units."
	echo
	echo "aarch64 sizes, bytes, with the default 64 KiB segment alignment (the build's, for 64K-page kernels):${A64%,}."
	echo
	budget() { [ "$2" -le "$3" ] && echo "$1 $2 <= $3: met" || echo "$1 $2 > $3: NOT met"; }
	# the budgets themselves, as tests/t_size.sh has them (one place)
	limit() { sed -n "s|^x86_64/$1) *budget=\([0-9]*\).*|\1|p" tests/t_size.sh; }
	echo "Size budgets (tests/t_size.sh): $(budget defconfig ${SIZE[ocinit]} "$(limit defconfig)"); $(budget allnoconfig ${SIZE[ocinit-allno]} "$(limit allnoconfig)")."
} >"$OUT/results.md"
cat "$OUT/results.md"

# the chart: start-up cost above none, in floor units
for n in ocinit ocinit-allno $peers ocinit-oci ocinit-docker floor-docker setpriv+tini-static tini-static+gosu ocinit-user; do
	echo "$n $(unit ${START[$n]%% *})"
done >"$OUT/startup.dat"
gnuplot -e "set terminal png size 900,420; set output '$OUT/startup.png';
	set title 'start-up cost above none, in floor units (lower is better)'; set style fill solid;
	set boxwidth 0.6; set xtics rotate by -30; set yrange [0:*]; unset key;
	plot '$OUT/startup.dat' using 0:2:xtic(1) with boxes" || exit 1
# the same as text, which the README quotes: one bar per init, 60 columns for the largest
awk '{ n[NR] = $1; v[NR] = $2; if ($2 > max) max = $2 }
	END { for (i = 1; i <= NR; i++) { bar = ""; for (k = 0; k < v[i] / max * 60; k++) bar = bar "#"
	      printf "%-20s %6.2f %s\n", n[i], v[i], bar } }' "$OUT/startup.dat" >"$OUT/startup.txt"
cat "$OUT/startup.txt"
echo "wrote $OUT/results.md, $OUT/startup.png and $OUT/startup.txt"
