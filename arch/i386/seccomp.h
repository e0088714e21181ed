/* i386: what the test helpers' seccomp filters need: this architecture's audit arch (nosys,
 * lastcap) and the numbers of the calls older kernels lack (nosys answers ENOSYS). */
#define NOSYS_AUDIT_ARCH AUDIT_ARCH_I386
#define NOSYS_CALLS \
	{ "pidfd_open", 434 },  /* 5.3 */ \
	{ "clone3", 435 },      /* 5.3 */ \
	{ "close_range", 436 }, /* 5.9 */ \
	{ "openat2", 437 },     /* 5.6 */ \
	{ "faccessat2", 439 },  /* 5.8 */
