/* floorinit: the floor every init is measured against: fork, execve, then a bare
 * waitpid(-1) loop until no child is left; exits with the command's status. */
#include "bench.h"

int main(int argc, char **argv)
{
	return floor_main(argc, argv, NULL);
}
