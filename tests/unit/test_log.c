/* Unit tests of log.c's formatter. */
#include <errno.h>
#include <limits.h>
#include "ocinit.h"
#include "unit.h"

int main(void)
{
	char b[64];
	CHECK(fmt(b, sizeof b, "plain") == 5);
	CHECK_STR(b, "plain");
	fmt(b, sizeof b, "%s=%d %u %x %c%%", "k", -42, 4294967295u, 255u, 'z');
	CHECK_STR(b, "k=-42 4294967295 ff z%");
	char want[64]; /* long has 32 bits on some arches: libc says what it prints */
	snprintf(want, sizeof want, "%ld %lu", LONG_MIN, ULONG_MAX);
	fmt(b, sizeof b, "%ld %lu", LONG_MIN, ULONG_MAX);
	CHECK_STR(b, want);
	/* %ll: 64 bits everywhere, and the argument after it still in its place (a 64-bit
	 * value read as a 32-bit long would shift it on a 32-bit arch) */
	fmt(b, sizeof b, "%lld %llu %llx %d", LLONG_MIN, ULLONG_MAX, 1ULL << 33, 7);
	CHECK_STR(b, "-9223372036854775808 18446744073709551615 200000000 7");
	const char *volatile null = NULL; /* volatile: the compiler would warn of a literal NULL */
	fmt(b, sizeof b, "%d %s", 0, null);
	CHECK_STR(b, "0 (null)");
	/* truncation always leaves a terminated string of n-1 bytes */
	CHECK(fmt(b, 8, "%s", "0123456789") == 7);
	CHECK_STR(b, "0123456");
	CHECK(fmt(b, 4, "%d", 123456) == 3);
	CHECK_STR(b, "123");
	CHECK(fmt(b, 1, "abc") == 0 && b[0] == 0);
	/* an unknown conversion is shown, not swallowed; a trailing % is kept */
	const char *volatile odd = "%q 100%"; /* not a literal: -Wformat would refuse it */
	fmt(b, sizeof b, odd, 0);
	CHECK_STR(b, "%q 100%");
	/* %m: the message of errno as it was when fmt was called */
	errno = ENOENT;
	fmt(b, sizeof b, "open %s: %m", "x");
	CHECK_STR(b, "open x: No such file or directory");
	CHECK(errno == ENOENT);
	return unit_done("test_log");
}
