/* report.h — the figures clinics manage by (coverage, reach, satisfaction, NPS, complaints,
 * escalations, missed calls), per clinic, team and operator, for `huifang report`. */
#ifndef HUIFANG_REPORT_H
#define HUIFANG_REPORT_H

#include <stdio.h>

#include "huifang/config.h"
#include "huifang/store.h"

enum report_kind { REPORT_DAILY, REPORT_WEEKLY, REPORT_MONTHLY, REPORT_TEAM };
/* "daily", "weekly", "monthly", "team" -> kind; false when none. */
bool report_kind_from_code(const char *s, enum report_kind *out);
/* The period of a report about `day`: the day (daily, team), its Monday-to-Sunday week, its
 * calendar month. */
void report_period(enum report_kind kind, hf_date day, hf_date *from, hf_date *to);

enum report_scope { REPORT_CLINIC, REPORT_OF_TEAM, REPORT_OF_OPERATOR };

/* The counts of one group; the rates are derived by the report_* functions below. */
struct report_figures {
	enum report_scope scope;
	char name[HF_NAME_MAX];         /* team code or login; "" for the clinic */
	int due, attempted, reached, finished, missed, open;
	int calls, reached_calls, complaints;   /* complaints: outcomes that escalate by themselves */
	int scored, score_sum, score_n[6];      /* score_n[1..5] */
	int nps_n, promoters, detractors;
	int esc_raised, esc_resolved, esc_breached, esc_decided, esc_met;
	double hours;                   /* working time: each day, first call to last, at least 1 h */
};

struct report_count {
	char key[HF_NAME_MAX];
	int n;
};

/* One day of the period: its calls and those that reached the customer (the trend). */
struct report_day {
	hf_date day;
	int calls, reached_calls;
};

struct report {
	enum report_kind kind;
	hf_date from, to;
	struct report_figures *groups;  /* [0] the clinic (or --team), then teams, then operators */
	size_t ngroups;
	struct report_count *categories;/* complaints by category, in the config's order */
	size_t ncategories;
	struct report_count *steps;     /* missed tasks by curve step (script key) */
	size_t nsteps;
	/* The calls of the report's first group (the clinic or --team) by when they started. */
	int hour_calls[24];             /* by hour of the day, 0-23 */
	int weekday_calls[8];           /* by weekday, [1] Monday .. [7] Sunday */
	struct report_day *days;        /* every day from `from` to `to` */
	size_t ndays;
};

/* What the store read for the period. */
struct report_input {
	const struct report_task *tasks;
	size_t ntasks;
	const struct report_call *task_calls;   /* the calls of those tasks, by task */
	size_t ntask_calls;
	const struct report_call *calls;        /* the calls made in the period */
	size_t ncalls;
	const struct report_escalation *escs;
	size_t nescs;
	const struct hf_user *users;            /* who counts as an operator */
	size_t nusers;
};

/* Compute the report (team: only that team's tasks, calls and escalations; NULL: all). */
void report_compute(const struct hf_config *cfg, enum report_kind kind, hf_date from, hf_date to,
                    const struct report_input *in, const char *team, struct report *out);
void report_free(struct report *r);

/* The report as rows of figures (scope, name, figure, value: codes and plain numbers), the
 * one model of `report --format csv|json|tsv` and the console's export: emit is called once a
 * row. */
typedef void (*report_row_fn)(void *arg, const char *const row[4]);
extern const char *const report_row_keys[4];
void report_rows(const struct report *r, report_row_fn emit, void *arg);
/* What every figure means, translated: the footer of the table and of the console's tab. */
const char *report_definitions(void);
/* Those rows as CSV (report-csv.c): a UTF-8 BOM, the header, CRLF rows. */
void report_csv(const struct report *r, FILE *f);
/* The CSV into a new file at path; an existing file is refused and kept (exists true). false
 * with one line in err on failure (a half-written file is removed). */
bool report_csv_create(const struct report *r, const char *path, bool *exists, char *err,
                       size_t errlen);

/* A customer was on the line: an outcome that takes a score, a callback or a refusal. */
bool report_outcome_reached(const struct hf_config *cfg, const char *code);

/* Rates as percentages, -1 when the denominator is 0: coverage (attempted / due), reach
 * (reached / attempted), complaint rate (complaints / reached calls), SLA met (acknowledged in
 * time / decided). NPS: % promoters (9-10) - % detractors (0-6), -1000 when nobody answered.
 * Average score and calls per hour, -1 when none. */
double report_coverage(const struct report_figures *f);
double report_reach(const struct report_figures *f);
double report_complaint_rate(const struct report_figures *f);
double report_sla_met(const struct report_figures *f);
double report_nps(const struct report_figures *f);
double report_avg_score(const struct report_figures *f);
double report_calls_per_hour(const struct report_figures *f);

#endif
