/* card.c — a customer's card and history as pager lines: the call screen and the escalation
 * detail show the same. */
#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "huifang/date.h"
#include "huifang/i18n.h"
#include "huifang/str.h"
#include "huifang/tui-views.h"

bool card_load(struct tui *t, hf_id customer, struct card *c)
{
	struct hf_ctx *ctx = t->ctx;
	memset(c, 0, sizeof *c);
	switch (store_customer_get(ctx->st, customer, &c->cust)) {
	case STORE_ERROR:
		tui_message(t, UI_COLOR_ERROR, "%s", store_errmsg(ctx->st));
		return false;
	case STORE_NONE:
		tui_message(t, UI_COLOR_ERROR, _("no customer %lld"), (long long)customer);
		return false;
	case STORE_FOUND:
		break;
	}
	/* The consultant by name, once, for the card and the script's {consultant}. */
	struct hf_user cu;
	str_copy(c->consultant, sizeof c->consultant, c->cust.consultant);
	if (!str_empty(c->cust.consultant) &&
	    store_user_get(ctx->st, c->cust.consultant, &cu) == STORE_FOUND && !str_empty(cu.name))
		str_copy(c->consultant, sizeof c->consultant, cu.name);
	if (!store_visits(ctx->st, customer, &c->visits, &c->nv) ||
	    !store_calls(ctx->st, customer, &c->calls, &c->nc) ||
	    !store_customer_escalations(ctx->st, customer, &c->esc, &c->ne)) {
		tui_message(t, UI_COLOR_ERROR, "%s", store_errmsg(ctx->st));
		card_free(c);
		return false;
	}
	return true;
}

void card_free(struct card *c)
{
	free(c->visits);
	store_calls_free(c->calls, c->nc);
	free(c->esc);
	memset(c, 0, sizeof *c);
}

static int age_on(hf_date birthday, hf_date today)
{
	int by, bm, bd, y, m, d;
	date_to_ymd(birthday, &by, &bm, &bd);
	date_to_ymd(today, &y, &m, &d);
	return y - by - (m < bm || (m == bm && d < bd));
}

/* Scores oldest to newest as block heights: the satisfaction trend at a glance. */
static void sparkline(const struct hf_call *calls, size_t n, struct sbuf *out, double *avg)
{
	static const char *const bars[] = {"▁", "▂", "▄", "▆", "█"};
	int count = 0, sum = 0;
	for (size_t i = n; i-- > 0;) {
		int s = calls[i].score;
		if (s < 1 || s > 5)
			continue;
		sbuf_add(out, bars[s - 1]);
		sum += s;
		count++;
	}
	*avg = count ? (double)sum / count : 0;
}

void card_customer(struct tui *t, const struct card *cd, bool reveal, struct tui_pager *p)
{
	const struct hf_customer *c = &cd->cust;
	char buf[64];
	struct sbuf line;
	sbuf_init(&line);
	sbuf_add(&line, c->name);
	if (str_eq(c->gender, "F"))
		sbuf_printf(&line, "  %s", _("female"));
	else if (str_eq(c->gender, "M"))
		sbuf_printf(&line, "  %s", _("male"));
	if (c->birthday != HF_NO_DATE) {
		sbuf_add(&line, "  ");
		sbuf_printf(&line, _("%d years"), age_on(c->birthday, stamp_date(t->ctx->now)));
	}
	sbuf_printf(&line, "  #%lld", (long long)c->id);
	pager_add(p, UI_COLOR_TITLE, 0, 2, line.s);
	sbuf_reset(&line);

	phone_mask(c->phone, reveal, buf, sizeof buf);
	sbuf_printf(&line, "%s %s", _("phone"), str_empty(buf) ? "-" : buf);
	if (c->phone_invalid)
		sbuf_printf(&line, "  [%s]", _("phone invalid"));
	if (c->do_not_call)
		sbuf_printf(&line, "  [%s]", _("do-not-call"));
	pager_add(p, c->phone_invalid || c->do_not_call ? UI_COLOR_ERROR : UI_COLOR_NORMAL, 0, 2, line.s);
	sbuf_reset(&line);

	sbuf_printf(&line, "%s %s", _("consultant"), str_empty(cd->consultant) ? "-" : cd->consultant);
	if (!str_empty(c->source))
		sbuf_printf(&line, "  %s %s", _("source"), c->source);
	pager_add(p, UI_COLOR_NORMAL, 0, 2, line.s);
	sbuf_reset(&line);
	if (!str_empty(c->tags))
		pager_addf(p, UI_COLOR_NORMAL, 0, 2, "%s %s", _("tags"), c->tags);
	/* Value: VIP by the rule and the segment, with the figures that make them. */
	sbuf_printf(&line, "%s ", _("value"));
	rules_value_explain(&t->ctx->cfg, &c->value, &line);
	pager_add(p, c->value.vip ? UI_COLOR_HIGH : UI_COLOR_NORMAL, 0, 2, line.s);
	sbuf_free(&line);

	struct sbuf spark;
	sbuf_init(&spark);
	double avg;
	sparkline(cd->calls, cd->nc, &spark, &avg);
	if (spark.len)
		pager_addf(p, UI_COLOR_CHART, 0, 2, "%s %s  %.1f", _("satisfaction"), spark.s, avg);
	else
		pager_addf(p, UI_COLOR_DIM, 0, 2, "%s -", _("satisfaction"));
	sbuf_free(&spark);
}

void card_call_line(struct tui *t, const struct hf_call *cl, struct tui_pager *p)
{
	char d1[20];
	struct sbuf line;
	sbuf_init(&line);
	const struct hf_outcome *o = config_outcome(&t->ctx->cfg, cl->outcome);
	sbuf_printf(&line, "%s  %s", stamp_format(cl->started, d1), o ? _(o->label) : cl->outcome);
	if (cl->score)
		sbuf_printf(&line, " %s%d", "★", cl->score);
	if (cl->ndims) {
		sbuf_add(&line, " (");
		rules_dims_append(&t->ctx->cfg, cl->dims, cl->ndims, &line);
		sbuf_addc(&line, ')');
	}
	if (cl->nps >= 0)
		sbuf_printf(&line, " %s %d/10", _("recommend"), cl->nps);
	sbuf_printf(&line, " · %s", cl->operator_login);
	if (!str_empty(cl->complaint))
		sbuf_printf(&line, " · %s", cl->complaint);
	pager_add(p, UI_COLOR_NORMAL, 0, 18, line.s);
	if (!str_empty(cl->note))
		pager_addf(p, UI_COLOR_DIM, 0, 4, "    %s", cl->note);
	sbuf_free(&line);
}

int card_severity_color(const struct hf_escalation *e)
{
	if (e->status == ESC_RESOLVED)
		return UI_COLOR_DIM;
	return e->severity == SEV_URGENT ? UI_COLOR_URGENT
	     : e->severity == SEV_HIGH   ? UI_COLOR_HIGH
	                                 : UI_COLOR_NORMAL;
}

struct event {
	hf_stamp at;
	int kind;                       /* 0 visit, 1 call, 2 escalation */
	size_t i;
};

static int event_cmp(const void *a, const void *b)
{
	const struct event *x = a, *y = b;
	if (x->at != y->at)
		return x->at < y->at ? 1 : -1;
	return y->kind - x->kind;
}

void card_history(struct tui *t, const struct card *cd, struct tui_pager *p)
{
	struct hf_ctx *ctx = t->ctx;
	char d1[20];
	pager_addf(p, UI_COLOR_TITLE, A_BOLD, 0, "%s", _("History"));
	size_t n = cd->nv + cd->nc + cd->ne;
	struct event *ev = xmalloc((n ? n : 1) * sizeof *ev);
	size_t m = 0;
	for (size_t i = 0; i < cd->nv; i++)
		ev[m++] = (struct event){stamp_make(cd->visits[i].date, 0), 0, i};
	for (size_t i = 0; i < cd->nc; i++)
		ev[m++] = (struct event){cd->calls[i].started, 1, i};
	for (size_t i = 0; i < cd->ne; i++)
		ev[m++] = (struct event){cd->esc[i].raised_at, 2, i};
	qsort(ev, m, sizeof *ev, event_cmp);
	struct sbuf line;
	sbuf_init(&line);
	for (size_t j = 0; j < m; j++) {
		sbuf_reset(&line);
		if (ev[j].kind == 0) {
			const struct hf_visit *v = &cd->visits[ev[j].i];
			sbuf_printf(&line, "%s  %s", date_format(v->date, d1), visit_kind_label(v->kind));
			if (!str_empty(v->treatment))
				sbuf_printf(&line, " %s", v->treatment);
			if (!str_empty(v->doctor))
				sbuf_printf(&line, " · %s", v->doctor);
			pager_add(p, UI_COLOR_NORMAL, 0, 12, line.s);
		} else if (ev[j].kind == 1) {
			card_call_line(t, &cd->calls[ev[j].i], p);
		} else {
			const struct hf_escalation *e = &cd->esc[ev[j].i];
			bool breached = svc_escalation_breached(e, ctx->now);
			sbuf_printf(&line, "%s  %s %s · %s", stamp_format(e->raised_at, d1), _("escalation"),
			            severity_label(e->severity),
			            breached ? _("breached") : esc_status_label(e->status));
			sbuf_add(&line, " · ");
			rules_why_append(&ctx->cfg, &e->reason, &line);
			pager_add(p, card_severity_color(e), 0, 18, line.s);
		}
	}
	if (m == 0)
		pager_add(p, UI_COLOR_DIM, 0, 2, _("No earlier visits or calls."));
	free(ev);
	sbuf_free(&line);
}
