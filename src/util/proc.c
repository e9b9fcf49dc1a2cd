/* proc.c — who holds a lock on a file (fcntl F_GETLK), and that process's login, program,
 * state and age (from /proc). */
#include <fcntl.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "huifang/proc.h"
#include "huifang/str.h"

long proc_lock_holder(int fd, off_t start, off_t len)
{
	/* Asking for a read lock finds only what excludes readers: a write lock. */
	struct flock fl = {.l_type = F_RDLCK, .l_whence = SEEK_SET, .l_start = start, .l_len = len};
	if (fd < 0 || fcntl(fd, F_GETLK, &fl) != 0 || fl.l_type == F_UNLCK || fl.l_pid <= 0)
		return 0;
	return (long)fl.l_pid;
}

/* /proc/PID/NAME into buf (the start of it, when longer). */
static bool read_proc(long pid, const char *name, char *buf, size_t size)
{
	char path[64];
	snprintf(path, sizeof path, "/proc/%ld/%s", pid, name);
	FILE *f = fopen(path, "re");
	if (!f)
		return false;
	size_t n = fread(buf, 1, size - 1, f);
	fclose(f);
	buf[n] = 0;
	return n > 0;
}

bool proc_info(long pid, struct proc_info *out)
{
	memset(out, 0, sizeof *out);
	out->pid = pid;
	out->uid = -1;
	out->age_s = -1;
	char buf[4096];
	if (pid <= 0 || !read_proc(pid, "status", buf, sizeof buf))
		return false;
	/* "Uid:\treal\teffective\tsaved\tfs" */
	const char *uid = strstr(buf, "\nUid:");
	if (!uid || sscanf(uid + 5, "%ld", &out->uid) != 1)
		return false;
	struct passwd *pw = getpwuid((uid_t)out->uid);
	if (pw)
		str_copy(out->login, sizeof out->login, pw->pw_name);
	if (read_proc(pid, "comm", buf, sizeof buf)) {
		buf[strcspn(buf, "\n")] = 0;
		str_copy(out->program, sizeof out->program, buf);
		/* Any process names itself (prctl): only printable ASCII goes into a message. */
		for (char *c = out->program; *c; c++)
			if (*c < 0x20 || *c > 0x7e)
				*c = '?';
	}
	/* "pid (comm) state ppid ...": the name may hold spaces and parentheses, so the fields are
	 * counted from the last ')'; the state is the first of them, the start time the 20th. */
	if (!read_proc(pid, "stat", buf, sizeof buf))
		return true;
	const char *p = strrchr(buf, ')');
	if (!p || p[1] != ' ')
		return true;
	p += 2;
	out->stopped = *p == 'T' || *p == 't';
	for (int field = 1; field < 20 && p; field++) {
		p = strchr(p, ' ');
		if (p)
			p++;
	}
	unsigned long long ticks;
	struct timespec up;
	long hz = sysconf(_SC_CLK_TCK);
	if (p && hz > 0 && sscanf(p, "%llu", &ticks) == 1 && clock_gettime(CLOCK_BOOTTIME, &up) == 0) {
		long long age = (long long)up.tv_sec - (long long)(ticks / (unsigned long long)hz);
		out->age_s = age < 0 ? 0 : age;
	}
	return true;
}
