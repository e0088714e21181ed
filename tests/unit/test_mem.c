/* Unit tests of mem.c (blocks mapped from the kernel) and sort.c (heapsort). */
#include <errno.h>
#include <stdlib.h>
#include "ocinit.h"
#include "unit.h"

static int cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;
	return x < y ? -1 : x > y;
}

/* all_zero: n bytes of p are 0. */
static int all_zero(const unsigned char *p, size_t n)
{
	while (n--)
		if (*p++)
			return 0;
	return 1;
}

/* sorted_like: sort() of a gives the order of an insertion sort, and the same elements. */
static int sorted_like(int *a, size_t n)
{
	int ref[300];
	for (size_t i = 0; i < n; i++) {
		size_t j = i;
		for (ref[i] = a[i]; j && ref[j - 1] > a[i]; j--)
			ref[j] = ref[j - 1];
		ref[j] = a[i];
	}
	sort(a, n, sizeof *a, cmp_int);
	return !memcmp(a, ref, n * sizeof *a);
}

int main(void)
{
	unsigned char *p = mem_alloc(100);
	CHECK(p && all_zero(p, 100));
	memset(p, 7, 100);
	/* growing within the page keeps the data and zeroes what is added */
	p = mem_grow(p, 3000);
	CHECK(p && p[0] == 7 && p[99] == 7 && all_zero(p + 100, 2900));
	/* shrinking, then growing again: the bytes in between come back as zeroes */
	p = mem_grow(p, 10);
	p = mem_grow(p, 200);
	CHECK(p && p[9] == 7 && all_zero(p + 10, 190));
	/* growing past the mapping moves it (mremap), data kept, the rest zero */
	memset(p, 9, 200);
	p = mem_grow(p, 1 << 20);
	CHECK(p && p[0] == 9 && p[199] == 9 && all_zero(p + 200, (1 << 20) - 200));
	/* shrink a large block, then grow it past its first page: nothing stale comes back */
	memset(p, 0x55, 1 << 20);
	p = mem_grow(p, 10);
	CHECK(p && p[9] == 0x55);
	p = mem_grow(p, 8192);
	CHECK(p && p[9] == 0x55 && all_zero(p + 10, 8192 - 10));
	p = mem_grow(p, 2 << 20);
	CHECK(p && p[9] == 0x55 && all_zero(p + 10, (2 << 20) - 10));
	mem_free(p);
	mem_free(NULL);
	CHECK((p = mem_grow(NULL, 16)) && all_zero(p, 16));
	mem_free(p);
	CHECK(mem_alloc((size_t)-1) == NULL && errno == ENOMEM);

	int a[300];
	srand(1);
	for (size_t n = 0; n <= 300; n += n < 8 ? 1 : 37) {
		for (size_t i = 0; i < n; i++)
			a[i] = rand() % (n / 2 + 1) - 5; /* duplicates and negatives */
		CHECK(sorted_like(a, n));
	}
	for (size_t i = 0; i < 300; i++) /* already sorted, then reversed */
		a[i] = (int)i;
	CHECK(sorted_like(a, 300));
	for (size_t i = 0; i < 300; i++)
		a[i] = 300 - (int)i;
	CHECK(sorted_like(a, 300));
	return unit_done("test_mem");
}
