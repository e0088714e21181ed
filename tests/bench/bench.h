/* bench.h: what the bench helpers share: a monotonic clock in microseconds and a sort. */
#include <stdlib.h>
#include <time.h>

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
