/* draw.c — colours and text drawing measured in display columns; wrapping. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "huifang/str.h"
#include "huifang/tui-frame.h"
#include "huifang/utf8.h"

/* Without colour each role still reads: reverse for bars and the selection, bold for marks. */
static const int mono_attr[UI_COLOR__COUNT] = {
	[UI_COLOR_NORMAL] = A_NORMAL,     [UI_COLOR_HEADER] = A_REVERSE,
	[UI_COLOR_TAB] = A_REVERSE,       [UI_COLOR_TAB_ACTIVE] = A_BOLD,
	[UI_COLOR_CURSOR] = A_REVERSE,  [UI_COLOR_OVERDUE] = A_BOLD,
	[UI_COLOR_STATUS] = A_REVERSE,    [UI_COLOR_TITLE] = A_BOLD,
	[UI_COLOR_DIM] = A_DIM,           [UI_COLOR_URGENT] = A_REVERSE | A_BOLD,
	[UI_COLOR_HIGH] = A_BOLD,         [UI_COLOR_BREACHED] = A_REVERSE | A_BOLD,
	[UI_COLOR_ERROR] = A_BOLD,        [UI_COLOR_NOTICE] = A_BOLD,
	[UI_COLOR_FIELD] = A_UNDERLINE,   [UI_COLOR_CHART] = A_REVERSE,
};

/* A config colour number as a curses colour: bright ones on an 8-colour terminal become
 * their plain colour (and bold, for a foreground). */
static short curses_color(int n, bool fg, int *extra)
{
	if (n < 0)
		return -1;
	if (n >= 8 && COLORS < 16) {
		if (fg)
			*extra |= A_BOLD;
		n -= 8;
	}
	return (short)n;
}

void tui_colors_init(struct tui *t)
{
	const char *no_color = getenv("NO_COLOR");
	t->color = has_colors() && (!no_color || !*no_color);
	if (t->color && start_color() == ERR)
		t->color = false;
	if (t->color)
		use_default_colors();
	for (int role = 0; role < UI_COLOR__COUNT; role++) {
		if (!t->color) {
			t->attr[role] = mono_attr[role];
			continue;
		}
		int extra = 0;
		int fgn = config_color_number(t->ctx->cfg.ui_colors[role][0]);
		int bgn = config_color_number(t->ctx->cfg.ui_colors[role][1]);
		short fg = curses_color(fgn < -1 ? -1 : fgn, true, &extra);
		short bg = curses_color(bgn < -1 ? -1 : bgn, false, &extra);
		init_pair((short)(role + 1), fg, bg);
		t->attr[role] = (int)(COLOR_PAIR(role + 1) | (attr_t)extra);
	}
	/* The selection must show even when its colours equal the text's. */
	if (t->color && strcmp(t->ctx->cfg.ui_colors[UI_COLOR_CURSOR][0],
	                       t->ctx->cfg.ui_colors[UI_COLOR_CURSOR][1]) == 0)
		t->attr[UI_COLOR_CURSOR] |= A_REVERSE;
}

int tui_attr(struct tui *t, int color)
{
	if (color < 0 || color >= UI_COLOR__COUNT)
		color = UI_COLOR_NORMAL;
	return t->attr[color];
}

int tui_text(struct tui *t, int y, int x, int w, int color, int extra_attr, const char *s)
{
	if (w <= 0 || y < 0 || y >= t->rows || x < 0 || x >= t->cols)
		return 0;
	if (x + w > t->cols)
		w = t->cols - x;
	char *clean = utf8_clean(s, false);
	size_t size = strlen(clean) + 8;
	char *buf = xmalloc(size);
	int used = utf8_truncate(clean, w, false, buf, size);
	attrset((attr_t)tui_attr(t, color) | (attr_t)extra_attr);
	mvaddstr(y, x, buf);
	attrset(A_NORMAL);
	free(buf);
	free(clean);
	return used;
}

void tui_field(struct tui *t, int y, int x, int w, int color, int extra_attr, int align,
               const char *s)
{
	if (w <= 0 || y < 0 || y >= t->rows || x < 0 || x >= t->cols)
		return;
	if (x + w > t->cols)
		w = t->cols - x;
	char *clean = utf8_clean(s, false);
	size_t size = strlen(clean) + (size_t)w + 8;
	char *cut = xmalloc(size), *buf = xmalloc(size);
	/* A value longer than its column ends in "…" so the cut shows. */
	utf8_truncate(clean, w, true, cut, size);
	utf8_pad(cut, w, align, buf, size);
	attrset((attr_t)tui_attr(t, color) | (attr_t)extra_attr);
	mvaddstr(y, x, buf);
	attrset(A_NORMAL);
	free(buf);
	free(cut);
	free(clean);
}

void tui_fill(struct tui *t, int y, int x, int w, int color)
{
	if (y < 0 || y >= t->rows || x < 0 || x >= t->cols || w <= 0)
		return;
	if (x + w > t->cols)
		w = t->cols - x;
	attrset((attr_t)tui_attr(t, color));
	mvhline(y, x, ' ', w);
	attrset(A_NORMAL);
}

void tui_vline(struct tui *t, int y, int x, int h, int color)
{
	if (x < 0 || x >= t->cols || y < 0 || y >= t->rows || h <= 0)
		return;
	if (y + h > t->rows)
		h = t->rows - y;
	attrset((attr_t)tui_attr(t, color));
	mvvline(y, x, ACS_VLINE, h);
	attrset(A_NORMAL);
}

void tui_header(struct tui *t, const char *left, const char *right)
{
	tui_fill(t, 0, 0, t->cols, UI_COLOR_HEADER);
	int rw = right ? utf8_width(right) : 0;
	if (rw > t->cols - 2)
		rw = 0;
	/* The badge goes between the two, short when the long one does not fit, not at all when
	 * neither does: the left text says what the screen is. */
	int lw = t->cols - 2 - (rw ? rw + 2 : 0);
	const char *badge = t->badge;
	int bw = badge[0] ? utf8_width(badge) + 2 : 0;
	if (bw && utf8_width(left) + 1 + bw > lw && t->badge_short[0]) {
		badge = t->badge_short;
		bw = utf8_width(badge) + 2;
	}
	if (utf8_width(left) + 1 + bw > lw)
		bw = 0;
	tui_text(t, 0, 1, lw - bw - (bw ? 1 : 0), UI_COLOR_HEADER, A_BOLD, left);
	if (bw) {
		char b[sizeof t->badge + 4];
		snprintf(b, sizeof b, " %s ", badge);
		tui_text(t, 0, 1 + lw - bw, bw, t->badge_color, A_BOLD, b);
	}
	if (rw)
		tui_text(t, 0, t->cols - 1 - rw, rw, UI_COLOR_HEADER, 0, right);
}

void tui_status(struct tui *t, unsigned screens)
{
	int y = t->rows - 1;
	tui_fill(t, y, 0, t->cols, UI_COLOR_STATUS);
	if (t->msg[0]) {
		int color = t->msg_color == UI_COLOR_NORMAL ? UI_COLOR_STATUS : t->msg_color;
		tui_fill(t, y, 0, t->cols, color);
		tui_text(t, y, 1, t->cols - 2, color, A_BOLD, t->msg);
		return;
	}
	struct sbuf b;
	sbuf_init(&b);
	for (int a = 0; a < ACT__COUNT; a++) {
		const char *label = keymap_label((enum tui_action)a);
		unsigned s = keymap_screens((enum tui_action)a);
		if (!label || !(s & screens))
			continue;
		char key[32];
		keymap_first_key((enum tui_action)a, key, sizeof key);
		if (!key[0])
			continue;
		sbuf_printf(&b, "%s%s %s", b.len ? "  " : "", key, label);
	}
	tui_text(t, y, 1, t->cols - 2, UI_COLOR_STATUS, 0, b.s ? b.s : "");
	sbuf_free(&b);
}

void tui_cursor(struct tui *t, int y, int x)
{
	if (y < 0 || y >= t->rows || x < 0 || x >= t->cols)
		return;
	t->cursor_on = true;
	t->cursor_y = y;
	t->cursor_x = x;
}

static bool no_line_start(unsigned cp)
{
	static const unsigned marks[] = {0xFF0C, 0x3002, 0x3001, 0xFF1B, 0xFF1A, 0xFF1F, 0xFF01,
	                                 0xFF09, 0x300B, 0x300D, 0x300F, 0x3011, 0x2026, 0x201D,
	                                 0x2019, 0xFF0E};
	for (size_t i = 0; i < sizeof marks / sizeof marks[0]; i++)
		if (cp == marks[i])
			return true;
	return false;
}

size_t tui_wrap(const char *s, int w, bool at_spaces, struct tui_span **lines)
{
	return tui_wrap_hanging(s, w, w, at_spaces, lines);
}

size_t tui_wrap_hanging(const char *s, int first_w, int rest_w, bool at_spaces,
                        struct tui_span **lines)
{
	size_t n = s ? strlen(s) : 0, count = 0, cap = 8;
	struct tui_span *v = xmalloc(cap * sizeof *v);
	size_t i = 0;
	for (;;) {
		int w = count == 0 ? first_w : rest_w;
		if (w < 1)
			w = 1;
		size_t start = i, brk = 0;
		bool have_brk = false, text = false;
		int col = 0;
		while (i < n && s[i] != '\n') {
			unsigned cp;
			size_t len = utf8_decode(s + i, n - i, &cp);
			int cw = utf8_cp_width(cp);
			if (col + cw > w && i > start) {
				/* Words break at a space; Chinese, which has none, between characters, but
				 * not so that a line starts with a closing mark (，。？！…). */
				if (at_spaces && have_brk && cw < 2) {
					i = brk;
				} else if (no_line_start(cp)) {
					size_t prev = utf8_prev(s, i);
					if (prev > start)
						i = prev;
				}
				break;
			}
			col += cw;
			i += len;
			if (cp == ' ' && at_spaces && text) {
				brk = i;
				have_brk = true;
			} else if (cp != ' ') {
				text = true;
			}
		}
		if (count == cap)
			v = xrealloc(v, (cap *= 2) * sizeof *v);
		v[count].start = start;
		v[count].end = i;
		count++;
		if (i >= n)
			break;
		if (s[i] == '\n') {
			i++;
			if (i >= n) {
				/* A trailing newline opens an empty last line (the editor's cursor goes there). */
				if (count == cap)
					v = xrealloc(v, (cap *= 2) * sizeof *v);
				v[count].start = v[count].end = i;
				count++;
				break;
			}
		}
	}
	*lines = v;
	return count;
}
