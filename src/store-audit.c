/* store-audit.c — the audit trail: its rows, the record of the rows each action wrote, and its check.
 *
 * Every row written to a covered table (customer, visit, task, call, escalation, its steps, a
 * user) is noted by SQLite's update hook, whoever wrote it. store_audit queues the audit row;
 * the commit that closes its transaction writes it together with one audit_row entry per row
 * its action wrote (the rows noted since the audit row before it, and the rows noted after the
 * last audit row of the transaction), each with the digest of the row as it was then written
 * (util/digest.c). The audit row's own digest covers those entries and is part of its hash:
 *
 *   hash = sha256(prev_hash \x1f at \x1f login \x1f action \x1f entity \x1f entity_id \x1f detail
 *                 [\x1f digest])
 *
 * digest = sha256 over its entries in order, each "entity \x1f row_key \x1f digest \x1f columns
 * \x1e"; rows written before digests existed have digest NULL and hash without it.
 *
 * Writes that commit without an audit row of their own (a plan's batches, an import's) stay
 * noted and are recorded by the next audit row this connection writes. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "huifang/anchor.h"
#include "huifang/date.h"
#include "huifang/digest.h"
#include "huifang/i18n.h"
#include "huifang/str.h"
#include "store-int.h"

/* The schema version that has audit.digest and audit_row. */
#define LEDGER_SCHEMA 8

static const char zero_hash[] = "0000000000000000000000000000000000000000000000000000000000000000";

/* The covered tables, how a row is read by its key, and (tables keyed by id) which rows must
 * have a record: those past the ids that were there before records began. */
static const struct covered {
	const char *name;
	const char *read;      /* the row by :k */
	const char *key_of;    /* its key from its rowid; NULL: the rowid (its id) is its key */
	const char *unaudited; /* the first row past :after with no record */
	int since;             /* the schema version that made the table (0: the first) */
} covered[] = {
	{"customer", "SELECT * FROM customer WHERE id = :k", NULL,
	 "SELECT id FROM customer t WHERE id > :after AND NOT EXISTS (SELECT 1 FROM audit_row r "
	 "WHERE r.entity = 'customer' AND r.row_key = CAST(t.id AS TEXT)) ORDER BY id LIMIT 1", 0},
	{"visit", "SELECT * FROM visit WHERE id = :k", NULL,
	 "SELECT id FROM visit t WHERE id > :after AND NOT EXISTS (SELECT 1 FROM audit_row r "
	 "WHERE r.entity = 'visit' AND r.row_key = CAST(t.id AS TEXT)) ORDER BY id LIMIT 1", 0},
	{"task", "SELECT * FROM task WHERE id = :k", NULL,
	 "SELECT id FROM task t WHERE id > :after AND NOT EXISTS (SELECT 1 FROM audit_row r "
	 "WHERE r.entity = 'task' AND r.row_key = CAST(t.id AS TEXT)) ORDER BY id LIMIT 1", 0},
	{"call", "SELECT * FROM call WHERE id = :k", NULL,
	 "SELECT id FROM call t WHERE id > :after AND NOT EXISTS (SELECT 1 FROM audit_row r "
	 "WHERE r.entity = 'call' AND r.row_key = CAST(t.id AS TEXT)) ORDER BY id LIMIT 1", 0},
	{"escalation", "SELECT * FROM escalation WHERE id = :k", NULL,
	 "SELECT id FROM escalation t WHERE id > :after AND NOT EXISTS (SELECT 1 FROM audit_row r "
	 "WHERE r.entity = 'escalation' AND r.row_key = CAST(t.id AS TEXT)) ORDER BY id LIMIT 1", 0},
	{"escalation_step", "SELECT * FROM escalation_step WHERE id = :k", NULL,
	 "SELECT id FROM escalation_step t WHERE id > :after AND NOT EXISTS (SELECT 1 FROM audit_row "
	 "r WHERE r.entity = 'escalation_step' AND r.row_key = CAST(t.id AS TEXT)) ORDER BY id LIMIT 1", 0},
	{"user", "SELECT * FROM user WHERE login = :k", "SELECT login FROM user WHERE rowid = :k", NULL, 0},
	{"call_score", "SELECT * FROM call_score WHERE id = :k", NULL,
	 "SELECT id FROM call_score t WHERE id > :after AND NOT EXISTS (SELECT 1 FROM audit_row r "
	 "WHERE r.entity = 'call_score' AND r.row_key = CAST(t.id AS TEXT)) ORDER BY id LIMIT 1", 10},
};
#define NCOVERED (sizeof covered / sizeof covered[0])

struct note {
	int table;
	long long rowid;
	size_t audit; /* set when written: the audit row that records it */
};

struct queued {
	char at[20], *login, *action, *entity, *detail;
	long long entity_id;
	int depth;
	size_t mark; /* notes before it */
};

struct ledger {
	bool on;
	int anchor_every;              /* also anchor every this many audit rows (0: never) */
	char db[1024];                 /* the database's absolute name, for anchors */
	long long head;                /* the last audit row written and not yet anchored, its hash */
	char head_hash[65], head_at[20], head_event[16];
	struct note *notes;
	size_t nnotes, capnotes, committed;
	struct queued *audits;
	size_t naudits, capaudits;
};

static int covered_index(const char *table)
{
	for (size_t i = 0; i < NCOVERED; i++)
		if (strcmp(covered[i].name, table) == 0)
			return (int)i;
	return -1;
}

static void on_write(void *arg, int op, const char *db, const char *table, sqlite3_int64 rowid)
{
	struct ledger *l = arg;
	int t;
	/* Nothing is deleted through huifang; a row gone is found missing by the check. */
	if (op == SQLITE_DELETE || strcmp(db, "main") != 0 || (t = covered_index(table)) < 0)
		return;
	l->notes = xgrow(l->notes, l->nnotes, &l->capnotes, sizeof *l->notes);
	l->notes[l->nnotes++] = (struct note){t, rowid, 0};
}

void ledger_attach(struct store *st)
{
	st->ledger = xcalloc(1, sizeof *st->ledger);
	st->ledger->on = store_schema_version(st) >= LEDGER_SCHEMA;
	if (!realpath(st->path, st->ledger->db))
		str_copy(st->ledger->db, sizeof st->ledger->db, st->path);
	sqlite3_update_hook(st->db, on_write, st->ledger);
}

static void forget_audits(struct ledger *l, size_t from)
{
	for (size_t i = from; i < l->naudits; i++) {
		free(l->audits[i].login);
		free(l->audits[i].action);
		free(l->audits[i].entity);
		free(l->audits[i].detail);
	}
	l->naudits = from;
}

void ledger_free(struct store *st)
{
	if (!st->ledger)
		return;
	forget_audits(st->ledger, 0);
	free(st->ledger->audits);
	free(st->ledger->notes);
	free(st->ledger);
	st->ledger = NULL;
}

void store_anchor_every(struct store *st, int every)
{
	if (!st->ledger)
		ledger_attach(st);
	st->ledger->anchor_every = every;
}

/* The head just committed goes to the system log after a plan, an init or a restore, and when
 * the trail passed a multiple of anchor_every rows. */
void ledger_committed(struct store *st)
{
	struct ledger *l = st->ledger;
	if (!l)
		return;
	l->committed = l->nnotes;
	if (!l->head || !*l->head_event)
		return;
	struct anchor a = {.rows = l->head};
	str_copy(a.hash, sizeof a.hash, l->head_hash);
	str_copy(a.at, sizeof a.at, l->head_at);
	str_copy(a.event, sizeof a.event, l->head_event);
	str_copy(a.db, sizeof a.db, l->db);
	anchor_syslog(&a);
	l->head = 0;
	l->head_event[0] = 0;
}

void ledger_rolled_back(struct store *st, int depth)
{
	struct ledger *l = st->ledger;
	if (!l)
		return;
	size_t keep = l->naudits;
	while (keep > 0 && (depth == 0 || l->audits[keep - 1].depth >= depth))
		keep--;
	forget_audits(l, keep);
	if (depth == 0 && l->nnotes > l->committed)
		l->nnotes = l->committed;
	if (depth == 0) {
		l->head = 0;
		l->head_event[0] = 0;
	}
}

/* A row as stored, for digest_row: the columns' names, types and values. */
struct row_read {
	struct stmt *s;
	struct digest_col cols[64];
	size_t n;
};

static void row_columns(struct row_read *r)
{
	sqlite3_stmt *h = r->s->h;
	r->n = 0;
	for (int i = 0; i < sqlite3_column_count(h) && r->n < sizeof r->cols / sizeof r->cols[0]; i++) {
		struct digest_col *c = &r->cols[r->n++];
		c->name = sqlite3_column_name(h, i);
		switch (sqlite3_column_type(h, i)) {
		case SQLITE_INTEGER: c->type = 'i'; break;
		case SQLITE_FLOAT: c->type = 'r'; break;
		case SQLITE_BLOB: c->type = 'b'; break;
		case SQLITE_NULL: c->type = 'n'; break;
		default: c->type = 't'; break;
		}
		/* Numbers as SQLite's own decimal text; text and blobs as stored. */
		c->value = c->type == 'b' ? sqlite3_column_blob(h, i) : (const char *)sqlite3_column_text(h, i);
		c->len = (size_t)sqlite3_column_bytes(h, i);
		if (!c->value)
			c->value = "";
	}
}

/* The digest and column fingerprints of a row as stored now: STORE_NONE when it is not there. */
static enum store_found row_digest(struct store *st, int table, const char *key, char digest[65],
                                   char *fp, size_t fplen, char *names, size_t nameslen)
{
	struct row_read r = {stmt_prepare(st, covered[table].read), {{0}}, 0};
	stmt_bind_text(r.s, ":k", key);
	int rc = stmt_step(r.s);
	if (rc == 1) {
		row_columns(&r);
		char buf[sizeof r.cols / sizeof r.cols[0] * DIGEST_FP_LEN + 1];
		digest_row(covered[table].name, r.cols, r.n, digest, buf);
		str_copy(fp, fplen, buf);
		/* The names of the fingerprinted columns, space separated, to name what differs. */
		if (names) {
			names[0] = 0;
			for (size_t i = 0; i < r.n; i++)
				if (!digest_column_skipped(covered[table].name, r.cols[i].name))
					snprintf(names + strlen(names), nameslen - strlen(names), "%s ",
					         r.cols[i].name);
		}
	}
	stmt_done(r.s);
	return found_of(rc);
}

static bool row_key(struct store *st, const struct note *n, char *key, size_t size)
{
	if (!covered[n->table].key_of) {
		snprintf(key, size, "%lld", n->rowid);
		return true;
	}
	struct stmt *s = stmt_prepare(st, covered[n->table].key_of);
	stmt_bind_int(s, ":k", n->rowid);
	int rc = stmt_step(s);
	if (rc == 1)
		col_copy(s, 0, key, size);
	stmt_done(s);
	return rc == 1;
}

static void chain_hash(const char *prev, const char *at, const char *login, const char *action,
                       const char *entity, long long entity_id, const char *detail,
                       const char *digest, char out[65])
{
	struct sbuf b;
	sbuf_init(&b);
	sbuf_printf(&b, "%s\x1f%s\x1f%s\x1f%s\x1f%s\x1f%lld\x1f%s", prev, at, login, action, entity,
	            entity_id, detail ? detail : "");
	if (digest)
		sbuf_printf(&b, "\x1f%s", digest);
	digest_sha256_hex(b.s, b.len, out);
	sbuf_free(&b);
}

static void entry_add(struct sbuf *b, const char *entity, const char *key, const char *digest,
                      const char *columns)
{
	sbuf_printf(b, "%s\x1f%s\x1f%s\x1f%s\x1e", entity, key, digest, columns);
}

static int by_row(const void *a, const void *b)
{
	const struct note *x = a, *y = b;
	if (x->table != y->table)
		return x->table < y->table ? -1 : 1;
	if (x->rowid != y->rowid)
		return x->rowid < y->rowid ? -1 : 1;
	return x->audit < y->audit ? -1 : x->audit > y->audit;
}

/* Write queued audit row q with the entries of the rows in v[0..n) (sorted, one per row). */
static bool write_audit(struct store *st, const struct queued *q, const struct note *v, size_t n)
{
	struct ledger *l = st->ledger;
	char prev[65], hash[65], digest[65];
	str_copy(prev, sizeof prev, zero_hash);
	char *last;
	if (store_text(st, &last, "SELECT hash FROM audit ORDER BY id DESC LIMIT 1", NULL) == STORE_ERROR)
		return false;
	if (last) {
		str_copy(prev, sizeof prev, last);
		free(last);
	}
	struct entry { int table; char key[128], digest[65], fp[64 * DIGEST_FP_LEN + 1]; } *e =
	    xcalloc(n + 1, sizeof *e);
	struct sbuf all;
	sbuf_init(&all);
	size_t m = 0;
	bool ok = true;
	for (size_t i = 0; ok && l->on && i < n; i++) {
		e[m].table = v[i].table;
		if (!row_key(st, &v[i], e[m].key, sizeof e[m].key))
			continue;
		enum store_found f = row_digest(st, v[i].table, e[m].key, e[m].digest, e[m].fp,
		                                sizeof e[m].fp, NULL, 0);
		ok = f != STORE_ERROR;
		if (f == STORE_FOUND) {
			entry_add(&all, covered[v[i].table].name, e[m].key, e[m].digest, e[m].fp);
			m++;
		}
	}
	digest_sha256_hex(all.s, all.len, digest);
	sbuf_free(&all);
	chain_hash(prev, q->at, q->login, q->action, q->entity, q->entity_id, q->detail,
	           l->on ? digest : NULL, hash);
	ok = ok && (l->on
	    ? store_exec(st,
	          "INSERT INTO audit(at, login, action, entity, entity_id, detail, prev_hash, hash, "
	          "digest) VALUES (:at, :login, :action, :entity, :eid, :detail, :prev, :hash, :d)",
	          ":at", 't', q->at, ":login", 't', q->login, ":action", 't', q->action,
	          ":entity", 't', q->entity, ":eid", 'i', q->entity_id, ":detail", 't', q->detail,
	          ":prev", 't', prev, ":hash", 't', hash, ":d", 't', digest, NULL)
	    : store_exec(st,
	          "INSERT INTO audit(at, login, action, entity, entity_id, detail, prev_hash, hash) "
	          "VALUES (:at, :login, :action, :entity, :eid, :detail, :prev, :hash)",
	          ":at", 't', q->at, ":login", 't', q->login, ":action", 't', q->action,
	          ":entity", 't', q->entity, ":eid", 'i', q->entity_id, ":detail", 't', q->detail,
	          ":prev", 't', prev, ":hash", 't', hash, NULL));
	long long id = (long long)store_last_id(st);
	if (ok) {
		static const char *const events[] = {"plan", "init", "restore"};
		l->head = id;
		str_copy(l->head_hash, sizeof l->head_hash, hash);
		str_copy(l->head_at, sizeof l->head_at, q->at);
		if (strlen(l->head_at) > 10)
			l->head_at[10] = 'T';
		for (size_t i = 0; i < sizeof events / sizeof events[0]; i++)
			if (strcmp(q->action, events[i]) == 0)
				str_copy(l->head_event, sizeof l->head_event, events[i]);
		if (!*l->head_event && l->anchor_every > 0 && id % l->anchor_every == 0)
			str_copy(l->head_event, sizeof l->head_event, "rows");
	}
	/* In the order the digest took them: the rows sorted by table, then id. */
	for (size_t k = 0; ok && k < m; k++)
		ok = store_exec(st, "INSERT INTO audit_row(audit_id, entity, row_key, digest, columns) "
		                    "VALUES (:a, :t, :k, :d, :c)",
		                ":a", 'i', id, ":t", 't', covered[e[k].table].name, ":k", 't', e[k].key,
		                ":d", 't', e[k].digest, ":c", 't', e[k].fp, NULL);
	free(e);
	return ok;
}

bool ledger_flush(struct store *st, int depth)
{
	struct ledger *l = st->ledger;
	if (!l || !l->naudits)
		return true;
	for (size_t i = 0; i < l->naudits; i++)
		if (l->audits[i].depth < depth)
			return true; /* an outer transaction's audit row: written when that one commits */
	/* Each row goes to the first audit row queued after it was written, the rows written
	 * after the last one to the last one; a row written for several goes to the last. */
	struct note *v = xcalloc(l->nnotes + 1, sizeof *v);
	size_t k = 0;
	for (size_t i = 0; i < l->nnotes; i++) {
		while (k + 1 < l->naudits && l->audits[k].mark <= i)
			k++;
		v[i] = l->notes[i];
		v[i].audit = k;
	}
	qsort(v, l->nnotes, sizeof *v, by_row);
	size_t n = 0;
	for (size_t i = 0; i < l->nnotes; i++) {
		if (n && v[n - 1].table == v[i].table && v[n - 1].rowid == v[i].rowid)
			n--;
		v[n++] = v[i];
	}
	bool ok = true;
	struct note *mine = xcalloc(n + 1, sizeof *mine);
	for (size_t a = 0; ok && a < l->naudits; a++) {
		size_t m = 0;
		for (size_t i = 0; i < n; i++)
			if (v[i].audit == a)
				mine[m++] = v[i];
		ok = write_audit(st, &l->audits[a], mine, m);
	}
	free(mine);
	free(v);
	if (!ok)
		return false;
	forget_audits(l, 0);
	l->nnotes = 0;
	return true;
}

bool store_audit(struct store *st, const char *login, hf_stamp at, const char *action,
                 const char *entity, hf_id entity_id, const char *detail)
{
	if (!st->ledger)
		ledger_attach(st);
	struct ledger *l = st->ledger;
	l->audits = xgrow(l->audits, l->naudits, &l->capaudits, sizeof *l->audits);
	struct queued *q = &l->audits[l->naudits++];
	stamp_format(at, q->at);
	q->login = xstrdup(login);
	q->action = xstrdup(action);
	q->entity = xstrdup(entity);
	q->detail = xstrdup(detail ? detail : "");
	q->entity_id = entity_id;
	q->depth = st->depth;
	q->mark = l->nnotes;
	/* Outside a transaction it is written at once. */
	return st->depth > 0 || ledger_flush(st, 0);
}

/* ---- the check ----------------------------------------------------------------------- */

static void problem_at(struct store *st, struct audit_problem *p, enum audit_problem_kind kind,
                       long long row)
{
	if (p->kind != AUDIT_OK && p->row <= row)
		return; /* an earlier audit row is already named */
	memset(p, 0, sizeof *p);
	p->kind = kind;
	p->row = row;
	struct stmt *s = stmt_prepare(st, "SELECT action, entity, entity_id FROM audit WHERE id = :id");
	stmt_bind_int(s, ":id", row);
	if (stmt_step(s) == 1) {
		col_copy(s, 0, p->action, sizeof p->action);
		col_copy(s, 1, p->entity, sizeof p->entity);
		p->has_entity_id = !stmt_is_null(s, 2) && stmt_int(s, 2) != 0;
		p->entity_id = stmt_int(s, 2);
	}
	stmt_done(s);
}

/* The chain: each row's link, its digest over its entries and its hash. */
static int check_chain(struct store *st, bool ledger, long long *checked, struct audit_problem *p)
{
	char prev[65];
	str_copy(prev, sizeof prev, zero_hash);
	struct stmt *s = stmt_prepare(st, ledger
	    ? "SELECT id, at, login, action, entity, coalesce(entity_id, 0), detail, prev_hash, hash, "
	      "digest FROM audit ORDER BY id"
	    : "SELECT id, at, login, action, entity, coalesce(entity_id, 0), detail, prev_hash, hash, "
	      "NULL FROM audit ORDER BY id");
	long long n = 0, last = 0;
	bool digests = false;
	int rc = 0;
	while (p->kind == AUDIT_OK && (rc = stmt_step(s)) == 1) {
		long long id = stmt_int(s, 0);
		const char *digest = stmt_is_null(s, 9) ? NULL : stmt_text(s, 9);
		n++;
		if (id != last + 1 && last > 0) {
			problem_at(st, p, AUDIT_GAP, last + 1);
			break;
		}
		last = id;
		if (!digest && digests) {
			problem_at(st, p, AUDIT_DIGEST_DROPPED, id);
			break;
		}
		if (digest) {
			digests = true;
			char mine[65];
			struct sbuf all;
			sbuf_init(&all);
			struct stmt *e = stmt_prepare(st, "SELECT entity, row_key, digest, columns FROM "
			                                  "audit_row WHERE audit_id = :a ORDER BY id");
			stmt_bind_int(e, ":a", id);
			int erc;
			while ((erc = stmt_step(e)) == 1)
				entry_add(&all, stmt_text(e, 0), stmt_text(e, 1), stmt_text(e, 2), stmt_text(e, 3));
			stmt_done(e);
			digest_sha256_hex(all.s, all.len, mine);
			sbuf_free(&all);
			if (erc < 0) {
				rc = -1;
				break;
			}
			if (strcmp(mine, digest) != 0) {
				problem_at(st, p, AUDIT_RECORD_CHANGED, id);
				break;
			}
		}
		char hash[65];
		chain_hash(prev, stmt_text(s, 1), stmt_text(s, 2), stmt_text(s, 3), stmt_text(s, 4),
		           stmt_int(s, 5), stmt_text(s, 6), digest, hash);
		if (strcmp(stmt_text(s, 7), prev) != 0 || strcmp(stmt_text(s, 8), hash) != 0) {
			problem_at(st, p, AUDIT_CHANGED, id);
			break;
		}
		str_copy(prev, sizeof prev, stmt_text(s, 8));
	}
	stmt_done(s);
	*checked = n;
	return rc < 0 ? -1 : 0;
}

/* Records of audit rows that are gone: the tail of the trail was cut. */
static int check_removed(struct store *st, struct audit_problem *p)
{
	long long gone = 0;
	if (store_int(st, &gone, "SELECT coalesce(min(audit_id), 0) FROM audit_row WHERE audit_id NOT "
	                         "IN (SELECT id FROM audit)", NULL) == STORE_ERROR)
		return -1;
	if (gone)
		problem_at(st, p, AUDIT_REMOVED, gone);
	return 0;
}

/* Rows past the ids that were there before records began, that no audit row wrote. */
static int check_unaudited(struct store *st, struct audit_problem *p)
{
	for (size_t t = 0; t < NCOVERED; t++) {
		if (!covered[t].unaudited || store_schema_version(st) < covered[t].since)
			continue;
		char key[64];
		snprintf(key, sizeof key, "audit_rows_after.%s", covered[t].name);
		char *after = NULL;
		if (store_meta_get(st, key, &after) == STORE_ERROR)
			return -1;
		long long id = 0, from = after ? atoll(after) : 0;
		free(after);
		enum store_found f = store_int(st, &id, covered[t].unaudited, ":after", 'i', from, NULL);
		if (f == STORE_ERROR)
			return -1;
		if (f == STORE_FOUND && id) {
			memset(p, 0, sizeof *p);
			p->kind = AUDIT_ROW_UNAUDITED;
			p->row = LLONG_MAX;
			str_copy(p->table, sizeof p->table, covered[t].name);
			snprintf(p->key, sizeof p->key, "%lld", id);
			return 0;
		}
	}
	return 0;
}

/* Every row recorded is as its last record says: the first audit row whose rows differ. */
static int check_rows(struct store *st, long long *rows, struct audit_problem *p)
{
	struct stmt *s = stmt_prepare(st,
	    "SELECT r.audit_id, r.entity, r.row_key, r.digest, r.columns FROM audit_row r "
	    "WHERE r.id = (SELECT max(id) FROM audit_row x WHERE x.entity = r.entity AND "
	    "x.row_key = r.row_key) ORDER BY r.audit_id, r.id");
	int rc;
	long long n = 0;
	while ((rc = stmt_step(s)) == 1) {
		long long audit = stmt_int(s, 0);
		int t = covered_index(stmt_text(s, 1));
		n++;
		if (t < 0)
			continue;
		char digest[65], fp[64 * DIGEST_FP_LEN + 1], names[2048];
		enum store_found f = row_digest(st, t, stmt_text(s, 2), digest, fp, sizeof fp, names,
		                                sizeof names);
		if (f == STORE_ERROR) {
			rc = -1;
			break;
		}
		if (f == STORE_FOUND && strcmp(digest, stmt_text(s, 3)) == 0)
			continue;
		problem_at(st, p, f == STORE_NONE ? AUDIT_ROW_MISSING : AUDIT_ROW_DIFFERS, audit);
		str_copy(p->table, sizeof p->table, covered[t].name);
		col_copy(s, 2, p->key, sizeof p->key);
		int col = f == STORE_FOUND ? digest_fp_differs(stmt_text(s, 4), fp) : -1;
		/* The col-th name of the list. */
		char *w = names;
		for (int i = 0; col >= 0 && w && i < col; i++)
			w = strchr(w, ' ') ? strchr(w, ' ') + 1 : NULL;
		if (w && col >= 0) {
			size_t len = strcspn(w, " ");
			str_copy(p->column, len + 1 < sizeof p->column ? len + 1 : sizeof p->column, w);
		}
		break;
	}
	stmt_done(s);
	*rows = n;
	return rc < 0 ? -1 : 0;
}

long long store_audit_verify(struct store *st, long long *checked, long long *rows,
                             struct audit_problem *p)
{
	struct audit_problem none;
	if (!p)
		p = &none;
	memset(p, 0, sizeof *p);
	*checked = 0;
	if (rows)
		*rows = 0;
	long long nrows = 0;
	bool ledger = store_schema_version(st) >= LEDGER_SCHEMA;
	if (check_chain(st, ledger, checked, p) < 0)
		return -1;
	struct audit_problem removed = {0};
	if (ledger && *checked == 0 && p->kind == AUDIT_OK) {
		/* init writes the first row: a trail is never empty */
		if (check_removed(st, &removed) < 0)
			return -1;
		*p = removed;
		if (p->kind == AUDIT_OK) {
			p->kind = AUDIT_EMPTY;
			p->row = LLONG_MAX;
		}
	}
	/* The trail itself first, then what it recorded. */
	if (ledger && p->kind == AUDIT_OK && check_removed(st, p) < 0)
		return -1;
	if (ledger && p->kind == AUDIT_OK && check_unaudited(st, p) < 0)
		return -1;
	if (ledger && p->kind == AUDIT_OK && check_rows(st, &nrows, p) < 0)
		return -1;
	if (rows)
		*rows = nrows;
	return p->kind == AUDIT_OK ? 0 : p->row > 0 ? p->row : LLONG_MAX;
}

static const struct { const char *table, *label; } table_labels[] = {
	{"customer", N_("customer")}, {"visit", N_("visit")}, {"task", N_("task")},
	{"call", N_("call")}, {"escalation", N_("escalation")},
	{"escalation_step", N_("escalation step")}, {"user", N_("user")},
	{"call_score", N_("dimension score")},
};

static const char *table_label(const char *table)
{
	for (size_t i = 0; i < sizeof table_labels / sizeof table_labels[0]; i++)
		if (strcmp(table_labels[i].table, table) == 0)
			return _(table_labels[i].label);
	return table;
}

void store_audit_problem_text(const struct audit_problem *p, char *buf, size_t size)
{
	char row[160];
	if (p->has_entity_id)
		snprintf(row, sizeof row, _("audit row %lld (%s, %s %lld)"), p->row, p->action, p->entity,
		         p->entity_id);
	else if (*p->action)
		snprintf(row, sizeof row, _("audit row %lld (%s, %s)"), p->row, p->action, p->entity);
	else
		snprintf(row, sizeof row, _("audit row %lld"), p->row);
	const char *what = table_label(p->table);
	switch (p->kind) {
	case AUDIT_OK:
		snprintf(buf, size, "%s", "");
		break;
	case AUDIT_CHANGED:
		snprintf(buf, size, _("%s: it was changed after it was written, or the row before it "
		                      "was"), row);
		break;
	case AUDIT_GAP:
		snprintf(buf, size, _("%s is missing: it was removed from the trail"), row);
		break;
	case AUDIT_DIGEST_DROPPED:
		snprintf(buf, size, _("%s: its digest of the rows it wrote was removed"), row);
		break;
	case AUDIT_RECORD_CHANGED:
		snprintf(buf, size, _("%s: its record of the rows it wrote was changed"), row);
		break;
	case AUDIT_REMOVED:
		snprintf(buf, size, _("%s and any rows after it were removed (what it wrote is still "
		                      "recorded)"), row);
		break;
	case AUDIT_EMPTY:
		snprintf(buf, size, "%s", _("the audit trail is empty: its rows were removed"));
		break;
	case AUDIT_ROW_MISSING:
		snprintf(buf, size, _("%s: %s %s is missing"), row, what, p->key);
		break;
	case AUDIT_ROW_DIFFERS:
		if (*p->column)
			snprintf(buf, size, _("%s: %s %s: its %s differs"), row, what, p->key, p->column);
		else
			snprintf(buf, size, _("%s: %s %s differs from what was written"), row, what, p->key);
		break;
	case AUDIT_ROW_UNAUDITED:
		snprintf(buf, size, _("%s %s was written without an audit row"), what, p->key);
		break;
	}
}

enum store_found store_audit_hash_at(struct store *st, long long row, char hash[65])
{
	struct stmt *s = stmt_prepare(st, "SELECT hash FROM audit WHERE id = :id");
	stmt_bind_int(s, ":id", row);
	int rc = stmt_step(s);
	if (rc == 1)
		col_copy(s, 0, hash, 65);
	stmt_done(s);
	return found_of(rc);
}

enum store_found store_audit_row_of_hash(struct store *st, const char *hash, long long *row)
{
	struct stmt *s = stmt_prepare(st, "SELECT id FROM audit WHERE hash = :h ORDER BY id LIMIT 1");
	stmt_bind_text(s, ":h", hash);
	int rc = stmt_step(s);
	if (rc == 1)
		*row = stmt_int(s, 0);
	stmt_done(s);
	return found_of(rc);
}

const char *store_anchor_db(struct store *st)
{
	if (!st->ledger)
		ledger_attach(st);
	return st->ledger->db;
}
