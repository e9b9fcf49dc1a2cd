/* rules-value.c — customer value (RFM): recency, frequency and spend from the visits, their
 * scores, the segment they make and the VIP rule. Pure. */
#include <stdio.h>
#include <string.h>

#include "huifang/i18n.h"
#include "huifang/rules.h"
#include "huifang/str.h"

int rules_value_score(const int thresholds[HF_VALUE_LEVELS - 1], long long v, bool fewer_is_better)
{
	int score = 1;
	for (int k = 0; k < HF_VALUE_LEVELS - 1; k++)
		if (fewer_is_better ? v <= thresholds[k] : v >= thresholds[k])
			score++;
	return score;
}

static bool level_matches(enum hf_level want, int score, int high_from)
{
	return want == LEVEL_ANY || (want == LEVEL_HIGH) == (score >= high_from);
}

const struct hf_segment *rules_value_segment(const struct hf_value_rules *vr, int r, int f, int m)
{
	for (int i = 0; i < vr->nsegments; i++) {
		const struct hf_segment *g = &vr->segments[i];
		if (level_matches(g->r, r, vr->high_from) && level_matches(g->f, f, vr->high_from) &&
		    level_matches(g->m, m, vr->high_from))
			return g;
	}
	return NULL;
}

void rules_customer_value(const struct hf_config *cfg, const struct rules_visit *visits,
                          size_t nvisits, hf_date today, struct hf_value *out)
{
	const struct hf_value_rules *vr = &cfg->value;
	memset(out, 0, sizeof *out);
	out->day = today;
	out->last_visit = HF_NO_DATE;
	out->recency = -1;
	int vip_visits = 0;
	for (size_t i = 0; i < nvisits; i++) {
		hf_date d = visits[i].date;
		if (d == HF_NO_DATE || d > today)
			continue;
		if (out->last_visit == HF_NO_DATE || d > out->last_visit)
			out->last_visit = d;
		if (today - d < vr->window_days) {
			out->frequency++;
			out->monetary += visits[i].amount;
		}
		vip_visits += today - d < vr->vip_days;
	}
	if (out->last_visit == HF_NO_DATE)
		return;
	out->recency = (int)(today - out->last_visit);
	out->r = rules_value_score(vr->recency, out->recency, true);
	out->f = rules_value_score(vr->frequency, out->frequency, false);
	out->m = rules_value_score(vr->monetary, out->monetary, false);
	out->vip = vr->vip_visits > 0 && vip_visits >= vr->vip_visits;
	const struct hf_segment *g = rules_value_segment(vr, out->r, out->f, out->m);
	if (g) {
		str_copy(out->segment, sizeof out->segment, g->code);
		out->rank = g->priority;
	}
	if (out->vip)
		out->rank += vr->vip_priority;
}

static void earlier(hf_date *next, hf_date day, hf_date today)
{
	if (day != HF_NO_DATE && day > today && (*next == HF_NO_DATE || day < *next))
		*next = day;
}

hf_date rules_value_changes(const struct hf_config *cfg, const struct rules_visit *visits,
                            size_t nvisits, hf_date today)
{
	const struct hf_value_rules *vr = &cfg->value;
	hf_date next = HF_NO_DATE, last = HF_NO_DATE;
	for (size_t i = 0; i < nvisits; i++) {
		hf_date d = visits[i].date;
		if (d == HF_NO_DATE)
			continue;
		if (d > today) { /* counted from its day on */
			earlier(&next, d, today);
			continue;
		}
		if (last == HF_NO_DATE || d > last)
			last = d;
		earlier(&next, d + vr->window_days, today); /* leaves the frequency window */
		earlier(&next, d + vr->vip_days, today);    /* leaves the VIP window */
	}
	for (int k = 0; last != HF_NO_DATE && k < HF_VALUE_LEVELS - 1; k++)
		earlier(&next, last + vr->recency[k] + 1, today); /* a recency threshold passed */
	return next;
}

bool rules_value_same(const struct hf_value *a, const struct hf_value *b)
{
	return a->day == b->day && a->last_visit == b->last_visit && a->recency == b->recency &&
	       a->frequency == b->frequency && a->monetary == b->monetary && a->r == b->r &&
	       a->f == b->f && a->m == b->m && a->vip == b->vip && a->rank == b->rank &&
	       strcmp(a->segment, b->segment) == 0;
}

/* 28000 -> "28,000" */
static void add_grouped(struct sbuf *b, long long n)
{
	char digits[32];
	int len = snprintf(digits, sizeof digits, "%lld", n < 0 ? -n : n);
	if (n < 0)
		sbuf_addc(b, '-');
	for (int i = 0; i < len; i++) {
		if (i > 0 && (len - i) % 3 == 0)
			sbuf_addc(b, ',');
		sbuf_addc(b, digits[i]);
	}
}

void rules_value_explain(const struct hf_config *cfg, const struct hf_value *v, struct sbuf *b)
{
	if (v->last_visit == HF_NO_DATE) {
		sbuf_add(b, _("no visit yet"));
		return;
	}
	sbuf_printf(b, _("R %d d, F %d in %d d, M ¥"), v->recency, v->frequency,
	            cfg->value.window_days);
	add_grouped(b, v->monetary);
	const struct hf_segment *g = config_segment(cfg, v->segment);
	sbuf_printf(b, " → %s", g ? g->name : _("no segment"));
	if (v->vip)
		sbuf_printf(b, _(", VIP (at least %d visits in %d d)"), cfg->value.vip_visits, cfg->value.vip_days);
}
