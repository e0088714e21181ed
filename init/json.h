/* json.h: a strict RFC 8259 reader over (pointer, length) into a small tree.
 * Plain C with no libc-specific behaviour: the fuzzer's glibc build behaves as the musl one. */
#ifndef OCINIT_JSON_H
#define OCINIT_JSON_H

#include <stddef.h>

#define JSON_MAX_DEPTH 64 /* arrays and objects inside one another */

enum jtype { J_NULL, J_FALSE, J_TRUE, J_NUMBER, J_STRING, J_ARRAY, J_OBJECT };

struct jnode {
	enum jtype type;
	size_t off;             /* byte offset of the value in the input */
	size_t key_off;         /* byte offset of its key, in an object */
	const char *key;        /* its decoded key, in an object; else NULL */
	size_t key_len;
	const char *str;        /* J_STRING: decoded, NUL-terminated (may hold \0: see len);
				   J_NUMBER: the literal text, NUL-terminated */
	size_t len;
	struct jnode *child;    /* J_ARRAY, J_OBJECT: first element or member */
	struct jnode *next;     /* next sibling */
};

struct jdoc {
	struct jnode *root;
	char *strings;          /* the decoded strings, one block */
	struct jchunk *chunks;  /* the nodes */
	size_t used;
};

struct jerr {
	size_t off;
	const char *msg;
};

/* json_parse: parse all of buf; 0, or -1 with *err set (nothing to free then). */
int json_parse(const char *buf, size_t len, struct jdoc *doc, struct jerr *err);
void json_free(struct jdoc *doc);

#endif
