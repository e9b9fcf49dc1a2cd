/* date.c — civil-day arithmetic, stamps, durations and the pinnable clock. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "huifang/date.h"
#include "huifang/i18n.h"
#include "huifang/str.h"

/* Years outside 0001..9999 cannot be written as "YYYY", so they are not dates here. */
#define YEAR_MIN 1
#define YEAR_MAX 9999

/* Floor division: day and minute arithmetic must round towards minus infinity. */
static long long floordiv(long long a, long long b)
{
	long long q = a / b;
	if ((a % b != 0) && ((a < 0) != (b < 0)))
		q--;
	return q;
}

static long long floormod(long long a, long long b)
{
	return a - floordiv(a, b) * b;
}

/* Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
static long long days_from_civil(long long y, int m, int d)
{
	y -= m <= 2;
	long long era = floordiv(y, 400);
	long long yoe = y - era * 400;
	long long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static void civil_from_days(long long z, long long *y, int *m, int *d)
{
	z += 719468;
	long long era = floordiv(z, 146097);
	long long doe = z - era * 146097;
	long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long long mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = yoe + era * 400 + (*m <= 2);
}

/* The first and last representable day numbers. */
static long long day_min(void)
{
	return days_from_civil(YEAR_MIN, 1, 1);
}

static long long day_max(void)
{
	return days_from_civil(YEAR_MAX, 12, 31);
}

static hf_date day_checked(long long z)
{
	if (z < day_min() || z > day_max())
		return HF_NO_DATE;
	return (hf_date)z;
}

bool date_is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int date_days_in_month(int y, int m)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	if (m < 1 || m > 12)
		return 0;
	return m == 2 && date_is_leap(y) ? 29 : days[m - 1];
}

hf_date date_from_ymd(int y, int m, int d)
{
	if (y < YEAR_MIN || y > YEAR_MAX || m < 1 || m > 12 || d < 1 || d > date_days_in_month(y, m))
		return HF_NO_DATE;
	return (hf_date)days_from_civil(y, m, d);
}

void date_to_ymd(hf_date day, int *y, int *m, int *d)
{
	long long yy = 0;
	int mm = 0, dd = 0;
	if (day != HF_NO_DATE)
		civil_from_days(day, &yy, &mm, &dd);
	if (y)
		*y = (int)yy;
	if (m)
		*m = mm;
	if (d)
		*d = dd;
}

int date_weekday(hf_date day)
{
	/* 1970-01-01 was a Thursday (ISO 4). */
	return (int)floormod((long long)day + 3, 7) + 1;
}

hf_date date_add_months(hf_date day, int months)
{
	if (day == HF_NO_DATE)
		return HF_NO_DATE;
	long long y;
	int m, d;
	civil_from_days(day, &y, &m, &d);
	long long idx = y * 12 + (m - 1) + months;
	long long ny = floordiv(idx, 12);
	int nm = (int)floormod(idx, 12) + 1;
	if (ny < YEAR_MIN || ny > YEAR_MAX)
		return HF_NO_DATE;
	int last = date_days_in_month((int)ny, nm);
	return date_from_ymd((int)ny, nm, d > last ? last : d);
}

/* Reads exactly n ASCII digits. */
static bool digits(const char *s, int n, int *out)
{
	int v = 0;
	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return false;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return true;
}

/* Parses the "YYYY-MM-DD" prefix of s (10 bytes); the caller checks what follows. */
static bool date_prefix(const char *s, hf_date *out)
{
	int y, m, d;
	if (!digits(s, 4, &y) || s[4] != '-' || !digits(s + 5, 2, &m) || s[7] != '-' ||
	    !digits(s + 8, 2, &d))
		return false;
	hf_date day = date_from_ymd(y, m, d);
	if (day == HF_NO_DATE)
		return false;
	*out = day;
	return true;
}

bool date_parse(const char *s, hf_date *out)
{
	hf_date day;
	if (!s || strnlen(s, 11) != 10 || !date_prefix(s, &day))
		return false;
	if (out)
		*out = day;
	return true;
}

char *date_format(hf_date day, char *buf)
{
	if (day == HF_NO_DATE) {
		buf[0] = '\0';
		return buf;
	}
	int y, m, d;
	date_to_ymd(day, &y, &m, &d);
	snprintf(buf, 11, "%04d-%02d-%02d", y, m, d);
	return buf;
}

hf_stamp stamp_make(hf_date day, int minute_of_day)
{
	if (day == HF_NO_DATE)
		return HF_NO_STAMP;
	return (hf_stamp)day * 1440 + minute_of_day;
}

hf_date stamp_date(hf_stamp t)
{
	if (t == HF_NO_STAMP)
		return HF_NO_DATE;
	return day_checked(floordiv(t, 1440));
}

int stamp_minute(hf_stamp t)
{
	return (int)floormod(t, 1440);
}

/* "HH:MM" with 00..23 and 00..59 (no 24:00). */
static bool clock_part(const char *s, int *minute)
{
	int h, m;
	if (!digits(s, 2, &h) || s[2] != ':' || !digits(s + 3, 2, &m) || h > 23 || m > 59)
		return false;
	*minute = h * 60 + m;
	return true;
}

bool stamp_parse(const char *s, hf_stamp *out)
{
	hf_date day;
	int minute, sec;
	if (!s || strnlen(s, 20) < 16 || !date_prefix(s, &day) || (s[10] != ' ' && s[10] != 'T') ||
	    !clock_part(s + 11, &minute))
		return false;
	const char *rest = s + 16;
	if (*rest == ':') {
		if (!digits(rest + 1, 2, &sec) || sec > 59)
			return false;
		rest += 3;
	}
	if (*rest != '\0')
		return false;
	if (out)
		*out = stamp_make(day, minute);
	return true;
}

char *stamp_format(hf_stamp t, char *buf)
{
	hf_date day = stamp_date(t);
	if (day == HF_NO_DATE) {
		buf[0] = '\0';
		return buf;
	}
	unsigned minute = (unsigned)stamp_minute(t);
	date_format(day, buf);
	snprintf(buf + 10, 7, " %02u:%02u", minute / 60 % 24, minute % 60);
	return buf;
}

bool hhmm_parse(const char *s, int *minute)
{
	int v;
	if (!s || strnlen(s, 6) != 5)
		return false;
	if (strcmp(s, "24:00") == 0)
		v = 1440;
	else if (!clock_part(s, &v))
		return false;
	if (minute)
		*minute = v;
	return true;
}

bool dur_parse(const char *s, struct hf_dur *out)
{
	if (!s)
		return false;
	bool neg = false;
	if (*s == '+' || *s == '-')
		neg = *s++ == '-';
	if (*s < '0' || *s > '9')
		return false;
	long long n = 0;
	while (*s >= '0' && *s <= '9') {
		n = n * 10 + (*s++ - '0');
		if (n > INT_MAX)
			return false;
	}
	switch (*s) {
	case 'h': case 'd': case 'w': case 'm': case 'y':
		break;
	default:
		return false;
	}
	if (s[1] != '\0')
		return false;
	if (out) {
		out->n = (int)(neg ? -n : n);
		out->unit = (enum dur_unit)*s;
	}
	return true;
}

char *dur_format(struct hf_dur d, char *buf)
{
	snprintf(buf, 16, "%+d%c", d.n, (char)d.unit);
	return buf;
}

/* Months to add for a month or year duration. */
static long long dur_months(struct hf_dur d)
{
	return d.unit == DUR_YEARS ? (long long)d.n * 12 : d.n;
}

static hf_date add_months_ll(hf_date day, long long months)
{
	/* Beyond 10000 years nothing is representable; keep the int conversion safe. */
	if (months > 120000 || months < -120000)
		return HF_NO_DATE;
	return date_add_months(day, (int)months);
}

hf_date dur_add_date(hf_date day, struct hf_dur d)
{
	if (day == HF_NO_DATE)
		return HF_NO_DATE;
	switch (d.unit) {
	case DUR_HOURS:
		return day_checked(day + floordiv(d.n, 24));
	case DUR_DAYS:
		return day_checked((long long)day + d.n);
	case DUR_WEEKS:
		return day_checked((long long)day + 7LL * d.n);
	case DUR_MONTHS:
	case DUR_YEARS:
		return add_months_ll(day, dur_months(d));
	}
	return HF_NO_DATE;
}

hf_stamp dur_add_stamp(hf_stamp t, struct hf_dur d)
{
	if (t == HF_NO_STAMP)
		return HF_NO_STAMP;
	hf_stamp r;
	switch (d.unit) {
	case DUR_HOURS:
		r = t + 60LL * d.n;
		break;
	case DUR_DAYS:
		r = t + 1440LL * d.n;
		break;
	case DUR_WEEKS:
		r = t + 7LL * 1440 * d.n;
		break;
	case DUR_MONTHS:
	case DUR_YEARS:
		return stamp_make(add_months_ll(stamp_date(t), dur_months(d)), stamp_minute(t));
	default:
		return HF_NO_STAMP;
	}
	return stamp_date(r) == HF_NO_DATE ? HF_NO_STAMP : r;
}

int dur_approx_days(struct hf_dur d)
{
	long long days;
	switch (d.unit) {
	case DUR_HOURS:
		days = floordiv(d.n, 24);
		break;
	case DUR_DAYS:
		days = d.n;
		break;
	case DUR_WEEKS:
		days = 7LL * d.n;
		break;
	case DUR_MONTHS:
		days = 30LL * d.n;
		break;
	case DUR_YEARS:
		days = 365LL * d.n;
		break;
	default:
		days = 0;
	}
	if (days > INT_MAX)
		return INT_MAX;
	if (days < INT_MIN)
		return INT_MIN;
	return (int)days;
}

bool clock_pinned(void)
{
	const char *pin = secure_getenv("HUIFANG_NOW");
	return pin && *pin;
}

void clock_set_zone(const char *zone)
{
	/* The clinic's zone replaces the caller's TZ: an operator's TZ=XXX+24 would otherwise stamp
	 * calls and audit rows a day off and plan yesterday. */
	if (zone && *zone)
		setenv("TZ", zone, 1);
	else
		unsetenv("TZ");
	tzset();
}

bool clock_now(hf_stamp *out, char *err, size_t errlen)
{
	/* secure_getenv returns NULL under setgid, so a pinned clock cannot fake audit times. */
	const char *pin = secure_getenv("HUIFANG_NOW");
	if (pin && *pin) {
		hf_stamp t;
		if (!stamp_parse(pin, &t))
			return errf(err, errlen, _("HUIFANG_NOW must be \"YYYY-MM-DD HH:MM\", not \"%s\""), pin);
		*out = t;
		return true;
	}
	time_t now = time(NULL);
	struct tm tm;
	if (!localtime_r(&now, &tm))
		return errf(err, errlen, _("cannot read the system clock"));
	hf_date day = date_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
	if (day == HF_NO_DATE)
		return errf(err, errlen, _("cannot read the system clock"));
	*out = stamp_make(day, tm.tm_hour * 60 + tm.tm_min);
	return true;
}

char *date_span_text(long long minutes, char *out, size_t size)
{
	long long m = minutes < 0 ? -minutes : minutes;
	if (m >= 24 * 60)
		snprintf(out, size, _("%lldd %lldh"), m / (24 * 60), m % (24 * 60) / 60);
	else if (m >= 60)
		snprintf(out, size, _("%lldh %02lldm"), m / 60, m % 60);
	else
		snprintf(out, size, _("%lldm"), m);
	return out;
}
