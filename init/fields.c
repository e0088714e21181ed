/* fields.c: the order of operations in the child, one row per step; a row that is an OCI
 * process field names all of it (field.h). This table is the order: apply.c runs the
 * applies top to bottom, then every read-back; oci.c reads the members, resolve.c the
 * flags, print.c the --print, all from here; tests/t_fields.sh checks README's list
 * against it. Why this order (runc's, with the read-back runc lacks):
 *   oom_score_adj before the rlimits: a small RLIMIT_NOFILE must not keep its file from
 *   opening; what needs privilege (an RT scheduler or I/O class, the AppArmor exec label,
 *   a cwd only root may enter) while ocinit's capabilities are still all there; the
 *   affinity before the scheduler, since SCHED_DEADLINE forbids a later narrowing; the
 *   bounding set dropped while CAP_SETPCAP is effective; KEEPCAPS around the uid switch;
 *   no_new_privs last but the second chdir (as the user, when root could not enter). */
#include "field.h"

/* ROW: a field with a flag of its own, compiled in when cfg is. */
#define ROW(cfg, json, step, rd, fl, ap, ck, pr, l, arg, env, help) \
	{ (cfg) ? (json) : NULL, step, (cfg) ? (rd) : NULL, (cfg) ? (fl) : NULL, (cfg) ? (ap) : NULL, \
	  (cfg) ? (ck) : NULL, (cfg) ? (pr) : NULL, OPT(cfg, 0, l, OPT_FIELD, arg, env, help) }
/* STEP: a step of its own, read from a field of another row (or of none). */
#define STEP(cfg, json, step, rd, ap, ck, pr) \
	{ (cfg) ? (json) : NULL, step, (cfg) ? (rd) : NULL, NULL, (cfg) ? (ap) : NULL, \
	  (cfg) ? (ck) : NULL, (cfg) ? (pr) : NULL, OPT(0, 0, "", OPT_FIELD, NULL, NULL, NULL) }

const struct field fields[] = {
	ROW(CFG_CREDS, "oomScoreAdj", "oom_score_adj", read_oom, flag_oom, do_oom, NULL, print_oom,
	    "--oom-score-adj", "N", "OCINIT_OOM_SCORE_ADJ", "the child's oom_score_adj (-1000..1000)"),
	/* (--rlimit is repeatable: options.c keeps it with the other lists) */
	STEP(CFG_RLIMITS, "rlimits", "setrlimit", read_rlimits, do_rlimits, check_rlimits, print_rlimits),
	/* (process.user.umask: read with the user, printed in its object) */
	ROW(CFG_CREDS, NULL, "umask", NULL, flag_umask, do_umask, check_umask, NULL,
	    "--umask", "MODE", "OCINIT_UMASK", "octal umask"),
	ROW(CFG_SCHED, "ioPriority", "ioprio_set", read_ioprio, flag_ioprio, do_ioprio, check_ioprio,
	    print_ioprio, "--ioprio", "CLASS[:LEVEL]", "OCINIT_IOPRIO",
	    "I/O scheduling class rt, be or idle, level 0..7 (ionice's)"),
	ROW(CFG_SCHED, "execCPUAffinity", "sched_setaffinity", read_affinity, flag_affinity,
	    do_affinity, check_affinity, print_affinity, "--cpu-affinity", "LIST", "OCINIT_CPU_AFFINITY",
	    "the CPUs the child may run on: 0-3,6 (taskset -c's)"),
	ROW(CFG_SCHED, "scheduler", "sched_setattr", read_sched, flag_sched, do_sched, check_sched,
	    print_sched, "--sched", "POLICY[,K=V...]", "OCINIT_SCHED",
	    "scheduler: other|fifo|rr|batch|idle|deadline, nice= priority= runtime= deadline= period=, flags"),
	ROW(CFG_LSM, "apparmorProfile", "apparmor exec", read_apparmor, flag_apparmor, do_apparmor,
	    check_apparmor, print_apparmor, "--apparmor", "PROFILE", "OCINIT_APPARMOR",
	    "the AppArmor profile the command runs under (an error where AppArmor is off)"),
	STEP(CFG_OCI, "selinuxLabel", "selinux", read_selinux, NULL, NULL, NULL),
	ROW(CFG_CREDS, "cwd", "chdir", read_cwd, flag_cwd, do_chdir, NULL, print_cwd,
	    "--cwd", "DIR", "OCINIT_CWD", "working directory (absolute)"),
	STEP(CFG_CAPS, "capabilities", "drop the bounding set", read_caps, do_bounding, check_caps, print_caps),
	STEP(CFG_CAPS, NULL, "PR_SET_KEEPCAPS", NULL, do_keepcaps, NULL, NULL),
	STEP(CFG_CREDS, "user", "setgroups", read_user, do_setgroups, check_groups, print_user),
	STEP(CFG_CREDS, NULL, "setresgid", NULL, do_setresgid, check_ids, NULL),
	STEP(CFG_CREDS, NULL, "setresuid", NULL, do_setresuid, NULL, NULL),
	STEP(CFG_CAPS, NULL, "clear PR_SET_KEEPCAPS", NULL, do_clear_keepcaps, check_keepcaps, NULL),
	STEP(CFG_CAPS, NULL, "capset", NULL, do_caps, NULL, NULL),
	ROW(CFG_CREDS, "noNewPrivileges", "no_new_privs", read_nnp, flag_nnp, do_nnp, check_nnp,
	    print_nnp, "--no-new-privs", NULL, "OCINIT_NO_NEW_PRIVS", "set no_new_privs"),
	STEP(CFG_CREDS, NULL, "chdir", NULL, do_chdir_again, NULL, NULL),
};
const size_t n_fields = sizeof fields / sizeof fields[0];
