/* signals.c: which signals ocinit forwards, and the signal state it inherited.
 * ocinit installs no handlers: it blocks what it forwards and takes it with
 * rt_sigtimedwait, so the child inherits ocinit's own dispositions untouched. */
#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "ocinit.h"


/* Signals 1..31 by name; those not forwarded say why. 32..64 (real-time) are forwarded.
 * The fault signals are forwarded too: blocked, they reach ocinit only when someone sent
 * them (kill, sigqueue); a real fault in ocinit is still ocinit's, since the kernel
 * unblocks a fault signal it raises and kills the faulting process. */
static const struct {
	unsigned char sig;
	unsigned char forward;
	char name[7]; /* in place: 9 bytes an entry, not 16 and a string elsewhere */
} table[] = {
	{ SIGHUP, 1, "HUP" },     { SIGINT, 1, "INT" },       { SIGQUIT, 1, "QUIT" },
	{ SIGILL, 1, "ILL" },
	{ SIGTRAP, 1, "TRAP" },   { SIGABRT, 1, "ABRT" },     { SIGBUS, 1, "BUS" },
	{ SIGFPE, 1, "FPE" },     { SIGKILL, 0, "KILL" },     /* cannot be caught */
	{ SIGUSR1, 1, "USR1" },   { SIGSEGV, 1, "SEGV" },     { SIGUSR2, 1, "USR2" },
	{ SIGPIPE, 1, "PIPE" },   { SIGALRM, 1, "ALRM" },     { SIGTERM, 1, "TERM" },
#ifdef SIGSTKFLT /* (not on mips) */
	{ SIGSTKFLT, 1, "STKFLT" },
#endif
#ifdef SIGEMT /* (mips only) */
	{ SIGEMT, 1, "EMT" },
#endif
	{ SIGCHLD, 0, "CHLD" },   /* ocinit's own: it drives reaping */
	{ SIGCONT, 1, "CONT" },   { SIGSTOP, 0, "STOP" },     /* cannot be caught */
	{ SIGTSTP, 1, "TSTP" },   { SIGTTIN, 1, "TTIN" },     { SIGTTOU, 1, "TTOU" },
	{ SIGURG, 1, "URG" },     { SIGXCPU, 1, "XCPU" },     { SIGXFSZ, 1, "XFSZ" },
	{ SIGVTALRM, 1, "VTALRM" }, { SIGPROF, 1, "PROF" },   { SIGWINCH, 1, "WINCH" },
	{ SIGIO, 1, "IO" },       { SIGPWR, 1, "PWR" },       { SIGSYS, 1, "SYS" },
};
#define N_TABLE (sizeof table / sizeof table[0])

int signal_is_forwarded(int sig)
{
	if (sig < 1 || sig > KSIG_MAX)
		return 0;
	for (size_t i = 0; i < N_TABLE; i++)
		if (table[i].sig == sig)
			return table[i].forward;
	return 1;
}

const char *signal_name(int sig, char buf[12])
{
	for (size_t i = 0; i < N_TABLE; i++)
		if (table[i].sig == sig) {
			fmt(buf, 12, "SIG%s", table[i].name);
			return buf;
		}
	fmt(buf, 12, "signal %d", sig);
	return buf;
}

/* small_number: s, all digits, as a number up to KSIG_MAX; -1 otherwise. */
static long small_number(const char *s)
{
	unsigned long long v;
	return parse_uint(s, 10, KSIG_MAX, &v) ? -1 : (long)v;
}

int signal_by_name(const char *name)
{
	const char *n = name + nocase_prefix(name, "SIG");
	long v;
	if (*n >= '0' && *n <= '9')
		return (v = small_number(n)) >= 1 && v <= KSIG_MAX ? (int)v : -1;
	for (size_t i = 0; i < N_TABLE; i++)
		if (nocase_equal(n, table[i].name))
			return table[i].sig;
	/* glibc's SIGRTMIN is 34, and so is what kill -l and bash say; musl's would be 35 */
	if (nocase_prefix(n, "RTMIN") || nocase_prefix(n, "RTMAX")) {
		int base = n[4] == 'N' || n[4] == 'n' ? 34 : KSIG_MAX;
		if (!n[5])
			return base;
		if (n[5] != (base == 34 ? '+' : '-') || n[6] < '0' || n[6] > '9')
			return -1;
		if ((v = small_number(n + 6)) < 0)
			return -1;
		v = base == 34 ? base + v : base - v;
		return v >= 34 && v <= KSIG_MAX ? (int)v : -1;
	}
	return -1;
}

int ksig_timedwait(const ksigset *set, siginfo_t *si, const struct timespec *t)
{
#ifdef SYS_rt_sigtimedwait_time64 /* 32-bit arches: musl's timespec has a 64-bit time_t */
	long r = syscall(SYS_rt_sigtimedwait_time64, set, si, t, KSIGSET_SIZE);
	if (r >= 0 || errno != ENOSYS)
		return (int)r;
	long old[2]; /* a kernel before 5.1: the old call, with the old timespec */
	if (t) {
		old[0] = t->tv_sec > LONG_MAX ? LONG_MAX : (long)t->tv_sec;
		old[1] = t->tv_nsec;
	}
	return (int)syscall(SYS_rt_sigtimedwait, set, si, t ? old : NULL, KSIGSET_SIZE);
#else
	return (int)syscall(SYS_rt_sigtimedwait, set, si, t, KSIGSET_SIZE);
#endif
}

static int ksigprocmask(int how, const ksigset *set, ksigset *old)
{
	return (int)syscall(SYS_rt_sigprocmask, how, set, old, KSIGSET_SIZE);
}

/* The kernel's struct sigaction: handler, flags, restorer, mask, unless arch/ has its own
 * (ksigaction.h: mips puts the flags first and has no restorer). The mask is the kernel's
 * array of unsigned long, not a ksigset, whose 64-bit words would be aligned to 8 bytes and
 * move it from offset 12 to 16 on arm. Only an empty one is ever set. SIGCHLD's disposition is
 * read and set by the system call itself, like the mask above: only SIG_DFL and SIG_IGN,
 * which need no restorer, so musl's sigaction (with its locking) is not needed. */
#if __has_include("ksigaction.h")
#include "ksigaction.h"
#else
struct ksigaction {
	void (*handler)(int);
	unsigned long flags;
	void (*restorer)(void);
	unsigned long mask[KSIGSET_SIZE / sizeof(unsigned long)];
};
#endif

/* chld_action: SIGCHLD's disposition into old, then set to new (either may be NULL). */
static int chld_action(const struct ksigaction *new, struct ksigaction *old)
{
	return (int)syscall(SYS_rt_sigaction, SIGCHLD, new, old, KSIGSET_SIZE);
}

int signals_take(struct sigstate *s)
{
	static const struct ksigaction dfl = { .handler = SIG_DFL };
	struct ksigaction sa;
	memset(&s->waited, 0xff, sizeof s->waited); /* all, less what is not forwarded, plus CHLD */
	for (int sig = KSIG_MAX + 1; sig <= (int)sizeof s->waited * 8; sig++)
		ksig_del(&s->waited, sig); /* mips: the kernel's 128th, beyond what ocinit handles */
	for (size_t i = 0; i < N_TABLE; i++)
		if (!table[i].forward)
			ksig_del(&s->waited, table[i].sig);
	ksig_add(&s->waited, SIGCHLD);
	if (ksigprocmask(SIG_BLOCK, &s->waited, &s->inherited_mask) < 0)
		return -1;
	/* An ignored SIGCHLD makes the kernel reap by itself: waitpid would never see the child. */
	s->chld_was_ignored = 0;
	if (chld_action(NULL, &sa) == 0 && sa.handler == SIG_IGN) {
		s->chld_was_ignored = 1;
		if (chld_action(&dfl, NULL) < 0)
			return -1;
	}
	return 0;
}

int signal_raised_here(const siginfo_t *si, pid_t self)
{
	return (si->si_code == SI_USER || si->si_code == SI_TKILL) && si->si_pid == self;
}

int signals_restore(const struct sigstate *s)
{
	static const struct ksigaction ign = { .handler = SIG_IGN };
	static const struct timespec now = { 0, 0 };
	/* A SIGPIPE or SIGXFSZ that our own writes raised (a -v line to a closed stderr) must
	 * not outlive the restore, nor execve; one someone else sent (ocinit forwarding to a
	 * child still setting up; a kill before `--exec` is done) is put back for the
	 * entrypoint, with its sender. Standard signals: at most one of each is pending. */
	ksigset own = { { 0 } };
	siginfo_t si, keep[2];
	int kept = 0;
	pid_t self = 0; /* asked only when something is pending: mostly nothing is */
	ksig_add(&own, SIGPIPE);
	ksig_add(&own, SIGXFSZ);
	while (ksig_timedwait(&own, &si, &now) > 0)
		if (!signal_raised_here(&si, self ? self : (self = getpid())) && kept < 2)
			keep[kept++] = si;
	while (kept--)
		syscall(SYS_rt_sigqueueinfo, self, keep[kept].si_signo, &keep[kept]);
	if (s->chld_was_ignored && chld_action(&ign, NULL) < 0)
		return -1;
	return ksigprocmask(SIG_SETMASK, &s->inherited_mask, NULL);
}
