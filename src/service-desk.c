/* service-desk.c — the supervisor's desk beyond escalations: reassigning tasks. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "huifang/date.h"
#include "huifang/i18n.h"
#include "huifang/report.h"
#include "service-int.h"

/* Far enough ahead that a queue up to it holds every open task of an owner. */
#define ALL_DAYS 3660

int svc_reassign(struct hf_ctx *ctx, const hf_id *ids, size_t n, const char *from, const char *to,
                 size_t *moved, char *err, size_t errlen)
{
	*moved = 0;
	int rc = svc_require(ctx, ROLE_SUPERVISOR, err, errlen);
	if (rc != HF_OK)
		return rc;
	if ((n > 0) == !str_empty(from))
		return errf(err, errlen, _("reassign: name the tasks, or --from LOGIN for all of an "
		                           "operator's open tasks")), HF_EUSAGE;
	if (!store_begin(ctx->st))
		return errf(err, errlen, "%s", store_errmsg(ctx->st)), HF_EFAIL;
	struct hf_user u;
	enum store_found found = to && *to ? store_user_get(ctx->st, to, &u) : STORE_FOUND;
	if (found != STORE_FOUND || (to && *to && !u.active)) {
		if (found == STORE_ERROR)
			errf(err, errlen, "%s", store_errmsg(ctx->st));
		else
			errf(err, errlen, _("--to: %s is not an active user"), to);
		store_rollback(ctx->st);
		return found == STORE_ERROR ? HF_EFAIL : HF_EUSAGE;
	}
	/* The tasks: those named, or every open task the operator owns. */
	struct hf_task *tasks = NULL;
	size_t nt = 0;
	if (from && *from) {
		struct queue_filter f = {.scope = SCOPE_USER, .login = from, .day = stamp_date(ctx->now) + ALL_DAYS};
		if (!store_queue(ctx->st, &f, &tasks, &nt)) {
			errf(err, errlen, "%s", store_errmsg(ctx->st));
			store_rollback(ctx->st);
			return HF_EFAIL;
		}
	} else {
		tasks = xcalloc(n, sizeof *tasks);
		for (size_t i = 0; i < n && rc == HF_OK; i++, nt++)
			rc = svc_task_get(ctx, ids[i], &tasks[i], err, errlen);
	}
	for (size_t i = 0; i < nt && rc == HF_OK; i++) {
		if (tasks[i].t.status != TASK_OPEN)
			rc = (errf(err, errlen, _("task %lld is %s, not open"), (long long)tasks[i].t.id,
			           task_status_label(tasks[i].t.status)), HF_EUSAGE);
		else
			rc = svc_check_claim(ctx, &tasks[i], err, errlen);
	}
	bool ok = rc == HF_OK;
	char detail[2 * HF_NAME_MAX + 16];
	for (size_t i = 0; ok && i < nt; i++) {
		snprintf(detail, sizeof detail, "owner=%s to=%s", tasks[i].t.owner, to ? to : "");
		ok = store_task_owner(ctx->st, tasks[i].t.id, to ? to : "", ctx->now) &&
		     store_audit(ctx->st, ctx->login, ctx->now, "reassign", "task", tasks[i].t.id, detail);
	}
	free(tasks);
	if (rc != HF_OK) {
		store_rollback(ctx->st);
		return rc;
	}
	if (!ok || !store_commit(ctx->st)) {
		errf(err, errlen, "%s", store_errmsg(ctx->st));
		store_rollback(ctx->st);
		return HF_EFAIL;
	}
	*moved = nt;
	return HF_OK;
}

static bool report_task_call(const void *rec, void *arg)
{
	report_add_task_call(arg, rec);
	return true;
}

static bool report_task(const void *rec, void *arg)
{
	report_add_task(arg, rec);
	return true;
}

static bool report_call(const void *rec, void *arg)
{
	report_add_call(arg, rec);
	return true;
}

static bool report_escalation(const void *rec, void *arg)
{
	report_add_escalation(arg, rec);
	return true;
}

int svc_report(struct hf_ctx *ctx, enum report_kind kind, hf_date day, const char *team,
               enum report_by by, struct report *out, char *err, size_t errlen)
{
	memset(out, 0, sizeof *out);
	int rc = svc_require(ctx, ROLE_SUPERVISOR, err, errlen);
	if (rc != HF_OK)
		return rc;
	if (team && !config_team(&ctx->cfg, team))
		return errf(err, errlen, _("--team: unknown team \"%s\""), team), HF_EUSAGE;
	hf_date from, to;
	report_period(kind, day, &from, &to);
	struct hf_user *users = NULL;
	size_t nusers = 0;
	enum report_facet facet = by == REPORT_BY_DOCTOR      ? FACET_DOCTOR
	                        : by == REPORT_BY_TREATMENT ? FACET_TREATMENT
	                        : by == REPORT_BY_SEGMENT   ? FACET_SEGMENT
	                                                    : FACET_NONE;
	/* One read transaction: every figure sees the same database, and operators go on logging
	 * meanwhile. The facts are counted as they are read (a month of a chain's calls is hundreds
	 * of thousands); the calls of the period's tasks first, as the tasks are counted with them. */
	bool ok = store_read_begin(ctx->st) && store_users(ctx->st, &users, &nusers);
	if (ok) {
		report_begin(out, &ctx->cfg, kind, by, from, to, users, nusers, team);
		ok = store_report_task_calls(ctx->st, from, to, facet, report_task_call, out) &&
		     store_report_tasks(ctx->st, from, to, facet, report_task, out) &&
		     store_report_calls(ctx->st, from, to, facet, report_call, out) &&
		     store_report_escalations(ctx->st, from, to, facet, report_escalation, out);
	}
	if (!ok)
		errf(err, errlen, "%s", store_errmsg(ctx->st));
	store_read_end(ctx->st);
	if (ok)
		report_end(out);
	else
		report_free(out);
	free(users);
	return ok ? HF_OK : HF_EFAIL;
}

const char *svc_managed_team(const struct hf_ctx *ctx)
{
	return ctx->me.role == ROLE_SUPERVISOR && !str_empty(ctx->me.team) &&
	       config_team(&ctx->cfg, ctx->me.team) ? ctx->me.team : NULL;
}

static int cmp_team_day(const void *a, const void *b)
{
	const struct team_day *x = a, *y = b;
	int c = strcmp(x->team, y->team);
	return c ? c : strcmp(x->login, y->login);
}

int svc_team_day(struct hf_ctx *ctx, hf_date day, struct team_day **rows, size_t *n, char *err,
                 size_t errlen)
{
	*rows = NULL;
	*n = 0;
	const char *team = svc_managed_team(ctx);
	struct report r;
	int rc = svc_report(ctx, REPORT_TEAM, day, team, REPORT_BY_STAFF, &r, err, errlen);
	if (rc != HF_OK)
		return rc;
	struct hf_user *users = NULL;
	size_t nusers = 0;
	if (!store_users(ctx->st, &users, &nusers)) {
		report_free(&r);
		return errf(err, errlen, "%s", store_errmsg(ctx->st)), HF_EFAIL;
	}
	struct team_day *v = xcalloc(nusers + 1, sizeof *v);
	size_t k = 0;
	for (size_t i = 0; i < nusers; i++) {
		const struct hf_user *u = &users[i];
		const struct report_figures *g = NULL;
		for (size_t j = 1; j < r.ngroups && !g; j++)
			if (r.groups[j].scope == REPORT_OF_OPERATOR && str_eq(r.groups[j].name, u->login))
				g = &r.groups[j];
		/* The team's operators, and whoever worked its tasks that day. */
		bool ours = u->active && u->role == ROLE_OPERATOR && (!team || str_eq(u->team, team));
		if (!ours && !g)
			continue;
		str_copy(v[k].login, sizeof v[k].login, u->login);
		str_copy(v[k].name, sizeof v[k].name, str_empty(u->name) ? u->login : u->name);
		str_copy(v[k].team, sizeof v[k].team, u->team);
		if (g)
			v[k].f = *g;
		v[k].f.scope = REPORT_OF_OPERATOR;
		str_copy(v[k].f.name, sizeof v[k].f.name, u->login);
		k++;
	}
	qsort(v, k, sizeof *v, cmp_team_day);
	str_copy(v[k].team, sizeof v[k].team, team ? team : "");
	v[k].f = r.groups[0];
	k++;
	free(users);
	report_free(&r);
	*rows = v;
	*n = k;
	return HF_OK;
}

int svc_operator_day(struct hf_ctx *ctx, const char *login, hf_date day, struct hf_task **out,
                     size_t *n, char *err, size_t errlen)
{
	*out = NULL;
	*n = 0;
	int rc = svc_require(ctx, ROLE_SUPERVISOR, err, errlen);
	if (rc != HF_OK)
		return rc;
	if (!store_day_tasks(ctx->st, login, day, out, n))
		return errf(err, errlen, "%s", store_errmsg(ctx->st)), HF_EFAIL;
	return HF_OK;
}

int svc_release_customer(struct hf_ctx *ctx, hf_id customer, const char *to, size_t *moved,
                         char *err, size_t errlen)
{
	*moved = 0;
	int rc = svc_require(ctx, ROLE_SUPERVISOR, err, errlen);
	if (rc != HF_OK)
		return rc;
	if (!store_begin(ctx->st))
		return errf(err, errlen, "%s", store_errmsg(ctx->st)), HF_EFAIL;
	struct hf_user u;
	struct hf_customer c;
	enum store_found fu = str_empty(to) ? STORE_NONE : store_user_get(ctx->st, to, &u);
	enum store_found fc = store_customer_get(ctx->st, customer, &c);
	if (fu == STORE_ERROR || fc == STORE_ERROR)
		rc = (errf(err, errlen, "%s", store_errmsg(ctx->st)), HF_EFAIL);
	else if (fu != STORE_FOUND || !u.active)
		rc = (errf(err, errlen, _("%s is not an active user"), to ? to : ""), HF_EUSAGE);
	else if (fc != STORE_FOUND)
		rc = (errf(err, errlen, _("no customer %lld"), (long long)customer), HF_EUSAGE);
	else if (str_eq(c.consultant, to))
		rc = (errf(err, errlen, _("%s is already the customer's consultant"), to), HF_EUSAGE);
	if (rc != HF_OK) {
		store_rollback(ctx->st);
		return rc;
	}
	/* The customer and the open calls the old consultant was to make go to the new one. */
	char old[HF_NAME_MAX];
	str_copy(old, sizeof old, c.consultant);
	str_copy(c.consultant, sizeof c.consultant, to);
	struct hf_task_rec *tasks = NULL;
	size_t nt = 0;
	bool ok = store_customer_update(ctx->st, &c) &&
	          store_customer_tasks(ctx->st, customer, &tasks, &nt);
	size_t n = 0;
	for (size_t i = 0; ok && i < nt; i++)
		if (tasks[i].status == TASK_OPEN && !str_empty(old) && str_eq(tasks[i].owner, old)) {
			ok = store_task_owner(ctx->st, tasks[i].id, to, ctx->now);
			n++;
		}
	free(tasks);
	char detail[2 * HF_NAME_MAX + 48];
	snprintf(detail, sizeof detail, "consultant=%s to=%s tasks=%zu", old, to, n);
	ok = ok && store_audit(ctx->st, ctx->login, ctx->now, "release", "customer", customer, detail) &&
	     store_commit(ctx->st);
	if (!ok) {
		errf(err, errlen, "%s", store_errmsg(ctx->st));
		store_rollback(ctx->st);
		return HF_EFAIL;
	}
	*moved = n;
	return HF_OK;
}
