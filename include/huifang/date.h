/* date.h — calendar days, wall-clock stamps, durations, and the pinned clock. Pure except clock_now(). */
#ifndef HUIFANG_DATE_H
#define HUIFANG_DATE_H

#include "huifang/model.h"

/* Civil date <-> day number. date_from_ymd returns HF_NO_DATE for an impossible date. */
hf_date date_from_ymd(int y, int m, int d);
void date_to_ymd(hf_date day, int *y, int *m, int *d);
/* ISO weekday: 1 = Monday ... 7 = Sunday. */
int date_weekday(hf_date day);
/* Add months, clamping to the month's last day (Jan 31 + 1m = Feb 28/29). */
hf_date date_add_months(hf_date day, int months);
bool date_is_leap(int y);
int date_days_in_month(int y, int m);

/* "YYYY-MM-DD" strictly (zero padded, a real date). Returns false on anything else. */
bool date_parse(const char *s, hf_date *out);
/* Writes "YYYY-MM-DD" into buf (at least 11 bytes); returns buf. */
char *date_format(hf_date day, char *buf);

/* Stamps: minutes since the epoch, clinic-local. */
hf_stamp stamp_make(hf_date day, int minute_of_day);
hf_date stamp_date(hf_stamp t);
int stamp_minute(hf_stamp t);
/* "YYYY-MM-DD HH:MM" (also accepts "YYYY-MM-DDTHH:MM" and an optional ":SS" which is ignored). */
bool stamp_parse(const char *s, hf_stamp *out);
/* Writes "YYYY-MM-DD HH:MM" into buf (at least 17 bytes); returns buf. */
char *stamp_format(hf_stamp t, char *buf);
/* "HH:MM" -> minute of day (0..1439; "24:00" gives 1440). */
bool hhmm_parse(const char *s, int *minute);

/* Durations as written in the config and on the command line: "4h", "3d", "1w", "1m", "1y". */
enum dur_unit { DUR_HOURS = 'h', DUR_DAYS = 'd', DUR_WEEKS = 'w', DUR_MONTHS = 'm', DUR_YEARS = 'y' };
struct hf_dur {
	int n;           /* may be negative: "-1m" */
	enum dur_unit unit;
};
bool dur_parse(const char *s, struct hf_dur *out);
/* Writes e.g. "+3d" into buf (at least 16 bytes); returns buf. */
char *dur_format(struct hf_dur d, char *buf);
/* Apply to a day (hours are rounded down to whole days) or to a stamp. */
hf_date dur_add_date(hf_date day, struct hf_dur d);
hf_stamp dur_add_stamp(hf_stamp t, struct hf_dur d);
/* A span of minutes as people read it (its size, whatever its sign): "45m", "2h 05m", "3d 4h". */
char *date_span_text(long long minutes, char *out, size_t size);
/* Approximate length in days (months as 30, years as 365), for comparisons and sorting. */
int dur_approx_days(struct hf_dur d);

/* The clock: HUIFANG_NOW="YYYY-MM-DD HH:MM" when set (and not privileged), else local time.
 * Returns false and fills err when HUIFANG_NOW is set but unparseable. */
bool clock_now(hf_stamp *out, char *err, size_t errlen);
/* Is the clock pinned by HUIFANG_NOW (never in a privileged run)? */
bool clock_pinned(void);
/* Read the wall clock in this IANA zone from now on, whatever TZ the caller set. */
void clock_set_zone(const char *zone);

#endif
