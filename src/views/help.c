/* help.c — the `?` screen: every key of the screen below, generated from the keymap. */
#include <stdlib.h>
#include <string.h>

#include "huifang/i18n.h"
#include "huifang/str.h"
#include "huifang/tui-views.h"
#include "huifang/utf8.h"

struct help_view {
	struct tui_view base;
	struct tui_pager pager;
	char title[128];
};

/* Keys that are data rather than actions, per screen: said in words. */
static const struct {
	unsigned screens;
	const char *text;
} notes[] = {
	{SCR_CHOICE, N_("1–9: choose an outcome or a complaint category by its number; on the score "
	                "and on each of its aspects (the rules' satisfaction dimensions, after it), "
	                "1–5 give the score and 0 or Space skips it; on the recommendation, 0–10 "
	                "(1 then 0 is 10) and Space skips it")},
	{SCR_FORM, N_("In the note: type (Chinese input works), Enter starts a new line, Backspace and "
	              "Delete remove a character, Left/Right/Up/Down/Home/End move")},
	{SCR_NEXT, N_("Next contact: type YYYY-MM-DD, YYYY-MM-DD HH:MM for a time, or a span from now (+3d, +1w, +1m, +2h); empty means none")},
	{SCR_PROMPT, N_("Search: type a name or the last digits of a phone number, then Enter; a limit "
	                "also takes a treatment or a kind of call, and Esc in the queue clears it")},
	{SCR_ESC, N_("Time left counts down to an open escalation's deadline; past it the row says by "
	             "how much it is over and its status says breached. Acknowledged and resolved "
	             "escalations have no clock running. Marked rows show *.")},
};

static void build(struct help_view *h, unsigned screens)
{
	pager_addf(&h->pager, UI_COLOR_TITLE, 0, 0, "%s", h->title);
	pager_add(&h->pager, UI_COLOR_NORMAL, 0, 0, "");
	for (int a = 0; a < ACT__COUNT; a++) {
		unsigned s = keymap_screens((enum tui_action)a);
		if (!(s & screens))
			continue;
		char keys[96], pad[128];
		keymap_keys_text((enum tui_action)a, keys, sizeof keys);
		if (!keys[0])
			continue;
		utf8_pad(keys, 20, -1, pad, sizeof pad);
		pager_addf(&h->pager, UI_COLOR_NORMAL, 0, 24, "  %s  %s", pad,
		           keymap_help((enum tui_action)a));
	}
	bool first = true;
	for (size_t i = 0; i < sizeof notes / sizeof notes[0]; i++) {
		if (!(notes[i].screens & screens))
			continue;
		if (first)
			pager_add(&h->pager, UI_COLOR_NORMAL, 0, 0, "");
		first = false;
		pager_addf(&h->pager, UI_COLOR_DIM, 0, 2, "  %s", _(notes[i].text));
	}
}

static unsigned help_screens(struct tui *t, struct tui_view *v)
{
	(void)t;
	(void)v;
	return SCR_HELP;
}

static void help_draw(struct tui *t, struct tui_view *v)
{
	struct help_view *h = (struct help_view *)v;
	tui_header(t, _("Keys"), h->title);
	pager_draw(t, &h->pager, 2, 1, t->rows - 3, t->cols - 2);
	tui_status(t, SCR_HELP);
}

static int help_key(struct tui *t, struct tui_view *v, tui_key k)
{
	struct help_view *h = (struct help_view *)v;
	enum tui_action a = keymap_action(SCR_HELP, k);
	if (a == ACT_BACK || a == ACT_HELP) {
		tui_close(t, v);
		return TUI_REDRAW;
	}
	return pager_act(&h->pager, a);
}

static void help_free(struct tui_view *v)
{
	struct help_view *h = (struct help_view *)v;
	pager_free(&h->pager);
	free(h);
}

const struct tui_view_ops help_view_ops = {
	.name = N_("Help"),
	.screens = help_screens,
	.draw = help_draw,
	.key = help_key,
	.free = help_free,
};

struct tui_view *help_view_new(struct tui *t, unsigned screens, const char *title)
{
	(void)t;
	struct help_view *h = xcalloc(1, sizeof *h);
	h->base.ops = &help_view_ops;
	snprintf(h->title, sizeof h->title, _("Keys of the %s screen"), title);
	pager_init(&h->pager);
	build(h, screens);
	return &h->base;
}
