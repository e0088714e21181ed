/* rlimits.c: resource limit names, the list in struct creds, and setting and reading them. */
#include <string.h>
#include <sys/resource.h>

#include "ocinit.h"

static const char names[N_RLIMITS][11] = { /* in place, like signals.c's table */
	[RLIMIT_CPU] = "CPU",         [RLIMIT_FSIZE] = "FSIZE",   [RLIMIT_DATA] = "DATA",
	[RLIMIT_STACK] = "STACK",     [RLIMIT_CORE] = "CORE",     [RLIMIT_RSS] = "RSS",
	[RLIMIT_NPROC] = "NPROC",     [RLIMIT_NOFILE] = "NOFILE", [RLIMIT_MEMLOCK] = "MEMLOCK",
	[RLIMIT_AS] = "AS",           [RLIMIT_LOCKS] = "LOCKS",   [RLIMIT_SIGPENDING] = "SIGPENDING",
	[RLIMIT_MSGQUEUE] = "MSGQUEUE", [RLIMIT_NICE] = "NICE",   [RLIMIT_RTPRIO] = "RTPRIO",
	[RLIMIT_RTTIME] = "RTTIME",
};

int rlimit_by_name(const char *name)
{
	name += nocase_prefix(name, "RLIMIT_");
	for (int i = 0; i < N_RLIMITS; i++)
		if (nocase_equal(name, names[i]))
			return i;
	return -1;
}

const char *rlimit_name(int resource)
{
	return resource >= 0 && resource < N_RLIMITS ? names[resource] : "?";
}

int rlimit_add(struct creds *c, int resource, unsigned long long soft, unsigned long long hard,
	       int replace)
{
	size_t i;
	for (i = 0; i < c->nrlimits && c->rlimits[i].resource != resource; i++)
		;
	if (i < c->nrlimits && !replace)
		return -1;
	c->rlimits[i] = (struct rlim){ resource, soft, hard };
	if (i == c->nrlimits)
		c->nrlimits++;
	return 0;
}
