/* frame.c — the console's loop: terminal set-up and restore, keys, ticks, resize, idle lock.
 * It knows views only through their ops; the program above it (src/views/console.c) gives it
 * the first screens and the meaning of the keys no screen uses. */
#include <curses.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "huifang/date.h"
#include "huifang/i18n.h"
#include "huifang/str.h"
#include "huifang/tui-frame.h"
#include "huifang/utf8.h"

/* The input timeout: how often live changes and claim renewals are looked at. */
#define TICK_MS 250
/* Others' changes are reloaded for at most this often. */
#define RELOAD_EVERY_S 1.0

static SCREEN *screen;
static bool curses_on;
static volatile sig_atomic_t got_signal;

static void on_signal(int sig)
{
	got_signal = sig;
}

/* Clear before leaving so no customer data stays on the screen or in scrollback; also the
 * fatal hook, so die() leaves a working terminal. */
static void restore_terminal(void)
{
	if (!curses_on)
		return;
	curses_on = false;
	curs_set(1);
	erase();
	refresh();
	endwin();
}

static double mono(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* ---- the view stack --------------------------------------------------------------------- */

void tui_push(struct tui *t, struct tui_view *v)
{
	if (!v)
		return;
	v->below = t->top;
	v->closing = false;
	t->top = v;
}

void tui_raise(struct tui *t, struct tui_view *v)
{
	for (struct tui_view **link = &t->top; *link; link = &(*link)->below)
		if (*link == v) {
			*link = v->below;
			tui_push(t, v);
			return;
		}
}

void tui_close(struct tui *t, struct tui_view *v)
{
	(void)t;
	v->closing = true;
}

static void drop(struct tui *t, struct tui_view *v)
{
	if (v->ops->leave)
		v->ops->leave(t, v);
	v->ops->free(v);
}

/* Take the views marked closing off the stack, wherever they are in it. */
static void reap(struct tui *t)
{
	struct tui_view **link = &t->top;
	while (*link) {
		struct tui_view *v = *link;
		if (v->closing) {
			*link = v->below;
			drop(t, v);
		} else {
			link = &v->below;
		}
	}
}

void tui_message(struct tui *t, int color, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(t->msg, sizeof t->msg, fmt, ap);
	va_end(ap);
	t->msg_color = color;
}

void tui_touch(struct tui *t)
{
	t->touched = true;
}

void tui_scope(struct tui *t, const char *team, bool desk)
{
	t->scope_team = team;
	t->scope_desk = desk;
	t->scope_version = store_scope_version(t->ctx->st, team, desk);
	t->desk_version = desk ? store_desk_version(t->ctx->st) : -1;
}

void tui_clock(struct tui *t)
{
	char err[HF_ERRLEN];
	hf_stamp now;
	if (clock_now(&now, err, sizeof err))
		t->ctx->now = now;
}

unsigned tui_screens(struct tui *t, struct tui_view *v)
{
	return v->ops->screens ? v->ops->screens(t, v) : 0;
}

/* ---- drawing ---------------------------------------------------------------------------- */

static void draw_too_small(struct tui *t)
{
	char a[160], b[200];
	snprintf(a, sizeof a, _("The terminal is too small: %d×%d."), t->cols, t->rows);
	snprintf(b, sizeof b, _("huifang needs at least %d×%d. Enlarge the window, or press Ctrl-C to quit."),
	         TUI_MIN_COLS, TUI_MIN_ROWS);
	/* Plain text, wrapped to whatever is there. */
	int y = 0;
	const char *lines[] = {a, b};
	for (int i = 0; i < 2 && y < t->rows; i++) {
		struct tui_span *sp;
		size_t n = tui_wrap(lines[i], t->cols, true, &sp);
		for (size_t k = 0; k < n && y < t->rows; k++, y++) {
			char *piece = xstrndup(lines[i] + sp[k].start, sp[k].end - sp[k].start);
			tui_text(t, y, 0, t->cols, UI_COLOR_NORMAL, 0, piece);
			free(piece);
		}
		free(sp);
	}
}

/* Nothing of the screen below: what locked it, what opens it, and the note under that — each
 * wrapped to a centred column. Never the password, not even its length. */
static void draw_locked(struct tui *t)
{
	const struct tui_lock *l = &t->lock;
	char a[300], b[300];
	int n = t->ctx->cfg.idle_lock_minutes;
	if (l->password) {
		snprintf(a, sizeof a,
		         ngettext("Locked after %d minute without a key.",
		                  "Locked after %d minutes without a key.", (unsigned long)n),
		         n);
		snprintf(b, sizeof b, _("Type the password of %s, then Enter."), l->login);
	} else {
		snprintf(a, sizeof a,
		         ngettext("Locked after %d minute without a key. Press any key to go on.",
		                  "Locked after %d minutes without a key. Press any key to go on.",
		                  (unsigned long)n),
		         n);
		b[0] = 0;
	}
	const struct { const char *text; int color; } parts[] = {
		{a, UI_COLOR_DIM}, {b, UI_COLOR_NORMAL}, {l->note, l->note_color},
	};
	int w = t->cols - 4 < 72 ? t->cols - 4 : 72;
	struct tui_span *sp[3];
	size_t nl[3], total = 0;
	for (int i = 0; i < 3; i++) {
		nl[i] = tui_wrap(parts[i].text, w, true, &sp[i]);
		total += nl[i] + (i > 0 && nl[i] > 0); /* a blank line before the prompt and the note */
	}
	int y = t->rows / 2 - (int)total / 2;
	for (int i = 0; i < 3; i++) {
		if (i > 0 && nl[i] > 0)
			y++;
		for (size_t k = 0; k < nl[i]; k++, y++) {
			char *piece = xstrndup(parts[i].text + sp[i][k].start, sp[i][k].end - sp[i][k].start);
			int pw = utf8_width(piece);
			if (y >= 0 && y < t->rows)
				tui_text(t, y, pw < t->cols ? (t->cols - pw) / 2 : 0, t->cols, parts[i].color, 0,
				         piece);
			free(piece);
		}
		free(sp[i]);
	}
}

static void draw(struct tui *t)
{
	t->cursor_on = false;
	erase();
	if (t->too_small)
		draw_too_small(t);
	else if (t->locked)
		draw_locked(t);
	else if (t->top)
		t->top->ops->draw(t, t->top);
	if (t->cursor_on && !t->too_small && !t->locked) {
		curs_set(1);
		move(t->cursor_y, t->cursor_x);
	} else {
		curs_set(0);
	}
	refresh();
}

/* ---- input ------------------------------------------------------------------------------ */

enum { IN_NONE, IN_KEY, IN_RESIZE, IN_HANGUP };

/* curses reports a timeout and a terminal that has gone (end of file, EIO) alike, as ERR.
 * The terminal is gone when its input hangs up, or when it reads as ready yet yields nothing
 * twice running (once can be a key that came just after the timeout). */
static bool input_gone(void)
{
	static int empty_reads;
	struct pollfd p = {.fd = fileno(stdin), .events = POLLIN};
	if (poll(&p, 1, 0) < 0)
		return false;
	if (p.revents & (POLLHUP | POLLERR | POLLNVAL))
		return true;
	if (!(p.revents & POLLIN)) {
		empty_reads = 0;
		return false;
	}
	return ++empty_reads >= 2;
}

static int read_key(tui_key *out)
{
	wint_t ch;
	int r = get_wch(&ch);
	if (r == ERR)
		return input_gone() ? IN_HANGUP : IN_NONE;
	if (r == KEY_CODE_YES) {
		if (ch == KEY_RESIZE)
			return IN_RESIZE;
		*out = ch == KEY_ENTER ? '\r' : (tui_key)(TK_FN | (int)ch);
		return IN_KEY;
	}
	if (ch == '\n' || ch == '\r') {
		*out = '\r';
	} else if (ch == 127 || ch == 8) {
		*out = TK_FN | KEY_BACKSPACE;
	} else if (ch == 27) {
		/* Esc and a character at once is Alt plus the character. */
		wint_t c2;
		timeout(0);
		int r2 = get_wch(&c2);
		timeout(TICK_MS);
		if (r2 == OK && c2 > 0x20 && c2 < 0x7f) {
			*out = TK_META | (tui_key)c2;
		} else {
			if (r2 == OK)
				unget_wch((wchar_t)c2);
			else if (r2 == KEY_CODE_YES)
				ungetch((int)c2);
			*out = 27;
		}
	} else {
		*out = (tui_key)ch;
	}
	return IN_KEY;
}

static int dispatch(struct tui *t, tui_key k)
{
	struct tui_view *v = t->top;
	/* Esc typed quickly before a key arrives as Alt-key; unbound, it is the two keys. */
	if ((k & TK_META) && keymap_action(tui_screens(t, v), k) == ACT_NONE) {
		int flags = dispatch(t, 27);
		reap(t);
		return t->top ? flags | dispatch(t, k & ~TK_META) : flags;
	}
	int flags = v->ops->key(t, v, k);
	if (!(flags & TUI_UNHANDLED))
		return flags;
	flags &= ~TUI_UNHANDLED;
	enum tui_action a = keymap_action(tui_screens(t, v), k);
	if (a != ACT_NONE && t->app->action)
		flags |= t->app->action(t, v, a) & ~TUI_UNHANDLED;
	return flags;
}

static int tick(struct tui *t)
{
	tui_clock(t);
	/* Its own writes show at once; others' at most once a second, however often the chain
	 * commits, so that a busy chain does not make every console reload several times a
	 * second. */
	long long dv = store_data_version(t->ctx->st);
	if (dv != t->data_version) {
		/* Another connection committed: a reload only when it changed this console's scope
		 * (a few counters read, not the queue); unreadable counters reload all the same. */
		long long sv = store_scope_version(t->ctx->st, t->scope_team, t->scope_desk);
		if (sv < 0 || sv != t->scope_version)
			t->others_wrote = true;
		t->scope_version = sv;
		/* The desk's own counter too: a task logged anywhere moves a supervisor's scope, but
		 * only an escalation's change makes the desk read again (a customer's new name shows
		 * in their list, which reads them again each minute). */
		if (t->scope_desk) {
			long long ev = store_desk_version(t->ctx->st);
			if (ev < 0 || ev != t->desk_version)
				t->desk_wrote = true;
			t->desk_version = ev;
		}
	}
	t->data_version = dv;
	double now = mono();
	bool changed = t->touched || (t->others_wrote && now - t->reloaded >= RELOAD_EVERY_S);
	t->desk_changed = changed && (!t->scope_desk || t->touched || t->desk_wrote);
	if (changed) { /* a reload shows everyone's changes so far */
		t->others_wrote = false;
		t->desk_wrote = false;
		t->reloaded = now;
	}
	t->touched = false;
	int flags = t->app->tick ? t->app->tick(t, changed) : 0;
	for (struct tui_view *v = t->top; v; v = v->below)
		if (v->ops->tick)
			flags |= v->ops->tick(t, v, changed);
	reap(t);
	return flags;
}

/* ---- the idle lock ------------------------------------------------------------------------ */

static void forget_typed(struct tui_lock *l)
{
	explicit_bzero(l->typed, sizeof l->typed);
	l->len = 0;
}

/* Engage or lift the lock: the views release or take back their claims. Locked behind a
 * password, the terminal passes Ctrl-C, Ctrl-\ and Ctrl-Z as keys, so that nobody leaves the
 * lock for the operator's shell; a signal from outside (kill, a hang-up) still ends it. */
static void set_lock(struct tui *t, bool locked)
{
	struct tui_lock *l = &t->lock;
	t->locked = locked;
	forget_typed(l);
	l->note[0] = 0;
	l->password = locked && t->ctx->cfg.lock_password;
	if (l->password) {
		char err[HF_ERRLEN];
		if (!svc_real_login(l->login, sizeof l->login, err, sizeof err)) {
			str_copy(l->note, sizeof l->note, err);
			l->note_color = UI_COLOR_ERROR;
		}
		raw();
		l->raw = true;
	} else if (l->raw) {
		noraw();
		cbreak();
		l->raw = false;
	}
	for (struct tui_view *v = t->top; v; v = v->below)
		if (v->ops->lock)
			v->ops->lock(t, v, locked);
}

/* A key on the locked screen: true when it opens the lock. Behind a password, keys build the
 * password (Backspace takes back a character, Esc or Ctrl-U starts again) and Enter has PAM
 * check it; the screen says it is checking while PAM takes its time. */
static bool lock_key(struct tui *t, tui_key k)
{
	struct tui_lock *l = &t->lock;
	if (!l->password)
		return true;
	if (k == '\r') {
		char err[HF_ERRLEN];
		str_copy(l->note, sizeof l->note, _("Checking the password…"));
		l->note_color = UI_COLOR_DIM;
		draw(t);
		enum svc_password r = svc_check_password(l->typed, err, sizeof err);
		forget_typed(l);
		if (r == SVC_PASSWORD_OK)
			return true;
		str_copy(l->note, sizeof l->note, err);
		l->note_color = UI_COLOR_ERROR;
		flushinp(); /* what was typed during the wait is not the next try */
		return false;
	}
	if (k == (TK_FN | KEY_BACKSPACE)) {
		l->len = utf8_prev(l->typed, l->len);
		explicit_bzero(l->typed + l->len, sizeof l->typed - l->len);
		return false;
	}
	if (k == 27 || k == 21 /* Ctrl-U */ || (k & TK_META)) {
		forget_typed(l);
		k &= ~TK_META;
		if (k == 27 || k == 21)
			return false;
	}
	if (k < 0x20 || k == 0x7f || (k & TK_FN) || (k >= 0x80 && k < 0xa0))
		return false;
	char buf[8];
	size_t n = utf8_encode((unsigned)k, buf);
	if (l->len + n < sizeof l->typed) {
		memcpy(l->typed + l->len, buf, n);
		l->len += n;
	}
	explicit_bzero(buf, sizeof buf);
	return false;
}

static void run(struct tui *t)
{
	int flags = TUI_RESIZE;
	double last_key = mono(), last_tick = last_key;
	int idle = t->ctx->cfg.idle_lock_minutes;
	bool busy = false;
	while (t->top && !(flags & TUI_QUIT)) {
		if (got_signal) {
			t->exit_status = 128 + got_signal;
			break;
		}
		if (flags & TUI_RESIZE) {
			getmaxyx(stdscr, t->rows, t->cols);
			t->too_small = t->cols < TUI_MIN_COLS || t->rows < TUI_MIN_ROWS;
			flags |= TUI_REDRAW;
		}
		if (flags & TUI_REPAINT) {
			clearok(curscr, TRUE);
			flags |= TUI_REDRAW;
		}
		if (flags & TUI_REDRAW)
			draw(t);
		flags = 0;
		tui_key k = TK_NONE;
		timeout(busy ? 0 : TICK_MS);
		switch (read_key(&k)) {
		case IN_RESIZE:
			flags |= TUI_RESIZE;
			break;
		case IN_HANGUP:
			/* As on SIGHUP: leave at once; closing the views releases the claims. */
			t->exit_status = 128 + SIGHUP;
			return;
		case IN_KEY:
			last_key = mono();
			flags |= TUI_REDRAW;
			if (t->locked) {
				if (lock_key(t, k))
					set_lock(t, false);
			} else if (t->too_small) {
				/* Nothing to act on blind; the screen only says what is needed. */
			} else {
				t->msg[0] = 0;
				flags |= dispatch(t, k);
				reap(t);
				if (t->touched)
					flags |= tick(t) | TUI_REDRAW;
			}
			break;
		default:
			break;
		}
		double now = mono();
		if (busy || now - last_tick >= TICK_MS / 1000.0) {
			last_tick = now;
			flags |= tick(t);
			busy = flags & TUI_BUSY;
			flags &= ~TUI_BUSY;
			if (idle > 0 && !t->locked && now - last_key >= idle * 60.0) {
				set_lock(t, true);
				flags |= TUI_REDRAW;
			}
		}
	}
}

/* ---- entry ------------------------------------------------------------------------------ */

int tui_run(struct hf_ctx *ctx, const struct tui_app *app, void *data, char *err, size_t errlen)
{
	if (!keymap_load(&ctx->cfg, err, errlen))
		return HF_EUSAGE;
	struct tui *t = xcalloc(1, sizeof *t);
	t->ctx = ctx;
	t->app = app;
	t->data_version = store_data_version(ctx->st);
	tui_scope(t, NULL, true);

	struct sigaction sa, old_int, old_term, old_hup;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, &old_int);
	sigaction(SIGTERM, &sa, &old_term);
	sigaction(SIGHUP, &sa, &old_hup);

	screen = newterm(NULL, stdout, stdin);
	if (!screen) {
		const char *term = getenv("TERM");
		errf(err, errlen, _("cannot use this terminal (TERM=%s)"), term ? term : "");
		sigaction(SIGINT, &old_int, NULL);
		sigaction(SIGTERM, &old_term, NULL);
		sigaction(SIGHUP, &old_hup, NULL);
		free(t);
		return HF_EUSAGE;
	}
	set_term(screen);
	curses_on = true;
	set_fatal_hook(restore_terminal);
	cbreak();
	noecho();
	nonl();
	intrflush(stdscr, FALSE);
	keypad(stdscr, TRUE);
	set_escdelay(100);
	timeout(TICK_MS);
	curs_set(0);
	tui_colors_init(t);

	app->start(t, data);
	run(t);

	while (t->top) {
		struct tui_view *v = t->top;
		t->top = v->below;
		drop(t, v);
	}
	restore_terminal();
	set_fatal_hook(NULL);
	delscreen(screen);
	screen = NULL;
	sigaction(SIGINT, &old_int, NULL);
	sigaction(SIGTERM, &old_term, NULL);
	sigaction(SIGHUP, &old_hup, NULL);
	int status = t->exit_status;
	forget_typed(&t->lock);
	free(t);
	return status;
}
