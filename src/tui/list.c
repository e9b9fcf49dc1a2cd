/* list.c — the one list widget: columns by display width, a selection, paging, marks. */
#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "huifang/tui-widgets.h"

void list_init(struct tui_list *l, const struct tui_column *cols, int ncols, tui_cell_fn cell,
               void *data)
{
	memset(l, 0, sizeof *l);
	l->cols = cols;
	l->ncols = ncols < TUI_LIST_MAX_COLS ? ncols : TUI_LIST_MAX_COLS;
	l->cell = cell;
	l->data = data;
	l->height = 10;
}

void list_set_count(struct tui_list *l, size_t n)
{
	l->n = n;
	if (l->sel >= n)
		l->sel = n ? n - 1 : 0;
	if (l->top >= n)
		l->top = 0;
}

void list_select(struct tui_list *l, size_t row)
{
	if (row < l->n)
		l->sel = row;
}

int list_act(struct tui_list *l, enum tui_action a)
{
	size_t page = l->height > 1 ? (size_t)l->height - 1 : 1;
	size_t last = l->n ? l->n - 1 : 0;
	/* A read-only list moves its window, not a selection. */
	size_t *pos = l->no_select ? &l->top : &l->sel;
	switch (a) {
	case ACT_DOWN:
		if (*pos < last)
			(*pos)++;
		break;
	case ACT_UP:
		if (*pos > 0)
			(*pos)--;
		break;
	case ACT_PAGE_DOWN:
		*pos = *pos + page > last ? last : *pos + page;
		break;
	case ACT_PAGE_UP:
		*pos = *pos > page ? *pos - page : 0;
		break;
	case ACT_FIRST:
		*pos = 0;
		break;
	case ACT_LAST:
		*pos = last;
		break;
	default:
		return TUI_UNHANDLED;
	}
	return TUI_REDRAW;
}

void list_widths(const struct tui_list *l, int w, int *out)
{
	int fixed = l->ncols > 0 ? l->ncols - 1 : 0, flex = 0, mins = 0;
	for (int c = 0; c < l->ncols; c++) {
		if (l->cols[c].width > 0)
			fixed += l->cols[c].width;
		else {
			flex++;
			mins += l->cols[c].min;
		}
	}
	int rest = w - fixed;
	int extra = rest > mins ? rest - mins : 0;
	int given = 0, k = 0;
	for (int c = 0; c < l->ncols; c++) {
		if (l->cols[c].width > 0) {
			out[c] = l->cols[c].width;
			continue;
		}
		k++;
		/* The extra space goes evenly; the last shared column takes the remainder. */
		int share = k == flex ? extra - given : extra / flex;
		given += share;
		out[c] = l->cols[c].min + share;
	}
}

void list_draw(struct tui *t, struct tui_list *l, int y, int x, int h, int w, bool heading)
{
	int widths[TUI_LIST_MAX_COLS];
	int ncols = l->ncols;
	list_widths(l, w, widths);
	if (heading && h > 0) {
		int cx = x;
		for (int c = 0; c < ncols && cx < x + w; c++) {
			int cw = widths[c] < x + w - cx ? widths[c] : x + w - cx;
			tui_field(t, y, cx, cw, UI_COLOR_TITLE, A_BOLD, l->cols[c].align, l->cols[c].title);
			cx += widths[c] + 1;
		}
		y++;
		h--;
	}
	if (h <= 0)
		return;
	l->height = h;
	/* Keep the selection in view, and the window full when the rows allow. */
	if (!l->no_select) {
		if (l->sel < l->top)
			l->top = l->sel;
		if (l->sel >= l->top + (size_t)h)
			l->top = l->sel - (size_t)h + 1;
	}
	if (l->top + (size_t)h > l->n)
		l->top = l->n > (size_t)h ? l->n - (size_t)h : 0;
	char buf[1024];
	for (int r = 0; r < h && l->top + (size_t)r < l->n; r++) {
		size_t row = l->top + (size_t)r;
		bool selected = !l->no_select && row == l->sel;
		if (selected)
			tui_fill(t, y + r, x, w, UI_COLOR_CURSOR);
		int cx = x;
		for (int c = 0; c < ncols && cx < x + w; c++) {
			int color = UI_COLOR_NORMAL;
			buf[0] = 0;
			l->cell(l->data, row, c, buf, sizeof buf, &color);
			int cw = widths[c] < x + w - cx ? widths[c] : x + w - cx;
			tui_field(t, y + r, cx, cw, selected ? UI_COLOR_CURSOR : color, 0, l->cols[c].align,
			          buf);
			cx += widths[c] + 1;
		}
	}
}

/* ---- marks ------------------------------------------------------------------------------ */

bool marks_has(const struct tui_marks *m, hf_id id)
{
	for (size_t i = 0; i < m->n; i++)
		if (m->id[i] == id)
			return true;
	return false;
}

static bool other_than(hf_id id, void *data)
{
	return id != *(const hf_id *)data;
}

void marks_toggle(struct tui_marks *m, hf_id id)
{
	if (marks_has(m, id)) {
		marks_keep(m, other_than, &id);
		return;
	}
	m->id = xrealloc(m->id, (m->n + 1) * sizeof *m->id);
	m->id[m->n++] = id;
}

void marks_keep(struct tui_marks *m, bool (*keep)(hf_id id, void *data), void *data)
{
	size_t k = 0;
	for (size_t i = 0; i < m->n; i++)
		if (keep(m->id[i], data))
			m->id[k++] = m->id[i];
	m->n = k;
}

void marks_free(struct tui_marks *m)
{
	free(m->id);
	m->id = NULL;
	m->n = 0;
}
