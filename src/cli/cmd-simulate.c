/* cmd-simulate.c — `huifang simulate`: the schedule the rules would make, writing nothing. */
#include <stdlib.h>
#include <string.h>

#include "huifang/cli.h"
#include "huifang/date.h"
#include "huifang/i18n.h"
#include "huifang/str.h"

static int run_simulate(struct cli *cli, int argc, char **argv)
{
	const char *kind = NULL, *treatment = NULL, *date = NULL, *course_end = NULL, *format = NULL;
	const struct cli_opt opts[] = {
		{"--kind", 0, OPT_STRING, &kind}, {"--treatment", 0, OPT_STRING, &treatment},
		{"--date", 0, OPT_STRING, &date}, {"--course-end", 0, OPT_STRING, &course_end},
		{"--format", 0, OPT_STRING, &format}, {0}};
	int npos;
	enum out_format fmt;
	int rc = cli_parse(argc, argv, opts, NULL, 0, &npos, cli->err, sizeof cli->err);
	if (rc == HF_OK)
		rc = cli_format(cli, format, &fmt);
	if (rc != HF_OK)
		return rc;
	if (!kind)
		return errf(cli->err, sizeof cli->err, _("simulate: --kind is required")), HF_EUSAGE;
	enum hf_visit_kind k = visit_kind_from_code(kind);
	if (k == VISIT_NONE)
		return errf(cli->err, sizeof cli->err, _("--kind: unknown visit kind \"%s\" (consult, surgery, "
		                                         "course, discharge, injection)"), kind), HF_EUSAGE;
	if (!date)
		return errf(cli->err, sizeof cli->err, _("simulate: --date is required")), HF_EUSAGE;
	hf_date day, ce = HF_NO_DATE;
	if ((rc = cli_date(cli, "--date", date, &day)) != HF_OK)
		return rc;
	if (course_end && (rc = cli_date(cli, "--course-end", course_end, &ce)) != HF_OK)
		return rc;
	if ((rc = cli_setup(cli, false, ROLE_NONE)) != HF_OK)
		return rc;
	const struct hf_config *cfg = &cli->ctx.cfg;
	if (treatment && !config_treatment(cfg, treatment))
		fprintf(stderr, _("note: treatment \"%s\" is not in the configuration; using the %s curve\n"),
		        treatment, visit_kind_label(k));
	if (k == VISIT_INJECTION && (!treatment || !config_treatment(cfg, treatment) ||
	                             !config_treatment(cfg, treatment)->has_effect))
		return errf(cli->err, sizeof cli->err,
		            _("simulate: an injection needs --treatment with an effect duration in the "
		              "configuration (e.g. 玻尿酸)")), HF_EUSAGE;

	struct planned_call calls[HF_MAX_STEPS + 8];
	int n = rules_schedule(cfg, k, treatment, day, ce, calls, (int)(sizeof calls / sizeof calls[0]));
	static const char *keys[] = {"step", "offset", "nominal", "due", "moved", "window_end", "team",
	                             "script"};
	const char *titles[] = {_("step"), _("offset"), _("nominal"), _("due"), _("moved"),
	                        _("window end"), _("team"), _("script")};
	struct out_table t;
	out_init(&t, 8, keys, titles);
	for (int i = 0; i < n; i++) {
		char step[16], nom[16], due[16], we[16];
		snprintf(step, sizeof step, "%d", calls[i].step + 1);
		date_format(calls[i].nominal, nom);
		date_format(calls[i].due, due);
		date_format(calls[i].window_end, we);
		const char *moved = calls[i].due != calls[i].nominal ? (fmt == FMT_TABLE ? _("yes") : "yes")
		                                                     : (fmt == FMT_TABLE ? "" : "no");
		const char *team = fmt == FMT_TABLE ? config_team_name(cfg, calls[i].team) : calls[i].team;
		const char *row[] = {step, calls[i].offset, nom, due, moved, we, team, calls[i].script};
		out_row(&t, row);
	}
	out_print(&t, fmt, stdout);
	out_free(&t);
	return HF_OK;
}

const struct command cmd_simulate = {
	"simulate", "simulate --kind K [--treatment T] --date D [--course-end D] [--format table|tsv|json|csv]",
	N_("the follow-up schedule the rules would make for such a visit (writes nothing)"), run_simulate,
};
