# armel: Debian's arm-linux-musleabi-gcc (musl-dev:armel over gcc-arm-linux-gnueabi):
# ARMv5TE, soft float; run under qemu-user.
TRIPLET     := arm-linux-musleabi
CC          := arm-linux-musleabi-gcc
AR          := arm-linux-gnueabi-gcc-ar
RANLIB      := arm-linux-gnueabi-gcc-ranlib
STRIP       := arm-linux-gnueabi-strip
KHDR_LINUX  := /usr/arm-linux-gnueabi/include/linux
KHDR_ASM    := /usr/arm-linux-gnueabi/include/asm
KHDR_GENERIC:= /usr/arm-linux-gnueabi/include/asm-generic
RUN         := qemu-arm-static
ARCH_CFLAGS := -mgeneral-regs-only
# The kernel's struct stat is not musl's (64-bit time_t and off_t; mips64's own layout):
# sys.h uses musl's stat, which converts.
ARCH_KSTAT  := 0
