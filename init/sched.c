/* sched.c: process.scheduler (--sched): policy, nice, priority, flags and the deadline
 * parameters, set with one sched_setattr(2) and read back with sched_getattr(2). What
 * the kernel would refuse with a bare EINVAL (SCHED_ISO, which Linux never had; a
 * priority outside the policy's range; nice outside -20..19, which it would clamp) is an
 * error naming the member first. */
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "field.h"

/* index: the kernel's policy number (4 is SCHED_ISO's, reserved and never implemented) */
static const char *const policies[] = { "OTHER", "FIFO", "RR", "BATCH", "ISO", "IDLE", "DEADLINE" };
/* index: the flag's bit */
static const char *const flag_names[] = { "RESET_ON_FORK", "RECLAIM", "DL_OVERRUN", "KEEP_POLICY",
	"KEEP_PARAMS", "UTIL_CLAMP_MIN", "UTIL_CLAMP_MAX" };
enum { FIFO = 1, RR = 2, ISO = 4, DEADLINE = 6, RESET_ON_FORK = 1, KEEP_POLICY = 8, KEEP_PARAMS = 16 };

/* The kernel's struct sched_attr (SCHED_ATTR_SIZE_VER1, Linux 5.3): musl has none. */
struct kattr {
	unsigned size, policy;
	unsigned long long flags;
	int nice;
	unsigned priority;
	unsigned long long runtime, deadline, period;
	unsigned util_min, util_max;
};

/* invalid: which member of s the kernel would refuse or change, with why; NULL if none. */
static const char *invalid(const struct sched *s, const char **why)
{
	int rt = s->policy == FIFO || s->policy == RR;
	*why = "SCHED_ISO is not a Linux policy";
	if (s->policy == ISO)
		return "policy";
	*why = rt ? "must be 1..99 for SCHED_FIFO and SCHED_RR" : "must be 0 but for SCHED_FIFO and SCHED_RR";
	if (rt ? s->priority < 1 || s->priority > 99 : s->priority != 0)
		return "priority";
	*why = "must be -20..19";
	return s->nice < -20 || s->nice > 19 ? "nice" : NULL;
}

static int take(struct creds *c, const struct sched *s)
{
	c->sched = *s;
	c->have |= HAVE_SCHED;
	return 0;
}

int read_sched(const struct jctx *w, const struct jnode *n, struct creds *c)
{
	static const char *const u64s[] = { "runtime", "deadline", "period" };
	struct sched s = { 0 };
	const struct jnode *m;
	const char *name, *bad, *why;
	char path[256];
	long long v;
	if (jwant(w, n, "process.scheduler", J_OBJECT))
		return -1;
	if (!(m = jmember(n, "policy")))
		return jbad(w, "process.scheduler", n->off, "\"policy\" is missing");
	if (jstring(w, m, "process.scheduler.policy", &name))
		return -1;
	if (strncmp(name, "SCHED_", 6) || (v = named_value(name, "SCHED_", policies, 7)) < 0)
		return jbad(w, "process.scheduler.policy", m->off, "%s is not a scheduling policy", name);
	s.policy = (unsigned)v;
	if ((m = jmember(n, "nice")) && jint(w, m, "process.scheduler.nice", -2147483648LL, 2147483647, &v))
		return -1;
	s.nice = m ? (int)v : 0;
	if ((m = jmember(n, "priority")) && jint(w, m, "process.scheduler.priority", 0, 2147483647, &v))
		return -1;
	s.priority = m ? (unsigned)v : 0;
	for (int i = 0; i < 3; i++) {
		unsigned long long *to = i == 0 ? &s.runtime : i == 1 ? &s.deadline : &s.period;
		if ((m = jmember(n, u64s[i])) && juint(w, m, jpath(path, "process.scheduler", u64s[i], 0), ~0ULL, to))
			return -1;
	}
	if ((m = jmember(n, "flags"))) {
		long k = 0;
		if (jwant(w, m, "process.scheduler.flags", J_ARRAY))
			return -1;
		for (const struct jnode *f = m->child; f; f = f->next, k++) {
			int bit;
			if (jstring(w, f, jpath(path, "process.scheduler.flags", NULL, k), &name))
				return -1;
			if (strncmp(name, "SCHED_FLAG_", 11) || (bit = named_value(name, "SCHED_FLAG_", flag_names, 7)) < 0)
				return jbad(w, path, f->off, "%s is not a scheduler flag", name);
			s.flags |= 1ULL << bit;
		}
	}
	if ((bad = invalid(&s, &why)))
		return jbad(w, jpath(path, "process.scheduler", bad, 0),
			    (m = jmember(n, bad)) ? m->off : n->off, "%s", why);
	return take(c, &s);
}

/* flag_sched: POLICY[,nice=N][,priority=N][,runtime=NS][,deadline=NS][,period=NS][,FLAG...] */
int flag_sched(struct opts *o, const struct given *g)
{
	static const char *const keys[] = { "nice=", "priority=", "runtime=", "deadline=", "period=" };
	struct sched s = { 0 };
	char item[64];
	const char *p = g->v, *bad, *why;
	long long v;
	int r = list_next(&p, item, sizeof item), k;
	if (r <= 0 || (v = named_value(item, "SCHED_", policies, 7)) < 0)
		goto bad;
	s.policy = (unsigned)v;
	while ((r = list_next(&p, item, sizeof item)) > 0) {
		for (k = 0; k < 5 && !nocase_prefix(item, keys[k]); k++)
			;
		const char *val = item + (k < 5 ? strlen(keys[k]) : 0);
		if (k == 0 && !parse_int(val, -2147483648LL, 2147483647, &v))
			s.nice = (int)v;
		else if (k == 1 && !parse_int(val, 0, 2147483647, &v))
			s.priority = (unsigned)v;
		else if (k >= 2 && k < 5 && !parse_uint(val, 10, ~0ULL, k == 2 ? &s.runtime : k == 3 ? &s.deadline : &s.period))
			;
		else if (k == 5 && (v = named_value(item, "SCHED_FLAG_", flag_names, 7)) >= 0)
			s.flags |= 1ULL << v;
		else
			goto bad;
	}
	if (r < 0)
		goto bad;
	if ((bad = invalid(&s, &why))) {
		say(L_ERR, "%s %s: %s %s", g->by, g->v, bad, why);
		return -1;
	}
	return take(&o->creds, &s);
bad:
	say(L_ERR, "%s: '%s' is not POLICY[,nice=N,priority=N,runtime=NS,deadline=NS,period=NS,FLAG...]", g->by, g->v);
	return -1;
}

int do_sched(const struct creds *c)
{
	const struct sched *s = &c->sched;
	struct kattr a = { sizeof a, s->policy, s->flags, s->nice, s->priority, s->runtime,
			   s->deadline, s->period, 0, 0 };
	if (!(c->have & HAVE_SCHED))
		return STEP_SKIP;
	return (int)syscall(SYS_sched_setattr, 0, &a, 0);
}

int check_sched(const struct creds *c)
{
	const struct sched *s = &c->sched;
	struct kattr a = { 0 };
	if (!(c->have & HAVE_SCHED))
		return 0;
	if (syscall(SYS_sched_getattr, 0, &a, sizeof a, 0) < 0)
		return -1;
	int rt = a.policy == FIFO || a.policy == RR, params = !(s->flags & KEEP_PARAMS);
	if (!(s->flags & KEEP_POLICY) && a.policy != s->policy)
		return MISMATCH(" scheduler policy %u, want %u", a.policy, s->policy);
	if ((a.flags & RESET_ON_FORK) != (s->flags & RESET_ON_FORK))
		return MISMATCH(" scheduler reset-on-fork %u, want %u", (unsigned)(a.flags & 1),
				(unsigned)(s->flags & 1));
	if (params && (rt ? a.priority != s->priority : a.policy == DEADLINE ?
		       a.runtime != s->runtime || a.deadline != s->deadline ||
		       a.period != (s->period ? s->period : s->deadline) : a.nice != s->nice))
		return MISMATCH(" scheduler nice %d priority %u, want %d %u", a.nice, a.priority,
				s->nice, s->priority);
	return 0;
}

void print_sched(const struct creds *c)
{
	const struct sched *s = &c->sched;
	if (!(c->have & HAVE_SCHED))
		return;
	putf(",\n  \"scheduler\": {\"policy\": \"SCHED_%s\", \"nice\": %d", policies[s->policy], s->nice);
	putf(", \"priority\": %u, \"flags\": [", s->priority);
	for (int i = 0, first = 1; i < 7; i++)
		if (s->flags >> i & 1) {
			putf("%s\"SCHED_FLAG_%s\"", first ? "" : ", ", flag_names[i]);
			first = 0;
		}
	putf("], \"runtime\": %llu", (unsigned long long)s->runtime);
	putf(", \"deadline\": %llu, \"period\": %llu}", (unsigned long long)s->deadline, (unsigned long long)s->period);
}
