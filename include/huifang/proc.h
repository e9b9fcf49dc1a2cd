/* proc.h — who holds a lock on a file, and what the system tells of that process. */
#ifndef HUIFANG_PROC_H
#define HUIFANG_PROC_H

#include <stdbool.h>
#include <sys/types.h>

struct proc_info {
	long pid;
	long uid;                 /* the real user id: a setgid program keeps its caller's */
	char login[64];           /* that user's login ("" when the id has no name) */
	char program[32];         /* the program's name as the kernel keeps it (comm) */
	bool stopped;             /* stopped by a signal (SIGSTOP, Ctrl-Z) or a debugger */
	long long age_s;          /* seconds since it started; -1 when not known */
};

/* The process that holds a write (exclusive) POSIX lock over any of the len bytes at start of
 * the file open as fd; 0 when none does or it cannot be seen (another pid namespace, this
 * very process). The caller keeps fd open for as long as it holds locks of its own on the
 * file: closing any descriptor of a file drops every POSIX lock the process holds on it. */
long proc_lock_holder(int fd, off_t start, off_t len);
/* What /proc tells of pid; false when it is gone or hidden (hidepid). */
bool proc_info(long pid, struct proc_info *out);

#endif
