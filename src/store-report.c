/* store-report.c — what the reports count, read for a period: tasks due, their calls, the
 * calls made, the escalations raised or resolved, each with the facet a report groups by,
 * handed on one row at a time. The figures are computed in report.c. */
#include <string.h>

#include "huifang/date.h"
#include "huifang/str.h"
#include "store-int.h"

/* A stamp in the period [:from, :to]: a range of the stamps themselves (not of a substr of
 * them), so that the indexes of schema version 11 find its rows. */
#define IN_PERIOD(col) " " col " >= :from AND " col " < date(:to, '+1 day') "

/* Each read selects the facet asked as its last column, one statement per facet (in the order
 * of enum report_facet): a report without one reads no visit or customer, as SQLite leaves out
 * a LEFT JOIN on a key that nothing reads. */
#define FACET_SQL(before, after) { \
	before "''" after, \
	before "coalesce(v.doctor, '')" after, \
	before "coalesce(v.treatment, '')" after, \
	before "coalesce(cu.value_segment, '')" after, \
}
#define FACET_JOIN(task, customer) \
	" LEFT JOIN visit v ON v.id = " task ".visit_id LEFT JOIN customer cu ON cu.id = " customer

static void read_report_task(struct stmt *s, void *row, const void *arg)
{
	(void)arg;
	struct report_task *t = row;
	memset(t, 0, sizeof *t);
	t->id = stmt_int(s, 0);
	col_copy(s, 1, t->team, sizeof t->team);
	col_copy(s, 2, t->owner, sizeof t->owner);
	t->status = task_status_from_code(stmt_text(s, 3));
	t->step = (int)stmt_int(s, 4);
	col_copy(s, 5, t->script, sizeof t->script);
	col_copy(s, 6, t->facet, sizeof t->facet);
}

bool store_report_tasks(struct store *st, hf_date from, hf_date to, enum report_facet facet,
                        store_each_fn fn, void *arg)
{
	/* Cancelled and merged tasks were never owed as calls of their own. */
	static const char *const sql[] = FACET_SQL(
	    "SELECT t.id, t.team, t.owner, t.status, t.step, t.script, ",
	    " FROM task t" FACET_JOIN("t", "t.customer_id") " WHERE t.due_date BETWEEN :from AND :to "
	    "AND t.status NOT IN ('cancelled', 'merged') ORDER BY t.id");
	struct stmt *s = stmt_prepare(st, sql[facet]);
	store_bind_range(s, from, to);
	return store_each_row(s, sizeof(struct report_task), read_report_task, NULL, NULL, fn, arg);
}

static void read_report_call(struct stmt *s, void *row, const void *arg)
{
	(void)arg;
	struct report_call *c = row;
	memset(c, 0, sizeof *c);
	c->task_id = stmt_int(s, 0);
	col_copy(s, 1, c->operator_login, sizeof c->operator_login);
	col_copy(s, 2, c->team, sizeof c->team);
	c->started = col_stamp(s, 3);
	c->ended = col_stamp(s, 4);
	col_copy(s, 5, c->outcome, sizeof c->outcome);
	c->score = (int)stmt_int(s, 6);
	c->nps = (int)stmt_int(s, 7);
	col_copy(s, 8, c->complaint, sizeof c->complaint);
	col_copy(s, 9, c->facet, sizeof c->facet);
	col_dims(s, 10, c->dims, &c->ndims);
}

/* A call's columns up to its facet; its dimensions' scores follow the facet. */
#define REPORT_CALL_SELECT \
	"SELECT c.task_id, c.operator, coalesce(t.team, ''), c.started_at, c.ended_at, c.outcome, " \
	"coalesce(c.score, 0), coalesce(c.nps, -1), c.complaint, "
#define REPORT_CALL_DIMS ", " CALL_DIMS("c.id")

bool store_report_calls(struct store *st, hf_date from, hf_date to, enum report_facet facet,
                        store_each_fn fn, void *arg)
{
	static const char *const sql[] = FACET_SQL(REPORT_CALL_SELECT,
	    REPORT_CALL_DIMS " FROM call c LEFT JOIN task t ON t.id = c.task_id"
	    FACET_JOIN("t", "c.customer_id")
	    " WHERE" IN_PERIOD("c.started_at")
	    "ORDER BY c.started_at, c.id");
	struct stmt *s = stmt_prepare(st, sql[facet]);
	store_bind_range(s, from, to);
	return store_each_row(s, sizeof(struct report_call), read_report_call, NULL, NULL, fn, arg);
}

bool store_report_task_calls(struct store *st, hf_date from, hf_date to, enum report_facet facet,
                             store_each_fn fn, void *arg)
{
	/* These calls only say whether a task was called and reached: no dimension is read. */
	static const char *const sql[] = FACET_SQL(REPORT_CALL_SELECT,
	    ", ''" " FROM call c JOIN task t ON t.id = c.task_id"
	    FACET_JOIN("t", "c.customer_id")
	    " WHERE t.due_date BETWEEN :from AND :to AND t.status NOT IN ('cancelled', 'merged') "
	    "ORDER BY c.task_id, c.started_at, c.id");
	struct stmt *s = stmt_prepare(st, sql[facet]);
	store_bind_range(s, from, to);
	return store_each_row(s, sizeof(struct report_call), read_report_call, NULL, NULL, fn, arg);
}

static void read_report_esc(struct stmt *s, void *row, const void *arg)
{
	(void)arg;
	struct report_escalation *e = row;
	memset(e, 0, sizeof *e);
	col_copy(s, 0, e->team, sizeof e->team);
	col_copy(s, 1, e->raised_by, sizeof e->raised_by);
	e->raised_at = col_stamp(s, 2);
	e->acked_at = col_stamp(s, 3);
	e->resolved_at = col_stamp(s, 4);
	e->breached_levels = (int)stmt_int(s, 5);
	col_copy(s, 6, e->facet, sizeof e->facet);
}

bool store_report_escalations(struct store *st, hf_date from, hf_date to, enum report_facet facet,
                              store_each_fn fn, void *arg)
{
	static const char *const sql[] = FACET_SQL(
	    "SELECT coalesce(t.team, ''), e.raised_by, e.raised_at, e.acknowledged_at, e.resolved_at, "
	    "e.breached_levels, ",
	    " FROM escalation e LEFT JOIN task t ON t.id = e.task_id" FACET_JOIN("t", "e.customer_id")
	    " WHERE" IN_PERIOD("e.raised_at") "OR" IN_PERIOD("e.resolved_at") "ORDER BY e.id");
	struct stmt *s = stmt_prepare(st, sql[facet]);
	store_bind_range(s, from, to);
	return store_each_row(s, sizeof(struct report_escalation), read_report_esc, NULL, NULL, fn,
	                      arg);
}
