# x86_64: built with Debian's musl-gcc, run natively.
TRIPLET     := x86_64-linux-musl
CC          := musl-gcc
AR          := gcc-ar
RANLIB      := gcc-ranlib
STRIP       := strip
KHDR_LINUX  := /usr/include/linux
KHDR_ASM    := /usr/include/x86_64-linux-gnu/asm
KHDR_GENERIC:= /usr/include/asm-generic
RUN         :=
# -mgeneral-regs-only: variadic functions save no vector registers. Switches as compare
# chains: x86_64's jump tables hold 8-byte addresses (smaller without).
ARCH_CFLAGS := -mgeneral-regs-only -fno-jump-tables
# The kernel's struct stat is musl's: sys.h calls newfstatat and fstat itself.
ARCH_KSTAT  := 1
