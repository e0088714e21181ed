#!/bin/sh
# Stop the private containerd by its pid (SIGTERM, then wait up to 10 s).
E=$(cd "$(dirname "$0")/.." && pwd); C=$E/containerd
[ -f "$C/containerd.pid" ] || { echo "no pidfile"; exit 0; }
p=$(cat "$C/containerd.pid")
kill "$p" 2>/dev/null || true
i=0; while kill -0 "$p" 2>/dev/null; do i=$((i+1)); [ $i -gt 100 ] && { kill -9 "$p"; break; }; sleep 0.1; done
rm -f "$C/containerd.pid" "$C/containerd.sock" "$C/containerd.sock.ttrpc"
echo "containerd $p stopped"
