/* chart.c — a bar chart as lines of a pager: labels, bars of block characters, values. */
#include <stdlib.h>
#include <string.h>

#include "huifang/chart.h"
#include "huifang/tui-widgets.h"
#include "huifang/utf8.h"

void chart_add(struct tui_pager *p, const char *title, const struct chart_row *rows, size_t n,
               int bar_w)
{
	double max = 0;
	int label_w = 0;
	for (size_t i = 0; i < n; i++) {
		if (rows[i].value > max)
			max = rows[i].value;
		int w = utf8_width(rows[i].label);
		label_w = w > label_w ? w : label_w;
	}
	if (label_w > 24)
		label_w = 24;
	if (bar_w < 1)
		bar_w = 1;
	bool utf8 = chart_utf8();
	size_t bsize = (size_t)bar_w * 3 + 1, psize = (size_t)bar_w * 4 + 1;
	char *bar = xmalloc(bsize), *padded = xmalloc(psize), label[128];
	pager_add(p, UI_COLOR_TITLE, 0, 0, title);
	for (size_t i = 0; i < n; i++) {
		utf8_pad(rows[i].label, label_w, -1, label, sizeof label);
		chart_bar(rows[i].value, max, bar_w, utf8, bar, bsize);
		utf8_pad(bar, bar_w, -1, padded, psize);
		pager_addf(p, UI_COLOR_CHART, 0, 0, "  %s %s %s", label, padded, rows[i].text);
	}
	free(bar);
	free(padded);
}
