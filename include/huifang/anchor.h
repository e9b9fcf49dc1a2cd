/* anchor.h — the audit trail's head kept outside the database: its one-line form, and reading
 * anchors back from a file or the system log. */
#ifndef HUIFANG_ANCHOR_H
#define HUIFANG_ANCHOR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* One anchor: the trail had `rows` rows and its last hash was `hash` (rows 0: a bare hash). */
struct anchor {
	long long rows;
	char hash[65];
	char at[20];       /* "YYYY-MM-DDTHH:MM" */
	char event[16];    /* plan, rows, restore, init, admin */
	char db[1024];     /* the database's absolute name */
	long line;         /* where it was read */
};

/* The one-line form, also what is sent to the system log:
 *   huifang-anchor rows=N hash=HEX at=YYYY-MM-DDTHH:MM event=EVENT db=PATH
 * (db last: a name may hold spaces). */
void anchor_format(const struct anchor *a, char *buf, size_t size);
/* An anchor anywhere in a line (a log line's prefix is passed over), or a bare 64-digit hash
 * alone on it. */
bool anchor_parse(const char *line, struct anchor *a);
/* The anchors in a stream, in order; those of another database are left out when db is given.
 * *out malloc'd. */
void anchor_read(FILE *f, const char *db, struct anchor **out, size_t *n);
/* The anchors huifang sent to the system log for db: `journalctl -t huifang`, else the first
 * readable of /var/log/auth.log, /var/log/secure, /var/log/syslog, /var/log/messages. false
 * when none can be read; *source names what was read. */
bool anchor_read_system(const char *db, struct anchor **out, size_t *n, char *source, size_t size);
/* Send an anchor to the system log (ident "huifang", facility LOG_AUTHPRIV). */
void anchor_syslog(const struct anchor *a);

#endif
