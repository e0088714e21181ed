/* sort.c: heapsort with qsort's contract, in place of musl's 2 KiB qsort: O(n log n) for
 * every input (a hostile config's keys too), no recursion, no memory. Not stable. */
#include "ocinit.h"

static void swap(char *a, char *b, size_t size)
{
	while (size--) {
		char t = *a;
		*a++ = *b;
		*b++ = t;
	}
}

/* sift: move the element at root down until the heap of n elements below it holds. */
static void sift(char *base, size_t root, size_t n, size_t size,
		 int (*cmp)(const void *, const void *))
{
	for (size_t child; (child = 2 * root + 1) < n; root = child) {
		if (child + 1 < n && cmp(base + child * size, base + (child + 1) * size) < 0)
			child++;
		if (cmp(base + root * size, base + child * size) >= 0)
			return;
		swap(base + root * size, base + child * size, size);
	}
}

void sort(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *))
{
	char *b = base;
	for (size_t i = n / 2; i-- > 0;)
		sift(b, i, n, size, cmp);
	for (size_t end = n; end-- > 1;) {
		swap(b, b + end * size, size);
		sift(b, 0, end, size, cmp);
	}
}
