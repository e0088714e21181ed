/* mips64el: what the test helpers' seccomp filters need: this architecture's audit arch (nosys,
 * lastcap) and the numbers of the calls older kernels lack (nosys answers ENOSYS). The n64 ABI
 * numbers its calls from 5000 (__NR_Linux). */
#define NOSYS_AUDIT_ARCH AUDIT_ARCH_MIPSEL64
#define NOSYS_CALLS \
	{ "pidfd_open", 5000 + 434 },  /* 5.3 */ \
	{ "clone3", 5000 + 435 },      /* 5.3 */ \
	{ "close_range", 5000 + 436 }, /* 5.9 */ \
	{ "openat2", 5000 + 437 },     /* 5.6 */ \
	{ "faccessat2", 5000 + 439 },  /* 5.8 */
