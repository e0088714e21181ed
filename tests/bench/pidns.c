/* pidns: start-up cost. Runs each command as PID 1 of a fresh PID namespace, the commands
 * interleaved round by round (A B C A B C ...) so that drift hits all alike, and prints per
 * command "median p25 p75" in microseconds from clone to the end of waitpid.
 *   pidns ROUNDS CMD [ARG...] [:: CMD [ARG...]]... */
#define _GNU_SOURCE
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "bench.h"

int main(int argc, char **argv)
{
	int rounds = argc > 2 ? atoi(argv[1]) : 0, ncmd = 0;
	char **cmds[32];
	if (rounds <= 0) {
		fprintf(stderr, "usage: pidns ROUNDS CMD [ARG...] [:: CMD...]...\n");
		return 2;
	}
	cmds[ncmd++] = argv + 2;
	for (int i = 2; i < argc && ncmd < 32; i++)
		if (!strcmp(argv[i], "::")) {
			argv[i] = NULL;
			cmds[ncmd++] = argv + i + 1;
		}
	double *t = calloc((size_t)(rounds * ncmd), sizeof *t);
	for (int r = 0; r < rounds; r++)
		for (int c = 0; c < ncmd; c++) {
			int st;
			double t0 = now_us();
			pid_t p = (pid_t)syscall(SYS_clone, CLONE_NEWPID | SIGCHLD, NULL, NULL, NULL, NULL);
			if (p == 0) {
				execv(cmds[c][0], cmds[c]);
				_exit(127);
			}
			if (p < 0 || waitpid(p, &st, 0) < 0) {
				perror("pidns");
				return 1;
			}
			t[c * rounds + r] = now_us() - t0;
			if (!WIFEXITED(st) || WEXITSTATUS(st)) {
				fprintf(stderr, "pidns: %s: status %d\n", cmds[c][0], st);
				return 1;
			}
		}
	for (int c = 0; c < ncmd; c++) {
		double *v = t + c * rounds;
		sort_us(v, rounds);
		printf("%.1f %.1f %.1f\n", v[rounds / 2], v[rounds / 4], v[rounds * 3 / 4]);
	}
	return 0;
}
