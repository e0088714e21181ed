# make deb, once (x86_64 defconfig): a package per arch, each holding its own arch's binary, the
# files and modes pkg/deb.sh means, the same bytes on a second build, no lintian error, and a
# real apt-get install and remove in a throwaway overlay of this root (the host untouched).
[ "$ARCH/$CFG" = x86_64/defconfig ] || return 0 2>/dev/null || true
deb_ver=$(sed -n 's/^VERSION *:= *//p' Makefile)
deb_dir=build/deb
deb_elf() { od -An -tx2 -j18 -N2 "$1" 2>/dev/null | tr -d ' '; }   # e_machine
rm -f "$deb_dir"/ocinit_*.deb
run make -s deb
deb_got="$RC"
for deb_a in $(dist_field 2); do [ -f "$deb_dir/ocinit_${deb_ver}_$deb_a.deb" ] && deb_got="$deb_got $deb_a"; done
if [ "$deb_got" = "0 $(dist_field 2)" ]; then ok "make deb: ocinit_${deb_ver}_ARCH.deb for $(dist_field 2)"
else bad "make deb: ocinit_${deb_ver}_ARCH.deb for $(dist_field 2)" "got '$deb_got'; the build said: $(cat "$T/err" "$T/out" | tail -n 5 | tr '\n' ' ' | cut -c1-400)"; fi

deb_files='drwxr-xr-x root/root ./
drwxr-xr-x root/root ./usr/
drwxr-xr-x root/root ./usr/sbin/
-rwxr-xr-x root/root ./usr/sbin/ocinit
drwxr-xr-x root/root ./usr/share/
drwxr-xr-x root/root ./usr/share/doc/
drwxr-xr-x root/root ./usr/share/doc/ocinit/
-rw-r--r-- root/root ./usr/share/doc/ocinit/changelog.gz
-rw-r--r-- root/root ./usr/share/doc/ocinit/copyright
drwxr-xr-x root/root ./usr/share/lintian/
drwxr-xr-x root/root ./usr/share/lintian/overrides/
-rw-r--r-- root/root ./usr/share/lintian/overrides/ocinit
drwxr-xr-x root/root ./usr/share/man/
drwxr-xr-x root/root ./usr/share/man/man8/
-rw-r--r-- root/root ./usr/share/man/man8/ocinit.8.gz'
for deb_a in $DIST_ARCHES; do   # ARCH:DEBARCH:MACHINE:PLATFORM
	deb_m=${deb_a%%:*} deb_arch=$(echo "$deb_a" | cut -d: -f2)
	deb_a=$deb_arch:$deb_m:$(echo "$deb_a" | cut -d: -f3)
	deb_f=$deb_dir/ocinit_${deb_ver}_$deb_arch.deb deb_x=$T/deb-$deb_arch
	rm -rf "$deb_x" && mkdir -p "$deb_x" && dpkg-deb -x "$deb_f" "$deb_x" 2>/dev/null
	expect_eq "deb $deb_arch: Architecture and the ELF machine of its usr/sbin/ocinit" \
		"$deb_arch ${deb_a##*:}" "$(dpkg-deb -f "$deb_f" Architecture 2>/dev/null) $(deb_elf "$deb_x/usr/sbin/ocinit")"
	expect_eq "deb $deb_arch: its files, owners and modes" "$deb_files" \
		"$(dpkg-deb -c "$deb_f" 2>/dev/null | awk '{ print $1, $2, $6 }')"
	# The release binary and ocinit(8) as they are, the changelog for this version.
	deb_same=
	cmp -s "$deb_x/usr/sbin/ocinit" "build/dist-$deb_m/ocinit" && deb_same="$deb_same binary"
	gzip -dc "$deb_x/usr/share/man/man8/ocinit.8.gz" 2>/dev/null | cmp -s - init/ocinit.8 && deb_same="$deb_same man"
	gzip -dc "$deb_x/usr/share/doc/ocinit/changelog.gz" 2>/dev/null | head -n 1 | grep -qxF "ocinit ($deb_ver) unstable; urgency=medium" && deb_same="$deb_same changelog"
	expect_eq "deb $deb_arch: the release binary, ocinit(8) unchanged, a changelog for $deb_ver" " binary man changelog" "$deb_same"
	# Statically linked: Built-Using must name the exact sources, musl's as installed.
	expect_eq "deb $deb_arch: Package, Version, Built-Using (libcap-ng, musl), Section" \
		"ocinit $deb_ver libcap-ng (= $(sed -n 's/^CAPNG_DSC *:=.*libcap-ng_\(.*\)\.dsc$/\1/p' Makefile)), musl (= $(dpkg-query -W -f='${source:Version}' "musl-dev:$deb_arch" 2>/dev/null)) admin" \
		"$(dpkg-deb -f "$deb_f" Package Version Built-Using Section 2>/dev/null | sed 's/^[A-Za-z-]*: //' | paste -sd' ')"
done

# Reproducible: a second build, a second later, under another umask, time zone and locale.
(cd "$deb_dir" && sha256sum ocinit_*.deb) >"$T/deb.sums" 2>/dev/null
sleep 1
run sh -c 'umask 077 && TZ=Pacific/Kiritimati LC_ALL=C.UTF-8 make -s deb'
deb_diff=$(cd "$deb_dir" && sha256sum -c "$T/deb.sums" 2>&1 | grep -v ': OK$' | tr '\n' ' ')
if [ "$RC $(wc -l <"$T/deb.sums") $deb_diff" = "0 $(echo $DIST_ARCHES | wc -w) " ]; then ok "make deb twice: the same bytes"
else bad "make deb twice: the same bytes" "status $RC, $deb_diff; the build said: $(tail -n 5 "$T/err" | tr '\n' ' ' | cut -c1-400)"; fi

for deb_arch in $(dist_field 2); do
	run lintian "$deb_dir/ocinit_${deb_ver}_$deb_arch.deb"
	deb_e=$(grep '^E: ' "$T/out" | tr '\n' ';')
	if [ -z "$deb_e" ] && [ "$RC" = 0 ]; then ok "lintian: no errors in the $deb_arch deb"
	else bad "lintian: no errors in the $deb_arch deb" "status $RC: ${deb_e:-$(head -c 300 "$T/err")}"; fi
done

# A real install, into a throwaway copy of this root: an overlay whose upper layer is a tmpfs
# of a private mount namespace (gone with it), the root file system below. Only the root file
# system: /proc is mounted anew, /dev bound in; nothing else below / is needed for apt.
deb_host() { echo "$(dpkg-query -W -f='${db:Status-Status}' ocinit 2>/dev/null || echo not-installed)" \
	"$([ -e /usr/sbin/ocinit ] && echo sbin-present)$([ -e /usr/share/doc/ocinit ] && echo doc-present)"; }
deb_host_before=$(deb_host)
deb_inner='set -eu
m=$1 pkg=$2
mount -t tmpfs -o mode=0755 tmpfs "$m"
mkdir "$m/upper" "$m/work" "$m/root"
mount -t overlay overlay -o "lowerdir=/,upperdir=$m/upper,workdir=$m/work" "$m/root"
mount -t proc proc "$m/root/proc"
mount --rbind /dev "$m/root/dev"
cp "$pkg" "$m/root/tmp/"
exec chroot "$m/root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root \
	DEBIAN_FRONTEND=noninteractive DEB="${pkg##*/}" sh -c '\''
	cd /tmp && apt-get install -y "./$DEB" >&2 || echo "install-failed $?"
	echo "status=$(dpkg -s ocinit 2>/dev/null | sed -n "s/^Status: //p")"
	echo "version=$(/usr/sbin/ocinit --version 2>&1 | head -n 1)"
	echo "man=$([ -f /usr/share/man/man8/ocinit.8.gz ] && gzip -t /usr/share/man/man8/ocinit.8.gz && echo present)"
	apt-get remove -y ocinit >&2 || echo "remove-failed $?"
	echo "removed=$([ -e /usr/sbin/ocinit ] && echo present || echo absent) $(dpkg-query -W -f="\${db:Status-Status}" ocinit 2>/dev/null || echo not-installed)"
	'\'''
mkdir -p "$T/ovl"
run timeout -k 5 300 unshare --mount --pid --fork --propagation private \
	sh -c "$deb_inner" deb-install "$T/ovl" "$PWD/$deb_dir/ocinit_${deb_ver}_amd64.deb"
deb_val() { sed -n "s/^$1=//p" "$T/out"; }
deb_why="status $RC; $(grep -- -failed "$T/out") $(grep -v '^[A-Z][a-z]' "$T/err" | tail -n 3 | tr '\n' ' ' | cut -c1-400)"
if [ "$RC" = 0 ] && [ "$(deb_val status)" = "install ok installed" ] && ! grep -q -- -failed "$T/out"; then
	ok "apt-get install ./ocinit_${deb_ver}_amd64.deb in an overlay root: dpkg -s says installed"
else bad "apt-get install ./ocinit_${deb_ver}_amd64.deb in an overlay root: dpkg -s says installed" \
	"dpkg says '$(deb_val status)'; $deb_why"; fi
case $(deb_val version) in
"ocinit version $deb_ver "*) ok "installed: /usr/sbin/ocinit --version names $deb_ver" ;;
*) bad "installed: /usr/sbin/ocinit --version names $deb_ver" "got '$(deb_val version)'" ;;
esac
expect_eq "installed: /usr/share/man/man8/ocinit.8.gz" present "$(deb_val man)"
expect_eq "apt-get remove -y ocinit: /usr/sbin/ocinit gone, the package not installed" \
	"absent not-installed" "$(deb_val removed)"
deb_after=$(deb_host)
if [ "$deb_after" = "not-installed " ]; then ok "the host untouched: ocinit not installed there, no file of it"
else bad "the host untouched: ocinit not installed there, no file of it" "before: '$deb_host_before', after: '$deb_after'"; fi
