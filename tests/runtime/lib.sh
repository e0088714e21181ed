# runtime/lib.sh: OCI bundles for runc and crun, built from Debian packages only.
# Sourced by the t_runtime*.sh tests (after tests/lib.sh); needs $T, $H, $OCINIT.

# rt_rootfs DIR: busybox-static with its applet links, ocinit, the probe, an /etc/passwd and
# /etc/group with non-root users, and the seed entrypoint: root-owned, mode 0744. No libc.
rt_rootfs() {
	local r=$1 a
	mkdir -p "$r"/bin "$r"/sbin "$r"/etc "$r"/proc "$r"/sys "$r"/dev "$r"/tmp "$r"/ocinit "$r"/home/testuser
	cp /bin/busybox "$r/bin/busybox"
	for a in $(/bin/busybox --list); do [ -e "$r/bin/$a" ] || ln -s busybox "$r/bin/$a"; done
	cp "$OCINIT" "$r/sbin/ocinit"
	cp "$H/probe" "$r/bin/probe"
	if [ -n "$EMU" ]; then cp "$EMU" "$r/bin/qemu"; fi
	printf 'root:x:0:0:root:/root:/bin/sh\ntestuser:x:1000:1000:test:/home/testuser:/bin/sh\n' >"$r/etc/passwd"
	printf 'root:x:0:\ntestuser:x:1000:\nstaff:x:50:testuser\n' >"$r/etc/group"
	printf '#!/bin/sh\necho "hello from /entrypoint.sh as $(id -u)"\n' >"$r/entrypoint.sh"
	chmod 0744 "$r/entrypoint.sh"
	chmod 1777 "$r/tmp"
}

# rt_bundle DIR ROOTFS JQ-FILTER [JQ-ARGS...]: DIR/config.json from `runc spec` for the
# (absolute) ROOTFS, edited by the filter.
rt_bundle() {
	local b=$1 root=$2 filter=$3
	shift 3
	mkdir -p "$b"
	(cd "$b" && rm -f config.json && runc spec) || return 1
	jq --arg root "$root" "$@" '.process.terminal = false | .root.path = $root | '"$filter" "$b/config.json" \
		>"$b/config.json.new" && mv "$b/config.json.new" "$b/config.json"
}

# rt_ocinit_filter: the runtime side of "ocinit as the container's process": root, every
# capability this machine's root holds in every set, a few supplementary groups (a dirty
# start, so anything ocinit forgets to clear shows), no rlimits of its own, and the process
# config bind-mounted read-only at /ocinit/process.json. Use with --arg p PROCESS.JSON,
# --argjson caps "$(rt_held_caps)" and --argjson launch '[]' (or '["/bin/qemu"]' to run an
# ocinit of another arch under qemu-user inside the container).
rt_ocinit_filter='.process.user = {"uid": 0, "gid": 0, "additionalGids": [1, 2, 3]}
	| .process.capabilities = {"bounding": $caps, "effective": $caps, "permitted": $caps,
	                           "inheritable": $caps, "ambient": $caps}
	| .process.noNewPrivileges = false | del(.process.rlimits)
	| .process.args = $launch + ["/sbin/ocinit", "--oci", "/ocinit/process.json"]
	| .mounts += [{"destination": "/ocinit/process.json", "type": "bind", "source": $p,
	               "options": ["bind", "ro"]}]'

# rt_held_caps: the capabilities this shell holds in its bounding set, as a JSON array.
rt_held_caps() {
	local names="CHOWN DAC_OVERRIDE DAC_READ_SEARCH FOWNER FSETID KILL SETGID SETUID SETPCAP
		LINUX_IMMUTABLE NET_BIND_SERVICE NET_BROADCAST NET_ADMIN NET_RAW IPC_LOCK IPC_OWNER
		SYS_MODULE SYS_RAWIO SYS_CHROOT SYS_PTRACE SYS_PACCT SYS_ADMIN SYS_BOOT SYS_NICE
		SYS_RESOURCE SYS_TIME SYS_TTY_CONFIG MKNOD LEASE AUDIT_WRITE AUDIT_CONTROL SETFCAP
		MAC_OVERRIDE MAC_ADMIN SYSLOG WAKE_ALARM BLOCK_SUSPEND AUDIT_READ PERFMON BPF
		CHECKPOINT_RESTORE"
	local bnd n=0 out= c
	bnd=$((0x$(sed -n 's/^CapBnd:[[:space:]]*//p' /proc/self/status)))
	for c in $names; do
		[ $(( (bnd >> n) & 1 )) = 1 ] && out="$out\"CAP_$c\","
		n=$((n + 1))
	done
	echo "[${out%,}]"
}

RT_SEQ=0
# rt_run RUNTIME BUNDLE [WRAP...]: run the bundle's container to its end under runc or crun
# (crun in a private mount namespace without the cgroup2 mount of this hybrid host: crun
# 1.8 refuses the hybrid layout), then delete it, also when it failed. Output as the
# container's; status as the container process's, or the runtime's when it failed.
rt_run() {
	local rt=$1 b=$2 name rc
	shift 2
	RT_SEQ=$((RT_SEQ + 1))
	name=ocinit-test-$$-$RT_SEQ
	if [ "$rt" = crun ]; then
		timeout -k 5 60 unshare -m --propagation private sh -c \
			'n=$1; shift; umount /sys/fs/cgroup/unified 2>/dev/null
			 "$@"; rc=$?; crun delete -f "$n" >/dev/null 2>&1; exit $rc' \
			sh "$name" "$@" crun run --bundle "$b" "$name"
		rc=$?
	else
		timeout -k 5 60 "$@" runc run --bundle "$b" "$name"
		rc=$?
		runc delete -f "$name" >/dev/null 2>&1
	fi
	return $rc
}
