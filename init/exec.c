/* exec.c: execve with no pre-check. The kernel alone decides whether the entrypoint runs;
 * only after it has said no do we look at the file again, to explain its answer. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <string.h>
#include <unistd.h>

#include "ocinit.h"
#include "sys.h"

int exec_exit_code(int err)
{
	return err == ENOENT || err == ENOTDIR ? EXIT_NOTFOUND : EXIT_NOEXEC;
}

int path_next(const char **cursor, const char *name, char *buf, size_t n)
{
	const char *p = *cursor, *end;
	if (!p)
		return 0;
	end = strchrnul(p, ':');
	*cursor = *end ? end + 1 : NULL;
	size_t dl = (size_t)(end - p), nl = strlen(name);
	if (!dl) /* an empty element is the current directory, as in execvp */
		p = ".", dl = 1;
	if (dl + 1 + nl + 1 > n)
		return -1;
	memcpy(buf, p, dl);
	buf[dl] = '/';
	memcpy(buf + dl + 1, name, nl + 1);
	return 1;
}

/* search_path: the PATH the child will have, or the default. */
static const char *search_path(char *const envp[])
{
	const char *p = env_value(envp, "PATH");
	return p ? p : DEFAULT_PATH;
}

static void copy(char *dst, size_t n, const char *src)
{
	fmt(dst, n, "%s", src);
}

/* find_existing: after a failed search, the first PATH candidate that exists (a script
 * with a missing interpreter fails with ENOENT too), so the hint can name it. */
static void find_existing(char *const envp[], const char *name, char *path, size_t n)
{
	const char *cursor = search_path(envp);
	char cand[PATH_MAX];
	int r, fd;
	while ((r = path_next(&cursor, name, cand, sizeof cand)))
		if (r > 0 && (fd = sys_open(cand, O_RDONLY | O_CLOEXEC | O_NOCTTY)) >= 0) {
			close(fd);
			copy(path, n, cand);
			break;
		}
	errno = ENOENT;
}

void exec_command(char *const argv[], char *const envp[], char *path, size_t n)
{
	const char *name = argv[0], *cursor;
	char cand[PATH_MAX];
	int r, seen_eacces = 0, too_long = 0;

	copy(path, n, name);
	if (!*name) {
		errno = ENOENT;
		return;
	}
	if (strchr(name, '/')) {
		execve(name, argv, envp);
		return;
	}
	/* execvp's rules: go on past EACCES, ENOENT, ENOTDIR; stop at any other error. */
	cursor = search_path(envp);
	while ((r = path_next(&cursor, name, cand, sizeof cand))) {
		if (r < 0) {
			too_long = 1;
			continue;
		}
		execve(cand, argv, envp);
		if (errno == EACCES) {
			if (!seen_eacces)
				copy(path, n, cand);
			seen_eacces = 1;
		} else if (errno != ENOENT && errno != ENOTDIR) {
			copy(path, n, cand);
			return;
		}
	}
	errno = seen_eacces ? EACCES : too_long ? ENAMETOOLONG : ENOENT;
	if (CFG_EXEC_HINTS && errno == ENOENT)
		find_existing(envp, name, path, n);
}

/* script_interpreter: the first word after "#!" in head, copied into buf. */
static const char *script_interpreter(const char *head, size_t len, char *buf, size_t n)
{
	size_t i = 2, k = 0;
	while (i < len && (head[i] == ' ' || head[i] == '\t'))
		i++;
	while (i < len && k + 1 < n && head[i] != ' ' && head[i] != '\t' && head[i] != '\n')
		buf[k++] = head[i++];
	buf[k] = 0;
	return buf;
}

const char *exec_hint(const char *path, int err, char *buf, size_t n)
{
	char head[256], interp[128];
	ssize_t len = -1;
	buf[0] = 0;
	if (!CFG_EXEC_HINTS)
		return buf;
	if (err == ENOENT && !strchr(path, '/'))
		return copy(buf, n, " (not found in PATH)"), buf;
	if (err == ENOENT || err == ENOEXEC) {
		int fd = sys_open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY);
		if (fd >= 0) {
			len = read(fd, head, sizeof head);
			close(fd);
		}
	}
	int script = len >= 2 && head[0] == '#' && head[1] == '!';
	int elf = len >= 4 && !memcmp(head, "\177ELF", 4);
	if (err == ENOENT && script)
		fmt(buf, n, " (the file exists: its interpreter %s was not found)",
		    script_interpreter(head, (size_t)len, interp, sizeof interp));
	else if (err == ENOENT && elf)
		copy(buf, n, " (the file exists: its ELF interpreter, the dynamic loader, was not found)");
	else if (err == ENOEXEC && len >= 0 && !script)
		copy(buf, n, " (no #! line and not a binary format this kernel runs)");
	else if (err == EACCES)
		copy(buf, n, " (no execute permission for this user, a directory or a noexec mount)");
	else if (err == ETXTBSY)
		copy(buf, n, " (the file is open for writing)");
	return buf;
}
