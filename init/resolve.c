/* resolve.c: everything the child will be, decided before it exists. In order: the config
 * file, then each flag over it, then names, HOME and the capability checks. Nothing here
 * changes the process; every error is one line and leaves nothing applied. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "ocinit.h"

#define PASSWD "/etc/passwd"
#define GROUP "/etc/group"

extern char **environ;

/* Variables ocinit reads; the child never sees them. */
static const char *const own_vars[] = { "OCINIT_OCI" };

const char *env_value(char *const envp[], const char *key)
{
	size_t k = strlen(key);
	for (; envp && *envp; envp++)
		if (!strncmp(*envp, key, k) && (*envp)[k] == '=')
			return *envp + k + 1;
	return NULL;
}

/* env_put: later entries win, as with Docker's merge; an entry without '=' is refused. */
int env_put(char ***envp, const char *kv)
{
	size_t k = strcspn(kv, "="), n = 0;
	char **e = *envp;
	if (!kv[k] || !k)
		return -1;
	for (; e && e[n]; n++)
		if (!strncmp(e[n], kv, k + 1)) {
			e[n] = (char *)kv;
			return 0;
		}
	if (!(e = realloc(e, (n + 2) * sizeof *e)))
		return -1;
	e[n] = (char *)kv;
	e[n + 1] = NULL;
	*envp = e;
	return 0;
}

/* child_env: a fresh environment from src, duplicates folded, ocinit's variables removed. */
static int child_env(struct opts *o)
{
	char **src = o->envp, **out = calloc(1, sizeof *out);
	if (!out)
		return -1;
	for (; src && *src; src++) {
		int own = 0;
		for (size_t i = 0; i < sizeof own_vars / sizeof own_vars[0]; i++)
			own |= !strncmp(*src, own_vars[i], strlen(own_vars[i])) &&
			       (*src)[strlen(own_vars[i])] == '=';
		if (!own && strchr(*src, '=') && env_put(&out, *src) < 0)
			return -1;
	}
	o->envp = out;
	return 0;
}

static int all_digits(const char *s)
{
	return *s && strspn(s, "0123456789") == strlen(s);
}

/* number: a decimal in [min, max]; -1 (reported, naming what) if it is not one. */
static int number(const char *what, const char *s, long long min, long long max, long long *v)
{
	int neg = *s == '-';
	unsigned long long u = 0;
	if (!all_digits(s + neg) || strlen(s + neg) > 19)
		goto bad;
	for (const char *c = s + neg; *c; c++)
		u = u * 10 + (unsigned)(*c - '0');
	if (u > 4611686018427387904ULL)
		goto bad;
	*v = neg ? -(long long)u : (long long)u;
	if (*v >= min && *v <= max)
		return 0;
bad:
	say(L_ERR, "%s: %s is not a number in %ld..%ld", what, s, (long)min, (long)max);
	return -1;
}

/* group_id: a group name or number. */
static int group_id(const char *what, const char *g, gid_t *gid)
{
	long long v;
	int r;
	if (all_digits(g)) {
		if (number(what, g, 0, 4294967294LL, &v))
			return -1;
		*gid = (gid_t)v;
		return 0;
	}
	if ((r = group_find(GROUP, g, gid)) == 0)
		say(L_ERR, "%s: group %s is not in %s", what, g, GROUP);
	return r == 1 ? 0 : -1;
}

/* user_flag: -u USER[:GROUP], with runc's (and Docker's) lookup rules. */
static int user_flag(struct creds *c, const char *spec, int groups_given)
{
	char u[256];
	const char *g = strchr(spec, ':');
	size_t n = g ? (size_t)(g - spec) : strlen(spec);
	struct pwent pw;
	long long v;
	int found;
	if (!n || n >= sizeof u || (g && !g[1])) {
		say(L_ERR, "--user: '%s' is not USER[:GROUP]", spec);
		return -1;
	}
	memcpy(u, spec, n);
	u[n] = 0;
	if (all_digits(u)) { /* always a number, never a name */
		if (number("--user", u, 0, 4294967294LL, &v))
			return -1;
		found = passwd_find(PASSWD, NULL, (uid_t)v, &pw);
		c->uid = (uid_t)v;
		c->gid = found == 1 ? pw.gid : 0;
	} else {
		if ((found = passwd_find(PASSWD, u, 0, &pw)) == 0)
			say(L_ERR, "--user: user %s is not in %s", u, PASSWD);
		if (found != 1)
			return -1;
		c->uid = pw.uid;
		c->gid = pw.gid;
	}
	if (found < 0 || (g && group_id("--user", g + 1, &c->gid)))
		return -1;
	c->have |= HAVE_USER | HAVE_GROUPS;
	if (!g && found == 1 && !groups_given)
		return group_memberships(GROUP, pw.name, c);
	return 0;
}

static int groups_flag(struct creds *c, const char *list)
{
	char g[256];
	c->ngroups = 0;
	c->have |= HAVE_GROUPS;
	for (const char *p = list; *p;) {
		size_t n = strcspn(p, ",");
		if (!n || n >= sizeof g || c->ngroups >= MAX_GROUPS) {
			say(L_ERR, "--groups: '%s' is not a list of groups", list);
			return -1;
		}
		memcpy(g, p, n);
		g[n] = 0;
		if (group_id("--groups", g, &c->groups[c->ngroups++]))
			return -1;
		p += n + (p[n] == ',');
	}
	return 0;
}

static int caps_flags(struct creds *c, const struct cred_flags *f)
{
	static const char *const flag[N_CAPSETS] = { "--cap-bounding", "--cap-effective",
		"--cap-permitted", "--cap-inheritable", "--cap-ambient" };
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
			if (cap_parse_list(flag[i], f->caps[i], &c->caps[i]))
				return -1;
			c->have |= HAVE_CAPS;
		}
	return 0;
}

/* rlimit_flag: NAME=SOFT[:HARD], each a number or "unlimited"; HARD defaults to SOFT. */
static int rlimit_flag(struct creds *c, const char *spec)
{
	char name[32], val[2][24];
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
		size_t n = strcspn(p, ":");
		if (!n || n >= sizeof val[i])
			goto bad;
		memcpy(val[i], p, n);
		val[i][n] = 0;
		if (!strcmp(val[i], "unlimited"))
			v[i] = ~0ULL;
		else if (!all_digits(val[i]) || strlen(val[i]) > 20 ||
			 (strlen(val[i]) == 20 && strcmp(val[i], "18446744073709551615") > 0))
			goto bad;
		else
			v[i] = strtoull(val[i], NULL, 10);
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
		if (strspn(f->umask, "01234567") != strlen(f->umask) || !*f->umask ||
		    strlen(f->umask) > 4 || strtol(f->umask, NULL, 8) > 0777) {
			say(L_ERR, "--umask: '%s' is not an octal mode 0..0777", f->umask);
			return -1;
		}
		c->umask = (mode_t)strtol(f->umask, NULL, 8);
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
		if (number("--oom-score-adj", f->oom, -1000, 1000, &v))
			return -1;
		c->oom_score_adj = (int)v;
		c->have |= HAVE_OOM;
	}
	for (size_t i = 0; i < f->nenv; i++)
		if (env_put(&o->envp, f->env[i]) < 0) {
			say(L_ERR, "--env: '%s' is not KEY=VALUE", f->env[i]);
			return -1;
		}
	return 0;
}

/* home: HOME from passwd for the target uid when the environment has none, "/" otherwise. */
static int home(struct opts *o)
{
	struct pwent pw;
	int found;
	if (!(o->creds.have & HAVE_USER) || env_value(o->envp, "HOME"))
		return 0;
	if ((found = passwd_find(PASSWD, NULL, o->creds.uid, &pw)) < 0)
		return -1;
	char *kv = malloc(sizeof pw.home + 6);
	if (!kv)
		return -1;
	fmt(kv, sizeof pw.home + 6, "HOME=%s", found == 1 && pw.home[0] ? pw.home : "/");
	return env_put(&o->envp, kv);
}

int resolve(struct opts *o)
{
	if (CFG_CREDS) {
		if (!(o->creds.groups = calloc(MAX_GROUPS, sizeof *o->creds.groups)))
			return say(L_ERR, "out of memory"), -1;
		if (CFG_OCI && o->flags.oci && oci_load(o, o->flags.oci) < 0)
			return -1;
		if (child_env(o) < 0 || flags(o) < 0 || home(o) < 0)
			return -1;
		if (CFG_CAPS && (o->creds.have & HAVE_CAPS) && caps_check(&o->creds, o->flags.strict))
			return -1;
	}
	if (!o->argv || !o->argv[0]) {
		say(L_ERR, "no command given: neither COMMAND nor process.args (see --help)");
		return -1;
	}
	return 0;
}
