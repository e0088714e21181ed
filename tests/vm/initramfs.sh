#!/bin/sh
# initramfs.sh OCINIT PROBE BUSYBOX OUT [POLICY]: a gzip newc cpio with ocinit as /init, the
# probe, busybox with its applet links, an /etc/passwd with a non-root user, the seed
# entrypoint (root-owned, 0744), a process config at /etc/ocinit/config.json, a root one and a
# broken one; with POLICY (a compiled AppArmor profile, ocinit-test), /aa-init, which loads it
# and becomes /init (rdinit=/aa-init), and the configs that ask for it.
set -eu
ocinit=$1 probe=$2 busybox=$3 out=$4 policy=${5:-}
r=$(mktemp -d)
trap 'rm -rf "$r"' EXIT
chmod 755 "$r"
mkdir -p "$r/bin" "$r/etc/ocinit" "$r/home/testuser" "$r/proc" "$r/sys" "$r/dev"
cp "$ocinit" "$r/init"
cp "$probe" "$r/bin/probe"
cp "$busybox" "$r/bin/busybox"
for a in sh id cat echo sleep true kill hostname mount; do ln -s busybox "$r/bin/$a"; done
printf 'root:x:0:0:root:/root:/bin/sh\ntestuser:x:1000:1000:test:/home/testuser:/bin/sh\n' >"$r/etc/passwd"
printf 'root:x:0:\ntestuser:x:1000:\n' >"$r/etc/group"
# The seed case is the entrypoint itself: root-owned, mode 0744, run as uid 1000 with
# CAP_DAC_OVERRIDE. It then reports who it is, the hostname and loopback ocinit set up, leaves a process behind that reports the
# TERM it gets at shutdown, and exits 3.
cat >"$r/entrypoint.sh" <<'SH'
#!/bin/sh
echo "hello from /entrypoint.sh as $(id -u)"
echo "hostname $(hostname), lo flags $(cat /sys/class/net/lo/flags)"
/bin/probe status
(trap 'echo "leftover got TERM"; exit 0' TERM; while :; do sleep 1; done) &
sleep 1
exit 3
SH
chmod 0744 "$r/entrypoint.sh"
cat >"$r/etc/ocinit/config.json" <<'JSON'
{"process": {"user": {"uid": 1000, "gid": 1000}, "args": ["/entrypoint.sh"],
 "env": ["PATH=/bin"], "cwd": "/",
 "capabilities": {"bounding": ["CAP_DAC_OVERRIDE", "CAP_KILL"], "effective": ["CAP_DAC_OVERRIDE"],
                  "permitted": ["CAP_DAC_OVERRIDE"]}}}
JSON
printf '{"process": {"user": {"uid": 4294967295, "gid": 0}}}' >"$r/etc/ocinit/bad.json"
printf '{"process": {"user": {"uid": 0, "gid": 0}, "env": ["PATH=/bin"]}}' >"$r/etc/ocinit/root.json"
if [ -n "$policy" ]; then
	mkdir -p "$r/etc/apparmor"
	cp "$policy" "$r/etc/apparmor/ocinit-test.bin"
	cat >"$r/aa-init" <<'SH'
#!/bin/sh
# Load the test profile into the kernel, then become ocinit, still PID 1.
mount -t sysfs sysfs /sys && mount -t securityfs securityfs /sys/kernel/security &&
	cat /etc/apparmor/ocinit-test.bin >/sys/kernel/security/apparmor/.load &&
	echo "aa-init: profile loaded" || echo "aa-init: the profile did not load"
exec /init "$@"
SH
	chmod 0755 "$r/aa-init"
	for p in ocinit-test not-loaded; do
		printf '{"process": {"user": {"uid": 1000, "gid": 1000}, "env": ["PATH=/bin"], "cwd": "/",
 "args": ["/bin/sh", "-c", "echo confined as $(cat /proc/self/attr/current)"],
 "apparmorProfile": "%s"}}' "$p" >"$r/etc/ocinit/aa-$p.json"
	done
fi
(cd "$r" && find . | cpio -o -H newc -R 0:0 --quiet | gzip -9) >"$out"
