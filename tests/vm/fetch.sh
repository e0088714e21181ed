#!/bin/sh
# Debian's own kernels (and arm64 busybox-static, and apparmor_parser) for the VM tests, fetched with
# `apt-get download` and unpacked under build/vm: never installed, never in the host's /boot.
# Idempotent; run by `make deps`.
set -eu
DIR=${1:-build/vm}
mkdir -p "$DIR/debs"
for a in amd64 arm64; do
	if [ -f "$DIR/$a/vmlinuz" ] && { [ $a = amd64 ] || [ -f "$DIR/$a/busybox" ]; }; then continue; fi
	pkg=$(apt-cache depends "linux-image-$a:$a" 2>/dev/null | sed -n 's/.*Depends: \(linux-image-[0-9][^:]*\).*/\1/p' | head -n 1)
	[ -n "$pkg" ] || { echo "vm/fetch: no kernel package for $a" >&2; exit 1; }
	pkgs="$pkg:$a"
	[ $a = arm64 ] && pkgs="$pkgs busybox-static:arm64"
	(cd "$DIR/debs" && apt-get download -qq $pkgs 2>&1 | grep -v 'unsandboxed as root' || true)
	rm -rf "$DIR/$a" && mkdir -p "$DIR/$a/x"
	for d in "$DIR"/debs/*_$a.deb; do dpkg-deb -x "$d" "$DIR/$a/x"; done
	mv "$DIR"/$a/x/boot/vmlinuz-* "$DIR/$a/vmlinuz"
	[ $a = arm64 ] && mv "$DIR/$a/x/bin/busybox" "$DIR/$a/busybox"
	rm -rf "$DIR/$a/x" "$DIR"/debs/*_$a.deb
done
# apparmor_parser (of the host's arch), to compile the VM boots' test profile; unpacked
# like the kernels, not installed
if [ ! -x "$DIR/apparmor_parser" ]; then
	(cd "$DIR/debs" && apt-get download -qq apparmor 2>&1 | grep -v 'unsandboxed as root' || true)
	rm -rf "$DIR/aa" && mkdir -p "$DIR/aa"
	dpkg-deb -x "$DIR"/debs/apparmor_*.deb "$DIR/aa"
	mv "$DIR/aa/sbin/apparmor_parser" "$DIR/apparmor_parser"
	rm -rf "$DIR/aa" "$DIR"/debs/apparmor_*.deb
fi
echo "vm/fetch: kernels in $DIR"
