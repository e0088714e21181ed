#!/usr/bin/python3
"""Build a tiny busybox-static image without any registry.

Writes, under OUT (default: the directory of this script):
  rootfs/                 the root filesystem (busybox + applet symlinks)
  layer.tar               the single layer (uncompressed tar)
  busybox-docker.tar      docker-archive (docker load / podman load / ctr import)
  busybox-oci.tar         OCI image layout tarball (ctr import / podman load)
Images: localhost/ocinit-bb:latest (root) and localhost/ocinit-bb:user1000 (image config
User=1000:1000), one shared layer; OCI index entries carry io.containerd.image.name and
org.opencontainers.image.ref.name (the tag) annotations.
"""
import hashlib, io, json, os, shutil, subprocess, sys, tarfile

OUT = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__)))
NAME = os.environ.get("IMAGE_NAME", "localhost/ocinit-bb:latest")
BB = "/bin/busybox"
root = os.path.join(OUT, "rootfs")

# ---- rootfs -------------------------------------------------------------
shutil.rmtree(root, ignore_errors=True)
for d in ("bin", "sbin", "usr/bin", "usr/sbin", "etc", "proc", "sys", "dev", "tmp", "root", "home/user", "run", "var/tmp"):
    os.makedirs(os.path.join(root, d), exist_ok=True)
shutil.copy2(BB, os.path.join(root, "bin/busybox"))
applets = subprocess.run([BB, "--list-full"], check=True, capture_output=True, text=True).stdout.split()
for a in applets:
    p = os.path.join(root, a)
    if a == "bin/busybox" or os.path.lexists(p):
        continue
    os.makedirs(os.path.dirname(p), exist_ok=True)
    os.symlink("/bin/busybox", p)
open(os.path.join(root, "etc/passwd"), "w").write(
    "root:x:0:0:root:/root:/bin/sh\nuser:x:1000:1000:user:/home/user:/bin/sh\nnobody:x:65534:65534:nobody:/:/bin/false\n")
open(os.path.join(root, "etc/group"), "w").write("root:x:0:\nuser:x:1000:\nnogroup:x:65534:\n")
# helper scripts inside the image
open(os.path.join(root, "bin/caps"), "w").write(
    "#!/bin/sh\necho \"uid=$(id -u) gid=$(id -g) pid=$$\"\ngrep -E '^Cap(Inh|Prm|Eff|Bnd|Amb)|^NoNewPrivs' /proc/self/status\n")
open(os.path.join(root, "bin/termwait"), "w").write(
    "#!/bin/sh\n# PID-1 SIGTERM probe: exit 143+0 style code 42 when TERM arrives\n"
    "trap 'echo got-SIGTERM pid=$$; exit 42' TERM\necho ready pid=$$\nwhile :; do sleep 1; done\n")
for f in ("bin/caps", "bin/termwait"):
    os.chmod(os.path.join(root, f), 0o755)
os.chmod(os.path.join(root, "tmp"), 0o1777)
os.chmod(os.path.join(root, "var/tmp"), 0o1777)
os.chown(os.path.join(root, "home/user"), 1000, 1000)

# ---- layer tar (deterministic) -----------------------------------------
def norm(ti):
    ti.mtime = 0
    ti.uname = ti.gname = ""
    if ti.name.startswith("./home/user") or ti.name == "home/user":
        pass
    return ti

layer_path = os.path.join(OUT, "layer.tar")
with tarfile.open(layer_path, "w", format=tarfile.PAX_FORMAT) as t:
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames.sort(); filenames.sort()
        rel = os.path.relpath(dirpath, root)
        if rel != ".":
            t.add(dirpath, arcname=rel, recursive=False, filter=norm)
        for fn in filenames:
            t.add(os.path.join(dirpath, fn), arcname=os.path.normpath(os.path.join(rel, fn)), recursive=False, filter=norm)
layer = open(layer_path, "rb").read()
layer_sha = hashlib.sha256(layer).hexdigest()

def mkconfig(user=None):
    c = {"Env": ["PATH=/usr/sbin:/usr/bin:/sbin:/bin"], "Cmd": ["/bin/sh"], "WorkingDir": "/"}
    if user:
        c["User"] = user
    config = {
        "architecture": "amd64", "os": "linux", "created": "1970-01-01T00:00:00Z", "config": c,
        "rootfs": {"type": "layers", "diff_ids": ["sha256:" + layer_sha]},
        "history": [{"created": "1970-01-01T00:00:00Z", "created_by": "mkimage.py (busybox-static)"}],
    }
    cfg = json.dumps(config, sort_keys=True, separators=(",", ":")).encode()
    return cfg, hashlib.sha256(cfg).hexdigest()

# two images sharing the layer: NAME (runs as root) and NAME-with-tag-user1000 (image User=1000:1000,
# needed for ctr 1.6, whose `ctr run` has no --user flag)
base = NAME.rsplit(":", 1)[0]
images = [(NAME,) + mkconfig(), (base + ":user1000",) + mkconfig("1000:1000")]

def add_bytes(t, name, data, mode=0o644):
    ti = tarfile.TarInfo(name); ti.size = len(data); ti.mode = mode; ti.mtime = 0
    t.addfile(ti, io.BytesIO(data))

# ---- docker-archive ----------------------------------------------------
with tarfile.open(os.path.join(OUT, "busybox-docker.tar"), "w") as t:
    add_bytes(t, layer_sha + "/layer.tar", layer)
    add_bytes(t, layer_sha + "/VERSION", b"1.0")
    mani, repos = [], {}
    for name, cfg, cfg_sha in images:
        add_bytes(t, cfg_sha + ".json", cfg)
        mani.append({"Config": cfg_sha + ".json", "RepoTags": [name], "Layers": [layer_sha + "/layer.tar"]})
        r, tag = name.rsplit(":", 1)
        repos.setdefault(r, {})[tag] = layer_sha
    add_bytes(t, "manifest.json", json.dumps(mani).encode())
    add_bytes(t, "repositories", json.dumps(repos).encode())

# ---- OCI layout tarball --------------------------------------------------
with tarfile.open(os.path.join(OUT, "busybox-oci.tar"), "w") as t:
    add_bytes(t, "oci-layout", b'{"imageLayoutVersion":"1.0.0"}')
    add_bytes(t, "blobs/sha256/" + layer_sha, layer)
    entries = []
    for name, cfg, cfg_sha in images:
        manifest = {
            "schemaVersion": 2, "mediaType": "application/vnd.oci.image.manifest.v1+json",
            "config": {"mediaType": "application/vnd.oci.image.config.v1+json", "digest": "sha256:" + cfg_sha, "size": len(cfg)},
            "layers": [{"mediaType": "application/vnd.oci.image.layer.v1.tar", "digest": "sha256:" + layer_sha, "size": len(layer)}],
        }
        man = json.dumps(manifest, sort_keys=True, separators=(",", ":")).encode()
        man_sha = hashlib.sha256(man).hexdigest()
        add_bytes(t, "blobs/sha256/" + cfg_sha, cfg)
        add_bytes(t, "blobs/sha256/" + man_sha, man)
        entries.append({"mediaType": "application/vnd.oci.image.manifest.v1+json", "digest": "sha256:" + man_sha,
                        "size": len(man), "platform": {"architecture": "amd64", "os": "linux"},
                        "annotations": {"io.containerd.image.name": name,
                                        "org.opencontainers.image.ref.name": name.rsplit(":", 1)[1]}})
        print(name, "manifest sha256:" + man_sha, "config sha256:" + cfg_sha)
    add_bytes(t, "index.json", json.dumps({"schemaVersion": 2, "mediaType": "application/vnd.oci.image.index.v1+json",
                                           "manifests": entries}).encode())
print("layer sha256:" + layer_sha)
