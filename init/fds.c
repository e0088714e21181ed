/* fds.c: make sure no descriptor but 0, 1, 2 (and the report pipe, which is CLOEXEC)
 * survives into the entrypoint. close_range where the kernel has it; else a walk of
 * /proc/self/fd; else every number up to RLIMIT_NOFILE. */
#include <errno.h>
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "ocinit.h"
#include "sys.h"

/* close_span: close [lo, hi] with close_range; 0, or -1 when the kernel lacks it. */
static int close_span(unsigned lo, unsigned hi)
{
#ifdef SYS_close_range
	if (lo > hi)
		return 0;
	return (int)syscall(SYS_close_range, lo, hi, 0);
#else
	(void)lo, (void)hi;
	errno = ENOSYS;
	return -1;
#endif
}

/* close_by_walk: close what /proc/self/fd lists; -1 when /proc cannot be read. */
static int close_by_walk(int keep)
{
	char buf[2048];
	int dir = sys_open("/proc/self/fd", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (dir < 0)
		return -1;
	long n;
	while ((n = syscall(SYS_getdents64, dir, buf, sizeof buf)) > 0)
		for (long off = 0; off < n;) {
			struct kdirent64 *d = (struct kdirent64 *)(buf + off);
			unsigned long long fd;
			off += d->d_reclen;
			if (parse_uint(d->d_name, 10, 1U << 30, &fd) == 0 && fd > 2 && (int)fd != dir &&
			    (int)fd != keep)
				close((int)fd);
		}
	close(dir);
	return n < 0 ? -1 : 0; /* a walk cut short closed too little: fall back */
}

void close_fds_except(int keep)
{
	if (keep < 3) {
		if (close_span(3, ~0U) == 0)
			return;
	} else if (close_span(3, (unsigned)keep - 1) == 0 && close_span((unsigned)keep + 1, ~0U) == 0) {
		return;
	}
	if (close_by_walk(keep) == 0)
		return;
	struct rlimit rl;
	int max = 1 << 20; /* the kernel's default nr_open */
	if (sys_prlimit(RLIMIT_NOFILE, NULL, &rl) == 0 && rl.rlim_cur < (rlim_t)max)
		max = (int)rl.rlim_cur;
	for (int fd = 3; fd < max; fd++)
		if (fd != keep)
			close(fd);
}
