/* ioprio.c: process.ioPriority (--ioprio): the I/O scheduling class and level, set with
 * ioprio_set(2) and read back with ioprio_get(2). */
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "field.h"

#define IOPRIO_WHO_PROCESS 1
#define CLASS_SHIFT 13
/* index: the kernel's class number (IOPRIO_CLASS_NONE, 0, is not the spec's) */
static const char *const classes[] = { NULL, "RT", "BE", "IDLE" };

static void set(struct creds *c, int class, unsigned level)
{
	c->ioprio = class << CLASS_SHIFT | (int)level;
	c->have |= HAVE_IOPRIO;
}

int read_ioprio(const struct jctx *w, const struct jnode *n, struct creds *c)
{
	const struct jnode *k, *l;
	const char *name;
	unsigned long long level = 0; /* an absent priority is runc's zero */
	int class;
	if (jwant(w, n, "process.ioPriority", J_OBJECT))
		return -1;
	if (!(k = jmember(n, "class")))
		return jbad(w, "process.ioPriority", n->off, "\"class\" is missing");
	if (jstring(w, k, "process.ioPriority.class", &name))
		return -1;
	if (strncmp(name, "IOPRIO_CLASS_", 13) || (class = named_value(name, "IOPRIO_CLASS_", classes, 4)) < 0)
		return jbad(w, "process.ioPriority.class", k->off,
			    "%s is not IOPRIO_CLASS_RT, IOPRIO_CLASS_BE or IOPRIO_CLASS_IDLE", name);
	if ((l = jmember(n, "priority")) && juint(w, l, "process.ioPriority.priority", 7, &level))
		return -1;
	set(c, class, (unsigned)level);
	return 0;
}

/* flag_ioprio: CLASS[:LEVEL], CLASS rt, be or idle (or the spec's names), LEVEL 0..7;
 * without LEVEL, ionice's: 4 for rt and be, 0 for idle. */
int flag_ioprio(struct opts *o, const struct given *g)
{
	char name[32];
	const char *colon = strchr(g->v, ':');
	size_t len = colon ? (size_t)(colon - g->v) : strlen(g->v);
	unsigned long long level;
	int class = -1;
	if (len < sizeof name) {
		memcpy(name, g->v, len);
		name[len] = 0;
		class = named_value(name, "IOPRIO_CLASS_", classes, 4);
	}
	level = class == 3 ? 0 : 4;
	if (class < 0 || (colon && parse_uint(colon + 1, 10, 7, &level))) {
		say(L_ERR, "%s: '%s' is not CLASS[:LEVEL] (rt, be or idle; 0..7)", g->by, g->v);
		return -1;
	}
	set(&o->creds, class, (unsigned)level);
	return 0;
}

int do_ioprio(const struct creds *c)
{
	if (!(c->have & HAVE_IOPRIO))
		return STEP_SKIP;
	return (int)syscall(SYS_ioprio_set, IOPRIO_WHO_PROCESS, 0, c->ioprio);
}

int check_ioprio(const struct creds *c)
{
	if (!(c->have & HAVE_IOPRIO))
		return 0;
	long v = syscall(SYS_ioprio_get, IOPRIO_WHO_PROCESS, 0);
	if (v < 0)
		return -1;
	return v == c->ioprio ? 0 : MISMATCH(" ioprio %lx, want %x", (unsigned long)v, (unsigned)c->ioprio);
}

void print_ioprio(const struct creds *c)
{
	if (c->have & HAVE_IOPRIO)
		putf(",\n  \"ioPriority\": {\"class\": \"IOPRIO_CLASS_%s\", \"priority\": %d}",
		     classes[c->ioprio >> CLASS_SHIFT], c->ioprio & 7);
}
