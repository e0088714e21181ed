#!/bin/sh
# Stop the private dockerd by its pid; it stops its own containerd.
E=$(cd "$(dirname "$0")/.." && pwd); D=$E/docker
[ -f "$D/docker.pid" ] || { echo "no pidfile"; exit 0; }
p=$(cat "$D/docker.pid")
kill "$p" 2>/dev/null || true
i=0; while kill -0 "$p" 2>/dev/null; do i=$((i+1)); [ $i -gt 300 ] && { kill -9 "$p"; break; }; sleep 0.1; done
rm -f "$D/launcher.pid"
echo "dockerd $p stopped"
