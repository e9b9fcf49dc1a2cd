/* fuzz_date.c — libFuzzer harness for the date, stamp, clock-time and duration parsers (round trips). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "huifang/date.h"

/* A broken invariant names itself on stderr, then traps so libFuzzer keeps the input. */
#define CHECK(c) \
	do { \
		if (!(c)) { \
			fprintf(stderr, "%s:%d: invariant broken: %s\n", __FILE__, __LINE__, #c); \
			__builtin_trap(); \
		} \
	} while (0)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The first and last day a "YYYY" can name. */
static hf_date first_day(void) { return date_from_ymd(1, 1, 1); }
static hf_date last_day(void) { return date_from_ymd(9999, 12, 31); }

static bool in_range(hf_date d)
{
	return d != HF_NO_DATE && d >= first_day() && d <= last_day();
}

static void check_date(const char *s)
{
	hf_date day;
	if (!date_parse(s, &day))
		return;
	char buf[11];
	CHECK(in_range(day));
	CHECK(strcmp(date_format(day, buf), s) == 0);
	int y, m, d;
	date_to_ymd(day, &y, &m, &d);
	CHECK(date_from_ymd(y, m, d) == day);
	CHECK(d >= 1 && d <= date_days_in_month(y, m));
	int wd = date_weekday(day);
	CHECK(wd >= 1 && wd <= 7);
	CHECK(day == first_day() || date_weekday(day - 1) % 7 + 1 == wd);
}

static void check_stamp(const char *s)
{
	hf_stamp t;
	if (!stamp_parse(s, &t))
		return;
	char buf[17];
	stamp_format(t, buf);
	/* Seconds are dropped and 'T' reads as a space; the rest comes back as written. */
	CHECK(strlen(buf) == 16);
	CHECK(memcmp(buf, s, 10) == 0 && buf[10] == ' ' && memcmp(buf + 11, s + 11, 5) == 0);
	hf_stamp again;
	CHECK(stamp_parse(buf, &again) && again == t);
	CHECK(in_range(stamp_date(t)));
	CHECK(stamp_minute(t) >= 0 && stamp_minute(t) < 1440);
	CHECK(stamp_make(stamp_date(t), stamp_minute(t)) == t);
}

static void check_hhmm(const char *s)
{
	int minute;
	if (!hhmm_parse(s, &minute))
		return;
	CHECK(minute >= 0 && minute <= 1440);
	char buf[16];
	snprintf(buf, sizeof buf, "%02d:%02d", minute / 60, minute % 60);
	CHECK(strcmp(buf, s) == 0);
}

static void check_dur(const char *s)
{
	struct hf_dur d;
	if (!dur_parse(s, &d))
		return;
	char buf[16];
	dur_format(d, buf);
	struct hf_dur again;
	CHECK(dur_parse(buf, &again));
	CHECK(again.n == d.n && again.unit == d.unit);
	/* The text names the same number: sign, digits without leading zeros, unit. */
	const char *p = s;
	bool neg = *p == '-';
	if (*p == '+' || *p == '-')
		p++;
	while (*p == '0' && p[1] >= '0' && p[1] <= '9')
		p++;
	char want[32];
	snprintf(want, sizeof want, "%c%s", neg && strcmp(p, "0") != 0 && p[0] != '0' ? '-' : '+', p);
	CHECK(strcmp(buf, want) == 0);

	/* Applying it never leaves the representable range. */
	static const int ymd[][3] = { { 2026, 1, 31 }, { 2024, 2, 29 }, { 1, 1, 1 }, { 9999, 12, 31 } };
	for (size_t i = 0; i < sizeof ymd / sizeof ymd[0]; i++) {
		hf_date day = date_from_ymd(ymd[i][0], ymd[i][1], ymd[i][2]);
		hf_date r = dur_add_date(day, d);
		CHECK(r == HF_NO_DATE || in_range(r));
		if (d.n == 0)
			CHECK(r == day);
		hf_stamp t = dur_add_stamp(stamp_make(day, 600), d);
		CHECK(t == HF_NO_STAMP || in_range(stamp_date(t)));
		if (d.unit == DUR_MONTHS && r != HF_NO_DATE) {
			int y0, m0, d0, y1, m1, d1;
			date_to_ymd(day, &y0, &m0, &d0);
			date_to_ymd(r, &y1, &m1, &d1);
			CHECK((long long)y1 * 12 + m1 - ((long long)y0 * 12 + m0) == d.n);
			CHECK(d1 == (d0 < date_days_in_month(y1, m1) ? d0 : date_days_in_month(y1, m1)));
		}
	}
	(void)dur_approx_days(d);
}

/* Month arithmetic on a day and a month count taken from the raw bytes. */
static void check_months(const uint8_t *data, size_t size)
{
	if (size < 6)
		return;
	long long span = (long long)last_day() - first_day() + 1;
	uint32_t raw = (uint32_t)data[0] | (uint32_t)data[1] << 8 | (uint32_t)data[2] << 16 |
	               (uint32_t)data[3] << 24;
	hf_date day = (hf_date)(first_day() + (long long)(raw % (uint32_t)span));
	int months = (int16_t)((uint16_t)data[4] | (uint16_t)data[5] << 8);
	hf_date r = date_add_months(day, months);
	int y0, m0, d0, y1, m1, d1;
	date_to_ymd(day, &y0, &m0, &d0);
	long long idx = (long long)y0 * 12 + (m0 - 1) + months;
	if (idx < 12 || idx >= 10000LL * 12) {
		CHECK(r == HF_NO_DATE);
		return;
	}
	CHECK(in_range(r));
	date_to_ymd(r, &y1, &m1, &d1);
	CHECK((long long)y1 * 12 + (m1 - 1) == idx);
	int last = date_days_in_month(y1, m1);
	CHECK(d1 == (d0 < last ? d0 : last));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);
	if (!s)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';
	check_date(s);
	check_stamp(s);
	check_hhmm(s);
	check_dur(s);
	check_months(data, size);
	free(s);
	return 0;
}
