/* test_apply.c — the service on a real SQLite file: decisions written as records, failures told. */
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
#include "huifang/service.h"
#include "huifang/str.h"
#include "tmpdir.h"

static void test_apply(void **state)
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
	str_copy(why_add(&x->reason, WHY_RISK_WORD)->text, HF_WHY_TEXT_MAX, "发烧");
	x = decisions_push(&d, DEC_SET_CUSTOMER);
	x->flag_phone_invalid = true;
	assert_true(store_begin(st));
	assert_true(svc_apply(st, cid, 0, 0, "op_a", now, &d));
	assert_true(store_commit(st));
	decisions_free(&d);

	char *due = DB_TEXT(st, "SELECT due_date || ' ' || due_time FROM task", NULL);
	assert_string_equal(due, "2026-11-24 15:00");
	free(due);
	char *sla = DB_TEXT(st, "SELECT severity || ' ' || sla_due FROM escalation", NULL);
	assert_string_equal(sla, "urgent 2026-11-23 12:00");
	free(sla);
	assert_int_equal(DB_INT(st, "SELECT phone_invalid FROM customer", NULL), 1);

	struct hf_task_rec back[2];
	struct hf_task_rec *tasks;
	size_t n;
	assert_true(store_customer_tasks(st, cid, &tasks, &n));
	assert_int_equal(n, 1);
	back[0] = tasks[0];
	free(tasks);
	assert_string_equal(back[0].owner, "op_a");
	assert_int_equal(back[0].kind, TASK_CALLBACK);

	/* An update rewrites the task; a carrier created in the same list is linked by its new id. */
	decisions_init(&d);
	x = decisions_push(&d, DEC_CREATE_TASK);
	x->task.kind = TASK_FOLLOWUP;
	x->task.due = date_from_ymd(2026, 11, 25);
	str_copy(x->task.team, sizeof x->task.team, "postop");
	x = decisions_push(&d, DEC_UPDATE_TASK);
	x->task = back[0];
	x->task.status = TASK_MERGED;
	x->carrier = 0;
	assert_true(store_begin(st));
	assert_true(svc_apply(st, cid, back[0].id, 0, "op_a", now, &d));
	assert_true(store_commit(st));
	decisions_free(&d);
	char *merged = DB_TEXT(st, "SELECT status || ' ' || (merged_into = (SELECT max(id) FROM task)) "
	                              "|| ' ' || touched_at FROM task WHERE id = :id",
	                          ":id", 'i', (long long)back[0].id, NULL);
	assert_string_equal(merged, "merged 1 2026-11-23 10:00");
	free(merged);
	store_close(st);
}

/* A claim whose commit fails says why (a deferred foreign key the commit checks). */
static void test_claim_failed_commit_says_why(void **state)
{
	(void)state;
	char p[300], err[HF_ERRLEN] = "";
	path_in(p, sizeof p, "claim.db");
	struct hf_ctx ctx = {0};
	config_defaults(&ctx.cfg);
	ctx.st = store_open(p, STORE_CREATE, err, sizeof err);
	assert_non_null(ctx.st);
	str_copy(ctx.login, sizeof ctx.login, "sup");
	ctx.me.role = ROLE_SUPERVISOR;
	ctx.me_known = true;
	ctx.now = stamp_make(date_from_ymd(2026, 11, 23), 10 * 60);
	struct hf_customer c = {0};
	str_copy(c.name, sizeof c.name, "李雪");
	c.birthday = HF_NO_DATE;
	hf_id cid = store_customer_add(ctx.st, &c);
	struct hf_task_rec t;
	task_rec_init(&t);
	t.due = date_from_ymd(2026, 11, 23);
	str_copy(t.team, sizeof t.team, "postop");
	hf_id task = store_task_insert(ctx.st, cid, &t, ctx.now);
	assert_true(task > 0);
	assert_int_equal(svc_claim(&ctx, task, err, sizeof err), HF_OK);
	assert_true(store_exec(ctx.st,
	    "CREATE TABLE trap(c INTEGER REFERENCES customer(id) DEFERRABLE INITIALLY DEFERRED)", NULL));
	assert_true(store_exec(ctx.st, "CREATE TRIGGER trap AFTER UPDATE OF claimed_by ON task "
	                               "BEGIN INSERT INTO trap VALUES (424242); END", NULL));
	err[0] = 0;
	assert_int_equal(svc_claim(&ctx, task, err, sizeof err), HF_EFAIL);
	assert_non_null(strstr(err, "FOREIGN KEY"));
	/* Nothing of the failed claim stays: no half transaction, the trap row rolled back. */
	assert_int_equal(DB_INT(ctx.st, "SELECT count(*) FROM trap", NULL), 0);
	/* A missing task is "no task", a failed read is the failure. */
	assert_int_equal(svc_claim(&ctx, 9999, err, sizeof err), HF_EUSAGE);
	assert_string_equal(err, "no task 9999");
	store_close(ctx.st);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_apply),
		cmocka_unit_test(test_claim_failed_commit_says_why),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
