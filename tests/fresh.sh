#!/bin/bash
# tests/fresh.sh (make fresh): the README's quick start on a machine with nothing installed.
# A Debian 12 minbase root (mmdebstrap, from this machine's own apt sources; the tarball is
# kept in build/fresh and made again when older than a day), the committed tree cloned into
# it, and the README's two commands — read from the README itself, so it cannot drift — run
# inside, as root, in private mount and PID namespaces: the root bound onto itself, /proc,
# /sys, /dev, a fresh /tmp, then pivot_root. Prints the inner run's closing line and fails
# when the inner run fails. Needs mmdebstrap and git (make deps installs both).
set -u
cd "$(dirname "$0")/.." || exit 1
TOP=$PWD
F=$TOP/build/fresh
TAR=$F/minbase.tar
ROOT=$F/root
say() { echo "fresh: $*"; }
mkdir -p "$F"

# The README's quick start: the commands of the first sh block under "## Quick start",
# comments taken off.
quick=$(awk '/^## Quick start/ { q = 1; next } q && /^```sh/ { b = 1; next }
	b && /^```/ { exit } b { sub(/[ \t]+#.*/, ""); if (NF) print }' README.md)
[ "$(echo "$quick" | grep -c .)" = 2 ] || { say "README.md: no two-command quick start found"; exit 1; }
say "the README's commands:"; echo "$quick" | sed 's/^/    # /'

if [ -z "$(find "$TAR" -mtime -1 2>/dev/null)" ]; then
	say "building a Debian 12 minbase root (mmdebstrap)"
	mirrors=()
	for f in /etc/apt/sources.list.d/*; do case $f in *.sources) mirrors+=("$f");; esac; done
	[ -s /etc/apt/sources.list ] && grep -q '^deb ' /etc/apt/sources.list && mirrors+=(/etc/apt/sources.list)
	rm -f "$TAR.new"
	mmdebstrap --quiet --variant=minbase --format=tar bookworm "$TAR.new" "${mirrors[@]}" >"$F/mmdebstrap.log" 2>&1 ||
		{ tail -20 "$F/mmdebstrap.log"; say "mmdebstrap failed"; exit 1; }
	mv "$TAR.new" "$TAR"
fi

rm -rf "$ROOT" && mkdir -p "$ROOT"
tar -C "$ROOT" -xf "$TAR" || { say "cannot unpack $TAR"; exit 1; }
# What a fresh machine has: a network configuration, nothing of ocinit's.
cp /etc/resolv.conf "$ROOT/etc/resolv.conf" 2>/dev/null
# No service may start when a package is installed: this root shares the host's network, and
# docker.io's dockerd, started by its postinst (no init answers "which runlevel" here),
# would make a bridge and iptables rules there. Debian's container images do the same.
printf '#!/bin/sh\nexit 101\n' >"$ROOT/usr/sbin/policy-rc.d" && chmod 755 "$ROOT/usr/sbin/policy-rc.d" ||
	{ say "cannot write the pristine root's policy-rc.d"; exit 1; }
mkdir -p "$ROOT/work"
git clone -q --no-hardlinks "$TOP" "$ROOT/work/ocinit" || { say "git clone failed"; exit 1; }
say "clone of $(git -C "$ROOT/work/ocinit" log -1 --format='%h %s' | cut -c1-60)"

# inner: run as PID 1 of the new namespaces; pivots into the root, then runs the commands.
inner='
set -e
mount --make-rprivate /
mount --bind "$ROOT" "$ROOT"
mount -t proc proc "$ROOT/proc"
mount --rbind /sys "$ROOT/sys"
mount --rbind /dev "$ROOT/dev"
mount -t tmpfs -o mode=1777 tmpfs "$ROOT/tmp"
cd "$ROOT" && mkdir -p .oldroot && pivot_root . .oldroot && umount -l /.oldroot && rmdir /.oldroot
cd /work/ocinit
export PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin HOME=/root
set +e
status=0
apt_state() { find /etc/apt -type f -exec sha256sum {} + | sort; }
apt_state >/tmp/apt.before
while IFS= read -r cmd; do
	echo "fresh: # $cmd"
	sh -c "$cmd" || { status=$?; echo "fresh: ^ failed with status $status"; break; }
done <<EOF
$QUICK
EOF
# The quick start may add the arm64 architecture (dpkg, not apt), nothing under /etc/apt.
if apt_state | cmp -s - /tmp/apt.before; then echo "fresh: /etc/apt unchanged"
else echo "fresh: /etc/apt CHANGED:"; apt_state | diff /tmp/apt.before - | head; status=1; fi
exit $status
'
t0=$(date +%s)
# The six core arches in defconfig and allnoconfig only there (their oldkernel run, which
# needs no package more, is the first make check's): .ci/run stays within its 45 minutes.
ROOT=$ROOT QUICK=$quick CORE_CONFIGS="defconfig allnoconfig" \
	unshare --mount --pid --fork --kill-child sh -c "$inner" >"$F/run.log" 2>&1
rc=$?
secs=$(( $(date +%s) - t0 ))
tail -n 3 "$F/run.log" | sed 's/^/    /'
line=$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$F/run.log" | tail -n 1)
grep '^fresh: /etc/apt' "$F/run.log" | sed 's/^/    /'
if [ "$rc" = 0 ] && [ -n "$line" ]; then
	say "in a pristine Debian 12 root: the quick start passed in ${secs}s: $line"
	rm -rf "$ROOT"
	echo "1 passed, 0 failed"
	exit 0
fi
say "in a pristine Debian 12 root: the quick start FAILED (status $rc after ${secs}s): ${line:-no closing line}; the log is $F/run.log"
echo "0 passed, 1 failed"
exit 1
