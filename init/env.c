/* env.c: the child's environment: lookups, KEY=VALUE replacement (the last one wins, as
 * in Docker's merge), and the fresh copy the child gets without ocinit's own variables. */
#include <string.h>

#include "ocinit.h"

const char *env_value(char *const envp[], const char *key)
{
	size_t k = strlen(key);
	for (; envp && *envp; envp++)
		if (!strncmp(*envp, key, k) && (*envp)[k] == '=')
			return *envp + k + 1;
	return NULL;
}

/* env_put: later entries win, as with Docker's merge; an entry without '=' is refused.
 * *envp must be ocinit's own block (see env_set). */
static int env_put(char ***envp, const char *kv)
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
	if (!(e = mem_grow(e, (n + 2) * sizeof *e)))
		return -1;
	e[n] = (char *)kv;
	e[n + 1] = NULL;
	*envp = e;
	return 0;
}

/* rebuild: a fresh copy of o->envp, duplicates folded, ocinit's variables removed. */
static int rebuild(struct opts *o)
{
	char **src = o->envp, **out = mem_alloc(sizeof *out);
	if (!out)
		return -1;
	for (; src && *src; src++) /* the variables ocinit reads: the child never sees them */
		if (!option_variable(*src) && strchr(*src, '=') && env_put(&out, *src) < 0)
			return -1;
	o->envp = out;
	o->env_owned = 1;
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

int env_for_child(struct opts *o)
{
	/* The common case, an inherited environment with none of ocinit's variables, is
	 * passed on untouched: one pass over it, no copy. */
	int copy = o->env_from_config;
	for (char **e = o->envp; !copy && e && *e; e++)
		copy = !strncmp(*e, "OCINIT_", 7) && option_variable(*e);
	return !copy ? 0 : CFG_CREDS ? rebuild(o) : strip(o);
}

int env_set(struct opts *o, const char *kv)
{
	if (!o->env_owned && rebuild(o) < 0)
		return -1;
	return env_put(&o->envp, kv);
}

