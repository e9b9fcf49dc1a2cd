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
	struct cli_list dim = {{0}, 0};
	const struct cli_opt opts[] = {
		{"--outcome", 0, OPT_STRING, &outcome}, {"--score", 0, OPT_STRING, &score},
		{"--dim", 0, OPT_LIST, &dim}, {"--nps", 0, OPT_STRING, &nps},
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
	/* --dim NAME=SCORE: the score read now, the name once the rules are read. */
	struct hf_dim_score dims[CLI_LIST_MAX];
	for (int i = 0; i < dim.n; i++) {
		const char *eq = strrchr(dim.v[i], '=');
		long long v;
		if (!eq || eq == dim.v[i])
			return errf(cli->err, sizeof cli->err,
			            _("--dim: \"%s\" is not DIMENSION=SCORE (a dimension's name or code)"),
			            dim.v[i]), HF_EUSAGE;
		if (!str_to_int(eq + 1, &v) || v < 1 || v > 5)
			return errf(cli->err, sizeof cli->err, _("--dim %s: \"%s\" is not a score from 1 to 5"),
			            dim.v[i], eq + 1), HF_EUSAGE;
		dims[i].score = (int)v;
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
	in.complaint = complaint;
	in.callback_team = team;
	if ((rc = cli_setup(cli, true, ROLE_OPERATOR)) != HF_OK)
		return rc;
	/* After the set-up: a span ("+3d") counts from the clinic's clock. */
	if (next && !rules_parse_next(next, cli->ctx.now, &in))
		return errf(cli->err, sizeof cli->err,
		            _("%s: \"%s\" is not a date (YYYY-MM-DD, \"YYYY-MM-DD HH:MM\" or +3d, +1w, +1m, +2h)"),
		            "--next", next), HF_EUSAGE;
	if (team && !config_team(&cli->ctx.cfg, team))
		return errf(cli->err, sizeof cli->err, _("--team: unknown team \"%s\""), team), HF_EUSAGE;
	const struct hf_outcome *o = config_outcome_typed(&cli->ctx.cfg, outcome);
	if (o)
		in.code = o->code;
	for (int i = 0; i < dim.n; i++) {
		char name[4 * HF_NAME_MAX];
		size_t len = (size_t)(strrchr(dim.v[i], '=') - dim.v[i]);
		str_copy(name, len + 1 < sizeof name ? len + 1 : sizeof name, dim.v[i]);
		const struct hf_dimension *d = config_dimension_typed(&cli->ctx.cfg, name);
		if (!d) {
			struct sbuf known;
			sbuf_init(&known);
			rules_dimension_list(&cli->ctx.cfg, &known);
			if (known.len)
				errf(cli->err, sizeof cli->err, _("--dim: unknown dimension \"%s\" (expected one of: %s)"),
				     name, known.s);
			else
				errf(cli->err, sizeof cli->err, _("--dim: unknown dimension \"%s\": the rules list no dimensions"),
				     name);
			sbuf_free(&known);
			return HF_EUSAGE;
		}
		str_copy(dims[i].code, sizeof dims[i].code, d->code);
	}
	in.dims = dims;
	in.ndims = dim.n;
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
	"log", "log TASK --outcome CODE [--score N] [--dim NAME=N ...] [--nps N] [--note T] [--next D] [--complaint CAT] [--team T]",
	N_("log a call's outcome as the current user; prints what the rules did"), run_log,
};
