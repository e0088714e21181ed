/* spawn.c: fork the child and turn it into the entrypoint. The child reports any failure
 * as one line over a CLOEXEC pipe, so ocinit learns of it before it supervises anything,
 * and execve's success closes the pipe without a word. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <string.h>
#include <sys/prctl.h>
#include <unistd.h>

#include "ocinit.h"
#include "sys.h"

struct report {
	int code;
	char msg[508];
};

static int report_fd = -1;

_Noreturn void child_fail(int code, const char *f, ...)
{
	struct report r = { .code = code };
	va_list ap;
	va_start(ap, f);
	vfmt(r.msg, sizeof r.msg, f, ap);
	va_end(ap);
	if (report_fd < 0 || write_all(report_fd, &r, sizeof r) < 0)
		say(L_ERR, "%s", r.msg);
	_exit(code);
}

/* rearm_pdeathsig: the kernel clears it on fork and on setuid; set it again, and act at once
 * if the parent is already gone. */
static void rearm_pdeathsig(int sig, pid_t parent)
{
	if (!sig)
		return;
	if (prctl(PR_SET_PDEATHSIG, sig, 0, 0, 0) < 0)
		child_fail(EXIT_OCINIT, "PR_SET_PDEATHSIG: %m");
	if (getppid() != parent)
		kill(getpid(), sig);
}

/* own_group: in the child, a process group of its own, and the terminal when ocinit had
 * its foreground. Where ocinit has no controlling terminal at all (a container without
 * -t), a session of its own (as dumb-init does), which is that group too: with the
 * kernel's autogroup scheduling a session is a scheduling group, and a child woken in its
 * own runs at once on the CPU that woke it — a forwarded signal arrives in about 20 µs
 * instead of 60 here, from outside and unpinned (make bench). With a terminal the child
 * stays in ocinit's session, which job control needs. */
static void own_group(int take_tty, int session)
{
	if (!CFG_PGROUP)
		return;
	if ((session ? setsid() : setpgid(0, 0)) < 0)
		child_fail(EXIT_OCINIT, "%s: %m", session ? "setsid" : "setpgid");
	/* Allowed from a background group because SIGTTOU is still blocked here. */
	if (take_tty && tcsetpgrp(0, getpid()) < 0)
		say(L_WARN, "cannot give the terminal to the child: %m");
}

/* no_ctty: this process has no controlling terminal (opening /dev/tty says ENXIO); any other
 * answer, a missing /dev/tty say, counts as having one. */
static int no_ctty(void)
{
	int fd = sys_open("/dev/tty", O_RDONLY | O_NOCTTY | O_CLOEXEC);
	if (fd >= 0)
		close(fd);
	return fd < 0 && errno == ENXIO;
}

_Noreturn void become_entrypoint(const struct opts *o, const struct sigstate *s, pid_t parent)
{
	char path[PATH_MAX], hint[128];
	int e;
	/* The inherited signal state comes back last: until then SIGPIPE stays blocked, so a
	 * -v line to a stderr nobody reads cannot kill the child half-way (the pending
	 * SIGPIPE it leaves is dropped), and a pdeathsig raised below waits for the restore. */
	if (CFG_CREDS)
		apply_creds(&o->creds);
	rearm_pdeathsig(o->pdeathsig, parent);
	close_fds_except(report_fd);
	if (signals_restore(s) < 0)
		child_fail(EXIT_OCINIT, "restore the inherited signal state: %m");
	exec_command(o->argv, o->envp, path, sizeof path);
	e = errno;
	child_fail(exec_exit_code(e), "exec %s: %s%s", path, strerror(e),
		   exec_hint(path, e, hint, sizeof hint));
}

pid_t spawn(const struct opts *o, const struct sigstate *s, int *took_tty)
{
	struct report r;
	size_t got = 0;
	int p[2];
	/* Take the foreground only from a terminal whose foreground ocinit itself is in. */
	pid_t fg = CFG_PGROUP ? tcgetpgrp(0) : -1; /* -1 at once when stdin is no terminal */
	/* fg 0: the foreground group is outside this PID namespace, as ocinit's own group is
	 * when it is PID 1 of one (unshare --pid --fork): then, as tini does, it gives the
	 * terminal to the child, or an interactive shell would stop at its first read. */
	int take_tty = *took_tty = fg >= 0 && fg == getpgrp(), session = fg < 0 && CFG_PGROUP && no_ctty();
	pid_t self = o->self; /* the child's parent, known before the fork (it may die at once) */
	if (sys_pipe2(p, O_CLOEXEC) < 0) {
		say(L_ERR, "pipe2: %m");
		return -1;
	}
	/* _Fork: fork without atfork handlers and their locking (we have no threads), two
	 * system calls fewer; the child re-initialises libcap-ng itself (capng_setpid). */
	pid_t pid = _Fork();
	if (pid < 0) {
		say(L_ERR, "fork: %m");
		close(p[0]);
		close(p[1]);
		return -1;
	}
	if (pid == 0) { /* (the read end p[0] goes with every other fd, before execve) */
		report_fd = p[1];
		own_group(take_tty, session);
		become_entrypoint(o, s, self);
	}
	close(p[1]);
	/* Also here, so that a signal forwarded to the group finds it; not for a session, which
	 * the child must make itself (setsid refuses a group leader): until then the signal
	 * goes to the child alone (supervise.c's forward). */
	if (CFG_PGROUP && o->pgroup && !session)
		setpgid(pid, pid);
	while (got < sizeof r) {
		ssize_t n = read(p[0], (char *)&r + got, sizeof r - got);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		got += (size_t)n;
	}
	close(p[0]);
	if (got == sizeof r)
		say(L_ERR, "%s", r.msg);
	else
		say(L_INFO, "started %s as pid %d", o->argv[0], (int)pid);
	return pid;
}
