/* sigout N SIG INIT [ARG...]: signal forwarding as an engine sends it: from outside. Starts
 * INIT ARG... sigout-child as PID 1 of a new PID namespace (this program again: its child
 * mode, "sigout -c SIG"), with a pipe as the entrypoint's stdout; then N times sends SIG to
 * the init from here and waits until the entrypoint says, through the pipe, that it has it.
 * Prints "median p25 p75" in microseconds. Runs wherever the scheduler puts the three
 * processes (make bench pins nothing here). */
#define _GNU_SOURCE
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bench.h"

/* child: block SIG, say "ready", then say a byte for each SIG taken; ends at EOF on stdin. */
static int child(int sig)
{
	sigset_t s;
	sigemptyset(&s);
	sigaddset(&s, sig);
	sigprocmask(SIG_BLOCK, &s, NULL);
	if (write(1, "r", 1) != 1)
		return 1;
	for (;;) {
		if (sigwaitinfo(&s, NULL) != sig)
			continue;
		if (write(1, "s", 1) != 1)
			return 0;
	}
}

int main(int argc, char **argv)
{
	if (argc == 3 && !strcmp(argv[1], "-c"))
		return child(atoi(argv[2]));
	if (argc < 4)
		return fprintf(stderr, "usage: sigout N SIG INIT [ARG...]\n"), 2;
	int n = atoi(argv[1]), sig = atoi(argv[2]), p[2];
	char self[4096], sigs[16], c;
	ssize_t len = readlink("/proc/self/exe", self, sizeof self - 1);
	double *t = calloc((size_t)n, sizeof *t);
	if (len < 0 || pipe(p) < 0 || !t)
		return perror("sigout"), 1;
	self[len] = 0;
	snprintf(sigs, sizeof sigs, "%d", sig);
	if (unshare(CLONE_NEWPID) < 0)
		return perror("unshare"), 1;
	pid_t init = fork(); /* PID 1 of the new namespace */
	if (init == 0) {
		char *args[64];
		int k = 0;
		for (int i = 3; i < argc && k < 58; i++)
			args[k++] = argv[i];
		args[k++] = self;
		args[k++] = "-c";
		args[k++] = sigs;
		args[k] = NULL;
		dup2(p[1], 1);
		close(p[0]);
		close(p[1]);
		execv(args[0], args);
		_exit(127);
	}
	close(p[1]);
	if (read(p[0], &c, 1) != 1 || c != 'r')
		return fprintf(stderr, "sigout: the entrypoint did not start\n"), 1;
	usleep(100000); /* the init settled in its loop */
	for (int i = 0; i < n; i++) {
		double t0 = now_us();
		kill(init, sig);
		if (read(p[0], &c, 1) != 1)
			return fprintf(stderr, "sigout: lost after %d\n", i), 1;
		t[i] = now_us() - t0;
		usleep(200); /* apart, as an engine's signals are */
	}
	kill(init, SIGKILL); /* PID 1's end takes the namespace with it */
	waitpid(init, NULL, 0);
	sort_us(t, n);
	printf("%.1f %.1f %.1f\n", t[n / 2], t[n / 4], t[n * 3 / 4]);
	return 0;
}
