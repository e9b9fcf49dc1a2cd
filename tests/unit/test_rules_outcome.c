/* test_rules_outcome.c — validating and logging call outcomes: retries, callbacks, flags, escalations. */
#include "test_rules.h"

/* A logged call: an operator on a surgery customer's day-3 call. */
struct fx {
	struct rules_customer cust;
	struct rules_visit visit;
	const struct rules_visit *visitp;
	struct hf_task_rec task;
	struct hf_task_rec others[16];
	size_t nothers;
	struct outcome_input in;
	struct decisions d;
	char err[HF_ERRLEN];
};

static struct fx fx;

static void fx_init(const char *code)
{
	decisions_free(&fx.d);
	memset(&fx, 0, sizeof fx);
	decisions_init(&fx.d);
	fx.cust.id = 1;
	fx.cust.birthday = HF_NO_DATE;
	str_set(fx.cust.consultant, sizeof fx.cust.consultant, "zhang");
	fx.visit.id = 7;
	fx.visit.kind = VISIT_SURGERY;
	fx.visit.date = D("2026-05-01");
	fx.visit.course_end = HF_NO_DATE;
	str_set(fx.visit.treatment, sizeof fx.visit.treatment, "隆鼻");
	fx.visitp = &fx.visit;
	task_rec_init(&fx.task);
	fx.task.id = 12;
	fx.task.visit_id = 7;
	fx.task.kind = TASK_FOLLOWUP;
	fx.task.step = 1;
	fx.task.due = D("2026-05-04");
	fx.task.window_end = D("2026-05-06");
	fx.task.priority = 80;
	str_set(fx.task.team, sizeof fx.task.team, "postop");
	str_set(fx.task.script, sizeof fx.task.script, "surgery.d3");
	struct hf_why_part *o = why_add(&fx.task.origin, WHY_CURVE);
	o->visit_kind = VISIT_SURGERY;
	o->visit_date = D("2026-05-01");
	str_set(o->name, sizeof o->name, "隆鼻");
	str_set(o->offset, sizeof o->offset, "+3d");
	fx.in.code = code;
	fx.in.operator_login = "wang";
	fx.in.operator_team = "service";
}

static void fx_next(const char *when)
{
	fx.in.has_next = true;
	if (strlen(when) > 10) {
		fx.in.next = S(when);
		fx.in.next_has_time = true;
	} else {
		fx.in.next = stamp_make(D(when), 0);
		fx.in.next_has_time = false;
	}
}

static struct hf_task_rec *fx_other(hf_id id, enum hf_task_kind kind, const char *due)
{
	struct hf_task_rec *t = &fx.others[fx.nothers++];
	task_rec_init(t);
	t->id = id;
	t->kind = kind;
	t->due = D(due);
	t->window_end = D(due) + 3;
	str_set(t->team, sizeof t->team, "service");
	char origin[32];
	snprintf(origin, sizeof origin, "other task %lld", (long long)id);
	set_origin(t, origin);
	str_set(t->script, sizeof t->script, "other");
	return t;
}

/* The error for logging fx on `now`, or NULL when the input is valid. */
static const char *fx_check(const char *now)
{
	fx.err[0] = '\0';
	if (rules_check_outcome(&cfg, &fx.task, &fx.in, S(now), fx.err, sizeof fx.err))
		return NULL;
	assert_true(fx.err[0] != '\0');
	assert_null(strchr(fx.err, '\n'));
	return fx.err;
}

/* Log fx on `now` as the service does: the task is also among the customer's tasks. */
static void fx_log(const char *now)
{
	const char *err = fx_check(now);
	if (err)
		fail_msg("valid input refused: %s", err);
	struct hf_task_rec all[17];
	all[0] = fx.task;
	memcpy(all + 1, fx.others, fx.nothers * sizeof *all);
	fx.d.n = 0;
	rules_log_outcome(&cfg, &fx.cust, fx.visitp, &fx.task, all, fx.nothers + 1, &fx.in, S(now), &fx.d);
}

static const struct decision *cur(void)
{
	return must(update_of(&fx.d, 12), "update of the logged task");
}

static const struct hf_task_rec *created(size_t n)
{
	return &must(nth(&fx.d, DEC_CREATE_TASK, n), "a created task")->task;
}

static const struct decision *escalation(void)
{
	assert_int_equal(count_kind(&fx.d, DEC_ESCALATE), 1);
	return nth(&fx.d, DEC_ESCALATE, 0);
}

static void assert_due(const struct hf_task_rec *t, const char *when)
{
	if (strlen(when) > 10) {
		assert_true(t->due_minute >= 0);
		assert_stamp(stamp_make(t->due, t->due_minute), S(when));
	} else {
		assert_date(t->due, when);
		assert_int_equal(t->due_minute, -1);
	}
}

static int teardown_fx(void **state)
{
	(void)state;
	decisions_free(&fx.d);
	return 0;
}

/* ---- validation ----------------------------------------------------------------------- */

static void test_check_unknown_outcome_lists_codes(void **state)
{
	fx_init("hello");
	const char *err = fx_check("2026-05-04 10:00");
	assert_non_null(err);
	assert_non_null(strstr(err, "unknown outcome \"hello\""));
	assert_non_null(strstr(err, "reached, no_answer, busy, callback, wrong_number, refused, complaint"));
	/* The list is the config's table, not a copy. */
	struct hf_outcome *o = &cfg.outcomes[cfg.noutcomes++];
	*o = cfg.outcomes[0];
	str_set(o->code, sizeof o->code, "sms_sent");
	err = fx_check("2026-05-04 10:00");
	assert_non_null(strstr(err, ", complaint, sms_sent)"));
	fx.in.code = NULL;
	assert_non_null(fx_check("2026-05-04 10:00"));
}

static void test_check_task_not_open(void **state)
{
	static const enum hf_task_status closed[] = {
		TASK_DONE, TASK_MISSED, TASK_UNREACHABLE, TASK_CANCELLED, TASK_CLOSED, TASK_MERGED,
	};
	fx_init("reached");
	assert_null(fx_check("2026-05-04 10:00"));
	for (size_t i = 0; i < COUNT(closed); i++) {
		fx.task.status = closed[i];
		const char *err = fx_check("2026-05-04 10:00");
		assert_non_null(err);
		assert_non_null(strstr(err, "task 12"));
		assert_non_null(strstr(err, "not open"));
	}
}

static void test_check_score_range(void **state)
{
	static const struct { int score; bool ok; } rows[] = {
		{ 0, true }, { 1, true }, { 3, true }, { 5, true }, { 6, false }, { -1, false }, { 100, false },
	};
	for (size_t i = 0; i < COUNT(rows); i++) {
		fx_init("reached");
		fx.in.score = rows[i].score;
		const char *err = fx_check("2026-05-04 10:00");
		if (rows[i].ok != (err == NULL))
			fail_msg("score %d: %s", rows[i].score, err ? err : "accepted");
		if (err)
			assert_non_null(strstr(err, "1 to 5"));
	}
}

static void test_check_score_only_where_asked(void **state)
{
	fx_init("no_answer");
	fx.in.score = 3;
	const char *err = fx_check("2026-05-04 10:00");
	assert_non_null(err);
	assert_non_null(strstr(err, "No answer takes no score"));
	fx_init("complaint");
	fx.in.score = 2;
	assert_null(fx_check("2026-05-04 10:00"));
}

static void test_check_next_contact(void **state)
{
	static const struct { const char *code, *next, *err; } rows[] = {
		{ "reached", "2026-05-03", "in the past" },
		{ "reached", "2026-05-03 15:00", "in the past" },
		{ "reached", "2026-05-04", "choose tomorrow" },     /* today is for callbacks */
		{ "reached", "2026-05-04 15:00", "choose tomorrow" },
		{ "callback", "2026-05-04", "give a time" },        /* today without a time */
		{ "callback", "2026-05-04 15:00", NULL },
		{ "callback", "2026-05-04 09:30", "in the past" },  /* earlier today */
		{ "callback", "2026-05-04 10:00", "in the past" },  /* now */
		{ "callback", "2026-05-04 10:01", NULL },
		{ "busy", "2026-05-04 15:00", NULL },
		{ "busy", "2026-05-04", "give a time" },
		{ "reached", "2026-05-05", NULL },                  /* tomorrow */
		{ "complaint", "2026-05-05 11:00", NULL },
		{ "reached", "2027-05-04", NULL },                  /* exactly a year */
		{ "reached", "2027-05-05", "more than a year" },
		{ "callback", "2028-01-01 10:00", "more than a year" },
		{ "refused", "2026-05-06", "takes no next contact" },
		{ "wrong_number", "2026-05-06", "takes no next contact" },
	};
	for (size_t i = 0; i < COUNT(rows); i++) {
		fx_init(rows[i].code);
		fx_next(rows[i].next);
		const char *err = fx_check("2026-05-04 10:00");
		if (!rows[i].err && err)
			fail_msg("%s --next %s refused: %s", rows[i].code, rows[i].next, err);
		if (rows[i].err && (!err || !strstr(err, rows[i].err)))
			fail_msg("%s --next %s: \"%s\", want \"%s\"", rows[i].code, rows[i].next,
			         err ? err : "accepted", rows[i].err);
		if (err && !strstr(err, "takes no next contact"))
			assert_non_null(strstr(err, rows[i].next)); /* names the value at fault */
	}
}

/* Dimension scores "code=N code=N" into fx (at most 10). */
static struct hf_dim_score fx_dims[10];
static void fx_dim(const char *spec)
{
	char buf[256];
	str_set(buf, sizeof buf, spec);
	fx.in.ndims = 0;
	fx.in.dims = fx_dims;
	for (char *w = strtok(buf, " "); w; w = strtok(NULL, " ")) {
		char *eq = strchr(w, '=');
		*eq = 0;
		struct hf_dim_score *d = &fx_dims[fx.in.ndims++];
		str_set(d->code, sizeof d->code, w);
		d->score = atoi(eq + 1);
	}
}

static void test_check_dimensions(void **state)
{
	static const struct { const char *code, *dims, *err; } rows[] = {
		{ "reached", "attitude=5", NULL },
		{ "reached", "attitude=1 expertise=2 facilities=3 results=4", NULL },
		{ "reached", "results=5 attitude=3", NULL },        /* any order */
		{ "complaint", "attitude=1", NULL },
		{ "reached", "attitude=0", "Attitude: score 0 is out of range (1 to 5)" },
		{ "reached", "attitude=6", "Attitude: score 6 is out of range (1 to 5)" },
		{ "reached", "results=-1", "Results: score -1 is out of range" },
		{ "reached", "mood=3", "unknown dimension \"mood\" (expected one of: Attitude, Expertise, "
		                       "Facilities, Results)" },
		{ "reached", "attitude=4 expertise=3 attitude=5", "Attitude is scored twice" },
		{ "no_answer", "attitude=4", "outcome No answer takes no score (Attitude)" },
		{ "callback", "results=2", "takes no score (Results)" },
	};
	for (size_t i = 0; i < COUNT(rows); i++) {
		fx_init(rows[i].code);
		fx_dim(rows[i].dims);
		if (!strcmp(rows[i].code, "callback"))
			fx_next("2026-05-05");
		const char *err = fx_check("2026-05-04 10:00");
		if (!rows[i].err && err)
			fail_msg("%s %s refused: %s", rows[i].code, rows[i].dims, err);
		if (rows[i].err && (!err || !strstr(err, rows[i].err)))
			fail_msg("%s %s: \"%s\", want \"%s\"", rows[i].code, rows[i].dims,
			         err ? err : "accepted", rows[i].err);
	}
	/* Without dimensions in the rules, every one is unknown. */
	cfg.ndimensions = 0;
	fx_init("reached");
	fx_dim("attitude=5");
	assert_non_null(strstr(fx_check("2026-05-04 10:00"), "the rules list no dimensions"));
}

static void test_check_callback_needs_next(void **state)
{
	fx_init("callback");
	const char *err = fx_check("2026-05-04 10:00");
	assert_non_null(err);
	assert_non_null(strstr(err, "Call back later needs the next contact"));
}

static void test_check_complaint_category(void **state)
{
	fx_init("complaint");
	fx.in.complaint = "bad coffee";
	const char *err = fx_check("2026-05-04 10:00");
	assert_non_null(err);
	assert_non_null(strstr(err, "\"bad coffee\""));
	assert_non_null(strstr(err, "效果不满意, 服务态度"));
	fx.in.complaint = "服务态度";
	assert_null(fx_check("2026-05-04 10:00"));
}

/* Texts that would not fit what stores them are refused, never cut. */
static void test_check_refuses_what_would_be_cut(void **state)
{
	fx_init("complaint");
	cfg.ncomplaint_categories = 0; /* a free category */
	char long_category[HF_NAME_MAX + 1];
	memset(long_category, 'x', HF_NAME_MAX);
	long_category[HF_NAME_MAX] = 0;
	fx.in.complaint = long_category;
	const char *err = fx_check("2026-05-04 10:00");
	assert_non_null(err);
	assert_non_null(strstr(err, "too long"));
	long_category[HF_NAME_MAX - 1] = 0;
	assert_null(fx_check("2026-05-04 10:00"));

	/* A next contact carries the task's origin whole: one that cannot grow is refused. */
	fx_init("reached");
	fx_next("2026-05-06");
	for (int i = fx.task.origin.n; i < HF_WHY_PARTS - 2; i++)
		why_add(&fx.task.origin, WHY_CALLBACK)->task = i;
	assert_null(fx_check("2026-05-04 10:00"));
	why_add(&fx.task.origin, WHY_CALLBACK);
	err = fx_check("2026-05-04 10:00");
	assert_non_null(err);
	assert_non_null(strstr(err, "next contact"));
	fx.in.has_next = false;
	assert_null(fx_check("2026-05-04 10:00"));
}

static void test_check_impossible_dates_are_the_parsers(void **state)
{
	/* The command line parses --next before the rules see it; these never reach them. */
	static const char *bad[] = { "2026-02-30", "2026-13-01", "2026-5-4", "tomorrow", "" };
	static const char *bad_times[] = { "2026-02-29 10:00", "2026-05-04 24:00", "2026-05-04 10:60" };
	hf_date d;
	hf_stamp t;
	for (size_t i = 0; i < COUNT(bad); i++)
		assert_false(date_parse(bad[i], &d));
	for (size_t i = 0; i < COUNT(bad_times); i++)
		assert_false(stamp_parse(bad_times[i], &t));
	assert_true(date_parse("2028-02-29", &d));
}

/* ---- reached -------------------------------------------------------------------------- */

static void test_reached_done(void **state)
{
	fx_init("reached");
	fx.in.score = 5;
	fx_log("2026-05-04 10:00");
	assert_int_equal(cur()->task.status, TASK_DONE);
	assert_int_equal(cur()->task.attempts, 1);
	assert_int_equal(count_kind(&fx.d, DEC_CREATE_TASK), 0);
	assert_int_equal(count_kind(&fx.d, DEC_ESCALATE), 0);
	assert_int_equal(count_kind(&fx.d, DEC_SET_CUSTOMER), 0);
	assert_int_equal(fx.d.n, 1);
}

static void test_reached_with_next_creates_followup(void **state)
{
	fx_init("reached");
	fx_next("2026-05-20");
	fx_log("2026-05-04 10:00");
	assert_int_equal(cur()->task.status, TASK_DONE);
	const struct hf_task_rec *t = created(0);
	assert_int_equal(t->kind, TASK_FOLLOWUP);
	assert_int_equal(t->status, TASK_OPEN);
	assert_due(t, "2026-05-20");
	assert_date(t->window_end, "2026-05-27");
	assert_string_equal(t->owner, "wang");
	assert_string_equal(t->team, "service");
	assert_string_equal(t->script, "followup");
	assert_int_equal(t->visit_id, 7);
	assert_int_equal(t->priority, 80);
	assert_non_null(strstr(WHY(&t->origin), "task 12"));
	assert_non_null(strstr(WHY(&t->origin), "surgery 2026-05-01 隆鼻, day 3 call"));
}

/* ---- no answer ------------------------------------------------------------------------ */

static void test_no_answer_retry_times(void **state)
{
	static const struct { const char *now; int attempts; const char *due; } rows[] = {
		{ "2026-05-04 10:00", 0, "2026-05-04 14:00" },
		{ "2026-05-04 07:00", 0, "2026-05-04 11:00" },
		{ "2026-05-04 15:59", 0, "2026-05-04 19:59" }, /* just inside the hours */
		{ "2026-05-04 16:00", 1, "2026-05-05 09:00" }, /* lands on closing time */
		{ "2026-05-04 19:30", 1, "2026-05-05 09:00" },
		{ "2026-05-04 22:00", 0, "2026-05-05 09:00" },
	};
	for (size_t i = 0; i < COUNT(rows); i++) {
		fx_init("no_answer");
		fx.task.attempts = rows[i].attempts;
		fx_log(rows[i].now);
		const struct hf_task_rec *t = &cur()->task;
		assert_int_equal(t->status, TASK_OPEN);
		assert_int_equal(t->attempts, rows[i].attempts + 1);
		assert_due(t, rows[i].due);
		assert_int_equal(fx.d.n, 1);
	}
}

static void test_no_answer_over_weekend(void **state)
{
	weekdays_only();
	fx_init("no_answer");
	fx.task.due = D("2026-05-08");
	fx_log("2026-05-08 17:00");
	assert_due(&cur()->task, "2026-05-11 09:00");
	fx_init("no_answer");
	fx_log("2026-05-08 10:00");
	assert_due(&cur()->task, "2026-05-08 14:00");
}

static void test_no_answer_over_holidays(void **state)
{
	holiday_range("2026-05-01", 5);
	fx_init("no_answer");
	fx.task.due = D("2026-04-30");
	fx.task.window_end = D("2026-05-02");
	fx_log("2026-04-30 18:00");
	assert_due(&cur()->task, "2026-05-06 09:00");
	/* The retry outlives the window: the window stretches to it. */
	assert_date(cur()->task.window_end, "2026-05-06");
}

static void test_no_answer_retry_keeps_window_when_inside(void **state)
{
	fx_init("no_answer");
	fx_log("2026-05-04 18:00");
	assert_due(&cur()->task, "2026-05-05 09:00");
	assert_date(cur()->task.window_end, "2026-05-06");
}

static void test_no_answer_max_attempts_unreachable(void **state)
{
	static const struct { int before; enum hf_task_status st; } rows[] = {
		{ 0, TASK_OPEN }, { 1, TASK_OPEN }, { 2, TASK_UNREACHABLE }, { 5, TASK_UNREACHABLE },
	};
	for (size_t i = 0; i < COUNT(rows); i++) {
		fx_init("no_answer");
		fx.task.step = 3; /* month 1: no escalation */
		fx.task.attempts = rows[i].before;
		fx_log("2026-06-01 10:00");
		assert_int_equal(cur()->task.status, rows[i].st);
		assert_int_equal(cur()->task.attempts, rows[i].before + 1);
		assert_int_equal(count_kind(&fx.d, DEC_ESCALATE), 0);
	}
}

static void test_no_answer_unreachable_after_surgery_escalates(void **state)
{
	fx_init("no_answer");
	fx.task.step = 0;
	fx.task.due = D("2026-05-02");
	fx.task.attempts = 2;
	fx_log("2026-05-02 18:00");
	assert_int_equal(cur()->task.status, TASK_UNREACHABLE);
	const struct decision *e = escalation();
	assert_int_equal(e->severity, SEV_URGENT);
	assert_int_equal(e->sla_hours, cfg.missed_postop_sla_hours);
	assert_non_null(strstr(WHY(&e->reason), "unreachable"));
	assert_int_equal(e->task.id, 12);
}

static void test_no_answer_unreachable_no_escalation_otherwise(void **state)
{
	/* Day 7 is still the first week (even when the call was due on day 8 after a weekend). */
	fx_init("no_answer");
	fx.task.step = 2;
	fx.task.due = D("2026-05-09");
	fx.task.attempts = 2;
	fx_log("2026-05-09 10:00");
	assert_int_equal(count_kind(&fx.d, DEC_ESCALATE), 1);
	/* Month 1 is not. */
	fx_init("no_answer");
	fx.task.step = 3;
	fx.task.attempts = 2;
	fx_log("2026-06-01 10:00");
	assert_int_equal(count_kind(&fx.d, DEC_ESCALATE), 0);
	/* Nor a consultation, nor a task whose visit is unknown. */
	fx_init("no_answer");
	fx.visit.kind = VISIT_CONSULT;
	fx.task.step = 0;
	fx.task.attempts = 2;
	fx_log("2026-05-04 10:00");
	assert_int_equal(count_kind(&fx.d, DEC_ESCALATE), 0);
	fx_init("no_answer");
	fx.visitp = NULL;
	fx.task.step = 0;
	fx.task.attempts = 2;
	fx_log("2026-05-04 10:00");
	assert_int_equal(cur()->task.status, TASK_UNREACHABLE);
	assert_int_equal(count_kind(&fx.d, DEC_ESCALATE), 0);
}

/* ---- busy ----------------------------------------------------------------------------- */

static void test_busy_retries_after_two_hours(void **state)
{
	static const struct { const char *now, *due; } rows[] = {
		{ "2026-05-04 10:00", "2026-05-04 12:00" },
		{ "2026-05-04 17:59", "2026-05-04 19:59" },
		{ "2026-05-04 18:00", "2026-05-05 09:00" },
		{ "2026-05-04 19:00", "2026-05-05 09:00" },
	};
	for (size_t i = 0; i < COUNT(rows); i++) {
		fx_init("busy");
		fx_log(rows[i].now);
		assert_int_equal(cur()->task.status, TASK_OPEN);
		assert_due(&cur()->task, rows[i].due);
	}
}

static void test_busy_never_unreachable(void **state)
{
	fx_init("busy");
	fx.task.attempts = 9;
	fx_log("2026-05-04 10:00");
	assert_int_equal(cur()->task.status, TASK_OPEN);
	assert_int_equal(cur()->task.attempts, 10);
}

static void test_busy_at_the_time_given(void **state)
{
	fx_init("busy");
	fx_next("2026-05-04 16:30");
	fx_log("2026-05-04 10:00");
	assert_due(&cur()->task, "2026-05-04 16:30");
	assert_int_equal(count_kind(&fx.d, DEC_CREATE_TASK), 0);
	fx_init("busy");
	fx_next("2026-05-08");
	fx_log("2026-05-04 10:00");
	assert_due(&cur()->task, "2026-05-08");
	assert_date(cur()->task.window_end, "2026-05-08");
}

/* ---- callback ------------------------------------------------------------------------- */

static void test_callback_owned_by_operator(void **state)
{
	fx_init("callback");
	fx_next("2026-05-05 15:00");
	fx_log("2026-05-04 10:00");
	assert_int_equal(cur()->task.status, TASK_DONE);
	const struct hf_task_rec *t = created(0);
	assert_int_equal(t->kind, TASK_CALLBACK);
	assert_due(t, "2026-05-05 15:00");
	assert_string_equal(t->owner, "wang");
	assert_string_equal(t->team, "service");
	assert_string_equal(t->script, "callback");
	assert_int_equal(t->priority, 80);
	assert_int_equal(t->visit_id, 7);
	assert_int_equal(t->step, -1);
	assert_non_null(strstr(WHY(&t->origin), "callback agreed on task 12"));
	assert_int_equal(count_kind(&fx.d, DEC_NOTICE), 0);
}

static void test_callback_to_a_team_pool(void **state)
{
	fx_init("callback");
	fx_next("2026-05-05 15:00");
	fx.in.callback_team = "postop";
	fx_log("2026-05-04 10:00");
	const struct hf_task_rec *t = created(0);
	assert_string_equal(t->owner, "");
	assert_string_equal(t->team, "postop");
}

static void test_callback_without_operator_team_uses_task_team(void **state)
{
	fx_init("callback");
	fx_next("2026-05-05 15:00");
	fx.in.operator_team = NULL;
	fx_log("2026-05-04 10:00");
	assert_string_equal(created(0)->team, "postop");
}

static void test_callback_later_today(void **state)
{
	fx_init("callback");
	fx_next("2026-05-04 15:00");
	fx_log("2026-05-04 10:00");
	assert_due(created(0), "2026-05-04 15:00");
}

static void test_callback_on_day_off_moves_with_notice(void **state)
{
	weekdays_only();
	fx_init("callback");
	fx_next("2026-05-10 15:00"); /* Sunday */
	fx_log("2026-05-04 10:00");
	assert_due(created(0), "2026-05-11 15:00");
	assert_true(any_notice_has(&fx.d, "2026-05-11 15:00"));
	assert_true(any_notice_has(&fx.d, "not a working day"));
	fx_init("reached");
	fx_next("2026-05-09"); /* Saturday, no time */
	fx_log("2026-05-04 10:00");
	assert_due(created(0), "2026-05-11");
	assert_true(any_notice_has(&fx.d, "2026-05-09"));
	assert_true(any_notice_has(&fx.d, "2026-05-11"));
}

static void test_callback_outside_hours_moves_with_notice(void **state)
{
	fx_init("callback");
	fx_next("2026-05-05 21:30");
	fx_log("2026-05-04 10:00");
	assert_due(created(0), "2026-05-06 09:00");
	assert_true(any_notice_has(&fx.d, "outside working hours"));
	fx_init("callback");
	fx_next("2026-05-05 07:00");
	fx_log("2026-05-04 10:00");
	assert_due(created(0), "2026-05-05 09:00");
	assert_int_equal(count_kind(&fx.d, DEC_NOTICE), 1);
}

/* ---- wrong number, refused, complaint ------------------------------------------------- */

static void test_wrong_number(void **state)
{
	fx_init("wrong_number");
	fx_log("2026-05-04 10:00");
	assert_int_equal(cur()->task.status, TASK_CLOSED);
	const struct decision *c = must(nth(&fx.d, DEC_SET_CUSTOMER, 0), "customer flags");
	assert_true(c->flag_phone_invalid);
	assert_false(c->flag_do_not_call);
	assert_int_equal(count_kind(&fx.d, DEC_CREATE_TASK), 1);
	const struct hf_task_rec *t = created(0);
	assert_int_equal(t->kind, TASK_DATAFIX);
	assert_string_equal(t->owner, "zhang");
	assert_string_equal(t->team, cfg.consultant_team);
	assert_string_equal(t->script, "datafix");
	assert_due(t, "2026-05-04");
	assert_non_null(strstr(WHY(&t->origin), "task 12"));
}

static void test_wrong_number_keeps_one_datafix(void **state)
{
	fx_init("wrong_number");
	fx_other(30, TASK_DATAFIX, "2026-05-03");
	fx_log("2026-05-04 10:00");
	assert_int_equal(count_kind(&fx.d, DEC_CREATE_TASK), 0);
	assert_int_equal(count_kind(&fx.d, DEC_SET_CUSTOMER), 1);
}

static void test_wrong_number_without_consultant(void **state)
{
	fx_init("wrong_number");
	fx.cust.consultant[0] = '\0';
	fx_log("2026-05-04 10:00");
	assert_string_equal(created(0)->owner, "");
	assert_string_equal(created(0)->team, cfg.consultant_team);
}

static void test_refused_cancels_every_future_call(void **state)
{
	fx_init("refused");
	fx_other(13, TASK_FOLLOWUP, "2026-06-01");
	fx_other(14, TASK_FOLLOWUP, "2026-04-20")->status = TASK_DONE;
	fx_other(15, TASK_BIRTHDAY, "2026-05-03");
	struct hf_task_rec *m = fx_other(16, TASK_REPURCHASE, "2026-06-01");
	m->status = TASK_MERGED;
	m->merged_into = 13;
	fx_log("2026-05-04 10:00");
	assert_int_equal(cur()->task.status, TASK_CLOSED);
	assert_int_equal(must(update_of(&fx.d, 13), "13")->task.status, TASK_CANCELLED);
	assert_int_equal(must(update_of(&fx.d, 15), "15")->task.status, TASK_CANCELLED);
	assert_int_equal(must(update_of(&fx.d, 16), "16")->task.status, TASK_CANCELLED);
	assert_null(update_of(&fx.d, 14));
	const struct decision *c = must(nth(&fx.d, DEC_SET_CUSTOMER, 0), "customer flags");
	assert_true(c->flag_do_not_call);
	assert_false(c->flag_phone_invalid);
	assert_int_equal(count_kind(&fx.d, DEC_CREATE_TASK), 0);
}

static void test_complaint_escalates_high(void **state)
{
	fx_init("complaint");
	fx.in.complaint = "服务态度";
	fx_log("2026-05-04 10:00");
	assert_int_equal(cur()->task.status, TASK_DONE);
	const struct decision *e = escalation();
	assert_int_equal(e->severity, SEV_HIGH);
	assert_int_equal(e->sla_hours, 24);
	assert_non_null(strstr(WHY(&e->reason), "complaint"));
	assert_non_null(strstr(WHY(&e->reason), "服务态度"));
}

/* ---- escalation triggers -------------------------------------------------------------- */

static void test_low_score_escalates_normal(void **state)
{
	static const struct { int score; bool esc; } rows[] = {
		{ 1, true }, { 2, true }, { 3, false }, { 4, false }, { 5, false }, { 0, false },
	};
	for (size_t i = 0; i < COUNT(rows); i++) {
		fx_init("reached");
		fx.in.score = rows[i].score;
		fx_log("2026-05-04 10:00");
		assert_int_equal(count_kind(&fx.d, DEC_ESCALATE), rows[i].esc);
		if (rows[i].esc) {
			assert_int_equal(escalation()->severity, SEV_NORMAL);
			assert_int_equal(escalation()->sla_hours, 48);
			assert_non_null(strstr(WHY(&escalation()->reason), "low score"));
		}
	}
}

static void test_low_dimension_escalates_normal(void **state)
{
	/* Defaults: attitude, expertise and results low at 2, facilities at 1. */
	static const struct { const char *dims, *reasons; } rows[] = {
		{ "attitude=2", "low score 2 for attitude" },
		{ "attitude=3", NULL },
		{ "attitude=1", "low score 1 for attitude" },
		{ "facilities=2", NULL },
		{ "facilities=1", "low score 1 for facilities" },
		{ "results=5 expertise=2", "low score 2 for expertise" },
		{ "attitude=2 results=1", "low score 2 for attitude; low score 1 for results" },
		{ "attitude=5 expertise=5 facilities=5 results=5", NULL },
	};
	for (size_t i = 0; i < COUNT(rows); i++) {
		fx_init("reached");
		fx.in.score = 4;
		fx_dim(rows[i].dims);
		fx_log("2026-05-04 10:00");
		const struct decision *e = nth(&fx.d, DEC_ESCALATE, 0);
		if (!rows[i].reasons) {
			if (e)
				fail_msg("%s escalated: %s", rows[i].dims, WHY(&e->reason));
			continue;
		}
		e = must(e, rows[i].dims);
		assert_int_equal(count_kind(&fx.d, DEC_ESCALATE), 1);
		assert_string_equal(WHY(&e->reason), rows[i].reasons);
		assert_int_equal(e->severity, SEV_NORMAL);
		assert_int_equal(e->sla_hours, cfg.low_score_sla_hours);
		assert_int_equal(e->reason.part[0].code, WHY_LOW_DIMENSION);
	}
	/* Stored as the dimension's code, shown by the rules as its name. */
	fx_init("reached");
	fx_dim("attitude=2 results=1");
	fx_log("2026-05-04 10:00");
	char shown[256];
	assert_string_equal(rules_why_text(&cfg, &escalation()->reason, shown, sizeof shown),
	                    "low score 2 for Attitude; low score 1 for Results");
	/* The threshold is the dimension's own: 0 never. */
	cfg.dimensions[0].low_max = 0;
	fx_init("reached");
	fx_dim("attitude=1");
	fx_log("2026-05-04 10:00");
	assert_int_equal(count_kind(&fx.d, DEC_ESCALATE), 0);
	cfg.dimensions[0].low_max = 4;
	fx_init("reached");
	fx_dim("attitude=4");
	fx_log("2026-05-04 10:00");
	assert_string_equal(WHY(&escalation()->reason), "low score 4 for attitude");
}

/* Every trigger at once, with the most dimensions the rules may have, all low: one escalation
 * naming each. */
static void test_every_reason_fits_one_escalation(void **state)
{
	cfg.ndimensions = HF_MAX_DIMS;
	for (int i = 0; i < HF_MAX_DIMS; i++) {
		snprintf(cfg.dimensions[i].code, sizeof cfg.dimensions[i].code, "d%d", i);
		snprintf(cfg.dimensions[i].name, sizeof cfg.dimensions[i].name, "维度%d", i);
		cfg.dimensions[i].low_max = 2;
	}
	fx_init("complaint");
	fx.cust.last_score = 5;
	fx.in.score = 1;
	fx.in.complaint = "术后并发症";
	fx.in.note = "伤口化脓了";
	fx_dim("d0=1 d1=1 d2=2 d3=1 d4=2 d5=1 d6=1 d7=2");
	fx_log("2026-05-04 10:00");
	const struct decision *e = escalation();
	assert_int_equal(e->reason.n, 4 + HF_MAX_DIMS);
	char shown[1024];
	assert_non_null(strstr(rules_why_text(&cfg, &e->reason, shown, sizeof shown),
	                        "low score 2 for 维度7"));
	assert_non_null(strstr(WHY(&e->reason), "化脓"));
}

static void test_score_drop_escalates_normal(void **state)
{
	static const struct { int last, score; char reason[32]; } rows[] = {
		{ 5, 3, "score dropped from 5 to 3" },
		{ 4, 3, "" },
		{ 5, 4, "" },
		{ 0, 3, "" },               /* no previous score */
		{ 3, 5, "" },               /* a rise */
		{ 5, 0, "" },               /* no score given */
		{ 4, 2, "score dropped from 4 to 2" },
	};
	for (size_t i = 0; i < COUNT(rows); i++) {
		fx_init("reached");
		fx.cust.last_score = rows[i].last;
		fx.in.score = rows[i].score;
		fx_log("2026-05-04 10:00");
		const struct decision *e = nth(&fx.d, DEC_ESCALATE, 0);
		if (!rows[i].reason[0]) {
			if (e)
				fail_msg("%d after %d escalated: %s", rows[i].score, rows[i].last, WHY(&e->reason));
			continue;
		}
		e = must(e, rows[i].reason);
		assert_non_null(strstr(WHY(&e->reason), rows[i].reason));
		assert_int_equal(e->severity, SEV_NORMAL);
		assert_int_equal(e->sla_hours, cfg.score_drop_sla_hours);
	}
}

static void test_score_drop_threshold_from_config(void **state)
{
	cfg.score_drop = 1;
	fx_init("reached");
	fx.cust.last_score = 5;
	fx.in.score = 4;
	fx_log("2026-05-04 10:00");
	assert_non_null(strstr(WHY(&escalation()->reason), "from 5 to 4"));
	cfg.score_drop = 0; /* never */
	fx_init("reached");
	fx.cust.last_score = 5;
	fx.in.score = 3;
	fx_log("2026-05-04 10:00");
	assert_int_equal(count_kind(&fx.d, DEC_ESCALATE), 0);
}

static void test_risk_word_escalates_urgent(void **state)
{
	static const struct { const char *code, *note, *word; } rows[] = {
		{ "reached", "术后第二天有点发烧了", "发烧" },
		{ "reached", "说恢复还行，就是昨晚伤口有点渗血，今天好了", "渗血" },
		{ "no_answer", "家属接的电话，说她伤口感染住院了", "感染" },
		{ "busy", "在开会。提到眼睛视力模糊", "视力模糊" },
	};
	for (size_t i = 0; i < COUNT(rows); i++) {
		fx_init(rows[i].code);
		fx.in.note = rows[i].note;
		fx_log("2026-05-04 10:00");
		const struct decision *e = escalation();
		assert_int_equal(e->severity, SEV_URGENT);
		assert_int_equal(e->sla_hours, 2);
		assert_non_null(strstr(WHY(&e->reason), rows[i].word));
	}
	fx_init("reached");
	fx.in.note = "恢复很好，没有任何不舒服";
	fx_log("2026-05-04 10:00");
	assert_int_equal(count_kind(&fx.d, DEC_ESCALATE), 0);
}

static void test_several_triggers_make_one_escalation(void **state)
{
	fx_init("complaint");
	fx.cust.last_score = 5;
	fx.in.score = 1;
	fx.in.complaint = "术后并发症";
	fx.in.note = "很生气，说回家后伤口化脓了";
	fx_log("2026-05-04 10:00");
	const struct decision *e = escalation();
	assert_int_equal(e->severity, SEV_URGENT);
	assert_int_equal(e->sla_hours, 2);
	assert_non_null(strstr(WHY(&e->reason), "complaint (术后并发症)"));
	assert_non_null(strstr(WHY(&e->reason), "low score 1"));
	assert_non_null(strstr(WHY(&e->reason), "from 5 to 1"));
	assert_non_null(strstr(WHY(&e->reason), "化脓"));
}

static void test_low_score_and_drop_together(void **state)
{
	fx_init("reached");
	fx.cust.last_score = 4;
	fx.in.score = 2;
	cfg.score_drop_sla_hours = 36;
	fx_log("2026-05-04 10:00");
	const struct decision *e = escalation();
	assert_int_equal(e->severity, SEV_NORMAL);
	assert_int_equal(e->sla_hours, 36); /* the shorter deadline */
	assert_non_null(strstr(WHY(&e->reason), "low score 2"));
	assert_non_null(strstr(WHY(&e->reason), "from 4 to 2"));
}

static void test_shortest_sla_wins_whatever_the_severity(void **state)
{
	cfg.complaint_sla_hours = 1;
	fx_init("complaint");
	fx.in.note = "有点发烧";
	fx_log("2026-05-04 10:00");
	assert_int_equal(escalation()->severity, SEV_URGENT);
	assert_int_equal(escalation()->sla_hours, 1);
}

static void test_escalation_slas_come_from_config(void **state)
{
	cfg.low_score_sla_hours = 12;
	cfg.risk_sla_hours = 3;
	fx_init("reached");
	fx.in.score = 2;
	fx_log("2026-05-04 10:00");
	assert_int_equal(escalation()->sla_hours, 12);
	fx_init("reached");
	fx.in.note = "有点出血";
	fx_log("2026-05-04 10:00");
	assert_int_equal(escalation()->sla_hours, 3);
}

/* ---- next contact and the contact cap ------------------------------------------------- */

static void test_next_contact_joins_task_due_that_day(void **state)
{
	fx_init("reached");
	fx_other(20, TASK_FOLLOWUP, "2026-05-07");
	fx_next("2026-05-07");
	fx_log("2026-05-04 10:00");
	const struct hf_task_rec *t = created(0);
	assert_int_equal(t->status, TASK_MERGED);
	assert_int_equal(t->merged_into, 20);
	assert_null(update_of(&fx.d, 20));
	assert_true(any_notice_has(&fx.d, "joins task 20"));
}

static void test_timed_callback_carries_task_due_that_day(void **state)
{
	fx_init("callback");
	fx_other(20, TASK_FOLLOWUP, "2026-05-07");
	fx_next("2026-05-07 15:00");
	fx_log("2026-05-04 10:00");
	const struct decision *c = must(nth(&fx.d, DEC_CREATE_TASK, 0), "callback");
	assert_int_equal(c->task.status, TASK_OPEN);
	const struct decision *u = must(update_of(&fx.d, 20), "merge of 20");
	assert_int_equal(u->task.status, TASK_MERGED);
	assert_int_equal(u->task.merged_into, 0);
	assert_true(u->carrier >= 0);
	assert_ptr_equal(&fx.d.v[u->carrier], c);
	assert_true(any_notice_has(&fx.d, "task 20 joins"));
}

static void test_next_contact_outside_cap_stays_apart(void **state)
{
	fx_init("reached");
	fx_other(20, TASK_FOLLOWUP, "2026-05-08");
	fx_next("2026-05-07");
	fx_log("2026-05-04 10:00");
	assert_int_equal(created(0)->status, TASK_OPEN);
	assert_null(update_of(&fx.d, 20));
	cfg.contact_cap_days = 0;
	fx_init("reached");
	fx_other(20, TASK_FOLLOWUP, "2026-05-07");
	fx_next("2026-05-07");
	fx_log("2026-05-04 10:00");
	assert_int_equal(created(0)->status, TASK_OPEN);
}

static void test_wider_cap_earliest_keeps_the_call(void **state)
{
	cfg.contact_cap_days = 3;
	fx_init("reached");
	fx_other(20, TASK_FOLLOWUP, "2026-05-09");
	fx_other(21, TASK_FOLLOWUP, "2026-05-10"); /* 3 days after the new call: outside */
	fx_next("2026-05-07");
	fx_log("2026-05-04 10:00");
	assert_int_equal(created(0)->status, TASK_OPEN);
	const struct decision *u = must(update_of(&fx.d, 20), "merge of 20");
	assert_int_equal(u->task.status, TASK_MERGED);
	assert_int_equal(fx.d.v[u->carrier].kind, DEC_CREATE_TASK);
	assert_null(update_of(&fx.d, 21));
}

static void test_busy_retry_carries_task_due_then(void **state)
{
	fx_init("busy");
	fx_other(20, TASK_BIRTHDAY, "2026-05-07");
	fx_next("2026-05-07 11:00");
	fx_log("2026-05-04 10:00");
	assert_due(&cur()->task, "2026-05-07 11:00");
	const struct decision *u = must(update_of(&fx.d, 20), "merge of 20");
	assert_int_equal(u->task.status, TASK_MERGED);
	assert_int_equal(u->task.merged_into, 12);
	assert_true(any_notice_has(&fx.d, "task 20 joins task 12"));
}

static void test_datafix_is_never_merged(void **state)
{
	fx_init("wrong_number");
	fx_other(20, TASK_FOLLOWUP, "2026-05-04");
	fx_log("2026-05-04 10:00");
	assert_int_equal(created(0)->kind, TASK_DATAFIX);
	assert_int_equal(created(0)->status, TASK_OPEN);
	assert_null(update_of(&fx.d, 20));
}

static void test_logged_task_need_not_be_among_others(void **state)
{
	fx_init("no_answer");
	fx.d.n = 0;
	rules_log_outcome(&cfg, &fx.cust, &fx.visit, &fx.task, NULL, 0, &fx.in, S("2026-05-04 10:00"), &fx.d);
	assert_int_equal(cur()->task.attempts, 1);
	assert_due(&cur()->task, "2026-05-04 14:00");
}

static void test_log_leaves_unrelated_tasks_alone(void **state)
{
	fx_init("reached");
	fx_other(20, TASK_FOLLOWUP, "2026-06-01");
	fx_other(21, TASK_FOLLOWUP, "2026-04-01")->status = TASK_MISSED;
	fx_log("2026-05-04 10:00");
	assert_int_equal(fx.d.n, 1);
}

/* ---- proposals ------------------------------------------------------------------------ */

static void test_propose_next(void **state)
{
	static const struct { const char *code, *now; int attempts; const char *want; } rows[] = {
		{ "no_answer", "2026-05-04 10:00", 0, "2026-05-04 14:00" },
		{ "no_answer", "2026-05-04 17:00", 1, "2026-05-05 09:00" },
		{ "no_answer", "2026-05-04 10:00", 2, NULL }, /* this attempt ends it */
		{ "busy", "2026-05-04 10:00", 7, "2026-05-04 12:00" },
		{ "callback", "2026-05-04 10:00", 0, "2026-05-05 10:00" },
		{ "callback", "2026-05-04 21:00", 0, "2026-05-05 09:00" },
		{ "callback", "2026-05-08 15:00", 0, "2026-05-11 15:00" }, /* Friday */
		{ "complaint", "2026-05-04 10:00", 0, "2026-05-05 10:00" },
		{ "reached", "2026-05-04 10:00", 0, "2026-05-08 09:00" }, /* the next booked call */
		{ "reached", "2026-05-08 10:00", 0, "2026-06-01 15:30" }, /* not one due today */
		{ "reached", "2026-06-01 10:00", 0, NULL },               /* nothing booked after */
		{ "refused", "2026-05-04 10:00", 0, NULL },
		{ "wrong_number", "2026-05-04 10:00", 0, NULL },
		{ "nonsense", "2026-05-04 10:00", 0, NULL },
	};
	weekdays_only();
	for (size_t i = 0; i < COUNT(rows); i++) {
		fx_init(rows[i].code);
		fx.task.attempts = rows[i].attempts;
		/* The customer's other calls: the curve's next steps, one done, a data fix. */
		fx_other(20, TASK_FOLLOWUP, "2026-06-01")->due_minute = 15 * 60 + 30;
		fx_other(21, TASK_FOLLOWUP, "2026-05-08");
		fx_other(22, TASK_FOLLOWUP, "2026-05-06")->status = TASK_DONE;
		fx_other(23, TASK_DATAFIX, "2026-05-05");
		hf_stamp got = HF_NO_STAMP;
		int booked = -2;
		bool ok = rules_propose_next(&cfg, &fx.task, fx.others, fx.nothers, rows[i].code,
		                             S(rows[i].now), &got, &booked);
		if (ok != (rows[i].want != NULL))
			fail_msg("%s at %s: proposal %s", rows[i].code, rows[i].now, ok ? "made" : "missing");
		if (ok)
			assert_stamp(got, S(rows[i].want));
		/* Only reached's proposal is a call already booked. */
		bool is_reached = strcmp(rows[i].code, "reached") == 0;
		assert_true(ok && is_reached ? booked >= 0 && fx.others[booked].due == stamp_date(got)
		                             : booked == -1);
	}
}

/* The next contact as typed, the same on the command line and in the console's form. */
static void test_parse_next(void **state)
{
	(void)state;
	static const struct { const char *text; bool ok, timed; const char *at; } rows[] = {
		{"2026-11-25", true, false, "2026-11-25 00:00"},
		{"2026-11-25 15:30", true, true, "2026-11-25 15:30"},
		{"2026-11-25T15:30", true, true, "2026-11-25 15:30"},
		{"2028-02-29 09:00", true, true, "2028-02-29 09:00"},
		{"2026-02-29", false, false, NULL},
		{"2026-11-25 25:00", false, false, NULL},
		{"2026-11-25 15", false, false, NULL},
		{"tomorrow", false, false, NULL},
		/* A span from now (2026-11-23 09:30): a day without a time, or hours with it. */
		{"+3d", true, false, "2026-11-26 00:00"},
		{"+1w", true, false, "2026-11-30 00:00"},
		{"+1m", true, false, "2026-12-23 00:00"},
		{"+2h", true, true, "2026-11-23 11:30"},
		{"+3", false, false, NULL},
		{"3d", false, false, NULL},
		{"+3x", false, false, NULL},
		{"", false, false, NULL},
	};
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		struct outcome_input in = {0};
		bool ok = rules_parse_next(rows[i].text, S("2026-11-23 09:30"), &in);
		if (ok != rows[i].ok)
			fail_msg("\"%s\": %s", rows[i].text, ok ? "accepted" : "refused");
		assert_int_equal(in.has_next, rows[i].ok);
		if (!ok)
			continue;
		assert_int_equal(in.next_has_time, rows[i].timed);
		assert_stamp(in.next, S(rows[i].at));
	}
}

#define TF(f) cmocka_unit_test_setup_teardown(f, setup_cfg, teardown_fx)

int main(void)
{
	const struct CMUnitTest tests[] = {
		TF(test_check_unknown_outcome_lists_codes),
		TF(test_check_task_not_open),
		TF(test_check_score_range),
		TF(test_check_score_only_where_asked),
		TF(test_check_next_contact),
		TF(test_check_callback_needs_next),
		TF(test_check_dimensions),
		TF(test_check_complaint_category),
		TF(test_check_refuses_what_would_be_cut),
		TF(test_check_impossible_dates_are_the_parsers),
		TF(test_reached_done),
		TF(test_reached_with_next_creates_followup),
		TF(test_no_answer_retry_times),
		TF(test_no_answer_over_weekend),
		TF(test_no_answer_over_holidays),
		TF(test_no_answer_retry_keeps_window_when_inside),
		TF(test_no_answer_max_attempts_unreachable),
		TF(test_no_answer_unreachable_after_surgery_escalates),
		TF(test_no_answer_unreachable_no_escalation_otherwise),
		TF(test_busy_retries_after_two_hours),
		TF(test_busy_never_unreachable),
		TF(test_busy_at_the_time_given),
		TF(test_callback_owned_by_operator),
		TF(test_callback_to_a_team_pool),
		TF(test_callback_without_operator_team_uses_task_team),
		TF(test_callback_later_today),
		TF(test_callback_on_day_off_moves_with_notice),
		TF(test_callback_outside_hours_moves_with_notice),
		TF(test_wrong_number),
		TF(test_wrong_number_keeps_one_datafix),
		TF(test_wrong_number_without_consultant),
		TF(test_refused_cancels_every_future_call),
		TF(test_complaint_escalates_high),
		TF(test_low_score_escalates_normal),
		TF(test_low_dimension_escalates_normal),
		TF(test_every_reason_fits_one_escalation),
		TF(test_score_drop_escalates_normal),
		TF(test_score_drop_threshold_from_config),
		TF(test_risk_word_escalates_urgent),
		TF(test_several_triggers_make_one_escalation),
		TF(test_low_score_and_drop_together),
		TF(test_shortest_sla_wins_whatever_the_severity),
		TF(test_escalation_slas_come_from_config),
		TF(test_next_contact_joins_task_due_that_day),
		TF(test_timed_callback_carries_task_due_that_day),
		TF(test_next_contact_outside_cap_stays_apart),
		TF(test_wider_cap_earliest_keeps_the_call),
		TF(test_busy_retry_carries_task_due_then),
		TF(test_datafix_is_never_merged),
		TF(test_logged_task_need_not_be_among_others),
		TF(test_log_leaves_unrelated_tasks_alone),
		TF(test_propose_next),
		TF(test_parse_next),
	};
	return cmocka_run_group_tests_name("rules_outcome", tests, NULL, NULL);
}
