/* demo.h — the demo clinic: a believable, deterministic clinic for a given day. */
#ifndef HUIFANG_DEMO_H
#define HUIFANG_DEMO_H

#include "huifang/service.h"

/* Fill ctx->st (inside the caller's transaction) with the demo clinic for the day of ctx->now:
 * users, customers, visits over six months, call history, today's tasks, open escalations.
 * The same day gives the same clinic. */
bool demo_build(struct hf_ctx *ctx, char *err, size_t errlen);

#endif
