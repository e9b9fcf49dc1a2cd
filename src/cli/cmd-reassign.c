/* cmd-reassign.c — `huifang reassign`: tasks to another operator or the team's pool. */
#include <stdio.h>

#include "huifang/cli.h"
#include "huifang/i18n.h"
#include "huifang/str.h"

#define MAX_TASKS 256

static int run_reassign(struct cli *cli, int argc, char **argv)
{
	const char *pos[MAX_TASKS], *from = NULL, *to = NULL;
	bool pool = false;
	const struct cli_opt opts[] = {{"--from", 0, OPT_STRING, &from}, {"--to", 0, OPT_STRING, &to},
	                               {"--pool", 0, OPT_FLAG, &pool}, {0}};
	int npos;
	hf_id ids[MAX_TASKS];
	int rc = cli_parse(argc, argv, opts, pos, MAX_TASKS, &npos, cli->err, sizeof cli->err);
	for (int i = 0; rc == HF_OK && i < npos; i++)
		rc = cli_id(cli, _("task id"), pos[i], &ids[i]);
	if (rc == HF_OK && pool == !str_empty(to))
		rc = (errf(cli->err, sizeof cli->err,
		           _("reassign: give --to LOGIN or --pool")), HF_EUSAGE);
	if (rc == HF_OK)
		rc = cli_setup(cli, true, ROLE_SUPERVISOR);
	if (rc != HF_OK)
		return rc;
	size_t moved;
	rc = svc_reassign(&cli->ctx, ids, (size_t)npos, from, pool ? NULL : to, &moved, cli->err,
	                  sizeof cli->err);
	if (rc == HF_OK) {
		if (pool)
			printf(ngettext("%zu task back to its team's pool\n",
			                "%zu tasks back to their team's pool\n", moved), moved);
		else
			printf(ngettext("%zu task reassigned to %s\n", "%zu tasks reassigned to %s\n", moved),
			       moved, to);
	}
	return rc;
}

const struct command cmd_reassign = {
	"reassign", "reassign (TASK... | --from LOGIN) (--to LOGIN | --pool)",
	N_("hand open tasks to another operator or the team's pool — supervisor"), run_reassign,
};
