# ocinit inside the engines users run: Debian 12's docker.io (dockerd 20.10), podman 4.3 and
# containerd 1.6 (ctr), each over runc, crun and runc-old (runc on an emulated kernel before
# 5.8, where its access(2) pre-check is the seed bug). Once, x86_64 defconfig. The images:
# the seed report's Dockerfile (tests/engines/seed), its ocinit variant, which takes ocinit
# from `make image`'s OCI archive, and ocinit as the engines' --init. Daemons run privately
# (tests/engines/daemons.sh) and are stopped by pid; a last check shows that nothing outside
# build/ changed.
[ "$ARCH/$CFG" = x86_64/defconfig ] || return 0 2>/dev/null || true
. tests/engines/daemons.sh
. tests/engines/checks.sh
E=$TOP/build/engines
S=$TOP/tests/engines/seed
VERSION=$(sed -n 's/^VERSION *:= *//p' Makefile)
DEFAULT_BND=00000000a80425fb   # the 14 capabilities engines give a container by default

# host_state: what the engines could leave behind outside build/: the names in /run and the
# cgroup trees, and anything under /etc, /var, /opt and /root written since the run began
# (but logs).
host_state() {
	ls -a /run /sys/fs/cgroup/* 2>/dev/null
	find /etc /var /opt /root -xdev -newer "$T/engines.stamp" -not -path '/var/log/*' 2>/dev/null
}

# image_loaded LOAD WANT RUN: make image's archive loaded by LOAD, which must say WANT (a
# pattern: the name it gave), and its ocinit run by RUN, which must print our --version.
image_loaded() {
	local said
	run sh -c "$1"
	said=$(tail -n 1 "$T/out")
	# shellcheck disable=SC2254
	case $RC:$said in 0:$2) ;; *) bad "$ENG: make image's archive loaded" "status $RC, '$said', want '$2'; $(tail -n 3 "$T/err")"; return 1;; esac
	run sh -c "$3"
	expect_eq "$ENG: make image's archive loaded, its ocinit run (${2%% (*})" "0 $FEATURES" "$RC $(cat "$T/out")"
	[ "$RC" = 0 ]
}

# built CMDS: the seed and its ocinit variant built (or imported), or one failure for all.
built() {
	run sh -c "$1"
	expect "$ENG: the seed and its ocinit variant built" 0
	[ "$RC" = 0 ]
}

engines_run() {
	local missing= p rt
	for p in dockerd containerd ctr podman skopeo /usr/sbin/runc crun python3; do
		command -v "$p" >/dev/null || missing="$missing $p"
	done
	[ -x "$DOCKER" ] || missing="$missing $DOCKER"
	if [ -n "$missing" ]; then bad "engines" "not installed:$missing (sh tests/deps.sh installs them)"; return; fi
	engines_stop 2>/dev/null   # what an interrupted run left running
	rm -rf "$E" && mkdir -p "$E" && : >"$E/stopped"
	touch "$T/engines.stamp"
	host_state >"$T/host.before"
	runtimes_write
	run python3 tests/engines/baseimage.py "$E"
	[ "$RC" = 0 ] || { bad "engines: base image" "$(tail -3 "$T/err")"; return; }
	run make -s image
	local oci=$TOP/build/image/ocinit-$VERSION.oci.tar
	[ "$RC" = 0 ] && [ -f "$oci" ] || { bad "engines: make image" "status $RC; $(tail -3 "$T/err")"; return; }

	# ---- podman, with ocinit as --init-path
	ENG=podman BND=$DEFAULT_BND
	if ! podman_start; then bad "podman: its namespace started" "see $E/podman"
	elif image_loaded "$PM load -i $oci" "Loaded image: localhost/ocinit:$VERSION" \
		"$PM run $PMC --rm --entrypoint /sbin/ocinit ocinit:$VERSION --version" &&
	     built "$PM load -q -i $E/base.tar && $PM build -q --network none -t localhost/seed $S &&
		$PM build -q --network none --build-arg OCINIT_IMAGE=ocinit:$VERSION -f $S/Dockerfile.ocinit -t localhost/seed-ocinit $S"; then
		for RT in crun runc runc-old; do engine_checks; done
		# catatonit's -P: ocinit as a pod's infra container, paused until the pod stops.
		run sh -c "$PM pod create $PMC --name infra --infra-name infra-c --infra-image localhost/seed-ocinit \
			--infra-command '/sbin/ocinit -P' >/dev/null && $PM pod start infra >/dev/null && sleep 0.5 &&
			timeout 20 $PM pod stop -t 30 infra >/dev/null && $PM inspect -f '{{.State.ExitCode}}' infra-c"
		expect_eq "podman: ocinit -P as a pod's infra container, stopped with the pod: 0" "0 0" "$RC $(cat "$T/out")"
		$PM pod rm -f infra >/dev/null 2>&1
		# For docker 20.10, which loads no OCI archive: skopeo, in podman's namespace (c/image
		# writes its blob cache under /var/lib/containers).
		run nsenter -t "$(cat "$E/podman/pid")" -m \
			skopeo copy -q "oci-archive:$oci" "docker-archive:$E/ocinit-docker.tar:ocinit:$VERSION"
		expect "skopeo: make image's archive converted to a docker-archive" 0
	fi
	podman_stop

	# ---- docker, with ocinit as dockerd's init-path
	ENG=docker BND=$DEFAULT_BND
	if ! dockerd_start "$OCINIT"; then bad "docker: dockerd started" "$(tail -5 "$E/docker/dockerd.log")"
	elif image_loaded "$DK load -i $E/ocinit-docker.tar" "Loaded image: ocinit:$VERSION" \
		"$DK run --rm --network none --entrypoint /sbin/ocinit ocinit:$VERSION --version" &&
	     built "$DK load -q -i $E/base.tar && $DK build -q --network none -t seed $S &&
		$DK build -q --network none --build-arg OCINIT_IMAGE=ocinit:$VERSION -f $S/Dockerfile.ocinit -t seed-ocinit $S &&
		$DK save -o $E/seeds.tar seed seed-ocinit"; then
		run $DK info --format '{{.InitBinary}} {{.InitCommit.ID}}'
		expect_eq "docker info: ocinit's --version read as docker-init's (its commit, not N/A)" \
			"$OCINIT $(echo "$FEATURES" | sed -n 's/.* - git\.//p')" "$(cat "$T/out")"
		for RT in runc crun runc-old; do engine_checks; done
	fi
	dockerd_stop

	# ---- containerd's ctr, on the images docker built
	ENG=ctr BND=$DEFAULT_BND
	if ! containerd_start; then bad "ctr: containerd started" "$(tail -5 "$E/containerd/containerd.log")"
	elif image_loaded "$CTR image import $oci" "unpacking localhost/ocinit:$VERSION (sha256:*)...done" \
		"$CTR run --rm --fifo-dir $E/containerd/fifo localhost/ocinit:$VERSION v1 /sbin/ocinit --version" &&
	     built "$CTR image import $E/seeds.tar"; then
		for RT in runc crun runc-old; do engine_checks; done
	fi
	containerd_stop

	cgroups_clean
	host_state >"$T/host.after"
	expect_eq "engines: nothing left outside build/ (nothing new in /run or the cgroups, nothing written in /etc /var /opt /root)" \
		"" "$(diff "$T/host.before" "$T/host.after" | grep '^[<>]' | tr '\n' ' ')"
	# what names build/engines (shims, conmon), and the daemons stopped by pid (the podman
	# holder's command line names nothing of ours)
	p=$(pgrep -f "$E" | tr '\n' ' ')
	while read -r pid name; do
		[ "$(cat "/proc/$pid/comm" 2>/dev/null)" = "$name" ] && p="$p$pid($name) "
	done <"$E/stopped"
	expect_eq "engines: no daemon left running ($(wc -l <"$E/stopped") stopped by pid)" "" "$p"
}

# One run at a time: a second one would stop the first one's daemons (same pidfiles).
exec 9>"$TOP/build/engines.lock"
if flock -n 9; then
	trap 'engines_stop' EXIT
	engines_run
	engines_stop
	trap - EXIT
else bad "engines" "another run holds build/engines.lock"; fi
exec 9>&-
