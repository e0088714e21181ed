#!/bin/sh
# End-to-end check of the recipe in RECIPE.md: build the image, then for containerd/ctr,
# dockerd and podman, each with runc and crun: load the image, run with a custom entrypoint
# as uid 1000, check exit-code pass-through, print the caps, check that stop/kill delivers
# SIGTERM to PID 1. Stops everything it started (by pid) and removes leftover cgroups.
# Prints "N passed, N failed".
set -u
E=$(cd "$(dirname "$0")" && pwd)
C=$E/containerd D=$E/docker P=$E/podman
pass=0 fail=0
ok()  { pass=$((pass+1)); echo "ok   $*"; }
bad() { fail=$((fail+1)); echo "FAIL $*"; }
expect() { # expect CODE DESC CMD...
  want=$1 desc=$2; shift 2; out=$("$@" 2>&1); got=$?
  [ "$got" = "$want" ] && ok "$desc (exit $got)" || { bad "$desc: exit $got, want $want"; echo "$out" | tail -5; }
}
caps() { echo "caps $1: $(echo "$2" | grep -E '^uid|^Cap(Prm|Eff|Bnd)' | tr '\t\n' '  ')"; }
cleanup() {
  "$D/stop.sh" >/dev/null 2>&1; "$P/ns.sh" stop >/dev/null 2>&1; "$C/stop.sh" >/dev/null 2>&1
  "$E/cleanup-cgroups.sh"
}
trap cleanup EXIT
/usr/bin/python3 "$E/mkimage.py" >/dev/null || { echo "mkimage failed"; exit 1; }

# ---------------- containerd + ctr ----------------
"$C/start.sh" >/dev/null || exit 1
A="--address $C/containerd.sock"
ctr $A image import "$E/busybox-docker.tar" >/dev/null && ok "ctr image import docker-archive" || bad "ctr import docker-archive"
ctr $A image import --index-name localhost/ocinit-bb:oci "$E/busybox-oci.tar" >/dev/null && ok "ctr image import oci" || bad "ctr import oci"
for rt in /usr/sbin/runc /usr/bin/crun; do
  R="ctr $A run --rm --fifo-dir $C/fifo --runc-binary $rt"
  n=$(basename $rt)
  expect 7 "ctr/$n exit code" $R localhost/ocinit-bb:user1000 "x-$n" /bin/sh -c 'exit 7'
  caps "ctr/$n" "$($R localhost/ocinit-bb:user1000 "c-$n" /bin/caps)"
  $R localhost/ocinit-bb:user1000 "t-$n" /bin/termwait >/dev/null & pid=$!
  sleep 1.5; ctr $A task kill "t-$n"; wait $pid; rc=$?
  [ $rc = 42 ] && ok "ctr/$n task kill -> SIGTERM to PID 1" || bad "ctr/$n SIGTERM: exit $rc"
done

# ---------------- dockerd ----------------
for mode in own private; do
  if [ $mode = own ]; then "$D/start.sh" >/dev/null || { bad "dockerd start"; continue; }
  else USE_PRIVATE_CONTAINERD=1 "$D/start.sh" --init-path "$D/ocinit" >/dev/null || { bad "dockerd start (private containerd)"; continue; }; fi
  dk="/usr/bin/docker -H unix://$D/docker.sock"; export DOCKER_CONFIG=$D/cli
  $dk load -q -i "$E/busybox-docker.tar" >/dev/null && ok "docker load ($mode containerd)" || bad "docker load"
  for rt in runc crun; do
    expect 8 "docker/$rt/$mode exit code" $dk run --rm --runtime $rt --network none --user 1000 --entrypoint /bin/sh localhost/ocinit-bb:latest -c 'exit 8'
    caps "docker/$rt" "$($dk run --rm --runtime $rt --network none --user 1000 --entrypoint /bin/caps localhost/ocinit-bb:latest)"
    for init in "" --init; do
      $dk run -d --name stopme --runtime $rt $init --network none --user 1000 --entrypoint /bin/termwait localhost/ocinit-bb:latest >/dev/null
      sleep 1.5; $dk stop -t 10 stopme >/dev/null; rc=$($dk inspect -f '{{.State.ExitCode}}' stopme); $dk rm stopme >/dev/null
      [ "$rc" = 42 ] && ok "docker/$rt/$mode stop $init -> SIGTERM to entrypoint" || bad "docker/$rt/$mode stop $init: exit $rc"
    done
  done
  [ $mode = private ] && { v=$($dk run --rm --init --network none localhost/ocinit-bb:latest /sbin/docker-init --version); case $v in ocinit*) ok "dockerd --init-path ocinit: $v";; *) bad "init-path: $v";; esac; }
  "$D/stop.sh" >/dev/null
done
"$C/stop.sh" >/dev/null

# ---------------- podman ----------------
unset DOCKER_CONFIG   # podman reads it too (auth file) and fails if config.json is missing
"$P/ns.sh" start >/dev/null || exit 1
. "$P/env.sh"; N="$P/ns.sh run"
$N $PODMAN load -q -i "$E/busybox-docker.tar" >/dev/null && ok "podman load docker-archive" || bad "podman load"
$N $PODMAN pull -q "oci-archive:$E/busybox-oci.tar:latest" >/dev/null && ok "podman pull oci-archive:...:latest" || bad "podman pull oci-archive"
$N $PODMAN import -q --change 'ENTRYPOINT ["/bin/sh"]' "$E/layer.tar" localhost/ocinit-bb:imported >/dev/null && ok "podman import" || bad "podman import"
for rt in crun runc; do
  expect 9 "podman/$rt exit code" $N $PODMAN run --rm --runtime $rt --network none --user 1000 --entrypoint /bin/sh localhost/ocinit-bb:latest -c 'exit 9'
  caps "podman/$rt" "$($N $PODMAN run --rm --runtime $rt --network none --user 1000 --entrypoint /bin/caps localhost/ocinit-bb:latest)"
  for init in "" --init; do
    $N $PODMAN run -d --name pstop --runtime $rt $init --network none --user 1000 --entrypoint /bin/termwait localhost/ocinit-bb:latest >/dev/null
    sleep 1.5; $N $PODMAN stop -t 10 pstop >/dev/null; rc=$($N $PODMAN inspect -f '{{.State.ExitCode}}' pstop); $N $PODMAN rm pstop >/dev/null
    [ "$rc" = 42 ] && ok "podman/$rt stop $init -> SIGTERM to entrypoint" || bad "podman/$rt stop $init: exit $rc"
  done
done
expect 10 "podman run (imported image, netns none from containers.conf)" $N $PODMAN run --rm localhost/ocinit-bb:imported -c 'exit 10'
"$P/ns.sh" stop >/dev/null
trap - EXIT; cleanup
echo "$pass passed, $fail failed"
[ $fail = 0 ]
