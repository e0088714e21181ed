#!/bin/sh
# make deps (or `sh tests/deps.sh` where make is not installed yet): install, as root on
# Debian 12, every Debian package the build and the tests use — named one by one, since apt
# installs no Recommends here — fetch libcap-ng's Debian source package into build/src with a
# private apt state, and check every file the build opens that a package must provide.
# Idempotent: when everything is present it only checks. It changes nothing under /etc/apt but
# what `dpkg --add-architecture` needs for the foreign arches' musl-dev (FOREIGN).
set -eu

# The arm64 kernel headers (linux-libc-dev-arm64-cross) are only a Recommends of the cross
# compiler: named here, as is everything else a test runs.
# Every other arch: musl-dev of that arch (its musl-gcc wrapper and libc.a), the cross
# compiler and binutils whose gcc the wrapper drives, and the kernel headers.
FOREIGN="arm64 i386 armhf armel ppc64el s390x mips64el"
PKGS="make gcc libc6-dev linux-libc-dev musl-tools musl-dev:amd64 musl-dev:arm64
      gcc-aarch64-linux-gnu binutils-aarch64-linux-gnu linux-libc-dev-arm64-cross
      musl-dev:i386 gcc-i686-linux-gnu binutils-i686-linux-gnu linux-libc-dev-i386-cross
      musl-dev:armhf gcc-arm-linux-gnueabihf binutils-arm-linux-gnueabihf linux-libc-dev-armhf-cross
      musl-dev:armel gcc-arm-linux-gnueabi binutils-arm-linux-gnueabi linux-libc-dev-armel-cross
      musl-dev:ppc64el gcc-powerpc64le-linux-gnu binutils-powerpc64le-linux-gnu linux-libc-dev-ppc64el-cross
      musl-dev:s390x gcc-s390x-linux-gnu binutils-s390x-linux-gnu linux-libc-dev-s390x-cross
      musl-dev:mips64el gcc-mips64el-linux-gnuabi64 binutils-mips64el-linux-gnuabi64 linux-libc-dev-mips64el-cross
      binutils kconfig-frontends dpkg-dev patch xz-utils ca-certificates git
      qemu-user-static util-linux procps strace clang libclang-rt-14-dev llvm
      runc crun jq busybox-static mandoc
      tini dumb-init catatonit gosu valgrind gnuplot-nox
      qemu-system-x86 qemu-system-arm qemu-system-ppc qemu-system-misc qemu-system-mips cpio mmdebstrap
      containerd docker.io podman skopeo python3 python3-jsonschema lintian"
SRC_DIR=${1:-build/src}
BUILD=$(dirname "$SRC_DIR")
CAPNG=libcap-ng=0.8.3-1
CAPNG_DSC=libcap-ng_0.8.3-1.dsc

need_root() {
	[ "$(id -u)" = 0 ] || { echo "make deps: must run as root to $1" >&2; exit 1; }
}

missing=
for p in $PKGS; do
	dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q '^install ok installed$' ||
		missing="$missing $p"
done
if [ -n "$missing" ]; then
	need_root "install:$missing"
	for a in $FOREIGN; do
		dpkg --print-foreign-architectures | grep -qx "$a" || dpkg --add-architecture "$a"
	done
	apt-get update -qq
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $PKGS
fi

# libcap-ng from Debian's source package, through an apt state of our own under
# $BUILD/apt: deb-src entries derived from the machine's deb entries (same mirrors, suites,
# components, keys), its own lists and cache. The machine's apt configuration is only read.
if [ ! -f "$SRC_DIR/$CAPNG_DSC" ]; then
	mkdir -p "$BUILD" && A=$(cd "$BUILD" && pwd)/apt
	rm -rf "$A" && mkdir -p "$A/parts" "$A/lists/partial" "$A/cache/archives/partial"
	for f in /etc/apt/sources.list.d/*; do
		case $f in *.sources) ;; *) continue;; esac
		sed 's/^Types:.*\bdeb\b.*/Types: deb-src/' "$f"
		echo
	done > "$A/parts/deb-src.sources"
	if [ -f /etc/apt/sources.list ]; then
		sed -n 's/^deb \(.*\)/deb-src \1/p' /etc/apt/sources.list
	fi > "$A/sources.list"
	apt_private() {
		apt-get -qq -o Dir::Etc::SourceList="$A/sources.list" -o Dir::Etc::SourceParts="$A/parts" \
			-o Dir::State::Lists="$A/lists" -o Dir::Cache="$A/cache" \
			-o APT::Sandbox::User=root "$@"
	}
	apt_private update
	mkdir -p "$SRC_DIR"
	(cd "$SRC_DIR" && apt_private source --download-only "$CAPNG")
	[ -f "$SRC_DIR/$CAPNG_DSC" ] || { echo "make deps: $CAPNG source not fetched" >&2; exit 1; }
fi

# Debian's kernels for the VM tests: downloaded and unpacked into build/vm, never installed.
sh "$(dirname "$0")/vm/fetch.sh" "$BUILD/vm" >/dev/null

# What the build opens, and the package that must provide it.
bad=0
while read -r file pkg; do
	[ -e "$file" ] || { echo "make deps: $file is missing (package $pkg)" >&2; bad=1; }
done <<EOF
/usr/include/linux/capability.h linux-libc-dev
/usr/include/x86_64-linux-gnu/asm/unistd.h linux-libc-dev
/usr/include/asm-generic/errno.h linux-libc-dev
/usr/aarch64-linux-gnu/include/linux/capability.h linux-libc-dev-arm64-cross
/usr/aarch64-linux-gnu/include/asm/unistd.h linux-libc-dev-arm64-cross
/usr/aarch64-linux-gnu/include/asm-generic/errno.h linux-libc-dev-arm64-cross
/usr/lib/x86_64-linux-musl/libc.a musl-dev
/usr/lib/aarch64-linux-musl/libc.a musl-dev:arm64
/usr/bin/musl-gcc musl-tools
/usr/bin/aarch64-linux-musl-gcc musl-dev:arm64
/usr/bin/aarch64-linux-gnu-gcc gcc-aarch64-linux-gnu
/usr/bin/aarch64-linux-gnu-gcc-ar gcc-aarch64-linux-gnu
/usr/bin/aarch64-linux-gnu-strip binutils-aarch64-linux-gnu
/usr/bin/qemu-aarch64-static qemu-user-static
/usr/bin/qemu-i386-static qemu-user-static
/usr/bin/qemu-arm-static qemu-user-static
/usr/bin/qemu-ppc64le-static qemu-user-static
/usr/bin/qemu-s390x-static qemu-user-static
/usr/bin/qemu-mips64el-static qemu-user-static
/usr/bin/i386-linux-musl-gcc musl-dev:i386
/usr/bin/arm-linux-musleabihf-gcc musl-dev:armhf
/usr/bin/arm-linux-musleabi-gcc musl-dev:armel
/usr/bin/powerpc64le-linux-musl-gcc musl-dev:ppc64el
/usr/bin/s390x-linux-musl-gcc musl-dev:s390x
/usr/bin/mips64el-linux-musl-gcc musl-dev:mips64el
/usr/i686-linux-gnu/include/asm/unistd.h linux-libc-dev-i386-cross
/usr/arm-linux-gnueabihf/include/asm/unistd.h linux-libc-dev-armhf-cross
/usr/arm-linux-gnueabi/include/asm/unistd.h linux-libc-dev-armel-cross
/usr/powerpc64le-linux-gnu/include/asm/unistd.h linux-libc-dev-ppc64el-cross
/usr/s390x-linux-gnu/include/asm/unistd.h linux-libc-dev-s390x-cross
/usr/mips64el-linux-gnuabi64/include/asm/unistd.h linux-libc-dev-mips64el-cross
/usr/bin/kconfig-conf kconfig-frontends
/usr/bin/qemu-system-x86_64 qemu-system-x86
/usr/bin/qemu-system-aarch64 qemu-system-arm
/usr/bin/qemu-system-i386 qemu-system-x86
/usr/bin/qemu-system-ppc64 qemu-system-ppc
/usr/bin/qemu-system-s390x qemu-system-misc
/usr/bin/qemu-system-mips64el qemu-system-mips
/usr/bin/mmdebstrap mmdebstrap
$BUILD/vm/amd64/vmlinuz linux-image-amd64 (apt-get download)
$BUILD/vm/arm64/vmlinuz linux-image-arm64 (apt-get download)
$BUILD/vm/arm64/busybox busybox-static:arm64 (apt-get download)
$BUILD/vm/i386/vmlinuz linux-image-686 (apt-get download)
$BUILD/vm/armhf/vmlinuz linux-image-armmp-lpae (apt-get download)
$BUILD/vm/ppc64el/vmlinuz linux-image-powerpc64le (apt-get download)
$BUILD/vm/s390x/vmlinuz linux-image-s390x (apt-get download)
$BUILD/vm/mips64el/vmlinuz linux-image-5kc-malta (apt-get download)
EOF
[ "$bad" = 0 ] || exit 1
echo "make deps: all present"
