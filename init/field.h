/* field.h: the child's steps, one row each, in the order it takes them (fields.c). A row
 * that is an OCI process field carries all of it: the member it reads, the flag that sets
 * it, how it is applied, how it is read back and how --print shows it. Adding a field is
 * one row and the small functions it names. */
#ifndef OCINIT_FIELD_H
#define OCINIT_FIELD_H

#include <errno.h>

#include "jread.h"
#include "ocinit.h"

/* A step's apply returns -1 (failed, errno set), 0 (applied) or STEP_SKIP (nothing asked). */
#define STEP_SKIP 1

struct field {
	const char *json;  /* member of process it reads, or NULL (a step with no field) */
	const char *step;  /* what a failure, -vv and the README call it */
	/* read: the member's value (n) into c; 0 or -1 after jbad(). */
	int (*read)(const struct jctx *w, const struct jnode *n, struct creds *c);
	/* flag: the row's flag or variable (g->by names it) over what the config said. */
	int (*flag)(struct opts *o, const struct given *g);
	int (*apply)(const struct creds *c);
	/* check: read back before exec: 0, or -1 with errno (a call failed) or with errno 0
	 * and the difference in step_detail. */
	int (*check)(const struct creds *c);
	/* print: the member for --print (", \n  \"key\": value"), when set. */
	void (*print)(const struct creds *c);
	struct option_def opt; /* its flag; long_name "" when it has none */
};
extern const struct field fields[];
extern const size_t n_fields;

/* step_detail: what the failing step was doing, after its name in the one line (apply.c). */
extern char step_detail[96];
/* MISMATCH: a read-back difference, as a failed step with no errno. */
#define MISMATCH(...) (fmt(step_detail, sizeof step_detail, __VA_ARGS__), errno = 0, -1)

/* print.c's writer, for the rows' print functions. */
void put(const char *s);
void putf(const char *f, ...) __attribute__((format(printf, 1, 2)));
void put_string(const char *s);

/* ---- the rows' functions, by room ---------------------------------------------------------- */
/* oci.c */
int read_user(const struct jctx *w, const struct jnode *n, struct creds *c);
int read_caps(const struct jctx *w, const struct jnode *n, struct creds *c);
int read_rlimits(const struct jctx *w, const struct jnode *n, struct creds *c);
int read_nnp(const struct jctx *w, const struct jnode *n, struct creds *c);
int read_oom(const struct jctx *w, const struct jnode *n, struct creds *c);
int read_cwd(const struct jctx *w, const struct jnode *n, struct creds *c);
/* resolve.c */
int flag_umask(struct opts *o, const struct given *g);
int flag_nnp(struct opts *o, const struct given *g);
int flag_cwd(struct opts *o, const struct given *g);
int flag_oom(struct opts *o, const struct given *g);
/* apply.c */
int do_oom(const struct creds *c);
int do_rlimits(const struct creds *c);
int do_umask(const struct creds *c);
int do_chdir(const struct creds *c);
int do_bounding(const struct creds *c);
int do_keepcaps(const struct creds *c);
int do_setgroups(const struct creds *c);
int do_setresgid(const struct creds *c);
int do_setresuid(const struct creds *c);
int do_clear_keepcaps(const struct creds *c);
int do_caps(const struct creds *c);
int do_nnp(const struct creds *c);
int do_chdir_again(const struct creds *c);
int check_ids(const struct creds *c);
int check_groups(const struct creds *c);
int check_umask(const struct creds *c);
int check_caps(const struct creds *c);
int check_nnp(const struct creds *c);
int check_keepcaps(const struct creds *c);
int check_rlimits(const struct creds *c);
/* print.c */
void print_cwd(const struct creds *c);
void print_user(const struct creds *c);
void print_caps(const struct creds *c);
void print_nnp(const struct creds *c);
void print_rlimits(const struct creds *c);
void print_oom(const struct creds *c);
/* ioprio.c, sched.c, affinity.c, lsm.c: the whole of each field */
int read_ioprio(const struct jctx *w, const struct jnode *n, struct creds *c);
int flag_ioprio(struct opts *o, const struct given *g);
int do_ioprio(const struct creds *c);
int check_ioprio(const struct creds *c);
void print_ioprio(const struct creds *c);
int read_sched(const struct jctx *w, const struct jnode *n, struct creds *c);
int flag_sched(struct opts *o, const struct given *g);
int do_sched(const struct creds *c);
int check_sched(const struct creds *c);
void print_sched(const struct creds *c);
int read_affinity(const struct jctx *w, const struct jnode *n, struct creds *c);
int flag_affinity(struct opts *o, const struct given *g);
int do_affinity(const struct creds *c);
int check_affinity(const struct creds *c);
void print_affinity(const struct creds *c);
int read_apparmor(const struct jctx *w, const struct jnode *n, struct creds *c);
int flag_apparmor(struct opts *o, const struct given *g);
int do_apparmor(const struct creds *c);
int check_apparmor(const struct creds *c);
void print_apparmor(const struct creds *c);
int read_selinux(const struct jctx *w, const struct jnode *n, struct creds *c);

#endif
