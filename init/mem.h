/* mem.h: ocinit's memory: blocks mapped from the kernel (mem.c), no heap, no musl malloc.
 * json.c includes this alone, so that the fuzzer can put its own (ASan-checked) one under it. */
#ifndef OCINIT_MEM_H
#define OCINIT_MEM_H
#include <stddef.h>

/* mem_alloc: n zeroed bytes; NULL with errno set when there is no memory. */
void *mem_alloc(size_t n);
/* mem_grow: realloc's contract (p may be NULL); what is added is zeroed. */
void *mem_grow(void *p, size_t n);
/* mem_free: give the block back; NULL is ignored. */
void mem_free(void *p);
#endif
