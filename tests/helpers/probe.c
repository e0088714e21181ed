/* probe: the test suite's entrypoint. It reports what a process started by ocinit sees.
 *   probe status            selected /proc/self/status lines, open fds, HOME, cwd, process
 *                           group, terminal, RLIMIT_NOFILE, oom_score_adj, scheduler,
 *                           I/O priority, CPU affinity
 *   probe limits            /proc/self/limits
 *   probe report            the credential lines of status, then limits
 *   probe ids               credentials from system calls alone (works without /proc)
 *   probe session           "Session: own" when it leads a session of its own, else "shared"
 *   probe exit N            exit with status N
 *   probe raise SIG         die from signal SIG (default disposition, unblocked)
 *   probe signals N READY [S]  block all, create file READY, print "got SIG" for each signal
 *                           received until N came, then 300 ms more to catch duplicates;
 *                           with S, wait S seconds (not 10) and print "none" if none came
 *   probe orphans N         make N orphans; once ocinit (our parent) has adopted them, let
 *                           them exit together and wait until it has reaped them all;
 *                           print "adopted A left K zombies Z"
 *   probe sigwrap FILE BLOCK IGNORE CMD...   block / ignore the comma-separated signal
 *                           numbers, write our SigBlk/SigIgn to FILE, exec CMD
 *   probe fds N CMD...      open N more fds (not CLOEXEC), exec CMD
 *   probe bigenv N CMD...   exec CMD with our environment plus V1=x .. VN=x (built in one
 *                           pass: setenv and env(1) take quadratic time for 100,000)
 *   probe countenv PREFIX   print how many variables start with PREFIX, and the first
 *   probe spam PID N        send PID N signals, HUP USR1 USR2 ALRM WINCH URG 40 41 in turn,
 *                           as fast as kill(2) goes; print how many were accepted */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <linux/capability.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* status_lines: the lines of /proc/self/status named in keys; without /proc, "NoProc". */
static void status_lines(FILE *out, const char *const keys[])
{
	char line[512];
	FILE *f = fopen("/proc/self/status", "r");
	if (!f) {
		fprintf(out, "NoProc: %s\n", strerror(errno));
		return;
	}
	while (fgets(line, sizeof line, f))
		for (int i = 0; keys[i]; i++)
			if (!strncmp(line, keys[i], strlen(keys[i])) && line[strlen(keys[i])] == ':')
				fputs(line, out);
	fclose(f);
}

/* sched_lines: the scheduler, I/O priority and CPU affinity, from system calls. */
static void sched_lines(FILE *out)
{
	struct { unsigned size, policy; unsigned long long flags; int nice; unsigned prio;
		 unsigned long long runtime, deadline, period; unsigned umin, umax; } a = { 0 };
	unsigned long cpus[16] = { 0 };
	long io = syscall(SYS_ioprio_get, 1, 0);
	if (syscall(SYS_sched_getattr, 0, &a, sizeof a, 0) < 0)
		fprintf(out, "Sched: (%s)\n", strerror(errno));
	else
		fprintf(out, "Sched: policy %u flags %llx nice %d priority %u deadline %llu/%llu/%llu\n",
			a.policy, a.flags & 1, a.nice, a.prio, a.runtime, a.deadline, a.period);
	fprintf(out, "IOPrio: class %ld level %ld\n", io < 0 ? -1 : io >> 13, io < 0 ? -1 : io & 0x1fff);
	fprintf(out, "Cpus:");
	if (syscall(SYS_sched_getaffinity, 0, sizeof cpus, cpus) > 0)
		for (int c = 0; c < 1024; c++)
			if (cpus[c / 64] >> (c % 64) & 1)
				fprintf(out, " %d", c);
	fprintf(out, "\n");
}

static int status(void)
{
	static const char *const keys[] = { "Uid", "Gid", "Groups", "CapInh", "CapPrm", "CapEff",
		"CapBnd", "CapAmb", "NoNewPrivs", "Umask", "SigBlk", "SigIgn", NULL };
	status_lines(stdout, keys);
	/* fds by fcntl, not /proc, so this works where /proc is absent */
	printf("Fds:");
	for (int fd = 0; fd < 4096; fd++)
		if (fcntl(fd, F_GETFD) >= 0)
			printf(" %d", fd);
	char cwd[4096];
	printf("\nHome: %s\n", getenv("HOME") ? getenv("HOME") : "(unset)");
	printf("Cwd: %s\n", getcwd(cwd, sizeof cwd) ? cwd : "(unknown)");
	printf("Pgrp: %s\n", getpgrp() == getpid() ? "own" : "shared");
	printf("Foreground: %s\n", tcgetpgrp(0) == getpgrp() ? "yes" : "no");
	struct rlimit rl;
	getrlimit(RLIMIT_NOFILE, &rl);
	printf("Nofile: %lu %lu\n", (unsigned long)rl.rlim_cur, (unsigned long)rl.rlim_max);
	FILE *oom = fopen("/proc/self/oom_score_adj", "r");
	int adj;
	if (oom && fscanf(oom, "%d", &adj) == 1)
		printf("OomScoreAdj: %d\n", adj);
	else
		printf("OomScoreAdj: (unknown)\n");
	if (oom)
		fclose(oom);
	sched_lines(stdout);
	return 0;
}

static int ids(void)
{
	uid_t r, e, s;
	gid_t rg, eg, sg, g[256];
	struct __user_cap_header_struct h = { _LINUX_CAPABILITY_VERSION_3, 0 };
	struct __user_cap_data_struct d[2];
	unsigned long long bnd = 0, amb = 0;
	struct rlimit rl;
	int n = getgroups(256, g);
	mode_t m = umask(0);
	umask(m);
	getresuid(&r, &e, &s);
	getresgid(&rg, &eg, &sg);
	printf("uid=%u/%u/%u gid=%u/%u/%u groups=", r, e, s, rg, eg, sg);
	for (int i = 0; i < n; i++)
		printf("%s%u", i ? "," : "", g[i]);
	syscall(SYS_capget, &h, d);
	for (int c = 0; c < 64 && prctl(PR_CAPBSET_READ, c, 0, 0, 0) >= 0; c++) {
		bnd |= (unsigned long long)(prctl(PR_CAPBSET_READ, c, 0, 0, 0) > 0) << c;
		amb |= (unsigned long long)(prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_IS_SET, c, 0, 0) > 0) << c;
	}
	getrlimit(RLIMIT_NOFILE, &rl);
	printf(" inh=%x prm=%x eff=%x bnd=%llx amb=%llx nnp=%d umask=%04o nofile=%lu/%lu fds=",
	       d[0].inheritable, d[0].permitted, d[0].effective, bnd, amb,
	       prctl(PR_GET_NO_NEW_PRIVS, 0, 0, 0, 0), (unsigned)m,
	       (unsigned long)rl.rlim_cur, (unsigned long)rl.rlim_max);
	for (int fd = 0, first = 1; fd < 4096; fd++)
		if (fcntl(fd, F_GETFD) >= 0)
			printf("%s%d", first ? "" : ",", fd), first = 0;
	printf("\n");
	return 0;
}

static int do_raise(int sig)
{
	sigset_t all;
	signal(sig, SIG_DFL);
	sigfillset(&all);
	sigprocmask(SIG_UNBLOCK, &all, NULL);
	raise(sig);
	return 99; /* not reached for a deadly signal */
}

static int signals(int n, const char *ready, const char *seconds)
{
	sigset_t all;
	struct timespec wait = { seconds ? atoi(seconds) : 10, 0 }, extra = { 0, 300 * 1000 * 1000 };
	sigfillset(&all);
	sigprocmask(SIG_BLOCK, &all, NULL);
	for (int s = 1; s < 65; s++) /* whatever we inherited: default, so nothing is ignored */
		signal(s, SIG_DFL);
	int fd = open(ready, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (fd < 0)
		return perror("probe: ready file"), 2;
	close(fd);
	for (int got = 0;;) {
		siginfo_t si;
		int sig = sigtimedwait(&all, &si, got < n ? &wait : &extra);
		if (sig < 0 && !got && seconds)
			printf("none\n");
		if (sig < 0)
			break;
		if (sig == SIGCHLD)
			continue;
		printf("got %d\n", sig);
		fflush(stdout);
		got++;
	}
	return 0;
}

/* our_children: processes whose parent is ocinit (our parent), besides us; zombies too. */
static void count_children(pid_t ppid, int *total, int *zombies)
{
	DIR *d = opendir("/proc");
	struct dirent *e;
	*total = *zombies = 0;
	while (d && (e = readdir(d))) {
		char path[64], buf[512];
		int pid = atoi(e->d_name), pp = -1;
		char state = '?';
		if (pid <= 0 || pid == getpid())
			continue;
		snprintf(path, sizeof path, "/proc/%d/stat", pid);
		FILE *f = fopen(path, "r");
		if (!f)
			continue;
		if (fgets(buf, sizeof buf, f)) {
			char *p = strrchr(buf, ')');
			if (p)
				sscanf(p + 2, "%c %d", &state, &pp);
		}
		fclose(f);
		if (pp == ppid) {
			++*total;
			*zombies += state == 'Z';
		}
	}
	if (d)
		closedir(d);
}

static int orphans(int n)
{
	pid_t ppid = getppid();
	int adopted = 0, total = 0, zombies = 0, go[2];
	char c;
	if (pipe(go) < 0)
		return perror("probe: pipe"), 2;
	for (int i = 0; i < n; i++) {
		pid_t p = fork();
		if (p < 0)
			return perror("probe: fork"), 2;
		if (p == 0) {
			if (fork() == 0) { /* the orphan: outlive its parent, exit with the rest */
				close(go[1]);
				while (read(go[0], &c, 1) < 0 && errno == EINTR)
					;
				_exit(0);
			}
			_exit(0);
		}
		waitpid(p, NULL, 0);
	}
	for (int tries = 0; tries < 100; tries++) { /* up to 10 s for the orphans to be adopted */
		count_children(ppid, &adopted, &zombies);
		if (adopted >= n)
			break;
		usleep(100 * 1000);
	}
	close(go[1]); /* EOF for every orphan at once */
	for (int tries = 0; tries < 300; tries++) { /* up to 30 s */
		usleep(100 * 1000);
		count_children(ppid, &total, &zombies);
		if (!total)
			break;
	}
	printf("adopted %d left %d zombies %d\n", adopted, total, zombies);
	return 0;
}

static void each_number(const char *list, void (*fn)(int))
{
	for (const char *p = list; *p;) {
		int v = atoi(p);
		if (v > 0)
			fn(v);
		p += strcspn(p, ",");
		p += *p == ',';
	}
}
static sigset_t wrap_block;
static void add_block(int sig) { sigaddset(&wrap_block, sig); }
static void add_ignore(int sig) { signal(sig, SIG_IGN); }

static int sigwrap(const char *file, const char *block, const char *ignore, char **cmd)
{
	static const char *const keys[] = { "SigBlk", "SigIgn", NULL };
	sigemptyset(&wrap_block);
	each_number(block, add_block);
	sigprocmask(SIG_SETMASK, &wrap_block, NULL);
	each_number(ignore, add_ignore);
	FILE *f = fopen(file, "w");
	if (!f)
		return perror("probe: sigwrap file"), 2;
	status_lines(f, keys);
	fclose(f);
	execvp(cmd[0], cmd);
	perror("probe: exec");
	return 2;
}

static int fds(int n, char **cmd)
{
	for (int i = 0; i < n; i++)
		if (open("/dev/null", O_RDONLY) < 0)
			return perror("probe: open"), 2;
	execvp(cmd[0], cmd);
	perror("probe: exec");
	return 2;
}

static int bigenv(int n, char **cmd)
{
	extern char **environ;
	size_t k = 0;
	while (environ[k])
		k++;
	char **env = calloc(k + (size_t)n + 1, sizeof *env), *text = malloc((size_t)n * 16);
	if (!env || !text)
		return perror("probe: bigenv"), 2;
	memcpy(env, environ, k * sizeof *env);
	for (int i = 1; i <= n; i++, text += 16)
		snprintf(text, 16, "V%d=x", i), env[k++] = text;
	execve(cmd[0], cmd, env);
	perror("probe: exec");
	return 2;
}

static int countenv(const char *prefix)
{
	extern char **environ;
	int n = 0;
	for (char **e = environ; *e; e++)
		n += !strncmp(*e, prefix, strlen(prefix));
	printf("%d %s\n", n, environ[0] ? environ[0] : "(none)");
	return 0;
}

static int spam(pid_t pid, long n)
{
	static const int sigs[] = { SIGHUP, SIGUSR1, SIGUSR2, SIGALRM, SIGWINCH, SIGURG, 40, 41 };
	long sent = 0;
	for (long i = 0; i < n; i++)
		if (kill(pid, sigs[i % 8]) == 0)
			sent++;
		else if (errno == ESRCH)
			break;
	printf("%ld\n", sent);
	return 0;
}

int main(int argc, char **argv)
{
	const char *m = argc > 1 ? argv[1] : "";
	if (!strcmp(m, "status"))
		return status();
	if (!strcmp(m, "session"))
		return printf("Session: %s\n", getsid(0) == getpid() ? "own" : "shared") < 0;
	if (!strcmp(m, "ids"))
		return ids();
	if (!strcmp(m, "limits") || !strcmp(m, "report")) {
		static const char *const creds[] = { "Uid", "Gid", "Groups", "CapInh", "CapPrm",
			"CapEff", "CapBnd", "CapAmb", "NoNewPrivs", "Umask", NULL };
		char line[256];
		FILE *f = fopen("/proc/self/limits", "r");
		if (!strcmp(m, "report"))
			status_lines(stdout, creds);
		while (f && fgets(line, sizeof line, f))
			fputs(line, stdout);
		return f ? 0 : 2;
	}
	if (!strcmp(m, "exit") && argc == 3)
		return atoi(argv[2]);
	if (!strcmp(m, "raise") && argc == 3)
		return do_raise(atoi(argv[2]));
	if (!strcmp(m, "signals") && (argc == 4 || argc == 5))
		return signals(atoi(argv[2]), argv[3], argc == 5 ? argv[4] : NULL);
	if (!strcmp(m, "orphans") && argc == 3)
		return orphans(atoi(argv[2]));
	if (!strcmp(m, "sigwrap") && argc > 5)
		return sigwrap(argv[2], argv[3], argv[4], argv + 5);
	if (!strcmp(m, "fds") && argc > 3)
		return fds(atoi(argv[2]), argv + 3);
	if (!strcmp(m, "bigenv") && argc > 3)
		return bigenv(atoi(argv[2]), argv + 3);
	if (!strcmp(m, "countenv") && argc == 3)
		return countenv(argv[2]);
	if (!strcmp(m, "spam") && argc == 4)
		return spam(atoi(argv[2]), atol(argv[3]));
	fprintf(stderr, "probe: bad usage (see the comment at the top of probe.c)\n");
	return 2;
}
