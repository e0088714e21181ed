#!/bin/sh
# make deps: install (as root, on Debian 12) every Debian package that the build and the
# tests need, and fetch libcap-ng's Debian source package into build/src. Idempotent: when
# everything is present it only checks, without touching apt.
set -eu

PKGS="make gcc libc6-dev musl-tools musl-dev:arm64 gcc-aarch64-linux-gnu kconfig-frontends
      dpkg-dev patch qemu-user-static util-linux procps strace clang libclang-rt-14-dev
      runc crun jq busybox-static mandoc
      tini dumb-init catatonit gosu valgrind gnuplot-nox binutils
      qemu-system-x86 qemu-system-arm cpio"
SRC_DIR=${1:-build/src}
CAPNG_DSC=libcap-ng_0.8.3-1.dsc

missing=
for p in $PKGS; do
	dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q '^install ok installed$' ||
		missing="$missing $p"
done

need_root() {
	[ "$(id -u)" = 0 ] || { echo "make deps: must run as root to $1" >&2; exit 1; }
}

if [ -n "$missing" ]; then
	need_root "install:$missing"
	dpkg --print-foreign-architectures | grep -qx arm64 || dpkg --add-architecture arm64
	apt-get update -qq
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $PKGS
fi

# libcap-ng from Debian's source package: deb-src entries are derived from the
# machine's own deb entries (same mirrors, suites, components), in a file of our own.
if [ ! -f "$SRC_DIR/$CAPNG_DSC" ]; then
	if ! apt-cache showsrc libcap-ng 2>/dev/null | grep -q '^Version: 0.8.3-1$'; then
		need_root "enable deb-src entries"
		for f in /etc/apt/sources.list.d/*.sources; do
			case $f in *ocinit-deb-src*|*[*]*) continue;; esac
			sed -n 's/^Types:.*\bdeb\b.*/Types: deb-src/; p' "$f"
			echo
		done > /etc/apt/sources.list.d/ocinit-deb-src.sources
		if [ -f /etc/apt/sources.list ]; then
			sed -n 's/^deb \(.*\)/deb-src \1/p' /etc/apt/sources.list \
				> /etc/apt/sources.list.d/ocinit-deb-src.list
		fi
		apt-get update -qq
	fi
	mkdir -p "$SRC_DIR"
	(cd "$SRC_DIR" && apt-get source -qq --download-only libcap-ng=0.8.3-1 2>&1 |
		grep -v 'unsandboxed as root' || true)
	[ -f "$SRC_DIR/$CAPNG_DSC" ] || { echo "make deps: libcap-ng source not fetched" >&2; exit 1; }
fi
# Debian's kernels for the VM tests: downloaded and unpacked into build/vm, never installed.
sh "$(dirname "$0")/vm/fetch.sh" "$(dirname "$SRC_DIR")/vm" >/dev/null
echo "make deps: all present"
