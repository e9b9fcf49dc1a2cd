/* test_queue_refresh.c — a console's queue brought up to date from the changes alone
 * (store_queue_refresh) equals the queue read again in full, after random writes of every kind
 * a queue row depends on, for every scope, at several sizes and days; on real SQLite files, the
 * console and the writers on connections of their own. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "huifang/date.h"
#include "huifang/store.h"
#include "huifang/str.h"
#include "tmpdir.h"

static const char *const logins[] = {"ana", "bo", "chen", ""};
static const char *const teams[] = {"consult", "postop", "service"};
static const char *const segments[] = {"", "champion", "at_risk"};
static const char *const statuses[] = {"open", "open", "open", "done", "cancelled", "merged"};

static unsigned long long seed;
static unsigned rnd(unsigned n)
{
	seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
	return (unsigned)(seed >> 33) % n;
}

static char *day_text(hf_date base, int offset, char *buf)
{
	return date_format(base + offset, buf);
}

static void add_customer(struct store *w, int i)
{
	char name[32], phone[32];
	snprintf(name, sizeof name, "客户%d", i);
	snprintf(phone, sizeof phone, "1380000%04d", i);
	assert_true(store_exec(w, "INSERT INTO customer(name, phone, created_at, value_segment, "
	                          "value_rank, value_vip, do_not_call) VALUES (:n, :p, "
	                          "'2026-01-01 09:00', :seg, :rank, :vip, :dnc)",
	                       ":n", 't', name, ":p", 't', phone, ":seg", 't', segments[rnd(3)],
	                       ":rank", 'i', (long long)rnd(3) * 5, ":vip", 'i', (long long)rnd(2),
	                       ":dnc", 'i', (long long)(rnd(10) == 0), NULL));
}

static void add_task(struct store *w, int customers, hf_date day)
{
	char due[16], end[16];
	char time[8];
	snprintf(time, sizeof time, "%02u:%02u", 8 + rnd(10), rnd(4) * 15);
	day_text(day, -(int)rnd(6), due);
	day_text(day, 10, end);
	assert_true(store_exec(w, "INSERT INTO task(customer_id, kind, due_date, due_time, "
	                          "window_end, team, owner, status, priority, created_at, updated_at) "
	                          "VALUES (:c, 'followup', :due, nullif(:time, ''), :end, :team, "
	                          ":owner, :status, :prio, '2026-01-01 09:00', '2026-01-01 09:00')",
	                       ":c", 'i', (long long)(1 + rnd((unsigned)customers)), ":due", 't', due,
	                       ":time", 't', rnd(3) ? "" : time, ":end", 't', end,
	                       ":team", 't', teams[rnd(3)], ":owner", 't', logins[rnd(4)],
	                       ":status", 't', statuses[rnd(6)], ":prio", 'i', (long long)rnd(4),
	                       NULL));
}

/* One write of a random kind, to a random task or customer. */
static void change(struct store *w, int customers, hf_date day)
{
	long long tasks = DB_INT(w, "SELECT max(id) FROM task", NULL);
	long long t = 1 + rnd((unsigned)tasks), c = 1 + rnd((unsigned)customers);
	char d[16];
	switch (rnd(13)) {
	case 0:
		assert_true(store_exec(w, "UPDATE task SET status = :s WHERE id = :t", ":s", 't',
		                       statuses[rnd(6)], ":t", 'i', t, NULL));
		break;
	case 1:
		assert_true(store_exec(w, "UPDATE task SET due_date = :d WHERE id = :t", ":d", 't',
		                       day_text(day, (int)rnd(9) - 6, d), ":t", 'i', t, NULL));
		break;
	case 2:
		assert_true(store_exec(w, "UPDATE task SET due_time = CASE WHEN due_time IS NULL "
		                          "THEN '09:30' ELSE NULL END WHERE id = :t", ":t", 'i', t, NULL));
		break;
	case 3:
		assert_true(store_exec(w, "UPDATE task SET owner = :o WHERE id = :t", ":o", 't',
		                       logins[rnd(4)], ":t", 'i', t, NULL));
		break;
	case 4:
		assert_true(store_exec(w, "UPDATE task SET team = :team WHERE id = :t", ":team", 't',
		                       teams[rnd(3)], ":t", 'i', t, NULL));
		break;
	case 5:
		assert_true(store_exec(w, "UPDATE task SET priority = :p, attempts = attempts + 1, "
		                          "last_outcome = 'no_answer' WHERE id = :t",
		                       ":p", 'i', (long long)rnd(6), ":t", 'i', t, NULL));
		break;
	case 6:
		assert_true(store_exec(w, "UPDATE task SET claimed_by = :o WHERE id = :t", ":o", 't',
		                       logins[rnd(4)], ":t", 'i', t, NULL));
		break;
	case 7:
		add_task(w, customers, day);
		break;
	case 8:
		assert_true(store_exec(w, "UPDATE customer SET do_not_call = 1 - do_not_call "
		                          "WHERE id = :c", ":c", 'i', c, NULL));
		break;
	case 9:
		assert_true(store_exec(w, "UPDATE customer SET value_segment = :s, value_rank = :r, "
		                          "value_vip = 1 - value_vip WHERE id = :c", ":s", 't',
		                       segments[rnd(3)], ":r", 'i', (long long)rnd(4) * 5, ":c", 'i',
		                       c, NULL));
		break;
	case 10:
		assert_true(store_exec(w, "UPDATE customer SET name = name || '改', phone = :p "
		                          "WHERE id = :c", ":p", 't', rnd(2) ? "13911112222" : "",
		                       ":c", 'i', c, NULL));
		break;
	case 11:
		/* A write no queue shows: the planning marks. */
		assert_true(store_exec(w, "UPDATE customer SET plan_due = '2026-12-01' WHERE id = :c",
		                       ":c", 'i', c, NULL));
		break;
	default:
		/* Several at once, in one transaction, as a use case writes them. */
		assert_true(store_begin(w));
		for (int i = 0; i < 5; i++)
			assert_true(store_exec(w, "UPDATE task SET status = :s, owner = :o WHERE id = :t",
			                       ":s", 't', statuses[rnd(6)], ":o", 't', logins[rnd(4)],
			                       ":t", 'i', (long long)(1 + rnd((unsigned)tasks)), NULL));
		assert_true(store_commit(w));
		break;
	}
}

struct view {
	struct queue_filter f;
	struct hf_task *rows;
	size_t n;
	long long since;
};

static void assert_same(const struct view *v, struct store *r)
{
	struct hf_task *full;
	size_t n;
	assert_true(store_queue(r, &v->f, &full, &n));
	assert_int_equal(v->n, n);
	for (size_t i = 0; i < n; i++) {
		assert_int_equal(v->rows[i].t.id, full[i].t.id);
		/* Every field a row shows, as read now. */
		assert_memory_equal(&v->rows[i], &full[i], sizeof full[i]);
	}
	free(full);
}

static void run(int customers, int tasks, const char *today, unsigned long long s)
{
	seed = s;
	char p[300], err[HF_ERRLEN] = "";
	snprintf(p, sizeof p, "%s/q-%d-%s.db", dir, customers, today);
	struct store *w = store_open(p, STORE_CREATE, err, sizeof err);
	assert_non_null(w);
	hf_date day;
	assert_true(date_parse(today, &day));
	assert_true(store_begin(w));
	for (int i = 1; i <= customers; i++)
		add_customer(w, i);
	for (int i = 0; i < tasks; i++)
		add_task(w, customers, day);
	assert_true(store_commit(w));

	/* The console's own connection: a view per scope and value filter. */
	struct store *r = store_open(p, STORE_EXISTING, err, sizeof err);
	assert_non_null(r);
	enum { NVIEWS = 6 };
	struct view views[NVIEWS] = {
		{.f = {SCOPE_MINE_AND_POOL, "ana", "consult", day, NULL}},
		{.f = {SCOPE_USER, "bo", "postop", day, NULL}},
		{.f = {SCOPE_TEAM, "chen", "service", day, NULL}},
		{.f = {SCOPE_ALL, "ana", "consult", day, NULL}},
		{.f = {SCOPE_ALL, "ana", "consult", day, "champion"}},
		{.f = {SCOPE_MINE_AND_POOL, "bo", "postop", day + 1, "at_risk"}},
	};
	for (int i = 0; i < NVIEWS; i++) {
		views[i].since = store_queue_rev(r);
		assert_true(views[i].since >= 0);
		assert_true(store_queue(r, &views[i].f, &views[i].rows, &views[i].n));
	}
	size_t refreshed = 0;
	for (int round = 0; round < 60; round++) {
		int writes = 1 + (int)rnd(round % 10 == 9 ? 200 : 6);
		for (int i = 0; i < writes; i++)
			change(w, customers, day);
		for (int i = 0; i < NVIEWS; i++) {
			long long before = views[i].since;
			assert_true(store_queue_refresh(r, &views[i].f, &views[i].since, &views[i].rows,
			                                &views[i].n));
			refreshed += views[i].since != before;
			assert_same(&views[i], r);
		}
	}
	/* Nothing written: the revision stays, the rows too. */
	for (int i = 0; i < NVIEWS; i++) {
		long long before = views[i].since;
		assert_true(store_queue_refresh(r, &views[i].f, &views[i].since, &views[i].rows,
		                                &views[i].n));
		assert_int_equal(views[i].since, before);
		assert_same(&views[i], r);
		free(views[i].rows);
	}
	assert_true(refreshed > 60);
	store_close(r);
	store_close(w);
}

static void test_small_clinic(void **state)
{
	(void)state;
	run(30, 200, "2026-11-24", 1);
}

static void test_month_end(void **state)
{
	(void)state;
	run(200, 2000, "2026-11-30", 7);
}

static void test_year_end(void **state)
{
	(void)state;
	run(500, 4000, "2026-12-31", 42);
}

/* A customer's write reaches each of its open tasks' rows; a renewed lease alone is not a
 * change, so it moves no revision. */
static void test_what_counts_as_a_change(void **state)
{
	(void)state;
	char p[300], err[HF_ERRLEN] = "";
	path_in(p, sizeof p, "what.db");
	struct store *st = store_open(p, STORE_CREATE, err, sizeof err);
	assert_non_null(st);
	seed = 3;
	hf_date day;
	assert_true(date_parse("2026-11-24", &day));
	add_customer(st, 1);
	for (int i = 0; i < 4; i++)
		add_task(st, 1, day);
	assert_true(store_exec(st, "UPDATE task SET status = 'open'", NULL));
	long long rev = store_queue_rev(st);
	assert_true(store_exec(st, "UPDATE task SET claimed_until = '2026-11-24 10:00' WHERE id = 1",
	                       NULL));
	assert_int_equal(store_queue_rev(st), rev);
	assert_true(store_exec(st, "UPDATE customer SET name = '新名' WHERE id = 1", NULL));
	assert_int_equal(DB_INT(st, "SELECT count(*) FROM queue_change WHERE rev > :r", ":r", 'i',
	                        rev, NULL), 4);
	assert_true(store_queue_rev(st) > rev);
	store_close(st);
}

int main(void)
{
	(void)db_text_;
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_small_clinic),
		cmocka_unit_test(test_month_end),
		cmocka_unit_test(test_year_end),
		cmocka_unit_test(test_what_counts_as_a_change),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
