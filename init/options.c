/* options.c: the command line into struct opts. Options come first and end at the first
 * non-option or at "--"; short flags may be bundled (-gv). Nothing here has side effects
 * beyond printing help, the version or a usage error. */
#include <string.h>
#include <unistd.h>

#include "ocinit.h"

extern char **environ;

enum opt_id { OPT_HELP, OPT_VERSION, OPT_PGROUP, OPT_VERBOSE };

struct option_def {
	char short_name;     /* 0: long only */
	const char *long_name;
	enum opt_id id;
	int enabled;         /* compiled in (a CFG_ symbol or 1) */
	const char *help;
};

static const struct option_def options[] = {
	{ 'h', "help", OPT_HELP, 1, "show this help and exit" },
	{ 0, "version", OPT_VERSION, 1, "show the version and built-in features and exit" },
	{ 'g', "pgroup", OPT_PGROUP, CFG_PGROUP,
	  "forward signals to the child's process group, not just the child" },
	{ 'v', "verbose", OPT_VERBOSE, CFG_VERBOSE, "more diagnostics on stderr (repeatable)" },
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
	    "execve(2) directly, searched in the child's PATH, with no pre-check.\n\nOptions:\n");
	for (size_t i = 0; i < N_OPTIONS; i++) {
		const struct option_def *d = &options[i];
		if (!d->enabled)
			continue;
		fmt(line, sizeof line, "  %c%c%s--%s\n", d->short_name ? '-' : ' ',
		    d->short_name ? d->short_name : ' ', d->short_name ? ", " : "  ", d->long_name);
		out(line);
		fmt(line, sizeof line, "        %s\n", d->help);
		out(line);
	}
	out("\nExit codes: the child's; 128+N signal N; 125 ocinit failed; 126 cannot execute;\n"
	    "127 not found.\n");
}

static void print_version(void)
{
	char line[256];
	fmt(line, sizeof line, "ocinit %s (%s)%s%s%s%s\n", OCINIT_VERSION, OCINIT_ARCH,
	    CFG_SUBREAPER ? " +subreaper" : "", CFG_PGROUP ? " +pgroup" : "",
	    CFG_VERBOSE ? " +verbose" : "", CFG_EXEC_HINTS ? " +exec-hints" : "");
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

/* apply: act on one option. Returns 0 to go on, 1 when the run is done. */
static int apply(struct opts *o, enum opt_id id)
{
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
	}
	return 0;
}

int parse_options(struct opts *o, int argc, char **argv)
{
	int i;
	memset(o, 0, sizeof *o);
	o->envp = environ;
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
			if (a[2 + len] == '=') {
				say(L_ERR, "option '--%s' takes no value", d->long_name);
				return -1;
			}
			done = apply(o, d->id);
		} else {
			for (const char *c = a + 1; *c && !done; c++) {
				if (!(d = find(NULL, 0, *c))) {
					say(L_ERR, "unknown option '-%c' (see --help)", *c);
					return -1;
				}
				done = apply(o, d->id);
			}
		}
		if (done)
			return 1;
	}
	if (i >= argc) {
		say(L_ERR, "no command given (see --help)");
		return -1;
	}
	o->argv = argv + i;
	log_verbosity = L_WARN + o->verbose;
	return 0;
}
