/* store-migrate.c — migrations that convert data, not only the schema.
 *
 * Version 4: task origins and escalation reasons, stored up to version 3 as English-like text,
 * become codes with arguments (store-why.c). The readers below know only the version-2 forms;
 * nothing else reads stored origins or reasons as text. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "huifang/date.h"
#include "huifang/str.h"
#include "store-int.h"

/* A part kept as written (a form version 2 did not write, or cut at its 160 bytes). Version 2
 * wrote at most 159 bytes; a longer text put there by hand is kept up to the part's size. */
static void v2_text(struct hf_why *w, const char *s, size_t n)
{
	struct hf_why_part *p = why_add(w, WHY_TEXT);
	if (!p)
		return;
	if (n >= sizeof p->text)
		n = sizeof p->text - 1;
	memcpy(p->text, s, n);
	p->text[n] = 0;
	str_copy(p->text, sizeof p->text, p->text); /* at a character boundary */
}

/* "<kind> <YYYY-MM-DD>[ <treatment>], step <offset>[, repeat N (+Dd)| from course end <day>|
 *  from effect end <day>]" */
static bool v2_curve(struct hf_why *w, const char *s)
{
	const char *step = strstr(s, ", step ");
	const char *sp = strchr(s, ' ');
	char kind[24], day[16], offset[16], end[16];
	if (!step || !sp || sp > step || (size_t)(sp - s) >= sizeof kind || step - sp - 1 < 10)
		return false;
	memcpy(kind, s, (size_t)(sp - s));
	kind[sp - s] = 0;
	memcpy(day, sp + 1, 10);
	day[10] = 0;
	const char *tr = sp + 11;
	if (tr < step && (*tr != ' ' || (size_t)(step - tr - 1) >= HF_WHY_NAME_MAX))
		return false;
	const char *p = step + 7;
	size_t n = strcspn(p, " ,");
	struct hf_dur d;
	if (n == 0 || n >= sizeof offset)
		return false;
	memcpy(offset, p, n);
	offset[n] = 0;
	p += n;
	int rep = 0, days, off = 0;
	enum hf_why_code code = WHY_CURVE;
	hf_date visit, until = HF_NO_DATE;
	if (visit_kind_from_code(kind) == VISIT_NONE || !date_parse(day, &visit) ||
	    !dur_parse(offset, &d) || d.unit == DUR_HOURS)
		return false;
	if (*p == 0) {
		/* a plain step */
	} else if (sscanf(p, ", repeat %d (+%dd)", &rep, &days) == 2) {
		/* the consultation's repeat */
	} else if (sscanf(p, " from course end %15s%n", end, &off) == 1 && !p[off] &&
	           date_parse(end, &until)) {
		/* counted from the course's end */
	} else if (sscanf(p, " from effect end %15s%n", end, &off) == 1 && !p[off] &&
	           date_parse(end, &until)) {
		code = WHY_EFFECT_REMINDER;
	} else {
		return false;
	}
	struct hf_why_part *o = why_add(w, code);
	if (!o)
		return false;
	o->visit_kind = visit_kind_from_code(kind);
	o->visit_date = visit;
	if (tr < step) {
		memcpy(o->name, tr + 1, (size_t)(step - tr - 1));
		o->name[step - tr - 1] = 0;
	}
	str_copy(o->offset, sizeof o->offset, offset);
	o->count = rep;
	o->day = until;
	return true;
}

static void v2_origin(struct hf_why *w, const char *s)
{
	char day[16], kind[24];
	long long task;
	int months, off = 0;
	hf_date d;
	struct hf_why_part *p;
	if (str_empty(s) || v2_curve(w, s))
		return;
	if (sscanf(s, "%23[a-z]: no visit since %15s (+%dm)%n", kind, day, &months, &off) == 3 &&
	    !s[off] && task_kind_from_code(kind) != TASK_KIND_NONE && date_parse(day, &d) &&
	    (p = why_add(w, WHY_NO_VISIT))) {
		p->task_kind = task_kind_from_code(kind);
		p->day = d;
		p->count = months;
	} else if (sscanf(s, "birthday %15s%n", day, &off) == 1 && !s[off] && date_parse(day, &d) &&
	           (p = why_add(w, WHY_BIRTHDAY))) {
		p->day = d;
	} else if (sscanf(s, "wrong number on task %lld%n", &task, &off) == 1 && !s[off] &&
	           (p = why_add(w, WHY_WRONG_NUMBER))) {
		p->task = task;
	} else if (sscanf(s, "callback on task %lld: %n", &task, &off) == 1 && off > 0 &&
	           (p = why_add(w, WHY_CALLBACK))) {
		p->task = task;
		v2_origin(w, s + off);
	} else if (sscanf(s, "next contact on task %lld: %n", &task, &off) == 1 && off > 0 &&
	           (p = why_add(w, WHY_NEXT_CONTACT))) {
		p->task = task;
		v2_origin(w, s + off);
	} else {
		v2_text(w, s, strlen(s));
	}
}

/* One part of a reason (version 2 joined them with "; "). */
static void v2_reason_part(struct hf_why *w, const char *part)
{
	char word[160];
	int a, b, off = 0;
	struct hf_why_part *p;
	size_t code = strspn(part, "abcdefghijklmnopqrstuvwxyz_0123456789");
	size_t len = strlen(part);
	if (sscanf(part, "low score %d%n", &a, &off) == 1 && !part[off] &&
	    (p = why_add(w, WHY_LOW_SCORE))) {
		p->count = a;
	} else if (sscanf(part, "score dropped from %d to %d%n", &a, &b, &off) == 2 && !part[off] &&
	           (p = why_add(w, WHY_SCORE_DROP))) {
		p->count = a;
		p->count2 = b;
	} else if (sscanf(part, "risk word \"%159[^\"]\" in the note%n", word, &off) == 1 && !part[off] &&
	           (p = why_add(w, WHY_RISK_WORD))) {
		str_copy(p->text, sizeof p->text, word);
	} else if (sscanf(part, "unreachable after %d attempts in the first week after surgery%n", &a,
	                  &off) == 1 && !part[off] && (p = why_add(w, WHY_UNREACHABLE_POSTOP))) {
		p->count = a;
	} else if (strncmp(part, "post-op call missed: ", 21) == 0 &&
	           why_add(w, WHY_POSTOP_MISSED)) {
		v2_origin(w, part + 21);
	} else if (code > 0 && code < HF_WHY_NAME_MAX &&
	           (!part[code] || (strncmp(part + code, " (", 2) == 0 && part[len - 1] == ')' &&
	                            len - code - 3 < HF_WHY_TEXT_MAX)) &&
	           (p = why_add(w, WHY_OUTCOME))) {
		/* "<outcome code>[ (<complaint category>)]" */
		memcpy(p->name, part, code);
		p->name[code] = 0;
		if (part[code]) {
			memcpy(p->text, part + code + 2, len - code - 3);
			p->text[len - code - 3] = 0;
		}
	} else {
		v2_text(w, part, strlen(part));
	}
}

static void v2_reason(struct hf_why *w, const char *s)
{
	char part[512];
	while (s && *s) {
		const char *end = strstr(s, "; ");
		size_t n = end ? (size_t)(end - s) : strlen(s);
		if (n >= sizeof part)
			n = sizeof part - 1;
		memcpy(part, s, n);
		part[n] = 0;
		v2_reason_part(w, part);
		s = end ? end + 2 : s + strlen(s);
	}
}

/* Rewrites one text column of every row with its structured form. */
static bool convert(struct store *st, const char *select, const char *update, bool list)
{
	struct row { hf_id id; char *text; } *rows = NULL;
	size_t n = 0, cap = 0;
	struct stmt *s = stmt_prepare(st, select);
	int rc;
	while ((rc = stmt_step(s)) == 1) {
		rows = xgrow(rows, n, &cap, sizeof *rows);
		rows[n].id = stmt_int(s, 0);
		rows[n++].text = xstrdup(stmt_text(s, 1));
	}
	stmt_done(s);
	bool ok = rc == 0;
	for (size_t i = 0; i < n; i++) {
		struct hf_why w = {0};
		if (list)
			v2_reason(&w, rows[i].text);
		else
			v2_origin(&w, rows[i].text);
		char *json = ok ? store_why_json(st, &w, list) : NULL;
		ok = json && store_exec(st, update, ":j", 't', json, ":id", 'i', (long long)rows[i].id, NULL);
		free(json);
		free(rows[i].text);
	}
	free(rows);
	return ok;
}

bool store_migrate_data(struct store *st, int version)
{
	if (version != 4)
		return true;
	return convert(st, "SELECT id, origin FROM task WHERE origin <> ''",
	               "UPDATE task SET origin = :j WHERE id = :id", false) &&
	       convert(st, "SELECT id, reason FROM escalation WHERE reason <> ''",
	               "UPDATE escalation SET reason = :j WHERE id = :id", true);
}
