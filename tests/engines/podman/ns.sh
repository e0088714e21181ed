#!/bin/sh
# podman is daemonless: keep ONE private mount namespace alive with a holder process, and run
# every podman command in it (nsenter), so that the overlay mounts and conmon of a detached
# container are seen by later `podman stop/rm`.
#   podman/ns.sh start      holder: unshare -m --propagation private; umount cgroup2 'unified'
#                           (crun refuses the hybrid); /run covered by podman/run;
#                           /var overlaid (upper: podman/var-upper)
#   podman/ns.sh run CMD..  CMD inside that namespace (env from podman/env.sh)
#   podman/ns.sh stop       kill the holder by pid (after stopping containers)
set -eu
E=$(cd "$(dirname "$0")/.." && pwd); P=$E/podman
case "${1:-}" in
start)
  [ -f "$P/holder.pid" ] && kill -0 "$(cat "$P/holder.pid")" 2>/dev/null && { echo "holder already running"; exit 0; }
  mkdir -p "$P/run" "$P/var-upper" "$P/var-work"
  unshare -m --propagation private sh -c '
    umount /sys/fs/cgroup/unified 2>/dev/null || true
    mount --bind "$1/run" /run
    # c/image 5.23 writes /var/lib/containers/cache/blob-info-cache-v1.boltdb on every image
    # copy and /var/cache/containers/short-name-aliases.conf.lock (not configurable):
    # an overlay keeps every write to /var in podman/var-upper
    mount -t overlay overlay -o lowerdir=/var,upperdir="$1/var-upper",workdir="$1/var-work" /var
    exec sleep 2147483647' sh "$P" </dev/null >/dev/null 2>&1 &
  echo $! >"$P/holder.pid"
  # wait until the holder has set its namespace up
  i=0; while [ "$(readlink /proc/$!/ns/mnt)" = "$(readlink /proc/self/ns/mnt)" ] || \
             grep -q ' /sys/fs/cgroup/unified ' /proc/$!/mountinfo; do
    i=$((i+1)); [ $i -gt 50 ] && { echo "holder failed" >&2; exit 1; }; sleep 0.1; done
  echo "holder pid $(cat "$P/holder.pid")";;
run)
  shift; . "$P/env.sh"
  exec nsenter -t "$(cat "$P/holder.pid")" -m "$@";;
stop)
  [ -f "$P/holder.pid" ] || exit 0
  kill "$(cat "$P/holder.pid")" 2>/dev/null || true; rm -f "$P/holder.pid"; echo "holder stopped";;
*) echo "usage: $0 start|run CMD...|stop" >&2; exit 2;;
esac
