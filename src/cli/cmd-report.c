/* cmd-report.c — `huifang report daily|weekly|monthly|team`: the figures of a period per clinic,
 * team and operator, as a table with charts for a person or as csv/json rows of figures. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "huifang/cli.h"
#include "huifang/date.h"
#include "huifang/i18n.h"
#include "huifang/report.h"
#include "huifang/str.h"
#include "huifang/utf8.h"

static const char *scope_code(enum report_scope s)
{
	return s == REPORT_CLINIC ? "clinic" : s == REPORT_OF_TEAM ? "team" : "operator";
}

/* A rate: one decimal, "" in the data and "-" on the table when it has no denominator. */
static const char *rate(double v, bool table, char *buf, size_t size)
{
	if (v < 0 && v > -999)
		str_copy(buf, size, table ? "-" : "");
	else if (v <= -999)
		str_copy(buf, size, table ? "-" : "");
	else
		snprintf(buf, size, table ? "%.0f%%" : "%.1f", v);
	return buf;
}

static const char *nps_text(const struct report_figures *f, bool table, char *buf, size_t size)
{
	if (!f->nps_n)
		return str_copy(buf, size, table ? "-" : ""), buf;
	snprintf(buf, size, table ? "%+.0f" : "%.1f", report_nps(f));
	return buf;
}

static const char *num(double v, const char *fmt, bool table, char *buf, size_t size)
{
	if (v < 0)
		str_copy(buf, size, table ? "-" : "");
	else
		snprintf(buf, size, fmt, v);
	return buf;
}

/* ---- data: one row per figure ------------------------------------------------------------ */

static void figure(struct out_table *t, const char *scope, const char *name, const char *fig,
                   const char *value)
{
	const char *row[] = {scope, name, fig, value};
	out_row(t, row);
}

static void figure_int(struct out_table *t, const char *scope, const char *name, const char *fig,
                       long long v)
{
	char buf[24];
	snprintf(buf, sizeof buf, "%lld", v);
	figure(t, scope, name, fig, buf);
}

static void data_rows(const struct report *r, struct out_table *t)
{
	char a[16], b[16], buf[32];
	figure(t, "period", "", "from", date_format(r->from, a));
	figure(t, "period", "", "to", date_format(r->to, b));
	for (size_t i = 0; i < r->ngroups; i++) {
		const struct report_figures *f = &r->groups[i];
		const char *s = scope_code(f->scope), *n = f->name;
		figure_int(t, s, n, "due", f->due);
		figure_int(t, s, n, "attempted", f->attempted);
		figure(t, s, n, "coverage_pct", rate(report_coverage(f), false, buf, sizeof buf));
		figure_int(t, s, n, "tasks_reached", f->reached);
		figure(t, s, n, "reach_pct", rate(report_reach(f), false, buf, sizeof buf));
		figure_int(t, s, n, "finished", f->finished);
		figure_int(t, s, n, "missed", f->missed);
		figure_int(t, s, n, "open", f->open);
		figure_int(t, s, n, "calls", f->calls);
		figure_int(t, s, n, "reached_calls", f->reached_calls);
		figure_int(t, s, n, "scored", f->scored);
		figure(t, s, n, "avg_score", num(report_avg_score(f), "%.2f", false, buf, sizeof buf));
		for (int k = 1; k <= 5; k++) {
			char key[16];
			snprintf(key, sizeof key, "score_%d", k);
			figure_int(t, s, n, key, f->score_n[k]);
		}
		figure_int(t, s, n, "nps_answers", f->nps_n);
		figure_int(t, s, n, "promoters", f->promoters);
		figure_int(t, s, n, "detractors", f->detractors);
		figure(t, s, n, "nps", nps_text(f, false, buf, sizeof buf));
		figure_int(t, s, n, "complaints", f->complaints);
		figure(t, s, n, "complaint_rate_pct", rate(report_complaint_rate(f), false, buf, sizeof buf));
		figure_int(t, s, n, "escalations_raised", f->esc_raised);
		figure_int(t, s, n, "escalations_resolved", f->esc_resolved);
		figure_int(t, s, n, "escalations_breached", f->esc_breached);
		figure(t, s, n, "sla_met_pct", rate(report_sla_met(f), false, buf, sizeof buf));
		figure(t, s, n, "calls_per_hour", num(report_calls_per_hour(f), "%.1f", false, buf, sizeof buf));
	}
	for (size_t i = 0; i < r->ncategories; i++)
		figure_int(t, "category", r->categories[i].key, "complaints", r->categories[i].n);
	for (size_t i = 0; i < r->nsteps; i++)
		figure_int(t, "step", r->steps[i].key, "missed", r->steps[i].n);
}

/* ---- the table ------------------------------------------------------------------------- */

static const char *group_name(const struct hf_config *cfg, const struct report_figures *f)
{
	if (f->scope == REPORT_CLINIC) {
		const struct hf_team *t = *f->name ? config_team(cfg, f->name) : NULL;
		return t ? t->name : _("whole clinic");
	}
	if (f->scope == REPORT_OF_TEAM) {
		const struct hf_team *t = config_team(cfg, f->name);
		return t ? t->name : f->name;
	}
	return f->name;
}

static void table_rows(const struct hf_config *cfg, const struct report *r, bool team_kind)
{
	static const char *keys[] = {"group", "due", "attempted", "coverage", "tasks_reached", "reach",
	                             "finished", "missed", "open", "calls", "avg", "nps",
	                             "complaints", "esc"};
	const char *titles[] = {_("who"), _("due"), _("attempted"), _("coverage"), _("answered"),
	                        _("reach"), _("finished"), _("missed"), _("open"),
	                        team_kind ? _("calls/h") : _("calls"), _("avg score"), _("NPS"),
	                        _("complaints"), _("escalations")};
	struct out_table t;
	out_init(&t, 14, keys, titles);
	for (size_t i = 0; i < r->ngroups; i++) {
		const struct report_figures *f = &r->groups[i];
		char c[14][48], name[HF_NAME_MAX + 4];
		snprintf(name, sizeof name, "%s%s", f->scope == REPORT_OF_OPERATOR ? "  " : "",
		         group_name(cfg, f));
		snprintf(c[1], sizeof c[1], "%d", f->due);
		snprintf(c[2], sizeof c[2], "%d", f->attempted);
		rate(report_coverage(f), true, c[3], sizeof c[3]);
		snprintf(c[4], sizeof c[4], "%d", f->reached);
		rate(report_reach(f), true, c[5], sizeof c[5]);
		snprintf(c[6], sizeof c[6], "%d", f->finished);
		snprintf(c[7], sizeof c[7], "%d", f->missed);
		snprintf(c[8], sizeof c[8], "%d", f->open);
		if (team_kind)
			num(report_calls_per_hour(f), "%.1f", true, c[9], sizeof c[9]);
		else
			snprintf(c[9], sizeof c[9], "%d", f->calls);
		num(report_avg_score(f), "%.2f", true, c[10], sizeof c[10]);
		nps_text(f, true, c[11], sizeof c[11]);
		char cr[16];
		snprintf(c[12], sizeof c[12], "%d (%s)", f->complaints,
		         rate(report_complaint_rate(f), true, cr, sizeof cr));
		char sla[16];
		snprintf(c[13], sizeof c[13], _("%d raised, %d resolved, %d breached, SLA met %s"),
		         f->esc_raised, f->esc_resolved, f->esc_breached,
		         rate(report_sla_met(f), true, sla, sizeof sla));
		const char *row[14] = {name};
		for (int k = 1; k < 14; k++)
			row[k] = c[k];
		out_row(&t, row);
	}
	out_print(&t, FMT_TABLE, stdout);
	out_free(&t);
}

/* A bar of block characters, width columns for the largest of max. */
static void bar(int n, int max, int width, char *out, size_t size)
{
	int w = max > 0 ? (n * width + max - 1) / max : 0;
	size_t o = 0;
	for (int i = 0; i < w && o + 4 < size; i++)
		o += (size_t)snprintf(out + o, size - o, "%s", "\xe2\x96\x88"); /* █ */
	out[o] = 0;
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

static void charts(const struct report *r)
{
	const struct report_figures *all = &r->groups[0];
	char b[256];
	int max = 0;
	for (int k = 1; k <= 5; k++)
		if (all->score_n[k] > max)
			max = all->score_n[k];
	printf("\n%s\n", _("Satisfaction scores"));
	for (int k = 5; k >= 1; k--) {
		bar(all->score_n[k], max, 30, b, sizeof b);
		printf("  %d  %-*s %d\n", k, (int)(strlen(b) - (size_t)utf8_width(b) + 30), b,
		       all->score_n[k]);
	}
	section(_("Complaints by category"), r->categories, r->ncategories, 14);
	section(_("Missed by curve step"), r->steps, r->nsteps, 24);
}

static void footer(void)
{
	printf("\n%s\n", _("due: tasks due in the period (not cancelled or merged); attempted: of "
	                   "those, called at least once; coverage = attempted / due; reached: "
	                   "attempted with the customer on the line (an outcome that takes a score, "
	                   "a callback or a refusal); reach = reached / attempted; finished, missed, "
	                   "open: their status now. calls, scores, NPS and complaints: calls made in "
	                   "the period; NPS = share of promoters (9-10) minus share of detractors "
	                   "(0-6), in points; complaint "
	                   "rate = complaints / calls that reached the customer. Escalations raised "
	                   "or resolved in the period; breached: raised and missed a deadline; SLA "
	                   "met = acknowledged in time / acknowledged or breached. calls/h: calls / "
	                   "hours from each day's first call to its last (at least 1 h). An owned "
	                   "task counts for its owner, a pool task for whoever called it last."));
}

static int run_report(struct cli *cli, int argc, char **argv)
{
	const char *pos[1], *date = NULL, *team = NULL, *format = NULL;
	const struct cli_opt opts[] = {{"--date", 0, OPT_STRING, &date}, {"--team", 0, OPT_STRING, &team},
	                               {"--format", 0, OPT_STRING, &format}, {0}};
	int npos;
	enum report_kind kind;
	enum out_format fmt;
	hf_date day;
	int rc = cli_parse(argc, argv, opts, pos, 1, &npos, cli->err, sizeof cli->err);
	if (rc == HF_OK && (npos == 0 || !report_kind_from_code(pos[0], &kind)))
		rc = (errf(cli->err, sizeof cli->err,
		           _("report: which report: daily, weekly, monthly or team")), HF_EUSAGE);
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
	if ((rc = svc_report(&cli->ctx, kind, day, team, &r, cli->err, sizeof cli->err)) != HF_OK)
		return rc;
	if (fmt != FMT_TABLE) {
		static const char *keys[] = {"scope", "name", "figure", "value"};
		struct out_table t;
		out_init(&t, 4, keys, keys);
		data_rows(&r, &t);
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
		charts(&r);
		footer();
	}
	report_free(&r);
	return HF_OK;
}

const struct command cmd_report = {
	"report", "report daily|weekly|monthly|team [--date D] [--team T] [--format table|csv|json]",
	N_("follow-up figures of a day, week or month per team and operator — supervisor"), run_report,
};
