/* cmd-lift-dnc.c — `huifang lift-dnc`: a supervisor lifts a customer's do-not-call flag. */
#include "huifang/cli.h"
#include "huifang/i18n.h"
#include "huifang/str.h"

static int run_lift_dnc(struct cli *cli, int argc, char **argv)
{
	const char *note = NULL, *pos[1];
	const struct cli_opt opts[] = {{"--note", 0, OPT_STRING, &note}, {0}};
	int npos;
	hf_id id;
	int resumed = 0;
	int rc = cli_parse(argc, argv, opts, pos, 1, &npos, cli->err, sizeof cli->err);
	if (rc == HF_OK)
		rc = cli_id(cli, _("customer id"), npos ? pos[0] : NULL, &id);
	if (rc == HF_OK && str_empty(note))
		rc = (errf(cli->err, sizeof cli->err, _("lift-dnc: --note with the reason is required")),
		      HF_EUSAGE);
	if (rc == HF_OK)
		rc = cli_setup(cli, true, ROLE_SUPERVISOR);
	if (rc == HF_OK)
		rc = svc_lift_dnc(&cli->ctx, id, note, &resumed, cli->err, sizeof cli->err);
	if (rc != HF_OK)
		return rc;
	printf(_("customer %lld may be called again\n"), (long long)id);
	printf(_("follow-up calls back in the queue: %d\n"), resumed);
	return HF_OK;
}

const struct command cmd_lift_dnc = {
	"lift-dnc", "lift-dnc CUSTOMER --note T",
	N_("let a do-not-call customer be called again — supervisor, audited"), run_lift_dnc,
};
