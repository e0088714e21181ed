#!/bin/sh
# make demo: ocinit's main job, as PID 1 of a new PID namespace. A root-owned, mode-0744
# entrypoint run as uid 1000 holding CAP_DAC_OVERRIDE: execve allows it (the capability
# overrides the missing x bit for others), so ocinit runs it; access(2) would have said no.
set -u
B=${1:-build/x86_64/ocinit}
H=${2:-build/x86_64/helpers}
D=$(mktemp -d /tmp/ocinit-demo.XXXXXX)
chmod 755 "$D"
trap 'rm -rf "$D"' EXIT
step() { printf '\n\033[1m$ %s\033[0m\n' "$*"; }
pid1() { unshare --pid --fork --mount-proc "$@"; }
# want CODE WHY: the last step's status must be CODE; the demo fails otherwise.
wrong=0
want() {
	if [ "$rc" = "$1" ]; then echo "exit status: $rc ${2:-}"
	else echo "exit status: $rc -- NOT the $1 this step shows: the demo failed"; wrong=$((wrong + 1)); fi
}

printf '#!/bin/sh\necho "hello from the entrypoint: $(id)"\n' >"$D/entrypoint.sh"
chmod 0744 "$D/entrypoint.sh"
step "ls -l entrypoint.sh"
ls -l "$D/entrypoint.sh"

step "ocinit --user 1000 --caps CAP_DAC_OVERRIDE entrypoint.sh"
pid1 "$B" --user 1000 --caps CAP_DAC_OVERRIDE "$D/entrypoint.sh"; rc=$?
want 0

step "nosys faccessat2 ocinit --user 1000 --caps CAP_DAC_OVERRIDE entrypoint.sh   # a kernel < 5.8"
pid1 "$H/nosys" faccessat2 "$B" --user 1000 --caps CAP_DAC_OVERRIDE "$D/entrypoint.sh"; rc=$?
want 0 "(the same: ocinit never asks access(2), only execve)"

step "ocinit --user 1000 --caps none entrypoint.sh"
pid1 "$B" --user 1000 --caps none "$D/entrypoint.sh"; rc=$?
want 126 "(the kernel's EACCES, reported as it is)"

cat >"$D/config.json" <<JSON
{"ociVersion": "1.0.2", "process": {"user": {"uid": 1000, "gid": 1000, "additionalGids": [27]},
 "args": ["$D/entrypoint.sh"], "env": ["PATH=/usr/bin:/bin"], "cwd": "/",
 "capabilities": {"bounding": ["CAP_DAC_OVERRIDE", "CAP_KILL"], "effective": ["CAP_DAC_OVERRIDE"],
                  "permitted": ["CAP_DAC_OVERRIDE"]},
 "noNewPrivileges": true, "rlimits": [{"type": "RLIMIT_NOFILE", "soft": 1024, "hard": 1024}]}}
JSON
step "ocinit --oci config.json --print    # what would be applied"
"$B" --oci "$D/config.json" --print; rc=$?
want 0
step "ocinit --oci config.json"
pid1 "$B" --oci "$D/config.json"; rc=$?
want 0
echo
if [ "$wrong" = 0 ]; then echo "demo: every step ended as shown"; else echo "demo: $wrong steps did not end as they should"; exit 1; fi
