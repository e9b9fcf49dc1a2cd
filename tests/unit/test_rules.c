/* test_rules.c — the calendar, curves, risk words, SLA breach and logging outcomes. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "huifang/config.h"
#include "huifang/date.h"
#include "huifang/rules.h"
#include "test_rules.h"

/* ---- calendar ------------------------------------------------------------------------- */

static void test_weekday_anchor(void **state)
{
	/* The dates below are chosen by weekday; make sure the anchor is right. */
	assert_int_equal(date_weekday(D("2026-05-04")), 1);
	assert_int_equal(date_weekday(D("2026-05-09")), 6);
	assert_int_equal(date_weekday(D("2026-11-20")), 5);
}

static void test_next_work_day_weekdays_and_holidays(void **state)
{
	static const struct { const char *day, *want; } rows[] = {
		{ "2026-05-04", "2026-05-04" }, /* Monday */
		{ "2026-05-08", "2026-05-08" }, /* Friday */
		{ "2026-05-09", "2026-05-11" }, /* Saturday */
		{ "2026-05-10", "2026-05-11" }, /* Sunday */
		{ "2026-09-30", "2026-09-30" }, /* the day before the holidays */
		{ "2026-10-01", "2026-10-08" }, /* national holidays through the 7th */
		{ "2026-10-04", "2026-10-08" },
		{ "2026-12-31", "2026-12-31" }, /* Thursday */
		{ "2027-01-01", "2027-01-04" }, /* a holiday Friday, then the weekend */
	};
	weekdays_only();
	holiday_range("2026-10-01", 7);
	holiday_range("2027-01-01", 1);
	for (size_t i = 0; i < COUNT(rows); i++)
		assert_date(rules_next_work_day(&cfg, D(rows[i].day)), rows[i].want);
}

static void test_next_work_day_default_every_day(void **state)
{
	for (hf_date d = D("2026-05-01"); d < D("2026-05-15"); d++)
		assert_int_equal(rules_next_work_day(&cfg, d), d);
}

static void test_next_work_day_without_any_work_day_terminates(void **state)
{
	for (int i = 1; i <= 7; i++)
		cfg.work_day[i] = false;
	assert_int_equal(rules_next_work_day(&cfg, D("2026-05-04")), D("2026-05-04"));
}

static void test_next_work_time_hours_boundaries(void **state)
{
	static const struct { const char *t, *want; } rows[] = {
		{ "2026-05-04 00:00", "2026-05-04 09:00" }, /* before opening: opening that day */
		{ "2026-05-04 08:59", "2026-05-04 09:00" },
		{ "2026-05-04 09:00", "2026-05-04 09:00" }, /* opening itself */
		{ "2026-05-04 13:27", "2026-05-04 13:27" },
		{ "2026-05-04 19:59", "2026-05-04 19:59" }, /* last minute */
		{ "2026-05-04 20:00", "2026-05-05 09:00" }, /* closing: next working day */
		{ "2026-05-04 23:59", "2026-05-05 09:00" },
		{ "2026-05-08 20:00", "2026-05-11 09:00" }, /* Friday evening: Monday */
		{ "2026-05-09 10:00", "2026-05-11 09:00" }, /* Saturday: Monday's opening */
		{ "2026-05-10 06:00", "2026-05-11 09:00" }, /* Sunday early */
	};
	weekdays_only();
	for (size_t i = 0; i < COUNT(rows); i++)
		assert_stamp(rules_next_work_time(&cfg, S(rows[i].t)), S(rows[i].want));
}

static void test_next_work_time_holidays(void **state)
{
	static const struct { const char *t, *want; } rows[] = {
		{ "2026-04-30 19:00", "2026-04-30 19:00" },
		{ "2026-04-30 21:00", "2026-05-06 09:00" }, /* May 1-5 off */
		{ "2026-05-01 10:00", "2026-05-06 09:00" },
		{ "2026-05-05 19:00", "2026-05-06 09:00" },
		{ "2026-05-06 08:00", "2026-05-06 09:00" },
	};
	holiday_range("2026-05-01", 5);
	for (size_t i = 0; i < COUNT(rows); i++)
		assert_stamp(rules_next_work_time(&cfg, S(rows[i].t)), S(rows[i].want));
}

static void test_next_work_time_other_hours(void **state)
{
	cfg.open_minute = 8 * 60 + 30;
	cfg.close_minute = 17 * 60 + 30;
	assert_stamp(rules_next_work_time(&cfg, S("2026-05-04 08:00")), S("2026-05-04 08:30"));
	assert_stamp(rules_next_work_time(&cfg, S("2026-05-04 17:29")), S("2026-05-04 17:29"));
	assert_stamp(rules_next_work_time(&cfg, S("2026-05-04 17:30")), S("2026-05-05 08:30"));
	assert_stamp(rules_next_work_time(&cfg, HF_NO_STAMP), HF_NO_STAMP);
}

/* ---- curves --------------------------------------------------------------------------- */

struct want_call {
	const char *due, *window_end, *script, *team, *offset;
};

static void check_schedule(enum hf_visit_kind kind, const char *treatment, const char *visit,
                           const char *course_end, const struct want_call *want, int nwant)
{
	struct planned_call calls[HF_MAX_STEPS];
	int n = rules_schedule(&cfg, kind, treatment, D(visit), course_end ? D(course_end) : HF_NO_DATE,
	                       calls, HF_MAX_STEPS);
	if (n != nwant)
		fail_msg("%s %s %s: %d calls, want %d", visit_kind_code(kind), treatment ? treatment : "",
		         visit, n, nwant);
	for (int i = 0; i < n; i++) {
		assert_date(calls[i].due, want[i].due);
		if (want[i].window_end)
			assert_date(calls[i].window_end, want[i].window_end);
		if (want[i].script)
			assert_string_equal(calls[i].script, want[i].script);
		if (want[i].team)
			assert_string_equal(calls[i].team, want[i].team);
		if (want[i].offset)
			assert_string_equal(calls[i].offset, want[i].offset);
	}
}

static void test_curve_surgery_default(void **state)
{
	static const struct want_call want[] = {
		{ "2026-11-21", "2026-11-22", "surgery.d1", "postop", "+1d" },
		{ "2026-11-23", "2026-11-25", "surgery.d3", "postop", "+3d" },
		{ "2026-11-27", "2026-11-30", "surgery.d7", "postop", "+7d" },
		{ "2026-12-20", "2026-12-27", "surgery.m1", "postop", "+1m" },
		{ "2027-02-20", "2027-02-27", "surgery.m3", "postop", "+3m" },
	};
	check_schedule(VISIT_SURGERY, "隆鼻", "2026-11-20", NULL, want, COUNT(want));
	check_schedule(VISIT_SURGERY, NULL, "2026-11-20", NULL, want, COUNT(want));
	check_schedule(VISIT_SURGERY, "not in the config", "2026-11-20", NULL, want, COUNT(want));
}

static void test_curve_month_ends_and_leap_years(void **state)
{
	static const struct { const char *visit, *m1, *m3; } rows[] = {
		{ "2026-01-31", "2026-02-28", "2026-04-30" }, /* common year */
		{ "2028-01-31", "2028-02-29", "2028-04-30" }, /* leap year */
		{ "2027-11-30", "2027-12-30", "2028-02-29" }, /* +3m lands on a leap day */
		{ "2025-11-30", "2025-12-30", "2026-02-28" },
		{ "2026-03-31", "2026-04-30", "2026-06-30" },
		{ "2026-12-31", "2027-01-31", "2027-03-31" }, /* over the year end */
		{ "2100-01-31", "2100-02-28", "2100-04-30" }, /* 2100 is not a leap year */
	};
	for (size_t i = 0; i < COUNT(rows); i++) {
		struct planned_call calls[HF_MAX_STEPS];
		int n = rules_schedule(&cfg, VISIT_SURGERY, NULL, D(rows[i].visit), HF_NO_DATE, calls,
		                       HF_MAX_STEPS);
		assert_int_equal(n, 5);
		assert_date(calls[3].nominal, rows[i].m1);
		assert_date(calls[4].nominal, rows[i].m3);
	}
}

static void test_curve_consult_default(void **state)
{
	static const struct want_call want[] = {
		{ "2026-05-07", "2026-05-09", "consult.d3", "consult", "+3d" },
		{ "2026-05-11", "2026-05-14", "consult.d7", "consult", "+7d" },
	};
	check_schedule(VISIT_CONSULT, NULL, "2026-05-04", NULL, want, COUNT(want));
}

static void test_curve_course_counts_from_course_end(void **state)
{
	static const struct want_call ended[] = {
		{ "2026-04-17", "2026-04-20", "course.d7", "aesthetic", "+7d" },
	};
	static const struct want_call open[] = {
		{ "2026-03-08", "2026-03-11", "course.d7", "aesthetic", "+7d" },
	};
	check_schedule(VISIT_COURSE, "光子嫩肤", "2026-03-01", "2026-04-10", ended, 1);
	check_schedule(VISIT_COURSE, "光子嫩肤", "2026-03-01", NULL, open, 1);
}

static void test_curve_discharge_default(void **state)
{
	static const struct want_call want[] = {
		{ "2026-05-07", "2026-05-09", "discharge.d3", "service", "+3d" },
	};
	check_schedule(VISIT_DISCHARGE, NULL, "2026-05-04", NULL, want, 1);
}

static void test_curve_injection_before_effect_ends(void **state)
{
	/* 玻尿酸 lasts 9 months: the reminder is due a month before, 8 months after. */
	static const struct want_call hyaluronic[] = {
		{ "2026-09-15", "2026-09-29", "injection.repurchase", "consultant", "-1m" },
	};
	static const struct want_call botox[] = { { "2026-04-30", NULL, NULL, NULL, "-1m" } };
	/* 水光针 lasts a month, no longer than the lead time: reminded when it wears off. */
	static const struct want_call booster[] = { { "2026-02-15", NULL, NULL, NULL, "-1m" } };
	check_schedule(VISIT_INJECTION, "玻尿酸", "2026-01-15", NULL, hyaluronic, 1);
	check_schedule(VISIT_INJECTION, "瘦脸针", "2026-01-31", NULL, botox, 1);
	check_schedule(VISIT_INJECTION, "水光针", "2026-01-15", NULL, booster, 1);
	/* Unknown effect: the offset counts from the visit, and a call before it is dropped. */
	check_schedule(VISIT_INJECTION, "unknown filler", "2026-01-15", NULL, NULL, 0);
}

static void test_curve_double_eyelid_has_suture_removal(void **state)
{
	static const struct want_call want[] = {
		{ "2026-05-05", "2026-05-06", "eyelid.d1", "postop", "+1d" },
		{ "2026-05-07", "2026-05-09", "eyelid.d3", "postop", "+3d" },
		{ "2026-05-10", "2026-05-11", "eyelid.d6", "postop", "+6d" },
		{ "2026-06-04", "2026-06-11", "eyelid.m1", "postop", "+1m" },
		{ "2026-08-04", "2026-08-11", "eyelid.m3", "postop", "+3m" },
		{ "2026-11-04", "2026-11-18", "eyelid.m6", "postop", "+6m" },
	};
	check_schedule(VISIT_SURGERY, "双眼皮", "2026-05-04", NULL, want, COUNT(want));
}

static void test_curve_due_moves_to_working_day(void **state)
{
	weekdays_only();
	/* Friday surgery: +1d is Saturday, due Monday; the window counts from the due day. */
	static const struct want_call want[] = {
		{ "2026-11-23", "2026-11-24", NULL, NULL, "+1d" },
		{ "2026-11-23", "2026-11-25", NULL, NULL, "+3d" },
		{ "2026-11-27", "2026-11-30", NULL, NULL, "+7d" },
		{ "2026-12-21", "2026-12-28", NULL, NULL, "+1m" }, /* Sunday the 20th */
		{ "2027-02-22", "2027-03-01", NULL, NULL, "+3m" }, /* Saturday the 20th */
	};
	check_schedule(VISIT_SURGERY, NULL, "2026-11-20", NULL, want, COUNT(want));
	struct planned_call calls[HF_MAX_STEPS];
	rules_schedule(&cfg, VISIT_SURGERY, NULL, D("2026-11-20"), HF_NO_DATE, calls, HF_MAX_STEPS);
	assert_date(calls[0].nominal, "2026-11-21");
}

static void test_curve_due_moves_over_holidays(void **state)
{
	holiday_range("2026-10-01", 7);
	static const struct want_call want[] = {
		{ "2026-10-08", "2026-10-10", "consult.d3", NULL, "+3d" },
		{ "2026-10-08", "2026-10-11", "consult.d7", NULL, "+7d" },
	};
	check_schedule(VISIT_CONSULT, NULL, "2026-09-28", NULL, want, COUNT(want));
}

static void test_curve_max_and_bad_input(void **state)
{
	struct planned_call calls[HF_MAX_STEPS];
	assert_int_equal(rules_schedule(&cfg, VISIT_SURGERY, NULL, D("2026-05-04"), HF_NO_DATE, calls, 2), 2);
	assert_int_equal(rules_schedule(&cfg, VISIT_NONE, NULL, D("2026-05-04"), HF_NO_DATE, calls, 12), 0);
	assert_int_equal(rules_schedule(&cfg, VISIT_SURGERY, NULL, HF_NO_DATE, HF_NO_DATE, calls, 12), 0);
}

static void test_curve_script_key_fallbacks(void **state)
{
	cfg.curves[VISIT_SURGERY].steps[1].script[0] = '\0';
	const struct hf_treatment *tr = NULL;
	for (int i = 0; i < cfg.ntreatments; i++)
		if (strcmp(cfg.treatments[i].name, "双眼皮") == 0)
			tr = &cfg.treatments[i];
	assert_non_null(tr);
	((struct hf_treatment *)tr)->curve.steps[2].script[0] = '\0';
	struct planned_call calls[HF_MAX_STEPS];
	rules_schedule(&cfg, VISIT_SURGERY, NULL, D("2026-05-04"), HF_NO_DATE, calls, HF_MAX_STEPS);
	assert_string_equal(calls[1].script, "surgery.+3d");
	assert_string_equal(calls[0].script, "surgery.d1");
	rules_schedule(&cfg, VISIT_SURGERY, "双眼皮", D("2026-05-04"), HF_NO_DATE, calls, HF_MAX_STEPS);
	assert_string_equal(calls[2].script, "treatment:双眼皮.+6d");
}

static void test_curve_priorities_from_config(void **state)
{
	struct planned_call calls[HF_MAX_STEPS];
	int n = rules_schedule(&cfg, VISIT_SURGERY, NULL, D("2026-05-04"), HF_NO_DATE, calls, HF_MAX_STEPS);
	for (int i = 0; i < n; i++)
		assert_int_equal(calls[i].priority, cfg.curves[VISIT_SURGERY].steps[i].priority);
	assert_int_equal(calls[0].step, 0);
	assert_int_equal(calls[4].step, 4);
}

/* ---- risk words, breach, release ------------------------------------------------------ */

static void test_risk_words_inside_longer_notes(void **state)
{
	static const struct { const char *note, *want; } rows[] = {
		{ "术后第二天有点发烧了", "发烧" },
		{ "客户说伤口有点红肿加重，晚上还有点出血", "红肿加重" }, /* the first in the note */
		{ "出血不多，但红肿加重", "出血" },
		{ "恢复得很好，很满意", NULL },
		{ "发", NULL },                         /* half a word */
		{ "眼睛看东西视力模糊。", "视力模糊" },
		{ "", NULL },
		{ "Customer has a FEVER since yesterday", "fever" }, /* ASCII words ignore case */
		{ "feve", NULL },
	};
	str_set(cfg.risk_words[cfg.nrisk_words++], sizeof cfg.risk_words[0], "fever");
	char buf[HF_RISK_MAX];
	for (size_t i = 0; i < COUNT(rows); i++) {
		const char *got = rules_risk_word(&cfg, rows[i].note, buf, sizeof buf) ? buf : NULL;
		if (!rows[i].want) {
			if (got)
				fail_msg("\"%s\": found \"%s\", want none", rows[i].note, got);
		} else {
			if (!got)
				fail_msg("\"%s\": nothing found, want \"%s\"", rows[i].note, rows[i].want);
			assert_string_equal(got, rows[i].want);
		}
	}
	assert_false(rules_risk_word(&cfg, NULL, buf, sizeof buf));
}

static void test_risk_word_in_damaged_text(void **state)
{
	/* Invalid bytes around a word do not hide it; an empty configured word matches nothing. */
	char buf[HF_RISK_MAX];
	assert_true(rules_risk_word(&cfg, "\xff\xfe术后发烧\x80", buf, sizeof buf));
	assert_string_equal(buf, "发烧");
	cfg.nrisk_words = 0;
	str_set(cfg.risk_words[cfg.nrisk_words++], sizeof cfg.risk_words[0], "");
	assert_false(rules_risk_word(&cfg, "anything", buf, sizeof buf));
}

static void test_breached(void **state)
{
	static const struct { enum hf_esc_status st; const char *due, *now; bool want; } rows[] = {
		{ ESC_OPEN, "2026-05-04 12:00", "2026-05-04 12:01", true },
		{ ESC_OPEN, "2026-05-04 12:00", "2026-05-04 12:00", false }, /* at the deadline */
		{ ESC_OPEN, "2026-05-04 12:00", "2026-05-04 11:00", false },
		{ ESC_OPEN, "2026-05-04 12:00", "2026-05-06 09:00", true },
		{ ESC_ACKNOWLEDGED, "2026-05-04 12:00", "2026-05-05 12:00", false },
		{ ESC_RESOLVED, "2026-05-04 12:00", "2026-05-05 12:00", false },
	};
	for (size_t i = 0; i < COUNT(rows); i++)
		if (rules_breached(rows[i].st, S(rows[i].due), S(rows[i].now)) != rows[i].want)
			fail_msg("row %zu: breached should be %d", i, rows[i].want);
	assert_false(rules_breached(ESC_OPEN, HF_NO_STAMP, S("2026-05-04 12:00")));
}

static void test_release_consultant_on_the_first(void **state)
{
	struct rules_customer c = { .id = 1, .consultant = "zhang", .birthday = HF_NO_DATE };
	struct rules_customer none = { .id = 2, .birthday = HF_NO_DATE };
	assert_true(rules_release_consultant(&cfg, &c, D("2025-11-01"), D("2026-05-01")));
	assert_true(rules_release_consultant(&cfg, &c, D("2025-10-15"), D("2026-05-01")));
	assert_false(rules_release_consultant(&cfg, &c, D("2025-11-02"), D("2026-05-01")));
	assert_false(rules_release_consultant(&cfg, &c, D("2025-10-15"), D("2026-05-02"))); /* not the 1st */
	assert_false(rules_release_consultant(&cfg, &none, D("2025-10-15"), D("2026-05-01")));
	assert_true(rules_release_consultant(&cfg, &c, HF_NO_DATE, D("2026-05-01")));
	cfg.consultant_release_months = 0;
	assert_false(rules_release_consultant(&cfg, &c, D("2020-01-01"), D("2026-05-01")));
}

static void test_decisions_helpers(void **state)
{
	struct decisions d;
	decisions_init(&d);
	assert_int_equal(d.n, 0);
	for (int i = 0; i < 100; i++) {
		struct decision *x = decisions_push(&d, DEC_NOTICE);
		assert_int_equal(x->carrier, -1);
		assert_int_equal(x->severity, SEV_NONE);
		assert_int_equal(x->task.due_minute, -1);
		snprintf(x->text, sizeof x->text, "%d", i);
	}
	assert_int_equal(d.n, 100);
	assert_string_equal(d.v[57].text, "57");
	decisions_free(&d);
	assert_int_equal(d.n, 0);
	assert_null(d.v);
	struct hf_task_rec t;
	task_rec_init(&t);
	assert_int_equal(t.status, TASK_OPEN);
	assert_int_equal(t.step, -1);
	assert_int_equal(t.due, HF_NO_DATE);
	assert_int_equal(t.window_end, HF_NO_DATE);
	assert_true(t.touched == HF_NO_STAMP);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_weekday_anchor),
		T(test_next_work_day_weekdays_and_holidays),
		T(test_next_work_day_default_every_day),
		T(test_next_work_day_without_any_work_day_terminates),
		T(test_next_work_time_hours_boundaries),
		T(test_next_work_time_holidays),
		T(test_next_work_time_other_hours),
		T(test_curve_surgery_default),
		T(test_curve_month_ends_and_leap_years),
		T(test_curve_consult_default),
		T(test_curve_course_counts_from_course_end),
		T(test_curve_discharge_default),
		T(test_curve_injection_before_effect_ends),
		T(test_curve_double_eyelid_has_suture_removal),
		T(test_curve_due_moves_to_working_day),
		T(test_curve_due_moves_over_holidays),
		T(test_curve_max_and_bad_input),
		T(test_curve_script_key_fallbacks),
		T(test_curve_priorities_from_config),
		T(test_risk_words_inside_longer_notes),
		T(test_risk_word_in_damaged_text),
		T(test_breached),
		T(test_release_consultant_on_the_first),
		T(test_decisions_helpers),
	};
	return cmocka_run_group_tests_name("rules", tests, NULL, NULL);
}
