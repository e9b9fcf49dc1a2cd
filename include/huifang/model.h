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

/* Error messages travel in a caller-provided buffer of this size. */
#define HF_ERRLEN 512

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

#define HF_ENUM_(id, code, label) id,
enum hf_role { ROLE_NONE = -1, HF_ROLES(HF_ENUM_) ROLE__COUNT };
enum hf_visit_kind { VISIT_NONE = -1, HF_VISIT_KINDS(HF_ENUM_) VISIT__COUNT };
enum hf_task_kind { TASK_KIND_NONE = -1, HF_TASK_KINDS(HF_ENUM_) TASK_KIND__COUNT };
enum hf_task_status { TASK_STATUS_NONE = -1, HF_TASK_STATUSES(HF_ENUM_) TASK_STATUS__COUNT };
enum hf_severity { SEV_NONE = -1, HF_SEVERITIES(HF_ENUM_) SEV__COUNT };
enum hf_esc_status { ESC_STATUS_NONE = -1, HF_ESC_STATUSES(HF_ENUM_) ESC_STATUS__COUNT };
#undef HF_ENUM_

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

#endif
