# mips64el: Debian's mips64el-linux-musl-gcc (musl-dev:mips64el over
# gcc-mips64el-linux-gnuabi64): MIPS64r2, n64 ABI, little-endian; run under qemu-user.
TRIPLET     := mips64el-linux-musl
CC          := mips64el-linux-musl-gcc
AR          := mips64el-linux-gnuabi64-gcc-ar
RANLIB      := mips64el-linux-gnuabi64-gcc-ranlib
STRIP       := mips64el-linux-gnuabi64-strip
KHDR_LINUX  := /usr/mips64el-linux-gnuabi64/include/linux
KHDR_ASM    := /usr/mips64el-linux-gnuabi64/include/asm
KHDR_GENERIC:= /usr/mips64el-linux-gnuabi64/include/asm-generic
RUN         := qemu-mips64el-static
ARCH_CFLAGS := 
# The kernel's struct stat is not musl's (64-bit time_t and off_t; mips64's own layout):
# sys.h uses musl's stat, which converts.
ARCH_KSTAT  := 0
