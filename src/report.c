/* report.c — the follow-up figures of a period, per clinic, team and operator: computed from
 * what the store read, shared by `huifang report` and the console. Pure: no I/O, no clock. */
#include "huifang/report.h"

#include <stdlib.h>
#include <string.h>

#include "huifang/date.h"
#include "huifang/str.h"

static const char *const kind_codes[] = {"daily", "weekly", "monthly", "team"};

bool report_kind_from_code(const char *s, enum report_kind *out)
{
	for (size_t i = 0; s && i < sizeof kind_codes / sizeof *kind_codes; i++)
		if (strcmp(s, kind_codes[i]) == 0) {
			*out = (enum report_kind)i;
			return true;
		}
	return false;
}

void report_period(enum report_kind kind, hf_date day, hf_date *from, hf_date *to)
{
	int y, m, d;
	switch (kind) {
	case REPORT_WEEKLY:
		*from = day - (date_weekday(day) - 1);
		*to = *from + 6;
		break;
	case REPORT_MONTHLY:
		date_to_ymd(day, &y, &m, &d);
		*from = date_from_ymd(y, m, 1);
		*to = date_from_ymd(y, m, date_days_in_month(y, m));
		break;
	default:
		*from = *to = day;
	}
}

bool report_outcome_reached(const struct hf_config *cfg, const char *code)
{
	const struct hf_outcome *o = config_outcome(cfg, code);
	return o && (o->asks_score || o->needs_next || o->cancels_future);
}

/* ---- groups ---------------------------------------------------------------------------- */

static struct report_figures *group(struct report *r, enum report_scope scope, const char *name)
{
	if (scope != REPORT_CLINIC && str_empty(name))
		return NULL;
	for (size_t i = 0; i < r->ngroups; i++)
		if (r->groups[i].scope == scope && str_eq(r->groups[i].name, name))
			return &r->groups[i];
	r->groups = xrealloc(r->groups, (r->ngroups + 1) * sizeof *r->groups);
	struct report_figures *g = &r->groups[r->ngroups++];
	memset(g, 0, sizeof *g);
	g->scope = scope;
	str_copy(g->name, sizeof g->name, name ? name : "");
	return g;
}

static bool is_user(const struct report_input *in, const char *login)
{
	for (size_t i = 0; login && i < in->nusers; i++)
		if (strcmp(in->users[i].login, login) == 0)
			return true;
	return false;
}

/* The clinic, a team and an operator (a user; "" or the rules' login: none): the groups one
 * fact counts in (NULL: none). */
static void groups_of(struct report *r, const struct report_input *in, const char *team,
                      const char *login, struct report_figures *out[3])
{
	if (!is_user(in, login))
		login = NULL;
	/* A report of one team: the team is the first group, not a second. */
	if (*r->groups[0].name)
		team = NULL;
	out[0] = &r->groups[0];
	out[1] = group(r, REPORT_OF_TEAM, team);
	out[2] = group(r, REPORT_OF_OPERATOR, login);
	/* group() may move the array: the clinic's pointer is taken again. */
	out[0] = &r->groups[0];
	if (out[1] && out[2])
		out[1] = group(r, REPORT_OF_TEAM, team);
}

#define EACH_GROUP(g, gs) for (int k_ = 0; k_ < 3; k_++) if (((g) = (gs)[k_]) != NULL)

static void count(struct report_count **v, size_t *n, const char *key)
{
	for (size_t i = 0; i < *n; i++)
		if (strcmp((*v)[i].key, key) == 0) {
			(*v)[i].n++;
			return;
		}
	*v = xrealloc(*v, (*n + 1) * sizeof **v);
	str_copy((*v)[*n].key, sizeof (*v)[*n].key, key);
	(*v)[(*n)++].n = 1;
}

static bool in_period(hf_stamp t, hf_date from, hf_date to)
{
	return t != HF_NO_STAMP && stamp_date(t) >= from && stamp_date(t) <= to;
}

static bool team_ok(const char *want, const char *team)
{
	return !want || str_eq(want, team);
}

/* ---- the figures ----------------------------------------------------------------------- */

static void count_tasks(const struct hf_config *cfg, const struct report_input *in,
                        const char *team, struct report *r)
{
	size_t c = 0;
	for (size_t i = 0; i < in->ntasks; i++) {
		const struct report_task *t = &in->tasks[i];
		bool called = false, reached = false;
		const char *last_caller = "";
		while (c < in->ntask_calls && in->task_calls[c].task_id < t->id)
			c++;
		for (; c < in->ntask_calls && in->task_calls[c].task_id == t->id; c++) {
			called = true;
			reached = reached || report_outcome_reached(cfg, in->task_calls[c].outcome);
			last_caller = in->task_calls[c].operator_login;
		}
		if (!team_ok(team, t->team))
			continue;
		/* An owned task is its owner's; a pool task is whoever called it last. */
		struct report_figures *gs[3], *g;
		groups_of(r, in, t->team, *t->owner ? t->owner : last_caller, gs);
		EACH_GROUP(g, gs) {
			g->due++;
			g->attempted += called;
			g->reached += reached;
			g->finished += t->status == TASK_DONE || t->status == TASK_CLOSED;
			g->missed += t->status == TASK_MISSED || t->status == TASK_UNREACHABLE;
			g->open += t->status == TASK_OPEN;
		}
		if ((t->status == TASK_MISSED || t->status == TASK_UNREACHABLE) && t->step >= 0)
			count(&r->steps, &r->nsteps, t->script);
	}
}

/* Working time: per operator and day, first call's start to last call's end, at least 1 h. */
struct span {
	char login[HF_NAME_MAX];
	char team[HF_NAME_MAX];
	hf_date day;
	hf_stamp first, last;
};

static void count_calls(const struct hf_config *cfg, const struct report_input *in,
                        const char *team, struct report *r)
{
	struct span *spans = NULL;
	size_t nspans = 0;
	for (size_t i = 0; i < in->ncalls; i++) {
		const struct report_call *c = &in->calls[i];
		if (!team_ok(team, c->team))
			continue;
		struct report_figures *gs[3], *g;
		groups_of(r, in, c->team, c->operator_login, gs);
		bool reached = report_outcome_reached(cfg, c->outcome);
		/* A complaint: an outcome that escalates by itself. */
		const struct hf_outcome *o = config_outcome(cfg, c->outcome);
		bool complaint = o && o->escalate != SEV_NONE;
		EACH_GROUP(g, gs) {
			g->calls++;
			g->reached_calls += reached;
			g->complaints += complaint;
			if (c->score >= 1 && c->score <= 5) {
				g->scored++;
				g->score_sum += c->score;
				g->score_n[c->score]++;
			}
			if (c->nps >= 0) {
				g->nps_n++;
				g->promoters += c->nps >= 9;
				g->detractors += c->nps <= 6;
			}
		}
		if (complaint)
			count(&r->categories, &r->ncategories, c->complaint);
		size_t s = 0;
		while (s < nspans && !(str_eq(spans[s].login, c->operator_login) &&
		                       spans[s].day == stamp_date(c->started)))
			s++;
		if (s == nspans) {
			spans = xrealloc(spans, (nspans + 1) * sizeof *spans);
			str_copy(spans[s].login, sizeof spans[s].login, c->operator_login);
			str_copy(spans[s].team, sizeof spans[s].team, c->team);
			spans[s].day = stamp_date(c->started);
			spans[s].first = c->started;
			spans[s].last = c->ended;
			nspans++;
		}
		if (c->started < spans[s].first)
			spans[s].first = c->started;
		if (c->ended > spans[s].last)
			spans[s].last = c->ended;
	}
	for (size_t s = 0; s < nspans; s++) {
		double h = (double)(spans[s].last - spans[s].first) / 60.0;
		struct report_figures *gs[3], *g;
		groups_of(r, in, spans[s].team, spans[s].login, gs);
		EACH_GROUP(g, gs)
			g->hours += h < 1 ? 1 : h;
	}
	free(spans);
}

static void count_escalations(const struct report_input *in, const char *team, struct report *r)
{
	for (size_t i = 0; i < in->nescs; i++) {
		const struct report_escalation *e = &in->escs[i];
		if (!team_ok(team, e->team))
			continue;
		bool raised = in_period(e->raised_at, r->from, r->to);
		struct report_figures *gs[3], *g;
		groups_of(r, in, e->team, e->raised_by, gs);
		EACH_GROUP(g, gs) {
			g->esc_raised += raised;
			g->esc_resolved += in_period(e->resolved_at, r->from, r->to);
			g->esc_breached += raised && e->breached_levels > 0;
			g->esc_decided += raised && (e->acked_at != HF_NO_STAMP || e->breached_levels > 0);
			g->esc_met += raised && e->acked_at != HF_NO_STAMP && e->breached_levels == 0;
		}
	}
}

static int cmp_groups(const void *a, const void *b)
{
	const struct report_figures *x = a, *y = b;
	if (x->scope != y->scope)
		return (int)x->scope - (int)y->scope;
	return strcmp(x->name, y->name);
}

static int cmp_counts(const void *a, const void *b)
{
	return strcmp(((const struct report_count *)a)->key, ((const struct report_count *)b)->key);
}

void report_compute(const struct hf_config *cfg, enum report_kind kind, hf_date from, hf_date to,
                    const struct report_input *in, const char *team, struct report *out)
{
	memset(out, 0, sizeof *out);
	out->kind = kind;
	out->from = from;
	out->to = to;
	group(out, REPORT_CLINIC, team ? team : "");
	count_tasks(cfg, in, team, out);
	count_calls(cfg, in, team, out);
	count_escalations(in, team, out);
	qsort(out->groups + 1, out->ngroups - 1, sizeof *out->groups, cmp_groups);
	if (out->nsteps)
		qsort(out->steps, out->nsteps, sizeof *out->steps, cmp_counts);
	/* Categories in the config's order. */
	struct report_count *cats = NULL;
	size_t ncats = 0;
	for (int i = 0; i < cfg->ncomplaint_categories; i++)
		for (size_t k = 0; k < out->ncategories; k++)
			if (strcmp(out->categories[k].key, cfg->complaint_categories[i]) == 0) {
				cats = xrealloc(cats, (ncats + 1) * sizeof *cats);
				cats[ncats++] = out->categories[k];
			}
	for (size_t k = 0; k < out->ncategories; k++) {
		bool known = false;
		for (int i = 0; i < cfg->ncomplaint_categories && !known; i++)
			known = strcmp(out->categories[k].key, cfg->complaint_categories[i]) == 0;
		if (!known) {
			cats = xrealloc(cats, (ncats + 1) * sizeof *cats);
			cats[ncats++] = out->categories[k];
		}
	}
	free(out->categories);
	out->categories = cats;
	out->ncategories = ncats;
}

void report_free(struct report *r)
{
	free(r->groups);
	free(r->categories);
	free(r->steps);
	memset(r, 0, sizeof *r);
}

static double pct(int num, int den)
{
	return den > 0 ? 100.0 * num / den : -1;
}

double report_coverage(const struct report_figures *f) { return pct(f->attempted, f->due); }
double report_reach(const struct report_figures *f) { return pct(f->reached, f->attempted); }
double report_complaint_rate(const struct report_figures *f) { return pct(f->complaints, f->reached_calls); }
double report_sla_met(const struct report_figures *f) { return pct(f->esc_met, f->esc_decided); }

double report_nps(const struct report_figures *f)
{
	return f->nps_n > 0 ? 100.0 * (f->promoters - f->detractors) / f->nps_n : -1000;
}

double report_avg_score(const struct report_figures *f)
{
	return f->scored > 0 ? (double)f->score_sum / f->scored : -1;
}

double report_calls_per_hour(const struct report_figures *f)
{
	return f->hours > 0 ? f->calls / f->hours : -1;
}
