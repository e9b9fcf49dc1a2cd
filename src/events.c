/* events.c — JSON lines of calls and escalation steps, appended to the configured file or FIFO. */
#include "huifang/events.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "huifang/date.h"
#include "huifang/utf8.h"

void event_begin(struct sbuf *b, const char *name, hf_stamp at, const char *by)
{
	char when[20];
	sbuf_reset(b);
	sbuf_add(b, "{\"at\": ");
	sbuf_add_json(b, stamp_format(at, when));
	event_text(b, "event", name);
	event_text(b, "by", by);
}

void event_text(struct sbuf *b, const char *key, const char *value)
{
	/* Stored text may be damaged: the line stays valid UTF-8 and one line. */
	char *clean = utf8_clean(value ? value : "", false);
	sbuf_add(b, ", ");
	sbuf_add_json(b, key);
	sbuf_add(b, ": ");
	sbuf_add_json(b, clean);
	free(clean);
}

void event_int(struct sbuf *b, const char *key, long long value)
{
	sbuf_add(b, ", ");
	sbuf_add_json(b, key);
	sbuf_printf(b, ": %lld", value);
}

void event_json(struct sbuf *b, const char *key, const char *json)
{
	sbuf_add(b, ", ");
	sbuf_add_json(b, key);
	sbuf_add(b, ": ");
	sbuf_add(b, json && *json ? json : "null");
}

bool event_emit(const char *path, struct sbuf *b)
{
	sbuf_add(b, "}\n");
	if (!path || !*path)
		return false;
	/* O_NONBLOCK: opening a FIFO nobody reads fails (ENXIO) instead of waiting for a reader. */
	int fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_NONBLOCK | O_NOCTTY | O_CLOEXEC, 0660);
	if (fd < 0)
		return false;
	ssize_t n;
	do
		n = write(fd, b->s, b->len);
	while (n < 0 && errno == EINTR);
	close(fd);
	return n == (ssize_t)b->len;
}
