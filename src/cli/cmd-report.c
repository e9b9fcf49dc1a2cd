/* cmd-report.c — `huifang report daily|weekly|monthly|team`: the figures of a period per clinic
 * and per team and operator (or doctor, treatment, value segment), as a table with charts for
 * a person or as csv/json rows of figures. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "huifang/chart.h"
#include "huifang/cli.h"
#include "huifang/date.h"
#include "huifang/i18n.h"
#include "huifang/report.h"
#include "huifang/str.h"
#include "huifang/utf8.h"

/* A rate as a whole percentage, "-" when it has no denominator. */
static const char *rate(double v, char *buf, size_t size)
{
	if (v < 0)
		str_copy(buf, size, "-");
	else
		snprintf(buf, size, "%.0f%%", v);
	return buf;
}

static const char *nps_text(const struct report_figures *f, char *buf, size_t size)
{
	if (!f->nps_n)
		return str_copy(buf, size, "-"), buf;
	snprintf(buf, size, "%+.0f", report_nps(f));
	return buf;
}

static const char *num(double v, const char *fmt, char *buf, size_t size)
{
	if (v < 0)
		str_copy(buf, size, "-");
	else
		snprintf(buf, size, fmt, v);
	return buf;
}

static void out_report_row(void *arg, const char *const row[4])
{
	out_row(arg, (const char **)row);
}

/* ---- the table ------------------------------------------------------------------------- */

/* The groups: by teams and operators as always (operators indented under the clinic's row);
 * by another grouping, its title heads the first column and the scores' spread is added. */
static void table_rows(const struct hf_config *cfg, const struct report *r, bool team_kind)
{
	enum { NCOLS = 15 };
	static const char *keys[NCOLS] = {"group", "due", "attempted", "coverage", "tasks_reached",
	                                  "reach", "finished", "missed", "open", "calls", "avg",
	                                  "nps", "complaints", "esc", "scores"};
	bool staff = r->by == REPORT_BY_STAFF;
	const char *titles[NCOLS] = {report_by_heading(r->by), _("due"),
	                             _("attempted"), _("coverage"), _("answered"), _("reach"),
	                             _("finished"), _("missed"), _("open"),
	                             team_kind ? _("calls/h") : _("calls"), _("avg score"), _("NPS"),
	                             _("complaints"), _("escalations"), _("scores 1-5")};
	/* The scores' spread goes after the average. */
	static const int at[NCOLS] = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 14, 11, 12, 13};
	int ncols = staff ? NCOLS - 1 : NCOLS;
	const char *k[NCOLS], *tt[NCOLS];
	for (int i = 0; i < NCOLS; i++) {
		int j = staff ? i : at[i];
		k[i] = keys[j];
		tt[i] = titles[j];
	}
	struct out_table t;
	out_init(&t, ncols, k, tt);
	for (size_t i = 0; i < r->ngroups; i++) {
		const struct report_figures *f = &r->groups[i];
		char c[NCOLS][48], name[HF_NAME_MAX + 4];
		report_group_label(cfg, r, f, name, sizeof name);
		snprintf(c[1], sizeof c[1], "%d", f->due);
		snprintf(c[2], sizeof c[2], "%d", f->attempted);
		rate(report_coverage(f), c[3], sizeof c[3]);
		snprintf(c[4], sizeof c[4], "%d", f->reached);
		rate(report_reach(f), c[5], sizeof c[5]);
		snprintf(c[6], sizeof c[6], "%d", f->finished);
		snprintf(c[7], sizeof c[7], "%d", f->missed);
		snprintf(c[8], sizeof c[8], "%d", f->open);
		if (team_kind)
			num(report_calls_per_hour(f), "%.1f", c[9], sizeof c[9]);
		else
			snprintf(c[9], sizeof c[9], "%d", f->calls);
		num(report_avg_score(f), "%.2f", c[10], sizeof c[10]);
		nps_text(f, c[11], sizeof c[11]);
		char cr[16];
		snprintf(c[12], sizeof c[12], "%d (%s)", f->complaints,
		         rate(report_complaint_rate(f), cr, sizeof cr));
		char sla[16];
		snprintf(c[13], sizeof c[13], _("%d raised, %d resolved, %d breached, SLA met %s"),
		         f->esc_raised, f->esc_resolved, f->esc_breached,
		         rate(report_sla_met(f), sla, sizeof sla));
		snprintf(c[14], sizeof c[14], "%d/%d/%d/%d/%d", f->score_n[1], f->score_n[2],
		         f->score_n[3], f->score_n[4], f->score_n[5]);
		const char *row[NCOLS] = {name};
		for (int i2 = 1; i2 < NCOLS; i2++)
			row[i2] = c[staff ? i2 : at[i2]];
		out_row(&t, row);
	}
	out_print(&t, FMT_TABLE, stdout);
	out_free(&t);
}

/* Each satisfaction dimension per group, as the main table's rows: its average and how many
 * gave each score. Nothing when the rules list no dimension. */
static void dims_table(const struct hf_config *cfg, const struct report *r)
{
	if (!r->ndims)
		return;
	const char *keys[HF_MAX_DIMS + 1] = {"group"}, *titles[HF_MAX_DIMS + 1];
	titles[0] = report_by_heading(r->by);
	for (int k = 0; k < r->ndims; k++) {
		keys[k + 1] = r->dims[k];
		titles[k + 1] = config_dimension_name(cfg, r->dims[k]);
	}
	printf("\n%s\n", _("Satisfaction by dimension: the average, then how many gave 1/2/3/4/5"));
	struct out_table t;
	out_init(&t, r->ndims + 1, keys, titles);
	for (size_t i = 0; i < r->ngroups; i++) {
		const struct report_figures *f = &r->groups[i];
		char c[HF_MAX_DIMS][48], name[HF_NAME_MAX + 4];
		const char *row[HF_MAX_DIMS + 1] = {name};
		report_group_label(cfg, r, f, name, sizeof name);
		for (int k = 0; k < r->ndims; k++) {
			report_dim_text(f, k, c[k], sizeof c[k]);
			row[k + 1] = c[k];
		}
		out_row(&t, row);
	}
	out_print(&t, FMT_TABLE, stdout);
	out_free(&t);
}

/* A titled list of counts, labels padded by display columns; nothing when empty. */
static void section(const char *title, const struct report_count *v, size_t n, int width)
{
	if (!n)
		return;
	printf("\n%s\n", title);
	for (size_t i = 0; i < n; i++) {
		char label[4 * HF_NAME_MAX];
		utf8_pad(v[i].key, width, -1, label, sizeof label);
		printf("  %s %d\n", label, v[i].n);
	}
}

/* One chart row: the label, a bar of at most width cells for value of max, the value text. */
static void chart_row(const char *label, int label_width, double value, double max,
                      const char *text)
{
	enum { WIDTH = 30 };
	char l[128], b[WIDTH * 3 + 1], pad[WIDTH * 3 + WIDTH + 1];
	utf8_pad(label, label_width, -1, l, sizeof l);
	chart_bar(value, max, WIDTH, chart_utf8(), b, sizeof b);
	utf8_pad(b, WIDTH, -1, pad, sizeof pad);
	printf("  %s %s %s\n", l, pad, text);
}

static int max_of(const int *v, int n)
{
	int m = 0;
	for (int i = 0; i < n; i++)
		if (v[i] > m)
			m = v[i];
	return m;
}

static void charts(const struct report *r)
{
	const struct report_figures *all = &r->groups[0];
	char label[64], text[64];
	int max = max_of(all->score_n + 1, 5);
	printf("\n%s\n", _("Satisfaction scores"));
	for (int k = 5; k >= 1; k--) {
		snprintf(label, sizeof label, "%d", k);
		snprintf(text, sizeof text, "%d", all->score_n[k]);
		chart_row(label, 2, all->score_n[k], max, text);
	}
	if (r->kind == REPORT_WEEKLY || r->kind == REPORT_MONTHLY) {
		static const char *const wd[] = {"", N_("Mon"), N_("Tue"), N_("Wed"), N_("Thu"),
		                                 N_("Fri"), N_("Sat"), N_("Sun")};
		max = max_of(r->weekday_calls + 1, 7);
		printf("\n%s\n", _("Calls per weekday"));
		for (int d = 1; d <= 7; d++) {
			snprintf(text, sizeof text, "%d", r->weekday_calls[d]);
			chart_row(_(wd[d]), 5, r->weekday_calls[d], max, text);
		}
		max = 0;
		for (size_t i = 0; i < r->ndays; i++)
			if (r->days[i].calls > max)
				max = r->days[i].calls;
		printf("\n%s\n", _("Calls per day (reached)"));
		for (size_t i = 0; i < r->ndays; i++) {
			date_format(r->days[i].day, label);
			snprintf(text, sizeof text, "%d (%d)", r->days[i].calls, r->days[i].reached_calls);
			chart_row(label, 10, r->days[i].calls, max, text);
		}
	} else {
		int first = 24, last = -1;
		for (int h = 0; h < 24; h++)
			if (r->hour_calls[h]) {
				first = first < h ? first : h;
				last = h;
			}
		max = max_of(r->hour_calls, 24);
		if (last >= 0)
			printf("\n%s\n", _("Calls per hour"));
		for (int h = first; h <= last; h++) {
			snprintf(label, sizeof label, "%02d:00", h);
			snprintf(text, sizeof text, "%d", r->hour_calls[h]);
			chart_row(label, 5, r->hour_calls[h], max, text);
		}
	}
	section(_("Complaints by category"), r->categories, r->ncategories, 14);
	section(_("Missed by curve step"), r->steps, r->nsteps, 24);
}

static int run_report(struct cli *cli, int argc, char **argv)
{
	const char *pos[1], *date = NULL, *team = NULL, *format = NULL, *by_code = NULL;
	const struct cli_opt opts[] = {{"--date", 0, OPT_STRING, &date}, {"--team", 0, OPT_STRING, &team},
	                               {"--format", 0, OPT_STRING, &format},
	                               {"--by", 0, OPT_STRING, &by_code}, {0}};
	enum report_by by = REPORT_BY_STAFF;
	int npos;
	enum report_kind kind;
	enum out_format fmt;
	hf_date day;
	int rc = cli_parse(argc, argv, opts, pos, 1, &npos, cli->err, sizeof cli->err);
	if (rc == HF_OK && (npos == 0 || !report_kind_from_code(pos[0], &kind)))
		rc = (errf(cli->err, sizeof cli->err,
		           _("report: which report: daily, weekly, monthly or team")), HF_EUSAGE);
	if (rc == HF_OK && by_code && !report_by_from_code(by_code, &by))
		rc = (errf(cli->err, sizeof cli->err,
		           _("report: --by: \"%s\" is not team, operator, doctor, treatment or segment"),
		           by_code), HF_EUSAGE);
	if (rc == HF_OK && date)
		rc = cli_date(cli, "--date", date, &day);
	if (rc == HF_OK)
		rc = cli_format(cli, format, &fmt);
	if (rc == HF_OK)
		rc = cli_setup(cli, true, ROLE_SUPERVISOR);
	if (rc != HF_OK)
		return rc;
	/* By default the last complete day, as clinics check each morning. */
	if (!date)
		day = stamp_date(cli->ctx.now) - 1;
	struct report r;
	if ((rc = svc_report(&cli->ctx, kind, day, team, by, &r, cli->err, sizeof cli->err)) != HF_OK)
		return rc;
	if (fmt == FMT_CSV) {
		report_csv(&r, stdout);
	} else if (fmt != FMT_TABLE) {
		struct out_table t;
		out_init(&t, 4, (const char **)report_row_keys, (const char **)report_row_keys);
		report_rows(&r, out_report_row, &t);
		out_print(&t, fmt, stdout);
		out_free(&t);
	} else {
		static const char *const heads[] = {N_("Daily report"), N_("Weekly report"),
		                                    N_("Monthly report"), N_("Team report")};
		char a[16], b[16];
		printf("%s · %s", _(heads[kind]), date_format(r.from, a));
		if (r.to != r.from)
			printf(" – %s", date_format(r.to, b));
		printf("\n\n");
		table_rows(&cli->ctx.cfg, &r, kind == REPORT_TEAM);
		dims_table(&cli->ctx.cfg, &r);
		charts(&r);
		printf("\n%s\n", report_definitions());
		if (*report_by_definitions(by))
			printf("%s\n", report_by_definitions(by));
	}
	report_free(&r);
	return HF_OK;
}

const struct command cmd_report = {
	"report", "report daily|weekly|monthly|team [--date D] [--team T] [--by G] [--format table|csv|json]",
	N_("follow-up figures of a day, week or month per team and operator, doctor, treatment or "
	   "value segment — supervisor"), run_report,
};
