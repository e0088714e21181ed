#!/bin/sh
# Remove the (empty) cgroup v1/v2 parents the engines leave behind on the host hierarchy:
#   default/ (ctr namespace "default"), moby/ (dockerd on a private containerd, namespace
#   moby... only when --cgroup-parent is not set), docker/ (dockerd cgroupfs parent),
#   libpod_parent/ (podman cgroupfs). rmdir refuses a cgroup that still has tasks.
for top in default docker moby libpod_parent; do
  for d in /sys/fs/cgroup/*/"$top" /sys/fs/cgroup/unified/"$top"; do
    [ -d "$d" ] || continue
    find "$d" -depth -type d -exec rmdir {} \; 2>/dev/null
    [ -d "$d" ] && echo "still there (busy): $d"
  done
done
exit 0
