/* ocinit: shared types and the contracts between the rooms of init/.
 * Data flows one way: options -> struct opts -> spawn (child: exec) -> supervise -> exit code. */
#ifndef OCINIT_H
#define OCINIT_H

#include <stdarg.h>
#include <stddef.h>
#include <signal.h>
#include <sys/types.h>
#include <time.h>

#include "config.h"

/* The highest signal number: musl's _NSIG is the kernel's count plus one (65), and 128 on
 * mips, where the kernel's 128th cannot be told in a wait status (glibc stops at 127 too). */
#define KSIG_MAX (_NSIG - 1)
#include "creds.h"
#include "mem.h"

/* Exit codes with fixed meanings (tini's). */
enum {
	EXIT_OCINIT  = 125, /* ocinit's own failure: usage, setup, a privilege step, fork */
	EXIT_NOEXEC  = 126, /* execve failed for any reason but "not found" */
	EXIT_NOTFOUND = 127, /* execve: ENOENT / ENOTDIR */
};

/* The whole run: parse_options() fills argv, flags and the plain options, resolve() the
 * rest; read-only once the child is spawned. */
struct opts {
	char **argv;   /* the command and its arguments (NULL-terminated) */
	char **envp;   /* the child's environment */
	int env_owned, env_from_config; /* envp is ocinit's own (mem.c); it came from a config */
	int pgroup;    /* -g: forward signals to the child's process group */
	int verbose;   /* -v count */
	int grace;     /* seconds between TERM and KILL for what outlives the child */
	int pdeathsig; /* 0 or the signal for ocinit and the child when their parent dies */
	int no_subreaper, exec_mode;
	int warn_reaped; /* -w: a warning for each zombie reaped that is not the child */
	int pause;       /* -P: no command; reap until INT or TERM */
	int vm;        /* the kernel's own init: set up the system, power off at the end */
	pid_t self;    /* ocinit's pid, asked once (main) */
	unsigned char rewrite[KSIG_MAX + 1]; /* what each signal is forwarded as; 0 drops it */
	unsigned char ok[32];      /* exit codes reported as 0: a bitmap */
	struct cred_flags flags;
	struct creds creds;
};

/* ---- log.c: one prefix, no stdio ---------------------------------------------------------- */
enum level { L_ERR, L_WARN, L_INFO, L_DEBUG };
extern int log_verbosity; /* messages above L_WARN print only when verbosity reaches them */

/* fmt: a small printf (%s %d %u %o %x %c %%, l for long) into buf; always NUL-terminates, truncates. */
size_t fmt(char *buf, size_t n, const char *f, ...) __attribute__((format(printf, 3, 4)));
size_t vfmt(char *buf, size_t n, const char *f, va_list ap) __attribute__((format(printf, 3, 0)));
/* say: one line "ocinit: [warning: ]MSG\n" on stderr with a single write. */
void say(enum level l, const char *f, ...) __attribute__((format(printf, 2, 3)));
/* die: say(L_ERR) and exit 125 (or die_hook(125), which must not return). Only before the
 * supervisor loop starts. */
extern void (*die_hook)(int code);
_Noreturn void die(const char *f, ...) __attribute__((format(printf, 1, 2)));
/* write_all: write n bytes to fd, retrying on EINTR and short writes; 0 or -1. */
int write_all(int fd, const void *buf, size_t n);

/* sort.c: qsort's contract (heapsort: O(n log n) always, not stable). */
void sort(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *));

/* ---- args.c: text into values -------------------------------------------------------------- */
/* all_digits: s is not empty and only decimal digits (a number, not a name). */
int all_digits(const char *s);
/* scan_uint: the digits of base (2..16; a-f in either case) at s as a value <= max into *v: how many characters
 * they take; 0 when there is no digit or the value exceeds max. No sign, no space. */
size_t scan_uint(const char *s, unsigned base, unsigned long long max, unsigned long long *v);
/* parse_uint: all of s is such a number: 0, else -1 (not reported). */
int parse_uint(const char *s, unsigned base, unsigned long long max, unsigned long long *v);
/* list_next: the next element of a comma-separated list into buf (n bytes), advancing
 * *cursor (NULL once the last is taken): 1, or 0 when there are no more; -1 for an empty
 * element (",", "a,,b", "a,", and the list "") or one of n bytes or more. */
int list_next(const char **cursor, char *buf, size_t n);
/* parse_int: all of s a decimal, an optional '-' first, in [min, max]: 0, else -1 (not reported). */
int parse_int(const char *s, long long min, long long max, long long *v);
/* decimal_arg: parse_int, and a failure reported, naming what. */
int decimal_arg(const char *what, const char *s, long long min, long long max, long long *v);
/* nocase_prefix: s starts with p (not empty), ASCII case aside: p's length, else 0.
 * nocase_equal: s is p, case aside. (musl's strcasecmp pair brings 300 bytes.) */
size_t nocase_prefix(const char *s, const char *p);
int nocase_equal(const char *s, const char *p);
/* named_value: s (case aside, prefix optional) among names[0..n) (NULL: a hole): its
 * index, or -1. IOPRIO_CLASS_BE, be, Be for { .., "BE" } with prefix "IOPRIO_CLASS_". */
int named_value(const char *s, const char *prefix, const char *const names[], int n);

/* ---- options.c, usage.c --------------------------------------------------------------------- */
struct option_def {
	char short_name;     /* 0: long only */
	unsigned char id;
	unsigned char enabled; /* compiled in (a CFG_ symbol or 1) */
	const char *long_name;
	const char *arg;     /* the value's name, or NULL for a flag */
	const char *env;     /* the variable standing for it; "NAME=V": V turns the flag on */
	const char *help;
};
/* OPT: an option of a feature that may be left out; without it, its names and texts are
 * not in the binary either. */
#define OPT(cfg, s, l, id, arg, env, help) \
	{ (cfg) ? (s) : 0, id, cfg, (cfg) ? (l) : "", (cfg) ? (arg) : NULL, env, (cfg) ? (help) : NULL }
/* OPT_FIELD: the id of every option of a fields.c row (field_of tells which). */
#define OPT_FIELD 200
/* option_nth: the i-th option (ocinit's, then tini's and catatonit's), NULL past the last. */
const struct option_def *option_nth(size_t i);
/* parse_options: fill o from the OCINIT_* variables, then argv. Returns 0 to run, 1 when
 * the run is done (help, version), -1 on a usage error (already reported). */
int parse_options(struct opts *o, int argc, char **argv);
/* option_variable: kv ("NAME=...") is one of the variables ocinit reads. */
int option_variable(const char *kv);
void print_help(void);
/* print_version: one line Docker's parser reads: "ocinit version X (ARCH +FEATURE...) - git.C" */
void print_version(void);
void print_license(void);

/* ---- signals.c: the forwarding table and the signal state ocinit inherited ---------------------- */
/* The kernel's sigset: signals 1..KSIG_MAX (64; 127 on mips, whose kernel has 128 and whose
 * 128th no wait status can report), bit sig-1, kept in 64-bit words. That is the kernel's
 * array of unsigned long on a 64-bit arch of either byte order, and on a little-endian
 * 32-bit one; a big-endian 32-bit arch would need the halves swapped. Raw syscalls use it
 * so that signals 32..34, which musl reserves for itself, are blocked and restored too. */
#if __SIZEOF_LONG__ == 4 && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
#error "ksigset: a big-endian 32-bit arch keeps its sigset words the other way round"
#endif
typedef struct {
	unsigned long long w[(KSIG_MAX + 63) / 64];
} ksigset;
#define KSIGSET_SIZE ((KSIG_MAX + 1) / 8)
static inline void ksig_add(ksigset *s, int sig) { s->w[(sig - 1) / 64] |= 1ULL << (sig - 1) % 64; }
static inline void ksig_del(ksigset *s, int sig) { s->w[(sig - 1) / 64] &= ~(1ULL << (sig - 1) % 64); }

struct sigstate {
	ksigset inherited_mask; /* what ocinit was started with; the child gets it back */
	ksigset waited;         /* blocked and consumed by the supervisor */
	int chld_was_ignored;   /* SIGCHLD was SIG_IGN: reset for waitpid, restored in the child */
};
/* ksig_timedwait: rt_sigtimedwait(2) on a ksigset, with musl's timespec (t may be NULL). */
int ksig_timedwait(const ksigset *set, siginfo_t *si, const struct timespec *t);
int signal_is_forwarded(int sig);
/* signal_by_name: TERM, SIGTERM, 15, RTMIN+N or RTMAX-N (RTMIN is 34, as glibc and kill -l
 * count) to its number; -1 if it is none. */
int signal_by_name(const char *name);
const char *signal_name(int sig, char buf[12]);
/* signals_take: block every forwarded signal and SIGCHLD, remember what to restore. */
int signals_take(struct sigstate *s);
/* signal_raised_here: si is a signal self sent itself: the SIGPIPE or SIGXFSZ of its own
 * writes (the kernel sends them as SI_USER from the writer), or a kill/tkill of its own.
 * Never the child's business: forwarding it and logging that would raise it again. */
int signal_raised_here(const siginfo_t *si, pid_t self);
/* signals_restore: before execve, give back the inherited mask and SIGCHLD disposition;
 * a pending SIGPIPE/SIGXFSZ raised here is dropped, one sent by others is kept. */
int signals_restore(const struct sigstate *s);

/* ---- fds.c ------------------------------------------------------------------------------------ */
/* What getdents64(2) returns (musl exposes no such type): fds.c and shutdown.c walk /proc. */
struct kdirent64 {
	unsigned long long d_ino;
	long long d_off;
	unsigned short d_reclen;
	unsigned char d_type;
	char d_name[];
};
/* close_fds_except: close every fd >= 3 but keep (pass -1 to keep none). */
void close_fds_except(int keep);

/* ---- exec.c ----------------------------------------------------------------------------------- */
#define DEFAULT_PATH "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
/* path_next: the next candidate for name in a PATH string (advances *cursor); an empty
 * element means the current directory. Returns 0 when the PATH is exhausted or a candidate
 * would not fit in buf. */
int path_next(const char **cursor, const char *name, char *buf, size_t n);
/* exec_command: execve argv[0] (searched in envp's PATH when it has no '/'); returns only
 * on failure, with errno set and the path that failed in path. */
void exec_command(char *const argv[], char *const envp[], char *path, size_t n);
/* exec_exit_code: 127 for "not found" errnos, 126 for the rest. */
int exec_exit_code(int err);
/* exec_hint: after a failed execve of path, a short explanation or "". */
const char *exec_hint(const char *path, int err, char *buf, size_t n);

/* ---- spawn.c ----------------------------------------------------------------------------------- */
/* child_fail: in the child, report one line and an exit code to ocinit, then _exit(code). */
_Noreturn void child_fail(int code, const char *f, ...) __attribute__((format(printf, 2, 3)));
/* become_entrypoint: in the child (or, with --exec, in ocinit itself): apply the
 * credentials, re-arm pdeathsig (parent: whose death it means, read before any fork), close
 * fds, restore the signal state s, execve. Never returns. */
_Noreturn void become_entrypoint(const struct opts *o, const struct sigstate *s, pid_t parent);
/* spawn: fork the child, which becomes the entrypoint. Returns the child's pid and sets
 * *took_tty when it was given the terminal; a failure the child reports is printed here.
 * -1 (reported: pipe2 or fork) if it cannot start one. */
pid_t spawn(const struct opts *o, const struct sigstate *s, int *took_tty);

/* ---- supervise.c ------------------------------------------------------------------------------- */
/* exit_code_of: the shell's convention: the exit status, or 128+N for death by signal N. */
int exit_code_of(int wstatus);
/* supervise: forward signals and reap every child until the main child and all that it
 * left are gone; returns ocinit's exit code. Never fails: PID 1's death would kill the
 * container. */
int supervise(const struct opts *o, const struct sigstate *s, pid_t child, int took_tty);
/* pause_until_stopped: -P, catatonit's pause mode (a pod's infra container): no child of
 * its own; reap whatever ends, exit 0 at INT or TERM. */
int pause_until_stopped(const struct sigstate *ss);

/* ---- vm.c: the kernel's first process ----------------------------------------------------------- */
/* vm_detected: (called as PID 1) in the initial PID namespace, started by the kernel. */
int vm_detected(void);
/* vm_setup: console on 0-2, /proc /sys /dev /dev/pts /dev/shm /run /tmp, lo up, hostname. */
void vm_setup(void);
/* vm_config: with no --oci, the config named by ocinit.config= or /etc/ocinit/config.json. */
void vm_config(struct opts *o);
/* vm_poweroff: print the exit status, end what is left, sync, power off. */
_Noreturn void vm_poweroff(int code, int grace);

/* ---- shutdown.c ------------------------------------------------------------------------------ */
/* signal_rest: sig to everything but ocinit: as PID 1 all of the namespace, else every
 * descendant /proc shows. */
void signal_rest(int sig);

#endif
