/* test_utf8.c — decoding, display width, truncate and pad by columns, cleaning, stepping. */
#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "huifang/utf8.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static void test_decode(void **state)
{
	static const struct { const char *s; size_t n, len; unsigned cp; } cases[] = {
		{ "A", 1, 1, 'A' },
		{ "\xc3\xa9", 2, 2, 0xE9 },               /* é */
		{ "\xe4\xb8\xad", 3, 3, 0x4E2D },         /* 中 */
		{ "\xf0\x9f\x98\x80", 4, 4, 0x1F600 },    /* 😀 */
		{ "\xef\xbf\xbd", 3, 3, 0xFFFD },         /* a real U+FFFD */
		{ "\xe4\xb8", 2, 1, 0xFFFD },             /* truncated */
		{ "\xe4\xb8\xad", 2, 1, 0xFFFD },         /* cut by n */
		{ "\x80", 1, 1, 0xFFFD },                 /* stray continuation */
		{ "\xc0\xaf", 2, 1, 0xFFFD },             /* overlong '/' */
		{ "\xe0\x80\xaf", 3, 1, 0xFFFD },         /* overlong, three bytes */
		{ "\xed\xa0\x80", 3, 1, 0xFFFD },         /* surrogate */
		{ "\xf4\x90\x80\x80", 4, 1, 0xFFFD },     /* past U+10FFFF */
		{ "\xff", 1, 1, 0xFFFD },
		{ "\xe4" "A", 2, 1, 0xFFFD },             /* lead then ASCII */
	};
	for (size_t i = 0; i < COUNT(cases); i++) {
		unsigned cp = 0;
		size_t len = utf8_decode(cases[i].s, cases[i].n, &cp);
		if (len != cases[i].len || cp != cases[i].cp)
			fail_msg("case %zu: len %zu cp U+%04X, want %zu U+%04X", i, len, cp, cases[i].len,
			         cases[i].cp);
	}
	unsigned cp = 7;
	assert_int_equal(utf8_decode("", 0, &cp), 0);
}

static void test_encode(void **state)
{
	static const unsigned cps[] = { 0x41, 0x7F, 0x80, 0x7FF, 0x800, 0x4E2D, 0xFFFF, 0x10000, 0x1F600, 0x10FFFF };
	for (size_t i = 0; i < COUNT(cps); i++) {
		char buf[4];
		unsigned back;
		size_t n = utf8_encode(cps[i], buf);
		assert_int_equal(utf8_decode(buf, n, &back), n);
		assert_int_equal(back, cps[i]);
		assert_true(utf8_valid(buf, n));
	}
	char buf[4];
	assert_int_equal(utf8_encode(0x4E2D, buf), 3);
	assert_memory_equal(buf, "中", 3);
	/* Not characters: encoded as U+FFFD. */
	assert_int_equal(utf8_encode(0xD800, buf), 3);
	assert_memory_equal(buf, "\xef\xbf\xbd", 3);
	assert_int_equal(utf8_encode(0x110000, buf), 3);
}

static void test_valid(void **state)
{
	assert_true(utf8_valid("", 0));
	assert_true(utf8_valid("hello 你好", strlen("hello 你好")));
	assert_false(utf8_valid("ab\xff", 3));
	assert_false(utf8_valid("中", 2));
	assert_false(utf8_valid("\xc0\x80", 2));
	assert_true(utf8_valid("\xef\xbf\xbd", 3));
}

static void test_width(void **state)
{
	static const struct { const char *s; int width; size_t len; } cases[] = {
		{ "", 0, 0 },
		{ "hello", 5, 5 },
		{ "中文", 4, 2 },
		{ "张三 13800138000", 16, 14 },
		{ "双眼皮 surgery", 14, 11 },
		{ "e\xcc\x81", 1, 2 },                    /* e + combining acute */
		{ "café", 4, 4 },
		{ "a\xffz", 3, 3 },                       /* an invalid byte counts one column */
		{ "\xe4\xb8", 2, 2 },                     /* two invalid bytes */
		{ "…", 1, 1 },
		{ "ｈｉ", 4, 2 },                         /* fullwidth Latin */
		{ "한국", 4, 2 },
		{ "😀", 2, 1 },
		{ "a\tb", 2, 3 },                         /* controls count 0 */
	};
	for (size_t i = 0; i < COUNT(cases); i++) {
		if (utf8_width(cases[i].s) != cases[i].width)
			fail_msg("width(\"%s\") = %d, want %d", cases[i].s, utf8_width(cases[i].s), cases[i].width);
		if (utf8_len(cases[i].s) != cases[i].len)
			fail_msg("len(\"%s\") = %zu, want %zu", cases[i].s, utf8_len(cases[i].s), cases[i].len);
	}
	assert_int_equal(utf8_cp_width('A'), 1);
	assert_int_equal(utf8_cp_width(0x4E2D), 2);
	assert_int_equal(utf8_cp_width(0x0301), 0);
	assert_int_equal(utf8_cp_width(0x07), 0);
	assert_int_equal(utf8_cp_width(0x85), 0);
	assert_int_equal(utf8_width(NULL), 0);
}

/* Outside a UTF-8 locale wcwidth() gives up; Chinese must still measure two columns. */
static void test_width_c_locale(void **state)
{
	assert_non_null(setlocale(LC_ALL, "C"));
	int zhong = utf8_cp_width(0x4E2D), hangul = utf8_cp_width(0xAC00), acute = utf8_cp_width(0x0301);
	int latin = utf8_cp_width(0xE9), full = utf8_width("中文 ok");
	setlocale(LC_ALL, "C.UTF-8");
	assert_int_equal(zhong, 2);
	assert_int_equal(hangul, 2);
	assert_int_equal(acute, 0);
	assert_int_equal(latin, 1);
	assert_int_equal(full, 7);
}

struct trunc_case {
	const char *s;
	int cols;
	bool ellipsis;
	const char *want;
	int used;
};

static void test_truncate(void **state)
{
	static const struct trunc_case cases[] = {
		{ "hello", 10, false, "hello", 5 },
		{ "hello", 5, true, "hello", 5 },
		{ "hello", 4, false, "hell", 4 },
		{ "hello", 4, true, "hel…", 4 },
		{ "hello", 1, true, "…", 1 },
		{ "hello", 0, true, "", 0 },
		{ "hello", -3, false, "", 0 },
		{ "中文字", 6, true, "中文字", 6 },
		{ "中文字", 5, false, "中文", 4 },
		{ "中文字", 5, true, "中文…", 5 },
		{ "中文字", 4, true, "中…", 3 },
		{ "中文字", 3, false, "中", 2 },
		{ "中文字", 1, false, "", 0 },
		{ "中文字", 1, true, "…", 1 },
		{ "a中b", 2, false, "a", 1 },
		{ "a中b", 3, false, "a中", 3 },
		{ "e\xcc\x81" "e\xcc\x81" "x", 2, false, "e\xcc\x81" "e\xcc\x81", 2 },
		{ "", 5, true, "", 0 },
	};
	for (size_t i = 0; i < COUNT(cases); i++) {
		char out[64];
		memset(out, 'X', sizeof out);
		int used = utf8_truncate(cases[i].s, cases[i].cols, cases[i].ellipsis, out, sizeof out);
		if (strcmp(out, cases[i].want) != 0 || used != cases[i].used)
			fail_msg("truncate(\"%s\", %d, %d) = \"%s\" (%d), want \"%s\" (%d)", cases[i].s,
			         cases[i].cols, cases[i].ellipsis, out, used, cases[i].want, cases[i].used);
		assert_true(utf8_valid(out, strlen(out)) || !utf8_valid(cases[i].s, strlen(cases[i].s)));
		assert_int_equal(utf8_width(out), used);
	}
}

/* Every prefix width of a mixed string: never mid-character, never over the columns. */
static void test_truncate_every_width(void **state)
{
	const char *s = "回访 follow-up 张三丰 é́ 😀!";
	int full = utf8_width(s);
	for (int cols = 0; cols <= full + 2; cols++)
		for (int e = 0; e <= 1; e++) {
			char out[128];
			int used = utf8_truncate(s, cols, e, out, sizeof out);
			assert_true(utf8_valid(out, strlen(out)));
			assert_true(used <= cols);
			assert_int_equal(utf8_width(out), used);
			assert_true(used >= cols - 2 || cols > full);
			if (cols >= full)
				assert_string_equal(out, s);
			else if (e && cols > 0)
				assert_non_null(strstr(out, "…"));
		}
}

/* A small output buffer limits bytes too, still at a character boundary. */
static void test_truncate_small_buffer(void **state)
{
	char out[5];
	assert_int_equal(utf8_truncate("中文字", 10, false, out, sizeof out), 2);
	assert_string_equal(out, "中");
	assert_int_equal(utf8_truncate("中文字", 10, true, out, sizeof out), 1);
	assert_string_equal(out, "…");
	assert_int_equal(utf8_truncate("abcdef", 10, true, out, sizeof out), 2);
	assert_string_equal(out, "a…");
	char tiny[1] = { 'X' };
	assert_int_equal(utf8_truncate("abc", 10, true, tiny, sizeof tiny), 0);
	assert_int_equal(tiny[0], '\0');
	assert_int_equal(utf8_truncate("abc", 10, true, tiny, 0), 0);
}

static void test_pad(void **state)
{
	static const struct { const char *s; int cols, align; const char *want; } cases[] = {
		{ "ab", 5, -1, "ab   " },
		{ "ab", 5, 1, "   ab" },
		{ "中文", 6, -1, "中文  " },
		{ "中文", 6, 1, "  中文" },
		{ "中文", 3, -1, "中 " },                 /* the second wide char does not fit */
		{ "中文", 3, 1, " 中" },
		{ "中文", 1, -1, " " },
		{ "abcdef", 3, -1, "abc" },
		{ "", 3, -1, "   " },
		{ "ab", 0, -1, "" },
		{ "e\xcc\x81", 3, -1, "e\xcc\x81  " },
		{ "王小明", 8, -1, "王小明  " },
	};
	for (size_t i = 0; i < COUNT(cases); i++) {
		char out[64];
		int used = utf8_pad(cases[i].s, cases[i].cols, cases[i].align, out, sizeof out);
		if (strcmp(out, cases[i].want) != 0)
			fail_msg("pad(\"%s\", %d, %d) = \"%s\", want \"%s\"", cases[i].s, cases[i].cols,
			         cases[i].align, out, cases[i].want);
		assert_int_equal(used, cases[i].cols);
		assert_int_equal(utf8_width(out), cases[i].cols);
	}
	/* Columns line up whatever the script. */
	const char *names[] = { "李", "欧阳娜娜", "Anna", "司马相如x" };
	for (size_t i = 0; i < COUNT(names); i++) {
		char out[64];
		utf8_pad(names[i], 7, -1, out, sizeof out);
		assert_int_equal(utf8_width(out), 7);
	}
	char small[4];
	utf8_pad("a", 10, -1, small, sizeof small);
	assert_string_equal(small, "a  ");
}

static void test_clean(void **state)
{
	static const struct { const char *s; bool nl; const char *want; } cases[] = {
		{ "plain 文字", false, "plain 文字" },
		{ "a\tb", false, "a b" },
		{ "line1\nline2", false, "line1 line2" },
		{ "line1\nline2", true, "line1\nline2" },
		{ "cr\r\n", true, "cr \n" },
		{ "esc\x1b[31mred", false, "esc [31mred" },
		{ "del\x7f", false, "del " },
		{ "c1\xc2\x85x", false, "c1 x" },               /* U+0085 NEL is a C1 control */
		{ "bad\xff", false, "bad\xef\xbf\xbd" },
		{ "cut\xe4\xb8", false, "cut\xef\xbf\xbd\xef\xbf\xbd" },
		{ "over\xc0\xaf", false, "over\xef\xbf\xbd\xef\xbf\xbd" },
		{ "", false, "" },
	};
	for (size_t i = 0; i < COUNT(cases); i++) {
		char *out = utf8_clean(cases[i].s, cases[i].nl);
		if (strcmp(out, cases[i].want) != 0)
			fail_msg("clean case %zu: \"%s\"", i, out);
		assert_true(utf8_valid(out, strlen(out)));
		free(out);
	}
	char *out = utf8_clean(NULL, false);
	assert_string_equal(out, "");
	free(out);
}

static void test_prev_next(void **state)
{
	const char *s = "a中😀\xff" "b";  /* offsets: a 0, 中 1, 😀 4, \xff 8, b 9, end 10 */
	size_t len = strlen(s);
	static const size_t stops[] = { 0, 1, 4, 8, 9, 10 };
	for (size_t i = 0; i + 1 < COUNT(stops); i++) {
		assert_int_equal(utf8_next(s, len, stops[i]), stops[i + 1]);
		assert_int_equal(utf8_prev(s, stops[i + 1]), stops[i]);
	}
	assert_int_equal(utf8_next(s, len, len), len);
	assert_int_equal(utf8_prev(s, 0), 0);
	/* Stray continuation bytes step one at a time. */
	const char *t = "x\x80\x80";
	assert_int_equal(utf8_prev(t, 3), 2);
	assert_int_equal(utf8_prev(t, 2), 1);
	assert_int_equal(utf8_prev(t, 1), 0);
	assert_int_equal(utf8_next(t, 3, 1), 2);
}

static void test_find_control(void **state)
{
	static const struct { const char *s; bool newline; long at; unsigned cp; } cases[] = {
		{ "", false, -1, 0 },
		{ "张三", false, -1, 0 },
		{ "Zhang San 13800138000", false, -1, 0 },
		{ "\xe2\x80\x8b\xe2\x80\x8d", false, -1, 0 },  /* zero-width space and joiner: kept */
		{ "\xef\xbf\xbd", false, -1, 0 },                /* a real U+FFFD */
		{ "a\xff" "b", false, -1, 0 },                     /* invalid bytes: utf8_valid's part */
		{ "line\nnext", true, -1, 0 },
		{ "col\tcol", true, -1, 0 },
		{ "line\nnext", false, 4, '\n' },
		{ "col\tcol", false, 3, '\t' },
		{ "a\rb", true, 1, '\r' },
		{ "\x1b[31mred", true, 0, 0x1B },
		{ "x\x7f", false, 1, 0x7F },
		{ "\x01", false, 0, 0x01 },
		{ "张\xc2\x80", false, 3, 0x80 },
		{ "\xc2\x85", true, 0, 0x85 },
		{ "\xc2\x9f", false, 0, 0x9F },
		{ "\xc2\xa0", false, -1, 0 },                     /* no-break space is text */
		{ "ab\xd8\x9c", false, 2, 0x061C },
		{ "\xe2\x80\x8e", false, 0, 0x200E },
		{ "\xe2\x80\x8f", false, 0, 0x200F },
		{ "\xe2\x80\xaa", false, 0, 0x202A },
		{ "abc\xe2\x80\xae" "cba", true, 3, 0x202E },
		{ "\xe2\x80\xaf", false, -1, 0 },                /* U+202F narrow no-break space */
		{ "\xe2\x81\xa6", false, 0, 0x2066 },
		{ "\xe2\x81\xa9", false, 0, 0x2069 },
		{ "\xe2\x81\xaa", false, -1, 0 },                /* U+206A is past the isolates */
	};
	for (size_t i = 0; i < COUNT(cases); i++) {
		unsigned cp = 0;
		long at = utf8_find_control(cases[i].s, cases[i].newline, &cp);
		if (at != cases[i].at || (at >= 0 && cp != cases[i].cp))
			fail_msg("case %zu: at %ld U+%04X, want %ld U+%04X", i, at, cp, cases[i].at,
			         cases[i].cp);
	}
	assert_int_equal(utf8_find_control(NULL, false, NULL), -1);
	assert_int_equal(utf8_find_control("\x1b", false, NULL), 0);

	char err[128];
	assert_true(utf8_check_text("--name", NULL, false, err, sizeof err));
	assert_true(utf8_check_text("--note", "第一行\n第二行", true, err, sizeof err));
	assert_false(utf8_check_text("--name", "a\xe2\x80\xae", false, err, sizeof err));
	assert_string_equal(err, "--name: the control character U+202E is not allowed");
	assert_false(utf8_check_text("--name", "a\xff", false, err, sizeof err));
	assert_string_equal(err, "--name: not valid UTF-8");
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_decode),
		cmocka_unit_test(test_encode),
		cmocka_unit_test(test_valid),
		cmocka_unit_test(test_width),
		cmocka_unit_test(test_width_c_locale),
		cmocka_unit_test(test_truncate),
		cmocka_unit_test(test_truncate_every_width),
		cmocka_unit_test(test_truncate_small_buffer),
		cmocka_unit_test(test_pad),
		cmocka_unit_test(test_clean),
		cmocka_unit_test(test_prev_next),
		cmocka_unit_test(test_find_control),
	};
	return cmocka_run_group_tests_name("utf8", tests, NULL, NULL);
}
