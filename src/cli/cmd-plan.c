/* cmd-plan.c — `huifang plan`: materialise due tasks, for the customers due or --full; idempotent. */
#include <stdlib.h>

#include "huifang/cli.h"
#include "huifang/date.h"
#include "huifang/i18n.h"
#include "huifang/str.h"

static int run_plan(struct cli *cli, int argc, char **argv)
{
	const char *date = NULL;
	bool full = false;
	const struct cli_opt opts[] = {{"--date", 0, OPT_STRING, &date}, {"--full", 0, OPT_FLAG, &full},
	                               {0}};
	int npos;
	hf_date day = HF_NO_DATE;
	int rc = cli_parse(argc, argv, opts, NULL, 0, &npos, cli->err, sizeof cli->err);
	if (rc == HF_OK && date)
		rc = cli_date(cli, "--date", date, &day);
	if (rc == HF_OK)
		rc = cli_setup(cli, true, ROLE_OPERATOR);
	if (rc != HF_OK)
		return rc;
	hf_date today = stamp_date(cli->ctx.now);
	/* Planning ahead would mark today's calls missed; another day is a supervisor's call. */
	if (day != HF_NO_DATE && day > today)
		return errf(cli->err, sizeof cli->err, _("--date: %s is in the future; plan runs for today "
		                                         "or a day that has passed"), date), HF_EUSAGE;
	if (day != HF_NO_DATE && day != today &&
	    (rc = svc_require(&cli->ctx, ROLE_SUPERVISOR, cli->err, sizeof cli->err)) != HF_OK)
		return rc;
	if (day == HF_NO_DATE)
		day = today;
	struct plan_counts c;
	if ((rc = svc_plan(&cli->ctx, day, full, &c, cli->err, sizeof cli->err)) != HF_OK)
		return rc;
	char d[16];
	printf(_("planned %s: %d created, %d merged, %d missed, %d released, %d cancelled, "
	         "%d escalated\n"), date_format(day, d), c.created, c.merged, c.missed, c.released,
	       c.cancelled, c.escalated);
	/* On the 1st: consultants' customers not seen for months, for reassignment. */
	int y, m, dd;
	date_to_ymd(day, &y, &m, &dd);
	if (dd == 1) {
		struct unseen_customer *u;
		size_t n;
		if (!svc_unseen_customers(&cli->ctx, day, &u, &n))
			return cli_read_failed(cli);
		printf(_("%zu consultants' customers unseen for %d months, to reassign:\n"), n,
		       cli->ctx.cfg.consultant_release_months);
		for (size_t i = 0; i < n; i++)
			printf("  %-12s #%-6lld %s  %s %s\n", u[i].consultant, (long long)u[i].id, u[i].name,
			       _("last visit"), date_format(u[i].last_visit, d));
		free(u);
	}
	return HF_OK;
}

const struct command cmd_plan = {
	"plan", "plan [--date D] [--full]",
	N_("write due follow-up tasks, mark missed ones, release stale ones (idempotent); only the "
	   "customers due that day, or --full every customer"), run_plan,
};
