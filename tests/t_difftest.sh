# Same credentials as runc: 100 process configs (6 fixed, the rest random from a printed
# seed), each run by runc directly and through ocinit (the aarch64 one under qemu-user in
# the container); see tests/runtime/difftest.sh.
if [ -n "$WRAP" ] || ! has caps || ! has oci || ! has rlimits; then
	skip "difftest against runc" "it runs once per arch, for the defconfig build on this kernel"
	return 0 2>/dev/null || true
fi
. tests/runtime/lib.sh
. tests/runtime/difftest.sh
difftest "${DIFFTEST_N:-100}" "${DIFFTEST_SEED:-$(date +%s)}"
