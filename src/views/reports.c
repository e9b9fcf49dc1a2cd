/* reports.c — the Reports tab (supervisors): a period's figures per clinic and per team and
 * operator (or doctor, treatment, value segment), bar charts of scores, calls by hour or weekday
 * and per day, and the report as a CSV file. */
#include <curses.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "huifang/date.h"
#include "huifang/i18n.h"
#include "huifang/report.h"
#include "huifang/str.h"
#include "huifang/tui-views.h"
#include "huifang/utf8.h"

/* The periods `p` cycles through. */
static const enum report_kind kinds[] = {REPORT_DAILY, REPORT_WEEKLY, REPORT_MONTHLY};
#define NKINDS ((int)(sizeof kinds / sizeof kinds[0]))
static const char *const kind_titles[] = {N_("Daily"), N_("Weekly"), N_("Monthly"), N_("Team")};
static const char *const kind_codes[] = {"daily", "weekly", "monthly", "team"};
static const char *const weekdays[] = {"", N_("Mon"), N_("Tue"), N_("Wed"), N_("Thu"),
                                       N_("Fri"), N_("Sat"), N_("Sun")};

enum prompt { PROMPT_NONE, PROMPT_DATE, PROMPT_EXPORT };

struct reports_view {
	struct tui_view base;
	struct tui *t;
	int kind;                       /* index in kinds */
	hf_date day;
	int team;                       /* index in cfg.teams; -1 the whole clinic */
	enum report_by by;              /* what the lines per group are */
	struct report r;
	bool have, stale;
	struct tui_pager pager;
	enum prompt prompting;
	struct tui_edit prompt;
	char prompt_err[HF_ERRLEN];     /* shown over a prompt that stays open */
};

static const char *team_code(const struct reports_view *v)
{
	return v->team >= 0 ? v->t->ctx->cfg.teams[v->team].code : NULL;
}

static void load(struct reports_view *v)
{
	char err[HF_ERRLEN];
	report_free(&v->r);
	v->have = svc_report(v->t->ctx, kinds[v->kind], v->day, team_code(v), v->by, &v->r, err,
	                     sizeof err) == HF_OK;
	if (!v->have)
		tui_message(v->t, UI_COLOR_ERROR, "%s", err);
	v->stale = false;
}

/* ---- the lines of the report ------------------------------------------------------------- */

static const char *pct(double v, char *buf, size_t size, const char *fmt)
{
	if (v < 0)
		str_copy(buf, size, "-");
	else
		snprintf(buf, size, fmt, v);
	return buf;
}

/* A figure of the first group: its label padded, its value, how it was made. */
static void figure(struct tui_pager *p, const char *label, const char *value, const char *how)
{
	char l[128];
	utf8_pad(label, 22, -1, l, sizeof l);
	pager_addf(p, UI_COLOR_NORMAL, 0, 24, "  %s %s  %s", l, value, how);
}

static void figures(struct reports_view *v, struct tui_pager *p)
{
	const struct report_figures *f = &v->r.groups[0];
	char a[32], b[160];
	pager_addf(p, UI_COLOR_TITLE, A_BOLD, 0, "%s", report_group_name(&v->t->ctx->cfg, f));
	snprintf(b, sizeof b, _("(%d of %d tasks due were called)"), f->attempted, f->due);
	figure(p, _("Coverage"), pct(report_coverage(f), a, sizeof a, "%.1f%%"), b);
	snprintf(b, sizeof b, _("(%d of %d called tasks reached the customer)"), f->reached,
	         f->attempted);
	figure(p, _("Reach rate"), pct(report_reach(f), a, sizeof a, "%.1f%%"), b);
	snprintf(a, sizeof a, "%d", f->finished);
	snprintf(b, sizeof b, _("· missed %d · still open %d"), f->missed, f->open);
	figure(p, _("Finished"), a, b);
	snprintf(a, sizeof a, "%d", f->calls);
	char cph[32];
	snprintf(b, sizeof b, _("(%d reached the customer) · %s an hour"), f->reached_calls,
	         pct(report_calls_per_hour(f), cph, sizeof cph, "%.1f"));
	figure(p, _("Calls"), a, b);
	snprintf(b, sizeof b, _("(%d calls scored)"), f->scored);
	figure(p, _("Average satisfaction"), pct(report_avg_score(f), a, sizeof a, "%.2f"), b);
	/* Each dimension under the overall score, indented: its average, how many gave 1-5. */
	for (int k = 0; k < v->r.ndims; k++) {
		char l[HF_NAME_MAX + 4];
		const int *n = f->dim_n[k];
		snprintf(l, sizeof l, "  %s", config_dimension_name(&v->t->ctx->cfg, v->r.dims[k]));
		snprintf(b, sizeof b, _("(%d calls scored · 1-5: %d/%d/%d/%d/%d)"), f->dim_scored[k], n[1],
		         n[2], n[3], n[4], n[5]);
		figure(p, l, pct(report_dim_avg(f, k), a, sizeof a, "%.2f"), b);
	}
	if (f->nps_n)
		snprintf(a, sizeof a, "%+.1f", report_nps(f));
	else
		str_copy(a, sizeof a, "-");
	snprintf(b, sizeof b, _("(answers %d: promoters %d, detractors %d)"), f->nps_n,
	         f->promoters, f->detractors);
	figure(p, _("NPS"), a, b);
	snprintf(b, sizeof b, _("(complaints %d of calls that reached the customer %d)"),
	         f->complaints, f->reached_calls);
	figure(p, _("Complaint rate"), pct(report_complaint_rate(f), a, sizeof a, "%.1f%%"), b);
	snprintf(a, sizeof a, "%d", f->esc_raised);
	char sla[32];
	snprintf(b, sizeof b, _("raised · %d resolved · %d breached · SLA met %s"), f->esc_resolved,
	         f->esc_breached, pct(report_sla_met(f), sla, sizeof sla, "%.1f%%"));
	figure(p, _("Escalations"), a, b);
}

/* The charts: scores, calls by hour (a day) or weekday (a week, a month), calls per day. */
static void charts(struct reports_view *v, struct tui_pager *p, int bar_w)
{
	const struct report *r = &v->r;
	const struct report_figures *f = &r->groups[0];
	struct chart_row rows[32];
	char labels[32][32], texts[32][32];
	size_t n = 0;
	for (int k = 5; k >= 1; k--, n++) {
		snprintf(labels[n], sizeof labels[n], "%d", k);
		snprintf(texts[n], sizeof texts[n], "%d", f->score_n[k]);
		rows[n] = (struct chart_row){labels[n], f->score_n[k], texts[n]};
	}
	pager_add(p, UI_COLOR_NORMAL, 0, 0, "");
	chart_add(p, _("Satisfaction scores"), rows, n, bar_w);
	n = 0;
	if (r->kind == REPORT_DAILY || r->kind == REPORT_TEAM) {
		int first = 24, last = -1;
		for (int h = 0; h < 24; h++)
			if (r->hour_calls[h]) {
				first = first < h ? first : h;
				last = h;
			}
		for (int h = first; h <= last; h++, n++) {
			snprintf(labels[n], sizeof labels[n], "%02d:00", h);
			snprintf(texts[n], sizeof texts[n], "%d", r->hour_calls[h]);
			rows[n] = (struct chart_row){labels[n], r->hour_calls[h], texts[n]};
		}
		pager_add(p, UI_COLOR_NORMAL, 0, 0, "");
		if (n)
			chart_add(p, _("Calls per hour"), rows, n, bar_w);
		else
			pager_addf(p, UI_COLOR_DIM, 0, 0, "%s", _("No calls in this period."));
		return;
	}
	for (int d = 1; d <= 7; d++, n++) {
		snprintf(texts[n], sizeof texts[n], "%d", r->weekday_calls[d]);
		rows[n] = (struct chart_row){_(weekdays[d]), r->weekday_calls[d], texts[n]};
	}
	pager_add(p, UI_COLOR_NORMAL, 0, 0, "");
	chart_add(p, _("Calls per weekday"), rows, n, bar_w);
	n = 0;
	for (size_t i = 0; i < r->ndays && n < 32; i++, n++) {
		char d[16];
		date_format(r->days[i].day, d);
		snprintf(labels[n], sizeof labels[n], "%s %s", d + 5,
		         _(weekdays[date_weekday(r->days[i].day)]));
		snprintf(texts[n], sizeof texts[n], "%d (%d)", r->days[i].calls,
		         r->days[i].reached_calls);
		rows[n] = (struct chart_row){labels[n], r->days[i].calls, texts[n]};
	}
	pager_add(p, UI_COLOR_NORMAL, 0, 0, "");
	chart_add(p, _("Calls per day (reached)"), rows, n, bar_w);
}

static void counts(struct tui_pager *p, const char *title, const struct report_count *c, size_t n,
                   int bar_w)
{
	if (!n)
		return;
	struct chart_row *rows = xcalloc(n, sizeof *rows);
	char (*texts)[16] = xcalloc(n, sizeof *texts);
	for (size_t i = 0; i < n; i++) {
		snprintf(texts[i], sizeof texts[i], "%d", c[i].n);
		rows[i] = (struct chart_row){c[i].key, c[i].n, texts[i]};
	}
	pager_add(p, UI_COLOR_NORMAL, 0, 0, "");
	chart_add(p, title, rows, n, bar_w);
	free(rows);
	free(texts);
}

/* Per team and operator (or the grouping chosen): one line each, columns padded by display
 * width. */
static void groups(struct reports_view *v, struct tui_pager *p, bool wide)
{
	bool staff = v->by == REPORT_BY_STAFF;
	static const int w[] = {12, 4, 6, 8, 6, 5, 5, 9, 8, 5, 7};
	const char *heads[] = {_("who"), _("due"), _("called"), _("coverage"), _("reach"),
	                       _("avg"), _("NPS"), _("compl."), _("esc."), _("SLA"), _("calls/h")};
	int ncols = wide ? 11 : 10;
	struct sbuf line;
	sbuf_init(&line);
	char cell[11][64], pad[256];
	pager_add(p, UI_COLOR_NORMAL, 0, 0, "");
	if (staff)
		pager_addf(p, UI_COLOR_TITLE, 0, 0, "%s", _("Per team and operator"));
	else
		pager_addf(p, UI_COLOR_TITLE, 0, 0, _("Per %s"), report_by_title(v->by));
	for (size_t g = 0; g <= v->r.ngroups; g++) {
		const struct report_figures *f = g ? &v->r.groups[g - 1] : NULL;
		const char *c[11];
		if (!f) {
			for (int k = 0; k < ncols; k++)
				c[k] = heads[k];
		} else {
			char cr[16];
			report_group_label(&v->t->ctx->cfg, &v->r, f, cell[0], sizeof cell[0]);
			snprintf(cell[1], sizeof cell[1], "%d", f->due);
			snprintf(cell[2], sizeof cell[2], "%d", f->attempted);
			pct(report_coverage(f), cell[3], sizeof cell[3], "%.0f%%");
			pct(report_reach(f), cell[4], sizeof cell[4], "%.0f%%");
			pct(report_avg_score(f), cell[5], sizeof cell[5], "%.2f");
			if (f->nps_n)
				snprintf(cell[6], sizeof cell[6], "%+.0f", report_nps(f));
			else
				str_copy(cell[6], sizeof cell[6], "-");
			snprintf(cell[7], sizeof cell[7], "%d (%s)", f->complaints,
			         pct(report_complaint_rate(f), cr, sizeof cr, "%.0f%%"));
			snprintf(cell[8], sizeof cell[8], "%d/%d/%d", f->esc_raised, f->esc_resolved,
			         f->esc_breached);
			pct(report_sla_met(f), cell[9], sizeof cell[9], "%.0f%%");
			pct(report_calls_per_hour(f), cell[10], sizeof cell[10], "%.1f");
			for (int k = 0; k < ncols; k++)
				c[k] = cell[k];
		}
		sbuf_reset(&line);
		for (int k = 0; k < ncols; k++) {
			utf8_pad(c[k], w[k], k ? 1 : -1, pad, sizeof pad);
			sbuf_add(&line, " ");
			sbuf_add(&line, pad);
		}
		pager_add(p, f ? UI_COLOR_NORMAL : UI_COLOR_DIM, 0, 0, line.s);
	}
	sbuf_free(&line);
}

/* One line of a table: the group's cell, then each cell right-aligned to its width. */
static void table_line(struct tui_pager *p, bool head, const char *first, const char *const *cells,
                       const int *w, int n)
{
	struct sbuf line;
	char pad[256];
	sbuf_init(&line);
	utf8_pad(first, 14, -1, pad, sizeof pad);
	sbuf_printf(&line, " %s", pad);
	for (int k = 0; k < n; k++) {
		utf8_pad(cells[k], w[k], 1, pad, sizeof pad);
		sbuf_printf(&line, "  %s", pad);
	}
	pager_add(p, head ? UI_COLOR_DIM : UI_COLOR_NORMAL, 0, 0, line.s);
	sbuf_free(&line);
}

/* Each dimension per group: the average and how many gave 1/2/3/4/5. A column each when they
 * fit in width; else a table each (the average and a column per score), one under another. */
static void dims_groups(struct reports_view *v, struct tui_pager *p, int width)
{
	const struct report *r = &v->r;
	const struct hf_config *cfg = &v->t->ctx->cfg;
	if (!r->ndims)
		return;
	const char *who = report_by_heading(v->by);
	const char *names[HF_MAX_DIMS];
	char cell[48], label[HF_NAME_MAX + 4];
	int w[HF_MAX_DIMS], need = 15;
	for (int k = 0; k < r->ndims; k++) {
		names[k] = config_dimension_name(cfg, r->dims[k]);
		w[k] = utf8_width(names[k]);
		for (size_t g = 0; g < r->ngroups; g++) {
			report_dim_text(&r->groups[g], k, cell, sizeof cell);
			w[k] = utf8_width(cell) > w[k] ? utf8_width(cell) : w[k];
		}
		need += 2 + w[k];
	}
	pager_add(p, UI_COLOR_NORMAL, 0, 0, "");
	pager_addf(p, UI_COLOR_TITLE, 0, 0, "%s",
	           _("Satisfaction by dimension: the average, then how many gave 1/2/3/4/5"));
	if (need <= width) {
		char cells[HF_MAX_DIMS][48];
		const char *c[HF_MAX_DIMS];
		table_line(p, true, who, names, w, r->ndims);
		for (size_t g = 0; g < r->ngroups; g++) {
			for (int k = 0; k < r->ndims; k++) {
				report_dim_text(&r->groups[g], k, cells[k], sizeof cells[k]);
				c[k] = cells[k];
			}
			report_group_label(cfg, r, &r->groups[g], label, sizeof label);
			table_line(p, false, label, c, w, r->ndims);
		}
		return;
	}
	for (int k = 0; k < r->ndims; k++) {
		const char *h[6] = {names[k], "1", "2", "3", "4", "5"};
		int sw[6] = {utf8_width(names[k]) > 5 ? utf8_width(names[k]) : 5, 4, 4, 4, 4, 4};
		table_line(p, true, who, h, sw, 6);
		for (size_t g = 0; g < r->ngroups; g++) {
			const struct report_figures *f = &r->groups[g];
			char cells[6][16];
			const char *c[6];
			pct(report_dim_avg(f, k), cells[0], sizeof cells[0], "%.2f");
			for (int s2 = 1; s2 <= 5; s2++)
				snprintf(cells[s2], sizeof cells[s2], "%d", f->dim_n[k][s2]);
			for (int i = 0; i < 6; i++)
				c[i] = cells[i];
			report_group_label(cfg, r, f, label, sizeof label);
			table_line(p, false, label, c, sw, 6);
		}
	}
}

static void build(struct reports_view *v, int cols)
{
	struct tui_pager *p = &v->pager;
	pager_clear(p);
	if (!v->have)
		return;
	int bar_w = cols - 40;
	bar_w = bar_w > 50 ? 50 : bar_w < 10 ? 10 : bar_w;
	figures(v, p);
	charts(v, p, bar_w);
	counts(p, _("Complaints by category"), v->r.categories, v->r.ncategories, bar_w);
	counts(p, _("Missed by curve step"), v->r.steps, v->r.nsteps, bar_w);
	groups(v, p, cols >= 100);
	dims_groups(v, p, cols - 2);
	pager_add(p, UI_COLOR_NORMAL, 0, 0, "");
	pager_add(p, UI_COLOR_DIM, 0, 0, report_definitions());
	if (*report_by_definitions(v->by))
		pager_add(p, UI_COLOR_DIM, 0, 0, report_by_definitions(v->by));
}

/* ---- the view ---------------------------------------------------------------------------- */

static unsigned reports_screens(struct tui *t, struct tui_view *vv)
{
	return ((struct reports_view *)vv)->prompting ? SCR_PROMPT : SCR_REPORT | console_tab_screens(t);
}

static void reports_draw(struct tui *t, struct tui_view *vv)
{
	struct reports_view *v = (struct reports_view *)vv;
	if (v->stale)
		load(v);
	build(v, t->cols);
	console_header(t);
	char left[300], a[16], b[16];
	hf_date from, to;
	report_period(kinds[v->kind], v->day, &from, &to);
	date_format(from, a);
	date_format(to, b);
	/* A month as 2025-03, a week as 2025-03-10 – 03-16: room for the team at 80 columns. */
	if (kinds[v->kind] == REPORT_MONTHLY)
		a[7] = 0;
	int n = snprintf(left, sizeof left, "%s · %s", _(kind_titles[kinds[v->kind]]), a);
	if (kinds[v->kind] == REPORT_WEEKLY && n > 0 && (size_t)n < sizeof left)
		n += snprintf(left + n, sizeof left - (size_t)n, " – %s", b + 5);
	if (n > 0 && (size_t)n < sizeof left)
		n += snprintf(left + n, sizeof left - (size_t)n, " · %s",
		              v->team >= 0 ? t->ctx->cfg.teams[v->team].name : _("whole clinic"));
	if (v->by != REPORT_BY_STAFF && n > 0 && (size_t)n < sizeof left) {
		char per[96];
		snprintf(per, sizeof per, _("per %s"), report_by_title(v->by));
		snprintf(left + n, sizeof left - (size_t)n, " · %s", per);
	}
	console_bar(t, 1, &reports_view_ops, left, "");
	int h = t->rows - 3 - (v->prompting && v->prompt_err[0]);
	pager_draw(t, &v->pager, 2, 1, h, t->cols - 2);
	if (v->prompting) {
		if (v->prompt_err[0])
			tui_text(t, t->rows - 2, 1, t->cols - 2, UI_COLOR_ERROR, 0, v->prompt_err);
		console_prompt(t, &v->prompt,
		               v->prompting == PROMPT_DATE ? _("report on the day (YYYY-MM-DD):")
		                                           : _("write the report as CSV to:"),
		               NULL);
	} else {
		tui_status(t, tui_screens(t, vv));
	}
}

/* The export's default file: in the current directory, named by the report. */
static void default_path(const struct reports_view *v, char *out, size_t size)
{
	hf_date from, to;
	char d[16];
	report_period(kinds[v->kind], v->day, &from, &to);
	snprintf(out, size, "huifang-report-%s-%s%s%s%s%s.csv", kind_codes[kinds[v->kind]],
	         date_format(from, d), v->team >= 0 ? "-" : "", v->team >= 0 ? team_code(v) : "",
	         v->by != REPORT_BY_STAFF ? "-" : "", report_by_code(v->by));
}

static int export(struct reports_view *v, const char *path)
{
	bool exists = false;
	if (str_empty(path)) {
		str_copy(v->prompt_err, sizeof v->prompt_err, _("Give a file name."));
		return TUI_REDRAW;
	}
	if (!v->have || !report_csv_create(&v->r, path, &exists, v->prompt_err, sizeof v->prompt_err))
		return TUI_REDRAW;
	v->prompting = PROMPT_NONE;
	v->prompt_err[0] = 0;
	char *abs = realpath(path, NULL);
	tui_message(v->t, UI_COLOR_NOTICE, _("Report written to %s"), abs ? abs : path);
	free(abs);
	return TUI_REDRAW;
}

static int prompt_key(struct reports_view *v, tui_key k)
{
	int f = edit_key(&v->prompt, k);
	if (!(f & TUI_UNHANDLED)) {
		v->prompt_err[0] = 0;
		return f;
	}
	hf_date day;
	switch (keymap_action(SCR_PROMPT, k)) {
	case ACT_ACCEPT:
		if (v->prompting == PROMPT_EXPORT)
			return export(v, edit_text(&v->prompt));
		if (!date_parse(edit_text(&v->prompt), &day)) {
			snprintf(v->prompt_err, sizeof v->prompt_err,
			         _("\"%s\" is not a date (YYYY-MM-DD)"), edit_text(&v->prompt));
			return TUI_REDRAW;
		}
		v->prompting = PROMPT_NONE;
		v->day = day;
		v->pager.top = 0;
		load(v);
		return TUI_REDRAW;
	case ACT_CANCEL:
		v->prompting = PROMPT_NONE;
		v->prompt_err[0] = 0;
		return TUI_REDRAW;
	case ACT_HELP:
	case ACT_REDRAW:
		return TUI_UNHANDLED;
	default:
		return TUI_REDRAW;
	}
}

static int reports_key(struct tui *t, struct tui_view *vv, tui_key k)
{
	struct reports_view *v = (struct reports_view *)vv;
	if (v->prompting)
		return prompt_key(v, k);
	enum tui_action a = keymap_action(SCR_REPORT, k);
	int f = pager_act(&v->pager, a);
	if (!(f & TUI_UNHANDLED))
		return f;
	hf_date from, to;
	char buf[PATH_MAX];
	report_period(kinds[v->kind], v->day, &from, &to);
	switch (a) {
	case ACT_REPORT_PERIOD:
		v->kind = (v->kind + 1) % NKINDS;
		break;
	case ACT_REPORT_EARLIER:
		v->day = from - 1;
		break;
	case ACT_REPORT_LATER:
		v->day = to + 1;
		break;
	case ACT_REPORT_TEAM:
		v->team = v->team + 1 < t->ctx->cfg.nteams ? v->team + 1 : -1;
		break;
	case ACT_REPORT_BY:
		/* The lines per group are at the end: where one reads stays. */
		v->by = (enum report_by)((v->by + 1) % REPORT_BY__COUNT);
		load(v);
		return TUI_REDRAW;
	case ACT_REPORT_DATE:
	case ACT_REPORT_EXPORT:
		v->prompting = a == ACT_REPORT_DATE ? PROMPT_DATE : PROMPT_EXPORT;
		v->prompt_err[0] = 0;
		if (a == ACT_REPORT_DATE)
			date_format(v->day, buf);
		else
			default_path(v, buf, sizeof buf);
		edit_set(&v->prompt, buf);
		return TUI_REDRAW;
	default:
		return TUI_UNHANDLED;
	}
	v->pager.top = 0;
	load(v);
	return TUI_REDRAW;
}

static int reports_tick(struct tui *t, struct tui_view *vv, bool changed)
{
	struct reports_view *v = (struct reports_view *)vv;
	/* Another console's calls change the figures: read them again when next shown. */
	if (!changed)
		return TUI_NONE;
	v->stale = true;
	return t->top == vv ? TUI_REDRAW : TUI_NONE;
}

static void reports_free(struct tui_view *vv)
{
	struct reports_view *v = (struct reports_view *)vv;
	report_free(&v->r);
	pager_free(&v->pager);
	edit_free(&v->prompt);
	free(v);
}

const struct tui_view_ops reports_view_ops = {
	.name = N_("Reports"),
	.screens = reports_screens,
	.draw = reports_draw,
	.key = reports_key,
	.tick = reports_tick,
	.free = reports_free,
};

struct tui_view *reports_view_new(struct tui *t)
{
	struct reports_view *v = xcalloc(1, sizeof *v);
	v->base.ops = &reports_view_ops;
	v->t = t;
	v->team = -1;
	/* Yesterday, the last complete day, as `huifang report` and clinics each morning. */
	v->day = stamp_date(t->ctx->now) - 1;
	pager_init(&v->pager);
	edit_init(&v->prompt, false, PATH_MAX - 1);
	load(v);
	return &v->base;
}
