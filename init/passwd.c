/* passwd.c: names from the /etc/passwd and /etc/group of the root ocinit runs in, read by
 * ocinit itself: no NSS, no nscd socket, a bounded regular file, malformed lines skipped
 * (as libc does). Also the bounded file reader the config uses. */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ocinit.h"
#include "sys.h"

#define MAX_DB_SIZE (4u << 20)

/* read_small_file: errors are reported, but for ENOENT (returned, not reported). */
int read_small_file(const char *path, size_t max, char **buf, size_t *len)
{
	struct stat st;
	size_t got = 0;
	/* O_NONBLOCK: opening a FIFO must not hang; it is refused below anyway. */
	int fd = sys_open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
	if (fd < 0) { /* a missing file is the caller's to judge */
		if (errno != ENOENT)
			say(L_ERR, "%s: %m", path);
		return -1;
	}
	if (sys_fstat(fd, &st) < 0)
		goto fail;
	if (!S_ISREG(st.st_mode)) {
		errno = EINVAL;
		say(L_ERR, "%s: not a regular file", path);
		goto reported;
	}
	if ((unsigned long long)st.st_size > max) {
		say(L_ERR, "%s: larger than %lu bytes", path, (unsigned long)max);
		goto reported;
	}
	/* Read to the end, not to st_size (/proc files say 0 and hold more), into room for
	 * max + 1 bytes: untouched pages of the mapping cost nothing. */
	if (!(*buf = mem_alloc(max + 1)))
		goto fail;
	for (ssize_t n; got <= max;) {
		size_t asked = max + 1 - got;
		if ((n = read(fd, *buf + got, asked)) <= 0) {
			if (n == 0)
				break;
			if (errno == EINTR)
				continue;
			mem_free(*buf);
			goto fail;
		}
		got += (size_t)n;
		/* A regular file that gave less than asked is at its end: a read more would only
		 * say 0. (/proc's files say size 0, and may give less per read: read to EOF.) */
		if (st.st_size && (size_t)n < asked)
			break;
	}
	if (got > max) {
		say(L_ERR, "%s: larger than %lu bytes", path, (unsigned long)max);
		mem_free(*buf);
		goto reported;
	}
	(*buf)[got] = 0;
	*len = got;
	close(fd);
	return 0;
fail:
	say(L_ERR, "%s: %m", path);
reported:
	close(fd);
	errno = EBADMSG; /* anything but ENOENT: the caller knows it was reported */
	return -1;
}

/* parse_id: a field that is an id 0..4294967294 (the value 2^32-1 means "unchanged" to
 * setresuid); -1 if it is not one. */
static int parse_id(const char *s, unsigned *id)
{
	unsigned long long v;
	if (parse_uint(s, 10, 4294967294ULL, &v))
		return -1;
	*id = (unsigned)v;
	return 0;
}

/* fields: split line (without its newline) at ':' into at most max fields, each
 * NUL-terminated (the last one keeps any further ':'). */
static size_t fields(char *line, char *f[], size_t len[], size_t max)
{
	size_t k = 0;
	for (char *p = line;; p++) {
		f[k] = p;
		p += strcspn(p, ":");
		len[k] = (size_t)(p - f[k]);
		if (++k == max || !*p)
			return k;
		*p = 0;
	}
}

typedef int (*line_fn)(char *f[], size_t len[], size_t n, void *arg);

/* each_line: call fn on each line of file until it returns non-zero. A missing file has no
 * lines. Returns fn's non-zero result, 0 at the end, -1 on error (reported). */
static int each_line(const char *file, line_fn fn, void *arg)
{
	char *buf, *line, *next;
	size_t len;
	int r = 0;
	if (read_small_file(file, MAX_DB_SIZE, &buf, &len) < 0)
		return errno == ENOENT ? 0 : -1;
	for (line = buf; !r && line < buf + len; line = next) {
		char *f[7], *end = memchr(line, '\n', (size_t)(buf + len - line));
		size_t fl[7];
		if (!end)
			end = buf + len;
		*end = 0;
		next = end + 1;
		if (*line == '#' || !*line || strlen(line) != (size_t)(end - line))
			continue; /* comments, empty lines, lines with a NUL byte */
		r = fn(f, fl, fields(line, f, fl, 7), arg);
	}
	mem_free(buf);
	return r;
}

struct pw_query {
	const char *name;
	uid_t uid;
	struct pwent *pw;
};

static int pw_line(char *f[], size_t len[], size_t n, void *arg)
{
	struct pw_query *q = arg;
	unsigned uid, gid;
	if (n < 7 || parse_id(f[2], &uid) || parse_id(f[3], &gid))
		return 0;
	if (q->name ? len[0] != strlen(q->name) || memcmp(f[0], q->name, len[0]) : uid != q->uid)
		return 0;
	if (len[0] >= sizeof q->pw->name || len[5] >= sizeof q->pw->home)
		return 0;
	q->pw->uid = uid;
	q->pw->gid = gid;
	memcpy(q->pw->name, f[0], len[0]);
	q->pw->name[len[0]] = 0;
	memcpy(q->pw->home, f[5], len[5]);
	q->pw->home[len[5]] = 0;
	return 1;
}

int passwd_find(const char *file, const char *name, uid_t uid, struct pwent *pw)
{
	struct pw_query q = { name, uid, pw };
	return each_line(file, pw_line, &q);
}

struct gr_query {
	const char *name;
	gid_t *gid;
	struct creds *c;
};

static int gr_line(char *f[], size_t len[], size_t n, void *arg)
{
	struct gr_query *q = arg;
	unsigned gid;
	if (n < 4 || parse_id(f[2], &gid))
		return 0;
	if (q->gid) { /* by name */
		if (len[0] != strlen(q->name) || memcmp(f[0], q->name, len[0]))
			return 0;
		*q->gid = gid;
		return 1;
	}
	/* memberships: is q->name in the comma-separated member list? (A malformed list
	 * counts as far as it is well formed, as any malformed line counts as none.) */
	char m[256];
	const char *p = *f[3] ? f[3] : NULL;
	while (list_next(&p, m, sizeof m) > 0)
		if (!strcmp(m, q->name)) {
			for (size_t i = 0; i < q->c->ngroups; i++)
				if (q->c->groups[i] == gid)
					return 0;
			if (q->c->ngroups >= MAX_GROUPS) {
				say(L_ERR, "%s is in more than %d groups", q->name, MAX_GROUPS);
				return -1;
			}
			q->c->groups[q->c->ngroups++] = gid;
			return 0;
		}
	return 0;
}

int group_find(const char *file, const char *name, gid_t *gid)
{
	struct gr_query q = { name, gid, NULL };
	return each_line(file, gr_line, &q);
}

int group_memberships(const char *file, const char *user, struct creds *c)
{
	struct gr_query q = { user, NULL, c };
	return each_line(file, gr_line, &q) < 0 ? -1 : 0;
}
