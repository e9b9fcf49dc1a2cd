/* rules-outcome.c — logging a call: validation, the task's fate, next contact, escalations. */
#include <stdio.h>
#include <string.h>

#include "huifang/date.h"
#include "huifang/i18n.h"
#include "huifang/str.h"
#include "huifang/utf8.h"
#include "rules-int.h"

/* "reached, no_answer, busy, ..." from the outcome table. */
static void outcome_list(const struct hf_config *cfg, char *buf, size_t len)
{
	struct sbuf b;
	sbuf_init(&b);
	for (int i = 0; i < cfg->noutcomes; i++)
		sbuf_printf(&b, "%s%s", i ? ", " : "", cfg->outcomes[i].code);
	str_copy(buf, len, b.s ? b.s : "");
	sbuf_free(&b);
}

static void category_list(const struct hf_config *cfg, char *buf, size_t len)
{
	struct sbuf b;
	sbuf_init(&b);
	for (int i = 0; i < cfg->ncomplaint_categories; i++)
		sbuf_printf(&b, "%s%s", i ? ", " : "", cfg->complaint_categories[i]);
	str_copy(buf, len, b.s ? b.s : "");
	sbuf_free(&b);
}

/* Outcomes whose next contact may be later today at an agreed time: a callback, or a retry
 * (busy: "call me at three"). */
static bool may_be_today(const struct hf_outcome *o)
{
	return o->needs_next || (!o->ends_task && o->retry_minutes > 0);
}

static const char *next_words(const struct outcome_input *in, char *buf)
{
	return in->next_has_time ? stamp_format(in->next, buf) : date_format(stamp_date(in->next), buf);
}

bool rules_parse_next(const char *s, hf_stamp now, struct outcome_input *in)
{
	hf_date d;
	hf_stamp t;
	struct hf_dur span;
	if (s && *s == '+' && dur_parse(s, &span)) {
		in->next_has_time = span.unit == DUR_HOURS;
		in->next = in->next_has_time ? dur_add_stamp(now, span)
		                             : stamp_make(dur_add_date(stamp_date(now), span), 0);
	} else if (date_parse(s, &d)) {
		in->next = stamp_make(d, 0);
		in->next_has_time = false;
	} else if (stamp_parse(s, &t)) {
		in->next = t;
		in->next_has_time = true;
	} else {
		return false;
	}
	in->has_next = true;
	return true;
}

bool rules_check_outcome(const struct hf_config *cfg, const struct hf_task_rec *task,
                         const struct outcome_input *in, hf_stamp now, char *err, size_t errlen)
{
	char list[HF_ERRLEN / 2], when[20];
	const struct hf_outcome *o = config_outcome(cfg, in->code);
	if (!o) {
		outcome_list(cfg, list, sizeof list);
		return errf(err, errlen, _("unknown outcome \"%s\" (expected one of: %s)"),
		            in->code ? in->code : "", list);
	}
	if (task->status != TASK_OPEN)
		return errf(err, errlen, _("task %lld is %s, not open"), (long long)task->id,
		            task_status_label(task->status));
	if (in->score != 0) {
		if (in->score < 1 || in->score > 5)
			return errf(err, errlen, _("score %d is out of range (1 to 5)"), in->score);
		if (!o->asks_score)
			return errf(err, errlen, _("outcome %s takes no score"), _(o->label));
	}
	for (int i = 0; i < in->ndims; i++) {
		const struct hf_dim_score *d = &in->dims[i];
		const struct hf_dimension *dim = config_dimension(cfg, d->code);
		if (!dim) {
			struct sbuf b;
			sbuf_init(&b);
			rules_dimension_list(cfg, &b);
			if (cfg->ndimensions)
				errf(err, errlen, _("unknown dimension \"%s\" (expected one of: %s)"), d->code, b.s);
			else
				errf(err, errlen, _("unknown dimension \"%s\": the rules list no dimensions"),
				     d->code);
			sbuf_free(&b);
			return false;
		}
		if (d->score < 1 || d->score > 5)
			return errf(err, errlen, _("%s: score %d is out of range (1 to 5)"), _(dim->name),
			            d->score);
		for (int j = 0; j < i; j++)
			if (strcmp(in->dims[j].code, d->code) == 0)
				return errf(err, errlen, _("%s is scored twice"), _(dim->name));
		if (!o->asks_score)
			return errf(err, errlen, _("outcome %s takes no score (%s)"), _(o->label), _(dim->name));
	}
	if (in->has_nps) {
		if (in->nps < 0 || in->nps > 10)
			return errf(err, errlen, _("recommendation %d is out of range (0 to 10)"), in->nps);
		if (!o->asks_score)
			return errf(err, errlen, _("outcome %s takes no recommendation (NPS)"), _(o->label));
	}
	if (!utf8_check_text(_("note"), in->note, true, err, errlen))
		return false;
	if (in->note && strlen(in->note) > HF_NOTE_MAX)
		return errf(err, errlen, _("the note is too long (%zu bytes; at most %d)"), strlen(in->note),
		            HF_NOTE_MAX);
	if (in->complaint && strlen(in->complaint) >= HF_NAME_MAX)
		return errf(err, errlen, _("the complaint category is too long (%zu bytes; at most %d)"),
		            strlen(in->complaint), HF_NAME_MAX - 1);
	if (!str_empty(in->complaint) && cfg->ncomplaint_categories > 0) {
		bool known = false;
		for (int i = 0; i < cfg->ncomplaint_categories && !known; i++)
			known = strcmp(cfg->complaint_categories[i], in->complaint) == 0;
		if (!known) {
			category_list(cfg, list, sizeof list);
			return errf(err, errlen, _("unknown complaint category \"%s\" (expected one of: %s)"),
			            in->complaint, list);
		}
	}
	if (o->needs_next && !in->has_next)
		return errf(err, errlen,
		            _("outcome %s needs the next contact's date, or date and time"), _(o->label));
	if (!in->has_next)
		return true;
	if (o->cancels_future || o->flags_phone)
		return errf(err, errlen, _("outcome %s takes no next contact"), _(o->label));
	/* The next contact's task carries this task's origin whole, one part more. */
	if (o->ends_task && task->origin.n >= HF_WHY_PARTS - 1)
		return errf(err, errlen,
		            _("task %lld cannot carry its origin to another next contact (it already has "
		              "%d parts); log it without a next contact and add a new task"),
		            (long long)task->id, task->origin.n);
	hf_date today = stamp_date(now), day = stamp_date(in->next);
	if (day == HF_NO_DATE)
		return errf(err, errlen, _("the next contact is not a valid date"));
	next_words(in, when);
	if (day < today || (day == today && in->next_has_time && in->next <= now))
		return errf(err, errlen, _("next contact %s is in the past"), when);
	if (day == today && !may_be_today(o))
		return errf(err, errlen, _("next contact %s is today: choose tomorrow or later"), when);
	if (day == today && !in->next_has_time)
		return errf(err, errlen,
		            _("next contact %s is today: give a time later than now (\"%s HH:MM\")"), when,
		            when);
	if (day > date_add_months(today, 12))
		return errf(err, errlen, _("next contact %s is more than a year ahead"), when);
	return true;
}

bool rules_place_next(const struct hf_config *cfg, const struct outcome_input *in, hf_date *day,
                      int *minute, char *msg, size_t msglen)
{
	char asked[20], moved[20];
	next_words(in, asked);
	hf_date d = stamp_date(in->next);
	hf_date w = rules_next_work_day(cfg, d);
	if (!in->next_has_time) {
		*day = w;
		*minute = -1;
		if (w != d)
			snprintf(msg, msglen, _("%s is not a working day: the next contact moves to %s"),
			         asked, date_format(w, moved));
		return w != d;
	}
	/* A time on a day off keeps its time on the next working day. */
	hf_stamp t = rules_next_work_time(cfg, stamp_make(w, stamp_minute(in->next)));
	*day = stamp_date(t);
	*minute = stamp_minute(t);
	if (w != d)
		snprintf(msg, msglen, _("%s is not a working day: the next contact moves to %s"), asked,
		         stamp_format(t, moved));
	else if (t != in->next)
		snprintf(msg, msglen, _("%s is outside working hours: the next contact moves to %s"),
		         asked, stamp_format(t, moved));
	return t != in->next;
}

/* The next contact moved onto the calendar, said as a notice when it moved. */
static void place_next(const struct hf_config *cfg, const struct outcome_input *in, hf_date *day,
                       int *minute, struct decisions *notes)
{
	char msg[HF_ERRLEN];
	if (rules_place_next(cfg, in, day, minute, msg, sizeof msg))
		notice(notes, "%s", msg);
}

static const char *due_words(const struct hf_task_rec *t, char *buf)
{
	if (t->due_minute >= 0)
		return stamp_format(stamp_make(t->due, t->due_minute), buf);
	return date_format(t->due, buf);
}

/* Tell the operator which calls the contact cap joined in this log. */
static void merge_notices(const struct work *w, size_t fresh, struct decisions *notes)
{
	char when[20];
	for (size_t i = 0; i < w->n; i++) {
		const struct work_task *x = &w->v[i];
		if (x->t.status != TASK_MERGED || (!x->is_new && x->orig.status == TASK_MERGED &&
		                                   x->carrier < 0 && x->t.merged_into == x->orig.merged_into))
			continue;
		const struct work_task *c = NULL;
		if (x->carrier >= 0)
			c = &w->v[x->carrier];
		else
			for (size_t k = 0; k < w->n && !c; k++)
				if (!w->v[k].is_new && w->v[k].t.id == x->t.merged_into)
					c = &w->v[k];
		if (!c)
			continue;
		if (x->is_new && i == fresh)
			notice(notes, _("contact cap: the next contact joins task %lld due %s"),
			       (long long)c->t.id, due_words(&c->t, when));
		else if (c->is_new)
			notice(notes, _("contact cap: task %lld joins the next contact on %s"),
			       (long long)x->t.id, due_words(&c->t, when));
		else
			notice(notes, _("contact cap: task %lld joins task %lld due %s"), (long long)x->t.id,
			       (long long)c->t.id, due_words(&c->t, when));
	}
}

/* One trigger's reason into the escalation; why is emptied for the next. */
static void add_reason(struct esc_acc *esc, struct hf_why *why, enum hf_severity sev, int sla_hours)
{
	esc_add(esc, sev, sla_hours, why);
	why->n = 0;
}

void rules_log_outcome(const struct hf_config *cfg, const struct rules_customer *cust,
                       const struct rules_visit *visit, const struct hf_task_rec *task,
                       const struct hf_task_rec *others, size_t nothers,
                       const struct outcome_input *in, hf_stamp now, struct decisions *out)
{
	const struct hf_outcome *o = config_outcome(cfg, in->code);
	if (!o)
		return;
	hf_date today = stamp_date(now);
	struct decisions notes;
	decisions_init(&notes);
	struct esc_acc esc;
	memset(&esc, 0, sizeof esc);
	struct hf_why why = {0};

	struct work w;
	work_init(&w, others, nothers);
	long found = work_find(&w, task->id);
	size_t ci;
	if (found >= 0) {
		ci = (size_t)found;
	} else {
		ci = work_add(&w, task);
		w.v[ci].is_new = false;
		w.v[ci].orig = *task;
	}
	w.v[ci].t = *task;

	hf_date next_day = HF_NO_DATE;
	int next_minute = -1;
	if (in->has_next)
		place_next(cfg, in, &next_day, &next_minute, &notes);

	/* Every logged call is an attempt: the record shows real attempts. */
	int attempts = task->attempts + 1;
	w.v[ci].t.attempts = attempts;
	if (o->ends_task) {
		work_close(&w, ci, o->cancels_future || o->flags_phone ? TASK_CLOSED : TASK_DONE);
	} else if (o->retry_minutes > 0 || in->has_next) {
		if (o->max_attempts > 0 && attempts >= o->max_attempts) {
			work_close(&w, ci, TASK_UNREACHABLE);
			if (rules_postop_first_days(cfg, visit, task)) {
				why_add(&why, WHY_UNREACHABLE_POSTOP)->count = attempts;
				add_reason(&esc, &why, SEV_URGENT, cfg->missed_postop_sla_hours);
			}
		} else {
			struct hf_task_rec *t = &w.v[ci].t;
			if (in->has_next) {
				t->due = next_day;
				t->due_minute = next_minute;
			} else {
				hf_stamp at = rules_next_work_time(cfg, now + o->retry_minutes);
				t->due = stamp_date(at);
				t->due_minute = stamp_minute(at);
			}
			/* A retry outside the window would only be marked missed. */
			if (t->window_end == HF_NO_DATE || t->window_end < t->due)
				t->window_end = t->due;
		}
	} else {
		work_close(&w, ci, TASK_DONE); /* neither ends nor retries: the call is over anyway */
	}

	if (o->cancels_future) {
		bool again = true;
		while (again) {
			again = false;
			for (size_t i = 0; i < w.n; i++)
				if (i != ci && w.v[i].t.status == TASK_OPEN)
					again |= work_close(&w, i, TASK_CANCELLED) > 0;
		}
	}

	if (o->flags_phone) {
		bool open_fix = false;
		for (size_t i = 0; i < w.n && !open_fix; i++)
			open_fix = w.v[i].t.kind == TASK_DATAFIX && w.v[i].t.status == TASK_OPEN;
		if (!open_fix) {
			struct hf_task_rec t;
			task_rec_init(&t);
			t.kind = TASK_DATAFIX;
			t.visit_id = task->visit_id;
			t.due = rules_next_work_day(cfg, today);
			t.window_end = t.due + (cfg->extra_window_days > 0 ? cfg->extra_window_days : 0);
			str_copy(t.team, sizeof t.team,
			         cfg->consultant_team[0] ? cfg->consultant_team : cfg->service_team);
			str_copy(t.owner, sizeof t.owner, cust->consultant);
			str_copy(t.script, sizeof t.script, "datafix");
			why_add(&t.origin, WHY_WRONG_NUMBER)->task = task->id;
			work_add(&w, &t);
		}
	}

	size_t fresh = (size_t)-1;
	if (in->has_next && o->ends_task && !o->cancels_future && !o->flags_phone) {
		struct hf_task_rec t;
		task_rec_init(&t);
		t.kind = o->needs_next ? TASK_CALLBACK : TASK_FOLLOWUP;
		t.visit_id = task->visit_id;
		t.due = next_day;
		t.due_minute = next_minute;
		t.window_end = t.due + (cfg->extra_window_days > 0 ? cfg->extra_window_days : 0);
		t.priority = task->priority;
		if (o->needs_next && !str_empty(in->callback_team)) {
			str_copy(t.team, sizeof t.team, in->callback_team);
		} else {
			str_copy(t.team, sizeof t.team,
			         !str_empty(in->operator_team) ? in->operator_team : task->team);
			str_copy(t.owner, sizeof t.owner, in->operator_login);
		}
		str_copy(t.script, sizeof t.script, o->needs_next ? "callback" : "followup");
		/* Carried whole: rules_check_outcome refused an origin too long to carry. */
		why_add(&t.origin, o->needs_next ? WHY_CALLBACK : WHY_NEXT_CONTACT)->task = task->id;
		why_append(&t.origin, &task->origin);
		fresh = work_add(&w, &t);
	}

	/* Escalation triggers; several make one escalation, its reason one part each (at most
	 * five: they always fit). */
	if (o->escalate != SEV_NONE) {
		struct hf_why_part *r = why_add(&why, WHY_OUTCOME);
		str_copy(r->name, sizeof r->name, o->code);
		str_copy(r->text, sizeof r->text, in->complaint ? in->complaint : "");
		add_reason(&esc, &why, o->escalate, cfg->complaint_sla_hours);
	}
	if (in->score > 0 && in->score <= cfg->low_score_max) {
		why_add(&why, WHY_LOW_SCORE)->count = in->score;
		add_reason(&esc, &why, SEV_NORMAL, cfg->low_score_sla_hours);
	}
	for (int i = 0; i < in->ndims; i++) {
		const struct hf_dimension *dim = config_dimension(cfg, in->dims[i].code);
		if (!dim || in->dims[i].score <= 0 || in->dims[i].score > dim->low_max)
			continue;
		struct hf_why_part *r = why_add(&why, WHY_LOW_DIMENSION);
		str_copy(r->name, sizeof r->name, dim->code);
		r->count = in->dims[i].score;
		add_reason(&esc, &why, SEV_NORMAL, cfg->low_score_sla_hours);
	}
	if (in->score > 0 && cust->last_score > 0 && cfg->score_drop > 0 &&
	    cust->last_score - in->score >= cfg->score_drop) {
		struct hf_why_part *r = why_add(&why, WHY_SCORE_DROP);
		r->count = cust->last_score;
		r->count2 = in->score;
		add_reason(&esc, &why, SEV_NORMAL, cfg->score_drop_sla_hours);
	}
	char risk[HF_RISK_MAX];
	if (rules_risk_word(cfg, in->note, risk, sizeof risk)) {
		str_copy(why_add(&why, WHY_RISK_WORD)->text, HF_WHY_TEXT_MAX, risk);
		add_reason(&esc, &why, SEV_URGENT, cfg->risk_sla_hours);
	}

	if (!o->cancels_future && !cust->do_not_call)
		work_cap(cfg, &w);
	merge_notices(&w, fresh, &notes);

	struct hf_task_rec logged = w.v[ci].t;
	work_emit(&w, out);
	if (o->cancels_future || o->flags_phone) {
		struct decision *d = decisions_push(out, DEC_SET_CUSTOMER);
		d->flag_do_not_call = o->cancels_future;
		d->flag_phone_invalid = o->flags_phone;
	}
	for (size_t i = 0; i < notes.n; i++)
		*decisions_push(out, DEC_NOTICE) = notes.v[i];
	esc_emit(&esc, &logged, out);
	decisions_free(&notes);
	work_free(&w);
}

bool rules_propose_next(const struct hf_config *cfg, const struct hf_task_rec *task,
                        const struct hf_task_rec *others, size_t nothers, const char *outcome,
                        hf_stamp now, hf_stamp *out, int *booked)
{
	const struct hf_outcome *o = config_outcome(cfg, outcome);
	if (booked)
		*booked = -1;
	if (!o || o->cancels_future || o->flags_phone)
		return false;
	hf_date today = stamp_date(now);
	int minute = stamp_minute(now);
	if (minute < cfg->open_minute || minute >= cfg->close_minute)
		minute = cfg->open_minute;
	if (o->needs_next) { /* a callback: the next working day, about this time */
		*out = rules_next_work_time(cfg, stamp_make(rules_next_work_day(cfg, today + 1), minute));
		return true;
	}
	if (!o->ends_task && o->retry_minutes > 0) {
		if (o->max_attempts > 0 && task->attempts + 1 >= o->max_attempts)
			return false; /* this attempt makes the task unreachable */
		*out = rules_next_work_time(cfg, now + o->retry_minutes);
		return true;
	}
	if (o->escalate != SEV_NONE) { /* a complaint: check back the next working day */
		*out = rules_next_work_time(cfg, stamp_make(rules_next_work_day(cfg, today + 1), minute));
		return true;
	}
	/* Reached: the task is done and the curve already holds the next call, so that call is
	 * the proposal (keeping it books nothing new). */
	int best = -1;
	for (size_t i = 0; i < nothers; i++) {
		const struct hf_task_rec *x = &others[i];
		if (x->id == task->id || x->status != TASK_OPEN || x->kind == TASK_DATAFIX || x->due <= today)
			continue;
		if (best < 0 || x->due < others[best].due ||
		    (x->due == others[best].due && x->due_minute < others[best].due_minute))
			best = (int)i;
	}
	if (best < 0)
		return false;
	const struct hf_task_rec *x = &others[best];
	*out = stamp_make(x->due, x->due_minute >= 0 ? x->due_minute : cfg->open_minute);
	if (booked)
		*booked = best;
	return true;
}
