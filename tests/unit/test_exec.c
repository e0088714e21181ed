/* Unit tests of exec.c's PATH walk and exit codes, and of supervise.c's status mapping. */
#include <errno.h>
#include <sys/wait.h>
#include "ocinit.h"
#include "unit.h"

int main(void)
{
	char b[32];
	const char *cur = "/a:/b/c::/d";
	CHECK(path_next(&cur, "x", b, sizeof b) == 1);
	CHECK_STR(b, "/a/x");
	CHECK(path_next(&cur, "x", b, sizeof b) == 1);
	CHECK_STR(b, "/b/c/x");
	CHECK(path_next(&cur, "x", b, sizeof b) == 1); /* empty element: current directory */
	CHECK_STR(b, "./x");
	CHECK(path_next(&cur, "x", b, sizeof b) == 1);
	CHECK_STR(b, "/d/x");
	CHECK(path_next(&cur, "x", b, sizeof b) == 0);
	cur = "";
	CHECK(path_next(&cur, "y", b, sizeof b) == 1);
	CHECK_STR(b, "./y");
	CHECK(path_next(&cur, "y", b, sizeof b) == 0);
	cur = "/a:/bin/";
	CHECK(path_next(&cur, "0123456789012345678901234567890", b, sizeof b) == -1);
	CHECK(path_next(&cur, "sh", b, sizeof b) == 1);
	CHECK_STR(b, "/bin//sh");

	CHECK(exec_exit_code(ENOENT) == 127);
	CHECK(exec_exit_code(ENOTDIR) == 127);
	CHECK(exec_exit_code(EACCES) == 126);
	CHECK(exec_exit_code(ENOEXEC) == 126);
	CHECK(exec_exit_code(ETXTBSY) == 126);

	CHECK(exit_code_of(0) == 0);
	CHECK(exit_code_of(255 << 8) == 255);
	CHECK(exit_code_of(SIGKILL) == 137);
	CHECK(exit_code_of(SIGSEGV | 0x80) == 139); /* with a core dump */
	return unit_done("test_exec");
}
