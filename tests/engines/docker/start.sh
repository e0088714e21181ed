#!/bin/sh
# Start a private dockerd 20.10 (Debian docker.io); extra args go to dockerd.
#   docker/start.sh                      dockerd in its own mount namespace; it starts its own
#                                        containerd (data-root/containerd, exec-root/containerd)
#   USE_PRIVATE_CONTAINERD=1 docker/start.sh
#                                        dockerd joins the mount namespace of the private
#                                        containerd (containerd/start.sh) and uses its socket:
#                                        dockerd mounts the overlay2 rootfs itself, so it MUST
#                                        share containerd's mount namespace
# In the namespace, /sys/fs/cgroup/unified is unmounted (crun) unless KEEP_UNIFIED=1, and /run
# is covered by docker/run (containerd 1.6 shim sockets are hard-coded to /run/containerd/s).
set -eu
E=$(cd "$(dirname "$0")/.." && pwd)
D=$E/docker
mkdir -p "$D/data" "$D/exec" "$D/run" "$D/log" "$D/opt"
[ -S "$D/docker.sock" ] && { echo "already running? $D/docker.sock exists" >&2; exit 1; }
if [ -n "${USE_PRIVATE_CONTAINERD:-}" ]; then
  cpid=$(cat "$E/containerd/containerd.pid")
  nsenter -t "$cpid" -m dockerd --config-file "${DAEMON_JSON:-$D/daemon.json}" \
    --containerd "$E/containerd/containerd.sock" "$@" >"$D/log/dockerd.log" 2>&1 &
else
  unshare -m --propagation private sh -c '
    set -e
    [ -n "${KEEP_UNIFIED:-}" ] || umount /sys/fs/cgroup/unified 2>/dev/null || true
    mount --bind "$1/run" /run
    # the containerd that dockerd starts has no opt-plugin path in its generated config and
    # would create /opt/containerd/{bin,lib}: cover /opt too
    mount --bind "$1/opt" /opt
    shift
    exec dockerd --config-file "${DAEMON_JSON:-$0/daemon.json}" "$@"
  ' "$D" "$D" "$@" >"$D/log/dockerd.log" 2>&1 &
fi
echo $! >"$D/launcher.pid"
i=0; while ! DOCKER_CONFIG=$D/cli /usr/bin/docker -H "unix://$D/docker.sock" version >/dev/null 2>&1; do
  i=$((i+1)); [ $i -gt 300 ] && { echo "dockerd did not come up:" >&2; tail -20 "$D/log/dockerd.log" >&2; exit 1; }
  kill -0 "$(cat "$D/launcher.pid")" 2>/dev/null || { echo "dockerd died:" >&2; tail -20 "$D/log/dockerd.log" >&2; exit 1; }
  sleep 0.1
done
echo "dockerd pid $(cat "$D/docker.pid") socket $D/docker.sock"
