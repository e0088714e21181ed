/* vm.c: when ocinit is the kernel's own first process (a microVM, an initramfs sandbox, an
 * embedded board), the duties no runtime did: console, mounts, loopback, hostname, the
 * config named on the kernel command line, and at the end a clean poweroff carrying the
 * exit status. PID 1 must never exit there: the kernel would panic. */
#include <errno.h>
#include <fcntl.h>
#include <net/if.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/reboot.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "ocinit.h"
#include "sys.h"
/* arch/<arch>/vm.h: the exit status channel to the host, where QEMU has one for the arch;
 * elsewhere the status is on the console alone. */
#if __has_include("vm.h")
#include "vm.h"
#else
static inline int arch_exit_channel(const char *name, int code)
{
	(void)name, (void)code;
	return -1;
}
#endif

#define PROC_PID_INIT_INO 0xEFFFFFFCu /* the initial PID namespace's inode */
#define DEFAULT_CONFIG "/etc/ocinit/config.json"

static char cmdline[4096];
static int restart;

/* pid_ns_inode: the inode of our PID namespace, from /proc, or where /proc is not mounted
 * (the kernel starts /init before anyone mounts it) from a procfs instance of our own that
 * is never attached anywhere (fsopen/fsmount: Linux 5.2; it needs CAP_SYS_ADMIN). 0 when
 * neither can tell. */
static unsigned long pid_ns_inode(void)
{
	struct stat st;
	if (sys_stat("/proc/self/ns/pid", &st) == 0)
		return (unsigned long)st.st_ino;
	st.st_ino = 0;
#ifdef SYS_fsmount
	enum { CLOEXEC = 1, CMD_CREATE = 6 }; /* FSOPEN_/FSMOUNT_CLOEXEC, FSCONFIG_CMD_CREATE */
	int fs = (int)syscall(SYS_fsopen, "proc", CLOEXEC), mnt = -1;
	if (fs >= 0 && syscall(SYS_fsconfig, fs, CMD_CREATE, NULL, NULL, 0) == 0 &&
	    (mnt = (int)syscall(SYS_fsmount, fs, CLOEXEC, 0)) >= 0 &&
	    sys_statat(mnt, "self/ns/pid", &st) < 0)
		st.st_ino = 0;
	if (mnt >= 0)
		close(mnt);
	if (fs >= 0)
		close(fs);
#endif
	return (unsigned long)st.st_ino;
}

int vm_detected(void)
{
	/* (the caller knows we are PID 1) Positive proof only: the initial PID namespace. A
	 * PID 1 of any other namespace — a container whose /proc is gone included — is not
	 * the kernel's init, whatever its session or parent look like. */
	return pid_ns_inode() == PROC_PID_INIT_INO;
}

/* cmdline_value: the value of KEY=... on the kernel command line, or NULL. */
static const char *cmdline_value(const char *key, char *buf, size_t n)
{
	size_t k = strlen(key);
	for (const char *p = cmdline; *p; p += strcspn(p, " \n"), p += strspn(p, " \n")) {
		if (!strncmp(p, key, k) && p[k] == '=') {
			size_t len = strcspn(p + k + 1, " \n");
			if (len >= n)
				len = n - 1;
			memcpy(buf, p + k + 1, len);
			buf[len] = 0;
			return buf;
		}
		if (!strncmp(p, "-- ", 3))
			break;
	}
	return NULL;
}

/* What to mount where; the source is named after the filesystem type, as the kernel
 * itself and mount(8) show such mounts. */
static const struct mnt {
	const char *dir, *type, *data;
	unsigned flags;
	mode_t mode;
} mounts[] = {
	{ "/proc", "proc", NULL, MS_NOSUID | MS_NODEV | MS_NOEXEC, 0555 },
	{ "/sys", "sysfs", NULL, MS_NOSUID | MS_NODEV | MS_NOEXEC, 0555 },
	{ "/dev", "devtmpfs", "mode=0755", MS_NOSUID, 0755 },
	{ "/dev/pts", "devpts", "mode=0620,ptmxmode=0666", MS_NOSUID | MS_NOEXEC, 0755 },
	{ "/dev/shm", "tmpfs", "mode=1777", MS_NOSUID | MS_NODEV, 01777 },
	{ "/run", "tmpfs", "mode=0755", MS_NOSUID | MS_NODEV, 0755 },
	{ "/tmp", "tmpfs", "mode=1777", MS_NOSUID | MS_NODEV, 01777 },
};

/* mounted: dir is a mount point already (another device than its parent's). */
static int mounted(const char *dir)
{
	struct stat a, b;
	char parent[64];
	fmt(parent, sizeof parent, "%s/..", dir);
	return sys_stat(dir, &a) == 0 && sys_stat(parent, &b) == 0 && a.st_dev != b.st_dev;
}

/* console: /dev/console on each of 0, 1, 2 that is not open. Not close-on-exec: the open
 * itself may land on 0, 1 or 2, and then it stays there for the entrypoint. */
static void console(void)
{
	int fd = sys_open("/dev/console", O_RDWR | O_NOCTTY);
	if (fd < 0)
		return;
	for (int i = 0; i < 3; i++)
		if (i != fd && !sys_fd_open(i))
			dup2(fd, i);
	if (fd > 2)
		close(fd);
}

static void loopback_up(void)
{
	struct ifreq ifr;
	int s = sys_socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	memset(&ifr, 0, sizeof ifr);
	memcpy(ifr.ifr_name, "lo", 3);
	if (s < 0 || ioctl(s, SIOCGIFFLAGS, &ifr) < 0 ||
	    (ifr.ifr_flags |= IFF_UP, ioctl(s, SIOCSIFFLAGS, &ifr)) < 0)
		say(L_WARN, "vm: loopback: %m");
	if (s >= 0)
		close(s);
}

void vm_setup(void)
{
	char buf[256];
	console();
	for (size_t i = 0; i < sizeof mounts / sizeof mounts[0]; i++) {
		const struct mnt *m = &mounts[i];
		if (mkdir(m->dir, m->mode) < 0 && errno != EEXIST)
			say(L_WARN, "vm: mkdir %s: %m", m->dir);
		else if (!mounted(m->dir) && mount(m->type, m->dir, m->type, m->flags, m->data) < 0)
			say(L_WARN, "vm: mount %s on %s: %m", m->type, m->dir);
	}
	console(); /* /dev/console may only exist now */
	int fd = sys_open("/proc/cmdline", O_RDONLY | O_CLOEXEC);
	if (fd >= 0) {
		ssize_t n = read(fd, cmdline, sizeof cmdline - 1);
		cmdline[n > 0 ? n : 0] = 0;
		close(fd);
	}
	loopback_up();
	if (cmdline_value("ocinit.hostname", buf, sizeof buf) && sethostname(buf, strlen(buf)) < 0)
		say(L_WARN, "vm: hostname: %m");
	restart = cmdline_value("ocinit.restart", buf, sizeof buf) && !strcmp(buf, "1");
	reboot(RB_DISABLE_CAD); /* ctrl-alt-del becomes SIGINT to us: a clean shutdown */
}

void vm_config(struct opts *o)
{
	static char path[256];
	struct stat st;
	if (o->flags.oci)
		return;
	if (cmdline_value("ocinit.config", path, sizeof path))
		o->flags.oci = path;
	else if (sys_stat(DEFAULT_CONFIG, &st) == 0)
		o->flags.oci = DEFAULT_CONFIG;
}

/* settle: until no child is left or about seconds have passed (naps of 20 ms); reaps what
 * ends. */
static void settle(int seconds)
{
	for (int nap = 0; nap < seconds * 50 && waitpid(-1, NULL, WNOHANG) >= 0; nap++) {
		struct timespec t = { 0, 20 * 1000 * 1000 };
		sys_nanosleep(&t);
	}
}

_Noreturn void vm_poweroff(int code, int grace)
{
	char buf[64];
	say(L_ERR, "exit status %d", code);
	kill(-1, SIGTERM);
	settle(grace);
	kill(-1, SIGKILL);
	settle(2);
	sync();
	if (cmdline_value("ocinit.exit", buf, sizeof buf) && arch_exit_channel(buf, code) < 0)
		say(L_WARN, "vm: exit channel %s unavailable", buf);
	reboot(restart ? RB_AUTOBOOT : RB_POWER_OFF);
	/* Only where we are not the kernel's init after all (no CAP_SYS_BOOT): leave with the
	 * status rather than hang. */
	say(L_ERR, "vm: reboot: %m; exiting with %d", code);
	_exit(code);
}
