/* cmd-release.c — `huifang release`: a consultant's customer to another consultant. */
#include <stdio.h>

#include "huifang/cli.h"
#include "huifang/i18n.h"
#include "huifang/str.h"

static int run_release(struct cli *cli, int argc, char **argv)
{
	const char *pos[1], *to = NULL;
	const struct cli_opt opts[] = {{"--to", 0, OPT_STRING, &to}, {0}};
	int npos;
	hf_id customer = 0;
	int rc = cli_parse(argc, argv, opts, pos, 1, &npos, cli->err, sizeof cli->err);
	if (rc == HF_OK)
		rc = cli_id(cli, _("customer id"), npos ? pos[0] : NULL, &customer);
	if (rc == HF_OK && str_empty(to))
		rc = (errf(cli->err, sizeof cli->err, _("release: give --to LOGIN, the new consultant")),
		      HF_EUSAGE);
	if (rc == HF_OK)
		rc = cli_setup(cli, true, ROLE_SUPERVISOR);
	if (rc != HF_OK)
		return rc;
	size_t moved;
	rc = svc_release_customer(&cli->ctx, customer, to, &moved, cli->err, sizeof cli->err);
	if (rc == HF_OK)
		printf(ngettext("customer %lld released to %s with %zu open call\n",
		                "customer %lld released to %s with %zu open calls\n", moved),
		       (long long)customer, to, moved);
	return rc;
}

const struct command cmd_release = {
	"release", "release CUSTOMER --to LOGIN",
	N_("give a consultant's customer, with their open calls, to another consultant — supervisor"),
	run_release,
};
