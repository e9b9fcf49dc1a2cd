/* test_phone.c — masked numbers: what a search by phone tail may match, role by role. */
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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tail_within_the_mask),
	};
	return cmocka_run_group_tests_name("phone", tests, NULL, NULL);
}
