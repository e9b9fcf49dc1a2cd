/* test_apply.c — the rules' decisions written as records on a real SQLite file. */
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

	char *due = store_text(st, "SELECT due_date || ' ' || due_time FROM task", NULL);
	assert_string_equal(due, "2026-11-24 15:00");
	free(due);
	char *sla = store_text(st, "SELECT severity || ' ' || sla_due FROM escalation", NULL);
	assert_string_equal(sla, "urgent 2026-11-23 12:00");
	free(sla);
	assert_int_equal(store_int(st, 0, "SELECT phone_invalid FROM customer", NULL), 1);

	struct hf_task_rec back[2];
	struct hf_task_rec *tasks;
	assert_int_equal(store_customer_tasks(st, cid, &tasks), 1);
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
	char *merged = store_text(st, "SELECT status || ' ' || (merged_into = (SELECT max(id) FROM task)) "
	                              "|| ' ' || touched_at FROM task WHERE id = :id",
	                          ":id", 'i', (long long)back[0].id, NULL);
	assert_string_equal(merged, "merged 1 2026-11-23 10:00");
	free(merged);
	store_close(st);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_apply),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
