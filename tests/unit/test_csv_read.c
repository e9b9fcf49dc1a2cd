/* test_csv_read.c — the CSV reader (RFC 4180 edge cases, encodings, line numbers) and the
 * import's cell readers (phones, dates and Excel serials, genders, kinds, amounts). */
#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "huifang/csv-read.h"
#include "huifang/date.h"
#include "huifang/import.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* Every record of text as "line|field|field...\n" ("!problem" after a bad one). */
static char *read_all(const char *text, size_t n, enum csv_encoding enc, enum csv_encoding *used)
{
	FILE *f = fmemopen((void *)text, n, "rb");
	assert_non_null(f);
	char err[256] = "";
	struct csv_reader *r = csv_reader_new(f, enc, err, sizeof err);
	assert_non_null(r);
	static char out[4096];
	out[0] = 0;
	size_t o = 0;
	struct csv_record rec;
	int got;
	while ((got = csv_reader_next(r, &rec)) == 1) {
		o += (size_t)snprintf(out + o, sizeof out - o, "%ld", rec.line);
		for (size_t i = 0; i < rec.n; i++)
			o += (size_t)snprintf(out + o, sizeof out - o, "|%s", rec.field[i]);
		if (rec.problem)
			o += (size_t)snprintf(out + o, sizeof out - o, "!%s", rec.problem);
		o += (size_t)snprintf(out + o, sizeof out - o, "\n");
	}
	if (got < 0)
		snprintf(out + o, sizeof out - o, "ERROR %s\n", csv_reader_error(r));
	if (used)
		*used = csv_reader_encoding(r);
	csv_reader_free(r);
	fclose(f);
	return out;
}

static void test_rfc4180(void **state)
{
	static const struct {
		const char *in, *want;
	} cases[] = {
		{"a,b,c\n1,2,3\n", "1|a|b|c\n2|1|2|3\n"},
		{"a,b\r\n1,2\r\n", "1|a|b\n2|1|2\n"},                        /* CRLF */
		{"a,b\r1,2", "1|a|b\n2|1|2\n"},                              /* lone CR, no final end */
		{"\"x,y\",\"say \"\"hi\"\"\"\n", "1|x,y|say \"hi\"\n"},       /* comma, doubled quotes */
		{"\"two\r\nlines\",b\nnext,c\n", "1|two\nlines|b\n3|next|c\n"}, /* embedded CRLF -> LF */
		{",,\n", "1|||\n"},                                         /* empty fields */
		{"\"\",x\n", "1||x\n"},                                     /* empty quoted field */
		{"ab\"c,d\n", "1|ab\"c|d\n"},                               /* a quote mid-field is kept */
		{"\"ab\"c,d\n", "1|abc|d!text after a closing quote (a quote inside a quoted field must be "
		                "doubled)\n"},
		{"a\n\"open,b\nc\n", "1|a\n2|open,b\nc\n!a quoted field is never closed\n"},
		{"\n\na\n", "1|\n2|\n3|a\n"},                               /* blank lines are records */
		{"", ""},
	};
	for (size_t i = 0; i < COUNT(cases); i++)
		assert_string_equal(read_all(cases[i].in, strlen(cases[i].in), CSV_ENC_UTF8, NULL),
		                    cases[i].want);
}

static void test_encodings(void **state)
{
	enum csv_encoding used;
	/* A UTF-8 BOM is dropped; auto reads valid UTF-8 as UTF-8. */
	const char bom[] = "\xEF\xBB\xBF姓名,手机\n张三,138\n";
	assert_string_equal(read_all(bom, strlen(bom), CSV_ENC_AUTO, &used), "1|姓名|手机\n2|张三|138\n");
	assert_int_equal(used, CSV_ENC_UTF8);
	/* 姓名,张三 in GB18030 (as Chinese Excel saves): auto finds it is not UTF-8. */
	const char gb[] = "\xD0\xD5\xC3\xFB,\xD5\xC5\xC8\xFD\r\n";
	assert_string_equal(read_all(gb, strlen(gb), CSV_ENC_AUTO, &used), "1|姓名|张三\n");
	assert_int_equal(used, CSV_ENC_GB18030);
	assert_string_equal(read_all(gb, strlen(gb), CSV_ENC_GB18030, NULL), "1|姓名|张三\n");
	/* Forced UTF-8 on a GBK file: the record says so. */
	assert_non_null(strstr(read_all(gb, strlen(gb), CSV_ENC_UTF8, NULL), "!not valid UTF-8"));
	/* A GB18030 sequence cut off by the end of the file is an error with its line. */
	const char cut[] = "a\nb\n\xD0";
	assert_string_equal(read_all(cut, strlen(cut), CSV_ENC_GB18030, NULL),
	                    "1|a\n2|b\nERROR line 3: not GB18030 text (give --encoding)\n");
	/* A NUL byte is named. */
	const char nul[] = "a,b\0c\n";
	assert_non_null(strstr(read_all(nul, sizeof nul - 1, CSV_ENC_UTF8, NULL), "!a NUL byte"));

	enum csv_encoding e;
	assert_true(csv_encoding_parse("GBK", &e) && e == CSV_ENC_GB18030);
	assert_true(csv_encoding_parse("utf-8", &e) && e == CSV_ENC_UTF8);
	assert_false(csv_encoding_parse("latin1", &e));
}

/* A record larger than the limit stops the reader instead of filling memory. */
static void test_record_limit(void **state)
{
	size_t n = CSV_MAX_RECORD + 100;
	char *big = malloc(n);
	assert_non_null(big);
	big[0] = '"';
	memset(big + 1, 'x', n - 1);
	char *out = read_all(big, n, CSV_ENC_UTF8, NULL);
	assert_non_null(strstr(out, "ERROR line 1: a record longer than"));
	free(big);
}

/* Streaming across the reader's buffer: a long file keeps its line numbers. */
static void test_long_file(void **state)
{
	size_t cap = 400000, o = 0;
	char *text = malloc(cap);
	assert_non_null(text);
	for (int i = 0; i < 20000; i++)
		o += (size_t)snprintf(text + o, cap - o, i % 7 ? "%d,张三\n" : "%d,\"a\nb\"\n", i);
	FILE *f = fmemopen(text, o, "rb");
	char err[256];
	struct csv_reader *r = csv_reader_new(f, CSV_ENC_AUTO, err, sizeof err);
	assert_non_null(r);
	struct csv_record rec;
	long line = 1;
	for (int i = 0; i < 20000; i++) {
		assert_int_equal(csv_reader_next(r, &rec), 1);
		assert_int_equal(rec.line, line);
		assert_int_equal(atoi(rec.field[0]), i);
		assert_string_equal(rec.field[1], i % 7 ? "张三" : "a\nb");
		line += i % 7 ? 1 : 2;
	}
	assert_int_equal(csv_reader_next(r, &rec), 0);
	assert_int_equal(csv_reader_offset(r), (long long)o);
	csv_reader_free(r);
	fclose(f);
	free(text);
}

static void test_dates(void **state)
{
	static const struct {
		const char *in, *want; /* NULL: refused */
	} cases[] = {
		{"2024-03-05", "2024-03-05"},
		{"2024/3/5", "2024-03-05"},
		{"2024.12.31", "2024-12-31"},
		{"2024-03-05 10:30", "2024-03-05"},
		{"2024-02-29", "2024-02-29"},
		{"45292", "2024-01-01"},          /* Excel serial */
		{"45292.75", "2024-01-01"},       /* with a time of day */
		{"61", "1900-03-01"},
		{"1", NULL},                      /* before Excel's phantom 29 Feb 1900 */
		{"2023-02-29", NULL},
		{"2023-02-30", NULL},
		{"2024/13/1", NULL},
		{"2024-3/5", NULL},
		{"24-03-05", NULL},
		{"2024-03-05x", NULL},
		{"", NULL},
		{"abc", NULL},
	};
	for (size_t i = 0; i < COUNT(cases); i++) {
		hf_date d;
		bool ok = import_date(cases[i].in, &d);
		if (cases[i].want) {
			char buf[16];
			assert_true(ok);
			assert_string_equal(date_format(d, buf), cases[i].want);
		} else {
			assert_false(ok);
		}
	}
}

static void test_cells(void **state)
{
	assert_int_equal(import_visit_kind("手术"), VISIT_SURGERY);
	assert_int_equal(import_visit_kind("离院"), VISIT_DISCHARGE);
	assert_int_equal(import_visit_kind("injection"), VISIT_INJECTION);
	assert_int_equal(import_visit_kind("美容"), VISIT_NONE);
	long long a;
	assert_true(import_amount("12,800.00", &a) && a == 12800);
	assert_true(import_amount("¥5000", &a) && a == 5000);
	assert_true(import_amount("99.5", &a) && a == 100);
	assert_false(import_amount("-5", &a));
	assert_false(import_amount(",5", &a));
	assert_false(import_amount("5 yuan", &a));
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rfc4180),
		cmocka_unit_test(test_encodings),
		cmocka_unit_test(test_record_limit),
		cmocka_unit_test(test_long_file),
		cmocka_unit_test(test_dates),
		cmocka_unit_test(test_cells),
	};
	return cmocka_run_group_tests_name("csv_read", tests, NULL, NULL);
}
