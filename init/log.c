/* log.c: ocinit's only output path. A small formatter instead of stdio keeps the static
 * binary small and makes every message a single write(2) (lines never interleave). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ocinit.h"

int log_verbosity = L_WARN;
void (*die_hook)(int code);
static int stderr_gone; /* a write found no reader (EPIPE): no more writes, no more SIGPIPEs */

int write_all(int fd, const void *buf, size_t n)
{
	const char *p = buf;
	while (n) {
		ssize_t w = write(fd, p, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

/* conversion: the text of the conversion at *f (after '%' and its 'l's: lng of them, one
 * for long, two for long long, which differ where long has 32 bits), in tmp or static; *f
 * is left on its last character. err: errno when vfmt was called, for %m. */
static const char *conversion(const char **f, int lng, va_list *ap, char tmp[24], int err)
{
	char *t = tmp + 23;
	unsigned long long v;
	unsigned base = 10;
	int neg = 0;
	switch (**f) {
	case 's': {
		const char *s = va_arg(*ap, const char *);
		return s ? s : "(null)";
	}
	case 'c':
		tmp[0] = (char)va_arg(*ap, int), tmp[1] = 0;
		return tmp;
	case 'd': {
		long long d = lng > 1 ? va_arg(*ap, long long) : lng ? va_arg(*ap, long) : va_arg(*ap, int);
		neg = d < 0;
		v = neg ? 0ULL - (unsigned long long)d : (unsigned long long)d;
		break;
	}
	case 'x':
	case 'o':
	case 'u':
		base = **f == 'x' ? 16 : **f == 'o' ? 8 : 10;
		v = lng > 1 ? va_arg(*ap, unsigned long long) : lng ? va_arg(*ap, unsigned long) : va_arg(*ap, unsigned);
		break;
	case '%':
		return "%";
	case 'm': /* as in glibc and musl: the message of errno when the call began */
		return strerror(err);
	default: /* not a conversion we know: show it, so that a mistake shows */
		tmp[0] = '%', tmp[1] = **f, tmp[2] = 0;
		if (!**f)
			--*f; /* a trailing '%': the string ends here */
		return tmp;
	}
	*t = 0;
	do
		*--t = "0123456789abcdef"[v % base];
	while (v /= base);
	if (neg)
		*--t = '-';
	return t;
}

size_t vfmt(char *buf, size_t n, const char *f, va_list ap)
{
	size_t pos = 0;
	int err = errno;
	va_list aq;
	if (!n)
		return 0;
	va_copy(aq, ap);
	for (; *f && pos + 1 < n; f++) {
		char tmp[24];
		const char *s = tmp;
		int lng = 0;
		if (*f != '%')
			tmp[0] = *f, tmp[1] = 0;
		else {
			while (*++f == 'l')
				lng++;
			s = conversion(&f, lng, &aq, tmp, err);
		}
		while (*s && pos + 1 < n)
			buf[pos++] = *s++;
	}
	va_end(aq);
	buf[pos] = 0;
	return pos;
}

size_t fmt(char *buf, size_t n, const char *f, ...)
{
	va_list ap;
	va_start(ap, f);
	size_t r = vfmt(buf, n, f, ap);
	va_end(ap);
	return r;
}

static void vsay(enum level l, const char *f, va_list ap)
{
	static const char *const prefix[] = {
		[L_ERR] = "ocinit: ", [L_WARN] = "ocinit: warning: ",
		[L_INFO] = "ocinit: ", [L_DEBUG] = "ocinit: debug: ",
	};
	char line[1024];
	if ((int)l > log_verbosity || stderr_gone)
		return;
	int saved = errno;
	size_t k = strlen(prefix[l]);
	memcpy(line, prefix[l], k);
	k += vfmt(line + k, sizeof line - k - 1, f, ap);
	line[k++] = '\n';
	if (write_all(2, line, k) < 0 && errno == EPIPE)
		stderr_gone = 1;
	errno = saved;
}

void say(enum level l, const char *f, ...)
{
	va_list ap;
	va_start(ap, f);
	vsay(l, f, ap);
	va_end(ap);
}

_Noreturn void die(const char *f, ...)
{
	va_list ap;
	va_start(ap, f);
	vsay(L_ERR, f, ap);
	va_end(ap);
	if (die_hook) /* as the kernel's init: power off, never exit */
		die_hook(EXIT_OCINIT);
	exit(EXIT_OCINIT);
}
