/* model.c — code <-> enum <-> translated label for the vocabulary tables in model.h. */
#include <string.h>

#include "huifang/i18n.h"
#include "huifang/model.h"

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
