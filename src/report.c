/* report.c — the follow-up figures of a period, per clinic and per group (team and operator,
 * doctor, treatment or value segment): computed from what the store read, shared by `huifang
 * report` and the console. Pure: no I/O, no clock. */
#include "huifang/report.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "huifang/date.h"
#include "huifang/i18n.h"
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

#define REPORT_BY_ROW_(id, code, title) {code, title},
static const struct {
	const char *code, *title;
} bys[] = {REPORT_BYS(REPORT_BY_ROW_)};
#undef REPORT_BY_ROW_

bool report_by_from_code(const char *s, enum report_by *out)
{
	for (size_t i = 0; s && *s && i < sizeof bys / sizeof *bys; i++)
		if (strcmp(s, bys[i].code) == 0) {
			*out = (enum report_by)i;
			return true;
		}
	return false;
}

const char *report_by_code(enum report_by by)
{
	return bys[by].code;
}

const char *report_by_title(enum report_by by)
{
	return _(bys[by].title);
}

const char *report_by_heading(enum report_by by)
{
	return by == REPORT_BY_STAFF ? _("who") : report_by_title(by);
}

/* The group of scope and name, made when new; -1 when a team or an operator is "" (the fact
 * counts for none). A doctor, treatment or segment "" is the group of the facts without one. */
static ptrdiff_t group(struct report *r, enum report_scope scope, const char *name)
{
	if ((scope == REPORT_OF_TEAM || scope == REPORT_OF_OPERATOR) && str_empty(name))
		return -1;
	if (!name)
		name = "";
	for (size_t i = 0; i < r->ngroups; i++)
		if (r->groups[i].scope == scope && str_eq(r->groups[i].name, name))
			return (ptrdiff_t)i;
	r->groups = xrealloc(r->groups, (r->ngroups + 1) * sizeof *r->groups);
	struct report_figures *g = &r->groups[r->ngroups];
	memset(g, 0, sizeof *g);
	g->scope = scope;
	str_copy(g->name, sizeof g->name, name);
	return (ptrdiff_t)r->ngroups++;
}

/* A task's calls, as report_add_task counts them: whether it was called and reached, and who
 * called it last (an index in callers). */
struct tally {
	hf_id task;
	bool reached;
	size_t caller;
};

/* Working time: per operator and day, first call's start to last call's end, at least 1 h. */
struct span {
	size_t login;                   /* an index in callers */
	char team[HF_NAME_MAX];
	hf_date day;
	hf_stamp first, last;
};

struct report_work {
	const struct hf_config *cfg;
	const struct hf_user *users;
	size_t nusers;
	struct tally *tallies;          /* by task id */
	size_t ntallies, tallies_cap;
	char (*callers)[HF_NAME_MAX];   /* the logins the calls name, each once */
	size_t ncallers, caller_last;   /* caller_last: the one found last */
	struct span *spans;             /* by day, as the calls come */
	size_t nspans, spans_cap;
};

static bool is_user(const struct report_work *w, const char *login)
{
	for (size_t i = 0; login && i < w->nusers; i++)
		if (strcmp(w->users[i].login, login) == 0)
			return true;
	return false;
}

/* login's index in w->callers, added when new (a clinic has tens of operators: the last one
 * found is tried first, as calls come in runs of one operator's). */
static size_t caller(struct report_work *w, const char *login)
{
	if (w->caller_last < w->ncallers && str_eq(w->callers[w->caller_last], login))
		return w->caller_last;
	for (size_t i = 0; i < w->ncallers; i++)
		if (str_eq(w->callers[i], login))
			return w->caller_last = i;
	w->callers = xrealloc(w->callers, (w->ncallers + 1) * sizeof *w->callers);
	str_copy(w->callers[w->ncallers], sizeof *w->callers, login);
	return w->caller_last = w->ncallers++;
}

/* What one fact is counted under: its team, who worked it (a login; "" or the rules' login:
 * nobody) and its facet (NULL: a figure that has no facet, such as working time). */
struct fact {
	const char *team, *login, *facet;
};

/* The groups one fact counts in: the clinic, then by the report's grouping a team and an
 * operator, a team, an operator, or its doctor, treatment or segment (NULL: none). */
static void groups_of(struct report *r, struct fact f, struct report_figures *out[3])
{
	if (!is_user(r->work, f.login))
		f.login = NULL;
	/* A report of one team: the team is the first group, not a second. */
	if (*r->groups[0].name)
		f.team = NULL;
	ptrdiff_t k[3] = {0, -1, -1};
	switch (r->by) {
	case REPORT_BY_STAFF:
		k[1] = group(r, REPORT_OF_TEAM, f.team);
		k[2] = group(r, REPORT_OF_OPERATOR, f.login);
		break;
	case REPORT_BY_TEAM:
		k[1] = group(r, REPORT_OF_TEAM, f.team);
		break;
	case REPORT_BY_OPERATOR:
		k[1] = group(r, REPORT_OF_OPERATOR, f.login);
		break;
	default:
		if (f.facet)
			k[1] = group(r, r->by == REPORT_BY_DOCTOR      ? REPORT_OF_DOCTOR
			                : r->by == REPORT_BY_TREATMENT ? REPORT_OF_TREATMENT
			                                               : REPORT_OF_SEGMENT, f.facet);
	}
	for (int i = 0; i < 3; i++)
		out[i] = k[i] >= 0 ? &r->groups[k[i]] : NULL;
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

/* A report of one team names it as its first group (the clinic's is ""). */
static bool team_ok(const struct report *r, const char *team)
{
	return !*r->groups[0].name || str_eq(r->groups[0].name, team);
}

/* ---- the figures of one group: each fact counted here, whatever the grouping ----------- */

static void count_task(struct report_figures *g, const struct report_task *t, bool called,
                       bool reached)
{
	g->due++;
	g->attempted += called;
	g->reached += reached;
	g->finished += t->status == TASK_DONE || t->status == TASK_CLOSED;
	g->missed += t->status == TASK_MISSED || t->status == TASK_UNREACHABLE;
	g->open += t->status == TASK_OPEN;
}

/* A call's scores on the report's dimensions: the dimension's index in struct report's dims
 * and the score 1-5, found once for every group the call counts in. */
struct dim_hits {
	int n, k[HF_MAX_DIMS], score[HF_MAX_DIMS];
};

static void count_call(struct report_figures *g, const struct report_call *c,
                       const struct dim_hits *d, bool reached, bool complaint)
{
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
	for (int i = 0; i < d->n; i++) {
		g->dim_scored[d->k[i]]++;
		g->dim_sum[d->k[i]] += d->score[i];
		g->dim_n[d->k[i]][d->score[i]]++;
	}
}

static void count_escalation(struct report_figures *g, const struct report_escalation *e,
                             hf_date from, hf_date to)
{
	bool raised = in_period(e->raised_at, from, to);
	g->esc_raised += raised;
	g->esc_resolved += in_period(e->resolved_at, from, to);
	g->esc_breached += raised && e->breached_levels > 0;
	g->esc_decided += raised && (e->acked_at != HF_NO_STAMP || e->breached_levels > 0);
	g->esc_met += raised && e->acked_at != HF_NO_STAMP && e->breached_levels == 0;
}

/* ---- the facts of the period ----------------------------------------------------------- */

void report_add_task_call(struct report *r, const struct report_call *c)
{
	struct report_work *w = r->work;
	if (!w->ntallies || w->tallies[w->ntallies - 1].task != c->task_id) {
		w->tallies = xgrow(w->tallies, w->ntallies, &w->tallies_cap, sizeof *w->tallies);
		w->tallies[w->ntallies++] = (struct tally){.task = c->task_id};
	}
	struct tally *t = &w->tallies[w->ntallies - 1];
	t->reached = t->reached || report_outcome_reached(w->cfg, c->outcome);
	t->caller = caller(w, c->operator_login);
}

static int cmp_tally(const void *key, const void *elem)
{
	hf_id a = *(const hf_id *)key, b = ((const struct tally *)elem)->task;
	return a < b ? -1 : a > b;
}

void report_add_task(struct report *r, const struct report_task *t)
{
	struct report_work *w = r->work;
	if (!team_ok(r, t->team))
		return;
	const struct tally *calls = bsearch(&t->id, w->tallies, w->ntallies, sizeof *w->tallies,
	                                    cmp_tally);
	/* An owned task is its owner's; a pool task is whoever called it last. */
	const char *last_caller = calls ? w->callers[calls->caller] : "";
	struct report_figures *gs[3], *g;
	groups_of(r, (struct fact){t->team, *t->owner ? t->owner : last_caller, t->facet}, gs);
	EACH_GROUP(g, gs)
		count_task(g, t, calls != NULL, calls && calls->reached);
	if ((t->status == TASK_MISSED || t->status == TASK_UNREACHABLE) && t->step >= 0)
		count(&r->steps, &r->nsteps, t->script);
}

/* The operator's span of c's day, made when new: looked for from the latest, as the calls come
 * by when they started and the day's spans are the last ones. */
static struct span *span_of(struct report_work *w, const struct report_call *c)
{
	hf_date day = stamp_date(c->started);
	size_t login = caller(w, c->operator_login);
	for (size_t s = w->nspans; s-- > 0;)
		if (w->spans[s].login == login && w->spans[s].day == day)
			return &w->spans[s];
	w->spans = xgrow(w->spans, w->nspans, &w->spans_cap, sizeof *w->spans);
	struct span *sp = &w->spans[w->nspans++];
	sp->login = login;
	str_copy(sp->team, sizeof sp->team, c->team);
	sp->day = day;
	sp->first = c->started;
	sp->last = c->ended;
	return sp;
}

void report_add_call(struct report *r, const struct report_call *c)
{
	struct report_work *w = r->work;
	if (!team_ok(r, c->team))
		return;
	struct report_figures *gs[3], *g;
	groups_of(r, (struct fact){c->team, c->operator_login, c->facet}, gs);
	bool reached = report_outcome_reached(w->cfg, c->outcome);
	/* A complaint: an outcome that escalates by itself. */
	const struct hf_outcome *o = config_outcome(w->cfg, c->outcome);
	bool complaint = o && o->escalate != SEV_NONE;
	struct dim_hits d = {0};
	for (int i = 0; i < c->ndims && i < HF_MAX_DIMS; i++) {
		int k = 0;
		while (k < r->ndims && !str_eq(r->dims[k], c->dims[i].code))
			k++;
		if (k < r->ndims && c->dims[i].score >= 1 && c->dims[i].score <= 5) {
			d.k[d.n] = k;
			d.score[d.n++] = c->dims[i].score;
		}
	}
	EACH_GROUP(g, gs)
		count_call(g, c, &d, reached, complaint);
	if (complaint)
		count(&r->categories, &r->ncategories, c->complaint);
	hf_date day = stamp_date(c->started);
	r->hour_calls[stamp_minute(c->started) / 60 % 24]++;
	r->weekday_calls[date_weekday(day)]++;
	if (day >= r->from && day <= r->to) {
		r->days[day - r->from].calls++;
		r->days[day - r->from].reached_calls += reached;
	}
	struct span *sp = span_of(w, c);
	if (c->started < sp->first)
		sp->first = c->started;
	if (c->ended > sp->last)
		sp->last = c->ended;
}

void report_add_escalation(struct report *r, const struct report_escalation *e)
{
	if (!team_ok(r, e->team))
		return;
	struct report_figures *gs[3], *g;
	groups_of(r, (struct fact){e->team, e->raised_by, e->facet}, gs);
	EACH_GROUP(g, gs)
		count_escalation(g, e, r->from, r->to);
}

/* Where a group sorts among its scope: segments in the config's order, the group without a
 * doctor, treatment or segment last; the others by name. */
static int group_order(const struct hf_config *cfg, const struct report_figures *g)
{
	if (g->scope == REPORT_CLINIC || g->scope == REPORT_OF_TEAM || g->scope == REPORT_OF_OPERATOR)
		return 0;
	if (!*g->name)
		return HF_MAX_SEGMENTS + 1;
	if (g->scope != REPORT_OF_SEGMENT)
		return 0;
	for (int i = 0; i < cfg->value.nsegments; i++)
		if (strcmp(cfg->value.segments[i].code, g->name) == 0)
			return i;
	return HF_MAX_SEGMENTS;
}

static int cmp_groups(const void *a, const void *b)
{
	const struct report_figures *x = a, *y = b;
	if (x->scope != y->scope)
		return (int)x->scope - (int)y->scope;
	if (x->order != y->order)
		return x->order - y->order;
	return strcmp(x->name, y->name);
}

static int cmp_counts(const void *a, const void *b)
{
	return strcmp(((const struct report_count *)a)->key, ((const struct report_count *)b)->key);
}

void report_begin(struct report *r, const struct hf_config *cfg, enum report_kind kind,
                  enum report_by by, hf_date from, hf_date to, const struct hf_user *users,
                  size_t nusers, const char *team)
{
	memset(r, 0, sizeof *r);
	r->kind = kind;
	r->by = by;
	r->from = from;
	r->to = to;
	r->work = xcalloc(1, sizeof *r->work);
	r->work->cfg = cfg;
	r->work->users = users;
	r->work->nusers = nusers;
	for (int k = 0; k < cfg->ndimensions && k < HF_MAX_DIMS; k++)
		str_copy(r->dims[r->ndims++], sizeof r->dims[0], cfg->dimensions[k].code);
	group(r, REPORT_CLINIC, team ? team : "");
	r->ndays = to >= from ? (size_t)(to - from + 1) : 0;
	r->days = xcalloc(r->ndays ? r->ndays : 1, sizeof *r->days);
	for (size_t i = 0; i < r->ndays; i++)
		r->days[i].day = from + (hf_date)i;
}

static void work_free(struct report *r)
{
	if (!r->work)
		return;
	free(r->work->tallies);
	free(r->work->callers);
	free(r->work->spans);
	free(r->work);
	r->work = NULL;
}

void report_end(struct report *r)
{
	struct report_work *w = r->work;
	const struct hf_config *cfg = w->cfg;
	for (size_t s = 0; s < w->nspans; s++) {
		double h = (double)(w->spans[s].last - w->spans[s].first) / 60.0;
		struct report_figures *gs[3], *g;
		/* An operator's day has no doctor, treatment or segment: the clinic's and staff's. */
		groups_of(r, (struct fact){w->spans[s].team, w->callers[w->spans[s].login], NULL}, gs);
		EACH_GROUP(g, gs)
			g->hours += h < 1 ? 1 : h;
	}
	work_free(r);
	for (size_t i = 0; i < r->ngroups; i++)
		r->groups[i].order = group_order(cfg, &r->groups[i]);
	qsort(r->groups + 1, r->ngroups - 1, sizeof *r->groups, cmp_groups);
	if (r->nsteps)
		qsort(r->steps, r->nsteps, sizeof *r->steps, cmp_counts);
	/* Categories in the config's order. */
	struct report_count *cats = NULL;
	size_t ncats = 0;
	for (int i = 0; i < cfg->ncomplaint_categories; i++)
		for (size_t k = 0; k < r->ncategories; k++)
			if (strcmp(r->categories[k].key, cfg->complaint_categories[i]) == 0) {
				cats = xrealloc(cats, (ncats + 1) * sizeof *cats);
				cats[ncats++] = r->categories[k];
			}
	for (size_t k = 0; k < r->ncategories; k++) {
		bool known = false;
		for (int i = 0; i < cfg->ncomplaint_categories && !known; i++)
			known = strcmp(r->categories[k].key, cfg->complaint_categories[i]) == 0;
		if (!known) {
			cats = xrealloc(cats, (ncats + 1) * sizeof *cats);
			cats[ncats++] = r->categories[k];
		}
	}
	free(r->categories);
	r->categories = cats;
	r->ncategories = ncats;
}

void report_free(struct report *r)
{
	work_free(r);
	free(r->groups);
	free(r->categories);
	free(r->steps);
	free(r->days);
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

double report_dim_avg(const struct report_figures *f, int k)
{
	return f->dim_scored[k] > 0 ? (double)f->dim_sum[k] / f->dim_scored[k] : -1;
}

void report_dim_text(const struct report_figures *f, int k, char *buf, size_t size)
{
	const int *n = f->dim_n[k];
	if (!f->dim_scored[k])
		str_copy(buf, size, "-");
	else
		snprintf(buf, size, "%.2f %d/%d/%d/%d/%d", report_dim_avg(f, k), n[1], n[2], n[3], n[4],
		         n[5]);
}

double report_calls_per_hour(const struct report_figures *f)
{
	return f->hours > 0 ? f->calls / f->hours : -1;
}

/* ---- the report as rows of figures ----------------------------------------------------- */

const char *const report_row_keys[4] = {"scope", "name", "figure", "value"};

static const char *scope_code(enum report_scope s)
{
	static const char *const codes[] = {"clinic", "team", "operator", "doctor", "treatment",
	                                    "segment"};
	return codes[s];
}

struct rows {
	report_row_fn emit;
	void *arg;
};

static void row(const struct rows *o, const char *scope, const char *name, const char *fig,
                const char *value)
{
	const char *const r[4] = {scope, name, fig, value};
	o->emit(o->arg, r);
}

static void row_int(const struct rows *o, const char *scope, const char *name, const char *fig,
                    long long v)
{
	char buf[24];
	snprintf(buf, sizeof buf, "%lld", v);
	row(o, scope, name, fig, buf);
}

/* A figure with one decimal (fmt), "" when it has no denominator (below 0). */
static void row_real(const struct rows *o, const char *scope, const char *name, const char *fig,
                     const char *fmt, double v)
{
	char buf[32] = "";
	if (v >= 0)
		snprintf(buf, sizeof buf, fmt, v);
	row(o, scope, name, fig, buf);
}

static void group_rows(const struct rows *o, const struct report *r, const struct report_figures *f)
{
	const char *s = scope_code(f->scope), *n = f->name;
	char buf[32] = "";
	row_int(o, s, n, "due", f->due);
	row_int(o, s, n, "attempted", f->attempted);
	row_real(o, s, n, "coverage_pct", "%.1f", report_coverage(f));
	row_int(o, s, n, "tasks_reached", f->reached);
	row_real(o, s, n, "reach_pct", "%.1f", report_reach(f));
	row_int(o, s, n, "finished", f->finished);
	row_int(o, s, n, "missed", f->missed);
	row_int(o, s, n, "open", f->open);
	row_int(o, s, n, "calls", f->calls);
	row_int(o, s, n, "reached_calls", f->reached_calls);
	row_int(o, s, n, "scored", f->scored);
	row_real(o, s, n, "avg_score", "%.2f", report_avg_score(f));
	for (int k = 1; k <= 5; k++) {
		char key[16];
		snprintf(key, sizeof key, "score_%d", k);
		row_int(o, s, n, key, f->score_n[k]);
	}
	/* Each dimension: "attitude.scored", "attitude.avg_score", "attitude.score_1" ... */
	for (int k = 0; k < r->ndims; k++) {
		char key[HF_DIM_CODE_MAX + 16];
		snprintf(key, sizeof key, "%s.scored", r->dims[k]);
		row_int(o, s, n, key, f->dim_scored[k]);
		snprintf(key, sizeof key, "%s.avg_score", r->dims[k]);
		row_real(o, s, n, key, "%.2f", report_dim_avg(f, k));
		for (int v = 1; v <= 5; v++) {
			snprintf(key, sizeof key, "%s.score_%d", r->dims[k], v);
			row_int(o, s, n, key, f->dim_n[k][v]);
		}
	}
	row_int(o, s, n, "nps_answers", f->nps_n);
	row_int(o, s, n, "promoters", f->promoters);
	row_int(o, s, n, "detractors", f->detractors);
	if (f->nps_n)
		snprintf(buf, sizeof buf, "%.1f", report_nps(f));
	row(o, s, n, "nps", buf);
	row_int(o, s, n, "complaints", f->complaints);
	row_real(o, s, n, "complaint_rate_pct", "%.1f", report_complaint_rate(f));
	row_int(o, s, n, "escalations_raised", f->esc_raised);
	row_int(o, s, n, "escalations_resolved", f->esc_resolved);
	row_int(o, s, n, "escalations_breached", f->esc_breached);
	row_real(o, s, n, "sla_met_pct", "%.1f", report_sla_met(f));
	row_real(o, s, n, "calls_per_hour", "%.1f", report_calls_per_hour(f));
}

void report_rows(const struct report *r, report_row_fn emit, void *arg)
{
	const struct rows o = {emit, arg};
	char a[16], key[16];
	row(&o, "period", "", "from", date_format(r->from, a));
	row(&o, "period", "", "to", date_format(r->to, a));
	for (size_t i = 0; i < r->ngroups; i++)
		group_rows(&o, r, &r->groups[i]);
	for (size_t i = 0; i < r->ncategories; i++)
		row_int(&o, "category", r->categories[i].key, "complaints", r->categories[i].n);
	for (size_t i = 0; i < r->nsteps; i++)
		row_int(&o, "step", r->steps[i].key, "missed", r->steps[i].n);
	/* When the calls were made: the hours that had calls, the weekdays of a week or month,
	 * and every day of the period. */
	for (int h = 0; h < 24; h++)
		if (r->hour_calls[h]) {
			snprintf(key, sizeof key, "%02d", h);
			row_int(&o, "hour", key, "calls", r->hour_calls[h]);
		}
	if (r->kind == REPORT_WEEKLY || r->kind == REPORT_MONTHLY)
		for (int d = 1; d <= 7; d++) {
			snprintf(key, sizeof key, "%d", d);
			row_int(&o, "weekday", key, "calls", r->weekday_calls[d]);
		}
	for (size_t i = 0; i < r->ndays; i++) {
		date_format(r->days[i].day, a);
		row_int(&o, "day", a, "calls", r->days[i].calls);
		row_int(&o, "day", a, "reached_calls", r->days[i].reached_calls);
	}
}

const char *report_definitions(void)
{
	return _("due: tasks due in the period (not cancelled or merged); attempted: of "
	         "those, called at least once; coverage = attempted / due; reached: "
	         "attempted with the customer on the line (an outcome that takes a score, "
	         "a callback or a refusal); reach = reached / attempted; finished, missed, "
	         "open: their status now. calls, scores, NPS and complaints: calls made in "
	         "the period; NPS = share of promoters (9-10) minus share of detractors "
	         "(0-6), in points; complaint "
	         "rate = complaints / calls that reached the customer. Each satisfaction dimension: "
	         "its average over the calls that scored it, and how many gave each score 1-5. "
	         "Escalations raised "
	         "or resolved in the period; breached: raised and missed a deadline; SLA "
	         "met = acknowledged in time / acknowledged or breached. calls/h: calls / "
	         "hours from each day's first call to its last (at least 1 h). An owned "
	         "task counts for its owner, a pool task for whoever called it last. Charts: calls "
	         "by the hour or weekday they started; per day, the calls made and (in brackets) "
	         "those that reached the customer; the longest bar is the largest count.");
}

const char *report_by_definitions(enum report_by by)
{
	switch (by) {
	case REPORT_BY_DOCTOR:
	case REPORT_BY_TREATMENT:
		return _("Per doctor and per treatment: those of the visit a task follows up; a call "
		         "and an escalation count for their task's; tasks without a visit, or whose visit "
		         "names none, make the group \"no doctor\" or \"no treatment\". calls/h is "
		         "counted per team and operator only.");
	case REPORT_BY_SEGMENT:
		return _("Per segment: the customer's value segment as last computed (the one the "
		         "queue shows, brought up to date by each day's plan); customers without a "
		         "visit, or whose scores no segment matches, make the group \"no segment\". "
		         "calls/h is counted per team and operator only.");
	default:
		return "";
	}
}

const char *report_group_name(const struct hf_config *cfg, const struct report_figures *f)
{
	const struct hf_team *t;
	const struct hf_segment *g;
	switch (f->scope) {
	case REPORT_CLINIC:
		t = *f->name ? config_team(cfg, f->name) : NULL;
		return t ? t->name : _("whole clinic");
	case REPORT_OF_TEAM:
		t = config_team(cfg, f->name);
		return t ? t->name : f->name;
	case REPORT_OF_OPERATOR:
		return f->name;
	case REPORT_OF_DOCTOR:
		return *f->name ? f->name : _("no doctor");
	case REPORT_OF_TREATMENT:
		return *f->name ? f->name : _("no treatment");
	case REPORT_OF_SEGMENT:
		g = *f->name ? config_segment(cfg, f->name) : NULL;
		return g ? g->name : *f->name ? f->name : _("no segment");
	}
	return f->name;
}

void report_group_label(const struct hf_config *cfg, const struct report *r,
                        const struct report_figures *f, char *buf, size_t size)
{
	bool indent = f->scope == REPORT_OF_OPERATOR && r->by == REPORT_BY_STAFF;
	snprintf(buf, size, "%s%s", indent ? "  " : "", report_group_name(cfg, f));
}
