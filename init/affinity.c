/* affinity.c: process.execCPUAffinity (--cpu-affinity): the CPUs the command may run on,
 * set with sched_setaffinity(2) and read back. Only "final" means something here: a
 * runtime applies "initial" before the process joins the container's cgroup, and ocinit
 * starts inside it; "initial" is checked and otherwise left alone. A CPU this process may
 * not use is an error before anything is applied: the kernel would drop it silently. */
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "field.h"

#define BITS (8 * sizeof(unsigned long))

static size_t spaces(const char *s)
{
	return strspn(s, " ");
}

/* parse: "0-3, 6" (the spec's pattern: digits, commas, spaces and dashes) into mask;
 * -1 if it is not such a list. */
static int parse(const char *s, unsigned long mask[])
{
	const char *p = s;
	memset(mask, 0, MAX_CPUS / 8);
	while (*(p += spaces(p))) {
		unsigned long long lo, hi;
		size_t n = scan_uint(p, 10, MAX_CPUS - 1, &lo);
		if (!n)
			return -1;
		p += n;
		p += spaces(p);
		hi = lo;
		if (*p == '-') {
			p += 1 + spaces(p + 1);
			if (!(n = scan_uint(p, 10, MAX_CPUS - 1, &hi)) || hi < lo)
				return -1;
			p += n;
			p += spaces(p);
		}
		if (*p && *p++ != ',')
			return -1;
		for (unsigned long long cpu = lo; cpu <= hi; cpu++)
			mask[cpu / BITS] |= 1UL << (cpu % BITS);
		if (!*(p + spaces(p)) && p[-1] == ',') /* a list does not end in a comma */
			return -1;
	}
	return 0;
}

/* usable: every CPU of mask is one this process may run on now; else the first that is not. */
static long usable(const unsigned long mask[])
{
	unsigned long here[MAX_CPUS / BITS] = { 0 };
	if (syscall(SYS_sched_getaffinity, 0, sizeof here, here) < 0)
		return -1; /* then the kernel judges, and the read-back tells */
	for (long cpu = 0; cpu < MAX_CPUS; cpu++)
		if ((mask[cpu / BITS] & ~here[cpu / BITS]) >> (cpu % BITS) & 1)
			return cpu;
	return -1;
}

/* take: list into c (an empty list: no change), or one error line. */
static int take(struct creds *c, const char *list, const char *by, const struct jctx *w, size_t off)
{
	unsigned long mask[MAX_CPUS / BITS];
	long cpu;
	if (parse(list, mask) < 0)
		return jbad(w, by, off, "'%s' is not a CPU list like 0-3,6", list);
	if ((cpu = usable(mask)) >= 0)
		return jbad(w, by, off, "CPU %ld is not one this machine lets ocinit use", cpu);
	if (c && *(list + spaces(list))) {
		memcpy(c->cpus, mask, sizeof mask);
		c->have |= HAVE_AFFINITY;
	}
	return 0;
}

int read_affinity(const struct jctx *w, const struct jnode *n, struct creds *c)
{
	static const char *const keys[] = { "initial", "final" };
	char path[256];
	const char *list;
	if (jwant(w, n, "process.execCPUAffinity", J_OBJECT))
		return -1;
	for (int i = 0; i < 2; i++) {
		const struct jnode *m = jmember(n, keys[i]);
		if (m && (jstring(w, m, jpath(path, "process.execCPUAffinity", keys[i], 0), &list) ||
			  take(i ? c : NULL, list, path, w, m->off)))
			return -1;
	}
	if (jmember(n, "initial"))
		say(L_INFO, "%s: process.execCPUAffinity.initial is not applied: ocinit starts in the "
		    "container's cgroup already", w->file);
	return 0;
}

int flag_affinity(struct opts *o, const struct given *g)
{
	return take(&o->creds, g->v, g->by, NULL, 0);
}

int do_affinity(const struct creds *c)
{
	if (!(c->have & HAVE_AFFINITY))
		return STEP_SKIP;
	return (int)syscall(SYS_sched_setaffinity, 0, sizeof c->cpus, c->cpus);
}

int check_affinity(const struct creds *c)
{
	unsigned long now[MAX_CPUS / BITS] = { 0 };
	if (!(c->have & HAVE_AFFINITY))
		return 0;
	if (syscall(SYS_sched_getaffinity, 0, sizeof now, now) < 0)
		return -1;
	for (size_t i = 0; i < MAX_CPUS / BITS; i++)
		if (now[i] != c->cpus[i])
			return MISMATCH(" CPU affinity %lx at CPU %lu, want %lx", now[i],
					(unsigned long)(i * BITS), c->cpus[i]);
	return 0;
}

void print_affinity(const struct creds *c)
{
	const char *sep = "";
	if (!(c->have & HAVE_AFFINITY))
		return;
	put(",\n  \"execCPUAffinity\": {\"final\": \"");
	for (long cpu = 0; cpu < MAX_CPUS; cpu++) {
		long end = cpu;
		if (!(c->cpus[cpu / BITS] >> (cpu % BITS) & 1))
			continue;
		while (end + 1 < MAX_CPUS && c->cpus[(end + 1) / BITS] >> ((end + 1) % BITS) & 1)
			end++;
		putf(end > cpu ? "%s%ld-%ld" : "%s%ld", sep, cpu, end);
		sep = ",";
		cpu = end;
	}
	put("\"}");
}
