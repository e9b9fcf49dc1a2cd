/* story.c — the demo clinic's customers and what brought them in: six months of visits, a few
 * timed so that their call is due today or just overdue. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "huifang/date.h"
#include "huifang/rules.h"
#include "huifang/str.h"
#include "demo-int.h"

static const char *const phone_prefixes[] = {
	"138", "139", "137", "136", "135", "150", "151", "152", "158", "159", "186", "187", "188", "189",
};
#define NPREFIXES (sizeof phone_prefixes / sizeof phone_prefixes[0])

/* ---- customers ------------------------------------------------------------------------- */

static void make_customer(struct demo *d, size_t i)
{
	struct d_cust *c = &d->cust[i];
	c->gender = chance(d, 86) ? "F" : "M";
	/* Names repeat in real clinics, but a demo reads better without twins. */
	for (int tries = 0; tries < 8; tries++) {
		snprintf(c->name, sizeof c->name, "%s%s", pick_line(d, &d->surnames),
		         pick_line(d, c->gender[0] == 'F' ? &d->given_f : &d->given_m));
		bool dup = false;
		for (size_t k = 0; k < i && !dup; k++)
			dup = strcmp(d->cust[k].name, c->name) == 0;
		if (!dup)
			break;
	}
	/* 1380000xxxx-style numbers: clearly not real. The last four digits walk through a
	 * permutation, so no two customers share a number. */
	snprintf(c->phone, sizeof c->phone, "%s0000%04d", phone_prefixes[rnd(d, NPREFIXES)],
	         (int)((i * 7919 + 1237) % 10000));
	int ty;
	date_to_ymd(d->today, &ty, NULL, NULL);
	c->birthday = HF_NO_DATE;
	if (!chance(d, 4)) {
		/* Ages 20-55, most between 24 and 42. */
		int age = chance(d, 75) ? between(d, 25, 42) : between(d, 21, 55);
		int m = between(d, 1, 12);
		c->birthday = date_from_ymd(ty - age, m, between(d, 1, date_days_in_month(ty - age, m)));
	}
	c->consultant = chance(d, 92) ? pick_consultant(d) : "";
	c->source = pick_weighted(d, demo_sources, demo_nsources);
	c->base_score = chance(d, 65) ? 5 : 4;
	c->created = HF_NO_STAMP;
}

/* ---- visits ---------------------------------------------------------------------------- */

static int add_visit(struct demo *d, int cust, hf_date date, enum hf_visit_kind kind,
                     const struct treatment *tr, hf_date course_end)
{
	d->visits = xgrow(d->visits, d->nvisits, &d->cvisits, sizeof *d->visits);
	struct d_visit *v = &d->visits[d->nvisits];
	memset(v, 0, sizeof *v);
	v->cust = cust;
	v->date = date;
	v->kind = kind;
	v->treatment = tr ? tr->name : "";
	v->course_end = course_end;
	v->hot_step = -1;
	v->created = stamp_make(date, between(d, 9 * 60 + 30, 18 * 60));
	switch (kind) {
	case VISIT_CONSULT:
		/* A face-to-face consultation sees a doctor; some pay a deposit (定金). */
		v->doctor = chance(d, 50) && tr ? pick_doctor(d, tr->name) : "";
		v->amount = chance(d, 20) ? (chance(d, 50) ? 500 : 1000) : 0;
		break;
	case VISIT_DISCHARGE:
		v->doctor = pick_doctor(d, v->treatment);
		v->amount = 0;
		break;
	default:
		v->doctor = pick_doctor(d, v->treatment);
		v->amount = tr ? between(d, (int)(tr->price_lo / 100), (int)(tr->price_hi / 100)) * 100LL : 0;
		break;
	}
	return (int)d->nvisits++;
}

/* A course of 光子嫩肤 runs several sessions a month apart; 热玛吉 is a single session. */
static hf_date course_end_for(struct demo *d, const struct treatment *tr, hf_date start)
{
	return strcmp(tr->name, "光子嫩肤") == 0 ? start + between(d, 28, 84) : start;
}

/* An ordinary customer's visits, starting on a day of the last six months. */
static void natural_story(struct demo *d, int ci)
{
	hf_date last = d->today - 1;
	hf_date first = chance(d, 30) ? last - rnd(d, 21) : last - rnd(d, HISTORY_DAYS);
	int r = rnd(d, 100);
	const struct treatment *tr;
	if (r < 18) {
		add_visit(d, ci, first, VISIT_CONSULT, pick_plain_treatment(d, false), HF_NO_DATE);
	} else if (r < 32) {
		tr = pick_plain_treatment(d, false);
		add_visit(d, ci, first, VISIT_CONSULT, tr, HF_NO_DATE);
		hf_date conv = first + between(d, 5, 30);
		if (tr && conv <= last) {
			if (tr->kind == VISIT_COURSE)
				add_visit(d, ci, conv, tr->kind, tr, course_end_for(d, tr, conv));
			else
				add_visit(d, ci, conv, tr->kind, tr, HF_NO_DATE);
		}
	} else if (r < 60) {
		tr = pick_treatment(d, VISIT_SURGERY);
		add_visit(d, ci, first, VISIT_SURGERY, tr, HF_NO_DATE);
		/* A stay on the ward: the discharge day brings the service centre's call. */
		const struct hf_treatment *ct = config_treatment(d->cfg, tr->name);
		if (tr->inpatient && !(ct && ct->has_curve) && chance(d, 40) && first + 2 <= last)
			add_visit(d, ci, first + between(d, 1, 2), VISIT_DISCHARGE, tr, HF_NO_DATE);
	} else if (r < 78) {
		tr = pick_treatment(d, VISIT_INJECTION);
		add_visit(d, ci, first, VISIT_INJECTION, tr, HF_NO_DATE);
		hf_date again = first + between(d, 28, 45);
		if (strcmp(tr->name, "水光针") == 0 && chance(d, 40) && again <= last)
			add_visit(d, ci, again, VISIT_INJECTION, tr, HF_NO_DATE);
	} else if (r < 92) {
		tr = pick_treatment(d, VISIT_COURSE);
		add_visit(d, ci, first, VISIT_COURSE, tr, course_end_for(d, tr, first));
	} else {
		tr = pick_plain_treatment(d, true);
		int v = add_visit(d, ci, first, VISIT_DISCHARGE, tr, HF_NO_DATE);
		if (tr)
			d->visits[v].amount = between(d, (int)(tr->price_lo / 100), (int)(tr->price_hi / 100)) * 100LL;
	}
}

/* The schedule entry for curve step `step`, or NULL. */
static const struct planned_call *find_step(const struct planned_call *calls, int n, int step)
{
	for (int i = 0; i < n; i++)
		if (calls[i].step == step)
			return &calls[i];
	return NULL;
}

/* A visit whose call of curve step `step` falls due `k` days ago and is still callable today:
 * found by trying visit days around the estimate (calendars move due dates). */
static bool hot_visit(struct demo *d, int ci, enum hf_visit_kind kind, const struct treatment *tr,
                      int step, int k)
{
	const struct hf_curve *c = config_curve(d->cfg, kind, tr->name);
	if (!c || step >= c->nsteps)
		return false;
	const struct hf_treatment *ct = config_treatment(d->cfg, tr->name);
	int lead = dur_approx_days(c->steps[step].offset);
	if (kind == VISIT_INJECTION && ct && ct->has_effect)
		lead += dur_approx_days(ct->effect);
	int len = kind == VISIT_COURSE ? course_end_for(d, tr, 0) : 0;   /* the course's length */
	hf_date target = d->today - k, est = target - lead;
	struct planned_call calls[HF_MAX_STEPS];
	for (int exact = 1; exact >= 0; exact--) {
		for (int delta = 0; delta <= 16; delta++) {
			/* Base day: the course's end for courses, the visit day otherwise. */
			hf_date base = est + (delta % 2 ? -(delta + 1) / 2 : delta / 2);
			hf_date date = base - len, course_end = kind == VISIT_COURSE ? base : HF_NO_DATE;
			if (date >= d->today || date < d->today - HISTORY_DAYS ||
			    (course_end != HF_NO_DATE && course_end >= d->today))
				continue;
			int n = rules_schedule(d->cfg, kind, tr->name, date, course_end, calls, HF_MAX_STEPS);
			const struct planned_call *p = find_step(calls, n, step);
			if (!p || p->window_end < d->today || p->due > d->today ||
			    (exact ? p->due != target : p->due < d->today - MAX_OVERDUE))
				continue;
			int v = add_visit(d, ci, date, kind, tr, course_end);
			d->visits[v].hot_step = step;
			return true;
		}
	}
	return false;
}

/* A customer with a call for today's queue: the kinds are mixed so every team has work. */
static void hot_story(struct demo *d, int ci, int slot)
{
	static const enum hf_visit_kind kinds[] = {
		VISIT_SURGERY, VISIT_CONSULT, VISIT_SURGERY, VISIT_DISCHARGE, VISIT_SURGERY, VISIT_COURSE,
		VISIT_CONSULT, VISIT_INJECTION, VISIT_SURGERY, VISIT_DISCHARGE,
	};
	enum hf_visit_kind kind = kinds[slot % (sizeof kinds / sizeof kinds[0])];
	const struct treatment *tr;
	if (kind == VISIT_CONSULT || kind == VISIT_DISCHARGE)
		tr = pick_plain_treatment(d, kind == VISIT_DISCHARGE);
	else if (kind == VISIT_INJECTION)
		tr = treatment_named("水光针");   /* the one whose reminder falls within months */
	else
		tr = pick_treatment(d, kind);
	const struct hf_curve *c = tr ? config_curve(d->cfg, kind, tr->name) : NULL;
	if (!c || c->nsteps == 0) {
		natural_story(d, ci);
		return;
	}
	int step = rnd(d, c->nsteps);
	int window = c->steps[step].window_days;
	int k = between(d, 0, window < MAX_OVERDUE ? window : MAX_OVERDUE);
	size_t before = d->nvisits;
	if (!hot_visit(d, ci, kind, tr, step, k) && !hot_visit(d, ci, kind, tr, 0, 0)) {
		natural_story(d, ci);
		return;
	}
	/* Some surgery customers came in for a consultation first. */
	hf_date day = d->visits[before].date - between(d, 7, 40);
	const struct hf_treatment *ct = config_treatment(d->cfg, tr->name);
	if (kind == VISIT_SURGERY && !(ct && ct->has_curve) && chance(d, 30) &&
	    day >= d->today - HISTORY_DAYS) {
		/* Kept in date order: the consultation takes the hot visit's place. */
		int cv = add_visit(d, ci, day, VISIT_CONSULT, tr, HF_NO_DATE);
		struct d_visit tmp = d->visits[before];
		d->visits[before] = d->visits[cv];
		d->visits[cv] = tmp;
	}
}

/* ---- value: a customer in each configured segment -------------------------------------- */

/* Days since the last visit that score r by the value rules, within the demo's history (a few
 * days into the range, so that the score holds a while); 0 when none. */
static int recency_for(struct demo *d, int r)
{
	int lo = 0, hi = 0;
	for (int days = 1; days <= HISTORY_DAYS; days++)
		if (rules_value_score(d->cfg->value.recency, days, true) == r) {
			lo = lo ? lo : days;
			hi = days;
		}
	return lo ? between(d, lo, hi < lo + 20 ? hi : lo + 20) : 0;
}

/* How many visits score f, and the least spend (whole hundreds) that scores m; 0 / -1: none. */
static int visits_for(const struct hf_value_rules *vr, int f)
{
	for (int n = 1; n <= 6; n++)
		if (rules_value_score(vr->frequency, n, false) == f)
			return n;
	return 0;
}

static long long spend_for(const struct hf_value_rules *vr, int m)
{
	long long sum = m == 1 ? vr->monetary[0] / 2 : vr->monetary[m - 2];
	sum = (sum + 99) / 100 * 100;
	return rules_value_score(vr->monetary, sum, false) == m ? sum : -1;
}

/* The customer's visits for scores r, f, m: the last `recency` days ago, the others a few
 * weeks apart before it, the spend shared among them. Checked by the rules themselves (the
 * window, a clinic's thresholds); false, with nothing added, when they do not make `code`. */
static bool value_visits(struct demo *d, int ci, int r, int f, int m, const char *code)
{
	const struct hf_value_rules *vr = &d->cfg->value;
	int rec = recency_for(d, r), n = visits_for(vr, f);
	long long spend = spend_for(vr, m);
	if (!rec || !n || spend < 100LL * n)
		return false;
	struct rules_visit rv[6];
	hf_date day = d->today - rec;
	for (int i = n - 1; i >= 0; i--, day -= between(d, 14, 35)) {
		memset(&rv[i], 0, sizeof rv[i]);
		rv[i].date = day;
		rv[i].amount = i ? spend / n / 100 * 100 : spend - (n - 1) * (spend / n / 100 * 100);
	}
	struct hf_value v;
	rules_customer_value(d->cfg, rv, (size_t)n, d->today, &v);
	if (rv[0].date < d->today - HISTORY_DAYS || strcmp(v.segment, code) != 0)
		return false;
	for (int i = 0; i < n; i++) {
		/* Large sums are surgery, small ones injections. */
		enum hf_visit_kind kind = rv[i].amount >= 8000 ? VISIT_SURGERY : VISIT_INJECTION;
		int k = add_visit(d, ci, rv[i].date, kind, pick_treatment(d, kind), HF_NO_DATE);
		d->visits[k].amount = rv[i].amount;
	}
	return true;
}

/* A customer of segment `seg` of the rules, whatever segments the clinic configures: the
 * first scores that make it, as visits; false when the demo's six months cannot. */
static bool value_story(struct demo *d, int ci, int seg)
{
	const struct hf_value_rules *vr = &d->cfg->value;
	for (int r = HF_VALUE_LEVELS; r >= 1; r--)
		for (int f = 1; f <= HF_VALUE_LEVELS; f++)
			for (int m = 1; m <= HF_VALUE_LEVELS; m++)
				if (rules_value_segment(vr, r, f, m) == &vr->segments[seg] &&
				    value_visits(d, ci, r, f, m, vr->segments[seg].code))
					return true;
	return false;
}

/* Tags: VIP for two treatments within a quarter or a large spend; a few remarks. */
static void finish_customers(struct demo *d)
{
	for (size_t ci = 0; ci < d->ncust; ci++) {
		struct d_cust *c = &d->cust[ci];
		long long spent = 0;
		int paid = 0;
		hf_date first = HF_NO_DATE, a = HF_NO_DATE, b = HF_NO_DATE;
		for (size_t i = 0; i < d->nvisits; i++) {
			const struct d_visit *v = &d->visits[i];
			if (v->cust != (int)ci)
				continue;
			spent += v->amount;
			if (first == HF_NO_DATE || v->date < first)
				first = v->date;
			if (v->kind != VISIT_CONSULT) {
				paid++;
				if (a == HF_NO_DATE || v->date < a)
					a = v->date;
				if (b == HF_NO_DATE || v->date > b)
					b = v->date;
			}
		}
		bool vip = spent >= 30000 || (paid >= 2 && b - a <= 92);
		const char *extra = pick_weighted(d, demo_extra_tags, demo_nextra_tags);
		snprintf(c->tags, sizeof c->tags, "%s%s%s", vip ? "VIP" : "", vip && *extra ? "," : "", extra);
		if (first == HF_NO_DATE)
			first = d->today - 1;
		c->created = stamp_make(first - (chance(d, 60) ? 0 : between(d, 1, 14)),
		                        between(d, 9 * 60 + 30, 17 * 60));
		for (size_t i = 0; i < d->nvisits; i++)
			if (d->visits[i].cust == (int)ci && d->visits[i].created < c->created)
				c->created = d->visits[i].created - between(d, 10, 60);
	}
}

void demo_stories(struct demo *d)
{
	d->ncust = NCUSTOMERS;
	d->cust = xcalloc(d->ncust, sizeof *d->cust);
	for (size_t i = 0; i < d->ncust; i++)
		make_customer(d, i);
	/* Which customers have a call in today's queue: a random set, so ids are mixed. */
	int order[NCUSTOMERS];
	for (int i = 0; i < NCUSTOMERS; i++)
		order[i] = i;
	for (int i = 0; i < NHOT; i++) {
		int j = between(d, i, NCUSTOMERS - 1), tmp = order[i];
		order[i] = order[j];
		order[j] = tmp;
	}
	bool hot[NCUSTOMERS] = {false};
	int slot[NCUSTOMERS];
	for (int i = 0; i < NHOT; i++) {
		hot[order[i]] = true;
		slot[order[i]] = i;
	}
	/* The last customers not called today: one in each value segment the rules name, so the
	 * queue's filter, the card and the reports per segment have someone to show. */
	int segment[NCUSTOMERS];
	for (int i = NCUSTOMERS - 1, k = 0; i >= 0; i--)
		segment[i] = !hot[i] && k < d->cfg->value.nsegments ? k++ : -1;
	for (int i = 0; i < NCUSTOMERS; i++) {
		if (hot[i])
			hot_story(d, i, slot[i]);
		else if (segment[i] < 0 || !value_story(d, i, segment[i]))
			natural_story(d, i);
	}
	finish_customers(d);
}
