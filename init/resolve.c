/* resolve.c: everything the child will be, decided before it exists. In order: the config
 * file (oci.c), then each flag over it (names by users.c), HOME, the capability checks. Nothing here
 * changes the process; every error is one line and leaves nothing applied. */
#include <errno.h>
#include <string.h>

#include "ocinit.h"

static int caps_flags(struct creds *c, const struct cred_flags *f)
{
	char flag[32];
	capmask m;
	if (f->caps_docker) {
		if (cap_parse_list("--caps", f->caps_docker, &m))
			return -1;
		c->caps[CS_BOUNDING] = c->caps[CS_PERMITTED] = c->caps[CS_EFFECTIVE] = m;
		c->caps[CS_INHERITABLE] = c->caps[CS_AMBIENT] = 0;
		c->have |= HAVE_CAPS;
	}
	for (int i = 0; i < N_CAPSETS; i++)
		if (f->caps[i]) {
			fmt(flag, sizeof flag, "--cap-%s", capset_name[i]);
			if (cap_parse_list(flag, f->caps[i], &c->caps[i]))
				return -1;
			c->have |= HAVE_CAPS;
		}
	return 0;
}

/* rlimit_flag: NAME=SOFT[:HARD], each a number or "unlimited"; HARD defaults to SOFT. */
static int rlimit_flag(struct creds *c, const char *spec)
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
		say(L_ERR, "--rlimit: %s is not a known rlimit", name);
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
		say(L_ERR, "--rlimit %s: soft exceeds hard", spec);
		return -1;
	}
	return rlimit_add(c, res, v[0], v[1], 1);
bad:
	say(L_ERR, "--rlimit: '%s' is not NAME=SOFT[:HARD]", spec);
	return -1;
}

/* flags: each given flag over what the config said. */
static int flags(struct opts *o)
{
	struct creds *c = &o->creds;
	const struct cred_flags *f = &o->flags;
	long long v;
	if (f->user && user_flag(c, f->user, f->groups != NULL))
		return -1;
	if (f->groups && groups_flag(c, f->groups))
		return -1;
	if (f->umask) {
		unsigned long long m;
		if (parse_uint(f->umask, 8, 0777, &m)) {
			say(L_ERR, "--umask: '%s' is not an octal mode 0..0777", f->umask);
			return -1;
		}
		c->umask = (mode_t)m;
		c->have |= HAVE_UMASK;
	}
	if (CFG_CAPS && caps_flags(c, f))
		return -1;
	if (f->nnp)
		c->have |= HAVE_NNP;
	for (size_t i = 0; CFG_RLIMITS && i < f->nrlimits; i++)
		if (rlimit_flag(c, f->rlimits[i]))
			return -1;
	if (f->cwd) {
		if (f->cwd[0] != '/') {
			say(L_ERR, "--cwd: %s is not an absolute path", f->cwd);
			return -1;
		}
		c->cwd = f->cwd;
	}
	if (f->oom) {
		if (decimal_arg("--oom-score-adj", f->oom, -1000, 1000, &v))
			return -1;
		c->oom_score_adj = (int)v;
		c->have |= HAVE_OOM;
	}
	for (size_t i = 0; i < f->nenv; i++)
		if (env_set(o, f->env[i]) < 0) {
			if (errno == EINVAL)
				say(L_ERR, "--env: '%s' is not KEY=VALUE", f->env[i]);
			return -1;
		}
	return 0;
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
		if ((o->flags.oci || o->flags.user || o->flags.groups) &&
		    !(o->creds.groups = mem_alloc(MAX_GROUPS * sizeof *o->creds.groups)))
			return say(L_ERR, "out of memory"), -1;
		if (CFG_OCI && o->flags.oci && oci_load(o, o->flags.oci) < 0)
			return -1;
		if (env_for_child(o) < 0 || flags(o) < 0 || home_for_user(o) < 0 || env_done(o) < 0)
			return -1;
		unique_groups(&o->creds);
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
