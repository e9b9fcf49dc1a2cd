/* report.h — the figures clinics manage by (coverage, reach, satisfaction, NPS, complaints,
 * escalations, missed calls), per clinic, team and operator, for `huifang report`. */
#ifndef HUIFANG_REPORT_H
#define HUIFANG_REPORT_H

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

struct report {
	enum report_kind kind;
	hf_date from, to;
	struct report_figures *groups;  /* [0] the clinic (or --team), then teams, then operators */
	size_t ngroups;
	struct report_count *categories;/* complaints by category, in the config's order */
	size_t ncategories;
	struct report_count *steps;     /* missed tasks by curve step (script key) */
	size_t nsteps;
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
