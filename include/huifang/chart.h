/* chart.h — bars of block characters for the reports' charts: the arithmetic and the text of
 * one bar, shared by `huifang report` and the console's chart widget. */
#ifndef HUIFANG_CHART_H
#define HUIFANG_CHART_H

#include <stdbool.h>
#include <stddef.h>

/* How long a bar for value is when max fills width cells: in eighths of a cell, rounded to
 * the nearest, at least one eighth for a value above 0 (a count is never drawn as none).
 * 0 when value, max or width is 0 or less; never more than width * 8. */
int chart_eighths(double value, double max, int width);
/* The bar as text into out: full blocks (U+2588) and one of ▏▎▍▌▋▊▉ for the fractional end;
 * without utf8, '#' per cell rounded to the nearest (at least one for a value above 0).
 * Returns the cells the bar takes. */
int chart_bar(double value, double max, int width, bool utf8, char *out, size_t size);
/* Block characters can be shown: the locale's character set is UTF-8. */
bool chart_utf8(void);

#endif
