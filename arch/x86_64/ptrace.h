/* x86_64: how the fault injector (tests/helpers/inject.c) rewrites a traced system call:
 * at its entry the number (-1: the kernel skips it), at its exit the return value. */
#include <sys/reg.h>
#define INJECT_SET_NR(pid, nr) ptrace(PTRACE_POKEUSER, (pid), (void *)(8 * ORIG_RAX), (void *)(long)(nr))
#define INJECT_SET_RET(pid, v) ptrace(PTRACE_POKEUSER, (pid), (void *)(8 * RAX), (void *)(long)(v))
