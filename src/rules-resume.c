/* rules-resume.c — what comes back when what stopped a customer's calls is gone: a fixed phone,
 * a lifted do-not-call. */
#include <string.h>

#include "huifang/str.h"
#include "rules-int.h"

/* A call coming back: open again; one whose day has passed is due the next working day and
 * callable for as long as its window was (at least extra_window_days). */
static void bring_back(const struct hf_config *cfg, struct hf_task_rec *t, hf_date today)
{
	int keep = t->due != HF_NO_DATE && t->window_end != HF_NO_DATE && t->window_end > t->due
	                   ? t->window_end - t->due : 0;
	if (keep < cfg->extra_window_days)
		keep = cfg->extra_window_days;
	t->status = TASK_OPEN;
	t->merged_into = 0;
	if (t->due == HF_NO_DATE || t->due < today) {
		t->due = rules_next_work_day(cfg, today);
		t->due_minute = -1;
	}
	if (t->window_end == HF_NO_DATE || t->window_end < t->due + keep)
		t->window_end = t->due + keep;
}

/* The data fixes are done; the calls a wrong number closed (the tasks the data fixes name) come
 * back unless the customer refused calls meanwhile. */
static void phone_fixed(const struct hf_config *cfg, struct work *w, hf_date today, bool reopen)
{
	size_t n = w->n;
	for (size_t i = 0; i < n; i++) {
		struct hf_task_rec *fix = &w->v[i].t;
		if (fix->kind != TASK_DATAFIX)
			continue;
		for (int k = 0; k < fix->origin.n; k++) {
			const struct hf_why_part *p = &fix->origin.part[k];
			long c = p->code == WHY_WRONG_NUMBER ? work_find(w, p->task) : -1;
			if (reopen && c >= 0 && w->v[c].t.status == TASK_CLOSED && w->v[c].t.kind != TASK_DATAFIX)
				bring_back(cfg, &w->v[c].t, today);
		}
		if (fix->status == TASK_OPEN)
			work_close(w, i, TASK_DONE);
	}
}

/* Of each visit's curve, the steps cancelled after its last step that was not: those still
 * ahead open again as they were; of those that fell due meanwhile, the latest (the step the
 * customer is at now). */
static void dnc_lifted(const struct hf_config *cfg, const struct rules_visit *visits,
                       size_t nvisits, struct work *w, hf_date today)
{
	for (size_t v = 0; v < nvisits; v++) {
		int kept = -1;
		for (size_t i = 0; i < w->n; i++) {
			const struct hf_task_rec *t = &w->v[i].t;
			if (t->visit_id == visits[v].id && t->step >= 0 && t->status != TASK_CANCELLED &&
			    t->step > kept)
				kept = t->step;
		}
		long due = -1;
		for (size_t i = 0; i < w->n; i++) {
			struct hf_task_rec *t = &w->v[i].t;
			if (t->visit_id != visits[v].id || t->step <= kept || t->status != TASK_CANCELLED)
				continue;
			if (t->due != HF_NO_DATE && t->due >= today)
				bring_back(cfg, t, today);
			else if (due < 0 || t->step > w->v[due].t.step)
				due = (long)i;
		}
		if (due >= 0)
			bring_back(cfg, &w->v[due].t, today);
	}
}

void rules_resume_customer(const struct hf_config *cfg, const struct rules_customer *cust,
                           const struct rules_visit *visits, size_t nvisits,
                           const struct hf_task_rec *tasks, size_t ntasks,
                           enum resume_reason why, hf_stamp now, struct decisions *out)
{
	hf_date today = stamp_date(now);
	struct work w;
	work_init(&w, tasks, ntasks);
	if (why == RESUME_PHONE_FIXED)
		phone_fixed(cfg, &w, today, !cust->do_not_call);
	else if (!cust->do_not_call)
		dnc_lifted(cfg, visits, nvisits, &w, today);
	if (!cust->do_not_call)
		work_cap(cfg, &w);
	work_emit(&w, out);
	work_free(&w);
}
