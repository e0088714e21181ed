# tests/engines/daemons.sh, sourced: Debian 12's containerd, dockerd and podman, run
# privately. Everything lives under $E (an absolute directory under build/); nothing under
# /etc is read or written, nothing is mounted outside the mount namespaces made here, and
# every daemon is stopped by its pid. Set E (and H, the helpers, for the old-kernel runtime)
# before sourcing. The facts behind each line are in RECIPE.md.
#
# Each daemon gets a private mount namespace in which /sys/fs/cgroup/unified is unmounted
# (crun refuses the cgroup v1 hybrid otherwise) and /run is a directory of $E (containerd
# 1.6 hard-codes its shim sockets under /run/containerd/s).

DOCKER=/usr/bin/docker   # not /usr/local/bin/docker: PATH may hold another CLI first

# runtimes_write: the three runtimes every engine is run over: runc, crun, and runc-old,
# runc behind a seccomp filter that answers faccessat2 with ENOSYS, as a kernel before 5.8
# does (the filter is inherited by the container's processes).
runtimes_write() {
	mkdir -p "$E/bin"
	printf '#!/bin/sh\nexec %s faccessat2 /usr/sbin/runc "$@"\n' "$H/nosys" >"$E/bin/runc-old"
	chmod 755 "$E/bin/runc-old"
}

# in_private_ns DIR CMD... &: CMD in a new private mount namespace, /run covered by DIR/run
# (and /opt by DIR/opt, where a containerd started by dockerd would make /opt/containerd).
# Run in the background: it execs, so that $! is CMD's pid, in that namespace.
in_private_ns() {
	local d=$1; shift
	mkdir -p "$d/run" "$d/opt"
	exec 9>&-   # not the lock of t_engines: a daemon left behind must not hold it
	exec unshare -m --propagation private sh -c '
		umount /sys/fs/cgroup/unified 2>/dev/null
		mount --bind "$0/run" /run && mount --bind "$0/opt" /opt && mkdir -p /run/containerd &&
		exec "$@"' "$d" "$@"
}

# wait_for WHAT CMD...: until CMD succeeds (30 s at most).
wait_for() {
	local what=$1 i; shift
	for i in $(seq 300); do "$@" >/dev/null 2>&1 && return 0; sleep 0.1; done
	echo "engines: $what did not come up" >&2
	return 1
}

# stop_pid PIDFILE NAME: TERM, then KILL after 15 s; waits for the end. Only a process of
# that name: a pidfile an interrupted run left may name someone else's process by now.
# The pid is kept in $E/stopped, for the check that nothing is left.
stop_pid() {
	local p i
	[ -f "$1" ] || return 0
	p=$(cat "$1")
	rm -f "$1"
	[ "$(cat "/proc/$p/comm" 2>/dev/null)" = "$2" ] || return 0
	echo "$p $2" >>"$E/stopped"
	kill "$p" 2>/dev/null
	for i in $(seq 150); do kill -0 "$p" 2>/dev/null || break; sleep 0.1; done
	kill -9 "$p" 2>/dev/null
}

containerd_start() {
	local C=$E/containerd
	mkdir -p "$C/root" "$C/state" "$C/fifo"
	cat >"$C/config.toml" <<-EOF
	version = 2
	root = "$C/root"
	state = "$C/state"
	disabled_plugins = ["io.containerd.grpc.v1.cri"]
	oom_score = 0
	[grpc]
	  address = "$C/containerd.sock"
	[ttrpc]
	  address = ""
	[debug]
	  address = ""
	[metrics]
	  address = ""
	[plugins."io.containerd.internal.v1.opt"]
	  path = "$C/opt"
	EOF
	in_private_ns "$C" containerd --config "$C/config.toml" >"$C/containerd.log" 2>&1 &
	echo $! >"$C/pid"   # unshare and sh exec: this is containerd's pid
	CTR="ctr --address $C/containerd.sock --namespace ocinit-test"   # cgroups /ocinit-test/ID
	wait_for containerd $CTR version
}
containerd_stop() { stop_pid "$E/containerd/pid" containerd; }

dockerd_start() {
	local D=$E/docker
	mkdir -p "$D/data" "$D/exec" "$D/cli"
	cat >"$D/daemon.json" <<-EOF
	{ "data-root": "$D/data", "exec-root": "$D/exec", "pidfile": "$D/pid",
	  "deprecated-key-path": "$D/key.json", "hosts": ["unix://$D/docker.sock"],
	  "bridge": "none", "iptables": false, "ip6tables": false, "ip-masq": false,
	  "ip-forward": false, "userland-proxy": false, "oom-score-adjust": 0,
	  "storage-driver": "overlay2", "log-driver": "json-file", "features": { "buildkit": false },
	  "init-path": "$1", "cgroup-parent": "ocinit-test-docker",
	  "runtimes": { "crun": { "path": "/usr/bin/crun" }, "runc-old": { "path": "$E/bin/runc-old" } },
	  "default-ulimits": { "nofile": { "Name": "nofile", "Soft": 1024, "Hard": 4096 } } }
	EOF
	in_private_ns "$D" dockerd --config-file "$D/daemon.json" >"$D/dockerd.log" 2>&1 &
	DK="$DOCKER -H unix://$D/docker.sock"
	export DOCKER_CONFIG=$D/cli
	wait_for dockerd $DK version
}
dockerd_stop() { stop_pid "$E/docker/pid" dockerd; unset DOCKER_CONFIG; }

# podman is daemonless: one holder process keeps a private mount namespace alive and every
# podman command enters it, so that a detached container's mounts are seen by `podman stop`.
# /var is overlaid there: c/image writes a blob cache under /var/lib/containers whatever
# --root says.
# podman_cmd PID: PM, podman in the namespace of the holder PID, with the private config.
podman_cmd() {
	local P=$E/podman
	PM="nsenter -t $1 -m env -u DOCKER_CONFIG CONTAINERS_CONF=$P/containers.conf"
	PM="$PM CONTAINERS_STORAGE_CONF=$P/storage.conf CONTAINERS_REGISTRIES_CONF=$P/registries.conf"
	# podman refuses a runroot longer than 50 characters: /run is the namespace's own.
	PM="$PM podman --root $P/root --runroot /run/podman --cgroup-manager cgroupfs"
	PM="$PM --events-backend file --tmpdir $P/tmp"
	PMC=--cgroup-parent=/ocinit-test-podman   # for run and pod create
}
podman_start() {
	local P=$E/podman
	mkdir -p "$P/var-upper" "$P/var-work" "$P/tmp" "$P/cni"
	cat >"$P/containers.conf" <<-EOF
	[containers]
	netns = "none"
	default_ulimits = ["nofile=1024:4096", "nproc=4096:4096"]
	log_driver = "k8s-file"
	[network]
	network_backend = "cni"
	network_config_dir = "$P/cni"
	[engine]
	cgroup_manager = "cgroupfs"
	events_logger = "file"
	events_logfile_path = "$P/events.log"
	tmp_dir = "$P/tmp"
	image_copy_tmp_dir = "$P/tmp"
	volume_path = "$P/volumes"
	static_dir = "$P/root/libpod"
	runtime = "crun"
	EOF
	printf '[storage]\ndriver = "overlay"\ngraphroot = "%s/root"\nrunroot = "/run/podman"\n' \
		"$P" >"$P/storage.conf"
	echo 'unqualified-search-registries = []' >"$P/registries.conf"
	in_private_ns "$P" sh -c 'mount -t overlay overlay -o "lowerdir=/var,upperdir=$0/var-upper,workdir=$0/var-work" /var &&
		exec sleep 2147483647' "$P" </dev/null >/dev/null 2>&1 &
	echo $! >"$P/pid"
	podman_cmd $!
	# Not a command before the namespace is there: podman would write to the host's /var.
	wait_for "podman's namespace" grep -q ' /var overlay ' "/proc/$!/mounts" || { podman_stop; return 1; }
}
podman_stop() {
	local p
	p=$(cat "$E/podman/pid" 2>/dev/null)
	[ -n "$p" ] && podman_cmd "$p"
	if [ -n "$p" ] && grep -q ' /var overlay ' "/proc/$p/mounts" 2>/dev/null; then
		$PM stop -a -t 1 >/dev/null 2>&1
		$PM rm -a -f >/dev/null 2>&1
	fi
	stop_pid "$E/podman/pid" sleep
}

# cgroups_clean: the cgroups the engines were given (their own names, so that an engine of
# the machine's is never touched), once empty; rmdir refuses a busy one.
cgroups_clean() {
	local d
	for d in /sys/fs/cgroup/*/ocinit-test /sys/fs/cgroup/*/ocinit-test-docker \
		 /sys/fs/cgroup/*/ocinit-test-podman; do
		[ -d "$d" ] && find "$d" -depth -type d -exec rmdir {} \; 2>/dev/null
	done
	return 0
}

engines_stop() { dockerd_stop; podman_stop; containerd_stop; cgroups_clean; }
