/* test_date.c — calendar days, month clamping, weekdays, stamps, durations and the pinned clock. */
#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "huifang/date.h"
#include "huifang/model.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static hf_date D(const char *s)
{
	hf_date d;
	if (!date_parse(s, &d))
		fail_msg("test date \"%s\" does not parse", s);
	return d;
}

static hf_stamp S(const char *s)
{
	hf_stamp t;
	if (!stamp_parse(s, &t))
		fail_msg("test stamp \"%s\" does not parse", s);
	return t;
}

static void test_epoch_and_roundtrip(void **state)
{
	assert_int_equal(date_from_ymd(1970, 1, 1), 0);
	assert_int_equal(date_from_ymd(1970, 1, 2), 1);
	assert_int_equal(date_from_ymd(1969, 12, 31), -1);
	assert_int_equal(date_from_ymd(2000, 3, 1), 11017);
	/* Every day over four centuries maps back to itself and days are consecutive. */
	hf_date prev = date_from_ymd(1899, 12, 31);
	for (int y = 1900; y <= 2300; y++)
		for (int m = 1; m <= 12; m++)
			for (int d = 1; d <= date_days_in_month(y, m); d++) {
				hf_date day = date_from_ymd(y, m, d);
				assert_int_equal(day, prev + 1);
				int yy, mm, dd;
				date_to_ymd(day, &yy, &mm, &dd);
				if (yy != y || mm != m || dd != d)
					fail_msg("%d-%d-%d came back as %d-%d-%d", y, m, d, yy, mm, dd);
				prev = day;
			}
}

static void test_leap_years(void **state)
{
	static const struct { int y; bool leap; } cases[] = {
		{ 1900, false }, { 2000, true }, { 2024, true }, { 2026, false },
		{ 2028, true }, { 2100, false }, { 2400, true }, { 1, false }, { 4, true },
	};
	for (size_t i = 0; i < COUNT(cases); i++) {
		if (date_is_leap(cases[i].y) != cases[i].leap)
			fail_msg("date_is_leap(%d) should be %d", cases[i].y, cases[i].leap);
		assert_int_equal(date_days_in_month(cases[i].y, 2), cases[i].leap ? 29 : 28);
	}
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	for (int m = 1; m <= 12; m++)
		assert_int_equal(date_days_in_month(2026, m), days[m - 1]);
	assert_int_equal(date_days_in_month(2026, 0), 0);
	assert_int_equal(date_days_in_month(2026, 13), 0);
}

static void test_from_ymd_rejects(void **state)
{
	static const int bad[][3] = {
		{ 2026, 2, 29 }, { 2026, 2, 30 }, { 2026, 13, 1 }, { 2026, 0, 1 }, { 2026, 4, 31 },
		{ 2026, 1, 0 }, { 2026, 1, 32 }, { 0, 1, 1 }, { 10000, 1, 1 }, { 2100, 2, 29 },
	};
	for (size_t i = 0; i < COUNT(bad); i++)
		if (date_from_ymd(bad[i][0], bad[i][1], bad[i][2]) != HF_NO_DATE)
			fail_msg("%d-%d-%d should be HF_NO_DATE", bad[i][0], bad[i][1], bad[i][2]);
	assert_int_not_equal(date_from_ymd(2028, 2, 29), HF_NO_DATE);
	assert_int_not_equal(date_from_ymd(2000, 2, 29), HF_NO_DATE);
}

static void test_add_months(void **state)
{
	static const struct { const char *from; int months; const char *want; } cases[] = {
		{ "2026-01-31", 1, "2026-02-28" },
		{ "2028-01-31", 1, "2028-02-29" },
		{ "2026-03-31", -1, "2026-02-28" },
		{ "2028-03-31", -1, "2028-02-29" },
		{ "2026-12-31", 2, "2027-02-28" },
		{ "2026-05-31", 1, "2026-06-30" },
		{ "2026-08-31", 1, "2026-09-30" },
		{ "2026-01-15", 1, "2026-02-15" },
		{ "2026-01-15", 0, "2026-01-15" },
		{ "2026-11-30", 3, "2027-02-28" },
		{ "2026-01-31", -1, "2025-12-31" },
		{ "2026-01-10", -13, "2024-12-10" },
		{ "2026-02-28", 12, "2027-02-28" },
		{ "2028-02-29", 12, "2029-02-28" },
		{ "2028-02-29", 48, "2032-02-29" },
		{ "2026-03-31", 24, "2028-03-31" },
	};
	char buf[11];
	for (size_t i = 0; i < COUNT(cases); i++) {
		hf_date got = date_add_months(D(cases[i].from), cases[i].months);
		if (got != D(cases[i].want))
			fail_msg("%s %+d months: got %s, want %s", cases[i].from, cases[i].months,
			         date_format(got, buf), cases[i].want);
	}
	assert_int_equal(date_add_months(D("9999-12-01"), 1), HF_NO_DATE);
	assert_int_equal(date_add_months(D("0001-01-01"), -1), HF_NO_DATE);
	assert_int_equal(date_add_months(HF_NO_DATE, 1), HF_NO_DATE);
}

static void test_weekdays(void **state)
{
	static const struct { const char *day; int iso; } cases[] = {
		{ "2026-11-23", 1 }, { "2026-11-24", 2 }, { "2026-11-25", 3 }, { "2026-11-26", 4 },
		{ "2026-11-27", 5 }, { "2026-11-28", 6 }, { "2026-11-29", 7 }, { "2026-11-30", 1 },
		{ "1970-01-01", 4 }, { "1969-12-31", 3 }, { "1969-12-29", 1 }, { "2000-01-01", 6 },
		{ "2024-02-29", 4 }, { "2026-01-01", 4 }, { "1900-01-01", 1 },
	};
	for (size_t i = 0; i < COUNT(cases); i++)
		if (date_weekday(D(cases[i].day)) != cases[i].iso)
			fail_msg("%s: weekday %d, want %d", cases[i].day, date_weekday(D(cases[i].day)),
			         cases[i].iso);
}

static void test_date_parse(void **state)
{
	static const char *good[] = { "2026-01-01", "2028-02-29", "0001-01-01", "9999-12-31", "1969-07-20" };
	static const char *bad[] = {
		"2026-02-30", "2026-13-01", "2026-1-1", "2026-01-1", "2026-01-01x", "2026-01-01 ",
		" 2026-01-01", "2026/01/01", "20260101", "", "2026-00-10", "2026-01-00", "2027-02-29",
		"2026-01-32", "+2026-01-01", "2026-01-0a", "2026-01", "0000-01-01", "2026-01-01T00:00",
	};
	char buf[11];
	for (size_t i = 0; i < COUNT(good); i++) {
		hf_date d;
		if (!date_parse(good[i], &d))
			fail_msg("\"%s\" should parse", good[i]);
		assert_string_equal(date_format(d, buf), good[i]);
	}
	for (size_t i = 0; i < COUNT(bad); i++) {
		hf_date d = 12345;
		if (date_parse(bad[i], &d))
			fail_msg("\"%s\" should not parse", bad[i]);
		assert_int_equal(d, 12345);
	}
	assert_false(date_parse(NULL, NULL));
	assert_string_equal(date_format(HF_NO_DATE, buf), "");
}

static void test_stamps(void **state)
{
	static const struct { const char *in; const char *out; } good[] = {
		{ "2026-11-23 09:30", "2026-11-23 09:30" },
		{ "2026-11-23T09:30", "2026-11-23 09:30" },
		{ "2026-11-23 09:30:59", "2026-11-23 09:30" },
		{ "2026-11-23T23:59:00", "2026-11-23 23:59" },
		{ "1970-01-01 00:00", "1970-01-01 00:00" },
		{ "1969-12-31 23:58", "1969-12-31 23:58" },
	};
	static const char *bad[] = {
		"2026-11-23", "2026-11-23 9:30", "2026-11-23 24:00", "2026-11-23 12:60",
		"2026-11-23 12:30:60", "2026-11-23 12:30:5", "2026-11-23 12:30 ", "2026-11-23_12:30",
		"2026-02-30 12:00", "2026-11-23 12:30:00Z", "", "2026-11-23 1230",
	};
	char buf[17];
	for (size_t i = 0; i < COUNT(good); i++) {
		hf_stamp t;
		if (!stamp_parse(good[i].in, &t))
			fail_msg("\"%s\" should parse", good[i].in);
		assert_string_equal(stamp_format(t, buf), good[i].out);
	}
	for (size_t i = 0; i < COUNT(bad); i++)
		if (stamp_parse(bad[i], NULL))
			fail_msg("\"%s\" should not parse", bad[i]);

	hf_stamp t = S("2026-11-23 09:30");
	assert_int_equal(stamp_date(t), D("2026-11-23"));
	assert_int_equal(stamp_minute(t), 9 * 60 + 30);
	assert_true(t == stamp_make(D("2026-11-23"), 570));
	assert_true(S("1970-01-01 00:01") == 1);
	/* Before the epoch the day still rounds down and the minute stays within the day
	 * (23:59 that day is -1, which is HF_NO_STAMP). */
	assert_int_equal(stamp_date(S("1969-12-30 23:59")), -2);
	assert_int_equal(stamp_minute(S("1969-12-30 23:59")), 1439);
	assert_int_equal(stamp_minute(S("1969-12-31 23:58")), 1438);
	assert_true(stamp_make(HF_NO_DATE, 10) == HF_NO_STAMP);
	assert_string_equal(stamp_format(HF_NO_STAMP, buf), "");
}

static void test_hhmm(void **state)
{
	static const struct { const char *s; int minute; } good[] = {
		{ "00:00", 0 }, { "09:00", 540 }, { "20:00", 1200 }, { "23:59", 1439 }, { "24:00", 1440 },
	};
	static const char *bad[] = { "9:00", "24:01", "25:00", "12:60", "12-00", "1200", "", "12:00 ", "ab:cd", "12:0" };
	for (size_t i = 0; i < COUNT(good); i++) {
		int m = -1;
		if (!hhmm_parse(good[i].s, &m))
			fail_msg("\"%s\" should parse", good[i].s);
		assert_int_equal(m, good[i].minute);
	}
	for (size_t i = 0; i < COUNT(bad); i++) {
		int m = -1;
		if (hhmm_parse(bad[i], &m))
			fail_msg("\"%s\" should not parse", bad[i]);
		assert_int_equal(m, -1);
	}
	assert_false(hhmm_parse(NULL, NULL));
}

static void test_dur_parse(void **state)
{
	static const struct { const char *s; int n; enum dur_unit unit; const char *fmt; } good[] = {
		{ "4h", 4, DUR_HOURS, "+4h" },     { "3d", 3, DUR_DAYS, "+3d" },
		{ "1w", 1, DUR_WEEKS, "+1w" },     { "1m", 1, DUR_MONTHS, "+1m" },
		{ "1y", 1, DUR_YEARS, "+1y" },     { "+7d", 7, DUR_DAYS, "+7d" },
		{ "-1m", -1, DUR_MONTHS, "-1m" },  { "0d", 0, DUR_DAYS, "+0d" },
		{ "24h", 24, DUR_HOURS, "+24h" },  { "2147483647d", 2147483647, DUR_DAYS, "+2147483647d" },
		{ "-2147483647d", -2147483647, DUR_DAYS, "-2147483647d" }, { "007d", 7, DUR_DAYS, "+7d" },
	};
	static const char *bad[] = {
		"", "3", "d", "3x", "3dd", "+", "-", "+-3d", "3 d", " 3d", "3d ", "3D", "1.5d",
		"2147483648d", "99999999999999999999d", "3hd", "h3", "--3d",
	};
	char buf[16];
	for (size_t i = 0; i < COUNT(good); i++) {
		struct hf_dur d;
		if (!dur_parse(good[i].s, &d))
			fail_msg("\"%s\" should parse", good[i].s);
		assert_int_equal(d.n, good[i].n);
		assert_int_equal(d.unit, good[i].unit);
		assert_string_equal(dur_format(d, buf), good[i].fmt);
	}
	for (size_t i = 0; i < COUNT(bad); i++) {
		struct hf_dur d = { 99, DUR_DAYS };
		if (dur_parse(bad[i], &d))
			fail_msg("\"%s\" should not parse", bad[i]);
		assert_int_equal(d.n, 99);
	}
	assert_false(dur_parse(NULL, NULL));
}

static void test_dur_add_date(void **state)
{
	static const struct { const char *from, *dur, *want; } cases[] = {
		{ "2026-11-23", "+1d", "2026-11-24" },
		{ "2026-11-23", "3d", "2026-11-26" },
		{ "2026-11-23", "7d", "2026-11-30" },
		{ "2026-11-23", "1w", "2026-11-30" },
		{ "2026-11-23", "-1w", "2026-11-16" },
		{ "2026-12-31", "1d", "2027-01-01" },
		{ "2026-01-31", "1m", "2026-02-28" },
		{ "2026-08-31", "3m", "2026-11-30" },
		{ "2026-05-31", "-1m", "2026-04-30" },
		{ "2028-02-29", "1y", "2029-02-28" },
		{ "2026-11-23", "-1y", "2025-11-23" },
		{ "2026-11-23", "4h", "2026-11-23" },
		{ "2026-11-23", "23h", "2026-11-23" },
		{ "2026-11-23", "24h", "2026-11-24" },
		{ "2026-11-23", "49h", "2026-11-25" },
		{ "2026-11-23", "-1h", "2026-11-22" },
		{ "2028-02-28", "1d", "2028-02-29" },
	};
	char buf[11];
	for (size_t i = 0; i < COUNT(cases); i++) {
		struct hf_dur d;
		assert_true(dur_parse(cases[i].dur, &d));
		hf_date got = dur_add_date(D(cases[i].from), d);
		if (got != D(cases[i].want))
			fail_msg("%s %s: got %s, want %s", cases[i].from, cases[i].dur, date_format(got, buf),
			         cases[i].want);
	}
	struct hf_dur huge = { 2147483647, DUR_YEARS };
	assert_int_equal(dur_add_date(D("2026-01-01"), huge), HF_NO_DATE);
	huge.unit = DUR_DAYS;
	assert_int_equal(dur_add_date(D("2026-01-01"), huge), HF_NO_DATE);
	assert_int_equal(dur_add_date(HF_NO_DATE, (struct hf_dur){ 1, DUR_DAYS }), HF_NO_DATE);
}

static void test_dur_add_stamp(void **state)
{
	static const struct { const char *from, *dur, *want; } cases[] = {
		{ "2026-11-23 09:30", "4h", "2026-11-23 13:30" },
		{ "2026-11-23 18:00", "4h", "2026-11-23 22:00" },
		{ "2026-11-23 22:00", "4h", "2026-11-24 02:00" },
		{ "2026-11-23 01:00", "-2h", "2026-11-22 23:00" },
		{ "2026-11-23 09:30", "3d", "2026-11-26 09:30" },
		{ "2026-11-23 09:30", "1w", "2026-11-30 09:30" },
		{ "2026-01-31 10:15", "1m", "2026-02-28 10:15" },
		{ "2027-12-31 23:59", "2m", "2028-02-29 23:59" },
		{ "2026-11-23 09:30", "1y", "2027-11-23 09:30" },
		{ "2026-11-23 00:00", "24h", "2026-11-24 00:00" },
	};
	char buf[17];
	for (size_t i = 0; i < COUNT(cases); i++) {
		struct hf_dur d;
		assert_true(dur_parse(cases[i].dur, &d));
		hf_stamp got = dur_add_stamp(S(cases[i].from), d);
		if (got != S(cases[i].want))
			fail_msg("%s %s: got %s, want %s", cases[i].from, cases[i].dur, stamp_format(got, buf),
			         cases[i].want);
	}
	assert_true(dur_add_stamp(HF_NO_STAMP, (struct hf_dur){ 1, DUR_HOURS }) == HF_NO_STAMP);
	assert_true(dur_add_stamp(S("9999-12-31 12:00"), (struct hf_dur){ 1, DUR_DAYS }) == HF_NO_STAMP);
}

static void test_dur_approx_days(void **state)
{
	static const struct { const char *dur; int days; } cases[] = {
		{ "4h", 0 }, { "48h", 2 }, { "3d", 3 }, { "2w", 14 }, { "1m", 30 }, { "3m", 90 },
		{ "1y", 365 }, { "-1m", -30 }, { "-1h", -1 },
	};
	for (size_t i = 0; i < COUNT(cases); i++) {
		struct hf_dur d;
		assert_true(dur_parse(cases[i].dur, &d));
		if (dur_approx_days(d) != cases[i].days)
			fail_msg("%s: %d days, want %d", cases[i].dur, dur_approx_days(d), cases[i].days);
	}
	/* Ordering by approximate length puts a week before a month before a year. */
	struct hf_dur w = { 1, DUR_WEEKS }, m = { 1, DUR_MONTHS }, y = { 1, DUR_YEARS };
	assert_true(dur_approx_days(w) < dur_approx_days(m));
	assert_true(dur_approx_days(m) < dur_approx_days(y));
	assert_int_equal(dur_approx_days((struct hf_dur){ 2147483647, DUR_YEARS }), 2147483647);
}

static void test_clock_pinned(void **state)
{
	char err[HF_ERRLEN] = "";
	hf_stamp t = 0;
	assert_int_equal(setenv("HUIFANG_NOW", "2026-11-23 09:30", 1), 0);
	assert_true(clock_now(&t, err, sizeof err));
	assert_true(t == S("2026-11-23 09:30"));

	assert_int_equal(setenv("HUIFANG_NOW", "2026-11-23", 1), 0);
	assert_false(clock_now(&t, err, sizeof err));
	assert_non_null(strstr(err, "HUIFANG_NOW"));

	assert_int_equal(setenv("HUIFANG_NOW", "2026-02-30 09:30", 1), 0);
	assert_false(clock_now(&t, err, sizeof err));

	/* Unpinned: the real clock, somewhere plausible. */
	assert_int_equal(unsetenv("HUIFANG_NOW"), 0);
	err[0] = '\0';
	assert_true(clock_now(&t, err, sizeof err));
	assert_true(stamp_date(t) >= D("2024-01-01"));
	assert_true(stamp_minute(t) >= 0 && stamp_minute(t) < 1440);
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_epoch_and_roundtrip),
		cmocka_unit_test(test_leap_years),
		cmocka_unit_test(test_from_ymd_rejects),
		cmocka_unit_test(test_add_months),
		cmocka_unit_test(test_weekdays),
		cmocka_unit_test(test_date_parse),
		cmocka_unit_test(test_stamps),
		cmocka_unit_test(test_hhmm),
		cmocka_unit_test(test_dur_parse),
		cmocka_unit_test(test_dur_add_date),
		cmocka_unit_test(test_dur_add_stamp),
		cmocka_unit_test(test_dur_approx_days),
		cmocka_unit_test(test_clock_pinned),
	};
	return cmocka_run_group_tests_name("date", tests, NULL, NULL);
}
