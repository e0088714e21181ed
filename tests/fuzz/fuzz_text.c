/* libFuzzer harness for ocinit's other parsers (a glibc host build with ASan and UBSan; the
 * OCI walk without CAPS, whose names need libcap-ng). The first byte picks the parser:
 *   0: the OCI walk (oci_load) of the rest as a config file
 *   1: /etc/passwd and /etc/group lookups in the rest as a file
 *   2: the number scanner and the list splitter, checked against a reference
 *   3: signal and rlimit names, checked to round-trip
 *   4: the command line and the OCINIT_* variables (parse_options): the rest split at NUL
 *      bytes, words holding '=' into the environment, the others into argv
 *   5: the value parser of every flag of fields.c's rows (--sched, --cpu-affinity, ...)
 * A config that loads is also printed (--print's writer, to /dev/null).
 * Files reach the readers as /proc/self/fd/N of a memfd: the same fstat, read and checks. */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "field.h"

static char path[64];

/* as_file: data as a regular file; its /proc path in path. */
static int as_file(const uint8_t *d, size_t n)
{
	int fd = memfd_create("fuzz", MFD_CLOEXEC);
	if (fd < 0 || (n && write(fd, d, n) != (ssize_t)n))
		abort();
	snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
	return fd;
}

static void oci(const uint8_t *d, size_t n)
{
	static gid_t groups[MAX_GROUPS];
	struct opts o;
	int fd = as_file(d, n);
	memset(&o, 0, sizeof o);
	o.creds.groups = groups;
	if (oci_load(&o, path) == 0) {
		for (char **a = o.argv; a && *a; a++)
			if (strlen(*a) > n)
				abort(); /* a string longer than the input itself */
		print_spec(&o);
	}
	close(fd);
}

static void users(const uint8_t *d, size_t n)
{
	static gid_t groups[MAX_GROUPS];
	struct creds c = { .groups = groups };
	struct pwent pw;
	gid_t gid;
	int fd = as_file(d, n);
	if (passwd_find(path, "root", 0, &pw) == 1 && strcmp(pw.name, "root"))
		abort();
	if (passwd_find(path, NULL, 1000, &pw) == 1 && (pw.uid != 1000 || pw.gid == 4294967295u))
		abort();
	group_find(path, "wheel", &gid);
	if (group_memberships(path, "alice", &c) == 0 && c.ngroups > MAX_GROUPS)
		abort();
	close(fd);
}

static void numbers(const uint8_t *d, size_t n)
{
	char s[64], buf[16];
	unsigned long long v, max = 0;
	size_t k = n < sizeof s - 1 ? n : sizeof s - 1;
	memcpy(s, d, k);
	s[k] = 0;
	for (size_t i = 0; i < 8 && i < k; i++)
		max = max << 8 | (unsigned char)s[i];
	for (unsigned base = 8; base <= 16; base += base == 8 ? 2 : 6) {
		/* reference: strtoull over the same digits, when all are digits of base */
		int valid = *s && strspn(s, base == 8 ? "01234567" : base == 10 ? "0123456789" :
					 "0123456789abcdefABCDEF") == strlen(s);
		errno = 0;
		unsigned long long ref = valid ? strtoull(s, NULL, (int)base) : 0;
		int fits = valid && errno != ERANGE && ref <= max;
		int got = parse_uint(s, base, max, &v) == 0;
		if (got != fits || (got && v != ref))
			abort();
	}
	/* the list splitter: elements joined by commas give the list back */
	const char *cur = s;
	char back[128] = "";
	int r;
	while ((r = list_next(&cur, buf, sizeof buf)) > 0) {
		if (!*buf || strchr(buf, ','))
			abort();
		if (*back)
			strcat(back, ",");
		strcat(back, buf);
	}
	if (r == 0 && strcmp(back, s))
		abort();
}

static void names(const uint8_t *d, size_t n)
{
	char s[32], buf[12];
	size_t k = n < sizeof s - 1 ? n : sizeof s - 1;
	memcpy(s, d, k);
	s[k] = 0;
	int sig = signal_by_name(s);
	if (sig != -1 && (sig < 1 || sig > 64))
		abort();
	if (sig > 0 && sig < 32 && signal_by_name(signal_name(sig, buf)) != sig)
		abort();
	int res = rlimit_by_name(s);
	if (res >= 0 && rlimit_by_name(rlimit_name(res)) != res)
		abort();
}

static void options_and_variables(const uint8_t *d, size_t n)
{
	extern char **environ;
	char *text = malloc(n + 1), *argv[64], *envp[64], **saved = environ;
	int argc = 1, envc = 0;
	struct opts o;
	memcpy(text, d, n);
	text[n] = 0;
	argv[0] = "ocinit";
	for (char *w = text; w < text + n && argc < 63 && envc < 63; w += strlen(w) + 1)
		if (strchr(w, '=') && strncmp(w, "--", 2))
			envp[envc++] = w;
		else
			argv[argc++] = w;
	argv[argc] = NULL;
	envp[envc] = NULL;
	environ = envp;
	memset(&o, 0, sizeof o);
	int r = parse_options(&o, argc, argv);
	environ = saved;
	if (r == 0 && o.grace > 86400)
		abort();
	free(text);
}

static void field_flags(const uint8_t *d, size_t n)
{
	char *v = malloc(n + 1);
	struct opts o;
	memcpy(v, d, n);
	v[n] = 0;
	for (size_t i = 0; i < N_FIELDS; i++) {
		struct given g = { v, "--flag" };
		memset(&o, 0, sizeof o);
		if (fields[i].flag && fields[i].flag(&o, &g) == 0 && (o.creds.have & HAVE_SCHED) &&
		    o.creds.sched.policy > 6)
			abort(); /* a policy outside the names */
	}
	free(v);
}

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
	static int quiet;
	if (!quiet++) {
		log_verbosity = -1; /* the parsers' error lines: not the fuzzer's business */
		freopen("/dev/null", "w", stdout); /* --help, --version */
		dup2(fileno(stdout), 1);
	}
	if (!n)
		return 0;
	switch (d[0] % 6) {
	case 0: oci(d + 1, n - 1); break;
	case 1: users(d + 1, n - 1); break;
	case 2: numbers(d + 1, n - 1); break;
	case 3: names(d + 1, n - 1); break;
	case 4: options_and_variables(d + 1, n - 1); break;
	case 5: field_flags(d + 1, n - 1); break;
	}
	return 0;
}
