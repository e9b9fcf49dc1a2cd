/* tui-frame.h — the console frame: the view stack, handler flags, colours and text drawing.
 * The frame knows no screen: views (src/views/) stand on it, never the other way round. */
#ifndef HUIFANG_TUI_FRAME_H
#define HUIFANG_TUI_FRAME_H

#include <stdbool.h>
#include <stddef.h>

#include "huifang/config.h"
#include "huifang/service.h"
#include "huifang/tui-keymap.h"

/* What a handler asks of the frame. Handlers change state and return these; they never
 * draw. TUI_UNHANDLED: the view did not use the key (the frame passes its action to the
 * program's tui_app.action). TUI_REPAINT: repaint the whole terminal, not only what changed.
 * TUI_BUSY (from a tick): work is under way in steps; tick again as soon as the keys waiting
 * are read, instead of after the usual pause. */
enum tui_flag {
	TUI_NONE = 0,
	TUI_REDRAW = 1 << 0,
	TUI_RESIZE = 1 << 1,
	TUI_QUIT = 1 << 2,
	TUI_UNHANDLED = 1 << 3,
	TUI_REPAINT = 1 << 4,
	TUI_BUSY = 1 << 5,
};

/* The smallest terminal the console draws on; below it a plain "too small" screen. */
#define TUI_MIN_COLS 80
#define TUI_MIN_ROWS 24

struct tui;
struct tui_view;

/* One screen. A view is known by its ops (compare v->ops with the view's own ops), never by
 * its name. Every hook but draw and key may be NULL. */
struct tui_view_ops {
	const char *name;               /* msgid: the screen's title (e.g. on its `?` screen) */
	/* Screens the `?` screen lists for this view (0: those of `screens`). */
	unsigned help_screens;
	/* Keymap screens in effect now (e.g. the form's focused field adds SCR_NEXT). */
	unsigned (*screens)(struct tui *t, struct tui_view *v);
	/* Draw the whole screen from state (the frame erased it). */
	void (*draw)(struct tui *t, struct tui_view *v);
	/* A key press: change state, return tui_flag bits. */
	int (*key)(struct tui *t, struct tui_view *v, tui_key k);
	/* The input timeout passed (about 4 times a second); data_changed: another connection
	 * committed since the last tick. Returns tui_flag bits. */
	int (*tick)(struct tui *t, struct tui_view *v, bool data_changed);
	/* The idle lock engaged (locked true: release claims) or was lifted. */
	void (*lock)(struct tui *t, struct tui_view *v, bool locked);
	/* The view is leaving (the console quits or the view is closed): release what it holds. */
	void (*leave)(struct tui *t, struct tui_view *v);
	void (*free)(struct tui_view *v);
};

struct tui_view {
	const struct tui_view_ops *ops;
	struct tui_view *below;
	bool closing;                   /* tui_close() was called; freed after the handler */
};

/* What the program above the frame gives it: the first screens and the keys no screen took. */
struct tui_app {
	/* The terminal is ready: push the first screens (a status-line message may follow). */
	void (*start)(struct tui *t, void *data);
	/* An action the top view did not use (help, quit, redraw ...): returns tui_flag bits. */
	int (*action)(struct tui *t, struct tui_view *top, enum tui_action a);
	/* Each tick, before the views' (may be NULL): returns tui_flag bits. */
	int (*tick)(struct tui *t, bool data_changed);
};

/* The idle lock's state, the frame's own: the password typed so far is never drawn and is wiped
 * once checked or dropped. */
struct tui_lock {
	bool password;                  /* opened by the login's password (console.lock_password) */
	bool raw;                       /* the terminal sends Ctrl-C, Ctrl-Z ... as keys meanwhile */
	char login[HF_NAME_MAX];        /* whose password: the real user's login */
	char typed[256];
	size_t len;
	char note[HF_ERRLEN];           /* under the prompt: checking, wrong, or PAM's trouble */
	int note_color;
};

struct tui {
	struct hf_ctx *ctx;
	const struct tui_app *app;
	struct tui_view *top;
	int rows, cols;
	bool too_small, locked;
	struct tui_lock lock;
	bool color;                     /* colours in use (a colour terminal, no NO_COLOR) */
	int attr[UI_COLOR__COUNT];      /* curses attributes per colour role */
	char clinic[128];               /* meta "clinic", else cfg.clinic */
	const char *script_lang;        /* "zh_CN" or "en", from the locale */
	long long data_version;
	bool touched;                   /* this console wrote: see tui_touch */
	bool others_wrote;              /* another connection committed, not yet reloaded for */
	const char *scope_team;         /* what this console shows: a team's tasks, NULL: all */
	bool scope_desk;                /* ... and the escalations */
	long long scope_version;        /* store_scope_version of that scope when last read */
	long long desk_version;         /* ... and of the escalations alone (scope_desk) */
	bool desk_wrote;                /* another connection changed the escalations */
	/* During a tick: the escalations may have changed (this console wrote, or another
	 * connection changed them); a view of escalations reads them again only then. */
	bool desk_changed;
	double reloaded;                /* monotonic seconds of the last reload for others */
	/* A message for the status line, shown until the next key (color: a UI_COLOR_*). */
	char msg[512];
	int msg_color;
	/* A note every screen's header shows before its right text (e.g. open escalations), in
	 * badge_color; "" for none. The short form is shown when the long one would cut the left
	 * text. The program above the frame keeps them current. */
	char badge[128], badge_short[64];
	int badge_color;
	/* Where the terminal cursor goes after drawing (a text field being edited). */
	bool cursor_on;
	int cursor_y, cursor_x;
	int exit_status;
};

/* Can this terminal ($TERM) hold the console (known, and able to move the cursor)? Asked
 * before anything is opened; false with one line in err. */
bool tui_terminal_ok(char *err, size_t errlen);

/* Run the console on an opened context: keymap from the config, terminal set-up, app->start,
 * then keys and ticks until a handler returns TUI_QUIT or no view is left. The terminal is
 * restored on every path. Returns an exit status (err filled on failure). */
int tui_run(struct hf_ctx *ctx, const struct tui_app *app, void *data, char *err, size_t errlen);

/* ---- the view stack --------------------------------------------------------------------- */

/* Put v on top; it is drawn next. */
void tui_push(struct tui *t, struct tui_view *v);
/* Move v, already on the stack, to its top (a tab brought to the front). */
void tui_raise(struct tui *t, struct tui_view *v);
/* Mark v to be taken off the stack (its leave and free run after the current handler). */
void tui_close(struct tui *t, struct tui_view *v);
/* A message on the status line until the next key press; color is a UI_COLOR_*. */
void tui_message(struct tui *t, int color, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* The keymap screens v is on now (its ops->screens, else none). */
unsigned tui_screens(struct tui *t, struct tui_view *v);
/* This console wrote something: right after the current key every view's tick runs as if
 * another console had committed, so every screen shows it. */
void tui_touch(struct tui *t);
/* What this console shows, for reloading: another connection's commit reloads it only when
 * it changed team's tasks (NULL: any team's), a customer or a person, or with desk an
 * escalation. Every team's and the desk until set. team must outlive the console. */
void tui_scope(struct tui *t, const char *team, bool desk);
/* Refresh ctx->now from the clock (HUIFANG_NOW stays pinned). */
void tui_clock(struct tui *t);

/* ---- drawing (only from draw hooks) ----------------------------------------------------- */

/* Text at y, x clipped to w display columns; never cuts a character (a wide character that
 * does not fit becomes a space). Control characters and invalid UTF-8 are cleaned. Returns the
 * columns written. */
int tui_text(struct tui *t, int y, int x, int w, int color, int extra_attr, const char *s);
/* The same, padded with spaces to exactly w columns; align -1 left, 0 centre, 1 right. */
void tui_field(struct tui *t, int y, int x, int w, int color, int extra_attr, int align,
               const char *s);
/* Fill a row span with spaces in a colour. */
void tui_fill(struct tui *t, int y, int x, int w, int color);
/* A vertical line. */
void tui_vline(struct tui *t, int y, int x, int h, int color);
/* The top line (left text, right text) and the bottom status line: t->msg when set, else
 * the status-line labels of the given screens' actions. */
void tui_header(struct tui *t, const char *left, const char *right);
void tui_status(struct tui *t, unsigned screens);
/* Put the terminal cursor here after drawing (for a text field). */
void tui_cursor(struct tui *t, int y, int x);
int tui_attr(struct tui *t, int color);
/* Set up the colour roles from the config (frame only, after initscr). */
void tui_colors_init(struct tui *t);

/* Wrap s (UTF-8, may hold '\n') to lines of at most w display columns. Each line is a byte
 * range [start, end) of s; returns the number of lines and sets *lines (malloc'd). Breaks
 * at spaces when it can, else between characters; never inside one. */
struct tui_span { size_t start, end; };
size_t tui_wrap(const char *s, int w, bool at_spaces, struct tui_span **lines);
/* The same with the first line first_w wide and the others rest_w (a hanging indent). */
size_t tui_wrap_hanging(const char *s, int first_w, int rest_w, bool at_spaces,
                        struct tui_span **lines);

#endif
