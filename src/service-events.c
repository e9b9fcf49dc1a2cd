/* service-events.c — the events a committed use case appends to events.path (huifang(1), EVENTS). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "huifang/date.h"
#include "huifang/events.h"
#include "service-int.h"

void svc_event_call(struct hf_ctx *ctx, const struct hf_call *c)
{
	if (!*ctx->cfg.events_path)
		return;
	struct sbuf b;
	sbuf_init(&b);
	event_begin(&b, "call.logged", ctx->now, ctx->login);
	event_int(&b, "call", c->id);
	event_int(&b, "task", c->task_id);
	event_int(&b, "customer", c->customer_id);
	event_text(&b, "outcome", c->outcome);
	if (c->score)
		event_int(&b, "score", c->score);
	if (c->nps >= 0)
		event_int(&b, "nps", c->nps);
	if (*c->complaint)
		event_text(&b, "complaint", c->complaint);
	for (int i = 0; i < c->ndims; i++) {
		char key[HF_DIM_CODE_MAX + 8];
		snprintf(key, sizeof key, "score_%s", c->dims[i].code);
		event_int(&b, key, c->dims[i].score);
	}
	event_emit(ctx->cfg.events_path, &b);
	sbuf_free(&b);
}

void svc_event_escalation(struct hf_ctx *ctx, const char *step, hf_id id, const char *key,
                          const char *value)
{
	struct hf_escalation e;
	if (!*ctx->cfg.events_path || store_escalation_get(ctx->st, id, &e) != STORE_FOUND)
		return;
	char name[48], due[20];
	snprintf(name, sizeof name, "escalation.%s", step);
	struct sbuf b;
	sbuf_init(&b);
	/* Raised and breached by the rules: "by" is whoever ran the use case. */
	event_begin(&b, name, ctx->now, ctx->login);
	event_int(&b, "escalation", e.id);
	event_int(&b, "customer", e.customer_id);
	if (e.call_id)
		event_int(&b, "call", e.call_id);
	event_text(&b, "severity", severity_code(e.severity));
	event_text(&b, "status", esc_status_code(e.status));
	event_text(&b, "sla_due", stamp_format(e.sla_due, due));
	char *reason = store_why_json(ctx->st, &e.reason, true);
	event_json(&b, "reason", reason);
	free(reason);
	if (key)
		event_text(&b, key, value);
	event_emit(ctx->cfg.events_path, &b);
	sbuf_free(&b);
}

void svc_event_raised_since(struct hf_ctx *ctx, hf_id after)
{
	if (!*ctx->cfg.events_path || after < 0)
		return;
	hf_id last = after < 0 ? -1 : store_escalation_last_id(ctx->st);
	for (hf_id id = after + 1; id <= last; id++)
		svc_event_escalation(ctx, "raised", id, NULL, NULL);
}
