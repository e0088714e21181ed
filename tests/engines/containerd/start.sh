#!/bin/sh
# Start a private containerd 1.6 (Debian) in its own mount namespace.
#  - /sys/fs/cgroup/unified is unmounted inside the namespace only (crun refuses
#    the v1/v2 hybrid otherwise; runc does not care)
#  - /run is covered by a private dir so that the shim sockets
#    (/run/containerd/s/<hash>, hard-coded in 1.6) and runc's state root
#    (/run/containerd/runc) do not land on the host's /run
# The pid written to containerd.pid is containerd itself (unshare and sh exec).
set -eu
E=$(cd "$(dirname "$0")/.." && pwd)
C=$E/containerd
mkdir -p "$C/root" "$C/state" "$C/run" "$C/log"
[ -S "$C/containerd.sock" ] && { echo "already running? $C/containerd.sock exists" >&2; exit 1; }
unshare -m --propagation private sh -c '
  set -e
  [ -n "${KEEP_UNIFIED:-}" ] || umount /sys/fs/cgroup/unified 2>/dev/null || true
  mount --bind "$1/run" /run
  mkdir -p /run/containerd
  exec containerd --config "$1/config.toml"
' sh "$C" >"$C/log/containerd.log" 2>&1 &
echo $! >"$C/containerd.pid"
i=0; while [ ! -S "$C/containerd.sock" ]; do
  i=$((i+1)); [ $i -gt 100 ] && { echo "containerd did not come up:" >&2; tail -20 "$C/log/containerd.log" >&2; exit 1; }
  sleep 0.1
done
echo "containerd pid $(cat "$C/containerd.pid") socket $C/containerd.sock"
