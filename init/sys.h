/* sys.h: system calls ocinit makes itself, not through musl's wrappers. Each wrapper here
 * brings code ocinit has no use for: thread synchronisation (__synccall: setgroups,
 * set*id, setrlimit repeat the call in every thread; ocinit has one), malloc (getcwd may
 * allocate), a vDSO lookup (clock_gettime; ocinit reads the clock only while a deadline
 * runs), fallbacks for old kernels (fstat, pipe2, socket, open), checks that mem.c makes
 * itself (mmap). Together about 5 KiB of the static binary. Same contract as the libc
 * call: -1 (MAP_FAILED) and errno on failure.
 * Where the kernel's interface differs from musl's types, the feature decides, never the
 * arch's name: the 32-bit id calls where the plain ones take 16 bits (SYS_setresuid32),
 * musl's own calls where time_t is wider than the old system calls' (SYS_clock_gettime64),
 * mmap2 where mmap is the old one (SYS_mmap2), and musl's stat where the arch says its
 * struct stat is not the kernel's (ARCH_KSTAT 0 in arch.mk: 32-bit arches, mips64).
 * struct rlimit is prlimit64's everywhere: musl's rlim_t has 64 bits. */
#ifndef OCINIT_SYS_H
#define OCINIT_SYS_H
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#ifdef SYS_setresuid32 /* i386, arm: the plain calls take 16-bit ids there */
#define OC_SYS_setgroups SYS_setgroups32
#define OC_SYS_setresgid SYS_setresgid32
#define OC_SYS_setresuid SYS_setresuid32
#else
#define OC_SYS_setgroups SYS_setgroups
#define OC_SYS_setresgid SYS_setresgid
#define OC_SYS_setresuid SYS_setresuid
#endif

static inline int sys_setgroups(size_t n, const gid_t *groups)
{
	return (int)syscall(OC_SYS_setgroups, n, groups);
}

static inline int sys_setresgid(gid_t gid)
{
	return (int)syscall(OC_SYS_setresgid, gid, gid, gid);
}

static inline int sys_setresuid(uid_t uid)
{
	return (int)syscall(OC_SYS_setresuid, uid, uid, uid);
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
#ifdef SYS_clock_gettime64 /* 64-bit time_t over 32-bit calls: musl picks the call */
	clock_gettime(CLOCK_MONOTONIC, t);
#else
	syscall(SYS_clock_gettime, CLOCK_MONOTONIC, t);
#endif
}

/* sys_open: open(2) without a mode (ocinit creates no files) and without musl's
 * cancellation point and its pre-2.6.23 O_CLOEXEC fallback. */
static inline int sys_open(const char *path, int flags)
{
	return (int)syscall(SYS_openat, AT_FDCWD, path, flags);
}

/* sys_statat: fstatat(2) with flags 0. */
static inline int sys_statat(int dir, const char *path, struct stat *st)
{
#if ARCH_KSTAT
	return (int)syscall(SYS_newfstatat, dir, path, st, 0);
#else
	return fstatat(dir, path, st, 0);
#endif
}

static inline int sys_stat(const char *path, struct stat *st)
{
	return sys_statat(AT_FDCWD, path, st);
}

static inline int sys_fstat(int fd, struct stat *st)
{
#if ARCH_KSTAT
	return (int)syscall(SYS_fstat, fd, st);
#else
	return fstat(fd, st);
#endif
}

static inline int sys_pipe2(int fds[2], int flags)
{
	return (int)syscall(SYS_pipe2, fds, flags);
}

/* The memory calls of mem.c, without musl's argument checks (mem.c makes its own) and
 * its MAP_FIXED synchronisation with threads. */
static inline void *sys_mmap_anon(size_t n)
{
#ifdef SYS_mmap2 /* (offset 0 either way) */
	return (void *)syscall(SYS_mmap2, 0, n, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
#else
	return (void *)syscall(SYS_mmap, 0, n, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
#endif
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
#ifdef SYS_clock_gettime64
	return nanosleep(t, NULL);
#else
	return (int)syscall(SYS_nanosleep, t, NULL);
#endif
}

/* sys_fstatfs: fstatfs(2) into musl's struct statfs (the 64-bit call where there are two). */
static inline int sys_fstatfs(int fd, struct statfs *fs)
{
#ifdef SYS_fstatfs64
	return (int)syscall(SYS_fstatfs64, fd, sizeof *fs, fs);
#else
	return (int)syscall(SYS_fstatfs, fd, fs);
#endif
}

/* sys_fd_open: fd is an open file descriptor. */
static inline int sys_fd_open(int fd)
{
	return syscall(SYS_fcntl, fd, F_GETFD) >= 0;
}
#endif
