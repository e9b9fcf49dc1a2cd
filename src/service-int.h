/* service-int.h — what the service's files share: events after a committed change. */
#ifndef HUIFANG_SERVICE_INT_H
#define HUIFANG_SERVICE_INT_H

#include "huifang/service.h"

/* What the configuration sets on a newly opened store: its anchors, its wait for the lock. */
void svc_store_settings(struct hf_ctx *ctx);

/* After a commit: the call, and the escalations raised since `after` (an escalation id). */
void svc_event_call(struct hf_ctx *ctx, const struct hf_call *c);
void svc_event_raised_since(struct hf_ctx *ctx, hf_id after);
/* After a commit: one step of escalation id ("acknowledged", "assigned", "resolved",
 * "reopened", "breached"), with one more field (key NULL: none). */
void svc_event_escalation(struct hf_ctx *ctx, const char *step, hf_id id, const char *key,
                          const char *value);

/* Inside a transaction: a task by id (none: 2), and whether another login's claim holds it
 * (1, naming who). */
int svc_task_get(struct hf_ctx *ctx, hf_id id, struct hf_task *t, char *err, size_t errlen);
int svc_check_claim(struct hf_ctx *ctx, const struct hf_task *t, char *err, size_t errlen);

/* Inside a transaction: what comes back for the customer (rules_resume_customer) written, each
 * task that came back or was done audited; counted in *resumed and *fixes_done (may be NULL).
 * False on a SQL error. */
bool svc_resume(struct hf_ctx *ctx, hf_id customer, enum resume_reason why, int *resumed,
                int *fixes_done);

#endif
