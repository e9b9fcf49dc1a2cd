/* report.h — the figures clinics manage by (coverage, reach, satisfaction, NPS, complaints,
 * escalations, missed calls), per clinic and per group (team and operator, doctor, treatment or
 * value segment), for `huifang report` and the console's Reports tab. */
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

/* What the groups of a report are: each team then each operator (the default), the teams, the
 * operators, or the doctor, the treatment (of the visit a task follows up) or the customer's
 * value segment. One table (report.c) gives each its code and title. */
#define REPORT_BYS(X) \
	X(REPORT_BY_STAFF, "", N_("team and operator")) \
	X(REPORT_BY_TEAM, "team", N_("team")) \
	X(REPORT_BY_OPERATOR, "operator", N_("operator")) \
	X(REPORT_BY_DOCTOR, "doctor", N_("doctor")) \
	X(REPORT_BY_TREATMENT, "treatment", N_("treatment")) \
	X(REPORT_BY_SEGMENT, "segment", N_("segment"))
#define REPORT_BY_ENUM_(id, code, title) id,
enum report_by { REPORT_BYS(REPORT_BY_ENUM_) REPORT_BY__COUNT };
#undef REPORT_BY_ENUM_
/* "team", "operator", "doctor", "treatment", "segment" -> by; false when none ("" included:
 * the default has no code). */
bool report_by_from_code(const char *s, enum report_by *out);
const char *report_by_code(enum report_by by);
/* What the groups are, translated ("doctor", "team and operator"). */
const char *report_by_title(enum report_by by);
/* The title of a table's first column, translated: "who" for teams and operators, else the
 * title. */
const char *report_by_heading(enum report_by by);

/* A group's scope: its code in csv and json ("clinic", "team", ...). */
enum report_scope { REPORT_CLINIC, REPORT_OF_TEAM, REPORT_OF_OPERATOR, REPORT_OF_DOCTOR,
                    REPORT_OF_TREATMENT, REPORT_OF_SEGMENT };

/* The counts of one group; the rates are derived by the report_* functions below. Every figure
 * of a group is counted in one place (report.c: count_task, count_call, count_escalation): a
 * new figure is a field here, a line there and a row in report_rows. */
struct report_figures {
	enum report_scope scope;
	/* team code, login, doctor, treatment or segment code; "" for the clinic, and for the
	 * group of facts without a doctor, treatment or segment (shown as "none") */
	char name[HF_NAME_MAX];
	int order;                      /* among its scope: segments in the config's order */
	int due, attempted, reached, finished, missed, open;
	int calls, reached_calls, complaints;   /* complaints: outcomes that escalate by themselves */
	int scored, score_sum, score_n[6];      /* score_n[1..5] */
	int nps_n, promoters, detractors;
	/* Each satisfaction dimension of the report (struct report's dims, by index): the calls
	 * that scored it, their sum and how many gave each score, [k][1..5]. */
	int dim_scored[HF_MAX_DIMS], dim_sum[HF_MAX_DIMS], dim_n[HF_MAX_DIMS][6];
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
	enum report_by by;
	/* The satisfaction dimensions counted: the rules' when the report was made, in their order;
	 * a call's score on a dimension the rules no longer list is not counted. */
	char dims[HF_MAX_DIMS][HF_DIM_CODE_MAX];
	int ndims;
	struct report_figures *groups;  /* [0] the clinic (or --team), then the groups: teams, then
	                                 * operators (by staff), or one scope's groups */
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
	struct report_work *work;       /* while it is computed (report_begin .. report_end) */
};

/* A report is computed as the store reads its facts, none of them held: report_begin; the
 * calls of the period's tasks, by task id, oldest first (report_add_task_call); then, in any
 * order, those tasks (report_add_task), the calls made in the period (report_add_call, by when
 * they started) and the escalations raised or resolved in it (report_add_escalation); then
 * report_end, which puts the groups in order. users: who counts as an operator, read until
 * report_end; team: only that team's tasks, calls and escalations (NULL: all); the groups by
 * `by`. */
void report_begin(struct report *r, const struct hf_config *cfg, enum report_kind kind,
                  enum report_by by, hf_date from, hf_date to, const struct hf_user *users,
                  size_t nusers, const char *team);
void report_add_task_call(struct report *r, const struct report_call *c);
void report_add_task(struct report *r, const struct report_task *t);
void report_add_call(struct report *r, const struct report_call *c);
void report_add_escalation(struct report *r, const struct report_escalation *e);
void report_end(struct report *r);
/* Also after report_begin without report_end (a read that failed). */
void report_free(struct report *r);

/* The report as rows of figures (scope, name, figure, value: codes and plain numbers), the
 * one model of `report --format csv|json|tsv` and the console's export: emit is called once a
 * row. */
typedef void (*report_row_fn)(void *arg, const char *const row[4]);
extern const char *const report_row_keys[4];
void report_rows(const struct report *r, report_row_fn emit, void *arg);
/* What every figure means, translated: the footer of the table and of the console's tab; then
 * what the groups of `by` are ("" for teams and operators). */
const char *report_definitions(void);
const char *report_by_definitions(enum report_by by);
/* A group as a person reads it, translated: the team's name, the login, the doctor, the
 * treatment, the segment's name; "whole clinic" for the clinic, "no doctor" ... for none. */
const char *report_group_name(const struct hf_config *cfg, const struct report_figures *f);
/* The group as a table's first cell: its name, an operator's indented under the teams when the
 * report is by team and operator. */
void report_group_label(const struct hf_config *cfg, const struct report *r,
                        const struct report_figures *f, char *buf, size_t size);
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
/* The average of dimension k (an index in the report's dims), -1 when no call scored it. */
double report_dim_avg(const struct report_figures *f, int k);
/* Dimension k as a report's table shows it: the average, then how many gave 1/2/3/4/5
 * ("3.50 0/1/0/1/2"); "-" when no call scored it. */
void report_dim_text(const struct report_figures *f, int k, char *buf, size_t size);
double report_calls_per_hour(const struct report_figures *f);

#endif
