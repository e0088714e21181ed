/* sys.h: system calls ocinit makes itself, not through musl's wrappers. Each wrapper here
 * brings code ocinit has no use for: thread synchronisation (__synccall: setgroups,
 * set*id, setrlimit repeat the call in every thread; ocinit has one), malloc (getcwd may
 * allocate), a vDSO lookup (clock_gettime; ocinit reads the clock only while a deadline
 * runs), fallbacks for old kernels (fstat, pipe2, socket, open), checks that mem.c makes
 * itself (mmap). Together about 5 KiB of the static binary. Same contract as the libc
 * call: -1 (MAP_FAILED) and errno on failure. The kernel's struct stat and struct rlimit
 * are musl's on x86_64 and aarch64. */
#ifndef OCINIT_SYS_H
#define OCINIT_SYS_H
#include <fcntl.h>
#include <sys/mman.h>
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

/* The memory calls of mem.c, without musl's argument checks (mem.c makes its own) and
 * its MAP_FIXED synchronisation with threads. */
static inline void *sys_mmap_anon(size_t n)
{
	return (void *)syscall(SYS_mmap, 0, n, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
}

static inline void *sys_mremap(void *p, size_t old, size_t n)
{
	return (void *)syscall(SYS_mremap, p, old, n, MREMAP_MAYMOVE);
}

static inline int sys_munmap(void *p, size_t n)
{
	return (int)syscall(SYS_munmap, p, n);
}

/* sys_socket: without musl's pre-2.6.27 SOCK_CLOEXEC fallback. */
static inline int sys_socket(int domain, int type, int protocol)
{
	return (int)syscall(SYS_socket, domain, type, protocol);
}

static inline int sys_nanosleep(const struct timespec *t)
{
	return (int)syscall(SYS_nanosleep, t, NULL);
}

/* sys_fd_open: fd is an open file descriptor. */
static inline int sys_fd_open(int fd)
{
	return syscall(SYS_fcntl, fd, F_GETFD) >= 0;
}
#endif
