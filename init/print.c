/* print.c: --print, the resolved process as OCI JSON on stdout: what would be applied,
 * after the config, the flags, the names and the capability checks. */
#include <string.h>

#include "field.h"
#include "sys.h"

static char out[4096];
static size_t used;
static int failed;

static void flush(void)
{
	if (used && write_all(1, out, used) < 0)
		failed = 1;
	used = 0;
}

void put(const char *s)
{
	for (; *s; s++) {
		if (used == sizeof out)
			flush();
		out[used++] = *s;
	}
}

void putf(const char *f, ...)
{
	char buf[64];
	va_list ap;
	va_start(ap, f);
	vfmt(buf, sizeof buf, f, ap);
	va_end(ap);
	put(buf);
}

/* put_string: a JSON string; control characters, quote and backslash escaped. */
void put_string(const char *s)
{
	put("\"");
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		char one[2] = { *s, 0 };
		if (c == '"' || c == '\\')
			putf("\\%c", c);
		else if (c < 0x20)
			putf("\\u%c%c%c%c", '0', '0', "0123456789abcdef"[c >> 4], "0123456789abcdef"[c & 15]);
		else
			put(one);
	}
	put("\"");
}

static void put_strings(const char *key, char *const *v)
{
	putf("\n  \"%s\": [", key);
	for (size_t i = 0; v && v[i]; i++) {
		put(i ? ", " : "");
		put_string(v[i]);
	}
	put("]");
}



void print_cwd(const struct creds *c)
{
	/* The spec requires cwd: without one asked for, the child keeps ours. */
	char here[4096];
	const char *cwd = c->cwd ? c->cwd : sys_getcwd(here, sizeof here) > 0 && here[0] == '/' ? here : NULL;
	if (cwd) {
		put(",\n  \"cwd\": ");
		put_string(cwd);
	}
}

void print_user(const struct creds *c)
{
	if (!(c->have & (HAVE_USER | HAVE_GROUPS | HAVE_UMASK)))
		return;
	put(",\n  \"user\": {");
	if (c->have & HAVE_USER)
		putf("\"uid\": %u, \"gid\": %u", (unsigned)c->uid, (unsigned)c->gid);
	if (c->have & HAVE_UMASK)
		putf("%s\"umask\": %u", c->have & HAVE_USER ? ", " : "", (unsigned)c->umask);
	if (c->have & HAVE_GROUPS) {
		put(c->have & (HAVE_USER | HAVE_UMASK) ? ", \"additionalGids\": [" : "\"additionalGids\": [");
		for (size_t i = 0; i < c->ngroups; i++)
			putf("%s%u", i ? ", " : "", (unsigned)c->groups[i]);
		put("]");
	}
	put("}");
}

void print_caps(const struct creds *c)
{
	char name[32];
	if (!CFG_CAPS || !(c->have & HAVE_CAPS))
		return;
	put(",\n  \"capabilities\": {");
	for (int i = 0; i < N_CAPSETS; i++) {
		int first = 1;
		putf("%s\n    \"%s\": [", i ? "," : "", capset_name[i]);
		for (int cap = 0; cap < 64; cap++)
			if (c->caps[i] >> cap & 1) {
				putf("%s\"%s\"", first ? "" : ", ", cap_name(cap, name));
				first = 0;
			}
		put("]");
	}
	put("\n  }");
}

void print_nnp(const struct creds *c)
{
	putf(",\n  \"noNewPrivileges\": %s", c->have & HAVE_NNP ? "true" : "false");
}

void print_rlimits(const struct creds *c)
{
	if (!c->nrlimits)
		return;
	put(",\n  \"rlimits\": [");
	for (size_t i = 0; i < c->nrlimits; i++) {
		putf("%s\n    {\"type\": \"RLIMIT_%s\", ", i ? "," : "", rlimit_name(c->rlimits[i].resource));
		putf("\"soft\": %llu, \"hard\": %llu}", (unsigned long long)c->rlimits[i].soft,
		     (unsigned long long)c->rlimits[i].hard);
	}
	put("\n  ]");
}

void print_oom(const struct creds *c)
{
	if (c->have & HAVE_OOM)
		putf(",\n  \"oomScoreAdj\": %d", c->oom_score_adj);
}

/* print_spec: args and env, then each row's member, in fields.c's order. */
int print_spec(const struct opts *o)
{
	put("{");
	put_strings("args", o->argv);
	put(",");
	put_strings("env", o->envp);
	for (size_t i = 0; i < N_FIELDS; i++)
		if (fields[i].print)
			fields[i].print(&o->creds);
	put("\n}\n");
	flush();
	return failed ? -1 : 0;
}
