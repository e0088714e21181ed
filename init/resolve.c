/* resolve.c: everything the child will be, decided before it exists. In order: the config
 * file (oci.c), then each flag over it (names by users.c), HOME, the capability checks. Nothing here
 * changes the process; every error is one line and leaves nothing applied. */
#include <errno.h>
#include <linux/capability.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "field.h"

/* keep_caps: --caps keep: the bounding set as ocinit found it, and what ocinit holds (its
 * permitted set) in the other four, so that a new uid keeps exactly the engine's grant. */
static int keep_caps(struct creds *c, const char *by)
{
	capmask now[N_CAPSETS];
	if (caps_read(now) < 0) {
		say(L_ERR, "%s keep: read ocinit's own capabilities: %m", by);
		return -1;
	}
	c->caps[CS_BOUNDING] = now[CS_BOUNDING];
	c->caps[CS_PERMITTED] = c->caps[CS_EFFECTIVE] = c->caps[CS_INHERITABLE] =
		c->caps[CS_AMBIENT] = now[CS_PERMITTED] & now[CS_BOUNDING];
	return 0;
}

static int caps_flags(struct creds *c, const struct cred_flags *f)
{
	const struct given *d = &f->caps_docker;
	capmask m;
	if (d->v && !strcmp(d->v, "keep")) {
		if (keep_caps(c, d->by))
			return -1;
		c->have |= HAVE_CAPS;
	} else if (d->v) {
		if (cap_parse_list(d->by, d->v, &m))
			return -1;
		c->caps[CS_BOUNDING] = c->caps[CS_PERMITTED] = c->caps[CS_EFFECTIVE] = m;
		c->caps[CS_INHERITABLE] = c->caps[CS_AMBIENT] = 0;
		c->have |= HAVE_CAPS;
	}
	for (int i = 0; i < N_CAPSETS; i++)
		if (f->caps[i].v) {
			if (cap_parse_list(f->caps[i].by, f->caps[i].v, &c->caps[i]))
				return -1;
			c->have |= HAVE_CAPS;
		}
	return 0;
}

/* rlimit_flag: NAME=SOFT[:HARD], each a number or "unlimited"; HARD defaults to SOFT. by:
 * the flag or variable that gave it. */
static int rlimit_flag(struct creds *c, const char *spec, const char *by)
{
	char name[32];
	unsigned long long v[2];
	const char *eq = strchr(spec, '='), *p;
	int res;
	if (!eq || (size_t)(eq - spec) >= sizeof name)
		goto bad;
	memcpy(name, spec, (size_t)(eq - spec));
	name[eq - spec] = 0;
	if ((res = rlimit_by_name(name)) < 0) {
		say(L_ERR, "%s: %s is not a known rlimit", by, name);
		return -1;
	}
	p = eq + 1;
	for (int i = 0; i < 2; i++) {
		size_t n = strncmp(p, "unlimited", 9) ? scan_uint(p, 10, ~0ULL, &v[i]) : (v[i] = ~0ULL, 9);
		if (!n)
			goto bad;
		p += n;
		if (!*p) {
			if (i == 0)
				v[1] = v[0];
			break;
		}
		if (i == 1 || *p++ != ':')
			goto bad;
	}
	if (v[0] > v[1]) {
		say(L_ERR, "%s %s: soft exceeds hard", by, spec);
		return -1;
	}
	return rlimit_add(c, res, v[0], v[1], 1);
bad:
	say(L_ERR, "%s: '%s' is not NAME=SOFT[:HARD]", by, spec);
	return -1;
}

/* rlimit_list: one or more NAME=SOFT[:HARD], comma-separated. */
static int rlimit_list(struct creds *c, const struct given *g)
{
	char spec[96];
	int r;
	for (const char *p = g->v; (r = list_next(&p, spec, sizeof spec)) > 0;)
		if (rlimit_flag(c, spec, g->by))
			return -1;
	if (r < 0)
		say(L_ERR, "%s: '%s' is not a list of NAME=SOFT[:HARD]", g->by, g->v);
	return r;
}

int flag_umask(struct opts *o, const struct given *g)
{
	unsigned long long m;
	if (parse_uint(g->v, 8, 0777, &m)) {
		say(L_ERR, "%s: '%s' is not an octal mode 0..0777", g->by, g->v);
		return -1;
	}
	o->creds.umask = (mode_t)m;
	o->creds.have |= HAVE_UMASK;
	return 0;
}

int flag_nnp(struct opts *o, const struct given *g)
{
	(void)g;
	o->creds.have |= HAVE_NNP;
	return 0;
}

int flag_cwd(struct opts *o, const struct given *g)
{
	if (g->v[0] != '/') {
		say(L_ERR, "%s: %s is not an absolute path", g->by, g->v);
		return -1;
	}
	o->creds.cwd = g->v;
	return 0;
}

int flag_oom(struct opts *o, const struct given *g)
{
	long long v;
	if (decimal_arg(g->by, g->v, -1000, 1000, &v))
		return -1;
	o->creds.oom_score_adj = (int)v;
	o->creds.have |= HAVE_OOM;
	return 0;
}

/* flags: each given flag over what the config said: the user's, the capabilities', then
 * each row's of fields.c, then the rlimits and the environment (lists). */
static int flags(struct opts *o)
{
	struct creds *c = &o->creds;
	const struct cred_flags *f = &o->flags;
	if (f->user.v && user_flag(c, &f->user, f->groups.v != NULL))
		return -1;
	if (f->groups.v && groups_flag(c, &f->groups))
		return -1;
	if (CFG_CAPS && caps_flags(c, f))
		return -1;
	for (size_t i = 0; i < N_FIELDS; i++)
		if (f->field[i].by && fields[i].flag && fields[i].flag(o, &f->field[i]))
			return -1;
	for (size_t i = 0; CFG_RLIMITS && i < f->nrlimits; i++)
		if (rlimit_list(c, &f->rlimits[i]))
			return -1;
	for (size_t i = 0; i < f->nenv; i++)
		if (env_set(o, f->env[i]) < 0) {
			if (errno == EINVAL)
				say(L_ERR, "--env: '%s' is not KEY=VALUE", f->env[i]);
			return -1;
		}
	return 0;
}

/* can_switch: ids or groups asked of an ocinit that cannot switch them (an image's USER
 * kept, so that ocinit is not root) get one line that says what to do, before the
 * capability warnings and the setgroups EPERM that would follow. */
static int can_switch(const struct creds *c)
{
	struct __user_cap_header_struct h = { _LINUX_CAPABILITY_VERSION_3, 0 };
	struct __user_cap_data_struct d[2];
	const unsigned need = 1u << CAP_SETUID | 1u << CAP_SETGID;
	uid_t self = geteuid();
	if (!(c->have & (HAVE_USER | HAVE_GROUPS)) ||
	    (syscall(SYS_capget, &h, d) == 0 && (d[0].effective & need) == need))
		return 0;
	if (self)
		say(L_ERR, "ocinit runs as uid %u, not root, and cannot switch users or groups: run it "
		    "as root (no USER in the image) and name the user with --user", (unsigned)self);
	else
		say(L_ERR, "ocinit lacks CAP_SETUID or CAP_SETGID and cannot switch users or groups");
	return -1;
}

static int cmp_gid(const void *a, const void *b)
{
	gid_t x = *(const gid_t *)a, y = *(const gid_t *)b;
	return x < y ? -1 : x > y;
}

/* unique_groups: each supplementary group once, sorted as the kernel keeps them (runc
 * removes duplicates too, and the read-back compares with getgroups). */
static void unique_groups(struct creds *c)
{
	size_t n = 0;
	sort(c->groups, c->ngroups, sizeof *c->groups, cmp_gid);
	for (size_t i = 0; i < c->ngroups; i++)
		if (!n || c->groups[n - 1] != c->groups[i])
			c->groups[n++] = c->groups[i];
	c->ngroups = n;
}

int resolve(struct opts *o)
{
	if (CFG_CREDS) {
		/* room for supplementary groups only when something may set them */
		if ((o->flags.oci || o->flags.user.v || o->flags.groups.v) &&
		    !(o->creds.groups = mem_alloc(MAX_GROUPS * sizeof *o->creds.groups)))
			return say(L_ERR, "out of memory"), -1;
		if (CFG_OCI && o->flags.oci && oci_load(o, o->flags.oci) < 0)
			return -1;
		if (env_for_child(o) < 0 || flags(o) < 0 || home_for_user(o) < 0 || env_done(o) < 0)
			return -1;
		unique_groups(&o->creds);
		if (!o->flags.print && can_switch(&o->creds))
			return -1;
		if (CFG_CAPS && (o->creds.have & HAVE_CAPS) && caps_check(&o->creds, o->flags.strict))
			return -1;
	} else if (env_for_child(o) < 0) { /* still: the child never sees OCINIT_* */
		return -1;
	}
	if (!o->argv || !o->argv[0]) {
		say(L_ERR, "no command given: neither COMMAND nor process.args (see --help)");
		return -1;
	}
	return 0;
}
