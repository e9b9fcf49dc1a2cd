/* outcome.c — the outcome form: outcome, score and the satisfaction dimensions, recommendation
 * (NPS), complaint category, note, next contact; saving. */
#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "huifang/date.h"
#include "huifang/i18n.h"
#include "huifang/str.h"
#include "huifang/tui-views.h"
#include "huifang/utf8.h"

/* The fields in the order Tab visits them; FLD_DIM + k is the rules' k-th dimension. */
enum field {
	FLD_OUTCOME, FLD_SCORE, FLD_DIM, FLD_NPS = FLD_DIM + HF_MAX_DIMS, FLD_COMPLAINT, FLD_NOTE,
	FLD_NEXT, FLD__COUNT
};

struct outcome_view {
	struct tui_view base;
	hf_id task_id;
	char name[HF_NAME_MAX];
	hf_stamp started, ended;
	struct hf_task task;
	char booked[512];               /* the customer's other open calls, soonest first, or "" */
	struct hf_task_rec *others;     /* the customer's tasks (this one included) */
	size_t nothers;
	bool next_booked;               /* the next field holds a call already booked (reached) */
	struct tui_pager *script;       /* the call screen's script, shown beside on wide screens */
	char script_title[256];
	int field;
	int outcome;                    /* index in cfg.outcomes; -1: not chosen */
	int score;                      /* 0: skipped */
	int dims[HF_MAX_DIMS];          /* each dimension's score; 0: skipped */
	struct hf_dim_score dim_in[HF_MAX_DIMS]; /* the scored ones, as the rules read them */
	int nps;                        /* 0–10; -1: skipped */
	int complaint;                  /* index in cfg.complaint_categories; -1: none */
	struct tui_edit note, next;
	bool next_touched;              /* typed by hand: a new outcome keeps it */
	bool dirty;
	bool confirm_cancel;
	bool valid;
	char check[HF_ERRLEN];
};

static const struct hf_outcome *chosen(struct tui *t, const struct outcome_view *o)
{
	return o->outcome >= 0 ? &t->ctx->cfg.outcomes[o->outcome] : NULL;
}

/* A score given at or below its low threshold: the call escalates. */
static bool low_scored(const struct hf_config *cfg, const struct outcome_view *o)
{
	bool low = o->score > 0 && o->score <= cfg->low_score_max;
	for (int k = 0; k < cfg->ndimensions && !low; k++)
		low = o->dims[k] > 0 && o->dims[k] <= cfg->dimensions[k].low_max;
	return low;
}

static bool visible(struct tui *t, const struct outcome_view *o, int f)
{
	const struct hf_config *cfg = &t->ctx->cfg;
	const struct hf_outcome *oc = chosen(t, o);
	if (f >= FLD_DIM && f < FLD_DIM + HF_MAX_DIMS)
		return oc && oc->asks_score && f - FLD_DIM < cfg->ndimensions;
	switch (f) {
	case FLD_SCORE:
	case FLD_NPS:
		return oc && oc->asks_score;
	case FLD_COMPLAINT: /* an outcome that escalates by itself (a complaint), or a low score */
		return oc && cfg->ncomplaint_categories > 0 &&
		       (oc->escalate != SEV_NONE || (oc->asks_score && low_scored(cfg, o)));
	case FLD_NEXT:
		return oc && !oc->cancels_future && !oc->flags_phone;
	default:
		return true;
	}
}

/* The next contact as typed: "" none, a date, a date and a time, or a span from now. */
static bool parse_next(const char *text, hf_stamp now, struct outcome_input *in)
{
	char buf[64];
	str_copy(buf, sizeof buf, text);
	size_t n = strlen(buf);
	while (n && buf[n - 1] == ' ')
		buf[--n] = 0;
	const char *s = buf;
	while (*s == ' ')
		s++;
	in->has_next = false;
	in->next_has_time = false;
	return !*s || rules_parse_next(s, now, in);
}

/* The form as the rules' input; false (with check filled) when it cannot be one yet. */
static bool input_of(struct tui *t, struct outcome_view *o, struct outcome_input *in)
{
	const struct hf_config *cfg = &t->ctx->cfg;
	memset(in, 0, sizeof *in);
	const struct hf_outcome *oc = chosen(t, o);
	if (!oc) {
		snprintf(o->check, sizeof o->check, _("Choose the outcome: 1–%d."), cfg->noutcomes);
		return false;
	}
	in->code = oc->code;
	in->score = visible(t, o, FLD_SCORE) ? o->score : 0;
	in->dims = o->dim_in;
	in->ndims = 0;
	for (int k = 0; k < cfg->ndimensions; k++)
		if (visible(t, o, FLD_DIM + k) && o->dims[k] > 0) {
			struct hf_dim_score *d = &o->dim_in[in->ndims++];
			str_copy(d->code, sizeof d->code, cfg->dimensions[k].code);
			d->score = o->dims[k];
		}
	in->has_nps = visible(t, o, FLD_NPS) && o->nps >= 0;
	in->nps = o->nps;
	in->note = edit_text(&o->note);
	in->complaint = visible(t, o, FLD_COMPLAINT) && o->complaint >= 0
	              ? cfg->complaint_categories[o->complaint] : NULL;
	if (visible(t, o, FLD_NEXT) && !parse_next(edit_text(&o->next), t->ctx->now, in)) {
		snprintf(o->check, sizeof o->check,
		         _("Next contact: type YYYY-MM-DD, YYYY-MM-DD HH:MM or a span: +3d, +1w, +2h."));
		return false;
	}
	/* The proposal kept as it is: the call is booked already, nothing new to make. */
	if (o->next_booked && !o->next_touched)
		in->has_next = in->next_has_time = false;
	in->operator_login = t->ctx->login;
	in->operator_team = t->ctx->me.team;
	return true;
}

/* Checked on every key with the rules' own message. */
static void validate(struct tui *t, struct outcome_view *o)
{
	struct outcome_input in;
	o->valid = input_of(t, o, &in) &&
	           rules_check_outcome(&t->ctx->cfg, &o->task.t, &in, t->ctx->now, o->check,
	                               sizeof o->check);
	if (o->valid) {
		char key[32], moved[HF_ERRLEN] = "";
		hf_date day;
		int minute;
		keymap_first_key(ACT_SAVE, key, sizeof key);
		/* Said before saving: where a next contact off hours or on a day off will land. */
		if (in.has_next)
			rules_place_next(&t->ctx->cfg, &in, &day, &minute, moved, sizeof moved);
		if (moved[0])
			snprintf(o->check, sizeof o->check, _("%s. Ready: %s saves."), moved, key);
		else if (o->next_booked && !o->next_touched && !str_empty(edit_text(&o->next)))
			snprintf(o->check, sizeof o->check,
			         _("The next call is the one booked for %s: saving books nothing new. Ready: %s saves."),
			         edit_text(&o->next), key);
		else
			snprintf(o->check, sizeof o->check, _("Ready: %s saves."), key);
	}
}

/* The rules' next contact for the chosen outcome; false when they propose none. */
static bool propose(struct tui *t, struct outcome_view *o)
{
	if (o->next_touched)
		return true;
	const struct hf_outcome *oc = chosen(t, o);
	hf_stamp when;
	int booked = -1;
	char buf[20];
	o->next_booked = false;
	if (!oc || !rules_propose_next(&t->ctx->cfg, &o->task.t, o->others, o->nothers, oc->code,
	                               t->ctx->now, &when, &booked)) {
		edit_set(&o->next, "");
		return false;
	}
	o->next_booked = booked >= 0;
	/* A booked call without a time of day is shown as its day. */
	if (o->next_booked && o->others[booked].due_minute < 0)
		edit_set(&o->next, date_format(o->others[booked].due, buf));
	else
		edit_set(&o->next, stamp_format(when, buf));
	return true;
}

static void set_next_date(struct outcome_view *o, hf_date d)
{
	char buf[16];
	edit_set(&o->next, date_format(d, buf));
	o->next_touched = true;
	o->dirty = true;
}

/* ---- keys ---------------------------------------------------------------------------------- */

static void move_field(struct tui *t, struct outcome_view *o, int dir)
{
	int f = o->field;
	for (int i = 0; i < FLD__COUNT; i++) {
		f = (f + dir + FLD__COUNT) % FLD__COUNT;
		if (visible(t, o, f))
			break;
	}
	o->field = f;
}

static int choice_key(struct tui *t, struct outcome_view *o, tui_key k)
{
	const struct hf_config *cfg = &t->ctx->cfg;
	enum tui_action a = keymap_action(SCR_CHOICE, k);
	int step = a == ACT_CHOICE_NEXT ? 1 : a == ACT_CHOICE_PREV ? -1 : 0;
	int digit = k >= '0' && k <= '9' ? k - '0' : -1;
	bool dim = o->field >= FLD_DIM && o->field < FLD_DIM + HF_MAX_DIMS;
	if ((o->field == FLD_SCORE || dim) && k == ' ')
		digit = 0;
	if (o->field == FLD_NPS && k == ' ')
		digit = -2;
	if (!step && digit == -1)
		return TUI_UNHANDLED;
	if (dim) { /* as the score: 1-5, 0 or Space skips */
		int *score = &o->dims[o->field - FLD_DIM];
		int v = step ? *score + step : digit;
		if (v < 0 || v > 5)
			return TUI_REDRAW;
		*score = v;
		o->dirty = true;
		return TUI_REDRAW;
	}
	switch (o->field) {
	case FLD_OUTCOME: {
		int v = o->outcome;
		if (step)
			v = v < 0 ? 0 : v + step;
		else if (digit >= 1)
			v = digit - 1;
		if (v < 0 || v >= cfg->noutcomes)
			return TUI_REDRAW;
		if (v != o->outcome) {
			o->outcome = v;
			propose(t, o);
		}
		break;
	}
	case FLD_SCORE: {
		int v = step ? o->score + step : digit;
		if (v < 0 || v > 5)
			return TUI_REDRAW;
		o->score = v;
		break;
	}
	case FLD_NPS: {
		/* Space skips; "1" then "0" is 10. */
		int v = step ? o->nps + step : digit == -2 ? -1 : o->nps == 1 && digit == 0 ? 10 : digit;
		if (v < -1 || v > 10)
			return TUI_REDRAW;
		o->nps = v;
		break;
	}
	case FLD_COMPLAINT: {
		int v = step ? o->complaint + step : digit - 1;
		if (v < -1 || v >= cfg->ncomplaint_categories)
			return TUI_REDRAW;
		o->complaint = v;
		break;
	}
	default:
		return TUI_UNHANDLED;
	}
	o->dirty = true;
	return TUI_REDRAW;
}

static int next_key(struct tui *t, struct outcome_view *o, tui_key k)
{
	hf_date today = stamp_date(t->ctx->now);
	switch (keymap_action(SCR_NEXT, k)) {
	case ACT_NEXT_3D:
		set_next_date(o, today + 3);
		return TUI_REDRAW;
	case ACT_NEXT_1W:
		set_next_date(o, today + 7);
		return TUI_REDRAW;
	case ACT_NEXT_1M:
		set_next_date(o, date_add_months(today, 1));
		return TUI_REDRAW;
	case ACT_NEXT_PROPOSED:
		o->next_touched = false;
		if (!propose(t, o))
			tui_message(t, UI_COLOR_NOTICE, "%s",
			            chosen(t, o) ? _("Nothing to propose: no further call is booked for this customer.")
			                         : _("Choose the outcome first."));
		return TUI_REDRAW;
	case ACT_NEXT_CLEAR:
		edit_set(&o->next, "");
		o->next_touched = o->dirty = true;
		return TUI_REDRAW;
	default:
		break;
	}
	/* A digit typed at the end of the rules' proposal starts a new date: appended, it could
	 * only make the field invalid (and the operator would first have to erase 16 characters). */
	if (!o->next_touched && k >= '0' && k <= '9' && o->next.cur == strlen(edit_text(&o->next)))
		edit_set(&o->next, "");
	int f = edit_key(&o->next, k);
	if (!(f & TUI_UNHANDLED) && o->next.changed) {
		o->next_touched = o->dirty = true;
		o->next.changed = false;
	}
	return f;
}

static int save(struct tui *t, struct outcome_view *o)
{
	validate(t, o);
	if (!o->valid) {
		tui_message(t, UI_COLOR_ERROR, "%s", o->check);
		return TUI_REDRAW;
	}
	struct outcome_input in;
	input_of(t, o, &in);
	struct log_result res;
	char err[HF_ERRLEN];
	if (svc_log(t->ctx, o->task_id, &in, o->started, o->ended, &res, err, sizeof err) != HF_OK) {
		log_result_free(&res);
		tui_message(t, UI_COLOR_ERROR, "%s", err);
		return TUI_REDRAW;
	}
	struct sbuf text;
	sbuf_init(&text);
	svc_describe(t->ctx, &res, &text);
	log_result_free(&res);
	char head[300];
	snprintf(head, sizeof head, _("Saved: %s."), _(chosen(t, o)->label));
	/* The form and its call screen are done; the summary stands on the queue. */
	tui_close(t, &o->base);
	if (o->base.below && o->base.below->ops == &call_view_ops)
		tui_close(t, o->base.below);
	struct sbuf all;
	sbuf_init(&all);
	sbuf_printf(&all, "%s\n%s", head, text.len ? text.s : _("Nothing else follows from this outcome."));
	tui_push(t, summary_view_new(t, o->task_id, o->name, all.s));
	sbuf_free(&all);
	sbuf_free(&text);
	queue_reload(t);
	return TUI_REDRAW;
}

static unsigned form_screens(struct tui *t, struct tui_view *v)
{
	(void)t;
	struct outcome_view *o = (struct outcome_view *)v;
	unsigned s = SCR_FORM;
	if (o->field == FLD_NEXT)
		s |= SCR_NEXT;
	else if (o->field != FLD_NOTE)
		s |= SCR_CHOICE;
	return s;
}

static int form_key(struct tui *t, struct tui_view *v, tui_key k)
{
	struct outcome_view *o = (struct outcome_view *)v;
	if (o->confirm_cancel) {
		o->confirm_cancel = false;
		if (k == 'y' || k == 'Y')
			tui_close(t, v);
		return TUI_REDRAW;
	}
	int f = TUI_UNHANDLED;
	if (o->field == FLD_NOTE) {
		f = edit_key(&o->note, k);
		if (!(f & TUI_UNHANDLED) && o->note.changed)
			o->dirty = true;
		if (o->note.full)
			tui_message(t, UI_COLOR_ERROR, _("The note is full: at most %d bytes."),
			            (int)o->note.max_bytes);
	} else if (o->field == FLD_NEXT) {
		f = next_key(t, o, k);
	} else {
		f = choice_key(t, o, k);
	}
	if (!(f & TUI_UNHANDLED)) {
		validate(t, o);
		return f;
	}
	switch (keymap_action(form_screens(t, v), k)) {
	case ACT_NEXT_FIELD:
		move_field(t, o, 1);
		return TUI_REDRAW;
	case ACT_PREV_FIELD:
		move_field(t, o, -1);
		return TUI_REDRAW;
	case ACT_SAVE:
		return save(t, o);
	case ACT_CANCEL:
		if (o->dirty)
			o->confirm_cancel = true;
		else
			tui_close(t, v);
		return TUI_REDRAW;
	default:
		break;
	}
	/* Enter on a one-line field goes on to the next field. */
	if (k == '\r' && o->field != FLD_NOTE) {
		move_field(t, o, 1);
		return TUI_REDRAW;
	}
	return TUI_UNHANDLED;
}

/* ---- drawing --------------------------------------------------------------------------------- */

#define LABEL_W 12

static void label_text(struct tui *t, int y, bool focus, const char *text)
{
	char buf[128];
	snprintf(buf, sizeof buf, "%s%s", focus ? "> " : "  ", text);
	tui_field(t, y, 0, LABEL_W + 1, focus ? UI_COLOR_TITLE : UI_COLOR_NORMAL, focus ? A_BOLD : 0, -1,
	          buf);
}

static void label(struct tui *t, struct outcome_view *o, int y, int f, const char *text)
{
	label_text(t, y, o->field == f, text);
}

/* One choice: selected and focused reads as the selection, selected alone as bold. */
static int choice(struct tui *t, int y, int x, int w, bool selected, bool focus, const char *text)
{
	int color = selected && focus ? UI_COLOR_CURSOR : UI_COLOR_NORMAL;
	return tui_text(t, y, x, w, color, selected ? A_BOLD : 0, text);
}

/* The choices 1-5 of a score from x, the selected one in brackets; returns the columns used. */
static int score_choices(struct tui *t, int y, int x, int w, int score, bool focus)
{
	char buf[8];
	int cx = x;
	for (int s = 1; s <= 5; s++) {
		snprintf(buf, sizeof buf, s == score ? "[%d]" : " %d ", s);
		cx += choice(t, y, cx, x + w - cx, s == score, focus, buf) + 1;
	}
	return cx - x;
}

/* The widest dimension name the grid makes room for, in display columns. */
#define DIM_NAME_MAX_W 12

/* The dimensions after the overall score: a grid of as many a row as fit in w, each its name
 * and its choices, in the rules' order (the order Tab visits them). Returns the rows it takes,
 * the same whether the outcome asks for them or not, so the form does not jump. */
static int draw_dims(struct tui *t, struct outcome_view *o, int y, int x, int w)
{
	const struct hf_config *cfg = &t->ctx->cfg;
	int n = cfg->ndimensions, name_w = 1;
	if (!n)
		return 0;
	for (int k = 0; k < n; k++) {
		int nw = utf8_width(_(cfg->dimensions[k].name));
		name_w = nw > name_w ? nw : name_w;
	}
	name_w = name_w < DIM_NAME_MAX_W ? name_w : DIM_NAME_MAX_W;
	int cell_w = name_w + 1 + 20, per = (w + 2) / (cell_w + 2);
	per = per < 1 ? 1 : per;
	label_text(t, y, o->field >= FLD_DIM && o->field < FLD_DIM + n, _("Aspects"));
	if (!visible(t, o, FLD_DIM))
		tui_text(t, y, x, w, UI_COLOR_DIM, 0, _("- (not asked for this outcome)"));
	for (int k = 0; k < n && visible(t, o, FLD_DIM); k++) {
		int cy = y + k / per, cx = x + (k % per) * (cell_w + 2);
		bool here = o->field == FLD_DIM + k;
		tui_field(t, cy, cx, name_w, here ? UI_COLOR_TITLE : UI_COLOR_NORMAL, here ? A_BOLD : 0, -1,
		          _(cfg->dimensions[k].name));
		score_choices(t, cy, cx + name_w + 1, x + w - cx - name_w - 1, o->dims[k], here);
	}
	return (n + per - 1) / per;
}

/* From this width on the script stays in sight beside the form. */
#define SCRIPT_BESIDE_COLS 120

/* The form's width: the whole screen, or what the script beside it leaves. */
static int form_cols(struct tui *t, const struct outcome_view *o)
{
	if (!o->script || t->cols < SCRIPT_BESIDE_COLS)
		return t->cols;
	return t->cols - t->cols * 2 / 5;
}

/* The check's message on the two lines above the status line: the rules' messages run long
 * (a time later than now, with an example), and cut at 80 columns they lose the point. */
static void draw_check(struct tui *t, struct outcome_view *o, int y, int cols)
{
	struct tui_span *sp;
	size_t n = tui_wrap(o->check, cols - 2, true, &sp);
	for (size_t i = 0; i < n && i < 2; i++) {
		char *piece = xstrndup(o->check + sp[i].start, sp[i].end - sp[i].start);
		/* Cut short on the second line: end it in "…" so the cut shows. */
		if (i == 1 && n > 2)
			tui_field(t, y + 1, 1, cols - 2, o->valid ? UI_COLOR_NOTICE : UI_COLOR_ERROR, 0,
			          -1, o->check + sp[i].start);
		else
			tui_text(t, y + (int)i, 1, cols - 2, o->valid ? UI_COLOR_NOTICE : UI_COLOR_ERROR,
			         0, piece);
		free(piece);
	}
	free(sp);
}

static void form_draw(struct tui *t, struct tui_view *v)
{
	struct outcome_view *o = (struct outcome_view *)v;
	const struct hf_config *cfg = &t->ctx->cfg;
	char head[300], buf[256];
	snprintf(head, sizeof head, "%s · %s · %s #%lld", _("Log outcome"), o->name, _("task"),
	         (long long)o->task_id);
	tui_header(t, head, NULL);
	int cols = form_cols(t, o);
	if (cols < t->cols) {
		/* The script beside the form, as the call screen left it scrolled. */
		int sx = cols + 1, sw = t->cols - sx;
		char st[300];
		snprintf(st, sizeof st, " %s: %s", _("Script"), o->script_title);
		tui_field(t, 1, sx, sw, UI_COLOR_TAB, A_BOLD, -1, st);
		tui_vline(t, 1, cols, t->rows - 4, UI_COLOR_DIM);
		pager_draw(t, o->script, 2, sx + 1, t->rows - 5, sw - 1);
	}
	int x = LABEL_W + 2, w = cols - x - 1;
	int y = 2;

	label(t, o, y, FLD_OUTCOME, _("Outcome"));
	for (int i = 0; i < cfg->noutcomes; i++, y++) {
		bool sel = i == o->outcome;
		snprintf(buf, sizeof buf, "%s %d %s", sel ? "(*)" : "( )", i + 1, _(cfg->outcomes[i].label));
		choice(t, y, x, w, sel, o->field == FLD_OUTCOME, buf);
	}

	label(t, o, y, FLD_SCORE, _("Score"));
	if (visible(t, o, FLD_SCORE)) {
		int cx = x + score_choices(t, y, x, w, o->score, o->field == FLD_SCORE);
		tui_text(t, y, cx + 1, x + w - cx - 1, UI_COLOR_DIM, 0,
		         o->score ? "" : _("skipped (0 or Space)"));
	} else {
		tui_text(t, y, x, w, UI_COLOR_DIM, 0, _("- (not asked for this outcome)"));
	}
	y++;
	y += draw_dims(t, o, y, x, w);

	label(t, o, y, FLD_NPS, _("Recommend"));
	if (visible(t, o, FLD_NPS)) {
		int cx = x;
		for (int s = 0; s <= 10; s++) {
			snprintf(buf, sizeof buf, s == o->nps ? "[%d]" : " %d ", s);
			cx += choice(t, y, cx, x + w - cx, s == o->nps, o->field == FLD_NPS, buf);
		}
		tui_text(t, y, cx + 1, x + w - cx - 1, UI_COLOR_DIM, 0,
		         o->nps >= 0 ? "" : _("skipped (Space)"));
	} else {
		tui_text(t, y, x, w, UI_COLOR_DIM, 0, _("- (not asked for this outcome)"));
	}
	y++;

	label(t, o, y, FLD_COMPLAINT, _("Category"));
	if (visible(t, o, FLD_COMPLAINT)) {
		int cx = x;
		for (int i = 0; i < cfg->ncomplaint_categories && cx < x + w; i++) {
			bool sel = i == o->complaint;
			/* Brackets mark the choice in text too, so it shows without colour. */
			snprintf(buf, sizeof buf, sel ? "[%d %s]" : " %d %s ", i + 1,
			         cfg->complaint_categories[i]);
			cx += choice(t, y, cx, x + w - cx, sel, o->field == FLD_COMPLAINT, buf) + 1;
		}
	} else {
		tui_text(t, y, x, w, UI_COLOR_DIM, 0, _("- (for a complaint or a low score)"));
	}
	y++;

	int next_y = t->rows - 4;
	int note_h = next_y - y - 2;
	/* What is already booked, so a second call is not booked just before the curve's. */
	tui_text(t, next_y - 1, 2, LABEL_W - 1, UI_COLOR_NORMAL, 0, _("Booked"));
	tui_text(t, next_y - 1, x, w, UI_COLOR_DIM, 0, o->booked[0] ? o->booked : _("nothing else"));
	label(t, o, y, FLD_NOTE, _("Note"));
	edit_draw(t, &o->note, y, x, note_h > 1 ? note_h : 1, w, o->field == FLD_NOTE);

	label(t, o, next_y, FLD_NEXT, _("Next call"));
	if (visible(t, o, FLD_NEXT)) {
		edit_draw(t, &o->next, next_y, x, 1, 18, o->field == FLD_NEXT);
		struct sbuf hint;
		sbuf_init(&hint);
		const enum tui_action acts[] = {ACT_NEXT_3D, ACT_NEXT_1W, ACT_NEXT_1M, ACT_NEXT_PROPOSED,
		                                ACT_NEXT_CLEAR};
		for (size_t i = 0; i < sizeof acts / sizeof acts[0]; i++) {
			char key[32];
			keymap_first_key(acts[i], key, sizeof key);
			const char *l = keymap_label(acts[i]);
			sbuf_printf(&hint, "%s%s %s", i ? "  " : "", key, l ? l : keymap_help(acts[i]));
		}
		tui_text(t, next_y, x + 20, w - 20, UI_COLOR_DIM, 0, hint.s);
		sbuf_free(&hint);
	} else {
		tui_text(t, next_y, x, w, UI_COLOR_DIM, 0, _("- (no further calls after this outcome)"));
	}

	int cy = t->rows - 3;
	if (o->confirm_cancel)
		tui_text(t, cy, 1, cols - 2, UI_COLOR_ERROR, A_BOLD,
		         _("Discard this draft? y discards it; any other key goes back to it."));
	else
		draw_check(t, o, cy, cols);
	tui_status(t, SCR_FORM);
}

static void form_free(struct tui_view *v)
{
	struct outcome_view *o = (struct outcome_view *)v;
	edit_free(&o->note);
	edit_free(&o->next);
	free(o->others);
	free(o);
}

static const struct tui_view_ops outcome_ops = {
	.name = N_("Outcome"),
	.help_screens = SCR_FORM | SCR_CHOICE | SCR_NEXT,
	.screens = form_screens,
	.draw = form_draw,
	.key = form_key,
	.free = form_free,
};

static int by_due(const void *a_, const void *b_)
{
	const struct hf_task_rec *a = a_, *b = b_;
	long long ka = (long long)a->due * 1440 + a->due_minute, kb = (long long)b->due * 1440 + b->due_minute;
	return ka < kb ? -1 : ka > kb;
}

/* The customer's other open calls (curve steps, callbacks), soonest first. */
static void load_booked(struct tui *t, struct outcome_view *o)
{
	struct hf_task_rec *v = NULL;
	size_t n = 0;
	o->booked[0] = 0;
	if (!o->task.customer_id || !store_customer_tasks(t->ctx->st, o->task.customer_id, &v, &n))
		return;
	qsort(v, n, sizeof *v, by_due);
	o->others = v;
	o->nothers = n;
	size_t len = 0;
	for (size_t i = 0; i < n; i++) {
		if (v[i].id == o->task_id || v[i].status != TASK_OPEN)
			continue;
		char day[16];
		date_format(v[i].due, day);
		len += (size_t)snprintf(o->booked + len, sizeof o->booked - len, "%s%s %s",
		                        len ? "  ·  " : "", day, task_kind_label(v[i].kind));
		if (len >= sizeof o->booked)
			break;
	}
}

struct tui_view *outcome_view_new(struct tui *t, hf_id task, const char *customer_name,
                                  hf_stamp started, hf_stamp ended, struct tui_pager *script,
                                  const char *script_title)
{
	struct outcome_view *o = xcalloc(1, sizeof *o);
	o->script = script;
	str_copy(o->script_title, sizeof o->script_title, script_title ? script_title : "");
	o->base.ops = &outcome_ops;
	o->task_id = task;
	str_copy(o->name, sizeof o->name, customer_name);
	o->started = started;
	o->ended = ended;
	o->outcome = -1;
	o->complaint = -1;
	o->nps = -1;
	if (store_task_get(t->ctx->st, task, &o->task) != STORE_FOUND)
		memset(&o->task, 0, sizeof o->task);
	load_booked(t, o);
	edit_init(&o->note, true, HF_NOTE_MAX - 1);
	edit_init(&o->next, false, 20);
	o->next.allowed = "0123456789-: ";
	validate(t, o);
	return &o->base;
}
