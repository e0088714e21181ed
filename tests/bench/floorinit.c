/* floorinit: the floor every init is measured against: fork, execve, then a bare
 * waitpid(-1) loop until no child is left; exits with the command's status. */
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	int st, code = 0;
	pid_t child, p;
	if (argc < 2)
		return 2;
	if ((child = fork()) == 0) {
		execv(argv[1], argv + 1);
		_exit(127);
	}
	while ((p = waitpid(-1, &st, 0)) > 0)
		if (p == child)
			code = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
	return code;
}
