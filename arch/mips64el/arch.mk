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
# Signal numbers where they are not the generic ones (the tests' signum, tests/lib.sh): what
# 128+N of a death by signal says on this arch.
SIGNALS     := HUP:1 INT:2 QUIT:3 ILL:4 TRAP:5 ABRT:6 EMT:7 FPE:8 KILL:9 BUS:10 SEGV:11 \
               SYS:12 PIPE:13 ALRM:14 TERM:15 USR1:16 USR2:17 CHLD:18 PWR:19 WINCH:20 URG:21 \
               IO:22 STOP:23 TSTP:24 CONT:25 TTIN:26 TTOU:27 VTALRM:28 PROF:29 XCPU:30 XFSZ:31
