/* rules-plan.c — planning one customer: curves, missed windows, extras, releases, contact cap. */
#include <stdio.h>
#include <string.h>

#include "huifang/date.h"
#include "huifang/i18n.h"
#include "huifang/str.h"
#include "rules-int.h"

/* Birthday greetings are created up to a week ahead (so they can be seen and assigned), are
 * due on the birthday (moved to a working day like every due date) and stay callable for at
 * most a week: a greeting later than that is no greeting. */
#define BIRTHDAY_AHEAD_DAYS 7
#define BIRTHDAY_LATEST_DAYS 7
/* A birthday task within this many days of an occurrence is that occurrence's greeting. */
#define BIRTHDAY_SAME_DAYS 31

struct plan {
	const struct hf_config *cfg;
	const struct rules_customer *cust;
	const struct rules_visit *visits;
	size_t nvisits;
	hf_date today;
	struct work w;
	struct esc_acc esc;
	struct hf_task_rec esc_task;
	struct decisions full;          /* escalations whose reasons filled up, raised as well */
};

static const struct rules_visit *visit_by_id(const struct plan *p, hf_id id)
{
	for (size_t i = 0; id && i < p->nvisits; i++)
		if (p->visits[i].id == id)
			return &p->visits[i];
	return NULL;
}

/* The customer came back after `day`. */
static bool visit_after(const struct plan *p, hf_date day)
{
	for (size_t i = 0; i < p->nvisits; i++)
		if (p->visits[i].date != HF_NO_DATE && p->visits[i].date > day)
			return true;
	return false;
}

/* A consultation converted: a visit of another kind on or after its day. */
static bool converted(const struct plan *p, const struct rules_visit *v)
{
	for (size_t i = 0; i < p->nvisits; i++) {
		const struct rules_visit *u = &p->visits[i];
		if (u->id != v->id && u->kind != VISIT_CONSULT && u->date != HF_NO_DATE && u->date >= v->date)
			return true;
	}
	return false;
}

static const struct rules_visit *last_visit(const struct plan *p)
{
	const struct rules_visit *last = NULL;
	for (size_t i = 0; i < p->nvisits; i++) {
		const struct rules_visit *v = &p->visits[i];
		if (v->date == HF_NO_DATE)
			continue;
		if (!last || v->date > last->date || (v->date == last->date && v->id > last->id))
			last = v;
	}
	return last;
}

/* A curve call's origin: the visit, the step's offset, and what the curve counts from. */
static struct hf_why_part *curve_origin(struct hf_task_rec *t, enum hf_why_code code,
                                        const struct rules_visit *v, const char *offset)
{
	t->origin.n = 0;
	struct hf_why_part *o = why_add(&t->origin, code);
	o->visit_kind = v->kind;
	o->visit_date = v->date;
	str_copy(o->name, sizeof o->name, v->treatment);
	str_copy(o->offset, sizeof o->offset, offset);
	return o;
}

/* Judged by the step's nominal day, so a weekend shift does not hide the day-7 call. */
bool rules_postop_first_days(const struct hf_config *cfg, const struct rules_visit *v,
                             const struct hf_task_rec *t)
{
	if (!v || v->kind != VISIT_SURGERY || t->kind != TASK_FOLLOWUP || t->step < 0 ||
	    t->visit_id != v->id || cfg->missed_postop_days <= 0)
		return false;
	hf_date day = t->due;
	const struct hf_curve *c = config_curve(cfg, v->kind, v->treatment);
	if (c && t->step < c->nsteps) {
		hf_date nominal = dur_add_date(v->date, c->steps[t->step].offset);
		if (nominal != HF_NO_DATE)
			day = nominal;
	}
	return day <= v->date + cfg->missed_postop_days;
}

/* ---- (g) do-not-call ------------------------------------------------------------------ */

static void cancel_everything(struct plan *p)
{
	bool again = true;
	while (again) {
		again = false;
		for (size_t i = 0; i < p->w.n; i++)
			if (p->w.v[i].t.status == TASK_OPEN)
				again |= work_close(&p->w, i, TASK_CANCELLED) > 0;
	}
}

/* ---- (b) came back, (c) windows ------------------------------------------------------- */

static bool made_moot(const struct plan *p, const struct hf_task_rec *t)
{
	const struct rules_visit *v = visit_by_id(p, t->visit_id);
	if (!v)
		return false;
	switch (t->kind) {
	case TASK_REACTIVATION:
	case TASK_WINBACK:
	case TASK_REPURCHASE:
		return visit_after(p, v->date);
	case TASK_FOLLOWUP:
		return t->step >= 0 && v->kind == VISIT_CONSULT && converted(p, v);
	default:
		return false;
	}
}

static void close_moot_and_missed(struct plan *p)
{
	/* Closing a carrier reopens what was merged into it; those are looked at again. */
	bool again = true;
	while (again) {
		again = false;
		for (size_t i = 0; i < p->w.n; i++) {
			struct hf_task_rec *t = &p->w.v[i].t;
			if (t->status != TASK_OPEN)
				continue;
			if (made_moot(p, t)) {
				again |= work_close(&p->w, i, TASK_CANCELLED) > 0;
			} else if (t->window_end != HF_NO_DATE && t->window_end < p->today) {
				const struct rules_visit *v = visit_by_id(p, t->visit_id);
				if (rules_postop_first_days(p->cfg, v, t)) {
					struct hf_why why = {0};
					why_add(&why, WHY_POSTOP_MISSED);
					why_append(&why, &t->origin);
					if (!p->esc.any)
						p->esc_task = *t;
					if (!esc_add(&p->esc, SEV_URGENT, p->cfg->missed_postop_sla_hours, &why)) {
						esc_emit(&p->esc, &p->esc_task, &p->full);
						memset(&p->esc, 0, sizeof p->esc);
						p->esc_task = *t;
						esc_add(&p->esc, SEV_URGENT, p->cfg->missed_postop_sla_hours, &why);
					}
				}
				again |= work_close(&p->w, i, TASK_MISSED) > 0;
			}
		}
	}
}

/* ---- (a) curves ----------------------------------------------------------------------- */

static void curve_task(struct plan *p, const struct rules_visit *v, const struct planned_call *c,
                       struct hf_task_rec *t)
{
	task_rec_init(t);
	t->visit_id = v->id;
	t->kind = v->kind == VISIT_INJECTION ? TASK_REPURCHASE : TASK_FOLLOWUP;
	t->step = c->step;
	t->due = c->due;
	t->window_end = c->window_end;
	t->priority = c->priority;
	str_copy(t->team, sizeof t->team, v->team[0] ? v->team : c->team);
	str_copy(t->script, sizeof t->script, c->script);
	(void)p;
}

static void create_curve(struct plan *p, const struct rules_visit *v)
{
	/* Calls that a newer visit would cancel at once are not made. */
	if (v->kind == VISIT_INJECTION && visit_after(p, v->date))
		return;
	if (v->kind == VISIT_CONSULT && converted(p, v))
		return;
	struct planned_call calls[HF_MAX_STEPS];
	int n = rules_schedule(p->cfg, v->kind, v->treatment, v->date, v->course_end, calls,
	                       HF_MAX_STEPS);
	const struct hf_treatment *tr = config_treatment(p->cfg, v->treatment);
	bool effect = v->kind == VISIT_INJECTION && tr && tr->has_effect;
	for (int i = 0; i < n; i++) {
		/* A visit entered late does not get calls whose window has already closed. */
		if (calls[i].window_end < p->today)
			continue;
		struct hf_task_rec t;
		curve_task(p, v, &calls[i], &t);
		struct hf_why_part *o = curve_origin(&t, effect ? WHY_EFFECT_REMINDER : WHY_CURVE, v,
		                                     calls[i].offset);
		if (effect)
			o->day = dur_add_date(v->date, tr->effect);
		else if (v->kind == VISIT_COURSE)
			o->day = v->course_end;
		work_add(&p->w, &t);
	}
}

/* The previous call was made (or its chance passed): a carrier no longer open counts too. */
static bool call_over(const struct plan *p, const struct hf_task_rec *t)
{
	switch (t->status) {
	case TASK_DONE:
	case TASK_MISSED:
	case TASK_UNREACHABLE:
		return true;
	case TASK_MERGED: {
		long c = work_find(&p->w, t->merged_into);
		return c >= 0 && p->w.v[c].t.status != TASK_OPEN && p->w.v[c].t.status != TASK_MERGED;
	}
	default:
		return false;
	}
}

/* Consultation: while not converted, once the last call is over, the last step again
 * repeat_days later, up to repeat_max times. A repeat whose window has passed ends the chain. */
static void repeat_consult(struct plan *p, const struct rules_visit *v)
{
	const struct hf_curve *c = config_curve(p->cfg, v->kind, v->treatment);
	if (v->kind != VISIT_CONSULT || !c || c->nsteps == 0 || c->repeat_days <= 0 ||
	    c->repeat_max <= 0 || converted(p, v) || visit_after(p, v->date))
		return;
	const struct hf_task_rec *prev = NULL;
	for (size_t i = 0; i < p->w.n; i++) {
		const struct hf_task_rec *t = &p->w.v[i].t;
		if (t->visit_id == v->id && t->step >= 0 && (!prev || t->step > prev->step))
			prev = t;
	}
	int last = c->nsteps - 1;
	if (!prev || prev->step < last || !call_over(p, prev))
		return;
	int rep = prev->step - last + 1;
	if (rep > c->repeat_max)
		return;
	struct planned_call calls[HF_MAX_STEPS];
	int n = rules_schedule(p->cfg, v->kind, v->treatment, v->date, v->course_end, calls,
	                       HF_MAX_STEPS);
	if (n == 0 || calls[n - 1].step != last)
		return;
	struct planned_call call = calls[n - 1];
	call.step = last + rep;
	call.nominal += rep * c->repeat_days;
	call.due = rules_next_work_day(p->cfg, call.nominal);
	call.window_end = call.due + (c->steps[last].window_days > 0 ? c->steps[last].window_days : 0);
	if (call.window_end < p->today)
		return;
	struct hf_task_rec t;
	curve_task(p, v, &call, &t);
	curve_origin(&t, WHY_CURVE, v, call.offset)->count = rep;
	work_add(&p->w, &t);
}

static void plan_curves(struct plan *p)
{
	for (size_t i = 0; i < p->nvisits; i++) {
		const struct rules_visit *v = &p->visits[i];
		if (v->date == HF_NO_DATE)
			continue;
		bool has_curve = false;
		for (size_t k = 0; k < p->w.n && !has_curve; k++)
			has_curve = p->w.v[k].t.visit_id == v->id && p->w.v[k].t.step >= 0;
		if (has_curve)
			repeat_consult(p, v);
		else
			create_curve(p, v);
	}
}

/* ---- (d) reactivation, why-they-left, birthday ---------------------------------------- */

/* A call about a customer's absence since their last visit: one per last-visit day of its
 * kind, and never two open at once. Returns its origin's part to complete, or NULL when none is
 * made. */
static struct hf_why_part *absence_call(struct plan *p, const struct rules_visit *last,
                                        enum hf_task_kind kind, hf_date due, hf_date window_end,
                                        const char *team, const char *script, enum hf_why_code why)
{
	for (size_t i = 0; i < p->w.n; i++) {
		const struct hf_task_rec *t = &p->w.v[i].t;
		if (t->kind != kind)
			continue;
		const struct rules_visit *v = visit_by_id(p, t->visit_id);
		if (t->status == TASK_OPEN || (v && v->date == last->date))
			return NULL;
	}
	struct hf_task_rec t;
	task_rec_init(&t);
	t.kind = kind;
	t.visit_id = last->id;
	t.due = due;
	t.window_end = window_end;
	str_copy(t.team, sizeof t.team, team);
	str_copy(t.script, sizeof t.script, script);
	struct hf_why_part *o = why_add(&t.origin, why);
	o->task_kind = kind;
	o->day = last->date;
	size_t k = work_add(&p->w, &t); /* may move p->w.v */
	struct hf_why *added = &p->w.v[k].t.origin;
	return &added->part[added->n - 1];
}

static void dormant_call(struct plan *p, const struct rules_visit *last, enum hf_task_kind kind,
                         int months, const char *team, const char *script)
{
	if (months <= 0)
		return;
	hf_date nominal = date_add_months(last->date, months);
	if (nominal == HF_NO_DATE)
		return;
	hf_date due = rules_next_work_day(p->cfg, nominal);
	if (p->today < due)
		return;
	/* A customer found dormant late (an import, a long pause in planning) is still called
	 * now; a reactivation call gives way to the why-they-left call once that is due. */
	if (kind == TASK_REACTIVATION && p->cfg->winback_months > months &&
	    p->today >= date_add_months(last->date, p->cfg->winback_months))
		return;
	int keep = p->cfg->extra_window_days > 0 ? p->cfg->extra_window_days : 0;
	if (p->today > due + keep)
		due = rules_next_work_day(p->cfg, p->today);
	hf_date window_end = due + keep;
	struct hf_why_part *o = absence_call(p, last, kind, due, window_end, team, script, WHY_NO_VISIT);
	if (o)
		o->count = months;
}

/* A customer in a segment that asks for it (valuable but absent) gets a reactivation call with
 * the value rules' script: one per last-visit day, never while a reactivation is open. */
static void segment_call(struct plan *p, const struct rules_visit *last)
{
	struct hf_value v;
	rules_customer_value(p->cfg, p->visits, p->nvisits, p->today, &v);
	const struct hf_segment *g = config_segment(p->cfg, v.segment);
	if (!g || !g->reactivate)
		return;
	hf_date due = rules_next_work_day(p->cfg, p->today);
	int keep = p->cfg->extra_window_days > 0 ? p->cfg->extra_window_days : 0;
	struct hf_why_part *o = absence_call(p, last, TASK_REACTIVATION, due, due + keep,
	                                     p->cfg->reactivation_team,
	                                     p->cfg->value.reactivation_script, WHY_SEGMENT);
	if (o)
		str_copy(o->name, sizeof o->name, g->code);
}

static void birthday_call(struct plan *p)
{
	hf_date birthday = p->cust->birthday;
	if (!p->cfg->birthday_calls || birthday == HF_NO_DATE)
		return;
	int by, bm, bd, ty;
	date_to_ymd(birthday, &by, &bm, &bd);
	date_to_ymd(p->today, &ty, NULL, NULL);
	int keep = p->cfg->extra_window_days;
	if (keep < 0)
		keep = 0;
	if (keep > BIRTHDAY_LATEST_DAYS)
		keep = BIRTHDAY_LATEST_DAYS;
	for (int y = ty - 1; y <= ty + 1; y++) {
		/* 29 February is greeted on the 28th in common years. */
		int last = date_days_in_month(y, bm);
		hf_date b = date_from_ymd(y, bm, bd > last ? last : bd);
		if (b == HF_NO_DATE || b <= birthday)
			continue;
		hf_date due = rules_next_work_day(p->cfg, b);
		hf_date window_end = due + keep;
		if (p->today < b - BIRTHDAY_AHEAD_DAYS || p->today > window_end)
			continue;
		bool made = false;
		for (size_t i = 0; i < p->w.n && !made; i++) {
			const struct hf_task_rec *t = &p->w.v[i].t;
			made = t->kind == TASK_BIRTHDAY && t->due != HF_NO_DATE &&
			       t->due >= b - BIRTHDAY_SAME_DAYS && t->due <= b + BIRTHDAY_SAME_DAYS;
		}
		if (made)
			continue;
		struct hf_task_rec t;
		task_rec_init(&t);
		t.kind = TASK_BIRTHDAY;
		t.due = due;
		t.window_end = window_end;
		str_copy(t.team, sizeof t.team, p->cfg->service_team);
		str_copy(t.script, sizeof t.script, "birthday");
		why_add(&t.origin, WHY_BIRTHDAY)->day = b;
		work_add(&p->w, &t);
	}
}

/* ---- (e) stale owners ----------------------------------------------------------------- */

/* "Untouched" counts from the later of the due day and the owner's last change: a task due
 * next month is not neglected today. */
static void release_stale(struct plan *p)
{
	int days = p->cfg->stale_owner_days;
	if (days <= 0)
		return;
	for (size_t i = 0; i < p->w.n; i++) {
		struct hf_task_rec *t = &p->w.v[i].t;
		if (p->w.v[i].is_new || t->status != TASK_OPEN || !t->owner[0] || t->due == HF_NO_DATE)
			continue;
		hf_date since = t->due;
		if (t->touched != HF_NO_STAMP && stamp_date(t->touched) > since)
			since = stamp_date(t->touched);
		if (p->today - since >= days)
			t->owner[0] = '\0';
	}
}

/* ---- when to look again --------------------------------------------------------------- */

static void earlier(hf_date *next, hf_date day, hf_date today)
{
	if (day != HF_NO_DATE && day > today && (*next == HF_NO_DATE || day < *next))
		*next = day;
}

/* The first day after today on which the steps above could decide something new for this
 * customer if nothing else changes; any other change (a visit, a task, the birthday or
 * do-not-call) makes the store plan the customer again anyway. Earlier than needed only costs
 * a look; later would change the decisions, so every step that depends on the day has its
 * term here:
 * - (a) a curve is written whole when its visit is first planned, and a call whose window has
 *   passed never comes back, so curves add nothing later by themselves; a consultation's repeat
 *   follows its last call being over, which is a task changing or (c);
 * - (c) an open call is missed the day after its window ends;
 * - (d) a dormancy's call comes due on its working day; once due it is made or it never will
 *   be without a change; a birthday greeting appears a week before the birthday;
 * - (e) an owned call goes stale stale_owner_days after its due day or its last touch;
 * - the value (and so a segment's reactivation) changes on the days rules_value_changes says.
 * A customer with neither a visit nor an open call is not planned at all (as a full plan skips
 * them), so nothing is due for them. */
static hf_date plan_next(const struct plan *p)
{
	hf_date today = p->today, next = HF_NO_DATE;
	bool open = false;
	for (size_t i = 0; i < p->w.n; i++) {
		const struct hf_task_rec *t = &p->w.v[i].t;
		if (t->status != TASK_OPEN)
			continue;
		open = true;
		if (t->window_end != HF_NO_DATE)
			earlier(&next, t->window_end + 1, today);
		if (p->cfg->stale_owner_days > 0 && t->owner[0] && t->due != HF_NO_DATE) {
			hf_date since = t->due;
			if (t->touched != HF_NO_STAMP && stamp_date(t->touched) > since)
				since = stamp_date(t->touched);
			earlier(&next, since + p->cfg->stale_owner_days, today);
		}
	}
	if (p->nvisits == 0 && !open)
		return HF_NO_DATE;
	earlier(&next, rules_value_changes(p->cfg, p->visits, p->nvisits, today), today);
	if (p->cust->do_not_call)
		return next;
	const struct rules_visit *last = last_visit(p);
	if (last) {
		const int months[] = {p->cfg->dormant_months, p->cfg->winback_months};
		for (size_t k = 0; k < sizeof months / sizeof months[0]; k++) {
			hf_date nominal = months[k] > 0 ? date_add_months(last->date, months[k]) : HF_NO_DATE;
			if (nominal != HF_NO_DATE)
				earlier(&next, rules_next_work_day(p->cfg, nominal), today);
		}
	}
	hf_date birthday = p->cust->birthday;
	if (p->cfg->birthday_calls && birthday != HF_NO_DATE) {
		int by, bm, bd, ty;
		date_to_ymd(birthday, &by, &bm, &bd);
		date_to_ymd(today, &ty, NULL, NULL);
		for (int y = ty; y <= ty + 1; y++) {
			int ldom = date_days_in_month(y, bm);
			hf_date b = date_from_ymd(y, bm, bd > ldom ? ldom : bd);
			if (b != HF_NO_DATE && b > birthday)
				earlier(&next, b - BIRTHDAY_AHEAD_DAYS, today);
		}
	}
	return next;
}

hf_date rules_plan_customer(const struct hf_config *cfg, const struct rules_customer *cust,
                         const struct rules_visit *visits, size_t nvisits,
                         const struct hf_task_rec *tasks, size_t ntasks,
                         hf_stamp now, struct decisions *out)
{
	struct plan p;
	memset(&p, 0, sizeof p);
	decisions_init(&p.full);
	p.cfg = cfg;
	p.cust = cust;
	p.visits = visits;
	p.nvisits = nvisits;
	p.today = stamp_date(now);
	work_init(&p.w, tasks, ntasks);

	if (cust->do_not_call) {
		cancel_everything(&p);
	} else {
		close_moot_and_missed(&p);
		plan_curves(&p);
		const struct rules_visit *last = last_visit(&p);
		if (last) {
			dormant_call(&p, last, TASK_REACTIVATION, cfg->dormant_months,
			             cfg->reactivation_team, "reactivation");
			dormant_call(&p, last, TASK_WINBACK, cfg->winback_months,
			             cfg->winback_team[0] ? cfg->winback_team : cfg->reactivation_team,
			             "winback");
			segment_call(&p, last);
		}
		birthday_call(&p);
		release_stale(&p);
		work_cap(cfg, &p.w);
	}
	work_emit(&p.w, out);
	esc_emit(&p.esc, &p.esc_task, out);
	for (size_t i = 0; i < p.full.n; i++)
		*decisions_push(out, DEC_ESCALATE) = p.full.v[i];
	decisions_free(&p.full);
	hf_date next = plan_next(&p);
	work_free(&p.w);
	return next;
}
