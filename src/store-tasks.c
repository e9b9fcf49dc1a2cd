/* store-tasks.c — tasks: the queue, a customer's tasks for the rules, writing task records. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "huifang/date.h"
#include "huifang/str.h"
#include "store-int.h"

#define TASK_COLS \
	"t.id, t.customer_id, coalesce(t.visit_id,0), t.kind, t.step, t.due_date, t.due_time, " \
	"t.window_end, t.team, t.owner, t.status, t.attempts, t.priority, t.script, t.origin, " \
	"t.touched_at, coalesce(t.merged_into,0), t.last_outcome, t.claimed_by, t.claimed_until, " \
	"c.name, c.phone, coalesce(v.treatment,''), c.value_segment, c.value_vip, c.value_rank"
#define TASK_FROM \
	" FROM task t JOIN customer c ON c.id = t.customer_id LEFT JOIN visit v ON v.id = t.visit_id "

static void read_task_rec(struct stmt *s, struct hf_task_rec *t)
{
	memset(t, 0, sizeof *t);
	t->id = stmt_int(s, 0);
	t->visit_id = stmt_int(s, 2);
	t->kind = task_kind_from_code(stmt_text(s, 3));
	t->step = (int)stmt_int(s, 4);
	t->due = col_date(s, 5);
	t->due_minute = -1;
	if (!stmt_is_null(s, 6) && !hhmm_parse(stmt_text(s, 6), &t->due_minute))
		t->due_minute = -1;
	t->window_end = col_date(s, 7);
	col_copy(s, 8, t->team, sizeof t->team);
	col_copy(s, 9, t->owner, sizeof t->owner);
	t->status = task_status_from_code(stmt_text(s, 10));
	t->attempts = (int)stmt_int(s, 11);
	t->priority = (int)stmt_int(s, 12);
	col_copy(s, 13, t->script, sizeof t->script);
	store_why_read(s->st, stmt_text(s, 14), &t->origin);
	t->touched = stmt_is_null(s, 15) ? HF_NO_STAMP : col_stamp(s, 15);
	t->merged_into = stmt_int(s, 16);
}

static void read_task(struct stmt *s, struct hf_task *t, hf_date day)
{
	memset(t, 0, sizeof *t);
	read_task_rec(s, &t->t);
	t->customer_id = stmt_int(s, 1);
	col_copy(s, 17, t->last_outcome, sizeof t->last_outcome);
	col_copy(s, 18, t->claimed_by, sizeof t->claimed_by);
	t->claimed_until = col_stamp(s, 19);
	col_copy(s, 20, t->customer_name, sizeof t->customer_name);
	col_copy(s, 21, t->phone, sizeof t->phone);
	col_copy(s, 22, t->treatment, sizeof t->treatment);
	col_copy(s, 23, t->segment, sizeof t->segment);
	t->vip = stmt_int(s, 24) != 0;
	t->rank = (int)stmt_int(s, 25);
	t->overdue = day != HF_NO_DATE && t->t.due < day;
}

static void read_task_row(struct stmt *s, void *row, const void *day)
{
	read_task(s, row, *(const hf_date *)day);
}

static void read_task_rec_row(struct stmt *s, void *row, const void *arg)
{
	(void)arg;
	read_task_rec(s, row);
}

/* One statement per scope, so each can use its own index. The order is store_queue_cmp's. What
 * a queue holds is written once: p is "" or "+", the unary + that keeps SQLite from searching
 * by status and day where another index (or the changed ids) leads. */
#define QUEUE_WHERE_(p) \
	p "t.status = 'open' AND " p "t.due_date <= :day AND c.do_not_call = 0 " \
	"AND (:seg = '' OR c.value_segment = :seg) "
#define QUEUE_WHERE QUEUE_WHERE_("")
#define QUEUE_ORDER \
	"ORDER BY t.due_date < :day DESC, t.due_date, coalesce(t.due_time, ''), " \
	"t.priority + c.value_rank DESC, t.id"
#define QUEUE_SQL(scope) "SELECT " TASK_COLS TASK_FROM "WHERE " QUEUE_WHERE "AND " scope " " QUEUE_ORDER

/* The own-and-pool scope is two index searches, the login's open tasks (task_owner_queue) and
 * the team's unowned ones (task_team_queue), whose ids lead the query; as one OR beside the
 * status and day it read every open task due by the day (task_queue) and filtered. The unary
 * + keeps SQLite from searching by status and day instead. */
#define POOL_SCOPE \
	"t.id IN (SELECT id FROM task WHERE status = 'open' AND owner = :login AND due_date <= :day " \
	"UNION ALL SELECT id FROM task WHERE status = 'open' AND owner = '' AND team = :team " \
	"AND due_date <= :day)"

/* A refresh reads the tasks changed after :since (queue_change_rev), and of those the ones in
 * the scope; the unary + keeps every other index out of the way. */
#define CHANGED "t.id IN (SELECT task_id FROM queue_change WHERE rev > :since) "
#define REFRESH_SQL(scope) \
	"SELECT " TASK_COLS TASK_FROM "WHERE " CHANGED "AND " QUEUE_WHERE_("+") "AND " scope " " QUEUE_ORDER

static struct stmt *queue_stmt(struct store *st, const struct queue_filter *f, bool refresh)
{
	static const char *const sql[][4] = {
		{
			[SCOPE_MINE_AND_POOL] =
				"SELECT " TASK_COLS TASK_FROM "WHERE " QUEUE_WHERE_("+") "AND " POOL_SCOPE " "
				QUEUE_ORDER,
			[SCOPE_USER] = QUEUE_SQL("t.owner = :login"),
			[SCOPE_TEAM] = QUEUE_SQL("t.team = :team"),
			[SCOPE_ALL] = QUEUE_SQL("1"),
		},
		{
			[SCOPE_MINE_AND_POOL] = REFRESH_SQL("(+t.owner = :login OR (+t.owner = '' AND +t.team = :team))"),
			[SCOPE_USER] = REFRESH_SQL("+t.owner = :login"),
			[SCOPE_TEAM] = REFRESH_SQL("+t.team = :team"),
			[SCOPE_ALL] = REFRESH_SQL("1"),
		},
	};
	struct stmt *s = stmt_prepare(st, sql[refresh][f->scope]);
	char day[16];
	stmt_bind_text(s, ":day", date_format(f->day, day));
	stmt_bind_text(s, ":seg", f->segment ? f->segment : "");
	if (f->scope == SCOPE_MINE_AND_POOL || f->scope == SCOPE_USER)
		stmt_bind_text(s, ":login", f->login ? f->login : "");
	if (f->scope == SCOPE_MINE_AND_POOL || f->scope == SCOPE_TEAM)
		stmt_bind_text(s, ":team", f->team ? f->team : "");
	return s;
}

bool store_queue(struct store *st, const struct queue_filter *f, struct hf_task **out, size_t *n)
{
	return store_rows(queue_stmt(st, f, false), out, n, sizeof **out, read_task_row, &f->day, NULL);
}

bool store_queue_each(struct store *st, const struct queue_filter *f, store_each_fn fn, void *arg)
{
	return store_each_row(queue_stmt(st, f, false), sizeof(struct hf_task), read_task_row, &f->day,
	                      NULL, fn, arg);
}

long long store_queue_rev(struct store *st)
{
	long long v = -1;
	return store_int(st, &v, "SELECT coalesce(max(rev), 0) FROM queue_change", NULL) == STORE_FOUND
	       ? v : -1;
}

/* QUEUE_ORDER in C: overdue first (all rows are due by the day, so that is the due day
 * ascending), then the time of day (none before any), the priority with the customer's rank
 * (highest first), the id. */
static int store_queue_cmp(const struct hf_task *a, const struct hf_task *b)
{
	if (a->t.due != b->t.due)
		return a->t.due < b->t.due ? -1 : 1;
	if (a->t.due_minute != b->t.due_minute)
		return a->t.due_minute < b->t.due_minute ? -1 : 1;
	int pa = a->t.priority + a->rank, pb = b->t.priority + b->rank;
	if (pa != pb)
		return pa > pb ? -1 : 1;
	return (a->t.id > b->t.id) - (a->t.id < b->t.id);
}

static void read_id(struct stmt *s, void *row, const void *arg)
{
	(void)arg;
	*(hf_id *)row = stmt_int(s, 0);
}

static int id_cmp(const void *a, const void *b)
{
	hf_id x = *(const hf_id *)a, y = *(const hf_id *)b;
	return (x > y) - (x < y);
}

static bool refresh(struct store *st, const struct queue_filter *f, long long *since,
                    struct hf_task **rows, size_t *n)
{
	long long now = store_queue_rev(st);
	if (now < 0)
		return false;
	if (now == *since)
		return true;
	struct stmt *s = stmt_prepare(st, "SELECT task_id FROM queue_change WHERE rev > :since ORDER BY task_id");
	stmt_bind_int(s, ":since", *since);
	hf_id *ids;
	size_t nids;
	if (!store_rows(s, &ids, &nids, sizeof *ids, read_id, NULL, NULL))
		return false;
	struct hf_task *fresh = NULL;
	size_t nfresh = 0;
	s = queue_stmt(st, f, true);
	stmt_bind_int(s, ":since", *since);
	if (!store_rows(s, &fresh, &nfresh, sizeof *fresh, read_task_row, &f->day, NULL)) {
		free(ids);
		return false;
	}
	/* The rows not changed, kept in place, then the fresh ones merged in from the end: both
	 * are in queue order, and no row is copied more than once (a row is kilobytes; a
	 * supervisor's queue thousands of them). */
	struct hf_task *v = *rows;
	size_t kept = 0;
	for (size_t i = 0; i < *n; i++) {
		if (nids && bsearch(&v[i].t.id, ids, nids, sizeof *ids, id_cmp))
			continue;
		if (kept != i)
			v[kept] = v[i];
		kept++;
	}
	size_t k = kept + nfresh;
	if (nfresh)
		v = xrealloc(v, k * sizeof *v);
	for (size_t i = kept, j = nfresh, o = k; j > 0; ) {
		if (i > 0 && store_queue_cmp(&v[i - 1], &fresh[j - 1]) > 0)
			v[--o] = v[--i];
		else
			v[--o] = fresh[--j];
	}
	free(ids);
	free(fresh);
	*rows = v;
	*n = k;
	*since = now;
	return true;
}

bool store_queue_refresh(struct store *st, const struct queue_filter *f, long long *since,
                         struct hf_task **rows, size_t *n)
{
	/* The revision, the changed ids and their rows from one snapshot: a change committed
	 * meanwhile is read next time (its revision is above `now`), never half of it now. */
	if (!store_read_begin(st))
		return false;
	bool ok = refresh(st, f, since, rows, n);
	store_read_end(st);
	return ok;
}

bool store_day_tasks(struct store *st, const char *login, hf_date day, struct hf_task **out,
                     size_t *n)
{
	/* As the reports count them: owned, or in the pool and called last by this login. */
	struct stmt *s = stmt_prepare(st, "SELECT " TASK_COLS TASK_FROM
	    "WHERE t.due_date = :day AND t.status NOT IN ('cancelled', 'merged') AND (t.owner = :login "
	    "OR (t.owner = '' AND (SELECT operator FROM call WHERE task_id = t.id "
	    "ORDER BY started_at DESC, id DESC LIMIT 1) = :login)) "
	    "ORDER BY t.status <> 'open', coalesce(t.due_time, ''), t.id");
	char d[16];
	stmt_bind_text(s, ":day", date_format(day, d));
	stmt_bind_text(s, ":login", login);
	return store_rows(s, out, n, sizeof **out, read_task_row, &day, NULL);
}

enum store_found store_task_get(struct store *st, hf_id id, struct hf_task *out)
{
	struct stmt *s = stmt_prepare(st, "SELECT " TASK_COLS TASK_FROM "WHERE t.id = :id");
	stmt_bind_int(s, ":id", id);
	int rc = stmt_step(s);
	if (rc == 1)
		read_task(s, out, HF_NO_DATE);
	stmt_done(s);
	return found_of(rc);
}

bool store_task_claim(struct store *st, hf_id task, const char *login, hf_stamp until)
{
	char u[20];
	return store_exec(st, "UPDATE task SET claimed_by = :me, claimed_until = :until WHERE id = :id",
	                  ":me", 't', login, ":until", 't', stamp_format(until, u),
	                  ":id", 'i', (long long)task, NULL);
}

bool store_task_release(struct store *st, hf_id task, const char *login)
{
	return store_exec(st, "UPDATE task SET claimed_by = '', claimed_until = '' "
	                      "WHERE id = :id AND claimed_by = :me",
	                  ":id", 'i', (long long)task, ":me", 't', login, NULL);
}

bool store_task_logged(struct store *st, hf_id task, const char *outcome)
{
	return store_exec(st, "UPDATE task SET last_outcome = :o, claimed_by = '', claimed_until = '' "
	                      "WHERE id = :id", ":o", 't', outcome, ":id", 'i', (long long)task, NULL);
}

bool store_tasks_to_pool(struct store *st, const char *owner)
{
	return store_exec(st, "UPDATE task SET owner = '' WHERE owner = :l AND status = 'open'",
	                  ":l", 't', owner, NULL);
}

bool store_customer_tasks(struct store *st, hf_id customer, struct hf_task_rec **out, size_t *n)
{
	struct stmt *s = stmt_prepare(st, "SELECT " TASK_COLS TASK_FROM
	                                  "WHERE t.customer_id = :c ORDER BY t.due_date, t.id");
	stmt_bind_int(s, ":c", customer);
	return store_rows(s, out, n, sizeof **out, read_task_rec_row, NULL, NULL);
}

bool store_task_owner(struct store *st, hf_id id, const char *owner, hf_stamp at)
{
	char nw[20];
	return store_exec(st,
	    "UPDATE task SET owner = :owner, touched_at = :at, updated_at = :at "
	    "WHERE id = :id AND status = 'open'",
	    ":owner", 't', owner, ":at", 't', stamp_format(at, nw), ":id", 'i', (long long)id, NULL);
}

static const char *bind_time(int minute, char buf[8])
{
	if (minute < 0)
		return NULL;
	snprintf(buf, 8, "%02d:%02d", minute / 60 % 24, minute % 60);
	return buf;
}

hf_id store_task_insert(struct store *st, hf_id customer, const struct hf_task_rec *t, hf_stamp now)
{
	char due[16], we[16], tm[8], nw[20];
	char *origin = store_why_json(st, &t->origin, false);
	bool ok = origin && store_exec(st,
	    "INSERT INTO task(customer_id, visit_id, kind, step, due_date, due_time, window_end, team, "
	    "owner, status, attempts, priority, script, origin, merged_into, created_at, updated_at) "
	    "VALUES (:c, :visit, :kind, :step, :due, :time, :we, :team, :owner, :status, :attempts, "
	    ":prio, :script, :origin, :merged, :now, :now)",
	    ":c", 'i', (long long)customer, ":visit", 'z', (long long)t->visit_id,
	    ":kind", 't', task_kind_code(t->kind), ":step", 'i', (long long)t->step,
	    ":due", 't', date_format(t->due, due), ":time", 't', bind_time(t->due_minute, tm),
	    ":we", 't', date_format(t->window_end == HF_NO_DATE ? t->due : t->window_end, we),
	    ":team", 't', t->team, ":owner", 't', t->owner,
	    ":status", 't', task_status_code(t->status == TASK_STATUS_NONE ? TASK_OPEN : t->status),
	    ":attempts", 'i', (long long)t->attempts, ":prio", 'i', (long long)t->priority,
	    ":script", 't', t->script, ":origin", 't', origin,
	    ":merged", 'z', (long long)t->merged_into, ":now", 't', stamp_format(now, nw), NULL);
	free(origin);
	return ok ? store_last_id(st) : 0;
}

bool store_task_update(struct store *st, const struct hf_task_rec *t, bool touched, hf_stamp now)
{
	char due[16], we[16], tm[8], nw[20];
	return store_exec(st,
	    "UPDATE task SET status = :status, due_date = :due, due_time = :time, window_end = :we, "
	    "attempts = :attempts, owner = :owner, merged_into = :merged, updated_at = :now, "
	    "touched_at = CASE WHEN :touched THEN :now ELSE touched_at END WHERE id = :id",
	    ":status", 't', task_status_code(t->status), ":due", 't', date_format(t->due, due),
	    ":time", 't', bind_time(t->due_minute, tm),
	    ":we", 't', date_format(t->window_end == HF_NO_DATE ? t->due : t->window_end, we),
	    ":attempts", 'i', (long long)t->attempts, ":owner", 't', t->owner,
	    ":merged", 'z', (long long)t->merged_into, ":now", 't', stamp_format(now, nw),
	    ":touched", 'i', (long long)touched, ":id", 'i', (long long)t->id, NULL);
}

bool store_each_task(struct store *st, hf_date from, hf_date to, store_each_fn fn, void *arg)
{
	struct stmt *s = stmt_prepare(st, "SELECT " TASK_COLS TASK_FROM
	    "WHERE (:from IS NULL OR t.due_date >= :from) AND (:to IS NULL OR t.due_date <= :to) "
	    "ORDER BY t.id");
	store_bind_range(s, from, to);
	static const hf_date no_day = HF_NO_DATE;
	return store_each_row(s, sizeof(struct hf_task), read_task_row, &no_day, NULL, fn, arg);
}
