/* unit.h: the smallest test harness. CHECK counts; unit_done prints "N passed, N failed". */
#ifndef UNIT_H
#define UNIT_H
#include <stdio.h>
#include <string.h>

static int unit_passed, unit_failed;

#define CHECK(cond) do { \
	if (cond) unit_passed++; \
	else { unit_failed++; fprintf(stderr, "%s:%d: FAILED: %s\n", __FILE__, __LINE__, #cond); } \
} while (0)
#define CHECK_STR(got, want) do { \
	const char *g_ = (got), *w_ = (want); \
	if (!strcmp(g_, w_)) unit_passed++; \
	else { unit_failed++; fprintf(stderr, "%s:%d: FAILED: %s: got \"%s\", want \"%s\"\n", \
				      __FILE__, __LINE__, #got, g_, w_); } \
} while (0)

static inline int unit_done(const char *name)
{
	printf("%s: %d passed, %d failed\n", name, unit_passed, unit_failed);
	return unit_failed != 0;
}
#endif
