/* jread.h: typed, path-aware reads from a json.c tree (jread.c). */
#ifndef OCINIT_JREAD_H
#define OCINIT_JREAD_H

#include "json.h"

struct opts;
struct jctx {
	const char *file;   /* named in every message */
	struct opts *o;     /* what the reads fill (oci.c) */
};

/* jbad: report "FILE: PATH: MSG (byte OFF+1)", or "PATH: MSG" without w (PATH then names
 * a flag or variable); returns -1. */
int jbad(const struct jctx *w, const char *path, size_t off, const char *f, ...)
	__attribute__((format(printf, 4, 5)));
/* jpath: "parent.key" (just "key" at the top) or "parent[index]" into buf (256 bytes). */
const char *jpath(char *buf, const char *parent, const char *key, long index);
const struct jnode *jmember(const struct jnode *obj, const char *key);
/* jno_duplicates: every object under n has each key once. */
int jno_duplicates(const struct jctx *w, const struct jnode *n, const char *path);
/* jwant: n is of type t (J_TRUE: either boolean). */
int jwant(const struct jctx *w, const struct jnode *n, const char *path, enum jtype t);
/* juint: a plain-digit integer in 0..max. */
int juint(const struct jctx *w, const struct jnode *n, const char *path, unsigned long long max,
	  unsigned long long *v);
/* jint: an integer in min..max (min <= 0 <= max), a '-' allowed before the digits. */
int jint(const struct jctx *w, const struct jnode *n, const char *path, long long min,
	 long long max, long long *v);
/* jstring: a string without NUL bytes. */
int jstring(const struct jctx *w, const struct jnode *n, const char *path, const char **s);
/* juint_in, jstring_in: the same for the member key (or element index, key NULL) of
 * parent, whose path is formatted only for an error (most values are fine). */
int juint_in(const struct jctx *w, const struct jnode *n, const char *parent, const char *key,
	     long index, unsigned long long max, unsigned long long *v);
int jstring_in(const struct jctx *w, const struct jnode *n, const char *parent, const char *key,
	       long index, const char **s);
/* jstrings: an array of such strings into a new NULL-terminated vector. */
int jstrings(const struct jctx *w, const struct jnode *n, const char *path, char ***out);

#endif
