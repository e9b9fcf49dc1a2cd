/* test_chart.c — the reports' bars: length in eighths and cells for a value, a maximum and a
 * width, in block characters and in '#'. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "huifang/chart.h"
#include "huifang/utf8.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static const struct {
	double value, max;
	int width;
	int eighths;            /* the bar's length */
	const char *blocks;     /* its text with block characters */
	const char *hashes;     /* its text in a locale without them */
} cases[] = {
	{0, 10, 10, 0, "", ""},
	{10, 10, 10, 80, "██████████", "##########"},
	{5, 10, 10, 40, "█████", "#####"},
	{1, 3, 3, 8, "█", "#"},
	{2, 3, 3, 16, "██", "##"},
	{1, 8, 1, 1, "▏", "#"},
	{2, 8, 1, 2, "▎", "#"},
	{3, 8, 1, 3, "▍", "#"},
	{4, 8, 1, 4, "▌", "#"},
	{5, 8, 1, 5, "▋", "#"},
	{6, 8, 1, 6, "▊", "#"},
	{7, 8, 1, 7, "▉", "#"},
	{8, 8, 1, 8, "█", "#"},
	{3, 8, 1, 3, "▍", "#"},             /* 3/8 of a cell: '#' rounds to 0, shown as 1 */
	{1, 1000, 30, 1, "▏", "#"},         /* tiny but above 0: an eighth at least */
	{1, 4, 30, 60, "███████▌", "########"},     /* 7.5 cells */
	{3, 7, 20, 69, "████████▋", "#########"},   /* 68.57 eighths -> 69: 8 cells 5/8 */
	{2.5, 5, 4, 16, "██", "##"},
	{12, 10, 10, 80, "██████████", "##########"},   /* above max: the width, never more */
	{5, 0, 10, 0, "", ""},
	{5, 10, 0, 0, "", ""},
	{-1, 10, 10, 0, "", ""},
};

static void test_chart_bars(void **state)
{
	(void)state;
	for (size_t i = 0; i < COUNT(cases); i++) {
		char buf[256];
		int e = chart_eighths(cases[i].value, cases[i].max, cases[i].width);
		if (e != cases[i].eighths)
			fail_msg("case %zu: %g of %g in %d: %d eighths, want %d", i, cases[i].value,
			         cases[i].max, cases[i].width, e, cases[i].eighths);
		int cells = chart_bar(cases[i].value, cases[i].max, cases[i].width, true, buf, sizeof buf);
		if (strcmp(buf, cases[i].blocks) != 0)
			fail_msg("case %zu: blocks \"%s\", want \"%s\"", i, buf, cases[i].blocks);
		assert_int_equal(cells, utf8_len(cases[i].blocks));
		assert_true(cells <= (cases[i].width > 0 ? cases[i].width : 0));
		cells = chart_bar(cases[i].value, cases[i].max, cases[i].width, false, buf, sizeof buf);
		if (strcmp(buf, cases[i].hashes) != 0)
			fail_msg("case %zu: hashes \"%s\", want \"%s\"", i, buf, cases[i].hashes);
		assert_int_equal(cells, (int)strlen(cases[i].hashes));
	}
}

/* A buffer too small for the bar holds what fits, terminated, never a cut character. */
static void test_chart_small_buffer(void **state)
{
	(void)state;
	char buf[8];
	chart_bar(10, 10, 10, true, buf, sizeof buf);
	assert_string_equal(buf, "██");
	chart_bar(10, 10, 10, false, buf, sizeof buf);
	assert_string_equal(buf, "#######");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_chart_bars),
		cmocka_unit_test(test_chart_small_buffer),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
