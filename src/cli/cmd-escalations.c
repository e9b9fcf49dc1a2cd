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
	size_t n = store_escalations(cli->ctx.st, all, &e);
	static const char *keys[] = {"id", "severity", "status", "sla_due", "customer_id",
	                             "customer_name", "reason", "raised_by", "raised_at"};
	const char *titles[] = {_("id"), _("severity"), _("status"), _("SLA due"), _("customer id"),
	                        _("customer"), _("reason"), _("raised by"), _("raised at")};
	struct out_table t;
	out_init(&t, 9, keys, titles);
	for (size_t i = 0; i < n; i++) {
		char id[24], cid[24], sla[20], at[20], why[2 * HF_ORIGIN_MAX];
		snprintf(id, sizeof id, "%lld", (long long)e[i].id);
		snprintf(cid, sizeof cid, "%lld", (long long)e[i].customer_id);
		bool breached = rules_breached(e[i].status, e[i].sla_due, cli->ctx.now);
		const char *status = breached ? (fmt == FMT_TABLE ? _("breached") : "breached")
		                              : (fmt == FMT_TABLE ? esc_status_label(e[i].status)
		                                                  : esc_status_code(e[i].status));
		const char *row[] = {id,
		                     fmt == FMT_TABLE ? severity_label(e[i].severity) : severity_code(e[i].severity),
		                     status, stamp_format(e[i].sla_due, sla), cid, e[i].customer_name,
		                     fmt == FMT_TABLE ? rules_reason_text(&cli->ctx.cfg, e[i].reason, why, sizeof why)
		                                      : e[i].reason,
		                     e[i].raised_by, stamp_format(e[i].raised_at, at)};
		out_row(&t, row);
	}
	out_print(&t, fmt, stdout);
	out_free(&t);
	free(e);
	return HF_OK;
}

const struct command cmd_escalations = {
	"escalations", "escalations [--all] [--format table|tsv|json]",
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
