/* store-console.c — what the console reads beyond the queue: scripts, merged reasons, day counts. */
#include <stdlib.h>
#include <string.h>

#include "huifang/date.h"
#include "huifang/str.h"
#include "store-int.h"

bool store_script_has(struct store *st, const char *key, const char *lang)
{
	long long n = 0;
	store_int(st, &n, "SELECT count(*) FROM script WHERE key = :k AND lang = :l",
	          ":k", 't', key, ":l", 't', lang, NULL);
	return n > 0;
}

bool store_script_add(struct store *st, const char *key, const char *lang, const char *title,
                      const char *body)
{
	return store_exec(st, "INSERT INTO script(key, lang, title, body) VALUES (:k, :l, :t, :b) "
	                      "ON CONFLICT(key, lang) DO NOTHING",
	                  ":k", 't', key, ":l", 't', lang, ":t", 't', title, ":b", 't', body, NULL);
}

enum store_found store_script_get(struct store *st, const char *key, const char *lang,
                                  char **title, char **body)
{
	struct stmt *s = stmt_prepare(st, "SELECT title, body FROM script WHERE key = :k AND lang = :l");
	stmt_bind_text(s, ":k", key);
	stmt_bind_text(s, ":l", lang);
	int rc = stmt_step(s);
	if (rc == 1) {
		*title = xstrdup(stmt_text(s, 0));
		*body = xstrdup(stmt_text(s, 1));
	}
	stmt_done(s);
	return found_of(rc);
}

static void read_merged(struct stmt *s, void *row, const void *task)
{
	struct hf_task_rec *t = row;
	task_rec_init(t);
	t->id = stmt_int(s, 0);
	t->visit_id = stmt_int(s, 1);
	t->kind = task_kind_from_code(stmt_text(s, 2));
	t->status = TASK_MERGED;
	str_copy(t->script, sizeof t->script, stmt_text(s, 3));
	store_why_read(s->st, stmt_text(s, 4), &t->origin);
	t->step = (int)stmt_int(s, 5);
	t->merged_into = *(const hf_id *)task;
}

bool store_merged_tasks(struct store *st, hf_id task, struct hf_task_rec **out, size_t *n)
{
	struct stmt *s = stmt_prepare(st,
	    "SELECT id, coalesce(visit_id, 0), kind, script, origin, step FROM task "
	    "WHERE merged_into = :t AND status = 'merged' ORDER BY due_date, id");
	stmt_bind_int(s, ":t", task);
	return store_rows(s, out, n, sizeof **out, read_merged, &task, NULL);
}

int store_tasks_finished_on(struct store *st, const char *login, hf_date day)
{
	char from[16], to[16];
	date_format(day, from);
	date_format(day + 1, to);
	long long n = -1;
	/* The call that ended a task is its last one. */
	store_int(st, &n,
	    "SELECT count(DISTINCT c.task_id) FROM call c JOIN task t ON t.id = c.task_id "
	    "WHERE c.operator = :op AND c.started_at >= :from AND c.started_at < :to "
	    "AND t.status IN ('done', 'closed', 'unreachable') "
	    "AND c.id = (SELECT max(id) FROM call WHERE task_id = t.id)",
	    ":op", 't', login, ":from", 't', from, ":to", 't', to, NULL);
	return (int)n;
}
