# i386: Debian's i386-linux-musl-gcc (musl-dev:i386 over gcc-i686-linux-gnu), run under
# qemu-user (the kernel's own 32-bit x86 support is not assumed).
TRIPLET     := i686-linux-musl
CC          := i386-linux-musl-gcc
AR          := i686-linux-gnu-gcc-ar
RANLIB      := i686-linux-gnu-gcc-ranlib
STRIP       := i686-linux-gnu-strip
KHDR_LINUX  := /usr/i686-linux-gnu/include/linux
KHDR_ASM    := /usr/i686-linux-gnu/include/asm
KHDR_GENERIC:= /usr/i686-linux-gnu/include/asm-generic
RUN         := qemu-i386-static
ARCH_CFLAGS := -mgeneral-regs-only -fno-jump-tables
# The kernel's struct stat is not musl's (64-bit time_t and off_t; mips64's own layout):
# sys.h uses musl's stat, which converts.
ARCH_KSTAT  := 0
