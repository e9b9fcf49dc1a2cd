/* events.h — one JSON line per logged call and escalation step, appended to a file or FIFO for
 * gateways and dashboards that follow the clinic without touching the database. */
#ifndef HUIFANG_EVENTS_H
#define HUIFANG_EVENTS_H

#include "huifang/model.h"
#include "huifang/str.h"

/* Start an event object: {"at": "YYYY-MM-DD HH:MM", "event": name, "by": login. */
void event_begin(struct sbuf *b, const char *name, hf_stamp at, const char *by);
void event_text(struct sbuf *b, const char *key, const char *value);
void event_int(struct sbuf *b, const char *key, long long value);
/* A JSON value as SQLite wrote it (one line), e.g. a reason; null when empty. */
void event_json(struct sbuf *b, const char *key, const char *json);
/* Close the object and append it to path as one line with a single write. Never blocks: a FIFO
 * without a reader or a full pipe loses the event. Returns false when it was not written. */
bool event_emit(const char *path, struct sbuf *b);

#endif
