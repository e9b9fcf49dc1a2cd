/* store-lock.c — the write lock: how long a writer waits for it, holding off job-control stops
 * while it is held, who holds it when a writer gives up, and taking it for a checkpoint. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "huifang/date.h"
#include "huifang/i18n.h"
#include "huifang/proc.h"
#include "huifang/str.h"
#include "store-int.h"

/* In WAL mode SQLite's write lock is a POSIX lock on one byte of the -shm file: its locks
 * start at byte 120 and the writer's is the first (https://sqlite.org/walformat.html). */
#define WAL_WRITE_LOCK_BYTE 120

/* How long a writer waits for another one before it gives up, until the configuration says
 * (database.lock_wait_seconds). */
#define LOCK_WAIT_SECONDS 10

static long long now_us(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

/* Waiting for another writer: SQLite's own handler sleeps longer the longer it has waited
 * (up to 100 ms a time), so a writer that arrives just after another one often sleeps far past
 * the moment the lock is free; with twenty writers that made the slowest log wait most of a
 * second. This one looks again every 1 to 2 ms (the step varies so that waiting writers do not
 * wake in lock step) until st->busy_ms have passed since the first refusal. */
static int busy_wait(void *arg, int count)
{
	struct store *st = arg;
	long long now = now_us();
	if (count == 0) {
		st->busy_since = now;
		st->busy_gave_up = false;
	}
	if (now - st->busy_since >= (long long)st->busy_ms * 1000) {
		st->busy_gave_up = true;
		return 0;
	}
	st->busy_seed = st->busy_seed * 1103515245u + 12345u;
	struct timespec nap = {0, 1000000 + (long)(st->busy_seed >> 16) % 1000000};
	nanosleep(&nap, NULL);
	return 1;
}

void store_set_busy(struct store *st, int ms)
{
	st->busy_ms = ms;
	st->busy_gave_up = false;
	sqlite3_busy_handler(st->db, busy_wait, st);
}

void store_lock_init(struct store *st)
{
	st->shm_fd = -1;
	st->busy_seed = (unsigned)getpid() ^ (unsigned)now_us();
	store_lock_wait(st, LOCK_WAIT_SECONDS);
}

void store_lock_wait(struct store *st, int seconds)
{
	st->lock_wait_ms = (seconds > 0 ? seconds : LOCK_WAIT_SECONDS) * 1000;
	store_set_busy(st, st->lock_wait_ms);
}

/* While this process holds the write lock, every other writer waits for it: Ctrl-Z (SIGTSTP)
 * and a background job's terminal read or write (SIGTTIN, SIGTTOU) must not stop it there.
 * They are held back until the lock is let go, and then take effect. SIGSTOP cannot be held
 * back; what a writer stopped by it does to the others is explained by store_busy_explain. */
void store_hold_stops(struct store *st, bool hold)
{
	if (hold == st->stops_held)
		return;
	if (hold) {
		sigset_t stops;
		sigemptyset(&stops);
		sigaddset(&stops, SIGTSTP);
		sigaddset(&stops, SIGTTIN);
		sigaddset(&stops, SIGTTOU);
		sigprocmask(SIG_BLOCK, &stops, &st->stops_mask);
	} else {
		sigprocmask(SIG_SETMASK, &st->stops_mask, NULL);
	}
	st->stops_held = hold;
}

/* A descriptor of the -shm file to ask who holds its locks, and to take the write lock before
 * a checkpoint (store_write_lock_take); read-only when this process may not write the file. It
 * stays open until the connection is closed: closing it would drop this process's own locks on
 * the file. */
static int shm_fd(struct store *st)
{
	if (st->shm_fd < 0) {
		const char *db = sqlite3_db_filename(st->db, "main");
		char path[4096];
		if (db && *db && snprintf(path, sizeof path, "%s-shm", db) < (int)sizeof path) {
			st->shm_fd = open(path, O_RDWR | O_CLOEXEC | O_NOFOLLOW | O_NOCTTY);
			if (st->shm_fd < 0)
				st->shm_fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NOCTTY);
		}
	}
	return st->shm_fd;
}

/* The write lock's byte, taken with this process's own POSIX lock. SQLite asks for the same
 * byte on its own descriptor of the file; POSIX locks belong to the process, so it is granted
 * at once. A checkpoint in TRUNCATE mode that cannot have the write lock does not fail: it goes
 * on as a PASSIVE one beside the writers, which is the race store.c's wal_checkpoint avoids;
 * holding the byte first makes sure that it never has to. The wait looks again every 0.1 ms:
 * writers waiting in busy_wait sleep 1 to 2 ms, so a committed writer that checkpoints is not
 * starved by them. No SQL statement takes the lock without opening a transaction, which a
 * checkpoint refuses, hence the file lock by hand. */
bool store_write_lock_take(struct store *st, int ms)
{
	int fd = shm_fd(st);
	if (fd < 0 || (fcntl(fd, F_GETFL) & O_ACCMODE) != O_RDWR)
		return false;
	struct flock fl = {.l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = WAL_WRITE_LOCK_BYTE,
	                   .l_len = 1};
	long long until = now_us() + (long long)ms * 1000;
	while (fcntl(fd, F_SETLK, &fl) != 0) {
		if ((errno != EAGAIN && errno != EACCES) || now_us() >= until)
			return false;
		struct timespec nap = {0, 100000};
		nanosleep(&nap, NULL);
	}
	return true;
}

/* After the checkpoint: SQLite let go of the byte when it ended, which released this lock as
 * well (one lock a process); this lets go of it when SQLite never asked (another checkpoint was
 * running). */
void store_write_lock_drop(struct store *st)
{
	struct flock fl = {.l_type = F_UNLCK, .l_whence = SEEK_SET, .l_start = WAL_WRITE_LOCK_BYTE,
	                   .l_len = 1};
	if (st->shm_fd >= 0)
		fcntl(st->shm_fd, F_SETLK, &fl);
}

/* "40 s", "3m", "2h 05m" ... */
static void age_text(long long seconds, char *buf, size_t size)
{
	if (seconds < 60)
		snprintf(buf, size, _("%lld s"), seconds);
	else
		date_span_text(seconds / 60, buf, size);
}

void store_busy_explain(struct store *st)
{
	if ((sqlite3_extended_errcode(st->db) & 0xff) != SQLITE_BUSY || st->explaining)
		return;
	if (!st->busy_gave_up) {
		/* Refused without waiting (a log being recovered): nothing held it long. */
		errf(st->err, sizeof st->err, _("the database is busy (%s): try again"),
		     sqlite3_errmsg(st->db));
		return;
	}
	st->busy_gave_up = false;
	char wait[32];
	age_text(st->busy_ms / 1000, wait, sizeof wait);
	struct proc_info p;
	long pid = proc_lock_holder(shm_fd(st), WAL_WRITE_LOCK_BYTE, 1);
	if (!pid || !proc_info(pid, &p)) {
		errf(st->err, sizeof st->err,
		     _("the database is locked: another program held it for the %s this command waits "
		       "(which one cannot be seen from here): try again, or ask an administrator"),
		     wait);
		return;
	}
	/* The login is the process's real user, which a setgid huifang keeps; its name in the
	 * clinic's user table when it is a huifang user. */
	struct hf_user u = {0};
	st->explaining = true;
	bool named = *p.login && store_user_get(st, p.login, &u) == STORE_FOUND && *u.name &&
	             strcmp(u.name, p.login) != 0;
	st->explaining = false;
	char who[HF_NAME_MAX + 64], login[64], age[32];
	const char *program = *p.program ? p.program : "?";
	if (named)
		snprintf(who, sizeof who, _("%s's %s"), u.name, program);
	else
		str_copy(who, sizeof who, program);
	if (*p.login)
		str_copy(login, sizeof login, p.login);
	else
		snprintf(login, sizeof login, "%ld", p.uid);
	if (p.age_s >= 0)
		age_text(p.age_s, age, sizeof age);
	else
		str_copy(age, sizeof age, "?");
	if (p.stopped)
		errf(st->err, sizeof st->err,
		     _("the database is locked by a stopped program: %s (login %s, process %ld, started "
		       "%s ago) holds it, and nothing can be saved until it is resumed: ask them to "
		       "resume it (kill -CONT %ld), or an administrator"),
		     who, login, p.pid, age, p.pid);
	else
		errf(st->err, sizeof st->err,
		     _("the database is locked: %s (login %s, process %ld, started %s ago) held it for "
		       "the %s this command waits: try again, or ask them or an administrator"),
		     who, login, p.pid, age, wait);
}
