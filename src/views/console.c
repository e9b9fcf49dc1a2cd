/* console.c — the console: the frame with its first screen and the keys every screen shares. */
#include <locale.h>
#include <stdlib.h>

#include "huifang/console.h"
#include "huifang/i18n.h"
#include "huifang/scripts.h"
#include "huifang/str.h"
#include "huifang/tui-views.h"

/* What was done before the terminal was set up, said on the first screen's status line. */
struct console {
	bool planned;
	struct plan_counts plan;
	char plan_err[HF_ERRLEN];
};

static void console_start(struct tui *t, void *data)
{
	struct console *c = data;
	char *clinic = NULL;
	store_meta_get(t->ctx->st, "clinic", &clinic); /* unreadable: the configured name */
	str_copy(t->clinic, sizeof t->clinic, !str_empty(clinic) ? clinic : t->ctx->cfg.clinic);
	free(clinic);
	t->script_lang = scripts_lang_for_locale(setlocale(LC_MESSAGES, NULL));

	/* The top-level screens: the queue, for now the only one. */
	tui_push(t, queue_view_new(t));
	if (c->plan_err[0])
		tui_message(t, UI_COLOR_ERROR, "%s", c->plan_err);
	else if (c->planned)
		tui_message(t, UI_COLOR_NOTICE, _("Planned today: %d new, %d missed, %d released, %d cancelled"),
		            c->plan.created, c->plan.missed, c->plan.released, c->plan.cancelled);
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
	case ACT_QUIT:
		return TUI_QUIT;
	default:
		return TUI_NONE;
	}
}

static const struct tui_app console_app = {
	.start = console_start,
	.action = console_action,
};

int console_main(struct hf_ctx *ctx, char *err, size_t errlen)
{
	struct console c = {0};
	/* The day's tasks must exist before the queue is read. */
	if (svc_plan_today(ctx, &c.planned, &c.plan, c.plan_err, sizeof c.plan_err) != HF_OK)
		c.planned = false;
	return tui_run(ctx, &console_app, &c, err, errlen);
}
