/* options.c: the command line into struct opts. Options come first and end at the first
 * non-option or at "--"; short flags may be bundled (-gv). Nothing here has side effects
 * beyond printing help, the version or a usage error. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ocinit.h"

extern char **environ;

enum opt_id {
	OPT_HELP, OPT_VERSION, OPT_PGROUP, OPT_VERBOSE, OPT_OCI, OPT_PRINT, OPT_USER, OPT_GROUPS,
	OPT_UMASK, OPT_CAPB, OPT_CAPE, OPT_CAPP, OPT_CAPI, OPT_CAPA, OPT_CAPS, OPT_NNP, OPT_RLIMIT,
	OPT_CWD, OPT_ENV, OPT_OOM, OPT_STRICT, OPT_IGNORE_LSM,
};

struct option_def {
	char short_name;     /* 0: long only */
	const char *long_name;
	enum opt_id id;
	int enabled;         /* compiled in (a CFG_ symbol or 1) */
	const char *arg;     /* the value's name, or NULL for a flag */
	const char *help;
};

static const struct option_def options[] = {
	{ 'h', "help", OPT_HELP, 1, NULL, "show this help and exit" },
	{ 0, "version", OPT_VERSION, 1, NULL, "show the version and built-in features and exit" },
	{ 'g', "pgroup", OPT_PGROUP, CFG_PGROUP, NULL,
	  "forward signals to the child's process group, not just the child" },
	{ 'v', "verbose", OPT_VERBOSE, CFG_VERBOSE, NULL, "more diagnostics on stderr (repeatable)" },
	{ 0, "oci", OPT_OCI, CFG_OCI, "FILE",
	  "apply the process of an OCI config.json (or a bare process object); env OCINIT_OCI" },
	{ 0, "print", OPT_PRINT, CFG_CREDS, NULL, "print the resolved process as OCI JSON, run nothing" },
	{ 'u', "user", OPT_USER, CFG_CREDS, "USER[:GROUP]", "run as USER (name or number)" },
	{ 0, "groups", OPT_GROUPS, CFG_CREDS, "LIST", "supplementary groups (names or numbers, comma-separated)" },
	{ 0, "umask", OPT_UMASK, CFG_CREDS, "MODE", "octal umask" },
	{ 0, "cap-bounding", OPT_CAPB, CFG_CAPS, "LIST", "capability sets: CAP_X or x, comma-separated, all, none" },
	{ 0, "cap-effective", OPT_CAPE, CFG_CAPS, "LIST", NULL },
	{ 0, "cap-permitted", OPT_CAPP, CFG_CAPS, "LIST", NULL },
	{ 0, "cap-inheritable", OPT_CAPI, CFG_CAPS, "LIST", NULL },
	{ 0, "cap-ambient", OPT_CAPA, CFG_CAPS, "LIST", NULL },
	{ 0, "caps", OPT_CAPS, CFG_CAPS, "LIST", "Docker's meaning: bounding = permitted = effective = LIST" },
	{ 0, "no-new-privs", OPT_NNP, CFG_CREDS, NULL, "set no_new_privs" },
	{ 0, "rlimit", OPT_RLIMIT, CFG_RLIMITS, "NAME=SOFT[:HARD]", "a resource limit (unlimited allowed; repeatable)" },
	{ 0, "cwd", OPT_CWD, CFG_CREDS, "DIR", "working directory (absolute)" },
	{ 0, "env", OPT_ENV, CFG_CREDS, "K=V", "set a variable in the child's environment (repeatable)" },
	{ 0, "oom-score-adj", OPT_OOM, CFG_CREDS, "N", "the child's oom_score_adj (-1000..1000)" },
	{ 0, "strict", OPT_STRICT, CFG_CAPS, NULL, "capabilities ocinit does not hold are an error, not a warning" },
	{ 0, "ignore-lsm", OPT_IGNORE_LSM, CFG_OCI, NULL,
	  "run even though apparmorProfile/selinuxLabel cannot be applied (warning)" },
};
#define N_OPTIONS (sizeof options / sizeof options[0])

static void out(const char *s)
{
	write_all(1, s, strlen(s));
}

static void print_help(void)
{
	char line[160];
	out("usage: ocinit [OPTIONS] [--] COMMAND [ARG...]\n\n"
	    "Run COMMAND as a supervised child: reap every zombie, forward signals, exit with\n"
	    "the child's status (128+N when it died from signal N). COMMAND is executed with\n"
	    "execve(2) directly, searched in the child's PATH, with no pre-check. Given\n"
	    "credentials (--oci or flags) are applied in the child first; COMMAND overrides\n"
	    "the config's process.args.\n\nOptions:\n");
	for (size_t i = 0; i < N_OPTIONS; i++) {
		const struct option_def *d = &options[i];
		if (!d->enabled)
			continue;
		fmt(line, sizeof line, "  %c%c%s--%s%s%s\n", d->short_name ? '-' : ' ',
		    d->short_name ? d->short_name : ' ', d->short_name ? ", " : "  ", d->long_name,
		    d->arg ? " " : "", d->arg ? d->arg : "");
		out(line);
		if (d->help) {
			fmt(line, sizeof line, "        %s\n", d->help);
			out(line);
		}
	}
	out("\nExit codes: the child's; 128+N signal N; 125 ocinit failed; 126 cannot execute;\n"
	    "127 not found.\n");
}

static void print_version(void)
{
	char line[256];
	fmt(line, sizeof line, "ocinit %s (%s)%s%s%s%s%s%s%s%s\n", OCINIT_VERSION, OCINIT_ARCH,
	    CFG_SUBREAPER ? " +subreaper" : "", CFG_PGROUP ? " +pgroup" : "",
	    CFG_VERBOSE ? " +verbose" : "", CFG_EXEC_HINTS ? " +exec-hints" : "",
	    CFG_CREDS ? " +creds" : "", CFG_CAPS ? " +caps" : "", CFG_RLIMITS ? " +rlimits" : "",
	    CFG_OCI ? " +oci" : "");
	out(line);
}

/* find: the option named by a long name (with optional "=value" cut off) or a short letter. */
static const struct option_def *find(const char *long_name, size_t len, char short_name)
{
	for (size_t i = 0; i < N_OPTIONS; i++) {
		const struct option_def *d = &options[i];
		if (!d->enabled)
			continue;
		if (long_name ? (strlen(d->long_name) == len && !memcmp(d->long_name, long_name, len))
			      : d->short_name == short_name)
			return d;
	}
	return NULL;
}

/* apply: act on one option (v: its value). Returns 0 to go on, 1 when the run is done. */
static int apply(struct opts *o, enum opt_id id, const char *v)
{
	struct cred_flags *f = &o->flags;
	switch (id) {
	case OPT_HELP:
		print_help();
		return 1;
	case OPT_VERSION:
		print_version();
		return 1;
	case OPT_PGROUP:
		o->pgroup = 1;
		break;
	case OPT_VERBOSE:
		o->verbose++;
		break;
	case OPT_OCI:    f->oci = v; break;
	case OPT_PRINT:  f->print = 1; break;
	case OPT_USER:   f->user = v; break;
	case OPT_GROUPS: f->groups = v; break;
	case OPT_UMASK:  f->umask = v; break;
	case OPT_CAPB:   f->caps[CS_BOUNDING] = v; break;
	case OPT_CAPE:   f->caps[CS_EFFECTIVE] = v; break;
	case OPT_CAPP:   f->caps[CS_PERMITTED] = v; break;
	case OPT_CAPI:   f->caps[CS_INHERITABLE] = v; break;
	case OPT_CAPA:   f->caps[CS_AMBIENT] = v; break;
	case OPT_CAPS:   f->caps_docker = v; break;
	case OPT_NNP:    f->nnp = 1; break;
	case OPT_RLIMIT: f->rlimits[f->nrlimits++] = v; break;
	case OPT_CWD:    f->cwd = v; break;
	case OPT_ENV:    f->env[f->nenv++] = v; break;
	case OPT_OOM:    f->oom = v; break;
	case OPT_STRICT: f->strict = 1; break;
	case OPT_IGNORE_LSM: f->ignore_lsm = 1; break;
	}
	return 0;
}

int parse_options(struct opts *o, int argc, char **argv)
{
	int i;
	memset(o, 0, sizeof *o);
	o->envp = environ;
	if (CFG_CREDS && (!(o->flags.rlimits = calloc((size_t)argc, sizeof *o->flags.rlimits)) ||
			  !(o->flags.env = calloc((size_t)argc, sizeof *o->flags.env)))) {
		say(L_ERR, "out of memory");
		return -1;
	}
	for (i = 1; i < argc; i++) {
		const char *a = argv[i];
		const struct option_def *d;
		int done = 0;
		if (a[0] != '-' || !a[1])
			break;
		if (!strcmp(a, "--")) {
			i++;
			break;
		}
		if (a[1] == '-') {
			size_t len = strcspn(a + 2, "=");
			if (!(d = find(a + 2, len, 0))) {
				say(L_ERR, "unknown option '%s' (see --help)", a);
				return -1;
			}
			const char *v = NULL;
			if (a[2 + len] == '=' && !d->arg) {
				say(L_ERR, "option '--%s' takes no value", d->long_name);
				return -1;
			}
			if (d->arg && !(v = a[2 + len] == '=' ? a + 3 + len : argv[++i])) {
				say(L_ERR, "option '--%s' needs a value %s", d->long_name, d->arg);
				return -1;
			}
			done = apply(o, d->id, v);
		} else {
			for (const char *c = a + 1; *c && !done; c++) {
				const char *v = NULL;
				if (!(d = find(NULL, 0, *c))) {
					say(L_ERR, "unknown option '-%c' (see --help)", *c);
					return -1;
				}
				/* -uVALUE or -u VALUE */
				if (d->arg && !(v = c[1] ? c + 1 : argv[++i])) {
					say(L_ERR, "option '-%c' needs a value %s", *c, d->arg);
					return -1;
				}
				done = apply(o, d->id, v);
				if (v)
					break;
			}
		}
		if (done)
			return 1;
	}
	log_verbosity = L_WARN + o->verbose;
	if (CFG_OCI && !o->flags.oci) /* flags win over the environment */
		o->flags.oci = env_value(environ, "OCINIT_OCI");
	if (i < argc)
		o->argv = argv + i;
	else if (!o->flags.oci) {
		say(L_ERR, "no command given (see --help)");
		return -1;
	}
	return 0;
}
