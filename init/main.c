/* ocinit: a small init for containers, microVMs and sandboxes. main is the list of steps;
 * each step reports its own failure. See README.md. */
#include <errno.h>
#include <string.h>
#include <sys/prctl.h>
#include <unistd.h>

#include "ocinit.h"

/* become_subreaper: when not PID 1, adopt orphaned descendants so they are still reaped. */
static void become_subreaper(const struct opts *o)
{
	if (!CFG_SUBREAPER || o->no_subreaper || getpid() == 1)
		return;
	if (prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) < 0)
		say(L_WARN, "cannot become a child subreaper (%s): orphans will not be reaped",
		    strerror(errno));
}

/* set_pdeathsig: sig for ocinit when its parent dies, at once if that already happened. */
static void set_pdeathsig(int sig)
{
	pid_t parent;
	if (!sig)
		return;
	parent = getppid();
	if (prctl(PR_SET_PDEATHSIG, sig, 0, 0, 0) < 0)
		die("PR_SET_PDEATHSIG: %s", strerror(errno));
	if (getppid() != parent)
		die("the parent is gone");
}

int main(int argc, char **argv)
{
	struct opts o;
	struct sigstate s;
	pid_t child;
	int took_tty, r = parse_options(&o, argc, argv);

	if (r)
		return r > 0 ? 0 : EXIT_OCINIT;
	if (resolve(&o) < 0)
		return EXIT_OCINIT;
	if (CFG_CREDS && o.flags.print)
		return print_spec(&o) < 0 ? EXIT_OCINIT : 0;
	set_pdeathsig(o.pdeathsig);
	if (o.exec_mode)
		become_entrypoint(&o, NULL, 0);
	if (signals_take(&s) < 0)
		die("block signals: %s", strerror(errno));
	become_subreaper(&o);
	child = spawn(&o, &s, &took_tty);
	if (child < 0)
		die("fork: %s", strerror(errno));
	return supervise(&o, &s, child, took_tty);
}
