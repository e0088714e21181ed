/* sys.h: system calls ocinit makes itself, not through musl's wrappers. Each wrapper here
 * brings code ocinit has no use for: thread synchronisation (__synccall: setgroups,
 * set*id, setrlimit repeat the call in every thread; ocinit has one), malloc (getcwd may
 * allocate), a vDSO lookup (clock_gettime; ocinit reads the clock only while a deadline
 * runs), fallbacks for kernels before 2.6.39 (fstat, pipe2). Together about 4 KiB of a
 * static binary. Same contract as the libc call: -1 and errno on failure. The kernel's
 * struct stat and struct rlimit are musl's on x86_64 and aarch64. */
#ifndef OCINIT_SYS_H
#define OCINIT_SYS_H
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

static inline int sys_setgroups(size_t n, const gid_t *groups)
{
	return (int)syscall(SYS_setgroups, n, groups);
}

static inline int sys_setresgid(gid_t gid)
{
	return (int)syscall(SYS_setresgid, gid, gid, gid);
}

static inline int sys_setresuid(uid_t uid)
{
	return (int)syscall(SYS_setresuid, uid, uid, uid);
}

/* sys_prlimit: this process's limit res: set to *set (unless NULL), the old one into *old. */
static inline int sys_prlimit(int res, const struct rlimit *set, struct rlimit *old)
{
	return (int)syscall(SYS_prlimit64, 0, res, set, old);
}

/* sys_getcwd: the length with the NUL (> 0) on success; not absolute when unreachable. */
static inline long sys_getcwd(char *buf, size_t n)
{
	return syscall(SYS_getcwd, buf, n);
}

static inline void sys_monotonic(struct timespec *t)
{
	syscall(SYS_clock_gettime, CLOCK_MONOTONIC, t);
}

/* sys_open: open(2) without a mode (ocinit creates no files) and without musl's
 * cancellation point and its pre-2.6.23 O_CLOEXEC fallback. */
static inline int sys_open(const char *path, int flags)
{
	return (int)syscall(SYS_openat, AT_FDCWD, path, flags);
}

static inline int sys_stat(const char *path, struct stat *st)
{
	return (int)syscall(SYS_newfstatat, AT_FDCWD, path, st, 0);
}

static inline int sys_fstat(int fd, struct stat *st)
{
	return (int)syscall(SYS_fstat, fd, st);
}

static inline int sys_pipe2(int fds[2], int flags)
{
	return (int)syscall(SYS_pipe2, fds, flags);
}

/* sys_fd_open: fd is an open file descriptor. */
static inline int sys_fd_open(int fd)
{
	return syscall(SYS_fcntl, fd, F_GETFD) >= 0;
}
#endif
