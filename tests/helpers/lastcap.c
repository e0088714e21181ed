/* lastcap: run a command as on a kernel whose last capability is N (an older one: 37 is
 * CAP_AUDIT_READ, the last before Linux 5.8 added CAP_PERFMON, CAP_BPF and
 * CAP_CHECKPOINT_RESTORE).   lastcap N CMD [ARG...]   (as root)
 * It drops every capability above N from all five sets, then installs a seccomp filter
 * under which prctl(PR_CAPBSET_READ or PR_CAPBSET_DROP, cap) and prctl(PR_CAP_AMBIENT,
 * IS_SET or RAISE, cap) fail with EINVAL for cap > N, as such a kernel answers. capget then
 * shows nothing above N either. /proc/sys/kernel/cap_last_cap still says the truth: what
 * is tested must find the last capability by prctl, as ocinit and its libcap-ng do. The
 * filter is for this machine's architecture; a qemu-user guest's prctl reaches it as one. */
#include <errno.h>
#include <linux/audit.h>
#include <linux/capability.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "seccomp.h" /* arch/<arch>/: NOSYS_AUDIT_ARCH */

/* ARG_LO: the low 32 bits of a system call argument (both arches are little-endian). */
#define ARG_LO(i) (offsetof(struct seccomp_data, args) + (i) * sizeof(__u64))
#define LD(off) BPF_STMT(BPF_LD | BPF_W | BPF_ABS, (off))
#define JEQ(v, t, f) BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, (v), (t), (f))
#define JGT(v, t, f) BPF_JUMP(BPF_JMP | BPF_JGT | BPF_K, (v), (t), (f))
#define RET(v) BPF_STMT(BPF_RET | BPF_K, (v))

/* drop_above: no capability above n in any set of this process. */
static int drop_above(unsigned n)
{
	struct __user_cap_header_struct h = { _LINUX_CAPABILITY_VERSION_3, 0 };
	struct __user_cap_data_struct d[2];
	unsigned long long keep = n >= 63 ? ~0ULL : (1ULL << (n + 1)) - 1;
	for (unsigned cap = n + 1; cap < 64; cap++) {
		if (prctl(PR_CAPBSET_DROP, cap, 0, 0, 0) < 0 && errno != EINVAL)
			return -1;
		if (prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_LOWER, cap, 0, 0) < 0 && errno != EINVAL)
			return -1;
	}
	if (syscall(SYS_capget, &h, d) < 0)
		return -1;
	d[0].effective &= (__u32)keep, d[1].effective &= (__u32)(keep >> 32);
	d[0].permitted &= (__u32)keep, d[1].permitted &= (__u32)(keep >> 32);
	d[0].inheritable &= (__u32)keep, d[1].inheritable &= (__u32)(keep >> 32);
	return (int)syscall(SYS_capset, &h, d);
}

int main(int argc, char **argv)
{
	if (argc < 3) {
		fprintf(stderr, "usage: lastcap N CMD [ARG...]\n");
		return 2;
	}
	unsigned n = (unsigned)atoi(argv[1]);
	struct sock_filter f[] = {
		LD(offsetof(struct seccomp_data, arch)),
		JEQ(NOSYS_AUDIT_ARCH, 1, 0),
		RET(SECCOMP_RET_ALLOW),
		LD(offsetof(struct seccomp_data, nr)),
		JEQ(SYS_prctl, 1, 0),
		RET(SECCOMP_RET_ALLOW),
		LD(ARG_LO(0)),
		JEQ(PR_CAPBSET_READ, 3, 0),
		JEQ(PR_CAPBSET_DROP, 2, 0),
		JEQ(PR_CAP_AMBIENT, 5, 0),
		RET(SECCOMP_RET_ALLOW),
		LD(ARG_LO(1)),                      /* the bounding set's cap */
		JGT(n, 0, 1),
		RET(SECCOMP_RET_ERRNO | EINVAL),
		RET(SECCOMP_RET_ALLOW),
		LD(ARG_LO(1)),                      /* the ambient operation */
		JEQ(PR_CAP_AMBIENT_IS_SET, 1, 0),
		JEQ(PR_CAP_AMBIENT_RAISE, 0, 3),
		LD(ARG_LO(2)),                      /* its cap */
		JGT(n, 0, 1),
		RET(SECCOMP_RET_ERRNO | EINVAL),
		RET(SECCOMP_RET_ALLOW),
	};
	struct sock_fprog prog = { .len = sizeof f / sizeof f[0], .filter = f };
	if (drop_above(n) < 0) {
		perror("lastcap: drop the capabilities above N");
		return 2;
	}
	/* Root may install a filter without no_new_privs; keep it off so it cannot skew tests. */
	if (prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &prog) < 0) {
		perror("lastcap: seccomp");
		return 2;
	}
	execvp(argv[2], argv + 2);
	perror("lastcap: exec");
	return 2;
}
