/* store.h — the SQLite file: open, migrate, a small statement wrapper, and the clinic's records. */
#ifndef HUIFANG_STORE_H
#define HUIFANG_STORE_H

#include <stdarg.h>

#include "huifang/model.h"

/* What a reader of one record found. */
enum store_found { STORE_ERROR = -1, STORE_NONE = 0, STORE_FOUND = 1 };

struct store;       /* opaque; wraps sqlite3 */
struct stmt;        /* opaque; wraps sqlite3_stmt */

/* ---- opening -------------------------------------------------------------------------- */

enum store_mode { STORE_EXISTING, STORE_CREATE };
/* Open the database. Only STORE_CREATE (init, restore) creates it, migrates an older schema
 * forward and marks it huifang's (PRAGMA application_id); STORE_EXISTING refuses an older
 * schema. A missing directory, an unreadable file, a non-database, another program's SQLite
 * file or a newer schema fails with one line in err and changes nothing. */
struct store *store_open(const char *path, enum store_mode mode, char *err, size_t errlen);
void store_close(struct store *st);
int store_schema_version(struct store *st);
/* The schema version this program writes. */
int store_current_version(void);
const char *store_errmsg(struct store *st);
/* A number that changes when another connection commits (PRAGMA data_version). */
long long store_data_version(struct store *st);
/* A number that changes when a commit changed what a console of team (NULL: every team)
 * shows: that team's tasks, any customer or person, and with desk the escalations. Each
 * writer bumps its scope's counter by trigger (migration 9); -1 when it cannot be read. */
long long store_scope_version(struct store *st, const char *team, bool desk);
/* The escalations' own counter (the desk's part of the above); -1 when it cannot be read. */
long long store_desk_version(struct store *st);
const char *store_path(struct store *st);
/* How long a writer waits for another one's write lock before it gives up (default 10 s);
 * the message then names the holder where it can be seen (store_errmsg). */
void store_lock_wait(struct store *st, int seconds);

/* An online, consistent copy into a new file dest (0660); an existing dest is refused. */
bool store_backup(struct store *st, const char *dest, char *err, size_t errlen);
/* A backup fit to restore: an SQLite file whose integrity check passes, of a schema version
 * this program knows, with a whole audit chain (*audit_rows rows). false with err filled. */
bool store_check_backup(const char *path, long long *audit_rows, char *err, size_t errlen);
/* Replace the open database's content with the backup's, in one step under the write lock;
 * other connections see the restored database when it is done. Migrate by reopening. */
bool store_restore(struct store *st, const char *path, char *err, size_t errlen);
/* Tasks whose claim (a console working on them) is still running at `now`, and who holds
 * them (comma separated, into who). */
size_t store_claims_held(struct store *st, hf_stamp now, char *who, size_t size);
/* The audit trail's row count and its last hash ("" when empty); false when unreadable. */
bool store_audit_head(struct store *st, long long *rows, char head[65]);
/* The time of the newest audit row (HF_NO_STAMP when none); false when unreadable. */
bool store_last_event(struct store *st, hf_stamp *at);

/* ---- transactions and statements (fossil-style) --------------------------------------- */

bool store_begin(struct store *st);      /* BEGIN IMMEDIATE */
bool store_commit(struct store *st);
void store_rollback(struct store *st);
/* Several reads that must see one database: a deferred transaction, which in WAL mode holds a
 * snapshot without the write lock (writers go on meanwhile). Inside a transaction already, they
 * read in it and these do nothing. */
bool store_read_begin(struct store *st);
void store_read_end(struct store *st);

/* Prepare sql (cached per connection); bind ":name" parameters with the bind calls. */
struct stmt *stmt_prepare(struct store *st, const char *sql);
void stmt_bind_int(struct stmt *s, const char *name, long long v);
void stmt_bind_text(struct stmt *s, const char *name, const char *v);  /* NULL binds NULL */
void stmt_bind_null(struct stmt *s, const char *name);
/* 1 row, 0 done, -1 error (message in store_errmsg). */
int stmt_step(struct stmt *s);
long long stmt_int(struct stmt *s, int col);
const char *stmt_text(struct stmt *s, int col);  /* never NULL ("" for NULL) */
bool stmt_is_null(struct stmt *s, int col);
/* Reset for reuse (cached statements are finalized by store_close). */
void stmt_done(struct stmt *s);
/* One-shot helpers: run sql with binds given as name, type, value triples ended by NULL:
 *   store_exec(st, "UPDATE t SET a=:a WHERE id=:id", ":a", 'i', 5LL, ":id", 'i', id, NULL)
 *   types: 'i' long long, 't' const char * (NULL binds NULL), 'n' null (no value follows),
 *   'z' long long bound as NULL when 0. Pass integers as long long. */
bool store_exec(struct store *st, const char *sql, ...);
/* The first column of the first row: STORE_FOUND with *out set (store_text: malloc'd),
 * STORE_NONE for no row or NULL (*out untouched; store_text: NULL), STORE_ERROR on failure
 * (message in store_errmsg). out must not be NULL: the attribute turns a call written
 * against the older store_int(st, default, ...) into a compiler warning. */
enum store_found store_int(struct store *st, long long *out, const char *sql, ...)
	__attribute__((nonnull(2)));
enum store_found store_text(struct store *st, char **out, const char *sql, ...)
	__attribute__((nonnull(2)));
/* Step s through every row, each read by read(s, row, arg) into a new element (size bytes) of
 * *out. On a failure the rows read so far are dropped (drop, when not NULL, frees what one row
 * holds), *out is NULL, *n 0, and it returns false. */
bool store_rows(struct stmt *s, void *out, size_t *n, size_t size,
                void (*read)(struct stmt *s, void *row, const void *arg), const void *arg,
                void (*drop)(void *row));
/* Step s, reading each row into one record of `size` bytes and handing it to fn, one at a
 * time (nothing held in memory); fn returning false stops. drop frees what read allocated. */
typedef bool (*store_each_fn)(const void *rec, void *arg);
bool store_each_row(struct stmt *s, size_t size,
                    void (*read)(struct stmt *s, void *row, const void *arg), const void *arg,
                    void (*drop)(void *row), store_each_fn fn, void *fn_arg);
/* Bind :from and :to to days (NULL for HF_NO_DATE: open ended). */
void store_bind_range(struct stmt *s, hf_date from, hf_date to);
hf_id store_last_id(struct store *st);
int store_changes(struct store *st);

/* ---- meta ----------------------------------------------------------------------------- */
/* *value malloc'd when found, NULL otherwise. */
enum store_found store_meta_get(struct store *st, const char *key, char **value);
bool store_meta_set(struct store *st, const char *key, const char *value);

/* ---- records -------------------------------------------------------------------------- */

/* Readers of one record say what they found: a failed read is never taken for a missing
 * record. Readers of lists return false on a failure (message in store_errmsg) with *out NULL
 * and *n 0; readers of a count or an id return -1. */

struct hf_user {
	char login[HF_NAME_MAX];
	char name[HF_NAME_MAX];
	enum hf_role role;
	char team[HF_NAME_MAX];
	bool active;
	hf_stamp created;               /* written when the user is first added */
};

struct hf_customer {
	hf_id id;
	char external_id[HF_NAME_MAX];
	char name[HF_NAME_MAX];
	char phone[32];
	char gender[4];                 /* "F", "M" or "" */
	hf_date birthday;
	char consultant[HF_NAME_MAX];
	char source[HF_NAME_MAX];
	char tags[256];                 /* comma separated */
	bool do_not_call, phone_invalid;
	hf_stamp created;
	struct hf_value value;          /* as last computed (value.day HF_NO_DATE: never) */
};

struct hf_visit {
	hf_id id, customer_id;
	hf_date date;
	enum hf_visit_kind kind;
	char treatment[HF_NAME_MAX];
	char doctor[HF_NAME_MAX];
	char team[HF_NAME_MAX];
	hf_date course_end;
	long long amount;               /* yuan */
	hf_stamp created;               /* when it was recorded */
};

/* A queue row: a task with what the queue shows of its customer. */
struct hf_task {
	struct hf_task_rec t;
	hf_id customer_id;
	char customer_name[HF_NAME_MAX];
	char phone[32];
	char treatment[HF_NAME_MAX];
	char last_outcome[24];
	int max_attempts;
	char claimed_by[HF_NAME_MAX];
	hf_stamp claimed_until;
	bool overdue;                   /* due before the queue's day */
	char segment[HF_NAME_MAX];      /* the customer's value segment code, "" none */
	bool vip;                       /* the customer is VIP by the value rules */
	int rank;                       /* the customer's value rank, added to the priority */
};

struct hf_call {
	hf_id id, task_id, customer_id;
	char operator_login[HF_NAME_MAX];
	hf_stamp started, ended;
	char outcome[24];
	int score;
	int nps;                        /* would recommend us, 0–10; -1 when not asked */
	char *note;                     /* malloc'd, may be NULL */
	hf_stamp next;                  /* HF_NO_STAMP when none */
	char complaint[HF_NAME_MAX];
	struct hf_dim_score dims[HF_MAX_DIMS];  /* the dimensions scored, in no particular order */
	int ndims;
};

struct hf_escalation {
	hf_id id, call_id, customer_id, task_id;
	char customer_name[HF_NAME_MAX];
	enum hf_severity severity;
	enum hf_esc_status status;
	struct hf_why reason;
	hf_stamp sla_due, raised_at, acked_at, resolved_at;
	char raised_by[HF_NAME_MAX], acked_by[HF_NAME_MAX], resolved_by[HF_NAME_MAX];
	char resolution[HF_NOTE_MAX + 1];
	char resolution_code[HF_NAME_MAX];  /* escalation.resolutions */
	char assignee[HF_NAME_MAX];         /* a supervisor's login, or "" */
	char assignee_team[HF_NAME_MAX];    /* or a team's code, or "" */
	int level;                          /* step of escalation.ladder */
	int breached_levels;                /* levels whose breach is recorded, from the first; 0 none */
};

/* One step of an escalation's timeline. */
struct hf_esc_step_row {
	hf_id id;
	hf_stamp at;
	char login[HF_NAME_MAX];
	enum hf_esc_step step;
	char value[HF_NAME_MAX];
	char *note;                         /* malloc'd */
};

/* Users. */
enum store_found store_user_get(struct store *st, const char *login, struct hf_user *out);
bool store_user_put(struct store *st, const struct hf_user *u);   /* insert or update */
/* Every user, by login; *out malloc'd. */
bool store_users(struct store *st, struct hf_user **out, size_t *n);
long long store_user_count(struct store *st);

/* Customers and visits. */
enum store_found store_customer_get(struct store *st, hf_id id, struct hf_customer *out);
/* Has the customer a task of this team or one this login owns? -1 when unreadable. */
int store_customer_of_team(struct store *st, hf_id customer, const char *team, const char *login);
hf_id store_customer_add(struct store *st, const struct hf_customer *c);
enum customer_flag { CUSTOMER_DO_NOT_CALL, CUSTOMER_PHONE_INVALID };
bool store_customer_flag(struct store *st, hf_id id, enum customer_flag flag, bool on);
/* Keep the customer's value as the rules computed it. */
bool store_customer_value_set(struct store *st, hf_id id, const struct hf_value *v);
long long store_customer_count(struct store *st);     /* -1: the read failed */
hf_id store_visit_add(struct store *st, const struct hf_visit *v);
bool store_visits(struct store *st, hf_id customer, struct hf_visit **out, size_t *n);     /* newest first */
bool store_calls(struct store *st, hf_id customer, struct hf_call **out, size_t *n);       /* newest first */
void store_calls_free(struct hf_call *calls, size_t n);
bool store_customer_escalations(struct store *st, hf_id customer, struct hf_escalation **out,
                                size_t *n);

/* Exports: every record of a kind whose day is within [from, to] (HF_NO_DATE: open), in id
 * order, one at a time: customers by the day they were added, visits by their date, calls by
 * the day they started, tasks by their due day, escalations by the day they were raised. */
typedef bool (*store_range_fn)(struct store *st, hf_date from, hf_date to, store_each_fn fn,
                               void *arg);
bool store_each_customer(struct store *st, hf_date from, hf_date to, store_each_fn fn, void *arg);
bool store_each_visit(struct store *st, hf_date from, hf_date to, store_each_fn fn, void *arg);
bool store_each_call(struct store *st, hf_date from, hf_date to, store_each_fn fn, void *arg);
bool store_each_task(struct store *st, hf_date from, hf_date to, store_each_fn fn, void *arg);
bool store_each_escalation(struct store *st, hf_date from, hf_date to, store_each_fn fn,
                           void *arg);

/* Found and updated by what an imported file knows (store-upsert.c). An id: 0 none, -1 a
 * failure. */
hf_id store_customer_by_external(struct store *st, const char *external_id);
/* The oldest customer with this phone (without_external: only those with no external id). */
hf_id store_customer_by_phone(struct store *st, const char *phone, bool without_external);
/* Every field but created, by c->id. */
bool store_customer_update(struct store *st, const struct hf_customer *c);
enum store_found store_visit_find(struct store *st, hf_id customer, hf_date date,
                                  enum hf_visit_kind kind, const char *treatment,
                                  struct hf_visit *out);
/* doctor, team, course_end and amount, by v->id. */
bool store_visit_update(struct store *st, const struct hf_visit *v);
/* A visit kept as history: its curve is over, it is planned and gets no tasks. */
bool store_visit_mark_history(struct store *st, hf_id visit);

/* Customers with a visit or an open task (everyone else has nothing to plan), by id. */
bool store_plannable_customers(struct store *st, hf_id **out, size_t *n);
/* Customers due for planning by `day` (customer.plan_due), by id. */
bool store_plan_due_customers(struct store *st, hf_date day, hf_id **out, size_t *n);
/* A customer's count of changes planning reads; -1: no such customer, -2: the read failed. */
long long store_customer_plan_rev(struct store *st, hf_id customer);
/* The day the customer is next due for planning (HF_NO_DATE: none). */
bool store_customer_plan_due_set(struct store *st, hf_id customer, hf_date next);
/* Customers with a consultant, not do-not-call, whose last visit is before `before` and who
 * were not released to another consultant since, by consultant, last visit and id. */
struct unseen_customer {
	hf_id id;
	char name[HF_NAME_MAX];
	char consultant[HF_NAME_MAX];
	hf_date last_visit;
};
bool store_unseen_customers(struct store *st, hf_date before, struct unseen_customer **out,
                            size_t *n);

/* Tasks. */
enum queue_scope { SCOPE_MINE_AND_POOL, SCOPE_USER, SCOPE_TEAM, SCOPE_ALL };
struct queue_filter {
	enum queue_scope scope;
	const char *login;              /* the viewer (MINE_AND_POOL) or the user (USER) */
	const char *team;               /* viewer's team (MINE_AND_POOL) or TEAM */
	hf_date day;                    /* open tasks due on or before this day */
	const char *segment;            /* only customers in this value segment (NULL, "": all) */
};
/* Overdue first, then due time, then priority (the task's plus its customer's value rank).
 * *out malloc'd. */
bool store_queue(struct store *st, const struct queue_filter *f, struct hf_task **out, size_t *n);
/* The queue's revision: above that of every task change committed so far (table
 * queue_change). Read it before store_queue; -1 when unreadable. */
long long store_queue_rev(struct store *st);
/* Bring rows (*n of them, in queue order, as store_queue read them for the same filter) up to
 * date with the changes after *since: the tasks changed since are read again under the filter,
 * those that left it dropped, the others put in their place; *since becomes the revision read
 * first. The cost is that of the changes, not of the queue. */
bool store_queue_refresh(struct store *st, const struct queue_filter *f, long long *since,
                         struct hf_task **rows, size_t *n);
/* The tasks due on day that count for login in the reports (owned, or pooled and called last
 * by login), any status but cancelled and merged; open ones first. *out malloc'd. */
bool store_day_tasks(struct store *st, const char *login, hf_date day, struct hf_task **out,
                     size_t *n);
/* The same rows one at a time, each to fn (which returns false to stop), none held. */
bool store_queue_each(struct store *st, const struct queue_filter *f, store_each_fn fn, void *arg);
enum store_found store_task_get(struct store *st, hf_id id, struct hf_task *out);
/* Claims: login holds the task until `until`; a release is only by its holder; a logged call
 * records its outcome and ends the claim. */
bool store_task_claim(struct store *st, hf_id task, const char *login, hf_stamp until);
bool store_task_release(struct store *st, hf_id task, const char *login);
bool store_task_logged(struct store *st, hf_id task, const char *outcome);
/* A user's open tasks go back to their team's pool. */
bool store_tasks_to_pool(struct store *st, const char *owner);
/* Hand an open task to owner ("" = the team's pool), as a person's change at `at`. */
bool store_task_owner(struct store *st, hf_id id, const char *owner, hf_stamp at);
/* Every task of a customer (any status), for the rules. *out malloc'd. */
bool store_customer_tasks(struct store *st, hf_id customer, struct hf_task_rec **out, size_t *n);
/* Write a new task of customer (status NONE is open; window_end NONE is its due day); its id,
 * or 0 on a SQL error. */
hf_id store_task_insert(struct store *st, hf_id customer, const struct hf_task_rec *t, hf_stamp now);
/* Write a task's status, due day and time, window, attempts, owner and carrier; touched: a
 * person worked it now. */
bool store_task_update(struct store *st, const struct hf_task_rec *t, bool touched, hf_stamp now);
/* The customer's latest satisfaction score, 0 when none was given, -1 on a failure. */
int store_last_score(struct store *st, hf_id customer);

/* Origins and reasons as stored: an origin one JSON object, a reason (list) an array of them;
 * "" when w is empty. malloc'd; NULL on a failure (store_errmsg). */
char *store_why_json(struct store *st, const struct hf_why *w, bool list);
/* Reads what store_why_json wrote ("": none; text that is not JSON: one text part). */
bool store_why_read(struct store *st, const char *json, struct hf_why *w);

/* Calls and escalations. A call is written with its dimension scores (call_score). */
hf_id store_call_add(struct store *st, const struct hf_call *c);
enum store_found store_call_get(struct store *st, hf_id id, struct hf_call *out);  /* out->note malloc'd */
/* Raise an escalation: call_id, customer_id, task_id (0: none), severity, reason, sla_due,
 * raised_by, raised_at; it is open. Its id, or 0 on a SQL error. */
hf_id store_escalation_add(struct store *st, const struct hf_escalation *e);
/* Escalations of a scope (unresolved; unresolved held by login; open and breached at now;
 * every one; due: open and past the deadline at now, not yet recorded as breached at their
 * level), in the supervisor's order (unresolved, breached, severity, deadline); due by id. */
enum esc_scope { ESC_SCOPE_OPEN, ESC_SCOPE_MINE, ESC_SCOPE_BREACHED, ESC_SCOPE_ALL, ESC_SCOPE_DUE };
bool store_escalations(struct store *st, enum esc_scope scope, const char *login, hf_stamp now,
                       struct hf_escalation **out, size_t *n);
/* The same one row at a time to fn, none held. */
bool store_escalations_each(struct store *st, enum esc_scope scope, const char *login,
                            hf_stamp now, store_each_fn fn, void *arg);
enum store_found store_escalation_get(struct store *st, hf_id id, struct hf_escalation *out);
/* The newest escalation's id, 0 when there is none. */
hf_id store_escalation_last_id(struct store *st);
/* Write an escalation's status, holder, level, deadline and resolution back. */
bool store_escalation_put(struct store *st, const struct hf_escalation *e);
/* Append a step to an escalation's timeline; record "raised" for every escalation after id
 * `after` (those store_apply just wrote). */
bool store_escalation_step(struct store *st, hf_id id, hf_stamp at, const char *login,
                           enum hf_esc_step step, const char *value, const char *note);
bool store_escalation_raised_steps(struct store *st, hf_id after);
/* An escalation's timeline, oldest first; *out malloc'd (store_escalation_steps_free). */
bool store_escalation_steps(struct store *st, hf_id id, struct hf_esc_step_row **out, size_t *n);
void store_escalation_steps_free(struct hf_esc_step_row *v, size_t n);

/* Audit: queued inside the caller's transaction and written, hash-chained, when it commits,
 * with a record of the rows its action wrote (see store-audit.c). */
bool store_audit(struct store *st, const char *login, hf_stamp at, const char *action,
                 const char *entity, hf_id entity_id, const char *detail);

/* What the check of the audit trail found first. */
enum audit_problem_kind {
	AUDIT_OK,
	AUDIT_CHANGED,        /* the row's hash or its link to the row before is wrong */
	AUDIT_GAP,            /* the row is missing from the middle of the trail */
	AUDIT_DIGEST_DROPPED, /* no digest, after rows that have one */
	AUDIT_RECORD_CHANGED, /* its record of the rows it wrote no longer matches its digest */
	AUDIT_REMOVED,        /* the row is gone, its record of the rows it wrote is still there */
	AUDIT_EMPTY,          /* the trail has no row at all */
	AUDIT_ROW_MISSING,    /* a row it wrote is missing */
	AUDIT_ROW_DIFFERS,    /* a row it wrote was changed since (column: which one) */
	AUDIT_ROW_UNAUDITED,  /* a row that no audit row wrote */
};
struct audit_problem {
	enum audit_problem_kind kind;
	long long row;                 /* the audit row (0: none) */
	char action[32], entity[32];   /* the audit row's action and entity */
	long long entity_id;
	bool has_entity_id;
	char table[32], key[128];      /* the written row: its table and id (a user's login) */
	char column[64];               /* the column that differs, "" when not known */
};
/* Recompute the chain and every written row's digest: the id of the first bad audit row (or
 * LLONG_MAX when the problem names no row), 0 when whole, -1 when it cannot be read. *checked
 * gets the number of audit rows read, *rows (may be NULL) the number of written rows checked,
 * *p (may be NULL) what was found. */
long long store_audit_verify(struct store *st, long long *checked, long long *rows,
                             struct audit_problem *p);
/* Anchors: the head goes to the system log after each plan, init and restore, and every
 * `every` audit rows (0: only those). */
void store_anchor_every(struct store *st, int every);
/* The database's absolute name, as anchors name it. */
const char *store_anchor_db(struct store *st);
/* The hash of audit row `row`; the first row with this hash. */
enum store_found store_audit_hash_at(struct store *st, long long row, char hash[65]);
enum store_found store_audit_row_of_hash(struct store *st, const char *hash, long long *row);
/* What was found, as one sentence. */
void store_audit_problem_text(const struct audit_problem *p, char *buf, size_t size);

struct hf_audit_entry {
	hf_id id;
	hf_stamp at;
	char login[HF_NAME_MAX];
	char action[32];
	char entity[32];
	hf_id entity_id;
	bool has_entity_id;             /* false: the row names no entity id */
	char *detail;                   /* malloc'd */
};
/* The newest `limit` rows of the audit trail, oldest first. *out malloc'd. */
bool store_audit_list(struct store *st, long long limit, struct hf_audit_entry **out, size_t *n);
void store_audit_free(struct hf_audit_entry *v, size_t n);

/* How much the clinic holds (what `init --demo` reports). */
struct hf_clinic_counts {
	long long customers, visits, calls, open_tasks, open_escalations;
};
bool store_clinic_counts(struct store *st, struct hf_clinic_counts *out);

/* ---- the console (store-console.c) --------------------------------------------------- */
bool store_script_has(struct store *st, const char *key, const char *lang);
/* A call script, unless one with this key and language is stored already. */
bool store_script_add(struct store *st, const char *key, const char *lang, const char *title,
                      const char *body);
/* A stored script's title and body (both malloc'd); false when there is none. */
enum store_found store_script_get(struct store *st, const char *key, const char *lang, char **title,
                      char **body);
/* Tasks merged into `task` by the contact cap (kind, script, origin, visit); *out malloc'd. */
bool store_merged_tasks(struct store *st, hf_id task, struct hf_task_rec **out, size_t *n);
/* ---- reports (store-report.c) ----------------------------------------------------------- */
/* What a report may group by besides teams and operators, read with each fact into its `facet`:
 * the doctor or the treatment of the visit its task follows up ("" without one), or its
 * customer's value segment code as last computed (the one the queue shows; "" none). */
enum report_facet { FACET_NONE, FACET_DOCTOR, FACET_TREATMENT, FACET_SEGMENT };
struct report_task {
	hf_id id;
	char team[HF_NAME_MAX], owner[HF_NAME_MAX];
	enum hf_task_status status;
	int step;                       /* curve step, -1 for other tasks */
	char script[HF_NAME_MAX];       /* the step's script key */
	char facet[HF_NAME_MAX];        /* as asked; "" for FACET_NONE */
};
struct report_call {
	hf_id task_id;
	char operator_login[HF_NAME_MAX];
	char team[HF_NAME_MAX];         /* its task's team */
	hf_stamp started, ended;
	char outcome[24];
	int score;                      /* 0: none */
	int nps;                        /* -1: none */
	char complaint[HF_NAME_MAX];
	char facet[HF_NAME_MAX];
	struct hf_dim_score dims[HF_MAX_DIMS];  /* the dimensions scored */
	int ndims;
};
struct report_escalation {
	char team[HF_NAME_MAX];         /* its task's team, "" when none */
	char raised_by[HF_NAME_MAX];
	hf_stamp raised_at, acked_at, resolved_at;
	int breached_levels;
	char facet[HF_NAME_MAX];
};
/* Tasks due in [from, to] (not cancelled or merged), by id; every call of those tasks (by task,
 * oldest first); the calls started in [from, to] (oldest first); the escalations raised or
 * resolved in [from, to]; each with the facet asked, handed to fn one at a time. */
bool store_report_tasks(struct store *st, hf_date from, hf_date to, enum report_facet facet,
                        store_each_fn fn, void *arg);
bool store_report_task_calls(struct store *st, hf_date from, hf_date to, enum report_facet facet,
                             store_each_fn fn, void *arg);
bool store_report_calls(struct store *st, hf_date from, hf_date to, enum report_facet facet,
                        store_each_fn fn, void *arg);
bool store_report_escalations(struct store *st, hf_date from, hf_date to, enum report_facet facet,
                              store_each_fn fn, void *arg);

/* Tasks login finished on day (done, closed or unreachable by their last call, logged by login
 * that day), -1 on a failure. */
int store_tasks_finished_on(struct store *st, const char *login, hf_date day);

#endif
