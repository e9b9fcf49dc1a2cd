/* test_columns.c — the column models: well formed, and each value as a code, a label and on
 * screen. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "huifang/columns.h"
#include "huifang/date.h"
#include "huifang/str.h"

static struct hf_config *cfg;

static int setup(void **state)
{
	cfg = malloc(sizeof *cfg);
	config_defaults(cfg);
	return 0;
}

static int teardown(void **state)
{
	free(cfg);
	return 0;
}

static const struct col_model *const models[] = {&col_tasks, &col_escalations, &col_customers,
                                                 &col_calls, &col_users, &col_audit};

/* Every model: unique snake_case codes, a heading and a value for each column, some columns in
 * the data formats and in the table, and a width the console can use. */
static void test_models_well_formed(void **state)
{
	for (size_t m = 0; m < sizeof models / sizeof models[0]; m++) {
		const struct col_model *mod = models[m];
		int idx[64], data = col_pick(mod, COL_IN_DATA, NULL, idx),
		    table = col_pick(mod, COL_IN_TABLE, NULL, idx);
		if (data == 0 || table == 0)
			fail_msg("%s: %d data and %d table columns", mod->entity, data, table);
		for (int c = 0; c < mod->ncols; c++) {
			const struct col_def *d = &mod->cols[c];
			if (!d->value || !d->header || !*d->header || !d->in)
				fail_msg("%s.%s is incomplete", mod->entity, d->code);
			for (const char *p = d->code; *p; p++)
				if (!((*p >= 'a' && *p <= 'z') || *p == '_'))
					fail_msg("%s.%s: a code is snake_case", mod->entity, d->code);
			if (col_index(mod, d->code) != c)
				fail_msg("%s.%s: a code appears twice", mod->entity, d->code);
			if (d->width <= 0 && d->min <= 0)
				fail_msg("%s.%s: neither a width nor a minimum", mod->entity, d->code);
		}
		assert_int_equal(col_index(mod, "no_such_column"), -1);
	}
}

/* value STR: the cell of column `code` of rec in form. */
static const char *value(const struct col_model *m, const char *code, const void *rec,
                         const struct col_env *env, enum col_form form, bool *attention)
{
	static char buf[256];
	int c = col_index(m, code);
	assert_true(c >= 0);
	bool a = col_value(m, c, rec, env, form, buf, sizeof buf);
	if (attention)
		*attention = a;
	return buf;
}

static void test_task_values(void **state)
{
	struct col_env env = {cfg, stamp_make(date_from_ymd(2026, 11, 23), 9 * 60), false, NULL, 0};
	struct hf_task k = {0};
	k.t.id = 42;
	k.t.kind = TASK_WINBACK;
	k.t.status = TASK_OPEN;
	k.t.due = date_from_ymd(2026, 11, 20);
	k.t.due_minute = 14 * 60 + 5;
	k.t.attempts = 1;
	k.customer_id = 7;
	str_copy(k.customer_name, sizeof k.customer_name, "张晓梅");
	str_copy(k.last_outcome, sizeof k.last_outcome, "no_answer");
	k.overdue = true;
	bool a;
	assert_string_equal(value(&col_tasks, "due", &k, &env, COL_CODE, &a), "2026-11-20 14:05");
	assert_true(a);
	assert_string_equal(value(&col_tasks, "due", &k, &env, COL_LABEL, NULL), "!2026-11-20 14:05");
	assert_string_equal(value(&col_tasks, "due", &k, &env, COL_SCREEN, NULL), "!11-20 14:05");
	k.overdue = false;
	k.t.due_minute = -1;
	assert_string_equal(value(&col_tasks, "due", &k, &env, COL_SCREEN, &a), " 11-20");
	assert_false(a);
	assert_string_equal(value(&col_tasks, "due", &k, &env, COL_LABEL, NULL), "2026-11-20");
	assert_string_equal(value(&col_tasks, "kind", &k, &env, COL_CODE, NULL), "winback");
	assert_string_equal(value(&col_tasks, "kind", &k, &env, COL_LABEL, NULL), "why they left");
	assert_string_equal(value(&col_tasks, "last_outcome", &k, &env, COL_CODE, NULL), "no_answer");
	assert_string_equal(value(&col_tasks, "last_outcome", &k, &env, COL_LABEL, NULL), "No answer");
	assert_string_equal(value(&col_tasks, "last_outcome", &k, &env, COL_SCREEN, NULL), "No answer");
	assert_string_equal(value(&col_tasks, "attempt", &k, &env, COL_LABEL, NULL), "2/3");
	assert_string_equal(value(&col_tasks, "attempts", &k, &env, COL_CODE, NULL), "1");
	assert_string_equal(value(&col_tasks, "owner", &k, &env, COL_CODE, NULL), "");
	assert_string_equal(value(&col_tasks, "owner", &k, &env, COL_LABEL, NULL), "-");
	assert_string_equal(value(&col_tasks, "status", &k, &env, COL_CODE, NULL), "open");
	assert_string_equal(value(&col_tasks, "customer_id", &k, &env, COL_CODE, NULL), "7");
	/* The kind column grows to its longest label. */
	int kind = col_index(&col_tasks, "kind");
	assert_int_equal(col_widest(&col_tasks, kind, &env), 13);  /* "why they left" */
	assert_int_equal(col_widest(&col_tasks, col_index(&col_tasks, "due"), &env), 12);
	/* No record, no text. */
	char buf[8] = "x";
	assert_false(col_value(&col_tasks, kind, NULL, &env, COL_LABEL, buf, sizeof buf));
	assert_string_equal(buf, "");
}

static void test_escalation_values(void **state)
{
	hf_stamp nine = stamp_make(date_from_ymd(2026, 11, 23), 9 * 60);
	struct col_env env = {cfg, nine, false, NULL, 0};
	struct hf_escalation e = {0};
	e.id = 3;
	e.severity = SEV_URGENT;
	e.status = ESC_OPEN;
	e.sla_due = nine + 60;
	bool a;
	assert_string_equal(value(&col_escalations, "status", &e, &env, COL_CODE, &a), "open");
	assert_false(a);
	assert_string_equal(value(&col_escalations, "severity", &e, &env, COL_LABEL, NULL), "urgent");
	env.now = nine + 61;
	assert_string_equal(value(&col_escalations, "status", &e, &env, COL_CODE, &a), "breached");
	assert_true(a);
	value(&col_escalations, "sla_due", &e, &env, COL_CODE, &a);
	assert_true(a);
	e.status = ESC_ACKNOWLEDGED;
	assert_string_equal(value(&col_escalations, "status", &e, &env, COL_CODE, &a), "acknowledged");
	assert_false(a);
}

static void test_customer_and_call_values(void **state)
{
	struct col_env env = {cfg, 0, false, NULL, 0};
	struct hf_customer c = {0};
	c.id = 9;
	str_copy(c.phone, sizeof c.phone, "13800001234");
	str_copy(c.gender, sizeof c.gender, "F");
	c.birthday = date_from_ymd(1990, 5, 6);
	c.created = HF_NO_STAMP;
	c.do_not_call = true;
	assert_string_equal(value(&col_customers, "phone", &c, &env, COL_CODE, NULL), "138****1234");
	env.reveal = true;
	assert_string_equal(value(&col_customers, "phone", &c, &env, COL_CODE, NULL), "13800001234");
	assert_string_equal(value(&col_customers, "gender", &c, &env, COL_CODE, NULL), "F");
	assert_string_equal(value(&col_customers, "gender", &c, &env, COL_LABEL, NULL), "female");
	assert_string_equal(value(&col_customers, "birthday", &c, &env, COL_CODE, NULL), "1990-05-06");
	assert_string_equal(value(&col_customers, "created", &c, &env, COL_CODE, NULL), "");
	assert_string_equal(value(&col_customers, "do_not_call", &c, &env, COL_CODE, NULL), "yes");
	assert_string_equal(value(&col_customers, "phone_invalid", &c, &env, COL_CODE, NULL), "no");
	assert_string_equal(value(&col_customers, "consultant", &c, &env, COL_LABEL, NULL), "-");

	struct hf_call call = {0};
	str_copy(call.outcome, sizeof call.outcome, "wrong_number");
	call.next = HF_NO_STAMP;
	call.nps = -1;
	assert_string_equal(value(&col_calls, "outcome", &call, &env, COL_CODE, NULL), "wrong_number");
	assert_string_equal(value(&col_calls, "outcome", &call, &env, COL_LABEL, NULL), "Wrong number");
	assert_string_equal(value(&col_calls, "score", &call, &env, COL_CODE, NULL), "");
	call.score = 4;
	assert_string_equal(value(&col_calls, "score", &call, &env, COL_CODE, NULL), "4");
	assert_string_equal(value(&col_calls, "score", &call, &env, COL_LABEL, NULL), "4/5");
	assert_string_equal(value(&col_calls, "nps", &call, &env, COL_CODE, NULL), "");
	assert_string_equal(value(&col_calls, "nps", &call, &env, COL_LABEL, NULL), "-");
	call.nps = 9;
	assert_string_equal(value(&col_calls, "nps", &call, &env, COL_CODE, NULL), "9");
	assert_string_equal(value(&col_calls, "nps", &call, &env, COL_LABEL, NULL), "9/10");
	assert_string_equal(value(&col_calls, "note", &call, &env, COL_CODE, NULL), "");
	assert_string_equal(value(&col_calls, "next", &call, &env, COL_CODE, NULL), "");
}

/* The calls' dimension columns: one per dimension of the rules, in their order, named by the
 * dimension's code in the data and its name in the table. */
static void test_call_dimension_columns(void **state)
{
	struct col_env env = {cfg, 0, false, NULL, 0};
	int idx[COL_PICK_MAX(&col_calls)], n = col_pick(&col_calls, COL_IN_DATA, &env, idx);
	char codes[512] = "", buf[64];
	for (int i = 0; i < n; i++)
		snprintf(codes + strlen(codes), sizeof codes - strlen(codes), "%s ",
		         col_code(&col_calls, idx[i], &env, buf, sizeof buf));
	assert_string_equal(codes, "id started ended customer_id task_id operator outcome score "
	                           "score_attitude score_expertise score_facilities score_results nps "
	                           "next complaint note ");
	/* Without the rules, no dimension column. */
	assert_int_equal(col_pick(&col_calls, COL_IN_DATA, NULL, idx), n - 4);
	n = col_pick(&col_calls, COL_IN_TABLE, &env, idx);
	int first = 0;
	while (first < n && col_def_of(&col_calls, idx[first]) != &col_calls.cols[col_index(&col_calls, "score_")])
		first++;
	assert_string_equal(col_header(&col_calls, idx[first], &env), "Attitude");
	assert_string_equal(col_header(&col_calls, idx[first + 3], &env), "Results");
	assert_string_equal(col_header(&col_calls, idx[first - 1], &env), "score");

	struct hf_call call = {0};
	call.nps = -1;
	call.next = HF_NO_STAMP;
	call.ndims = 2;
	str_copy(call.dims[0].code, sizeof call.dims[0].code, "attitude");
	call.dims[0].score = 5;
	str_copy(call.dims[1].code, sizeof call.dims[1].code, "results");
	call.dims[1].score = 2;
	static const struct { int k; const char *code, *label; } rows[] = {
		{0, "5", "5/5"}, {1, "", "-"}, {2, "", "-"}, {3, "2", "2/5"},
	};
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		int c = idx[first + rows[i].k];
		char v[16];
		col_value(&col_calls, c, &call, &env, COL_CODE, v, sizeof v);
		assert_string_equal(v, rows[i].code);
		col_value(&col_calls, c, &call, &env, COL_LABEL, v, sizeof v);
		assert_string_equal(v, rows[i].label);
	}
	/* Fewer dimensions in the rules than the column was picked for: no value. */
	struct hf_config fewer = *cfg;
	fewer.ndimensions = 1;
	struct col_env env1 = {&fewer, 0, false, NULL, 0};
	char v[16] = "x";
	assert_false(col_value(&col_calls, idx[first + 3], &call, &env1, COL_CODE, v, sizeof v));
	assert_string_equal(v, "");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_models_well_formed),
		cmocka_unit_test(test_task_values),
		cmocka_unit_test(test_escalation_values),
		cmocka_unit_test(test_customer_and_call_values),
		cmocka_unit_test(test_call_dimension_columns),
	};
	return cmocka_run_group_tests_name("columns", tests, setup, teardown);
}
