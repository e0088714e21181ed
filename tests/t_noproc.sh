# No /proc (an early initramfs): credentials are still applied and read back, and fds closed.
has caps && has oci && has rlimits || return 0 2>/dev/null || true
cat >"$T/noproc.json" <<JSON
{"process": {"user": {"uid": 1000, "gid": 1000, "additionalGids": [29, 10], "umask": 23},
 "args": ["$H/probe", "ids"], "cwd": "/", "noNewPrivileges": true,
 "capabilities": {"bounding": ["CAP_KILL", "CAP_CHOWN"], "permitted": ["CAP_KILL"],
                  "inheritable": ["CAP_KILL"], "ambient": ["CAP_KILL"]},
 "rlimits": [{"type": "RLIMIT_NOFILE", "soft": 256, "hard": 512}]}}
JSON
want="uid=1000/1000/1000 gid=1000/1000/1000 groups=10,29 inh=20 prm=20 eff=20 bnd=21 amb=20 nnp=1 umask=0027 nofile=256/512 fds=0,1,2"
run "$H/probe" fds 20 $RUN "$OCINIT" --oci "$T/noproc.json"
expect_eq "with /proc: credentials and fds by system calls" "$want" "$(cat "$T/out")"
run unshare -m --propagation private sh -c 'umount -l /proc && exec "$@"' sh \
	"$H/probe" fds 20 $RUN "$OCINIT" --oci "$T/noproc.json"
expect_eq "without /proc: the same credentials, fds 0-2 only" "$want" "$(cat "$T/out")"

# A /proc that is not procfs (a directory of the root, a tmpfs mounted over it) is not
# believed: its self/status claims every capability in bounding, while the engine's grant
# (setpriv's bounding set) is CAP_CHOWN and CAP_KILL; --caps keep must see the real one.
if command -v setpriv >/dev/null; then
	run unshare -m --propagation private sh -c 'mount -t tmpfs none /proc && mkdir -p /proc/self &&
		printf "Name:\tx\nCapBnd:\t000001ffffffffff\nCapAmb:\t0000000000000000\n" >/proc/self/status &&
		exec "$@"' sh setpriv --bounding-set=-all,+chown,+kill $RUN "$OCINIT" --caps keep --print -- true
	expect_eq "a /proc/self/status that is not procfs is not believed (the real bounding set)" \
		'0     "bounding": ["CAP_CHOWN", "CAP_KILL"],' "$RC $(grep '"bounding"' "$T/out")"
else
	bad "a /proc/self/status that is not procfs is not believed" "setpriv is missing (sh tests/deps.sh)"
fi
