/* rules.c — the calendar, follow-up curves, risk words, SLA breach and the decision list. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "huifang/date.h"
#include "huifang/i18n.h"
#include "huifang/str.h"
#include "rules-int.h"

/* A config without a single working day would loop forever; ten years is plenty. */
#define CALENDAR_SEARCH_DAYS 3660

/* ---- decisions ------------------------------------------------------------------------ */

void decisions_init(struct decisions *d)
{
	d->v = NULL;
	d->n = d->cap = 0;
}

void decisions_free(struct decisions *d)
{
	free(d->v);
	decisions_init(d);
}

struct decision *decisions_push(struct decisions *d, enum decision_kind kind)
{
	d->v = xgrow(d->v, d->n, &d->cap, sizeof *d->v);
	struct decision *x = &d->v[d->n++];
	memset(x, 0, sizeof *x);
	x->kind = kind;
	task_rec_init(&x->task);
	x->severity = SEV_NONE;
	x->carrier = -1;
	return x;
}

void notice(struct decisions *out, const char *fmt, ...)
{
	char buf[HF_ERRLEN];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	struct decision *d = decisions_push(out, DEC_NOTICE);
	str_copy(d->text, sizeof d->text, buf);
}

bool esc_add(struct esc_acc *e, enum hf_severity sev, int sla_hours, const struct hf_why *item)
{
	if (!why_append(&e->reason, item))
		return false;
	if (!e->any || sev > e->severity)
		e->severity = sev;
	if (!e->any || sla_hours < e->sla_hours)
		e->sla_hours = sla_hours;
	e->any = true;
	return true;
}

void esc_emit(const struct esc_acc *e, const struct hf_task_rec *task, struct decisions *out)
{
	if (!e->any)
		return;
	struct decision *d = decisions_push(out, DEC_ESCALATE);
	d->severity = e->severity;
	d->sla_hours = e->sla_hours;
	d->reason = e->reason;
	if (task)
		d->task = *task;
}

/* ---- calendar ------------------------------------------------------------------------- */

hf_date rules_next_work_day(const struct hf_config *cfg, hf_date day)
{
	if (day == HF_NO_DATE)
		return HF_NO_DATE;
	for (int i = 0; i < CALENDAR_SEARCH_DAYS; i++)
		if (config_is_work_day(cfg, day + i))
			return day + i;
	return day;
}

/* Opening and closing minute; a nonsensical range means the whole day. */
static void hours(const struct hf_config *cfg, int *open, int *close)
{
	*open = cfg->open_minute;
	*close = cfg->close_minute;
	if (*open < 0 || *close > 1440 || *open >= *close) {
		*open = 0;
		*close = 1440;
	}
}

hf_stamp rules_next_work_time(const struct hf_config *cfg, hf_stamp t)
{
	if (t == HF_NO_STAMP)
		return HF_NO_STAMP;
	int open, close;
	hours(cfg, &open, &close);
	hf_date day = stamp_date(t);
	int minute = stamp_minute(t);
	if (config_is_work_day(cfg, day)) {
		if (minute < open)
			return stamp_make(day, open);
		if (minute < close)
			return t;
	}
	return stamp_make(rules_next_work_day(cfg, day + 1), open);
}

/* ---- curves --------------------------------------------------------------------------- */

int rules_schedule(const struct hf_config *cfg, enum hf_visit_kind kind, const char *treatment,
                   hf_date visit_date, hf_date course_end, struct planned_call *out, int max)
{
	if (kind < 0 || kind >= VISIT__COUNT || visit_date == HF_NO_DATE)
		return 0;
	const struct hf_treatment *tr = config_treatment(cfg, treatment);
	const struct hf_curve *c = config_curve(cfg, kind, treatment);
	/* Course calls count from the course's end; injection calls from the day the effect wears
	 * off (an injection of unknown effect counts from the visit). */
	hf_date base = visit_date;
	if (kind == VISIT_COURSE && course_end != HF_NO_DATE)
		base = course_end;
	if (kind == VISIT_INJECTION && tr && tr->has_effect)
		base = dur_add_date(visit_date, tr->effect);
	if (base == HF_NO_DATE)
		return 0;
	int n = 0;
	for (int i = 0; i < c->nsteps && n < max; i++) {
		const struct hf_step *s = &c->steps[i];
		hf_date nominal = dur_add_date(base, s->offset);
		/* An effect no longer than the lead time: remind when it wears off, not at the visit. */
		if (nominal != HF_NO_DATE && base != visit_date && s->offset.n < 0 && nominal <= visit_date)
			nominal = base;
		/* A call before the visit itself makes no sense. */
		if (nominal == HF_NO_DATE || nominal < visit_date)
			continue;
		struct planned_call *p = &out[n++];
		memset(p, 0, sizeof *p);
		p->step = i;
		p->nominal = nominal;
		p->due = rules_next_work_day(cfg, nominal);
		p->window_end = p->due + (s->window_days > 0 ? s->window_days : 0);
		str_copy(p->team, sizeof p->team, s->team);
		dur_format(s->offset, p->offset);
		p->priority = s->priority;
		char key[2 * HF_NAME_MAX];
		if (!str_empty(s->script))
			str_copy(key, sizeof key, s->script);
		else if (tr && tr->has_curve && kind == VISIT_SURGERY)
			snprintf(key, sizeof key, "treatment:%s.%s", tr->name, p->offset);
		else
			snprintf(key, sizeof key, "%s.%s", visit_kind_code(kind), p->offset);
		str_copy(p->script, sizeof p->script, key);
	}
	return n;
}

/* ---- risk words, breach, consultant release ------------------------------------------- */

/* Length of w when it is written at p (ASCII letters in either case), else 0. UTF-8 is
 * self-synchronising, so a Chinese word can only match at a character boundary. */
static size_t match_at(const char *p, const char *w)
{
	size_t k = 0;
	for (; w[k]; k++) {
		unsigned char a = (unsigned char)p[k], b = (unsigned char)w[k];
		if (!a)
			return 0;
		if (a >= 'A' && a <= 'Z')
			a = (unsigned char)(a - 'A' + 'a');
		if (b >= 'A' && b <= 'Z')
			b = (unsigned char)(b - 'A' + 'a');
		if (a != b)
			return 0;
	}
	return k;
}

/* The longest word of list written at p and at most max bytes long, 0 when none. */
static size_t list_at_most(const char (*list)[HF_NAME_MAX], int n, const char *p, size_t max)
{
	size_t best = 0;
	for (int i = 0; i < n; i++) {
		size_t len = list[i][0] ? match_at(p, list[i]) : 0;
		if (len > best && len <= max)
			best = len;
	}
	return best;
}

static size_t list_at(const char (*list)[HF_NAME_MAX], int n, const char *p)
{
	return list_at_most(list, n, p, (size_t)-1);
}

/* Punctuation that ends a clause, and what joins a list ("发热、胸闷和出血"). */
static const char *const clause_ends[] = {
	"\xe3\x80\x82" /* 。 */, "\xef\xbc\x8c" /* ， */, "\xef\xbc\x9b" /* ； */,
	"\xef\xbc\x81" /* ！ */, "\xef\xbc\x9f" /* ？ */, "\xef\xbc\x9a" /* ： */,
	"\xe2\x80\xa6" /* … */, ",", ".", ";", "!", "?", ":", "\n",
};
static const char *const list_joins[] = {
	"\xe3\x80\x81" /* 、 */, "\xe5\x92\x8c" /* 和 */, "\xe5\x8f\x8a" /* 及 */,
	"\xe4\xb8\x8e" /* 与 */, "\xe6\x88\x96" /* 或 */, "/", " ",
};

static size_t table_at(const char *const *v, size_t n, const char *p)
{
	for (size_t i = 0; i < n; i++)
		if (match_at(p, v[i]))
			return strlen(v[i]);
	return 0;
}

static size_t next_char(const char *s, size_t at)
{
	at++;
	while (((unsigned char)s[at] & 0xC0) == 0x80)
		at++;
	return at;
}

/* A word of the note the negation logic reaches over: a risk or relief word. */
static size_t symptom_at(const struct hf_config *cfg, const char *p)
{
	size_t a = list_at(cfg->risk_words, cfg->nrisk_words, p);
	size_t b = list_at(cfg->relief_words, cfg->nrelief_words, p);
	return a > b ? a : b;
}

/* Characters from `from` to `to` that separate a cue from its word: other symptoms and list
 * joins do not count ("否认发热、胸闷"). */
static int gap_chars(const struct hf_config *cfg, const char *note, size_t from, size_t to)
{
	int n = 0;
	for (size_t p = from; p < to;) {
		size_t len = symptom_at(cfg, note + p);
		if (!len || p + len > to)
			len = table_at(list_joins, sizeof list_joins / sizeof *list_joins, note + p);
		if (len && p + len <= to) {
			p += len;
			continue;
		}
		n++;
		p = next_char(note, p);
	}
	return n;
}

/* Is the cue at [q, e) kept from negating a word at `at` by a pseudo-negation or scope end
 * that overlaps the cue or lies between it and the word (and ends before the word: "不过敏"
 * is still a negated 过敏)? */
static bool cue_blocked(const struct hf_config *cfg, const char *note, size_t from, size_t q,
                        size_t at)
{
	for (size_t r = from; r < at; r = next_char(note, r)) {
		size_t a = list_at(cfg->pseudo_negations, cfg->npseudo_negations, note + r);
		size_t b = list_at(cfg->negation_ends, cfg->nnegation_ends, note + r);
		for (int k = 0; k < 2; k++) {
			size_t len = k ? b : a;
			if (len && r + len <= at && r + len > q)
				return true;
		}
	}
	return false;
}

/* Where the negation cue that governs the word at `at` starts, or -1 when it is not negated
 * (NegEx: a cue of the same clause shortly before it). */
static long negated_by(const struct hf_config *cfg, const char *note, size_t at)
{
	size_t clause = 0;
	for (size_t p = 0; p < at; p = next_char(note, p)) {
		size_t len = table_at(clause_ends, sizeof clause_ends / sizeof *clause_ends, note + p);
		if (len && p + len <= at)
			clause = p + len;
	}
	for (size_t q = clause; q < at; q = next_char(note, q)) {
		/* A shorter cue may fit where the longest runs into the word. */
		size_t len = list_at_most(cfg->negations, cfg->nnegations, note + q, at - q);
		if (!len)
			continue;
		if (gap_chars(cfg, note, q + len, at) <= cfg->negation_window &&
		    !cue_blocked(cfg, note, clause, q, at))
			return (long)q;
	}
	return -1;
}

/* The configured risk word written at p (the longest), or NULL. */
static const char *risk_at(const struct hf_config *cfg, const char *p)
{
	const char *w = NULL;
	for (int i = 0; i < cfg->nrisk_words; i++)
		if (cfg->risk_words[i][0] && match_at(p, cfg->risk_words[i]) &&
		    (!w || strlen(cfg->risk_words[i]) > strlen(w)))
			w = cfg->risk_words[i];
	return w;
}

bool rules_risk_word(const struct hf_config *cfg, const char *note, char *out, size_t size)
{
	if (size)
		out[0] = 0;
	if (str_empty(note))
		return false;
	size_t best_at = 0, best_len = 0;
	const char *best_word = NULL;
	for (size_t p = 0; note[p]; p = next_char(note, p)) {
		/* A risk word not negated (named as configured), or a relief word negated (named
		 * with its cue as written: "没退烧"). */
		const char *word = risk_at(cfg, note + p);
		size_t from = p, len = word ? strlen(word) : 0;
		if (len && negated_by(cfg, note, p) >= 0)
			len = 0, word = NULL;
		if (!len) {
			size_t rl = list_at(cfg->relief_words, cfg->nrelief_words, note + p);
			long q = rl ? negated_by(cfg, note, p) : -1;
			if (q >= 0) {
				from = (size_t)q;
				len = p + rl - from;
			}
		}
		/* The one met first in the note; at one place the longer says more. */
		if (len && (!best_len || from < best_at || (from == best_at && len > best_len))) {
			best_at = from;
			best_len = len;
			best_word = word;
		}
	}
	if (!best_len)
		return false;
	if (best_word) {
		str_copy(out, size, best_word);
	} else {
		char *text = xstrndup(note + best_at, best_len);
		str_copy(out, size, text);
		free(text);
	}
	return true;
}

bool rules_breached(enum hf_esc_status status, hf_stamp sla_due, hf_stamp now)
{
	return status == ESC_OPEN && sla_due != HF_NO_STAMP && now > sla_due;
}

bool rules_release_consultant(const struct hf_config *cfg, const struct rules_customer *cust,
                              hf_date last_visit, hf_date today)
{
	int d;
	date_to_ymd(today, NULL, NULL, &d);
	if (d != 1 || str_empty(cust->consultant) || cfg->consultant_release_months <= 0)
		return false;
	return last_visit == HF_NO_DATE ||
	       date_add_months(last_visit, cfg->consultant_release_months) <= today;
}

/* ---- the working set ------------------------------------------------------------------ */

void work_init(struct work *w, const struct hf_task_rec *tasks, size_t n)
{
	w->v = NULL;
	w->n = w->cap = 0;
	for (size_t i = 0; i < n; i++) {
		size_t k = work_add(w, &tasks[i]);
		w->v[k].is_new = false;
		w->v[k].orig = tasks[i];
	}
}

void work_free(struct work *w)
{
	free(w->v);
	w->v = NULL;
	w->n = w->cap = 0;
}

size_t work_add(struct work *w, const struct hf_task_rec *t)
{
	w->v = xgrow(w->v, w->n, &w->cap, sizeof *w->v);
	struct work_task *x = &w->v[w->n];
	memset(x, 0, sizeof *x);
	x->t = *t;
	x->is_new = true;
	x->carrier = -1;
	x->dec = -1;
	return w->n++;
}

long work_find(const struct work *w, hf_id id)
{
	for (size_t i = 0; id && i < w->n; i++)
		if (!w->v[i].is_new && w->v[i].t.id == id)
			return (long)i;
	return -1;
}

/* Is task k merged into task c? */
static bool merged_into(const struct work *w, size_t k, size_t c)
{
	const struct work_task *x = &w->v[k];
	if (k == c || x->t.status != TASK_MERGED)
		return false;
	if (x->carrier >= 0)
		return (size_t)x->carrier == c;
	return !w->v[c].is_new && w->v[c].t.id != 0 && x->t.merged_into == w->v[c].t.id;
}

static void point_at(struct work *w, size_t k, size_t c)
{
	if (w->v[c].is_new) {
		w->v[k].t.merged_into = 0;
		w->v[k].carrier = (int)c;
	} else {
		w->v[k].t.merged_into = w->v[c].t.id;
		w->v[k].carrier = -1;
	}
}

int work_close(struct work *w, size_t i, enum hf_task_status status)
{
	int reopened = 0;
	if (status == TASK_CANCELLED || status == TASK_MISSED) {
		for (size_t k = 0; k < w->n; k++) {
			if (!merged_into(w, k, i))
				continue;
			w->v[k].t.status = TASK_OPEN;
			w->v[k].t.merged_into = 0;
			w->v[k].carrier = -1;
			reopened++;
		}
	}
	w->v[i].t.status = status;
	return reopened;
}

/* Order of calls: earlier day first; on one day a call at an agreed time before one that may
 * happen any time; then tasks that exist already, higher priority, lower id. */
static int call_order(const struct work *w, size_t a, size_t b)
{
	const struct hf_task_rec *x = &w->v[a].t, *y = &w->v[b].t;
	if (x->due != y->due)
		return x->due < y->due ? -1 : 1;
	int mx = x->due_minute >= 0 ? x->due_minute : 1440, my = y->due_minute >= 0 ? y->due_minute : 1440;
	if (mx != my)
		return mx < my ? -1 : 1;
	if (w->v[a].is_new != w->v[b].is_new)
		return w->v[a].is_new ? 1 : -1;
	if (x->priority != y->priority)
		return x->priority > y->priority ? -1 : 1;
	if (x->id != y->id)
		return x->id < y->id ? -1 : 1;
	return a < b ? -1 : a > b;
}

int work_cap(const struct hf_config *cfg, struct work *w)
{
	int cap = cfg->contact_cap_days;
	if (cap <= 0 || w->n < 2)
		return 0;
	size_t *idx = xcalloc(w->n, sizeof *idx);
	size_t m = 0;
	for (size_t i = 0; i < w->n; i++) {
		const struct hf_task_rec *t = &w->v[i].t;
		/* A data fix is office work, not a call to the customer. */
		if (t->status == TASK_OPEN && t->kind != TASK_DATAFIX && t->due != HF_NO_DATE)
			idx[m++] = i;
	}
	for (size_t i = 1; i < m; i++) /* insertion sort: a customer has a handful of tasks */
		for (size_t j = i; j > 0 && call_order(w, idx[j - 1], idx[j]) > 0; j--) {
			size_t tmp = idx[j];
			idx[j] = idx[j - 1];
			idx[j - 1] = tmp;
		}
	int merged = 0;
	for (size_t i = 0; i < m;) {
		size_t c = idx[i], j = i + 1;
		for (; j < m && w->v[idx[j]].t.due - w->v[c].t.due < cap; j++) {
			size_t x = idx[j];
			/* What was merged into x follows x into c, so every reason hangs off the call. */
			for (size_t k = 0; k < w->n; k++)
				if (merged_into(w, k, x))
					point_at(w, k, c);
			w->v[x].t.status = TASK_MERGED;
			point_at(w, x, c);
			merged++;
		}
		i = j;
	}
	free(idx);
	return merged;
}

static bool task_changed(const struct work_task *x)
{
	const struct hf_task_rec *a = &x->t, *b = &x->orig;
	return x->carrier >= 0 || a->status != b->status || a->due != b->due ||
	       a->due_minute != b->due_minute || a->window_end != b->window_end ||
	       a->attempts != b->attempts || strcmp(a->owner, b->owner) != 0 ||
	       a->merged_into != b->merged_into;
}

void work_emit(struct work *w, struct decisions *out)
{
	for (size_t i = 0; i < w->n; i++) {
		struct work_task *x = &w->v[i];
		if (!x->is_new && x->carrier < 0 && task_changed(x))
			decisions_push(out, DEC_UPDATE_TASK)->task = x->t;
	}
	/* Carriers are open, so they are created before whatever points at them. */
	for (int pass = 0; pass < 2; pass++)
		for (size_t i = 0; i < w->n; i++) {
			struct work_task *x = &w->v[i];
			if (!x->is_new || (pass == 0) != (x->carrier < 0))
				continue;
			struct decision *d = decisions_push(out, DEC_CREATE_TASK);
			d->task = x->t;
			d->task.id = 0;
			if (x->carrier >= 0)
				d->carrier = w->v[x->carrier].dec;
			x->dec = (int)(out->n - 1);
		}
	for (size_t i = 0; i < w->n; i++) {
		struct work_task *x = &w->v[i];
		if (!x->is_new && x->carrier >= 0) {
			struct decision *d = decisions_push(out, DEC_UPDATE_TASK);
			d->task = x->t;
			d->carrier = w->v[x->carrier].dec;
		}
	}
}
