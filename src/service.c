/* service.c — use cases shared by the command line and the console: one transaction each. */
#include <pwd.h>
#include <sys/stat.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "huifang/date.h"
#include "huifang/i18n.h"
#include "huifang/scripts.h"
#include "huifang/service.h"
#include "huifang/str.h"
#include "service-int.h"

bool svc_whoami(char *login, size_t size, char *err, size_t errlen)
{
	uid_t uid = getuid();
	/* root may act as another login, as `su` would let it; never a privileged run. */
	const char *as = uid == 0 ? secure_getenv("HUIFANG_AS") : NULL;
	if (!str_empty(as)) {
		str_copy(login, size, as);
		return true;
	}
	return svc_real_login(login, size, err, errlen);
}

bool svc_login_is_account(const char *login)
{
	/* Root's test and demo clinics may name logins this machine does not have (as with
	 * HUIFANG_AS); never a privileged run. */
	if (getuid() == 0 && !str_empty(secure_getenv("HUIFANG_ANY_LOGIN")))
		return true;
	return getpwnam(login) != NULL;
}

const char *svc_db_path(const char *cli_path)
{
	if (!str_empty(cli_path))
		return cli_path;
	const char *env = secure_getenv("HUIFANG_DB");
	if (!str_empty(env))
		return env;
	return "/var/lib/huifang/huifang.db";
}

int svc_setup(struct hf_ctx *ctx, const char *config_path, char *err, size_t errlen)
{
	memset(ctx, 0, sizeof *ctx);
	ctx->config_path = config_locate(config_path);
	if (ctx->config_path) {
		char *problems = NULL;
		if (config_load(&ctx->cfg, ctx->config_path, &problems) > 0) {
			/* One line: the first problem (check-config lists them all). */
			char *nl = problems ? strchr(problems, '\n') : NULL;
			if (nl)
				*nl = 0;
			errf(err, errlen, "%s", problems ? problems : ctx->config_path);
			free(problems);
			return HF_EUSAGE;
		}
		free(problems);
	} else {
		config_defaults(&ctx->cfg);
	}
	clock_set_zone(ctx->cfg.timezone);
	if (!clock_now(&ctx->now, err, errlen))
		return HF_EUSAGE;
	if (!svc_whoami(ctx->login, sizeof ctx->login, err, errlen))
		return HF_EFAIL;
	return HF_OK;
}

/* False when the user table cannot be read (the message in err). */
static bool lookup_me(struct hf_ctx *ctx, char *err, size_t errlen)
{
	enum store_found f = store_user_get(ctx->st, ctx->login, &ctx->me);
	ctx->me_known = f == STORE_FOUND && ctx->me.active;
	if (f == STORE_ERROR)
		return errf(err, errlen, "%s", store_errmsg(ctx->st));
	return true;
}

/* The real clock must not run behind the newest audit row: stamps would go out of order and a
 * clock set back could replay a day. A pinned clock (tests, demos) is the caller's choice. */
static bool clock_forward(struct hf_ctx *ctx, char *err, size_t errlen)
{
	hf_stamp last;
	if (!store_last_event(ctx->st, &last))
		return errf(err, errlen, "%s", store_errmsg(ctx->st));
	if (clock_pinned() || last == HF_NO_STAMP || ctx->now >= last)
		return true;
	char now_s[20], last_s[20];
	return errf(err, errlen,
	            _("the clock reads %s, earlier than the last recorded event at %s; nothing was "
	              "done: an administrator must set the system clock right"),
	            stamp_format(ctx->now, now_s), stamp_format(last, last_s));
}

void svc_store_settings(struct hf_ctx *ctx)
{
	store_anchor_every(ctx->st, ctx->cfg.audit_anchor_every);
	store_lock_wait(ctx->st, ctx->cfg.lock_wait_seconds);
}

int svc_open(struct hf_ctx *ctx, const char *db_path, char *err, size_t errlen)
{
	ctx->db_path = svc_db_path(db_path);
	ctx->st = store_open(ctx->db_path, STORE_EXISTING, err, errlen);
	if (!ctx->st)
		return HF_EFAIL;
	svc_store_settings(ctx);
	if (!clock_forward(ctx, err, errlen))
		return HF_EFAIL;
	return lookup_me(ctx, err, errlen) ? HF_OK : HF_EFAIL;
}

int svc_require(struct hf_ctx *ctx, enum hf_role role, char *err, size_t errlen)
{
	if (!ctx->me_known) {
		struct hf_user u;
		if (store_user_get(ctx->st, ctx->login, &u) == STORE_FOUND && !u.active) {
			errf(err, errlen, _("login %s is disabled; an admin can enable it with: "
			                    "huifang user add %s --role %s --team %s"),
			     ctx->login, ctx->login, role_code(u.role), u.team);
			return HF_EPERM;
		}
		errf(err, errlen, _("login %s is not a huifang user; an admin can add it with: "
		                    "huifang user add %s --role operator --team <team>"),
		     ctx->login, ctx->login);
		return HF_EPERM;
	}
	if (ctx->me.role < role) {
		errf(err, errlen, _("not permitted: this needs the %s role (%s is %s)"),
		     role_label(role), ctx->login, role_label(ctx->me.role));
		return HF_EPERM;
	}
	return HF_OK;
}

void svc_close(struct hf_ctx *ctx)
{
	store_close(ctx->st);
	ctx->st = NULL;
}

/* ---- init ---------------------------------------------------------------------------- */

static bool load_scripts(struct hf_ctx *ctx, char *err, size_t errlen)
{
	char dir[4096];
	if (!scripts_locate_dir(dir, sizeof dir))
		return errf(err, errlen, _("call scripts not found (looked in data/scripts beside the "
		                           "program, its PREFIX/share/huifang and %s)"), dir);
	for (const char *const *lang = scripts_langs; *lang; lang++) {
		struct script_set set = {0};
		if (!scripts_load_dir(dir, *lang, &set, err, errlen))
			return false;
		bool ok = true;
		for (size_t k = 0; ok && k < set.n; k++)
			ok = store_script_add(ctx->st, set.v[k].key, *lang, set.v[k].title, set.v[k].body);
		script_set_free(&set);
		if (!ok)
			return errf(err, errlen, "%s", store_errmsg(ctx->st));
	}
	return true;
}

bool svc_privileged(void)
{
	return getuid() != geteuid() || getgid() != getegid();
}

/* In a privileged run only root makes a clinic (and its first admin): otherwise whichever
 * login ran `init` first would own the clinic's data. */
static int first_admin_refused(struct hf_ctx *ctx, char *err, size_t errlen)
{
	errf(err, errlen, _("%s has no clinic yet; only root makes it and names its first admin: "
	                    "huifang init --admin LOGIN"), ctx->db_path);
	return HF_EPERM;
}

int svc_init(struct hf_ctx *ctx, const char *db_path, bool demo, const char *first_admin,
             char *err, size_t errlen)
{
	ctx->db_path = svc_db_path(db_path);
	bool by_root = !svc_privileged() || getuid() == 0;
	struct stat sb;
	if (!by_root && (stat(ctx->db_path, &sb) != 0 || sb.st_size == 0))
		return first_admin_refused(ctx, err, errlen);
	ctx->st = store_open(ctx->db_path, STORE_CREATE, err, errlen);
	if (!ctx->st)
		return HF_EFAIL;
	svc_store_settings(ctx);
	if (!store_begin(ctx->st))
		return errf(err, errlen, "%s", store_errmsg(ctx->st)), HF_EFAIL;
	struct hf_user me;
	bool ok = true;
	enum store_found f = store_user_get(ctx->st, ctx->login, &me);
	if (f == STORE_ERROR) {
		errf(err, errlen, "%s", store_errmsg(ctx->st));
		store_rollback(ctx->st);
		return HF_EFAIL;
	}
	bool known = f == STORE_FOUND;
	/* An existing clinic: only its admins may re-run init, and never with --demo. */
	long long users = store_user_count(ctx->st);
	struct hf_clinic_counts held = {0};
	if (users < 0 || (demo && !store_clinic_counts(ctx->st, &held))) {
		errf(err, errlen, "%s", store_errmsg(ctx->st));
		store_rollback(ctx->st);
		return HF_EFAIL;
	}
	if (users == 0 && !by_root) {
		store_rollback(ctx->st);
		return first_admin_refused(ctx, err, errlen);
	}
	if (users > 0 && first_admin) {
		store_rollback(ctx->st);
		return errf(err, errlen, _("%s already has users: --admin names only the first admin; "
		                           "add admins with huifang user add"), ctx->db_path), HF_EUSAGE;
	}
	if (first_admin) {
		str_copy(ctx->login, sizeof ctx->login, first_admin);
		f = store_user_get(ctx->st, ctx->login, &me);
		known = f == STORE_FOUND;
	}
	if (users > 0 && !(known && me.active && me.role == ROLE_ADMIN)) {
		store_rollback(ctx->st);
		return errf(err, errlen, _("%s already has users and %s is not an admin of it"),
		            ctx->db_path, ctx->login), HF_EPERM;
	}
	if (held.customers > 0) {
		store_rollback(ctx->st);
		return errf(err, errlen, _("%s already has customers; the demo clinic needs a new database"),
		            ctx->db_path), HF_EUSAGE;
	}
	if (!known) {
		memset(&me, 0, sizeof me);
		str_copy(me.login, sizeof me.login, ctx->login);
		str_copy(me.name, sizeof me.name, ctx->login);
		str_copy(me.team, sizeof me.team, ctx->cfg.service_team);
	}
	me.role = ROLE_ADMIN;
	me.active = true;
	if (!known)
		me.created = ctx->now;
	ok = store_user_put(ctx->st, &me) && load_scripts(ctx, err, errlen);
	char *clinic = NULL;
	ok = ok && store_meta_get(ctx->st, "clinic", &clinic) != STORE_ERROR;
	if (ok && !clinic)
		ok = store_meta_set(ctx->st, "clinic", ctx->cfg.clinic);
	free(clinic);
	if (ok)
		ok = store_audit(ctx->st, ctx->login, ctx->now, "init", "database", 0,
		                 demo ? "demo" : "");
	if (!ok || !store_commit(ctx->st)) {
		if (!*err)
			errf(err, errlen, "%s", store_errmsg(ctx->st));
		store_rollback(ctx->st);
		return HF_EFAIL;
	}
	if (!lookup_me(ctx, err, errlen))
		return HF_EFAIL;
	return HF_OK;
}

/* ---- claims -------------------------------------------------------------------------- */

/* Inside a transaction: may ctx->me work on task t? */
int svc_check_claim(struct hf_ctx *ctx, const struct hf_task *t, char *err, size_t errlen)
{
	if (!str_empty(t->claimed_by) && !str_eq(t->claimed_by, ctx->login) &&
	    t->claimed_until != HF_NO_STAMP && t->claimed_until > ctx->now) {
		char until[20];
		stamp_format(t->claimed_until, until);
		bool same_day = stamp_date(t->claimed_until) == stamp_date(ctx->now);
		errf(err, errlen, _("task %lld is being worked by %s (claim until %s)"),
		     (long long)t->t.id, t->claimed_by, same_day ? until + 11 : until);
		return HF_EFAIL;
	}
	return HF_OK;
}

/* Operators work their own tasks and their team's pool; supervisors any task. */
static int check_may_work(struct hf_ctx *ctx, const struct hf_task *t, char *err, size_t errlen)
{
	if (ctx->me.role >= ROLE_SUPERVISOR || str_eq(t->t.owner, ctx->login) ||
	    (str_empty(t->t.owner) && str_eq(t->t.team, ctx->me.team)))
		return HF_OK;
	if (!str_empty(t->t.owner))
		errf(err, errlen, _("task %lld belongs to %s; a supervisor can reassign it"),
		     (long long)t->t.id, t->t.owner);
	else
		errf(err, errlen, _("task %lld is for team %s, not %s"), (long long)t->t.id, t->t.team,
		     ctx->me.team);
	return HF_EPERM;
}

/* Read a task: 2 when there is none, 1 when it cannot be read. */
int svc_task_get(struct hf_ctx *ctx, hf_id id, struct hf_task *t, char *err, size_t errlen)
{
	switch (store_task_get(ctx->st, id, t)) {
	case STORE_ERROR:
		return errf(err, errlen, "%s", store_errmsg(ctx->st)), HF_EFAIL;
	case STORE_NONE:
		return errf(err, errlen, _("no task %lld"), (long long)id), HF_EUSAGE;
	case STORE_FOUND:
		break;
	}
	return HF_OK;
}

int svc_claim(struct hf_ctx *ctx, hf_id task, char *err, size_t errlen)
{
	if (!store_begin(ctx->st))
		return errf(err, errlen, "%s", store_errmsg(ctx->st)), HF_EFAIL;
	struct hf_task t;
	int rc = svc_task_get(ctx, task, &t, err, errlen);
	if (rc == HF_OK) {
		rc = check_may_work(ctx, &t, err, errlen);
		if (rc == HF_OK)
			rc = svc_check_claim(ctx, &t, err, errlen);
	}
	if (rc == HF_OK &&
	    !store_task_claim(ctx->st, task, ctx->login, ctx->now + ctx->cfg.lease_minutes)) {
		errf(err, errlen, "%s", store_errmsg(ctx->st));
		rc = HF_EFAIL;
	}
	if (rc == HF_OK && store_commit(ctx->st))
		return HF_OK;
	if (rc == HF_OK) {
		errf(err, errlen, _("could not claim task %lld: %s"), (long long)task,
		     store_errmsg(ctx->st));
		rc = HF_EFAIL;
	}
	store_rollback(ctx->st);
	return rc;
}

int svc_release(struct hf_ctx *ctx, hf_id task)
{
	return store_task_release(ctx->st, task, ctx->login) ? HF_OK : HF_EFAIL;
}

/* ---- logging an outcome -------------------------------------------------------------- */

void log_result_free(struct log_result *r)
{
	decisions_free(&r->dec);
}

int svc_log(struct hf_ctx *ctx, hf_id task, const struct outcome_input *in_, hf_stamp started,
            hf_stamp ended, struct log_result *res, char *err, size_t errlen)
{
	struct outcome_input in = *in_;
	in.operator_login = ctx->login;
	in.operator_team = ctx->me.team;
	memset(res, 0, sizeof *res);
	decisions_init(&res->dec);
	if (!store_begin(ctx->st))
		return errf(err, errlen, "%s", store_errmsg(ctx->st)), HF_EFAIL;

	int rc = HF_OK;
	struct hf_task t;
	struct customer_facts f = {0};
	if ((rc = svc_task_get(ctx, task, &t, err, errlen)) != HF_OK)
		goto out;
	if (t.t.status != TASK_OPEN) {
		errf(err, errlen, _("task %lld is already %s"), (long long)task,
		     task_status_label(t.t.status));
		rc = HF_EUSAGE;
		goto out;
	}
	if (!rules_check_outcome(&ctx->cfg, &t.t, &in, ctx->now, err, errlen)) {
		rc = HF_EUSAGE;
		goto out;
	}
	if ((rc = check_may_work(ctx, &t, err, errlen)) != HF_OK ||
	    (rc = svc_check_claim(ctx, &t, err, errlen)) != HF_OK)
		goto out;
	switch (svc_facts_read(ctx->st, t.customer_id, &f)) {
	case STORE_ERROR:
		errf(err, errlen, "%s", store_errmsg(ctx->st));
		rc = HF_EFAIL;
		goto out;
	case STORE_NONE:
		errf(err, errlen, _("no customer %lld"), (long long)t.customer_id);
		rc = HF_EFAIL;
		goto out;
	case STORE_FOUND:
		break;
	}
	const struct rules_visit *visit = NULL;
	for (size_t i = 0; i < f.nvisits; i++)
		if (f.visits[i].id == t.t.visit_id)
			visit = &f.visits[i];
	rules_log_outcome(&ctx->cfg, &f.cust, visit, &t.t, f.tasks, f.ntasks, &in, ctx->now, &res->dec);

	struct hf_call call = {0};
	call.task_id = task;
	call.customer_id = t.customer_id;
	str_copy(call.operator_login, sizeof call.operator_login, ctx->login);
	call.started = started == HF_NO_STAMP ? ctx->now : started;
	call.ended = ended == HF_NO_STAMP ? ctx->now : ended;
	str_copy(call.outcome, sizeof call.outcome, in.code);
	call.score = in.score;
	call.nps = in.has_nps ? in.nps : -1;
	call.note = (char *)(in.note ? in.note : "");
	call.next = in.has_next ? in.next : HF_NO_STAMP;
	str_copy(call.complaint, sizeof call.complaint, in.complaint ? in.complaint : "");
	/* The dimensions in the rules' order, as the audit row and the event name them (the rules
	 * checked that each is known and given once). */
	for (int k = 0; k < ctx->cfg.ndimensions; k++)
		for (int i = 0; i < in.ndims; i++)
			if (strcmp(in.dims[i].code, ctx->cfg.dimensions[k].code) == 0)
				call.dims[call.ndims++] = in.dims[i];
	res->call_id = store_call_add(ctx->st, &call);

	call.id = res->call_id;
	hf_id esc_before = store_escalation_last_id(ctx->st);
	char detail[512];
	snprintf(detail, sizeof detail, "task=%lld outcome=%s score=%d", (long long)task, in.code,
	         in.score);
	if (in.has_nps)
		snprintf(detail + strlen(detail), sizeof detail - strlen(detail), " nps=%d", in.nps);
	for (int i = 0; i < call.ndims; i++)
		snprintf(detail + strlen(detail), sizeof detail - strlen(detail), " dim.%s=%d",
		         call.dims[i].code, call.dims[i].score);
	if (!res->call_id || esc_before < 0 ||
	    !svc_apply(ctx->st, t.customer_id, task, res->call_id, ctx->login, ctx->now, &res->dec) ||
	    !store_escalation_raised_steps(ctx->st, esc_before) ||
	    !store_task_logged(ctx->st, task, in.code) ||
	    !store_audit(ctx->st, ctx->login, ctx->now, "log", "call", res->call_id, detail) ||
	    !store_commit(ctx->st)) {
		errf(err, errlen, _("could not save the call: %s"), store_errmsg(ctx->st));
		rc = HF_EFAIL;
	} else {
		svc_event_call(ctx, &call);
		svc_event_raised_since(ctx, esc_before);
	}
out:
	svc_facts_free(&f);
	if (rc != HF_OK)
		store_rollback(ctx->st);
	return rc;
}

void svc_describe(struct hf_ctx *ctx, const struct log_result *res, struct sbuf *out)
{
	char when[20];
	for (size_t i = 0; i < res->dec.n; i++) {
		const struct decision *d = &res->dec.v[i];
		const struct hf_task_rec *t = &d->task;
		switch (d->kind) {
		case DEC_CREATE_TASK:
			if (t->due_minute >= 0)
				stamp_format(stamp_make(t->due, t->due_minute), when);
			else
				date_format(t->due, when);
			sbuf_printf(out, _("next call: %s, %s, %s"), when, task_kind_label(t->kind),
			            str_empty(t->owner) ? t->team : t->owner);
			break;
		case DEC_UPDATE_TASK:
			if (t->status == TASK_OPEN) {
				if (t->due_minute >= 0)
					stamp_format(stamp_make(t->due, t->due_minute), when);
				else
					date_format(t->due, when);
				sbuf_printf(out, _("task %lld: retry at %s (attempt %d)"), (long long)t->id, when,
				            t->attempts + 1);
			} else {
				sbuf_printf(out, _("task %lld: %s"), (long long)t->id, task_status_label(t->status));
			}
			break;
		case DEC_SET_CUSTOMER:
			if (d->flag_do_not_call)
				sbuf_add(out, _("customer marked do-not-call: no further calls"));
			if (d->flag_do_not_call && d->flag_phone_invalid)
				sbuf_addc(out, '\n');
			if (d->flag_phone_invalid)
				sbuf_add(out, _("phone number flagged invalid"));
			break;
		case DEC_ESCALATE: {
			struct sbuf why;
			sbuf_init(&why);
			rules_why_append(&ctx->cfg, &d->reason, &why);
			sbuf_printf(out, _("escalation raised: %s, SLA %d h: %s"), severity_label(d->severity),
			            d->sla_hours, why.s);
			sbuf_free(&why);
			break;
		}
		case DEC_NOTICE:
			sbuf_printf(out, _("note: %s"), d->text);
			break;
		}
		sbuf_addc(out, '\n');
	}
}

/* ---- planning ------------------------------------------------------------------------ */

static void count_decisions(const struct decisions *d, struct plan_counts *c)
{
	for (size_t i = 0; i < d->n; i++) {
		const struct decision *x = &d->v[i];
		if (x->kind == DEC_CREATE_TASK)
			c->created++;
		else if (x->kind == DEC_ESCALATE)
			c->escalated++;
		else if (x->kind == DEC_UPDATE_TASK) {
			switch (x->task.status) {
			case TASK_MERGED: c->merged++; break;
			case TASK_MISSED: c->missed++; break;
			case TASK_CANCELLED: c->cancelled++; break;
			case TASK_OPEN: c->released++; break;
			default: break;
			}
		}
	}
}

/* One customer's plan: the facts read, what the rules decided, the day to look again. */
struct planned {
	hf_id id;
	long long rev;                  /* the customer's plan_rev before the facts were read */
	bool found;
	struct customer_facts f;
	struct decisions d;
	hf_date next;
};

/* Read a customer and decide, without writing: outside the write lock, the revision is read
 * first, so any change after it shows as a newer revision when the plan comes to write. */
static bool plan_decide(struct hf_ctx *ctx, hf_id id, hf_stamp now, struct planned *p)
{
	p->id = id;
	p->d.n = 0;
	p->rev = store_customer_plan_rev(ctx->st, id);
	if (p->rev < 0)
		return p->found = false, p->rev == -1; /* -1: no such customer; -2: a read failed */
	enum store_found found = svc_facts_read(ctx->st, id, &p->f);
	p->found = found == STORE_FOUND;
	if (!p->found)
		return found == STORE_NONE;
	p->next = rules_plan_customer(&ctx->cfg, &p->f.cust, p->f.visits, p->f.nvisits, p->f.tasks,
	                              p->f.ntasks, now, &p->d);
	return true;
}

/* Write a decided plan inside the caller's transaction: the decisions, the escalations they
 * raised, the value when it changed, and the day the customer is next due. */
static bool plan_write(struct hf_ctx *ctx, struct planned *p, hf_stamp now, struct plan_counts *counts)
{
	if (!p->found)
		return true;
	count_decisions(&p->d, counts);
	hf_id before = store_escalation_last_id(ctx->st);
	/* The value follows the visits and the day: written only when it changed. */
	struct hf_value v;
	rules_customer_value(&ctx->cfg, p->f.visits, p->f.nvisits, stamp_date(now), &v);
	return before >= 0 && svc_apply(ctx->st, p->id, 0, 0, "plan", now, &p->d) &&
	       store_escalation_raised_steps(ctx->st, before) &&
	       (rules_value_same(&v, &p->f.value) || store_customer_value_set(ctx->st, p->id, &v)) &&
	       store_customer_plan_due_set(ctx->st, p->id, p->next);
}

/* Plan one customer inside the caller's transaction. */
static bool plan_customer(struct hf_ctx *ctx, hf_id id, hf_stamp now, struct decisions *d,
                          struct plan_counts *counts)
{
	struct planned p = {.d = *d};
	bool ok = plan_decide(ctx, id, now, &p) && plan_write(ctx, &p, now, counts);
	*d = p.d;
	if (p.found)
		svc_facts_free(&p.f);
	return ok;
}

int svc_add_customer(struct hf_ctx *ctx, const struct hf_customer *c, hf_id *id, char *err,
                     size_t errlen)
{
	struct hf_customer row = *c;
	row.created = ctx->now;
	if (!store_begin(ctx->st))
		return errf(err, errlen, "%s", store_errmsg(ctx->st)), HF_EFAIL;
	/* Checked inside the write lock, so two imports of one id cannot both pass. */
	hf_id existing = str_empty(c->external_id) ? 0 : store_customer_by_external(ctx->st, c->external_id);
	if (existing < 0) {
		errf(err, errlen, "%s", store_errmsg(ctx->st));
		store_rollback(ctx->st);
		return HF_EFAIL;
	}
	if (existing > 0) {
		store_rollback(ctx->st);
		return errf(err, errlen, _("--external-id: a customer with id \"%s\" already exists"),
		            c->external_id), HF_EUSAGE;
	}
	*id = store_customer_add(ctx->st, &row);
	if (!*id || !store_audit(ctx->st, ctx->login, ctx->now, "add", "customer", *id, c->name) ||
	    !store_commit(ctx->st)) {
		errf(err, errlen, "%s", store_errmsg(ctx->st));
		store_rollback(ctx->st);
		return HF_EFAIL;
	}
	return HF_OK;
}

int svc_add_visit(struct hf_ctx *ctx, const struct hf_visit *v, hf_id *id, struct plan_counts *counts,
                  char *err, size_t errlen)
{
	memset(counts, 0, sizeof *counts);
	/* An operator's visit may not fill another team's queue. */
	if (ctx->me.role == ROLE_OPERATOR && !str_empty(v->team) && !str_eq(v->team, ctx->me.team))
		return errf(err, errlen, _("not permitted: an operator adds visits for their own team "
		                           "(%s) only, not %s"), ctx->me.team, v->team), HF_EPERM;
	struct hf_customer c;
	switch (store_customer_get(ctx->st, v->customer_id, &c)) {
	case STORE_ERROR:
		return errf(err, errlen, "%s", store_errmsg(ctx->st)), HF_EFAIL;
	case STORE_NONE:
		return errf(err, errlen, _("no customer %lld"), (long long)v->customer_id), HF_EUSAGE;
	case STORE_FOUND:
		break;
	}
	if (!store_begin(ctx->st))
		return errf(err, errlen, "%s", store_errmsg(ctx->st)), HF_EFAIL;
	struct decisions d;
	decisions_init(&d);
	char detail[128];
	struct hf_visit row = *v;
	row.created = ctx->now;
	*id = store_visit_add(ctx->st, &row);
	snprintf(detail, sizeof detail, "%s %s", visit_kind_code(v->kind), v->treatment);
	bool ok = *id && store_audit(ctx->st, ctx->login, ctx->now, "add", "visit", *id, detail) &&
	          plan_customer(ctx, v->customer_id, ctx->now, &d, counts) && store_commit(ctx->st);
	decisions_free(&d);
	if (!ok) {
		errf(err, errlen, "%s", store_errmsg(ctx->st));
		store_rollback(ctx->st);
		return HF_EFAIL;
	}
	return HF_OK;
}

/* Customers decided per batch. The facts are read and the rules decide outside the write
 * lock; the lock is taken only to write the batch, and the next batch's reading leaves it free
 * for operators logging calls. A customer changed since it was read is read and decided again
 * inside the lock. Planning is idempotent, so a plan that stops half way is simply run again. */
#define PLAN_BATCH 64

static bool plan_batch(struct hf_ctx *ctx, const hf_id *ids, size_t n, hf_stamp now,
                       struct planned *p, struct plan_counts *counts)
{
	bool ok = true;
	size_t k = 0;
	for (; ok && k < n; k++)
		ok = plan_decide(ctx, ids[k], now, &p[k]);
	bool any = false; /* a found customer has at least its next due day to write */
	for (size_t i = 0; ok && i < k && !any; i++)
		any = p[i].found;
	ok = ok && (!any || store_begin(ctx->st));
	for (size_t i = 0; ok && any && i < k; i++) {
		long long rev = store_customer_plan_rev(ctx->st, p[i].id);
		if (rev != p[i].rev) {
			if (p[i].found)
				svc_facts_free(&p[i].f);
			ok = plan_decide(ctx, p[i].id, now, &p[i]);
		}
		ok = ok && plan_write(ctx, &p[i], now, counts);
	}
	/* Each batch is a transaction of its own, so it has its own audit row (and the record of
	 * the rows it wrote), also when the plan stops before its end. */
	char detail[64];
	snprintf(detail, sizeof detail, "customers=%zu", k);
	ok = ok && (!any || store_audit(ctx->st, ctx->login, ctx->now, "plan-batch", "customer", ids[0],
	                                detail));
	if (any)
		ok = ok ? store_commit(ctx->st) : (store_rollback(ctx->st), false);
	for (size_t i = 0; i < k; i++)
		if (p[i].found)
			svc_facts_free(&p[i].f);
	return ok;
}

struct plan_run {
	hf_date day;
	hf_stamp now;
	bool full;
	char rules[17];                 /* config_rules_digest of the rules planned by */
	hf_id *ids;
	size_t n, next;
	hf_id esc_before;
	struct planned *p;              /* PLAN_BATCH of them */
	struct plan_counts counts;
};

void svc_plan_free(struct plan_run *r)
{
	if (!r)
		return;
	for (size_t i = 0; r->p && i < PLAN_BATCH; i++)
		decisions_free(&r->p[i].d);
	free(r->p);
	free(r->ids);
	free(r);
}

int svc_plan_begin(struct hf_ctx *ctx, hf_date day, bool full, struct plan_run **out, char *err,
                   size_t errlen)
{
	*out = NULL;
	struct plan_run *r = xcalloc(1, sizeof *r);
	r->day = day;
	r->now = day == stamp_date(ctx->now) ? ctx->now : stamp_make(day, 8 * 60);
	config_rules_digest(&ctx->cfg, r->rules);
	/* What is due by a day is known from the last plan on, by the rules it planned with; a day
	 * before it, or other rules, are planned whole. */
	char *last = NULL, *rules = NULL, dbuf[16];
	bool ok = store_meta_get(ctx->st, "last_plan", &last) != STORE_ERROR &&
	          store_meta_get(ctx->st, "plan_rules", &rules) != STORE_ERROR;
	r->full = full || (last && strcmp(last, date_format(day, dbuf)) > 0) || !rules ||
	          strcmp(rules, r->rules) != 0;
	free(last);
	free(rules);
	ok = ok && (r->full ? store_plannable_customers(ctx->st, &r->ids, &r->n)
	                    : store_plan_due_customers(ctx->st, day, &r->ids, &r->n));
	r->esc_before = store_escalation_last_id(ctx->st);
	if (!ok || r->esc_before < 0) {
		svc_plan_free(r);
		return errf(err, errlen, _("planning failed: %s"), store_errmsg(ctx->st)), HF_EFAIL;
	}
	r->p = xcalloc(PLAN_BATCH, sizeof *r->p);
	for (size_t i = 0; i < PLAN_BATCH; i++)
		decisions_init(&r->p[i].d);
	*out = r;
	return HF_OK;
}

static double mono_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

int svc_plan_step(struct hf_ctx *ctx, struct plan_run *r, int budget_ms, bool *done, char *err,
                  size_t errlen)
{
	*done = false;
	double until = budget_ms >= 0 ? mono_ms() + budget_ms : 0;
	bool ok = true;
	while (ok && r->next < r->n && (budget_ms < 0 || mono_ms() < until)) {
		size_t k = r->n - r->next < PLAN_BATCH ? r->n - r->next : PLAN_BATCH;
		ok = plan_batch(ctx, r->ids + r->next, k, r->now, r->p, &r->counts);
		r->next += k;
	}
	char dbuf[16], detail[160];
	if (ok && r->next < r->n)
		return HF_OK;
	*done = true;
	date_format(r->day, dbuf);
	const struct plan_counts *c = &r->counts;
	snprintf(detail, sizeof detail, "day=%s %s created=%d missed=%d released=%d cancelled=%d",
	         dbuf, r->full ? "full" : "due", c->created, c->missed, c->released, c->cancelled);
	if (!ok || !store_begin(ctx->st) || !store_meta_set(ctx->st, "last_plan", dbuf) ||
	    !store_meta_set(ctx->st, "plan_rules", r->rules) ||
	    !store_audit(ctx->st, ctx->login, ctx->now, "plan", "task", 0, detail) ||
	    !store_commit(ctx->st)) {
		errf(err, errlen, _("planning failed: %s"), store_errmsg(ctx->st));
		store_rollback(ctx->st);
		svc_event_raised_since(ctx, r->esc_before); /* what the committed batches raised */
		return HF_EFAIL;
	}
	svc_event_raised_since(ctx, r->esc_before);
	/* Deadlines missed since the last plan climb the ladder. */
	int breached;
	return svc_escalation_breaches(ctx, &breached, err, errlen);
}

const struct plan_counts *svc_plan_counts(const struct plan_run *r)
{
	return &r->counts;
}

int svc_plan(struct hf_ctx *ctx, hf_date day, bool full, struct plan_counts *counts, char *err,
             size_t errlen)
{
	memset(counts, 0, sizeof *counts);
	struct plan_run *r;
	int rc = svc_plan_begin(ctx, day, full, &r, err, errlen);
	bool done = false;
	if (rc == HF_OK)
		rc = svc_plan_step(ctx, r, -1, &done, err, errlen);
	if (r)
		*counts = r->counts;
	svc_plan_free(r);
	return rc;
}

bool svc_unseen_customers(struct hf_ctx *ctx, hf_date day, struct unseen_customer **out, size_t *n)
{
	return store_unseen_customers(ctx->st, date_add_months(day, -ctx->cfg.consultant_release_months),
	                              out, n);
}
