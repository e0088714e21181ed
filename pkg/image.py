#!/usr/bin/python3
"""pkg/image.py VERSION OUTDIR BIN...: write OUTDIR/ocinit-VERSION.oci.tar (make image).

An OCI image layout as a tar (what skopeo/podman call oci-archive), FROM scratch: per binary
one gzip layer holding only sbin/ and sbin/ocinit, a config with Entrypoint
["/sbin/ocinit", "--"], and a manifest; the platform comes from the binary's ELF header.
All arches go in one image index, which is the *only* entry of the layout's index.json, so
every tool sees one image ("podman load" refuses a layout with several) and engines pick
their platform from the inner index. So that the image can be used where ocinit is wanted,
e.g. `COPY --from=ocinit:VERSION /sbin/ocinit /sbin/ocinit`, without a registry.

Byte for byte reproducible: fixed mtimes (SOURCE_DATE_EPOCH, else 0), uid/gid 0 and no
user/group names, entries sorted, gzip without name and with mtime 0, JSON with sorted keys.
Standard library only (make image must work wherever make dist does).
"""
import gzip, hashlib, io, json, os, struct, sys, tarfile, time

EPOCH = int(os.environ.get("SOURCE_DATE_EPOCH", "0"))
CREATED = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(EPOCH))
MT = "application/vnd.oci.image."
# ELF e_machine -> OCI platform. arm64 carries variant v8, as Docker Hub's images do;
# containerd and c/image (podman, skopeo) match it for arm64 with or without a variant.
# 32-bit ARM is one machine (40) for both Debian arches: the float ABI in e_flags tells
# armhf (hard: arm/v7) from armel (soft: arm/v5), the variants Docker Hub gives them.
PLATFORMS = {62: {"architecture": "amd64", "os": "linux"},
             183: {"architecture": "arm64", "os": "linux", "variant": "v8"},
             3: {"architecture": "386", "os": "linux"},
             (40, "hard"): {"architecture": "arm", "os": "linux", "variant": "v7"},
             (40, "soft"): {"architecture": "arm", "os": "linux", "variant": "v5"},
             21: {"architecture": "ppc64le", "os": "linux"},
             22: {"architecture": "s390x", "os": "linux"},
             8: {"architecture": "mips64le", "os": "linux"}}
EF_ARM_ABI_FLOAT_HARD = 0x400


def platform(path):
    with open(path, "rb") as f:
        head = f.read(52)
    if len(head) < 52 or head[:4] != b"\x7fELF" or head[5] not in (1, 2) or head[4] not in (1, 2):
        sys.exit(f"image.py: {path}: not an ELF file")
    order = "<" if head[5] == 1 else ">"
    machine, = struct.unpack(order + "H", head[18:20])
    key = machine
    if machine == 40:  # e_flags: offset 36 in a 32-bit ELF header
        flags, = struct.unpack(order + "I", head[36:40])
        key = (40, "hard" if flags & EF_ARM_ABI_FLOAT_HARD else "soft")
    if key not in PLATFORMS:
        sys.exit(f"image.py: {path}: unknown ELF machine {machine}")
    return PLATFORMS[key]


def tarinfo(name, size=0, mode=0o644, kind=tarfile.REGTYPE):
    # uid/gid 0 (TarInfo's default), empty uname/gname: nothing from the build machine
    ti = tarfile.TarInfo(name)
    ti.size, ti.mode, ti.type, ti.mtime = size, mode, kind, EPOCH
    return ti


def add(t, name, data, mode=0o644):
    t.addfile(tarinfo(name, len(data), mode), io.BytesIO(data))


def tarball(files):
    """A tar of {name: (data, mode)} (data None: a directory), in name order. USTAR: no
    PAX headers, whose contents could vary with the Python version."""
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w", format=tarfile.USTAR_FORMAT) as t:
        for name in sorted(files):
            data, mode = files[name]
            if data is None:
                t.addfile(tarinfo(name, mode=mode, kind=tarfile.DIRTYPE))
            else:
                add(t, name, data, mode)
    return buf.getvalue()


blobs = {}   # digest -> bytes: every blob of the layout


def blob(data, media_type, **extra):
    """Store data as a blob; its descriptor (extra: platform, annotations)."""
    digest = "sha256:" + hashlib.sha256(data).hexdigest()
    blobs[digest] = data
    return dict(mediaType=media_type, digest=digest, size=len(data), **extra)


def jsonblob(obj, media_type, **extra):
    # sorted keys, no spaces: the same object always gives the same bytes (and digest)
    return blob(json.dumps(obj, sort_keys=True, separators=(",", ":")).encode(), media_type, **extra)


def image(path):
    plat = platform(path)
    with open(path, "rb") as f:
        layer = tarball({"sbin": (None, 0o755), "sbin/ocinit": (f.read(), 0o755)})
    gz = io.BytesIO()
    # no file name and mtime 0 in the gzip header; level 9 fixed (the output of a given zlib
    # is then fixed too)
    with gzip.GzipFile(filename="", mode="wb", fileobj=gz, compresslevel=9, mtime=0) as z:
        z.write(layer)
    config = dict(plat, created=CREATED,
                  # no Cmd: `docker run IMAGE prog args` runs ocinit -- prog args
                  config={"Entrypoint": ["/sbin/ocinit", "--"]},
                  rootfs={"type": "layers",
                          "diff_ids": ["sha256:" + hashlib.sha256(layer).hexdigest()]},
                  history=[{"created": CREATED, "created_by": "pkg/image.py: COPY ocinit /sbin/ocinit"}])
    manifest = {"schemaVersion": 2, "mediaType": MT + "manifest.v1+json",
                "config": jsonblob(config, MT + "config.v1+json"),
                "layers": [blob(gz.getvalue(), MT + "layer.v1.tar+gzip")]}
    return jsonblob(manifest, MT + "manifest.v1+json", platform=plat)


def main():
    if len(sys.argv) < 4:
        sys.exit("usage: image.py VERSION OUTDIR BIN...")
    version, outdir, bins = sys.argv[1], sys.argv[2], sys.argv[3:]
    manifests = [image(b) for b in bins]
    if len({json.dumps(m["platform"]) for m in manifests}) != len(manifests):
        sys.exit("image.py: two binaries of the same platform")
    index = jsonblob({"schemaVersion": 2, "mediaType": MT + "index.v1+json", "manifests": manifests},
                     MT + "index.v1+json", annotations={
        # The name each tool gives the image when it loads it (all tried: tests/t_image.sh).
        # ctr import takes io.containerd.image.name as it is, else ref.name (not normalised).
        # podman 4.3 load takes io.containerd.image.name too, before ref.name, and puts
        # "localhost/" before a name without a registry. localhost/: a local image that no
        # tool will try to pull from Docker Hub; `COPY --from=ocinit:V` finds it in podman
        # (docker, which cannot load an OCI layout, gets the name through skopeo's
        # docker-archive:OUT:ocinit:V). skopeo's oci-archive:FILE:ocinit:V matches ref.name.
        "org.opencontainers.image.ref.name": f"ocinit:{version}",
        "io.containerd.image.name": f"localhost/ocinit:{version}"})
    top = {"schemaVersion": 2, "mediaType": MT + "index.v1+json", "manifests": [index]}
    files = {"oci-layout": (b'{"imageLayoutVersion":"1.0.0"}', 0o644),
             "index.json": (json.dumps(top, sort_keys=True, separators=(",", ":")).encode(), 0o644),
             "blobs": (None, 0o755), "blobs/sha256": (None, 0o755)}
    files.update({"blobs/sha256/" + d[7:]: (data, 0o644) for d, data in blobs.items()})
    os.makedirs(outdir, exist_ok=True)
    out = os.path.join(outdir, f"ocinit-{version}.oci.tar")
    with open(out + ".tmp", "wb") as f:   # a failed run leaves no half-written image
        f.write(tarball(files))
    os.replace(out + ".tmp", out)
    print(f"{out}: image index {index['digest']}")


main()
