/* service.h — use cases shared by the command line and the console: one transaction each,
 * the rules decide, the store writes. */
#ifndef HUIFANG_SERVICE_H
#define HUIFANG_SERVICE_H

#include "huifang/config.h"
#include "huifang/report.h"
#include "huifang/rules.h"
#include "huifang/store.h"
#include "huifang/str.h"

/* Everything a command or the console needs: config, database, who, when. */
struct hf_ctx {
	struct hf_config cfg;
	struct store *st;
	struct hf_user me;              /* the invoking login, looked up in the user table */
	bool me_known;                  /* false: the login is not a user (or is disabled) */
	char login[HF_NAME_MAX];        /* the Unix login (getpwuid(getuid())) */
	hf_stamp now;
	const char *db_path;
	const char *config_path;        /* NULL: built-ins */
};

/* The Unix login of the real user; root may act as $HUIFANG_AS (never when privileged). */
bool svc_whoami(char *login, size_t size, char *err, size_t errlen);
/* The Unix login of the real user id (getpwuid(getuid())), whatever HUIFANG_AS says. */
bool svc_real_login(char *login, size_t size, char *err, size_t errlen);
/* The console lock's check: is password that of the real user's login (svc_real_login)?
 * Asked of PAM's service SVC_PAM_SERVICE (/etc/pam.d/huifang; PAM itself falls back on
 * /etc/pam.d/other when that file is missing). A wrong password returns after PAM's fail delay
 * (at least the one asked here, about a second). WRONG and ERROR fill err with one line for the locked screen. */
#define SVC_PAM_SERVICE "huifang"
enum svc_password { SVC_PASSWORD_OK, SVC_PASSWORD_WRONG, SVC_PASSWORD_ERROR };
enum svc_password svc_check_password(const char *password, char *err, size_t errlen);
/* Is login a Unix account on this machine (getpwnam)? A user must be one to run huifang. */
bool svc_login_is_account(const char *login);
/* The database path: -d FILE, else $HUIFANG_DB, else /var/lib/huifang/huifang.db. */
const char *svc_db_path(const char *cli_path);

/* Fill ctx->cfg (from config_path or built-ins), ctx->now, ctx->login. Returns an exit status;
 * err has one line on failure (2 for bad config/clock, 1 otherwise). */
int svc_setup(struct hf_ctx *ctx, const char *config_path, char *err, size_t errlen);
/* Open the database (STORE_EXISTING) and look up ctx->me. */
int svc_open(struct hf_ctx *ctx, const char *db_path, char *err, size_t errlen);
/* Require the login to be an active user with at least `role`: returns 0, or 3 with the
 * message (for an unknown login: the exact `huifang user add` line an admin should run). */
int svc_require(struct hf_ctx *ctx, enum hf_role role, char *err, size_t errlen);
void svc_close(struct hf_ctx *ctx);

/* init: create or migrate; the invoking login becomes an admin. demo: refuse a database that
 * has customers already (the demo clinic, demo_build, comes after). */
int svc_init(struct hf_ctx *ctx, const char *db_path, bool demo, const char *first_admin,
             char *err, size_t errlen);
/* Installed setgid (or setuid): the run has rights the user does not. */
bool svc_privileged(void);

/* Claims: a lease of cfg.lease_minutes. Fails (1) naming who holds it. */
int svc_claim(struct hf_ctx *ctx, hf_id task, char *err, size_t errlen);
int svc_release(struct hf_ctx *ctx, hf_id task);

/* What logging did, for the operator. */
struct log_result {
	hf_id call_id;
	struct decisions dec;           /* what the rules decided (for the summary) */
};
void log_result_free(struct log_result *r);
/* Log an outcome on a task as ctx->me: validate (2), claim check (1), then one transaction
 * writing call, task changes, new tasks, flags, escalation and audit. started/ended:
 * the call's times (HF_NO_STAMP: now). */
int svc_log(struct hf_ctx *ctx, hf_id task, const struct outcome_input *in, hf_stamp started,
            hf_stamp ended, struct log_result *res, char *err, size_t errlen);
/* Human-readable lines describing res (translated), appended to out. */
void svc_describe(struct hf_ctx *ctx, const struct log_result *res, struct sbuf *out);

struct plan_counts { int created, merged, missed, released, cancelled, escalated; };
/* Plan `day`: the customers due by that day (each customer keeps the day planning could next
 * decide anything for them), or with `full` every customer with a visit or an open task, as
 * also for a day before the last planned one. The decisions are the same either way. */
int svc_plan(struct hf_ctx *ctx, hf_date day, bool full, struct plan_counts *counts, char *err,
             size_t errlen);
/* The same in steps, for the console to plan between key presses: begin reads who is due
 * (the rules changed since the last plan, or a day before it: everyone); each step plans for
 * about budget_ms (-1: to the end) and, once every customer is planned, records the day, the
 * audit row and the breaches and sets *done. svc_plan_free(NULL) does nothing. */
struct plan_run;
int svc_plan_begin(struct hf_ctx *ctx, hf_date day, bool full, struct plan_run **out, char *err,
                   size_t errlen);
int svc_plan_step(struct hf_ctx *ctx, struct plan_run *r, int budget_ms, bool *done, char *err,
                  size_t errlen);
const struct plan_counts *svc_plan_counts(const struct plan_run *r);
void svc_plan_free(struct plan_run *r);

/* Consultants' customers unseen for cfg.consultant_release_months (listed for reassignment on
 * the 1st of the month), by consultant. *out malloc'd. */
bool svc_unseen_customers(struct hf_ctx *ctx, hf_date day, struct unseen_customer **out, size_t *n);

/* Add a customer; add a visit and plan its customer at once (the whole curve is visible). */
int svc_add_customer(struct hf_ctx *ctx, const struct hf_customer *c, hf_id *id, char *err,
                     size_t errlen);
int svc_add_visit(struct hf_ctx *ctx, const struct hf_visit *v, hf_id *id, struct plan_counts *counts,
                  char *err, size_t errlen);

/* ---- fixing the record (service-record.c) ------------------------------------------- */
/* What an edit changes, as a person typed it; NULL leaves a field as it is, "" clears the
 * gender, birthday or consultant. tag / untag: comma-separated tags to add / to remove. */
struct customer_edit {
	const char *phone, *name, *gender, *birthday, *consultant, *tag, *untag;
};
struct edit_result {
	bool changed;                   /* something was written */
	bool phone_fixed;               /* the phone was given: no longer flagged invalid */
	int fixes_done, resumed;        /* data-fix tasks done, calls back in the queue */
};
/* Edit a customer's record in one transaction with its audit row (old and new values, phones
 * masked): checked first (2, one line naming the field; nothing written). Supervisors edit
 * every field; an operator only the phone of a customer whose call they hold or whose data fix
 * they own (3 otherwise). A phone given is vouched for: the customer's phone is valid again,
 * their data fixes are done and the calls the wrong number closed come back (each audited). */
int svc_edit_customer(struct hf_ctx *ctx, hf_id customer, const struct customer_edit *e,
                      struct edit_result *res, char *err, size_t errlen);

/* ---- running the clinic (service-admin.c) -------------------------------------------- */
/* A supervisor lets a do-not-call customer be called again; note (the reason) is required.
 * The curve steps the refusal cancelled come back (rules_resume_customer); *resumed how many. */
int svc_lift_dnc(struct hf_ctx *ctx, hf_id customer, const char *note, int *resumed, char *err,
                 size_t errlen);
/* Add a user or change one, enabled: name NULL keeps the name (a new user's is the login).
 * *existed tells which it was. */
int svc_user_put(struct hf_ctx *ctx, const char *login, enum hf_role role, const char *team,
                 const char *name, bool *existed, char *err, size_t errlen);
/* Disable a user (never oneself); their open tasks go back to the team pool. */
int svc_user_disable(struct hf_ctx *ctx, const char *login, char *err, size_t errlen);
/* An online, consistent copy of the database into a new file. */
int svc_backup(struct hf_ctx *ctx, const char *dest, char *err, size_t errlen);
/* Put a backup back: refused (2) unless its integrity and audit chain check out, refused (1)
 * while consoles hold claims unless force; one step, then the restore is audited on the
 * restored chain (with the replaced trail's row count and head). *audit_rows: the backup's. */
/* An export (supervisor): every record range() reads in [from, to] to fn, one at a time;
 * then one audit row with what, the file and the row count (*rows). */
int svc_export(struct hf_ctx *ctx, const char *what, store_range_fn range, hf_date from,
               hf_date to, const char *dest, store_each_fn fn, void *arg, long long *rows,
               char *err, size_t errlen);
int svc_restore(struct hf_ctx *ctx, const char *backup, bool force, long long *audit_rows,
                char *err, size_t errlen);

/* ---- import (service-import.c) ------------------------------------------------------- */
struct csv_record;
struct import_opts {
	int kind;                       /* enum import_kind */
	const char *path;
	int encoding;                   /* enum csv_encoding */
	bool dry_run;                   /* check and count, write nothing */
	bool skip_bad;                  /* import the good rows; bad ones go to io->reject */
	bool plan;                      /* plan today at once afterwards */
};
/* What the service tells its caller while it reads. Every callback may be NULL. */
struct import_io {
	/* "file:line:column: message" for a bad row or header (warning: ignored column). */
	void (*problem)(void *arg, const char *line);
	void (*warning)(void *arg, const char *line);
	/* A bad row to set aside: the header's names, the record and its problems ("; "-joined). */
	void (*reject)(void *arg, char *const *header, size_t ncols, const struct csv_record *rec,
	               const char *problems);
	/* pass 1 checks, pass 2 writes; bytes of the file done out of total. */
	void (*progress)(void *arg, int pass, long rows, long long done, long long total);
	void *arg;
};
struct import_counts {
	long rows, added, updated, merged, unchanged, bad, history;
	int encoding;                   /* the encoding read (after auto-detection) */
	bool planned;
	struct plan_counts plan;
};
/* Import a customers or visits CSV file as ctx->me (admin): pass 1 reads and checks every row
 * (nothing written); any bad row without skip_bad is 2 with nothing written; dry_run stops
 * there with what would be done counted. Pass 2 upserts in batches (customers by external id,
 * else merged by phone; visits by customer, day, kind and treatment) and writes one audit row
 * with the counts. Re-importing a file changes nothing. */
int svc_import(struct hf_ctx *ctx, const struct import_opts *o, const struct import_io *io,
               struct import_counts *counts, char *err, size_t errlen);


/* ---- the desk (service-desk.c): supervisors only -------------------------------------- */
/* Hand open tasks to the user `to` ("" or NULL: their team's pool): the tasks named (ids, n),
 * or with from every open task that operator owns. All or none: a task not open (2) or claimed
 * by another login (1) refuses them all. Each audited; *moved how many. */
int svc_reassign(struct hf_ctx *ctx, const hf_id *ids, size_t n, const char *from, const char *to,
                 size_t *moved, char *err, size_t errlen);
/* The report of `kind` about `day` (team: that team only; NULL: the clinic), its groups by
 * `by`, read in one transaction (report_free). */
int svc_report(struct hf_ctx *ctx, enum report_kind kind, hf_date day, const char *team,
               enum report_by by, struct report *out, char *err, size_t errlen);

/* One person's day on the Team tab and in `huifang team`: who, and the report's figures of
 * the day for them (login "": the whole team, the last row). */
struct team_day {
	char login[HF_NAME_MAX];
	char name[HF_NAME_MAX];         /* the display name, else the login */
	char team[HF_NAME_MAX];
	struct report_figures f;
};
/* The team's day: per operator of the viewer's team (a supervisor with a team), or of every
 * team (an admin, or a supervisor without one), the figures of `day`, then the whole team's.
 * Operators with nothing that day are listed too. *rows malloc'd. */
int svc_team_day(struct hf_ctx *ctx, hf_date day, struct team_day **rows, size_t *n, char *err,
                 size_t errlen);
/* An operator's tasks of a day as the team's figures count them (store_day_tasks). */
int svc_operator_day(struct hf_ctx *ctx, const char *login, hf_date day, struct hf_task **out,
                     size_t *n, char *err, size_t errlen);
/* Release a consultant's customer to another consultant (`to`, an active user): the customer
 * and the old consultant's open tasks of them go to `to`; one transaction, audited. *moved:
 * how many tasks moved. */
int svc_release_customer(struct hf_ctx *ctx, hf_id customer, const char *to, size_t *moved,
                         char *err, size_t errlen);
/* The team whose people the viewer manages: a supervisor's own team, NULL for every team. */
const char *svc_managed_team(const struct hf_ctx *ctx);

/* ---- escalations (service-escalations.c): supervisors only (3 for others) ------------- */
enum esc_filter { ESC_LIST_OPEN, ESC_LIST_MINE, ESC_LIST_BREACHED, ESC_LIST_ALL };
/* Open, and a deadline missed: now, or at a lower level of the ladder. */
bool svc_escalation_breached(const struct hf_escalation *e, hf_stamp now);
/* Record every breach due at ctx->now: each moves its escalation one level up the ladder, in
 * its timeline, audited, an event. *found: how many breaches. Run by plan and the listings. */
int svc_escalation_breaches(struct hf_ctx *ctx, int *found, char *err, size_t errlen);
/* Breaches first, then the list: open (unresolved), mine (I hold them), breached, or all;
 * breached first, then severity, then deadline. *out malloc'd. */
int svc_escalation_list(struct hf_ctx *ctx, enum esc_filter f, struct hf_escalation **out,
                        size_t *n, char *err, size_t errlen);
/* The same, each row to fn as it is read (none held). */
int svc_escalation_each(struct hf_ctx *ctx, enum esc_filter f, store_each_fn fn, void *arg,
                        char *err, size_t errlen);
/* One escalation and its timeline (store_escalation_steps_free). */
int svc_escalation_show(struct hf_ctx *ctx, hf_id id, struct hf_escalation *e,
                        struct hf_esc_step_row **steps, size_t *nsteps, char *err, size_t errlen);
/* Acknowledge several at once (all or none); the acknowledging supervisor holds them unless
 * someone already does. */
int svc_escalation_ack(struct hf_ctx *ctx, const hf_id *ids, size_t n, const char *note,
                       char *err, size_t errlen);
int svc_escalation_note(struct hf_ctx *ctx, hf_id id, const char *note, char *err, size_t errlen);
/* Assign several to a supervisor (login) or a team (team): exactly one of them. */
int svc_escalation_assign(struct hf_ctx *ctx, const hf_id *ids, size_t n, const char *login,
                          const char *team, const char *note, char *err, size_t errlen);
/* A callback task for the escalation's customer, owned by login (NULL: ctx->me), due at `when`
 * (rules_parse_next's fields); *task its id. */
int svc_escalation_callback(struct hf_ctx *ctx, hf_id id, const struct outcome_input *when,
                            const char *login, hf_id *task, char *err, size_t errlen);
/* Resolve with a resolution category (code NULL: the first of escalation.resolutions) and its
 * text (required: 2 without). */
int svc_escalation_resolve(struct hf_ctx *ctx, hf_id id, const char *code, const char *text,
                           char *err, size_t errlen);
/* The name of a level of escalation.ladder ("" when there is none). */
const char *svc_ladder_name(const struct hf_config *cfg, int level);
/* A timeline step as a person reads it ("assigned to 赵主管", "deadline missed; moved up to
 * director"), without who and when. last_to: the ladder level the previous breach moved to (start
 * at 0, pass the same through a whole timeline). */
void svc_escalation_step_text(const struct hf_config *cfg, const struct hf_esc_step_row *s,
                              int *last_to, char *out, size_t size);
/* Reopen a resolved escalation: open again at the foot of the ladder, its severity's deadline
 * from now. */
int svc_escalation_reopen(struct hf_ctx *ctx, hf_id id, const char *note, char *err,
                          size_t errlen);

/* ---- the rules' facts and decisions (service-apply.c) --------------------------------- */
/* What the rules know of a customer: the customer, every visit (newest first), every task. */
struct customer_facts {
	struct rules_customer cust;
	struct rules_visit *visits;
	size_t nvisits;
	struct hf_task_rec *tasks;
	size_t ntasks;
	struct hf_value value;          /* the customer's value as stored */
};
/* Read them (inside the caller's transaction); STORE_NONE when there is no such customer,
 * STORE_ERROR when they cannot be read (store_errmsg). */
enum store_found svc_facts_read(struct store *st, hf_id customer, struct customer_facts *f);
void svc_facts_free(struct customer_facts *f);
/* Write the rules' decisions for a customer as records, inside the caller's transaction:
 * tasks created and updated (task_id: the task being worked, marked touched), flags set,
 * escalations raised (linked to call_id, 0 when none; raised by actor). False on a SQL error. */
bool svc_apply(struct store *st, hf_id customer, hf_id task_id, hf_id call_id, const char *actor,
               hf_stamp now, const struct decisions *d);

/* ---- the console (service-console.c) ------------------------------------------------- */
/* Begin today's plan when meta "last_plan" is not today (*run stays NULL when it is); the
 * console then plans in steps (svc_plan_step) between key presses, after its first paint. */
int svc_plan_today(struct hf_ctx *ctx, struct plan_run **run, char *err, size_t errlen);
/* ctx->me views a customer's record (reveal: with the whole phone number): read it into out
 * (may be NULL) and audit the view, `where` its detail. No such customer: 2. */
int svc_view_customer(struct hf_ctx *ctx, hf_id customer, bool reveal, const char *where,
                      struct hf_customer *out, char *err, size_t errlen);
/* Start the configured dial command (console.dial, {phone} filled) without a shell, with the
 * privilege dropped and no terminal; audited. Fails (1) when none is configured. */
int svc_dial(struct hf_ctx *ctx, hf_id customer, const char *phone, char *err, size_t errlen);
/* Reap finished dial commands without waiting: the last one's exit status, or -1. */
int svc_dial_reap(void);

#endif
