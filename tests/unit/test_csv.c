/* test_csv.c — the CSV writer: RFC 4180 quoting, the BOM, the formula guard. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "huifang/csv.h"

/* What csv_write_field (or csv_write_figure) writes for s. */
static char *write_one(void (*write)(FILE *, const char *), const char *s)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	write(f, s);
	fclose(f);
	return buf;
}

static char *field(const char *s)
{
	return write_one(csv_write_field, s);
}

static void test_fields(void **state)
{
	static const struct { const char *in, *want; } cases[] = {
		{"", ""},
		{"plain", "plain"},
		{"张晓梅", "张晓梅"},
		{"no_answer", "no_answer"},
		{"a,b", "\"a,b\""},
		{"say \"hi\"", "\"say \"\"hi\"\"\""},
		{"\"", "\"\"\"\""},
		{"line\nbreak", "\"line\nbreak\""},
		{"cr\rhere", "\"cr\rhere\""},
		{"crlf\r\n", "\"crlf\r\n\""},
		/* The formula guard: a leading ' on = + - @ tab CR, and only at the start. */
		{"=1+2", "'=1+2"},
		{"+86 138", "'+86 138"},
		{"-5", "'-5"},
		{"@SUM(A1)", "'@SUM(A1)"},
		{"\tx", "'\tx"},
		{"\rx", "\"'\rx\""},
		{"=HYPERLINK(\"http://x\",\"y\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\""},
		{"a=b", "a=b"},
		{"1-2", "1-2"},
		{" =x", " =x"},
		{"'quoted'", "'quoted'"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *got = field(cases[i].in);
		if (strcmp(got, cases[i].want) != 0)
			fail_msg("field \"%s\": got [%s], want [%s]", cases[i].in, got, cases[i].want);
		free(got);
	}
	char *null = field(NULL);
	assert_string_equal(null, "");
	free(null);
}

/* A figure: a negative number stays a number; anything else is guarded as a field is. */
static void test_figures(void **state)
{
	(void)state;
	static const struct { const char *in, *want; } cases[] = {
		{"-50.0", "-50.0"}, {"-5", "-5"}, {"12.5", "12.5"}, {"", ""},
		{"-5+1", "'-5+1"}, {"-5.", "'-5."}, {"-.5", "'-.5"}, {"-", "'-"}, {"-1e3", "'-1e3"},
		{"-2,5", "\"'-2,5\""}, {"=1", "'=1"}, {"+5", "'+5"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *got = write_one(csv_write_figure, cases[i].in);
		if (strcmp(got, cases[i].want) != 0)
			fail_msg("figure \"%s\": got [%s], want [%s]", cases[i].in, got, cases[i].want);
		free(got);
	}
}

static void test_rows_and_bom(void **state)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	csv_write_bom(f);
	const char *head[] = {"id", "name", "note"};
	const char *row[] = {"7", "王, 芳", "=cmd|' /C calc'!A0"};
	const char *empty[] = {NULL, "", "x"};
	csv_write_row(f, head, 3);
	csv_write_row(f, row, 3);
	csv_write_row(f, empty, 3);
	csv_write_row(f, head, 0);
	fclose(f);
	assert_string_equal(buf, "\xEF\xBB\xBFid,name,note\r\n"
	                         "7,\"王, 芳\",'=cmd|' /C calc'!A0\r\n"
	                         ",,x\r\n"
	                         "\r\n");
	free(buf);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fields),
		cmocka_unit_test(test_figures),
		cmocka_unit_test(test_rows_and_bom),
	};
	return cmocka_run_group_tests_name("csv", tests, NULL, NULL);
}
