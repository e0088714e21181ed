# VM mode: Debian's own kernels boot an initramfs whose /init is ocinit, under QEMU (TCG).
# A few boots per arch, several checks each, all read from the serial log.
if ! has vm; then return 0 2>/dev/null || true; fi
if [ "$CFG" != defconfig ]; then return 0 2>/dev/null || true; fi
V=$TOP/build/vm
case $ARCH in
x86_64)	K=$V/amd64/vmlinuz BB=/bin/busybox CONSOLE=ttyS0 CHANNEL=isa-debug-exit
	QEMU="qemu-system-x86_64 -cpu qemu64,+rdrand -device isa-debug-exit,iobase=0xf4,iosize=0x04"
	host_code() { echo $(( ($1 << 1) | 1 )); } ;;
aarch64) K=$V/arm64/vmlinuz BB=$V/arm64/busybox CONSOLE=ttyAMA0 CHANNEL=semihosting
	QEMU="qemu-system-aarch64 -M virt -cpu cortex-a57 -semihosting-config enable=on,target=native,userspace=on"
	host_code() { echo "$1"; } ;;
# issue 16's arches: the first two boots (the seed scenario, a broken config). Without an
# exit channel the status is read from the console alone.
i386)	K=$V/i386/vmlinuz BB=$V/i386/busybox CONSOLE=ttyS0 CHANNEL=isa-debug-exit
	QEMU="qemu-system-i386 -device isa-debug-exit,iobase=0xf4,iosize=0x04"
	host_code() { echo $(( ($1 << 1) | 1 )); } ;;
armhf)	K=$V/armhf/vmlinuz BB=$V/armhf/busybox CONSOLE=ttyAMA0 CHANNEL= QEMU="qemu-system-arm -M virt -cpu cortex-a15" ;;
ppc64el) K=$V/ppc64el/vmlinuz BB=$V/ppc64el/busybox CONSOLE=hvc0 CHANNEL= QEMU="qemu-system-ppc64 -M pseries" ;;
s390x)	K=$V/s390x/vmlinuz BB=$V/s390x/busybox CONSOLE=ttysclp0 CHANNEL= QEMU="qemu-system-s390x -M s390-ccw-virtio" ;;
mips64el) K=$V/mips64el/vmlinuz BB=$V/mips64el/busybox CONSOLE=ttyS0 CHANNEL= QEMU="qemu-system-mips64el -M malta -cpu 5KEc" ;;
*)	skip "VM boots" "Debian has no kernel for $ARCH that QEMU boots"
	return 0 2>/dev/null || true ;;
esac
EXIT=${CHANNEL:+ocinit.exit=$CHANNEL}
core_vm=0
case " ${CORE_ARCHES:-} " in *" $ARCH "*) core_vm=1 ;; esac
if [ ! -f "$K" ] || [ ! -f "$BB" ]; then
	bad "VM boots" "no kernel in $V: run make deps"
	return 0 2>/dev/null || true
fi
# The AppArmor profile the boots apply (the Debian kernels have AppArmor on by default).
AA=$V/apparmor_parser
if [ -x "$AA" ] && "$AA" -Q -o "$T/aa.bin" tests/vm/ocinit-test.profile 2>"$T/aa.err"; then
	policy=$T/aa.bin
else
	policy=
	bad "VM: the AppArmor test profile compiles" "$(head -c 300 "$T/aa.err" 2>/dev/null) (no $AA: run make deps)"
fi
sh tests/vm/initramfs.sh "$OCINIT" "$B/helpers/probe" "$BB" "$T/initrd.gz" $policy

# boot NAME APPEND...: boot once; the serial log in $T/vm.log, QEMU's status in $RC
boot() {
	local name=$1
	shift
	timeout -k 5 180 $QEMU -m 256 -nographic -no-reboot -nic none -kernel "$K" -initrd "$T/initrd.gz" \
		-append "console=$CONSOLE panic=-1 quiet $*" </dev/null >"$T/vm.log" 2>&1
	RC=$?
	tr -d '\r' <"$T/vm.log" >"$T/vm.txt"
	echo "  boot ($name): QEMU status $RC; $(grep -c . "$T/vm.txt") lines of serial log"
}
# seen NAME TEXT...: each text is in the log (x86 lines may carry SeaBIOS escapes), no panic
seen() {
	local name=$1 missing= l
	shift
	for l in "$@"; do grep -qF "$l" "$T/vm.txt" || missing="$missing [$l]"; done
	grep -q 'Kernel panic' "$T/vm.txt" && missing="$missing [a kernel panic]"
	if [ -z "$missing" ]; then ok "$name"; else bad "$name" "missing:$missing; log: $(tail -5 "$T/vm.txt")"; fi
}

boot "the config in the initramfs" "$EXIT ocinit.hostname=ocivm"
seen "VM: the hostname from the command line, loopback up (IFF_UP|IFF_LOOPBACK)" \
	"hostname ocivm, lo flags 0x9"
seen "VM: the 0744 root entrypoint runs as uid 1000 with CAP_DAC_OVERRIDE" \
	"hello from /entrypoint.sh as 1000"
TAB=$(printf '\t')
seen "VM: the configured user and bounding set, as the probe sees them" \
	"Uid:${TAB}1000${TAB}1000${TAB}1000${TAB}1000" "CapBnd:${TAB}0000000000000022"
seen "VM: a leftover process gets TERM at the end" "leftover got TERM"
seen "VM: the exit status on the console" "ocinit: exit status 3"
[ -z "$CHANNEL" ] || expect_eq "VM: the exit status reaches the host ($CHANNEL)" "$(host_code 3)" "$RC"

boot "a broken config" "ocinit.config=/etc/ocinit/bad.json $EXIT"
seen "VM: a broken config: its error, then a poweroff with 125" \
	"ocinit: /etc/ocinit/bad.json: process.user.uid: 4294967295 is out of range (byte 30)" \
	"ocinit: exit status 125"
[ -z "$CHANNEL" ] || expect_eq "VM: a broken config: 125 reaches the host" "$(host_code 125)" "$RC"
if [ "$core_vm" = 1 ]; then
	[ -n "$CHANNEL" ] || expect_eq "VM: QEMU ends by itself after the poweroff (status 0, in time)" 0 "$RC"
	return 0 2>/dev/null || true
fi

boot "a command after --, killed by a signal" "$EXIT -- /bin/probe raise 15"
seen "VM: kernel command line arguments after -- are the command; death by TERM is 143" \
	"ocinit: exit status 143"

boot "SIGPWR to PID 1" "ocinit.config=/etc/ocinit/root.json -- /bin/sh -c \"kill -PWR 1; sleep 100\""
seen "VM: SIGPWR shuts down: the entrypoint gets TERM (143), then poweroff" \
	"ocinit: exit status 143" "reboot: Power down"

boot "exit 0, plain poweroff" "-- /bin/true"
seen "VM: exit 0, then the kernel powers off" "ocinit: exit status 0" "reboot: Power down"
expect_eq "VM: QEMU ends by itself with status 0 (poweroff, no panic)" 0 "$RC"

if [ -n "$policy" ] && has lsm; then
	boot "apparmorProfile" "rdinit=/aa-init ocinit.config=/etc/ocinit/aa-ocinit-test.json $EXIT"
	seen "VM: apparmorProfile: the command runs confined by it, as uid 1000" \
		"aa-init: profile loaded" "confined as ocinit-test (enforce)" "ocinit: exit status 0"
	boot "apparmorProfile not loaded" "rdinit=/aa-init ocinit.config=/etc/ocinit/aa-not-loaded.json $EXIT"
	seen "VM: a profile the kernel does not have: the kernel's error, 125, nothing run" \
		"ocinit: apparmor exec: No such file or directory" "ocinit: exit status 125"
	if grep -q "confined as" "$T/vm.txt"; then bad "VM: nothing runs without its profile" "the command ran"
	else ok "VM: nothing runs without its profile"; fi
fi
