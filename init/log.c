/* log.c: ocinit's only output path. A small formatter instead of stdio keeps the static
 * binary small and makes every message a single write(2) (lines never interleave). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ocinit.h"

int log_verbosity = L_WARN;
void (*die_hook)(int code);

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

/* put_num: append v in base (10 or 16), with a leading '-' when neg. */
static size_t put_num(char *buf, size_t pos, size_t n, unsigned long v, unsigned base, int neg)
{
	char tmp[24];
	size_t k = 0;
	do {
		tmp[k++] = "0123456789abcdef"[v % base];
		v /= base;
	} while (v);
	if (neg)
		tmp[k++] = '-';
	while (k && pos + 1 < n)
		buf[pos++] = tmp[--k];
	return pos;
}

size_t vfmt(char *buf, size_t n, const char *f, va_list ap)
{
	size_t pos = 0;
	if (!n)
		return 0;
	for (; *f && pos + 1 < n; f++) {
		if (*f != '%') {
			buf[pos++] = *f;
			continue;
		}
		int lng = 0;
		while (*++f == 'l')
			lng = 1;
		switch (*f) {
		case 's': {
			const char *s = va_arg(ap, const char *);
			for (s = s ? s : "(null)"; *s && pos + 1 < n; s++)
				buf[pos++] = *s;
			break;
		}
		case 'd': {
			long v = lng ? va_arg(ap, long) : va_arg(ap, int);
			unsigned long m = v < 0 ? 0UL - (unsigned long)v : (unsigned long)v;
			pos = put_num(buf, pos, n, m, 10, v < 0);
			break;
		}
		case 'u':
		case 'o':
		case 'x': {
			unsigned long v = lng ? va_arg(ap, unsigned long) : va_arg(ap, unsigned);
			pos = put_num(buf, pos, n, v, *f == 'x' ? 16 : *f == 'o' ? 8 : 10, 0);
			break;
		}
		case 'c':
			buf[pos++] = (char)va_arg(ap, int);
			break;
		case '%':
			buf[pos++] = '%';
			break;
		default: /* not a conversion we know: print it, so a mistake shows */
			buf[pos++] = '%';
			if (*f && pos + 1 < n)
				buf[pos++] = *f;
			if (!*f)
				f--;
		}
	}
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
	if ((int)l > log_verbosity)
		return;
	int saved = errno;
	size_t k = strlen(prefix[l]);
	memcpy(line, prefix[l], k);
	k += vfmt(line + k, sizeof line - k - 1, f, ap);
	line[k++] = '\n';
	write_all(2, line, k);
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
