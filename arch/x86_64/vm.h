/* x86_64: how a microVM's PID 1 hands its exit status to the host, besides the console.
 * QEMU's isa-debug-exit device (-device isa-debug-exit,iobase=0xf4,iosize=0x04) makes QEMU
 * exit with (code << 1) | 1. Chosen with ocinit.exit=isa-debug-exit on the kernel command
 * line; without the device the write is ignored. */
#include <string.h>
#include <sys/io.h>

static inline int arch_exit_channel(const char *name, int code)
{
	if (strcmp(name, "isa-debug-exit") || ioperm(0xf4, 4, 1) < 0)
		return -1;
	outl((unsigned)code, 0xf4);
	return 0;
}
