/* mips64el: the kernel's struct sigaction (arch/mips/include/uapi/asm/signal.h): the flags
 * first, as an int, then the handler and the mask; no restorer. */
struct ksigaction {
	unsigned int flags;
	void (*handler)(int);
	unsigned long mask[KSIGSET_SIZE / sizeof(unsigned long)];
};
