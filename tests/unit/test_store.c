/* test_store.c — the store on real SQLite files: migrations from empty, refusals, statements, apply. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "huifang/date.h"
#include "huifang/store.h"
#include "huifang/str.h"

static char dir[256];

static int setup(void **state)
{
	(void)state;
	snprintf(dir, sizeof dir, "/tmp/huifang-unit.XXXXXX");
	return mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	char cmd[300];
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	return system(cmd) == 0 ? 0 : -1;
}

static void path_in(char *out, size_t size, const char *name)
{
	snprintf(out, size, "%s/%s", dir, name);
}

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
		assert_int_equal(store_int(st, 0, "SELECT count(*) FROM sqlite_master WHERE type = 'table' "
		                                  "AND name = :n", ":n", 't', tables[i], NULL), 1);
	assert_int_equal(store_int(st, 0, "PRAGMA foreign_keys", NULL), 1);
	char *mode = store_text(st, "PRAGMA journal_mode", NULL);
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
	/* Take it back to version 1 as it shipped: without the version 2 indexes and the version 3
	 * column. */
	assert_true(store_exec(st, "DROP INDEX task_team_queue", NULL));
	assert_true(store_exec(st, "DROP INDEX task_owner_queue", NULL));
	assert_true(store_exec(st, "DROP INDEX task_merged", NULL));
	assert_true(store_exec(st, "DROP INDEX escalation_customer", NULL));
	assert_true(store_exec(st, "ALTER TABLE call DROP COLUMN nps", NULL));
	assert_true(store_exec(st, "PRAGMA user_version = 1", NULL));
	store_close(st);
	st = store_open(p, STORE_EXISTING, err, sizeof err);
	assert_non_null(st);
	assert_int_equal(store_schema_version(st), store_current_version());
	assert_int_equal(store_int(st, 0, "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND "
	                                  "name IN ('task_team_queue', 'task_owner_queue', "
	                                  "'task_merged', 'escalation_customer')", NULL), 4);
	assert_int_equal(store_int(st, 0, "SELECT count(*) FROM pragma_table_info('call') "
	                                  "WHERE name = 'nps'", NULL), 1);
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
	char *v = store_meta_get(st, "clinic");
	assert_string_equal(v, "悦颜二店");
	free(v);
	assert_null(store_meta_get(st, "nothing"));
	assert_int_equal(store_int(st, -7, "SELECT NULL", NULL), -7);
	/* A rolled-back transaction leaves nothing. */
	assert_true(store_begin(st));
	assert_true(store_customer_add(st, &c) > 0);
	store_rollback(st);
	assert_int_equal(store_int(st, 0, "SELECT count(*) FROM customer", NULL), 1);
	store_close(st);
}

static void test_apply_and_audit_chain(void **state)
{
	(void)state;
	char p[300], err[HF_ERRLEN] = "";
	path_in(p, sizeof p, "apply.db");
	struct store *st = store_open(p, STORE_CREATE, err, sizeof err);
	assert_non_null(st);
	struct hf_customer c = {0};
	str_copy(c.name, sizeof c.name, "李雪");
	c.birthday = HF_NO_DATE;
	c.created = stamp_make(date_from_ymd(2026, 11, 23), 0);
	hf_id cid = store_customer_add(st, &c);
	hf_stamp now = stamp_make(date_from_ymd(2026, 11, 23), 10 * 60);

	struct decisions d;
	decisions_init(&d);
	struct decision *x = decisions_push(&d, DEC_CREATE_TASK);
	x->task.kind = TASK_CALLBACK;
	x->task.status = TASK_OPEN;
	x->task.step = -1;
	x->task.due = date_from_ymd(2026, 11, 24);
	x->task.due_minute = 15 * 60;
	x->task.window_end = date_from_ymd(2026, 11, 26);
	str_copy(x->task.team, sizeof x->task.team, "postop");
	str_copy(x->task.owner, sizeof x->task.owner, "op_a");
	x = decisions_push(&d, DEC_ESCALATE);
	x->severity = SEV_URGENT;
	x->sla_hours = 2;
	str_copy(x->reason, sizeof x->reason, "发烧");
	x = decisions_push(&d, DEC_SET_CUSTOMER);
	x->flag_phone_invalid = true;
	assert_true(store_begin(st));
	assert_true(store_apply(st, cid, 0, 0, "op_a", now, &d));
	assert_true(store_commit(st));
	decisions_free(&d);

	char *due = store_text(st, "SELECT due_date || ' ' || due_time FROM task", NULL);
	assert_string_equal(due, "2026-11-24 15:00");
	free(due);
	char *sla = store_text(st, "SELECT severity || ' ' || sla_due FROM escalation", NULL);
	assert_string_equal(sla, "urgent 2026-11-23 12:00");
	free(sla);
	assert_int_equal(store_int(st, 0, "SELECT phone_invalid FROM customer", NULL), 1);

	/* Audit rows chain: each prev_hash is the previous row's hash; the hash covers the fields. */
	assert_true(store_audit(st, "op_a", now, "view", "customer", cid, ""));
	assert_true(store_audit(st, "op_a", now, "log", "call", 1, "outcome=reached"));
	assert_int_equal(store_int(st, -1, "SELECT count(*) FROM audit a JOIN audit b ON b.id = a.id + 1 "
	                                   "WHERE b.prev_hash <> a.hash", NULL), 0);
	char *h1 = store_text(st, "SELECT hash FROM audit ORDER BY id DESC LIMIT 1", NULL);
	assert_true(store_exec(st, "UPDATE audit SET detail = 'outcome=refused' WHERE id = 2", NULL));
	assert_true(store_audit(st, "op_a", now, "log", "call", 1, "outcome=refused"));
	char *h2 = store_text(st, "SELECT hash FROM audit ORDER BY id DESC LIMIT 1", NULL);
	assert_string_not_equal(h1, h2);
	assert_int_equal(strlen(h1), 64);
	free(h1);
	free(h2);
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
		cmocka_unit_test(test_apply_and_audit_chain),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
