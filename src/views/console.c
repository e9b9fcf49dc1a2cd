/* console.c — the console: the frame with its first screen and the keys every screen shares. */
#include <curses.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "huifang/console.h"
#include "huifang/date.h"
#include "huifang/i18n.h"
#include "huifang/scripts.h"
#include "huifang/str.h"
#include "huifang/tui-views.h"
#include "huifang/utf8.h"

/* The tabs of a supervisor's console, in the order Tab goes through them: the view's ops,
 * how to make it, its name on the tab bar. Operators have the queue only, and no tab bar. */
#define CONSOLE_TABS(X) \
	X(TAB_QUEUE, queue_view_ops, queue_view_new, N_("Queue")) \
	X(TAB_ESCALATIONS, escalations_view_ops, escalations_view_new, N_("Escalations")) \
	X(TAB_TEAM, team_view_ops, team_view_new, N_("Team")) \
	X(TAB_REPORTS, reports_view_ops, reports_view_new, N_("Reports"))
#define TAB_ENUM_(id, ops, make, label) id,
enum console_tab { CONSOLE_TABS(TAB_ENUM_) TAB__COUNT };
#undef TAB_ENUM_
static const struct {
	const struct tui_view_ops *ops;
	struct tui_view *(*make)(struct tui *t);
	const char *label;
} tabs[TAB__COUNT] = {
#define TAB_DEF_(id, ops, make, label) {&ops, make, label},
	CONSOLE_TABS(TAB_DEF_)
#undef TAB_DEF_
};

struct console {
	/* The day's plan, when the day had not been planned: begun after the first paint, run in
	 * steps from the timer between key presses; the queue shows the rows as they are written. */
	bool plan_due;
	struct plan_run *plan;
	unsigned plan_steps;
	/* Each tab's view once opened; it stays on the stack under the one in front. */
	struct tui_view *tab[TAB__COUNT];
	hf_stamp counted;               /* when the open escalations were last counted */
};

/* The one console of this process: the tab bar is drawn by the views below it. */
static struct console *the_console;

static bool has_tabs(const struct tui *t)
{
	return t->ctx->me.role >= ROLE_SUPERVISOR;
}

unsigned console_tab_screens(struct tui *t)
{
	return has_tabs(t) ? SCR_TABS : 0;
}

/* The tab bar, as room allows: every tab padded (TABS_FULL), the tabs behind the active one
 * without their padding (TABS_COMPACT), or the active tab alone (TABS_ACTIVE: Tab still goes
 * through them), to leave a narrow screen room for the list's own text. */
enum tabs_fit { TABS_FULL, TABS_COMPACT, TABS_ACTIVE };
static int draw_tabs(struct tui *t, int y, const struct tui_view_ops *active, enum tabs_fit fit)
{
	tui_fill(t, y, 0, t->cols, UI_COLOR_TAB);
	int x = 1;
	for (int i = 0; i < TAB__COUNT; i++) {
		bool on = tabs[i].ops == active;
		if (!on && (!has_tabs(t) || fit == TABS_ACTIVE))
			continue;
		char tab[64];
		snprintf(tab, sizeof tab, fit != TABS_FULL && !on ? "%s" : " %s ", _(tabs[i].label));
		x += tui_text(t, y, x, t->cols - x, on ? UI_COLOR_TAB_ACTIVE : UI_COLOR_TAB, on ? A_BOLD : 0,
		              tab);
		x += 1;
	}
	return fit != TABS_FULL ? x : x + 1;
}

int console_tabs(struct tui *t, int y, const struct tui_view_ops *active)
{
	return draw_tabs(t, y, active, TABS_FULL);
}

void console_bar(struct tui *t, int y, const struct tui_view_ops *active, const char *left,
                 const char *counts)
{
	int cw = utf8_width(counts), x = 0;
	for (enum tabs_fit fit = TABS_FULL; fit <= TABS_ACTIVE; fit++) {
		x = draw_tabs(t, y, active, fit);
		if (x + utf8_width(left) + cw + 2 <= t->cols)
			break;
	}
	tui_text(t, y, x, t->cols - x - cw - 2, UI_COLOR_TAB, 0, left);
	tui_text(t, y, t->cols - cw - 1, cw, UI_COLOR_TAB, A_BOLD, counts);
}

void console_prompt(struct tui *t, struct tui_edit *e, const char *label, const char *mark)
{
	int y = t->rows - 1;
	tui_fill(t, y, 0, t->cols, UI_COLOR_NORMAL);
	char l[200];
	snprintf(l, sizeof l, "%s%s%s", label, mark ? " " : "", mark ? mark : "");
	int x = tui_text(t, y, 0, t->cols, UI_COLOR_TITLE, A_BOLD, l) + 1;
	edit_draw(t, e, y, x, 1, t->cols - x, true);
}

void console_header(struct tui *t)
{
	struct hf_ctx *ctx = t->ctx;
	char date[16], left[400], right[64];
	hf_date day = stamp_date(ctx->now);
	date_format(day, date);
	snprintf(left, sizeof left, "%s · %s (%s) · %s", t->clinic,
	         str_empty(ctx->me.name) ? ctx->login : ctx->me.name, ctx->login,
	         role_label(ctx->me.role));
	static const char *const wd[] = {"", N_("Mon"), N_("Tue"), N_("Wed"), N_("Thu"), N_("Fri"),
	                                 N_("Sat"), N_("Sun")};
	snprintf(right, sizeof right, "%s %s", date, _(wd[date_weekday(day)]));
	tui_header(t, left, right);
}

/* Count the open escalations for every screen's header (supervisors): how many are open and
 * how many of them are past their deadline. */
static void count_escalations(struct tui *t, struct console *c)
{
	t->badge[0] = t->badge_short[0] = 0;
	c->counted = t->ctx->now;
	if (!has_tabs(t))
		return;
	int open, breached;
	escalations_count(t, &open, &breached);
	if (open == 0)
		return;
	if (breached > 0) {
		snprintf(t->badge, sizeof t->badge,
		         ngettext("%d open escalation, %d breached", "%d open escalations, %d breached",
		                  (unsigned long)open),
		         open, breached);
		snprintf(t->badge_short, sizeof t->badge_short, _("esc. %d, %d breached"), open, breached);
	} else {
		snprintf(t->badge, sizeof t->badge,
		         ngettext("%d open escalation", "%d open escalations", (unsigned long)open), open);
		snprintf(t->badge_short, sizeof t->badge_short, _("esc. %d"), open);
	}
	t->badge_color = breached > 0 ? UI_COLOR_BREACHED : UI_COLOR_NOTICE;
}

/* Milliseconds of planning per step: keys are read between the steps; the queue is read
 * again every PLAN_RELOAD_STEPS steps. */
#define PLAN_STEP_MS 100
#define PLAN_RELOAD_STEPS 8

static int plan_tick(struct tui *t, struct console *c)
{
	char err[HF_ERRLEN];
	if (c->plan_due) {
		c->plan_due = false;
		if (svc_plan_today(t->ctx, &c->plan, err, sizeof err) != HF_OK) {
			tui_message(t, UI_COLOR_ERROR, "%s", err);
			return TUI_REDRAW;
		}
		if (!c->plan)
			return TUI_NONE;
		tui_message(t, UI_COLOR_NOTICE, "%s", _("Planning today…"));
	}
	if (!c->plan)
		return TUI_NONE;
	bool done;
	int rc = svc_plan_step(t->ctx, c->plan, PLAN_STEP_MS, &done, err, sizeof err);
	/* This process wrote, which data_version does not show: the queue reads the rows on the
	 * next tick, every few steps while planning goes on and once it is done. */
	if (rc != HF_OK || done || ++c->plan_steps % PLAN_RELOAD_STEPS == 0)
		t->touched = true;
	if (rc != HF_OK)
		tui_message(t, UI_COLOR_ERROR, "%s", err);
	else if (done) {
		const struct plan_counts *n = svc_plan_counts(c->plan);
		tui_message(t, UI_COLOR_NOTICE, _("Planned today: %d new, %d missed, %d released, %d cancelled"),
		            n->created, n->missed, n->released, n->cancelled);
	}
	if (rc != HF_OK || done) {
		svc_plan_free(c->plan);
		c->plan = NULL;
		return TUI_REDRAW;
	}
	return TUI_REDRAW | TUI_BUSY;
}

static int console_tick(struct tui *t, bool changed)
{
	struct console *c = the_console;
	int flags = plan_tick(t, c);
	if (flags)
		return flags;
	(void)changed;
	if (!t->desk_changed && c->counted == t->ctx->now)
		return TUI_NONE;
	char before[sizeof t->badge];
	str_copy(before, sizeof before, t->badge);
	count_escalations(t, c);
	return str_eq(before, t->badge) ? TUI_NONE : TUI_REDRAW;
}

/* Bring tab i to the front, opening it the first time. */
static void show_tab(struct tui *t, struct console *c, int i)
{
	if (!c->tab[i]) {
		c->tab[i] = tabs[i].make(t);
		tui_push(t, c->tab[i]);
	} else {
		tui_raise(t, c->tab[i]);
	}
}

static int tab_of(const struct tui_view *v)
{
	for (int i = 0; i < TAB__COUNT; i++)
		if (tabs[i].ops == v->ops)
			return i;
	return -1;
}

static void console_start(struct tui *t, void *data)
{
	struct console *c = data;
	char *clinic = NULL;
	store_meta_get(t->ctx->st, "clinic", &clinic); /* unreadable: the configured name */
	str_copy(t->clinic, sizeof t->clinic, !str_empty(clinic) ? clinic : t->ctx->cfg.clinic);
	free(clinic);
	t->script_lang = scripts_lang_for_locale(setlocale(LC_MESSAGES, NULL));

	/* An operator's console shows its own team's tasks only: others' commits elsewhere do not
	 * reload it. */
	if (t->ctx->me.role < ROLE_SUPERVISOR)
		tui_scope(t, t->ctx->me.team, false);

	/* The queue first; a supervisor with escalations waiting starts in front of them. */
	the_console = c;
	show_tab(t, c, TAB_QUEUE);
	count_escalations(t, c);
	if (t->badge[0])
		show_tab(t, c, TAB_ESCALATIONS);
	c->plan_due = true; /* on the first tick, once the queue is painted */
}

/* The keys that mean the same on every screen that has them. */
static int console_action(struct tui *t, struct tui_view *top, enum tui_action a)
{
	switch (a) {
	case ACT_HELP:
		if (top->ops != &help_view_ops) {
			unsigned s = top->ops->help_screens ? top->ops->help_screens : tui_screens(t, top);
			tui_push(t, help_view_new(t, s, _(top->ops->name)));
		}
		return TUI_REDRAW;
	case ACT_REDRAW:
		return TUI_REPAINT;
	case ACT_NEXT_TAB:
	case ACT_PREV_TAB: {
		int i = tab_of(top);
		if (i < 0 || !has_tabs(t))
			return TUI_NONE;
		show_tab(t, the_console, (i + (a == ACT_NEXT_TAB ? 1 : TAB__COUNT - 1)) % TAB__COUNT);
		return TUI_REDRAW;
	}
	case ACT_QUIT:
		return TUI_QUIT;
	default:
		return TUI_NONE;
	}
}

static const struct tui_app console_app = {
	.start = console_start,
	.action = console_action,
	.tick = console_tick,
};

bool console_terminal_ok(char *err, size_t errlen) { return tui_terminal_ok(err, errlen); }

int console_main(struct hf_ctx *ctx, char *err, size_t errlen)
{
	struct console c = {0};
	int rc = tui_run(ctx, &console_app, &c, err, errlen);
	svc_plan_free(c.plan); /* a plan left half way is finished by the next one */
	return rc;
}
