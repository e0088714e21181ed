/* nosys: run a command with some system calls answering ENOSYS, as an older kernel would.
 *   nosys NAME[,NAME...] CMD [ARG...]     NAME: pidfd_open clone3 close_range openat2 faccessat2
 * A seccomp filter for this machine's own architecture; what a qemu-user guest asks for
 * reaches the host kernel as the host's call, so it applies to emulated programs too. */
#include <errno.h>
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <unistd.h>

#include "seccomp.h" /* arch/<arch>/: the audit arch and the numbers, per architecture */

static const struct { const char *name; int nr; } calls[] = { NOSYS_CALLS };

int main(int argc, char **argv)
{
	struct sock_filter f[64];
	int k = 0;
	if (argc < 3) {
		fprintf(stderr, "usage: nosys NAME[,NAME...] CMD [ARG...]\n");
		return 2;
	}
	f[k++] = (struct sock_filter)BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, arch));
	f[k++] = (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, NOSYS_AUDIT_ARCH, 1, 0);
	f[k++] = (struct sock_filter)BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW);
	f[k++] = (struct sock_filter)BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr));
	for (char *name = strtok(argv[1], ","); name; name = strtok(NULL, ",")) {
		size_t i;
		for (i = 0; i < sizeof calls / sizeof calls[0] && strcmp(calls[i].name, name); i++)
			;
		if (i == sizeof calls / sizeof calls[0] || k > 60) {
			fprintf(stderr, "nosys: unknown system call %s\n", name);
			return 2;
		}
		f[k++] = (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, calls[i].nr, 0, 1);
		f[k++] = (struct sock_filter)BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | ENOSYS);
	}
	f[k++] = (struct sock_filter)BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW);
	struct sock_fprog prog = { .len = (unsigned short)k, .filter = f };
	/* Root may install a filter without no_new_privs; keep it off so it cannot skew tests. */
	if (prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &prog) < 0 &&
	    (errno != EACCES || prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0 ||
	     prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &prog) < 0)) {
		perror("nosys: seccomp");
		return 2;
	}
	execvp(argv[2], argv + 2);
	perror("nosys: exec");
	return 2;
}
