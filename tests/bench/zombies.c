/* zombies N: as the init's child, make N orphans that wait on a pipe, then release them
 * all at once and time until the init has reaped every one; prints "microseconds left". */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "bench.h"

/* others: processes in this PID namespace but PID 1 and us */
static int others(void)
{
	int n = 0;
	struct dirent *e;
	DIR *d = opendir("/proc");
	while (d && (e = readdir(d)))
		if (atoi(e->d_name) > 1 && atoi(e->d_name) != getpid())
			n++;
	if (d)
		closedir(d);
	return n;
}

int main(int argc, char **argv)
{
	int n = argc > 1 ? atoi(argv[1]) : 1000, go[2];
	char c;
	if (pipe(go) < 0)
		return 1;
	for (int i = 0; i < n; i++) {
		pid_t p = fork();
		if (p == 0) {
			if (fork() == 0) {
				close(go[1]);
				while (read(go[0], &c, 1) < 0)
					;
				_exit(0);
			}
			_exit(0);
		}
		waitpid(p, NULL, 0);
	}
	close(go[0]);
	double t0 = now_us();
	close(go[1]);
	int left;
	while ((left = others()) > 0 && now_us() - t0 < 30e6)
		;
	printf("%.0f %d\n", now_us() - t0, left);
	return 0;
}
