/* rules-origin.c — origins and reasons as a person reads them: the why table's templates,
 * translated and filled with each part's arguments. */
#include <stdio.h>
#include <string.h>

#include "huifang/date.h"
#include "huifang/i18n.h"
#include "huifang/rules.h"
#include "huifang/str.h"

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

static int render_item(const struct hf_config *cfg, const struct hf_why *w, int i, struct sbuf *b);

/* One argument as shown; false when the part does not have it. */
static bool render_arg(const struct hf_config *cfg, const struct hf_why *w, int i,
                       enum hf_why_arg a, struct sbuf *b)
{
	const struct hf_why_part *p = &w->part[i];
	char buf[64];
	long long num;
	const char *v = why_arg_value(p, a, buf, &num);
	switch (why_arg_field(a)) {
	case WHY_F_NESTED:
		if (i + 1 >= w->n)
			return false;
		render_item(cfg, w, i + 1, b);
		return true;
	case WHY_F_VISIT_KIND:
		v = v ? visit_kind_label(p->visit_kind) : NULL;
		break;
	case WHY_F_TASK_KIND:
		v = v ? task_kind_label(p->task_kind) : NULL;
		break;
	case WHY_F_OUTCOME: {
		const struct hf_outcome *o = v && cfg ? config_outcome(cfg, v) : NULL;
		if (o)
			v = _(o->label);
		break;
	}
	case WHY_F_SEGMENT: {
		const struct hf_segment *g = v && cfg ? config_segment(cfg, v) : NULL;
		if (g)
			v = g->name;
		break;
	}
	case WHY_F_DIMENSION:
		if (v && cfg)
			v = config_dimension_name(cfg, v);
		break;
	case WHY_F_OFFSET:
		if (v && offset_words(v, buf, sizeof buf))
			v = buf;
		break;
	case WHY_F_COUNT:
	case WHY_F_COUNT2:
	case WHY_F_TASK:
		if (num == 0)
			return false;
		snprintf(buf, sizeof buf, "%lld", num);
		v = buf;
		break;
	default:
		break;
	}
	if (!v)
		return false;
	sbuf_add(b, v);
	return true;
}

/* Fills template t up to its end or an unmatched ']'; *missing when an argument is absent.
 * Returns where it stopped. */
static const char *fill(const struct hf_config *cfg, const struct hf_why *w, int i, const char *t,
                        struct sbuf *b, bool *missing)
{
	while (*t && *t != ']') {
		if (*t == '{') {
			const char *end = strchr(t, '}');
			enum hf_why_arg a = end ? why_arg_from_key(t + 1, (size_t)(end - t - 1)) : ARG_NONE;
			if (a == ARG_NONE) { /* not a placeholder: shown as written */
				sbuf_addc(b, *t++);
				continue;
			}
			if (!render_arg(cfg, w, i, a, b))
				*missing = true;
			t = end + 1;
		} else if (*t == '[') {
			struct sbuf opt;
			bool gone = false;
			sbuf_init(&opt);
			t = fill(cfg, w, i, t + 1, &opt, &gone);
			if (!gone)
				sbuf_add(b, opt.s);
			sbuf_free(&opt);
			if (*t == ']')
				t++;
		} else {
			sbuf_addc(b, *t++);
		}
	}
	return t;
}

/* The item starting at part i; returns the index after it. */
static int render_item(const struct hf_config *cfg, const struct hf_why *w, int i, struct sbuf *b)
{
	enum hf_why_code c = w->part[i].code;
	bool missing = false;
	const char *t = why_template(c);
	fill(cfg, w, i, c == WHY_TEXT ? t : _(t), b, &missing);
	return why_item_end(w, i);
}

void rules_why_append(const struct hf_config *cfg, const struct hf_why *w, struct sbuf *b)
{
	for (int i = 0; i < w->n;) {
		if (i)
			sbuf_add(b, _("; "));
		i = render_item(cfg, w, i, b);
	}
}

void rules_task_why(const struct hf_config *cfg, const struct hf_task_rec *t, struct sbuf *b)
{
	if (t->origin.n)
		rules_why_append(cfg, &t->origin, b);
	else
		sbuf_add(b, task_kind_label(t->kind));
}

char *rules_why_text(const struct hf_config *cfg, const struct hf_why *w, char *out, size_t size)
{
	struct sbuf b;
	sbuf_init(&b);
	rules_why_append(cfg, w, &b);
	str_copy(out, size, b.s);
	sbuf_free(&b);
	return out;
}

void rules_dimension_list(const struct hf_config *cfg, struct sbuf *b)
{
	for (int i = 0; i < cfg->ndimensions; i++)
		sbuf_printf(b, "%s%s", i ? _(", ") : "", _(cfg->dimensions[i].name));
}

void rules_dims_append(const struct hf_config *cfg, const struct hf_dim_score *dims, int n,
                       struct sbuf *b)
{
	int shown = 0;
	for (int k = 0; k <= cfg->ndimensions; k++)
		for (int i = 0; i < n; i++) {
			const struct hf_dimension *d = config_dimension(cfg, dims[i].code);
			/* k < ndimensions: the rules' k-th; then those the rules do not list */
			if (k < cfg->ndimensions ? d != &cfg->dimensions[k] : d != NULL)
				continue;
			sbuf_printf(b, "%s%s %d/5", shown++ ? _(", ") : "",
			            config_dimension_name(cfg, dims[i].code), dims[i].score);
		}
}
