/* siglat N: as the init's child, N times: send SIGUSR1 to PID 1 and wait until the init
 * has forwarded it back; prints "median p25 p75" in microseconds. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "bench.h"

int main(int argc, char **argv)
{
	int n = argc > 1 ? atoi(argv[1]) : 200;
	struct timespec limit = { 2, 0 };
	sigset_t s;
	double *t = calloc((size_t)n, sizeof *t);
	sigemptyset(&s);
	sigaddset(&s, SIGUSR1);
	sigprocmask(SIG_BLOCK, &s, NULL);
	for (int i = 0; i < n; i++) {
		double t0 = now_us();
		kill(1, SIGUSR1);
		if (sigtimedwait(&s, NULL, &limit) != SIGUSR1) {
			printf("lost\n");
			return 1;
		}
		t[i] = now_us() - t0;
	}
	sort_us(t, n);
	printf("%.1f %.1f %.1f\n", t[n / 2], t[n / 4], t[n * 3 / 4]);
	return 0;
}
