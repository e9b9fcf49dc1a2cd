/* cmd-queue.c — `huifang queue`: the follow-up queue as the console shows it. */
#include <stdlib.h>
#include <string.h>

#include "huifang/cli.h"
#include "huifang/date.h"
#include "huifang/i18n.h"
#include "huifang/str.h"

static int run_queue(struct cli *cli, int argc, char **argv)
{
	const char *date = NULL, *user = NULL, *team = NULL, *format = NULL, *segment = NULL;
	bool all = false;
	const struct cli_opt opts[] = {
		{"--date", 0, OPT_STRING, &date}, {"--user", 0, OPT_STRING, &user},
		{"--team", 0, OPT_STRING, &team}, {"--all", 0, OPT_FLAG, &all},
		{"--segment", 0, OPT_STRING, &segment}, {"--format", 0, OPT_STRING, &format}, {0}};
	int npos;
	enum out_format fmt;
	int rc = cli_parse(argc, argv, opts, NULL, 0, &npos, cli->err, sizeof cli->err);
	if (rc == HF_OK)
		rc = cli_format(cli, format, &fmt);
	if (rc != HF_OK)
		return rc;
	if ((user != NULL) + (team != NULL) + all > 1)
		return errf(cli->err, sizeof cli->err, _("queue: --user, --team and --all exclude each other")),
		       HF_EUSAGE;
	hf_date day = HF_NO_DATE;
	if (date && (rc = cli_date(cli, "--date", date, &day)) != HF_OK)
		return rc;
	if ((rc = cli_setup(cli, true, ROLE_OPERATOR)) != HF_OK)
		return rc;
	struct hf_ctx *ctx = &cli->ctx;
	if (day == HF_NO_DATE)
		day = stamp_date(ctx->now);

	struct queue_filter f = {.scope = SCOPE_MINE_AND_POOL, .login = ctx->login, .team = ctx->me.team, .day = day};
	if (user) {
		f.scope = SCOPE_USER;
		f.login = user;
	} else if (team) {
		if (!config_team(&ctx->cfg, team))
			return errf(cli->err, sizeof cli->err, _("--team: unknown team \"%s\""), team), HF_EUSAGE;
		f.scope = SCOPE_TEAM;
		f.team = team;
	} else if (all) {
		f.scope = SCOPE_ALL;
	}
	if (segment && !config_segment(&ctx->cfg, segment))
		return errf(cli->err, sizeof cli->err, _("--segment: unknown segment \"%s\""), segment),
		       HF_EUSAGE;
	f.segment = segment;
	/* Operators see their own work and their team's; the rest is for supervisors. */
	bool own = f.scope == SCOPE_MINE_AND_POOL || (user && str_eq(user, ctx->login)) ||
	           (team && str_eq(team, ctx->me.team));
	if (!own && (rc = svc_require(ctx, ROLE_SUPERVISOR, cli->err, sizeof cli->err)) != HF_OK)
		return rc;

	/* Each row is written as it is read: a chain's whole queue is never held. */
	struct col_env env = {&ctx->cfg, ctx->now, false, ctx->st, 0};
	struct out_records out;
	out_records_begin(&out, fmt, &col_tasks, &env, OUT_PAGE, stdout);
	bool ok = store_queue_each(ctx->st, &f, out_records_add, &out);
	out_records_end(&out, ok);
	return ok ? HF_OK : cli_read_failed(cli);
}

const struct command cmd_queue = {
	"queue", "queue [--date D] [--user L | --team T | --all] [--segment S] [--format table|tsv|json|csv]",
	N_("the follow-up queue: overdue first, then due time and priority"), run_queue,
};
