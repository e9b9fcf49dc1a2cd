/* tui-widgets.h — the widgets every screen shares: list, pager, text field. */
#ifndef HUIFANG_TUI_WIDGETS_H
#define HUIFANG_TUI_WIDGETS_H

#include "huifang/str.h"
#include "huifang/tui-frame.h"

/* ---- list: rows with columns, a selection, scrolling (queue, escalations, team, help) --- */

#define TUI_LIST_MAX_COLS 32

struct tui_column {
	const char *title;              /* translated, shown on the heading line */
	int width;                      /* fixed width; 0 = shares what is left */
	int min;                        /* a shared column's minimum */
	int align;                      /* -1 left, 1 right */
};

/* A cell's text and colour. The row is the list's row; col the column. *color starts as
 * UI_COLOR_NORMAL; set it to colour the cell (the selected row is drawn selected). */
typedef void (*tui_cell_fn)(void *data, size_t row, int col, char *buf, size_t size, int *color);

struct tui_list {
	const struct tui_column *cols;
	int ncols;
	tui_cell_fn cell;
	void *data;
	size_t n;                       /* rows */
	size_t sel;                     /* selected row (0 when empty) */
	size_t top;                     /* first row shown */
	int height;                     /* rows shown at the last draw (for paging) */
	bool no_select;                 /* a read-only list: moves scroll instead */
};

void list_init(struct tui_list *l, const struct tui_column *cols, int ncols, tui_cell_fn cell,
               void *data);
/* The row count changed: keep sel inside. */
void list_set_count(struct tui_list *l, size_t n);
void list_select(struct tui_list *l, size_t row);
/* Moves: ACT_DOWN/UP/PAGE_DOWN/PAGE_UP/FIRST/LAST. Returns TUI_REDRAW when the action is a
 * move (even at an end), else TUI_UNHANDLED. */
int list_act(struct tui_list *l, enum tui_action a);
/* Draw the heading line at y (when heading) and the rows below it, in h lines in all. */
void list_draw(struct tui *t, struct tui_list *l, int y, int x, int h, int w, bool heading);
/* The widths the columns get in w columns (one space between columns); out has ncols. */
void list_widths(const struct tui_list *l, int w, int *out);

/* ---- marks: the rows of a list marked to be acted on at once, by their record's id ------- */

struct tui_marks {
	hf_id *id;
	size_t n;
};

bool marks_has(const struct tui_marks *m, hf_id id);
/* Mark id, or unmark it when it is marked. */
void marks_toggle(struct tui_marks *m, hf_id id);
/* Keep only the marks that keep(id, data) accepts (the rows still listed). */
void marks_keep(struct tui_marks *m, bool (*keep)(hf_id id, void *data), void *data);
void marks_free(struct tui_marks *m);

/* ---- pager: styled lines wrapped to a pane, scrolled -------------------------------------- */

struct pager_line {
	char *text;                     /* UTF-8, cleaned when added */
	int color;                      /* UI_COLOR_* */
	int attr;                       /* extra curses attributes (bold) */
	int indent;                     /* continuation lines are indented this much */
};

struct tui_pager {
	struct pager_line *v;
	size_t n, cap;
	int top;                        /* first wrapped row shown */
	int rows;                       /* wrapped rows at the last draw */
	int height;                     /* rows shown at the last draw */
};

void pager_init(struct tui_pager *p);
void pager_clear(struct tui_pager *p);  /* drop the lines, keep the scroll position */
void pager_free(struct tui_pager *p);
void pager_add(struct tui_pager *p, int color, int attr, int indent, const char *text);
void pager_addf(struct tui_pager *p, int color, int attr, int indent, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));
/* Moves as list_act, plus scrolling by n lines (negative: up). */
int pager_act(struct tui_pager *p, enum tui_action a);
void pager_scroll(struct tui_pager *p, int n);
void pager_draw(struct tui *t, struct tui_pager *p, int y, int x, int h, int w);

/* ---- chart: a bar chart as pager lines ---------------------------------------------------- */

struct chart_row {
	const char *label;
	double value;
	const char *text;               /* the value as shown after the bar */
};
/* A title line, then one line a row: the label padded to the widest (at most 24 columns), a
 * bar of block characters ('#' without UTF-8) in which the largest value fills bar_w cells,
 * and the row's text. */
void chart_add(struct tui_pager *p, const char *title, const struct chart_row *rows, size_t n,
               int bar_w);

/* ---- edit: a text field, one line or many ------------------------------------------------- */

struct tui_edit {
	struct sbuf text;               /* UTF-8 */
	size_t cur;                     /* cursor, a byte offset at a character boundary */
	bool multiline;
	size_t max_bytes;
	int top;                        /* first wrapped row shown (multi-line) */
	int width;                      /* columns at the last draw (for Up/Down) */
	int want_col;                   /* column kept while moving up and down; -1 none */
	bool changed;
	bool full;                      /* the last key's text did not fit in max_bytes */
	/* Accept only these characters (NULL: any text). */
	const char *allowed;
};

void edit_init(struct tui_edit *e, bool multiline, size_t max_bytes);
void edit_free(struct tui_edit *e);
void edit_set(struct tui_edit *e, const char *s);     /* cursor to the end; not "changed" */
const char *edit_text(const struct tui_edit *e);
/* Editing keys: text, Backspace, Delete, Left, Right, Home, End, and in a multi-line field
 * Enter (a new line), Up and Down. Returns TUI_REDRAW when used, else TUI_UNHANDLED. */
int edit_key(struct tui_edit *e, tui_key k);
/* Draw in h rows of w columns; with focus the terminal cursor is placed at the cursor. */
void edit_draw(struct tui *t, struct tui_edit *e, int y, int x, int h, int w, bool focus);

#endif
