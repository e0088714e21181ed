/* jread.c: typed reads from a JSON tree, each error one line naming the file, the JSON
 * path and the byte (1-based): "cfg.json: process.user.uid: 4294967295 is out of range
 * (byte 27)". Integers are plain digits only: no sign, fraction or exponent. */
#include <string.h>

#include "jread.h"
#include "ocinit.h"

int jbad(const struct jctx *w, const char *path, size_t off, const char *f, ...)
{
	char msg[512];
	va_list ap;
	va_start(ap, f);
	vfmt(msg, sizeof msg, f, ap);
	va_end(ap);
	if (w)
		say(L_ERR, "%s: %s: %s (byte %lu)", w->file, path, msg, (unsigned long)off + 1);
	else /* a flag's or variable's value, by the same readers */
		say(L_ERR, "%s: %s", path, msg);
	return -1;
}

const char *jpath(char *buf, const char *parent, const char *key, long index)
{
	if (key)
		fmt(buf, 256, "%s%s%s", parent, *parent ? "." : "", key);
	else
		fmt(buf, 256, "%s[%ld]", parent, index);
	return buf;
}

const struct jnode *jmember(const struct jnode *obj, const char *key)
{
	size_t k = strlen(key);
	for (const struct jnode *m = obj->child; m; m = m->next)
		if (m->key_len == k && !memcmp(m->key, key, k))
			return m;
	return NULL;
}

/* key_cmp: by name; same_key: equal names. key_order: by name, then by place in the
 * file, so that a key given twice is reported where it is repeated, whatever the sort. */
static int key_cmp(const struct jnode *x, const struct jnode *y)
{
	size_t n = x->key_len < y->key_len ? x->key_len : y->key_len;
	int r = memcmp(x->key, y->key, n);
	return r ? r : x->key_len < y->key_len ? -1 : x->key_len > y->key_len;
}

static int key_order(const void *a, const void *b)
{
	const struct jnode *x = *(const struct jnode *const *)a, *y = *(const struct jnode *const *)b;
	int r = key_cmp(x, y);
	return r ? r : x->key_off < y->key_off ? -1 : x->key_off > y->key_off;
}

int jno_duplicates(const struct jctx *w, const struct jnode *n, const char *path)
{
	char sub[256];
	size_t count = 0, i = 0;
	long index = 0;
	for (const struct jnode *c = n->child; c; c = c->next, index++) {
		count++;
		/* (a path only where there can be a duplicate below: formatting one for every
		 * scalar was a third of a config's reading) */
		if ((c->type == J_OBJECT || c->type == J_ARRAY) &&
		    jno_duplicates(w, c, n->type == J_OBJECT ? jpath(sub, path, c->key, 0) : jpath(sub, path, NULL, index)))
			return -1;
	}
	if (n->type != J_OBJECT || count < 2)
		return 0;
	/* an object of a config has a few keys: those are sorted on the stack */
	const struct jnode *few[16], **keys = count <= 16 ? few : mem_alloc(count * sizeof *keys);
	if (!keys)
		return jbad(w, path, n->off, "out of memory");
	for (const struct jnode *c = n->child; c; c = c->next)
		keys[i++] = c;
	sort(keys, count, sizeof *keys, key_order);
	for (i = 1; i < count && key_cmp(keys[i - 1], keys[i]); i++)
		;
	const struct jnode *dup = i < count ? keys[i] : NULL;
	if (keys != few)
		mem_free(keys);
	return dup ? jbad(w, path, dup->key_off, "key \"%s\" is given twice", dup->key) : 0;
}

int jwant(const struct jctx *w, const struct jnode *n, const char *path, enum jtype t)
{
	static const char what[][10] = { "null", "a boolean", "a boolean", "a number",
					 "a string", "an array", "an object" };
	if (n->type == t || (t == J_TRUE && n->type == J_FALSE))
		return 0;
	return jbad(w, path, n->off, "expected %s", what[t]);
}

/* uint_of: an integer in 0..max, no sign, fraction or exponent. */
int juint(const struct jctx *w, const struct jnode *n, const char *path,
		   unsigned long long max, unsigned long long *v)
{
	if (jwant(w, n, path, J_NUMBER))
		return -1;
	if (strspn(n->str, "0123456789") != n->len)
		return jbad(w, path, n->off, "%s is not a non-negative integer", n->str);
	if (scan_uint(n->str, 10, max, v) != n->len) /* args.c's scanner: the one there is */
		return jbad(w, path, n->off, "%s is out of range", n->str);
	return 0;
}

int jint(const struct jctx *w, const struct jnode *n, const char *path, long long min,
	 long long max, long long *v)
{
	unsigned long long u;
	int neg = n->type == J_NUMBER && n->str[0] == '-';
	struct jnode abs = *n;
	if (neg) /* (only then: a non-number's str may be NULL) */
		abs.str++, abs.len--;
	if (juint(w, &abs, path, neg ? (unsigned long long)-min : (unsigned long long)max, &u))
		return -1;
	*v = neg ? -(long long)u : (long long)u;
	return 0;
}

int juint_in(const struct jctx *w, const struct jnode *n, const char *parent, const char *key,
	     long index, unsigned long long max, unsigned long long *v)
{
	char path[256];
	if (n->type == J_NUMBER && scan_uint(n->str, 10, max, v) == n->len)
		return 0;
	return juint(w, n, jpath(path, parent, key, index), max, v);
}

int jstring_in(const struct jctx *w, const struct jnode *n, const char *parent, const char *key,
	       long index, const char **s)
{
	char path[256];
	if (n->type == J_STRING && strlen(n->str) == n->len)
		return *s = n->str, 0;
	return jstring(w, n, jpath(path, parent, key, index), s);
}

/* string_of: a string without NUL bytes. */
int jstring(const struct jctx *w, const struct jnode *n, const char *path, const char **s)
{
	if (jwant(w, n, path, J_STRING))
		return -1;
	if (strlen(n->str) != n->len)
		return jbad(w, path, n->off, "contains a NUL byte");
	*s = n->str;
	return 0;
}

/* strings_of: an array of strings into a new NULL-terminated vector. */
int jstrings(const struct jctx *w, const struct jnode *n, const char *path, char ***out)
{
	char sub[256];
	size_t count = 0, i = 0;
	if (jwant(w, n, path, J_ARRAY))
		return -1;
	for (const struct jnode *c = n->child; c; c = c->next)
		count++;
	if (!(*out = mem_alloc((count + 1) * sizeof **out)))
		return jbad(w, path, n->off, "out of memory");
	for (const struct jnode *c = n->child; c; c = c->next, i++) {
		if (c->type == J_STRING && strlen(c->str) == c->len) { /* the path only for errors */
			(*out)[i] = (char *)c->str;
			continue;
		}
		if (jstring(w, c, jpath(sub, path, NULL, (long)i), (const char **)&(*out)[i]))
			return -1;
	}
	return 0;
}
