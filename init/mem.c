/* mem.c: ocinit's memory. Every block is an anonymous mapping of its own: ocinit allocates
 * a handful of times, and only while it starts (option lists, a config and its tree, the
 * passwd and group files), so a system call per block costs nothing; a freed block goes
 * back to the kernel at once, so the supervisor keeps no heap; and musl's malloc (9 KiB of
 * a 48 KiB budget) is not linked. Untouched pages of a large block cost no memory. */
#include <errno.h>
#include <string.h>

#include "ocinit.h"
#include "sys.h"

/* The block's length sits in front of it; 16 keeps the block aligned for any type. */
#define HEAD 16
/* The smallest page of x86_64 and aarch64 kernels: a mapping spans at least this much. */
#define PAGE 4096

/* mapped: the whole mapping behind p. */
static size_t *mapped(void *p)
{
	return (size_t *)((char *)p - HEAD);
}

void *mem_alloc(size_t n)
{
	size_t *m;
	if (n > (size_t)-1 / 2) {
		errno = ENOMEM;
		return NULL;
	}
	m = sys_mmap_anon(n + HEAD);
	if (m == MAP_FAILED)
		return NULL;
	*m = n + HEAD;
	return (char *)m + HEAD;
}

void *mem_grow(void *p, size_t n)
{
	size_t *m, had;
	if (!p)
		return mem_alloc(n);
	if (n > (size_t)-1 / 2) {
		errno = ENOMEM;
		return NULL;
	}
	had = *mapped(p);
	if (n + HEAD <= (had + PAGE - 1) / PAGE * PAGE) { /* still fits: lists grow by one */
		if (n + HEAD > had)
			memset((char *)p + had - HEAD, 0, n + HEAD - had);
		*mapped(p) = n + HEAD;
		return p;
	}
	m = sys_mremap(mapped(p), *mapped(p), n + HEAD);
	if (m == MAP_FAILED)
		return NULL;
	*m = n + HEAD;
	return (char *)m + HEAD;
}

void mem_free(void *p)
{
	if (p)
		sys_munmap(mapped(p), *mapped(p));
}
