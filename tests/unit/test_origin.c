/* test_origin.c — the why table: every code's arguments, and origins and reasons as shown. */
#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "huifang/date.h"
#include "huifang/rules.h"
#include "huifang/str.h"

#define COUNT(a) (sizeof (a) / sizeof (a)[0])

/* A part from "key=value" pairs, as the store would read it back. */
static void add(struct hf_why *w, enum hf_why_code code, const char *const *args)
{
	struct hf_why_part *p = why_add(w, code);
	assert_non_null(p);
	for (; args && *args; args += 2) {
		enum hf_why_arg a = why_arg_from_key(args[0], strlen(args[0]));
		assert_int_not_equal(a, ARG_NONE);
		assert_true(why_has_arg(code, a));
		if (!why_arg_set(p, a, args[1]))
			fail_msg("%s=%s not accepted", args[0], args[1]);
	}
}

#define A(...) ((const char *const[]){__VA_ARGS__, NULL})

static void test_every_code_renders(void **state)
{
	(void)state;
	struct hf_config cfg;
	config_defaults(&cfg);
	const struct {
		enum hf_why_code code;
		const char *const *args;
		const char *shown;
	} rows[] = {
		{WHY_CURVE, A("visit_kind", "surgery", "visit_date", "2026-11-20", "treatment", "隆鼻",
		              "offset", "+3d"), "surgery 2026-11-20 隆鼻, day 3 call"},
		{WHY_CURVE, A("visit_kind", "consult", "visit_date", "2026-11-01", "offset", "+7d",
		              "repeat", "2"), "consultation 2026-11-01, day 7 call, repeat 2"},
		{WHY_CURVE, A("visit_kind", "course", "visit_date", "2026-10-01", "treatment", "光子嫩肤",
		              "offset", "+7d", "course_end", "2026-11-01"),
		 "treatment course 2026-10-01 光子嫩肤, day 7 call after the course ended 2026-11-01"},
		{WHY_CURVE, A("visit_kind", "surgery", "visit_date", "2026-08-16", "offset", "+3m"),
		 "surgery 2026-08-16, month 3 call"},
		{WHY_CURVE, A("visit_kind", "surgery", "visit_date", "2026-11-20", "offset", "+1w"),
		 "surgery 2026-11-20, week 1 call"},
		{WHY_CURVE, A("visit_kind", "surgery", "visit_date", "2026-11-20", "offset", "+0d"),
		 "surgery 2026-11-20, the same day call"},
		/* An offset that is not one is shown as written. */
		{WHY_CURVE, A("visit_kind", "surgery", "visit_date", "2026-11-20", "offset", "+3x"),
		 "surgery 2026-11-20, +3x call"},
		{WHY_EFFECT_REMINDER, A("visit_kind", "injection", "visit_date", "2026-03-10", "treatment",
		                        "玻尿酸", "offset", "-1m", "effect_end", "2026-12-10"),
		 "injection 2026-03-10 玻尿酸, reminder 1 month before the effect ends 2026-12-10"},
		{WHY_EFFECT_REMINDER, A("visit_kind", "injection", "visit_date", "2026-01-10", "treatment",
		                        "瘦脸针", "offset", "-2w", "effect_end", "2026-05-10"),
		 "injection 2026-01-10 瘦脸针, reminder 2 weeks before the effect ends 2026-05-10"},
		{WHY_NO_VISIT, A("task_kind", "reactivation", "since", "2026-03-01", "months", "6"),
		 "reactivation: no visit since 2026-03-01 (6 months)"},
		{WHY_NO_VISIT, A("task_kind", "winback", "since", "2025-10-01", "months", "12"),
		 "why they left: no visit since 2025-10-01 (12 months)"},
		{WHY_BIRTHDAY, A("day", "2026-11-25"), "birthday 2026-11-25"},
		{WHY_WRONG_NUMBER, A("task", "42"), "wrong number on task 42: correct the phone"},
		{WHY_OUTCOME, A("outcome", "complaint", "category", "服务态度"), "Complaint (服务态度)"},
		{WHY_OUTCOME, A("outcome", "complaint"), "Complaint"},
		/* An outcome the rules no longer know: its code. */
		{WHY_OUTCOME, A("outcome", "gone"), "gone"},
		{WHY_LOW_SCORE, A("score", "1"), "low score 1"},
		{WHY_SCORE_DROP, A("from", "5", "to", "2"), "score dropped from 5 to 2"},
		{WHY_LOW_DIMENSION, A("dimension", "attitude", "score", "2"), "low score 2 for Attitude"},
		/* A dimension the rules no longer know: its code. */
		{WHY_LOW_DIMENSION, A("dimension", "gone", "score", "1"), "low score 1 for gone"},
		{WHY_RISK_WORD, A("word", "发烧"), "risk word \"发烧\" in the note"},
		{WHY_UNREACHABLE_POSTOP, A("attempts", "3"),
		 "unreachable after 3 attempts in the first week after surgery"},
		{WHY_TEXT, A("text", "imported from the old CRM"), "imported from the old CRM"},
		{WHY_ESCALATION_CALLBACK, A("escalation", "7"), "supervisor's callback on escalation 7"},
		{WHY_SEGMENT, A("task_kind", "reactivation", "segment", "win_back", "since", "2026-07-01"),
		 "reactivation: 重要唤回, last visit 2026-07-01"},
		/* A segment the rules no longer know: its code. */
		{WHY_SEGMENT, A("task_kind", "reactivation", "segment", "gone", "since", "2026-07-01"),
		 "reactivation: gone, last visit 2026-07-01"},
	};
	bool seen[WHY__COUNT] = {0};
	for (size_t i = 0; i < COUNT(rows); i++) {
		struct hf_why w = {0};
		add(&w, rows[i].code, rows[i].args);
		char out[512];
		assert_string_equal(rules_why_text(&cfg, &w, out, sizeof out), rows[i].shown);
		seen[rows[i].code] = true;
	}
	/* Every code without an origin to carry has a row here. */
	for (int c = 0; c < WHY__COUNT; c++)
		if (!why_nests(c) && !seen[c])
			fail_msg("code %s has no row", why_code(c));
}

static void test_nested_origins_are_whole(void **state)
{
	(void)state;
	struct hf_why w = {0};
	add(&w, WHY_NEXT_CONTACT, A("task", "30"));
	add(&w, WHY_CALLBACK, A("task", "25"));
	add(&w, WHY_CALLBACK, A("task", "20"));
	add(&w, WHY_CURVE, A("visit_kind", "surgery", "visit_date", "2026-11-20", "treatment", "隆鼻",
	                     "offset", "+3d"));
	char out[512];
	assert_string_equal(rules_why_text(NULL, &w, out, sizeof out),
	                    "next contact set on task 30 (callback agreed on task 25 (callback agreed on "
	                    "task 20 (surgery 2026-11-20 隆鼻, day 3 call)))");
	assert_int_equal(why_item_end(&w, 0), 4);
	assert_int_equal(why_item_end(&w, 2), 4);
}

static void test_reason_items(void **state)
{
	(void)state;
	struct hf_why w = {0};
	add(&w, WHY_OUTCOME, A("outcome", "complaint", "category", "效果不满意"));
	add(&w, WHY_POSTOP_MISSED, NULL);
	add(&w, WHY_CURVE, A("visit_kind", "surgery", "visit_date", "2026-11-22", "treatment", "隆鼻",
	                     "offset", "+1d"));
	add(&w, WHY_RISK_WORD, A("word", "发烧"));
	char out[512];
	assert_string_equal(rules_why_text(NULL, &w, out, sizeof out),
	                    "complaint (效果不满意); post-op call missed: surgery 2026-11-22 隆鼻, day 1 "
	                    "call; risk word \"发烧\" in the note");
	assert_int_equal(why_item_end(&w, 0), 1);
	assert_int_equal(why_item_end(&w, 1), 3);
	/* Empty: nothing; a task without an origin is named by its kind. */
	w.n = 0;
	assert_string_equal(rules_why_text(NULL, &w, out, sizeof out), "");
	struct hf_task_rec t;
	task_rec_init(&t);
	t.kind = TASK_BIRTHDAY;
	struct sbuf b;
	sbuf_init(&b);
	rules_task_why(NULL, &t, &b);
	assert_string_equal(b.s, "birthday");
	sbuf_free(&b);
}

/* The templates are the schema: each argument of a code sits in its own field. */
static void test_table_is_consistent(void **state)
{
	(void)state;
	for (int c = 0; c < WHY__COUNT; c++) {
		assert_int_equal(why_from_code(why_code(c)), c);
		bool used[WHY_F_NESTED + 1] = {0};
		int nargs = 0;
		for (int a = 0; a < ARG__COUNT; a++) {
			if (!why_has_arg(c, a))
				continue;
			nargs++;
			enum hf_why_field f = why_arg_field(a);
			if (f == WHY_F_OUTCOME)
				f = WHY_F_NAME;
			if (used[f])
				fail_msg("%s: two arguments share a field", why_code(c));
			used[f] = true;
		}
		assert_true(nargs > 0);
		/* Every brace names an argument. */
		const char *t = why_template(c);
		for (const char *p = strchr(t, '{'); p; p = strchr(p + 1, '{')) {
			const char *end = strchr(p, '}');
			assert_non_null(end);
			assert_int_not_equal(why_arg_from_key(p + 1, (size_t)(end - p - 1)), ARG_NONE);
		}
	}
	assert_int_equal(why_from_code("no such code"), WHY_NONE);
	struct hf_why_part p;
	memset(&p, 0, sizeof p);
	assert_false(why_arg_set(&p, ARG_VISIT_DATE, "2026-13-40"));
	assert_false(why_arg_set(&p, ARG_VISIT_KIND, "facelift"));
	assert_false(why_arg_set(&p, ARG_SCORE, "3x"));
	assert_false(why_arg_set(&p, ARG_NONE, "x"));
}

static void test_full_why_takes_no_more(void **state)
{
	(void)state;
	struct hf_why w = {0}, two = {0};
	for (int i = 0; i < HF_WHY_PARTS; i++)
		assert_non_null(why_add(&w, WHY_LOW_SCORE));
	assert_null(why_add(&w, WHY_LOW_SCORE));
	why_add(&two, WHY_LOW_SCORE);
	w.n = HF_WHY_PARTS - 1;
	assert_true(why_append(&w, &two));
	assert_false(why_append(&w, &two));
	assert_int_equal(w.n, HF_WHY_PARTS);
}

static void test_text_cut_safely_for_a_small_buffer(void **state)
{
	(void)state;
	struct hf_why w = {0};
	add(&w, WHY_CURVE, A("visit_kind", "surgery", "visit_date", "2026-11-20", "treatment", "隆鼻",
	                     "offset", "+3d"));
	char small[22];
	rules_why_text(NULL, &w, small, sizeof small);
	assert_true(strlen(small) < sizeof small);
	assert_string_equal(small, "surgery 2026-11-20 "); /* not half of 隆 */
}

/* A call's dimension scores as a person reads them: in the rules' order whatever order they
 * come in, a dimension the rules no longer list last, by its code. */
static void test_dimension_scores_read_in_the_rules_order(void **state)
{
	(void)state;
	static const struct { const char *in, *shown; } rows[] = {
		{"", ""},
		{"attitude=5", "Attitude 5/5"},
		{"results=3 attitude=4", "Attitude 4/5, Results 3/5"},
		{"gone=2 facilities=1 expertise=5", "Expertise 5/5, Facilities 1/5, gone 2/5"},
		{"results=1 expertise=2 facilities=3 attitude=4", "Attitude 4/5, Expertise 2/5, Facilities 3/5, Results 1/5"},
	};
	static struct hf_config cfg;
	config_defaults(&cfg);
	for (size_t i = 0; i < COUNT(rows); i++) {
		struct hf_dim_score d[HF_MAX_DIMS];
		int n = 0;
		char buf[128];
		snprintf(buf, sizeof buf, "%s", rows[i].in);
		for (char *w = strtok(buf, " "); w; w = strtok(NULL, " ")) {
			char *eq = strchr(w, '=');
			*eq = 0;
			snprintf(d[n].code, sizeof d[n].code, "%s", w);
			d[n++].score = atoi(eq + 1);
		}
		struct sbuf b;
		sbuf_init(&b);
		rules_dims_append(&cfg, d, n, &b);
		assert_string_equal(b.s ? b.s : "", rows[i].shown);
		sbuf_free(&b);
	}
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_dimension_scores_read_in_the_rules_order),
		cmocka_unit_test(test_every_code_renders),
		cmocka_unit_test(test_nested_origins_are_whole),
		cmocka_unit_test(test_reason_items),
		cmocka_unit_test(test_table_is_consistent),
		cmocka_unit_test(test_full_why_takes_no_more),
		cmocka_unit_test(test_text_cut_safely_for_a_small_buffer),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
