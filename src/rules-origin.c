/* rules-origin.c — a task's origin, stored in one language-neutral form, read out translated.
 *
 * The rules write origins in a fixed form (codes, ISO dates, offsets) so the database does not
 * depend on whoever ran `plan`; the screens show them through rules_origin_text. Every form
 * written in rules-plan.c and rules-outcome.c is read back here; anything else is shown as is. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "huifang/date.h"
#include "huifang/i18n.h"
#include "huifang/rules.h"
#include "huifang/str.h"

/* "<kind> <YYYY-MM-DD>[ <treatment>]" -> "<kind label> <date>[ <treatment>]". */
static bool visit_text(const char *s, size_t n, char *out, size_t size)
{
	char kind[24], rest[HF_ORIGIN_MAX];
	const char *sp = memchr(s, ' ', n);
	if (!sp || (size_t)(sp - s) >= sizeof kind || n >= sizeof rest)
		return false;
	memcpy(kind, s, (size_t)(sp - s));
	kind[sp - s] = 0;
	enum hf_visit_kind k = visit_kind_from_code(kind);
	hf_date d;
	char day[16];
	if (k == VISIT_NONE || n - (size_t)(sp + 1 - s) < 10)
		return false;
	memcpy(day, sp + 1, 10);
	day[10] = 0;
	if (!date_parse(day, &d))
		return false;
	size_t tail = n - (size_t)(sp + 1 - s) - 10;
	memcpy(rest, sp + 11, tail);
	rest[tail] = 0;
	snprintf(out, size, "%s %s%s", visit_kind_label(k), day, rest);
	return true;
}

/* "+3d" -> "day 3", "+1m" -> "month 1", "-1m" -> "1 month before"; false when not an offset. */
static bool offset_words(const char *offset, char *out, size_t size)
{
	struct hf_dur d;
	if (!dur_parse(offset, &d) || d.unit == DUR_HOURS)
		return false;
	int n = d.n < 0 ? -d.n : d.n;
	if (d.n == 0) {
		str_copy(out, size, _("the same day"));
	} else if (d.n > 0) {
		snprintf(out, size,
		         d.unit == DUR_DAYS ? _("day %d") : d.unit == DUR_WEEKS ? _("week %d")
		         : d.unit == DUR_MONTHS ? _("month %d") : _("year %d"), n);
	} else {
		snprintf(out, size,
		         d.unit == DUR_DAYS     ? ngettext("%d day before", "%d days before", (unsigned long)n)
		         : d.unit == DUR_WEEKS  ? ngettext("%d week before", "%d weeks before", (unsigned long)n)
		         : d.unit == DUR_MONTHS ? ngettext("%d month before", "%d months before", (unsigned long)n)
		                                : ngettext("%d year before", "%d years before", (unsigned long)n),
		         n);
	}
	return true;
}

static bool curve_text(const char *origin, char *out, size_t size)
{
	const char *step = strstr(origin, ", step ");
	char what[2 * HF_ORIGIN_MAX], offset[16], day[16];
	if (!step || !visit_text(origin, (size_t)(step - origin), what, sizeof what))
		return false;
	const char *p = step + 7;
	size_t n = strcspn(p, " ,");
	if (n == 0 || n >= sizeof offset)
		return false;
	memcpy(offset, p, n);
	offset[n] = 0;
	p += n;
	char when[64];
	if (!offset_words(offset, when, sizeof when))
		return false;
	int rep, days;
	if (*p == 0) {
		snprintf(out, size, _("%s, %s call"), what, when);
	} else if (sscanf(p, ", repeat %d (+%dd)", &rep, &days) == 2) {
		snprintf(out, size, _("%s, %s call, repeat %d"), what, when, rep);
	} else if (sscanf(p, " from course end %15s", day) == 1) {
		snprintf(out, size, _("%s, %s call after the course ended %s"), what, when, day);
	} else if (sscanf(p, " from effect end %15s", day) == 1) {
		snprintf(out, size, _("%s, reminder %s the effect ends %s"), what, when, day);
	} else {
		return false;
	}
	return true;
}

static void origin_text(const char *origin, char *out, size_t size)
{
	char day[16], kind[24], inner[HF_ORIGIN_MAX];
	long long task;
	int months, off = 0;
	if (str_empty(origin)) {
		str_copy(out, size, "");
	} else if (curve_text(origin, out, size)) {
		/* done */
	} else if (sscanf(origin, "%23[a-z]: no visit since %15s (+%dm)", kind, day, &months) == 3) {
		enum hf_task_kind k = task_kind_from_code(kind);
		snprintf(out, size, _("%s: no visit since %s (%d months)"),
		         k == TASK_KIND_NONE ? kind : task_kind_label(k), day, months);
	} else if (sscanf(origin, "birthday %15s%n", day, &off) == 1 && origin[off] == 0) {
		snprintf(out, size, _("birthday %s"), day);
	} else if (sscanf(origin, "wrong number on task %lld%n", &task, &off) == 1 && origin[off] == 0) {
		snprintf(out, size, _("wrong number on task %lld: correct the phone"), task);
	} else if (sscanf(origin, "callback on task %lld: %n", &task, &off) == 1 && off > 0) {
		rules_origin_text(origin + off, inner, sizeof inner);
		snprintf(out, size, _("callback agreed on task %lld (%s)"), task, inner);
	} else if (sscanf(origin, "next contact on task %lld: %n", &task, &off) == 1 && off > 0) {
		rules_origin_text(origin + off, inner, sizeof inner);
		snprintf(out, size, _("next contact set on task %lld (%s)"), task, inner);
	} else {
		str_copy(out, size, origin);
	}
}

char *rules_origin_text(const char *origin, char *out, size_t size)
{
	/* Formatted at full length first, then cut at a character boundary to fit. */
	char whole[1024];
	origin_text(origin, whole, sizeof whole);
	str_copy(out, size, whole);
	return out;
}

/* One part of an escalation reason. */
static void reason_part(const struct hf_config *cfg, const char *part, char *out, size_t size)
{
	char word[HF_ORIGIN_MAX], inner[HF_ORIGIN_MAX];
	int a, b, off = 0;
	const char *paren = strstr(part, " (");
	size_t codelen = paren ? (size_t)(paren - part) : strlen(part);
	char code[24] = "";
	if (codelen < sizeof code) {
		memcpy(code, part, codelen);
		code[codelen] = 0;
	}
	const struct hf_outcome *o = code[0] ? config_outcome(cfg, code) : NULL;
	if (o && (!paren || part[strlen(part) - 1] == ')')) {
		if (paren)
			snprintf(out, size, "%s%s", _(o->label), paren);
		else
			str_copy(out, size, _(o->label));
	} else if (sscanf(part, "low score %d%n", &a, &off) == 1 && part[off] == 0) {
		snprintf(out, size, _("low score %d"), a);
	} else if (sscanf(part, "score dropped from %d to %d%n", &a, &b, &off) == 2 && part[off] == 0) {
		snprintf(out, size, _("score dropped from %d to %d"), a, b);
	} else if (sscanf(part, "risk word \"%159[^\"]\" in the note%n", word, &off) == 1 &&
	           part[off] == 0) {
		snprintf(out, size, _("risk word \"%s\" in the note"), word);
	} else if (sscanf(part, "unreachable after %d attempts in the first week after surgery%n", &a,
	                  &off) == 1 && part[off] == 0) {
		snprintf(out, size, _("unreachable after %d attempts in the first week after surgery"), a);
	} else if (strncmp(part, "post-op call missed: ", 21) == 0) {
		snprintf(out, size, _("post-op call missed: %s"),
		         rules_origin_text(part + 21, inner, sizeof inner));
	} else {
		str_copy(out, size, part);
	}
}

char *rules_reason_text(const struct hf_config *cfg, const char *reason, char *out, size_t size)
{
	struct sbuf b;
	sbuf_init(&b);
	const char *p = reason ? reason : "";
	while (*p) {
		const char *end = strstr(p, "; ");
		size_t n = end ? (size_t)(end - p) : strlen(p);
		char part[2 * HF_ORIGIN_MAX], shown[1024];
		if (n >= sizeof part)
			n = sizeof part - 1;
		memcpy(part, p, n);
		part[n] = 0;
		reason_part(cfg, part, shown, sizeof shown);
		if (b.len)
			sbuf_add(&b, _("; "));
		sbuf_add(&b, shown);
		p = end ? end + 2 : p + strlen(p);
	}
	str_copy(out, size, b.s);
	sbuf_free(&b);
	return out;
}
