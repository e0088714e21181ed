/* env.c: the child's environment: lookups, KEY=VALUE additions, and the fold that gives
 * each key once — at the place of its first entry, with the value of its last, as in
 * Docker's merge — without ocinit's own variables. Additions only append; the fold sorts,
 * once, so 100k entries cost O(n log n), not O(n^2). */
#include <errno.h>
#include <string.h>

#include "ocinit.h"

static size_t n_env, cap_env; /* o->envp's entries and room, once it is ocinit's own */

const char *env_value(char *const envp[], const char *key)
{
	size_t k = strlen(key);
	for (; envp && *envp; envp++)
		if (!strncmp(*envp, key, k) && (*envp)[k] == '=')
			return *envp + k + 1;
	return NULL;
}

/* append: kv at the end of ocinit's own block; -1 (ENOMEM) when it cannot grow. */
static int append(struct opts *o, char *kv)
{
	if (n_env + 2 > cap_env) {
		size_t cap = cap_env ? 2 * cap_env : 64;
		char **e = mem_grow(o->envp, cap * sizeof *e);
		if (!e)
			return -1;
		o->envp = e, cap_env = cap;
	}
	o->envp[n_env++] = kv;
	o->envp[n_env] = NULL;
	return 0;
}

/* own: o->envp as a block of ocinit's own, ocinit's variables left out. */
static int own(struct opts *o)
{
	char **src = o->envp;
	o->envp = NULL, n_env = cap_env = 0;
	if (append(o, NULL) < 0) /* an empty environment is still a block */
		return -1;
	n_env = 0;
	for (; src && *src; src++) /* the variables ocinit reads: the child never sees them */
		if (!option_variable(*src) && strchr(*src, '=') && **src != '=' && append(o, *src) < 0)
			return -1;
	o->env_owned = 1;
	return 0;
}

struct slot {
	const char *kv;
	size_t key, pos; /* the key's length; the entry's place */
};

static int same_key(const struct slot *x, const struct slot *y)
{
	return x->key == y->key && !memcmp(x->kv, y->kv, x->key);
}

/* by_key: slots by key, then by place. */
static int by_key(const void *a, const void *b)
{
	const struct slot *x = a, *y = b;
	size_t k = x->key < y->key ? x->key : y->key;
	int c = memcmp(x->kv, y->kv, k);
	if (!c)
		c = x->key < y->key ? -1 : x->key > y->key;
	return c ? c : x->pos < y->pos ? -1 : x->pos > y->pos;
}

/* fold: each key once, at its first entry's place with its last entry's value. */
static int fold(struct opts *o)
{
	struct slot *s = mem_alloc((n_env ? n_env : 1) * sizeof *s);
	size_t n = 0;
	if (!s)
		return -1;
	for (size_t i = 0; i < n_env; i++)
		s[i] = (struct slot){ o->envp[i], strcspn(o->envp[i], "="), i };
	sort(s, n_env, sizeof *s, by_key);
	for (size_t i = 0; i < n_env;) {
		size_t j = i;
		while (j + 1 < n_env && same_key(&s[j + 1], &s[i]))
			j++;
		o->envp[s[i].pos] = (char *)s[j].kv; /* the last value, at the first place */
		for (size_t d = i + 1; d <= j; d++)
			o->envp[s[d].pos] = NULL; /* later duplicates go */
		i = j + 1;
	}
	mem_free(s);
	for (size_t i = 0; i < n_env; i++) /* close the gaps, in order */
		if (o->envp[i])
			o->envp[n++] = o->envp[i];
	o->envp[n_env = n] = NULL;
	return 0;
}

/* strip: ocinit's variables out of the inherited environment, in place (no allocation,
 * for builds without CREDS, which never add to it). */
static int strip(struct opts *o)
{
	char **to = o->envp;
	for (char **e = o->envp; *e; e++)
		if (!option_variable(*e))
			*to++ = *e;
	*to = NULL;
	return 0;
}

static int out_of_memory(void)
{
	say(L_ERR, "the child's environment: %m");
	return -1;
}

int env_for_child(struct opts *o)
{
	/* The common case, an inherited environment with none of ocinit's variables, is
	 * passed on untouched: one pass over it, no copy. */
	int copy = o->env_from_config;
	for (char **e = o->envp; !copy && e && *e; e++)
		copy = !strncmp(*e, "OCINIT_", 7) && option_variable(*e);
	if (!copy)
		return 0;
	if (!CFG_CREDS)
		return strip(o);
	return own(o) < 0 ? out_of_memory() : 0;
}

int env_set(struct opts *o, const char *kv)
{
	size_t k = strcspn(kv, "=");
	if (!kv[k] || !k) {
		errno = EINVAL;
		return -1;
	}
	if ((!o->env_owned && own(o) < 0) || append(o, (char *)kv) < 0) {
		out_of_memory();
		return errno = ENOMEM, -1;
	}
	return 0;
}

int env_done(struct opts *o)
{
	return o->env_owned && fold(o) < 0 ? out_of_memory() : 0;
}
