# source me: podman with the private config (run podman inside the holder namespace:
# see ns.sh), e.g.  . /work/main/build/engines/podman/env.sh; $PODMAN run --rm ...
export CONTAINERS_CONF=/work/main/build/engines/podman/containers.conf CONTAINERS_STORAGE_CONF=/work/main/build/engines/podman/storage.conf
export CONTAINERS_REGISTRIES_CONF=/work/main/build/engines/podman/registries.conf
PODMAN="podman --root /work/main/build/engines/podman/root --runroot /work/main/build/engines/podman/runroot --cgroup-manager cgroupfs --events-backend file --tmpdir /work/main/build/engines/podman/tmp"
