# Inside real runtimes: the runc 1.1.4 failure reproduced with runc 1.1.5 on an emulated
# pre-5.8 kernel (faccessat2 answers ENOSYS to the runtime itself, as an old kernel would),
# and fixed by ocinit as the container's process, under runc and under crun. The aarch64
# ocinit runs in the container under the qemu-user binary copied into its rootfs.
. tests/runtime/lib.sh
if ! has caps || ! has oci; then
	skip "runtime tests" "they need the CAPS and OCI features"
	return 0 2>/dev/null || true
fi
LAUNCH='[]'
[ -n "$EMU" ] && LAUNCH='["/bin/qemu"]'
R=$T/rt; mkdir -p "$R"
rt_rootfs "$R/rootfs"
# A kernel before 5.8 has no faccessat2. The seed's seccomp rule says so inside the container,
# but runc installs a config's filter only after its own pre-check (noNewPrivileges false), so
# the runtime itself runs under nosys too: then runc's check meets ENOSYS as on such a kernel.
OLD="$H/nosys faccessat2"
NOFACCESSAT2='{"defaultAction": "SCMP_ACT_ALLOW", "syscalls": [{"names": ["faccessat2"],
  "action": "SCMP_ACT_ERRNO", "errnoRet": 38}]}'
DOCKER_CAPS='["CAP_CHOWN","CAP_DAC_OVERRIDE","CAP_FSETID","CAP_FOWNER","CAP_MKNOD","CAP_NET_RAW",
  "CAP_SETGID","CAP_SETUID","CAP_SETFCAP","CAP_SETPCAP","CAP_NET_BIND_SERVICE","CAP_SYS_CHROOT",
  "CAP_KILL","CAP_AUDIT_WRITE"]'
seed='.process.user = {"uid": 1000, "gid": 1000} | .process.args = ["/entrypoint.sh"]
	| .process.noNewPrivileges = false | .linux.seccomp = $s
	| .process.capabilities = {"bounding": $d, "effective": $d, "permitted": $d}'

# Without ocinit: runc's own access(2) pre-check refuses what execve would run (crun, which
# makes no such check, is shown for comparison).
rt_bundle "$R/plain" "$R/rootfs" "$seed" --argjson d "$DOCKER_CAPS" --argjson s "$NOFACCESSAT2"
echo "  rootfs: busybox-static, ocinit, the probe, /etc/passwd and /etc/group; no libc, no other shell"
for rt in runc crun; do
	rt_run $rt "$R/plain" $OLD >"$T/out" 2>"$T/err"
	echo "  $rt alone, uid 1000 with CAP_DAC_OVERRIDE, 0744 root script, old kernel: status $?: $(cat "$T/out" "$T/err" | tail -1)"
done
rt_run runc "$R/plain" $OLD >"$T/out" 2>"$T/err"
rc=$?
if [ $rc != 0 ] && grep -q 'exec /entrypoint.sh: permission denied' "$T/err"; then
	ok "runc 1.1.5 alone on an old kernel: exec /entrypoint.sh: permission denied (the bug)"
else
	bad "runc 1.1.5 alone on an old kernel shows the bug" "status $rc: $(cat "$T/out" "$T/err")"
fi

# With ocinit: the runtime starts ocinit as root; ocinit applies the same process itself.
jq '.process' "$R/plain/config.json" >"$R/process.json"
rt_bundle "$R/ocinit" "$R/rootfs" "$rt_ocinit_filter | .linux.seccomp = \$s" --arg p "$R/process.json" \
	--argjson caps "$(rt_held_caps)" --argjson s "$NOFACCESSAT2" --argjson launch "$LAUNCH"
greets() { # greets BUNDLE WHAT: under runc and crun, on an old kernel, the seed runs
	local rt rc
	for rt in runc crun; do
		rt_run $rt "$1" $OLD >"$T/out" 2>"$T/err"
		rc=$?
		echo "  $rt, $2: status $rc: $(cat "$T/out" "$T/err" | tail -1)"
		expect_eq "$rt, $2, old kernel: the entrypoint runs as uid 1000" \
			"0 hello from /entrypoint.sh as 1000" "$rc $(cat "$T/out")"
	done
}
greets "$R/ocinit" "ocinit applying the same process"

# Image side, as the README shows it: ENTRYPOINT ["/sbin/ocinit", "--user", "1000", "--caps",
# "CAP_DAC_OVERRIDE,CAP_CHOWN", "--"] with CMD ["/entrypoint.sh"], the container run as root.
image='.process.user = {"uid": 0, "gid": 0} | .process.noNewPrivileges = false
	| .process.args = $launch + ["/sbin/ocinit", "--user", "1000", "--caps", "CAP_DAC_OVERRIDE,CAP_CHOWN", "--", "/entrypoint.sh"]
	| .process.capabilities = {"bounding": $d, "effective": $d, "permitted": $d} | .linux.seccomp = $s'
rt_bundle "$R/image" "$R/rootfs" "$image" --argjson d "$DOCKER_CAPS" --argjson s "$NOFACCESSAT2" \
	--argjson launch "$LAUNCH"
greets "$R/image" "the README's image-side ENTRYPOINT with flags"
