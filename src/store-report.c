/* store-report.c — what the reports count, read for a period: tasks due, their calls, the
 * calls made, the escalations raised or resolved, each with the facet a report groups by. The
 * figures are computed in report.c. */
#include <string.h>

#include "huifang/date.h"
#include "huifang/str.h"
#include "store-int.h"

/* Each read selects the three facets last, in the order of enum report_facet: the doctor and
 * the treatment of the task's visit, the customer's segment. */
#define FACET_COLS "coalesce(v.doctor, ''), coalesce(v.treatment, ''), coalesce(cu.value_segment, '')"
#define FACET_JOIN(task, customer) \
	" LEFT JOIN visit v ON v.id = " task ".visit_id LEFT JOIN customer cu ON cu.id = " customer

/* The facet asked (arg: enum report_facet) from the facet columns starting at col. */
static void read_facet(struct stmt *s, int col, const void *arg, char *out, size_t size)
{
	enum report_facet f = *(const enum report_facet *)arg;
	if (f == FACET_NONE)
		*out = 0;
	else
		col_copy(s, col + (int)f - 1, out, size);
}

static void read_report_task(struct stmt *s, void *row, const void *arg)
{
	struct report_task *t = row;
	memset(t, 0, sizeof *t);
	t->id = stmt_int(s, 0);
	col_copy(s, 1, t->team, sizeof t->team);
	col_copy(s, 2, t->owner, sizeof t->owner);
	t->status = task_status_from_code(stmt_text(s, 3));
	t->step = (int)stmt_int(s, 4);
	col_copy(s, 5, t->script, sizeof t->script);
	read_facet(s, 6, arg, t->facet, sizeof t->facet);
}

bool store_report_tasks(struct store *st, hf_date from, hf_date to, enum report_facet facet,
                        struct report_task **out, size_t *n)
{
	/* Cancelled and merged tasks were never owed as calls of their own. */
	struct stmt *s = stmt_prepare(st,
	    "SELECT t.id, t.team, t.owner, t.status, t.step, t.script, " FACET_COLS " FROM task t"
	    FACET_JOIN("t", "t.customer_id") " WHERE t.due_date BETWEEN :from AND :to "
	    "AND t.status NOT IN ('cancelled', 'merged') ORDER BY t.id");
	store_bind_range(s, from, to);
	return store_rows(s, out, n, sizeof **out, read_report_task, &facet, NULL);
}

static void read_report_call(struct stmt *s, void *row, const void *arg)
{
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
	read_facet(s, 9, arg, c->facet, sizeof c->facet);
	col_dims(s, 12, c->dims, &c->ndims);
}

#define REPORT_CALL_COLS \
	"c.task_id, c.operator, coalesce(t.team, ''), c.started_at, c.ended_at, c.outcome, " \
	"coalesce(c.score, 0), coalesce(c.nps, -1), c.complaint, " FACET_COLS ", " CALL_DIMS("c.id")

bool store_report_calls(struct store *st, hf_date from, hf_date to, enum report_facet facet,
                        struct report_call **out, size_t *n)
{
	struct stmt *s = stmt_prepare(st,
	    "SELECT " REPORT_CALL_COLS " FROM call c LEFT JOIN task t ON t.id = c.task_id"
	    FACET_JOIN("t", "c.customer_id")
	    " WHERE substr(c.started_at, 1, 10) BETWEEN :from AND :to ORDER BY c.started_at, c.id");
	store_bind_range(s, from, to);
	return store_rows(s, out, n, sizeof **out, read_report_call, &facet, NULL);
}

bool store_report_task_calls(struct store *st, hf_date from, hf_date to, enum report_facet facet,
                             struct report_call **out, size_t *n)
{
	struct stmt *s = stmt_prepare(st,
	    "SELECT " REPORT_CALL_COLS " FROM call c JOIN task t ON t.id = c.task_id"
	    FACET_JOIN("t", "c.customer_id")
	    " WHERE t.due_date BETWEEN :from AND :to AND t.status NOT IN ('cancelled', 'merged') "
	    "ORDER BY c.task_id, c.started_at, c.id");
	store_bind_range(s, from, to);
	return store_rows(s, out, n, sizeof **out, read_report_call, &facet, NULL);
}

static void read_report_esc(struct stmt *s, void *row, const void *arg)
{
	struct report_escalation *e = row;
	memset(e, 0, sizeof *e);
	col_copy(s, 0, e->team, sizeof e->team);
	col_copy(s, 1, e->raised_by, sizeof e->raised_by);
	e->raised_at = col_stamp(s, 2);
	e->acked_at = col_stamp(s, 3);
	e->resolved_at = col_stamp(s, 4);
	e->breached_levels = (int)stmt_int(s, 5);
	read_facet(s, 6, arg, e->facet, sizeof e->facet);
}

bool store_report_escalations(struct store *st, hf_date from, hf_date to, enum report_facet facet,
                              struct report_escalation **out, size_t *n)
{
	struct stmt *s = stmt_prepare(st,
	    "SELECT coalesce(t.team, ''), e.raised_by, e.raised_at, e.acknowledged_at, e.resolved_at, "
	    "e.breached_levels, " FACET_COLS " FROM escalation e LEFT JOIN task t ON t.id = e.task_id"
	    FACET_JOIN("t", "e.customer_id")
	    " WHERE substr(e.raised_at, 1, 10) BETWEEN :from AND :to "
	    "OR substr(e.resolved_at, 1, 10) BETWEEN :from AND :to ORDER BY e.id");
	store_bind_range(s, from, to);
	return store_rows(s, out, n, sizeof **out, read_report_esc, &facet, NULL);
}
