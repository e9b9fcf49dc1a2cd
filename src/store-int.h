/* store-int.h — what the store's own files share: the connection struct and migrations. */
#ifndef HUIFANG_STORE_INT_H
#define HUIFANG_STORE_INT_H

#include <signal.h>
#include <sqlite3.h>

#include "huifang/store.h"

struct stmt {
	sqlite3_stmt *h;
	struct store *st;
	char *sql;
	struct stmt *next;
};

struct store {
	sqlite3 *db;
	char *path;
	struct stmt *cache;
	int depth;                      /* open store_begin calls; inner ones are savepoints */
	struct ledger *ledger;
	int busy_ms;                    /* how long a statement waits for another writer */
	int lock_wait_ms;               /* ... as configured (store_lock_wait) */
	long long busy_since;           /* µs (monotonic) of the current wait's first refusal */
	unsigned busy_seed;             /* varies the wait's steps between processes */
	bool busy_gave_up;              /* the last wait ran out of time */
	bool explaining;                /* store_busy_explain is reading the user table */
	int shm_fd;                     /* the -shm file: who holds its write lock, taking it; -1 */
	bool stops_held;                /* SIGTSTP, SIGTTIN, SIGTTOU held back (store_hold_stops) */
	sigset_t stops_mask;            /* the signal mask before they were */
	bool wrote;                     /* a transaction was committed (PRAGMA optimize on close) */
	bool reading;                   /* in store_read_begin's transaction */
	char err[HF_ERRLEN];
};

/* The write lock (store-lock.c): a new connection waits the default time for it. */
void store_lock_init(struct store *st);
/* Wait at most ms for it from now on. */
void store_set_busy(struct store *st, int ms);
/* Hold back (or let through again) the signals that would stop this process while it holds
 * the write lock. */
void store_hold_stops(struct store *st, bool hold);
/* Take SQLite's write lock for a checkpoint, waiting at most ms for it; let go of it after. */
bool store_write_lock_take(struct store *st, int ms);
void store_write_lock_drop(struct store *st);
/* After a statement failed: when it was refused the lock, st->err says who holds it. */
void store_busy_explain(struct store *st);

int store_migration_count(void);
const char *store_migration(int version);
/* What migration `version` does to the data besides its SQL (inside its transaction). */
bool store_migrate_data(struct store *st, int version);

/* Bind ":name" parameters from a va_list of (name, type, value) triples ended by NULL. */
bool stmt_bind_va(struct stmt *s, va_list ap);

/* Text forms of days and stamps for binding; "" for none. */
const char *bind_date(hf_date d, char buf[16]);
const char *bind_stamp(hf_stamp t, char buf[20]);
hf_date col_date(struct stmt *s, int col);
hf_stamp col_stamp(struct stmt *s, int col);
void col_copy(struct stmt *s, int col, char *dst, size_t size);
/* A call's dimension scores as one column of its row: "code=score" pairs joined by ",", in no
 * particular order (a code has neither character: config.c); an ORDER BY here would sort each
 * call's scores apart, doubling what they cost a listing of many calls. col_dims reads them
 * back; a pair that is not one is left out. */
#define CALL_DIMS(call_id) \
	"(SELECT group_concat(dimension || '=' || score, ',') FROM call_score WHERE call_id = " \
	call_id ")"
void col_dims(struct stmt *s, int col, struct hf_dim_score *dims, int *n);
/* A one-row read's stmt_step result as what it found. */
enum store_found found_of(int step);

/* The record of written rows behind each audit row (store-audit.c): a hook notes every row
 * written to a covered table; store_audit queues its row and the commit that closes it writes
 * it with the digest of the rows noted since the audit row before it. */
struct ledger;
void ledger_attach(struct store *st);
void ledger_free(struct store *st);
/* Write the queued audit rows if all were queued at transaction depth >= depth. */
bool ledger_flush(struct store *st, int depth);
void ledger_committed(struct store *st);
/* Forget the audit rows queued at depth >= depth (0: everything since the last commit). */
void ledger_rolled_back(struct store *st, int depth);

#endif
