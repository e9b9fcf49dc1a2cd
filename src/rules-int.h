/* rules-int.h — what the rules' source files share: config lookups and a customer's task set. */
#ifndef HUIFANG_RULES_INT_H
#define HUIFANG_RULES_INT_H

#include "huifang/rules.h"

/* A surgery curve call in the first cfg->missed_postop_days after the operation. */
bool rules_postop_first_days(const struct hf_config *cfg, const struct rules_visit *v,
                             const struct hf_task_rec *t);

/* Escalation triggers gathered during one decision: several become one escalation with the
 * most severe severity, the shortest SLA and every reason. */
struct esc_acc {
	bool any;
	enum hf_severity severity;
	int sla_hours;
	struct hf_why reason;
};
/* Adds one item (a part and what it carries) to the reasons; false, e unchanged, when the
 * reasons are full. */
bool esc_add(struct esc_acc *e, enum hf_severity sev, int sla_hours, const struct hf_why *item);
void esc_emit(const struct esc_acc *e, const struct hf_task_rec *task, struct decisions *out);

void notice(struct decisions *out, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* The working set: a customer's tasks as decided so far, plus the ones this run creates.
 * Rules change the set; work_emit turns the differences into decisions. */
struct work_task {
	struct hf_task_rec t;       /* the state decided so far */
	struct hf_task_rec orig;    /* existing tasks: as they came in */
	bool is_new;
	int carrier;               /* merged into the new task at this index, else -1 */
	int dec;                   /* index of its DEC_CREATE_TASK once emitted */
};

struct work {
	struct work_task *v;
	size_t n, cap;
};

void work_init(struct work *w, const struct hf_task_rec *tasks, size_t n);
void work_free(struct work *w);
/* Adds a new task; returns its index. */
size_t work_add(struct work *w, const struct hf_task_rec *t);
/* Index of the existing task with this id, or -1. */
long work_find(const struct work *w, hf_id id);
/* Ends a task with `status`. When the call it stood for will not happen (cancelled, missed),
 * the tasks merged into it are reopened so their reasons are not lost. Returns how many were
 * reopened. */
int work_close(struct work *w, size_t i, enum hf_task_status status);
/* Contact cap: open calls of the customer less than contact_cap_days apart become one call,
 * carried by the earliest. Returns the number of tasks merged. */
int work_cap(const struct hf_config *cfg, struct work *w);
/* Decisions for every new or changed task: updates, then creations, then updates that point
 * at a created carrier. */
void work_emit(struct work *w, struct decisions *out);

#endif
