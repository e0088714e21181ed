/* lsm.c: process.apparmorProfile (--apparmor) and process.selinuxLabel. The profile is
 * applied as runc does it: "exec PROFILE" written to the task's AppArmor exec attribute,
 * so that the kernel confines the command from its execve on; read back before that.
 * Where AppArmor is off, a profile is an error (the command would run unconfined) unless
 * --ignore-lsm; ocinit has no SELinux support, so a label is an error unless --ignore-lsm
 * (runc's rule on a machine without SELinux). */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include "field.h"
#include "sys.h"

/* The attribute of AppArmor's own (Linux 5.8) and the shared one before it. */
static const char *const attr_files[] = { "/proc/thread-self/attr/apparmor/exec", "/proc/self/attr/exec" };

/* apparmor_enabled: the kernel's AppArmor is on (what runc asks too). */
static int apparmor_enabled(void)
{
	char y[2] = { 0 };
	int fd = sys_open("/sys/module/apparmor/parameters/enabled", O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return 0;
	ssize_t n = read(fd, y, 1);
	close(fd);
	return n == 1 && y[0] == 'Y';
}

/* lsm_wanted: a non-empty profile or label by, which ocinit can apply when can: 1 to
 * apply it, 0 to run without it (--ignore-lsm, warned), -1 (reported) to refuse. */
static int lsm_wanted(const struct opts *o, const char *by, const char *why, int can,
		      const struct jctx *w, size_t off)
{
	if (can)
		return 1;
	if (!o->flags.ignore_lsm)
		return jbad(w, by, off, "%s (--ignore-lsm runs without it)", why);
	say(L_WARN, "%s%s%s is not applied (--ignore-lsm)", w ? w->file : "", w ? ": " : "", by);
	return 0;
}

static int set_profile(struct opts *o, const char *profile, const char *by, const struct jctx *w,
		       size_t off)
{
	int r = *profile ? lsm_wanted(o, by, "AppArmor is not enabled here", apparmor_enabled(), w, off) : 0;
	if (r > 0 || !*profile)
		o->creds.apparmor = *profile ? profile : NULL;
	return r < 0 ? -1 : 0;
}

int read_apparmor(const struct jctx *w, const struct jnode *n, struct creds *c)
{
	const char *p;
	(void)c;
	return jstring(w, n, "process.apparmorProfile", &p) ? -1
		: set_profile(w->o, p, "process.apparmorProfile", w, n->off);
}

int flag_apparmor(struct opts *o, const struct given *g)
{
	return set_profile(o, g->v, g->by, NULL, 0);
}

/* exec_attr: the attribute file open for mode, the older one where the newer is absent. */
static int exec_attr(int mode)
{
	int fd = sys_open(attr_files[0], mode | O_CLOEXEC);
	return fd < 0 && errno == ENOENT ? sys_open(attr_files[1], mode | O_CLOEXEC) : fd;
}

int do_apparmor(const struct creds *c)
{
	char line[4200];
	if (!c->apparmor)
		return STEP_SKIP;
	int fd = exec_attr(O_WRONLY), e;
	size_t n = fmt(line, sizeof line, "exec %s", c->apparmor);
	if (fd < 0)
		return -1;
	if (n >= sizeof line - 1) /* (a profile name is at most a path) */
		return close(fd), errno = ENAMETOOLONG, -1;
	/* one write: the kernel takes the attribute whole */
	ssize_t w = write(fd, line, n);
	e = errno;
	close(fd);
	errno = e;
	return w == (ssize_t)n ? 0 : w < 0 ? -1 : MISMATCH(": short write");
}

/* check_apparmor: the exec label reads back as the profile ("NAME (MODE)" or "NAME"). */
int check_apparmor(const struct creds *c)
{
	char got[4200];
	if (!c->apparmor)
		return 0;
	int fd = exec_attr(O_RDONLY), e;
	if (fd < 0)
		return -1;
	ssize_t n = read(fd, got, sizeof got - 1);
	e = errno;
	close(fd);
	errno = e;
	if (n < 0)
		return -1;
	got[n] = 0;
	size_t k = strlen(c->apparmor);
	int same = !strncmp(got, c->apparmor, k) && (!got[k] || got[k] == '\n' || got[k] == ' ');
	got[strcspn(got, "\n")] = 0; /* the message is one line */
	if (!same)
		return MISMATCH(" AppArmor exec label '%.40s', want %.40s", got, c->apparmor);
	return 0;
}

void print_apparmor(const struct creds *c)
{
	if (c->apparmor) {
		put(",\n  \"apparmorProfile\": ");
		put_string(c->apparmor);
	}
}

int read_selinux(const struct jctx *w, const struct jnode *n, struct creds *c)
{
	(void)c;
	if (n->type == J_STRING && !n->len)
		return 0;
	return lsm_wanted(w->o, "process.selinuxLabel", "ocinit cannot apply it", 0, w, n->off) < 0 ? -1 : 0;
}
