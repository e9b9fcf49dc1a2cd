/* test_report.c — the report's groups: which group each fact counts in for each grouping, the
 * groups' order (segments as the rules list them, the group without one last), their names,
 * and the grouping's codes. */
#include <math.h>

#include "test_rules.h"
#include "huifang/report.h"
#include "huifang/str.h"

/* Four tasks due on the day, by facet: a configured segment, another one listed earlier in the
 * rules, a code the rules no longer name, and none. Each called once by op_a, reached. */
static const char *const facets[] = {"new", "champion", "gone_code", ""};
#define NTASKS 4

static struct report_task tasks[NTASKS];
static struct report_call calls[NTASKS];
static struct hf_user op_a;

static void make_input(void)
{
	memset(&op_a, 0, sizeof op_a);
	str_set(op_a.login, sizeof op_a.login, "op_a");
	for (int i = 0; i < NTASKS; i++) {
		memset(&tasks[i], 0, sizeof tasks[i]);
		tasks[i].id = i + 1;
		str_set(tasks[i].team, sizeof tasks[i].team, "postop");
		tasks[i].status = TASK_DONE;
		tasks[i].step = -1;
		str_set(tasks[i].facet, sizeof tasks[i].facet, facets[i]);
		memset(&calls[i], 0, sizeof calls[i]);
		calls[i].task_id = i + 1;
		str_set(calls[i].operator_login, sizeof calls[i].operator_login, "op_a");
		str_set(calls[i].team, sizeof calls[i].team, "postop");
		calls[i].started = S("2026-11-23 09:00") + 10 * i;
		calls[i].ended = calls[i].started + 5;
		str_set(calls[i].outcome, sizeof calls[i].outcome, "reached");
		calls[i].score = i + 2;       /* 2, 3, 4, 5 */
		calls[i].nps = -1;
		str_set(calls[i].facet, sizeof calls[i].facet, facets[i]);
	}
}

/* The day's report by `by`, the facts handed on as the store reads them. */
static void compute(enum report_by by, struct report *r)
{
	report_begin(r, &cfg, REPORT_DAILY, by, D("2026-11-23"), D("2026-11-23"), &op_a, 1, NULL);
	for (int i = 0; i < NTASKS; i++)
		report_add_task_call(r, &calls[i]);
	for (int i = 0; i < NTASKS; i++)
		report_add_task(r, &tasks[i]);
	for (int i = 0; i < NTASKS; i++)
		report_add_call(r, &calls[i]);
	report_end(r);
}

static void test_groups_by_segment(void **state)
{
	(void)state;
	make_input();
	struct report r;
	compute(REPORT_BY_SEGMENT, &r);
	/* The clinic, then the segments: champion before new as the rules list them, a code they
	 * do not name after those, the customers without a segment last. */
	assert_int_equal(r.ngroups, 5);
	const char *want[] = {"", "champion", "new", "gone_code", ""};
	const enum report_scope scope[] = {REPORT_CLINIC, REPORT_OF_SEGMENT, REPORT_OF_SEGMENT,
	                                   REPORT_OF_SEGMENT, REPORT_OF_SEGMENT};
	for (size_t i = 0; i < r.ngroups; i++) {
		assert_int_equal(r.groups[i].scope, scope[i]);
		assert_string_equal(r.groups[i].name, want[i]);
	}
	/* Each group's figures are its own facts: champion had the score 3, new the 2. */
	assert_int_equal(r.groups[0].due, 4);
	assert_int_equal(r.groups[0].score_sum, 14);
	assert_int_equal(r.groups[1].due, 1);
	assert_int_equal(r.groups[1].score_n[3], 1);
	assert_int_equal(r.groups[2].score_n[2], 1);
	assert_int_equal(r.groups[4].score_n[5], 1);
	/* Working time is a team's and an operator's: the clinic's only. */
	assert_true(r.groups[0].hours > 0);
	for (size_t i = 1; i < r.ngroups; i++)
		assert_true(r.groups[i].hours == 0);
	/* Names as a person reads them (untranslated in the tests). */
	assert_string_equal(report_group_name(&cfg, &r.groups[0]), "whole clinic");
	assert_string_equal(report_group_name(&cfg, &r.groups[1]), "重要价值");
	assert_string_equal(report_group_name(&cfg, &r.groups[3]), "gone_code");
	assert_string_equal(report_group_name(&cfg, &r.groups[4]), "no segment");
	report_free(&r);
}

static void test_groups_by_staff_and_doctor(void **state)
{
	(void)state;
	make_input();
	const struct {
		enum report_by by;
		size_t ngroups;
		enum report_scope second;
	} rows[] = {
		{REPORT_BY_STAFF, 3, REPORT_OF_TEAM},        /* the clinic, postop, op_a */
		{REPORT_BY_TEAM, 2, REPORT_OF_TEAM},
		{REPORT_BY_OPERATOR, 2, REPORT_OF_OPERATOR},
		{REPORT_BY_DOCTOR, 5, REPORT_OF_DOCTOR},     /* the facets read as doctors here */
		{REPORT_BY_TREATMENT, 5, REPORT_OF_TREATMENT},
	};
	for (size_t i = 0; i < COUNT(rows); i++) {
		struct report r;
		compute(rows[i].by, &r);
		if (r.ngroups != rows[i].ngroups || r.groups[1].scope != rows[i].second)
			fail_msg("row %zu: %zu groups, the second of scope %d", i, r.ngroups,
			         (int)r.groups[1].scope);
		int due = 0;
		for (size_t g = 1; g < r.ngroups; g++)
			due += r.groups[g].scope == rows[i].second ? r.groups[g].due : 0;
		assert_int_equal(due, 4);
		/* By name, the group without a doctor or treatment last. */
		if (rows[i].by == REPORT_BY_DOCTOR) {
			assert_string_equal(r.groups[1].name, "champion");
			assert_string_equal(r.groups[4].name, "");
			assert_string_equal(report_group_name(&cfg, &r.groups[4]), "no doctor");
		}
		report_free(&r);
	}
}

/* One call of the week's, as the store hands it on. */
static struct report_call week_call(hf_id task, const char *login, const char *start, int minutes,
                                    const char *outcome)
{
	struct report_call c = {.task_id = task, .score = 0, .nps = -1};
	str_set(c.operator_login, sizeof c.operator_login, login);
	str_set(c.team, sizeof c.team, "postop");
	c.started = S(start);
	c.ended = c.started + minutes;
	str_set(c.outcome, sizeof c.outcome, outcome);
	return c;
}

/* The facts as they stream in: a pool task is the last caller's and reached when any call
 * reached, a task without calls was not attempted, and working time is per operator and day
 * even when a day's call comes after a later day's. */
static void test_streamed_tasks_and_working_time(void **state)
{
	(void)state;
	struct hf_user users[2] = {0};
	str_set(users[0].login, sizeof users[0].login, "op_a");
	str_set(users[1].login, sizeof users[1].login, "op_b");
	struct report_task pool = {.id = 1, .status = TASK_DONE, .step = -1};
	struct report_task owned = {.id = 2, .status = TASK_MISSED, .step = 1};
	str_set(pool.team, sizeof pool.team, "postop");
	str_set(owned.team, sizeof owned.team, "postop");
	str_set(owned.owner, sizeof owned.owner, "op_a");
	str_set(owned.script, sizeof owned.script, "day3");
	const struct report_call pool_calls[] = {
		week_call(1, "op_a", "2026-11-23 09:00", 5, "no_answer"),
		week_call(1, "op_b", "2026-11-23 10:00", 5, "reached"),
	};
	const struct report_call made[] = {
		pool_calls[0], pool_calls[1],
		week_call(0, "op_a", "2026-11-24 09:00", 150, "no_answer"),
		week_call(0, "op_a", "2026-11-23 15:00", 10, "no_answer"),
	};
	struct report r;
	report_begin(&r, &cfg, REPORT_WEEKLY, REPORT_BY_OPERATOR, D("2026-11-23"), D("2026-11-29"),
	             users, 2, NULL);
	for (size_t i = 0; i < COUNT(pool_calls); i++)
		report_add_task_call(&r, &pool_calls[i]);
	report_add_task(&r, &owned);
	report_add_task(&r, &pool);
	for (size_t i = 0; i < COUNT(made); i++)
		report_add_call(&r, &made[i]);
	report_end(&r);
	assert_int_equal(r.ngroups, 3);
	const struct report_figures *clinic = &r.groups[0], *a = &r.groups[1], *b = &r.groups[2];
	assert_string_equal(a->name, "op_a");
	assert_string_equal(b->name, "op_b");
	assert_int_equal(clinic->due, 2);
	assert_int_equal(clinic->attempted, 1);
	assert_int_equal(clinic->reached, 1);
	/* The pool task is op_b's (the last call), the owned one op_a's. */
	assert_int_equal(b->due, 1);
	assert_int_equal(b->reached, 1);
	assert_int_equal(a->due, 1);
	assert_int_equal(a->attempted, 0);
	assert_int_equal(a->missed, 1);
	assert_int_equal(r.nsteps, 1);
	assert_string_equal(r.steps[0].key, "day3");
	/* op_a: Monday 09:00 to 15:10, Tuesday 2.5 h; op_b: its one call, counted as 1 h. */
	assert_true(fabs(a->hours - (370.0 / 60 + 2.5)) < 1e-9);
	assert_true(fabs(b->hours - 1.0) < 1e-9);
	assert_true(fabs(clinic->hours - (370.0 / 60 + 2.5 + 1.0)) < 1e-9);
	assert_int_equal(clinic->calls, 4);
	assert_int_equal(r.days[0].calls, 3);
	assert_int_equal(r.days[1].calls, 1);
	report_free(&r);
}

static void test_by_codes(void **state)
{
	(void)state;
	enum report_by by;
	const char *codes[] = {"team", "operator", "doctor", "treatment", "segment"};
	for (size_t i = 0; i < COUNT(codes); i++) {
		assert_true(report_by_from_code(codes[i], &by));
		assert_string_equal(report_by_code(by), codes[i]);
	}
	assert_false(report_by_from_code("", &by));
	assert_false(report_by_from_code("Doctor", &by));
	assert_false(report_by_from_code(NULL, &by));
	assert_string_equal(report_by_code(REPORT_BY_STAFF), "");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_groups_by_segment),
		T(test_groups_by_staff_and_doctor),
		T(test_streamed_tasks_and_working_time),
		T(test_by_codes),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
