#!/bin/sh
# pkg/deb.sh VERSION OUTDIR BIN... (make deb): OUTDIR/ocinit_VERSION_DEBARCH.deb for each
# static ocinit binary given. The Debian architecture comes from the binary's own ELF header,
# not from its path, so that no binary can ship under another arch's name. The same inputs
# give the same bytes: every mtime and the changelog's date are SOURCE_DATE_EPOCH (by default
# the last commit's time), gzip -n leaves names and times out, dpkg-deb makes root the owner
# and takes its ar and tar times from SOURCE_DATE_EPOCH too.
set -eu
[ $# -ge 3 ] || { echo "usage: $0 VERSION OUTDIR BIN..." >&2; exit 2; }
VERSION=$1 OUT=$2
shift 2
PKG=$(cd "$(dirname "$0")" && pwd)
TOP=$(dirname "$PKG")
umask 022
# lintian takes a maintainer host without a dot (localhost) for an error (bogus-mail-host);
# example.org is reserved (RFC 2606): a placeholder until the project has an address.
MAINT=${DEB_MAINTAINER:-ocinit developers <ocinit@example.org>}
: "${SOURCE_DATE_EPOCH:=$(git -C "$TOP" log -1 --format=%ct 2>/dev/null || echo 0)}"
export SOURCE_DATE_EPOCH
# Built-Using names the exact sources linked in: libcap-ng as the Makefile pins its .dsc (it
# is built from that, not from an installed package), musl as installed for the arch.
CAPNG=$(sed -n 's/^CAPNG_DSC *:=.*libcap-ng_\(.*\)\.dsc$/\1/p' "$TOP/Makefile")
[ -n "$CAPNG" ] || { echo "deb.sh: no libcap-ng version in the Makefile's CAPNG_DSC" >&2; exit 1; }

# The Debian arch of an ELF: its class and byte order (bytes 4 and 5), e_machine (offset 18,
# in the file's byte order), and for 32-bit ARM the float ABI of e_flags (offset 36): hard
# (EF_ARM_ABI_FLOAT_HARD, 0x400) is armhf, soft armel.
elf_arch() {
	case $(od -An -tx1 -N6 "$1" | tr -d ' \n'):$(od -An -tx1 -j18 -N2 "$1" | tr -d ' \n') in
	7f454c460201:3e00) echo amd64 ;;
	7f454c460201:b700) echo arm64 ;;
	7f454c460101:0300) echo i386 ;;
	7f454c460101:2800)
		case $(od -An -tx1 -j37 -N1 "$1" | tr -d ' \n') in
		0[4-7]|0[c-f]) echo armhf ;;
		*) echo armel ;;
		esac ;;
	7f454c460201:1500) echo ppc64el ;;
	7f454c460202:0016) echo s390x ;;
	7f454c460201:0800) echo mips64el ;;
	*) return 1 ;;
	esac
}

changelog() {
	cat <<EOF
ocinit ($VERSION) unstable; urgency=medium

  * Release $VERSION: a static (musl) init for Linux containers, microVMs and
    sandboxes that applies the OCI process credentials itself.

 -- $MAINT  $(date -u -R -d "@$SOURCE_DATE_EPOCH")
EOF
}

mkdir -p "$OUT"
for bin; do
	arch=$(elf_arch "$bin") || { echo "deb.sh: $bin: not an ELF binary of an arch ocinit builds" >&2; exit 1; }
	musl=$(dpkg-query -W -f='${source:Version}' "musl-dev:$arch")
	r=$OUT/root-$arch doc=$OUT/root-$arch/usr/share/doc/ocinit
	rm -rf "$r"
	mkdir -p "$r/DEBIAN" "$r/usr/sbin" "$r/usr/share/man/man8" "$doc" "$r/usr/share/lintian/overrides"
	cp "$bin" "$r/usr/sbin/ocinit"
	gzip -9n <"$TOP/init/ocinit.8" >"$r/usr/share/man/man8/ocinit.8.gz"
	cp "$PKG/copyright" "$doc/copyright"
	changelog | gzip -9n >"$doc/changelog.gz"
	# The one override, statically-linked-binary: the static binary is the point of ocinit
	# (it is copied into images that have no libc); see pkg/lintian-overrides.
	cp "$PKG/lintian-overrides" "$r/usr/share/lintian/overrides/ocinit"
	find "$r" -type d -exec chmod 0755 {} +
	find "$r" -type f -exec chmod 0644 {} +
	chmod 0755 "$r/usr/sbin/ocinit"
	(cd "$r" && find usr -type f | LC_ALL=C sort | xargs md5sum) >"$r/DEBIAN/md5sums"
	# Installed-Size as dpkg-gencontrol counts it: KiB per file, rounded up, and 1 per directory.
	size=$( { find "$r/usr" -type f -exec stat -c %s {} +; find "$r/usr" -type d -exec echo 1 \; ; } |
		awk '{ k += int(($1 + 1023) / 1024) } END { print k }')
	cat >"$r/DEBIAN/control" <<EOF
Package: ocinit
Version: $VERSION
Architecture: $arch
Maintainer: $MAINT
Installed-Size: $size
Built-Using: libcap-ng (= $CAPNG), musl (= $musl)
Section: admin
Priority: optional
Description: tiny static init for containers that applies OCI credentials
 ocinit runs a command as PID 1 of a container, a microVM or a sandbox: it
 reaps every zombie, forwards signals to the command and exits with its
 status.
 .
 It applies the OCI runtime-spec process credentials itself (uid, gid,
 additional gids, umask, the five capability sets through libcap-ng,
 noNewPrivileges, rlimits) and then calls execve(2) directly, with no
 access(2) pre-check, so that the kernel alone decides whether the
 entrypoint runs. It is statically linked (musl), for images with no libc.
EOF
	chmod 0644 "$r/DEBIAN/control" "$r/DEBIAN/md5sums"
	find "$r" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +
	# One compressor thread: xz's multi-threaded output differs from its single-threaded one,
	# and dpkg-deb would pick the thread count from the machine's cores.
	dpkg-deb -Zxz --threads-max=1 --root-owner-group --build "$r" "$OUT/ocinit_${VERSION}_$arch.deb" >/dev/null
	rm -rf "$r"
	echo "$OUT/ocinit_${VERSION}_$arch.deb"
done
