/* cmd-audit.c — `huifang audit`: the audit trail, and --verify to check its hash chain. */
#include <stdio.h>
#include <stdlib.h>

#include "huifang/cli.h"
#include "huifang/date.h"
#include "huifang/i18n.h"
#include "huifang/str.h"

static int run_audit(struct cli *cli, int argc, char **argv)
{
	const char *format = NULL, *limit = NULL;
	bool verify = false;
	const struct cli_opt opts[] = {
		{"--verify", 0, OPT_FLAG, &verify}, {"--format", 0, OPT_STRING, &format},
		{"--limit", 0, OPT_STRING, &limit}, {0}};
	int npos;
	enum out_format fmt;
	long long max = 50;
	int rc = cli_parse(argc, argv, opts, NULL, 0, &npos, cli->err, sizeof cli->err);
	if (rc == HF_OK)
		rc = cli_format(cli, format, &fmt);
	if (rc == HF_OK && limit && (!str_to_int(limit, &max) || max < 1))
		rc = (errf(cli->err, sizeof cli->err, _("--limit: \"%s\" is not a positive number"), limit),
		      HF_EUSAGE);
	if (rc == HF_OK)
		rc = cli_setup(cli, true, ROLE_ADMIN);
	if (rc != HF_OK)
		return rc;
	struct store *st = cli->ctx.st;
	if (verify) {
		long long n = 0, rows = 0;
		struct audit_problem p;
		long long bad = store_audit_verify(st, &n, &rows, &p);
		if (bad < 0)
			return cli_read_failed(cli);
		if (bad) {
			store_audit_problem_text(&p, cli->err, sizeof cli->err);
			return HF_EFAIL;
		}
		printf(_("audit trail intact: %lld rows, %lld written rows as recorded\n"), n, rows);
		return HF_OK;
	}
	struct hf_audit_entry *v;
	size_t n;
	if (!store_audit_list(st, max, &v, &n))
		return errf(cli->err, sizeof cli->err, "%s", store_errmsg(st)), HF_EFAIL;
	struct col_env env = {&cli->ctx.cfg, cli->ctx.now, false, st};
	out_records(fmt, &col_audit, v, n, &env, stdout);
	store_audit_free(v, n);
	return HF_OK;
}

const struct command cmd_audit = {
	"audit", "audit [--verify] [--limit N] [--format table|tsv|json|csv]",
	N_("the audit trail (newest last); --verify checks its hash chain — admin"), run_audit,
};
