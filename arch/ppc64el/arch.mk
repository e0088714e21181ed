# ppc64el: Debian's powerpc64le-linux-musl-gcc (musl-dev:ppc64el over
# gcc-powerpc64le-linux-gnu): POWER8, little-endian, ELFv2; run under qemu-user.
# (No -mgeneral-regs-only here: ocinit has no floating point to keep out of registers.)
TRIPLET     := powerpc64le-linux-musl
CC          := powerpc64le-linux-musl-gcc
AR          := powerpc64le-linux-gnu-gcc-ar
RANLIB      := powerpc64le-linux-gnu-gcc-ranlib
STRIP       := powerpc64le-linux-gnu-strip
KHDR_LINUX  := /usr/powerpc64le-linux-gnu/include/linux
KHDR_ASM    := /usr/powerpc64le-linux-gnu/include/asm
KHDR_GENERIC:= /usr/powerpc64le-linux-gnu/include/asm-generic
RUN         := qemu-ppc64le-static
ARCH_CFLAGS := 
# The kernel's struct stat is musl's: sys.h calls newfstatat and fstat itself.
ARCH_KSTAT  := 1
