/* mem.c: ocinit's memory. Every block is an anonymous mapping of its own: ocinit allocates
 * a handful of times, and only while it starts (option lists, a config and its tree, the
 * passwd and group files), so a system call per block costs nothing; a freed block goes
 * back to the kernel at once, so the supervisor keeps no heap; and musl's malloc (9 KiB of
 * a 48 KiB budget) is not linked. Untouched pages of a large block cost no memory. */
#include <errno.h>
#include <string.h>

#include "ocinit.h"
#include "sys.h"

/* In front of each block: its mapping's size and the length asked for. 16 bytes, so the
 * block is aligned for any type. */
struct head {
	size_t cap, len;
};
/* Mappings are made in 4 KiB steps, the smallest page of x86_64 and aarch64 kernels. */
#define PAGE 4096

static struct head *head_of(void *p)
{
	return (struct head *)p - 1;
}

/* mapping: the size of a mapping for a block of n bytes; 0 when n is absurd. */
static size_t mapping(size_t n)
{
	return n > (size_t)-1 / 2 ? 0 : (n + sizeof(struct head) + PAGE - 1) / PAGE * PAGE;
}

void *mem_alloc(size_t n)
{
	size_t cap = mapping(n);
	struct head *h;
	if (!cap) {
		errno = ENOMEM;
		return NULL;
	}
	if ((h = sys_mmap_anon(cap)) == MAP_FAILED)
		return NULL;
	*h = (struct head){ cap, n };
	return h + 1;
}

void *mem_grow(void *p, size_t n)
{
	struct head *h, old;
	size_t cap = mapping(n);
	if (!p)
		return mem_alloc(n);
	if (!cap) {
		errno = ENOMEM;
		return NULL;
	}
	h = head_of(p);
	old = *h;
	if (n > old.len) /* what is added reads as zero, even after a shrink */
		memset((char *)p + old.len, 0, (n < old.cap - sizeof *h ? n : old.cap - sizeof *h) - old.len);
	if (cap > old.cap && (h = sys_mremap(h, old.cap, cap)) == MAP_FAILED)
		return NULL; /* the block is as it was */
	h->cap = cap > old.cap ? cap : old.cap; /* a mapping is never made smaller */
	h->len = n;
	return h + 1;
}

void mem_free(void *p)
{
	if (p)
		sys_munmap(head_of(p), head_of(p)->cap);
}
