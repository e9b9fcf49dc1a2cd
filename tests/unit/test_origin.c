/* test_origin.c — every origin form the rules write reads back as text for the screens. */
#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "huifang/rules.h"

static void test_origin_forms(void **state)
{
	(void)state;
	static const struct { const char *stored, *shown; } cases[] = {
		{"surgery 2026-11-20 隆鼻, step +3d", "surgery 2026-11-20 隆鼻, day 3 call"},
		{"consult 2026-11-01, step +7d, repeat 2 (+14d)", "consultation 2026-11-01, day 7 call, repeat 2"},
		{"course 2026-10-01 光子嫩肤, step +7d from course end 2026-11-01",
		 "treatment course 2026-10-01 光子嫩肤, day 7 call after the course ended 2026-11-01"},
		{"injection 2026-03-10 玻尿酸, step -1m from effect end 2026-12-10",
		 "injection 2026-03-10 玻尿酸, reminder 1 month before the effect ends 2026-12-10"},
		{"reactivation: no visit since 2026-03-01 (+6m)",
		 "reactivation: no visit since 2026-03-01 (6 months)"},
		{"winback: no visit since 2025-10-01 (+12m)", "why they left: no visit since 2025-10-01 (12 months)"},
		{"birthday 2026-11-25", "birthday 2026-11-25"},
		{"wrong number on task 42", "wrong number on task 42: correct the phone"},
		{"callback on task 7: surgery 2026-11-20 隆鼻, step +3d",
		 "callback agreed on task 7 (surgery 2026-11-20 隆鼻, day 3 call)"},
		{"next contact on task 9: birthday 2026-11-25",
		 "next contact set on task 9 (birthday 2026-11-25)"},
		/* Not one of the forms: shown as written. */
		{"imported from the old CRM", "imported from the old CRM"},
		{"surgery 2026-13-40 隆鼻, step +3d", "surgery 2026-13-40 隆鼻, step +3d"},
		{"facelift 2026-11-20, step +3d", "facelift 2026-11-20, step +3d"},
		{"birthday 2026-11-25 and more", "birthday 2026-11-25 and more"},
		{"surgery 2026-08-16 吸脂, step +3m", "surgery 2026-08-16 吸脂, month 3 call"},
		{"surgery 2026-11-20, step +1w", "surgery 2026-11-20, week 1 call"},
		{"injection 2026-01-10 瘦脸针, step -2w from effect end 2026-05-10",
		 "injection 2026-01-10 瘦脸针, reminder 2 weeks before the effect ends 2026-05-10"},
		{"surgery 2026-11-20, step +3x", "surgery 2026-11-20, step +3x"},
		{"", ""},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char out[HF_ORIGIN_MAX];
		assert_string_equal(rules_origin_text(cases[i].stored, out, sizeof out), cases[i].shown);
	}
}

static void test_reason_forms(void **state)
{
	(void)state;
	struct hf_config cfg;
	config_defaults(&cfg);
	static const struct { const char *stored, *shown; } cases[] = {
		{"complaint (服务态度)", "Complaint (服务态度)"},
		{"complaint", "Complaint"},
		{"low score 1; risk word \"发烧\" in the note",
		 "low score 1; risk word \"发烧\" in the note"},
		{"score dropped from 5 to 2", "score dropped from 5 to 2"},
		{"unreachable after 3 attempts in the first week after surgery",
		 "unreachable after 3 attempts in the first week after surgery"},
		{"post-op call missed: surgery 2026-11-22 隆鼻, step +1d",
		 "post-op call missed: surgery 2026-11-22 隆鼻, day 1 call"},
		/* Written by hand or by an older version: shown as is. */
		{"顾客来电投诉", "顾客来电投诉"},
		{"", ""},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char out[2 * HF_ORIGIN_MAX];
		assert_string_equal(rules_reason_text(&cfg, cases[i].stored, out, sizeof out),
		                    cases[i].shown);
	}
}

static void test_origin_truncates_safely(void **state)
{
	(void)state;
	char small[12];
	rules_origin_text("surgery 2026-11-20 隆鼻, step +3d", small, sizeof small);
	assert_true(strlen(small) < sizeof small);
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_origin_forms),
		cmocka_unit_test(test_reason_forms),
		cmocka_unit_test(test_origin_truncates_safely),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
