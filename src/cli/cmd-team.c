/* cmd-team.c — `huifang team`: the team's day per operator, as the console's Team tab shows it. */
#include <stdio.h>
#include <stdlib.h>

#include "huifang/cli.h"
#include "huifang/columns.h"
#include "huifang/date.h"
#include "huifang/i18n.h"

static int run_team(struct cli *cli, int argc, char **argv)
{
	const char *date = NULL, *format = NULL;
	const struct cli_opt opts[] = {{"--date", 0, OPT_STRING, &date},
	                               {"--format", 0, OPT_STRING, &format}, {0}};
	enum out_format fmt;
	int rc = cli_begin_list(cli, argc, argv, opts, &format, &fmt, true, ROLE_SUPERVISOR);
	hf_date day = stamp_date(cli->ctx.now);
	if (rc == HF_OK && date)
		rc = cli_date(cli, "--date", date, &day);
	if (rc != HF_OK)
		return rc;
	struct team_day *rows;
	size_t n;
	if ((rc = svc_team_day(&cli->ctx, day, &rows, &n, cli->err, sizeof cli->err)) != HF_OK)
		return rc;
	struct col_env env = {&cli->ctx.cfg, cli->ctx.now, false, NULL, 0};
	out_records(fmt, &col_team_day, rows, n, &env, stdout);
	free(rows);
	return HF_OK;
}

const struct command cmd_team = {
	"team", "team [--date D] [--format table|tsv|json|csv]",
	N_("the team's day per operator: due, called, reached, finished, missed, open, escalations, "
	   "score, calls per hour — supervisor"), run_team,
};
