# aarch64: Debian's aarch64-linux-musl-gcc (musl-dev:arm64 over gcc-aarch64-linux-gnu),
# run under qemu-user. Without binfmt_misc, programs the guest execs run as host binaries.
TRIPLET     := aarch64-linux-musl
CC          := aarch64-linux-musl-gcc
AR          := aarch64-linux-gnu-gcc-ar
RANLIB      := aarch64-linux-gnu-gcc-ranlib
STRIP       := aarch64-linux-gnu-strip
KHDR_LINUX  := /usr/aarch64-linux-gnu/include/linux
KHDR_ASM    := /usr/aarch64-linux-gnu/include/asm
KHDR_GENERIC:= /usr/aarch64-linux-gnu/include/asm-generic
RUN         := qemu-aarch64-static
# -mgeneral-regs-only: variadic functions save no vector registers. (aarch64's jump tables
# hold byte offsets: they stay.)
ARCH_CFLAGS := -mgeneral-regs-only
# The kernel's struct stat is musl's: sys.h calls newfstatat and fstat itself.
ARCH_KSTAT  := 1
