/* i386: the exit status channel of x86_64 (isa-debug-exit), the same port I/O. */
#include "../x86_64/vm.h"
