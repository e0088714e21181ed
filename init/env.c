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

/* append: kv at the end of ocinit's own block (own() made room for all there will be). */
static int append(struct opts *o, char *kv)
{
	if (n_env + 1 >= cap_env)
		return errno = ENOMEM, -1;
	o->envp[n_env++] = kv;
	o->envp[n_env] = NULL;
	return 0;
}

/* own: o->envp as a block of ocinit's own, ocinit's variables left out, with room for
 * the --env entries and HOME still to come. */
static int own(struct opts *o)
{
	char **src = o->envp;
	size_t n = 0;
	while (src && src[n])
		n++;
	cap_env = n + o->flags.nenv + 2;
	if (!(o->envp = mem_alloc(cap_env * sizeof *o->envp)))
		return -1;
	n_env = 0;
	for (; src && *src; src++) /* the variables ocinit reads: the child never sees them */
		if (!option_variable(*src) && strchr(*src, '=') && **src != '=')
			append(o, *src);
	o->env_owned = 1;
	return 0;
}

static const char **by; /* the entries fold's indices stand for */

/* key_cmp: entries i and j by key alone (a key ends at its '='), in one pass. */
static int key_cmp(size_t i, size_t j)
{
	for (const unsigned char *a = (const void *)by[i], *b = (const void *)by[j];; a++, b++) {
		int x = *a == '=' ? 0 : *a, y = *b == '=' ? 0 : *b;
		if (x != y || !x)
			return x - y;
	}
}

/* by_key: indices by their entry's key, then by place. */
static int by_key(const void *x, const void *y)
{
	size_t i = *(const size_t *)x, j = *(const size_t *)y;
	int c = key_cmp(i, j);
	return c ? c : i < j ? -1 : i > j;
}

/* fold: each key once, at its first entry's place with its last entry's value. */
static int fold(struct opts *o)
{
	size_t *x = mem_alloc((n_env + 1) * sizeof *x), n = 0;
	if (!x)
		return -1;
	by = (const char **)o->envp;
	for (size_t i = 0; i < n_env; i++)
		x[i] = i;
	sort(x, n_env, sizeof *x, by_key);
	for (size_t i = 0, j; i < n_env; i = j + 1) {
		const char *last;
		for (j = i; j + 1 < n_env && !key_cmp(x[j + 1], x[i]); j++)
			;
		last = by[x[j]];
		for (size_t d = i + 1; d <= j; d++)
			o->envp[x[d]] = NULL; /* later duplicates go */
		o->envp[x[i]] = (char *)last; /* the last value, at the first place */
	}
	mem_free(x);
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
