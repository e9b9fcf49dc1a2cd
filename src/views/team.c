/* team.c — the Team tab: the team's day per operator (today, yesterday, a day typed), an
 * operator's tasks of that day, reassigning them, and the consultants' customers to release. */
#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "huifang/columns.h"
#include "huifang/date.h"
#include "huifang/i18n.h"
#include "huifang/str.h"
#include "huifang/tui-views.h"
#include "huifang/utf8.h"

#define NCOLS_MAX 16

/* ---- choosing whom work goes to --------------------------------------------------------- */

/* Whom tasks (or a customer) can go to: the team's pool first (when pool), then the active
 * users of the viewer's team (or every team) in `role`, but not `except`. */
struct targets {
	char login[ASK_MAX_CHOICES][HF_NAME_MAX];      /* "": the team's pool */
	char text[ASK_MAX_CHOICES][2 * HF_NAME_MAX + 8];
	const char *labels[ASK_MAX_CHOICES];
	int n;
};

static void targets_read(struct tui *t, struct targets *tg, bool pool, const char *team,
                         const char *except)
{
	memset(tg, 0, sizeof *tg);
	if (pool) {
		str_copy(tg->text[tg->n], sizeof tg->text[0], _("the team's pool"));
		tg->n++;
	}
	struct hf_user *users = NULL;
	size_t n = 0;
	if (!store_users(t->ctx->st, &users, &n))
		tui_message(t, UI_COLOR_ERROR, "%s", store_errmsg(t->ctx->st));
	for (size_t i = 0; i < n && tg->n < ASK_MAX_CHOICES; i++) {
		const struct hf_user *u = &users[i];
		if (!u->active || u->role != ROLE_OPERATOR || (team && !str_eq(u->team, team)) ||
		    str_eq(u->login, except))
			continue;
		str_copy(tg->login[tg->n], sizeof tg->login[0], u->login);
		snprintf(tg->text[tg->n], sizeof tg->text[0], "%s (%s)", str_empty(u->name) ? u->login : u->name,
		         u->login);
		tg->n++;
	}
	free(users);
	for (int i = 0; i < tg->n; i++)
		tg->labels[i] = tg->text[i];
}

/* What a reassignment moves: every open task of `from`, or the tasks ids. */
struct reassign {
	struct targets to;
	char from[HF_NAME_MAX];
	size_t n;
	hf_id ids[];
};

static void unmark_tasks(struct tui *t);

static int reassign_done(struct tui *t, void *data, int choice, const char *text, char *msg,
                         size_t size)
{
	(void)text;
	struct reassign *r = data;
	if (choice < 0 || choice >= r->to.n)
		return errf(msg, size, _("choose whom to give them to")), HF_EUSAGE;
	const char *to = r->to.login[choice];
	size_t moved;
	int rc = svc_reassign(t->ctx, r->ids, r->n, str_empty(r->from) ? NULL : r->from,
	                      str_empty(to) ? NULL : to, &moved, msg, size);
	if (rc != HF_OK)
		return rc;
	unmark_tasks(t);
	if (str_empty(to))
		snprintf(msg, size, ngettext("%zu task back to the team's pool",
		                             "%zu tasks back to the team's pool", moved), moved);
	else
		snprintf(msg, size, ngettext("%zu task reassigned to %s", "%zu tasks reassigned to %s",
		                             moved), moved, r->to.text[choice]);
	return HF_OK;
}

/* The form choosing whom the tasks of `who` go to; about: what moves. */
static void ask_reassign(struct tui *t, const char *about, const char *from,
                         const struct team_day *who, const hf_id *ids, size_t n)
{
	struct reassign *r = xcalloc(1, sizeof *r + (n ? n : 1) * sizeof r->ids[0]);
	/* The operator's colleagues: tasks stay with their team. */
	const char *team = svc_managed_team(t->ctx);
	targets_read(t, &r->to, true, team ? team : who->team, who->login);
	str_copy(r->from, sizeof r->from, from ? from : "");
	r->n = n;
	if (n) /* ids is NULL when nothing is named */
		memcpy(r->ids, ids, n * sizeof *ids);
	struct ask q = {.title = _("Reassign"), .about = about, .choice_label = _("To whom"),
	                .done = reassign_done, .data = r, .free = free};
	tui_push(t, ask_view_new(t, &q, r->to.labels, r->to.n));
}

/* "YYYY-MM-DD Wed (today)": the day shown, said plainly. */
static void day_text(struct tui *t, hf_date day, char *out, size_t size)
{
	static const char *const wd[] = {"", N_("Mon"), N_("Tue"), N_("Wed"), N_("Thu"), N_("Fri"),
	                                 N_("Sat"), N_("Sun")};
	hf_date today = stamp_date(t->ctx->now);
	char d[16];
	date_format(day, d);
	const char *rel = day == today ? _("today") : day == today - 1 ? _("yesterday") : NULL;
	snprintf(out, size, "%s %s%s%s%s", d, _(wd[date_weekday(day)]), rel ? " (" : "", rel ? rel : "",
	         rel ? ")" : "");
}

/* The columns of model m shown on screen, into cols (titles translated) and col (indices). */
static int screen_columns(const struct col_model *m, struct tui_column *cols, int *col)
{
	int n = col_pick(m, COL_IN_SCREEN, NULL, col);
	for (int c = 0; c < n; c++) {
		const struct col_def *d = &m->cols[col[c]];
		cols[c] = (struct tui_column){_(d->header), d->width, d->min, d->align};
	}
	return n;
}

/* ---- one operator's tasks of a day -------------------------------------------------------- */

/* The task model's columns here; a mark column goes first. */
static const char *const task_shown[] = {"due", "kind", "customer_name", "treatment",
                                         "last_outcome", "owner", "status"};
#define NTASK_SHOWN ((int)(sizeof task_shown / sizeof task_shown[0]))

struct tasks_view {
	struct tui_view base;
	struct tui *t;
	struct tui_list list;
	struct tui_column cols[NTASK_SHOWN + 1];
	int col[NTASK_SHOWN];
	struct col_env env;
	struct team_day who;            /* the operator (the figures are not used) */
	hf_date day;
	struct hf_task *tasks;
	size_t ntasks;
	struct tui_marks marks;
};

static const struct tui_view_ops tasks_view_ops;

/* The marks have been acted on. */
static void unmark_tasks(struct tui *t)
{
	for (struct tui_view *v = t->top; v; v = v->below)
		if (v->ops == &tasks_view_ops)
			((struct tasks_view *)v)->marks.n = 0;
}

/* A mark stays on an open task still listed. */
static bool still_open(hf_id id, void *data)
{
	const struct tasks_view *v = data;
	for (size_t j = 0; j < v->ntasks; j++)
		if (v->tasks[j].t.id == id)
			return v->tasks[j].t.status == TASK_OPEN;
	return false;
}

static void tasks_load(struct tasks_view *v)
{
	char err[HF_ERRLEN];
	hf_id keep = v->list.sel < v->ntasks ? v->tasks[v->list.sel].t.id : 0;
	free(v->tasks);
	if (svc_operator_day(v->t->ctx, v->who.login, v->day, &v->tasks, &v->ntasks, err, sizeof err) != HF_OK)
		tui_message(v->t, UI_COLOR_ERROR, "%s", err);
	marks_keep(&v->marks, still_open, v);
	list_set_count(&v->list, v->ntasks);
	for (size_t i = 0; keep && i < v->ntasks; i++)
		if (v->tasks[i].t.id == keep)
			list_select(&v->list, i);
}

static void tasks_cell(void *data, size_t row, int col, char *buf, size_t size, int *color)
{
	struct tasks_view *v = data;
	const struct hf_task *k = &v->tasks[row];
	if (col == 0) {
		str_copy(buf, size, marks_has(&v->marks, k->t.id) ? "*" : "");
		return;
	}
	v->env.now = v->t->ctx->now;
	col_value(&col_tasks, v->col[col - 1], k, &v->env, COL_SCREEN, buf, size);
	if (k->t.status != TASK_OPEN)
		*color = UI_COLOR_DIM;
}

static unsigned tasks_screens(struct tui *t, struct tui_view *v)
{
	(void)t;
	(void)v;
	return SCR_TASKS;
}

static void tasks_draw(struct tui *t, struct tui_view *view)
{
	struct tasks_view *v = (struct tasks_view *)view;
	char day[64], left[300], right[100];
	day_text(t, v->day, day, sizeof day);
	snprintf(left, sizeof left, "%s (%s) · %s", v->who.name, v->who.login, day);
	size_t open = 0;
	for (size_t i = 0; i < v->ntasks; i++)
		open += v->tasks[i].t.status == TASK_OPEN;
	int n = snprintf(right, sizeof right, _("tasks %zu  open %zu"), v->ntasks, open);
	if (v->marks.n && n > 0 && (size_t)n < sizeof right)
		snprintf(right + n, sizeof right - (size_t)n, "  %s %zu", _("marked"), v->marks.n);
	tui_header(t, left, right);
	list_draw(t, &v->list, 2, 0, t->rows - 4, t->cols, true);
	if (v->ntasks == 0) {
		tui_text(t, t->rows - 2, 1, t->cols - 2, UI_COLOR_DIM, 0, _("No task of this operator that day."));
	} else {
		struct sbuf b;
		sbuf_init(&b);
		sbuf_printf(&b, "#%lld  ", (long long)v->tasks[v->list.sel].t.id);
		rules_task_why(&t->ctx->cfg, &v->tasks[v->list.sel].t, &b);
		tui_text(t, t->rows - 2, 1, t->cols - 2, UI_COLOR_DIM, 0, b.s);
		sbuf_free(&b);
	}
	tui_status(t, SCR_TASKS);
}

static int tasks_key(struct tui *t, struct tui_view *view, tui_key k)
{
	struct tasks_view *v = (struct tasks_view *)view;
	enum tui_action a = keymap_action(SCR_TASKS, k);
	int f = list_act(&v->list, a);
	if (!(f & TUI_UNHANDLED))
		return f;
	const struct hf_task *cur = v->ntasks ? &v->tasks[v->list.sel] : NULL;
	switch (a) {
	case ACT_BACK:
		tui_close(t, view);
		return TUI_REDRAW;
	case ACT_MARK:
		if (!cur)
			return TUI_REDRAW;
		if (cur->t.status != TASK_OPEN) {
			tui_message(t, UI_COLOR_ERROR, _("Only open tasks can be reassigned."));
			return TUI_REDRAW;
		}
		marks_toggle(&v->marks, cur->t.id);
		list_act(&v->list, ACT_DOWN);
		return TUI_REDRAW;
	case ACT_REASSIGN: {
		if (!cur)
			return TUI_REDRAW;
		char about[300];
		if (v->marks.n) {
			snprintf(about, sizeof about, ngettext("%zu marked task of %s", "%zu marked tasks of %s",
			                                       v->marks.n), v->marks.n, v->who.name);
			ask_reassign(t, about, NULL, &v->who, v->marks.id, v->marks.n);
		} else {
			snprintf(about, sizeof about, "%s #%lld · %s · %s", _("task"), (long long)cur->t.id,
			         cur->customer_name, task_kind_label(cur->t.kind));
			ask_reassign(t, about, NULL, &v->who, &cur->t.id, 1);
		}
		return TUI_REDRAW;
	}
	default:
		return TUI_NONE;
	}
}

static int tasks_tick(struct tui *t, struct tui_view *view, bool changed)
{
	if (!changed)
		return TUI_NONE;
	tasks_load((struct tasks_view *)view);
	return t->top == view ? TUI_REDRAW : TUI_NONE;
}

static void tasks_free(struct tui_view *view)
{
	struct tasks_view *v = (struct tasks_view *)view;
	free(v->tasks);
	marks_free(&v->marks);
	free(v);
}

static const struct tui_view_ops tasks_view_ops = {
	.name = N_("Operator's tasks"),
	.screens = tasks_screens,
	.draw = tasks_draw,
	.key = tasks_key,
	.tick = tasks_tick,
	.free = tasks_free,
};

static struct tui_view *tasks_view_new(struct tui *t, const struct team_day *who, hf_date day)
{
	struct tasks_view *v = xcalloc(1, sizeof *v);
	v->base.ops = &tasks_view_ops;
	v->t = t;
	v->env = (struct col_env){&t->ctx->cfg, t->ctx->now, false, t->ctx->st, 0};
	v->who = *who;
	v->day = day;
	v->cols[0] = (struct tui_column){"", 1, 0, -1};
	for (int c = 0; c < NTASK_SHOWN; c++) {
		v->col[c] = col_index(&col_tasks, task_shown[c]);
		const struct col_def *d = &col_tasks.cols[v->col[c]];
		v->cols[c + 1] = (struct tui_column){_(d->header), d->width, d->min, d->align};
	}
	list_init(&v->list, v->cols, NTASK_SHOWN + 1, tasks_cell, v);
	tasks_load(v);
	return &v->base;
}

/* ---- consultants' customers to release -------------------------------------------------- */

struct release_view {
	struct tui_view base;
	struct tui *t;
	struct tui_list list;
	struct tui_column cols[NCOLS_MAX];
	int col[NCOLS_MAX];
	struct col_env env;
	struct unseen_customer *rows;
	size_t n;
};

static void release_load(struct release_view *v)
{
	free(v->rows);
	v->rows = NULL;
	v->n = 0;
	if (v->t->ctx->cfg.consultant_release_months > 0 &&
	    !svc_unseen_customers(v->t->ctx, stamp_date(v->t->ctx->now), &v->rows, &v->n))
		tui_message(v->t, UI_COLOR_ERROR, "%s", store_errmsg(v->t->ctx->st));
	list_set_count(&v->list, v->n);
}

static void release_cell(void *data, size_t row, int col, char *buf, size_t size, int *color)
{
	(void)color;
	struct release_view *v = data;
	col_value(&col_unseen, v->col[col], &v->rows[row], &v->env, COL_SCREEN, buf, size);
}

static unsigned release_screens(struct tui *t, struct tui_view *v)
{
	(void)t;
	(void)v;
	return SCR_RELEASE;
}

static void release_draw(struct tui *t, struct tui_view *view)
{
	struct release_view *v = (struct release_view *)view;
	char left[200], right[64];
	snprintf(left, sizeof left, _("Consultants' customers not seen for %d months"),
	         t->ctx->cfg.consultant_release_months);
	snprintf(right, sizeof right, _("customers %zu"), v->n);
	tui_header(t, left, right);
	list_draw(t, &v->list, 2, 0, t->rows - 4, t->cols, true);
	const char *say = t->ctx->cfg.consultant_release_months <= 0
	                  ? _("Release is off (release.consultant_release_months is 0).")
	                  : v->n == 0 ? _("No consultant's customer to release.")
	                  : _("r gives the customer, with the consultant's open calls, to another consultant.");
	tui_text(t, t->rows - 2, 1, t->cols - 2, UI_COLOR_DIM, 0, say);
	tui_status(t, SCR_RELEASE);
}

struct release_data {
	struct targets to;
	hf_id customer;
};

static int release_done(struct tui *t, void *data, int choice, const char *text, char *msg,
                        size_t size)
{
	(void)text;
	struct release_data *d = data;
	if (choice < 0 || choice >= d->to.n)
		return errf(msg, size, _("choose the consultant")), HF_EUSAGE;
	size_t moved;
	int rc = svc_release_customer(t->ctx, d->customer, d->to.login[choice], &moved, msg, size);
	if (rc == HF_OK)
		snprintf(msg, size, ngettext("customer released to %s with %zu open call",
		                             "customer released to %s with %zu open calls", moved),
		         d->to.text[choice], moved);
	return rc;
}

static int release_key(struct tui *t, struct tui_view *view, tui_key k)
{
	struct release_view *v = (struct release_view *)view;
	enum tui_action a = keymap_action(SCR_RELEASE, k);
	int f = list_act(&v->list, a);
	if (!(f & TUI_UNHANDLED))
		return f;
	if (a == ACT_BACK) {
		tui_close(t, view);
		return TUI_REDRAW;
	}
	if (a != ACT_RELEASE || v->n == 0)
		return TUI_NONE;
	const struct unseen_customer *u = &v->rows[v->list.sel];
	struct release_data *d = xcalloc(1, sizeof *d);
	/* Consultants are the consultant team's people, when the rules name that team. */
	const char *team = t->ctx->cfg.consultant_team[0] ? t->ctx->cfg.consultant_team : NULL;
	targets_read(t, &d->to, false, team, u->consultant);
	d->customer = u->id;
	char about[300], last[16];
	snprintf(about, sizeof about, "%s #%lld · %s · %s %s · %s %s", _("customer"), (long long)u->id,
	         u->name, _("consultant"), u->consultant, _("last visit"), date_format(u->last_visit, last));
	struct ask q = {.title = _("Release to another consultant"), .about = about,
	                .choice_label = _("To whom"), .done = release_done, .data = d, .free = free};
	tui_push(t, ask_view_new(t, &q, d->to.labels, d->to.n));
	return TUI_REDRAW;
}

static int release_tick(struct tui *t, struct tui_view *view, bool changed)
{
	if (!changed)
		return TUI_NONE;
	release_load((struct release_view *)view);
	return t->top == view ? TUI_REDRAW : TUI_NONE;
}

static void release_free(struct tui_view *view)
{
	struct release_view *v = (struct release_view *)view;
	free(v->rows);
	free(v);
}

static const struct tui_view_ops release_view_ops = {
	.name = N_("Release"),
	.screens = release_screens,
	.draw = release_draw,
	.key = release_key,
	.tick = release_tick,
	.free = release_free,
};

static struct tui_view *release_view_new(struct tui *t)
{
	struct release_view *v = xcalloc(1, sizeof *v);
	v->base.ops = &release_view_ops;
	v->t = t;
	v->env = (struct col_env){&t->ctx->cfg, t->ctx->now, false, NULL, 0};
	int n = screen_columns(&col_unseen, v->cols, v->col);
	list_init(&v->list, v->cols, n, release_cell, v);
	release_load(v);
	return &v->base;
}

/* ---- the team's day ------------------------------------------------------------------------ */

struct team_view {
	struct tui_view base;
	struct tui *t;
	struct tui_list list;
	struct tui_column cols[NCOLS_MAX];
	int col[NCOLS_MAX];
	struct col_env env;
	struct team_day *rows;          /* the operators, then the whole team */
	size_t n;
	hf_date day;
	bool on_today;                  /* the day follows the clock */
	hf_stamp loaded;
	bool prompting;
	struct tui_edit prompt;
};

static void team_load(struct team_view *v)
{
	struct hf_ctx *ctx = v->t->ctx;
	char err[HF_ERRLEN];
	if (v->on_today)
		v->day = stamp_date(ctx->now);
	v->loaded = ctx->now;
	char keep[HF_NAME_MAX] = "";
	if (v->list.sel < v->n)
		str_copy(keep, sizeof keep, v->rows[v->list.sel].login);
	free(v->rows);
	v->rows = NULL;
	v->n = 0;
	if (svc_team_day(ctx, v->day, &v->rows, &v->n, err, sizeof err) != HF_OK)
		tui_message(v->t, UI_COLOR_ERROR, "%s", err);
	list_set_count(&v->list, v->n);
	for (size_t i = 0; keep[0] && i < v->n; i++)
		if (str_eq(v->rows[i].login, keep))
			list_select(&v->list, i);
}

static void team_cell(void *data, size_t row, int col, char *buf, size_t size, int *color)
{
	struct team_view *v = data;
	const struct team_day *r = &v->rows[row];
	col_value(&col_team_day, v->col[col], r, &v->env, COL_SCREEN, buf, size);
	if (str_empty(r->login))
		*color = UI_COLOR_TITLE;
}

static unsigned team_screens(struct tui *t, struct tui_view *v)
{
	return ((struct team_view *)v)->prompting ? SCR_PROMPT : SCR_TEAM | console_tab_screens(t);
}

static void team_draw(struct tui *t, struct tui_view *view)
{
	struct team_view *v = (struct team_view *)view;
	console_header(t);
	char day[64], left[200];
	day_text(t, v->day, day, sizeof day);
	const char *team = svc_managed_team(t->ctx);
	const struct hf_team *tm = team ? config_team(&t->ctx->cfg, team) : NULL;
	str_copy(left, sizeof left, tm ? tm->name : _("every team"));
	console_bar(t, 1, &team_view_ops, left, day);
	list_draw(t, &v->list, 2, 0, t->rows - 4, t->cols, true);
	const struct team_day *r = v->list.sel < v->n ? &v->rows[v->list.sel] : NULL;
	if (v->prompting && t->msg[0]) {
		/* The prompt takes the status line: what it answered stands above it. */
		tui_fill(t, t->rows - 2, 0, t->cols, t->msg_color);
		tui_text(t, t->rows - 2, 1, t->cols - 2, t->msg_color, A_BOLD, t->msg);
	} else if (r && !str_empty(r->login)) {
		char line[400];
		snprintf(line, sizeof line, _("%s (%s): %d calls that day; Enter lists the tasks, r hands "
		                              "every open task on"), r->name, r->login, r->f.calls);
		tui_text(t, t->rows - 2, 1, t->cols - 2, UI_COLOR_DIM, 0, line);
	} else if (r) {
		char line[200];
		snprintf(line, sizeof line, _("The whole team: %d calls that day"), r->f.calls);
		tui_text(t, t->rows - 2, 1, t->cols - 2, UI_COLOR_DIM, 0, line);
	}
	if (v->prompting)
		console_prompt(t, &v->prompt, _("show the day (YYYY-MM-DD):"), NULL);
	else
		tui_status(t, tui_screens(t, view));
}

static int team_prompt_key(struct team_view *v, tui_key k)
{
	int f = edit_key(&v->prompt, k);
	if (!(f & TUI_UNHANDLED))
		return f;
	switch (keymap_action(SCR_PROMPT, k)) {
	case ACT_ACCEPT: {
		hf_date d;
		char typed[64];
		const char *p = edit_text(&v->prompt);
		while (*p == ' ')
			p++;
		str_copy(typed, sizeof typed, p);
		for (size_t l = strlen(typed); l && typed[l - 1] == ' '; l--)
			typed[l - 1] = 0;
		if (!date_parse(typed, &d)) {
			tui_message(v->t, UI_COLOR_ERROR, _("\"%s\" is not a date (YYYY-MM-DD)"), typed);
			return TUI_REDRAW;
		}
		v->prompting = false;
		v->day = d;
		v->on_today = d == stamp_date(v->t->ctx->now);
		team_load(v);
		return TUI_REDRAW;
	}
	case ACT_CANCEL:
		v->prompting = false;
		return TUI_REDRAW;
	case ACT_HELP:
	case ACT_REDRAW:
		return TUI_UNHANDLED;
	default:
		return TUI_REDRAW;
	}
}

static int team_key(struct tui *t, struct tui_view *view, tui_key k)
{
	struct team_view *v = (struct team_view *)view;
	if (v->prompting)
		return team_prompt_key(v, k);
	enum tui_action a = keymap_action(SCR_TEAM, k);
	int f = list_act(&v->list, a);
	if (!(f & TUI_UNHANDLED))
		return f;
	const struct team_day *r = v->list.sel < v->n ? &v->rows[v->list.sel] : NULL;
	hf_date today = stamp_date(t->ctx->now);
	switch (a) {
	case ACT_DAY_PREV:
	case ACT_DAY_NEXT:
	case ACT_DAY_TODAY:
		v->day = a == ACT_DAY_TODAY ? today : v->day + (a == ACT_DAY_NEXT ? 1 : -1);
		v->on_today = v->day == today;
		team_load(v);
		return TUI_REDRAW;
	case ACT_DAY_PICK:
		v->prompting = true;
		edit_set(&v->prompt, "");
		return TUI_REDRAW;
	case ACT_TEAM_OPEN:
	case ACT_REASSIGN:
		if (!r || str_empty(r->login)) {
			tui_message(t, UI_COLOR_NORMAL, _("Choose an operator's row."));
			return TUI_REDRAW;
		}
		if (a == ACT_TEAM_OPEN) {
			tui_push(t, tasks_view_new(t, r, v->day));
		} else {
			char about[300];
			snprintf(about, sizeof about, _("every open task of %s (%s), whatever day it is due"),
			         r->name, r->login);
			ask_reassign(t, about, r->login, r, NULL, 0);
		}
		return TUI_REDRAW;
	case ACT_RELEASE_LIST:
		tui_push(t, release_view_new(t));
		return TUI_REDRAW;
	default:
		return TUI_UNHANDLED;
	}
}

static int team_tick(struct tui *t, struct tui_view *view, bool changed)
{
	struct team_view *v = (struct team_view *)view;
	/* Another console's work, or a new day when the tab follows today. */
	if (!changed && !(v->on_today && v->day != stamp_date(t->ctx->now)))
		return TUI_NONE;
	team_load(v);
	return t->top == view ? TUI_REDRAW : TUI_NONE;
}

static void team_free(struct tui_view *view)
{
	struct team_view *v = (struct team_view *)view;
	free(v->rows);
	edit_free(&v->prompt);
	free(v);
}

const struct tui_view_ops team_view_ops = {
	.name = N_("Team"),
	.screens = team_screens,
	.draw = team_draw,
	.key = team_key,
	.tick = team_tick,
	.free = team_free,
};

struct tui_view *team_view_new(struct tui *t)
{
	struct team_view *v = xcalloc(1, sizeof *v);
	v->base.ops = &team_view_ops;
	v->t = t;
	v->env = (struct col_env){&t->ctx->cfg, t->ctx->now, false, NULL, 0};
	v->on_today = true;
	int n = screen_columns(&col_team_day, v->cols, v->col);
	/* Every team's people: which team each is in, after the name. */
	if (!svc_managed_team(t->ctx) && n < NCOLS_MAX) {
		memmove(&v->col[2], &v->col[1], (size_t)(n - 1) * sizeof v->col[0]);
		memmove(&v->cols[2], &v->cols[1], (size_t)(n - 1) * sizeof v->cols[0]);
		v->col[1] = col_index(&col_team_day, "team");
		const struct col_def *d = &col_team_day.cols[v->col[1]];
		v->cols[1] = (struct tui_column){_(d->header), 0, 6, d->align};
		n++;
	}
	list_init(&v->list, v->cols, n, team_cell, v);
	edit_init(&v->prompt, false, 40);
	team_load(v);
	return &v->base;
}
