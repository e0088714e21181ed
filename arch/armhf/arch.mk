# armhf: Debian's arm-linux-musleabihf-gcc (musl-dev:armhf over gcc-arm-linux-gnueabihf):
# ARMv7, Thumb-2, hard float; run under qemu-user.
TRIPLET     := arm-linux-musleabihf
CC          := arm-linux-musleabihf-gcc
AR          := arm-linux-gnueabihf-gcc-ar
RANLIB      := arm-linux-gnueabihf-gcc-ranlib
STRIP       := arm-linux-gnueabihf-strip
KHDR_LINUX  := /usr/arm-linux-gnueabihf/include/linux
KHDR_ASM    := /usr/arm-linux-gnueabihf/include/asm
KHDR_GENERIC:= /usr/arm-linux-gnueabihf/include/asm-generic
RUN         := qemu-arm-static
ARCH_CFLAGS := -mgeneral-regs-only
# The kernel's struct stat is not musl's (64-bit time_t and off_t; mips64's own layout):
# sys.h uses musl's stat, which converts.
ARCH_KSTAT  := 0
