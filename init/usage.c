/* usage.c: --help and --version, from the option table. */
#include <string.h>

#include "ocinit.h"

static void out(const char *s)
{
	write_all(1, s, strlen(s));
}

void print_help(void)
{
	char line[200];
	out("usage: ocinit [OPTIONS] [--] COMMAND [ARG...]\n\n"
	    "Run COMMAND as a supervised child: reap every zombie, forward signals, exit with\n"
	    "the child's status (128+N when it died from signal N). COMMAND is executed with\n"
	    "execve(2) directly, searched in the child's PATH, with no pre-check. Given\n"
	    "credentials (--oci or flags) are applied in the child first; COMMAND overrides\n"
	    "the config's process.args. Flags win over the OCINIT_* variables.\n\nOptions:\n");
	const struct option_def *d;
	for (size_t i = 0; (d = option_nth(i)); i++) {
		if (!d->enabled || !d->help)
			continue;
		fmt(line, sizeof line, "  %c%c%s%s%s%s%s%s\n", d->short_name ? '-' : ' ',
		    d->short_name ? d->short_name : ' ', d->short_name ? ", " : "  ", d->long_name,
		    d->arg ? " " : "", d->arg ? d->arg : "", d->env ? "   env " : "", d->env ? d->env : "");
		out(line);
		fmt(line, sizeof line, "        %s\n", d->help);
		out(line);
	}
	out("\nExit codes: the child's; 128+N signal N; 125 ocinit failed; 126 cannot execute;\n"
	    "127 not found. See ocinit(8).\n");
}

/* The features go before " - ": dockerd takes what follows it as "git.COMMIT" (and without
 * a commit there it shows "init version: N/A" and logs "unknown output format"). */
void print_version(void)
{
	char line[256];
	fmt(line, sizeof line, "ocinit version %s (%s%s%s%s%s%s%s%s%s%s%s%s%s) - git.%s\n", OCINIT_VERSION,
	    OCINIT_ARCH, CFG_SUBREAPER ? " +subreaper" : "", CFG_PGROUP ? " +pgroup" : "",
	    CFG_VERBOSE ? " +verbose" : "", CFG_EXEC_HINTS ? " +exec-hints" : "",
	    CFG_COMPAT ? " +compat" : "",
	    CFG_CREDS ? " +creds" : "", CFG_CAPS ? " +caps" : "", CFG_RLIMITS ? " +rlimits" : "",
	    CFG_SCHED ? " +sched" : "", CFG_LSM ? " +lsm" : "", CFG_OCI ? " +oci" : "", CFG_VM ? " +vm" : "", OCINIT_COMMIT);
	out(line);
}

void print_license(void)
{
	out("ocinit " OCINIT_VERSION ": no license text is built in; see the source distribution.\n");
}
