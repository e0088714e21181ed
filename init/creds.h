/* creds.h: the OCI process credentials ocinit applies itself, and the rooms that fill
 * and apply them: resolve.c (flags, config and names into struct creds), oci.c,
 * passwd.c, caps.c, apply.c (the child's phases), print.c (--print). */
#ifndef OCINIT_CREDS_H
#define OCINIT_CREDS_H

#include <sys/types.h>

enum capset_id { CS_BOUNDING, CS_EFFECTIVE, CS_PERMITTED, CS_INHERITABLE, CS_AMBIENT, N_CAPSETS };
/* capset_name: "bounding" ... "ambient", as process.capabilities names them (caps.c). */
extern const char capset_name[N_CAPSETS][12];
typedef unsigned long long capmask; /* bit n: capability n */

/* What to change; a part that is not in `have` is left as ocinit found it. */
enum {
	HAVE_USER   = 1 << 0, /* setresgid/setresuid to uid, gid */
	HAVE_GROUPS = 1 << 1, /* setgroups(groups), also when empty */
	HAVE_UMASK  = 1 << 2,
	HAVE_CAPS   = 1 << 3, /* all five sets, exactly */
	HAVE_OOM    = 1 << 4,
	HAVE_NNP    = 1 << 5,
	HAVE_FLAG_USER = 1 << 6, /* the user came from -u, not from a config */
	HAVE_IOPRIO = 1 << 7,
	HAVE_SCHED  = 1 << 8,
	HAVE_AFFINITY = 1 << 9,
};

#define MAX_GROUPS 65536      /* the kernel's NGROUPS_MAX */
#define N_RLIMITS 16          /* RLIM_NLIMITS on Linux */
#define MAX_CPUS 1024         /* the kernel's default cpu_set_t, as glibc and musl size it */
#define N_FIELDS 18           /* the rows of fields.c */

/* process.scheduler: what sched_setattr(2) takes. */
struct sched {
	unsigned policy;
	unsigned long long flags;
	int nice;
	unsigned priority;
	unsigned long long runtime, deadline, period;
};

struct rlim {
	int resource;
	unsigned long long soft, hard;
};

struct creds {
	unsigned have;
	uid_t uid;
	gid_t gid;
	gid_t *groups;
	size_t ngroups;
	mode_t umask;
	capmask caps[N_CAPSETS];
	struct rlim rlimits[N_RLIMITS];
	size_t nrlimits;
	int oom_score_adj;
	const char *cwd;      /* NULL: stay where ocinit is */
	int ioprio;           /* the kernel's value: class << 13 | level */
	struct sched sched;
	unsigned long cpus[MAX_CPUS / 8 / sizeof(long)]; /* execCPUAffinity.final: the kernel's cpumask */
	const char *apparmor; /* NULL or "": as found */
};

/* Raw inputs from flags and environment; resolve() turns them into struct creds. */
/* A value and who gave it: the flag ("--user", "-u") or the variable ("OCINIT_USER"), for
 * its error messages. */
struct given {
	const char *v, *by;
};

struct cred_flags {
	const char *oci;
	struct given user, groups, caps[N_CAPSETS], caps_docker;
	struct given field[N_FIELDS]; /* the flags of fields.c's rows, by row */
	struct given *rlimits;  /* a growing array, NULL when empty; each may be a list */
	const char **env;       /* likewise */
	size_t nrlimits, nenv;
	int print, strict, ignore_lsm;
};

struct opts;

/* ---- resolve.c -------------------------------------------------------------------------- */
/* resolve: config file, flags, names and checks into o->creds, o->argv and o->envp.
 * 0, or -1 after one error line (nothing has been changed then). */
int resolve(struct opts *o);

/* ---- env.c -------------------------------------------------------------------------------- */
/* env_set: add "K=V" to the child's environment (a copy is made first; K's earlier value
 * goes at env_done). 0, or -1: EINVAL (not K=V, not reported) or ENOMEM (reported). */
int env_set(struct opts *o, const char *kv);
/* env_done: after the last env_set: each key once (Docker's merge). 0 or -1 (reported). */
int env_done(struct opts *o);
const char *env_value(char *const envp[], const char *key);
/* env_for_child: the child's environment without ocinit's own variables, and a config's
 * duplicates folded; untouched (no copy) when there is nothing to do. */
int env_for_child(struct opts *o);

/* ---- users.c ------------------------------------------------------------------------------ */
/* user_flag: -u USER[:GROUP] into c: its groups are its memberships (none with GROUP) and
 * its primary gid, unless --groups is given. */
int user_flag(struct creds *c, const struct given *user, int groups_given);
/* groups_flag: --groups LIST (names or numbers) replaces c's groups. */
int groups_flag(struct creds *c, const struct given *list);
/* home_for_user: HOME from passwd for the target uid: with -u always (but for --env HOME=),
 * for a config's user when HOME is unset or empty. */
int home_for_user(struct opts *o);

/* ---- oci.c ------------------------------------------------------------------------------- */
/* oci_load: read FILE (config.json or a bare process object) into o. 0 or -1 (reported). */
int oci_load(struct opts *o, const char *file);

/* ---- rlimits (oci.c) ---------------------------------------------------------------------- */
/* rlimit_by_name: RLIMIT_NOFILE (or NOFILE, any case) to its number; -1 if unknown. */
int rlimit_by_name(const char *name);
const char *rlimit_name(int resource);
/* rlimit_add: add or replace (when replace) one limit; -1 if given twice and !replace. */
int rlimit_add(struct creds *c, int resource, unsigned long long soft, unsigned long long hard,
	       int replace);

/* ---- passwd.c ------------------------------------------------------------------------------- */
struct pwent {
	uid_t uid;
	gid_t gid;
	char name[256];
	char home[4096];
};
/* passwd_find: the /etc/passwd entry of name (when name) or of uid. 1 found, 0 not, -1 error. */
int passwd_find(const char *file, const char *name, uid_t uid, struct pwent *pw);
/* group_find: the gid of group name. 1 found, 0 not, -1 error. */
int group_find(const char *file, const char *name, gid_t *gid);
/* group_memberships: append to c->groups the gids of the groups listing user. 0 or -1. */
int group_memberships(const char *file, const char *user, struct creds *c);
/* read_small_file: a regular file of at most max bytes, NUL-terminated, into *buf. 0, or -1:
 * reported, except ENOENT, which the caller judges. */
int read_small_file(const char *path, size_t max, char **buf, size_t *len);

/* ---- caps.c ---------------------------------------------------------------------------------- */
/* cap_by_name: CAP_CHOWN, cap_chown or chown to its number; -1 if unknown. */
int cap_by_name(const char *name);
/* cap_name: CAP_CHOWN for 0; buf holds at least 32 bytes. */
const char *cap_name(int cap, char *buf);
/* cap_parse_list: "all", "none", or comma-separated names into *mask. -1 (reported) on error. */
int cap_parse_list(const char *what, const char *list, capmask *mask);
/* caps_check: drop, each with a warning (an error when strict), what the kernel does not
 * know, what ocinit does not hold and ambient outside permitted & inheritable; refuse what
 * capset(2) would: effective outside permitted, inheritable outside bounding. */
int caps_check(struct creds *c, int strict);
/* caps_apply_bounding, caps_apply_sets: the child's capability phases. 0 or -1 (errno). */
int caps_apply_bounding(const struct creds *c);
int caps_apply_sets(const struct creds *c);
/* caps_read: the calling thread's five sets now. 0 or -1. */
int caps_read(capmask now[N_CAPSETS]);

/* ---- apply.c ----------------------------------------------------------------------------------- */
/* apply_creds: in the child, every phase in order, then read back; on any failure the
 * child reports and exits 125, so nothing runs with partly applied credentials. */
void apply_creds(const struct creds *c);

/* ---- print.c ----------------------------------------------------------------------------------- */
/* print_spec: the resolved process as OCI JSON on stdout. */
int print_spec(const struct opts *o);

#endif
