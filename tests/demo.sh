#!/bin/sh
# make demo: ocinit as PID 1 of a new PID namespace, doing its job in front of you.
set -u
B=${1:-build/x86_64/ocinit}
step() { printf '\n\033[1m$ %s\033[0m\n' "$*"; }

step "ocinit -v sh -c '(sleep 0.2 &); sleep 0.5; echo ...; ps -o pid,ppid,stat,comm; exit 3'"
unshare --pid --fork --mount-proc "$B" -v sh -c \
	'(sleep 0.2 &) ; sleep 0.5; echo "I am pid $$ in a new PID namespace; ocinit is pid 1 and reaped the orphaned sleep:"; ps -o pid,ppid,stat,comm; exit 3'
echo "exit status: $? (the child's 3)"

step "ocinit sh -c 'kill -TERM \$\$'"
unshare --pid --fork --mount-proc "$B" sh -c 'kill -TERM $$'
echo "exit status: $? (128 + SIGTERM's 15)"

printf 'echo I have no #! line\n' >/tmp/ocinit-demo.sh && chmod 755 /tmp/ocinit-demo.sh
step "ocinit /tmp/ocinit-demo.sh   # execve decides, with no pre-check, and ocinit says why"
unshare --pid --fork --mount-proc "$B" /tmp/ocinit-demo.sh
echo "exit status: $? (126: cannot execute)"
rm -f /tmp/ocinit-demo.sh
