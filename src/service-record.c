/* service-record.c — fixing a customer's record: the edit, and the calls a fixed phone or a
 * lifted do-not-call brings back. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "huifang/date.h"
#include "huifang/i18n.h"
#include "huifang/utf8.h"
#include "service-int.h"

bool svc_resume(struct hf_ctx *ctx, hf_id customer, enum resume_reason why, int *resumed,
                int *fixes_done)
{
	struct customer_facts f;
	enum store_found found = svc_facts_read(ctx->st, customer, &f);
	if (found != STORE_FOUND)
		return found == STORE_NONE;
	struct decisions d;
	decisions_init(&d);
	rules_resume_customer(&ctx->cfg, &f.cust, f.visits, f.nvisits, f.tasks, f.ntasks, why,
	                      ctx->now, &d);
	bool ok = svc_apply(ctx->st, customer, 0, 0, ctx->login, ctx->now, &d);
	/* Each task that came back or was done has its own audit row. */
	for (size_t i = 0; ok && i < d.n; i++) {
		const struct hf_task_rec *t = &d.v[i].task;
		if (d.v[i].kind != DEC_UPDATE_TASK || t->id == 0)
			continue;
		char detail[96], day[16];
		const char *action = NULL;
		if (t->kind == TASK_DATAFIX && t->status == TASK_DONE) {
			action = "done";
			snprintf(detail, sizeof detail, "kind=%s reason=%s", task_kind_code(t->kind),
			         why == RESUME_PHONE_FIXED ? "phone_fixed" : "dnc_lifted");
			if (fixes_done)
				++*fixes_done;
		} else if (t->status == TASK_OPEN) {
			action = "resume";
			snprintf(detail, sizeof detail, "kind=%s step=%d due=%s reason=%s",
			         task_kind_code(t->kind), t->step, date_format(t->due, day),
			         why == RESUME_PHONE_FIXED ? "phone_fixed" : "dnc_lifted");
			if (resumed)
				++*resumed;
		}
		if (action)
			ok = store_audit(ctx->st, ctx->login, ctx->now, action, "task", t->id, detail);
	}
	decisions_free(&d);
	svc_facts_free(&f);
	return ok;
}

/* Text a person typed for a field: valid UTF-8, no control characters, short enough. */
static bool field_text(const char *field, const char *s, size_t max, char *err, size_t errlen)
{
	if (!utf8_check_text(field, s, false, err, errlen))
		return false;
	if (strlen(s) >= max)
		return errf(err, errlen, _("%s: too long (at most %zu bytes)"), field, max - 1);
	return true;
}

/* The record after the edit, checked; false with one line naming the field. */
static bool edited(struct hf_ctx *ctx, const struct hf_customer *was,
                   const struct customer_edit *e, struct hf_customer *c, char *err, size_t errlen)
{
	*c = *was;
	if (e->phone && !phone_normalize(e->phone, c->phone, sizeof c->phone))
		return errf(err, errlen, _("phone: \"%s\" is not a phone number (a mobile 1[3-9] and 9 "
		                           "more digits, or a landline with its area code, e.g. "
		                           "010-65529988)"), e->phone);
	if (e->name) {
		if (!field_text(_("name"), e->name, sizeof c->name, err, errlen))
			return false;
		if (str_empty(e->name))
			return errf(err, errlen, _("name: a customer's name cannot be empty"));
		str_copy(c->name, sizeof c->name, e->name);
	}
	if (e->gender && !str_empty(e->gender) && !gender_parse(e->gender, c->gender))
		return errf(err, errlen, _("gender: \"%s\" is not F or M"), e->gender);
	if (e->gender && str_empty(e->gender))
		c->gender[0] = 0;
	if (e->birthday) {
		c->birthday = HF_NO_DATE;
		if (!str_empty(e->birthday) && !date_parse(e->birthday, &c->birthday))
			return errf(err, errlen, _("birthday: \"%s\" is not a date (YYYY-MM-DD)"), e->birthday);
		if (c->birthday != HF_NO_DATE && c->birthday > stamp_date(ctx->now))
			return errf(err, errlen, _("birthday: %s is in the future"), e->birthday);
	}
	if (e->consultant) {
		if (!field_text(_("consultant"), e->consultant, sizeof c->consultant, err, errlen))
			return false;
		str_copy(c->consultant, sizeof c->consultant, e->consultant);
	}
	if ((e->tag && !field_text(_("tags"), e->tag, sizeof c->tags, err, errlen)) ||
	    (e->untag && !field_text(_("tags"), e->untag, sizeof c->tags, err, errlen)))
		return false;
	if ((e->tag || e->untag) && !tags_edit(c->tags, sizeof c->tags, e->tag, e->untag))
		return errf(err, errlen, _("tags: too many tags (at most %zu bytes)"), sizeof c->tags - 1);
	return true;
}

/* An operator may fix the phone of the customer whose call they hold, or whose data fix they
 * own; nothing else. 1 yes, 0 no, -1 a read failed. */
static int operator_may_fix(struct hf_ctx *ctx, hf_id customer)
{
	struct hf_task_rec *tasks;
	size_t n;
	if (!store_customer_tasks(ctx->st, customer, &tasks, &n))
		return -1;
	int may = 0;
	for (size_t i = 0; i < n && may == 0; i++) {
		if (tasks[i].status != TASK_OPEN)
			continue;
		if (tasks[i].kind == TASK_DATAFIX && str_eq(tasks[i].owner, ctx->login)) {
			may = 1;
			break;
		}
		struct hf_task t;
		enum store_found f = store_task_get(ctx->st, tasks[i].id, &t);
		if (f == STORE_ERROR)
			may = -1;
		else if (f == STORE_FOUND && str_eq(t.claimed_by, ctx->login) && t.claimed_until > ctx->now)
			may = 1;
	}
	free(tasks);
	return may;
}

/* "field=old>new" for each field that changed; phones masked as an operator sees them. */
static void describe(const struct hf_customer *a, const struct hf_customer *b, char *out,
                     size_t size)
{
	struct sbuf s;
	sbuf_init(&s);
	char x[40], y[40];
	if (strcmp(a->phone, b->phone) || a->phone_invalid != b->phone_invalid) {
		phone_mask(a->phone, false, x, sizeof x);
		phone_mask(b->phone, false, y, sizeof y);
		sbuf_printf(&s, " phone=%s>%s", x, y);
	}
	if (strcmp(a->name, b->name))
		sbuf_printf(&s, " name=%s>%s", a->name, b->name);
	if (strcmp(a->gender, b->gender))
		sbuf_printf(&s, " gender=%s>%s", a->gender, b->gender);
	if (a->birthday != b->birthday)
		sbuf_printf(&s, " birthday=%s>%s", a->birthday == HF_NO_DATE ? "" : date_format(a->birthday, x),
		            b->birthday == HF_NO_DATE ? "" : date_format(b->birthday, y));
	if (strcmp(a->consultant, b->consultant))
		sbuf_printf(&s, " consultant=%s>%s", a->consultant, b->consultant);
	if (strcmp(a->tags, b->tags))
		sbuf_printf(&s, " tags=%s>%s", a->tags, b->tags);
	str_copy(out, size, s.len ? s.s + 1 : "");
	sbuf_free(&s);
}

int svc_edit_customer(struct hf_ctx *ctx, hf_id customer, const struct customer_edit *e,
                      struct edit_result *res, char *err, size_t errlen)
{
	memset(res, 0, sizeof *res);
	if (!e->phone && !e->name && !e->gender && !e->birthday && !e->consultant && !e->tag &&
	    !e->untag)
		return errf(err, errlen, _("edit customer: nothing to change (give --phone, --name, "
		                           "--gender, --birthday, --consultant, --tag or --untag)")),
		       HF_EUSAGE;
	if (!store_begin(ctx->st))
		return errf(err, errlen, "%s", store_errmsg(ctx->st)), HF_EFAIL;
	struct hf_customer was, c;
	int rc = HF_OK;
	switch (store_customer_get(ctx->st, customer, &was)) {
	case STORE_ERROR:
		rc = HF_EFAIL;
		break;
	case STORE_NONE:
		rc = (errf(err, errlen, _("no customer %lld"), (long long)customer), HF_EUSAGE);
		break;
	case STORE_FOUND:
		if (!edited(ctx, &was, e, &c, err, errlen))
			rc = HF_EUSAGE;
		break;
	}
	if (rc == HF_OK && ctx->me.role == ROLE_OPERATOR) {
		int may = e->name || e->gender || e->birthday || e->consultant || e->tag || e->untag
		                  ? 0 : operator_may_fix(ctx, customer);
		if (may < 0)
			rc = HF_EFAIL;
		else if (!may)
			rc = (errf(err, errlen, _("not permitted: an operator fixes only the phone of the "
			                          "customer whose call they hold; a supervisor edits the rest")),
			      HF_EPERM);
	}
	/* Giving the phone vouches for it: a changed number, or the flagged one confirmed. */
	res->phone_fixed = rc == HF_OK && e->phone && (strcmp(c.phone, was.phone) || was.phone_invalid);
	if (res->phone_fixed)
		c.phone_invalid = false;
	char detail[1024];
	if (rc == HF_OK)
		describe(&was, &c, detail, sizeof detail);
	if (rc == HF_OK && !*detail) {
		store_rollback(ctx->st);
		return HF_OK; /* nothing changed: nothing written */
	}
	res->changed = rc == HF_OK;
	if (rc == HF_OK &&
	    (!store_customer_update(ctx->st, &c) ||
	     !store_audit(ctx->st, ctx->login, ctx->now, "edit", "customer", customer, detail) ||
	     (res->phone_fixed && !svc_resume(ctx, customer, RESUME_PHONE_FIXED, &res->resumed,
	                                      &res->fixes_done)) ||
	     !store_commit(ctx->st)))
		rc = HF_EFAIL;
	if (rc == HF_EFAIL && !*err)
		errf(err, errlen, "%s", store_errmsg(ctx->st));
	if (rc != HF_OK)
		store_rollback(ctx->st);
	return rc;
}
