/* cmd-edit.c — `huifang edit customer`: fix a customer's record. */
#include "huifang/cli.h"
#include "huifang/i18n.h"

static int run_edit_customer(struct cli *cli, int argc, char **argv)
{
	struct customer_edit e = {0};
	const char *pos[1];
	const struct cli_opt opts[] = {
		{"--phone", 0, OPT_STRING, &e.phone}, {"--name", 0, OPT_STRING, &e.name},
		{"--gender", 0, OPT_STRING, &e.gender}, {"--birthday", 0, OPT_STRING, &e.birthday},
		{"--consultant", 0, OPT_STRING, &e.consultant}, {"--tag", 0, OPT_STRING, &e.tag},
		{"--untag", 0, OPT_STRING, &e.untag}, {0}};
	int npos;
	hf_id id;
	int rc = cli_parse(argc, argv, opts, pos, 1, &npos, cli->err, sizeof cli->err);
	if (rc == HF_OK)
		rc = cli_id(cli, _("customer id"), npos ? pos[0] : NULL, &id);
	if (rc == HF_OK)
		rc = cli_setup(cli, true, ROLE_OPERATOR);
	struct edit_result res;
	if (rc == HF_OK)
		rc = svc_edit_customer(&cli->ctx, id, &e, &res, cli->err, sizeof cli->err);
	if (rc != HF_OK)
		return rc;
	if (!res.changed)
		printf(_("customer %lld: nothing changed\n"), (long long)id);
	else
		printf(_("customer %lld updated\n"), (long long)id);
	if (res.phone_fixed)
		printf(_("the phone is valid again; data-fix tasks done: %d, calls back in the queue: "
		         "%d\n"), res.fixes_done, res.resumed);
	return HF_OK;
}

const struct command cmd_edit_customer = {
	"edit customer",
	"edit customer ID [--phone P] [--name N] [--gender F|M] [--birthday D] [--consultant L] [--tag T] [--untag T]",
	N_("fix a customer's record (a fixed phone ends the wrong-number flow) — audited"),
	run_edit_customer,
};
