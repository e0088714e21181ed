/* supervise.c: PID 1's loop. Take one signal at a time; SIGCHLD reaps every zombie there
 * is (SIGCHLD is not queued per child), the rest go to the child, rewritten as asked.
 * Once the main child is gone, what is left gets TERM, then KILL after the grace period,
 * and ocinit exits as soon as nothing is left. Nothing in here may end ocinit before the
 * main child is gone: PID 1's death kills the container. */
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "ocinit.h"
#include "sys.h"

#define KILL_WAIT 2 /* seconds to wait after SIGKILL for what cannot die at once */
#define RETRY_NS (10 * 1000 * 1000) /* a failed wait4 is tried again this soon */

int exit_code_of(int wstatus)
{
	if (WIFEXITED(wstatus))
		return WEXITSTATUS(wstatus);
	if (WIFSIGNALED(wstatus))
		return 128 + WTERMSIG(wstatus);
	return EXIT_OCINIT;
}

struct sup {
	const struct opts *o;
	pid_t child;
	int took_tty;
	pid_t self;
	int status, child_done;
	int reaped;               /* processes the last reap collected */
	int retry;                /* wait4 failed: reap again soon, whether a signal comes or not */
	enum { RUNNING, TERMED, KILLED } phase;
	int timed;                /* a deadline is set */
	struct timespec deadline; /* CLOCK_MONOTONIC */
};

static void set_deadline(struct sup *s, int seconds)
{
	sys_monotonic(&s->deadline);
	s->deadline.tv_sec += seconds;
	s->timed = 1;
}

/* left: the time until the deadline (zero once it has passed). */
static struct timespec left(const struct sup *s)
{
	struct timespec t, d = { 0, 0 };
	sys_monotonic(&t);
	long long ns = (s->deadline.tv_sec - t.tv_sec) * 1000000000LL + (s->deadline.tv_nsec - t.tv_nsec);
	if (ns > 0)
		d.tv_sec = (time_t)(ns / 1000000000), d.tv_nsec = (long)(ns % 1000000000);
	return d;
}

/* job_stopped: not PID 1, the main child stopped (Ctrl-Z in its own process group): stop
 * too, so that the shell sees the job stopped; once continued, continue the child. */
static void job_stopped(const struct sup *s)
{
	if (s->self == 1)
		return;
	say(L_INFO, "the child stopped: stopping too");
	kill(s->self, SIGSTOP);
	if (CFG_PGROUP && s->took_tty)
		tcsetpgrp(0, s->child);
	kill(CFG_PGROUP ? -s->child : s->child, SIGCONT);
}

/* reap: collect every zombie there is; notes the main child's end. Returns 1 when no
 * child is left at all. A failing wait4 (anything but ECHILD) sets s->retry, so that the
 * loop tries again soon even if no SIGCHLD ever comes again. */
static int reap(struct sup *s)
{
	int st;
	pid_t p;
	s->reaped = 0;
	while ((p = waitpid(-1, &st, WNOHANG | WUNTRACED)) != 0) {
		if (p < 0) {
			s->retry = errno != ECHILD;
			return !s->retry;
		}
		if (WIFSTOPPED(st)) {
			if (p == s->child)
				job_stopped(s);
			continue;
		}
		s->reaped++;
		if (p == s->child) {
			s->status = st;
			s->child_done = 1;
		} else if (CFG_COMPAT && s->o->warn_reaped) {
			say(L_WARN, "reaped zombie pid %d", (int)p);
		}
		say(L_DEBUG, "reaped pid %d: status %d", (int)p, exit_code_of(st));
	}
	s->retry = 0;
	return 0;
}

/* shut: the main child is gone and others are left: TERM them (KILL with no grace). In
 * the grace period, each time a leftover ends, what it leaves (a child it forked after the
 * TERM, or one it had, now ours) gets TERM too, or it would wait for the KILL. */
static void shut(struct sup *s)
{
	if (s->phase == TERMED && s->reaped)
		signal_rest(SIGTERM);
	if (s->phase != RUNNING)
		return;
	say(L_INFO, "the child exited (%d); ending what is left: %s", exit_code_of(s->status),
	    s->o->grace ? "TERM" : "KILL");
	s->phase = s->o->grace ? TERMED : KILLED;
	signal_rest(s->o->grace ? SIGTERM : SIGKILL);
	set_deadline(s, s->o->grace ? s->o->grace : KILL_WAIT);
}

/* deadline: the grace period is over: KILL what is left (as PID 1 after a TERM that the child
 * outlived, the child too); after that, stop waiting. Returns 1 when done waiting. */
static int deadline(struct sup *s)
{
	if (s->phase == KILLED)
		return 1;
	say(L_INFO, "grace period over: KILL");
	s->phase = KILLED;
	signal_rest(SIGKILL);
	set_deadline(s, KILL_WAIT);
	return 0;
}

static void forward(struct sup *s, int sig)
{
	char name[12], as[12];
	int to = sig >= 1 && sig <= KSIG_MAX ? s->o->rewrite[sig] : 0; /* (nothing else is waited for) */
	pid_t target = CFG_PGROUP && s->o->pgroup ? -s->child : s->child;
	/* As the kernel's init, INT (ctrl-alt-del), TERM and PWR shut the machine down. */
	if (CFG_VM && s->o->vm && (sig == SIGINT || sig == SIGTERM || sig == SIGPWR)) {
		say(L_INFO, "vm: %s: shutting down", signal_name(sig, name));
		signal_rest(SIGTERM);
		if (!s->timed)
			set_deadline(s, s->o->grace);
		return;
	}
	if (!to) {
		say(L_INFO, "dropped %s", signal_name(sig, name));
		return;
	}
	/* The hot path: the names are made only when they are printed. */
	/* (a group not there yet: a child still making its session; the child alone then) */
	if (kill(target, to) == 0 || (target < 0 && errno == ESRCH && kill(s->child, to) == 0)) {
		if (log_verbosity >= L_INFO)
			say(L_INFO, "forwarded %s as %s to %d", signal_name(sig, name), signal_name(to, as),
			    (int)target);
	} else if (log_verbosity >= L_DEBUG) {
		say(L_DEBUG, "forward %s to %d: %m", signal_name(to, name), (int)target);
	}
	/* As PID 1, TERM and INT begin the end: the grace period runs from here. */
	if ((sig == SIGTERM || sig == SIGINT) && !s->timed && s->self == 1)
		set_deadline(s, s->o->grace);
}

/* finish: the exit code, with --ok codes reported as success. */
static int finish(const struct sup *s)
{
	int code = s->child_done ? exit_code_of(s->status) : 128 + SIGKILL;
	return s->o->ok[code / 8] >> (code % 8) & 1 ? 0 : code;
}

/* timeout: how long the next wait may take: until the deadline, RETRY_NS after a failed
 * wait4, or for ever (NULL). The clock is read only while a deadline runs. */
static const struct timespec *timeout(const struct sup *s, struct timespec *t)
{
	if (s->timed)
		*t = left(s);
	if (s->retry && !(s->timed && t->tv_sec == 0 && t->tv_nsec < RETRY_NS))
		t->tv_sec = 0, t->tv_nsec = RETRY_NS;
	return s->timed || s->retry ? t : NULL;
}

int supervise(const struct opts *o, const struct sigstate *ss, pid_t child, int took_tty)
{
	struct sup s = { .o = o, .child = child, .took_tty = took_tty, .self = o->self };
	int warned = 0;
	for (;;) {
		siginfo_t si;
		struct timespec t;
		int sig = ksig_timedwait(&ss->waited, &si, timeout(&s, &t));
		if (sig < 0 && errno == EAGAIN) {
			/* the deadline, a retry nap, or a spurious wake-up: only a deadline that has
			 * passed ends anything */
			if (s.timed && (t = left(&s), !t.tv_sec && !t.tv_nsec) && deadline(&s))
				return finish(&s);
		} else if (sig < 0 && errno != EINTR) {
			/* Cannot happen with a valid mask; still, keep reaping, never spin. */
			struct timespec nap = { 0, RETRY_NS };
			if (!warned++)
				say(L_WARN, "rt_sigtimedwait: %m; only reaping from now on");
			sys_nanosleep(&nap);
		}
		/* A signal for the child first, before the reaping: the child waits for nothing. */
		if (!s.child_done && sig > 0 && sig != SIGCHLD && !signal_raised_here(&si, s.self))
			forward(&s, sig);
		/* Every wake-up reaps: no signal, however often it comes, can starve it. */
		int none_left = reap(&s);
		if (s.child_done && none_left)
			return finish(&s);
		if (s.child_done)
			shut(&s);
	}
}

int pause_until_stopped(const struct sigstate *ss)
{
	for (;;) {
		siginfo_t si;
		struct timespec nap = { 0, RETRY_NS };
		int sig = ksig_timedwait(&ss->waited, &si, NULL);
		while (waitpid(-1, NULL, WNOHANG) > 0) /* what others left in the pod's namespace */
			;
		if (sig == SIGINT || sig == SIGTERM)
			return 0;
		if (sig < 0 && errno != EINTR && errno != EAGAIN)
			sys_nanosleep(&nap); /* cannot happen with a valid mask: still, never spin */
	}
}
