/* columns.c — the column tables of every listed entity and the values of their cells. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "huifang/columns.h"
#include "huifang/date.h"
#include "huifang/i18n.h"
#include "huifang/rules.h"
#include "huifang/service.h"
#include "huifang/str.h"
#include "huifang/utf8.h"

/* ---- shared value writers ---------------------------------------------------------------- */

static void put_id(hf_id id, char *buf, size_t size)
{
	if (id > 0)
		snprintf(buf, size, "%lld", (long long)id);
	else
		str_copy(buf, size, "");
}

static void put_int(long long v, char *buf, size_t size)
{
	snprintf(buf, size, "%lld", v);
}

/* A stamp as "YYYY-MM-DD HH:MM"; none is empty. */
static void put_stamp(hf_stamp t, char *buf, size_t size)
{
	char s[20];
	str_copy(buf, size, t == HF_NO_STAMP ? "" : stamp_format(t, s));
}

static void put_date(hf_date d, char *buf, size_t size)
{
	char s[16];
	str_copy(buf, size, d == HF_NO_DATE ? "" : date_format(d, s));
}

/* A yes/no value: the code, or the translated word. */
static void put_yes_no(bool v, enum col_form form, char *buf, size_t size)
{
	if (form == COL_CODE)
		str_copy(buf, size, v ? "yes" : "no");
	else
		str_copy(buf, size, v ? _("yes") : _("no"));
}

/* Text a person may leave empty: "-" in what a person reads, "" in the data. */
static void put_or_dash(const char *s, enum col_form form, char *buf, size_t size)
{
	str_copy(buf, size, form != COL_CODE && str_empty(s) ? "-" : s);
}

/* An outcome: its code, or its translated label from the rules' outcome table. */
static void put_outcome(const struct col_env *env, const char *code, enum col_form form,
                        char *buf, size_t size)
{
	const struct hf_outcome *o = form == COL_CODE ? NULL : config_outcome(env->cfg, code);
	str_copy(buf, size, o ? _(o->label) : code);
}

/* A team by its name from the rules file; its code in the data formats or when unknown. */
static void put_team(const struct col_env *env, const char *code, enum col_form form, char *buf,
                     size_t size)
{
	str_copy(buf, size, form == COL_CODE ? code : config_team_name(env->cfg, code));
}

/* A column's value function from a statement over `r`, the record. */
#define VALUE_(name, type, body) \
	static bool name(const void *rec_, const struct col_env *env, enum col_form form, char *buf, \
	                 size_t size) \
	{ \
		const type *r = rec_; \
		(void)env; \
		(void)form; \
		body; \
		return false; \
	}

/* ---- tasks (the queue) ------------------------------------------------------------------- */

static bool task_due(const void *rec, const struct col_env *env, enum col_form form, char *buf,
                     size_t size)
{
	(void)env;
	const struct hf_task *k = rec;
	const char *mark = form == COL_CODE ? "" : k->overdue ? "!" : form == COL_SCREEN ? " " : "";
	int y, m, d, min = k->t.due_minute;
	date_to_ymd(k->t.due, &y, &m, &d);
	if (form == COL_SCREEN && min >= 0)
		snprintf(buf, size, "%s%02d-%02d %02d:%02d", mark, m, d, min / 60, min % 60);
	else if (form == COL_SCREEN)
		snprintf(buf, size, "%s%02d-%02d", mark, m, d);
	else if (min >= 0)
		snprintf(buf, size, "%s%04d-%02d-%02d %02d:%02d", mark, y, m, d, min / 60, min % 60);
	else
		snprintf(buf, size, "%s%04d-%02d-%02d", mark, y, m, d);
	return k->overdue;
}

static bool task_attempt(const void *rec, const struct col_env *env, enum col_form form, char *buf,
                         size_t size)
{
	(void)form;
	const struct hf_task *k = rec;
	int max = config_max_attempts(env->cfg);
	if (max > 0)
		snprintf(buf, size, "%d/%d", k->t.attempts + 1, max);
	else
		snprintf(buf, size, "%d", k->t.attempts + 1);
	return false;
}

static int task_kind_widest(const struct col_env *env)
{
	(void)env;
	int w = 0;
	for (int k = 0; k < TASK_KIND__COUNT; k++) {
		int kw = utf8_width(task_kind_label((enum hf_task_kind)k));
		w = kw > w ? kw : w;
	}
	return w;
}

static int outcome_widest(const struct col_env *env)
{
	int w = 0;
	for (int i = 0; i < env->cfg->noutcomes; i++) {
		int ow = utf8_width(_(env->cfg->outcomes[i].label));
		w = ow > w ? ow : w;
	}
	return w;
}

VALUE_(task_id, struct hf_task, put_id(r->t.id, buf, size))
VALUE_(task_kind, struct hf_task,
       str_copy(buf, size, form == COL_CODE ? task_kind_code(r->t.kind) : task_kind_label(r->t.kind)))
VALUE_(task_customer_id, struct hf_task, put_id(r->customer_id, buf, size))
VALUE_(task_customer, struct hf_task, str_copy(buf, size, r->customer_name))
VALUE_(task_treatment, struct hf_task, str_copy(buf, size, r->treatment))
VALUE_(task_team, struct hf_task, put_team(env, r->t.team, form, buf, size))
VALUE_(task_last_outcome, struct hf_task, put_outcome(env, r->last_outcome, form, buf, size))
VALUE_(task_owner, struct hf_task, put_or_dash(r->t.owner, form, buf, size))
VALUE_(task_attempts, struct hf_task, put_int(r->t.attempts, buf, size))
VALUE_(task_status, struct hf_task,
       str_copy(buf, size, form == COL_CODE ? task_status_code(r->t.status)
                                            : task_status_label(r->t.status)))

/* A value segment: its code, or its name from the rules (VIPs marked) for a person. */
static void put_segment(const struct col_env *env, const char *code, bool vip, enum col_form form,
                        char *buf, size_t size)
{
	if (form == COL_CODE) {
		str_copy(buf, size, code);
		return;
	}
	const struct hf_segment *g = config_segment(env->cfg, code);
	/* The console's narrow column drops the space. */
	snprintf(buf, size, "%s%s%s", vip ? _("VIP") : "", vip && form == COL_LABEL ? " " : "",
	         g ? g->name : vip ? "" : "-");
}

VALUE_(task_segment, struct hf_task, put_segment(env, r->segment, r->vip, form, buf, size))
VALUE_(task_vip, struct hf_task, put_yes_no(r->vip, form, buf, size))

#define D_ COL_IN_DATA
#define T_ COL_IN_TABLE
#define S_ COL_IN_SCREEN
#define J_ COL_IN_JSON

/* The data formats keep the columns the manual documents; the table and the console show the
 * queue as an operator works it. */
static const struct col_def task_cols[] = {
	{"task_id", N_("task"), D_ | T_, 7, 0, 1, NULL, task_id},
	{"due", N_("due"), D_ | T_ | S_, 12, 0, -1, NULL, task_due},
	{"kind", N_("kind"), D_ | T_ | S_, 10, 0, -1, task_kind_widest, task_kind},
	{"customer_id", N_("customer id"), D_, 8, 0, 1, NULL, task_customer_id},
	{"customer_name", N_("customer"), D_ | T_ | S_, 0, 12, -1, NULL, task_customer},
	{"treatment", N_("treatment"), T_ | S_, 0, 8, -1, NULL, task_treatment},
	{"team", N_("team"), D_, 10, 0, -1, NULL, task_team},
	{"attempt", N_("attempt"), T_ | S_, 7, 0, 1, NULL, task_attempt},
	{"last_outcome", N_("last outcome"), T_ | S_, 12, 0, -1, outcome_widest, task_last_outcome},
	{"owner", N_("owner"), D_ | T_ | S_, 10, 0, -1, NULL, task_owner},
	{"attempts", N_("attempts"), D_, 4, 0, 1, NULL, task_attempts},
	{"status", N_("status"), D_, 10, 0, -1, NULL, task_status},
	{"segment", N_("value"), J_ | T_ | S_, 11, 0, -1, NULL, task_segment},
	{"vip", N_("VIP"), J_, 3, 0, -1, NULL, task_vip},
};

#define MODEL_(name, entity, cols, type) \
	const struct col_model name = {entity, cols, (int)(sizeof cols / sizeof cols[0]), sizeof(type)};

MODEL_(col_tasks, "task", task_cols, struct hf_task)

/* ---- escalations (the supervisor queue) ------------------------------------------------- */

/* Open and a deadline missed (now, or at a lower level of the ladder): the status says
 * "breached" and asks for attention. */
static bool esc_status(const void *rec, const struct col_env *env, enum col_form form, char *buf,
                       size_t size)
{
	const struct hf_escalation *e = rec;
	bool breached = svc_escalation_breached(e, env->now);
	if (breached)
		str_copy(buf, size, form == COL_CODE ? "breached" : _("breached"));
	else
		str_copy(buf, size, form == COL_CODE ? esc_status_code(e->status) : esc_status_label(e->status));
	return breached;
}

static bool esc_sla_due(const void *rec, const struct col_env *env, enum col_form form, char *buf,
                        size_t size)
{
	(void)form;
	const struct hf_escalation *e = rec;
	put_stamp(e->sla_due, buf, size);
	return rules_breached(e->status, e->sla_due, env->now);
}

static bool esc_reason(const void *rec, const struct col_env *env, enum col_form form, char *buf,
                       size_t size)
{
	const struct hf_escalation *e = rec;
	if (form == COL_CODE) {
		char *json = env->st ? store_why_json(env->st, &e->reason, true) : NULL;
		str_copy(buf, size, json ? json : "");
		free(json);
	} else {
		rules_why_text(env->cfg, &e->reason, buf, size);
	}
	return false;
}

/* The countdown to the deadline; past it, by how much, in words as well as in colour. */
static bool esc_time_left(const void *rec, const struct col_env *env, enum col_form form,
                          char *buf, size_t size)
{
	const struct hf_escalation *e = rec;
	long long left = e->sla_due - env->now;
	char span[32];
	if (form == COL_CODE)
		str_copy(buf, size, "");
	if (e->status != ESC_OPEN) {
		if (form != COL_CODE)
			str_copy(buf, size, "-");
		return false;
	}
	if (form == COL_CODE)
		put_int(left, buf, size);
	else if (left < 0 && form == COL_SCREEN)   /* the status column says "breached" */
		snprintf(buf, size, _("%s over"), date_span_text(-left, span, sizeof span));
	else if (left < 0)
		snprintf(buf, size, _("breached by %s"), date_span_text(-left, span, sizeof span));
	else
		snprintf(buf, size, _("%s left"), date_span_text(left, span, sizeof span));
	return left < 0;
}

/* Who holds it: the supervisor's login, or the team (its code in the data, its name to read). */
static bool esc_holder(const void *rec, const struct col_env *env, enum col_form form, char *buf,
                       size_t size)
{
	const struct hf_escalation *e = rec;
	const struct hf_team *t = *e->assignee_team ? config_team(env->cfg, e->assignee_team) : NULL;
	if (*e->assignee_team)
		str_copy(buf, size, t && form != COL_CODE ? t->name : e->assignee_team);
	else
		put_or_dash(e->assignee, form, buf, size);
	return false;
}

/* The ladder's step: its index in the data, its name to read. */
static bool esc_level(const void *rec, const struct col_env *env, enum col_form form, char *buf,
                      size_t size)
{
	const struct hf_escalation *e = rec;
	if (form == COL_CODE)
		put_int(e->level, buf, size);
	else
		str_copy(buf, size, e->level >= 0 && e->level < env->cfg->nladder
		                    ? env->cfg->ladder[e->level] : "");
	return false;
}

VALUE_(esc_id, struct hf_escalation, put_id(r->id, buf, size))
VALUE_(esc_severity, struct hf_escalation,
       str_copy(buf, size, form == COL_CODE ? severity_code(r->severity) : severity_label(r->severity)))
VALUE_(esc_customer_id, struct hf_escalation, put_id(r->customer_id, buf, size))
VALUE_(esc_customer, struct hf_escalation, str_copy(buf, size, r->customer_name))
VALUE_(esc_raised_by, struct hf_escalation, str_copy(buf, size, r->raised_by))
VALUE_(esc_raised_at, struct hf_escalation, put_stamp(r->raised_at, buf, size))
VALUE_(esc_assignee, struct hf_escalation, str_copy(buf, size, r->assignee))
VALUE_(esc_assignee_team, struct hf_escalation, str_copy(buf, size, r->assignee_team))
VALUE_(esc_age, struct hf_escalation, date_span_text(env->now - r->raised_at, buf, size))

/* The data keep the documented columns, then the holder, the level and the minutes left; the
 * table reads as the supervisor works the queue, the whole reason last, never cut. */
static const struct col_def escalation_cols[] = {
	{"id", N_("id"), D_ | T_, 6, 0, 1, NULL, esc_id},
	{"severity", N_("severity"), D_ | T_ | S_, 8, 0, -1, NULL, esc_severity},
	{"time_left", N_("time left"), T_ | S_, 18, 0, -1, NULL, esc_time_left},
	{"status", N_("status"), D_ | T_ | S_, 12, 0, -1, NULL, esc_status},
	{"sla_due", N_("SLA due"), D_, 16, 0, -1, NULL, esc_sla_due},
	{"customer_id", N_("customer id"), D_, 8, 0, 1, NULL, esc_customer_id},
	{"customer_name", N_("customer"), D_ | T_ | S_, 0, 10, -1, NULL, esc_customer},
	{"reason", N_("reason"), D_ | S_, 0, 16, -1, NULL, esc_reason},
	{"raised_by", N_("raised by"), D_ | T_ | S_, 10, 0, -1, NULL, esc_raised_by},
	{"raised_at", N_("raised at"), D_, 16, 0, -1, NULL, esc_raised_at},
	{"age", N_("waiting"), T_ | S_, 8, 0, -1, NULL, esc_age},
	{"assignee", N_("held by"), D_, 10, 0, -1, NULL, esc_assignee},
	{"assignee_team", N_("held by team"), D_, 10, 0, -1, NULL, esc_assignee_team},
	{"holder", N_("held by"), T_ | S_, 10, 0, -1, NULL, esc_holder},
	{"level", N_("level"), D_ | T_, 8, 0, -1, NULL, esc_level},
	{"minutes_left", N_("minutes left"), D_, 8, 0, 1, NULL, esc_time_left},
	{"reason_text", N_("reason"), T_, 0, 16, -1, NULL, esc_reason},
};

MODEL_(col_escalations, "escalation", escalation_cols, struct hf_escalation)

/* ---- users ------------------------------------------------------------------------------- */

VALUE_(user_login, struct hf_user, str_copy(buf, size, r->login))
VALUE_(user_name, struct hf_user, str_copy(buf, size, r->name))
VALUE_(user_role, struct hf_user,
       str_copy(buf, size, form == COL_CODE ? role_code(r->role) : role_label(r->role)))
VALUE_(user_team, struct hf_user, put_team(env, r->team, form, buf, size))
VALUE_(user_active, struct hf_user, put_yes_no(r->active, form, buf, size))

static const struct col_def user_cols[] = {
	{"login", N_("login"), D_ | T_ | S_, 12, 0, -1, NULL, user_login},
	{"name", N_("name"), D_ | T_ | S_, 0, 10, -1, NULL, user_name},
	{"role", N_("role"), D_ | T_ | S_, 10, 0, -1, NULL, user_role},
	{"team", N_("team"), D_ | T_ | S_, 12, 0, -1, NULL, user_team},
	{"active", N_("active"), D_ | T_ | S_, 6, 0, -1, NULL, user_active},
};

MODEL_(col_users, "user", user_cols, struct hf_user)

/* ---- customers ------------------------------------------------------------------------- */

/* The phone as the viewer may see it: operators get 138****5678. */
static bool cust_phone(const void *rec, const struct col_env *env, enum col_form form, char *buf,
                       size_t size)
{
	(void)form;
	phone_mask(((const struct hf_customer *)rec)->phone, env->reveal, buf, size);
	return false;
}

static bool cust_gender(const void *rec, const struct col_env *env, enum col_form form, char *buf,
                        size_t size)
{
	(void)env;
	const char *g = ((const struct hf_customer *)rec)->gender;
	if (form == COL_CODE)
		str_copy(buf, size, g);
	else
		str_copy(buf, size, str_eq(g, "F") ? _("female") : str_eq(g, "M") ? _("male") : "-");
	return false;
}

VALUE_(cust_id, struct hf_customer, put_id(r->id, buf, size))
VALUE_(cust_external_id, struct hf_customer, str_copy(buf, size, r->external_id))
VALUE_(cust_name, struct hf_customer, str_copy(buf, size, r->name))
VALUE_(cust_birthday, struct hf_customer, put_date(r->birthday, buf, size))
VALUE_(cust_consultant, struct hf_customer, put_or_dash(r->consultant, form, buf, size))
VALUE_(cust_source, struct hf_customer, put_or_dash(r->source, form, buf, size))
VALUE_(cust_tags, struct hf_customer, str_copy(buf, size, r->tags))
VALUE_(cust_dnc, struct hf_customer, put_yes_no(r->do_not_call, form, buf, size))
VALUE_(cust_phone_invalid, struct hf_customer, put_yes_no(r->phone_invalid, form, buf, size))
VALUE_(cust_created, struct hf_customer, put_stamp(r->created, buf, size))
VALUE_(cust_segment, struct hf_customer,
       put_segment(env, r->value.segment, r->value.vip, form, buf, size))
VALUE_(cust_vip, struct hf_customer, put_yes_no(r->value.vip, form, buf, size))
VALUE_(cust_recency, struct hf_customer,
       r->value.recency >= 0 ? put_int(r->value.recency, buf, size) : str_copy(buf, size, ""))
VALUE_(cust_frequency, struct hf_customer, put_int(r->value.frequency, buf, size))
VALUE_(cust_monetary, struct hf_customer, put_int(r->value.monetary, buf, size))

static const struct col_def customer_cols[] = {
	{"id", N_("id"), D_ | T_, 6, 0, 1, NULL, cust_id},
	{"external_id", N_("external id"), D_ | T_, 10, 0, -1, NULL, cust_external_id},
	{"name", N_("name"), D_ | T_ | S_, 0, 8, -1, NULL, cust_name},
	{"phone", N_("phone"), D_ | T_ | S_, 13, 0, -1, NULL, cust_phone},
	{"gender", N_("gender"), D_ | T_ | S_, 6, 0, -1, NULL, cust_gender},
	{"birthday", N_("birthday"), D_ | T_, 10, 0, -1, NULL, cust_birthday},
	{"consultant", N_("consultant"), D_ | T_ | S_, 10, 0, -1, NULL, cust_consultant},
	{"source", N_("source"), D_ | T_, 10, 0, -1, NULL, cust_source},
	{"tags", N_("tags"), D_ | T_, 0, 8, -1, NULL, cust_tags},
	{"do_not_call", N_("do-not-call"), D_ | T_ | S_, 6, 0, -1, NULL, cust_dnc},
	{"phone_invalid", N_("phone invalid"), D_ | T_, 6, 0, -1, NULL, cust_phone_invalid},
	{"created", N_("created"), D_, 16, 0, -1, NULL, cust_created},
	{"segment", N_("value"), D_ | T_ | S_, 11, 0, -1, NULL, cust_segment},
	{"vip", N_("VIP"), D_ | T_, 3, 0, -1, NULL, cust_vip},
	{"recency_days", N_("recency (days)"), D_, 4, 0, 1, NULL, cust_recency},
	{"frequency", N_("frequency"), D_, 4, 0, 1, NULL, cust_frequency},
	{"monetary", N_("monetary (yuan)"), D_, 8, 0, 1, NULL, cust_monetary},
};

MODEL_(col_customers, "customer", customer_cols, struct hf_customer)

/* ---- visits ------------------------------------------------------------------------------ */

/* The customer's external id, so an export of visits imports again (read through env->st). */
static bool visit_customer_ext(const void *rec, const struct col_env *env, enum col_form form,
                               char *buf, size_t size)
{
	const struct hf_visit *v = rec;
	struct hf_customer c;
	(void)form;
	if (env->st && store_customer_get(env->st, v->customer_id, &c) == STORE_FOUND)
		str_copy(buf, size, c.external_id);
	else
		str_copy(buf, size, "");
	return false;
}

static bool visit_kind(const void *rec, const struct col_env *env, enum col_form form, char *buf,
                       size_t size)
{
	const struct hf_visit *v = rec;
	(void)env;
	str_copy(buf, size, form == COL_CODE ? visit_kind_code(v->kind) : visit_kind_label(v->kind));
	return false;
}

VALUE_(visit_id, struct hf_visit, put_id(r->id, buf, size))
VALUE_(visit_customer_id, struct hf_visit, put_id(r->customer_id, buf, size))
VALUE_(visit_date, struct hf_visit, put_date(r->date, buf, size))
VALUE_(visit_treatment, struct hf_visit, str_copy(buf, size, r->treatment))
VALUE_(visit_doctor, struct hf_visit, str_copy(buf, size, r->doctor))
VALUE_(visit_team, struct hf_visit, put_team(env, r->team, form, buf, size))
VALUE_(visit_course_end, struct hf_visit, put_date(r->course_end, buf, size))
VALUE_(visit_amount, struct hf_visit, put_int(r->amount, buf, size))

/* The data columns carry the import's headers: an export of visits is a file to import. */
static const struct col_def visit_cols[] = {
	{"id", N_("id"), D_ | T_, 6, 0, 1, NULL, visit_id},
	{"customer_id", N_("customer id"), D_ | T_, 8, 0, 1, NULL, visit_customer_id},
	{"customer_external_id", N_("external id"), D_ | T_, 10, 0, -1, NULL, visit_customer_ext},
	{"date", N_("date"), D_ | T_ | S_, 10, 0, -1, NULL, visit_date},
	{"kind", N_("kind"), D_ | T_ | S_, 10, 0, -1, NULL, visit_kind},
	{"treatment", N_("treatment"), D_ | T_ | S_, 0, 8, -1, NULL, visit_treatment},
	{"doctor", N_("doctor"), D_ | T_, 0, 8, -1, NULL, visit_doctor},
	{"team", N_("team"), D_ | T_, 10, 0, -1, NULL, visit_team},
	{"course_end", N_("course end"), D_ | T_, 10, 0, -1, NULL, visit_course_end},
	{"amount", N_("amount"), D_ | T_, 8, 0, 1, NULL, visit_amount},
};

MODEL_(col_visits, "visit", visit_cols, struct hf_visit)

/* ---- calls ------------------------------------------------------------------------------- */

/* A score 1-5; none (0) is empty, "-" to a person. */
static void put_score(int score, enum col_form form, char *buf, size_t size)
{
	if (score <= 0)
		str_copy(buf, size, form == COL_CODE ? "" : "-");
	else if (form == COL_CODE)
		put_int(score, buf, size);
	else
		snprintf(buf, size, "%d/5", score);
}

VALUE_(call_score, struct hf_call, put_score(r->score, form, buf, size))

/* The recommendation (NPS, 0 to 10); none is empty, "-" to a person. */
static bool call_nps(const void *rec, const struct col_env *env, enum col_form form, char *buf,
                     size_t size)
{
	(void)env;
	int nps = ((const struct hf_call *)rec)->nps;
	if (nps < 0)
		str_copy(buf, size, form == COL_CODE ? "" : "-");
	else if (form == COL_CODE)
		put_int(nps, buf, size);
	else
		snprintf(buf, size, "%d/10", nps);
	return false;
}

/* One dimension's score (env->dim). */
static bool call_dim_score(const void *rec, const struct col_env *env, enum col_form form,
                           char *buf, size_t size)
{
	const struct hf_call *c = rec;
	const char *code = env->cfg->dimensions[env->dim].code;
	int score = 0;
	for (int i = 0; i < c->ndims; i++)
		if (str_eq(c->dims[i].code, code))
			score = c->dims[i].score;
	put_score(score, form, buf, size);
	return false;
}

VALUE_(call_id, struct hf_call, put_id(r->id, buf, size))
VALUE_(call_started, struct hf_call, put_stamp(r->started, buf, size))
VALUE_(call_ended, struct hf_call, put_stamp(r->ended, buf, size))
VALUE_(call_customer_id, struct hf_call, put_id(r->customer_id, buf, size))
VALUE_(call_task_id, struct hf_call, put_id(r->task_id, buf, size))
VALUE_(call_operator, struct hf_call, str_copy(buf, size, r->operator_login))
VALUE_(call_outcome, struct hf_call, put_outcome(env, r->outcome, form, buf, size))
VALUE_(call_note, struct hf_call, str_copy(buf, size, r->note ? r->note : ""))
VALUE_(call_next, struct hf_call, put_stamp(r->next, buf, size))
VALUE_(call_complaint, struct hf_call, str_copy(buf, size, r->complaint))

static const struct col_def call_cols[] = {
	{"id", N_("id"), D_ | T_, 6, 0, 1, NULL, call_id},
	{"started", N_("time"), D_ | T_ | S_, 16, 0, -1, NULL, call_started},
	{"ended", N_("ended"), D_, 16, 0, -1, NULL, call_ended},
	{"customer_id", N_("customer id"), D_ | T_, 8, 0, 1, NULL, call_customer_id},
	{"task_id", N_("task"), D_ | T_, 7, 0, 1, NULL, call_task_id},
	{"operator", N_("operator"), D_ | T_ | S_, 10, 0, -1, NULL, call_operator},
	{"outcome", N_("outcome"), D_ | T_ | S_, 12, 0, -1, outcome_widest, call_outcome},
	{"score", N_("score"), D_ | T_ | S_, 5, 0, 1, NULL, call_score},
	{"score_", N_("dimension score"), D_ | T_ | COL_PER_DIM, 5, 0, 1, NULL, call_dim_score},
	{"nps", N_("recommend"), D_ | T_, 6, 0, 1, NULL, call_nps},
	{"next", N_("next contact"), D_ | T_, 16, 0, -1, NULL, call_next},
	{"complaint", N_("complaint"), D_ | T_, 10, 0, -1, NULL, call_complaint},
	{"note", N_("note"), D_ | T_ | S_, 0, 12, -1, NULL, call_note},
};

MODEL_(col_calls, "call", call_cols, struct hf_call)

/* ---- audit entries ---------------------------------------------------------------------- */

static bool audit_entity_id(const void *rec, const struct col_env *env, enum col_form form,
                            char *buf, size_t size)
{
	(void)env, (void)form;
	const struct hf_audit_entry *r = rec;
	if (r->has_entity_id)
		put_int(r->entity_id, buf, size);
	return false;
}

VALUE_(audit_id, struct hf_audit_entry, put_id(r->id, buf, size))
VALUE_(audit_at, struct hf_audit_entry, put_stamp(r->at, buf, size))
VALUE_(audit_login, struct hf_audit_entry, str_copy(buf, size, r->login))
VALUE_(audit_action, struct hf_audit_entry,
       str_copy(buf, size, form == COL_CODE ? r->action : audit_action_label(r->action)))
VALUE_(audit_entity, struct hf_audit_entry,
       str_copy(buf, size, form == COL_CODE ? r->entity : audit_entity_label(r->entity)))
VALUE_(audit_detail, struct hf_audit_entry, str_copy(buf, size, r->detail ? r->detail : ""))

static const struct col_def audit_cols[] = {
	{"id", N_("id"), D_ | T_, 6, 0, 1, NULL, audit_id},
	{"at", N_("time"), D_ | T_ | S_, 16, 0, -1, NULL, audit_at},
	{"login", N_("login"), D_ | T_ | S_, 10, 0, -1, NULL, audit_login},
	{"action", N_("action"), D_ | T_ | S_, 12, 0, -1, NULL, audit_action},
	{"entity", N_("entity"), D_ | T_ | S_, 10, 0, -1, NULL, audit_entity},
	{"entity_id", N_("entity id"), D_ | T_ | S_, 8, 0, 1, NULL, audit_entity_id},
	{"detail", N_("detail"), D_ | T_ | S_, 0, 12, -1, NULL, audit_detail},
};

MODEL_(col_audit, "audit entry", audit_cols, struct hf_audit_entry)

/* ---- the team's day, per operator (the Team tab, `huifang team`) ------------------------ */

/* A figure that may have no denominator (as `huifang report` writes it): "" in the data and
 * "-" to a person when it has none. */
static void put_figure(double v, const char *fmt, enum col_form form, char *buf, size_t size)
{
	if (v < 0)
		str_copy(buf, size, form == COL_CODE ? "" : "-");
	else
		snprintf(buf, size, fmt, v);
}

/* The whole team's row has no login: a person reads "whole team". */
static bool team_day_name(const void *rec, const struct col_env *env, enum col_form form,
                          char *buf, size_t size)
{
	(void)env;
	const struct team_day *r = rec;
	str_copy(buf, size, form != COL_CODE && str_empty(r->login) ? _("whole team") : r->name);
	return false;
}

VALUE_(team_day_login, struct team_day, str_copy(buf, size, r->login))
VALUE_(team_day_team, struct team_day, put_team(env, r->team, form, buf, size))
VALUE_(team_day_due, struct team_day, put_int(r->f.due, buf, size))
VALUE_(team_day_attempted, struct team_day, put_int(r->f.attempted, buf, size))
VALUE_(team_day_reached, struct team_day, put_int(r->f.reached, buf, size))
VALUE_(team_day_finished, struct team_day, put_int(r->f.finished, buf, size))
VALUE_(team_day_missed, struct team_day, put_int(r->f.missed, buf, size))
VALUE_(team_day_open, struct team_day, put_int(r->f.open, buf, size))
VALUE_(team_day_escalations, struct team_day, put_int(r->f.esc_raised, buf, size))
VALUE_(team_day_calls, struct team_day, put_int(r->f.calls, buf, size))
VALUE_(team_day_score, struct team_day, put_figure(report_avg_score(&r->f), "%.2f", form, buf, size))
VALUE_(team_day_per_hour, struct team_day,
       put_figure(report_calls_per_hour(&r->f), "%.1f", form, buf, size))

static const struct col_def team_day_cols[] = {
	{"login", N_("login"), D_ | T_, 10, 0, -1, NULL, team_day_login},
	{"name", N_("operator"), D_ | T_ | S_, 0, 8, -1, NULL, team_day_name},
	{"team", N_("team"), D_ | T_, 10, 0, -1, NULL, team_day_team},
	{"due", N_("due"), D_ | T_ | S_, 5, 0, 1, NULL, team_day_due},
	{"attempted", N_("called"), D_ | T_ | S_, 6, 0, 1, NULL, team_day_attempted},
	{"reached", N_("reached"), D_ | T_ | S_, 7, 0, 1, NULL, team_day_reached},
	{"finished", N_("finished"), D_ | T_ | S_, 8, 0, 1, NULL, team_day_finished},
	{"missed", N_("missed"), D_ | T_ | S_, 6, 0, 1, NULL, team_day_missed},
	{"open", N_("open"), D_ | T_ | S_, 5, 0, 1, NULL, team_day_open},
	{"escalations", N_("esc."), D_ | T_ | S_, 4, 0, 1, NULL, team_day_escalations},
	{"calls", N_("calls"), D_ | T_, 5, 0, 1, NULL, team_day_calls},
	{"avg_score", N_("score"), D_ | T_ | S_, 5, 0, 1, NULL, team_day_score},
	{"calls_per_hour", N_("calls/h"), D_ | T_ | S_, 7, 0, 1, NULL, team_day_per_hour},
};

MODEL_(col_team_day, "team day", team_day_cols, struct team_day)

/* ---- consultants' customers to release ------------------------------------------------- */

VALUE_(unseen_id, struct unseen_customer, put_id(r->id, buf, size))
VALUE_(unseen_consultant, struct unseen_customer, str_copy(buf, size, r->consultant))
VALUE_(unseen_name, struct unseen_customer, str_copy(buf, size, r->name))
VALUE_(unseen_last_visit, struct unseen_customer, put_date(r->last_visit, buf, size))

static const struct col_def unseen_cols[] = {
	{"customer_id", N_("customer id"), D_ | T_, 8, 0, 1, NULL, unseen_id},
	{"consultant", N_("consultant"), D_ | T_ | S_, 12, 0, -1, NULL, unseen_consultant},
	{"customer_name", N_("customer"), D_ | T_ | S_, 0, 8, -1, NULL, unseen_name},
	{"last_visit", N_("last visit"), D_ | T_ | S_, 10, 0, -1, NULL, unseen_last_visit},
};

MODEL_(col_unseen, "customer to release", unseen_cols, struct unseen_customer)

/* ---- the model --------------------------------------------------------------------------- */

/* A COL_PER_DIM column's instance for dimension k: its index with the dimension above it. */
#define DIM_STRIDE 256
_Static_assert(HF_MAX_DIMS < 100, "instances of a column stay clear of int's range");

static int def_index(int c)
{
	return c % DIM_STRIDE;
}

static int dim_index(int c)
{
	return c / DIM_STRIDE - 1;
}

int col_pick(const struct col_model *m, unsigned in, const struct col_env *env, int *idx)
{
	int n = 0;
	for (int c = 0; c < m->ncols; c++) {
		if (!(m->cols[c].in & in))
			continue;
		if (!(m->cols[c].in & COL_PER_DIM))
			idx[n++] = c;
		else
			for (int k = 0; env && env->cfg && k < env->cfg->ndimensions && k < HF_MAX_DIMS; k++)
				idx[n++] = c + (k + 1) * DIM_STRIDE;
	}
	return n;
}

int col_index(const struct col_model *m, const char *code)
{
	for (int c = 0; c < m->ncols; c++)
		if (str_eq(m->cols[c].code, code))
			return c;
	return -1;
}

const struct col_def *col_def_of(const struct col_model *m, int c)
{
	return &m->cols[def_index(c)];
}

const char *col_code(const struct col_model *m, int c, const struct col_env *env, char *buf,
                     size_t size)
{
	const struct col_def *d = col_def_of(m, c);
	if (dim_index(c) < 0 || !env || !env->cfg)
		return d->code;
	snprintf(buf, size, "%s%s", d->code, env->cfg->dimensions[dim_index(c)].code);
	return buf;
}

const char *col_header(const struct col_model *m, int c, const struct col_env *env)
{
	if (dim_index(c) < 0 || !env || !env->cfg)
		return _(col_def_of(m, c)->header);
	return _(env->cfg->dimensions[dim_index(c)].name);
}

const void *col_record(const struct col_model *m, const void *recs, size_t i)
{
	return (const char *)recs + i * m->rec_size;
}

bool col_value(const struct col_model *m, int c, const void *rec, const struct col_env *env,
               enum col_form form, char *buf, size_t size)
{
	if (size)
		buf[0] = 0;
	if (c < 0 || def_index(c) >= m->ncols || !rec)
		return false;
	if (dim_index(c) < 0)
		return m->cols[c].value(rec, env, form, buf, size);
	if (!env || !env->cfg || dim_index(c) >= env->cfg->ndimensions)
		return false;
	struct col_env one = *env;
	one.dim = dim_index(c);
	return m->cols[def_index(c)].value(rec, &one, form, buf, size);
}

int col_widest(const struct col_model *m, int c, const struct col_env *env)
{
	const struct col_def *d = col_def_of(m, c);
	return d->widest ? d->widest(env) : d->width;
}
