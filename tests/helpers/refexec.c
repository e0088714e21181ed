/* refexec: the reference for "same outcome as execve": set credentials the plain way, then
 * call execve once, directly. What ocinit does must end the same: ran, or the same errno.
 *   refexec UID GID GROUPS CAPS PATH [ARG...]
 * UID "-" keeps the caller's credentials; GROUPS is "-" or comma-separated gids; CAPS is
 * "-" or comma-separated capability numbers for effective and permitted (inheritable none). */
#include <errno.h>
#include <grp.h>
#include <linux/capability.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

extern char **environ;

static unsigned long long caps_of(char *list)
{
	unsigned long long m = 0;
	for (char *c = strtok(list, ","); c; c = strtok(NULL, ","))
		m |= 1ULL << atoi(c);
	return m;
}

int main(int argc, char **argv)
{
	if (argc < 6) {
		fprintf(stderr, "usage: refexec UID GID GROUPS CAPS PATH [ARG...]\n");
		return 2;
	}
	if (strcmp(argv[1], "-")) {
		uid_t uid = (uid_t)atol(argv[1]);
		gid_t gid = (gid_t)atol(argv[2]), groups[64];
		size_t n = 0;
		unsigned long long m = strcmp(argv[4], "-") ? caps_of(argv[4]) : 0;
		for (char *g = strcmp(argv[3], "-") ? strtok(argv[3], ",") : NULL; g && n < 64; g = strtok(NULL, ","))
			groups[n++] = (gid_t)atol(g);
		struct __user_cap_header_struct h = { _LINUX_CAPABILITY_VERSION_3, 0 };
		struct __user_cap_data_struct d[2] = { { (unsigned)m, (unsigned)m, 0 },
						       { (unsigned)(m >> 32), (unsigned)(m >> 32), 0 } };
		if (prctl(PR_SET_KEEPCAPS, 1, 0, 0, 0) || setgroups(n, groups) || setresgid(gid, gid, gid) ||
		    setresuid(uid, uid, uid) || syscall(SYS_capset, &h, d)) {
			perror("refexec: credentials");
			return 2;
		}
	}
	execve(argv[5], argv + 5, environ);
	int e = errno;
	fprintf(stderr, "refexec: %s\n", strerror(e));
	return e == ENOENT || e == ENOTDIR ? 127 : 126;
}
