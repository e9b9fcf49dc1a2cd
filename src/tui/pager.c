/* pager.c — styled lines wrapped to a pane by display width, scrolled by rows. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "huifang/tui-widgets.h"
#include "huifang/utf8.h"

void pager_init(struct tui_pager *p)
{
	memset(p, 0, sizeof *p);
	p->height = 10;
}

void pager_clear(struct tui_pager *p)
{
	for (size_t i = 0; i < p->n; i++)
		free(p->v[i].text);
	p->n = 0;
}

void pager_free(struct tui_pager *p)
{
	pager_clear(p);
	free(p->v);
	p->v = NULL;
	p->cap = 0;
}

void pager_add(struct tui_pager *p, int color, int attr, int indent, const char *text)
{
	p->v = xgrow(p->v, p->n, &p->cap, sizeof *p->v);
	struct pager_line *l = &p->v[p->n++];
	l->text = utf8_clean(text, true);
	l->color = color;
	l->attr = attr;
	l->indent = indent;
}

void pager_addf(struct tui_pager *p, int color, int attr, int indent, const char *fmt, ...)
{
	struct sbuf b;
	sbuf_init(&b);
	va_list ap;
	va_start(ap, fmt);
	sbuf_vprintf(&b, fmt, ap);
	va_end(ap);
	pager_add(p, color, attr, indent, b.s ? b.s : "");
	sbuf_free(&b);
}

void pager_scroll(struct tui_pager *p, int n)
{
	p->top += n;
	if (p->top < 0)
		p->top = 0;
}

int pager_act(struct tui_pager *p, enum tui_action a)
{
	int page = p->height > 1 ? p->height - 1 : 1;
	switch (a) {
	case ACT_DOWN: pager_scroll(p, 1); break;
	case ACT_UP: pager_scroll(p, -1); break;
	case ACT_PAGE_DOWN: pager_scroll(p, page); break;
	case ACT_PAGE_UP: pager_scroll(p, -page); break;
	case ACT_FIRST: p->top = 0; break;
	/* Clamped to the last page when drawn. */
	case ACT_LAST: p->top = p->rows > 0 ? p->rows : 1 << 20; break;
	default: return TUI_UNHANDLED;
	}
	return TUI_REDRAW;
}

/* A hanging indent wider than half the pane shrinks to 2, so a continuation still reads as
 * one (at column 0 it would look like a line of its own). */
static int hang(int indent, int w)
{
	if (indent < w / 2)
		return indent;
	return w > 8 && indent > 2 ? 2 : 0;
}

void pager_draw(struct tui *t, struct tui_pager *p, int y, int x, int h, int w)
{
	if (h <= 0 || w <= 0)
		return;
	p->height = h;
	/* Count the wrapped rows first, to keep the window inside them. */
	int total = 0;
	for (size_t i = 0; i < p->n; i++) {
		int indent = hang(p->v[i].indent, w);
		struct tui_span *sp;
		total += (int)tui_wrap_hanging(p->v[i].text, w, w - indent, true, &sp);
		free(sp);
	}
	p->rows = total;
	if (p->top > total - h)
		p->top = total - h;
	if (p->top < 0)
		p->top = 0;
	int row = 0;
	for (size_t i = 0; i < p->n && row < p->top + h; i++) {
		const struct pager_line *l = &p->v[i];
		int indent = hang(l->indent, w);
		struct tui_span *sp;
		size_t ns = tui_wrap_hanging(l->text, w, w - indent, true, &sp);
		for (size_t k = 0; k < ns; k++, row++) {
			if (row < p->top || row >= p->top + h)
				continue;
			size_t len = sp[k].end - sp[k].start;
			char *piece = xstrndup(l->text + sp[k].start, len);
			int cx = k ? x + indent : x;
			tui_text(t, y + row - p->top, cx, w - (cx - x), l->color, l->attr, piece);
			free(piece);
		}
		free(sp);
	}
}
