# s390x: Debian's s390x-linux-musl-gcc (musl-dev:s390x over gcc-s390x-linux-gnu):
# z196 and later, 64-bit, big-endian; run under qemu-user.
TRIPLET     := s390x-linux-musl
CC          := s390x-linux-musl-gcc
AR          := s390x-linux-gnu-gcc-ar
RANLIB      := s390x-linux-gnu-gcc-ranlib
STRIP       := s390x-linux-gnu-strip
KHDR_LINUX  := /usr/s390x-linux-gnu/include/linux
KHDR_ASM    := /usr/s390x-linux-gnu/include/asm
KHDR_GENERIC:= /usr/s390x-linux-gnu/include/asm-generic
RUN         := qemu-s390x-static
ARCH_CFLAGS := 
# The kernel's struct stat is musl's: sys.h calls newfstatat and fstat itself.
ARCH_KSTAT  := 1
