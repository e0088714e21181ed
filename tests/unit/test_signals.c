/* Unit tests of signals.c's table and of options.c. */
#include <signal.h>
#include "ocinit.h"
#include "unit.h"

static int parse(struct opts *o, char **argv)
{
	int argc = 0;
	while (argv[argc])
		argc++;
	return parse_options(o, argc, argv);
}

int main(void)
{
	char n[12];
	struct opts o;
	int forwarded = 0;
	for (int s = 1; s <= KSIG_MAX; s++)
		forwarded += signal_is_forwarded(s);
	/* all (64; 127 on mips) but KILL, STOP, CHLD; the fault signals too (sent with kill, they
	 * are the child's) */
	CHECK(forwarded == KSIG_MAX - 3);
	CHECK(signal_is_forwarded(SIGTERM) && signal_is_forwarded(SIGWINCH));
	CHECK(signal_is_forwarded(32) && signal_is_forwarded(64) && signal_is_forwarded(KSIG_MAX));
	CHECK(!signal_is_forwarded(SIGCHLD) && signal_is_forwarded(SIGSEGV) && signal_is_forwarded(SIGSYS));
	CHECK(!signal_is_forwarded(0) && !signal_is_forwarded(KSIG_MAX + 1));
	CHECK_STR(signal_name(SIGTERM, n), "SIGTERM");
	CHECK_STR(signal_name(40, n), "signal 40");
	/* names as kill -l and bash give them: RTMIN is 34, RTMAX 64 (127 on mips, as glibc's) */
	CHECK(signal_by_name("RTMIN") == 34 && signal_by_name("SIGRTMAX") == KSIG_MAX);
	CHECK(signal_by_name("rtmax-1") == KSIG_MAX - 1 && signal_by_name("RTMIN+30") == 64);
	CHECK(signal_by_name("RTMIN+31") == (KSIG_MAX > 64 ? 65 : -1));
	CHECK(signal_by_name("RTMAX-31") == (KSIG_MAX > 64 ? KSIG_MAX - 31 : -1));
	CHECK(signal_by_name("RTMAX+1") == -1 && signal_by_name("RTMIN-1") == -1);
	CHECK(signal_by_name("TSTP") == SIGTSTP && signal_by_name("sigttou") == SIGTTOU);
	CHECK(signal_by_name("64") == 64 && signal_by_name("0") == -1);
	fmt(n, sizeof n, "%d", KSIG_MAX + 1);
	CHECK(signal_by_name(n) == -1);
	/* the arch's own numbers behind the names (mips: USR1 16, BUS 10, no STKFLT, EMT 7) */
	CHECK(signal_by_name("USR1") == SIGUSR1 && signal_by_name("BUS") == SIGBUS && signal_by_name("PWR") == SIGPWR);
#ifdef SIGEMT
	CHECK(signal_by_name("EMT") == SIGEMT);
#endif
#ifdef SIGSTKFLT
	CHECK(signal_by_name("STKFLT") == SIGSTKFLT);
#else
	CHECK(signal_by_name("STKFLT") == -1);
#endif

	/* the waited set: every signal up to KSIG_MAX that is forwarded, and SIGCHLD; nothing
	 * beyond KSIG_MAX (mips's kernel has a 128th, which ocinit has no table row for) */
	struct sigstate st;
	CHECK(signals_take(&st) == 0);
	int beyond = 0, waited = 0;
	for (int s = 1; s <= (int)sizeof st.waited * 8; s++) {
		int in = (int)(st.waited.w[(s - 1) / 64] >> (s - 1) % 64 & 1);
		if (s > KSIG_MAX)
			beyond += in;
		else
			waited += in && (signal_is_forwarded(s) || s == SIGCHLD);
	}
	CHECK(beyond == 0 && waited == KSIG_MAX - 2); /* all but KILL and STOP */
	CHECK(signals_restore(&st) == 0);

	char *a1[] = { "ocinit", "--", "-g", NULL };
	CHECK(parse(&o, a1) == 0 && o.argv == a1 + 2 && !o.pgroup);
	char *a2[] = { "ocinit", "cmd", "-g", NULL };
	CHECK(parse(&o, a2) == 0 && o.argv == a2 + 1 && !o.pgroup);
	char *a3[] = { "ocinit", NULL };
	CHECK(parse(&o, a3) == -1);
	char *a4[] = { "ocinit", "--nope", "x", NULL };
	CHECK(parse(&o, a4) == -1);
	char *a5[] = { "ocinit", "-x", "x", NULL };
	CHECK(parse(&o, a5) == -1);
	if (CFG_PGROUP && CFG_VERBOSE) {
		char *a6[] = { "ocinit", "-gvv", "--verbose", "x", NULL };
		CHECK(parse(&o, a6) == 0 && o.pgroup && o.verbose == 3 && o.argv == a6 + 3);
		char *a7[] = { "ocinit", "--pgroup=1", "x", NULL };
		CHECK(parse(&o, a7) == -1);
	} else {
		char *a8[] = { "ocinit", "-g", "x", NULL };
		CHECK(parse(&o, a8) == (CFG_PGROUP ? 0 : -1));
	}
	return unit_done("test_signals");
}
