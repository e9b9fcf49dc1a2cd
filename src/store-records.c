/* store-records.c — users, customers, visits, calls and escalations in the database. */
#include <stdlib.h>
#include <string.h>

#include "huifang/date.h"
#include "huifang/str.h"
#include "store-int.h"

/* ---- users --------------------------------------------------------------------------- */

#define USER_COLS "login, name, role, team, active, created_at"

static void read_user(struct stmt *s, struct hf_user *u)
{
	memset(u, 0, sizeof *u);
	col_copy(s, 0, u->login, sizeof u->login);
	col_copy(s, 1, u->name, sizeof u->name);
	u->role = role_from_code(stmt_text(s, 2));
	col_copy(s, 3, u->team, sizeof u->team);
	u->active = stmt_int(s, 4) != 0;
	u->created = col_stamp(s, 5);
}

enum store_found store_user_get(struct store *st, const char *login, struct hf_user *out)
{
	struct stmt *s = stmt_prepare(st, "SELECT " USER_COLS " FROM user WHERE login = :login");
	stmt_bind_text(s, ":login", login);
	int rc = stmt_step(s);
	if (rc == 1)
		read_user(s, out);
	stmt_done(s);
	return found_of(rc);
}

bool store_user_put(struct store *st, const struct hf_user *u)
{
	char created[20];
	return store_exec(st,
	                  "INSERT INTO user(login, name, role, team, active, created_at) "
	                  "VALUES (:login, :name, :role, :team, :active, :created) "
	                  "ON CONFLICT(login) DO UPDATE SET name = excluded.name, role = excluded.role, "
	                  "team = excluded.team, active = excluded.active",
	                  ":login", 't', u->login, ":name", 't', u->name, ":role", 't', role_code(u->role),
	                  ":team", 't', u->team, ":active", 'i', (long long)u->active,
	                  ":created", 't', bind_stamp(u->created, created) ? created : "", NULL);
}

static void read_user_row(struct stmt *s, void *row, const void *arg)
{
	(void)arg;
	read_user(s, row);
}

bool store_users(struct store *st, struct hf_user **out, size_t *n)
{
	struct stmt *s = stmt_prepare(st, "SELECT " USER_COLS " FROM user ORDER BY login");
	return store_rows(s, out, n, sizeof **out, read_user_row, NULL, NULL);
}

long long store_user_count(struct store *st)
{
	long long n = -1;
	store_int(st, &n, "SELECT count(*) FROM user", NULL);
	return n;
}

/* ---- customers ----------------------------------------------------------------------- */

long long store_customer_count(struct store *st)
{
	long long n = -1;
	store_int(st, &n, "SELECT count(*) FROM customer", NULL);
	return n;
}

#define CUSTOMER_COLS "id, coalesce(external_id,''), name, phone, gender, birthday, consultant, " \
	"source, tags, do_not_call, phone_invalid, created_at, value_day, value_last_visit, " \
	"coalesce(value_recency,-1), value_frequency, value_monetary, value_scores, value_segment, " \
	"value_vip, value_rank"

static void read_customer(struct stmt *s, struct hf_customer *c)
{
	memset(c, 0, sizeof *c);
	c->id = stmt_int(s, 0);
	col_copy(s, 1, c->external_id, sizeof c->external_id);
	col_copy(s, 2, c->name, sizeof c->name);
	col_copy(s, 3, c->phone, sizeof c->phone);
	col_copy(s, 4, c->gender, sizeof c->gender);
	c->birthday = col_date(s, 5);
	col_copy(s, 6, c->consultant, sizeof c->consultant);
	col_copy(s, 7, c->source, sizeof c->source);
	col_copy(s, 8, c->tags, sizeof c->tags);
	c->do_not_call = stmt_int(s, 9) != 0;
	c->phone_invalid = stmt_int(s, 10) != 0;
	c->created = col_stamp(s, 11);
	struct hf_value *v = &c->value;
	v->day = stmt_is_null(s, 12) ? HF_NO_DATE : col_date(s, 12);
	v->last_visit = stmt_is_null(s, 13) ? HF_NO_DATE : col_date(s, 13);
	v->recency = (int)stmt_int(s, 14);
	v->frequency = (int)stmt_int(s, 15);
	v->monetary = stmt_int(s, 16);
	const char *scores = stmt_text(s, 17);
	if (scores && strlen(scores) == 3) {
		v->r = scores[0] - '0';
		v->f = scores[1] - '0';
		v->m = scores[2] - '0';
	}
	col_copy(s, 18, v->segment, sizeof v->segment);
	v->vip = stmt_int(s, 19) != 0;
	v->rank = (int)stmt_int(s, 20);
}

bool store_customer_value_set(struct store *st, hf_id id, const struct hf_value *v)
{
	char day[16], last[16], scores[4] = "";
	if (v->last_visit != HF_NO_DATE) {
		scores[0] = (char)('0' + v->r % 10);
		scores[1] = (char)('0' + v->f % 10);
		scores[2] = (char)('0' + v->m % 10);
		scores[3] = 0;
	}
	return store_exec(st,
	    "UPDATE customer SET value_day = :day, value_last_visit = :last, value_recency = :r, "
	    "value_frequency = :f, value_monetary = :m, value_scores = :scores, value_segment = :seg, "
	    "value_vip = :vip, value_rank = :rank WHERE id = :c",
	    ":day", 't', bind_date(v->day, day), ":last", 't', bind_date(v->last_visit, last),
	    ":r", 'i', (long long)v->recency, ":f", 'i', (long long)v->frequency,
	    ":m", 'i', v->monetary, ":scores", 't', scores, ":seg", 't', v->segment,
	    ":vip", 'i', (long long)v->vip, ":rank", 'i', (long long)v->rank,
	    ":c", 'i', (long long)id, NULL);
}

int store_customer_of_team(struct store *st, hf_id customer, const char *team, const char *login)
{
	long long n = 0;
	if (store_int(st, &n, "SELECT EXISTS (SELECT 1 FROM task WHERE customer_id = :c AND "
	                      "(team = :team OR owner = :login))",
	              ":c", 'i', (long long)customer, ":team", 't', team, ":login", 't', login,
	              NULL) == STORE_ERROR)
		return -1;
	return n > 0;
}

enum store_found store_customer_get(struct store *st, hf_id id, struct hf_customer *out)
{
	struct stmt *s = stmt_prepare(st, "SELECT " CUSTOMER_COLS " FROM customer WHERE id = :id");
	stmt_bind_int(s, ":id", id);
	int rc = stmt_step(s);
	if (rc == 1)
		read_customer(s, out);
	stmt_done(s);
	return found_of(rc);
}

bool store_customer_flag(struct store *st, hf_id id, enum customer_flag flag, bool on)
{
	static const char *const sql[] = {
		[CUSTOMER_DO_NOT_CALL] = "UPDATE customer SET do_not_call = :on WHERE id = :c",
		[CUSTOMER_PHONE_INVALID] = "UPDATE customer SET phone_invalid = :on WHERE id = :c",
	};
	return store_exec(st, sql[flag], ":on", 'i', (long long)on, ":c", 'i', (long long)id, NULL);
}

hf_id store_customer_add(struct store *st, const struct hf_customer *c)
{
	char bd[16], created[20];
	bool ok = store_exec(st,
	    "INSERT INTO customer(external_id, name, phone, gender, birthday, consultant, source, tags, "
	    "do_not_call, phone_invalid, created_at) VALUES (:ext, :name, :phone, :gender, :birthday, "
	    ":consultant, :source, :tags, :dnc, :pinv, :created)",
	    ":ext", 't', str_empty(c->external_id) ? NULL : c->external_id, ":name", 't', c->name,
	    ":phone", 't', c->phone, ":gender", 't', c->gender, ":birthday", 't', bind_date(c->birthday, bd),
	    ":consultant", 't', c->consultant, ":source", 't', c->source, ":tags", 't', c->tags,
	    ":dnc", 'i', (long long)c->do_not_call, ":pinv", 'i', (long long)c->phone_invalid,
	    ":created", 't', bind_stamp(c->created, created) ? created : "", NULL);
	return ok ? store_last_id(st) : 0;
}

static void read_id(struct stmt *s, void *row, const void *arg)
{
	(void)arg;
	*(hf_id *)row = stmt_int(s, 0);
}

bool store_plannable_customers(struct store *st, hf_id **out, size_t *n)
{
	struct stmt *s = stmt_prepare(st,
	    "SELECT id FROM customer WHERE id IN (SELECT customer_id FROM visit) "
	    "OR id IN (SELECT customer_id FROM task WHERE status = 'open') ORDER BY id");
	return store_rows(s, out, n, sizeof **out, read_id, NULL, NULL);
}

bool store_plan_due_customers(struct store *st, hf_date day, hf_id **out, size_t *n)
{
	char d[16];
	/* Through the partial index: without statistics SQLite would rather walk every customer in
	 * id order than sort the few that are due. */
	struct stmt *s = stmt_prepare(st, "SELECT id FROM customer INDEXED BY customer_plan_due "
	                                  "WHERE plan_due <= :day ORDER BY id");
	stmt_bind_text(s, ":day", date_format(day, d));
	return store_rows(s, out, n, sizeof **out, read_id, NULL, NULL);
}

long long store_customer_plan_rev(struct store *st, hf_id customer)
{
	long long rev = 0;
	switch (store_int(st, &rev, "SELECT plan_rev FROM customer WHERE id = :id", ":id", 'i',
	                  (long long)customer, NULL)) {
	case STORE_FOUND: return rev;
	case STORE_NONE: return -1;
	default: return -2;
	}
}

bool store_customer_plan_due_set(struct store *st, hf_id customer, hf_date next)
{
	char d[16];
	return store_exec(st, "UPDATE customer SET plan_due = :d WHERE id = :id", ":d", 't',
	                  bind_date(next, d), ":id", 'i', (long long)customer, NULL);
}

static void read_unseen(struct stmt *s, void *row, const void *arg)
{
	(void)arg;
	struct unseen_customer *u = row;
	u->id = stmt_int(s, 0);
	col_copy(s, 1, u->name, sizeof u->name);
	col_copy(s, 2, u->consultant, sizeof u->consultant);
	u->last_visit = col_date(s, 3);
}

bool store_unseen_customers(struct store *st, hf_date before, struct unseen_customer **out,
                            size_t *n)
{
	char cutoff[16];
	struct stmt *s = stmt_prepare(st,
	    "SELECT c.id, c.name, c.consultant, max(v.date) AS last FROM customer c "
	    "JOIN visit v ON v.customer_id = c.id WHERE c.consultant <> '' AND c.do_not_call = 0 "
	    /* One released since the cutoff has its new consultant's months to be seen. */
	    "AND c.id NOT IN (SELECT entity_id FROM audit WHERE action = 'release' "
	    "AND entity = 'customer' AND at >= :cutoff) "
	    "GROUP BY c.id HAVING last < :cutoff ORDER BY c.consultant, last, c.id");
	stmt_bind_text(s, ":cutoff", date_format(before, cutoff));
	return store_rows(s, out, n, sizeof **out, read_unseen, NULL, NULL);
}

/* ---- visits -------------------------------------------------------------------------- */

#define VISIT_COLS "id, customer_id, date, kind, treatment, doctor, team, course_end, amount"

static void read_visit(struct stmt *s, struct hf_visit *v)
{
	memset(v, 0, sizeof *v);
	v->id = stmt_int(s, 0);
	v->customer_id = stmt_int(s, 1);
	v->date = col_date(s, 2);
	v->kind = visit_kind_from_code(stmt_text(s, 3));
	col_copy(s, 4, v->treatment, sizeof v->treatment);
	col_copy(s, 5, v->doctor, sizeof v->doctor);
	col_copy(s, 6, v->team, sizeof v->team);
	v->course_end = col_date(s, 7);
	v->amount = stmt_int(s, 8);
}

hf_id store_visit_add(struct store *st, const struct hf_visit *v)
{
	char d[16], ce[16], created[20];
	bool ok = store_exec(st,
	    "INSERT INTO visit(customer_id, date, kind, treatment, doctor, team, course_end, amount, "
	    "created_at) VALUES (:cid, :date, :kind, :treatment, :doctor, :team, :ce, :amount, "
	    ":created)",
	    ":cid", 'i', (long long)v->customer_id, ":date", 't', bind_date(v->date, d),
	    ":kind", 't', visit_kind_code(v->kind), ":treatment", 't', v->treatment,
	    ":doctor", 't', v->doctor, ":team", 't', v->team, ":ce", 't', bind_date(v->course_end, ce),
	    ":amount", 'i', (long long)v->amount,
	    ":created", 't', bind_stamp(v->created, created) ? created : "", NULL);
	return ok ? store_last_id(st) : 0;
}

static void read_visit_row(struct stmt *s, void *row, const void *arg)
{
	(void)arg;
	read_visit(s, row);
}

bool store_visits(struct store *st, hf_id customer, struct hf_visit **out, size_t *n)
{
	struct stmt *s = stmt_prepare(st, "SELECT " VISIT_COLS " FROM visit WHERE customer_id = :c "
	                                  "ORDER BY date DESC, id DESC");
	stmt_bind_int(s, ":c", customer);
	return store_rows(s, out, n, sizeof **out, read_visit_row, NULL, NULL);
}

int store_last_score(struct store *st, hf_id customer)
{
	long long score = 0;
	if (store_int(st, &score, "SELECT score FROM call WHERE customer_id = :c AND score IS NOT NULL "
	              "ORDER BY started_at DESC, id DESC LIMIT 1", ":c", 'i', (long long)customer,
	              NULL) == STORE_ERROR)
		return -1;
	return (int)score;
}

/* ---- calls --------------------------------------------------------------------------- */

hf_id store_call_add(struct store *st, const struct hf_call *c)
{
	char s1[20], s2[20], nx[20];
	const char *next = NULL;
	if (c->next != HF_NO_STAMP) {
		/* A next contact at 00:00 is a day without a time. */
		if (stamp_minute(c->next) == 0)
			next = date_format(stamp_date(c->next), nx);
		else
			next = stamp_format(c->next, nx);
	}
	bool ok = store_exec(st,
	    "INSERT INTO call(task_id, customer_id, operator, started_at, ended_at, outcome, score, nps, "
	    "note, next_contact, complaint) VALUES (:task, :cust, :op, :s, :e, :outcome, :score, "
	    "CASE WHEN :nps < 0 THEN NULL ELSE :nps END, :note, :next, :complaint)",
	    ":task", 'i', (long long)c->task_id, ":cust", 'i', (long long)c->customer_id,
	    ":op", 't', c->operator_login, ":s", 't', bind_stamp(c->started, s1),
	    ":e", 't', bind_stamp(c->ended, s2), ":outcome", 't', c->outcome,
	    ":score", 'z', (long long)c->score, ":nps", 'i', (long long)c->nps, ":note", 't', c->note ? c->note : "",
	    ":next", 't', next, ":complaint", 't', c->complaint, NULL);
	hf_id id = ok ? store_last_id(st) : 0;
	for (int i = 0; id && i < c->ndims; i++)
		if (!store_exec(st, "INSERT INTO call_score(call_id, dimension, score) "
		                    "VALUES (:call, :dim, :score)",
		                ":call", 'i', (long long)id, ":dim", 't', c->dims[i].code,
		                ":score", 'i', (long long)c->dims[i].score, NULL))
			id = 0;
	return id;
}

void col_dims(struct stmt *s, int col, struct hf_dim_score *dims, int *n)
{
	const char *p = stmt_text(s, col);
	*n = 0;
	while (*p && *n < HF_MAX_DIMS) {
		size_t len = strcspn(p, ","), eq = strcspn(p, "=");
		struct hf_dim_score *d = &dims[*n];
		if (eq < len && eq < sizeof d->code) {
			memcpy(d->code, p, eq);
			d->code[eq] = 0;
			d->score = atoi(p + eq + 1);
			if (d->score >= 1 && d->score <= 5)
				(*n)++;
		}
		p += len + (p[len] == ',');
	}
}

static void read_call(struct stmt *s, void *row, const void *arg)
{
	(void)arg;
	struct hf_call *c = row;
	memset(c, 0, sizeof *c);
	c->id = stmt_int(s, 0);
	c->task_id = stmt_int(s, 1);
	c->customer_id = stmt_int(s, 2);
	col_copy(s, 3, c->operator_login, sizeof c->operator_login);
	c->started = col_stamp(s, 4);
	c->ended = col_stamp(s, 5);
	col_copy(s, 6, c->outcome, sizeof c->outcome);
	c->score = (int)stmt_int(s, 7);
	c->note = xstrdup(stmt_text(s, 8));
	c->next = stmt_is_null(s, 9) ? HF_NO_STAMP : col_stamp(s, 9);
	col_copy(s, 10, c->complaint, sizeof c->complaint);
	c->nps = (int)stmt_int(s, 11);
	col_dims(s, 12, c->dims, &c->ndims);
}

/* The columns read_call reads. */
#define CALL_COLS \
	"id, coalesce(task_id,0), customer_id, operator, started_at, ended_at, outcome, " \
	"coalesce(score,0), note, next_contact, complaint, coalesce(nps,-1), " CALL_DIMS("call.id")

static void drop_call(void *row)
{
	free(((struct hf_call *)row)->note);
}

bool store_calls(struct store *st, hf_id customer, struct hf_call **out, size_t *n)
{
	struct stmt *s = stmt_prepare(st,
	    "SELECT " CALL_COLS " FROM call "
	    "WHERE customer_id = :c "
	    "ORDER BY started_at DESC, id DESC");
	stmt_bind_int(s, ":c", customer);
	return store_rows(s, out, n, sizeof **out, read_call, NULL, drop_call);
}

enum store_found store_call_get(struct store *st, hf_id id, struct hf_call *out)
{
	struct stmt *s = stmt_prepare(st, "SELECT " CALL_COLS " FROM call WHERE id = :id");
	stmt_bind_int(s, ":id", id);
	int rc = stmt_step(s);
	if (rc == 1)
		read_call(s, out, NULL);
	stmt_done(s);
	return found_of(rc);
}

void store_calls_free(struct hf_call *calls, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(calls[i].note);
	free(calls);
}

/* ---- escalations --------------------------------------------------------------------- */

#define ESC_COLS "e.id, coalesce(e.call_id,0), e.customer_id, coalesce(e.task_id,0), c.name, " \
	"e.severity, e.status, e.reason, e.sla_due, e.raised_at, e.acknowledged_at, e.resolved_at, " \
	"e.raised_by, e.acknowledged_by, e.resolved_by, e.resolution, e.resolution_code, e.assignee, " \
	"e.assignee_team, e.level, e.breached_levels"

static void read_escalation(struct stmt *s, struct hf_escalation *e)
{
	memset(e, 0, sizeof *e);
	e->id = stmt_int(s, 0);
	e->call_id = stmt_int(s, 1);
	e->customer_id = stmt_int(s, 2);
	e->task_id = stmt_int(s, 3);
	col_copy(s, 4, e->customer_name, sizeof e->customer_name);
	e->severity = severity_from_code(stmt_text(s, 5));
	e->status = esc_status_from_code(stmt_text(s, 6));
	store_why_read(s->st, stmt_text(s, 7), &e->reason);
	e->sla_due = col_stamp(s, 8);
	e->raised_at = col_stamp(s, 9);
	e->acked_at = col_stamp(s, 10);
	e->resolved_at = col_stamp(s, 11);
	col_copy(s, 12, e->raised_by, sizeof e->raised_by);
	col_copy(s, 13, e->acked_by, sizeof e->acked_by);
	col_copy(s, 14, e->resolved_by, sizeof e->resolved_by);
	col_copy(s, 15, e->resolution, sizeof e->resolution);
	col_copy(s, 16, e->resolution_code, sizeof e->resolution_code);
	col_copy(s, 17, e->assignee, sizeof e->assignee);
	col_copy(s, 18, e->assignee_team, sizeof e->assignee_team);
	e->level = (int)stmt_int(s, 19);
	e->breached_levels = (int)stmt_int(s, 20);
}

static void read_escalation_row(struct stmt *s, void *row, const void *arg)
{
	(void)arg;
	read_escalation(s, row);
}

hf_id store_escalation_add(struct store *st, const struct hf_escalation *e)
{
	char sla[20], at[20];
	char *reason = store_why_json(st, &e->reason, true);
	bool ok = reason && store_exec(st,
	    "INSERT INTO escalation(call_id, customer_id, task_id, severity, reason, sla_due, "
	    "status, raised_by, raised_at) VALUES (:call, :c, :task, :sev, :reason, :sla, "
	    "'open', :by, :at)",
	    ":call", 'z', (long long)e->call_id, ":c", 'i', (long long)e->customer_id,
	    ":task", 'z', (long long)e->task_id, ":sev", 't', severity_code(e->severity),
	    ":reason", 't', reason, ":sla", 't', bind_stamp(e->sla_due, sla),
	    ":by", 't', e->raised_by, ":at", 't', bind_stamp(e->raised_at, at), NULL);
	free(reason);
	return ok ? store_last_id(st) : 0;
}

/* Open with a deadline missed: recorded (a breached level) or not yet. */
#define ESC_BREACHED \
	"(e.status = 'open' AND (e.breached_levels > 0 OR (e.sla_due <> '' AND e.sla_due < :now)))"
/* Unresolved first, breached first among them, then by severity (urgent first) and SLA due.
 * The unresolved scopes search escalation_status; only --all reads every escalation. */
#define ESC_LIST(where) \
	"SELECT " ESC_COLS " FROM escalation e JOIN customer c ON c.id = e.customer_id WHERE " \
	where " ORDER BY e.status = 'resolved', " ESC_BREACHED " DESC, " \
	"CASE e.severity WHEN 'urgent' THEN 0 WHEN 'high' THEN 1 ELSE 2 END, e.sla_due, e.id"

static struct stmt *escalations_stmt(struct store *st, enum esc_scope scope, const char *login,
                                     hf_stamp now)
{
	static const char *const sql[] = {
		[ESC_SCOPE_OPEN] = ESC_LIST("e.status IN ('open', 'acknowledged')"),
		[ESC_SCOPE_MINE] = ESC_LIST("e.status IN ('open', 'acknowledged') AND e.assignee = :login"),
		[ESC_SCOPE_BREACHED] = ESC_LIST("e.status = 'open' AND " ESC_BREACHED),
		[ESC_SCOPE_ALL] = ESC_LIST("1"),
		/* What the ladder may move: open, past the deadline, not yet recorded at its level. */
		[ESC_SCOPE_DUE] = "SELECT " ESC_COLS " FROM escalation e JOIN customer c ON "
		                  "c.id = e.customer_id WHERE e.status = 'open' AND e.sla_due <> '' AND "
		                  "e.sla_due < :now AND e.breached_levels <= e.level ORDER BY e.id",
	};
	struct stmt *s = stmt_prepare(st, sql[scope]);
	char n[20];
	stmt_bind_text(s, ":now", bind_stamp(now, n));
	if (scope == ESC_SCOPE_MINE)
		stmt_bind_text(s, ":login", login ? login : "");
	return s;
}

bool store_escalations(struct store *st, enum esc_scope scope, const char *login, hf_stamp now,
                       struct hf_escalation **out, size_t *n)
{
	return store_rows(escalations_stmt(st, scope, login, now), out, n, sizeof **out,
	                  read_escalation_row, NULL, NULL);
}

bool store_escalations_each(struct store *st, enum esc_scope scope, const char *login,
                            hf_stamp now, store_each_fn fn, void *arg)
{
	return store_each_row(escalations_stmt(st, scope, login, now), sizeof(struct hf_escalation),
	                      read_escalation_row, NULL, NULL, fn, arg);
}

bool store_customer_escalations(struct store *st, hf_id customer, struct hf_escalation **out,
                                size_t *n)
{
	struct stmt *s = stmt_prepare(st,
	    "SELECT " ESC_COLS " FROM escalation e JOIN customer c ON c.id = e.customer_id "
	    "WHERE e.customer_id = :c ORDER BY e.raised_at DESC, e.id DESC");
	stmt_bind_int(s, ":c", customer);
	return store_rows(s, out, n, sizeof **out, read_escalation_row, NULL, NULL);
}

enum store_found store_escalation_get(struct store *st, hf_id id, struct hf_escalation *out)
{
	struct stmt *s = stmt_prepare(st,
	    "SELECT " ESC_COLS " FROM escalation e JOIN customer c ON c.id = e.customer_id "
	    "WHERE e.id = :id");
	stmt_bind_int(s, ":id", id);
	int rc = stmt_step(s);
	if (rc == 1)
		read_escalation(s, out);
	stmt_done(s);
	return found_of(rc);
}

hf_id store_escalation_last_id(struct store *st)
{
	long long id = 0;
	if (store_int(st, &id, "SELECT max(id) FROM escalation", NULL) == STORE_ERROR)
		return -1;
	return id;
}

/* ---- exports ----------------------------------------------------------------------------- */

#define IN_RANGE(col) \
	" (:from IS NULL OR substr(" col ", 1, 10) >= :from) AND (:to IS NULL OR substr(" col \
	", 1, 10) <= :to) "

static void read_customer_row(struct stmt *s, void *row, const void *arg)
{
	(void)arg;
	read_customer(s, row);
}

bool store_each_customer(struct store *st, hf_date from, hf_date to, store_each_fn fn, void *arg)
{
	struct stmt *s = stmt_prepare(st, "SELECT " CUSTOMER_COLS " FROM customer WHERE"
	                                  IN_RANGE("created_at") "ORDER BY id");
	store_bind_range(s, from, to);
	return store_each_row(s, sizeof(struct hf_customer), read_customer_row, NULL, NULL, fn, arg);
}

bool store_each_visit(struct store *st, hf_date from, hf_date to, store_each_fn fn, void *arg)
{
	struct stmt *s = stmt_prepare(st, "SELECT " VISIT_COLS " FROM visit WHERE" IN_RANGE("date")
	                                  "ORDER BY id");
	store_bind_range(s, from, to);
	return store_each_row(s, sizeof(struct hf_visit), read_visit_row, NULL, NULL, fn, arg);
}

bool store_each_call(struct store *st, hf_date from, hf_date to, store_each_fn fn, void *arg)
{
	struct stmt *s = stmt_prepare(st,
	    "SELECT " CALL_COLS " FROM call WHERE"
	    IN_RANGE("started_at") "ORDER BY id");
	store_bind_range(s, from, to);
	return store_each_row(s, sizeof(struct hf_call), read_call, NULL, drop_call, fn, arg);
}

bool store_each_escalation(struct store *st, hf_date from, hf_date to, store_each_fn fn,
                           void *arg)
{
	struct stmt *s = stmt_prepare(st,
	    "SELECT " ESC_COLS " FROM escalation e JOIN customer c ON c.id = e.customer_id WHERE"
	    IN_RANGE("e.raised_at") "ORDER BY e.id");
	store_bind_range(s, from, to);
	return store_each_row(s, sizeof(struct hf_escalation), read_escalation_row, NULL, NULL, fn,
	                      arg);
}

bool store_escalation_put(struct store *st, const struct hf_escalation *e)
{
	char due[20], ack[20], res[20];
	return store_exec(st,
	    "UPDATE escalation SET status = :status, sla_due = :due, acknowledged_by = :ackby, "
	    "acknowledged_at = :ack, resolved_by = :resby, resolved_at = :res, resolution = :text, "
	    "resolution_code = :code, assignee = :who, assignee_team = :team, level = :level, "
	    "breached_levels = :bl WHERE id = :id",
	    ":status", 't', esc_status_code(e->status), ":due", 't', stamp_format(e->sla_due, due),
	    ":ackby", 't', e->acked_by,
	    ":ack", 't', e->acked_at == HF_NO_STAMP ? "" : stamp_format(e->acked_at, ack),
	    ":resby", 't', e->resolved_by,
	    ":res", 't', e->resolved_at == HF_NO_STAMP ? "" : stamp_format(e->resolved_at, res),
	    ":text", 't', e->resolution, ":code", 't', e->resolution_code, ":who", 't', e->assignee,
	    ":team", 't', e->assignee_team, ":level", 'i', (long long)e->level,
	    ":bl", 'i', (long long)e->breached_levels, ":id", 'i', (long long)e->id, NULL);
}

bool store_escalation_step(struct store *st, hf_id id, hf_stamp at, const char *login,
                           enum hf_esc_step step, const char *value, const char *note)
{
	char when[20];
	return store_exec(st,
	    "INSERT INTO escalation_step(escalation_id, at, login, step, value, note) "
	    "VALUES (:id, :at, :login, :step, :value, :note)",
	    ":id", 'i', (long long)id, ":at", 't', stamp_format(at, when), ":login", 't', login,
	    ":step", 't', esc_step_code(step), ":value", 't', value ? value : "",
	    ":note", 't', note ? note : "", NULL);
}

bool store_escalation_raised_steps(struct store *st, hf_id after)
{
	return store_exec(st,
	    "INSERT INTO escalation_step(escalation_id, at, login, step) "
	    "SELECT id, raised_at, raised_by, 'raised' FROM escalation WHERE id > :after ORDER BY id",
	    ":after", 'i', (long long)after, NULL);
}

static void read_step_row(struct stmt *s, void *row, const void *arg)
{
	(void)arg;
	struct hf_esc_step_row *r = row;
	r->id = stmt_int(s, 0);
	r->at = col_stamp(s, 1);
	col_copy(s, 2, r->login, sizeof r->login);
	r->step = esc_step_from_code(stmt_text(s, 3));
	col_copy(s, 4, r->value, sizeof r->value);
	r->note = xstrdup(stmt_text(s, 5));
}

static void drop_step_row(void *row)
{
	free(((struct hf_esc_step_row *)row)->note);
}

bool store_escalation_steps(struct store *st, hf_id id, struct hf_esc_step_row **out, size_t *n)
{
	struct stmt *s = stmt_prepare(st,
	    "SELECT id, at, login, step, value, note FROM escalation_step WHERE escalation_id = :id "
	    "ORDER BY at, id");
	stmt_bind_int(s, ":id", id);
	return store_rows(s, out, n, sizeof **out, read_step_row, NULL, drop_step_row);
}

void store_escalation_steps_free(struct hf_esc_step_row *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i].note);
	free(v);
}
