# Names from the root's own /etc/passwd and /etc/group (no NSS), and numbers that look like names.
has creds || return 0 2>/dev/null || true
make_testroot
echo "alias:x:1500:1500:alice's uid:/home/alias:/bin/sh" >>"$T/passwd" # a second name for 1500
# names FLAGS...: the probe under those flags, in the test root, with no HOME to begin with
names() {
	local home=$HOME
	unset HOME
	run testroot $RUN "$OCINIT" "$@" "$H/probe" status
	export HOME=$home
}
ids() { status_of Uid Gid Groups Home; }

names -u testuser
expect_eq "-u NAME: its gid, its /etc/group memberships (members test, testuse, testuserx are others), its HOME" \
	"Uid: 1000 1000 1000 1000|Gid: 1000 1000 1000 1000|Groups: 10 29 1000|Home: /home/testuser" "$(ids)"
names -u alice
expect_eq "-u NAME: a membership in a group whose name is numeric" \
	"Uid: 1500 1500 1500 1500|Gid: 1500 1500 1500 1500|Groups: 10 1500 3000|Home: /home/alice" "$(ids)"
names -u testuser:staff
expect_eq "-u NAME:GROUP: that group, no memberships, the gid among the groups" \
	"Uid: 1000 1000 1000 1000|Gid: 50 50 50 50|Groups: 50|Home: /home/testuser" "$(ids)"
names -u 1000
expect_eq "-u UID found in passwd: its gid, memberships and HOME" \
	"Uid: 1000 1000 1000 1000|Gid: 1000 1000 1000 1000|Groups: 10 29 1000|Home: /home/testuser" "$(ids)"
names -u 4242
expect_eq "-u 4242: a number, never the passwd line named 4242 (gid 0, as Docker)" \
	"Uid: 4242 4242 4242 4242|Gid: 0 0 0 0|Groups: 0|Home: /" "$(ids)"
names -u 4242:1234
expect_eq "-u UID:1234: gid 1234, never the group named 1234" \
	"Uid: 4242 4242 4242 4242|Gid: 1234 1234 1234 1234|Groups: 1234|Home: /" "$(ids)"
names -u 1000 --groups wheel,1234,staff
expect_eq "--groups: names and numbers" \
	"Uid: 1000 1000 1000 1000|Gid: 1000 1000 1000 1000|Groups: 10 50 1234|Home: /home/testuser" "$(ids)"
names -u alias
expect_eq "-u NAME sharing its uid with an earlier line: that line's HOME (as runc), not the first's" \
	"Uid: 1500 1500 1500 1500|Gid: 1500 1500 1500 1500|Groups: 1500|Home: /home/alias" "$(ids)"
names -u 1500
expect_eq "-u UID: the first line of that uid" "Home: /home/alice" "$(status_of Home)"
if [ -z "$RUN" ]; then
	for u in testuser 1000; do
		run testroot env -u HOME strace -f -qq -e trace=openat -o "$T/strace" "$OCINIT" -u $u true
		expect_eq "-u $u and its HOME: /etc/passwd read once" 1 "$(grep -c '"/etc/passwd"' "$T/strace")"
	done
fi
names -u nohome
expect_eq "HOME from passwd even when it is /" "Home: /" "$(status_of Home)"
run testroot env HOME=/keep $RUN "$OCINIT" -u testuser "$H/probe" status
expect_eq "-u: HOME already set is the old user's: replaced (as gosu)" "Home: /home/testuser" "$(status_of Home)"

names -u nosuchuser
expect "unknown user: 125, nothing run" 125 "ocinit: --user: user nosuchuser is not in /etc/passwd"
names -u testuser:nosuchgroup
expect "unknown group: 125, nothing run" 125 "ocinit: --user: group nosuchgroup is not in /etc/group"
names -u 4294967295
expect "uid 4294967295 (\"unchanged\" to setresuid) is refused" 125 "ocinit: --user: '4294967295' is not a number in 0..4294967294"
names -u 0:4294967295
expect "gid 4294967295 (\"unchanged\" to setresgid) is refused" 125 "ocinit: --user: '4294967295' is not a number in 0..4294967294"
names -u 0 --groups 4294967295
expect "--groups 4294967295 is refused" 125 "ocinit: --groups: '4294967295' is not a number in 0..4294967294"
names -u badgid
expect "a passwd line whose gid is no number is no line" 125 "ocinit: --user: user badgid is not in /etc/passwd"

# the databases are read with bounds: a FIFO or a directory is refused, never waited on
cp "$T/passwd" "$T/passwd.good"; rm "$T/passwd"; mkfifo "$T/passwd"
run testroot $RUN "$OCINIT" -u testuser true
expect "/etc/passwd a FIFO: refused, not read" 125 "ocinit: /etc/passwd: not a regular file"
rm "$T/passwd"; head -c 5000000 /dev/zero | tr '\0' 'x' >"$T/passwd"
run testroot $RUN "$OCINIT" -u testuser true
expect "/etc/passwd over 4 MiB: refused" 125 "ocinit: /etc/passwd: larger than 4194304 bytes"
mv "$T/passwd.good" "$T/passwd"
