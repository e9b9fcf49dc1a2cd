/* store-restore.c — a backup checked (SQLite, integrity, schema version, audit chain) and put
 * back into the open database, online. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "huifang/date.h"
#include "huifang/i18n.h"
#include "huifang/str.h"
#include "store-int.h"

/* The backup opened read-only, wrapped so the store's own readers work on it. */
static struct store *open_backup(const char *path, char *err, size_t errlen)
{
	FILE *f = fopen(path, "rb");
	char magic[16] = {0};
	size_t got = f ? fread(magic, 1, sizeof magic, f) : 0;
	if (!f)
		return errf(err, errlen, _("%s: cannot open: %s"), path, strerror(errno)), NULL;
	fclose(f);
	if (got < sizeof magic || memcmp(magic, "SQLite format 3", 16) != 0)
		return errf(err, errlen, _("%s: not a huifang backup (not an SQLite file)"), path), NULL;
	struct store *b = xcalloc(1, sizeof *b);
	b->path = xstrdup(path);
	/* Immutable: reading a backup leaves nothing beside it (a WAL-mode file opened read-only
	 * would get -wal and -shm files it cannot remove) unless it has a -wal of its own. */
	struct sbuf uri;
	sbuf_init(&uri);
	sbuf_add(&uri, "file:");
	for (const char *p = path; *p; p++) {
		if (*p == '%' || *p == '?' || *p == '#')
			sbuf_printf(&uri, "%%%02X", (unsigned char)*p);
		else
			sbuf_addc(&uri, *p);
	}
	char wal[4096];
	snprintf(wal, sizeof wal, "%s-wal", path);
	if (access(wal, F_OK) != 0)
		sbuf_add(&uri, "?immutable=1");
	int rc = sqlite3_open_v2(uri.s, &b->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
	sbuf_free(&uri);
	if (rc != SQLITE_OK) {
		errf(err, errlen, _("%s: cannot open: %s"), path, b->db ? sqlite3_errmsg(b->db) : "");
		store_close(b);
		return NULL;
	}
	sqlite3_busy_timeout(b->db, 10000);
	return b;
}

/* The first column of the first row of sql, malloc'd; NULL with b->err set when SQLite cannot
 * read the file (the store's own statements would stop the program). */
static char *first_text(struct store *b, const char *sql)
{
	sqlite3_stmt *s;
	char *v = NULL;
	if (sqlite3_prepare_v2(b->db, sql, -1, &s, NULL) != SQLITE_OK) {
		str_copy(b->err, sizeof b->err, sqlite3_errmsg(b->db));
		return NULL;
	}
	if (sqlite3_step(s) == SQLITE_ROW)
		v = xstrdup(sqlite3_column_text(s, 0) ? (const char *)sqlite3_column_text(s, 0) : "");
	else
		str_copy(b->err, sizeof b->err, sqlite3_errmsg(b->db));
	sqlite3_finalize(s);
	return v;
}

bool store_check_backup(const char *path, long long *audit_rows, char *err, size_t errlen)
{
	struct store *b = open_backup(path, err, errlen);
	if (!b)
		return false;
	bool ok = false;
	char *integrity = first_text(b, "PRAGMA integrity_check");
	char *audit = integrity ? first_text(b, "SELECT count(*) FROM sqlite_master WHERE type = "
	                                        "'table' AND name = 'audit'") : NULL;
	int version = integrity ? store_schema_version(b) : -1;
	long long rows = 0, bad = 0;
	struct audit_problem problem;
	if (!integrity || strcmp(integrity, "ok") != 0)
		errf(err, errlen, _("%s: damaged: %s"), path, integrity ? integrity : b->err);
	else if (version > store_current_version())
		errf(err, errlen, _("%s: schema version %d is newer than this huifang understands (%d)"),
		     path, version, store_current_version());
	else if (version < 1 || !audit || strcmp(audit, "1") != 0)
		errf(err, errlen, _("%s: not a huifang backup (no audit trail)"), path);
	else if ((bad = store_audit_verify(b, &rows, NULL, &problem)) < 0)
		errf(err, errlen, _("%s: damaged: %s"), path, b->err);
	else if (bad) {
		char what[512];
		store_audit_problem_text(&problem, what, sizeof what);
		errf(err, errlen, _("%s: its audit trail does not prove its data: %s"), path, what);
	}
	else
		ok = true;
	free(integrity);
	free(audit);
	store_close(b);
	if (audit_rows)
		*audit_rows = rows;
	return ok;
}

size_t store_claims_held(struct store *st, hf_stamp now, char *who, size_t size)
{
	char at[20];
	struct stmt *s = stmt_prepare(st,
	    "SELECT claimed_by, count(*) FROM task WHERE claimed_by <> '' AND claimed_until > :now "
	    "GROUP BY claimed_by ORDER BY claimed_by");
	stmt_bind_text(s, ":now", stamp_format(now, at));
	size_t n = 0;
	struct sbuf b;
	sbuf_init(&b);
	while (stmt_step(s) == 1) {
		n += (size_t)stmt_int(s, 1);
		sbuf_printf(&b, "%s%s", b.len ? ", " : "", stmt_text(s, 0));
	}
	stmt_done(s);
	str_copy(who, size, b.s);
	sbuf_free(&b);
	return n;
}

bool store_restore(struct store *st, const char *path, char *err, size_t errlen)
{
	struct store *b = open_backup(path, err, errlen);
	if (!b)
		return false;
	/* One step copies every page under the destination's write lock: other connections
	 * wait (busy timeout) and then see the restored database whole, never half of it. */
	sqlite3_backup *bk = sqlite3_backup_init(st->db, "main", b->db, "main");
	bool ok = bk != NULL;
	if (bk) {
		int rc;
		while ((rc = sqlite3_backup_step(bk, -1)) == SQLITE_BUSY || rc == SQLITE_LOCKED)
			sqlite3_sleep(20);
		ok = rc == SQLITE_DONE;
		sqlite3_backup_finish(bk);
	}
	if (!ok)
		errf(err, errlen, _("%s: restore failed: %s"), path, sqlite3_errmsg(st->db));
	store_close(b);
	return ok;
}

bool store_audit_head(struct store *st, long long *rows, char head[65])
{
	char *h = NULL;
	*rows = 0;
	bool ok = store_int(st, rows, "SELECT count(*) FROM audit", NULL) != STORE_ERROR &&
	          store_text(st, &h, "SELECT hash FROM audit ORDER BY id DESC LIMIT 1", NULL) !=
	              STORE_ERROR;
	str_copy(head, 65, h ? h : "");
	free(h);
	return ok;
}

bool store_last_event(struct store *st, hf_stamp *at)
{
	char *t = NULL;
	*at = HF_NO_STAMP;
	if (store_text(st, &t, "SELECT max(at) FROM audit", NULL) == STORE_ERROR)
		return false;
	if (t && !stamp_parse(t, at))
		*at = HF_NO_STAMP;
	free(t);
	return true;
}
