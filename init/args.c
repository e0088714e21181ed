/* args.c: text into values, for options, variables, names, configs and /proc alike: the one
 * number scanner, the one list splitter, bounded decimals (the one "is not a number"
 * message), ASCII case-blind names. */
#include <string.h>

#include "ocinit.h"

int all_digits(const char *s)
{
	return *s && strspn(s, "0123456789") == strlen(s);
}

/* digit: c's value as a digit, 99 if it is none (hexadecimal letters in either case). */
static unsigned digit(unsigned char c)
{
	unsigned lower = c | 0x20u;
	return c >= '0' && c <= '9' ? c - 48u : lower >= 'a' && lower <= 'f' ? lower - 'a' + 10 : 99;
}

size_t scan_uint(const char *s, unsigned base, unsigned long long max, unsigned long long *v)
{
	unsigned long long x = 0;
	size_t k = 0;
	for (unsigned d; (d = digit((unsigned char)s[k])) < base; k++) {
		if (d > max || x > (max - d) / base)
			return 0; /* beyond max: no value at all, however it goes on */
		x = x * base + d;
	}
	if (k)
		*v = x;
	return k;
}

int parse_uint(const char *s, unsigned base, unsigned long long max, unsigned long long *v)
{
	size_t k = scan_uint(s, base, max, v);
	return k && !s[k] ? 0 : -1;
}

int list_next(const char **cursor, char *buf, size_t n)
{
	const char *p = *cursor;
	size_t k;
	if (!p)
		return 0;
	k = strcspn(p, ",");
	if (!k || k >= n)
		return -1;
	memcpy(buf, p, k);
	buf[k] = 0;
	*cursor = p[k] ? p + k + 1 : NULL;
	return 1;
}

int parse_int(const char *s, long long min, long long max, long long *v)
{
	int neg = *s == '-';
	unsigned long long u;
	/* 2^62 bounds the magnitude: every range asked for is far inside a long long */
	if (parse_uint(s + neg, 10, 1ULL << 62, &u))
		return -1;
	*v = neg ? -(long long)u : (long long)u;
	return *v >= min && *v <= max ? 0 : -1;
}

int decimal_arg(const char *what, const char *s, long long min, long long max, long long *v)
{
	if (parse_int(s, min, max, v) == 0)
		return 0;
	say(L_ERR, "%s: '%s' is not a number in %lld..%lld", what, s, min, max);
	return -1;
}

#define UPPER(c) ((c) >= 'a' && (c) <= 'z' ? (c) - 32 : (c))

size_t nocase_prefix(const char *s, const char *p)
{
	size_t k = 0;
	for (unsigned char a, b; (b = (unsigned char)p[k]) && (a = (unsigned char)s[k], UPPER(a) == UPPER(b));)
		k++;
	return p[k] ? 0 : k;
}

int nocase_equal(const char *s, const char *p)
{
	size_t k = nocase_prefix(s, p);
	return k && !s[k];
}

int named_value(const char *s, const char *prefix, const char *const names[], int n)
{
	s += nocase_prefix(s, prefix);
	for (int i = 0; i < n; i++)
		if (names[i] && nocase_equal(s, names[i]))
			return i;
	return -1;
}
