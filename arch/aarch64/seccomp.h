/* aarch64: what the test helper nosys needs to answer ENOSYS for system calls that older
 * kernels lack: this architecture's seccomp audit arch and those calls' numbers. */
#define NOSYS_AUDIT_ARCH AUDIT_ARCH_AARCH64
#define NOSYS_CALLS \
	{ "pidfd_open", 434 },  /* 5.3 */ \
	{ "clone3", 435 },      /* 5.3 */ \
	{ "close_range", 436 }, /* 5.9 */ \
	{ "openat2", 437 },     /* 5.6 */ \
	{ "faccessat2", 439 },  /* 5.8 */
