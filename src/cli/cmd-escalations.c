/* cmd-escalations.c — the supervisor queue: `escalations`, `escalation ack|resolve`. */
#include <stdlib.h>
#include <string.h>

#include "huifang/cli.h"
#include "huifang/date.h"
#include "huifang/i18n.h"
#include "huifang/str.h"

static int run_escalations(struct cli *cli, int argc, char **argv)
{
	const char *format = NULL;
	bool all = false;
	const struct cli_opt opts[] = {
		{"--all", 0, OPT_FLAG, &all}, {"--format", 0, OPT_STRING, &format}, {0}};
	enum out_format fmt;
	int rc = cli_begin_list(cli, argc, argv, opts, &format, &fmt, true, ROLE_SUPERVISOR);
	if (rc != HF_OK)
		return rc;
	struct hf_escalation *e;
	size_t n;
	if (!store_escalations(cli->ctx.st, all, &e, &n))
		return cli_read_failed(cli);
	/* tsv, json and csv carry the reason as stored, which the store writes. */
	struct col_env env = {&cli->ctx.cfg, cli->ctx.now, false, cli->ctx.st};
	out_records(fmt, &col_escalations, e, n, &env, stdout);
	free(e);
	return HF_OK;
}

const struct command cmd_escalations = {
	"escalations", "escalations [--all] [--format table|tsv|json|csv]",
	N_("the supervisor queue: open escalations by severity and SLA — supervisor"), run_escalations,
};

static int escalation_step(struct cli *cli, int argc, char **argv, bool resolve)
{
	const char *note = NULL, *pos[1];
	const struct cli_opt opts[] = {{"--note", 0, OPT_STRING, &note}, {0}};
	int npos;
	hf_id id;
	int rc = cli_parse(argc, argv, opts, pos, 1, &npos, cli->err, sizeof cli->err);
	if (rc == HF_OK)
		rc = cli_id(cli, _("escalation id"), npos ? pos[0] : NULL, &id);
	if (rc == HF_OK && resolve && str_empty(note))
		rc = (errf(cli->err, sizeof cli->err,
		           _("escalation resolve: --note with the resolution is required")), HF_EUSAGE);
	if (rc == HF_OK)
		rc = cli_setup(cli, true, ROLE_SUPERVISOR);
	if (rc != HF_OK)
		return rc;
	rc = resolve ? svc_escalation_resolve(&cli->ctx, id, note, cli->err, sizeof cli->err)
	             : svc_escalation_ack(&cli->ctx, id, note, cli->err, sizeof cli->err);
	if (rc == HF_OK)
		printf(resolve ? _("escalation %lld resolved\n") : _("escalation %lld acknowledged\n"),
		       (long long)id);
	return rc;
}

static int run_ack(struct cli *cli, int argc, char **argv) { return escalation_step(cli, argc, argv, false); }
static int run_resolve(struct cli *cli, int argc, char **argv) { return escalation_step(cli, argc, argv, true); }

const struct command cmd_escalation_ack = {
	"escalation ack", "escalation ack ID [--note T]",
	N_("acknowledge an escalation — supervisor"), run_ack,
};
const struct command cmd_escalation_resolve = {
	"escalation resolve", "escalation resolve ID --note T",
	N_("resolve an escalation with its resolution — supervisor"), run_resolve,
};
