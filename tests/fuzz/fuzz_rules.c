/* fuzz_rules.c — libFuzzer harness for logging an outcome (rules_check/log_outcome) and origin texts. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "huifang/config.h"
#include "huifang/date.h"
#include "huifang/rules.h"
#include "huifang/str.h"
#include "huifang/utf8.h"

#define CHECK(c) \
	do { \
		if (!(c)) { \
			fprintf(stderr, "%s:%d: invariant broken: %s\n", __FILE__, __LINE__, #c); \
			__builtin_trap(); \
		} \
	} while (0)

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define MAX_OTHERS 3

/* The built-in config, read once; each run works on its own copy. */
static struct hf_config *defaults;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc, (void)argv;
	defaults = malloc(sizeof *defaults);
	config_defaults(defaults);
	return 0;
}

/* The input read front to back; past its end every byte is 0. */
struct reader {
	const uint8_t *p;
	size_t n;
};

static unsigned byte(struct reader *r)
{
	if (r->n == 0)
		return 0;
	r->n--;
	return *r->p++;
}

static unsigned u16(struct reader *r)
{
	return byte(r) | byte(r) << 8;
}

static unsigned u24(struct reader *r)
{
	return u16(r) | byte(r) << 16;
}

static int cmp_date(const void *a, const void *b)
{
	hf_date x = *(const hf_date *)a, y = *(const hf_date *)b;
	return (x > y) - (x < y);
}

/* Calendar from the input: working days, hours and a few holidays around today. */
static void decode_calendar(struct reader *r, struct hf_config *cfg, hf_date today)
{
	unsigned mask = byte(r) & 0x7f;
	if (mask == 0)
		mask = 0x7f;
	for (int d = 1; d <= 7; d++)
		cfg->work_day[d] = mask >> (d - 1) & 1;
	unsigned h = byte(r);
	if (h & 0x80) {
		cfg->open_minute = 0;
		cfg->close_minute = 1440;
	} else {
		cfg->open_minute = (int)(h % 12) * 60 + (int)(h / 12 % 4) * 15;     /* 00:00..11:45 */
		cfg->close_minute = cfg->open_minute + 60 + (int)(byte(r) % 12) * 60; /* 1..12 h later */
	}
	int n = (int)(byte(r) % 8);
	cfg->nholidays = 0;
	for (int i = 0; i < n; i++) {
		hf_date d = today - 3 + (hf_date)(byte(r) % 40);
		bool seen = false;
		for (int k = 0; k < cfg->nholidays; k++)
			seen |= cfg->holidays[k] == d;
		if (!seen)
			cfg->holidays[cfg->nholidays++] = d;
	}
	qsort(cfg->holidays, (size_t)cfg->nholidays, sizeof cfg->holidays[0], cmp_date);
	cfg->contact_cap_days = (int)(byte(r) % 4);
}

static void decode_task(struct reader *r, struct hf_task_rec *t, hf_id id, hf_date today)
{
	task_rec_init(t);
	t->id = id;
	unsigned st = byte(r);
	t->status = st < 192 ? TASK_OPEN : (enum hf_task_status)(st % TASK_STATUS__COUNT);
	t->kind = (enum hf_task_kind)(byte(r) % TASK_KIND__COUNT);
	t->attempts = (int)(byte(r) % 5);
	t->due = today - 10 + (hf_date)(byte(r) % 30);
	unsigned m = byte(r);
	t->due_minute = m >= 128 ? -1 : (int)(m * 12 % 1440);
	unsigned w = byte(r);
	t->window_end = w >= 200 ? HF_NO_DATE : t->due + (hf_date)(w % 10);
	t->priority = (int)(byte(r) % 4);
	t->step = (int)(byte(r) % 6) - 1;
	str_copy(t->team, sizeof t->team, byte(r) & 1 ? "service" : "consultant");
	str_copy(t->owner, sizeof t->owner, byte(r) & 1 ? "lin" : "");
	str_copy(t->script, sizeof t->script, "surgery.d3");
	t->origin.n = 0;
	struct hf_why_part *o = why_add(&t->origin, WHY_CURVE);
	o->visit_kind = VISIT_SURGERY;
	o->visit_date = today - 9;
	str_copy(o->name, sizeof o->name, "隆鼻");
	str_copy(o->offset, sizeof o->offset, "+3d");
}

/* Every origin and reason the rules write reads out as valid text. */
static void check_why(const struct hf_config *cfg, const struct hf_why *w)
{
	char out[1024];
	rules_why_text(cfg, w, out, sizeof out);
	CHECK(utf8_valid(out, strlen(out)));
}

static bool valid_text(const char *s, size_t size)
{
	return memchr(s, '\0', size) != NULL && utf8_valid(s, strlen(s));
}

/* Where a call may be placed: a working day from today on, inside hours when timed. */
static void check_placed(const struct hf_config *cfg, const struct hf_task_rec *t, hf_date today,
                         hf_stamp now)
{
	CHECK(t->due != HF_NO_DATE);
	CHECK(t->due >= today);
	CHECK(config_is_work_day(cfg, t->due));
	CHECK(t->window_end != HF_NO_DATE && t->window_end >= t->due);
	if (t->due_minute >= 0) {
		CHECK(t->due_minute >= cfg->open_minute && t->due_minute < cfg->close_minute);
		CHECK(stamp_make(t->due, t->due_minute) > now);
	}
}

static void check_decisions(const struct hf_config *cfg, const struct hf_outcome *o,
                            const struct hf_task_rec *task, const struct hf_task_rec *others,
                            size_t nothers, const struct outcome_input *in, hf_stamp now,
                            const struct decisions *out)
{
	hf_date today = stamp_date(now);
	int logged = 0, escalations = 0, customer = 0;
	for (size_t i = 0; i < out->n; i++) {
		const struct decision *d = &out->v[i];
		CHECK(d->task.origin.n >= 0 && d->task.origin.n < HF_WHY_PARTS);
		CHECK(d->reason.n >= 0 && d->reason.n <= HF_WHY_PARTS);
		check_why(cfg, &d->task.origin);
		check_why(cfg, &d->reason);
		CHECK(valid_text(d->text, sizeof d->text));
		if (d->carrier >= 0)
			CHECK((size_t)d->carrier < i && out->v[d->carrier].kind == DEC_CREATE_TASK);
		switch (d->kind) {
		case DEC_CREATE_TASK:
			CHECK(d->task.id == 0);
			CHECK(!o->cancels_future);
			CHECK(d->task.status == TASK_OPEN || d->task.status == TASK_MERGED);
			check_placed(cfg, &d->task, today, now);
			break;
		case DEC_UPDATE_TASK:
			if (d->task.id == task->id) {
				logged++;
				CHECK(d->task.attempts == task->attempts + 1);
				if (o->ends_task)
					CHECK(d->task.status == (o->cancels_future || o->flags_phone ? TASK_CLOSED
					                                                            : TASK_DONE));
				if (d->task.status == TASK_OPEN) {
					CHECK(!o->ends_task);
					check_placed(cfg, &d->task, today, now);
				}
			} else {
				/* Another task changes only when the customer refuses every call, or when
				 * the contact cap joins it into one call. */
				size_t k = 0;
				while (k < nothers && others[k].id != d->task.id)
					k++;
				CHECK(k < nothers);
				CHECK(others[k].status == TASK_OPEN || others[k].status == TASK_MERGED);
				if (o->cancels_future)
					CHECK(d->task.status == TASK_CANCELLED);
				else
					CHECK(d->task.status == TASK_MERGED && cfg->contact_cap_days > 0);
			}
			break;
		case DEC_SET_CUSTOMER:
			customer++;
			CHECK(d->flag_do_not_call == o->cancels_future);
			CHECK(d->flag_phone_invalid == o->flags_phone);
			break;
		case DEC_ESCALATE:
			escalations++;
			CHECK(d->sla_hours > 0);
			CHECK(d->severity >= SEV_NORMAL && d->severity < SEV__COUNT);
			CHECK(d->reason.n > 0);
			if (o->escalate != SEV_NONE)
				CHECK(d->severity >= o->escalate);
			break;
		case DEC_NOTICE:
			CHECK(d->text[0] != '\0');
			break;
		default:
			CHECK(!"unknown decision kind");
		}
	}
	CHECK(logged == 1);
	CHECK(escalations <= 1);
	char risk[HF_RISK_MAX];
	CHECK(escalations == 1 || (o->escalate == SEV_NONE && !rules_risk_word(cfg, in->note, risk, sizeof risk) &&
	                           !(in->score > 0 && in->score <= cfg->low_score_max)));
	CHECK(customer == (o->cancels_future || o->flags_phone ? 1 : 0));
	if (o->cancels_future) {
		/* Every other open call is cancelled. */
		for (size_t k = 0; k < nothers; k++) {
			if (others[k].status != TASK_OPEN)
				continue;
			bool cancelled = false;
			for (size_t i = 0; i < out->n; i++)
				cancelled |= out->v[i].kind == DEC_UPDATE_TASK &&
				             out->v[i].task.id == others[k].id &&
				             out->v[i].task.status == TASK_CANCELLED;
			CHECK(cancelled);
		}
	}
}

static void check_origin_text(const char *raw)
{
	static const size_t sizes[] = { 1, 2, 9, 40, HF_ORIGIN_MAX };
	bool valid = utf8_valid(raw, strlen(raw));
	struct hf_why w = {0};
	str_copy(why_add(&w, WHY_TEXT)->text, HF_WHY_TEXT_MAX, raw);
	for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
		char *out = malloc(sizes[i]); /* exact size, so ASan sees any write past it */
		CHECK(rules_why_text(NULL, &w, out, sizes[i]) == out);
		CHECK(strnlen(out, sizes[i]) < sizes[i]);
		if (valid)
			CHECK(utf8_valid(out, strlen(out)));
		free(out);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *raw = malloc(size + 1);
	if (!raw)
		return 0;
	memcpy(raw, data, size);
	raw[size] = '\0';
	check_origin_text(raw);

	struct reader r = { data, size };
	struct hf_config *cfg = malloc(sizeof *cfg);
	memcpy(cfg, defaults, sizeof *cfg);

	/* Now: some day of a fortnight from Tuesday 2026-03-10, any minute. */
	hf_date today = date_from_ymd(2026, 3, 10) + (hf_date)(byte(&r) % 14);
	hf_stamp now = stamp_make(today, (int)(u16(&r) % 1440));
	decode_calendar(&r, cfg, today);

	struct outcome_input in;
	memset(&in, 0, sizeof in);
	int oi = (int)(byte(&r) % (unsigned)(cfg->noutcomes + 1));
	in.code = oi < cfg->noutcomes ? cfg->outcomes[oi].code : "no_such_outcome";
	in.score = (int)(byte(&r) % 10) - 2;
	unsigned flags = byte(&r);
	in.has_next = flags & 1;
	in.next_has_time = flags & 2;
	static const char *const complaints[] = { NULL, "", "服务态度", "no such category" };
	in.complaint = complaints[flags >> 2 & 3];
	in.callback_team = flags & 0x10 ? "service" : NULL;
	in.operator_team = flags & 0x20 ? "consultant" : "";
	in.operator_login = "lin";
	/* The next contact: from three days back to more than a year ahead. */
	long long off = (long long)(u24(&r) % (404u * 1440)) - 3 * 1440;
	in.next = now + off;
	if (!in.next_has_time)
		in.next = stamp_make(stamp_date(in.next), 0);

	struct rules_customer cust;
	memset(&cust, 0, sizeof cust);
	cust.id = 1;
	cust.birthday = HF_NO_DATE;
	unsigned c = byte(&r);
	cust.last_score = (int)(c % 6);
	str_copy(cust.consultant, sizeof cust.consultant, c & 0x40 ? "lin" : "");

	struct rules_visit visit;
	memset(&visit, 0, sizeof visit);
	unsigned v = byte(&r);
	visit.id = 7;
	visit.date = today - (hf_date)(v % 12);
	visit.kind = (enum hf_visit_kind)(v / 12 % VISIT__COUNT);
	str_copy(visit.treatment, sizeof visit.treatment, "隆鼻");
	visit.course_end = HF_NO_DATE;
	bool has_visit = v & 0x80;

	struct hf_task_rec task, others[MAX_OTHERS];
	decode_task(&r, &task, 10, today);
	if (has_visit)
		task.visit_id = visit.id;
	size_t nothers = byte(&r) % (MAX_OTHERS + 1);
	for (size_t i = 0; i < nothers; i++) {
		decode_task(&r, &others[i], 20 + (hf_id)i, today);
		if (others[i].status == TASK_MERGED)
			others[i].merged_into = task.id;
	}

	/* The rest is the operator's note. */
	char *note = malloc(r.n + 1);
	memcpy(note, r.p, r.n);
	note[r.n] = '\0';
	in.note = r.n ? note : NULL;

	char err[HF_ERRLEN];
	err[0] = '\0';
	const struct hf_outcome *o = config_outcome(cfg, in.code);
	/* The console pre-fills the proposed next contact: the check must accept it. */
	hf_stamp proposed;
	if (task.status == TASK_OPEN && rules_propose_next(cfg, &task, NULL, 0, in.code, now, &proposed, NULL)) {
		struct outcome_input p = { .code = in.code, .has_next = true, .next = proposed,
			                       .next_has_time = true, .operator_login = "lin" };
		if (!rules_check_outcome(cfg, &task, &p, now, err, sizeof err)) {
			fprintf(stderr, "proposed next contact refused: %s\n", err);
			CHECK(!"proposed next contact accepted");
		}
	}
	if (!rules_check_outcome(cfg, &task, &in, now, err, sizeof err)) {
		CHECK(err[0] != '\0' && strchr(err, '\n') == NULL);
	} else {
		/* What the check lets through is well formed. */
		CHECK(o != NULL);
		CHECK(task.status == TASK_OPEN);
		CHECK(in.score == 0 || (in.score >= 1 && in.score <= 5 && o->asks_score));
		CHECK(!o->needs_next || in.has_next);
		if (in.has_next) {
			hf_date day = stamp_date(in.next);
			CHECK(day >= today && day <= date_add_months(today, 12));
			CHECK(!o->cancels_future && !o->flags_phone);
		}
		struct decisions out;
		decisions_init(&out);
		rules_log_outcome(cfg, &cust, has_visit ? &visit : NULL, &task, others, nothers, &in, now,
		                  &out);
		check_decisions(cfg, o, &task, others, nothers, &in, now, &out);
		decisions_free(&out);
	}

	free(note);
	free(cfg);
	free(raw);
	return 0;
}
