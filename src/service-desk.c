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

int svc_report(struct hf_ctx *ctx, enum report_kind kind, hf_date day, const char *team,
               struct report *out, char *err, size_t errlen)
{
	memset(out, 0, sizeof *out);
	int rc = svc_require(ctx, ROLE_SUPERVISOR, err, errlen);
	if (rc != HF_OK)
		return rc;
	if (team && !config_team(&ctx->cfg, team))
		return errf(err, errlen, _("--team: unknown team \"%s\""), team), HF_EUSAGE;
	hf_date from, to;
	report_period(kind, day, &from, &to);
	struct report_task *tasks = NULL;
	struct report_call *task_calls = NULL, *calls = NULL;
	struct report_escalation *escs = NULL;
	struct hf_user *users = NULL;
	struct report_input in = {0};
	/* One read transaction: every figure sees the same database. */
	bool ok = store_begin(ctx->st) &&
	          store_report_tasks(ctx->st, from, to, &tasks, &in.ntasks) &&
	          store_report_task_calls(ctx->st, from, to, &task_calls, &in.ntask_calls) &&
	          store_report_calls(ctx->st, from, to, &calls, &in.ncalls) &&
	          store_report_escalations(ctx->st, from, to, &escs, &in.nescs) &&
	          store_users(ctx->st, &users, &in.nusers);
	if (!ok)
		errf(err, errlen, "%s", store_errmsg(ctx->st));
	store_rollback(ctx->st);
	if (ok) {
		in.tasks = tasks;
		in.task_calls = task_calls;
		in.calls = calls;
		in.escs = escs;
		in.users = users;
		report_compute(&ctx->cfg, kind, from, to, &in, team, out);
	}
	free(tasks);
	free(task_calls);
	free(calls);
	free(escs);
	free(users);
	return ok ? HF_OK : HF_EFAIL;
}
