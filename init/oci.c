/* oci.c: the `process` object of an OCI config.json (or a bare process object) into
 * struct opts, through jread.c's typed reads, so every error names file, path and byte. */
#include <errno.h>
#include <string.h>
#include <sys/resource.h>

#include "field.h"

#define MAX_CONFIG_SIZE (1u << 20)

int read_user(const struct jctx *w, const struct jnode *u, struct creds *c)
{
	const struct jnode *n;
	unsigned long long v;
	if (jwant(w, u, "process.user", J_OBJECT))
		return -1;
	static const char *const ids[] = { "uid", "gid" };
	for (int i = 0; i < 2; i++) {
		if (!(n = jmember(u, ids[i])))
			return jbad(w, "process.user", u->off, "\"%s\" is missing", ids[i]);
		if (juint_in(w, n, "process.user", ids[i], 0, 4294967294ULL, &v))
			return -1;
		if (i == 0) c->uid = (uid_t)v; else c->gid = (gid_t)v;
	}
	if ((n = jmember(u, "umask"))) {
		if (juint(w, n, "process.user.umask", 0777, &v))
			return -1;
		c->umask = (mode_t)v;
		c->have |= HAVE_UMASK;
	}
	if ((n = jmember(u, "additionalGids"))) {
		size_t i = 0;
		if (jwant(w, n, "process.user.additionalGids", J_ARRAY))
			return -1;
		for (const struct jnode *g = n->child; g; g = g->next, i++) {
			if (i >= MAX_GROUPS)
				return jbad(w, "process.user.additionalGids", g->off, "more than %d groups", MAX_GROUPS);
			if (juint_in(w, g, "process.user.additionalGids", NULL, (long)i, 4294967294ULL, &v))
				return -1;
			c->groups[c->ngroups++] = (gid_t)v;
		}
	}
	return 0;
}

int read_caps(const struct jctx *w, const struct jnode *caps, struct creds *c)
{
	char path[256], sub[256];
	if (jwant(w, caps, "process.capabilities", J_OBJECT))
		return -1;
	for (int i = 0; i < N_CAPSETS; i++) {
		const struct jnode *set = jmember(caps, capset_name[i]);
		long k = 0;
		if (!set) /* absent means empty, inheritable and ambient included */
			continue;
		/* (the paths are formatted only for a message: most configs need none) */
		if (set->type != J_ARRAY)
			return jwant(w, set, jpath(path, "process.capabilities", capset_name[i], 0), J_ARRAY);
		for (const struct jnode *n = set->child; n; n = n->next, k++) {
			const char *name;
			int cap;
			if (n->type != J_STRING || strlen(n->str) != n->len) {
				jpath(path, "process.capabilities", capset_name[i], 0);
				return jstring(w, n, jpath(sub, path, NULL, k), &name);
			}
			/* A name from a newer runtime-spec or kernel: named and left out, as runc
			 * does, unless --strict. */
			if ((cap = cap_by_name(name = n->str)) >= 0 && cap <= 63) {
				c->caps[i] |= 1ULL << cap;
				continue;
			}
			jpath(path, "process.capabilities", capset_name[i], 0);
			jpath(sub, path, NULL, k);
			if (w->o->flags.strict)
				return jbad(w, sub, n->off, "%s is not a known capability (--strict)", name);
			say(L_WARN, "%s: %s: %s is not a known capability: skipped", w->file, sub, name);
		}
	}
	return 0;
}

int read_rlimits(const struct jctx *w, const struct jnode *arr, struct creds *c)
{
	char path[256], sub[256];
	long k = 0;
	if (jwant(w, arr, "process.rlimits", J_ARRAY))
		return -1;
	for (const struct jnode *r = arr->child; r; r = r->next, k++) {
		const struct jnode *t, *soft, *hard;
		unsigned long long s, h;
		const char *name;
		int res;
		jpath(path, "process.rlimits", NULL, k);
		if (jwant(w, r, path, J_OBJECT))
			return -1;
		if (!(t = jmember(r, "type")) || !(soft = jmember(r, "soft")) || !(hard = jmember(r, "hard")))
			return jbad(w, path, r->off, "needs \"type\", \"soft\" and \"hard\"");
		if (jstring_in(w, t, path, "type", 0, &name))
			return -1;
		if (strncmp(name, "RLIMIT_", 7) || (res = rlimit_by_name(name)) < 0)
			return jbad(w, jpath(sub, path, "type", 0), t->off, "%s is not a known rlimit", name);
		if (juint_in(w, soft, path, "soft", 0, ~0ULL, &s) || juint_in(w, hard, path, "hard", 0, ~0ULL, &h))
			return -1;
		if (s > h)
			return jbad(w, path, r->off, "soft %s exceeds hard %s", soft->str, hard->str);
		if (rlimit_add(c, res, s, h, 0) < 0)
			return jbad(w, jpath(sub, path, "type", 0), t->off, "%s is given twice", name);
	}
	return 0;
}

int read_nnp(const struct jctx *w, const struct jnode *n, struct creds *c)
{
	if (jwant(w, n, "process.noNewPrivileges", J_TRUE))
		return -1;
	if (n->type == J_TRUE)
		c->have |= HAVE_NNP;
	return 0;
}

int read_oom(const struct jctx *w, const struct jnode *n, struct creds *c)
{
	long long v;
	if (jint(w, n, "process.oomScoreAdj", -1000, 1000, &v))
		return -1;
	c->oom_score_adj = (int)v;
	c->have |= HAVE_OOM;
	return 0;
}

int read_cwd(const struct jctx *w, const struct jnode *n, struct creds *c)
{
	if (jstring(w, n, "process.cwd", &c->cwd))
		return -1;
	if (c->cwd[0] != '/')
		return jbad(w, "process.cwd", n->off, "%s is not an absolute path", c->cwd);
	return 0;
}

/* process: args and env, then each member fields.c has a row for; those ocinit cannot
 * honour are named in a warning. */
static int process(const struct jctx *w, const struct jnode *p)
{
	static const char *const unhonoured[] = { "terminal", "consoleSize", "commandLine" };
	struct opts *o = w->o;
	struct creds *c = &o->creds;
	const struct jnode *n;
	char **args;
	char sub[256];
	if (jwant(w, p, "process", J_OBJECT))
		return -1;
	/* An OCI process always sets user, groups (possibly none) and all capability sets; an
	 * absent umask is left as it is, as the spec says (runc and crun would use 0022). */
	c->have |= HAVE_USER | HAVE_GROUPS | (CFG_CAPS ? HAVE_CAPS : 0);
	if ((n = jmember(p, "args"))) {
		if (jstrings(w, n, "process.args", &args))
			return -1;
		if (!o->argv) /* a COMMAND on the command line overrides */
			o->argv = args;
	}
	if ((n = jmember(p, "env"))) {
		long i = 0;
		if (jstrings(w, n, "process.env", &o->envp))
			return -1;
		o->env_owned = o->env_from_config = 1;
		for (const struct jnode *e = n->child; e; e = e->next, i++)
			if (!strchr(e->str, '=') || e->str[0] == '=')
				return jbad(w, jpath(sub, "process.env", NULL, i), e->off, "\"%s\" is not KEY=VALUE", e->str);
	}
	for (size_t i = 0; i < N_FIELDS; i++)
		if (fields[i].json && (n = jmember(p, fields[i].json)) && fields[i].read(w, n, c))
			return -1;
	/* what this build leaves out is refused, not silently dropped */
	static const char *const built_out[] = { CFG_CAPS ? NULL : "capabilities",
		CFG_RLIMITS ? NULL : "rlimits", CFG_SCHED ? NULL : "ioPriority",
		CFG_SCHED ? NULL : "scheduler", CFG_SCHED ? NULL : "execCPUAffinity",
		CFG_LSM ? NULL : "apparmorProfile" };
	for (size_t i = 0; i < sizeof built_out / sizeof built_out[0]; i++)
		if (built_out[i] && (n = jmember(p, built_out[i])) && n->type != J_NULL)
			return jbad(w, jpath(sub, "process", built_out[i], 0), n->off,
				    "not built in (ocinit -V lists the features)");
	for (size_t i = 0; i < sizeof unhonoured / sizeof unhonoured[0]; i++)
		if ((n = jmember(p, unhonoured[i])) && n->type != J_FALSE && n->type != J_NULL)
			say(L_WARN, "%s: process.%s is not applied by ocinit", w->file, unhonoured[i]);
	return 0;
}

int oci_load(struct opts *o, const char *file)
{
	struct jctx w = { file, o };
	struct jdoc doc;
	struct jerr err;
	char *buf;
	size_t len;
	int r = -1;
	if (read_small_file(file, MAX_CONFIG_SIZE, &buf, &len) < 0) {
		if (errno == ENOENT)
			say(L_ERR, "%s: %m", file);
		return -1;
	}
	if (json_parse(buf, len, &doc, &err) < 0) {
		say(L_ERR, "%s: invalid JSON: %s (byte %lu)", file, err.msg, (unsigned long)err.off + 1);
		goto out;
	}
	const struct jnode *root = doc.root, *p;
	if (root->type != J_OBJECT) {
		jbad(&w, "(top level)", root->off, "expected an object");
	} else {
		/* A config.json has ociVersion or process; anything else is a bare process. */
		int config = jmember(root, "ociVersion") || jmember(root, "process");
		p = config ? jmember(root, "process") : root;
		if (jno_duplicates(&w, root, config ? "" : "process") == 0)
			r = p ? process(&w, p) : 0;
	}
	/* Strings stay referenced by o; the tree's nodes are not needed any more. */
	if (r == 0)
		doc.strings = NULL;
	json_free(&doc);
out:
	mem_free(buf);
	return r;
}
