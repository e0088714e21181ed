/* caps.c: capability names and the five sets. libcap-ng names them and applies them; the
 * checks before and the reading back after use the kernel's own interfaces, so that
 * libcap-ng 0.8.3's quiet failures (a bounding set it could not drop returns 0) are caught. */
#include <cap-ng.h>
#include <errno.h>
#include <linux/capability.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/vfs.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "ocinit.h"
#include "sys.h"

#define PROC_SUPER_MAGIC 0x9fa0

const char capset_name[N_CAPSETS][12] = {
	"bounding", "effective", "permitted", "inheritable", "ambient",
};

/* hash: of a name without CAP_, case aside, for a table of 128 slots. */
static unsigned hash(const char *s)
{
	unsigned h = 0;
	for (; *s; s++)
		h = h * 31 + ((unsigned char)*s | 0x20);
	return h & 127;
}

/* same_name: s (any case) is libcap-ng's lower-case name n. */
static int same_name(const char *s, const char *n)
{
	for (;; s++, n++) {
		unsigned char c = (unsigned char)*s;
		if ((c >= 'A' && c <= 'Z' ? c + 32 : c) != (unsigned char)*n)
			return 0;
		if (!c)
			return 1;
	}
}

/* libcap-ng's own table of names (captab.h of its source, the one its lookups are built
 * from), here at compile time: the capability is the index, the name lower case without
 * CAP_. A capability the kernel headers lack is a gap (NULL). test_caps checks it against
 * libcap-ng's capng_capability_to_name. */
#define _S(cap, name) [cap] = name,
static const char *const cap_names[] = {
#include "captab.h"
};
#undef _S
#define N_NAMES (int)(sizeof cap_names / sizeof *cap_names)

/* cap_by_name: a hash table over names[], filled at first use (a hash per name; libcap-ng's own
 * lookup compares with strcasecmp, tolower per letter: 1,200 instructions a name, and its
 * number-to-name walks its table per call). */
int cap_by_name(const char *name)
{
	static unsigned char slot[128]; /* capability + 1; 0: empty */
	static int filled;
	name += memcmp(name, "CAP_", 4) ? nocase_prefix(name, "CAP_") : 4;
	for (int cap = 0; !filled && cap < N_NAMES; cap++) {
		if (!cap_names[cap])
			continue;
		unsigned h = hash(cap_names[cap]);
		while (slot[h])
			h = (h + 1) & 127;
		slot[h] = (unsigned char)(cap + 1);
	}
	filled = 1;
	for (unsigned h = hash(name); slot[h]; h = (h + 1) & 127)
		if (same_name(name, cap_names[slot[h] - 1]))
			return slot[h] - 1;
	return -1;
}

const char *cap_name(int cap, char *buf)
{
	const char *n = cap >= 0 && cap < N_NAMES ? cap_names[cap] : NULL;
	if (!n)
		fmt(buf, 32, "CAP_%d", cap);
	else {
		size_t i = 4;
		memcpy(buf, "CAP_", 4);
		for (; *n && i < 31; n++)
			buf[i++] = *n >= 'a' && *n <= 'z' ? (char)(*n - 32) : *n;
		buf[i] = 0;
	}
	return buf;
}

int cap_parse_list(const char *what, const char *list, capmask *mask)
{
	char name[64];
	*mask = 0;
	if (!strcmp(list, "none") || !*list)
		return 0;
	if (!strcmp(list, "all")) {
		*mask = ~0ULL;
		return 0;
	}
	const char *p = list;
	int r, cap;
	while ((r = list_next(&p, name, sizeof name)) > 0) {
		if ((cap = cap_by_name(name)) < 0 || cap > 63) {
			say(L_ERR, "%s: %s is not a known capability", what, name);
			return -1;
		}
		*mask |= 1ULL << cap;
	}
	if (r < 0)
		say(L_ERR, "%s: '%s' is not a list of capabilities", what, list);
	return r;
}

/* kernel_last_cap: the running kernel's highest capability, as libcap-ng found it when it
 * started (two prctl calls: cap-ng.c's init, see libcap-ng.patch), read from its own
 * last_cap (hidden, which only keeps it out of a shared library's exports). Starting the
 * library here, in ocinit before the fork, spares the child that start. */
static int kernel_last_cap(void)
{
	extern unsigned int last_cap;
	capng_setpid(0); /* (0: this process; the child names itself before applying) */
	return (int)last_cap;
}

/* status_sets: the bounding and ambient sets from the procfs file /proc/self/status (a
 * file of that name on another filesystem proves nothing): one read, where a prctl per
 * capability costs 41. 0, or -1 to ask the kernel by prctl (no /proc, or not ours). */
static int status_sets(capmask *bnd, capmask *amb)
{
	char buf[4096];
	struct statfs fs;
	ssize_t n = -1;
	int fd = sys_open("/proc/self/status", O_RDONLY | O_CLOEXEC), found = 0;
	if (fd < 0)
		return -1;
	if (sys_fstatfs(fd, &fs) == 0 && fs.f_type == PROC_SUPER_MAGIC)
		n = read(fd, buf, sizeof buf - 1);
	close(fd);
	if (n <= 0)
		return -1;
	buf[n] = 0;
	/* (memchr over what is left, and no further than both lines: a third of the file) */
	for (const char *l = buf, *end = buf + n; l && found != 3; l = memchr(l, '\n', (size_t)(end - l)), l = l ? l + 1 : NULL) {
		int b = !memcmp(l, "CapBnd:\t", 8), a = !memcmp(l, "CapAmb:\t", 8);
		if ((a || b) && scan_uint(l + 8, 16, ~0ULL, a ? amb : bnd) == 16 && l[24] == '\n')
			found |= a ? 2 : 1;
	}
	return found == 3 ? 0 : -1;
}

/* bounding_and_ambient: those two sets into now; ambient asked (without /proc) only for
 * what may_be_ambient holds. 0 or -1. */
static int bounding_and_ambient(capmask now[N_CAPSETS], capmask may_be_ambient)
{
	int last = kernel_last_cap();
	now[CS_BOUNDING] = now[CS_AMBIENT] = 0;
	if (status_sets(&now[CS_BOUNDING], &now[CS_AMBIENT]) == 0)
		return 0;
	for (int cap = 0; cap <= last; cap++) {
		int b = prctl(PR_CAPBSET_READ, cap, 0, 0, 0);
		int a = may_be_ambient >> cap & 1 ? prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_IS_SET, cap, 0, 0) : 0;
		if (b < 0 || (a < 0 && errno != EINVAL))
			return -1;
		now[CS_BOUNDING] |= (capmask)(b > 0) << cap;
		now[CS_AMBIENT] |= (capmask)(a > 0) << cap;
	}
	return 0;
}

int caps_read(capmask now[N_CAPSETS])
{
	struct __user_cap_header_struct h = { _LINUX_CAPABILITY_VERSION_3, 0 };
	struct __user_cap_data_struct d[2];
	if (syscall(SYS_capget, &h, d) < 0)
		return -1;
	now[CS_EFFECTIVE] = d[0].effective | (capmask)d[1].effective << 32;
	now[CS_PERMITTED] = d[0].permitted | (capmask)d[1].permitted << 32;
	now[CS_INHERITABLE] = d[0].inheritable | (capmask)d[1].inheritable << 32;
	/* The kernel keeps ambient within permitted and inheritable (capabilities(7)): only
	 * those need asking, which for most processes is none. */
	return bounding_and_ambient(now, now[CS_PERMITTED] & now[CS_INHERITABLE]);
}

/* names: "CAP_A, CAP_B" for the bits of mask. */
static const char *names(capmask mask, char *buf, size_t n)
{
	char one[32];
	size_t k = 0;
	buf[0] = 0;
	for (int cap = 0; cap < 64; cap++)
		if (mask >> cap & 1)
			k += fmt(buf + k, n - k, "%s%s", k ? ", " : "", cap_name(cap, one));
	return buf;
}

/* ungrantable: capabilities of set that cannot be granted, and why: named in a warning and
 * left out by the caller (0), or with strict an error (-1). The runtime-spec asks runtimes
 * to warn and go on (runc does). */
static int ungrantable(int strict, int set, capmask extra, const char *why)
{
	char list[1024];
	say(strict ? L_ERR : L_WARN, "capabilities.%s: %s %s%s", capset_name[set],
	    names(extra, list, sizeof list), why, strict ? "" : ": skipped (--strict makes this an error)");
	return strict ? -1 : 0;
}

int caps_check(struct creds *c, int strict)
{
	capmask now[N_CAPSETS], *s = c->caps;
	int last = kernel_last_cap();
	capmask known = last >= 63 ? ~0ULL : (1ULL << (last + 1)) - 1;
	if (caps_read(now) < 0) {
		say(L_ERR, "read ocinit's own capabilities: %m");
		return -1;
	}
	for (int i = 0; i < N_CAPSETS; i++) {
		capmask unknown = s[i] & ~known, held = i == CS_BOUNDING ? now[CS_BOUNDING] : now[CS_PERMITTED];
		if (unknown && s[i] != ~0ULL && /* "all" means all this kernel has */
		    ungrantable(strict, i, unknown, "not known to this kernel"))
			return -1;
		s[i] &= known;
		if ((s[i] & ~held) && ungrantable(strict, i, s[i] & ~held, "not held by ocinit"))
			return -1;
		s[i] &= held;
	}
	/* What capset(2) itself would refuse is an error; an ambient capability that cannot be
	 * raised is ungrantable. */
	static const struct { int set, within, fatal; const char *why; } rules[] = {
		{ CS_EFFECTIVE, CS_PERMITTED, 1, "not in permitted" },
		{ CS_INHERITABLE, CS_BOUNDING, 1, "not in bounding" },
		{ CS_AMBIENT, CS_PERMITTED, 0, "not in permitted" },
		{ CS_AMBIENT, CS_INHERITABLE, 0, "not in inheritable" },
	};
	for (size_t i = 0; i < sizeof rules / sizeof rules[0]; i++) {
		capmask extra = s[rules[i].set] & ~s[rules[i].within];
		if (extra && ungrantable(rules[i].fatal || strict, rules[i].set, extra, rules[i].why))
			return -1;
		s[rules[i].set] &= ~extra;
	}
	return 0;
}

/* load: one of our sets into libcap-ng's state. */
static void load(const struct creds *c, enum capset_id id, capng_type_t type)
{
	for (unsigned cap = 0; cap < 64; cap++)
		if (c->caps[id] >> cap & 1)
			capng_update(CAPNG_ADD, type, cap);
}

int caps_apply_bounding(const struct creds *c)
{
	capmask now[N_CAPSETS];
	capng_setpid(0); /* this process (started in ocinit: kernel_last_cap) */
	capng_clear(CAPNG_SELECT_BOUNDS);
	load(c, CS_BOUNDING, CAPNG_BOUNDING_SET);
	if (capng_apply(CAPNG_SELECT_BOUNDS) < 0 || bounding_and_ambient(now, 0) < 0)
		return -1;
	if (now[CS_BOUNDING] != c->caps[CS_BOUNDING]) { /* 0.8.3 may fail without saying so */
		errno = EPERM;
		return -1;
	}
	return 0;
}

int caps_apply_sets(const struct creds *c)
{
	capng_setpid(0);
	capng_clear(CAPNG_SELECT_CAPS | CAPNG_SELECT_AMBIENT);
	load(c, CS_EFFECTIVE, CAPNG_EFFECTIVE);
	load(c, CS_PERMITTED, CAPNG_PERMITTED);
	load(c, CS_INHERITABLE, CAPNG_INHERITABLE);
	load(c, CS_AMBIENT, CAPNG_AMBIENT);
	if (capng_apply(CAPNG_SELECT_CAPS) < 0)
		return -1;
	return capng_apply(CAPNG_SELECT_AMBIENT) < 0 ? -1 : 0;
}
