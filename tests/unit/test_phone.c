/* test_phone.c — phone numbers: which are numbers at all, and masked numbers (what a search by
 * phone tail may match, role by role). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "huifang/service.h"

/* Every tail a masked search matches is one the mask shows, and no longer tail matches. */
static void test_tail_within_the_mask(void **state)
{
	(void)state;
	static const struct {
		const char *phone, *digits;
		bool reveal, want;
	} rows[] = {
		{"13800135678", "5678", false, true},
		{"13800135678", "78", false, true},
		{"13800135678", "35678", false, false}, /* one digit past the mask */
		{"13800135678", "0135678", false, false},
		{"13800135678", "13800135678", false, false},
		{"13800135678", "35678", true, true},
		{"13800135678", "13800135678", true, true},
		{"13800135678", "1234", false, false},
		{"12345", "45", false, true},
		{"12345", "345", false, false},
		{"12345", "345", true, true},
		{"", "1", true, false},
		{"5678", "", false, false},
	};
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		bool got = phone_tail_matches(rows[i].phone, rows[i].digits, rows[i].reveal);
		if (got != rows[i].want)
			fail_msg("%s / %s reveal=%d: got %d", rows[i].phone, rows[i].digits, rows[i].reveal, got);
		/* Whatever matches without reveal is visible in the mask. */
		char shown[64];
		phone_mask(rows[i].phone, rows[i].reveal, shown, sizeof shown);
		size_t n = strlen(shown), m = strlen(rows[i].digits);
		if (got)
			assert_true(m <= n && strcmp(shown + n - m, rows[i].digits) == 0);
	}
}

/* What a person may type as a phone: stored as its digits, or refused. */
static void test_normalize(void **state)
{
	(void)state;
	static const struct {
		const char *in, *want; /* NULL: refused */
	} rows[] = {
		{"13800138000", "13800138000"},
		{"19912345678", "19912345678"},
		{"138 0013 8000", "13800138000"},
		{"138-0013-8000", "13800138000"},
		{"+86 138 0013 8000", "13800138000"},
		{"0086-13800138000", "13800138000"},
		{"8613800138000", "13800138000"},
		{"010-65529988", "01065529988"},      /* Beijing: 010 and 8 digits */
		{"01065529988", "01065529988"},
		{"(010) 6552-9988", "01065529988"},
		{"021 5888 1234", "02158881234"},
		{"0755-88881234", "075588881234"},    /* a 4-digit area code and 8 digits */
		{"0755-8888888", "07558888888"},      /* and 7 digits */
		{"07558888888", "07558888888"},
		{"+1 415 555 0100", "+14155550100"},
		{"12345", NULL},
		{"1234567", NULL},
		{"12800138000", NULL},                /* 12x is not a mobile prefix */
		{"1380013800", NULL},                 /* 10 digits */
		{"138001380001", NULL},               /* 12 digits */
		{"010-6552998", NULL},                /* 010 takes 8 digits */
		{"010-655299881", NULL},
		{"0755-888888", NULL},                /* 6 digits */
		{"0755-888888888", NULL},             /* 9 digits */
		{"0755-08881234", NULL},              /* a local number never starts with 0 */
		{"0010-65529988", NULL},
		{"65529988", NULL},                   /* no area code */
		{"+0 123 4567", NULL},
		{"1.38001E+10", NULL},                /* Excel's scientific form */
		{"138O0138000", NULL},
		{"", NULL},
		{"++8613800138000", NULL},
	};
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		char out[32] = "";
		bool ok = phone_normalize(rows[i].in, out, sizeof out);
		if (ok != (rows[i].want != NULL))
			fail_msg("\"%s\": got %d", rows[i].in, ok);
		if (ok && strcmp(out, rows[i].want))
			fail_msg("\"%s\": got %s, want %s", rows[i].in, out, rows[i].want);
	}
	char tiny[8];
	assert_false(phone_normalize("13800138000", tiny, sizeof tiny)); /* never cut short */
}

static void test_gender(void **state)
{
	(void)state;
	static const struct {
		const char *in, *want;
	} rows[] = {
		{"女", "F"}, {"F", "F"}, {"f", "F"}, {"Female", "F"},
		{"男", "M"}, {"M", "M"}, {"male", "M"},
		{"X", NULL}, {"", NULL}, {"女士", NULL},
	};
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		char g[4] = "";
		bool ok = gender_parse(rows[i].in, g);
		if (ok != (rows[i].want != NULL) || (ok && strcmp(g, rows[i].want)))
			fail_msg("\"%s\": got %d %s", rows[i].in, ok, g);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tail_within_the_mask),
		cmocka_unit_test(test_normalize),
		cmocka_unit_test(test_gender),
	};
	return cmocka_run_group_tests_name("phone", tests, NULL, NULL);
}
