/* apply.c: the child's privilege steps of the user, groups, capabilities, umask, cwd,
 * oom_score_adj, rlimits and no_new_privs, and their read-backs; fields.c puts them in
 * order and apply_creds runs them. Any failure reports "STEP: error" and exits 125:
 * nothing runs half-applied. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "field.h"
#include "sys.h"

char step_detail[96];
static int chdir_later;   /* root could not enter cwd: retry as the user */

int do_rlimits(const struct creds *c)
{
	if (!CFG_RLIMITS || !c->nrlimits)
		return STEP_SKIP;
	for (size_t i = 0; CFG_RLIMITS && i < c->nrlimits; i++) {
		struct rlimit rl = { c->rlimits[i].soft, c->rlimits[i].hard };
		fmt(step_detail, sizeof step_detail, " RLIMIT_%s", rlimit_name(c->rlimits[i].resource));
		if (sys_prlimit(c->rlimits[i].resource, &rl, NULL) < 0)
			return -1;
	}
	step_detail[0] = 0;
	return 0;
}

/* do_oom: written, then read back at once from the same descriptor (a small RLIMIT_NOFILE,
 * set next, may leave no room to open the file again for the read-back). */
int do_oom(const struct creds *c)
{
	char buf[16];
	long long v;
	if (!(c->have & HAVE_OOM))
		return STEP_SKIP;
	int fd = sys_open("/proc/self/oom_score_adj", O_RDWR | O_CLOEXEC), e;
	if (fd < 0)
		return -1;
	size_t n = fmt(buf, sizeof buf, "%d", c->oom_score_adj);
	ssize_t got = write_all(fd, buf, n) < 0 ? -1 : pread(fd, buf, sizeof buf - 1, 0);
	e = errno;
	close(fd);
	errno = e;
	if (got <= 0)
		return got < 0 ? -1 : MISMATCH(": read back nothing");
	buf[got] = 0;
	size_t line = strcspn(buf, "\n");
	int whole = buf[line] == '\n';
	buf[line] = 0; /* the message is one line */
	if (!whole || parse_int(buf, -1000, 1000, &v) || v != c->oom_score_adj)
		return MISMATCH(": read back '%s', want %d", buf, c->oom_score_adj);
	return 0;
}

int do_umask(const struct creds *c)
{
	if (!(c->have & HAVE_UMASK))
		return STEP_SKIP;
	umask(c->umask);
	return 0;
}

int do_chdir(const struct creds *c)
{
	if (!c->cwd)
		return STEP_SKIP;
	if (chdir(c->cwd) == 0)
		return 0;
	if (errno != EACCES && errno != EPERM)
		return -1;
	chdir_later = 1;
	return STEP_SKIP;
}

int do_bounding(const struct creds *c)
{
	return CFG_CAPS && (c->have & HAVE_CAPS) ? caps_apply_bounding(c) : STEP_SKIP;
}

/* keepcaps_wanted: a uid change that must keep the capabilities asked for. */
static int keepcaps_wanted(const struct creds *c)
{
	return (c->have & HAVE_USER) && CFG_CAPS && (c->have & HAVE_CAPS);
}

static int keepcaps(const struct creds *c, int on)
{
	return keepcaps_wanted(c) ? prctl(PR_SET_KEEPCAPS, on, 0, 0, 0) : STEP_SKIP;
}
int do_keepcaps(const struct creds *c) { return keepcaps(c, 1); }
int do_clear_keepcaps(const struct creds *c) { return keepcaps(c, 0); }

int do_setgroups(const struct creds *c)
{
	return c->have & HAVE_GROUPS ? sys_setgroups(c->ngroups, c->groups) : STEP_SKIP;
}

int do_setresgid(const struct creds *c)
{
	return c->have & HAVE_USER ? sys_setresgid(c->gid) : STEP_SKIP;
}

int do_setresuid(const struct creds *c)
{
	return c->have & HAVE_USER ? sys_setresuid(c->uid) : STEP_SKIP;
}

int do_caps(const struct creds *c)
{
	return CFG_CAPS && (c->have & HAVE_CAPS) ? caps_apply_sets(c) : STEP_SKIP;
}

int do_nnp(const struct creds *c)
{
	return c->have & HAVE_NNP ? prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) : STEP_SKIP;
}

int do_chdir_again(const struct creds *c)
{
	struct stat here, there;
	if (!c->cwd)
		return STEP_SKIP;
	if (chdir_later && chdir(c->cwd) < 0)
		return -1;
	/* read back: "." is the directory the path names now (same device and inode), not
	 * merely some directory that getcwd can name */
	if (sys_stat(".", &here) < 0 || sys_stat(c->cwd, &there) < 0)
		return -1;
	if (here.st_dev != there.st_dev || here.st_ino != there.st_ino)
		return MISMATCH(" is not the working directory after chdir");
	return 0;
}


int check_ids(const struct creds *c)
{
	uid_t r, e, s;
	gid_t rg, eg, sg;
	if (!(c->have & HAVE_USER))
		return 0;
	if (getresuid(&r, &e, &s) < 0 || getresgid(&rg, &eg, &sg) < 0)
		return -1; /* errno names it; the ids were never read */
	if (r != c->uid || e != c->uid || s != c->uid)
		return MISMATCH(" uids %u/%u/%u, want %u", r, e, s, c->uid);
	if (rg != c->gid || eg != c->gid || sg != c->gid)
		return MISMATCH(" gids %u/%u/%u, want %u", rg, eg, sg, c->gid);
	return 0;
}

int check_groups(const struct creds *c)
{
	if (!(c->have & HAVE_GROUPS))
		return 0;
	/* both sorted: resolve() sorted ours, the kernel its own; a few on the stack (the
	 * kernel says EINVAL when they do not fit), room for all only for many */
	gid_t few[64], *got = few;
	int n = getgroups(64, few), same;
	if (n < 0 && errno == EINVAL)
		n = (got = mem_alloc(MAX_GROUPS * sizeof *got)) ? getgroups(MAX_GROUPS, got) : -1;
	if (n < 0)
		return -1;
	same = (size_t)n == c->ngroups && !memcmp(c->groups, got, (size_t)n * sizeof *got);
	if (got != few)
		mem_free(got);
	return same ? 0 : MISMATCH(" %d supplementary groups, want %lu", n, (unsigned long)c->ngroups);
}

int check_umask(const struct creds *c)
{
	mode_t m = c->have & HAVE_UMASK ? umask(c->umask) : c->umask;
	return m == c->umask ? 0 : MISMATCH(" umask %o, want %o", m, c->umask);
}

int check_caps(const struct creds *c)
{
	capmask now[N_CAPSETS];
	if (!CFG_CAPS || !(c->have & HAVE_CAPS))
		return 0;
	if (caps_read(now) < 0)
		return -1;
	for (int i = 0; i < N_CAPSETS; i++)
		if (now[i] != c->caps[i])
			return MISMATCH(" %s capabilities %llx, want %llx", capset_name[i],
					(unsigned long long)now[i], (unsigned long long)c->caps[i]);
	return 0;
}

int check_nnp(const struct creds *c)
{
	if ((c->have & HAVE_NNP) && prctl(PR_GET_NO_NEW_PRIVS, 0, 0, 0, 0) != 1)
		return MISMATCH(" no_new_privs is not set");
	return 0;
}

/* (execve would clear it anyway: checked, so that every step is read back) */
int check_keepcaps(const struct creds *c)
{
	if (keepcaps_wanted(c) && prctl(PR_GET_KEEPCAPS, 0, 0, 0, 0) != 0)
		return MISMATCH(" PR_SET_KEEPCAPS is still set");
	return 0;
}

int check_rlimits(const struct creds *c)
{
	for (size_t i = 0; CFG_RLIMITS && i < c->nrlimits; i++) {
		struct rlimit rl;
		if (sys_prlimit(c->rlimits[i].resource, NULL, &rl) < 0 || rl.rlim_cur != c->rlimits[i].soft ||
		    rl.rlim_max != c->rlimits[i].hard)
			return MISMATCH(" RLIMIT_%s", rlimit_name(c->rlimits[i].resource));
	}
	return 0;
}

/* shown: path as a message shows it: a long one cut to its first 200 bytes, so that the
 * reason after it always fits in the one line. */
static const char *shown(const char *path, char buf[208])
{
	if (strlen(path) <= 200)
		return path;
	memcpy(buf, path, 200);
	memcpy(buf + 200, "...", 4);
	return buf;
}

/* fail: the one line of a failed step (what: its name), and exit 125. */
static _Noreturn void fail(const struct creds *c, const struct field *f, const char *what)
{
	char cut[208];
	int e = errno, dir = f->apply == do_chdir || f->apply == do_chdir_again;
	child_fail(EXIT_OCINIT, "%s%s%s%s%s%s", what, dir ? " " : "", dir ? shown(c->cwd, cut) : "",
		   step_detail, e ? ": " : "", e ? strerror(e) : "");
}

void apply_creds(const struct creds *c)
{
	const struct field *f;
	for (f = fields; f < fields + N_FIELDS; f++) {
		step_detail[0] = 0;
		int r = f->apply ? f->apply(c) : STEP_SKIP;
		if (r < 0)
			fail(c, f, f->step);
		if (r == 0)
			say(L_DEBUG, "applied: %s", f->step);
	}
	for (f = fields; f < fields + N_FIELDS; f++) {
		step_detail[0] = 0;
		if (f->check && f->check(c) < 0)
			fail(c, f, "read back");
	}
	say(L_DEBUG, "applied: read back");
}
