#!/usr/bin/python3
"""tests/engines/baseimage.py OUT: the base image of the engine tests, made without a registry.

A busybox-static root (busybox, its applets as symlinks, an /etc/passwd and /etc/group with
testuser, uid and gid 1000, home /home/testuser: busybox-static has no adduser applet) and
/bin/caps, which prints what a test compares: ids, groups, HOME and the capability sets.
Written as OUT/base.tar, a docker-archive named localhost/ocinit-bb:latest that docker load,
podman load and ctr image import all take. One uncompressed layer, fixed mtimes.
"""
import hashlib, io, json, os, subprocess, sys, tarfile

OUT = sys.argv[1]
NAME = "localhost/ocinit-bb:latest"
BB = "/bin/busybox"

files = {  # path: (mode, content); directories end in /
    "bin/": (0o755, None), "sbin/": (0o755, None), "usr/bin/": (0o755, None),
    "usr/sbin/": (0o755, None), "etc/": (0o755, None), "proc/": (0o555, None),
    "sys/": (0o555, None), "dev/": (0o755, None), "run/": (0o755, None),
    "tmp/": (0o1777, None), "root/": (0o700, None), "home/": (0o755, None),
    "etc/passwd": (0o644, b"root:x:0:0:root:/root:/bin/sh\n"
                   b"testuser:x:1000:1000:testuser:/home/testuser:/bin/sh\n"
                   b"nobody:x:65534:65534:nobody:/:/bin/false\n"),
    "etc/group": (0o644, b"root:x:0:\ntestuser:x:1000:\nnogroup:x:65534:\n"),
    "bin/caps": (0o755, b"#!/bin/sh\necho \"uid=$(id -u) gid=$(id -g) HOME=$HOME\"\n"
                 b"grep -E '^(Groups|Cap(Inh|Prm|Eff|Bnd|Amb)|NoNewPrivs)' /proc/self/status\n"),
}
with open(BB, "rb") as f:
    files["bin/busybox"] = (0o755, f.read())
applets = subprocess.run([BB, "--list-full"], check=True, capture_output=True, text=True).stdout.split()
links = sorted(a for a in applets if a not in files and a != "bin/busybox")

layer = io.BytesIO()
with tarfile.open(fileobj=layer, mode="w", format=tarfile.USTAR_FORMAT) as t:
    def add(name, mode, data=None, link=None, uid=0):
        ti = tarfile.TarInfo(name)
        ti.mode, ti.mtime, ti.uid, ti.gid = mode, 0, uid, uid
        if name.endswith("/"):
            ti.type = tarfile.DIRTYPE
        elif link:
            ti.type, ti.linkname = tarfile.SYMTYPE, link
        else:
            ti.size = len(data)
        t.addfile(ti, io.BytesIO(data) if data else None)
    for name in sorted(files):
        add(name, files[name][0], files[name][1])
    add("home/testuser/", 0o755, uid=1000)
    for a in links:
        add(a, 0o777, link="/bin/busybox")
layer = layer.getvalue()
layer_sha = hashlib.sha256(layer).hexdigest()

config = json.dumps({
    "architecture": "amd64", "os": "linux", "created": "1970-01-01T00:00:00Z",
    "config": {"Env": ["PATH=/usr/sbin:/usr/bin:/sbin:/bin"], "Cmd": ["/bin/sh"], "WorkingDir": "/"},
    "rootfs": {"type": "layers", "diff_ids": ["sha256:" + layer_sha]},
    # one entry per layer: buildah refuses to build FROM an image whose history is short
    "history": [{"created": "1970-01-01T00:00:00Z", "created_by": "baseimage.py"}],
}, sort_keys=True).encode()
config_sha = hashlib.sha256(config).hexdigest()

def add_bytes(t, name, data):
    ti = tarfile.TarInfo(name)
    ti.size, ti.mode, ti.mtime = len(data), 0o644, 0
    t.addfile(ti, io.BytesIO(data))

os.makedirs(OUT, exist_ok=True)
with tarfile.open(os.path.join(OUT, "base.tar"), "w") as t:
    add_bytes(t, layer_sha + "/layer.tar", layer)
    add_bytes(t, config_sha + ".json", config)
    add_bytes(t, "manifest.json", json.dumps([{"Config": config_sha + ".json", "RepoTags": [NAME],
                                               "Layers": [layer_sha + "/layer.tar"]}]).encode())
