/* queue.c — the queue screen: today's tasks in the order of `huifang queue`, filters, a limit
 * (only the matching tasks) and search (jump to the next match). */
#include <ctype.h>
#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "huifang/columns.h"
#include "huifang/date.h"
#include "huifang/i18n.h"
#include "huifang/str.h"
#include "huifang/tui-views.h"
#include "huifang/utf8.h"

/* Filters on `f`, in the order they cycle. */
#define QUEUE_FILTERS(X) \
	X(F_DEFAULT, N_("mine and pool")) \
	X(F_MINE, N_("mine")) \
	X(F_TEAM, N_("team")) \
	X(F_ALL, N_("all teams")) \
	X(F_OVERDUE, N_("overdue"))
#define QF_ENUM_(id, label) id,
enum queue_filter_kind { QUEUE_FILTERS(QF_ENUM_) F__COUNT };
#undef QF_ENUM_
#define QF_LABEL_(id, label) label,
static const char *const filter_labels[] = {QUEUE_FILTERS(QF_LABEL_)};
#undef QF_LABEL_

/* The console's columns of the task model: at most every column of it. */
#define NCOLS_MAX 16

struct queue_view {
	struct tui_view base;
	struct tui *t;
	struct tui_list list;
	struct tui_column cols[NCOLS_MAX];
	int col[NCOLS_MAX];             /* the model's index of each column shown */
	int ncols;
	int widest[NCOLS_MAX];          /* the longest label of a column that grows to fit, or 0 */
	struct col_env env;
	struct hf_task *tasks;          /* as loaded for the scope, in queue order */
	size_t ntasks;
	/* What the tasks were read for, and the queue's revision then: while the filter is the
	 * same, a reload reads only the tasks changed since (store_queue_refresh). */
	struct queue_filter loaded;     /* its texts copied below: the viewer's may change */
	char loaded_login[HF_NAME_MAX], loaded_team[HF_NAME_MAX], loaded_segment[HF_NAME_MAX];
	long long since;
	size_t *rows;                   /* shown rows: indices into tasks */
	enum queue_filter_kind filter;
	/* Value: -1 every customer, -2 VIPs, else the index of a segment of the value rules. */
	int segment;
	hf_date day;
	int due, overdue, done_today;
	/* search and limit */
	enum { PROMPT_NONE, PROMPT_SEARCH, PROMPT_LIMIT } prompting;
	struct tui_edit prompt;
	char search[128];
	bool search_failed;             /* the prompt stays open on what matched nothing */
	char limit[128];
	/* The tasks below the one last opened, in the order shown then: `n` after saving goes on
	 * from there even when the saved task moved (a retry later today) or left the queue. */
	hf_id opened;
	hf_id *following;
	size_t nfollowing;
};

enum { SEGMENT_ANY = -1, SEGMENT_VIP = -2 };

static bool limit_matches(const struct hf_task *k, const char *q, bool reveal);
/* Supervisors see whole numbers; a search may match only what the user sees. */
static bool reveals(const struct queue_view *q) { return q->t->ctx->me.role >= ROLE_SUPERVISOR; }

static struct queue_view *find_queue(struct tui *t)
{
	for (struct tui_view *v = t->top; v; v = v->below)
		if (v->ops == &queue_view_ops)
			return (struct queue_view *)v;
	return NULL;
}

static const struct hf_task *row_task(const struct queue_view *q, size_t row)
{
	return row < q->list.n ? &q->tasks[q->rows[row]] : NULL;
}

/* The filter of the scope and value chosen, for the viewer and the day. */
static struct queue_filter filter_of(const struct queue_view *q, hf_date day)
{
	const struct hf_ctx *ctx = q->t->ctx;
	struct queue_filter f = {.scope = SCOPE_MINE_AND_POOL, .login = ctx->login, .team = ctx->me.team, .day = day};
	if (q->filter == F_MINE)
		f.scope = SCOPE_USER;
	else if (q->filter == F_TEAM)
		f.scope = SCOPE_TEAM;
	else if (q->filter == F_ALL)
		f.scope = SCOPE_ALL;
	if (q->segment >= 0)
		f.segment = ctx->cfg.value.segments[q->segment].code;
	return f;
}

static bool same_filter(const struct queue_filter *a, const struct queue_filter *b)
{
	return a->scope == b->scope && a->day == b->day && str_eq(a->login ? a->login : "", b->login) &&
	       str_eq(a->team ? a->team : "", b->team) && str_eq(a->segment ? a->segment : "", b->segment);
}

/* Read the queue: only what changed since the last read while the filter is the same (and the
 * last read succeeded), all of it otherwise. */
static void load(struct queue_view *q)
{
	struct hf_ctx *ctx = q->t->ctx;
	const struct hf_task *cur = row_task(q, q->list.sel);
	hf_id keep = cur ? cur->t.id : 0;
	size_t keep_row = q->list.sel;

	q->day = stamp_date(ctx->now);
	struct queue_filter f = filter_of(q, q->day);
	bool read;
	if (q->since >= 0 && same_filter(&f, &q->loaded)) {
		read = store_queue_refresh(ctx->st, &f, &q->since, &q->tasks, &q->ntasks);
	} else {
		free(q->tasks);
		q->tasks = NULL;
		q->ntasks = 0;
		q->since = store_queue_rev(ctx->st);
		read = q->since >= 0 && store_queue(ctx->st, &f, &q->tasks, &q->ntasks);
	}
	if (!read) {
		q->since = -1;      /* the next reload reads everything */
		tui_message(q->t, UI_COLOR_ERROR, "%s", store_errmsg(ctx->st));
	}
	q->loaded = f;
	str_copy(q->loaded_login, sizeof q->loaded_login, f.login ? f.login : "");
	str_copy(q->loaded_team, sizeof q->loaded_team, f.team ? f.team : "");
	str_copy(q->loaded_segment, sizeof q->loaded_segment, f.segment ? f.segment : "");
	q->loaded.login = q->loaded_login;
	q->loaded.team = q->loaded_team;
	q->loaded.segment = q->loaded_segment;
	free(q->rows);
	q->rows = xmalloc((q->ntasks ? q->ntasks : 1) * sizeof *q->rows);
	size_t n = 0;
	q->due = q->overdue = 0;
	for (size_t i = 0; i < q->ntasks; i++) {
		if (q->filter == F_OVERDUE && !q->tasks[i].overdue)
			continue;
		if (q->segment == SEGMENT_VIP && !q->tasks[i].vip)
			continue;
		if (q->limit[0] && !limit_matches(&q->tasks[i], q->limit, reveals(q)))
			continue;
		q->rows[n++] = i;
		if (q->tasks[i].overdue)
			q->overdue++;
		else
			q->due++;
	}
	q->done_today = store_tasks_finished_on(ctx->st, ctx->login, q->day);
	if (q->done_today < 0) {
		tui_message(q->t, UI_COLOR_ERROR, "%s", store_errmsg(ctx->st));
		q->done_today = 0;
	}
	list_set_count(&q->list, n);
	/* Keep the selection on the same task; when it is gone, on the same place. */
	size_t row = keep_row < n ? keep_row : (n ? n - 1 : 0);
	for (size_t i = 0; keep && i < n; i++)
		if (q->tasks[q->rows[i]].t.id == keep)
			row = i;
	list_select(&q->list, row);
}

/* Remember what follows the selected task before opening it (see queue_view.following). */
static void note_opened(struct queue_view *q)
{
	const struct hf_task *k = row_task(q, q->list.sel);
	q->opened = k ? k->t.id : 0;
	q->nfollowing = 0;
	free(q->following);
	q->following = NULL;
	if (!k)
		return;
	size_t n = q->list.n - q->list.sel - 1;
	q->following = xmalloc((n ? n : 1) * sizeof *q->following);
	for (size_t row = q->list.sel + 1; row < q->list.n; row++)
		q->following[q->nfollowing++] = row_task(q, row)->t.id;
}

static bool row_of(const struct queue_view *q, hf_id id, size_t *row)
{
	for (size_t i = 0; i < q->list.n; i++)
		if (row_task(q, i)->t.id == id)
			return *row = i, true;
	return false;
}

/* Someone else has the task open on a call screen. */
static bool held_by_other(const struct hf_ctx *ctx, const struct hf_task *k)
{
	return !str_empty(k->claimed_by) && !str_eq(k->claimed_by, ctx->login) &&
	       k->claimed_until != HF_NO_STAMP && k->claimed_until > ctx->now;
}

static void cell(void *data, size_t row, int col, char *buf, size_t size, int *color)
{
	struct queue_view *q = data;
	const struct hf_task *k = row_task(q, row);
	q->env.now = q->t->ctx->now;
	if (col_value(&col_tasks, q->col[col], k, &q->env, COL_SCREEN, buf, size))
		*color = UI_COLOR_OVERDUE;
}

/* ---- search ------------------------------------------------------------------------------ */

static bool all_digits(const char *s)
{
	if (!*s)
		return false;
	for (; *s; s++)
		if (!isdigit((unsigned char)*s))
			return false;
	return true;
}

static bool matches(const struct hf_task *k, const char *q, bool reveal)
{
	if (all_digits(q) && phone_tail_matches(k->phone, q, reveal))
		return true;
	return strcasestr(k->customer_name, q) != NULL;
}

/* A limit also keeps the tasks of a treatment or a kind of call (as shown, or its code). */
static bool limit_matches(const struct hf_task *k, const char *q, bool reveal)
{
	return matches(k, q, reveal) || strcasestr(k->treatment, q) ||
	       strcasestr(task_kind_label(k->t.kind), q) || str_eq(task_kind_code(k->t.kind), q);
}

/* Select the next row matching the search from the selection (dir 1 or -1); `from_here`
 * lets the selected row itself match. */
static bool search_move(struct queue_view *q, int dir, bool from_here)
{
	size_t n = q->list.n;
	if (!q->search[0] || n == 0)
		return false;
	size_t first = from_here ? 0 : 1;
	for (size_t step = first; step < n + first; step++) {
		size_t row = dir > 0 ? (q->list.sel + step) % n : (q->list.sel + n - step % n) % n;
		if (matches(row_task(q, row), q->search, reveals(q))) {
			list_select(&q->list, row);
			return true;
		}
	}
	return false;
}

static int search_result(struct queue_view *q, bool found)
{
	if (!found)
		tui_message(q->t, UI_COLOR_ERROR, _("no task matches \"%s\""), q->search);
	return TUI_REDRAW;
}

/* Enter on a search: jump to the first match and close the prompt. Nothing matching, the prompt
 * stays open on the term to mend it; Enter again then only closes it (the selection never moves
 * to a task the operator did not ask for). */
static int accept_search(struct queue_view *q)
{
	const char *typed = edit_text(&q->prompt);
	if (!typed[0] || (q->search_failed && str_eq(typed, q->search))) {
		q->prompting = PROMPT_NONE;
		q->search_failed = false;
		q->search[0] = 0;
		return TUI_REDRAW;
	}
	str_copy(q->search, sizeof q->search, typed);
	q->search_failed = !search_move(q, 1, true);
	if (!q->search_failed)
		q->prompting = PROMPT_NONE;
	return search_result(q, !q->search_failed);
}

static int accept_limit(struct queue_view *q)
{
	q->prompting = PROMPT_NONE;
	str_copy(q->limit, sizeof q->limit, edit_text(&q->prompt));
	q->search[0] = 0;   /* a search belongs to the rows it was made in */
	load(q);
	if (q->limit[0] && q->list.n == 0)
		tui_message(q->t, UI_COLOR_ERROR, _("no task matches \"%s\" (Esc shows every task)"),
		            q->limit);
	return TUI_REDRAW;
}

static int prompt_key(struct queue_view *q, tui_key k)
{
	int f = edit_key(&q->prompt, k);
	if (!(f & TUI_UNHANDLED))
		return f;
	switch (keymap_action(SCR_PROMPT, k)) {
	case ACT_ACCEPT:
		return q->prompting == PROMPT_LIMIT ? accept_limit(q) : accept_search(q);
	case ACT_CANCEL:
		q->prompting = PROMPT_NONE;
		if (q->search_failed)
			q->search[0] = 0;
		q->search_failed = false;
		return TUI_REDRAW;
	case ACT_HELP:
	case ACT_REDRAW:
		return TUI_UNHANDLED;  /* the frame's: F1 lists the prompt's keys */
	default:
		return TUI_REDRAW;  /* other keys do nothing while typing */
	}
}

/* ---- the view ---------------------------------------------------------------------------- */

/* The task model's console columns; "all teams" adds the team, where the model has it. */
static void pick_columns(struct queue_view *q)
{
	int all[NCOLS_MAX];
	int n = col_pick(&col_tasks, COL_IN_SCREEN, NULL, all), team = col_index(&col_tasks, "team");
	q->ncols = 0;
	for (int i = 0; i < col_tasks.ncols && q->ncols < NCOLS_MAX; i++) {
		bool shown = false;
		for (int j = 0; j < n; j++)
			shown = shown || all[j] == i;
		if (shown || (i == team && q->filter == F_ALL))
			q->col[q->ncols++] = i;
	}
	for (int c = 0; c < q->ncols; c++) {
		const struct col_def *d = &col_tasks.cols[q->col[c]];
		q->cols[c] = (struct tui_column){_(d->header), d->width, d->min, d->align};
		q->widest[c] = d->widest ? d->widest(&q->env) : 0;
	}
	q->list.ncols = q->ncols;
}

static unsigned queue_screens(struct tui *t, struct tui_view *v)
{
	return ((struct queue_view *)v)->prompting ? SCR_PROMPT : SCR_QUEUE | console_tab_screens(t);
}

static void draw_tabs(struct tui *t, struct queue_view *q, int y)
{
	char left[200];
	snprintf(left, sizeof left, "%s: %s", _("filter"), _(filter_labels[q->filter]));
	size_t l = strlen(left);
	if (q->limit[0]) {
		snprintf(left + l, sizeof left - l, "  %s: %s", _("limit"), q->limit);
		l = strlen(left);
	}
	if (q->segment != SEGMENT_ANY) {
		snprintf(left + l, sizeof left - l, "  %s: %s", _("value"),
		         q->segment == SEGMENT_VIP ? _("VIP") : t->ctx->cfg.value.segments[q->segment].name);
		l = strlen(left);
	}
	if (q->search[0] && !q->search_failed)
		snprintf(left + l, sizeof left - l, "  /%s", q->search);
	char counts[200];
	snprintf(counts, sizeof counts, _("due %d  overdue %d  done today %d"), q->due, q->overdue,
	         q->done_today);
	console_bar(t, y, &queue_view_ops, left, counts);
}

static void draw_origin(struct tui *t, struct queue_view *q, int y)
{
	const struct hf_task *k = row_task(q, q->list.sel);
	if (!k) {
		tui_text(t, y, 1, t->cols - 2, UI_COLOR_DIM, 0,
		         q->filter == F_DEFAULT && q->segment == SEGMENT_ANY ? _("Nothing to call today.") : _("Nothing in this filter."));
		return;
	}
	struct sbuf b;
	sbuf_init(&b);
	sbuf_printf(&b, "#%lld  ", (long long)k->t.id);
	rules_task_why(&t->ctx->cfg, &k->t, &b);
	if (held_by_other(t->ctx, k)) {
		char until[20];
		stamp_format(k->claimed_until, until);
		sbuf_printf(&b, "  · ");
		sbuf_printf(&b, _("being called by %s until %s"), k->claimed_by, until + 11);
	}
	tui_text(t, y, 1, t->cols - 2, UI_COLOR_DIM, 0, b.s);
	sbuf_free(&b);
}

/* The columns that grow to their longest label ("Call back later", "why they left") do so with
 * what the terminal has beyond every column's minimum and a little for the shared ones, the
 * rightmost first; at 80 columns some of those still end in "…". */
static void fit_columns(struct queue_view *q, int cols)
{
	int used = q->ncols - 1;
	for (int c = 0; c < q->ncols; c++) {
		q->cols[c].width = col_tasks.cols[q->col[c]].width;
		used += q->cols[c].width > 0 ? q->cols[c].width : q->cols[c].min;
	}
	int spare = cols - used - 3;    /* the shared columns keep a little over their minimums */
	for (int c = q->ncols - 1; c >= 0 && spare > 0; c--) {
		int grow = q->widest[c] - q->cols[c].width;
		if (grow > 0 && q->cols[c].width > 0) {
			grow = grow < spare ? grow : spare;
			q->cols[c].width += grow;
			spare -= grow;
		}
	}
}

static void queue_draw(struct tui *t, struct tui_view *v)
{
	struct queue_view *q = (struct queue_view *)v;
	fit_columns(q, t->cols);
	console_header(t);
	draw_tabs(t, q, 1);
	list_draw(t, &q->list, 2, 0, t->rows - 4, t->cols, true);
	if (q->prompting && t->msg[0]) {
		/* The prompt takes the status line: what it answered stands above it. */
		tui_fill(t, t->rows - 2, 0, t->cols, t->msg_color);
		tui_text(t, t->rows - 2, 1, t->cols - 2, t->msg_color, A_BOLD, t->msg);
	} else {
		draw_origin(t, q, t->rows - 2);
	}
	if (q->prompting) {
		if (q->prompting == PROMPT_LIMIT)
			console_prompt(t, &q->prompt, _("limit to (name, phone tail, treatment, kind):"), NULL);
		else
			console_prompt(t, &q->prompt, _("search (name or phone tail):"), "/");
	} else {
		tui_status(t, tui_screens(t, v));
	}
}

static int queue_key(struct tui *t, struct tui_view *v, tui_key k)
{
	struct queue_view *q = (struct queue_view *)v;
	if (q->prompting)
		return prompt_key(q, k);
	enum tui_action a = keymap_action(SCR_QUEUE, k);
	int f = list_act(&q->list, a);
	if (!(f & TUI_UNHANDLED))
		return f;
	switch (a) {
	case ACT_OPEN: {
		const struct hf_task *task = row_task(q, q->list.sel);
		if (!task)
			return TUI_REDRAW;
		note_opened(q);
		struct tui_view *call = call_view_new(t, task->t.id);
		if (call)
			tui_push(t, call);
		else
			load(q);
		return TUI_REDRAW;
	}
	case ACT_FILTER:
		do
			q->filter = (q->filter + 1) % F__COUNT;
		while (q->filter == F_ALL && t->ctx->me.role < ROLE_SUPERVISOR);
		q->search[0] = 0;   /* a search belongs to the rows it was made in */
		pick_columns(q);
		load(q);
		return TUI_REDRAW;
	case ACT_SEGMENT:
		/* every customer -> VIPs -> each segment -> every customer */
		q->segment = q->segment == SEGMENT_ANY ? SEGMENT_VIP
		             : q->segment == SEGMENT_VIP ? 0 : q->segment + 1;
		if (q->segment >= t->ctx->cfg.value.nsegments)
			q->segment = SEGMENT_ANY;
		q->search[0] = 0;
		load(q);
		return TUI_REDRAW;
	case ACT_SEARCH:
	case ACT_LIMIT:
		q->prompting = a == ACT_LIMIT ? PROMPT_LIMIT : PROMPT_SEARCH;
		q->search_failed = false;
		edit_set(&q->prompt, "");
		return TUI_REDRAW;
	case ACT_LIMIT_CLEAR:
		if (!q->limit[0])
			return TUI_REDRAW;
		q->limit[0] = q->search[0] = 0;
		load(q);
		return TUI_REDRAW;
	case ACT_SEARCH_NEXT:
	case ACT_SEARCH_PREV:
		if (!q->search[0]) {
			tui_message(t, UI_COLOR_NORMAL, _("no search yet: press / to search"));
			return TUI_REDRAW;
		}
		return search_result(q, search_move(q, a == ACT_SEARCH_NEXT ? 1 : -1, false));
	default:
		return TUI_UNHANDLED;
	}
}

static int queue_tick(struct tui *t, struct tui_view *v, bool changed)
{
	struct queue_view *q = (struct queue_view *)v;
	/* Another console's work, or a new day. */
	if (!changed && q->day == stamp_date(t->ctx->now))
		return TUI_NONE;
	load(q);
	return t->top == v ? TUI_REDRAW : TUI_NONE;
}

static void queue_free(struct tui_view *v)
{
	struct queue_view *q = (struct queue_view *)v;
	free(q->tasks);
	free(q->rows);
	free(q->following);
	edit_free(&q->prompt);
	free(q);
}

const struct tui_view_ops queue_view_ops = {
	.name = N_("Queue"),
	.screens = queue_screens,
	.draw = queue_draw,
	.key = queue_key,
	.tick = queue_tick,
	.free = queue_free,
};

struct tui_view *queue_view_new(struct tui *t)
{
	struct queue_view *q = xcalloc(1, sizeof *q);
	q->base.ops = &queue_view_ops;
	q->t = t;
	q->env = (struct col_env){&t->ctx->cfg, t->ctx->now, false, t->ctx->st, 0};
	list_init(&q->list, q->cols, 0, cell, q);
	pick_columns(q);
	edit_init(&q->prompt, false, 120);
	q->segment = SEGMENT_ANY;
	q->since = -1;
	load(q);
	return &q->base;
}

void queue_reload(struct tui *t)
{
	struct queue_view *q = find_queue(t);
	if (q)
		load(q);
}

int queue_open_next(struct tui *t, hf_id after)
{
	struct queue_view *q = find_queue(t);
	if (!q)
		return TUI_REDRAW;
	load(q);
	/* The first task that stood below the saved one when it was opened, is still queued and
	 * that nobody else is calling; after the last, round to the top of the queue. The saved
	 * task itself (a retry later today) is skipped. */
	struct hf_ctx *ctx = t->ctx;
	const struct hf_task *k = NULL;
	for (size_t i = 0; q->opened == after && i < q->nfollowing && !k; i++) {
		size_t row;
		if (row_of(q, q->following[i], &row) && !held_by_other(ctx, row_task(q, row))) {
			k = row_task(q, row);
			list_select(&q->list, row);
		}
	}
	for (size_t row = 0; row < q->list.n && !k; row++) {
		const struct hf_task *c = row_task(q, row);
		if (c->t.id != after && !held_by_other(ctx, c)) {
			k = c;
			list_select(&q->list, row);
		}
	}
	if (!k) {
		tui_message(t, UI_COLOR_NOTICE, _("No more tasks in this queue."));
		return TUI_REDRAW;
	}
	note_opened(q);
	struct tui_view *call = call_view_new(t, k->t.id);
	if (call)
		tui_push(t, call);
	return TUI_REDRAW;
}
