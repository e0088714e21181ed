# The OCI process fields of fields.c's rows: the table is the order (README's list is
# checked against it, and -vv shows the child taking the steps in it), and the scheduling
# fields — ioPriority, scheduler, execCPUAffinity — from a config and from their flags,
# applied as the kernel then reports them to the command (the probe asks it with system
# calls), their bad values refused with the field named, their read-back catching a call
# that said yes and did nothing. AppArmor's is applied in t_vm (this host has it off).
has creds || return 0 2>/dev/null
D=$T/fields; mkdir -p "$D"
P=$H/probe
sched_of() { grep -E '^(Sched|IOPrio|Cpus):' "$T/out" | tr '\n' '|'; }

# README's order of operations is the table's step column, in order.
if [ "$ARCH/$CFG" = x86_64/defconfig ]; then
	table=$(sed -n 's/^\t\(ROW\|STEP\)([A-Z_]*, [^,]*, "\([^"]*\)".*/\2/p' init/fields.c | paste -sd'|')
	readme=$(sed -n '/^### Order of operations/,/^### /s/^[0-9]*\. `\([^`]*\)`.*/\1/p' README.md | paste -sd'|')
	expect_eq "README's order of operations is fields.c's ($(echo "$table" | tr '|' '\n' | wc -l) steps)" \
		"$table" "$readme"
fi

# Every step the child takes, in the table's order (-vv names each applied one).
args="--oom-score-adj 5 --rlimit nofile=256 --umask 022 --cwd / -u 65534 --no-new-privs"
has caps && args="$args --caps CAP_KILL"
has sched && args="$args --ioprio be:3 --cpu-affinity 0 --sched batch,nice=3"
run $RUN "$OCINIT" -vv $args -- "$P" exit 0
got=$(sed -n 's/^ocinit: debug: applied: //p' "$T/err" | paste -sd'|')
want="oom_score_adj|setrlimit|umask$(has sched && echo '|ioprio_set|sched_setaffinity|sched_setattr')|chdir$(has caps && echo '|drop the bounding set|PR_SET_KEEPCAPS')|setgroups|setresgid|setresuid$(has caps && echo '|clear PR_SET_KEEPCAPS|capset')|no_new_privs|chdir|read back"
expect_eq "-vv: the child's steps in fields.c's order" "0 $want" "$RC $got"

has sched || return 0 2>/dev/null
ncpu=$(nproc)
last=$((ncpu - 1))

# from a config: what the command sees is what was asked
printf '{"process": {"user": {"uid": 0, "gid": 0}, "args": ["%s", "status"],
 "capabilities": {"bounding": ["CAP_SYS_NICE"], "effective": ["CAP_SYS_NICE"], "permitted": ["CAP_SYS_NICE"]},
 "ioPriority": {"class": "IOPRIO_CLASS_BE", "priority": 6},
 "scheduler": {"policy": "SCHED_BATCH", "nice": 5},
 "execCPUAffinity": {"initial": "0-%s", "final": "%s"}}}' "$P" "$last" "$last" >"$D/batch.json"
run $RUN "$OCINIT" --oci "$D/batch.json"
expect_eq "--oci: ioPriority, scheduler (batch, nice 5), execCPUAffinity.final" \
	"0 Sched: policy 3 flags 0 nice 5 priority 0 deadline $(sed -n 's/^Sched: .* deadline //p' "$T/out")|IOPrio: class 2 level 6|Cpus: $last|" \
	"$RC $(sched_of)"
run $RUN "$OCINIT" -v --oci "$D/batch.json"
expect_eq "execCPUAffinity.initial: said to be left alone (-v)" "0 1" \
	"$RC $(grep -c 'execCPUAffinity.initial is not applied' "$T/err")"

# the flags, a real-time policy kept across the switch to another user (set while root)
run $RUN "$OCINIT" -u 65534 --sched fifo,priority=7,reset_on_fork --ioprio idle --cpu-affinity 0 -- "$P" status
expect_eq "--sched fifo,priority=7,reset_on_fork --ioprio idle --cpu-affinity 0, as uid 65534" \
	"0 Sched: policy 1 flags 1 nice 0 priority 7 deadline 0/0/0|IOPrio: class 3 level 0|Cpus: 0|" "$RC $(sched_of)"
run $RUN "$OCINIT" --sched SCHED_RR,priority=99 --ioprio IOPRIO_CLASS_RT:0 -- "$P" status
expect_eq "--sched SCHED_RR,priority=99 --ioprio IOPRIO_CLASS_RT:0 (the spec's names)" \
	"0 Sched: policy 2 flags 0 nice 0 priority 99|IOPrio: class 1 level 0" \
	"$RC $(sched_of | sed 's/ deadline [^|]*//' | cut -d'|' -f1-2)"
run $RUN "$OCINIT" --sched deadline,runtime=10000000,deadline=30000000,period=30000000 -- "$P" status
if [ "$RC" = 125 ] && grep -q 'sched_setattr: \(Device or resource busy\|Operation not permitted\)' "$T/err"; then
	skip "--sched deadline" "this machine refuses SCHED_DEADLINE: $(cat "$T/err")"
else
	expect_eq "--sched deadline: runtime, deadline, period" \
		"0 Sched: policy 6 flags 0 nice 0 priority 0 deadline 10000000/30000000/30000000" "$RC $(sched_of | cut -d'|' -f1)"
fi
# the empty final and an absent field change nothing
printf '{"process": {"user": {"uid": 0, "gid": 0}, "args": ["%s", "status"], "execCPUAffinity": {"final": ""}}}' "$P" >"$D/empty.json"
run $RUN "$OCINIT" --oci "$D/empty.json"
expect_eq "execCPUAffinity.final \"\": the affinity as found" "0 Cpus: $(seq -s' ' 0 "$last")" \
	"$RC $(grep '^Cpus:' "$T/out" | sed 's/ *$//')"

# bad values: one line naming the field or flag, 125, nothing run
refuse() { # NAME MESSAGE (after "ocinit: ") -- ARGS...
	local name=$1 msg=$2
	shift 3
	rm -f "$D/ran"
	run $RUN "$OCINIT" "$@" -- /bin/touch "$D/ran"
	if [ -e "$D/ran" ]; then bad "$name" "the command ran"; else expect "$name" 125 "ocinit: $msg"; fi
}
cfg() { printf '{"process": {%s}}' "$1" >"$D/bad.json"; }
cfg '"ioPriority": {"class": "IOPRIO_CLASS_NONE"}'
refuse "ioPriority.class unknown" "$D/bad.json: process.ioPriority.class: IOPRIO_CLASS_NONE is not IOPRIO_CLASS_RT, IOPRIO_CLASS_BE or IOPRIO_CLASS_IDLE (byte 38)" -- --oci "$D/bad.json"
cfg '"ioPriority": {"class": "IOPRIO_CLASS_BE", "priority": 8}'
refuse "ioPriority.priority 8" "$D/bad.json: process.ioPriority.priority: 8 is out of range (byte 69)" -- --oci "$D/bad.json"
cfg '"ioPriority": {"priority": 1}'
refuse "ioPriority without class" "$D/bad.json: process.ioPriority: \"class\" is missing (byte 28)" -- --oci "$D/bad.json"
cfg '"scheduler": {"policy": "SCHED_ISO"}'
refuse "scheduler.policy SCHED_ISO" "$D/bad.json: process.scheduler.policy: SCHED_ISO is not a Linux policy (byte 38)" -- --oci "$D/bad.json"
cfg '"scheduler": {"policy": "SCHED_WHATEVER"}'
refuse "scheduler.policy unknown" "$D/bad.json: process.scheduler.policy: SCHED_WHATEVER is not a scheduling policy (byte 38)" -- --oci "$D/bad.json"
cfg '"scheduler": {"policy": "SCHED_FIFO"}'
refuse "scheduler: SCHED_FIFO without a priority" "$D/bad.json: process.scheduler.priority: must be 1..99 for SCHED_FIFO and SCHED_RR (byte 27)" -- --oci "$D/bad.json"
cfg '"scheduler": {"policy": "SCHED_OTHER", "priority": 3}'
refuse "scheduler: a priority for SCHED_OTHER" "$D/bad.json: process.scheduler.priority: must be 0 but for SCHED_FIFO and SCHED_RR (byte 65)" -- --oci "$D/bad.json"
cfg '"scheduler": {"policy": "SCHED_OTHER", "nice": -21}'
refuse "scheduler.nice -21" "$D/bad.json: process.scheduler.nice: must be -20..19 (byte 61)" -- --oci "$D/bad.json"
cfg '"scheduler": {"policy": "SCHED_OTHER", "flags": ["SCHED_FLAG_NONE"]}'
refuse "scheduler.flags unknown" "$D/bad.json: process.scheduler.flags[0]: SCHED_FLAG_NONE is not a scheduler flag (byte 63)" -- --oci "$D/bad.json"
cfg '"execCPUAffinity": {"final": "0-"}'
refuse "execCPUAffinity.final '0-'" "$D/bad.json: process.execCPUAffinity.final: '0-' is not a CPU list like 0-3,6 (byte 43)" -- --oci "$D/bad.json"
cfg "\"execCPUAffinity\": {\"initial\": \"$ncpu\"}"
refuse "execCPUAffinity.initial: a CPU this machine lacks" "$D/bad.json: process.execCPUAffinity.initial: CPU $ncpu is not one this machine lets ocinit use (byte 45)" -- --oci "$D/bad.json"
refuse "--cpu-affinity 1024" "--cpu-affinity: '1024' is not a CPU list like 0-3,6" -- --cpu-affinity 1024
refuse "--cpu-affinity 3-1" "--cpu-affinity: '3-1' is not a CPU list like 0-3,6" -- --cpu-affinity 3-1
rm -f "$D/ran"
run env OCINIT_CPU_AFFINITY=$ncpu $RUN "$OCINIT" -- /bin/touch "$D/ran"
if [ -e "$D/ran" ]; then bad "OCINIT_CPU_AFFINITY=$ncpu" "the command ran"; else
	expect "OCINIT_CPU_AFFINITY=$ncpu" 125 "ocinit: OCINIT_CPU_AFFINITY: CPU $ncpu is not one this machine lets ocinit use"; fi
refuse "--ioprio be:8" "--ioprio: 'be:8' is not CLASS[:LEVEL] (rt, be or idle; 0..7)" -- --ioprio be:8
refuse "--sched fifo,priority=100" "--sched fifo,priority=100: priority must be 1..99 for SCHED_FIFO and SCHED_RR" -- --sched fifo,priority=100
refuse "--sched other,bogus" "--sched: 'other,bogus' is not POLICY[,nice=N,priority=N,runtime=NS,deadline=NS,period=NS,FLAG...]" -- --sched other,bogus
refuse "--sched ''" "--sched: '' is not POLICY[,nice=N,priority=N,runtime=NS,deadline=NS,period=NS,FLAG...]" -- --sched ''

# --print shows them as the spec writes them
run $RUN "$OCINIT" --print --sched rr,priority=2,reset_on_fork --ioprio be:1 --cpu-affinity 0 -- true
expect_eq "--print: ioPriority, scheduler, execCPUAffinity" \
	'0 "ioPriority": {"class": "IOPRIO_CLASS_BE", "priority": 1},|"execCPUAffinity": {"final": "0"},|"scheduler": {"policy": "SCHED_RR", "nice": 0, "priority": 2, "flags": ["SCHED_FLAG_RESET_ON_FORK"], "runtime": 0, "deadline": 0, "period": 0},' \
	"$RC $(grep -E 'ioPriority|execCPUAffinity|scheduler' "$T/out" | sed 's/^ *//' | paste -sd'|')"

# The read-back: a call that returns success and does nothing is caught before exec.
if [ -n "$EMU" ]; then
	skip "read-back of ioprio_set, sched_setattr, sched_setaffinity" "under qemu-user the tracer sees qemu's own calls"
elif [ "$CFG" != oldkernel ]; then
	NAMES=/usr/include/x86_64-linux-gnu/asm/unistd_64.h
	# (batch with nice 0: only the policy differs; other with nice 4: only nice)
	for c in "ioprio_set --ioprio=be:2 ioprio" "sched_setattr --sched=batch scheduler" \
		 "sched_setattr --sched=other,nice=4 scheduler" "sched_setaffinity --cpu-affinity=$last CPU"; do
		set -- $c
		nr=$(sed -n "s/^#define __NR_$1 \([0-9]*\)\$/\1/p" "$NAMES")
		rm -f "$D/ran"
		run "$H/inject" "$nr:1:0" "$OCINIT" "$2" -- /bin/touch "$D/ran"
		if [ -e "$D/ran" ]; then bad "$1 that did nothing: caught by the read-back" "the command ran"
		else expect_eq "$1 that did nothing: caught by the read-back" "125 ocinit: read back $3" \
			"$RC $(cut -d' ' -f1-4 "$T/err")"; fi
	done
fi
