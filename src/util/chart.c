/* chart.c — one bar of block characters: its length in eighths of a cell, and its text. */
#include "huifang/chart.h"

#include <langinfo.h>
#include <string.h>

int chart_eighths(double value, double max, int width)
{
	if (value <= 0 || max <= 0 || width <= 0)
		return 0;
	if (value > max)
		value = max;
	int e = (int)(value * width * 8 / max + 0.5);
	return e < 1 ? 1 : e;
}

/* U+2588 full block, then U+258F..U+2589: one to seven eighths. */
static const char *const eighth[8] = {
	"", "\xe2\x96\x8f", "\xe2\x96\x8e", "\xe2\x96\x8d", "\xe2\x96\x8c", "\xe2\x96\x8b",
	"\xe2\x96\x8a", "\xe2\x96\x89",
};
#define FULL_BLOCK "\xe2\x96\x88"

int chart_bar(double value, double max, int width, bool utf8, char *out, size_t size)
{
	int e = chart_eighths(value, max, width), cells = 0;
	size_t o = 0;
	if (size == 0)
		return 0;
	if (!utf8) {
		cells = e ? (e + 4) / 8 : 0;
		if (e && cells == 0)
			cells = 1;
		for (int i = 0; i < cells && o + 1 < size; i++)
			out[o++] = '#';
		out[o] = 0;
		return cells;
	}
	for (int i = 0; i < e / 8 && o + 3 <= size - 1; i++, cells++) {
		memcpy(out + o, FULL_BLOCK, 3);
		o += 3;
	}
	if (e % 8 && o + 3 <= size - 1) {
		memcpy(out + o, eighth[e % 8], 3);
		o += 3;
		cells++;
	}
	out[o] = 0;
	return cells;
}

bool chart_utf8(void)
{
	const char *cs = nl_langinfo(CODESET);
	return cs && (strcmp(cs, "UTF-8") == 0 || strcmp(cs, "utf8") == 0);
}
