/* aarch64: how the fault injector (tests/helpers/inject.c) rewrites a traced system call:
 * at its entry the number (NT_ARM_SYSTEM_CALL; -1: the kernel skips it), at its exit the
 * return value (x0 of NT_PRSTATUS). */
#include <elf.h>
#include <sys/uio.h>
#include <sys/user.h>
static inline long inject_set_nr(int pid, int nr)
{
	struct iovec v = { &nr, sizeof nr };
	return ptrace(PTRACE_SETREGSET, pid, (void *)NT_ARM_SYSTEM_CALL, &v);
}
static inline long inject_set_ret(int pid, long ret)
{
	struct user_regs_struct r;
	struct iovec v = { &r, sizeof r };
	if (ptrace(PTRACE_GETREGSET, pid, (void *)NT_PRSTATUS, &v) < 0)
		return -1;
	r.regs[0] = (unsigned long long)ret;
	return ptrace(PTRACE_SETREGSET, pid, (void *)NT_PRSTATUS, &v);
}
#define INJECT_SET_NR(pid, nr) inject_set_nr((pid), (nr))
#define INJECT_SET_RET(pid, v) inject_set_ret((pid), (v))
