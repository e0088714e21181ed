# make image (pkg/image.py), once (x86_64 defconfig): the OCI archive's structure and that
# two builds are the same bytes; then that skopeo picks each platform and the name. That
# podman, ctr and docker load it, name it as intended and build `COPY --from=ocinit:VERSION`
# with it is t_engines.sh's part.
# Scratch under build/imgtest/t; skopeo in a private mount namespace. Needs python3, skopeo.
[ "$ARCH/$CFG" = x86_64/defconfig ] || return 0 2>/dev/null || true
IV=$(sed -n 's/^VERSION *:= *//p' Makefile)
IMG=$TOP/build/image/ocinit-$IV.oci.tar
W=$TOP/build/imgtest/t
BINS= # the binaries as make image saw them, one per arch (below)

# im_check FILE EPOCH: the archive as one line: whether every entry (archive and layer) has
# mtime EPOCH, uid/gid 0, no names and the entries sorted; the top index; per platform the
# config's platform, layer type, gzip mtime, diff_id, entries, ELF machine, binary, config.
# Every blob is checked against its descriptor's digest and size.
im_check() {
	python3 - "$@" <<'PY'
import gzip, hashlib, io, json, sys, tarfile
t, epoch, mt = tarfile.open(sys.argv[1]), int(sys.argv[2]), "application/vnd.oci.image."
def fixed(tf):
    ms = tf.getmembers()
    return "fixed" if [m.name for m in ms] == sorted(m.name for m in ms) and all(
        (m.mtime, m.uid, m.gid, m.uname, m.gname) == (epoch, 0, 0, "", "") for m in ms) else "NOT-FIXED"
def blob(d):
    data = t.extractfile("blobs/sha256/" + d["digest"][7:]).read()
    if d["digest"] != "sha256:" + hashlib.sha256(data).hexdigest() or d["size"] != len(data):
        sys.exit("digest or size mismatch: " + d["digest"])
    return data
sha = lambda b: hashlib.sha256(b).hexdigest()
top = json.loads(t.extractfile("index.json").read())
e = top["manifests"][0]
out = [fixed(t), "%d %s" % (len(top["manifests"]), e["mediaType"].replace(mt, "")),
       " ".join("%s=%s" % kv for kv in sorted(e.get("annotations", {}).items()))]
for m in json.loads(blob(e))["manifests"]:
    p, man = m["platform"], json.loads(blob(m))
    cfg, (l,) = json.loads(blob(man["config"])), man["layers"]
    gz = blob(l); raw = gzip.decompress(gz); lt = tarfile.open(fileobj=io.BytesIO(raw))
    exe = lt.extractfile("sbin/ocinit").read()
    out.append(" ".join(["/".join(p[k] for k in ("os", "architecture", "variant") if k in p),
        "cfg-same" if all(cfg.get(k) == v for k, v in p.items()) else "cfg-differs",
        l["mediaType"].replace(mt, ""), "gzmtime=%d" % int.from_bytes(gz[4:8], "little"),
        "diffid-ok" if cfg["rootfs"]["diff_ids"] == ["sha256:" + sha(raw)] else "diffid-bad", fixed(lt),
        ",".join("%s:%o" % (x.name, x.mode) for x in lt), "elf=%d" % int.from_bytes(exe[18:20], "little"),
        sha(exe)[:12], "entrypoint=" + ",".join(cfg["config"].get("Entrypoint") or []),
        "cmd=%s" % cfg["config"].get("Cmd"), cfg["created"]]))
print(" | ".join(out))
PY
}
im_want() {   # im_want CREATED: what im_check must print for this version and these binaries
	local a=" gzmtime=0 diffid-ok fixed sbin:755,sbin/ocinit:755" b=" entrypoint=/sbin/ocinit,-- cmd=None $1" d
	printf '%s' "fixed | 1 index.v1+json | io.containerd.image.name=localhost/ocinit:$IV org.opencontainers.image.ref.name=ocinit:$IV"
	for d in $DIST_ARCHES; do   # elf=: e_machine as Python reads it, little-endian
		printf ' | %s cfg-same layer.v1.tar+gzip%s elf=%d %s%s' "${d##*:}" "$a" "0x$(echo "$d" | cut -d: -f3)" \
			"$(sha256sum <"$W/${d%%:*}" | cut -c1-12)" "$b"
	done
	echo
}
im_digest() { tar -xOf "$1" index.json | python3 -c 'import json,sys; print(json.load(sys.stdin)["manifests"][0]["digest"])'; }

run make -s image
if [ "$RC" != 0 ] || [ ! -f "$IMG" ]; then
	bad "make image" "status $RC: $(tail -n 5 "$T/err" | tr '\n' ' ' | cut -c1-400)"
	return 0 2>/dev/null || true
fi
# The binaries as make image saw them (make dist-bins relinks them every time, and other
# builds in this checkout may be doing so right now).
rm -rf "$W" && mkdir -p "$W"
for a in $(dist_field 1); do cp "$TOP/build/dist-$a/ocinit" "$W/$a" && BINS="$BINS $W/$a"; done
run im_check "$IMG" 0
expect_eq "make image: one index of an image of /sbin/ocinit per arch ($(dist_field 4)), fixed metadata" "$(im_want 1970-01-01T00:00:00Z)" "$(cat "$T/out" "$T/err")"
run env SOURCE_DATE_EPOCH=1700000000 python3 pkg/image.py "$IV" "$W/sde" $BINS
run im_check "$W/sde/ocinit-$IV.oci.tar" 1700000000
expect_eq "pkg/image.py honours SOURCE_DATE_EPOCH (mtimes, created)" "$(im_want 2023-11-14T22:13:20Z)" "$(cat "$T/out" "$T/err")"
# Again a second later and in another time zone, then elsewhere with umask 077: what may
# differ between builds.
first="$(sha256sum <"$IMG") $(im_digest "$IMG")"
sleep 1
run env TZ=Pacific/Kiritimati make -s image
expect_eq "make image twice: the same bytes and index digest" "0 $first" "$RC $(sha256sum <"$IMG") $(im_digest "$IMG")"
run sh -c 'cd "$1" && umask 077 && top=$2 iv=$3 && shift 3 && exec python3 "$top/pkg/image.py" "$iv" umask "$@"' sh "$W" "$TOP" "$IV" $BINS
expect_eq "pkg/image.py elsewhere, umask 077: the same bytes" "0 $(sha256sum <"$IMG")" "$RC $(sha256sum <"$W/umask/ocinit-$IV.oci.tar" 2>&1)"
DIGEST=$(im_digest "$IMG")

# ---- skopeo (the engines load it in t_engines.sh) -------------------------------------------
if ! command -v skopeo >/dev/null; then
	skip "the image in skopeo" "not installed (sh tests/deps.sh installs it)"
	unset -f im_check im_want im_digest
	return 0 2>/dev/null || true
fi
# im_ns DIR CMD...: CMD in a private mount namespace whose /var is overlaid by DIR/var (c/image
# writes /var/lib/containers/cache whatever it is told).
IM_NS='mkdir -p "$0/var" "$0/var-work" "$0/tmp" &&
mount -t overlay overlay -o "lowerdir=/var,upperdir=$0/var,workdir=$0/var-work" /var &&
export TMPDIR="$0/tmp" && exec "$@"'
im_ns() { unshare -m --propagation private sh -c "$IM_NS" "$@"; }

# skopeo: the index, the host's platform by default, arm64 when asked; ref.name selects.
S="timeout -k 5 60 skopeo"
run im_ns "$W/skopeo" $S inspect --raw "oci-archive:$IMG"
expect_eq "skopeo inspect --raw: the image index of every arch" "0 application/vnd.oci.image.index.v1+json $(dist_field 4)" \
	"$RC $(python3 -c 'import json,sys; i=json.load(sys.stdin); print(i["mediaType"], *("/".join(m["platform"][k] for k in ("os", "architecture", "variant") if k in m["platform"]) for m in i["manifests"]))' <"$T/out" 2>&1)"
machines=
for a in amd64 arm64; do
	run im_ns "$W/skopeo" $S copy -q --override-arch "$a" "oci-archive:$IMG" "dir:$W/skopeo/$a"
	l=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["layers"][0]["digest"][7:])' "$W/skopeo/$a/manifest.json" 2>/dev/null)
	machines="$machines $a:$RC:$(tar -xzOf "$W/skopeo/$a/$l" sbin/ocinit 2>/dev/null | od -An -tx2 -j18 -N2 | tr -d ' ')"
done
run im_ns "$W/skopeo" $S copy -q "oci-archive:$IMG" "dir:$W/skopeo/default"
expect_eq "skopeo copy: amd64 by default, --override-arch arm64 gives the aarch64 binary" " amd64:0:003e arm64:0:00b7 0" \
	"$machines $RC$(cmp "$W/skopeo/default/manifest.json" "$W/skopeo/amd64/manifest.json" 2>&1)"
run im_ns "$W/skopeo" $S copy -q "oci-archive:$IMG:ocinit:$IV" "dir:$W/skopeo/named"
expect "skopeo copy oci-archive:FILE:ocinit:$IV (ref.name)" 0 ""

unset -f im_check im_want im_digest im_ns
