/* bench.h: what the bench helpers share: a monotonic clock in microseconds, a sort, and the
 * floor inits' fork, execve and waitpid. */
#include <stdlib.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static inline double now_us(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec * 1e6 + t.tv_nsec / 1e3;
}

/* sort_us: n samples ascending, for medians and quartiles. */
static inline void sort_us(double *v, int n)
{
	for (int i = 1; i < n; i++) /* insertion sort: a few hundred samples */
		for (int j = i; j > 0 && v[j - 1] > v[j]; j--) {
			double t = v[j];
			v[j] = v[j - 1];
			v[j - 1] = t;
		}
}

/* floor_main: fork; in the child apply() (if any), then execv argv[1...]; reap every child
 * until none is left; exit with the command's status (128+N for signal N). */
static inline int floor_main(int argc, char **argv, void (*apply)(void))
{
	int st, code = 0;
	pid_t child, p;
	if (argc < 2)
		return 2;
	if ((child = fork()) == 0) {
		if (apply)
			apply();
		execv(argv[1], argv + 1);
		_exit(127);
	}
	while ((p = waitpid(-1, &st, 0)) > 0)
		if (p == child)
			code = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
	return code;
}
