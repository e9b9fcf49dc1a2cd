/* demo.c — the demo clinic made the way a clinic makes it: the staff and customers written as
 * records, then six months replayed day by day through the service — visits entered, the
 * morning plan, every past call logged by its operator at its own time, escalations handled —
 * so that the rules, and nothing here, decide what each call brings. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "huifang/date.h"
#include "huifang/i18n.h"
#include "huifang/str.h"
#include "demo-int.h"

/* What becomes of a task, decided when it first comes due: the outcomes of its calls. */
enum fate { FATE_DONE, FATE_OPEN, FATE_MISSED, FATE_UNREACHABLE };

struct course {
	bool seen;
	const char *seq[4];             /* outcomes still to log, NULL-ended */
	int next;
	hf_date first_day;              /* the day of its first call */
	const char *op;                 /* who calls */
};

/* The events a clinic's history holds: escalations, callbacks, refusals, wrong numbers. Each
 * replaces a call that would have reached the customer on its day. */
enum event_kind { EV_RISK, EV_COMPLAINT, EV_LOW, EV_CALLBACK, EV_REFUSED, EV_WRONG_NUMBER };

struct event {
	enum event_kind kind;
	hf_date day, to;                /* moved on a day while unused, until `to` */
	enum hf_esc_status status;      /* escalations: how far the supervisor got */
	int category;                   /* complaints: index of the config's category */
	int minute;                     /* callbacks: today's agreed time */
	bool mine;                      /* a callback handed to the invoking login */
	bool used;
};

/* An escalation step the supervisor takes later. */
struct pending {
	hf_stamp at;
	hf_id esc;
	bool resolve;
	const char *note;
};

/* One thing that happens on the replayed day, in time order. */
struct entry {
	hf_stamp at;
	int visit;                      /* a visit entered (index), or -1 */
	hf_id task;                     /* a call on this task */
	int event;                      /* index in events, -1 none */
	struct hf_task q;               /* the task as the day's queue showed it */
};

struct replay {
	struct demo *d;
	struct hf_ctx *ctx;
	struct course *courses;         /* by task id */
	size_t ncourses;
	int *visit_at;                  /* visit index by visit id, -1 none */
	size_t nvisit_at;
	int *cust_at;                   /* customer index by customer id */
	size_t ncust_at;
	struct event events[32];
	int nevents;
	struct pending pending[16];
	int npending;
	struct entry *ent;
	size_t nent, cent, pos;
	char *err;
	size_t errlen;
	bool failed;
	hf_id mine_customer;            /* whose agreed callback goes to the invoking login */
	struct hf_dim_score dims[HF_MAX_DIMS]; /* the dimensions of the call being logged */
};

#define PLAN_EVERY_DAYS 28

/* ---- acting as a person of the clinic at a moment ----------------------------------------- */

static void act(struct replay *r, const char *login, hf_stamp at)
{
	const struct hf_user *u = demo_user(r->d, login);
	if (u) {
		r->ctx->me = *u;
		r->ctx->me_known = true;
	}
	str_copy(r->ctx->login, sizeof r->ctx->login, login);
	r->ctx->now = at;
}

/* A service call failed on a store error: the demo stops (and is rolled back). Refusals of a
 * use case are the rules' word on an unusual history and are simply not replayed. */
static bool failed(struct replay *r, int rc)
{
	if (rc == HF_EFAIL)
		r->failed = true;
	return rc != HF_OK;
}

/* A failed read stops the demo, with SQLite's message. */
static bool read_ok(struct replay *r, bool ok)
{
	if (!ok && !r->failed) {
		errf(r->err, r->errlen, _("demo clinic: %s"), store_errmsg(r->ctx->st));
		r->failed = true;
	}
	return ok;
}

static int cust_of(struct replay *r, hf_id id)
{
	return id > 0 && (size_t)id < r->ncust_at ? r->cust_at[id] : -1;
}

static const struct d_visit *visit_of(struct replay *r, hf_id id)
{
	if (id <= 0 || (size_t)id >= r->nvisit_at || r->visit_at[id] < 0)
		return NULL;
	return &r->d->visits[r->visit_at[id]];
}

static struct course *course_of(struct replay *r, hf_id task)
{
	if ((size_t)task >= r->ncourses) {
		size_t n = r->ncourses ? r->ncourses : 256;
		while (n <= (size_t)task)
			n *= 2;
		r->courses = xrealloc(r->courses, n * sizeof *r->courses);
		memset(r->courses + r->ncourses, 0, (n - r->ncourses) * sizeof *r->courses);
		r->ncourses = n;
	}
	return &r->courses[task];
}

/* ---- the supervisor's later steps ------------------------------------------------------- */

static void later(struct replay *r, hf_stamp at, hf_id esc, bool resolve, const char *note)
{
	if (r->npending < (int)(sizeof r->pending / sizeof r->pending[0]))
		r->pending[r->npending++] = (struct pending){at < r->d->now ? at : r->d->now, esc, resolve, note};
}

/* Take every pending step due by `until`, earliest first. */
static void flush(struct replay *r, hf_stamp until)
{
	while (!r->failed) {
		int best = -1;
		for (int i = 0; i < r->npending; i++)
			if (r->pending[i].at <= until && (best < 0 || r->pending[i].at < r->pending[best].at))
				best = i;
		if (best < 0)
			return;
		struct pending p = r->pending[best];
		r->pending[best] = r->pending[--r->npending];
		act(r, SUPERVISOR, p.at);
		failed(r, p.resolve ? svc_escalation_resolve(r->ctx, p.esc, NULL, p.note, r->err, r->errlen)
		                    : svc_escalation_ack(r->ctx, &p.esc, 1, p.note, r->err, r->errlen));
	}
}

/* ---- the events of the history ------------------------------------------------------------ */

/* The last working day on or before `day`. */
static hf_date work_day_before(struct demo *d, hf_date day)
{
	for (int i = 0; i < 14 && !config_is_work_day(d->cfg, day); i++)
		day--;
	return day;
}

static void add_event(struct replay *r, enum event_kind kind, hf_date from, hf_date to,
                      enum hf_esc_status status, int category)
{
	struct demo *d = r->d;
	if (r->nevents >= (int)(sizeof r->events / sizeof r->events[0]))
		return;
	struct event *e = &r->events[r->nevents++];
	memset(e, 0, sizeof *e);
	e->kind = kind;
	e->to = to;
	e->day = from == to ? work_day_before(d, to) : between(d, from, to);
	e->status = status;
	e->category = category;
}

static void plan_events(struct replay *r)
{
	struct demo *d = r->d;
	hf_date y = d->today - 1;
	/* Open escalations from the last days (one past its deadline), an acknowledged one,
	 * resolved ones further back. */
	add_event(r, EV_RISK, y, y, ESC_OPEN, 0);
	add_event(r, EV_COMPLAINT, y, y, ESC_OPEN, 0);
	add_event(r, EV_LOW, y - 1, y, ESC_OPEN, 0);
	add_event(r, EV_RISK, y - 2, y - 1, ESC_ACKNOWLEDGED, 0);
	add_event(r, EV_COMPLAINT, y - 40, y - 10, ESC_RESOLVED, 1);
	add_event(r, EV_LOW, y - 60, y - 12, ESC_RESOLVED, 0);
	add_event(r, EV_RISK, y - 50, y - 14, ESC_RESOLVED, 0);
	add_event(r, EV_COMPLAINT, y - 90, y - 20, ESC_RESOLVED, 2);
	/* Callbacks agreed yesterday for a time today, the first handed to the invoking login. */
	static const int times[] = {10 * 60 + 30, 14 * 60, 15 * 60 + 30, 16 * 60 + 30, 11 * 60};
	for (size_t i = 0; i < sizeof times / sizeof times[0]; i++) {
		add_event(r, EV_CALLBACK, y, y, ESC_STATUS_NONE, 0);
		r->events[r->nevents - 1].minute = times[i];
		r->events[r->nevents - 1].mine = i == 0;
	}
	for (int i = 0; i < 6; i++)
		add_event(r, EV_REFUSED, d->today - 90, d->today - 3, ESC_STATUS_NONE, 0);
	for (int i = 0; i < 4; i++)
		add_event(r, EV_WRONG_NUMBER, d->today - 5, y, ESC_STATUS_NONE, 0);
}

static hf_date last_visit_day(struct demo *d, int cust)
{
	hf_date last = HF_NO_DATE;
	for (size_t i = 0; i < d->nvisits; i++)
		if (d->visits[i].cust == cust && (last == HF_NO_DATE || d->visits[i].date > last))
			last = d->visits[i].date;
	return last;
}

/* Has the customer another open call due today (a callback would merge into it)? */
static bool busy_today(struct replay *r, hf_id cust, hf_id except)
{
	struct hf_task_rec *t = NULL;
	size_t n = 0;
	if (!read_ok(r, store_customer_tasks(r->ctx->st, cust, &t, &n)))
		return true;
	bool busy = false;
	for (size_t i = 0; i < n && !busy; i++)
		busy = t[i].id != except && t[i].status == TASK_OPEN && t[i].kind != TASK_DATAFIX &&
		       t[i].due == r->d->today;
	free(t);
	return busy;
}

/* May event e replace the call of entry x (a call that would reach the customer)? pass 0
 * asks for what the event prefers (a surgery's call, the invoking login's own team). */
static bool event_fits(struct replay *r, const struct event *e, const struct entry *x, int pass)
{
	struct demo *d = r->d;
	const struct hf_task *q = &x->q;
	if (x->visit >= 0 || x->event >= 0)
		return false;
	struct course *c = course_of(r, x->task);
	int ci = cust_of(r, q->customer_id);
	if (ci < 0 || d->cust[ci].special || !c->seq[c->next] || strcmp(c->seq[c->next], "reached") != 0 ||
	    (q->t.kind != TASK_FOLLOWUP && q->t.kind != TASK_REPURCHASE))
		return false;
	const struct d_visit *v = visit_of(r, q->t.visit_id);
	switch (e->kind) {
	case EV_RISK: case EV_COMPLAINT: case EV_LOW:
		return pass > 0 || (v && v->kind == VISIT_SURGERY);
	case EV_CALLBACK:
		if (busy_today(r, q->customer_id, q->t.id))
			return false;
		return !e->mine || pass > 0 ||
		       (str_eq(q->t.team, d->me.team) && (str_empty(q->t.owner) || str_eq(q->t.owner, d->me.login)));
	case EV_REFUSED:
		return last_visit_day(d, ci) < e->day;
	case EV_WRONG_NUMBER:
		return true;
	}
	return false;
}

/* Give the day's events their calls. */
static void place_events(struct replay *r, hf_date day)
{
	struct demo *d = r->d;
	int *cand = xcalloc(r->nent + 1, sizeof *cand);
	for (int i = 0; i < r->nevents; i++) {
		struct event *e = &r->events[i];
		if (e->used || e->day != day)
			continue;
		int n = 0;
		for (int pass = 0; pass < 2 && n == 0; pass++)
			for (size_t k = 0; k < r->nent; k++)
				if (event_fits(r, e, &r->ent[k], pass))
					cand[n++] = (int)k;
		if (n == 0) {
			/* None today: the next working day, while the event's days last. */
			hf_date next = rules_next_work_day(d->cfg, day + 1);
			if (next <= e->to && next < d->today)
				e->day = next;
			continue;
		}
		struct entry *x = &r->ent[cand[rnd(d, n)]];
		x->event = i;
		e->used = true;
		d->cust[cust_of(r, x->q.customer_id)].special = true;
		if (e->kind == EV_CALLBACK && e->mine)
			r->mine_customer = x->q.customer_id;
	}
	free(cand);
}

/* ---- the calls ------------------------------------------------------------------------------ */

/* A moment inside calling hours on `day`, not too near closing. */
static hf_stamp call_time(struct demo *d, hf_date day)
{
	int open = d->cfg->open_minute, close = d->cfg->close_minute;
	if (open < 0 || close > 1440 || open >= close) {
		open = 9 * 60;
		close = 20 * 60;
	}
	int last = close - 60 > open + 5 ? close - 60 : close - 1;
	return stamp_make(day, between(d, open + 5, last));
}

/* The life of a task from its first day due: its calls' outcomes and the day of the first. */
static void decide(struct replay *r, const struct hf_task *t, struct course *c)
{
	struct demo *d = r->d;
	const struct d_visit *v = visit_of(r, t->t.visit_id);
	int ci = cust_of(r, t->customer_id);
	c->seen = true;
	/* Past calls are the demo operators' own: the invoking login's history starts today. */
	c->op = !str_empty(t->t.owner) && !str_eq(t->t.owner, d->me.login)
	            ? t->t.owner : pick_operator(d, t->t.team, ci < 0 ? 0 : ci);
	if (t->t.kind == TASK_DATAFIX || t->t.kind == TASK_CALLBACK)
		return;                              /* the consultant's to fix; today's to call */
	hf_date last = t->t.window_end < d->today ? t->t.window_end : d->today - 1;
	enum fate fate = FATE_DONE;
	if (v && t->t.step >= 0 && t->t.step == v->hot_step) {
		fate = FATE_OPEN;                    /* kept for today's queue */
	} else if (t->t.window_end >= d->today) {
		fate = chance(d, 35) ? FATE_OPEN : FATE_DONE;
	} else {
		/* A missed first-week post-op call would have been escalated: those are made. */
		bool first_week = v && v->kind == VISIT_SURGERY && d->cfg->missed_postop_days > 0 &&
		                  t->t.due <= v->date + d->cfg->missed_postop_days;
		int x = rnd(d, 100);
		if (!first_week && x < 4)
			fate = FATE_MISSED;
		else if (!first_week && x < 8)
			fate = FATE_UNREACHABLE;
	}
	int x = rnd(d, 100);
	switch (fate) {
	case FATE_DONE:
		if (x < 78) {
			c->seq[0] = "reached";
		} else if (x < 90) {
			c->seq[0] = "no_answer";
			c->seq[1] = "reached";
		} else if (x < 96) {
			c->seq[0] = "busy";
			c->seq[1] = "reached";
		} else {
			c->seq[0] = c->seq[1] = "no_answer";
			c->seq[2] = "reached";
		}
		break;
	case FATE_UNREACHABLE:
		c->seq[0] = c->seq[1] = c->seq[2] = "no_answer";
		break;
	case FATE_OPEN:                          /* perhaps tried already */
		if (x >= 60)
			c->seq[0] = "no_answer";
		if (x >= 90)
			c->seq[1] = "no_answer";
		break;
	case FATE_MISSED:                        /* never called: the plan marks it */
		break;
	}
	c->first_day = t->t.due;
	if (!chance(d, 75) && last >= t->t.due)
		c->first_day = rules_next_work_day(d->cfg, between(d, t->t.due, last));
	if (c->first_day > last)
		c->first_day = t->t.due;
}

static void push(struct replay *r, const struct entry *e)
{
	r->ent = xgrow(r->ent, r->nent, &r->cent, sizeof *r->ent);
	/* Kept in time order after pos (the entries already done, and the one being done, stay
	 * before it). */
	size_t k = r->nent++;
	while (k > r->pos + 1 && r->ent[k - 1].at > e->at) {
		r->ent[k] = r->ent[k - 1];
		k--;
	}
	r->ent[k] = *e;
}

/* Whether they would recommend the clinic (0-10), asked after a score: in step with it, varied by
 * customer without drawing from the demo's random stream (the same date, the same clinic). */
static void ask_nps(struct outcome_input *in, hf_id customer)
{
	static const int base[6] = {0, 1, 3, 6, 7, 9};
	if (in->score < 1 || in->score > 5)
		return;
	in->has_nps = true;
	in->nps = base[in->score] + (int)(customer % (in->score == 5 ? 2 : 3));
}

/* Each satisfaction dimension of the rules, asked with a score: a point around it, one dimension
 * in four skipped, varied by customer without drawing from the demo's random stream. Only a call
 * that escalates anyway (low) may score one at its threshold or below: the demo's escalations
 * stay the ones its events raise. */
static void ask_dims(struct replay *r, struct outcome_input *in, hf_id customer, bool low)
{
	static const int delta[4] = {0, 1, -1, 0};
	const struct hf_config *cfg = r->d->cfg;
	in->dims = r->dims;
	in->ndims = 0;
	if (in->score < 1 || in->score > 5)
		return;
	for (int k = 0; k < cfg->ndimensions && k < HF_MAX_DIMS; k++) {
		long long h = customer * 7 + k * 3;
		if (h % 4 == 3)
			continue;
		int v = in->score + delta[h % 4], floor = low ? 1 : cfg->dimensions[k].low_max + 1;
		v = v > 5 ? 5 : v < floor ? floor : v;
		struct hf_dim_score *d = &r->dims[in->ndims++];
		str_copy(d->code, sizeof d->code, cfg->dimensions[k].code);
		d->score = v;
	}
}

/* The call's outcome as the operator logs it: score and note, or the event it carries. */
static void outcome_of(struct replay *r, const struct hf_task *t, const char *code,
                       const struct event *e, struct outcome_input *in)
{
	struct demo *d = r->d;
	const struct d_visit *v = visit_of(r, t->t.visit_id);
	enum hf_visit_kind vk = v ? v->kind : VISIT_NONE;
	const char *tr = v ? v->treatment : "";
	const struct d_cust *cu = &d->cust[cust_of(r, t->customer_id)];
	memset(in, 0, sizeof *in);
	in->code = code;
	if (e) {
		const struct hf_config *cfg = d->cfg;
		switch (e->kind) {
		case EV_RISK:
			/* Pleased with the care, worried by a symptom: the note carries the risk. */
			in->note = pick_note(d, "risk", t->t.script, vk, tr);
			in->score = cu->base_score - 1;
			ask_nps(in, t->customer_id);
			ask_dims(r, in, t->customer_id, true);
			if (in->note)
				return;
			break;
		case EV_COMPLAINT:
			if (cfg->ncomplaint_categories > 0)
				in->complaint = cfg->complaint_categories[e->category % cfg->ncomplaint_categories];
			in->note = pick_note(d, "complaint", in->complaint ? in->complaint : "", VISIT_NONE, "");
			if (in->note) {
				in->code = "complaint";
				in->score = 2;
				ask_nps(in, t->customer_id);
				ask_dims(r, in, t->customer_id, true);
				return;
			}
			in->complaint = NULL;
			break;
		case EV_LOW:
			break;
		case EV_CALLBACK:
			in->code = "callback";
			in->note = pick_note(d, "callback", "", VISIT_NONE, "");
			in->has_next = in->next_has_time = true;
			in->next = stamp_make(d->today, e->minute);
			return;
		case EV_REFUSED:
			in->code = "refused";
			in->note = pick_note(d, "refused", "", VISIT_NONE, "");
			return;
		case EV_WRONG_NUMBER:
			in->code = "wrong_number";
			in->note = pick_note(d, "wrong_number", "", VISIT_NONE, "");
			return;
		}
		/* A low score (also when the config knows no risk words). */
		in->note = pick_note(d, "low", t->t.script, vk, tr);
		in->score = between(d, 1, 2);
		ask_dims(r, in, t->customer_id, true);
		return;
	}
	if (strcmp(code, "reached") == 0) {
		/* Scores stay within a point of the customer's usual, so no score drop raises an
		 * escalation by accident. */
		int score = cu->base_score - (chance(d, 25) ? 1 : 0);
		bool scored = chance(d, vk == VISIT_CONSULT ? 40 : 85);
		in->score = scored ? score : 0;
		ask_nps(in, t->customer_id);
		ask_dims(r, in, t->customer_id, false);
		if (chance(d, 88))
			in->note = pick_note(d, score >= 4 || !scored ? "good" : "fair", t->t.script, vk, tr);
	} else if (chance(d, 50)) {
		in->note = pick_note(d, code, t->t.script, VISIT_NONE, "");
	}
}

static const char *event_word(enum event_kind k)
{
	return k == EV_RISK ? "risk" : k == EV_COMPLAINT ? "complaint" : "low";
}

/* The escalation a logged call raised: the supervisor acknowledges it, perhaps resolves it. */
static void handle_escalation(struct replay *r, const struct event *e, hf_id customer, hf_id call,
                              hf_stamp raised)
{
	struct demo *d = r->d;
	if (e->status != ESC_ACKNOWLEDGED && e->status != ESC_RESOLVED)
		return;
	struct hf_escalation *v = NULL;
	size_t n = 0;
	if (!read_ok(r, store_customer_escalations(r->ctx->st, customer, &v, &n)))
		return;
	hf_id id = 0;
	for (size_t i = 0; i < n; i++)
		if (v[i].call_id == call)
			id = v[i].id;
	free(v);
	if (!id)
		return;
	hf_stamp acked = raised + between(d, 20, 150);
	const char *word = event_word(e->kind);
	if (e->status == ESC_ACKNOWLEDGED) {
		later(r, acked, id, false, pick_note(d, "ack", word, VISIT_NONE, ""));
		return;
	}
	later(r, acked, id, false, NULL);
	const char *note = pick_note(d, "resolution", word, VISIT_NONE, "");
	later(r, acked + between(d, 3 * 60, 2 * 24 * 60), id, true, note ? note : word);
}

/* Log one call of the day through the service, as its operator at its time. */
static void make_call(struct replay *r, const struct entry *x, hf_date day)
{
	struct demo *d = r->d;
	struct course *c = course_of(r, x->task);
	const struct hf_task *t = &x->q;
	if (!c->seq[c->next])
		return;
	const struct event *e = x->event >= 0 ? &r->events[x->event] : NULL;
	const char *code = c->seq[c->next++];
	struct outcome_input in;
	outcome_of(r, t, code, e, &in);
	bool talk = strcmp(code, "reached") == 0;
	hf_stamp end = x->at + (talk ? between(d, 2, 9) : strcmp(code, "busy") == 0 ? 1 : rnd(d, 2));
	flush(r, end);
	act(r, c->op, end);
	struct log_result res;
	int rc = svc_log(r->ctx, x->task, &in, x->at, end, &res, r->err, r->errlen);
	if (rc == HF_EUSAGE && e) {              /* the rules would not take the event here */
		log_result_free(&res);
		outcome_of(r, t, code, NULL, &in);
		rc = svc_log(r->ctx, x->task, &in, x->at, end, &res, r->err, r->errlen);
		e = NULL;
	}
	if (failed(r, rc)) {
		log_result_free(&res);
		c->seq[c->next] = NULL;
		return;
	}
	/* A retry later the same day is made that day. */
	struct entry retry = *x;
	retry.event = -1;
	retry.at = HF_NO_STAMP;
	for (size_t i = 0; i < res.dec.n; i++) {
		const struct decision *dec = &res.dec.v[i];
		if (dec->kind == DEC_ESCALATE && e)
			handle_escalation(r, e, t->customer_id, res.call_id, end);
		if (dec->kind == DEC_UPDATE_TASK && dec->task.id == x->task && dec->task.status == TASK_OPEN &&
		    dec->task.due == day && dec->task.due_minute >= 0) {
			retry.q.t = dec->task;
			retry.at = stamp_make(day, dec->task.due_minute) + rnd(d, 25);
		}
	}
	log_result_free(&res);
	if (c->seq[c->next] && retry.at != HF_NO_STAMP && stamp_date(retry.at) == day && retry.at > end)
		push(r, &retry);
}

/* ---- a day of the clinic ------------------------------------------------------------------- */

static void enter_visit(struct replay *r, int vi)
{
	struct demo *d = r->d;
	struct d_visit *v = &d->visits[vi];
	struct hf_visit row;
	memset(&row, 0, sizeof row);
	row.customer_id = d->cust[v->cust].id;
	row.date = v->date;
	row.kind = v->kind;
	str_copy(row.treatment, sizeof row.treatment, v->treatment);
	str_copy(row.doctor, sizeof row.doctor, v->doctor);
	row.course_end = v->course_end;
	row.amount = v->amount;
	struct plan_counts pc;
	flush(r, v->created);
	act(r, d->me.login, v->created);
	if (failed(r, svc_add_visit(r->ctx, &row, &v->id, &pc, r->err, r->errlen)))
		return;
	if ((size_t)v->id >= r->nvisit_at) {
		size_t n = r->nvisit_at ? r->nvisit_at * 2 : 1024;
		while (n <= (size_t)v->id)
			n *= 2;
		r->visit_at = xrealloc(r->visit_at, n * sizeof *r->visit_at);
		for (size_t i = r->nvisit_at; i < n; i++)
			r->visit_at[i] = -1;
		r->nvisit_at = n;
	}
	r->visit_at[v->id] = vi;
}

static int by_time(const void *a, const void *b)
{
	const struct entry *x = a, *y = b;
	if (x->at != y->at)
		return x->at < y->at ? -1 : 1;
	if ((x->visit >= 0) != (y->visit >= 0))
		return x->visit >= 0 ? -1 : 1;
	return x->visit != y->visit ? (x->visit < y->visit ? -1 : 1)
	                            : (x->task < y->task ? -1 : x->task > y->task);
}

static void replay_day(struct replay *r, hf_date day)
{
	struct demo *d = r->d;
	r->nent = r->pos = 0;
	for (size_t i = 0; i < d->nvisits; i++)
		if (d->visits[i].date == day)
			push(r, &(struct entry){.at = d->visits[i].created, .visit = (int)i, .event = -1});
	if (config_is_work_day(d->cfg, day)) {
		struct queue_filter f = {.scope = SCOPE_ALL, .day = day};
		struct hf_task *q = NULL;
		size_t n = 0;
		if (!read_ok(r, store_queue(r->ctx->st, &f, &q, &n)))
			return;
		for (size_t i = 0; i < n; i++) {
			struct course *c = course_of(r, q[i].t.id);
			if (!c->seen)
				decide(r, &q[i], c);
			if (!c->seq[c->next] || day < c->first_day)
				continue;
			hf_stamp at = q[i].t.due == day && q[i].t.due_minute >= 0
			                  ? stamp_make(day, q[i].t.due_minute) + rnd(d, 25)
			                  : call_time(d, day);
			push(r, &(struct entry){.at = at, .visit = -1, .task = q[i].t.id, .event = -1, .q = q[i]});
		}
		free(q);
	}
	qsort(r->ent, r->nent, sizeof *r->ent, by_time);
	place_events(r, day);
	for (r->pos = 0; r->pos < r->nent && !r->failed; r->pos++) {
		struct entry x = r->ent[r->pos];
		if (x.visit >= 0)
			enter_visit(r, x.visit);
		else
			make_call(r, &x, day);
	}
}

static bool plan(struct replay *r, hf_date day, hf_stamp at)
{
	struct plan_counts pc;
	flush(r, at);
	act(r, r->d->me.login, at);
	return !failed(r, svc_plan(r->ctx, day, false, &pc, r->err, r->errlen)) && !r->failed;
}

/* ---- today's work handed out ----------------------------------------------------------------- */

/* A task handed to `who`, audited as a supervisor's reassignment is. */
static bool hand(struct replay *r, hf_id task, const char *who, hf_stamp at)
{
	char detail[2 * HF_NAME_MAX + 16];
	snprintf(detail, sizeof detail, "owner= to=%s", who);
	return store_task_owner(r->ctx->st, task, who, at) &&
	       store_audit(r->ctx->st, r->ctx->login, at, "reassign", "task", task, detail);
}

/* Consultants own their customers' calls; of today's pool work some is handed out, and the
 * invoking login gets at least three calls of its own. */
static bool assign_owners(struct replay *r)
{
	struct demo *d = r->d;
	struct store *st = r->ctx->st;
	hf_stamp at = stamp_make(d->today, 8 * 60 + 30);
	if (at > d->now)
		at = d->now;
	struct queue_filter f = {.scope = SCOPE_ALL, .day = date_add_months(d->today, 13)};
	struct hf_task *q = NULL;
	size_t n = 0;
	if (!read_ok(r, store_queue(st, &f, &q, &n)))
		return false;
	int handed[HF_MAX_TEAMS] = {0};
	int mine = 0;
	bool ok = true;
	for (size_t i = 0; ok && i < n; i++) {
		struct hf_task_rec *t = &q[i].t;
		int ci = cust_of(r, q[i].customer_id);
		const char *consultant = ci >= 0 ? d->cust[ci].consultant : "";
		if (str_eq(t->team, d->cfg->consultant_team) && !str_empty(consultant)) {
			/* Not a call the planner would return to the pool as stale. */
			hf_date since = t->due;
			if (t->touched != HF_NO_STAMP && stamp_date(t->touched) > since)
				since = stamp_date(t->touched);
			int stale = d->cfg->stale_owner_days;
			if (str_empty(t->owner) && (stale <= 0 || d->today - since < stale))
				ok = hand(r, t->id, consultant, at);
			continue;
		}
		if (t->kind == TASK_CALLBACK && q[i].customer_id == r->mine_customer && t->due <= d->today &&
		    !str_eq(t->owner, d->me.login)) {
			/* A colleague agreed it; the invoking login makes it today. */
			str_copy(t->owner, sizeof t->owner, d->me.login);
			ok = store_task_owner(st, t->id, d->me.login, at);
		}
		if (str_eq(t->owner, d->me.login) && t->due <= d->today)
			mine++;
		if (!str_empty(t->owner) || t->due > d->today || t->attempts > 0)
			continue;
		int team = 0;
		for (int k = 0; k < d->cfg->nteams; k++)
			if (str_eq(d->cfg->teams[k].code, t->team))
				team = k;
		/* In the invoking login's team a third each: its own, a colleague's, the pool; in
		 * other teams a third is handed to an operator. */
		int turn = handed[team]++ % 3;
		bool own_team = str_eq(t->team, d->me.team);
		const char *who = NULL;
		if (turn == 0 && own_team)
			who = d->me.login;
		else if ((turn == 1 && own_team) || (turn == 0 && !own_team))
			who = pick_operator(d, t->team, ci < 0 ? 0 : ci);
		if (!who)
			continue;
		str_copy(t->owner, sizeof t->owner, who);
		ok = hand(r, t->id, who, at);
		if (str_eq(who, d->me.login))
			mine++;
	}
	for (size_t i = 0; ok && i < n && mine < 3; i++) {
		struct hf_task_rec *t = &q[i].t;
		if (t->due > d->today || !str_empty(t->owner) || str_eq(t->team, d->cfg->consultant_team))
			continue;
		ok = hand(r, t->id, d->me.login, at);
		mine++;
	}
	free(q);
	return ok;
}

/* ---- the whole clinic -------------------------------------------------------------------- */

static bool write_people(struct replay *r)
{
	struct demo *d = r->d;
	struct store *st = r->ctx->st;
	if (!store_user_put(st, &d->me))
		return false;
	for (size_t i = 0; i < demo_nstaff; i++)
		if (!str_eq(d->staff[i].login, d->me.login) && !store_user_put(st, &d->staff[i]))
			return false;
	for (size_t i = 0; i < d->ncust; i++) {
		const struct d_cust *c = &d->cust[i];
		struct hf_customer row;
		memset(&row, 0, sizeof row);
		str_copy(row.name, sizeof row.name, c->name);
		str_copy(row.phone, sizeof row.phone, c->phone);
		str_copy(row.gender, sizeof row.gender, c->gender);
		row.birthday = c->birthday;
		str_copy(row.consultant, sizeof row.consultant, c->consultant);
		str_copy(row.source, sizeof row.source, c->source);
		str_copy(row.tags, sizeof row.tags, c->tags);
		row.created = c->created;
		hf_id id = store_customer_add(st, &row);
		if (!id)
			return false;
		d->cust[i].id = id;
		if ((size_t)id >= r->ncust_at) {
			size_t n = r->ncust_at ? r->ncust_at * 2 : 1024;
			while (n <= (size_t)id)
				n *= 2;
			r->cust_at = xrealloc(r->cust_at, n * sizeof *r->cust_at);
			for (size_t k = r->ncust_at; k < n; k++)
				r->cust_at[k] = -1;
			r->ncust_at = n;
		}
		r->cust_at[id] = (int)i;
	}
	return true;
}

static bool run(struct replay *r)
{
	struct demo *d = r->d;
	if (!write_people(r))
		return false;
	plan_events(r);
	hf_date first = d->today;
	for (size_t i = 0; i < d->nvisits; i++)
		if (d->visits[i].date < first)
			first = d->visits[i].date;
	/* The plan runs every four weeks, and this morning: a plan reads the whole clinic, and
	 * daily ones would make the demo slow. A visit's curve is written as it is entered; a
	 * plan marks the calls missed meanwhile and adds repeats and the calls beyond the curves. */
	for (hf_date day = first; day < d->today && !r->failed; day++) {
		bool plans = (d->today - day) % PLAN_EVERY_DAYS == 0;
		if (day > first && plans && !plan(r, day, stamp_make(day, 8 * 60)))
			return false;
		replay_day(r, day);
	}
	return !r->failed && plan(r, d->today, d->now) && assign_owners(r) &&
	       (flush(r, d->now), !r->failed);
}

int demo_build(struct hf_ctx *ctx, char *err, size_t errlen)
{
	struct demo d;
	memset(&d, 0, sizeof d);
	d.ctx = ctx;
	d.cfg = &ctx->cfg;
	d.now = ctx->now;
	d.today = stamp_date(ctx->now);
	d.rng = 0x68756966616E67ULL ^ ((uint64_t)(uint32_t)d.today * 0x100000001B3ULL);
	*err = '\0';
	long long customers = store_customer_count(ctx->st);
	if (customers < 0)
		return errf(err, errlen, _("demo clinic: %s"), store_errmsg(ctx->st)), HF_EFAIL;
	if (customers > 0)
		return errf(err, errlen, _("%s already has customers; the demo clinic needs a new database"),
		            ctx->db_path), HF_EUSAGE;
	if (!demo_load_data(&d, err, errlen)) {
		demo_free_data(&d);
		return HF_EFAIL;
	}
	demo_people(&d);
	demo_stories(&d);

	/* The replay acts as many people at many moments; the caller gets its own back. */
	struct hf_user me = ctx->me;
	bool me_known = ctx->me_known;
	char login[HF_NAME_MAX];
	str_copy(login, sizeof login, ctx->login);
	struct replay r;
	memset(&r, 0, sizeof r);
	r.d = &d;
	r.ctx = ctx;
	r.err = err;
	r.errlen = errlen;
	/* The demo's history is not news for a gateway: no events while it is made. */
	char events[sizeof ctx->cfg.events_path];
	str_copy(events, sizeof events, ctx->cfg.events_path);
	ctx->cfg.events_path[0] = '\0';
	bool ok = store_begin(ctx->st) && run(&r) && store_commit(ctx->st);
	str_copy(ctx->cfg.events_path, sizeof ctx->cfg.events_path, events);
	if (!ok) {
		if (!*err)
			errf(err, errlen, _("demo clinic: %s"), store_errmsg(ctx->st));
		store_rollback(ctx->st);
	}
	str_copy(ctx->login, sizeof ctx->login, login);
	ctx->me = me;
	ctx->me_known = me_known;
	ctx->now = d.now;
	if (ok && store_user_get(ctx->st, login, &me) == STORE_FOUND)
		ctx->me = me;
	free(r.courses);
	free(r.visit_at);
	free(r.cust_at);
	free(r.ent);
	free(d.cust);
	free(d.visits);
	demo_free_data(&d);
	return ok ? HF_OK : HF_EFAIL;
}
