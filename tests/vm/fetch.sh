#!/bin/sh
# Debian's own kernels (and each foreign arch's busybox-static, and apparmor_parser) for the VM tests, fetched with
# `apt-get download` and unpacked under build/vm: never installed, never in the host's /boot.
# Idempotent; run by `make deps`.
set -eu
DIR=${1:-build/vm}
mkdir -p "$DIR/debs"
# DEBARCH:FLAVOUR: the kernel metapackage linux-image-FLAVOUR:DEBARCH names the kernel. Each
# arch but the host's also gets its busybox-static. (armel has no kernel QEMU boots.)
for k in amd64:amd64 arm64:arm64 i386:686 armhf:armmp-lpae ppc64el:powerpc64le s390x:s390x \
	 mips64el:5kc-malta; do
	a=${k%%:*} flavour=${k#*:}
	if [ -f "$DIR/$a/vmlinuz" ] && { [ $a = amd64 ] || [ -f "$DIR/$a/busybox" ]; }; then continue; fi
	pkg=$(apt-cache depends "linux-image-$flavour:$a" 2>/dev/null | sed -n 's/.*Depends: \(linux-image-[0-9][^:]*\).*/\1/p' | head -n 1)
	[ -n "$pkg" ] || { echo "vm/fetch: no kernel package for $a" >&2; exit 1; }
	pkgs="$pkg:$a"
	[ $a = amd64 ] || pkgs="$pkgs busybox-static:$a"
	(cd "$DIR/debs" && apt-get download -qq $pkgs 2>&1 | grep -v 'unsandboxed as root' || true)
	rm -rf "$DIR/$a" && mkdir -p "$DIR/$a/x"
	for d in "$DIR"/debs/*_$a.deb; do dpkg-deb -x "$d" "$DIR/$a/x"; done
	mv "$DIR"/$a/x/boot/vmlinu[xz]-* "$DIR/$a/vmlinuz"
	[ $a = amd64 ] || mv "$DIR/$a/x/bin/busybox" "$DIR/$a/busybox"
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
