/* users.c: -u USER[:GROUP], --groups and HOME, resolved with runc's (and Docker's) rules
 * from the /etc/passwd and /etc/group of the root ocinit runs in (passwd.c reads them). */
#include <string.h>

#include "ocinit.h"

#define PASSWD "/etc/passwd"
#define GROUP "/etc/group"

/* The passwd entry of the last uid looked up (found 1) or known to have none (found 0):
 * -u and HOME ask about the same uid, and one read of the file answers both. */
static struct {
	int known, found;
	uid_t uid;
	struct pwent pw;
} last;

/* passwd_by_uid: passwd_find by uid, once per uid. */
static int passwd_by_uid(uid_t uid, struct pwent *pw)
{
	if (!last.known || last.uid != uid)
		return passwd_find(PASSWD, NULL, uid, pw);
	*pw = last.pw;
	return last.found;
}

/* remember: what a lookup of uid found (found 0 or 1; errors are not remembered). */
static void remember(uid_t uid, int found, const struct pwent *pw)
{
	if (found < 0)
		return;
	last.known = 1;
	last.uid = uid;
	last.found = found;
	if (found)
		last.pw = *pw;
}

/* group_id: a group name or number. */
static int group_id(const char *what, const char *g, gid_t *gid)
{
	long long v;
	int r;
	if (all_digits(g)) {
		if (decimal_arg(what, g, 0, 4294967294LL, &v))
			return -1;
		*gid = (gid_t)v;
		return 0;
	}
	if ((r = group_find(GROUP, g, gid)) == 0)
		say(L_ERR, "%s: group %s is not in %s", what, g, GROUP);
	return r == 1 ? 0 : -1;
}

/* add_primary: the primary gid among the supplementary groups too, as Docker, podman and
 * containerd do since CVE-2022-36109 / CVE-2022-2989 / CVE-2023-25173: a process must not
 * be able to shed its primary group (setgroups) and get past a group-denying mode. */
static int add_primary(struct creds *c, const char *by)
{
	for (size_t i = 0; i < c->ngroups; i++)
		if (c->groups[i] == c->gid)
			return 0;
	if (c->ngroups >= MAX_GROUPS) { /* never dropped silently */
		say(L_ERR, "%s: more than %d groups with the primary gid %u", by, MAX_GROUPS, (unsigned)c->gid);
		return -1;
	}
	c->groups[c->ngroups++] = c->gid;
	return 0;
}

/* user_flag: -u USER[:GROUP], with runc's (and Docker's) lookup rules. */
int user_flag(struct creds *c, const struct given *given, int groups_given)
{
	char u[256];
	const char *spec = given->v, *by = given->by, *g = strchr(spec, ':');
	size_t n = g ? (size_t)(g - spec) : strlen(spec);
	struct pwent pw;
	long long v;
	int found;
	if (!n || n >= sizeof u || (g && !g[1])) {
		say(L_ERR, "%s: '%s' is not USER[:GROUP]", by, spec);
		return -1;
	}
	memcpy(u, spec, n);
	u[n] = 0;
	if (all_digits(u)) { /* always a number, never a name */
		if (decimal_arg(by, u, 0, 4294967294LL, &v))
			return -1;
		found = passwd_by_uid((uid_t)v, &pw);
		remember((uid_t)v, found, &pw);
		c->uid = (uid_t)v;
		c->gid = found == 1 ? pw.gid : 0;
	} else {
		if ((found = passwd_find(PASSWD, u, 0, &pw)) == 0)
			say(L_ERR, "%s: user %s is not in %s", by, u, PASSWD);
		if (found != 1)
			return -1;
		remember(pw.uid, found, &pw);
		c->uid = pw.uid;
		c->gid = pw.gid;
	}
	if (found < 0 || (g && group_id(by, g + 1, &c->gid)))
		return -1;
	c->have |= HAVE_USER | HAVE_GROUPS | HAVE_FLAG_USER;
	if (groups_given) /* --groups replaces the whole list, primary gid or not */
		return 0;
	if (!g && found == 1 && group_memberships(GROUP, pw.name, c) < 0)
		return -1;
	return add_primary(c, by);
}

int groups_flag(struct creds *c, const struct given *given)
{
	char g[256];
	const char *list = given->v, *p = *list ? list : NULL; /* "": no groups at all */
	int r;
	c->ngroups = 0;
	c->have |= HAVE_GROUPS;
	while ((r = list_next(&p, g, sizeof g)) > 0 && c->ngroups < MAX_GROUPS)
		if (group_id(given->by, g, &c->groups[c->ngroups++]))
			return -1;
	if (r == 0)
		return 0;
	say(L_ERR, "%s: '%s' is not a list of at most %d groups", given->by, list, MAX_GROUPS);
	return -1;
}

/* home_for_user: HOME from passwd for the target uid ("/" when it has none). With -u it
 * replaces what the environment says (as gosu and su-exec do: the image's HOME was the old
 * user's), unless --env HOME= gave one; for a config's user, runc's rule: only when HOME is
 * unset or empty. */
int home_for_user(struct opts *o)
{
	struct pwent pw;
	int found;
	const char *home = env_value(o->envp, "HOME");
	if (!(o->creds.have & HAVE_USER))
		return 0;
	if (o->creds.have & HAVE_FLAG_USER) {
		for (size_t i = 0; i < o->flags.nenv; i++)
			if (!strncmp(o->flags.env[i], "HOME=", 5))
				return 0;
	} else if (home && *home) {
		return 0;
	}
	if ((found = passwd_by_uid(o->creds.uid, &pw)) < 0)
		return -1;
	char *kv = mem_alloc(sizeof pw.home + 6);
	if (!kv)
		return say(L_ERR, "HOME: %m"), -1;
	fmt(kv, sizeof pw.home + 6, "HOME=%s", found == 1 && pw.home[0] ? pw.home : "/");
	return env_set(o, kv);
}

