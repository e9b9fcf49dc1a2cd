/* model.h — the clinic's vocabulary: ids, dates, roles, visit kinds, task kinds and statuses. */
#ifndef HUIFANG_MODEL_H
#define HUIFANG_MODEL_H

#include <stdbool.h>
#include <stddef.h>

typedef long long hf_id;

/* A calendar day as days since 1970-01-01 (proleptic Gregorian, clinic-local). */
typedef int hf_date;
/* A clinic-local wall-clock moment as minutes since 1970-01-01 00:00. */
typedef long long hf_stamp;

#define HF_NO_DATE  (-2147483647)
#define HF_NO_STAMP (-1LL)

/* Names, codes and logins; a call's note. */
#define HF_NAME_MAX 64
#define HF_NOTE_MAX 4096

/* Error messages travel in a caller-provided buffer of this size. */
#define HF_ERRLEN 512

/* Satisfaction dimensions a call may score besides the overall score (config `dimensions`):
 * at most this many, so that an escalation's reason always has a part for each low one. */
#define HF_MAX_DIMS 8
#define HF_DIM_CODE_MAX 32

/* Exit statuses (SPEC §4). */
enum hf_exit { HF_OK = 0, HF_EFAIL = 1, HF_EUSAGE = 2, HF_EPERM = 3 };

/* Roles: each includes the one before. */
#define HF_ROLES(X) \
	X(ROLE_OPERATOR, "operator", N_("operator")) \
	X(ROLE_SUPERVISOR, "supervisor", N_("supervisor")) \
	X(ROLE_ADMIN, "admin", N_("admin"))

/* Visit kinds: code stored in the database and typed on the command line. */
#define HF_VISIT_KINDS(X) \
	X(VISIT_CONSULT, "consult", N_("consultation")) \
	X(VISIT_SURGERY, "surgery", N_("surgery")) \
	X(VISIT_COURSE, "course", N_("treatment course")) \
	X(VISIT_DISCHARGE, "discharge", N_("discharge")) \
	X(VISIT_INJECTION, "injection", N_("injection"))

/* Task kinds: why a call is owed. */
#define HF_TASK_KINDS(X) \
	X(TASK_FOLLOWUP, "followup", N_("follow-up")) \
	X(TASK_CALLBACK, "callback", N_("callback")) \
	X(TASK_REACTIVATION, "reactivation", N_("reactivation")) \
	X(TASK_WINBACK, "winback", N_("why they left")) \
	X(TASK_REPURCHASE, "repurchase", N_("repurchase")) \
	X(TASK_BIRTHDAY, "birthday", N_("birthday")) \
	X(TASK_DATAFIX, "datafix", N_("data fix"))

/* Task statuses. Only `open` tasks are in a queue. */
#define HF_TASK_STATUSES(X) \
	X(TASK_OPEN, "open", N_("open")) \
	X(TASK_DONE, "done", N_("done")) \
	X(TASK_MISSED, "missed", N_("missed")) \
	X(TASK_UNREACHABLE, "unreachable", N_("unreachable")) \
	X(TASK_CANCELLED, "cancelled", N_("cancelled")) \
	X(TASK_CLOSED, "closed", N_("closed")) \
	X(TASK_MERGED, "merged", N_("merged"))

#define HF_SEVERITIES(X) \
	X(SEV_NORMAL, "normal", N_("normal")) \
	X(SEV_HIGH, "high", N_("high")) \
	X(SEV_URGENT, "urgent", N_("urgent"))

#define HF_ESC_STATUSES(X) \
	X(ESC_OPEN, "open", N_("open")) \
	X(ESC_ACKNOWLEDGED, "acknowledged", N_("acknowledged")) \
	X(ESC_RESOLVED, "resolved", N_("resolved"))


/* Why a task is in a queue (its origin) and why an escalation was raised (its reason), as data:
 * a code with arguments, never a sentence. Each code's template names its arguments in braces
 * (the stored keys); a part in [brackets] is shown only when all its arguments are given. The
 * templates are translated; {origin} stands for the origin the code carries. */
#define HF_WHY_CODES(X) \
	X(WHY_TEXT, "text", "{text}") \
	X(WHY_CURVE, "curve", \
	  N_("{visit_kind} {visit_date}[ {treatment}], {offset} call[, repeat {repeat}]" \
	     "[ after the course ended {course_end}]")) \
	X(WHY_EFFECT_REMINDER, "effect_reminder", \
	  N_("{visit_kind} {visit_date}[ {treatment}], reminder {offset} the effect ends {effect_end}")) \
	X(WHY_NO_VISIT, "no_visit", N_("{task_kind}: no visit since {since} ({months} months)")) \
	X(WHY_BIRTHDAY, "birthday", N_("birthday {day}")) \
	X(WHY_WRONG_NUMBER, "wrong_number", N_("wrong number on task {task}: correct the phone")) \
	X(WHY_CALLBACK, "callback", N_("callback agreed on task {task} ({origin})")) \
	X(WHY_NEXT_CONTACT, "next_contact", N_("next contact set on task {task} ({origin})")) \
	X(WHY_OUTCOME, "outcome", N_("{outcome}[ ({category})]")) \
	X(WHY_LOW_SCORE, "low_score", N_("low score {score}")) \
	X(WHY_SCORE_DROP, "score_drop", N_("score dropped from {from} to {to}")) \
	X(WHY_RISK_WORD, "risk_word", N_("risk word \"{word}\" in the note")) \
	X(WHY_UNREACHABLE_POSTOP, "unreachable_postop", \
	  N_("unreachable after {attempts} attempts in the first week after surgery")) \
	X(WHY_POSTOP_MISSED, "postop_missed", N_("post-op call missed: {origin}")) \
	X(WHY_ESCALATION_CALLBACK, "escalation_callback", \
	  N_("supervisor's callback on escalation {escalation}")) \
	X(WHY_SEGMENT, "segment", N_("{task_kind}: {segment}, last visit {since}")) \
	X(WHY_LOW_DIMENSION, "low_dimension", N_("low score {score} for {dimension}"))

/* The arguments: each key is stored in one typed field of a part (several keys share a field;
 * no code uses two keys of one field). */
#define HF_WHY_ARGS(X) \
	X(ARG_TEXT, "text", WHY_F_TEXT) \
	X(ARG_VISIT_KIND, "visit_kind", WHY_F_VISIT_KIND) \
	X(ARG_VISIT_DATE, "visit_date", WHY_F_VISIT_DATE) \
	X(ARG_TREATMENT, "treatment", WHY_F_NAME) \
	X(ARG_OFFSET, "offset", WHY_F_OFFSET) \
	X(ARG_REPEAT, "repeat", WHY_F_COUNT) \
	X(ARG_COURSE_END, "course_end", WHY_F_DAY) \
	X(ARG_EFFECT_END, "effect_end", WHY_F_DAY) \
	X(ARG_TASK_KIND, "task_kind", WHY_F_TASK_KIND) \
	X(ARG_SINCE, "since", WHY_F_DAY) \
	X(ARG_MONTHS, "months", WHY_F_COUNT) \
	X(ARG_DAY, "day", WHY_F_DAY) \
	X(ARG_TASK, "task", WHY_F_TASK) \
	X(ARG_OUTCOME, "outcome", WHY_F_OUTCOME) \
	X(ARG_CATEGORY, "category", WHY_F_TEXT) \
	X(ARG_WORD, "word", WHY_F_TEXT) \
	X(ARG_SCORE, "score", WHY_F_COUNT) \
	X(ARG_FROM, "from", WHY_F_COUNT) \
	X(ARG_TO, "to", WHY_F_COUNT2) \
	X(ARG_ATTEMPTS, "attempts", WHY_F_COUNT) \
	X(ARG_ORIGIN, "origin", WHY_F_NESTED) \
	X(ARG_ESCALATION, "escalation", WHY_F_TASK) \
	X(ARG_SEGMENT, "segment", WHY_F_SEGMENT) \
	X(ARG_DIMENSION, "dimension", WHY_F_DIMENSION)

/* The steps of an escalation's timeline. */
#define HF_ESC_STEPS(X) \
	X(STEP_RAISED, "raised", N_("raised")) \
	X(STEP_ACKNOWLEDGED, "acknowledged", N_("acknowledged")) \
	X(STEP_NOTE, "note", N_("note")) \
	X(STEP_ASSIGNED, "assigned", N_("assigned")) \
	X(STEP_CALLBACK, "callback", N_("callback scheduled")) \
	X(STEP_BREACHED, "breached", N_("breached")) \
	X(STEP_RESOLVED, "resolved", N_("resolved")) \
	X(STEP_REOPENED, "reopened", N_("reopened"))

/* What an audit row records: its action and the kind of thing it touched. The escalation's
 * steps are actions too (their codes and labels are the steps'). */
#define HF_AUDIT_ACTIONS(X) \
	X(AUDIT_INIT, "init", N_("created the database")) \
	X(AUDIT_ADD, "add", N_("added")) \
	X(AUDIT_EDIT, "edit", N_("edited")) \
	X(AUDIT_LOG, "log", N_("logged a call")) \
	X(AUDIT_DIAL, "dial", N_("dial")) \
	X(AUDIT_PLAN, "plan", N_("planned a task")) \
	X(AUDIT_PLAN_BATCH, "plan-batch", N_("planned a customer")) \
	X(AUDIT_REASSIGN, "reassign", N_("reassigned")) \
	X(AUDIT_RELEASE, "release", N_("released to a consultant")) \
	X(AUDIT_IMPORT, "import", N_("imported")) \
	X(AUDIT_EXPORT, "export", N_("exported")) \
	X(AUDIT_VIEW, "view", N_("viewed")) \
	X(AUDIT_VIEW_REVEAL, "view-reveal", N_("viewed the full phone")) \
	X(AUDIT_LIFT_DNC, "lift-dnc", N_("lifted do-not-call")) \
	X(AUDIT_USER_ADD, "user-add", N_("added a user")) \
	X(AUDIT_USER_UPDATE, "user-update", N_("changed a user")) \
	X(AUDIT_USER_DISABLE, "user-disable", N_("disabled a user")) \
	X(AUDIT_BACKUP, "backup", N_("backed up")) \
	X(AUDIT_RESTORE, "restore", N_("restored")) \
	X(AUDIT_DONE, "done", N_("finished a task")) \
	X(AUDIT_RESUME, "resume", N_("resumed a task")) \
	HF_ESC_STEPS(X)

#define HF_AUDIT_ENTITIES(X) \
	X(AUDIT_OF_DATABASE, "database", N_("database")) \
	X(AUDIT_OF_CUSTOMER, "customer", N_("customer")) \
	X(AUDIT_OF_VISIT, "visit", N_("visit")) \
	X(AUDIT_OF_CALL, "call", N_("call")) \
	X(AUDIT_OF_TASK, "task", N_("task")) \
	X(AUDIT_OF_ESCALATION, "escalation", N_("escalation")) \
	X(AUDIT_OF_USER, "user", N_("user"))

#define HF_ENUM_(id, code, label) id,
enum hf_role { ROLE_NONE = -1, HF_ROLES(HF_ENUM_) ROLE__COUNT };
enum hf_visit_kind { VISIT_NONE = -1, HF_VISIT_KINDS(HF_ENUM_) VISIT__COUNT };
enum hf_task_kind { TASK_KIND_NONE = -1, HF_TASK_KINDS(HF_ENUM_) TASK_KIND__COUNT };
enum hf_task_status { TASK_STATUS_NONE = -1, HF_TASK_STATUSES(HF_ENUM_) TASK_STATUS__COUNT };
enum hf_severity { SEV_NONE = -1, HF_SEVERITIES(HF_ENUM_) SEV__COUNT };
enum hf_esc_status { ESC_STATUS_NONE = -1, HF_ESC_STATUSES(HF_ENUM_) ESC_STATUS__COUNT };
enum hf_why_code { WHY_NONE = -1, HF_WHY_CODES(HF_ENUM_) WHY__COUNT };
enum hf_esc_step { STEP_NONE = -1, HF_ESC_STEPS(HF_ENUM_) STEP__COUNT };
#undef HF_ENUM_
#define HF_ENUM_(id, key, field) id,
enum hf_why_arg { ARG_NONE = -1, HF_WHY_ARGS(HF_ENUM_) ARG__COUNT };
#undef HF_ENUM_

/* Where an argument lives in a part, and so how it is stored and shown. */
enum hf_why_field {
	WHY_F_TEXT,         /* text: shown as written */
	WHY_F_NAME,         /* name: shown as written */
	WHY_F_OUTCOME,      /* name: an outcome code, shown as its label */
	WHY_F_SEGMENT,      /* name: a value segment's code, shown as its name */
	WHY_F_DIMENSION,    /* name: a satisfaction dimension's code, shown as its name */
	WHY_F_VISIT_KIND,
	WHY_F_TASK_KIND,
	WHY_F_VISIT_DATE,
	WHY_F_DAY,
	WHY_F_OFFSET,       /* "+3d", shown as "day 3" */
	WHY_F_COUNT,
	WHY_F_COUNT2,
	WHY_F_TASK,
	WHY_F_NESTED,       /* the parts that follow this one */
};

#define HF_WHY_NAME_MAX 64
#define HF_WHY_TEXT_MAX 192      /* a risk word with its cue (HF_RISK_MAX) fits */
/* Parts in one origin or reason. An origin may take at most HF_WHY_PARTS - 1, so that a part
 * carrying it (a missed post-op call, a callback) always fits. */
#define HF_WHY_PARTS 12
/* A call's escalation has one part for the outcome, the low score, the score drop and the risk
 * word, and one for each low dimension: they always fit. */
_Static_assert(4 + HF_MAX_DIMS <= HF_WHY_PARTS, "every reason of a call fits its escalation");

/* One part: a code and its arguments; an absent argument is 0, "", HF_NO_DATE or *_NONE. */
struct hf_why_part {
	enum hf_why_code code;
	enum hf_visit_kind visit_kind;
	enum hf_task_kind task_kind;
	hf_date visit_date, day;
	hf_id task;
	int count, count2;
	char offset[16];
	char name[HF_WHY_NAME_MAX];     /* treatment, outcome code */
	char text[HF_WHY_TEXT_MAX];     /* complaint category, risk word, text kept as written */
};

/* An origin or a reason: parts in order. A code that carries an origin ({origin}) is followed
 * by that origin's parts (one chain ending in a part that carries none); a reason is several
 * such items in a row. n == 0: none. */
struct hf_why {
	int n;
	struct hf_why_part part[HF_WHY_PARTS];
};

/* One satisfaction dimension's score on a call: the dimension's code and 1-5. */
struct hf_dim_score {
	char code[HF_DIM_CODE_MAX];
	int score;
};

/* A customer's value (RFM) as of a day, from the visits: kept with the customer and brought up
 * to date by the service whenever the customer is planned (a visit added or imported, the
 * day's plan), so no screen computes it. */
struct hf_value {
	hf_date day;                    /* the day it holds for; HF_NO_DATE: never computed */
	hf_date last_visit;             /* HF_NO_DATE: no visit */
	int recency;                    /* days from the last visit to day; -1 without a visit */
	int frequency;                  /* visits in the window */
	long long monetary;             /* yuan spent in the window */
	int r, f, m;                    /* scores 1..HF_VALUE_LEVELS; 0 without a visit */
	bool vip;                       /* by the rule: enough visits in the VIP period */
	char segment[HF_NAME_MAX];      /* segment code; "" when none matches */
	int rank;                       /* added to its tasks' priority in the queue */
};
#define HF_VALUE_LEVELS 4

/* A task as it is stored: what the rules read and decide, what the store writes. */
struct hf_task_rec {
	hf_id id;                       /* 0 for a task the rules propose */
	hf_id visit_id;                 /* 0 when not tied to a visit */
	enum hf_task_kind kind;
	enum hf_task_status status;
	int step;                       /* index in the visit's curve; -1 otherwise */
	hf_date due;
	int due_minute;                 /* -1: any time that day */
	hf_date window_end;             /* last day it stays callable */
	int attempts;
	int priority;
	char team[HF_NAME_MAX];
	char owner[HF_NAME_MAX];        /* "" = the team's pool */
	char script[HF_NAME_MAX];
	struct hf_why origin;           /* why it is in a queue (at most HF_WHY_PARTS - 1 parts) */
	hf_stamp touched;               /* last change by a person (owner release), HF_NO_STAMP */
	hf_id merged_into;              /* TASK_MERGED: the task that carries this reason */
};
/* A blank task: id 0, step -1, no time, no window, open, no owner, never touched. */
void task_rec_init(struct hf_task_rec *t);

/* code <-> enum for each table; *_from_code returns the NONE value when unknown.
 * *_label returns the translated label. */
const char *role_code(enum hf_role r);
const char *role_label(enum hf_role r);
enum hf_role role_from_code(const char *s);
const char *visit_kind_code(enum hf_visit_kind k);
const char *visit_kind_label(enum hf_visit_kind k);
enum hf_visit_kind visit_kind_from_code(const char *s);
const char *task_kind_code(enum hf_task_kind k);
const char *task_kind_label(enum hf_task_kind k);
enum hf_task_kind task_kind_from_code(const char *s);
const char *task_status_code(enum hf_task_status s);
const char *task_status_label(enum hf_task_status s);
enum hf_task_status task_status_from_code(const char *s);
const char *severity_code(enum hf_severity s);
const char *severity_label(enum hf_severity s);
enum hf_severity severity_from_code(const char *s);
const char *esc_status_code(enum hf_esc_status s);
const char *esc_status_label(enum hf_esc_status s);
enum hf_esc_status esc_status_from_code(const char *s);
const char *esc_step_code(enum hf_esc_step s);
const char *esc_step_label(enum hf_esc_step s);
enum hf_esc_step esc_step_from_code(const char *s);
/* An audit row's action or entity code as a person reads it; an unknown code as it is. */
const char *audit_action_label(const char *code);
const char *audit_entity_label(const char *code);

/* The why table. why_template: the untranslated template (translate with _()). */
const char *why_code(enum hf_why_code c);
const char *why_template(enum hf_why_code c);
enum hf_why_code why_from_code(const char *s);
/* The arguments: key, field, and whether code c's template names it. */
const char *why_arg_key(enum hf_why_arg a);
enum hf_why_field why_arg_field(enum hf_why_arg a);
enum hf_why_arg why_arg_from_key(const char *key, size_t len);
bool why_has_arg(enum hf_why_code c, enum hf_why_arg a);
/* Code c carries an origin: the parts after it. */
bool why_nests(enum hf_why_code c);

/* A blank part with code c appended to w (NULL when w is full). */
struct hf_why_part *why_add(struct hf_why *w, enum hf_why_code c);
/* Appends every part of src; false (w unchanged) when they do not fit. */
bool why_append(struct hf_why *w, const struct hf_why *src);
/* Index just after the item (a part and what it carries) that starts at part i. */
int why_item_end(const struct hf_why *w, int i);

/* An argument's value as stored: text, or for numbers *num set and NULL returned. NULL with
 * *num 0 too when absent. */
const char *why_arg_value(const struct hf_why_part *p, enum hf_why_arg a, char buf[16],
                          long long *num);
/* Sets an argument from its stored text; false when the text is not a value of its kind. */
bool why_arg_set(struct hf_why_part *p, enum hf_why_arg a, const char *value);

/* A phone as the viewer may see it: operators get 138****5678. */
void phone_mask(const char *phone, bool reveal, char *out, size_t size);
/* Does the number end in these digits? Without reveal only the digits the mask shows count:
 * a longer tail matches nothing, so searches cannot uncover a masked number. */
bool phone_tail_matches(const char *phone, const char *digits, bool reveal);
/* A phone number as it is stored, or false when s is none: spaces, dashes, dots and brackets
 * dropped; +86 / 0086 / 86 before a mobile dropped. A mainland mobile is 11 digits from 13 to
 * 19; a landline its area code and local number (010 or 02X and 8 digits, 0XXX and 7 or 8
 * digits, the local number not starting with 0 or 1); a foreign number + and 7-15 digits. */
bool phone_normalize(const char *s, char *out, size_t size);
/* Comma-separated tags: add those of add that are missing, drop those named in remove (either
 * may be NULL); spaces around a tag and repeats dropped. False (tags unchanged) when the result
 * does not fit in size. */
bool tags_edit(char *tags, size_t size, const char *add, const char *remove);
/* 男 / 女 / M / F / male / female (any case) -> "M" / "F". */
bool gender_parse(const char *s, char out[4]);

#endif
