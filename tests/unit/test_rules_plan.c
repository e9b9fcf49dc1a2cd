/* test_rules_plan.c — planning a customer: curves, windows, extras, releases, contact cap, idempotence. */
#include "test_rules.h"

static struct world w;
static struct decisions d;

static int setup_world(void **state)
{
	setup_cfg(state);
	world_init(&w);
	decisions_init(&d);
	return 0;
}

static int teardown_world(void **state)
{
	(void)state;
	decisions_free(&d);
	return 0;
}

static void mark(hf_id visit, int step, enum hf_task_status st)
{
	struct hf_task_rec *t = step_task(&w, visit, step);
	if (!t)
		fail_msg("no task for visit %lld step %d", (long long)visit, step);
	t->status = st;
}

static const struct hf_task_rec *created_task(size_t n)
{
	return &must(nth(&d, DEC_CREATE_TASK, n), "a created task")->task;
}

static const struct hf_task_rec *kind_task(enum hf_task_kind kind)
{
	for (size_t i = 0; i < w.nt; i++)
		if (w.tasks[i].kind == kind)
			return &w.tasks[i];
	fail_msg("no %s task", task_kind_code(kind));
	abort();
}

/* ---- curves --------------------------------------------------------------------------- */

static void test_plan_new_surgery_writes_whole_curve(void **state)
{
	static const struct { const char *origin, *due, *window, *script; int prio; } want[] = {
		{ "surgery 2026-11-20 隆鼻, day 1 call", "2026-11-21", "2026-11-22", "surgery.d1", 90 },
		{ "surgery 2026-11-20 隆鼻, day 3 call", "2026-11-23", "2026-11-25", "surgery.d3", 80 },
		{ "surgery 2026-11-20 隆鼻, day 7 call", "2026-11-27", "2026-11-30", "surgery.d7", 70 },
		{ "surgery 2026-11-20 隆鼻, month 1 call", "2026-12-20", "2026-12-27", "surgery.m1", 50 },
		{ "surgery 2026-11-20 隆鼻, month 3 call", "2027-02-20", "2027-02-27", "surgery.m3", 40 },
	};
	add_visit(&w, 1, VISIT_SURGERY, "2026-11-20", "隆鼻");
	plan_day(&w, "2026-11-20 18:00", &d);
	assert_int_equal(d.n, COUNT(want));
	for (size_t i = 0; i < COUNT(want); i++) {
		const struct hf_task_rec *t = created_task(i);
		assert_string_equal(WHY(&t->origin), want[i].origin);
		assert_date(t->due, want[i].due);
		assert_date(t->window_end, want[i].window);
		assert_string_equal(t->script, want[i].script);
		assert_string_equal(t->team, "postop");
		assert_int_equal(t->priority, want[i].prio);
		assert_int_equal(t->kind, TASK_FOLLOWUP);
		assert_int_equal(t->status, TASK_OPEN);
		assert_int_equal(t->visit_id, 1);
		assert_int_equal(t->step, (int)i);
		assert_int_equal(t->due_minute, -1);
		assert_string_equal(t->owner, "");
	}
}

static void test_plan_default_curve_of_every_visit_kind(void **state)
{
	static const struct {
		enum hf_visit_kind kind;
		const char *treatment, *course_end;
		int n;
		enum hf_task_kind task;
		int step;
		const char *due, *script, *team, *origin;
	} rows[] = {
		{ VISIT_SURGERY, "吸脂", NULL, 5, TASK_FOLLOWUP, 2, "2026-05-11", "surgery.d7", "postop",
		  "surgery 2026-05-04 吸脂, day 7 call" },
		{ VISIT_CONSULT, "", NULL, 2, TASK_FOLLOWUP, 0, "2026-05-07", "consult.d3", "consult",
		  "consultation 2026-05-04, day 3 call" },
		{ VISIT_CONSULT, "热玛吉", NULL, 2, TASK_FOLLOWUP, 1, "2026-05-11", "consult.d7", "consult",
		  "consultation 2026-05-04 热玛吉, day 7 call" },
		{ VISIT_COURSE, "光子嫩肤", "2026-06-20", 1, TASK_FOLLOWUP, 0, "2026-06-27", "course.d7",
		  "aesthetic", "treatment course 2026-05-04 光子嫩肤, day 7 call after the course ended 2026-06-20" },
		{ VISIT_DISCHARGE, "", NULL, 1, TASK_FOLLOWUP, 0, "2026-05-07", "discharge.d3", "service",
		  "discharge 2026-05-04, day 3 call" },
		{ VISIT_INJECTION, "玻尿酸", NULL, 1, TASK_REPURCHASE, 0, "2027-01-04", "injection.repurchase",
		  "consultant", "injection 2026-05-04 玻尿酸, reminder 1 month before the effect ends 2027-02-04" },
		{ VISIT_INJECTION, "瘦脸针", NULL, 1, TASK_REPURCHASE, 0, "2026-08-04", "injection.repurchase",
		  "consultant", "injection 2026-05-04 瘦脸针, reminder 1 month before the effect ends 2026-09-04" },
		{ VISIT_SURGERY, "双眼皮", NULL, 6, TASK_FOLLOWUP, 2, "2026-05-10", "eyelid.d6", "postop",
		  "surgery 2026-05-04 双眼皮, day 6 call" },
	};
	for (size_t i = 0; i < COUNT(rows); i++) {
		world_init(&w);
		struct rules_visit *v = add_visit(&w, 1, rows[i].kind, "2026-05-04", rows[i].treatment);
		if (rows[i].course_end)
			v->course_end = D(rows[i].course_end);
		plan_day(&w, "2026-05-04 18:00", &d);
		if (w.nt != (size_t)rows[i].n)
			fail_msg("%s %s: %zu tasks, want %d", visit_kind_code(rows[i].kind), rows[i].treatment,
			         w.nt, rows[i].n);
		const struct hf_task_rec *t = step_task(&w, 1, rows[i].step);
		assert_non_null(t);
		assert_int_equal(t->kind, rows[i].task);
		assert_date(t->due, rows[i].due);
		assert_string_equal(t->script, rows[i].script);
		assert_string_equal(t->team, rows[i].team);
		assert_string_equal(WHY(&t->origin), rows[i].origin);
	}
}

static void test_plan_visit_team_overrides_step_team(void **state)
{
	str_set(add_visit(&w, 1, VISIT_SURGERY, "2026-05-04", "")->team, HF_NAME_MAX, "vip");
	plan_day(&w, "2026-05-04 18:00", &d);
	for (size_t i = 0; i < w.nt; i++)
		assert_string_equal(w.tasks[i].team, "vip");
}

static void test_plan_due_on_working_days(void **state)
{
	weekdays_only();
	add_visit(&w, 1, VISIT_SURGERY, "2026-11-20", "隆鼻"); /* a Friday */
	plan_day(&w, "2026-11-20 18:00", &d);
	assert_date(step_task(&w, 1, 0)->due, "2026-11-23");
	assert_date(step_task(&w, 1, 1)->due, "2026-11-23");
	/* Both land on Monday: one call carries the other. */
	assert_int_equal(step_task(&w, 1, 0)->status, TASK_OPEN);
	assert_int_equal(step_task(&w, 1, 1)->status, TASK_MERGED);
	assert_int_equal(step_task(&w, 1, 1)->merged_into, step_task(&w, 1, 0)->id);
}

static void test_plan_late_visit_skips_closed_windows(void **state)
{
	add_visit(&w, 1, VISIT_SURGERY, "2026-11-20", "隆鼻");
	plan_day(&w, "2026-11-26 09:00", &d);
	assert_int_equal(w.nt, 3);
	assert_null(step_task(&w, 1, 0));
	assert_null(step_task(&w, 1, 1));
	assert_date(step_task(&w, 1, 2)->due, "2026-11-27");
	/* The last day of a window still counts. */
	world_init(&w);
	add_visit(&w, 1, VISIT_SURGERY, "2026-11-20", "隆鼻");
	plan_day(&w, "2026-11-25 09:00", &d);
	assert_int_equal(w.nt, 4);
	assert_date(step_task(&w, 1, 1)->due, "2026-11-23"); /* overdue, still callable */
}

static void test_plan_old_visit_gets_only_why_they_left(void **state)
{
	/* Its curve is long over; a customer found dormant late is still asked why they left. */
	add_visit(&w, 1, VISIT_SURGERY, "2020-03-01", "隆鼻");
	plan_day(&w, "2026-05-04 09:00", &d);
	assert_int_equal(d.n, 1);
	const struct hf_task_rec *t = kind_task(TASK_WINBACK);
	assert_date(t->due, "2026-05-04");
	assert_date(t->window_end, "2026-05-11");
	assert_string_equal(WHY(&t->origin), "why they left: no visit since 2020-03-01 (12 months)");
	plan_day(&w, "2026-05-20 09:00", &d);
	assert_int_equal(count_kind(&d, DEC_CREATE_TASK), 0);
	assert_int_equal(kind_task(TASK_WINBACK)->status, TASK_MISSED);
}

/* ---- windows -------------------------------------------------------------------------- */

static void test_plan_missed_postop_escalates(void **state)
{
	add_visit(&w, 1, VISIT_SURGERY, "2026-11-20", "隆鼻");
	plan_day(&w, "2026-11-20 18:00", &d);
	plan_day(&w, "2026-11-23 08:00", &d);
	const struct decision *u = must(update_of(&d, step_task(&w, 1, 0)->id), "missed +1d");
	assert_int_equal(u->task.status, TASK_MISSED);
	assert_int_equal(step_task(&w, 1, 1)->status, TASK_OPEN);
	assert_int_equal(count_kind(&d, DEC_ESCALATE), 1);
	const struct decision *e = nth(&d, DEC_ESCALATE, 0);
	assert_int_equal(e->severity, SEV_URGENT);
	assert_int_equal(e->sla_hours, cfg.missed_postop_sla_hours);
	assert_non_null(strstr(WHY(&e->reason), "surgery 2026-11-20 隆鼻, day 1 call"));
	assert_int_equal(e->task.id, step_task(&w, 1, 0)->id);
}

static void test_plan_several_missed_one_escalation(void **state)
{
	add_visit(&w, 1, VISIT_SURGERY, "2026-11-20", "隆鼻");
	plan_day(&w, "2026-11-20 18:00", &d);
	plan_day(&w, "2026-11-26 08:00", &d);
	assert_int_equal(count_tasks(&w, TASK_KIND_NONE, TASK_MISSED), 2);
	assert_int_equal(count_kind(&d, DEC_ESCALATE), 1);
	const struct decision *e = nth(&d, DEC_ESCALATE, 0);
	assert_non_null(strstr(WHY(&e->reason), "day 1 call"));
	assert_non_null(strstr(WHY(&e->reason), "day 3 call"));
}

static void test_plan_missed_later_step_no_escalation(void **state)
{
	add_visit(&w, 1, VISIT_SURGERY, "2026-11-20", "隆鼻");
	plan_day(&w, "2026-11-20 18:00", &d);
	for (int s = 0; s < 3; s++)
		mark(1, s, TASK_DONE);
	plan_day(&w, "2026-12-28 08:00", &d);
	assert_int_equal(step_task(&w, 1, 3)->status, TASK_MISSED);
	assert_int_equal(count_kind(&d, DEC_ESCALATE), 0);
	/* A missed call of another kind of visit is not escalated either. */
	world_init(&w);
	add_visit(&w, 1, VISIT_DISCHARGE, "2026-11-20", "");
	plan_day(&w, "2026-11-20 18:00", &d);
	plan_day(&w, "2026-11-26 08:00", &d);
	assert_int_equal(step_task(&w, 1, 0)->status, TASK_MISSED);
	assert_int_equal(count_kind(&d, DEC_ESCALATE), 0);
}

static void test_plan_missed_carrier_reopens_merged(void **state)
{
	add_task(&w, 60, TASK_FOLLOWUP, "2026-05-01", "2026-05-02");
	struct hf_task_rec *m = add_task(&w, 61, TASK_BIRTHDAY, "2026-05-01", "2026-05-10");
	m->status = TASK_MERGED;
	m->merged_into = 60;
	struct hf_task_rec *gone = add_task(&w, 62, TASK_FOLLOWUP, "2026-05-01", "2026-05-03");
	gone->status = TASK_MERGED;
	gone->merged_into = 60;
	plan_day(&w, "2026-05-04 08:00", &d);
	assert_int_equal(task_by_id(&w, 60)->status, TASK_MISSED);
	assert_int_equal(task_by_id(&w, 61)->status, TASK_OPEN);
	assert_int_equal(task_by_id(&w, 61)->merged_into, 0);
	assert_int_equal(task_by_id(&w, 62)->status, TASK_MISSED); /* its own window is over too */
}

/* ---- came back ------------------------------------------------------------------------ */

static void test_plan_injection_curve_is_the_repurchase(void **state)
{
	add_visit(&w, 1, VISIT_INJECTION, "2026-01-15", "玻尿酸");
	plan_day(&w, "2026-01-15 18:00", &d);
	assert_int_equal(w.nt, 1);
	assert_int_equal(w.tasks[0].kind, TASK_REPURCHASE);
	assert_date(w.tasks[0].due, "2026-09-15");
	plan_day(&w, "2026-09-15 08:00", &d);
	assert_int_equal(count_tasks(&w, TASK_REPURCHASE, TASK_STATUS_NONE), 1);
	assert_int_equal(count_tasks(&w, TASK_KIND_NONE, TASK_STATUS_NONE), 2); /* + reactivation */
}

static void test_plan_newer_visit_cancels_repurchase(void **state)
{
	add_visit(&w, 1, VISIT_INJECTION, "2026-01-15", "玻尿酸");
	plan_day(&w, "2026-01-15 18:00", &d);
	add_visit(&w, 2, VISIT_CONSULT, "2026-03-01", "");
	plan_day(&w, "2026-03-01 18:00", &d);
	assert_int_equal(kind_task(TASK_REPURCHASE)->status, TASK_CANCELLED);
	assert_int_equal(count_tasks(&w, TASK_FOLLOWUP, TASK_OPEN), 2);
	/* An injection entered after a later visit never gets a reminder. */
	world_init(&w);
	add_visit(&w, 1, VISIT_CONSULT, "2026-03-01", "");
	add_visit(&w, 2, VISIT_INJECTION, "2026-01-15", "玻尿酸");
	plan_day(&w, "2026-03-01 18:00", &d);
	assert_int_equal(count_tasks(&w, TASK_REPURCHASE, TASK_STATUS_NONE), 0);
}

static void test_plan_reactivation_six_months_after_last_visit(void **state)
{
	add_visit(&w, 1, VISIT_DISCHARGE, "2026-01-10", "");
	plan_day(&w, "2026-01-10 18:00", &d);
	mark(1, 0, TASK_DONE);
	plan_day(&w, "2026-07-09 08:00", &d);
	assert_int_equal(d.n, 0);
	plan_day(&w, "2026-07-10 08:00", &d);
	assert_int_equal(d.n, 1);
	const struct hf_task_rec *t = kind_task(TASK_REACTIVATION);
	assert_date(t->due, "2026-07-10");
	assert_date(t->window_end, "2026-07-17");
	assert_string_equal(t->team, cfg.reactivation_team);
	assert_string_equal(t->script, "reactivation");
	assert_string_equal(WHY(&t->origin), "reactivation: no visit since 2026-01-10 (6 months)");
	assert_int_equal(t->visit_id, 1);
	/* Done: not made again for the same last visit. */
	w.tasks[w.nt - 1].status = TASK_DONE;
	plan_day(&w, "2026-07-12 08:00", &d);
	assert_int_equal(d.n, 0);
}

static void test_plan_reactivation_found_late(void **state)
{
	/* Planned late (an import, a pause): the call is due now rather than lost. */
	add_visit(&w, 1, VISIT_DISCHARGE, "2026-01-10", "");
	plan_day(&w, "2026-07-17 08:00", &d);
	assert_date(kind_task(TASK_REACTIVATION)->due, "2026-07-10"); /* still in its window */
	world_init(&w);
	add_visit(&w, 1, VISIT_DISCHARGE, "2026-01-10", "");
	plan_day(&w, "2026-09-01 08:00", &d);
	assert_int_equal(d.n, 1);
	assert_date(kind_task(TASK_REACTIVATION)->due, "2026-09-01");
	assert_date(kind_task(TASK_REACTIVATION)->window_end, "2026-09-08");
	cfg.dormant_months = 0;
	world_init(&w);
	add_visit(&w, 1, VISIT_DISCHARGE, "2026-01-10", "");
	plan_day(&w, "2026-07-10 08:00", &d);
	assert_int_equal(d.n, 0);
}

static void test_plan_winback_twelve_months_after(void **state)
{
	add_visit(&w, 1, VISIT_DISCHARGE, "2026-01-10", "");
	plan_day(&w, "2027-01-11 08:00", &d);
	assert_int_equal(d.n, 1);
	const struct hf_task_rec *t = kind_task(TASK_WINBACK);
	assert_date(t->due, "2027-01-10");
	assert_string_equal(t->team, cfg.winback_team);
	assert_string_equal(t->script, "winback");
	assert_string_equal(WHY(&t->origin), "why they left: no visit since 2026-01-10 (12 months)");
}

static void test_plan_newer_visit_cancels_reactivation(void **state)
{
	add_visit(&w, 1, VISIT_DISCHARGE, "2026-01-10", "");
	plan_day(&w, "2026-07-10 08:00", &d);
	assert_int_equal(count_tasks(&w, TASK_REACTIVATION, TASK_OPEN), 1);
	add_visit(&w, 2, VISIT_CONSULT, "2026-07-12", "");
	plan_day(&w, "2026-07-12 18:00", &d);
	assert_int_equal(kind_task(TASK_REACTIVATION)->status, TASK_CANCELLED);
	assert_int_equal(count_tasks(&w, TASK_FOLLOWUP, TASK_OPEN), 2);
	/* The same last-visit day entered again (another visit that day) makes no second call. */
	world_init(&w);
	add_visit(&w, 1, VISIT_DISCHARGE, "2026-01-10", "");
	plan_day(&w, "2026-07-10 08:00", &d);
	w.tasks[w.nt - 1].status = TASK_DONE;
	add_visit(&w, 2, VISIT_COURSE, "2026-01-10", "")->course_end = D("2026-01-10");
	plan_day(&w, "2026-07-11 08:00", &d);
	assert_int_equal(count_tasks(&w, TASK_REACTIVATION, TASK_STATUS_NONE), 1);
}

static void test_plan_carrier_cancelled_reopens_merged(void **state)
{
	w.cust.birthday = D("1990-01-01");
	add_visit(&w, 1, VISIT_INJECTION, "2025-05-01", "玻尿酸"); /* reminder due 2026-01-01 */
	plan_day(&w, "2025-05-01 18:00", &d);
	plan_day(&w, "2025-12-25 08:00", &d);
	const struct hf_task_rec *b = kind_task(TASK_BIRTHDAY);
	assert_int_equal(b->status, TASK_MERGED);
	assert_int_equal(b->merged_into, kind_task(TASK_REPURCHASE)->id);
	add_visit(&w, 2, VISIT_CONSULT, "2025-12-28", "");
	plan_day(&w, "2025-12-28 18:00", &d);
	assert_int_equal(kind_task(TASK_REPURCHASE)->status, TASK_CANCELLED);
	assert_int_equal(kind_task(TASK_BIRTHDAY)->status, TASK_OPEN);
	assert_int_equal(kind_task(TASK_BIRTHDAY)->merged_into, 0);
}

/* ---- consultations -------------------------------------------------------------------- */

static void test_plan_converted_consult_cancels_its_calls(void **state)
{
	add_visit(&w, 1, VISIT_CONSULT, "2026-05-04", "双眼皮");
	plan_day(&w, "2026-05-04 18:00", &d);
	add_visit(&w, 2, VISIT_SURGERY, "2026-05-06", "双眼皮");
	plan_day(&w, "2026-05-06 18:00", &d);
	assert_int_equal(step_task(&w, 1, 0)->status, TASK_CANCELLED);
	assert_int_equal(step_task(&w, 1, 1)->status, TASK_CANCELLED);
	assert_int_equal(count_tasks(&w, TASK_FOLLOWUP, TASK_OPEN) +
	                 count_tasks(&w, TASK_FOLLOWUP, TASK_MERGED), 6);
}

static void test_plan_consult_repeats_while_not_converted(void **state)
{
	add_visit(&w, 1, VISIT_CONSULT, "2026-05-04", "");
	plan_day(&w, "2026-05-04 18:00", &d);
	mark(1, 0, TASK_DONE);
	plan_day(&w, "2026-05-08 08:00", &d);
	assert_int_equal(d.n, 0); /* +7d still to come */
	mark(1, 1, TASK_DONE);
	plan_day(&w, "2026-05-12 08:00", &d);
	const struct hf_task_rec *r1 = step_task(&w, 1, 2);
	assert_non_null(r1);
	assert_date(r1->due, "2026-05-18");
	assert_string_equal(r1->script, "consult.d7");
	assert_string_equal(WHY(&r1->origin), "consultation 2026-05-04, day 7 call, repeat 1");
	mark(1, 2, TASK_MISSED); /* a missed repeat is over too */
	plan_day(&w, "2026-05-22 08:00", &d);
	assert_date(step_task(&w, 1, 3)->due, "2026-05-25");
	mark(1, 3, TASK_DONE);
	plan_day(&w, "2026-05-26 08:00", &d);
	assert_int_equal(d.n, 0); /* repeat_max reached */
	assert_null(step_task(&w, 1, 4));
}

static void test_plan_consult_repeat_stops_on_conversion(void **state)
{
	add_visit(&w, 1, VISIT_CONSULT, "2026-05-04", "");
	plan_day(&w, "2026-05-04 18:00", &d);
	mark(1, 0, TASK_DONE);
	mark(1, 1, TASK_DONE);
	add_visit(&w, 2, VISIT_COURSE, "2026-05-12", "光子嫩肤")->course_end = D("2026-06-30");
	plan_day(&w, "2026-05-12 18:00", &d);
	assert_null(step_task(&w, 1, 2));
	/* A late repeat whose window has passed ends the chain. */
	world_init(&w);
	add_visit(&w, 1, VISIT_CONSULT, "2026-05-04", "");
	plan_day(&w, "2026-05-04 18:00", &d);
	mark(1, 0, TASK_DONE);
	mark(1, 1, TASK_DONE);
	plan_day(&w, "2026-06-30 08:00", &d);
	assert_null(step_task(&w, 1, 2));
}

/* ---- birthdays ------------------------------------------------------------------------ */

static void test_plan_birthday_a_week_ahead(void **state)
{
	w.cust.birthday = D("1990-05-10");
	plan_day(&w, "2026-05-02 08:00", &d);
	assert_int_equal(d.n, 0);
	plan_day(&w, "2026-05-03 08:00", &d);
	assert_int_equal(d.n, 1);
	const struct hf_task_rec *t = kind_task(TASK_BIRTHDAY);
	assert_date(t->due, "2026-05-10");
	assert_date(t->window_end, "2026-05-17");
	assert_string_equal(t->team, cfg.service_team);
	assert_string_equal(t->script, "birthday");
	assert_string_equal(WHY(&t->origin), "birthday 2026-05-10");
	plan_day(&w, "2026-05-10 08:00", &d);
	assert_int_equal(d.n, 0);
	plan_day(&w, "2026-05-18 08:00", &d);
	assert_int_equal(kind_task(TASK_BIRTHDAY)->status, TASK_MISSED);
	plan_day(&w, "2027-05-03 08:00", &d);
	assert_int_equal(count_tasks(&w, TASK_BIRTHDAY, TASK_OPEN), 1);
}

static void test_plan_birthday_dates(void **state)
{
	static const struct { const char *birthday, *now, *due; } rows[] = {
		{ "2000-02-29", "2026-02-25 08:00", "2026-02-28" }, /* leap-day birthday, common year */
		{ "2000-02-29", "2028-02-25 08:00", "2028-02-29" },
		{ "1985-01-02", "2026-12-30 08:00", "2027-01-02" }, /* over the new year */
		{ "1985-12-31", "2027-01-03 08:00", "2026-12-31" }, /* planned late, still in its window */
	};
	for (size_t i = 0; i < COUNT(rows); i++) {
		world_init(&w);
		w.cust.birthday = D(rows[i].birthday);
		plan_day(&w, rows[i].now, &d);
		assert_int_equal(w.nt, 1);
		assert_date(w.tasks[0].due, rows[i].due);
	}
}

static void test_plan_birthday_on_day_off(void **state)
{
	weekdays_only();
	w.cust.birthday = D("1990-05-09"); /* a Saturday in 2026 */
	plan_day(&w, "2026-05-04 08:00", &d);
	assert_date(kind_task(TASK_BIRTHDAY)->due, "2026-05-11");
}

static void test_plan_birthday_off_or_unknown(void **state)
{
	cfg.birthday_calls = false;
	w.cust.birthday = D("1990-05-10");
	plan_day(&w, "2026-05-08 08:00", &d);
	assert_int_equal(d.n, 0);
	cfg.birthday_calls = true;
	w.cust.birthday = HF_NO_DATE;
	plan_day(&w, "2026-05-08 08:00", &d);
	assert_int_equal(d.n, 0);
	/* Not before the customer was born. */
	w.cust.birthday = D("2026-05-10");
	plan_day(&w, "2026-05-08 08:00", &d);
	assert_int_equal(d.n, 0);
}

/* ---- owners --------------------------------------------------------------------------- */

static void test_plan_releases_stale_owners(void **state)
{
	str_set(add_task(&w, 40, TASK_CALLBACK, "2026-05-01", "2026-05-30")->owner, HF_NAME_MAX, "li");
	struct hf_task_rec *t = add_task(&w, 41, TASK_FOLLOWUP, "2026-05-01", "2026-05-30");
	str_set(t->owner, HF_NAME_MAX, "li");
	t->touched = S("2026-05-06 10:00");
	str_set(add_task(&w, 42, TASK_FOLLOWUP, "2026-05-20", "2026-05-30")->owner, HF_NAME_MAX, "li");
	str_set(add_task(&w, 43, TASK_FOLLOWUP, "2026-05-02", "2026-05-30")->owner, HF_NAME_MAX, "li");
	t = add_task(&w, 44, TASK_FOLLOWUP, "2026-04-01", "2026-05-30");
	str_set(t->owner, HF_NAME_MAX, "li");
	t->status = TASK_DONE;
	cfg.contact_cap_days = 0;
	plan_day(&w, "2026-05-08 08:00", &d);
	assert_int_equal(d.n, 1);
	assert_string_equal(must(update_of(&d, 40), "release 40")->task.owner, "");
	assert_int_equal(update_of(&d, 40)->task.status, TASK_OPEN);
	assert_string_equal(task_by_id(&w, 41)->owner, "li"); /* touched two days ago */
	assert_string_equal(task_by_id(&w, 42)->owner, "li"); /* not due yet */
	assert_string_equal(task_by_id(&w, 43)->owner, "li"); /* six days */
	cfg.stale_owner_days = 0;
	str_set(task_by_id(&w, 40)->owner, HF_NAME_MAX, "li");
	plan_day(&w, "2026-05-28 08:00", &d);
	assert_int_equal(d.n, 0);
}

/* ---- contact cap ---------------------------------------------------------------------- */

static void test_plan_cap_merges_calls_of_two_visits(void **state)
{
	add_visit(&w, 1, VISIT_SURGERY, "2026-05-04", "隆鼻");
	add_visit(&w, 2, VISIT_DISCHARGE, "2026-05-04", "");
	plan_day(&w, "2026-05-04 18:00", &d);
	/* Both day-3 calls fall on 05-07: the higher priority post-op call carries the other. */
	const struct hf_task_rec *carrier = step_task(&w, 1, 1), *merged = step_task(&w, 2, 0);
	assert_int_equal(carrier->status, TASK_OPEN);
	assert_int_equal(merged->status, TASK_MERGED);
	assert_int_equal(merged->merged_into, carrier->id);
	/* The merged reason is still there to read. */
	assert_string_equal(WHY(&merged->origin), "discharge 2026-05-04, day 3 call");
	assert_string_equal(merged->script, "discharge.d3");
}

static void test_plan_cap_existing_call_carries_new_one(void **state)
{
	struct hf_task_rec *cb = add_task(&w, 50, TASK_CALLBACK, "2026-05-07", "2026-05-14");
	cb->due_minute = 10 * 60;
	add_visit(&w, 1, VISIT_DISCHARGE, "2026-05-04", "");
	plan_day(&w, "2026-05-04 18:00", &d);
	assert_int_equal(d.n, 1);
	assert_int_equal(created_task(0)->status, TASK_MERGED);
	assert_int_equal(created_task(0)->merged_into, 50);
}

static void test_plan_cap_earlier_new_call_carries_existing(void **state)
{
	cfg.contact_cap_days = 3;
	add_task(&w, 50, TASK_FOLLOWUP, "2026-05-09", "2026-05-14");
	add_visit(&w, 1, VISIT_DISCHARGE, "2026-05-04", "");
	plan_day(&w, "2026-05-04 18:00", &d);
	const struct decision *u = must(update_of(&d, 50), "merge of 50");
	assert_int_equal(u->task.status, TASK_MERGED);
	assert_true(u->carrier >= 0);
	assert_int_equal(task_by_id(&w, 50)->merged_into, step_task(&w, 1, 0)->id);
}

static void test_plan_cap_chain_keeps_every_reason_on_one_call(void **state)
{
	/* A task already merged into one that is now merged follows it to the new carrier. */
	cfg.contact_cap_days = 3;
	add_task(&w, 50, TASK_FOLLOWUP, "2026-05-09", "2026-05-14");
	struct hf_task_rec *m = add_task(&w, 51, TASK_BIRTHDAY, "2026-05-09", "2026-05-14");
	m->status = TASK_MERGED;
	m->merged_into = 50;
	add_visit(&w, 1, VISIT_DISCHARGE, "2026-05-04", "");
	plan_day(&w, "2026-05-04 18:00", &d);
	hf_id carrier = step_task(&w, 1, 0)->id;
	assert_int_equal(task_by_id(&w, 50)->merged_into, carrier);
	assert_int_equal(task_by_id(&w, 51)->merged_into, carrier);
}

static void test_plan_cap_zero_never_merges(void **state)
{
	cfg.contact_cap_days = 0;
	add_visit(&w, 1, VISIT_SURGERY, "2026-05-04", "隆鼻");
	add_visit(&w, 2, VISIT_DISCHARGE, "2026-05-04", "");
	plan_day(&w, "2026-05-04 18:00", &d);
	assert_int_equal(count_tasks(&w, TASK_KIND_NONE, TASK_MERGED), 0);
}

/* ---- do-not-call ---------------------------------------------------------------------- */

static void test_plan_do_not_call(void **state)
{
	add_visit(&w, 1, VISIT_SURGERY, "2026-05-04", "隆鼻");
	plan_day(&w, "2026-05-04 18:00", &d);
	mark(1, 0, TASK_DONE);
	step_task(&w, 1, 3)->status = TASK_MERGED;
	step_task(&w, 1, 3)->merged_into = step_task(&w, 1, 2)->id;
	w.cust.do_not_call = true;
	w.cust.birthday = D("1990-05-10");
	add_visit(&w, 2, VISIT_INJECTION, "2026-05-06", "玻尿酸");
	plan_day(&w, "2026-05-06 18:00", &d);
	assert_int_equal(count_kind(&d, DEC_CREATE_TASK), 0);
	assert_int_equal(count_kind(&d, DEC_ESCALATE), 0);
	assert_int_equal(step_task(&w, 1, 0)->status, TASK_DONE);
	for (int s = 1; s < 5; s++)
		assert_int_equal(step_task(&w, 1, s)->status, TASK_CANCELLED);
	assert_int_equal(count_tasks(&w, TASK_KIND_NONE, TASK_OPEN), 0);
}

/* ---- a customer's year and a half, planned every day ---------------------------------- */

static unsigned mix(unsigned long long a, unsigned long long b)
{
	unsigned long long x = a * 0x9E3779B97F4A7C15ULL ^ (b + 0x632BE59BD9B4E019ULL);
	x ^= x >> 31;
	x *= 0xBF58476D1CE4E5B9ULL;
	return (unsigned)(x >> 33);
}

static void check_invariants(hf_date today)
{
	char buf[16];
	for (size_t i = 0; i < w.nt; i++) {
		const struct hf_task_rec *t = &w.tasks[i];
		if (t->status == TASK_OPEN && t->window_end < today)
			fail_msg("%s: open task %lld past its window", date_format(today, buf), (long long)t->id);
		if (t->status == TASK_MERGED && !task_by_id(&w, t->merged_into))
			fail_msg("task %lld merged into nothing", (long long)t->id);
		if (t->status != TASK_OPEN || t->kind == TASK_DATAFIX)
			continue;
		for (size_t k = i + 1; k < w.nt; k++) {
			const struct hf_task_rec *u = &w.tasks[k];
			if (u->status == TASK_OPEN && u->kind != TASK_DATAFIX &&
			    abs(u->due - t->due) < cfg.contact_cap_days)
				fail_msg("%s: open tasks %lld and %lld within the contact cap",
				         date_format(today, buf), (long long)t->id, (long long)u->id);
		}
	}
}

static void test_plan_every_day_is_idempotent(void **state)
{
	weekdays_only();
	holiday_range("2026-10-01", 7);
	cfg.contact_cap_days = 2;
	w.cust.birthday = D("1992-06-15");
	w.cust.last_score = 4;
	struct rules_visit later[8];
	size_t nlater = 0;
	struct { enum hf_visit_kind kind; const char *date, *treatment, *course_end; } visits[] = {
		{ VISIT_CONSULT, "2026-01-05", "双眼皮", NULL },
		{ VISIT_SURGERY, "2026-01-20", "双眼皮", NULL },
		{ VISIT_INJECTION, "2026-03-01", "玻尿酸", NULL },
		{ VISIT_DISCHARGE, "2026-03-10", "", NULL },
		{ VISIT_COURSE, "2026-06-01", "光子嫩肤", "2026-07-15" },
	};
	for (size_t i = 0; i < COUNT(visits); i++) {
		struct rules_visit *v = &later[nlater++];
		memset(v, 0, sizeof *v);
		v->id = (hf_id)i + 1;
		v->kind = visits[i].kind;
		v->date = D(visits[i].date);
		v->course_end = visits[i].course_end ? D(visits[i].course_end) : HF_NO_DATE;
		str_set(v->treatment, sizeof v->treatment, visits[i].treatment);
	}
	static const char *const outcomes[] = { "reached", "no_answer", "busy", "reached" };
	size_t made[TASK_KIND__COUNT] = { 0 };
	for (hf_date day = D("2026-01-05"); day <= D("2027-09-30"); day++) {
		for (size_t i = 0; i < nlater; i++)
			if (later[i].date == day)
				w.visits[w.nv++] = later[i];
		char now[20];
		stamp_format(stamp_make(day, 8 * 60), now);
		plan_day(&w, now, &d);
		for (size_t i = 0; i < d.n; i++)
			if (d.v[i].kind == DEC_CREATE_TASK)
				made[d.v[i].task.kind]++;
		check_invariants(day);
		if (rules_next_work_day(&cfg, day) != day)
			continue;
		/* The operators work part of the day's queue. */
		for (size_t i = 0; i < w.nt; i++) {
			struct hf_task_rec t = w.tasks[i];
			unsigned r = mix((unsigned long long)t.id, (unsigned long long)day);
			if (t.status != TASK_OPEN || t.due > day || r % 3 == 0)
				continue;
			struct outcome_input in = { .code = outcomes[r % 4], .operator_login = "wang",
			                            .operator_team = "service", .score = r % 4 ? 0 : 5 };
			if (strcmp(in.code, "reached") != 0)
				in.score = 0;
			char err[HF_ERRLEN];
			hf_stamp at = stamp_make(day, 10 * 60 + (int)(r % 480));
			if (!rules_check_outcome(&cfg, &t, &in, at, err, sizeof err))
				fail_msg("log refused: %s", err);
			const struct rules_visit *v = NULL;
			for (size_t k = 0; k < w.nv; k++)
				if (w.visits[k].id == t.visit_id)
					v = &w.visits[k];
			d.n = 0;
			rules_log_outcome(&cfg, &w.cust, v, &t, w.tasks, w.nt, &in, at, &d);
			apply(&w, &d);
		}
	}
	assert_true(made[TASK_FOLLOWUP] >= 10);
	assert_true(made[TASK_BIRTHDAY] == 2);
	assert_true(made[TASK_REACTIVATION] == 1);
	assert_true(made[TASK_WINBACK] == 1);
	assert_true(count_tasks(&w, TASK_KIND_NONE, TASK_DONE) > 0);
}

#define TW(f) cmocka_unit_test_setup_teardown(f, setup_world, teardown_world)

int main(void)
{
	const struct CMUnitTest tests[] = {
		TW(test_plan_new_surgery_writes_whole_curve),
		TW(test_plan_default_curve_of_every_visit_kind),
		TW(test_plan_visit_team_overrides_step_team),
		TW(test_plan_due_on_working_days),
		TW(test_plan_late_visit_skips_closed_windows),
		TW(test_plan_old_visit_gets_only_why_they_left),
		TW(test_plan_missed_postop_escalates),
		TW(test_plan_several_missed_one_escalation),
		TW(test_plan_missed_later_step_no_escalation),
		TW(test_plan_missed_carrier_reopens_merged),
		TW(test_plan_injection_curve_is_the_repurchase),
		TW(test_plan_newer_visit_cancels_repurchase),
		TW(test_plan_reactivation_six_months_after_last_visit),
		TW(test_plan_reactivation_found_late),
		TW(test_plan_winback_twelve_months_after),
		TW(test_plan_newer_visit_cancels_reactivation),
		TW(test_plan_carrier_cancelled_reopens_merged),
		TW(test_plan_converted_consult_cancels_its_calls),
		TW(test_plan_consult_repeats_while_not_converted),
		TW(test_plan_consult_repeat_stops_on_conversion),
		TW(test_plan_birthday_a_week_ahead),
		TW(test_plan_birthday_dates),
		TW(test_plan_birthday_on_day_off),
		TW(test_plan_birthday_off_or_unknown),
		TW(test_plan_releases_stale_owners),
		TW(test_plan_cap_merges_calls_of_two_visits),
		TW(test_plan_cap_existing_call_carries_new_one),
		TW(test_plan_cap_earlier_new_call_carries_existing),
		TW(test_plan_cap_chain_keeps_every_reason_on_one_call),
		TW(test_plan_cap_zero_never_merges),
		TW(test_plan_do_not_call),
		TW(test_plan_every_day_is_idempotent),
	};
	return cmocka_run_group_tests_name("rules_plan", tests, NULL, NULL);
}
