/* service-admin.c — use cases of running the clinic: users, do-not-call, backups, audited views. */
#include <stdio.h>
#include <string.h>

#include "huifang/date.h"
#include "huifang/i18n.h"
#include "service-int.h"
#include "huifang/str.h"

/* Audit and commit the caller's transaction; on failure roll back with the store's message. */
static int finish(struct hf_ctx *ctx, const char *action, const char *entity, hf_id entity_id,
                  const char *detail, char *err, size_t errlen)
{
	if (!store_audit(ctx->st, ctx->login, ctx->now, action, entity, entity_id, detail) ||
	    !store_commit(ctx->st)) {
		errf(err, errlen, "%s", store_errmsg(ctx->st));
		store_rollback(ctx->st);
		return HF_EFAIL;
	}
	return HF_OK;
}

/* A refusal inside the transaction: roll back, keep the message. */
static int refuse(struct hf_ctx *ctx, int rc)
{
	store_rollback(ctx->st);
	return rc;
}

/* A failed read or write inside the transaction: its message, rolled back. */
static int failed(struct hf_ctx *ctx, char *err, size_t errlen)
{
	errf(err, errlen, "%s", store_errmsg(ctx->st));
	store_rollback(ctx->st);
	return HF_EFAIL;
}

static int begin(struct hf_ctx *ctx, char *err, size_t errlen)
{
	if (!store_begin(ctx->st))
		return errf(err, errlen, "%s", store_errmsg(ctx->st)), HF_EFAIL;
	return HF_OK;
}

/* Begin, and read the customer the use case is about (rolled back when it cannot be). */
static int begin_on_customer(struct hf_ctx *ctx, hf_id customer, struct hf_customer *c, char *err,
                             size_t errlen)
{
	int rc = begin(ctx, err, errlen);
	if (rc != HF_OK)
		return rc;
	switch (store_customer_get(ctx->st, customer, c)) {
	case STORE_ERROR:
		return failed(ctx, err, errlen);
	case STORE_NONE:
		errf(err, errlen, _("no customer %lld"), (long long)customer);
		return refuse(ctx, HF_EUSAGE);
	case STORE_FOUND:
		break;
	}
	return HF_OK;
}

int svc_view_customer(struct hf_ctx *ctx, hf_id customer, bool reveal, const char *where,
                      struct hf_customer *out, char *err, size_t errlen)
{
	struct hf_customer c;
	int rc = begin_on_customer(ctx, customer, &c, err, errlen);
	if (rc != HF_OK)
		return rc;
	if (ctx->me.role == ROLE_OPERATOR && !ctx->cfg.operators_read_other_teams) {
		int ours = store_customer_of_team(ctx->st, customer, ctx->me.team, ctx->login);
		if (ours < 0)
			return failed(ctx, err, errlen);
		if (!ours) {
			errf(err, errlen, _("not permitted: customer %lld is not one of team %s's customers"),
			     (long long)customer, ctx->me.team);
			return refuse(ctx, HF_EPERM);
		}
	}
	rc = finish(ctx, reveal ? "view-reveal" : "view", "customer", customer, where, err, errlen);
	if (rc == HF_OK && out)
		*out = c;
	return rc;
}

int svc_lift_dnc(struct hf_ctx *ctx, hf_id customer, const char *note, int *resumed, char *err,
                 size_t errlen)
{
	*resumed = 0;
	if (str_empty(note))
		return errf(err, errlen, _("lift-dnc: --note with the reason is required")), HF_EUSAGE;
	struct hf_customer c;
	int rc = begin_on_customer(ctx, customer, &c, err, errlen);
	if (rc != HF_OK)
		return rc;
	if (!c.do_not_call) {
		errf(err, errlen, _("customer %lld is not do-not-call"), (long long)customer);
		return refuse(ctx, HF_EUSAGE);
	}
	if (!store_customer_flag(ctx->st, customer, CUSTOMER_DO_NOT_CALL, false) ||
	    !svc_resume(ctx, customer, RESUME_DNC_LIFTED, resumed, NULL))
		return failed(ctx, err, errlen);
	return finish(ctx, "lift-dnc", "customer", customer, note, err, errlen);
}

int svc_user_put(struct hf_ctx *ctx, const char *login, enum hf_role role, const char *team,
                 const char *name, bool *existed, char *err, size_t errlen)
{
	struct hf_user u = {0}, was;
	int rc = begin(ctx, err, errlen);
	if (rc != HF_OK)
		return rc;
	enum store_found f = store_user_get(ctx->st, login, &u);
	if (f == STORE_ERROR)
		return failed(ctx, err, errlen);
	*existed = f == STORE_FOUND;
	was = u;
	str_copy(u.login, sizeof u.login, login);
	if (name)
		str_copy(u.name, sizeof u.name, name);
	else if (!*existed)
		str_copy(u.name, sizeof u.name, login);
	u.role = role;
	str_copy(u.team, sizeof u.team, team);
	u.active = true;
	if (!*existed)
		u.created = ctx->now;
	char detail[256];
	if (*existed)
		snprintf(detail, sizeof detail, "login=%s role=%s team=%s (was role=%s team=%s%s)", u.login,
		         role_code(role), team, role_code(was.role), was.team,
		         was.active ? "" : ", disabled");
	else
		snprintf(detail, sizeof detail, "login=%s role=%s team=%s", u.login, role_code(role), team);
	if (!store_user_put(ctx->st, &u))
		return failed(ctx, err, errlen);
	return finish(ctx, *existed ? "user-update" : "user-add", "user", 0, detail, err, errlen);
}

int svc_user_disable(struct hf_ctx *ctx, const char *login, char *err, size_t errlen)
{
	if (str_eq(login, ctx->login))
		return errf(err, errlen, _("user disable: you cannot disable yourself")), HF_EUSAGE;
	struct hf_user u;
	int rc = begin(ctx, err, errlen);
	if (rc != HF_OK)
		return rc;
	switch (store_user_get(ctx->st, login, &u)) {
	case STORE_ERROR:
		return failed(ctx, err, errlen);
	case STORE_NONE:
		errf(err, errlen, _("user disable: no user \"%s\""), login);
		return refuse(ctx, HF_EUSAGE);
	case STORE_FOUND:
		break;
	}
	u.active = false;
	char detail[128];
	snprintf(detail, sizeof detail, "login=%s", u.login);
	if (!store_user_put(ctx->st, &u) || !store_tasks_to_pool(ctx->st, u.login))
		return failed(ctx, err, errlen);
	return finish(ctx, "user-disable", "user", 0, detail, err, errlen);
}

int svc_backup(struct hf_ctx *ctx, const char *dest, char *err, size_t errlen)
{
	if (!store_backup(ctx->st, dest, err, errlen))
		return HF_EFAIL;
	int rc = begin(ctx, err, errlen);
	if (rc != HF_OK)
		return rc;
	return finish(ctx, "backup", "database", 0, dest, err, errlen);
}

int svc_restore(struct hf_ctx *ctx, const char *backup, bool force, long long *audit_rows,
                char *err, size_t errlen)
{
	if (!store_check_backup(backup, audit_rows, err, errlen))
		return HF_EUSAGE;
	char who[256];
	size_t held = store_claims_held(ctx->st, ctx->now, who, sizeof who);
	if (held && !force)
		return errf(err, errlen, _("%zu tasks are open in consoles (%s); restore when they are "
		                           "done, or with --force"), held, who), HF_EFAIL;
	char head[65], detail[1024];
	long long before;
	if (!store_audit_head(ctx->st, &before, head))
		return errf(err, errlen, "%s", store_errmsg(ctx->st)), HF_EFAIL;
	snprintf(detail, sizeof detail, "from=%s rows=%lld replaced_rows=%lld replaced_head=%s%s",
	         backup, *audit_rows, before, head, held ? " forced" : "");
	if (!store_restore(ctx->st, backup, err, errlen))
		return HF_EFAIL;
	/* Reopened, an older backup's schema is migrated forward (as init would). */
	store_close(ctx->st);
	ctx->st = store_open(ctx->db_path, STORE_CREATE, err, errlen);
	if (!ctx->st)
		return HF_EFAIL;
	svc_store_settings(ctx);
	int rc = begin(ctx, err, errlen);
	if (rc != HF_OK)
		return rc;
	return finish(ctx, "restore", "database", 0, detail, err, errlen);
}

/* The export's records go to fn through a counter, so the audit row has the count. */
struct export_count {
	store_each_fn fn;
	void *arg;
	long long rows;
};

static bool count_export(const void *rec, void *arg)
{
	struct export_count *c = arg;
	c->rows++;
	return c->fn(rec, c->arg);
}

int svc_export(struct hf_ctx *ctx, const char *what, store_range_fn range, hf_date from,
               hf_date to, const char *dest, store_each_fn fn, void *arg, long long *rows,
               char *err, size_t errlen)
{
	int rc = svc_require(ctx, ROLE_SUPERVISOR, err, errlen);
	if (rc != HF_OK)
		return rc;
	struct export_count c = {fn, arg, 0};
	if (!range(ctx->st, from, to, count_export, &c))
		return errf(err, errlen, "%s", store_errmsg(ctx->st)), HF_EFAIL;
	*rows = c.rows;
	char detail[1200], a[16] = "", b[16] = "";
	if (from != HF_NO_DATE)
		date_format(from, a);
	if (to != HF_NO_DATE)
		date_format(to, b);
	snprintf(detail, sizeof detail, "%s file=%s from=%s to=%s rows=%lld", what, dest, a, b, c.rows);
	if ((rc = begin(ctx, err, errlen)) != HF_OK)
		return rc;
	return finish(ctx, "export", what, 0, detail, err, errlen);
}
