/* unreached.c: what fuzz_text links but never calls. Its config has CAPS off, so fields.c's
 * capability rows are empty and no capability name is ever looked up; the child's steps
 * (apply.c) never run in a parser fuzzer. Each aborts, so that a call would be a crash the
 * fuzzer reports, not a silent pass. */
#include <stdlib.h>

#include "ocinit.h"

const char capset_name[N_CAPSETS][12];

int cap_by_name(const char *name)
{
	(void)name;
	abort();
}

void child_fail(int code, const char *f, ...)
{
	(void)code, (void)f;
	abort();
}
