/* supervise.c: PID 1's loop. Take one signal at a time; SIGCHLD reaps every zombie there
 * is (SIGCHLD is not queued per child), the rest go to the child. Nothing in here may end
 * ocinit before the main child is gone: PID 1's death kills the container. */
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ocinit.h"

int exit_code_of(int wstatus)
{
	if (WIFEXITED(wstatus))
		return WEXITSTATUS(wstatus);
	if (WIFSIGNALED(wstatus))
		return 128 + WTERMSIG(wstatus);
	return EXIT_OCINIT;
}

/* reap: collect every zombie there is; 1 once the main child is among them. */
static int reap(pid_t child, int *status, int block)
{
	int st, found = 0;
	pid_t p;
	while ((p = waitpid(-1, &st, block ? 0 : WNOHANG)) > 0) {
		if (p == child) {
			*status = st;
			found = 1;
		}
		say(L_DEBUG, "reaped pid %d: status %d", (int)p, exit_code_of(st));
		block = 0;
	}
	return found;
}

static void forward(const struct opts *o, pid_t child, int sig)
{
	char name[12];
	pid_t target = CFG_PGROUP && o->pgroup ? -child : child;
	if (kill(target, sig) == 0)
		say(L_INFO, "forwarded %s to %d", signal_name(sig, name), (int)target);
	else
		say(L_DEBUG, "forward %s to %d: %s", signal_name(sig, name), (int)target, strerror(errno));
}

int supervise(const struct opts *o, const struct sigstate *s, pid_t child)
{
	int status = 0, warned = 0;
	for (;;) {
		siginfo_t si;
		int sig = (int)syscall(SYS_rt_sigtimedwait, &s->waited, &si, NULL, KSIGSET_SIZE);
		if (sig < 0) {
			if (errno == EINTR || errno == EAGAIN)
				continue;
			/* Cannot happen with a valid mask; still, keep reaping rather than spin. */
			if (!warned++)
				say(L_WARN, "rt_sigtimedwait: %s; only reaping from now on", strerror(errno));
			if (reap(child, &status, 1))
				return exit_code_of(status);
			continue;
		}
		if (sig == SIGCHLD) {
			if (reap(child, &status, 0))
				return exit_code_of(status);
		} else {
			forward(o, child, sig);
		}
	}
}
