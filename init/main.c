/* ocinit: a small init for containers, microVMs and sandboxes. main is the list of steps;
 * each step reports its own failure. See README.md. */
#include <errno.h>
#include <string.h>
#include <sys/prctl.h>
#include <unistd.h>

#include "ocinit.h"

/* become_subreaper: when not PID 1, adopt orphaned descendants so they are still reaped. */
static void become_subreaper(const struct opts *o, pid_t self)
{
	if (!CFG_SUBREAPER || o->no_subreaper || self == 1)
		return;
	if (prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) < 0)
		say(L_WARN, "cannot become a child subreaper (%m): orphans will not be reaped");
}

/* set_pdeathsig: sig for ocinit when its parent dies, at once if that already happened. */
static void set_pdeathsig(int sig, pid_t parent)
{
	if (!sig)
		return;
	if (prctl(PR_SET_PDEATHSIG, sig, 0, 0, 0) < 0)
		die("PR_SET_PDEATHSIG: %m");
	if (getppid() != parent)
		die("the parent is gone");
}

static int vm_grace = 5;

/* leave: ocinit's exit; as the kernel's init a poweroff instead, which never returns. */
static int leave(int code)
{
	if (CFG_VM && die_hook)
		vm_poweroff(code, vm_grace);
	return code;
}
static void vm_die(int code) { leave(code); }

/* vm_wanted: the kernel started us (proven: vm.c), or --vm comes before the command.
 * --vm anywhere but in PID 1 is refused: it would kill(-1) and reboot a host. */
static int vm_wanted(int argc, char **argv, pid_t self)
{
	for (int i = 1; i < argc && argv[i][0] == '-' && strcmp(argv[i], "--"); i++)
		if (!strcmp(argv[i], "--vm")) {
			if (self != 1)
				die("--vm: ocinit is not PID 1 (pid %d)", (int)self);
			return 1;
		}
	return self == 1 && vm_detected();
}

int main(int argc, char **argv)
{
	struct opts o;
	struct sigstate s;
	pid_t child;
	pid_t self = getpid(), parent = getppid();
	int took_tty, r, vm;

	/* First of all: from here every signal ocinit forwards is blocked, SIGPIPE included, so
	 * that no write to a stderr nobody reads can kill ocinit, not even an error line. */
	if (signals_take(&s) < 0)
		die("block signals: %m");
	vm = CFG_VM && vm_wanted(argc, argv, self);
	if (vm) { /* first, so that every error below ends in a poweroff, not a panic */
		vm_setup();
		die_hook = vm_die;
	}
	o.vm = vm;
	if ((r = parse_options(&o, argc, argv)))
		return leave(r > 0 ? 0 : EXIT_OCINIT);
	vm_grace = o.grace;
	o.self = self;
	if (CFG_COMPAT && o.pause) { /* catatonit's -P: nothing to run, nothing to apply */
		become_subreaper(&o, self);
		return leave(pause_until_stopped(&s));
	}
	if (vm)
		vm_config(&o);
	if (resolve(&o) < 0)
		return leave(EXIT_OCINIT);
	if (CFG_CREDS && o.flags.print)
		return leave(print_spec(&o) < 0 ? EXIT_OCINIT : 0);
	set_pdeathsig(o.pdeathsig, parent);
	if (o.exec_mode && !vm)
		become_entrypoint(&o, &s, parent);
	become_subreaper(&o, self);
	if ((child = spawn(&o, &s, &took_tty)) < 0) /* reported */
		return leave(EXIT_OCINIT);
	return leave(supervise(&o, &s, child, took_tty));
}
