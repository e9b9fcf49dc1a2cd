/* service-apply.c — the rules' facts read from the store, and their decisions written as records. */
#include <stdlib.h>
#include <string.h>

#include "huifang/service.h"
#include "huifang/str.h"

enum store_found svc_facts_read(struct store *st, hf_id customer, struct customer_facts *f)
{
	memset(f, 0, sizeof *f);
	struct hf_customer c;
	enum store_found found = store_customer_get(st, customer, &c);
	if (found != STORE_FOUND)
		return found;
	f->cust.id = c.id;
	str_copy(f->cust.consultant, sizeof f->cust.consultant, c.consultant);
	f->cust.birthday = c.birthday;
	f->cust.do_not_call = c.do_not_call;
	f->cust.phone_invalid = c.phone_invalid;
	f->cust.last_score = store_last_score(st, customer);
	f->value = c.value;
	struct hf_visit *hv;
	if (f->cust.last_score < 0 || !store_visits(st, customer, &hv, &f->nvisits))
		return STORE_ERROR;
	f->visits = f->nvisits ? xcalloc(f->nvisits, sizeof *f->visits) : NULL;
	for (size_t i = 0; i < f->nvisits; i++) {
		struct rules_visit *rv = &f->visits[i];
		rv->id = hv[i].id;
		rv->date = hv[i].date;
		rv->kind = hv[i].kind;
		str_copy(rv->treatment, sizeof rv->treatment, hv[i].treatment);
		str_copy(rv->team, sizeof rv->team, hv[i].team);
		rv->course_end = hv[i].course_end;
		rv->amount = hv[i].amount;
	}
	free(hv);
	if (!store_customer_tasks(st, customer, &f->tasks, &f->ntasks)) {
		svc_facts_free(f);
		return STORE_ERROR;
	}
	return STORE_FOUND;
}

void svc_facts_free(struct customer_facts *f)
{
	free(f->visits);
	free(f->tasks);
	memset(f, 0, sizeof *f);
}

bool svc_apply(struct store *st, hf_id customer, hf_id task_id, hf_id call_id, const char *actor,
               hf_stamp now, const struct decisions *d)
{
	/* A contact-cap merge may point at a task created earlier in this same list (carrier). */
	hf_id *created = d->n ? xcalloc(d->n, sizeof *created) : NULL;
	bool ok = true;
	for (size_t i = 0; ok && i < d->n; i++) {
		const struct decision *dec = &d->v[i];
		struct hf_task_rec t = dec->task;
		if ((dec->kind == DEC_CREATE_TASK || dec->kind == DEC_UPDATE_TASK) && dec->carrier >= 0 &&
		    (size_t)dec->carrier < i)
			t.merged_into = created[dec->carrier];
		switch (dec->kind) {
		case DEC_CREATE_TASK:
			created[i] = store_task_insert(st, customer, &t, now);
			ok = created[i] != 0;
			break;
		case DEC_UPDATE_TASK:
			ok = store_task_update(st, &t, t.id == task_id, now);
			break;
		case DEC_SET_CUSTOMER:
			if (dec->flag_do_not_call)
				ok = store_customer_flag(st, customer, CUSTOMER_DO_NOT_CALL, true);
			if (ok && dec->flag_phone_invalid)
				ok = store_customer_flag(st, customer, CUSTOMER_PHONE_INVALID, true);
			break;
		case DEC_ESCALATE: {
			struct hf_escalation e = {0};
			e.call_id = call_id;
			e.customer_id = customer;
			e.task_id = t.id ? t.id : task_id;
			e.severity = dec->severity;
			e.reason = dec->reason;
			e.sla_due = now + (hf_stamp)dec->sla_hours * 60;
			str_copy(e.raised_by, sizeof e.raised_by, actor);
			e.raised_at = now;
			ok = store_escalation_add(st, &e) != 0;
			break;
		}
		case DEC_NOTICE:
			break;
		}
	}
	free(created);
	return ok;
}
