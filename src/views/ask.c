/* ask.c — a small form over a screen: an optional choice (a resolution category, a supervisor)
 * and a text (a note, a date), then one use case on saving. */
#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "huifang/i18n.h"
#include "huifang/str.h"
#include "huifang/tui-views.h"
#include "huifang/utf8.h"

struct ask_view {
	struct tui_view base;
	struct ask a;                   /* its strings point at the copies below */
	char title[200], about[1024], choice_label[120], text_label[120];
	char *choices[ASK_MAX_CHOICES];
	int nchoices;
	int choice;
	bool on_text;                   /* the text has focus (else the choice) */
	bool has_text;                  /* a form of a choice alone has none */
	struct tui_edit text;
	bool confirm_cancel;
	char err[HF_ERRLEN];
};

static unsigned ask_screens(struct tui *t, struct tui_view *v)
{
	(void)t;
	struct ask_view *q = (struct ask_view *)v;
	return SCR_FORM | (q->on_text ? 0 : SCR_CHOICE);
}

static void ask_draw(struct tui *t, struct tui_view *v)
{
	struct ask_view *q = (struct ask_view *)v;
	tui_header(t, q->a.title, NULL);
	int y = 2, w = t->cols - 4;
	struct tui_span *sp;
	size_t n = tui_wrap(q->a.about, w, true, &sp);
	for (size_t i = 0; i < n && y < t->rows - 8; i++, y++) {
		char *piece = xstrndup(q->a.about + sp[i].start, sp[i].end - sp[i].start);
		tui_text(t, y, 2, w, UI_COLOR_DIM, 0, piece);
		free(piece);
	}
	free(sp);
	y++;
	if (q->nchoices) {
		tui_text(t, y++, 2, w, UI_COLOR_TITLE, A_BOLD, q->a.choice_label);
		for (int i = 0; i < q->nchoices && y < t->rows - 7; i++, y++) {
			char line[200];
			snprintf(line, sizeof line, "%s %d %s", i == q->choice ? "◉" : "○", i + 1, q->choices[i]);
			bool sel = i == q->choice && !q->on_text;
			tui_field(t, y, 4, w - 2, sel ? UI_COLOR_CURSOR : UI_COLOR_NORMAL, 0, -1, line);
		}
		y++;
	}
	if (q->has_text) {
		tui_text(t, y++, 2, w, UI_COLOR_TITLE, A_BOLD, q->a.text_label);
		int h = t->rows - 4 - y;
		if (h > 6)
			h = 6;
		if (h < 1)
			h = 1;
		for (int r = 0; r < h; r++)
			tui_fill(t, y + r, 4, w - 2, UI_COLOR_FIELD);
		edit_draw(t, &q->text, y, 4, h, w - 2, q->on_text);
	}
	int cy = t->rows - 3;
	if (q->confirm_cancel)
		tui_text(t, cy, 1, t->cols - 2, UI_COLOR_ERROR, A_BOLD,
		         _("Discard this draft? y discards it; any other key goes back to it."));
	else if (q->err[0])
		tui_text(t, cy, 1, t->cols - 2, UI_COLOR_ERROR, A_BOLD, q->err);
	tui_status(t, tui_screens(t, v));
}

static int save(struct tui *t, struct ask_view *q)
{
	q->err[0] = 0;
	const char *text = edit_text(&q->text);
	if (q->a.text_required && str_empty(text)) {
		snprintf(q->err, sizeof q->err, _("%s: please write it"), q->a.text_label);
		q->on_text = true;
		return TUI_REDRAW;
	}
	char msg[HF_ERRLEN] = "";
	int rc = q->a.done(t, q->a.data, q->nchoices ? q->choice : -1, text, msg, sizeof msg);
	if (rc != HF_OK) {
		str_copy(q->err, sizeof q->err, msg);
		return TUI_REDRAW;
	}
	tui_touch(t);
	tui_close(t, &q->base);
	if (msg[0])
		tui_message(t, UI_COLOR_NOTICE, "%s", msg);
	return TUI_REDRAW;
}

static int ask_key(struct tui *t, struct tui_view *v, tui_key k)
{
	struct ask_view *q = (struct ask_view *)v;
	if (q->confirm_cancel) {
		q->confirm_cancel = false;
		if (k == 'y' || k == 'Y')
			tui_close(t, v);
		return TUI_REDRAW;
	}
	if (q->on_text) {
		int f = edit_key(&q->text, k);
		if (!(f & TUI_UNHANDLED))
			return f;
	}
	enum tui_action a = keymap_action(tui_screens(t, v), k);
	switch (a) {
	case ACT_NEXT_FIELD:
	case ACT_PREV_FIELD:
		q->on_text = q->has_text && (!q->on_text || !q->nchoices);
		return TUI_REDRAW;
	case ACT_CHOICE_NEXT:
		q->choice = (q->choice + 1) % q->nchoices;
		return TUI_REDRAW;
	case ACT_CHOICE_PREV:
		q->choice = (q->choice + q->nchoices - 1) % q->nchoices;
		return TUI_REDRAW;
	case ACT_SAVE:
		return save(t, q);
	case ACT_CANCEL:
		if (q->text.changed)
			q->confirm_cancel = true;
		else
			tui_close(t, v);
		return TUI_REDRAW;
	default:
		break;
	}
	/* On the choice: a digit picks, Enter goes on to the text. */
	if (!q->on_text && k >= '1' && k <= '9' && k - '1' < q->nchoices) {
		q->choice = k - '1';
		return TUI_REDRAW;
	}
	if (!q->on_text && k == '\r') {
		if (!q->has_text)
			return save(t, q);
		q->on_text = true;
		return TUI_REDRAW;
	}
	return a == ACT_NONE ? TUI_REDRAW : TUI_UNHANDLED;
}

static void ask_free(struct tui_view *v)
{
	struct ask_view *q = (struct ask_view *)v;
	for (int i = 0; i < q->nchoices; i++)
		free(q->choices[i]);
	edit_free(&q->text);
	if (q->a.free)
		q->a.free(q->a.data);
	free(q);
}

const struct tui_view_ops ask_view_ops = {
	.name = N_("Form"),
	.screens = ask_screens,
	.draw = ask_draw,
	.key = ask_key,
	.free = ask_free,
};

struct tui_view *ask_view_new(struct tui *t, const struct ask *a, const char *const *choices,
                              int nchoices)
{
	(void)t;
	struct ask_view *q = xcalloc(1, sizeof *q);
	q->base.ops = &ask_view_ops;
	q->a = *a;
	str_copy(q->title, sizeof q->title, a->title);
	str_copy(q->about, sizeof q->about, a->about ? a->about : "");
	str_copy(q->choice_label, sizeof q->choice_label, a->choice_label ? a->choice_label : "");
	q->has_text = a->text_label != NULL || nchoices == 0;
	str_copy(q->text_label, sizeof q->text_label, a->text_label ? a->text_label : "");
	q->a.title = q->title;
	q->a.about = q->about;
	q->a.choice_label = q->choice_label;
	q->a.text_label = q->text_label;
	for (int i = 0; i < nchoices && i < ASK_MAX_CHOICES; i++)
		q->choices[q->nchoices++] = xstrdup(choices[i]);
	q->on_text = q->nchoices == 0;
	edit_init(&q->text, a->multiline, HF_NOTE_MAX);
	if (a->text)
		edit_set(&q->text, a->text);
	return &q->base;
}
