/* oci.c: the `process` object of an OCI config.json (or a bare process object) into
 * struct opts. Every error names the file, the JSON path and the byte (1-based):
 *   ocinit: cfg.json: process.user.uid: 4294967295 is out of range (byte 57) */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include "json.h"
#include "ocinit.h"

#define MAX_CONFIG_SIZE (1u << 20)

struct walk {
	const char *file;
	struct opts *o;
};

static int bad(const struct walk *w, const char *path, size_t off, const char *f, ...)
	__attribute__((format(printf, 4, 5)));
static int bad(const struct walk *w, const char *path, size_t off, const char *f, ...)
{
	char msg[512];
	va_list ap;
	va_start(ap, f);
	vfmt(msg, sizeof msg, f, ap);
	va_end(ap);
	say(L_ERR, "%s: %s: %s (byte %lu)", w->file, path, msg, (unsigned long)off + 1);
	return -1;
}

/* join: "parent.key" (just "key" at the top) or "parent[i]" into buf. */
static const char *join(char *buf, const char *parent, const char *key, long index)
{
	if (key)
		fmt(buf, 256, "%s%s%s", parent, *parent ? "." : "", key);
	else
		fmt(buf, 256, "%s[%ld]", parent, index);
	return buf;
}

static const struct jnode *member(const struct jnode *obj, const char *key)
{
	for (const struct jnode *m = obj->child; m; m = m->next)
		if (m->key_len == strlen(key) && !memcmp(m->key, key, m->key_len))
			return m;
	return NULL;
}

static int key_cmp(const void *a, const void *b)
{
	const struct jnode *x = *(const struct jnode *const *)a, *y = *(const struct jnode *const *)b;
	size_t n = x->key_len < y->key_len ? x->key_len : y->key_len;
	int r = memcmp(x->key, y->key, n);
	return r ? r : x->key_len < y->key_len ? -1 : x->key_len > y->key_len;
}

/* no_duplicates: every object in the tree, each key once. */
static int no_duplicates(const struct walk *w, const struct jnode *n, const char *path)
{
	char sub[256];
	size_t count = 0, i = 0;
	long index = 0;
	for (const struct jnode *c = n->child; c; c = c->next, index++) {
		count++;
		if (no_duplicates(w, c, n->type == J_OBJECT ? join(sub, path, c->key, 0) : join(sub, path, NULL, index)))
			return -1;
	}
	if (n->type != J_OBJECT || count < 2)
		return 0;
	const struct jnode **keys = malloc(count * sizeof *keys);
	if (!keys)
		return bad(w, path, n->off, "out of memory");
	for (const struct jnode *c = n->child; c; c = c->next)
		keys[i++] = c;
	qsort(keys, count, sizeof *keys, key_cmp);
	for (i = 1; i < count && key_cmp(&keys[i - 1], &keys[i]); i++)
		;
	const struct jnode *dup = i < count ? keys[i] : NULL;
	free(keys);
	return dup ? bad(w, path, dup->key_off, "key \"%s\" is given twice", dup->key) : 0;
}

static int want(const struct walk *w, const struct jnode *n, const char *path, enum jtype t)
{
	static const char *const what[] = { "null", "a boolean", "a boolean", "a number",
					    "a string", "an array", "an object" };
	if (n->type == t || (t == J_TRUE && n->type == J_FALSE))
		return 0;
	return bad(w, path, n->off, "expected %s", what[t]);
}

/* uint_of: an integer in 0..max, no sign, fraction or exponent. */
static int uint_of(const struct walk *w, const struct jnode *n, const char *path,
		   unsigned long long max, unsigned long long *v)
{
	if (want(w, n, path, J_NUMBER))
		return -1;
	if (strspn(n->str, "0123456789") != n->len)
		return bad(w, path, n->off, "%s is not a non-negative integer", n->str);
	*v = 0;
	for (const char *c = n->str; *c; c++) {
		unsigned d = (unsigned)(*c - '0');
		if (*v > (max - d) / 10)
			return bad(w, path, n->off, "%s is out of range", n->str);
		*v = *v * 10 + d;
	}
	return 0;
}

/* string_of: a string without NUL bytes. */
static int string_of(const struct walk *w, const struct jnode *n, const char *path, const char **s)
{
	if (want(w, n, path, J_STRING))
		return -1;
	if (strlen(n->str) != n->len)
		return bad(w, path, n->off, "contains a NUL byte");
	*s = n->str;
	return 0;
}

/* strings_of: an array of strings into a new NULL-terminated vector. */
static int strings_of(const struct walk *w, const struct jnode *n, const char *path, char ***out)
{
	char sub[256];
	size_t count = 0, i = 0;
	if (want(w, n, path, J_ARRAY))
		return -1;
	for (const struct jnode *c = n->child; c; c = c->next)
		count++;
	if (!(*out = calloc(count + 1, sizeof **out)))
		return bad(w, path, n->off, "out of memory");
	for (const struct jnode *c = n->child; c; c = c->next, i++)
		if (string_of(w, c, join(sub, path, NULL, (long)i), (const char **)&(*out)[i]))
			return -1;
	return 0;
}

static int user(const struct walk *w, const struct jnode *u, struct creds *c)
{
	const struct jnode *n;
	unsigned long long v;
	char sub[256];
	if (want(w, u, "process.user", J_OBJECT))
		return -1;
	static const char *const ids[] = { "uid", "gid" };
	for (int i = 0; i < 2; i++) {
		if (!(n = member(u, ids[i])))
			return bad(w, "process.user", u->off, "\"%s\" is missing", ids[i]);
		if (uint_of(w, n, join(sub, "process.user", ids[i], 0), 4294967294ULL, &v))
			return -1;
		if (i == 0) c->uid = (uid_t)v; else c->gid = (gid_t)v;
	}
	if ((n = member(u, "umask"))) {
		if (uint_of(w, n, "process.user.umask", 0777, &v))
			return -1;
		c->umask = (mode_t)v;
	}
	if ((n = member(u, "additionalGids"))) {
		size_t i = 0;
		if (want(w, n, "process.user.additionalGids", J_ARRAY))
			return -1;
		for (const struct jnode *g = n->child; g; g = g->next, i++) {
			if (i >= MAX_GROUPS)
				return bad(w, "process.user.additionalGids", g->off, "more than %d groups", MAX_GROUPS);
			if (uint_of(w, g, join(sub, "process.user.additionalGids", NULL, (long)i), 4294967294ULL, &v))
				return -1;
			c->groups[c->ngroups++] = (gid_t)v;
		}
	}
	return 0;
}

static int capabilities(const struct walk *w, const struct jnode *caps, struct creds *c)
{
	static const char *const sets[N_CAPSETS] = { "bounding", "effective", "permitted",
						     "inheritable", "ambient" };
	char path[256], sub[256];
	if (want(w, caps, "process.capabilities", J_OBJECT))
		return -1;
	for (int i = 0; i < N_CAPSETS; i++) {
		const struct jnode *set = member(caps, sets[i]);
		long k = 0;
		if (!set) /* absent means empty, inheritable and ambient included */
			continue;
		if (want(w, set, join(path, "process.capabilities", sets[i], 0), J_ARRAY))
			return -1;
		for (const struct jnode *n = set->child; n; n = n->next, k++) {
			const char *name;
			int cap;
			if (string_of(w, n, join(sub, path, NULL, k), &name))
				return -1;
			if ((cap = cap_by_name(name)) < 0 || cap > 63)
				return bad(w, sub, n->off, "%s is not a known capability", name);
			c->caps[i] |= 1ULL << cap;
		}
	}
	return 0;
}

static int rlimits(const struct walk *w, const struct jnode *arr, struct creds *c)
{
	char path[256], sub[256];
	long k = 0;
	if (want(w, arr, "process.rlimits", J_ARRAY))
		return -1;
	for (const struct jnode *r = arr->child; r; r = r->next, k++) {
		const struct jnode *t, *soft, *hard;
		unsigned long long s, h;
		const char *name;
		int res;
		join(path, "process.rlimits", NULL, k);
		if (want(w, r, path, J_OBJECT))
			return -1;
		if (!(t = member(r, "type")) || !(soft = member(r, "soft")) || !(hard = member(r, "hard")))
			return bad(w, path, r->off, "needs \"type\", \"soft\" and \"hard\"");
		if (string_of(w, t, join(sub, path, "type", 0), &name))
			return -1;
		if (strncmp(name, "RLIMIT_", 7) || (res = rlimit_by_name(name)) < 0)
			return bad(w, sub, t->off, "%s is not a known rlimit", name);
		if (uint_of(w, soft, join(sub, path, "soft", 0), ~0ULL, &s) ||
		    uint_of(w, hard, join(sub, path, "hard", 0), ~0ULL, &h))
			return -1;
		if (s > h)
			return bad(w, path, r->off, "soft %s exceeds hard %s", soft->str, hard->str);
		if (rlimit_add(c, res, s, h, 0) < 0)
			return bad(w, join(sub, path, "type", 0), t->off, "%s is given twice", name);
	}
	return 0;
}

/* process: the fields ocinit applies; those it cannot honour are named in a warning. */
static int process(const struct walk *w, const struct jnode *p)
{
	static const char *const unhonoured[] = { "terminal", "consoleSize", "ioPriority",
		"scheduler", "execCPUAffinity", "commandLine" };
	static const char *const lsm[] = { "apparmorProfile", "selinuxLabel" };
	struct opts *o = w->o;
	struct creds *c = &o->creds;
	const struct jnode *n;
	char **args;
	unsigned long long v;
	char sub[256];
	if (want(w, p, "process", J_OBJECT))
		return -1;
	/* An OCI process always sets user, groups (possibly none), umask and all capability sets. */
	c->have |= HAVE_USER | HAVE_GROUPS | HAVE_UMASK | (CFG_CAPS ? HAVE_CAPS : 0);
	c->umask = 022; /* runc's default */
	if ((n = member(p, "args"))) {
		if (strings_of(w, n, "process.args", &args))
			return -1;
		if (!o->argv) /* a COMMAND on the command line overrides */
			o->argv = args;
	}
	if ((n = member(p, "env"))) {
		long i = 0;
		if (strings_of(w, n, "process.env", &o->envp))
			return -1;
		for (const struct jnode *e = n->child; e; e = e->next, i++)
			if (!strchr(e->str, '=') || e->str[0] == '=')
				return bad(w, join(sub, "process.env", NULL, i), e->off, "\"%s\" is not KEY=VALUE", e->str);
	}
	if ((n = member(p, "cwd")) && string_of(w, n, "process.cwd", &c->cwd))
		return -1;
	if (n && c->cwd[0] != '/')
		return bad(w, "process.cwd", n->off, "%s is not an absolute path", c->cwd);
	if ((n = member(p, "user")) && user(w, n, c))
		return -1;
	if ((n = member(p, "capabilities")) && (CFG_CAPS ? capabilities(w, n, c) : bad(w, "process.capabilities", n->off, "capabilities are not built in")))
		return -1;
	if ((n = member(p, "rlimits")) && (CFG_RLIMITS ? rlimits(w, n, c) : bad(w, "process.rlimits", n->off, "rlimits are not built in")))
		return -1;
	if ((n = member(p, "noNewPrivileges"))) {
		if (want(w, n, "process.noNewPrivileges", J_TRUE))
			return -1;
		if (n->type == J_TRUE)
			c->have |= HAVE_NNP;
	}
	if ((n = member(p, "oomScoreAdj"))) {
		int neg = n->type == J_NUMBER && n->str[0] == '-';
		struct jnode abs = *n;
		abs.str += neg, abs.len -= (size_t)neg;
		if (uint_of(w, &abs, "process.oomScoreAdj", 1000, &v))
			return -1;
		c->oom_score_adj = neg ? -(int)v : (int)v;
		c->have |= HAVE_OOM;
	}
	for (size_t i = 0; i < sizeof lsm / sizeof lsm[0]; i++)
		if ((n = member(p, lsm[i])) && !(n->type == J_STRING && !n->len)) {
			if (!o->flags.ignore_lsm)
				return bad(w, join(sub, "process", lsm[i], 0), n->off,
					   "ocinit cannot apply it (--ignore-lsm runs without it)");
			say(L_WARN, "%s: process.%s is not applied (--ignore-lsm)", w->file, lsm[i]);
		}
	for (size_t i = 0; i < sizeof unhonoured / sizeof unhonoured[0]; i++)
		if ((n = member(p, unhonoured[i])) && n->type != J_FALSE && n->type != J_NULL)
			say(L_WARN, "%s: process.%s is not applied by ocinit", w->file, unhonoured[i]);
	return 0;
}

int oci_load(struct opts *o, const char *file)
{
	struct walk w = { file, o };
	struct jdoc doc;
	struct jerr err;
	char *buf;
	size_t len;
	int r = -1;
	if (read_small_file(file, MAX_CONFIG_SIZE, &buf, &len) < 0) {
		if (errno == ENOENT)
			say(L_ERR, "%s: %s", file, strerror(errno));
		return -1;
	}
	if (json_parse(buf, len, &doc, &err) < 0) {
		say(L_ERR, "%s: invalid JSON: %s (byte %lu)", file, err.msg, (unsigned long)err.off + 1);
		goto out;
	}
	const struct jnode *root = doc.root, *p;
	if (root->type != J_OBJECT) {
		bad(&w, "(top level)", root->off, "expected an object");
	} else {
		/* A config.json has ociVersion or process; anything else is a bare process. */
		int config = member(root, "ociVersion") || member(root, "process");
		p = config ? member(root, "process") : root;
		if (no_duplicates(&w, root, config ? "" : "process") == 0)
			r = p ? process(&w, p) : 0;
	}
	/* Strings stay referenced by o; the tree's nodes are not needed any more. */
	if (r == 0)
		doc.strings = NULL;
	json_free(&doc);
out:
	free(buf);
	return r;
}
