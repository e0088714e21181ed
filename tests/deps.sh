#!/bin/sh
# make deps (or `sh tests/deps.sh` where make is not installed yet): install, as root on
# Debian 12, every Debian package the build and the tests use — named one by one, since apt
# installs no Recommends here — fetch libcap-ng's Debian source package into build/src with a
# private apt state, and check every file the build opens that a package must provide.
# Idempotent: when everything is present it only checks. It changes nothing under /etc/apt but
# what `dpkg --add-architecture arm64` needs.
set -eu

# The arm64 kernel headers (linux-libc-dev-arm64-cross) are only a Recommends of the cross
# compiler: named here, as is everything else a test runs.
PKGS="make gcc libc6-dev linux-libc-dev musl-tools musl-dev:amd64 musl-dev:arm64
      gcc-aarch64-linux-gnu binutils-aarch64-linux-gnu linux-libc-dev-arm64-cross
      binutils kconfig-frontends dpkg-dev patch xz-utils ca-certificates git
      qemu-user-static util-linux procps strace clang libclang-rt-14-dev llvm
      runc crun jq busybox-static mandoc
      tini dumb-init catatonit gosu valgrind gnuplot-nox
      qemu-system-x86 qemu-system-arm cpio mmdebstrap
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
	dpkg --print-foreign-architectures | grep -qx arm64 || dpkg --add-architecture arm64
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
/usr/bin/kconfig-conf kconfig-frontends
/usr/bin/qemu-system-x86_64 qemu-system-x86
/usr/bin/qemu-system-aarch64 qemu-system-arm
/usr/bin/mmdebstrap mmdebstrap
$BUILD/vm/amd64/vmlinuz linux-image-amd64 (apt-get download)
$BUILD/vm/arm64/vmlinuz linux-image-arm64 (apt-get download)
$BUILD/vm/arm64/busybox busybox-static:arm64 (apt-get download)
EOF
[ "$bad" = 0 ] || exit 1
echo "make deps: all present"
