/* rules.h — the pure rules: (facts, outcome, config, now) -> decisions. No I/O, no clock. */
#ifndef HUIFANG_RULES_H
#define HUIFANG_RULES_H

#include "huifang/config.h"
#include "huifang/model.h"

#define HF_ORIGIN_MAX 160       /* a notice's text */

struct sbuf;

/* ---- facts ---------------------------------------------------------------------------- */

struct rules_customer {
	hf_id id;
	char consultant[HF_NAME_MAX];   /* login, may be "" */
	hf_date birthday;               /* HF_NO_DATE when unknown */
	bool do_not_call, phone_invalid;
	int last_score;                 /* the customer's previous satisfaction score, 0 = none */
};

struct rules_visit {
	hf_id id;
	hf_date date;
	enum hf_visit_kind kind;
	char treatment[HF_NAME_MAX];
	char team[HF_NAME_MAX];         /* "" = the curve step's team */
	hf_date course_end;             /* HF_NO_DATE unless a course */
	long long amount;               /* yuan */
};


/* ---- decisions ------------------------------------------------------------------------ */

enum decision_kind {
	DEC_CREATE_TASK,      /* task: a new task (id 0) */
	DEC_UPDATE_TASK,      /* task: id, and the new status/due/due_minute/attempts/owner/merged_into */
	DEC_SET_CUSTOMER,     /* flag_do_not_call / flag_phone_invalid */
	DEC_ESCALATE,         /* severity, sla_hours, reason */
	DEC_NOTICE,           /* text: something the operator should be told (date moved ...) */
};

struct decision {
	enum decision_kind kind;
	struct hf_task_rec task;
	bool flag_do_not_call, flag_phone_invalid;
	enum hf_severity severity;
	int sla_hours;
	struct hf_why reason;
	char text[HF_ORIGIN_MAX];
	/* Contact-cap merges into a task created by this same list: index of the DEC_CREATE_TASK
	 * whose new task carries this one (task.merged_into is 0 then; the creating decision always
	 * comes first). -1 otherwise. For DEC_ESCALATE, task is the task it concerns (id 0: none). */
	int carrier;
};

struct decisions {
	struct decision *v;
	size_t n, cap;
};
void decisions_init(struct decisions *d);
void decisions_free(struct decisions *d);
struct decision *decisions_push(struct decisions *d, enum decision_kind kind);

/* ---- calendar ------------------------------------------------------------------------- */

/* The first working day on or after `day`. */
hf_date rules_next_work_day(const struct hf_config *cfg, hf_date day);
/* The first moment at or after t inside working hours on a working day. */
hf_stamp rules_next_work_time(const struct hf_config *cfg, hf_stamp t);

/* ---- what comes back ----------------------------------------------------------------- */

enum resume_reason { RESUME_PHONE_FIXED, RESUME_DNC_LIFTED };
/* When what stopped a customer's calls is gone (cust as it is now):
 * - a fixed phone: each open data-fix task is done, and each call a wrong number closed (the
 *   task a data fix names) is open again, unless the customer is do-not-call;
 * - do-not-call lifted: of each visit's curve, the steps cancelled after its last step that
 *   was not cancelled come back: those still ahead as they were, and of those that fell due
 *   meanwhile only the latest (the step the customer is at now).
 * A call back whose day has passed is due the next working day, callable for as long as its
 * window was (at least extra_window_days); then the contact cap. Nothing new is created. */
void rules_resume_customer(const struct hf_config *cfg, const struct rules_customer *cust,
                           const struct rules_visit *visits, size_t nvisits,
                           const struct hf_task_rec *tasks, size_t ntasks,
                           enum resume_reason why, hf_stamp now, struct decisions *out);

/* ---- planning ------------------------------------------------------------------------- */

/* One planned call of a curve, for `simulate` and for planning. */
struct planned_call {
	int step;
	hf_date nominal;                /* visit date + offset, before calendar shifts */
	hf_date due;                    /* moved to a working day */
	hf_date window_end;
	char team[HF_NAME_MAX];
	char script[HF_NAME_MAX];
	char offset[16];                /* "+3d" */
	int priority;
};
/* The schedule a visit would get. Returns the number of calls written to out (at most max). */
int rules_schedule(const struct hf_config *cfg, enum hf_visit_kind kind, const char *treatment,
                   hf_date visit_date, hf_date course_end, struct planned_call *out, int max);

/* Plan one customer for day `today`: curve tasks for visits that have none, missed tasks,
 * reactivation / why-they-left / repurchase / birthday tasks, stale owner release, contact-cap
 * merges, cancelling what a newer visit made moot. tasks: every task the customer has (any
 * status). Appends decisions to out. Idempotent: planning the result again decides nothing.
 * - A visit's curve is written once (tasks with its visit_id and step >= 0), skipping calls
 *   whose window has already closed. Injection calls are the repurchase reminders.
 * - Consultation: once its last call is over (done, missed, unreachable) and no later visit
 *   exists, the last step is repeated repeat_days later, up to repeat_max times; a later visit
 *   of another kind (converted) cancels its open calls.
 * - Reactivation dormant_months, why-they-left winback_months after the last visit: one per
 *   last-visit day; found late, due now (a reactivation gives way to a due why-they-left).
 * - A visit dated after a reactivation / why-they-left / repurchase task's visit cancels it.
 * - Birthday greetings are created up to 7 days ahead, due on the birthday (29 Feb: the 28th
 *   in common years), moved to a working day, callable for at most 7 days.
 * - Owned open tasks are released when today - max(due, touched day) >= stale_owner_days.
 * - Contact cap: open calls (not data fixes) less than contact_cap_days apart merge into the
 *   earliest (a timed call before an untimed one the same day; then existing, priority, id);
 *   when a carrier is cancelled or missed, what was merged into it is reopened.
 * - Do-not-call customers: every open task is cancelled, nothing is created.
 * Returns the first day after today on which planning this customer again, with nothing else
 * changed, could decide anything (a window closing, an owner going stale, a dormancy or
 * birthday coming due, the value changing), or HF_NO_DATE when no day could. */
hf_date rules_plan_customer(const struct hf_config *cfg, const struct rules_customer *cust,
                         const struct rules_visit *visits, size_t nvisits,
                         const struct hf_task_rec *tasks, size_t ntasks,
                         hf_stamp now, struct decisions *out);

/* ---- logging an outcome --------------------------------------------------------------- */

struct outcome_input {
	const char *code;               /* outcome code */
	int score;                      /* 0 = not given */
	bool has_nps;                   /* "would you recommend us", 0–10, when given */
	int nps;
	const char *note;               /* may be NULL */
	bool has_next;
	hf_stamp next;                  /* when has_next: the date (and time if next_has_time) */
	bool next_has_time;
	const char *complaint;          /* category, may be NULL */
	const struct hf_dim_score *dims;/* satisfaction dimensions scored (codes), in any order */
	int ndims;
	const char *operator_login;
	const char *operator_team;
	const char *callback_team;      /* --team for a callback: the team's pool instead */
};

/* Read a next contact as typed, "YYYY-MM-DD", "YYYY-MM-DD HH:MM" or a span from now ("+3d",
 * "+1w", "+1m", "+1y": that day, without a time; "+2h": that time), into in->next,
 * in->next_has_time and in->has_next. False when it is none of these (in unchanged). */
bool rules_parse_next(const char *s, hf_stamp now, struct outcome_input *in);
/* Where a next contact lands on the calendar: the next working day, inside working hours when
 * it has a time. True (msg says where it moves) when that is not what was typed. */
bool rules_place_next(const struct hf_config *cfg, const struct outcome_input *in, hf_date *day,
                      int *minute, char *msg, size_t msglen);

/* Validate the input against the config and the task (exit-2 class problems: unknown outcome,
 * score out of range, a dimension unknown, out of range, scored twice or where the outcome asks
 * no score, next date in the past / beyond a year / missing for a callback, task not
 * open). Returns false and fills err with one line. */
bool rules_check_outcome(const struct hf_config *cfg, const struct hf_task_rec *task,
                         const struct outcome_input *in, hf_stamp now, char *err, size_t errlen);

/* Decide what logging `in` on `task` does. visit may be NULL. others: the customer's other
 * tasks (for refused, contact-cap merges of a next contact). Call rules_check_outcome first. */
void rules_log_outcome(const struct hf_config *cfg, const struct rules_customer *cust,
                       const struct rules_visit *visit, const struct hf_task_rec *task,
                       const struct hf_task_rec *others, size_t nothers,
                       const struct outcome_input *in, hf_stamp now, struct decisions *out);

/* The next contact the rules propose after this outcome (for the console's prefill):
 * returns false when none. A retry, a callback or a complaint's check propose a new contact
 * (*booked = -1); an outcome that ends the task (reached) proposes the customer's next call
 * already booked — the soonest open task of others (the customer's tasks) due after today —
 * with its index in *booked, so that keeping it books nothing new. booked may be NULL. */
bool rules_propose_next(const struct hf_config *cfg, const struct hf_task_rec *task,
                        const struct hf_task_rec *others, size_t nothers, const char *outcome,
                        hf_stamp now, hf_stamp *out, int *booked);

/* An origin or a reason as a person reads it: each part's translated template (model.h's
 * HF_WHY_CODES) filled with its arguments, what a part carries in its parentheses, the items of
 * a reason joined by "; ". cfg names the outcomes (NULL: their codes). Appended to b. */
void rules_why_append(const struct hf_config *cfg, const struct hf_why *w, struct sbuf *b);
/* Why a task is in a queue: its origin, or its kind when it has none. Appended to b. */
void rules_task_why(const struct hf_config *cfg, const struct hf_task_rec *t, struct sbuf *b);
/* The same into out, cut at a character boundary when it does not fit; returns out. */
char *rules_why_text(const struct hf_config *cfg, const struct hf_why *w, char *out, size_t size);

/* The configured dimensions' names as a person reads them ("Attitude, Expertise, ..."
 * translated), for a message that lists them. Appended to b. */
void rules_dimension_list(const struct hf_config *cfg, struct sbuf *b);
/* A call's dimension scores as a person reads them ("Attitude 5/5, Results 3/5"): in the rules'
 * order, then any dimension the rules no longer list (by its code); nothing when n is 0.
 * Appended to b. */
void rules_dims_append(const struct hf_config *cfg, const struct hf_dim_score *dims, int n,
                       struct sbuf *b);

/* The first medical risk in a note: a risk word that is not negated ("无发烧" is none), or a
 * relief word that is ("没退烧"), copied with its cue into out. False when there is none. */
#define HF_RISK_MAX (3 * HF_NAME_MAX)
bool rules_risk_word(const struct hf_config *cfg, const char *note, char *out, size_t size);
_Static_assert(HF_RISK_MAX <= HF_WHY_TEXT_MAX, "a risk word fits its reason whole");

/* On the 1st of the month a consultant's customer not seen (no visit) for
 * consultant_release_months is listed for reassignment. last_visit: HF_NO_DATE when none. */
bool rules_release_consultant(const struct hf_config *cfg, const struct rules_customer *cust,
                              hf_date last_visit, hf_date today);

/* ---- customer value (RFM) ------------------------------------------------------------ */

/* One of R, F, M scored 1..HF_VALUE_LEVELS: 1 + the thresholds reached. Recency (fewer days is
 * better) reaches thresholds[k] when v <= thresholds[k]; frequency and spend when v >=. */
int rules_value_score(const int thresholds[HF_VALUE_LEVELS - 1], long long v, bool fewer_is_better);
/* The segment of these scores (the first whose levels all match), or NULL. */
const struct hf_segment *rules_value_segment(const struct hf_value_rules *vr, int r, int f, int m);
/* A customer's value on `today` from every visit (any order; visits after today are not
 * counted). Without a visit: recency -1, scores 0, no segment, not VIP, rank 0. */
void rules_customer_value(const struct hf_config *cfg, const struct rules_visit *visits,
                          size_t nvisits, hf_date today, struct hf_value *out);
/* The first day after today on which the value's scores, counts, segment or VIP can differ
 * from today's (a visit leaving a window, a recency threshold passed, a visit's day come), or
 * HF_NO_DATE when none will. */
hf_date rules_value_changes(const struct hf_config *cfg, const struct rules_visit *visits,
                            size_t nvisits, hf_date today);
/* The same value: nothing to write. */
bool rules_value_same(const struct hf_value *a, const struct hf_value *b);
/* Why a customer is in their segment, as a person reads it:
 * "R 12 d, F 3 in 365 d, M ¥28,000 → 重要价值". Appended to b. */
void rules_value_explain(const struct hf_config *cfg, const struct hf_value *v, struct sbuf *b);

/* ---- escalations ---------------------------------------------------------------------- */

/* Breached: still open (not acknowledged) past its SLA. */
bool rules_breached(enum hf_esc_status status, hf_stamp sla_due, hf_stamp now);

/* The deadline, in hours, of a new or reopened escalation of a severity: urgent as a risk word,
 * high as a complaint, normal as a low score. */
int rules_severity_sla_hours(const struct hf_config *cfg, enum hf_severity sev);

/* Where an escalation stands on the ladder (escalation.ladder). */
struct ladder_state {
	enum hf_esc_status status;
	int level;                      /* index in cfg->ladder */
	int breached_levels;            /* levels whose breach is recorded, from the first; 0 none */
	hf_stamp sla_due;
};
/* One breach: missed at `level` when its deadline `at` passed; moved to `to` (== level at the
 * top of the ladder). */
struct ladder_step {
	int level, to;
	hf_stamp at;
};
/* Every breach of an open escalation not yet recorded at `now`: each moves it one level up
 * with a new deadline of ladder_sla_hours after the one missed; the top level's breach is
 * recorded once. Updates e; returns the number of steps written to out (at most max). */
int rules_ladder(const struct hf_config *cfg, struct ladder_state *e, hf_stamp now,
                 struct ladder_step *out, int max);

/* A supervisor's callback time (a date, or a date and time, read by rules_parse_next): later
 * than now and at most a year ahead, else false with one line in err. */
bool rules_check_callback(const struct outcome_input *when, hf_stamp now, char *err,
                          size_t errlen);
/* The callback task for an escalation's customer, owned by login of team, due at when (moved
 * to a working day). */
void rules_escalation_callback(const struct hf_config *cfg, hf_id escalation, const char *login,
                               const char *team, const struct outcome_input *when,
                               struct hf_task_rec *out);

#endif
