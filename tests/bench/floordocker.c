/* floordocker: the floor of applying Docker's process config (make bench's docker.json):
 * floorinit's fork, execve and waitpid, with, in the child, only the kernel calls that
 * config needs and nothing checked or read back: the rlimit, a bounding drop per capability
 * outside Docker's 14, the groups and ids, and capset. What ocinit-docker costs above it is
 * ocinit's own (its reading, checks and read-back); below it nothing can go. */
#define _GNU_SOURCE
#include <linux/capability.h>
#include <grp.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "bench.h"

/* Docker's default capabilities: CHOWN DAC_OVERRIDE FOWNER FSETID KILL SETGID SETUID SETPCAP
 * NET_BIND_SERVICE NET_RAW SYS_CHROOT MKNOD AUDIT_WRITE SETFCAP. */
#define DOCKER ((1u << 0) | (1u << 1) | (1u << 3) | (1u << 4) | (1u << 5) | (1u << 6) | \
		(1u << 7) | (1u << 8) | (1u << 10) | (1u << 13) | (1u << 18) | (1u << 27) | \
		(1u << 29) | (1u << 31))

static void apply(void)
{
	struct rlimit rl = { 1024, 1024 };
	struct __user_cap_header_struct h = { _LINUX_CAPABILITY_VERSION_3, 0 };
	struct __user_cap_data_struct d[2] = { { DOCKER, DOCKER, 0 }, { 0, 0, 0 } };
	gid_t g = 1000;
	setrlimit(RLIMIT_NOFILE, &rl);
	for (int cap = 0; cap < 64; cap++) /* up to the kernel's last: EINVAL beyond it */
		if ((cap > 31 || !(DOCKER >> cap & 1)) && prctl(PR_CAPBSET_DROP, cap, 0, 0, 0) < 0)
			break;
	if (setgroups(1, &g) || setresgid(1000, 1000, 1000) || prctl(PR_SET_KEEPCAPS, 1, 0, 0, 0) ||
	    setresuid(1000, 1000, 1000) || syscall(SYS_capset, &h, d))
		_exit(125);
}

int main(int argc, char **argv)
{
	return floor_main(argc, argv, apply);
}
