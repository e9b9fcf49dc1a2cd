/* test_rules.h — helpers shared by the rules tests: the config, dates, a customer's world. */
#ifndef TEST_RULES_H
#define TEST_RULES_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "huifang/config.h"
#include "huifang/date.h"
#include "huifang/rules.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))
#define T(f) cmocka_unit_test_setup(f, setup_cfg)

/* Every test starts from the built-in defaults (data/huifang.conf) and changes what it needs. */
static struct hf_config cfg, base_cfg;
static bool base_loaded;

static int setup_cfg(void **state)
{
	(void)state;
	if (!base_loaded) {
		config_defaults(&base_cfg);
		base_loaded = true;
	}
	cfg = base_cfg;
	return 0;
}

static inline hf_date D(const char *s)
{
	hf_date d;
	if (!date_parse(s, &d))
		fail_msg("test date \"%s\" does not parse", s);
	return d;
}

static inline hf_stamp S(const char *s)
{
	hf_stamp t;
	if (!stamp_parse(s, &t))
		fail_msg("test stamp \"%s\" does not parse", s);
	return t;
}

static inline void str_set(char *dst, size_t size, const char *src)
{
	snprintf(dst, size, "%s", src);
}

#define assert_date(got, want) assert_date_at((got), (want), __FILE__, __LINE__)
/* An origin or reason as shown, untranslated, outcomes by code (four at a time stay valid). */
static inline const char *WHY(const struct hf_why *w)
{
	static char buf[4][1024];
	static int k;
	k = (k + 1) % 4;
	return rules_why_text(NULL, w, buf[k], sizeof buf[k]);
}

/* A text origin, for tasks whose origin the test does not look at. */
static inline void set_origin(struct hf_task_rec *t, const char *text)
{
	t->origin.n = 0;
	str_set(why_add(&t->origin, WHY_TEXT)->text, HF_WHY_TEXT_MAX, text);
}

static inline void assert_date_at(hf_date got, const char *want, const char *file, int line)
{
	char buf[16];
	if (got != D(want))
		fail_msg("%s:%d: date %s, want %s", file, line, got == HF_NO_DATE ? "none" : date_format(got, buf),
		         want);
}

#define assert_stamp(got, want) assert_stamp_at((got), (want), __FILE__, __LINE__)
static inline void assert_stamp_at(hf_stamp got, hf_stamp want, const char *file, int line)
{
	char a[20], b[20];
	if (got != want)
		fail_msg("%s:%d: time %s, want %s", file, line, got == HF_NO_STAMP ? "none" : stamp_format(got, a),
		         want == HF_NO_STAMP ? "none" : stamp_format(want, b));
}

/* Monday to Friday only. */
static inline void weekdays_only(void)
{
	for (int i = 1; i <= 7; i++)
		cfg.work_day[i] = i <= 5;
}

static inline void holiday_range(const char *first, int days)
{
	for (int i = 0; i < days; i++)
		cfg.holidays[cfg.nholidays++] = D(first) + i;
}

/* ---- decisions ------------------------------------------------------------------------ */

static inline size_t count_kind(const struct decisions *d, enum decision_kind k)
{
	size_t n = 0;
	for (size_t i = 0; i < d->n; i++)
		n += d->v[i].kind == k;
	return n;
}

/* The n-th decision of a kind (0-based), or NULL. */
static inline const struct decision *nth(const struct decisions *d, enum decision_kind k, size_t n)
{
	for (size_t i = 0; i < d->n; i++)
		if (d->v[i].kind == k && n-- == 0)
			return &d->v[i];
	return NULL;
}

static inline const struct decision *update_of(const struct decisions *d, hf_id id)
{
	for (size_t i = 0; i < d->n; i++)
		if (d->v[i].kind == DEC_UPDATE_TASK && d->v[i].task.id == id)
			return &d->v[i];
	return NULL;
}

static inline const struct decision *must(const struct decision *x, const char *what)
{
	if (!x) {
		fail_msg("no decision: %s", what);
		abort(); /* not reached: fail_msg jumps out of the test */
	}
	return x;
}

static inline bool any_notice_has(const struct decisions *d, const char *text)
{
	for (size_t i = 0; i < d->n; i++)
		if (d->v[i].kind == DEC_NOTICE && strstr(d->v[i].text, text))
			return true;
	return false;
}

static inline void describe(const struct decision *x, char *buf, size_t len)
{
	char due[16];
	switch (x->kind) {
	case DEC_CREATE_TASK:
	case DEC_UPDATE_TASK:
		snprintf(buf, len, "%s task %lld %s %s due %s step %d origin \"%s\"",
		         x->kind == DEC_CREATE_TASK ? "create" : "update", (long long)x->task.id,
		         task_kind_code(x->task.kind), task_status_code(x->task.status),
		         date_format(x->task.due, due), x->task.step, WHY(&x->task.origin));
		break;
	case DEC_SET_CUSTOMER:
		snprintf(buf, len, "set customer dnc=%d invalid=%d", x->flag_do_not_call, x->flag_phone_invalid);
		break;
	case DEC_ESCALATE:
		snprintf(buf, len, "escalate %s %dh: %s", severity_code(x->severity), x->sla_hours, WHY(&x->reason));
		break;
	case DEC_NOTICE:
		snprintf(buf, len, "notice: %s", x->text);
		break;
	}
}

/* ---- a customer's world: visits and tasks, decisions applied as the store would ------- */

#define WORLD_TASKS 1024

struct world {
	struct rules_customer cust;
	struct rules_visit visits[32];
	size_t nv;
	struct hf_task_rec tasks[WORLD_TASKS];
	size_t nt;
	hf_id next_id;
};

static inline void world_init(struct world *w)
{
	memset(w, 0, sizeof *w);
	w->cust.id = 1;
	w->cust.birthday = HF_NO_DATE;
	str_set(w->cust.consultant, sizeof w->cust.consultant, "zhang");
	w->next_id = 100;
}

static inline struct rules_visit *add_visit(struct world *w, hf_id id, enum hf_visit_kind kind,
                                            const char *date, const char *treatment)
{
	struct rules_visit *v = &w->visits[w->nv++];
	memset(v, 0, sizeof *v);
	v->id = id;
	v->kind = kind;
	v->date = D(date);
	v->course_end = HF_NO_DATE;
	str_set(v->treatment, sizeof v->treatment, treatment ? treatment : "");
	return v;
}

static inline struct hf_task_rec *add_task(struct world *w, hf_id id, enum hf_task_kind kind,
                                          const char *due, const char *window_end)
{
	struct hf_task_rec *t = &w->tasks[w->nt++];
	task_rec_init(t);
	t->id = id;
	t->kind = kind;
	t->due = D(due);
	t->window_end = window_end ? D(window_end) : t->due;
	str_set(t->team, sizeof t->team, "service");
	char origin[32];
	snprintf(origin, sizeof origin, "test task %lld", (long long)id);
	set_origin(t, origin);
	return t;
}

static inline struct hf_task_rec *task_by_id(struct world *w, hf_id id)
{
	for (size_t i = 0; i < w->nt; i++)
		if (w->tasks[i].id == id)
			return &w->tasks[i];
	return NULL;
}

/* The curve task of a visit's step. */
static inline struct hf_task_rec *step_task(struct world *w, hf_id visit, int step)
{
	for (size_t i = 0; i < w->nt; i++)
		if (w->tasks[i].visit_id == visit && w->tasks[i].step == step)
			return &w->tasks[i];
	return NULL;
}

static inline size_t count_tasks(const struct world *w, enum hf_task_kind kind, enum hf_task_status st)
{
	size_t n = 0;
	for (size_t i = 0; i < w->nt; i++)
		n += (kind == TASK_KIND_NONE || w->tasks[i].kind == kind) &&
		     (st == TASK_STATUS_NONE || w->tasks[i].status == st);
	return n;
}

/* Apply decisions as the store does: new ids in order, carriers resolved by decision index. */
static inline void apply(struct world *w, const struct decisions *d)
{
	hf_id made[4096];
	assert_true(d->n < COUNT(made));
	for (size_t i = 0; i < d->n; i++) {
		const struct decision *x = &d->v[i];
		made[i] = 0;
		struct hf_task_rec t = x->task;
		if (x->kind == DEC_CREATE_TASK || x->kind == DEC_UPDATE_TASK) {
			if (x->carrier >= 0) {
				assert_true((size_t)x->carrier < i);
				assert_int_equal(d->v[x->carrier].kind, DEC_CREATE_TASK);
				assert_int_equal(t.merged_into, 0);
				t.merged_into = made[x->carrier];
			}
			if (t.status == TASK_MERGED)
				assert_true(t.merged_into != 0);
		}
		switch (x->kind) {
		case DEC_CREATE_TASK:
			assert_int_equal(t.id, 0);
			assert_true(w->nt < WORLD_TASKS);
			assert_true(t.origin.n > 0);
			assert_true(t.team[0] != '\0');
			assert_true(t.script[0] != '\0');
			assert_true(t.due != HF_NO_DATE);
			t.id = w->next_id++;
			made[i] = t.id;
			w->tasks[w->nt++] = t;
			break;
		case DEC_UPDATE_TASK: {
			struct hf_task_rec *old = task_by_id(w, t.id);
			if (!old)
				fail_msg("update of unknown task %lld", (long long)t.id);
			*old = t;
			break;
		}
		case DEC_SET_CUSTOMER:
			w->cust.do_not_call |= x->flag_do_not_call;
			w->cust.phone_invalid |= x->flag_phone_invalid;
			break;
		default:
			break;
		}
	}
}

/* Plan the world on `now`, apply, and check that planning again decides nothing. */
static inline void plan_day(struct world *w, const char *now, struct decisions *d)
{
	d->n = 0;
	rules_plan_customer(&cfg, &w->cust, w->visits, w->nv, w->tasks, w->nt, S(now), d);
	apply(w, d);
	struct decisions again;
	decisions_init(&again);
	rules_plan_customer(&cfg, &w->cust, w->visits, w->nv, w->tasks, w->nt, S(now), &again);
	if (again.n) {
		char buf[512];
		describe(&again.v[0], buf, sizeof buf);
		fail_msg("planning %s twice decided %zu more things, first: %s", now, again.n, buf);
	}
	decisions_free(&again);
}

#endif
