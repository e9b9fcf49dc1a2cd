/* cmd-log.c — `huifang log`: log a call's outcome and print what the rules did. */
#include <stdlib.h>
#include <string.h>

#include "huifang/cli.h"
#include "huifang/date.h"
#include "huifang/i18n.h"
#include "huifang/str.h"
#include "huifang/utf8.h"

static int run_log(struct cli *cli, int argc, char **argv)
{
	const char *outcome = NULL, *score = NULL, *nps = NULL, *note = NULL, *next = NULL,
	           *complaint = NULL, *team = NULL, *pos[1];
	const struct cli_opt opts[] = {
		{"--outcome", 0, OPT_STRING, &outcome}, {"--score", 0, OPT_STRING, &score},
		{"--nps", 0, OPT_STRING, &nps},
		{"--note", 0, OPT_STRING, &note}, {"--next", 0, OPT_STRING, &next},
		{"--complaint", 0, OPT_STRING, &complaint}, {"--team", 0, OPT_STRING, &team}, {0}};
	int npos;
	hf_id task;
	int rc = cli_parse(argc, argv, opts, pos, 1, &npos, cli->err, sizeof cli->err);
	if (rc == HF_OK)
		rc = cli_id(cli, _("task id"), npos ? pos[0] : NULL, &task);
	if (rc != HF_OK)
		return rc;
	if (!outcome)
		return errf(cli->err, sizeof cli->err, _("log: --outcome is required")), HF_EUSAGE;
	struct outcome_input in = {0};
	in.code = outcome;
	if (score) {
		long long v;
		if (!str_to_int(score, &v) || v < 1 || v > 5)
			return errf(cli->err, sizeof cli->err, _("--score: \"%s\" is not a score from 1 to 5"),
			            score), HF_EUSAGE;
		in.score = (int)v;
	}
	if (nps) {
		long long v;
		if (!str_to_int(nps, &v) || v < 0 || v > 10)
			return errf(cli->err, sizeof cli->err,
			            _("--nps: \"%s\" is not a recommendation from 0 to 10"), nps), HF_EUSAGE;
		in.has_nps = true;
		in.nps = (int)v;
	}
	if (!utf8_check_text("--note", note, true, cli->err, sizeof cli->err))
		return HF_EUSAGE;
	in.note = note;
	if (next && !rules_parse_next(next, &in))
		return errf(cli->err, sizeof cli->err,
		            _("--next: \"%s\" is not a date (YYYY-MM-DD or \"YYYY-MM-DD HH:MM\")"), next),
		       HF_EUSAGE;
	in.complaint = complaint;
	in.callback_team = team;
	if ((rc = cli_setup(cli, true, ROLE_OPERATOR)) != HF_OK)
		return rc;
	if (team && !config_team(&cli->ctx.cfg, team))
		return errf(cli->err, sizeof cli->err, _("--team: unknown team \"%s\""), team), HF_EUSAGE;
	const struct hf_outcome *o = config_outcome_typed(&cli->ctx.cfg, outcome);
	if (o)
		in.code = o->code;
	struct log_result res;
	rc = svc_log(&cli->ctx, task, &in, HF_NO_STAMP, HF_NO_STAMP, &res, cli->err, sizeof cli->err);
	if (rc == HF_OK) {
		struct sbuf out;
		sbuf_init(&out);
		sbuf_printf(&out, _("call %lld logged on task %lld: %s\n"), (long long)res.call_id,
		            (long long)task, _(o->label));
		svc_describe(&cli->ctx, &res, &out);
		fputs(out.s, stdout);
		sbuf_free(&out);
	}
	log_result_free(&res);
	return rc;
}

const struct command cmd_log = {
	"log", "log TASK --outcome CODE [--score N] [--nps N] [--note T] [--next D] [--complaint CAT] [--team T]",
	N_("log a call's outcome as the current user; prints what the rules did"), run_log,
};
