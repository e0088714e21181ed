/* args.c: text into values, for options, variables, names and configs alike: digits,
 * bounded decimals (the one "is not a number" message), ASCII case-blind names. */
#include <string.h>

#include "ocinit.h"

int all_digits(const char *s)
{
	return *s && strspn(s, "0123456789") == strlen(s);
}

unsigned long long digits_value(const char *s, unsigned base)
{
	unsigned long long v = 0;
	for (; *s; s++)
		v = v * base + (unsigned)(*s - '0');
	return v;
}

int decimal_arg(const char *what, const char *s, long long min, long long max, long long *v)
{
	int neg = *s == '-';
	unsigned long long u;
	if (!all_digits(s + neg) || strlen(s + neg) > 19 || (u = digits_value(s + neg, 10)) > 1ULL << 62)
		goto bad; /* 19 digits fit in u; 2^62 in a long long, with its sign */
	*v = neg ? -(long long)u : (long long)u;
	if (*v >= min && *v <= max)
		return 0;
bad:
	say(L_ERR, "%s: '%s' is not a number in %ld..%ld", what, s, (long)min, (long)max);
	return -1;
}

static int upper(int c)
{
	return c >= 'a' && c <= 'z' ? c - 32 : c;
}

size_t nocase_prefix(const char *s, const char *p)
{
	size_t k = 0;
	while (p[k] && upper((unsigned char)s[k]) == upper((unsigned char)p[k]))
		k++;
	return p[k] ? 0 : k;
}

int nocase_equal(const char *s, const char *p)
{
	size_t k = nocase_prefix(s, p);
	return k && !s[k];
}
