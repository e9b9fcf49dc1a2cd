/* model.c — code <-> enum <-> translated label for the vocabulary tables in model.h; a blank task. */
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "huifang/date.h"
#include "huifang/i18n.h"
#include "huifang/model.h"
#include "huifang/str.h"

struct vocab {
	const char *code;
	const char *label;
};

#define HF_VOCAB_(id, code, label) [id] = { code, label },
static const struct vocab roles[] = { HF_ROLES(HF_VOCAB_) };
static const struct vocab visit_kinds[] = { HF_VISIT_KINDS(HF_VOCAB_) };
static const struct vocab task_kinds[] = { HF_TASK_KINDS(HF_VOCAB_) };
static const struct vocab task_statuses[] = { HF_TASK_STATUSES(HF_VOCAB_) };
static const struct vocab severities[] = { HF_SEVERITIES(HF_VOCAB_) };
static const struct vocab esc_statuses[] = { HF_ESC_STATUSES(HF_VOCAB_) };
static const struct vocab esc_steps[] = { HF_ESC_STEPS(HF_VOCAB_) };
#undef HF_VOCAB_

static const char *code_of(const struct vocab *t, int n, int v)
{
	return v >= 0 && v < n ? t[v].code : "";
}

static const char *label_of(const struct vocab *t, int n, int v)
{
	return v >= 0 && v < n ? _(t[v].label) : "";
}

static int from_code(const struct vocab *t, int n, const char *s)
{
	if (s)
		for (int i = 0; i < n; i++)
			if (strcmp(t[i].code, s) == 0)
				return i;
	return -1;
}

/* One set of three functions per table. */
#define HF_VOCAB_FUNCS_(prefix, type, table, count, none) \
	const char *prefix##_code(type v) { return code_of(table, count, (int)v); } \
	const char *prefix##_label(type v) { return label_of(table, count, (int)v); } \
	type prefix##_from_code(const char *s) \
	{ \
		int i = from_code(table, count, s); \
		return i < 0 ? none : (type)i; \
	}

HF_VOCAB_FUNCS_(role, enum hf_role, roles, ROLE__COUNT, ROLE_NONE)
HF_VOCAB_FUNCS_(visit_kind, enum hf_visit_kind, visit_kinds, VISIT__COUNT, VISIT_NONE)
HF_VOCAB_FUNCS_(task_kind, enum hf_task_kind, task_kinds, TASK_KIND__COUNT, TASK_KIND_NONE)
HF_VOCAB_FUNCS_(task_status, enum hf_task_status, task_statuses, TASK_STATUS__COUNT, TASK_STATUS_NONE)
HF_VOCAB_FUNCS_(severity, enum hf_severity, severities, SEV__COUNT, SEV_NONE)
HF_VOCAB_FUNCS_(esc_status, enum hf_esc_status, esc_statuses, ESC_STATUS__COUNT, ESC_STATUS_NONE)

/* The audit's words are looked up by code only (the escalation steps among the actions keep
 * their own enum). */
#define HF_ROW_(id, code, label) { code, label },
static const struct vocab audit_actions[] = { HF_AUDIT_ACTIONS(HF_ROW_) };
static const struct vocab audit_entities[] = { HF_AUDIT_ENTITIES(HF_ROW_) };
#undef HF_ROW_

/* A label by code, the code itself when the table does not know it. */
static const char *label_by_code(const struct vocab *t, int n, const char *code)
{
	int i = from_code(t, n, code);
	return i < 0 ? (code ? code : "") : _(t[i].label);
}

const char *audit_action_label(const char *code)
{
	return label_by_code(audit_actions, (int)(sizeof audit_actions / sizeof audit_actions[0]), code);
}

const char *audit_entity_label(const char *code)
{
	return label_by_code(audit_entities, (int)(sizeof audit_entities / sizeof audit_entities[0]),
	                     code);
}

/* ---- why: origins and reasons ---------------------------------------------------------- */

#define HF_VOCAB_(id, code, template) [id] = { code, template },
static const struct vocab why_codes[] = { HF_WHY_CODES(HF_VOCAB_) };
#undef HF_VOCAB_

static const struct { const char *key; enum hf_why_field field; } why_args[] = {
#define HF_ARG_(id, key, field) [id] = { key, field },
	HF_WHY_ARGS(HF_ARG_)
#undef HF_ARG_
};

const char *why_code(enum hf_why_code c) { return code_of(why_codes, WHY__COUNT, (int)c); }
const char *why_template(enum hf_why_code c)
{
	return c >= 0 && c < WHY__COUNT ? why_codes[c].label : "";
}
enum hf_why_code why_from_code(const char *s)
{
	int i = from_code(why_codes, WHY__COUNT, s);
	return i < 0 ? WHY_NONE : (enum hf_why_code)i;
}

const char *why_arg_key(enum hf_why_arg a) { return a >= 0 && a < ARG__COUNT ? why_args[a].key : ""; }
enum hf_why_field why_arg_field(enum hf_why_arg a)
{
	return a >= 0 && a < ARG__COUNT ? why_args[a].field : WHY_F_NESTED;
}

enum hf_why_arg why_arg_from_key(const char *key, size_t len)
{
	for (int i = 0; i < ARG__COUNT; i++)
		if (strlen(why_args[i].key) == len && memcmp(why_args[i].key, key, len) == 0)
			return (enum hf_why_arg)i;
	return ARG_NONE;
}

/* The template is the schema: a code has exactly the arguments its template names. */
bool why_has_arg(enum hf_why_code c, enum hf_why_arg a)
{
	const char *t = why_template(c), *key = why_arg_key(a);
	size_t n = strlen(key);
	for (const char *p = strchr(t, '{'); p; p = strchr(p + 1, '{'))
		if (strncmp(p + 1, key, n) == 0 && p[1 + n] == '}')
			return true;
	return false;
}

bool why_nests(enum hf_why_code c) { return why_has_arg(c, ARG_ORIGIN); }

struct hf_why_part *why_add(struct hf_why *w, enum hf_why_code c)
{
	if (w->n < 0 || w->n >= HF_WHY_PARTS)
		return NULL;
	struct hf_why_part *p = &w->part[w->n++];
	memset(p, 0, sizeof *p);
	p->code = c;
	p->visit_kind = VISIT_NONE;
	p->task_kind = TASK_KIND_NONE;
	p->visit_date = p->day = HF_NO_DATE;
	return p;
}

bool why_append(struct hf_why *w, const struct hf_why *src)
{
	if (src->n > HF_WHY_PARTS - w->n)
		return false;
	memcpy(&w->part[w->n], src->part, (size_t)src->n * sizeof src->part[0]);
	w->n += src->n;
	return true;
}

int why_item_end(const struct hf_why *w, int i)
{
	while (i < w->n && why_nests(w->part[i].code))
		i++;
	return i < w->n ? i + 1 : w->n;
}

const char *why_arg_value(const struct hf_why_part *p, enum hf_why_arg a, char buf[16],
                          long long *num)
{
	*num = 0;
	switch (why_arg_field(a)) {
	case WHY_F_TEXT:
		return p->text[0] ? p->text : NULL;
	case WHY_F_NAME:
	case WHY_F_OUTCOME:
	case WHY_F_SEGMENT:
	case WHY_F_DIMENSION:
		return p->name[0] ? p->name : NULL;
	case WHY_F_OFFSET:
		return p->offset[0] ? p->offset : NULL;
	case WHY_F_VISIT_KIND:
		return p->visit_kind != VISIT_NONE ? visit_kind_code(p->visit_kind) : NULL;
	case WHY_F_TASK_KIND:
		return p->task_kind != TASK_KIND_NONE ? task_kind_code(p->task_kind) : NULL;
	case WHY_F_VISIT_DATE:
		return p->visit_date != HF_NO_DATE ? date_format(p->visit_date, buf) : NULL;
	case WHY_F_DAY:
		return p->day != HF_NO_DATE ? date_format(p->day, buf) : NULL;
	case WHY_F_COUNT:
		*num = p->count;
		return NULL;
	case WHY_F_COUNT2:
		*num = p->count2;
		return NULL;
	case WHY_F_TASK:
		*num = p->task;
		return NULL;
	case WHY_F_NESTED:
		return NULL;
	}
	return NULL;
}

static bool set_text(char *dst, size_t size, const char *v)
{
	size_t n = strlen(v);
	if (n >= size)
		return false;
	memcpy(dst, v, n + 1);
	return true;
}

static bool set_number(const char *v, long long lo, long long hi, long long *out)
{
	char *end;
	errno = 0;
	long long n = strtoll(v, &end, 10);
	if (errno || end == v || *end || n < lo || n > hi)
		return false;
	*out = n;
	return true;
}

bool why_arg_set(struct hf_why_part *p, enum hf_why_arg a, const char *v)
{
	long long n;
	hf_date d;
	switch (why_arg_field(a)) {
	case WHY_F_TEXT:
		return set_text(p->text, sizeof p->text, v);
	case WHY_F_NAME:
	case WHY_F_OUTCOME:
	case WHY_F_SEGMENT:
	case WHY_F_DIMENSION:
		return set_text(p->name, sizeof p->name, v);
	case WHY_F_OFFSET:
		return set_text(p->offset, sizeof p->offset, v);
	case WHY_F_VISIT_KIND:
		return (p->visit_kind = visit_kind_from_code(v)) != VISIT_NONE;
	case WHY_F_TASK_KIND:
		return (p->task_kind = task_kind_from_code(v)) != TASK_KIND_NONE;
	case WHY_F_VISIT_DATE:
	case WHY_F_DAY:
		if (!date_parse(v, &d))
			return false;
		*(why_arg_field(a) == WHY_F_DAY ? &p->day : &p->visit_date) = d;
		return true;
	case WHY_F_COUNT:
	case WHY_F_COUNT2:
		if (!set_number(v, INT_MIN, INT_MAX, &n))
			return false;
		*(why_arg_field(a) == WHY_F_COUNT ? &p->count : &p->count2) = (int)n;
		return true;
	case WHY_F_TASK:
		return set_number(v, 0, LLONG_MAX, &n) && (p->task = n, true);
	case WHY_F_NESTED:
		return false;
	}
	return false;
}

void task_rec_init(struct hf_task_rec *t)
{
	memset(t, 0, sizeof *t);
	t->kind = TASK_FOLLOWUP;
	t->status = TASK_OPEN;
	t->step = -1;
	t->due = HF_NO_DATE;
	t->due_minute = -1;
	t->window_end = HF_NO_DATE;
	t->touched = HF_NO_STAMP;
}
HF_VOCAB_FUNCS_(esc_step, enum hf_esc_step, esc_steps, STEP__COUNT, STEP_NONE)

/* ---- phones ------------------------------------------------------------------------- */

/* Digits a masked number keeps at its end: 138****5678, or **78 for a short one. */
#define PHONE_SHOWN 4
#define PHONE_SHORT_SHOWN 2

bool phone_tail_matches(const char *phone, const char *digits, bool reveal)
{
	size_t n = strlen(phone), m = strlen(digits);
	size_t shown = reveal ? n : n >= 8 ? PHONE_SHOWN : PHONE_SHORT_SHOWN;
	return m > 0 && m <= shown && m <= n && strcmp(phone + n - m, digits) == 0;
}

/* Operators see 138****5678; supervisors and admins the whole number. */
void phone_mask(const char *phone, bool reveal, char *out, size_t size)
{
	size_t n = strlen(phone);
	if (reveal || n == 0) {
		str_copy(out, size, phone);
		return;
	}
	if (n >= 8) {
		snprintf(out, size, "%.3s****%s", phone, phone + n - PHONE_SHOWN);
		return;
	}
	/* A short number: only its last two digits (PHONE_SHORT_SHOWN). */
	size_t o = 0;
	for (size_t i = 0; i < n && o + 1 < size; i++)
		out[o++] = i + PHONE_SHORT_SHOWN < n ? '*' : phone[i];
	out[o] = 0;
}

/* A landline after its leading 0: a 2-digit area code (10, 20-29) and 8 digits, or a 3-digit
 * one and 7 or 8 digits; a local number never starts with 0 or 1. */
static bool landline_ok(const char *num, size_t len)
{
	if (num[0] != '0' || num[1] == '0')
		return false;
	size_t area = num[1] == '1' || num[1] == '2' ? 3 : 4;
	size_t local = len - area;
	if (area == 3 ? local != 8 : local != 7 && local != 8)
		return false;
	return num[area] >= '2';
}

bool phone_normalize(const char *s, char *out, size_t size)
{
	char d[40];
	size_t n = 0;
	bool plus = false;
	for (const char *p = s; *p; p++) {
		if (isdigit((unsigned char)*p)) {
			if (n + 1 >= sizeof d)
				return false;
			d[n++] = *p;
		} else if (*p == '+' && n == 0 && !plus) {
			plus = true;
		} else if (!strchr(" -.()", *p)) {
			return false;
		}
	}
	d[n] = 0;
	const char *num = d;
	/* China's country code before a mobile: +86, 0086, or 86 written without the plus. */
	if (plus && n >= 2 && !memcmp(num, "86", 2))
		num += 2, plus = false;
	else if (!plus && n >= 4 && !memcmp(num, "0086", 4))
		num += 4;
	else if (!plus && n == 13 && !memcmp(num, "861", 3))
		num += 2;
	size_t len = strlen(num);
	bool ok;
	if (plus)
		ok = len >= 7 && len <= 15 && num[0] != '0';
	else if (num[0] == '1')
		ok = len == 11 && num[1] >= '3' && num[1] <= '9';
	else
		ok = len >= 2 && landline_ok(num, len);
	if (!ok || len + 2 > size)
		return false;
	snprintf(out, size, "%s%s", plus ? "+" : "", num);
	return true;
}

bool gender_parse(const char *s, char out[4])
{
	if (!strcmp(s, "女") || !strcasecmp(s, "F") || !strcasecmp(s, "female"))
		str_copy(out, 4, "F");
	else if (!strcmp(s, "男") || !strcasecmp(s, "M") || !strcasecmp(s, "male"))
		str_copy(out, 4, "M");
	else
		return false;
	return true;
}

/* The tag at *p (up to a comma), trimmed of spaces, into out; advances *p past it. */
static void next_tag(const char **p, char *out, size_t size)
{
	const char *s = *p, *e = strchr(s, ',');
	if (!e)
		e = s + strlen(s);
	*p = *e ? e + 1 : e;
	while (s < e && *s == ' ')
		s++;
	while (e > s && e[-1] == ' ')
		e--;
	size_t n = (size_t)(e - s) < size ? (size_t)(e - s) : size - 1;
	memcpy(out, s, n);
	out[n] = 0;
}

static bool has_tag(const char *tags, const char *tag)
{
	char t[256];
	for (const char *p = tags; *p;) {
		next_tag(&p, t, sizeof t);
		if (*t && !strcmp(t, tag))
			return true;
	}
	return false;
}

bool tags_edit(char *tags, size_t size, const char *add, const char *remove)
{
	char out[1024] = "", t[256];
	size_t n = 0;
	for (int pass = 0; pass < 2; pass++) {
		const char *src = pass == 0 ? tags : add ? add : "";
		for (const char *p = src; *p;) {
			next_tag(&p, t, sizeof t);
			if (!*t || (remove && has_tag(remove, t)) || has_tag(out, t))
				continue;
			int w = snprintf(out + n, sizeof out - n, "%s%s", n ? "," : "", t);
			if (w < 0 || (size_t)w >= sizeof out - n)
				return false;
			n += (size_t)w;
		}
	}
	if (n >= size)
		return false;
	str_copy(tags, size, out);
	return true;
}
