/* mem_libc.c: mem.h on the C library's malloc, for the fuzzer: ASan then knows each block's
 * exact end (init/mem.c's page-sized mappings would hide an overrun inside the page). */
#include <stdlib.h>
#include <string.h>

#include "mem.h"

#define HEAD 16

void *mem_alloc(size_t n)
{
	char *m = calloc(1, n + HEAD);
	if (!m)
		return NULL;
	memcpy(m, &n, sizeof n);
	return m + HEAD;
}

void *mem_grow(void *p, size_t n)
{
	size_t had;
	char *m;
	if (!p)
		return mem_alloc(n);
	memcpy(&had, (char *)p - HEAD, sizeof had);
	if (!(m = realloc((char *)p - HEAD, n + HEAD)))
		return NULL;
	if (n > had)
		memset(m + HEAD + had, 0, n - had);
	memcpy(m, &n, sizeof n);
	return m + HEAD;
}

void mem_free(void *p)
{
	if (p)
		free((char *)p - HEAD);
}
