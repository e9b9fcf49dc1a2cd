/* escalation.c — one escalation: what it is and how long is left, the call and note that raised
 * it, its timeline, the customer's card and history; the escalation keys act on it. */
#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "huifang/columns.h"
#include "huifang/date.h"
#include "huifang/i18n.h"
#include "huifang/str.h"
#include "huifang/tui-views.h"

struct escalation_view {
	struct tui_view base;
	hf_id id;
	struct hf_escalation e;
	struct tui_pager pager;
};

/* The column model's value of one escalation column, as the console shows it. */
static void value(struct tui *t, const struct hf_escalation *e, const char *code, char *buf,
                  size_t size)
{
	struct col_env env = {&t->ctx->cfg, t->ctx->now, false, NULL, 0};
	col_value(&col_escalations, col_index(&col_escalations, code), e, &env, COL_SCREEN, buf, size);
}

static void build(struct tui *t, struct escalation_view *ev, const struct card *cd,
                  const struct hf_esc_step_row *steps, size_t nsteps)
{
	const struct hf_config *cfg = &t->ctx->cfg;
	const struct hf_escalation *e = &ev->e;
	struct tui_pager *p = &ev->pager;
	char left[64], status[64], age[48], due[20], holder[2 * HF_NAME_MAX], reason[1024];
	pager_clear(p);
	value(t, e, "time_left", left, sizeof left);
	value(t, e, "status", status, sizeof status);
	value(t, e, "age", age, sizeof age);
	value(t, e, "holder", holder, sizeof holder);
	bool breached = svc_escalation_breached(e, t->ctx->now);
	pager_addf(p, breached ? UI_COLOR_BREACHED : card_severity_color(e), A_BOLD, 2,
	           "%s #%lld  %s · %s · %s %s", _("Escalation"), (long long)e->id,
	           severity_label(e->severity), status, _("deadline"), stamp_format(e->sla_due, due));
	if (e->status == ESC_OPEN)
		pager_addf(p, breached ? UI_COLOR_BREACHED : UI_COLOR_NORMAL, A_BOLD, 2, "%s: %s",
		           _("time left"), left);
	pager_addf(p, UI_COLOR_NORMAL, 0, 2, "%s: %s", _("reason"),
	           rules_why_text(cfg, &e->reason, reason, sizeof reason));
	pager_addf(p, UI_COLOR_NORMAL, 0, 2, "%s %s · %s %s · %s %s · %s %s", _("raised by"),
	           e->raised_by, _("waiting"), age, _("held by"), holder, _("level"),
	           svc_ladder_name(cfg, e->level));
	if (e->status == ESC_RESOLVED) {
		const struct hf_resolution *r = config_resolution(cfg, e->resolution_code);
		pager_addf(p, UI_COLOR_NORMAL, 0, 2, "%s: %s · %s", _("resolution"),
		           r ? r->name : e->resolution_code, e->resolution);
	}

	pager_add(p, UI_COLOR_NORMAL, 0, 0, "");
	pager_addf(p, UI_COLOR_TITLE, A_BOLD, 0, "%s", _("The call that raised it"));
	const struct hf_call *call = NULL;
	for (size_t i = 0; i < cd->nc && !call; i++)
		if (cd->calls[i].id == e->call_id)
			call = &cd->calls[i];
	if (call)
		card_call_line(t, call, p);
	else
		pager_add(p, UI_COLOR_DIM, 0, 2, _("No call: raised by the daily plan."));

	pager_add(p, UI_COLOR_NORMAL, 0, 0, "");
	pager_addf(p, UI_COLOR_TITLE, A_BOLD, 0, "%s", _("Timeline"));
	int last_to = 0;
	for (size_t i = 0; i < nsteps; i++) {
		char when[20], what[256];
		svc_escalation_step_text(cfg, &steps[i], &last_to, what, sizeof what);
		pager_addf(p, steps[i].step == STEP_BREACHED ? UI_COLOR_BREACHED : UI_COLOR_NORMAL, 0, 20,
		           "%s  %s · %s", stamp_format(steps[i].at, when), what, steps[i].login);
		if (!str_empty(steps[i].note))
			pager_addf(p, UI_COLOR_DIM, 0, 4, "    %s", steps[i].note);
	}

	pager_add(p, UI_COLOR_NORMAL, 0, 0, "");
	pager_addf(p, UI_COLOR_TITLE, A_BOLD, 0, "%s", _("Customer"));
	card_customer(t, cd, true, p);
	pager_add(p, UI_COLOR_NORMAL, 0, 0, "");
	card_history(t, cd, p);
}

static bool load(struct tui *t, struct escalation_view *ev)
{
	struct hf_esc_step_row *steps = NULL;
	size_t nsteps = 0;
	char err[HF_ERRLEN];
	if (svc_escalation_show(t->ctx, ev->id, &ev->e, &steps, &nsteps, err, sizeof err) != HF_OK) {
		tui_message(t, UI_COLOR_ERROR, "%s", err);
		return false;
	}
	struct card cd;
	bool ok = card_load(t, ev->e.customer_id, &cd);
	if (ok) {
		build(t, ev, &cd, steps, nsteps);
		card_free(&cd);
	}
	store_escalation_steps_free(steps, nsteps);
	return ok;
}
static unsigned escalation_screens(struct tui *t, struct tui_view *v)
{
	(void)t;
	(void)v;
	return SCR_ESC_ONE;
}

static void escalation_draw(struct tui *t, struct tui_view *v)
{
	struct escalation_view *ev = (struct escalation_view *)v;
	char left[300];
	snprintf(left, sizeof left, "%s #%lld · %s", _("Escalation"), (long long)ev->id,
	         ev->e.customer_name);
	tui_header(t, left, NULL);
	pager_draw(t, &ev->pager, 2, 1, t->rows - 3, t->cols - 2);
	tui_status(t, SCR_ESC_ONE);
}

static int escalation_key(struct tui *t, struct tui_view *v, tui_key k)
{
	struct escalation_view *ev = (struct escalation_view *)v;
	enum tui_action a = keymap_action(SCR_ESC_ONE, k);
	if (a == ACT_BACK) {
		tui_close(t, v);
		return TUI_REDRAW;
	}
	int f = escalation_act(t, a, &ev->id, 1);
	if (!(f & TUI_UNHANDLED))
		return f;
	return pager_act(&ev->pager, a);
}

static int escalation_tick(struct tui *t, struct tui_view *v, bool changed)
{
	struct escalation_view *ev = (struct escalation_view *)v;
	(void)changed;
	if (!t->desk_changed)
		return TUI_NONE;
	int keep = ev->pager.top;
	if (load(t, ev))
		ev->pager.top = keep;
	return t->top == v ? TUI_REDRAW : TUI_NONE;
}

static void escalation_free(struct tui_view *v)
{
	struct escalation_view *ev = (struct escalation_view *)v;
	pager_free(&ev->pager);
	free(ev);
}

const struct tui_view_ops escalation_view_ops = {
	.name = N_("Escalation"),
	.screens = escalation_screens,
	.draw = escalation_draw,
	.key = escalation_key,
	.tick = escalation_tick,
	.free = escalation_free,
};

struct tui_view *escalation_view_new(struct tui *t, hf_id id)
{
	struct escalation_view *ev = xcalloc(1, sizeof *ev);
	ev->base.ops = &escalation_view_ops;
	ev->id = id;
	pager_init(&ev->pager);
	char err[HF_ERRLEN];
	if (!load(t, ev)) {
		escalation_free(&ev->base);
		return NULL;
	}
	/* No record is shown that the audit trail does not know was seen. */
	if (svc_view_customer(t->ctx, ev->e.customer_id, true, "escalation", NULL, err, sizeof err) != HF_OK) {
		tui_message(t, UI_COLOR_ERROR, "%s", err);
		escalation_free(&ev->base);
		return NULL;
	}
	return &ev->base;
}
