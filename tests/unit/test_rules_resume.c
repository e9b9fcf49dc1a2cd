/* test_rules_resume.c — what comes back when a phone is fixed or do-not-call is lifted. */
#include "test_rules.h"

/* A task of visit 1 (a surgery on 2026-11-01) or a data fix naming the task it came from. */
struct row {
	int id, step;
	const char *status, *due, *window_end;
	int fixes;                      /* a data fix: the task its wrong number closed; 0 none */
};
/* What each task should be afterwards, "status due", in the order of the rows. */
struct want {
	const char *v[6];
};

static void run(enum resume_reason why, bool dnc, const char *today, const struct row *rows,
                size_t n, const struct want *want)
{
	struct rules_customer cust = {.id = 1, .birthday = HF_NO_DATE, .do_not_call = dnc};
	struct rules_visit visit = {.id = 1, .date = D("2026-11-01"), .kind = VISIT_SURGERY,
	                            .course_end = HF_NO_DATE};
	str_set(visit.treatment, sizeof visit.treatment, "隆鼻");
	struct hf_task_rec tasks[6];
	for (size_t i = 0; i < n; i++) {
		struct hf_task_rec *t = &tasks[i];
		task_rec_init(t);
		t->id = rows[i].id;
		t->visit_id = 1;
		t->step = rows[i].step;
		t->status = task_status_from_code(rows[i].status);
		t->due = D(rows[i].due);
		t->window_end = D(rows[i].window_end);
		str_set(t->team, sizeof t->team, "postop");
		if (rows[i].fixes) {
			t->kind = TASK_DATAFIX;
			why_add(&t->origin, WHY_WRONG_NUMBER)->task = rows[i].fixes;
		} else {
			set_origin(t, "curve");
		}
	}
	struct decisions d;
	decisions_init(&d);
	rules_resume_customer(&cfg, &cust, &visit, 1, tasks, n, why, S(today), &d);
	for (size_t k = 0; k < d.n; k++) {
		assert_int_not_equal(d.v[k].kind, DEC_CREATE_TASK); /* nothing new: only what was */
		for (size_t i = 0; i < n && d.v[k].kind == DEC_UPDATE_TASK; i++)
			if (tasks[i].id == d.v[k].task.id)
				tasks[i] = d.v[k].task;
	}
	for (size_t i = 0; i < n; i++) {
		char got[64], buf[16];
		snprintf(got, sizeof got, "%s %s", task_status_code(tasks[i].status),
		         date_format(tasks[i].due, buf));
		if (strcmp(got, want->v[i]))
			fail_msg("task %d: %s, want %s", rows[i].id, got, want->v[i]);
	}
	decisions_free(&d);
}

static void test_dnc_lifted(void **state)
{
	(void)state;
	/* Refused on the day-3 call; lifted on Monday 2026-11-23: the day-7 call, missed while
	 * the customer refused, comes back today; the month-1 and month-3 calls as they were. */
	const struct row refused[] = {
		{1, 0, "done", "2026-11-02", "2026-11-03", 0},
		{2, 1, "closed", "2026-11-04", "2026-11-05", 0},
		{3, 2, "cancelled", "2026-11-08", "2026-11-10", 0},
		{4, 3, "cancelled", "2026-12-01", "2026-12-04", 0},
		{5, 4, "cancelled", "2027-02-01", "2027-02-04", 0},
	};
	run(RESUME_DNC_LIFTED, false, "2026-11-23 10:00", refused, COUNT(refused),
	    &(struct want){{"done 2026-11-02", "closed 2026-11-04", "open 2026-11-23",
	                    "open 2026-12-01", "open 2027-02-01"}});
	/* Two steps fell due meanwhile: only the later one, the step the customer is at. */
	const struct row two[] = {
		{1, 0, "closed", "2026-11-02", "2026-11-03", 0},
		{2, 1, "cancelled", "2026-11-04", "2026-11-05", 0},
		{3, 2, "cancelled", "2026-11-08", "2026-11-10", 0},
		{4, 3, "cancelled", "2026-12-01", "2026-12-04", 0},
	};
	run(RESUME_DNC_LIFTED, false, "2026-11-23 10:00", two, COUNT(two),
	    &(struct want){{"closed 2026-11-02", "cancelled 2026-11-04", "open 2026-11-23",
	                    "open 2026-12-01"}});
	/* A step cancelled before one that was made is not the refusal's doing. */
	const struct row before[] = {
		{1, 0, "cancelled", "2026-11-02", "2026-11-03", 0},
		{2, 1, "done", "2026-11-04", "2026-11-05", 0},
		{3, 2, "cancelled", "2026-11-08", "2026-11-10", 0},
	};
	run(RESUME_DNC_LIFTED, false, "2026-11-23 10:00", before, COUNT(before),
	    &(struct want){{"cancelled 2026-11-02", "done 2026-11-04", "open 2026-11-23"}});
	/* Still do-not-call (the flag not yet lifted): nothing comes back. */
	run(RESUME_DNC_LIFTED, true, "2026-11-23 10:00", two, COUNT(two),
	    &(struct want){{"closed 2026-11-02", "cancelled 2026-11-04", "cancelled 2026-11-08",
	                    "cancelled 2026-12-01"}});
}

static void test_phone_fixed(void **state)
{
	(void)state;
	/* The day-3 call hit a wrong number; the data fix is done when the phone is fixed and the
	 * call comes back the next working day (Saturday 2026-11-21 -> Monday, in a clinic closed
	 * at weekends). */
	cfg.work_day[6] = cfg.work_day[7] = false;
	const struct row wrong[] = {
		{1, 0, "done", "2026-11-02", "2026-11-03", 0},
		{2, 1, "closed", "2026-11-04", "2026-11-05", 0},
		{3, 3, "open", "2026-12-01", "2026-12-04", 0},
		{4, -1, "open", "2026-11-05", "2026-11-08", 2},
	};
	run(RESUME_PHONE_FIXED, false, "2026-11-21 10:00", wrong, COUNT(wrong),
	    &(struct want){{"done 2026-11-02", "open 2026-11-23", "open 2026-12-01",
	                    "done 2026-11-05"}});
	/* No data fix: a closed call stays closed. */
	run(RESUME_PHONE_FIXED, false, "2026-11-21 10:00", wrong, 3,
	    &(struct want){{"done 2026-11-02", "closed 2026-11-04", "open 2026-12-01"}});
	/* A do-not-call customer's data fix is done, but no call comes back. */
	run(RESUME_PHONE_FIXED, true, "2026-11-21 10:00", wrong, COUNT(wrong),
	    &(struct want){{"done 2026-11-02", "closed 2026-11-04", "open 2026-12-01",
	                    "done 2026-11-05"}});
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_dnc_lifted),
		T(test_phone_fixed),
	};
	return cmocka_run_group_tests_name("rules_resume", tests, NULL, NULL);
}
