/* test_store.c — the store on real SQLite files: migrations from empty, refusals, statements, the audit chain. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "huifang/config.h"
#include "huifang/date.h"
#include "huifang/rules.h"
#include "huifang/store.h"
#include "../../src/store-int.h"
#include "huifang/str.h"
#include "tmpdir.h"

static void test_migrate_from_empty(void **state)
{
	(void)state;
	char p[300], err[HF_ERRLEN] = "";
	path_in(p, sizeof p, "new.db");
	struct store *st = store_open(p, STORE_CREATE, err, sizeof err);
	assert_non_null(st);
	assert_int_equal(store_schema_version(st), store_current_version());
	assert_true(store_current_version() >= 1);
	static const char *const tables[] = {"user", "customer", "visit", "task", "call",
	                                     "escalation", "script", "audit", "meta"};
	for (size_t i = 0; i < sizeof tables / sizeof tables[0]; i++)
		assert_int_equal(DB_INT(st, "SELECT count(*) FROM sqlite_master WHERE type = 'table' "
		                                  "AND name = :n", ":n", 't', tables[i], NULL), 1);
	assert_int_equal(DB_INT(st, "PRAGMA foreign_keys", NULL), 1);
	char *mode = DB_TEXT(st, "PRAGMA journal_mode", NULL);
	assert_string_equal(mode, "wal");
	free(mode);
	store_close(st);
	/* Reopening an up-to-date file changes nothing. */
	st = store_open(p, STORE_EXISTING, err, sizeof err);
	assert_non_null(st);
	assert_int_equal(store_schema_version(st), store_current_version());
	store_close(st);
}

static void test_migrates_an_older_database(void **state)
{
	(void)state;
	char p[300], err[HF_ERRLEN] = "";
	path_in(p, sizeof p, "old.db");
	struct store *st = store_open(p, STORE_CREATE, err, sizeof err);
	assert_non_null(st);
	/* Take it back to version 1 as it shipped: without the version 2 indexes, the version 3
	 * column and version 4's escalation columns and timeline; an acknowledged escalation whose
	 * note was kept as its resolution, as version 1 did. */
	/* Without version 12's queue revisions and version 9's change counters (first: their
	 * triggers name later columns). */
	static const char *const v12[] = {"DROP TRIGGER task_queue_insert", "DROP TRIGGER task_queue_update",
	                                  "DROP TRIGGER task_queue_delete", "DROP TRIGGER customer_queue",
	                                  "DROP TABLE queue_change"};
	for (size_t i = 0; i < sizeof v12 / sizeof v12[0]; i++)
		assert_true(store_exec(st, v12[i], NULL));
	static const char *const scope_triggers[] = {"task_scope_insert", "task_scope_update",
	                                             "task_scope_delete", "customer_scope", "user_scope",
	                                             "escalation_scope_insert", "escalation_scope_update",
	                                             "escalation_step_scope"};
	for (size_t i = 0; i < sizeof scope_triggers / sizeof scope_triggers[0]; i++) {
		char sql[96];
		snprintf(sql, sizeof sql, "DROP TRIGGER %s", scope_triggers[i]);
		assert_true(store_exec(st, sql, NULL));
	}
	assert_true(store_exec(st, "DROP TABLE scope_change", NULL));
	assert_true(store_exec(st, "DROP INDEX task_team_queue", NULL));
	assert_true(store_exec(st, "DROP INDEX task_owner_queue", NULL));
	assert_true(store_exec(st, "DROP INDEX task_merged", NULL));
	assert_true(store_exec(st, "DROP INDEX escalation_customer", NULL));
	assert_true(store_exec(st, "ALTER TABLE call DROP COLUMN nps", NULL));
	assert_true(store_exec(st, "DROP TABLE escalation_step", NULL));
	static const char *const v4[] = {"assignee", "assignee_team", "level", "breached_levels",
	                                 "resolution_code"};
	for (size_t i = 0; i < sizeof v4 / sizeof *v4; i++) {
		char sql[96];
		snprintf(sql, sizeof sql, "ALTER TABLE escalation DROP COLUMN %s", v4[i]);
		assert_true(store_exec(st, sql, NULL));
	}
	assert_true(store_exec(st, "INSERT INTO customer(id, name, created_at) VALUES (1, 'x', "
	                           "'2026-11-01 09:00')", NULL));
	assert_true(store_exec(st, "INSERT INTO escalation(customer_id, severity, reason, sla_due, "
	                           "status, raised_by, raised_at, acknowledged_by, acknowledged_at, "
	                           "resolution) VALUES (1, 'high', 'complaint', '2026-11-02 09:00', "
	                           "'acknowledged', 'op', '2026-11-01 09:00', 'sup', "
	                           "'2026-11-01 10:00', 'called back')", NULL));
	/* ... without the version 7 planning marks ... */
	static const char *const v7[] = {"DROP TRIGGER visit_plan_due", "DROP TRIGGER visit_plan_due_change",
	                                 "DROP TRIGGER task_plan_due", "DROP TRIGGER task_plan_due_change",
	                                 "DROP TRIGGER customer_plan_due", "DROP INDEX customer_plan_due",
	                                 "ALTER TABLE customer DROP COLUMN plan_due",
	                                 "ALTER TABLE customer DROP COLUMN plan_rev"};
	for (size_t i = 0; i < sizeof v7 / sizeof v7[0]; i++)
		assert_true(store_exec(st, v7[i], NULL));
	/* ... and without the version 6 value columns. */
	assert_true(store_exec(st, "DROP INDEX customer_segment", NULL));
	static const char *const value_cols[] = {"value_day", "value_last_visit", "value_recency",
	                                         "value_frequency", "value_monetary", "value_scores",
	                                         "value_segment", "value_vip", "value_rank"};
	for (size_t i = 0; i < sizeof value_cols / sizeof value_cols[0]; i++) {
		char sql[96];
		snprintf(sql, sizeof sql, "ALTER TABLE customer DROP COLUMN %s", value_cols[i]);
		assert_true(store_exec(st, sql, NULL));
	}
	/* ... without version 11's period indexes ... */
	assert_true(store_exec(st, "DROP INDEX task_due", NULL));
	assert_true(store_exec(st, "DROP INDEX call_started", NULL));
	assert_true(store_exec(st, "DROP INDEX escalation_raised", NULL));
	assert_true(store_exec(st, "DROP INDEX escalation_resolved", NULL));
	/* ... without version 10's dimension scores ... */
	assert_true(store_exec(st, "DROP TABLE call_score", NULL));
	/* ... and without version 8's record of the rows each audit row wrote. */
	assert_true(store_exec(st, "DROP TABLE audit_row", NULL));
	assert_true(store_exec(st, "ALTER TABLE audit DROP COLUMN digest", NULL));
	assert_true(store_exec(st, "DELETE FROM meta WHERE key LIKE 'audit_rows_after.%'", NULL));
	assert_true(store_exec(st, "PRAGMA user_version = 1", NULL));
	store_close(st);
	/* Only init migrates: a command refuses the older schema and names init. */
	assert_null(store_open(p, STORE_EXISTING, err, sizeof err));
	assert_non_null(strstr(err, "huifang init"));
	st = store_open(p, STORE_CREATE, err, sizeof err);
	assert_non_null(st);
	assert_int_equal(store_schema_version(st), store_current_version());
	assert_int_equal(DB_INT(st, "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND "
	                                  "name IN ('task_team_queue', 'task_owner_queue', "
	                                  "'task_merged', 'escalation_customer')", NULL), 4);
	assert_int_equal(DB_INT(st, "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND "
	                                  "name IN ('task_due', 'call_started', 'escalation_raised', "
	                                  "'escalation_resolved')", NULL), 4);
	assert_int_equal(DB_INT(st, "SELECT count(*) FROM pragma_table_info('call') "
	                                  "WHERE name = 'nps'", NULL), 1);
	assert_int_equal(DB_INT(st, "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' "
	                                  "AND name LIKE '%plan_due%'", NULL), 5);
	assert_int_equal(DB_INT(st, "SELECT count(*) FROM pragma_table_info('audit') "
	                                  "WHERE name = 'digest'", NULL), 1);
	assert_int_equal(DB_INT(st, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND "
	                                  "name = 'call_score'", NULL), 1);
	assert_int_equal(DB_INT(st, "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' "
	                                  "AND name LIKE '%queue%'", NULL), 4);
	/* The customer already there needs no record; the ones after it do. */
	assert_int_equal(DB_INT(st, "SELECT value FROM meta WHERE key = 'audit_rows_after.customer'",
	                        NULL), 1);
	/* The escalation's history became its timeline; its holder is who acknowledged it. */
	char *steps = NULL, *esc = NULL;
	assert_int_equal(store_text(st, &steps, "SELECT group_concat(step || ':' || login || ':' || "
	                            "note, ',') FROM (SELECT * FROM escalation_step ORDER BY at, id)",
	                            NULL), STORE_FOUND);
	assert_string_equal(steps, "raised:op:,acknowledged:sup:called back");
	free(steps);
	assert_int_equal(store_text(st, &esc, "SELECT assignee || '|' || resolution || '|' || level "
	                            "FROM escalation", NULL), STORE_FOUND);
	assert_string_equal(esc, "sup||0");
	free(esc);
	assert_int_equal(DB_INT(st, "SELECT count(*) FROM pragma_table_info('customer') "
	                                  "WHERE name LIKE 'value_%'", NULL), 9);
	store_close(st);
}

/* A console's scope moves only with what it shows: its team's tasks (not a renewed claim), any
 * customer or person; the desk's with escalations too, and its own counter with them alone;
 * every team's with all of it. */
static void test_scope_versions(void **state)
{
	(void)state;
	char p[300], err[HF_ERRLEN] = "";
	path_in(p, sizeof p, "scope.db");
	struct store *st = store_open(p, STORE_CREATE, err, sizeof err);
	assert_non_null(st);
	assert_true(store_exec(st, "INSERT INTO customer(id, name, created_at) VALUES (1, 'x', "
	                           "'2025-03-01 09:00')", NULL));
	assert_true(store_exec(st, "INSERT INTO user(login, name, role, team, created_at) VALUES "
	                           "('op', '', 'operator', 'a', '2025-03-01 09:00')", NULL));
	static const struct {
		const char *sql;
		bool a, b, desk, all; /* which scopes move */
	} cases[] = {
		{"INSERT INTO task(id, customer_id, kind, due_date, window_end, team, created_at, updated_at) "
		 "VALUES (1, 1, 'followup', '2025-03-02', '2025-03-04', 'a', '', '')", true, false, false, true},
		{"UPDATE task SET claimed_by = 'op', claimed_until = '2025-03-02 10:00' WHERE id = 1",
		 true, false, false, true},
		{"UPDATE task SET claimed_until = '2025-03-02 10:05', updated_at = 'x' WHERE id = 1",
		 false, false, false, false},
		{"UPDATE task SET team = 'b' WHERE id = 1", true, true, false, true},
		{"UPDATE task SET status = 'done' WHERE id = 1", false, true, false, true},
		{"UPDATE customer SET name = 'y' WHERE id = 1", true, true, false, true},
		{"UPDATE customer SET plan_due = '2025-03-09' WHERE id = 1", false, false, false, false},
		{"INSERT INTO escalation(customer_id, severity, reason, sla_due, raised_by, raised_at) VALUES "
		 "(1, 'urgent', '{}', '2025-03-02 13:00', 'op', '2025-03-02 09:00')", false, false, true, true},
		{"UPDATE user SET name = '张' WHERE login = 'op'", true, true, false, true},
		{"INSERT INTO audit(at, login, action, entity, entity_id, detail, prev_hash, hash) VALUES "
		 "('2025-03-02 09:00', 'op', 'view', 'customer', 1, '', '', 'h')", false, false, false, false},
		{"DELETE FROM task WHERE id = 1", false, true, false, true},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		long long a = store_scope_version(st, "a", false), b = store_scope_version(st, "b", false);
		long long d = store_scope_version(st, "a", true), all = store_scope_version(st, NULL, true);
		long long esc = store_desk_version(st);
		if (!store_exec(st, cases[i].sql, NULL))
			fail_msg("%s: %s", cases[i].sql, store_errmsg(st));
		bool moved[] = {store_scope_version(st, "a", false) != a, store_scope_version(st, "b", false) != b,
		                store_scope_version(st, "a", true) != d, store_scope_version(st, NULL, true) != all,
		                store_desk_version(st) != esc};
		bool want[] = {cases[i].a, cases[i].b, cases[i].a || cases[i].desk, cases[i].all, cases[i].desk};
		for (size_t k = 0; k < 5; k++)
			if (moved[k] != want[k])
				fail_msg("%s: scope %zu %s", cases[i].sql, k, moved[k] ? "moved" : "did not move");
	}
	store_close(st);
}

static void test_an_empty_file(void **state)
{
	(void)state;
	char p[300], err[HF_ERRLEN] = "";
	path_in(p, sizeof p, "empty.db");
	FILE *f = fopen(p, "w");
	fclose(f);
	/* A command on an empty file refuses it and leaves it empty ... */
	assert_null(store_open(p, STORE_EXISTING, err, sizeof err));
	assert_non_null(strstr(err, "huifang init"));
	struct stat sb;
	assert_int_equal(stat(p, &sb), 0);
	assert_int_equal(sb.st_size, 0);
	/* ... init makes it a database. */
	struct store *st = store_open(p, STORE_CREATE, err, sizeof err);
	assert_non_null(st);
	assert_int_equal(store_schema_version(st), store_current_version());
	store_close(st);
}

static void test_refusals(void **state)
{
	(void)state;
	char p[300], err[HF_ERRLEN];
	struct {
		const char *name;
		const char *content; /* NULL: do not create */
		enum store_mode mode;
		const char *want;
	} cases[] = {
		{"nodir/x.db", NULL, STORE_CREATE, "does not exist"},
		{"absent.db", NULL, STORE_EXISTING, "huifang init"},
		{"text.db", "not a database, just text that is long enough\n", STORE_EXISTING,
		 "not a huifang database"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		path_in(p, sizeof p, cases[i].name);
		if (cases[i].content) {
			FILE *f = fopen(p, "w");
			fputs(cases[i].content, f);
			fclose(f);
		}
		err[0] = 0;
		assert_null(store_open(p, cases[i].mode, err, sizeof err));
		assert_non_null(strstr(err, cases[i].want));
		assert_null(strchr(err, '\n'));
		if (!cases[i].content)
			assert_int_not_equal(access(p, F_OK), 0);
	}
}

static void test_newer_schema_refused(void **state)
{
	(void)state;
	char p[300], err[HF_ERRLEN] = "";
	path_in(p, sizeof p, "newer.db");
	struct store *st = store_open(p, STORE_CREATE, err, sizeof err);
	assert_non_null(st);
	assert_true(store_exec(st, "PRAGMA user_version = 42", NULL));
	store_close(st);
	assert_null(store_open(p, STORE_EXISTING, err, sizeof err));
	char want[64];
	snprintf(want, sizeof want, "(%d)", store_current_version());
	assert_non_null(strstr(err, "42"));
	assert_non_null(strstr(err, want));
}

static void test_statements_and_meta(void **state)
{
	(void)state;
	char p[300], err[HF_ERRLEN] = "";
	path_in(p, sizeof p, "stmt.db");
	struct store *st = store_open(p, STORE_CREATE, err, sizeof err);
	assert_non_null(st);
	/* Bound parameters carry quotes and Chinese unharmed. */
	const char *tricky = "王'; DROP TABLE customer; --";
	struct hf_customer c = {0};
	str_copy(c.name, sizeof c.name, tricky);
	str_copy(c.phone, sizeof c.phone, "13800000000");
	c.birthday = HF_NO_DATE;
	c.created = stamp_make(date_from_ymd(2026, 11, 23), 9 * 60);
	hf_id id = store_customer_add(st, &c);
	assert_true(id > 0);
	struct hf_customer back;
	assert_true(store_customer_get(st, id, &back));
	assert_string_equal(back.name, tricky);
	assert_int_equal(back.birthday, HF_NO_DATE);
	assert_true(store_meta_set(st, "clinic", "悦颜"));
	assert_true(store_meta_set(st, "clinic", "悦颜二店"));
	char *v;
	assert_int_equal(store_meta_get(st, "clinic", &v), STORE_FOUND);
	assert_string_equal(v, "悦颜二店");
	free(v);
	assert_int_equal(store_meta_get(st, "nothing", &v), STORE_NONE);
	assert_null(v);
	/* No row, NULL and a failure are three answers; a failure leaves its message. */
	long long n = -7;
	assert_int_equal(store_int(st, &n, "SELECT NULL", NULL), STORE_NONE);
	assert_int_equal(store_int(st, &n, "SELECT 1 WHERE 0", NULL), STORE_NONE);
	assert_int_equal(n, -7);
	assert_int_equal(store_int(st, &n, "SELECT abs(-9223372036854775807 - 1)", NULL), STORE_ERROR);
	assert_int_equal(n, -7);
	assert_string_equal(store_errmsg(st), "integer overflow");
	assert_int_equal(store_text(st, &v, "SELECT abs(-9223372036854775807 - 1)", NULL), STORE_ERROR);
	assert_null(v);
	/* A rolled-back transaction leaves nothing. */
	assert_true(store_begin(st));
	assert_true(store_customer_add(st, &c) > 0);
	store_rollback(st);
	assert_int_equal(DB_INT(st, "SELECT count(*) FROM customer", NULL), 1);
	store_close(st);
}

static void test_audit_chain(void **state)
{
	(void)state;
	char p[300], err[HF_ERRLEN] = "";
	path_in(p, sizeof p, "audit.db");
	struct store *st = store_open(p, STORE_CREATE, err, sizeof err);
	assert_non_null(st);
	hf_id cid = 1;
	hf_stamp now = stamp_make(date_from_ymd(2026, 11, 23), 10 * 60);
	/* Audit rows chain: each prev_hash is the previous row's hash; the hash covers the fields. */
	assert_true(store_audit(st, "op_a", now, "view", "customer", cid, ""));
	assert_true(store_audit(st, "op_a", now, "log", "call", 1, "outcome=reached"));
	assert_int_equal(DB_INT(st, "SELECT count(*) FROM audit a JOIN audit b ON b.id = a.id + 1 "
	                                   "WHERE b.prev_hash <> a.hash", NULL), 0);
	char *h1 = DB_TEXT(st, "SELECT hash FROM audit ORDER BY id DESC LIMIT 1", NULL);
	assert_true(store_exec(st, "UPDATE audit SET detail = 'outcome=refused' WHERE id = 2", NULL));
	assert_true(store_audit(st, "op_a", now, "log", "call", 1, "outcome=refused"));
	char *h2 = DB_TEXT(st, "SELECT hash FROM audit ORDER BY id DESC LIMIT 1", NULL);
	assert_string_not_equal(h1, h2);
	assert_int_equal(strlen(h1), 64);
	free(h1);
	free(h2);
	store_close(st);
}


/* Origins and reasons are stored as JSON objects through SQLite and read back whole. */
static void test_origins_and_reasons_round_trip(void **state)
{
	(void)state;
	char p[300], err[HF_ERRLEN] = "";
	path_in(p, sizeof p, "why.db");
	struct store *st = store_open(p, STORE_CREATE, err, sizeof err);
	assert_non_null(st);
	struct hf_why w = {0}, back;
	for (int i = 0; i < HF_WHY_PARTS - 2; i++)
		why_add(&w, i % 2 ? WHY_CALLBACK : WHY_NEXT_CONTACT)->task = 100 + i;
	struct hf_why_part *o = why_add(&w, WHY_CURVE);
	o->visit_kind = VISIT_SURGERY;
	o->visit_date = date_from_ymd(2026, 11, 20);
	str_copy(o->name, sizeof o->name, "隆鼻 \"quoted\" ' 'x");
	str_copy(o->offset, sizeof o->offset, "+7d");
	o->count = 2;
	char *json = store_why_json(st, &w, false);
	assert_non_null(json);
	assert_true(store_exec(st, "CREATE TEMP TABLE t(j TEXT)", NULL));
	assert_true(store_exec(st, "INSERT INTO t VALUES (:j)", ":j", 't', json, NULL));
	char *code = DB_TEXT(st, "SELECT json_extract(j, '$.code') || ' ' || json_extract(j, "
	                            "'$.origin.origin.origin.origin.origin.origin.origin.origin."
	                            "origin.origin.visit_date') FROM t", NULL);
	assert_string_equal(code, "next_contact 2026-11-20");
	free(code);
	assert_true(store_why_read(st, json, &back));
	assert_int_equal(back.n, w.n);
	assert_memory_equal(&back.part[back.n - 1], &w.part[w.n - 1], sizeof w.part[0]);
	assert_int_equal(back.part[3].task, 103);
	free(json);

	/* A reason: an array of parts, the missed call's origin inside its part. */
	struct hf_why r = {0};
	struct hf_why_part *x = why_add(&r, WHY_OUTCOME);
	str_copy(x->name, sizeof x->name, "complaint");
	str_copy(x->text, sizeof x->text, "效果不满意");
	why_add(&r, WHY_POSTOP_MISSED);
	x = why_add(&r, WHY_CURVE);
	x->visit_kind = VISIT_SURGERY;
	x->visit_date = date_from_ymd(2026, 11, 20);
	str_copy(x->offset, sizeof x->offset, "+1d");
	why_add(&r, WHY_LOW_SCORE)->count = 1;
	json = store_why_json(st, &r, true);
	assert_true(store_exec(st, "DELETE FROM t", NULL));
	assert_true(store_exec(st, "INSERT INTO t VALUES (:j)", ":j", 't', json, NULL));
	code = DB_TEXT(st, "SELECT (SELECT group_concat(json_extract(value, '$.code'), ',') FROM "
	                      "json_each(j)) || ' ' || json_extract(j, '$[0].category') || ' ' || "
	                      "json_extract(j, '$[1].origin.offset') || ' ' || "
	                      "json_type(j, '$[2].score') FROM t", NULL);
	assert_string_equal(code, "outcome,postop_missed,low_score 效果不满意 +1d integer");
	free(code);
	assert_true(store_why_read(st, json, &back));
	assert_int_equal(back.n, 4);
	assert_memory_equal(back.part, r.part, sizeof r.part[0] * 4);
	free(json);
	/* Empty is empty; text that is not JSON is one text part. */
	json = store_why_json(st, &(struct hf_why){0}, true);
	assert_string_equal(json, "");
	free(json);
	assert_true(store_why_read(st, "顾客来电投诉", &back));
	assert_int_equal(back.n, 1);
	assert_int_equal(back.part[0].code, WHY_TEXT);
	assert_string_equal(back.part[0].text, "顾客来电投诉");
	store_close(st);
}

/* How origins and reasons were read before the store decoded them itself: SQLite's json_tree,
 * one part per object path. The reader must give the same parts for any text. */
static void read_by_json_tree(struct store *st, const char *json, struct hf_why *w)
{
	w->n = 0;
	if (str_empty(json))
		return;
	struct stmt *s = stmt_prepare(st,
	    "SELECT key, atom, path FROM json_tree(CASE WHEN json_valid(:j) THEN :j "
	    "ELSE json_object('code', 'text', 'text', :j) END) "
	    "WHERE atom IS NOT NULL AND typeof(key) = 'text'");
	stmt_bind_text(s, ":j", json);
	char path[256] = "";
	struct hf_why_part *p = NULL;
	while (stmt_step(s) == 1) {
		const char *key = stmt_text(s, 0), *value = stmt_text(s, 1), *at = stmt_text(s, 2);
		if (!p || strcmp(at, path) != 0) {
			if (!(p = why_add(w, WHY_NONE)))
				break;
			str_copy(path, sizeof path, at);
		}
		if (strcmp(key, "code") == 0)
			p->code = why_from_code(value);
		else
			why_arg_set(p, why_arg_from_key(key, strlen(key)), value);
	}
	stmt_done(s);
}

static void test_why_read_as_json_tree_would(void **state)
{
	(void)state;
	char p[300], err[HF_ERRLEN] = "";
	path_in(p, sizeof p, "whyread.db");
	struct store *st = store_open(p, STORE_CREATE, err, sizeof err);
	assert_non_null(st);
	static const char *const cases[] = {
		"{\"code\":\"curve\",\"visit_kind\":\"surgery\",\"visit_date\":\"2026-11-20\",\"treatment\":\"隆鼻\",\"offset\":\"+7d\",\"repeat\":2}",
		" { \"code\" : \"callback\" , \"task\" : 12 , \"origin\" : {\"code\":\"curve\",\"visit_kind\":\"consult\",\"visit_date\":\"2026-05-25\",\"offset\":\"+3d\"} } ",
		"[{\"code\":\"outcome\",\"outcome\":\"complaint\",\"category\":\"价格/退费\"},{\"code\":\"low_score\",\"score\":2},{\"code\":\"score_drop\",\"from\":5,\"to\":2}]",
		"[{\"code\":\"postop_missed\",\"origin\":{\"code\":\"curve\",\"offset\":\"+1d\"}},{\"code\":\"risk_word\",\"word\":\"发热\"}]",
		"{\"code\":\"callback\",\"origin\":{\"code\":\"text\",\"text\":\"x\"},\"task\":7}",
		"{\"code\":\"text\",\"text\":\"say \\\"hi\\\" \\\\ \\/ \\n\\t\\u4e2d\\u6587 \\ud83d\\ude00 \\u00e9\"}",
		"{\"code\":\"low_score\",\"score\":-3,\"x\":true,\"y\":false,\"z\":null,\"w\":[1,\"a\",{\"code\":\"birthday\",\"day\":\"2026-01-02\"}]}",
		"{\"code\":\"low_score\",\"score\":1.5e1}",
		"{}", "[]", "[[], {}]", "\"just a string\"", "42", "true", "null",
		"顾客来电投诉", "{\"code\":", "{\"code\":\"curve\"", "{\"code\":\"curve\"} x", "{'code':'curve'}",
		"{\"code\":\"curve\",}", "[1,]", "{\"code\":01}", "{\"code\":\"a\tb\"}", "{\"code\":\"\\x\"}",
		"{\"code\":\"curve\",\"code\":\"birthday\",\"day\":\"2026-12-01\"}",
		"{\"code\":\"low_score\",\"score\":-0}", "{\"score\":1E5}", "{\"score\":1.}", "{\"score\":.5}",
		"{\"score\":-}", "[1 2]", "{\"a\" 1}", "\f{\"code\":\"curve\"}\v", "{\"text\":\"a\\u0000b\"}",
		"{\"code\":\"curve\",\"treatment\":\"\\ud800\"}", "[[[[[[[[[[[[[[[[[[[[[[[[[[[[{\"code\":\"curve\"}]]]]]]]]]]]]]]]]]]]]]]]]]]]]",
		"[{\"code\":\"callback\",\"task\":1},{\"code\":\"callback\",\"task\":2},{\"code\":\"callback\",\"task\":3},"
		"{\"code\":\"callback\",\"task\":4},{\"code\":\"callback\",\"task\":5},{\"code\":\"callback\",\"task\":6},"
		"{\"code\":\"callback\",\"task\":7},{\"code\":\"callback\",\"task\":8},{\"code\":\"callback\",\"task\":9},"
		"{\"code\":\"callback\",\"task\":10},{\"code\":\"callback\",\"task\":11},{\"code\":\"callback\",\"task\":12},"
		"{\"code\":\"callback\",\"task\":13},{\"code\":\"callback\",\"task\":14},{\"code\":\"callback\",\"task\":15},"
		"{\"code\":\"callback\",\"task\":16},{\"code\":\"callback\",\"task\":17},{\"code\":\"callback\",\"task\":18}]",
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct hf_why want, got;
		memset(&want, 0, sizeof want);
		memset(&got, 0xA5, sizeof got);
		read_by_json_tree(st, cases[i], &want);
		assert_true(store_why_read(st, cases[i], &got));
		if (got.n != want.n)
			fail_msg("case %zu (%s): %d parts, json_tree %d", i, cases[i], got.n, want.n);
		for (int k = 0; k < want.n; k++)
			if (memcmp(&got.part[k], &want.part[k], sizeof want.part[k]) != 0)
				fail_msg("case %zu (%s): part %d differs", i, cases[i], k);
	}
	store_close(st);
}

/* A version-2 database: every origin and reason it stored as text reads as version 2 showed it. */
static void test_version_2_origins_and_reasons_converted(void **state)
{
	(void)state;
	static const struct { const char *stored, *shown; } origins[] = {
		{"surgery 2026-11-20 隆鼻, step +3d", "surgery 2026-11-20 隆鼻, day 3 call"},
		{"consult 2026-11-01, step +7d, repeat 2 (+14d)", "consultation 2026-11-01, day 7 call, repeat 2"},
		{"course 2026-10-01 光子嫩肤, step +7d from course end 2026-11-01",
		 "treatment course 2026-10-01 光子嫩肤, day 7 call after the course ended 2026-11-01"},
		{"injection 2026-03-10 玻尿酸, step -1m from effect end 2026-12-10",
		 "injection 2026-03-10 玻尿酸, reminder 1 month before the effect ends 2026-12-10"},
		{"reactivation: no visit since 2026-03-01 (+6m)",
		 "reactivation: no visit since 2026-03-01 (6 months)"},
		{"winback: no visit since 2025-10-01 (+12m)", "why they left: no visit since 2025-10-01 (12 months)"},
		{"birthday 2026-11-25", "birthday 2026-11-25"},
		{"wrong number on task 42", "wrong number on task 42: correct the phone"},
		{"callback on task 7: surgery 2026-11-20 隆鼻, step +3d",
		 "callback agreed on task 7 (surgery 2026-11-20 隆鼻, day 3 call)"},
		{"next contact on task 9: birthday 2026-11-25",
		 "next contact set on task 9 (birthday 2026-11-25)"},
		{"next contact on task 31: callback on task 30: course 2026-10-01 光子嫩肤, step +7d from "
		 "course end 2026-11-01",
		 "next contact set on task 31 (callback agreed on task 30 (treatment course 2026-10-01 "
		 "光子嫩肤, day 7 call after the course ended 2026-11-01))"},
		/* Cut at version 2's 160 bytes: the cut part as written. */
		{"callback on task 12: callback on task 11: callback on task 10: callback on task 9: "
		 "callback on task 8: surgery 2026-11-20 隆鼻, step +3d from cou",
		 "callback agreed on task 12 (callback agreed on task 11 (callback agreed on task 10 "
		 "(callback agreed on task 9 (callback agreed on task 8 (surgery 2026-11-20 隆鼻, step "
		 "+3d from cou)))))"},
		/* Not one of the forms: shown as written. */
		{"imported from the old CRM", "imported from the old CRM"},
		{"surgery 2026-13-40 隆鼻, step +3d", "surgery 2026-13-40 隆鼻, step +3d"},
		{"facelift 2026-11-20, step +3d", "facelift 2026-11-20, step +3d"},
		{"birthday 2026-11-25 and more", "birthday 2026-11-25 and more"},
		{"surgery 2026-08-16 吸脂, step +3m", "surgery 2026-08-16 吸脂, month 3 call"},
		{"surgery 2026-11-20, step +1w", "surgery 2026-11-20, week 1 call"},
		{"injection 2026-01-10 瘦脸针, step -2w from effect end 2026-05-10",
		 "injection 2026-01-10 瘦脸针, reminder 2 weeks before the effect ends 2026-05-10"},
		{"surgery 2026-11-20, step +3x", "surgery 2026-11-20, step +3x"},
		{"", ""},
	};
	static const struct { const char *stored, *shown; } reasons[] = {
		{"complaint (服务态度)", "Complaint (服务态度)"},
		{"complaint", "Complaint"},
		{"low score 1; risk word \"发烧\" in the note", "low score 1; risk word \"发烧\" in the note"},
		{"complaint (术后并发症); low score 1; score dropped from 5 to 1; risk word \"化脓\" in the note",
		 "Complaint (术后并发症); low score 1; score dropped from 5 to 1; risk word \"化脓\" in the note"},
		{"score dropped from 5 to 2", "score dropped from 5 to 2"},
		{"unreachable after 3 attempts in the first week after surgery",
		 "unreachable after 3 attempts in the first week after surgery"},
		{"post-op call missed: surgery 2026-11-22 隆鼻, step +1d; post-op call missed: surgery "
		 "2026-11-22 隆鼻, step +3d",
		 "post-op call missed: surgery 2026-11-22 隆鼻, day 1 call; post-op call missed: surgery "
		 "2026-11-22 隆鼻, day 3 call"},
		/* Written by hand or by an older version: shown as is. */
		{"顾客来电投诉", "顾客来电投诉"},
		{"no_answer", "No answer"},
	};
	char p[300], err[HF_ERRLEN] = "";
	path_in(p, sizeof p, "v2.db");
	/* The schema as version 2 left it (its own migrations, nothing after), and its rows. */
	sqlite3 *db;
	sqlite3_stmt *ins;
	assert_int_equal(sqlite3_open(p, &db), SQLITE_OK);
	for (int v = 1; v <= 2; v++)
		assert_int_equal(sqlite3_exec(db, store_migration(v), NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "PRAGMA user_version = 2; INSERT INTO customer(id, name, "
	                                  "created_at) VALUES (1, '李雪', '2026-11-01 09:00')",
	                              NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, "INSERT INTO task(id, customer_id, kind, due_date, "
	                                        "window_end, team, origin, created_at, updated_at) VALUES "
	                                        "(?, 1, 'followup', '2026-11-23', '2026-11-23', 'service', "
	                                        "?, '2026-11-01 09:00', '2026-11-01 09:00')", -1, &ins, NULL),
	                 SQLITE_OK);
	for (size_t i = 0; i < sizeof origins / sizeof origins[0]; i++) {
		sqlite3_bind_int64(ins, 1, (sqlite3_int64)i + 1);
		sqlite3_bind_text(ins, 2, origins[i].stored, -1, SQLITE_STATIC);
		assert_int_equal(sqlite3_step(ins), SQLITE_DONE);
		sqlite3_reset(ins);
	}
	sqlite3_finalize(ins);
	assert_int_equal(sqlite3_prepare_v2(db, "INSERT INTO escalation(id, customer_id, severity, reason, "
	                                        "sla_due, raised_by, raised_at) VALUES (?, 1, 'high', ?, "
	                                        "'2026-11-23 10:00', 'op_a', '2026-11-23 09:00')", -1, &ins,
	                                    NULL), SQLITE_OK);
	for (size_t i = 0; i < sizeof reasons / sizeof reasons[0]; i++) {
		sqlite3_bind_int64(ins, 1, (sqlite3_int64)i + 1);
		sqlite3_bind_text(ins, 2, reasons[i].stored, -1, SQLITE_STATIC);
		assert_int_equal(sqlite3_step(ins), SQLITE_DONE);
		sqlite3_reset(ins);
	}
	sqlite3_finalize(ins);
	sqlite3_close(db);

	struct store *st = store_open(p, STORE_CREATE, err, sizeof err);
	assert_non_null(st);
	assert_int_equal(store_schema_version(st), store_current_version());
	assert_int_equal(DB_INT(st, "SELECT count(*) FROM task WHERE origin <> '' AND "
	                                   "json_extract(origin, '$.code') IS NULL", NULL), 0);
	assert_int_equal(DB_INT(st, "SELECT count(*) FROM escalation WHERE "
	                                   "json_extract(reason, '$[0].code') IS NULL", NULL), 0);
	struct hf_config cfg;
	config_defaults(&cfg);
	struct hf_task_rec *tasks;
	size_t n;
	assert_true(store_customer_tasks(st, 1, &tasks, &n));
	assert_int_equal(n, sizeof origins / sizeof origins[0]);
	for (size_t i = 0; i < n; i++) {
		char out[1024];
		assert_string_equal(rules_why_text(&cfg, &tasks[i].origin,
		                                   out, sizeof out), origins[tasks[i].id - 1].shown);
	}
	free(tasks);
	struct hf_escalation *esc;
	assert_true(store_customer_escalations(st, 1, &esc, &n));
	assert_int_equal(n, sizeof reasons / sizeof reasons[0]);
	for (size_t i = 0; i < n; i++) {
		char out[1024];
		assert_string_equal(rules_why_text(&cfg, &esc[i].reason, out, sizeof out),
		                    reasons[esc[i].id - 1].shown);
	}
	free(esc);
	store_close(st);
}

/* Whether another process can take the write lock at once (BEGIN IMMEDIATE, no waiting). */
static bool other_can_write(const char *path)
{
	pid_t pid = fork();
	if (pid == 0) {
		sqlite3 *db;
		bool ok = sqlite3_open(path, &db) == SQLITE_OK &&
		          sqlite3_exec(db, "BEGIN IMMEDIATE; ROLLBACK;", NULL, NULL, NULL) == SQLITE_OK;
		_exit(ok ? 0 : 1);
	}
	int status = 0;
	waitpid(pid, &status, 0);
	return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

/* A checkpoint takes the write lock itself before SQLite asks for it: while another process
 * holds the lock it is not had, while it is held no other writer gets in, SQLite's TRUNCATE
 * checkpoint is granted it at once, and it is let go of whether SQLite asked or not. */
static void test_checkpoint_write_lock(void **state)
{
	(void)state;
	char p[300], err[HF_ERRLEN] = "";
	path_in(p, sizeof p, "ckpt.db");
	struct store *st = store_open(p, STORE_CREATE, err, sizeof err);
	assert_non_null(st);
	assert_true(other_can_write(p));
	/* Taken and let go without a checkpoint. */
	assert_true(store_write_lock_take(st, 0));
	assert_false(other_can_write(p));
	store_write_lock_drop(st);
	assert_true(other_can_write(p));
	/* Taken, then SQLite's checkpoint: granted at once, the log emptied, the lock gone after. */
	assert_true(store_exec(st, "INSERT INTO meta(key, value) VALUES ('ckpt', 'x')", NULL));
	char wal[320];
	snprintf(wal, sizeof wal, "%s-wal", p);
	struct stat sb;
	assert_int_equal(stat(wal, &sb), 0);
	assert_true(sb.st_size > 0);
	assert_true(store_write_lock_take(st, 0));
	int log = -1, done = -1;
	assert_int_equal(sqlite3_wal_checkpoint_v2(st->db, NULL, SQLITE_CHECKPOINT_TRUNCATE, &log, &done),
	                 SQLITE_OK);
	assert_int_equal(stat(wal, &sb), 0);
	assert_int_equal(sb.st_size, 0);
	store_write_lock_drop(st);
	assert_true(other_can_write(p));
	/* Held by another process: not had within the wait, had once it is let go. */
	int hold[2], release[2];
	assert_int_equal(pipe(hold), 0);
	assert_int_equal(pipe(release), 0);
	pid_t pid = fork();
	if (pid == 0) {
		sqlite3 *db;
		char c = 0;
		bool ok = sqlite3_open(p, &db) == SQLITE_OK &&
		          sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL) == SQLITE_OK &&
		          write(hold[1], "h", 1) == 1 && read(release[0], &c, 1) == 1 &&
		          sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL) == SQLITE_OK;
		_exit(ok ? 0 : 1);
	}
	char c = 0;
	assert_int_equal(read(hold[0], &c, 1), 1);
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	assert_false(store_write_lock_take(st, 50));
	clock_gettime(CLOCK_MONOTONIC, &t1);
	assert_true((t1.tv_sec - t0.tv_sec) * 1000 + (t1.tv_nsec - t0.tv_nsec) / 1000000 >= 50);
	assert_int_equal(write(release[1], "r", 1), 1);
	int status = 0;
	waitpid(pid, &status, 0);
	assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	assert_true(store_write_lock_take(st, 0));
	store_write_lock_drop(st);
	assert_true(other_can_write(p));
	for (int i = 0; i < 2; i++) {
		close(hold[i]);
		close(release[i]);
	}
	store_close(st);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_migrate_from_empty),
		cmocka_unit_test(test_migrates_an_older_database),
		cmocka_unit_test(test_an_empty_file),
		cmocka_unit_test(test_refusals),
		cmocka_unit_test(test_newer_schema_refused),
		cmocka_unit_test(test_statements_and_meta),
		cmocka_unit_test(test_audit_chain),
		cmocka_unit_test(test_origins_and_reasons_round_trip),
		cmocka_unit_test(test_scope_versions),
		cmocka_unit_test(test_why_read_as_json_tree_would),
		cmocka_unit_test(test_version_2_origins_and_reasons_converted),
		cmocka_unit_test(test_checkpoint_write_lock),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
