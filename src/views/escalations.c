/* escalations.c — the supervisor's escalation list: by deadline, filters, a limit, marks, and
 * one key per action (shared with the escalation's own screen). */
#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "huifang/columns.h"
#include "huifang/date.h"
#include "huifang/i18n.h"
#include "huifang/str.h"
#include "huifang/tui-views.h"
#include "huifang/utf8.h"

/* Filters on `f`, in the order they cycle: the service's lists. */
static const struct {
	enum esc_filter list;
	const char *label;
} filters[] = {
	{ESC_LIST_OPEN, N_("open")},
	{ESC_LIST_MINE, N_("mine")},
	{ESC_LIST_BREACHED, N_("breached")},
	{ESC_LIST_ALL, N_("all")},
};
#define NFILTERS ((int)(sizeof filters / sizeof filters[0]))

/* The list's columns, by the escalation model's codes, and their widths here (fixed, or 0 and
 * a minimum) so that every one fits 80 columns; a mark column goes first. */
static const struct {
	const char *code;
	int width, min;
} shown[] = {
	{"severity", 8, 0}, {"time_left", 12, 0}, {"customer_name", 0, 6}, {"reason", 0, 8},
	{"raised_by", 9, 0}, {"age", 8, 0}, {"status", 12, 0}, {"holder", 8, 0},
};
#define NSHOWN ((int)(sizeof shown / sizeof shown[0]))

struct escalations_view {
	struct tui_view base;
	struct tui *t;
	struct tui_list list;
	struct tui_column cols[NSHOWN + 1];
	int col[NSHOWN];
	struct col_env env;
	struct hf_escalation *rows;     /* as loaded for the filter, sorted */
	size_t nrows;
	size_t *shown_rows;             /* rows matching the limit */
	int filter;                     /* index in filters */
	int open, breached;
	struct tui_marks marks;
	bool prompting;
	struct tui_edit prompt;
	char limit[128];
	hf_stamp loaded;
};

static const struct hf_escalation *row_at(const struct escalations_view *e, size_t row)
{
	return row < e->list.n ? &e->rows[e->shown_rows[row]] : NULL;
}

static bool matches(struct escalations_view *e, const struct hf_escalation *r)
{
	if (!e->limit[0])
		return true;
	char reason[1024];
	rules_why_text(&e->t->ctx->cfg, &r->reason, reason, sizeof reason);
	const char *fields[] = {r->customer_name, reason, r->raised_by, r->assignee, r->assignee_team};
	for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++)
		if (strcasestr(fields[i], e->limit))
			return true;
	return false;
}

static bool listed(hf_id id, void *data)
{
	const struct escalations_view *e = data;
	for (size_t i = 0; i < e->list.n; i++)
		if (row_at(e, i)->id == id)
			return true;
	return false;
}

static void load(struct escalations_view *e)
{
	struct hf_ctx *ctx = e->t->ctx;
	const struct hf_escalation *cur = row_at(e, e->list.sel);
	hf_id keep = cur ? cur->id : 0;
	size_t keep_row = e->list.sel;
	e->loaded = ctx->now;

	char err[HF_ERRLEN];
	free(e->rows);
	e->rows = NULL;
	e->nrows = 0;
	if (svc_escalation_list(ctx, filters[e->filter].list, &e->rows, &e->nrows, err, sizeof err) != HF_OK)
		tui_message(e->t, UI_COLOR_ERROR, "%s", err);
	e->open = e->breached = 0;
	for (size_t i = 0; i < e->nrows; i++) {
		e->open += e->rows[i].status != ESC_RESOLVED;
		e->breached += svc_escalation_breached(&e->rows[i], ctx->now);
	}

	free(e->shown_rows);
	e->shown_rows = xmalloc((e->nrows ? e->nrows : 1) * sizeof *e->shown_rows);
	size_t m = 0;
	for (size_t i = 0; i < e->nrows; i++)
		if (matches(e, &e->rows[i]))
			e->shown_rows[m++] = i;
	list_set_count(&e->list, m);
	/* Marks stay only on rows still listed. */
	marks_keep(&e->marks, listed, e);
	size_t row = keep_row < m ? keep_row : (m ? m - 1 : 0);
	for (size_t i = 0; keep && i < m; i++)
		if (e->rows[e->shown_rows[i]].id == keep)
			row = i;
	list_select(&e->list, row);
}

void escalations_count(struct tui *t, int *open, int *breached)
{
	struct hf_escalation *all = NULL;
	size_t n = 0;
	char err[HF_ERRLEN];
	*open = *breached = 0;
	if (svc_escalation_list(t->ctx, ESC_LIST_OPEN, &all, &n, err, sizeof err) != HF_OK)
		tui_message(t, UI_COLOR_ERROR, "%s", err);
	for (size_t i = 0; i < n; i++) {
		*open += all[i].status != ESC_RESOLVED;
		*breached += svc_escalation_breached(&all[i], t->ctx->now);
	}
	free(all);
}

static void cell(void *data, size_t row, int col, char *buf, size_t size, int *color)
{
	struct escalations_view *e = data;
	const struct hf_escalation *r = row_at(e, row);
	if (col == 0) {
		str_copy(buf, size, marks_has(&e->marks, r->id) ? "*" : "");
		return;
	}
	e->env.now = e->t->ctx->now;
	bool attention = col_value(&col_escalations, e->col[col - 1], r, &e->env, COL_SCREEN, buf, size);
	if (attention)
		*color = UI_COLOR_BREACHED;
	else if (col == 1)
		*color = card_severity_color(r);
}

/* ---- actions (the list and the escalation's screen share them) ------------------------- */

struct esc_ids {
	size_t n;
	hf_id id[];
};

static struct esc_ids *ids_of(const hf_id *ids, size_t n)
{
	struct esc_ids *x = xmalloc(sizeof *x + (n ? n : 1) * sizeof x->id[0]);
	x->n = n;
	memcpy(x->id, ids, n * sizeof *ids);
	return x;
}

/* What an action acts on, for its form: "escalation #12 · 王芳 · complaint: ..." or a count. */
static void about(struct tui *t, const struct esc_ids *x, char *out, size_t size)
{
	struct hf_escalation e;
	if (x->n == 1 && store_escalation_get(t->ctx->st, x->id[0], &e) == STORE_FOUND) {
		char reason[1024];
		snprintf(out, size, "%s #%lld · %s · %s · %s", _("escalation"), (long long)e.id,
		         e.customer_name, severity_label(e.severity),
		         rules_why_text(&t->ctx->cfg, &e.reason, reason, sizeof reason));
	} else {
		snprintf(out, size, ngettext("%zu marked escalation", "%zu marked escalations", x->n), x->n);
	}
}

/* The marks have been acted on. */
static void unmark(struct tui *t)
{
	for (struct tui_view *v = t->top; v; v = v->below)
		if (v->ops == &escalations_view_ops)
			((struct escalations_view *)v)->marks.n = 0;
}

static int note_done(struct tui *t, void *data, int choice, const char *text, char *msg,
                     size_t size)
{
	(void)choice;
	struct esc_ids *x = data;
	int rc = svc_escalation_note(t->ctx, x->id[0], text, msg, size);
	if (rc == HF_OK)
		snprintf(msg, size, _("note added to escalation %lld"), (long long)x->id[0]);
	return rc;
}

/* Whom an escalation can be assigned to: the active supervisors and admins, then the teams. */
struct assignees {
	struct hf_user *users;
	size_t nusers;
	const char *labels[ASK_MAX_CHOICES];
	char text[ASK_MAX_CHOICES][2 * HF_NAME_MAX + 8];
	int n, nsup;                    /* choices; the first nsup are users */
	int user[ASK_MAX_CHOICES];      /* index in users, or in cfg->teams after nsup */
};

static void assignees_read(struct tui *t, struct assignees *as)
{
	memset(as, 0, sizeof *as);
	if (!store_users(t->ctx->st, &as->users, &as->nusers))
		tui_message(t, UI_COLOR_ERROR, "%s", store_errmsg(t->ctx->st));
	for (size_t i = 0; i < as->nusers && as->n < ASK_MAX_CHOICES; i++) {
		const struct hf_user *u = &as->users[i];
		if (!u->active || u->role < ROLE_SUPERVISOR)
			continue;
		snprintf(as->text[as->n], sizeof as->text[0], "%s (%s)", str_empty(u->name) ? u->login : u->name,
		         u->login);
		as->user[as->n++] = (int)i;
	}
	as->nsup = as->n;
	const struct hf_config *cfg = &t->ctx->cfg;
	for (int i = 0; i < cfg->nteams && as->n < ASK_MAX_CHOICES; i++) {
		snprintf(as->text[as->n], sizeof as->text[0], "%s: %s", _("team"), cfg->teams[i].name);
		as->user[as->n++] = i;
	}
	for (int i = 0; i < as->n; i++)
		as->labels[i] = as->text[i];
}

struct assign_data {
	struct assignees as;
	struct esc_ids *x;
};

static int assign_done(struct tui *t, void *data, int choice, const char *text, char *msg,
                       size_t size)
{
	struct assign_data *d = data;
	const struct assignees *as = &d->as;
	if (choice < 0 || choice >= as->n)
		return errf(msg, size, _("choose whom to assign it to")), HF_EUSAGE;
	const char *login = choice < as->nsup ? as->users[as->user[choice]].login : NULL;
	const char *team = choice < as->nsup ? NULL : t->ctx->cfg.teams[as->user[choice]].code;
	int rc = svc_escalation_assign(t->ctx, d->x->id, d->x->n, login, team,
	                               str_empty(text) ? NULL : text, msg, size);
	if (rc == HF_OK)
		unmark(t);
	if (rc == HF_OK)
		snprintf(msg, size, ngettext("%zu escalation assigned to %s", "%zu escalations assigned to %s",
		                             d->x->n),
		         d->x->n, as->text[choice]);
	return rc;
}

static void assign_free(void *data)
{
	struct assign_data *d = data;
	free(d->as.users);
	free(d->x);
	free(d);
}

static int callback_done(struct tui *t, void *data, int choice, const char *text, char *msg,
                         size_t size)
{
	(void)choice;
	struct esc_ids *x = data;
	struct outcome_input when;
	memset(&when, 0, sizeof when);
	char buf[64];
	while (*text == ' ')
		text++;
	str_copy(buf, sizeof buf, text);
	for (size_t l = strlen(buf); l && (buf[l - 1] == ' ' || buf[l - 1] == '\n'); l--)
		buf[l - 1] = 0;
	if (!rules_parse_next(buf, t->ctx->now, &when))
		return errf(msg, size, _("\"%s\" is not a date (YYYY-MM-DD), a date and time "
		                         "(YYYY-MM-DD HH:MM) or a span (+3d, +2h)"), buf), HF_EUSAGE;
	hf_id task;
	int rc = svc_escalation_callback(t->ctx, x->id[0], &when, NULL, &task, msg, size);
	if (rc == HF_OK)
		snprintf(msg, size, _("callback task %lld scheduled for %s"), (long long)task, buf);
	return rc;
}

static int resolve_done(struct tui *t, void *data, int choice, const char *text, char *msg,
                        size_t size)
{
	struct esc_ids *x = data;
	const struct hf_config *cfg = &t->ctx->cfg;
	const char *code = choice >= 0 && choice < cfg->nresolutions ? cfg->resolutions[choice].code : NULL;
	int rc = svc_escalation_resolve(t->ctx, x->id[0], code, text, msg, size);
	if (rc == HF_OK)
		snprintf(msg, size, _("escalation %lld resolved"), (long long)x->id[0]);
	return rc;
}

static int reopen_done(struct tui *t, void *data, int choice, const char *text, char *msg,
                       size_t size)
{
	(void)choice;
	struct esc_ids *x = data;
	int rc = svc_escalation_reopen(t->ctx, x->id[0], str_empty(text) ? NULL : text, msg, size);
	if (rc == HF_OK)
		snprintf(msg, size, _("escalation %lld reopened"), (long long)x->id[0]);
	return rc;
}

int escalation_act(struct tui *t, enum tui_action a, const hf_id *ids, size_t n)
{
	switch (a) {
	case ACT_ESC_ACK:
	case ACT_ESC_NOTE:
	case ACT_ESC_ASSIGN:
	case ACT_ESC_CALLBACK:
	case ACT_ESC_RESOLVE:
	case ACT_ESC_REOPEN:
		break;
	default:
		return TUI_UNHANDLED;
	}
	if (n == 0) {
		tui_message(t, UI_COLOR_NORMAL, _("No escalation here."));
		return TUI_REDRAW;
	}
	if (n > 1 && a != ACT_ESC_ACK && a != ACT_ESC_ASSIGN) {
		tui_message(t, UI_COLOR_ERROR, _("This acts on one escalation at a time: unmark the others."));
		return TUI_REDRAW;
	}
	struct esc_ids *x = ids_of(ids, n);
	char what[600], msg[HF_ERRLEN], tomorrow[16];
	about(t, x, what, sizeof what);
	struct ask q = {.about = what, .data = x, .free = free};
	const char *choices[ASK_MAX_CHOICES];
	int nchoices = 0;
	switch (a) {
	case ACT_ESC_ACK:
		if (svc_escalation_ack(t->ctx, x->id, x->n, NULL, msg, sizeof msg) == HF_OK) {
			tui_touch(t);
			unmark(t);
			tui_message(t, UI_COLOR_NOTICE,
			            ngettext("%zu escalation acknowledged", "%zu escalations acknowledged", n), n);
		} else {
			tui_message(t, UI_COLOR_ERROR, "%s", msg);
		}
		free(x);
		return TUI_REDRAW;
	case ACT_ESC_NOTE:
		q.title = _("Add a note");
		q.text_label = _("Note");
		q.multiline = q.text_required = true;
		q.done = note_done;
		break;
	case ACT_ESC_ASSIGN: {
		struct assign_data *d = xcalloc(1, sizeof *d);
		assignees_read(t, &d->as);
		d->x = x;
		q.title = _("Assign");
		q.choice_label = _("To whom");
		q.text_label = _("Note (may be empty)");
		q.multiline = true;
		q.done = assign_done;
		q.data = d;
		q.free = assign_free;
		tui_push(t, ask_view_new(t, &q, d->as.labels, d->as.n));
		return TUI_REDRAW;
	}
	case ACT_ESC_CALLBACK: {
		/* Read by ask_view_new below, after the switch: it lives as long as q. */
		date_format(stamp_date(t->ctx->now) + 1, tomorrow);
		q.title = _("Schedule a callback");
		q.text_label = _("When (YYYY-MM-DD, YYYY-MM-DD HH:MM or +3d, +2h)");
		q.text = tomorrow;
		q.text_required = true;
		q.done = callback_done;
		break;
	}
	case ACT_ESC_RESOLVE:
		q.title = _("Resolve the escalation");
		q.choice_label = _("Resolution");
		q.text_label = _("What was done, what the customer said");
		q.multiline = q.text_required = true;
		q.done = resolve_done;
		for (int i = 0; i < t->ctx->cfg.nresolutions && i < ASK_MAX_CHOICES; i++)
			choices[nchoices++] = t->ctx->cfg.resolutions[i].name;
		break;
	default:
		q.title = _("Reopen the escalation");
		q.text_label = _("Why (may be empty)");
		q.multiline = true;
		q.done = reopen_done;
		break;
	}
	tui_push(t, ask_view_new(t, &q, choices, nchoices));
	return TUI_REDRAW;
}

/* ---- the limit prompt -------------------------------------------------------------------- */

static int prompt_key(struct escalations_view *e, tui_key k)
{
	int f = edit_key(&e->prompt, k);
	if (!(f & TUI_UNHANDLED))
		return f;
	switch (keymap_action(SCR_PROMPT, k)) {
	case ACT_ACCEPT:
		e->prompting = false;
		str_copy(e->limit, sizeof e->limit, edit_text(&e->prompt));
		load(e);
		if (e->list.n == 0 && e->limit[0])
			tui_message(e->t, UI_COLOR_ERROR, _("no escalation contains \"%s\""), e->limit);
		return TUI_REDRAW;
	case ACT_CANCEL:
		e->prompting = false;
		return TUI_REDRAW;
	case ACT_HELP:
	case ACT_REDRAW:
		return TUI_UNHANDLED;
	default:
		return TUI_REDRAW;
	}
}

/* ---- the view ---------------------------------------------------------------------------- */

static unsigned escalations_screens(struct tui *t, struct tui_view *v)
{
	return ((struct escalations_view *)v)->prompting ? SCR_PROMPT : SCR_ESC | console_tab_screens(t);
}

static void draw_bar(struct tui *t, struct escalations_view *e, int y)
{
	char counts[200];
	int n = snprintf(counts, sizeof counts, _("open %d  breached %d"), e->open, e->breached);
	if (e->marks.n && n > 0 && (size_t)n < sizeof counts)
		snprintf(counts + n, sizeof counts - (size_t)n, "  %s %zu", _("marked"), e->marks.n);
	char left[300];
	snprintf(left, sizeof left, "%s: %s", _("filter"), _(filters[e->filter].label));
	if (e->limit[0]) {
		size_t l = strlen(left);
		snprintf(left + l, sizeof left - l, "  %s: %s", _("limit"), e->limit);
	}
	console_bar(t, y, &escalations_view_ops, left, counts);
}

/* The selected escalation's whole reason and where it came from, under the list. */
static void draw_reason(struct tui *t, struct escalations_view *e, int y)
{
	const struct hf_escalation *r = row_at(e, e->list.sel);
	if (!r) {
		tui_text(t, y, 1, t->cols - 2, UI_COLOR_DIM, 0,
		         filters[e->filter].list == ESC_LIST_OPEN && !e->limit[0] ? _("No open escalation.")
		                                              : _("Nothing in this filter."));
		return;
	}
	char reason[1024], raised[20], line[1400];
	rules_why_text(&t->ctx->cfg, &r->reason, reason, sizeof reason);
	stamp_format(r->raised_at, raised);
	snprintf(line, sizeof line, "#%lld  %s · %s %s %s", (long long)r->id, reason, r->raised_by,
	         _("at"), raised);
	tui_text(t, y, 1, t->cols - 2, UI_COLOR_DIM, 0, line);
}

static void escalations_draw(struct tui *t, struct tui_view *v)
{
	struct escalations_view *e = (struct escalations_view *)v;
	console_header(t);
	draw_bar(t, e, 1);
	list_draw(t, &e->list, 2, 0, t->rows - 4, t->cols, true);
	draw_reason(t, e, t->rows - 2);
	if (e->prompting) {
		console_prompt(t, &e->prompt, _("limit to (customer, reason, who):"), NULL);
	} else {
		tui_status(t, tui_screens(t, v));
	}
}

/* The marked rows, else the selected one. */
static size_t targets(struct escalations_view *e, hf_id *out, size_t max)
{
	if (e->marks.n) {
		memcpy(out, e->marks.id, e->marks.n * sizeof *out);
		return e->marks.n;
	}
	const struct hf_escalation *r = row_at(e, e->list.sel);
	if (!r || max == 0)
		return 0;
	out[0] = r->id;
	return 1;
}

static int escalations_key(struct tui *t, struct tui_view *v, tui_key k)
{
	struct escalations_view *e = (struct escalations_view *)v;
	if (e->prompting)
		return prompt_key(e, k);
	enum tui_action a = keymap_action(SCR_ESC, k);
	int f = list_act(&e->list, a);
	if (!(f & TUI_UNHANDLED))
		return f;
	const struct hf_escalation *r = row_at(e, e->list.sel);
	switch (a) {
	case ACT_ESC_OPEN:
		if (r)
			tui_push(t, escalation_view_new(t, r->id));
		return TUI_REDRAW;
	case ACT_ESC_FILTER:
		e->filter = (e->filter + 1) % NFILTERS;
		load(e);
		return TUI_REDRAW;
	case ACT_LIMIT:
		e->prompting = true;
		edit_set(&e->prompt, e->limit);
		return TUI_REDRAW;
	case ACT_LIMIT_CLEAR:
		if (e->limit[0]) {
			e->limit[0] = 0;
			load(e);
		}
		return TUI_REDRAW;
	case ACT_MARK:
		if (!r)
			return TUI_REDRAW;
		marks_toggle(&e->marks, r->id);
		list_act(&e->list, ACT_DOWN);
		return TUI_REDRAW;
	default: {
		hf_id *ids = xmalloc((e->marks.n + 1) * sizeof *ids);
		size_t n = targets(e, ids, e->marks.n + 1);
		int flags = escalation_act(t, a, ids, n);
		free(ids);
		return flags;
	}
	}
}

static int escalations_tick(struct tui *t, struct tui_view *v, bool changed)
{
	struct escalations_view *e = (struct escalations_view *)v;
	/* Another console's work on the escalations, or the clock moved the countdowns. */
	(void)changed;
	if (!t->desk_changed && e->loaded == t->ctx->now)
		return TUI_NONE;
	load(e);
	return t->top == v ? TUI_REDRAW : TUI_NONE;
}

static void escalations_free(struct tui_view *v)
{
	struct escalations_view *e = (struct escalations_view *)v;
	free(e->rows);
	free(e->shown_rows);
	marks_free(&e->marks);
	edit_free(&e->prompt);
	free(e);
}

const struct tui_view_ops escalations_view_ops = {
	.name = N_("Escalations"),
	.screens = escalations_screens,
	.draw = escalations_draw,
	.key = escalations_key,
	.tick = escalations_tick,
	.free = escalations_free,
};

struct tui_view *escalations_view_new(struct tui *t)
{
	struct escalations_view *e = xcalloc(1, sizeof *e);
	e->base.ops = &escalations_view_ops;
	e->t = t;
	e->env = (struct col_env){&t->ctx->cfg, t->ctx->now, false, NULL, 0};
	e->cols[0] = (struct tui_column){"", 1, 0, -1};
	for (int c = 0; c < NSHOWN; c++) {
		e->col[c] = col_index(&col_escalations, shown[c].code);
		const struct col_def *d = &col_escalations.cols[e->col[c]];
		e->cols[c + 1] = (struct tui_column){_(d->header), shown[c].width, shown[c].min, d->align};
	}
	list_init(&e->list, e->cols, NSHOWN + 1, cell, e);
	edit_init(&e->prompt, false, 120);
	load(e);
	return &e->base;
}
