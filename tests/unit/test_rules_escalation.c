/* test_rules_escalation.c — the ladder of breaches, deadlines by severity, supervisor callbacks. */
#include "test_rules.h"

static void test_ladder(void **state)
{
	/* The built-in ladder: three levels, 4 h a level. */
	static const struct {
		enum hf_esc_status st;
		int level, breached;
		const char *due, *now;
		int nsteps, level_after, breached_after;
		const char *due_after, *last_at;
	} rows[] = {
		{ ESC_OPEN, 0, 0, "2026-11-23 11:30", "2026-11-23 11:30", 0, 0, 0, "2026-11-23 11:30", NULL },
		{ ESC_OPEN, 0, 0, "2026-11-23 11:30", "2026-11-23 11:31", 1, 1, 1, "2026-11-23 15:30", "2026-11-23 11:30" },
		/* Noticed late: every level it missed, from the deadlines, not from now. */
		{ ESC_OPEN, 0, 0, "2026-11-23 11:30", "2026-11-23 19:31", 3, 2, 3, "2026-11-23 19:30", "2026-11-23 19:30" },
		{ ESC_OPEN, 0, 0, "2026-11-23 11:30", "2026-11-23 16:00", 2, 2, 2, "2026-11-23 19:30", "2026-11-23 15:30" },
		/* At the top, recorded once. */
		{ ESC_OPEN, 2, 3, "2026-11-23 19:30", "2026-11-30 09:00", 0, 2, 3, "2026-11-23 19:30", NULL },
		{ ESC_OPEN, 2, 2, "2026-11-23 19:30", "2026-11-23 19:31", 1, 2, 3, "2026-11-23 19:30", "2026-11-23 19:30" },
		/* Acknowledged or resolved: the clock has stopped. */
		{ ESC_ACKNOWLEDGED, 0, 0, "2026-11-23 11:30", "2026-11-30 09:00", 0, 0, 0, "2026-11-23 11:30", NULL },
		{ ESC_RESOLVED, 1, 1, "2026-11-23 11:30", "2026-11-30 09:00", 0, 1, 1, "2026-11-23 11:30", NULL },
	};
	for (size_t i = 0; i < COUNT(rows); i++) {
		struct ladder_state e = { rows[i].st, rows[i].level, rows[i].breached, S(rows[i].due) };
		struct ladder_step steps[8];
		int n = rules_ladder(&cfg, &e, S(rows[i].now), steps, 8);
		if (n != rows[i].nsteps || e.level != rows[i].level_after ||
		    e.breached_levels != rows[i].breached_after || e.sla_due != S(rows[i].due_after))
			fail_msg("row %zu: %d steps, level %d, breached %d", i, n, e.level, e.breached_levels);
		if (n)
			assert_true(steps[n - 1].at == S(rows[i].last_at));
		for (int k = 0; k < n; k++)
			assert_true(steps[k].to >= steps[k].level);
	}
	/* One level only: the breach is recorded, it stays. */
	cfg.nladder = 1;
	struct ladder_state e = { ESC_OPEN, 0, 0, S("2026-11-23 11:30") };
	struct ladder_step steps[4];
	assert_int_equal(rules_ladder(&cfg, &e, S("2026-11-24 09:00"), steps, 4), 1);
	assert_int_equal(steps[0].to, 0);
	assert_int_equal(rules_ladder(&cfg, &e, S("2026-11-25 09:00"), steps, 4), 0);
}

static void test_severity_sla(void **state)
{
	assert_int_equal(rules_severity_sla_hours(&cfg, SEV_URGENT), cfg.risk_sla_hours);
	assert_int_equal(rules_severity_sla_hours(&cfg, SEV_HIGH), cfg.complaint_sla_hours);
	assert_int_equal(rules_severity_sla_hours(&cfg, SEV_NORMAL), cfg.low_score_sla_hours);
}

static void test_callback(void **state)
{
	static const struct { const char *at; bool ok; } rows[] = {
		{ "2026-11-23 09:31", true }, { "2026-11-23 09:30", false }, { "2026-11-23", false },
		{ "2026-11-24", true }, { "2027-11-23", true }, { "2027-11-24", false },
		{ "2026-11-22 18:00", false },
	};
	char err[HF_ERRLEN];
	for (size_t i = 0; i < COUNT(rows); i++) {
		struct outcome_input in = {0};
		assert_true(rules_parse_next(rows[i].at, S("2026-11-23 09:30"), &in));
		if (rules_check_callback(&in, S("2026-11-23 09:30"), err, sizeof err) != rows[i].ok)
			fail_msg("%s: %s", rows[i].at, rows[i].ok ? err : "accepted");
	}
	/* A Saturday off moves to Monday (the clinic's next working day), without its hour. */
	cfg.work_day[6] = cfg.work_day[7] = false;
	struct outcome_input in = {0};
	assert_true(rules_parse_next("2026-11-28 10:00", S("2026-11-23 09:30"), &in));
	struct hf_task_rec t;
	rules_escalation_callback(&cfg, 7, "sup", "service", &in, &t);
	assert_int_equal(t.kind, TASK_CALLBACK);
	assert_date(t.due, "2026-11-30");
	assert_int_equal(t.due_minute, -1);
	assert_string_equal(t.owner, "sup");
	assert_int_equal(t.origin.n, 1);
	assert_int_equal(t.origin.part[0].code, WHY_ESCALATION_CALLBACK);
	char shown[256];
	assert_string_equal(rules_why_text(&cfg, &t.origin, shown, sizeof shown),
	                    "supervisor's callback on escalation 7");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_ladder),
		T(test_severity_sla),
		T(test_callback),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
