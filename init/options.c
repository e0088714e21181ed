/* options.c: the OCINIT_* variables, then the command line, into struct opts. Options come
 * first and end at the first non-option or at "--"; short flags may be bundled (-gv).
 * Nothing here has side effects beyond printing help, the version or a usage error. */
#include <string.h>
#include <unistd.h>

#include "field.h"

extern char **environ;


enum opt_id {
	OPT_HELP, OPT_VERSION, OPT_LICENSE, OPT_PGROUP, OPT_VERBOSE, OPT_TINI_VERBOSITY, OPT_GRACE,
	OPT_REWRITE, OPT_OK, OPT_PDEATHSIG, OPT_SUBREAPER, OPT_NO_SUBREAPER, OPT_WARN_REAPED,
	OPT_EXEC, OPT_PAUSE, OPT_OCI, OPT_PRINT, OPT_USER, OPT_GROUPS, OPT_CAPB, OPT_CAPE,
	OPT_CAPP, OPT_CAPI, OPT_CAPA, OPT_CAPS, OPT_RLIMIT, OPT_ENV,
	OPT_STRICT, OPT_IGNORE_LSM, OPT_VM,
};

/* ALSO: a second variable (tini's) or long name for an option above; no help line. */
#define ALSO(cfg, l, id, arg, env) { 0, id, cfg, (cfg) ? (l) : "", (cfg) ? (arg) : NULL, env, NULL }

/* Long names with their dashes: each is also the name a value's errors give. A variable
 * "NAME=V" turns a flag on with V ("*": with any value, as tini reads its own). tini's -e,
 * -p, -g and -v are these options' short letters; the rest of tini's and catatonit's own
 * are in compat[] below. */
static const struct option_def options[] = {
	{ 'h', OPT_HELP, 1, "--help", NULL, NULL, "show this help and exit" },
	{ 'V', OPT_VERSION, 1, "--version", NULL, NULL, "show the version and built-in features and exit" },
	OPT(CFG_PGROUP, 'g', "--pgroup", OPT_PGROUP, NULL, "OCINIT_PGROUP",
	    "forward signals to the child's process group, not just the child"),
	OPT(CFG_VERBOSE, 'v', "--verbose", OPT_VERBOSE, NULL, "OCINIT_VERBOSE",
	    "more diagnostics on stderr (repeatable; the variable takes a level)"),
	{ 0, OPT_GRACE, 1, "--grace", "SECONDS", "OCINIT_GRACE",
	  "after the child: TERM what is left, KILL it after SECONDS (default 5; 0: at once)" },
	{ 0, OPT_REWRITE, 1, "--rewrite", "SIG:SIG", "OCINIT_REWRITE",
	  "forward the first signal as the second; SIG:0 drops it (repeatable)" },
	{ 'e', OPT_OK, 1, "--ok", "CODE", "OCINIT_OK", "exit 0 when the child's code is CODE (repeatable)" },
	{ 'p', OPT_PDEATHSIG, 1, "--pdeathsig", "SIG", "OCINIT_PDEATHSIG",
	  "SIG to ocinit, and to the child, when its parent dies" },
	OPT(CFG_SUBREAPER, 0, "--no-subreaper", OPT_NO_SUBREAPER, NULL, "OCINIT_SUBREAPER=0",
	    "when not PID 1, do not become a child subreaper"),
	{ 0, OPT_EXEC, 1, "--exec", NULL, "OCINIT_EXEC",
	  "no supervisor: apply the credentials and execve in place (also --no-fork)" },
	ALSO(1, "--no-fork", OPT_EXEC, NULL, NULL),
	OPT(CFG_VM, 0, "--vm", OPT_VM, NULL, NULL,
	    "act as the kernel's init (automatic when it is): mounts, console, poweroff"),
	OPT(CFG_OCI, 0, "--oci", OPT_OCI, "FILE", "OCINIT_OCI",
	    "apply the process of an OCI config.json (or a bare process object)"),
	OPT(CFG_CREDS, 0, "--print", OPT_PRINT, NULL, NULL,
	    "print the resolved process as OCI JSON, run nothing"),
	OPT(CFG_CREDS, 'u', "--user", OPT_USER, "USER[:GROUP]", "OCINIT_USER",
	    "run as USER (name or number), its primary group among its groups"),
	OPT(CFG_CREDS, 0, "--groups", OPT_GROUPS, "LIST", "OCINIT_GROUPS",
	    "supplementary groups (names or numbers, comma-separated)"),
	OPT(CFG_CAPS, 0, "--cap-bounding", OPT_CAPB, "LIST", "OCINIT_CAP_BOUNDING",
	    "capability sets: CAP_X or x, comma-separated, all, none"),
	OPT(CFG_CAPS, 0, "--cap-effective", OPT_CAPE, "LIST", "OCINIT_CAP_EFFECTIVE", NULL),
	OPT(CFG_CAPS, 0, "--cap-permitted", OPT_CAPP, "LIST", "OCINIT_CAP_PERMITTED", NULL),
	OPT(CFG_CAPS, 0, "--cap-inheritable", OPT_CAPI, "LIST", "OCINIT_CAP_INHERITABLE", NULL),
	OPT(CFG_CAPS, 0, "--cap-ambient", OPT_CAPA, "LIST", "OCINIT_CAP_AMBIENT", NULL),
	OPT(CFG_CAPS, 0, "--caps", OPT_CAPS, "LIST", "OCINIT_CAPS",
	    "Docker's meaning: bounding = permitted = effective = LIST; keep: what ocinit holds"),
	OPT(CFG_RLIMITS, 0, "--rlimit", OPT_RLIMIT, "NAME=SOFT[:HARD]", "OCINIT_RLIMIT",
	    "resource limits (unlimited allowed; comma-separated, repeatable)"),
	OPT(CFG_CREDS, 0, "--env", OPT_ENV, "K=V", NULL,
	    "set a variable in the child's environment (repeatable)"),
	OPT(CFG_CAPS, 0, "--strict", OPT_STRICT, NULL, "OCINIT_STRICT",
	    "a capability that cannot be granted is an error, not a warning"),
	OPT(CFG_OCI, 0, "--ignore-lsm", OPT_IGNORE_LSM, NULL, NULL,
	    "run even though apparmorProfile/selinuxLabel cannot be applied (warning)"),
};
/* tini's and catatonit's own: a table apart, so that without COMPAT none of it is linked. */
static const struct option_def compat[] = {
	OPT(CFG_COMPAT, 'l', "--license", OPT_LICENSE, NULL, NULL, "show the license and exit (also -L)"),
	OPT(CFG_COMPAT, 'L', "", OPT_LICENSE, NULL, NULL, NULL),
	OPT(CFG_SUBREAPER && CFG_COMPAT, 's', "--subreaper", OPT_SUBREAPER, NULL, "TINI_SUBREAPER=*",
	    "when not PID 1, be a child subreaper (the default)"),
	OPT(CFG_COMPAT, 'w', "--warn-reaped", OPT_WARN_REAPED, NULL, NULL,
	    "a warning for each zombie reaped that is not the child"),
	OPT(CFG_COMPAT, 'P', "--pause", OPT_PAUSE, NULL, NULL,
	    "run no command: reap, and exit 0 at INT or TERM (a pod's infra container)"),
	ALSO(CFG_PGROUP && CFG_COMPAT, "", OPT_PGROUP, NULL, "TINI_KILL_PROCESS_GROUP=*"),
	ALSO(CFG_VERBOSE && CFG_COMPAT, "", OPT_TINI_VERBOSITY, "N", "TINI_VERBOSITY"),
};

const struct option_def *option_nth(size_t i)
{
	const size_t n = sizeof options / sizeof options[0];
	if (i < n)
		return &options[i];
	i -= n;
	if (CFG_CREDS && i < N_FIELDS) /* the flags of fields.c's rows (disabled where none) */
		return &fields[i].opt;
	i -= CFG_CREDS ? N_FIELDS : 0;
	return CFG_COMPAT && i < sizeof compat / sizeof compat[0] ? &compat[i] : NULL;
}

/* field_of: the row of fields.c whose flag d is. */
static size_t field_of(const struct option_def *d)
{
	size_t i = 0;
	while (i < N_FIELDS - 1 && &fields[i].opt != d)
		i++;
	return i;
}

/* find: the option named by a long name (with optional "=value" cut off) or a short letter. */
static const struct option_def *find(const char *long_name, size_t len, char short_name)
{
	const struct option_def *d;
	for (size_t i = 0; (d = option_nth(i)); i++) {
		if (!d->enabled)
			continue;
		if (long_name ? (*d->long_name && strlen(d->long_name + 2) == len &&
				 !memcmp(d->long_name + 2, long_name, len))
			      : d->short_name == short_name)
			return d;
	}
	return NULL;
}

/* sig_arg: a signal name or number for what; -1 (reported) if it is none. */
static int sig_arg(const char *what, const char *s)
{
	int sig = signal_by_name(s);
	if (sig < 0)
		say(L_ERR, "%s: %s is not a signal", what, s);
	return sig;
}

/* decimal: 0..max for what; -1 (reported) if it is none. */
static long decimal(const char *what, const char *s, long max)
{
	long long v;
	return decimal_arg(what, s, 0, max, &v) ? -1 : (long)v;
}

/* push: append an item of size bytes to a growing list (no allocation at all when no such
 * option is given). */
static int push(void *list, size_t *n, const void *item, size_t size)
{
	char *l = mem_grow(*(void **)list, (*n + 1) * size);
	if (!l) {
		say(L_ERR, "out of memory");
		return -1;
	}
	memcpy(l + (*n)++ * size, item, size);
	*(void **)list = l;
	return 0;
}

_Static_assert(OPT_CAPE - OPT_CAPB == CS_EFFECTIVE && OPT_CAPP - OPT_CAPB == CS_PERMITTED &&
	       OPT_CAPI - OPT_CAPB == CS_INHERITABLE && OPT_CAPA - OPT_CAPB == CS_AMBIENT &&
	       CS_BOUNDING == 0, "--cap-SET options in capset order");

/* apply: act on one option (v: its value; what: its name for messages, kept with the value
 * for later ones: a long name from the table or a variable's name). Returns 0 to go on, 1
 * when the run is done, -1 on a bad value (reported). */
static int apply(struct opts *o, const struct option_def *d, const char *v, const char *what)
{
	int id = d->id;
	struct cred_flags *f = &o->flags;
	struct given g = { v, what };
	long n;
	int from, to, r = 0;
	char item[64];
	switch (id) {
	case OPT_HELP:
		print_help();
		return 1;
	case OPT_VERSION:
		print_version();
		return 1;
	case OPT_LICENSE: /* (the case bodies of what is left out compile away too) */
		if (CFG_COMPAT)
			print_license();
		return 1;
	case OPT_PGROUP:
		o->pgroup = 1;
		break;
	case OPT_TINI_VERBOSITY: /* tini's level: 1 is its default, ocinit's 0 (warnings) */
		if (!CFG_COMPAT)
			break;
		if ((n = decimal(what, v, 9)) < 0)
			return -1;
		o->verbose = (int)n - 1;
		break;
	case OPT_VERBOSE:
		if (!v)
			o->verbose++;
		else if ((n = decimal(what, v, 9)) < 0)
			return -1;
		else
			o->verbose = (int)n;
		break;
	case OPT_GRACE:
		if ((n = decimal(what, v, 86400)) < 0)
			return -1;
		o->grace = (int)n;
		break;
	case OPT_REWRITE: /* SIG:SIG, several separated by commas */
		for (const char *p = v; (r = list_next(&p, item, sizeof item)) > 0;) {
			char *b = strchr(item, ':');
			if (!b || (*b++ = 0, (from = signal_by_name(item)) < 0) ||
			    (to = strcmp(b, "0") ? signal_by_name(b) : 0) < 0) {
				r = -1;
				break;
			}
			o->rewrite[from] = (unsigned char)to;
		}
		if (r) {
			say(L_ERR, "%s: '%s' is not SIG:SIG[,SIG:SIG...]", what, v);
			return -1;
		}
		break;
	case OPT_OK:
		for (const char *p = v; (r = list_next(&p, item, sizeof item)) > 0;) {
			unsigned long long code;
			if (parse_uint(item, 10, 255, &code)) {
				r = -1;
				break;
			}
			o->ok[code / 8] |= (unsigned char)(1u << (code % 8));
		}
		if (r) {
			say(L_ERR, "%s: '%s' is not a list of exit codes 0..255", what, v);
			return -1;
		}
		break;
	case OPT_PDEATHSIG:
		if ((from = sig_arg(what, v)) < 0)
			return -1;
		o->pdeathsig = from;
		break;
	case OPT_SUBREAPER: o->no_subreaper = 0; break;
	case OPT_NO_SUBREAPER: o->no_subreaper = 1; break;
	case OPT_WARN_REAPED: o->warn_reaped = CFG_COMPAT; break;
	case OPT_EXEC:   o->exec_mode = 1; break;
	case OPT_PAUSE:  o->pause = CFG_COMPAT; break;
	case OPT_VM:     break; /* seen by main before the options */
	case OPT_OCI:    f->oci = v; break;
	case OPT_PRINT:  f->print = 1; break;
	case OPT_USER:   f->user = g; break;
	case OPT_GROUPS: f->groups = g; break;
	case OPT_CAPB: /* the five in the order of enum capset_id (asserted above) */
	case OPT_CAPE:
	case OPT_CAPP:
	case OPT_CAPI:
	case OPT_CAPA:   f->caps[id - OPT_CAPB] = g; break;
	case OPT_CAPS:   f->caps_docker = g; break;
	case OPT_RLIMIT: return CFG_CREDS ? push(&f->rlimits, &f->nrlimits, &g, sizeof g) : 0;
	case OPT_ENV:    return CFG_CREDS ? push(&f->env, &f->nenv, &v, sizeof v) : 0;
	case OPT_STRICT: f->strict = 1; break;
	case OPT_IGNORE_LSM: f->ignore_lsm = 1; break;
	case OPT_FIELD:  if (CFG_CREDS) f->field[field_of(d)] = g; break;
	}
	return 0;
}

/* env_truth: a variable standing for a flag: 1 for 1/yes/true, 0 for 0/no/false/empty,
 * -1 (reported) for anything else. */
static int env_truth(const char *name, const char *v)
{
	static const char words[][6] = { "0", "no", "false", "", "1", "yes", "true" };
	for (int i = 0; i < 7; i++)
		if (!strcmp(v, words[i]))
			return i >= 4;
	say(L_ERR, "%s: '%s' is not 0 or 1", name, v);
	return -1;
}

/* from_environment: the OCINIT_* variables, before the flags, which win. */
static int from_environment(struct opts *o)
{
	int any = 0;
	for (char **e = environ; !any && e && *e; e++) /* usually none: one cheap pass */
		any = !strncmp(*e, "OCINIT_", 7) || (CFG_COMPAT && !strncmp(*e, "TINI_", 5));
	const struct option_def *d;
	for (size_t i = 0; any && (d = option_nth(i)); i++) {
		char name[32];
		const char *v, *on;
		size_t k;
		if (!d->enabled || !d->env)
			continue;
		k = strcspn(d->env, "="); /* NAME=VALUE: the value that turns the flag on */
		on = d->env[k] ? d->env + k + 1 : "1";
		fmt(name, sizeof name, "%s", d->env);
		name[k] = 0;
		if (!(v = env_value(environ, name)))
			continue;
		int r = 1;
		/* "NAME=0" in the table: the variable names the feature, the flag turns it off;
		 * "NAME=*": any value turns it on */
		if (!d->arg && d->id != OPT_VERBOSE && *on != '*' && (r = env_truth(name, v)) >= 0)
			r = r == (*on == '1');
		/* (d->env is the name itself when the option takes a value: kept with it) */
		if (r < 0 || (r == 1 && apply(o, d, d->arg || d->id == OPT_VERBOSE ? v : NULL,
					      d->arg ? d->env : name) < 0))
			return -1;
	}
	return 0;
}

int option_variable(const char *kv)
{
	if (strncmp(kv, "OCINIT_", 7)) /* every one of them: one compare for most of an environment */
		return 0;
	const struct option_def *d;
	for (size_t i = 0; (d = option_nth(i)); i++) {
		const char *e = d->env;
		size_t k = e ? strcspn(e, "=") : 0;
		if (e && !strncmp(kv, e, k) && kv[k] == '=')
			return 1;
	}
	return 0;
}

int parse_options(struct opts *o, int argc, char **argv)
{
	int i, vm = o->vm; /* set by main: the kernel's init finds its command later */
	memset(o, 0, sizeof *o);
	o->vm = vm;
	o->envp = environ;
	o->grace = 5;
	for (i = 0; i <= KSIG_MAX; i++)
		o->rewrite[i] = (unsigned char)i;
	if (from_environment(o) < 0)
		return -1;
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
				say(L_ERR, "option '%s' takes no value", d->long_name);
				return -1;
			}
			if (d->arg && !(v = a[2 + len] == '=' ? a + 3 + len : argv[++i])) {
				say(L_ERR, "option '%s' needs a value %s", d->long_name, d->arg);
				return -1;
			}
			done = apply(o, d, v, d->long_name);
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
				done = apply(o, d, v, d->long_name); /* errors name the long form */
				if (v || done)
					break;
			}
		}
		if (done)
			return done;
	}
	log_verbosity = L_WARN + o->verbose;
	if (CFG_COMPAT && i < argc && o->pause) {
		say(L_ERR, "--pause runs no command, yet '%s' was given", argv[i]);
		return -1;
	}
	if (i < argc)
		o->argv = argv + i;
	else if (!o->flags.oci && !o->vm && !(CFG_COMPAT && o->pause)) {
		say(L_ERR, "no command given (see --help)");
		return -1;
	}
	return 0;
}
