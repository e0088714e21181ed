/* Unit tests of caps.c's names: its compile-time table against libcap-ng's own lookups in
 * both directions, for every number up to 63, and the spellings cap_by_name takes. */
#include <cap-ng.h>
#include <ctype.h>
#include "ocinit.h"
#include "unit.h"

/* upper: "CAP_" and n in upper case, into buf (64 bytes). */
static const char *upper(const char *n, char *buf)
{
	size_t i = 4;
	memcpy(buf, "CAP_", 4);
	for (; *n && i < 63; n++)
		buf[i++] = (char)toupper((unsigned char)*n);
	buf[i] = 0;
	return buf;
}

int main(void)
{
	char got[32], want[64], mixed[64];
	int named = 0;
	for (int cap = 0; cap < 64; cap++) {
		const char *n = capng_capability_to_name((unsigned)cap);
		cap_name(cap, got);
		if (!n) { /* no name in libcap-ng: none here either */
			snprintf(want, sizeof want, "CAP_%d", cap);
			CHECK_STR(got, want);
			continue;
		}
		named++;
		CHECK_STR(got, upper(n, want));
		CHECK(cap_by_name(want) == cap);
		CHECK(cap_by_name(n) == cap);                          /* chown */
		CHECK(capng_name_to_capability(n) == cap);             /* the same table */
		snprintf(mixed, sizeof mixed, "cAp_%s", n);
		mixed[5] = (char)toupper((unsigned char)mixed[5]);
		CHECK(cap_by_name(mixed) == cap);                      /* cAp_Chown */
		snprintf(mixed, sizeof mixed, "CAP_%sx", n);
		CHECK(cap_by_name(mixed) == -1);                       /* one letter more */
		snprintf(mixed, sizeof mixed, "%.*s", (int)strlen(n) - 1, n);
		CHECK(cap_by_name(mixed) == -1 || cap_by_name(mixed) != cap);
	}
	CHECK(named >= 41); /* CAP_CHOWN .. CAP_CHECKPOINT_RESTORE at least (Linux 5.9) */
	CHECK(cap_by_name("") == -1);
	CHECK(cap_by_name("CAP_") == -1);
	CHECK(cap_by_name("CAP_CAP_CHOWN") == -1);
	CHECK(cap_by_name("all") == -1);
	CHECK(cap_by_name("CAP_40") == -1);
	return unit_done("test_caps");
}
