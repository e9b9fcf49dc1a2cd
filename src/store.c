/* store.c — open the SQLite file safely, migrate it, and a small statement wrapper over it. */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <time.h>
#include <unistd.h>

#include "huifang/date.h"
#include "huifang/digest.h"
#include "huifang/i18n.h"
#include "huifang/str.h"
#include "store-int.h"

static bool exec_plain(struct store *st, const char *sql)
{
	char *msg = NULL;
	if (sqlite3_exec(st->db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		str_copy(st->err, sizeof st->err, msg ? msg : sqlite3_errmsg(st->db));
		sqlite3_free(msg);
		store_busy_explain(st);
		return false;
	}
	return true;
}

/* The directory part of path ("." when none), in buf. */
static void dir_of(const char *path, char *buf, size_t size)
{
	const char *slash = strrchr(path, '/');
	if (!slash) {
		str_copy(buf, size, ".");
	} else if (slash == path) {
		str_copy(buf, size, "/");
	} else {
		size_t n = (size_t)(slash - path);
		if (n >= size)
			n = size - 1;
		memcpy(buf, path, n);
		buf[n] = 0;
	}
}

/* An SQLite error while opening: the disk's and the directory's troubles are named as such
 * (a full disk, a directory this user cannot write the -wal and -shm files in, an I/O error),
 * never as a file that is not huifang's. Always false, with the message in err. */
static bool open_error(struct store *st, const char *path, char *err, size_t errlen)
{
	int code = sqlite3_extended_errcode(st->db) & 0xff;
	if (code == SQLITE_BUSY)
		return errf(err, errlen, "%s: %s", path, st->err);
	char dir[1024];
	struct statvfs fs;
	dir_of(path, dir, sizeof dir);
	bool full = statvfs(dir, &fs) == 0 && fs.f_bavail == 0;
	if (code == SQLITE_FULL || ((code == SQLITE_IOERR || code == SQLITE_CANTOPEN) && full))
		return errf(err, errlen, _("%s: the disk is full (%s): free some space"), path, st->err);
	if (code == SQLITE_CANTOPEN || code == SQLITE_READONLY || code == SQLITE_PERM ||
	    code == SQLITE_IOERR) {
		/* Effective ids: installed setgid, the group's rights are what count. */
		if (statvfs(dir, &fs) == 0 && (fs.f_flag & ST_RDONLY))
			return errf(err, errlen, _("%s: the file system is read-only (%s)"), path, st->err);
		if (faccessat(AT_FDCWD, dir, W_OK, AT_EACCESS) != 0)
			return errf(err, errlen, _("%s: the directory %s is read-only for this user: the "
			                           "database writes its -wal and -shm files beside it (%s)"),
			            path, dir, st->err);
		if (code == SQLITE_IOERR)
			return errf(err, errlen, _("%s: the disk could not be read or written (%s)"), path,
			            st->err);
		return errf(err, errlen, _("%s: cannot open: %s"), path, st->err);
	}
	return errf(err, errlen, _("%s: not a huifang database (%s)"), path, st->err);
}

/* PRAGMA application_id of every huifang database: "HuiF". */
#define HF_APPLICATION_ID 0x48756946

/* Is this SQLite file huifang's, before anything writes to it? Ours by application_id; with
 * none, an older huifang (a schema version and our audit table) or an empty file; anything
 * else is another program's and is never changed. */
static bool is_ours(struct store *st, bool *empty, char *err, size_t errlen)
{
	long long app = 0, version = 0, tables = 0, audit = 0;
	if (store_int(st, &app, "PRAGMA application_id", NULL) == STORE_ERROR ||
	    store_int(st, &version, "PRAGMA user_version", NULL) == STORE_ERROR ||
	    store_int(st, &tables, "SELECT count(*) FROM sqlite_master", NULL) == STORE_ERROR ||
	    store_int(st, &audit, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND "
	                          "name = 'audit'", NULL) == STORE_ERROR)
		return open_error(st, st->path, err, errlen);
	*empty = tables == 0 && version == 0;
	if (app == HF_APPLICATION_ID || *empty || (app == 0 && version > 0 && audit > 0))
		return true;
	return errf(err, errlen, _("%s: another program's SQLite database, not huifang's; nothing "
	                           "was changed"), st->path);
}

static bool migrate(struct store *st, enum store_mode mode, char *err, size_t errlen)
{
	int have = store_schema_version(st);
	int want = store_migration_count();
	if (have < 0)
		return open_error(st, st->path, err, errlen);
	if (have > want)
		return errf(err, errlen,
		            _("%s: schema version %d is newer than this huifang understands (%d); "
		              "upgrade huifang"), st->path, have, want);
	if (have == want)
		return true;
	if (mode != STORE_CREATE)
		return errf(err, errlen,
		            _("%s: schema version %d is older than this huifang's (%d); an admin must "
		              "run `huifang init` to upgrade it"), st->path, have, want);
	if (!store_begin(st))
		return errf(err, errlen, _("%s: cannot migrate: %s"), st->path, st->err);
	for (int v = have + 1; v <= want; v++) {
		if (!exec_plain(st, store_migration(v)) || !store_migrate_data(st, v)) {
			store_rollback(st);
			return errf(err, errlen, _("%s: migration %d failed: %s"), st->path, v, st->err);
		}
	}
	/* PRAGMA takes no parameters; the number is ours, not input. */
	char sql[96];
	snprintf(sql, sizeof sql, "PRAGMA user_version = %d; PRAGMA application_id = %d", want,
	         HF_APPLICATION_ID);
	if (!exec_plain(st, sql) || !store_commit(st)) {
		store_rollback(st);
		return errf(err, errlen, _("%s: cannot migrate: %s"), st->path, st->err);
	}
	return true;
}

/* A failed open leaves nothing behind that it created. */
static struct store *abandon(struct store *st, bool created)
{
	char *path = created ? xstrdup(st->path) : NULL;
	store_close(st);
	if (path) {
		char side[4096];
		unlink(path);
		snprintf(side, sizeof side, "%s-wal", path);
		unlink(side);
		snprintf(side, sizeof side, "%s-shm", path);
		unlink(side);
		free(path);
	}
	return NULL;
}

struct store *store_open(const char *path, enum store_mode mode, char *err, size_t errlen)
{
	char dir[1024];
	struct stat sb;
	dir_of(path, dir, sizeof dir);
	if (stat(dir, &sb) != 0 || !S_ISDIR(sb.st_mode)) {
		errf(err, errlen, _("%s: directory %s does not exist"), path, dir);
		return NULL;
	}
	bool exists = stat(path, &sb) == 0;
	if (exists && S_ISDIR(sb.st_mode)) {
		errf(err, errlen, _("%s: is a directory, not a database"), path);
		return NULL;
	}
	if ((!exists || sb.st_size == 0) && mode == STORE_EXISTING) {
		errf(err, errlen, _("%s: no database here (create one with `huifang init`)"), path);
		return NULL;
	}
	/* Effective ids: installed setgid, the group's rights are what count. */
	if (exists && faccessat(AT_FDCWD, path, R_OK | W_OK, AT_EACCESS) != 0) {
		errf(err, errlen, _("%s: cannot open: %s"), path, strerror(errno));
		return NULL;
	}
	/* Refuse anything that is not SQLite before SQLite touches it (no -wal/-shm left behind). */
	if (exists && sb.st_size > 0) {
		FILE *f = fopen(path, "rb");
		char magic[16] = {0};
		size_t got = f ? fread(magic, 1, sizeof magic, f) : 0;
		if (f)
			fclose(f);
		if (got < sizeof magic || memcmp(magic, "SQLite format 3", 16) != 0) {
			errf(err, errlen, _("%s: not a huifang database (not an SQLite file)"), path);
			return NULL;
		}
	}

	/* Create the file ourselves: SQLite would make it 0644; the clinic's group shares it
	 * (0660, less the umask), and SQLite gives -wal and -shm the same mode. */
	if (!exists) {
		int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0660);
		if (fd < 0) {
			errf(err, errlen, _("%s: cannot create: %s"), path, strerror(errno));
			return NULL;
		}
		close(fd);
	}
	struct store *st = xcalloc(1, sizeof *st);
	st->path = xstrdup(path);
	int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX |
	            (mode == STORE_CREATE ? SQLITE_OPEN_CREATE : 0);
	if (sqlite3_open_v2(path, &st->db, flags, NULL) != SQLITE_OK) {
		errf(err, errlen, _("%s: cannot open: %s"), path,
		     st->db ? sqlite3_errmsg(st->db) : "out of memory");
		return abandon(st, !exists);
	}
	sqlite3_extended_result_codes(st->db, 1);
	store_lock_init(st);
	sqlite3_db_config(st->db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
	bool empty = true;
	if (exists && sb.st_size > 0 && !is_ours(st, &empty, err, errlen))
		return abandon(st, false);
	if (empty && mode != STORE_CREATE) {
		errf(err, errlen, _("%s: no database here (create one with `huifang init`)"), path);
		return abandon(st, false);
	}
	/* No automatic checkpoints: store_commit checkpoints itself (see wal_checkpoint there).
	 * The last connection to close still folds the log back into the file, so that the file
	 * alone is the whole database when nothing uses it. */
	if (!exec_plain(st, "PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL;") ||
	    !exec_plain(st, "PRAGMA journal_mode = WAL;") ||
	    !exec_plain(st, "PRAGMA wal_autocheckpoint = 0;")) {
		open_error(st, path, err, errlen);
		return abandon(st, !exists);
	}
	if (!migrate(st, mode, err, errlen))
		return abandon(st, !exists);
	ledger_attach(st);
	return st;
}

/* The write-ahead log is checkpointed from this one place, by the writer that has just
 * committed, once the log passes WAL_CHECKPOINT_BYTES, and only in TRUNCATE mode with the write
 * lock held: other writers wait while it copies the log back and empties it. SQLite before
 * 3.51.3 (Debian 12 has 3.40) has a rare race in which a checkpoint that starts while another
 * connection commits and resets the log can corrupt the database. Automatic checkpoints
 * (PASSIVE, after any commit, beside other writers) are turned off in store_open, and a TRUNCATE
 * checkpoint that cannot have the write lock would go on as a PASSIVE one, so the write lock is
 * taken first (store_write_lock_take) and the checkpoint is not run at all without it. A
 * checkpoint that finds readers still in the log after WAL_READERS_WAIT_MS leaves it as it is,
 * and the next one is tried by the commit that carries the log past another WAL_RETRY_BYTES: a
 * reader that keeps reading (a listing piped into a pager left open, a stopped program) stops
 * every checkpoint, and one that waited for it at every commit would hold the write lock for its
 * whole wait each time (20 writers at once took 5 s). */
#define WAL_CHECKPOINT_BYTES (4 << 20)
#define WAL_RETRY_BYTES (1 << 20)
#define WAL_LOCK_WAIT_MS 1000
#define WAL_READERS_WAIT_MS 250

static long long wal_size(struct store *st)
{
	char wal[4096];
	struct stat sb;
	if (snprintf(wal, sizeof wal, "%s-wal", st->path) >= (int)sizeof wal || stat(wal, &sb) != 0)
		return 0;
	return (long long)sb.st_size;
}

/* After a commit that found the log `before` bytes long. */
static void wal_checkpoint(struct store *st, long long before)
{
	long long size = wal_size(st);
	if (size < WAL_CHECKPOINT_BYTES ||
	    (before >= WAL_CHECKPOINT_BYTES && before / WAL_RETRY_BYTES == size / WAL_RETRY_BYTES))
		return;
	if (!store_write_lock_take(st, WAL_LOCK_WAIT_MS))
		return;
	/* With the write lock held, waits briefly for readers: a console or a listing may be reading. */
	store_set_busy(st, WAL_READERS_WAIT_MS);
	sqlite3_wal_checkpoint_v2(st->db, NULL, SQLITE_CHECKPOINT_TRUNCATE, NULL, NULL);
	store_set_busy(st, st->lock_wait_ms);
	store_write_lock_drop(st);
}

void store_close(struct store *st)
{
	if (!st)
		return;
	/* As SQLite advises for connections that live briefly: on closing one that wrote, let it
	 * refresh the planner's statistics of the tables its queries used, when they are missing
	 * or the table has changed size many times over; analysis_limit keeps that to a sample of
	 * each index (milliseconds, not a scan of a million rows). */
	if (st->wrote && sqlite3_get_autocommit(st->db)) {
		long long before = wal_size(st);
		sqlite3_exec(st->db, "PRAGMA analysis_limit = 400; PRAGMA optimize;", NULL, NULL, NULL);
		/* Its statistics are a commit too, which may carry the log past the checkpoint's size. */
		wal_checkpoint(st, before);
	}
	for (struct stmt *s = st->cache, *next; s; s = next) {
		next = s->next;
		sqlite3_finalize(s->h);
		free(s->sql);
		free(s);
	}
	sqlite3_close(st->db);
	/* Only now: closing it while SQLite's locks on the file were held would drop them. */
	if (st->shm_fd >= 0)
		close(st->shm_fd);
	store_hold_stops(st, false);
	ledger_free(st);
	free(st->path);
	free(st);
}

int store_schema_version(struct store *st)
{
	sqlite3_stmt *s;
	int v = -1;
	if (sqlite3_prepare_v2(st->db, "PRAGMA user_version", -1, &s, NULL) != SQLITE_OK) {
		str_copy(st->err, sizeof st->err, sqlite3_errmsg(st->db));
		return -1;
	}
	if (sqlite3_step(s) == SQLITE_ROW)
		v = sqlite3_column_int(s, 0);
	else
		str_copy(st->err, sizeof st->err, sqlite3_errmsg(st->db));
	sqlite3_finalize(s);
	return v;
}

int store_current_version(void) { return store_migration_count(); }
const char *store_errmsg(struct store *st) { return st->err; }
const char *store_path(struct store *st) { return st->path; }

long long store_data_version(struct store *st)
{
	long long v = -1;
	store_int(st, &v, "PRAGMA data_version", NULL);
	return v;
}

long long store_scope_version(struct store *st, const char *team, bool desk)
{
	long long v = -1;
	if (!team)
		store_int(st, &v, "SELECT coalesce(sum(n), 0) FROM scope_change", NULL);
	else
		store_int(st, &v, "SELECT coalesce(sum(n), 0) FROM scope_change WHERE scope IN (:t, '*')"
		          " OR (:d AND scope = '!')", ":t", 't', team, ":d", 'i', (long long)desk, NULL);
	return v;
}

long long store_desk_version(struct store *st)
{
	long long v = -1;
	store_int(st, &v, "SELECT coalesce(sum(n), 0) FROM scope_change WHERE scope = '!'", NULL);
	return v;
}

/* A use case run inside another's transaction (the demo clinic logs its past calls through
 * the service) nests as a savepoint: its rollback undoes only its own part. */
bool store_begin(struct store *st)
{
	if (st->depth > 0 && sqlite3_get_autocommit(st->db)) {
		st->depth = 0;
		ledger_rolled_back(st, 0);
		store_hold_stops(st, false);
	}
	/* The digest library loads its configuration on first use: before the lock, not in it. */
	static bool digest_ready;
	if (!digest_ready) {
		char warm[65];
		digest_sha256_hex("", 0, warm);
		digest_ready = true;
	}
	if (!exec_plain(st, st->depth > 0 ? "SAVEPOINT nested" : "BEGIN IMMEDIATE"))
		return false;
	store_hold_stops(st, true);
	st->depth++;
	return true;
}

bool store_commit(struct store *st)
{
	long long before = st->depth == 1 ? wal_size(st) : 0;
	if (!ledger_flush(st, st->depth) || !exec_plain(st, st->depth > 1 ? "RELEASE nested" : "COMMIT"))
		return false;
	if (st->depth > 0)
		st->depth--;
	if (st->depth == 0) {
		ledger_committed(st);
		st->wrote = true;
		wal_checkpoint(st, before);
		store_hold_stops(st, false);
	}
	return true;
}

bool store_read_begin(struct store *st)
{
	if (!sqlite3_get_autocommit(st->db))
		return true;
	st->reading = exec_plain(st, "BEGIN DEFERRED");
	return st->reading;
}

void store_read_end(struct store *st)
{
	if (st->reading && !sqlite3_get_autocommit(st->db))
		sqlite3_exec(st->db, "COMMIT", NULL, NULL, NULL);
	st->reading = false;
}

void store_rollback(struct store *st)
{
	if (sqlite3_get_autocommit(st->db)) {
		st->depth = 0;
		ledger_rolled_back(st, 0);
		store_hold_stops(st, false);
		return;
	}
	char keep[HF_ERRLEN];
	str_copy(keep, sizeof keep, st->err);
	if (st->depth > 1) {
		exec_plain(st, "ROLLBACK TO nested");
		exec_plain(st, "RELEASE nested");
		ledger_rolled_back(st, st->depth);
		st->depth--;
	} else {
		exec_plain(st, "ROLLBACK");
		st->depth = 0;
		ledger_rolled_back(st, 0);
		store_hold_stops(st, false);
	}
	str_copy(st->err, sizeof st->err, keep);
}

/* ---- statements ---------------------------------------------------------------------- */

struct stmt *stmt_prepare(struct store *st, const char *sql)
{
	for (struct stmt *s = st->cache; s; s = s->next) {
		if (strcmp(s->sql, sql) == 0) {
			sqlite3_reset(s->h);
			sqlite3_clear_bindings(s->h);
			return s;
		}
	}
	sqlite3_stmt *h;
	if (sqlite3_prepare_v3(st->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &h, NULL) != SQLITE_OK)
		die("SQL error: %s in: %s", sqlite3_errmsg(st->db), sql);
	struct stmt *s = xcalloc(1, sizeof *s);
	s->h = h;
	s->st = st;
	s->sql = xstrdup(sql);
	s->next = st->cache;
	st->cache = s;
	return s;
}

static int param(struct stmt *s, const char *name)
{
	int i = sqlite3_bind_parameter_index(s->h, name);
	if (i == 0)
		die("SQL parameter %s not in: %s", name, s->sql);
	return i;
}

void stmt_bind_int(struct stmt *s, const char *name, long long v)
{
	sqlite3_bind_int64(s->h, param(s, name), v);
}

void stmt_bind_text(struct stmt *s, const char *name, const char *v)
{
	if (v)
		sqlite3_bind_text(s->h, param(s, name), v, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(s->h, param(s, name));
}

void stmt_bind_null(struct stmt *s, const char *name)
{
	sqlite3_bind_null(s->h, param(s, name));
}

int stmt_step(struct stmt *s)
{
	int rc = sqlite3_step(s->h);
	if (rc == SQLITE_ROW)
		return 1;
	if (rc == SQLITE_DONE)
		return 0;
	str_copy(s->st->err, sizeof s->st->err, sqlite3_errmsg(s->st->db));
	store_busy_explain(s->st);
	return -1;
}

long long stmt_int(struct stmt *s, int col) { return sqlite3_column_int64(s->h, col); }

const char *stmt_text(struct stmt *s, int col)
{
	const unsigned char *t = sqlite3_column_text(s->h, col);
	return t ? (const char *)t : "";
}

bool stmt_is_null(struct stmt *s, int col)
{
	return sqlite3_column_type(s->h, col) == SQLITE_NULL;
}

void stmt_done(struct stmt *s)
{
	sqlite3_reset(s->h);
	sqlite3_clear_bindings(s->h);
}

bool stmt_bind_va(struct stmt *s, va_list ap)
{
	const char *name;
	while ((name = va_arg(ap, const char *)) != NULL) {
		int type = va_arg(ap, int);
		switch (type) {
		case 'i': stmt_bind_int(s, name, va_arg(ap, long long)); break;
		case 't': stmt_bind_text(s, name, va_arg(ap, const char *)); break;
		case 'n': stmt_bind_null(s, name); break;
		case 'z': {
			long long v = va_arg(ap, long long);
			if (v)
				stmt_bind_int(s, name, v);
			else
				stmt_bind_null(s, name);
			break;
		}
		default: die("bad bind type '%c' for %s", type, name);
		}
	}
	return true;
}

bool store_exec(struct store *st, const char *sql, ...)
{
	struct stmt *s = stmt_prepare(st, sql);
	va_list ap;
	va_start(ap, sql);
	stmt_bind_va(s, ap);
	va_end(ap);
	int rc;
	while ((rc = stmt_step(s)) == 1)
		;
	stmt_done(s);
	return rc == 0;
}

enum store_found store_int(struct store *st, long long *out, const char *sql, ...)
{
	struct stmt *s = stmt_prepare(st, sql);
	va_list ap;
	va_start(ap, sql);
	stmt_bind_va(s, ap);
	va_end(ap);
	int rc = stmt_step(s);
	if (rc == 1 && stmt_is_null(s, 0))
		rc = 0;
	if (rc == 1)
		*out = stmt_int(s, 0);
	stmt_done(s);
	return found_of(rc);
}

enum store_found store_text(struct store *st, char **out, const char *sql, ...)
{
	struct stmt *s = stmt_prepare(st, sql);
	va_list ap;
	va_start(ap, sql);
	stmt_bind_va(s, ap);
	va_end(ap);
	int rc = stmt_step(s);
	if (rc == 1 && stmt_is_null(s, 0))
		rc = 0;
	*out = rc == 1 ? xstrdup(stmt_text(s, 0)) : NULL;
	stmt_done(s);
	return found_of(rc);
}

bool store_rows(struct stmt *s, void *out, size_t *n, size_t size,
                void (*read)(struct stmt *s, void *row, const void *arg), const void *arg,
                void (*drop)(void *row))
{
	char *v = NULL;
	size_t cap = 0;
	int rc;
	*n = 0;
	while ((rc = stmt_step(s)) == 1) {
		v = xgrow(v, *n, &cap, size);
		read(s, v + *n * size, arg);
		(*n)++;
	}
	stmt_done(s);
	if (rc != 0) {
		for (size_t i = 0; drop && i < *n; i++)
			drop(v + i * size);
		free(v);
		v = NULL;
		*n = 0;
	}
	memcpy(out, &v, sizeof v);
	return rc == 0;
}

bool store_each_row(struct stmt *s, size_t size,
                    void (*read)(struct stmt *s, void *row, const void *arg), const void *arg,
                    void (*drop)(void *row), store_each_fn fn, void *fn_arg)
{
	char *rec = xmalloc(size);
	bool go = true;
	int rc;
	while (go && (rc = stmt_step(s)) == 1) {
		read(s, rec, arg);
		go = fn(rec, fn_arg);
		if (drop)
			drop(rec);
	}
	stmt_done(s);
	free(rec);
	return !go || rc == 0;
}

void store_bind_range(struct stmt *s, hf_date from, hf_date to)
{
	char a[16], b[16];
	stmt_bind_text(s, ":from", bind_date(from, a));
	stmt_bind_text(s, ":to", bind_date(to, b));
}

hf_id store_last_id(struct store *st) { return sqlite3_last_insert_rowid(st->db); }
int store_changes(struct store *st) { return sqlite3_changes(st->db); }

enum store_found store_meta_get(struct store *st, const char *key, char **value)
{
	return store_text(st, value, "SELECT value FROM meta WHERE key = :k", ":k", 't', key, NULL);
}

bool store_meta_set(struct store *st, const char *key, const char *value)
{
	return store_exec(st, "INSERT INTO meta(key, value) VALUES (:k, :v) "
	                      "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
	                  ":k", 't', key, ":v", 't', value, NULL);
}

/* ---- columns and binds of days and stamps -------------------------------------------- */

const char *bind_date(hf_date d, char buf[16])
{
	if (d == HF_NO_DATE)
		return NULL;
	return date_format(d, buf);
}

const char *bind_stamp(hf_stamp t, char buf[20])
{
	if (t == HF_NO_STAMP)
		return NULL;
	return stamp_format(t, buf);
}

hf_date col_date(struct stmt *s, int col)
{
	hf_date d;
	if (stmt_is_null(s, col) || !date_parse(stmt_text(s, col), &d))
		return HF_NO_DATE;
	return d;
}

hf_stamp col_stamp(struct stmt *s, int col)
{
	hf_stamp t;
	const char *txt = stmt_text(s, col);
	if (stamp_parse(txt, &t))
		return t;
	hf_date d;
	if (date_parse(txt, &d))
		return stamp_make(d, 0);
	return HF_NO_STAMP;
}

void col_copy(struct stmt *s, int col, char *dst, size_t size)
{
	str_copy(dst, size, stmt_text(s, col));
}

enum store_found found_of(int step)
{
	return step == 1 ? STORE_FOUND : step == 0 ? STORE_NONE : STORE_ERROR;
}

/* ---- audit --------------------------------------------------------------------------- */

bool store_audit_list(struct store *st, long long limit, struct hf_audit_entry **out, size_t *n)
{
	struct stmt *s = stmt_prepare(st,
	    "SELECT * FROM (SELECT id, at, login, action, entity, entity_id, detail "
	    "FROM audit ORDER BY id DESC LIMIT :max) ORDER BY id");
	stmt_bind_int(s, ":max", limit);
	struct hf_audit_entry *v = NULL;
	size_t cap = 0;
	int rc;
	*n = 0;
	while ((rc = stmt_step(s)) == 1) {
		v = xgrow(v, *n, &cap, sizeof *v);
		struct hf_audit_entry *e = &v[(*n)++];
		memset(e, 0, sizeof *e);
		e->id = stmt_int(s, 0);
		e->at = col_stamp(s, 1);
		col_copy(s, 2, e->login, sizeof e->login);
		col_copy(s, 3, e->action, sizeof e->action);
		col_copy(s, 4, e->entity, sizeof e->entity);
		e->has_entity_id = !stmt_is_null(s, 5);
		e->entity_id = stmt_int(s, 5);
		e->detail = xstrdup(stmt_text(s, 6));
	}
	stmt_done(s);
	if (rc < 0) {
		store_audit_free(v, *n);
		v = NULL;
		*n = 0;
	}
	*out = v;
	return rc == 0;
}

void store_audit_free(struct hf_audit_entry *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i].detail);
	free(v);
}

bool store_clinic_counts(struct store *st, struct hf_clinic_counts *out)
{
	struct stmt *s = stmt_prepare(st,
	    "SELECT (SELECT count(*) FROM customer), (SELECT count(*) FROM visit), "
	    "(SELECT count(*) FROM call), (SELECT count(*) FROM task WHERE status = 'open'), "
	    "(SELECT count(*) FROM escalation WHERE status <> 'resolved')");
	int rc = stmt_step(s);
	if (rc == 1) {
		out->customers = stmt_int(s, 0);
		out->visits = stmt_int(s, 1);
		out->calls = stmt_int(s, 2);
		out->open_tasks = stmt_int(s, 3);
		out->open_escalations = stmt_int(s, 4);
	}
	stmt_done(s);
	return rc == 1;
}

bool store_backup(struct store *st, const char *dest, char *err, size_t errlen)
{
	struct stat sb;
	char dir[1024];
	dir_of(dest, dir, sizeof dir);
	if (stat(dir, &sb) != 0 || !S_ISDIR(sb.st_mode))
		return errf(err, errlen, _("%s: directory %s does not exist"), dest, dir);
	if (stat(dest, &sb) == 0)
		return errf(err, errlen, _("%s: already exists; choose a new file"), dest);
	int fd = open(dest, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0660);
	if (fd < 0)
		return errf(err, errlen, _("%s: cannot create: %s"), dest, strerror(errno));
	close(fd);
	sqlite3 *to = NULL;
	bool ok = sqlite3_open_v2(dest, &to, SQLITE_OPEN_READWRITE, NULL) == SQLITE_OK;
	if (ok) {
		/* Online: other operators keep working; the copy is one consistent snapshot. */
		sqlite3_backup *b = sqlite3_backup_init(to, "main", st->db, "main");
		ok = b != NULL;
		if (b) {
			int rc;
			/* All pages in one step: a source written meanwhile would restart a paged copy. */
			while ((rc = sqlite3_backup_step(b, -1)) == SQLITE_BUSY || rc == SQLITE_LOCKED)
				sqlite3_sleep(5);
			ok = rc == SQLITE_DONE;
			sqlite3_backup_finish(b);
		}
		/* The copy stands alone (no -wal beside it): it is read without writing next to it. */
		ok = ok && sqlite3_exec(to, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL) == SQLITE_OK;
	}
	if (!ok)
		errf(err, errlen, _("%s: backup failed: %s"), dest, to ? sqlite3_errmsg(to) : "out of memory");
	sqlite3_close(to);
	if (!ok)
		unlink(dest);
	return ok;
}
