/* test_rules_value.c — customer value (RFM): scores at the thresholds' edges, segments, the VIP
 * rule, the explanation and the reactivation call a segment asks for. */
#include <locale.h>

#include "test_rules.h"
#include "huifang/str.h"

/* The built-in thresholds: recency 30/90/180 days, frequency 1/2/4 visits, spend
 * 5000/20000/50000 yuan; high from 3. */
static void test_scores_at_the_edges(void **state)
{
	(void)state;
	const struct {
		int which; /* 0 R, 1 F, 2 M */
		long long v;
		int score;
	} rows[] = {
		{0, 0, 4}, {0, 30, 4}, {0, 31, 3}, {0, 90, 3}, {0, 91, 2}, {0, 180, 2}, {0, 181, 1},
		{0, 5000, 1},
		{1, 0, 1}, {1, 1, 2}, {1, 2, 3}, {1, 3, 3}, {1, 4, 4}, {1, 40, 4},
		{2, 0, 1}, {2, 4999, 1}, {2, 5000, 2}, {2, 19999, 2}, {2, 20000, 3}, {2, 49999, 3},
		{2, 50000, 4}, {2, 5000000, 4},
	};
	const struct hf_value_rules *vr = &cfg.value;
	for (size_t i = 0; i < COUNT(rows); i++) {
		const int *th = rows[i].which == 0 ? vr->recency : rows[i].which == 1 ? vr->frequency
		                                                                      : vr->monetary;
		int got = rules_value_score(th, rows[i].v, rows[i].which == 0);
		if (got != rows[i].score)
			fail_msg("row %zu: %c %lld scored %d, want %d", i, "RFM"[rows[i].which], rows[i].v,
			         got, rows[i].score);
	}
}

static void test_segments_by_levels(void **state)
{
	(void)state;
	const struct {
		int r, f, m;
		const char *segment;
	} rows[] = {
		{4, 4, 4, "champion"}, {3, 3, 3, "champion"}, {2, 3, 3, "win_back"}, {1, 4, 4, "win_back"},
		{3, 2, 3, "develop"}, {2, 2, 3, "retain"}, {3, 3, 2, "potential"}, {4, 1, 1, "new"},
		{2, 3, 2, "maintain"}, {1, 1, 1, "dormant"}, {2, 2, 2, "dormant"},
	};
	for (size_t i = 0; i < COUNT(rows); i++) {
		const struct hf_segment *g = rules_value_segment(&cfg.value, rows[i].r, rows[i].f, rows[i].m);
		assert_non_null(g);
		if (strcmp(g->code, rows[i].segment) != 0)
			fail_msg("row %zu: %d%d%d is %s, want %s", i, rows[i].r, rows[i].f, rows[i].m,
			         g->code, rows[i].segment);
	}
	/* "any" matches both; the first match wins; no match is no segment. */
	cfg.value.nsegments = 1;
	cfg.value.segments[0].r = LEVEL_ANY;
	assert_non_null(rules_value_segment(&cfg.value, 1, 4, 4));
	assert_null(rules_value_segment(&cfg.value, 4, 1, 4));
}

static struct rules_visit V(const char *date, long long amount)
{
	struct rules_visit v = {0};
	v.date = D(date);
	v.kind = VISIT_SURGERY;
	v.course_end = HF_NO_DATE;
	v.amount = amount;
	return v;
}

static void test_value_from_visits(void **state)
{
	(void)state;
	struct rules_visit visits[] = {
		V("2026-11-11", 18000), V("2026-09-01", 10000),
		V("2025-11-24", 50000),  /* 364 days before: in the 365-day window */
		V("2025-11-23", 70000),  /* 365 days before: out of it */
		V("2026-12-01", 99000),  /* after today: not counted */
	};
	struct hf_value v;
	rules_customer_value(&cfg, visits, COUNT(visits), D("2026-11-23"), &v);
	assert_int_equal(v.recency, 12);
	assert_int_equal(v.frequency, 3);
	assert_int_equal(v.monetary, 78000);
	assert_int_equal(v.r * 100 + v.f * 10 + v.m, 434);
	assert_string_equal(v.segment, "champion");
	/* 11-11 and 09-01 are 12 and 83 days back: two in a quarter. */
	assert_true(v.vip);
	assert_int_equal(v.rank, cfg.value.vip_priority);

	/* The VIP period's edge: 90 days back is out, 89 in. */
	struct rules_visit two[] = {V("2026-11-23", 0), V("2026-08-25", 0)};
	rules_customer_value(&cfg, two, 2, D("2026-11-23"), &v);
	assert_false(v.vip);
	two[1] = V("2026-08-26", 0);
	rules_customer_value(&cfg, two, 2, D("2026-11-23"), &v);
	assert_true(v.vip);
	cfg.value.vip_visits = 0; /* no VIP rule */
	rules_customer_value(&cfg, two, 2, D("2026-11-23"), &v);
	assert_false(v.vip);

	/* No visit: nothing to score. */
	rules_customer_value(&cfg, NULL, 0, D("2026-11-23"), &v);
	assert_int_equal(v.recency, -1);
	assert_int_equal(v.r, 0);
	assert_string_equal(v.segment, "");
	assert_false(v.vip);
}

static void test_explanation(void **state)
{
	(void)state;
	struct rules_visit visits[] = {V("2026-11-11", 18000), V("2026-07-01", 10000),
	                               V("2026-03-01", 1000)};
	struct hf_value v;
	rules_customer_value(&cfg, visits, COUNT(visits), D("2026-11-23"), &v);
	struct sbuf b;
	sbuf_init(&b);
	rules_value_explain(&cfg, &v, &b);
	assert_string_equal(b.s, "R 12 d, F 3 in 365 d, M ¥29,000 → 重要价值");
	sbuf_reset(&b);
	cfg.value.vip_visits = 1;
	rules_customer_value(&cfg, visits, 1, D("2027-05-23"), &v);
	rules_value_explain(&cfg, &v, &b);
	assert_string_equal(b.s, "R 193 d, F 1 in 365 d, M ¥18,000 → 沉睡客户");
	sbuf_free(&b);
}

/* A valuable customer gone quiet (重要唤回) gets one reactivation call with the value script;
 * planning again decides nothing. */
static void test_segment_reactivation(void **state)
{
	(void)state;
	struct rules_visit visits[] = {V("2026-07-01", 18000), V("2026-05-02", 10000)};
	visits[0].id = 2;
	visits[1].id = 1;
	struct rules_customer cust = {.id = 1, .birthday = HF_NO_DATE};
	struct decisions d;
	decisions_init(&d);
	/* Curves already written: mark each step as planned by giving the visits no curve. */
	cfg.curves[VISIT_SURGERY].nsteps = 0;
	rules_plan_customer(&cfg, &cust, visits, COUNT(visits), NULL, 0, S("2026-11-23 08:00"), &d);
	size_t made = 0;
	struct hf_task_rec t = {0};
	for (size_t i = 0; i < d.n; i++)
		if (d.v[i].kind == DEC_CREATE_TASK && d.v[i].task.kind == TASK_REACTIVATION) {
			made++;
			t = d.v[i].task;
		}
	assert_int_equal(made, 1);
	assert_string_equal(t.script, "value.reactivation");
	assert_int_equal(t.visit_id, 2);
	assert_date(t.due, "2026-11-23");
	char why[128];
	assert_string_equal(rules_why_text(&cfg, &t.origin, why, sizeof why),
	                    "reactivation: 重要唤回, last visit 2026-07-01");
	/* Again with that task on file: nothing new. */
	t.id = 9;
	d.n = 0;
	rules_plan_customer(&cfg, &cust, visits, COUNT(visits), &t, 1, S("2026-11-24 08:00"), &d);
	for (size_t i = 0; i < d.n; i++)
		assert_false(d.v[i].kind == DEC_CREATE_TASK);
	/* A segment that does not ask for it: no call. */
	for (int i = 0; i < cfg.value.nsegments; i++)
		cfg.value.segments[i].reactivate = false;
	d.n = 0;
	rules_plan_customer(&cfg, &cust, visits, COUNT(visits), NULL, 0, S("2026-11-23 08:00"), &d);
	assert_int_equal(d.n, 0);
	decisions_free(&d);
}

/* The value changes only on the days rules_value_changes names: day by day over two years, a
 * day whose scores, counts, segment or VIP differ from the day before was the day named then. */
static void test_value_changes_when_said(void **state)
{
	(void)state;
	struct rules_visit visits[] = {V("2026-01-10", 3000), V("2026-03-02", 18000),
	                               V("2026-03-20", 900), V("2026-09-15", 30000),
	                               V("2027-02-01", 2000)};
	struct hf_value was, now;
	hf_date from = D("2025-12-01");
	rules_customer_value(&cfg, visits, COUNT(visits), from, &was);
	hf_date said = rules_value_changes(&cfg, visits, COUNT(visits), from);
	int changes = 0;
	for (hf_date day = from + 1; day < from + 730; day++) {
		rules_customer_value(&cfg, visits, COUNT(visits), day, &now);
		bool same = now.last_visit == was.last_visit && now.frequency == was.frequency &&
		            now.monetary == was.monetary && now.r == was.r && now.f == was.f &&
		            now.m == was.m && now.vip == was.vip && now.rank == was.rank &&
		            strcmp(now.segment, was.segment) == 0;
		if (!same) {
			changes++;
			if (said == HF_NO_DATE || said > day)
				fail_msg("the value changed on day %d, the day before said %d", day, said);
		}
		if (said != HF_NO_DATE)
			assert_true(said >= day); /* never a day already past */
		was = now;
		said = rules_value_changes(&cfg, visits, COUNT(visits), day);
	}
	assert_true(changes >= 8);
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	const struct CMUnitTest tests[] = {
		T(test_scores_at_the_edges),
		T(test_segments_by_levels),
		T(test_value_from_visits),
		T(test_explanation),
		T(test_segment_reactivation),
		T(test_value_changes_when_said),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
