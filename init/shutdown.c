/* shutdown.c: what outlives the main child. As PID 1 that is everything in the PID
 * namespace (kill(-1) reaches all of it but PID 1); as a subreaper it is every descendant,
 * found through /proc (without /proc, only waiting is possible). */
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "ocinit.h"
#include "sys.h"

#define MAX_PROCS 32768

/* pid_at: the pid written at s (up to a non-digit), -1 if none. */
static pid_t pid_at(const char *s)
{
	unsigned long long v;
	return scan_uint(s, 10, 1U << 30, &v) ? (pid_t)v : -1;
}

/* parent_of: the parent pid of pid from /proc/PID/stat, or -1. */
static pid_t parent_of(pid_t pid)
{
	char path[40], buf[512];
	fmt(path, sizeof path, "/proc/%d/stat", (int)pid);
	int fd = sys_open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	ssize_t n = read(fd, buf, sizeof buf - 1);
	close(fd);
	if (n <= 0)
		return -1;
	buf[n] = 0;
	char *p = buf + n; /* the command may hold anything: the last ')' ends it */
	while (p > buf && *p != ')')
		p--;
	if (p[0] != ')' || p[1] != ' ' || !p[2] || p[3] != ' ')
		return -1;
	return pid_at(p + 4);
}

/* descendants: every pid under us, into list (at most max); -1 without /proc. The tables
 * are static: untouched pages cost nothing, and a shutdown never fails to allocate. */
static int descendants(pid_t *list, int max)
{
	static pid_t pids[MAX_PROCS], ppids[MAX_PROCS];
	char buf[4096];
	int n = 0, found = 0, fd = sys_open("/proc", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	for (long got; (got = syscall(SYS_getdents64, fd, buf, sizeof buf)) > 0;)
		for (long off = 0; off < got && n < MAX_PROCS;) {
			struct kdirent64 *d = (struct kdirent64 *)(buf + off);
			off += d->d_reclen;
			unsigned long long v;
			pid_t pid = parse_uint(d->d_name, 10, 1U << 30, &v) ? -1 : (pid_t)v;
			if (pid > 0 && pid != getpid() && (ppids[n] = parent_of(pid)) > 0)
				pids[n++] = pid;
		}
	close(fd);
	/* breadth first from ourselves: list holds what is found, in the order found */
	for (int head = -1; head < found; head++) {
		pid_t parent = head < 0 ? getpid() : list[head];
		for (int i = 0; i < n && found < max; i++)
			if (ppids[i] == parent)
				list[found++] = pids[i];
	}
	return found;
}

void signal_rest(int sig)
{
	pid_t list[4096];
	if (getpid() == 1) {
		kill(-1, sig);
		return;
	}
	if (!CFG_SUBREAPER) /* what the child left went to another reaper: none of it is ours */
		return;
	int n = descendants(list, 4096);
	for (int i = 0; i < n; i++)
		kill(list[i], sig);
	say(L_INFO, "sent signal %d to %d descendants", sig, n < 0 ? 0 : n);
}
