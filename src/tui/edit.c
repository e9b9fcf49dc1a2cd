/* edit.c — a text field: UTF-8 insert and delete by character, wrapping by display width. */
#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "huifang/tui-widgets.h"
#include "huifang/utf8.h"

void edit_init(struct tui_edit *e, bool multiline, size_t max_bytes)
{
	memset(e, 0, sizeof *e);
	sbuf_init(&e->text);
	sbuf_add(&e->text, "");
	e->multiline = multiline;
	e->max_bytes = max_bytes;
	e->want_col = -1;
	e->width = 40;
}

void edit_free(struct tui_edit *e)
{
	sbuf_free(&e->text);
}

void edit_set(struct tui_edit *e, const char *s)
{
	sbuf_reset(&e->text);
	sbuf_add(&e->text, s ? s : "");
	e->cur = e->text.len;
	e->want_col = -1;
}

const char *edit_text(const struct tui_edit *e)
{
	return e->text.s ? e->text.s : "";
}

static void insert(struct tui_edit *e, const char *bytes, size_t n)
{
	if (e->max_bytes && e->text.len + n > e->max_bytes) {
		e->full = true;
		return;
	}
	sbuf_addn(&e->text, bytes, n); /* grow, then move the tail up */
	memmove(e->text.s + e->cur + n, e->text.s + e->cur, e->text.len - n - e->cur);
	memcpy(e->text.s + e->cur, bytes, n);
	e->cur += n;
	e->changed = true;
}

static void erase_range(struct tui_edit *e, size_t from, size_t to)
{
	if (to <= from)
		return;
	memmove(e->text.s + from, e->text.s + to, e->text.len - to + 1);
	e->text.len -= to - from;
	e->cur = from;
	e->changed = true;
}

/* The wrapped rows the field shows (one column kept for the cursor at a row's end). */
static size_t rows_of(const struct tui_edit *e, int w, struct tui_span **sp)
{
	if (!e->multiline) {
		*sp = xmalloc(sizeof **sp);
		(*sp)[0].start = 0;
		(*sp)[0].end = e->text.len;
		return 1;
	}
	return tui_wrap(edit_text(e), w > 1 ? w - 1 : 1, true, sp);
}

/* The row holding the cursor: the last one starting at or before it. */
static size_t cursor_row(const struct tui_edit *e, const struct tui_span *sp, size_t n)
{
	size_t r = 0;
	for (size_t i = 0; i < n; i++)
		if (sp[i].start <= e->cur)
			r = i;
	return r;
}

static int width_between(const char *s, size_t from, size_t to)
{
	char *piece = xstrndup(s + from, to - from);
	int w = utf8_width(piece);
	free(piece);
	return w;
}

/* The byte offset in row r closest to column col (not past the row's end). */
static size_t offset_at(const char *s, struct tui_span r, int col)
{
	size_t i = r.start;
	int c = 0;
	while (i < r.end) {
		unsigned cp;
		size_t len = utf8_decode(s + i, r.end - i, &cp);
		int cw = utf8_cp_width(cp);
		if (c + cw > col)
			break;
		c += cw;
		i += len;
	}
	return i;
}

int edit_key(struct tui_edit *e, tui_key k)
{
	const char *s = edit_text(e);
	bool vertical = k == (TK_FN | KEY_UP) || k == (TK_FN | KEY_DOWN);
	if (!vertical)
		e->want_col = -1;
	e->full = false;
	if (tui_key_is_text(k)) {
		char buf[8];
		size_t n = utf8_encode((unsigned)k, buf);
		buf[n] = 0;
		if (e->allowed && !strstr(e->allowed, buf))
			return TUI_UNHANDLED;
		/* A typed or pasted control or bidirectional mark is not inserted: the service would
		 * refuse the text, and on screen it would recolour or reverse what follows. */
		if (utf8_find_control(buf, false, NULL) >= 0)
			return TUI_UNHANDLED;
		insert(e, buf, n);
		return TUI_REDRAW;
	}
	if (k == '\r' && e->multiline) {
		insert(e, "\n", 1);
		return TUI_REDRAW;
	}
	switch (k) {
	case TK_FN | KEY_BACKSPACE:
		erase_range(e, utf8_prev(s, e->cur), e->cur);
		return TUI_REDRAW;
	case TK_FN | KEY_DC:
		erase_range(e, e->cur, utf8_next(s, e->text.len, e->cur));
		return TUI_REDRAW;
	case TK_FN | KEY_LEFT:
		e->cur = utf8_prev(s, e->cur);
		return TUI_REDRAW;
	case TK_FN | KEY_RIGHT:
		e->cur = utf8_next(s, e->text.len, e->cur);
		return TUI_REDRAW;
	default:
		break;
	}
	bool home = k == (TK_FN | KEY_HOME) || k == 1;  /* C-a */
	bool end = k == (TK_FN | KEY_END) || k == 5;    /* C-e */
	if (!home && !end && !(vertical && e->multiline))
		return TUI_UNHANDLED;
	struct tui_span *sp;
	size_t n = rows_of(e, e->width, &sp);
	size_t r = cursor_row(e, sp, n);
	if (home) {
		e->cur = sp[r].start;
	} else if (end) {
		e->cur = sp[r].end;
	} else {
		if (e->want_col < 0)
			e->want_col = width_between(s, sp[r].start, e->cur);
		bool down = k == (TK_FN | KEY_DOWN);
		if (down && r + 1 < n)
			e->cur = offset_at(s, sp[r + 1], e->want_col);
		else if (!down && r > 0)
			e->cur = offset_at(s, sp[r - 1], e->want_col);
		else {
			free(sp);
			return TUI_UNHANDLED; /* at the edge: let the form move between fields */
		}
	}
	free(sp);
	return TUI_REDRAW;
}

void edit_draw(struct tui *t, struct tui_edit *e, int y, int x, int h, int w, bool focus)
{
	if (h <= 0 || w <= 0)
		return;
	e->width = w;
	const char *s = edit_text(e);
	int color = focus ? UI_COLOR_FIELD : UI_COLOR_NORMAL;
	for (int r = 0; r < h; r++)
		tui_fill(t, y + r, x, w, color);
	if (!e->multiline) {
		/* Scroll sideways so the cursor stays in view. */
		size_t from = 0;
		while (from < e->cur && width_between(s, from, e->cur) > w - 1)
			from = utf8_next(s, e->text.len, from);
		tui_text(t, y, x, w, color, 0, s + from);
		if (focus)
			tui_cursor(t, y, x + width_between(s, from, e->cur));
		return;
	}
	struct tui_span *sp;
	size_t n = rows_of(e, w, &sp);
	int r = (int)cursor_row(e, sp, n);
	if (r < e->top)
		e->top = r;
	if (r >= e->top + h)
		e->top = r - h + 1;
	if (e->top > (int)n - 1)
		e->top = 0;
	for (int i = 0; i < h && e->top + i < (int)n; i++) {
		struct tui_span row = sp[e->top + i];
		char *piece = xstrndup(s + row.start, row.end - row.start);
		tui_text(t, y + i, x, w, color, 0, piece);
		free(piece);
	}
	if (focus)
		tui_cursor(t, y + r - e->top, x + width_between(s, sp[r].start, e->cur));
	free(sp);
}
