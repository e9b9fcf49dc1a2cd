/* demo.h — the demo clinic: a believable, deterministic clinic for a given day. */
#ifndef HUIFANG_DEMO_H
#define HUIFANG_DEMO_H

#include "huifang/service.h"

/* After svc_init on a new database: fill it with the demo clinic for the day of ctx->now, as
 * the clinic would have made it: users, customers, six months of visits entered and planned,
 * the calls logged on them by the operators (through the service, each at its own time),
 * escalations handled, today's work handed out. One transaction: a failure leaves no clinic.
 * The same day gives the same clinic. Returns an exit status, err one line on failure. */
int demo_build(struct hf_ctx *ctx, char *err, size_t errlen);

#endif
