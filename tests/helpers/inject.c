/* inject: fault injection at one occurrence of one system call, for ocinit's own calls.
 *   inject [-o COUNTS] [-r RESULT] [NR:N:ERR[:ARG0]] CMD [ARG...]
 * Runs CMD under ptrace with every process it forks. The calls counted are ocinit's: CMD
 * itself and each process it forks, until that process execs (it is then the entrypoint:
 * neither it nor what it forks is counted). With NR:N:ERR the N-th counted call number NR
 * (1-based, in the order the tracer sees them, across ocinit's processes) is not made and
 * returns -ERR; ERR 0 makes it return 0 without doing anything (a silent failure), and a
 * negative ERR -K makes it return K (a write of K bytes "done" and not done, say). With
 * ARG0 only the calls whose first argument is ARG0 count (prctl's option, say).
 * -o COUNTS: "NR COUNT" per call number seen. -r RESULT: "injected 0|1" and "alive N", the
 * traced processes still alive when CMD ended (they are then killed). Exits with CMD's
 * status (128+N for signal N). strace's when= counts across every process and cannot tell
 * ocinit's calls from the entrypoint's; this does. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ptrace.h" /* arch/<arch>/: rewriting a call's number and return value */

#define MAX_PIDS 4096
#define MAX_NR 1024

static struct tracee {
	pid_t pid;
	int counted, injecting, live, started;
} t[MAX_PIDS];
static int n_t;
static long counts[MAX_NR];

static struct tracee *find(pid_t pid, int add)
{
	for (int i = 0; i < n_t; i++)
		if (t[i].pid == pid)
			return &t[i];
	if (!add || n_t == MAX_PIDS)
		return NULL;
	t[n_t] = (struct tracee){ .pid = pid, .live = 1 };
	return &t[n_t++];
}

int main(int argc, char **argv)
{
	const char *counts_file = NULL, *result_file = NULL;
	long want_nr = -1, want_n = 0, err = 0, arg0 = -1, seen = 0;
	int injected = 0, root_status = -1, alive = 0, root_execd = 0, opt;
	while ((opt = getopt(argc, argv, "+o:r:")) != -1) {
		if (opt == 'o') counts_file = optarg;
		else if (opt == 'r') result_file = optarg;
		else return 2;
	}
	if (optind < argc && sscanf(argv[optind], "%ld:%ld:%ld:%ld", &want_nr, &want_n, &err, &arg0) >= 3)
		optind++;
	if (optind >= argc) {
		fprintf(stderr, "usage: inject [-o COUNTS] [-r RESULT] [NR:N:ERR] CMD [ARG...]\n");
		return 2;
	}
	pid_t root = fork();
	if (root == 0) {
		ptrace(PTRACE_TRACEME, 0, 0, 0);
		raise(SIGSTOP);
		execvp(argv[optind], argv + optind);
		perror("inject: exec");
		_exit(127);
	}
	int st;
	if (root < 0 || waitpid(root, &st, 0) != root || !WIFSTOPPED(st))
		return perror("inject: start"), 2;
	ptrace(PTRACE_SETOPTIONS, root, 0, (void *)(long)(PTRACE_O_TRACESYSGOOD | PTRACE_O_TRACEFORK |
		PTRACE_O_TRACEVFORK | PTRACE_O_TRACECLONE | PTRACE_O_TRACEEXEC | PTRACE_O_EXITKILL));
	find(root, 1)->started = 1;
	ptrace(PTRACE_SYSCALL, root, 0, 0);
	for (pid_t pid; (pid = waitpid(-1, &st, __WALL)) > 0;) {
		struct tracee *p = find(pid, 1);
		int sig = 0;
		if (WIFEXITED(st) || WIFSIGNALED(st)) {
			if (p)
				p->live = 0;
			if (pid == root) {
				root_status = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
				for (int i = 0; i < n_t; i++)
					if (t[i].live) {
						alive++;
						kill(t[i].pid, SIGKILL);
					}
			}
			continue;
		}
		if (!WIFSTOPPED(st) || !p)
			continue;
		int event = st >> 16;
		if (WSTOPSIG(st) == (SIGTRAP | 0x80)) {
			struct __ptrace_syscall_info info;
			if (ptrace(PTRACE_GET_SYSCALL_INFO, pid, (void *)sizeof info, &info) > 0) {
				if (info.op == PTRACE_SYSCALL_INFO_ENTRY && p->counted &&
				    info.entry.nr < MAX_NR && ++counts[info.entry.nr] &&
				    (long)info.entry.nr == want_nr &&
				    (arg0 < 0 || (long)info.entry.args[0] == arg0) && ++seen == want_n) {
					INJECT_SET_NR(pid, -1);
					p->injecting = 1;
					injected = 1;
				} else if (info.op == PTRACE_SYSCALL_INFO_EXIT && p->injecting) {
					INJECT_SET_RET(pid, -err);
					p->injecting = 0;
				}
			}
		} else if (event == PTRACE_EVENT_FORK || event == PTRACE_EVENT_VFORK ||
			   event == PTRACE_EVENT_CLONE) {
			unsigned long child;
			struct tracee *c;
			ptrace(PTRACE_GETEVENTMSG, pid, 0, &child);
			if ((c = find((pid_t)child, 1)))
				c->counted = p->counted;
		} else if (event == PTRACE_EVENT_EXEC) {
			/* ocinit's own start: counting begins; any later exec is the entrypoint's */
			p->counted = pid == root && !root_execd;
			root_execd |= pid == root;
		} else if (!p->started && WSTOPSIG(st) == SIGSTOP) {
			p->started = 1; /* a new tracee's first stop */
		} else if (WSTOPSIG(st) != SIGTRAP) {
			sig = WSTOPSIG(st); /* a signal for the tracee: deliver it */
		}
		ptrace(PTRACE_SYSCALL, pid, 0, (void *)(long)sig);
	}
	if (counts_file) {
		FILE *f = fopen(counts_file, "w");
		for (int i = 0; f && i < MAX_NR; i++)
			if (counts[i])
				fprintf(f, "%d %ld\n", i, counts[i]);
		if (f)
			fclose(f);
	}
	if (result_file) {
		FILE *f = fopen(result_file, "w");
		if (f) {
			fprintf(f, "injected %d\nalive %d\n", injected, alive);
			fclose(f);
		}
	}
	return root_status < 0 ? 2 : root_status;
}
