/* call.c — the call screen: customer card and history beside the filled-in script; claims the task. */
#include <curses.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "huifang/date.h"
#include "huifang/i18n.h"
#include "huifang/scripts.h"
#include "huifang/str.h"
#include "huifang/tui-views.h"
#include "huifang/utf8.h"

enum { PANE_HISTORY, PANE_SCRIPT };

struct call_view {
	struct tui_view base;
	hf_id task_id;
	struct hf_task task;
	struct hf_customer cust;
	bool claimed;                   /* this console holds the lease */
	bool read_only;
	char why_read_only[HF_ERRLEN];  /* who holds it, or that it is no longer open */
	hf_stamp started;               /* the call began: opened, or dialled */
	double last_renew;              /* monotonic seconds */
	hf_stamp claimed_until;         /* the lease as last taken or renewed */
	struct tui_pager history, script;
	int focus;
	char script_title[256];
	bool reveal;                    /* the whole number is shown (see want_reveal) */
	bool revealed;                  /* the audit trail has this call's one "view-reveal" row */
	char consultant[HF_NAME_MAX];   /* the consultant's display name (else login), or "" */
	double dialled;                 /* when "Dialling ..." was said (monotonic), or 0 */
};

/* How long "Dialling ..." stays once the dial command has started; then the keys come back. */
#define DIAL_MSG_SECONDS 1.5


static double mono(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* ---- the customer and the timeline ------------------------------------------------------- */

/* Why a merged task is on this call, as one line. */
static void add_why(struct tui *t, struct tui_pager *p, int color, int attr, const char *fmt,
                    const struct hf_task_rec *rt)
{
	struct sbuf why;
	sbuf_init(&why);
	rules_task_why(&t->ctx->cfg, rt, &why);
	pager_addf(p, color, attr, 2, fmt, why.s);
	sbuf_free(&why);
}

static void build_history(struct tui *t, struct call_view *cv, const struct card *cd,
                          const struct hf_task_rec *merged, size_t nm)
{
	struct hf_ctx *ctx = t->ctx;
	struct tui_pager *p = &cv->history;
	char d1[20];
	pager_clear(p);
	card_customer(t, cd, cv->reveal, p);

	/* This task. */
	const struct hf_task *k = &cv->task;
	if (k->t.due_minute >= 0)
		stamp_format(stamp_make(k->t.due, k->t.due_minute), d1);
	else
		date_format(k->t.due, d1);
	pager_add(p, UI_COLOR_NORMAL, 0, 0, "");
	/* Two short lines rather than one the pane would cut inside a word ("次数"). */
	pager_addf(p, UI_COLOR_TITLE, 0, 2, "%s #%lld  %s", _("Task"), (long long)k->t.id,
	           task_kind_label(k->t.kind));
	pager_addf(p, UI_COLOR_TITLE, 0, 2, "%s %s  %s %d/%d", _("due"), d1, _("attempt"),
	           k->t.attempts + 1, config_max_attempts(&ctx->cfg));
	if (k->t.origin.n) {
		struct sbuf line;
		sbuf_init(&line);
		rules_why_append(&ctx->cfg, &k->t.origin, &line);
		pager_add(p, UI_COLOR_DIM, 0, 2, line.s);
		sbuf_free(&line);
	}
	/* The reasons merged into this call, where the operator looks first. */
	for (size_t i = 0; i < nm; i++)
		add_why(t, p, UI_COLOR_TITLE, A_BOLD, _("also on this call: %s"), &merged[i]);

	pager_add(p, UI_COLOR_NORMAL, 0, 0, "");
	card_history(t, cd, p);
}

/* ---- the script ------------------------------------------------------------------------- */

struct has_ctx {
	struct store *st;
	const char *lang;
};

static bool has_script(const char *key, void *p)
{
	struct has_ctx *h = p;
	return store_script_has(h->st, key, h->lang);
}

/* Render the script for `want` (a task's key) into the pager; returns false when none. */
static bool render_script(struct tui *t, struct call_view *cv, const char *want,
                          const struct script_vars *vars, const struct script_facts *facts,
                          bool first)
{
	const char *langs[2] = {t->script_lang, strcmp(t->script_lang, "en") ? "en" : "zh_CN"};
	for (int i = 0; i < 2; i++) {
		struct has_ctx h = {t->ctx->st, langs[i]};
		char key[HF_NAME_MAX];
		if (!scripts_pick(want, has_script, &h, key, sizeof key))
			continue;
		char *title = NULL, *body = NULL;
		if (store_script_get(t->ctx->st, key, langs[i], &title, &body) != STORE_FOUND)
			continue;
		struct script s;
		char err[HF_ERRLEN];
		if (!scripts_parse(body, key, false, &s, err, sizeof err)) {
			pager_add(&cv->script, UI_COLOR_ERROR, 0, 0, err);
			free(title);
			free(body);
			return true;
		}
		script_select(&s, facts);         /* only the lines that fit this call */
		script_fill(&s, script_vars_lookup, (void *)vars);
		char *ftitle = scripts_fill(title, script_vars_lookup, (void *)vars);
		if (first)
			str_copy(cv->script_title, sizeof cv->script_title, ftitle);
		else
			pager_addf(&cv->script, UI_COLOR_TITLE, A_BOLD, 0, "%s", ftitle);
		for (size_t j = 0; j < s.nsections; j++) {
			const struct script_section *sec = &s.sections[j];
			pager_addf(&cv->script, UI_COLOR_TITLE, 0, 0, "【%s】", script_section_label(sec->kind));
			for (size_t l = 0; l < sec->nlines; l++) {
				const struct script_line *ln = &sec->lines[l];
				if (ln->kind == LINE_QUESTION)
					pager_addf(&cv->script, UI_COLOR_NORMAL, A_BOLD, 4, "  ? %s", ln->text);
				else if (ln->kind == LINE_NOTE)
					pager_addf(&cv->script, UI_COLOR_NOTICE, 0, 4, "  ! %s", ln->text);
				else
					pager_addf(&cv->script, UI_COLOR_NORMAL, 0, 4, "    %s", ln->text);
			}
		}
		script_free(&s);
		free(ftitle);
		free(title);
		free(body);
		return true;
	}
	return false;
}

static const struct hf_visit *find_visit(const struct hf_visit *v, size_t n, hf_id id)
{
	for (size_t i = 0; i < n; i++)
		if (v[i].id == id)
			return &v[i];
	return NULL;
}

static void build_script(struct tui *t, struct call_view *cv, const struct hf_visit *visits,
                         size_t nv, const struct hf_task_rec *merged, size_t nm)
{
	struct hf_ctx *ctx = t->ctx;
	pager_clear(&cv->script);
	cv->script_title[0] = 0;
	/* Merged reasons first: their scripts follow this call's own, further down. */
	if (nm) {
		pager_addf(&cv->script, UI_COLOR_TITLE, A_BOLD, 0, "%s", _("This call also covers:"));
		for (size_t i = 0; i < nm; i++)
			add_why(t, &cv->script, UI_COLOR_TITLE, 0, "· %s", &merged[i]);
		pager_add(&cv->script, UI_COLOR_NORMAL, 0, 0, "");
	}
	for (size_t i = 0; i <= nm; i++) {
		const struct hf_task_rec *rt = i == 0 ? &cv->task.t : &merged[i - 1];
		const struct hf_visit *v = find_visit(visits, nv, rt->visit_id);
		char days[16] = "", vdate[16] = "";
		char doctor[HF_NAME_MAX];
		if (v) {
			snprintf(days, sizeof days, "%d", stamp_date(ctx->now) - v->date);
			date_format(v->date, vdate);
		}
		struct script_vars vars = {
			.name = cv->cust.name,
			.title = scripts_title(cv->cust.gender, t->script_lang),
			.treatment = v ? v->treatment : cv->task.treatment,
			.days_since = days,
			.visit_date = vdate,
			.doctor = scripts_doctor_name(v ? v->doctor : "", doctor, sizeof doctor),
			.consultant = cv->consultant,
			.clinic = t->clinic,
			.operator_name = str_empty(ctx->me.name) ? ctx->login : ctx->me.name,
		};
		hf_date today = stamp_date(ctx->now);
		struct script_facts facts = {
			.days = v ? today - v->date : SCRIPT_FACT_UNKNOWN,
			.overdue = rt->due != HF_NO_DATE && rt->due < today ? today - rt->due : 0,
			.treatment = vars.treatment,
			.gender = cv->cust.gender,
		};
		const char *want = str_empty(rt->script) ? task_kind_code(rt->kind) : rt->script;
		if (i > 0) {
			/* A merged reason: its own script under a line saying why. */
			pager_add(&cv->script, UI_COLOR_NORMAL, 0, 0, "");
			add_why(t, &cv->script, UI_COLOR_TITLE, A_BOLD, "── %s ──", rt);
		}
		if (!render_script(t, cv, want, &vars, &facts, i == 0))
			pager_addf(&cv->script, UI_COLOR_DIM, 0, 0, _("No script for \"%s\"."), want);
	}
}

/* ---- loading and claiming ---------------------------------------------------------------- */

static bool load(struct tui *t, struct call_view *cv)
{
	struct hf_ctx *ctx = t->ctx;
	switch (store_task_get(ctx->st, cv->task_id, &cv->task)) {
	case STORE_ERROR:
		tui_message(t, UI_COLOR_ERROR, "%s", store_errmsg(ctx->st));
		return false;
	case STORE_NONE:
		tui_message(t, UI_COLOR_ERROR, _("no task %lld"), (long long)cv->task_id);
		return false;
	case STORE_FOUND:
		break;
	}
	struct card cd;
	if (!card_load(t, cv->task.customer_id, &cd))
		return false;
	cv->cust = cd.cust;
	str_copy(cv->consultant, sizeof cv->consultant, cd.consultant);
	struct hf_task_rec *merged = NULL;
	size_t nm = 0;
	if (!store_merged_tasks(ctx->st, cv->task_id, &merged, &nm))
		tui_message(t, UI_COLOR_ERROR, "%s", store_errmsg(ctx->st));
	build_history(t, cv, &cd, merged, nm);
	build_script(t, cv, cd.visits, cd.nv, merged, nm);
	free(merged);
	card_free(&cd);
	return true;
}

/* Take (or renew) the lease; when someone else holds it the screen turns read-only. */
/* A task logged (or cancelled) elsewhere turns the screen read-only; false then. */
static bool still_open(struct tui *t, struct call_view *cv)
{
	struct hf_ctx *ctx = t->ctx;
	struct hf_task now;
	if (store_task_get(ctx->st, cv->task_id, &now) != STORE_FOUND || now.t.status == TASK_OPEN)
		return true;
	if (cv->claimed)
		svc_release(ctx, cv->task_id);
	cv->claimed = false;
	cv->read_only = true;
	snprintf(cv->why_read_only, sizeof cv->why_read_only, _("task %lld is %s: nothing to log"),
	         (long long)cv->task_id, task_status_label(now.t.status));
	return false;
}

static void claim(struct tui *t, struct call_view *cv)
{
	struct hf_ctx *ctx = t->ctx;
	char err[HF_ERRLEN];
	if (!still_open(t, cv))
		return;
	cv->last_renew = mono();
	if (svc_claim(ctx, cv->task_id, err, sizeof err) == HF_OK) {
		cv->claimed_until = ctx->now + ctx->cfg.lease_minutes;
		cv->claimed = true;
		cv->read_only = false;
		cv->why_read_only[0] = 0;
		return;
	}
	cv->claimed = false;
	cv->read_only = true;
	str_copy(cv->why_read_only, sizeof cv->why_read_only, err);
}

/* Supervisors see whole numbers; an operator sees the whole number of the customer whose call
 * they hold (a masked number cannot be dialled by hand), and only while they hold it. */
static bool want_reveal(const struct tui *t, const struct call_view *cv)
{
	return t->ctx->me.role >= ROLE_SUPERVISOR || cv->claimed;
}

/* Show or mask the number as the claim now says; true when that changed (the card must be
 * rebuilt). The first reveal of this call is audited, once: renewals and redraws are not new
 * views. A reveal the audit trail cannot record is not made. */
static bool update_reveal(struct tui *t, struct call_view *cv)
{
	bool want = want_reveal(t, cv);
	if (want == cv->reveal)
		return false;
	if (want && !cv->revealed) {
		char err[HF_ERRLEN];
		if (svc_view_customer(t->ctx, cv->cust.id, true, "console", NULL, err, sizeof err) != HF_OK) {
			tui_message(t, UI_COLOR_ERROR, "%s", err);
			return false;
		}
		cv->revealed = true;
	}
	cv->reveal = want;
	return true;
}

/* ---- the view ---------------------------------------------------------------------------- */

static unsigned call_screens(struct tui *t, struct tui_view *v)
{
	(void)t;
	(void)v;
	return SCR_CALL;
}

static void call_draw(struct tui *t, struct tui_view *v)
{
	struct call_view *cv = (struct call_view *)v;
	char left[300], right[300];
	snprintf(left, sizeof left, "%s · %s · %s #%lld", _("Call"), cv->cust.name, _("task"),
	         (long long)cv->task_id);
	if (cv->read_only) {
		snprintf(right, sizeof right, "%s", _("read-only"));
	} else {
		char until[20];
		stamp_format(cv->claimed_until, until);
		snprintf(right, sizeof right, _("yours until %s"), until + 11);
	}
	tui_header(t, left, right);

	int lw = t->cols * 2 / 5;
	if (lw < 30)
		lw = 30;
	int rx = lw + 1, rw = t->cols - rx;
	int top = 2, h = t->rows - 4;
	tui_fill(t, 1, 0, t->cols, UI_COLOR_TAB);
	tui_field(t, 1, 0, lw, cv->focus == PANE_HISTORY ? UI_COLOR_TAB_ACTIVE : UI_COLOR_TAB, A_BOLD,
	          -1, _(" Customer and history"));
	char st[300];
	snprintf(st, sizeof st, " %s: %s", _("Script"), cv->script_title);
	tui_field(t, 1, rx, rw, cv->focus == PANE_SCRIPT ? UI_COLOR_TAB_ACTIVE : UI_COLOR_TAB, A_BOLD,
	          -1, st);
	pager_draw(t, &cv->history, top, 1, h, lw - 2);  /* a space before the line */
	tui_vline(t, top, lw, h, UI_COLOR_DIM);
	pager_draw(t, &cv->script, top, rx + 1, h, rw - 1);

	int y = t->rows - 2;
	if (cv->read_only)
		tui_text(t, y, 1, t->cols - 2, UI_COLOR_ERROR, A_BOLD, cv->why_read_only);
	else if (t->ctx->cfg.ndial == 0)
		tui_text(t, y, 1, t->cols - 2, UI_COLOR_DIM, 0, _("No dial command is set: dial by hand."));
	tui_status(t, SCR_CALL);
}

/* ---- fixing the record ------------------------------------------------------------------ */

/* The fields the form offers, in the order of its choices; an operator gets the first only. */
static const struct {
	const char *label;
	size_t field;                   /* offset of the value in struct customer_edit */
} fix_fields[] = {
	{N_("phone"), offsetof(struct customer_edit, phone)},
	{N_("name"), offsetof(struct customer_edit, name)},
	{N_("gender (F or M)"), offsetof(struct customer_edit, gender)},
	{N_("birthday (YYYY-MM-DD)"), offsetof(struct customer_edit, birthday)},
	{N_("consultant (login)"), offsetof(struct customer_edit, consultant)},
	{N_("add tags"), offsetof(struct customer_edit, tag)},
	{N_("remove tags"), offsetof(struct customer_edit, untag)},
};

static int fix_done(struct tui *t, void *data, int choice, const char *text, char *msg, size_t size)
{
	hf_id customer = *(hf_id *)data;
	struct customer_edit e = {0};
	*(const char **)((char *)&e + fix_fields[choice < 0 ? 0 : choice].field) = text;
	struct edit_result r;
	int rc = svc_edit_customer(t->ctx, customer, &e, &r, msg, size);
	if (rc != HF_OK)
		return rc;
	if (r.phone_fixed)
		snprintf(msg, size, _("The phone is valid again; data-fix tasks done: %d, calls back in "
		                      "the queue: %d."), r.fixes_done, r.resumed);
	else
		snprintf(msg, size, "%s", r.changed ? _("The record is saved.") : _("Nothing changed."));
	return HF_OK;
}

static void fix_record(struct tui *t, struct call_view *cv)
{
	const char *choices[sizeof fix_fields / sizeof fix_fields[0]];
	int n = t->ctx->me.role >= ROLE_SUPERVISOR ? (int)(sizeof fix_fields / sizeof fix_fields[0]) : 1;
	for (int i = 0; i < n; i++)
		choices[i] = _(fix_fields[i].label);
	hf_id *customer = xmalloc(sizeof *customer);
	*customer = cv->cust.id;
	char title[200];
	snprintf(title, sizeof title, "%s · %s", _("Fix the record"), cv->cust.name);
	struct ask a = {
		.title = title,
		.about = t->ctx->me.role >= ROLE_SUPERVISOR
		                 ? _("Pick the field, then type its new value. Giving the phone ends a "
		                     "wrong-number data fix and brings the closed calls back.")
		                 : _("Type the right phone number: a mobile of 11 digits or a landline "
		                     "with its area code. The data fix is done and the calls come back."),
		.choice_label = _("Field"),
		.text_label = _("New value"),
		.done = fix_done,
		.data = customer,
		.free = free,
	};
	if (n == 1) { /* the phone only: straight to the number */
		a.choice_label = NULL;
		a.text_label = _("New phone number");
		n = 0;
	}
	tui_push(t, ask_view_new(t, &a, choices, n));
}

static int call_key(struct tui *t, struct tui_view *v, tui_key k)
{
	struct call_view *cv = (struct call_view *)v;
	enum tui_action a = keymap_action(SCR_CALL, k);
	struct tui_pager *focused = cv->focus == PANE_SCRIPT ? &cv->script : &cv->history;
	switch (a) {
	case ACT_BACK:
		tui_close(t, v);
		queue_reload(t);
		return TUI_REDRAW;
	case ACT_FOCUS:
		cv->focus = cv->focus == PANE_SCRIPT ? PANE_HISTORY : PANE_SCRIPT;
		return TUI_REDRAW;
	case ACT_SCRIPT_DOWN:
		pager_scroll(&cv->script, 1);
		return TUI_REDRAW;
	case ACT_SCRIPT_UP:
		pager_scroll(&cv->script, -1);
		return TUI_REDRAW;
	case ACT_LOG:
		if (cv->read_only) {
			tui_message(t, UI_COLOR_ERROR, "%s", cv->why_read_only);
			return TUI_REDRAW;
		}
		tui_push(t, outcome_view_new(t, cv->task_id, cv->cust.name, cv->started, t->ctx->now,
		                                  &cv->script, cv->script_title));
		return TUI_REDRAW;
	case ACT_EDIT_CUSTOMER:
		fix_record(t, cv);
		return TUI_REDRAW;
	case ACT_DIAL: {
		char err[HF_ERRLEN], shown[64];
		if (svc_dial(t->ctx, cv->cust.id, cv->cust.phone, err, sizeof err) != HF_OK) {
			tui_message(t, UI_COLOR_ERROR, "%s", err);
			return TUI_REDRAW;
		}
		cv->started = t->ctx->now;
		phone_mask(cv->cust.phone, cv->reveal, shown, sizeof shown);
		tui_message(t, UI_COLOR_NOTICE, _("Dialling %s ..."), shown);
		cv->dialled = mono();
		return TUI_REDRAW;
	}
	default:
		break;
	}
	int f = pager_act(focused, a);
	return f;
}

static int call_tick(struct tui *t, struct tui_view *v, bool changed)
{
	struct call_view *cv = (struct call_view *)v;
	int flags = TUI_NONE;
	int status = svc_dial_reap();
	if (status > 0) {
		tui_message(t, UI_COLOR_ERROR, _("the dial command failed (exit status %d)"), status);
		cv->dialled = 0;
		flags |= TUI_REDRAW;
	} else if (cv->dialled > 0 && mono() - cv->dialled >= DIAL_MSG_SECONDS) {
		/* The command has started (svc_dial returned once it ran): the message has said it. */
		if (t->msg_color == UI_COLOR_NOTICE)
			t->msg[0] = 0;
		cv->dialled = 0;
		flags |= TUI_REDRAW;
	}
	if (t->locked)
		return flags;
	/* Renew the lease well before it runs out; retry a read-only one when the data moves. */
	double renew = t->ctx->cfg.lease_minutes * 60.0 / 3;
	/* Only the status is looked at on a change: renewing then would wake every other console,
	 * whose renewals would wake this one. */
	if (changed && cv->claimed && !still_open(t, cv))
		flags |= TUI_REDRAW;
	if ((cv->claimed && mono() - cv->last_renew >= renew) || (cv->read_only && changed)) {
		bool was = cv->read_only;
		claim(t, cv);
		if (was && !cv->read_only)
			tui_message(t, UI_COLOR_NOTICE, _("The task is free now: it is yours."));
		if (was != cv->read_only)
			flags |= TUI_REDRAW;
	}
	if (update_reveal(t, cv))
		changed = true;
	if (changed) {
		int keep_h = cv->history.top, keep_s = cv->script.top;
		if (load(t, cv)) {
			cv->history.top = keep_h;
			cv->script.top = keep_s;
		}
		flags |= TUI_REDRAW;
	}
	return t->top == v ? flags : TUI_NONE;
}

static void call_lock(struct tui *t, struct tui_view *v, bool locked)
{
	struct call_view *cv = (struct call_view *)v;
	if (locked) {
		if (cv->claimed)
			svc_release(t->ctx, cv->task_id);
		cv->claimed = false;
	} else {
		claim(t, cv);
		update_reveal(t, cv);
		load(t, cv);
	}
}

static void call_leave(struct tui *t, struct tui_view *v)
{
	struct call_view *cv = (struct call_view *)v;
	if (cv->claimed)
		svc_release(t->ctx, cv->task_id);
	cv->claimed = false;
}

static void call_free(struct tui_view *v)
{
	struct call_view *cv = (struct call_view *)v;
	pager_free(&cv->history);
	pager_free(&cv->script);
	free(cv);
}

const struct tui_view_ops call_view_ops = {
	.name = N_("Call"),
	.screens = call_screens,
	.draw = call_draw,
	.key = call_key,
	.tick = call_tick,
	.lock = call_lock,
	.leave = call_leave,
	.free = call_free,
};

struct tui_view *call_view_new(struct tui *t, hf_id task)
{
	struct hf_ctx *ctx = t->ctx;
	struct call_view *cv = xcalloc(1, sizeof *cv);
	cv->base.ops = &call_view_ops;
	cv->task_id = task;
	cv->focus = PANE_SCRIPT;
	cv->started = ctx->now;
	pager_init(&cv->history);
	pager_init(&cv->script);
	claim(t, cv);
	cv->reveal = cv->revealed = want_reveal(t, cv);
	if (!load(t, cv)) {
		call_leave(t, &cv->base);
		call_free(&cv->base);
		return NULL;
	}
	/* No record is shown that the audit trail does not know was seen. */
	char err[HF_ERRLEN];
	if (svc_view_customer(ctx, cv->cust.id, cv->reveal, "console", NULL, err, sizeof err) != HF_OK) {
		tui_message(t, UI_COLOR_ERROR, "%s", err);
		call_leave(t, &cv->base);
		call_free(&cv->base);
		return NULL;
	}
	return &cv->base;
}
