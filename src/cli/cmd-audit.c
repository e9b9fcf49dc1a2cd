/* cmd-audit.c — `huifang audit`: the audit trail; --verify checks its chain, the rows it
 * recorded and its anchors; `audit anchor` prints its head for an administrator to keep. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "huifang/anchor.h"
#include "huifang/cli.h"
#include "huifang/date.h"
#include "huifang/i18n.h"
#include "huifang/str.h"

/* Does the trail still hold anchor a? false with the reason in err. */
static bool anchor_holds(struct store *st, const struct anchor *a, const char *where, char *err,
                         size_t errlen, bool *unreadable)
{
	char hash[65] = "";
	if (!a->rows) {
		long long row = 0;
		enum store_found f = store_audit_row_of_hash(st, a->hash, &row);
		*unreadable = f == STORE_ERROR;
		if (f == STORE_NONE)
			errf(err, errlen, _("%s: no audit row has the anchored hash %.16s…: the trail was "
			                    "rewritten or cut"), where, a->hash);
		return f == STORE_FOUND;
	}
	enum store_found f = store_audit_hash_at(st, a->rows, hash);
	*unreadable = f == STORE_ERROR;
	if (f == STORE_NONE)
		errf(err, errlen, _("%s: the anchor of %s says %lld audit rows, the trail has fewer: its "
		                    "last rows were removed"), where, a->at, a->rows);
	else if (f == STORE_FOUND && strcmp(hash, a->hash) != 0)
		errf(err, errlen, _("%s: audit row %lld differs from the anchor of %s: the trail was "
		                    "rewritten up to there"), where, a->rows, a->at);
	return f == STORE_FOUND && strcmp(hash, a->hash) == 0;
}

/* Check every anchor of v[from..n) read from `source`; HF_OK, or the first one that fails. */
static int check_anchors(struct cli *cli, const struct anchor *v, size_t from, size_t n,
                         const char *source)
{
	for (size_t i = from; i < n; i++) {
		char where[1100];
		if (v[i].line)
			snprintf(where, sizeof where, "%s:%ld", source, v[i].line);
		else
			snprintf(where, sizeof where, "%s", source);
		bool unreadable = false;
		if (!anchor_holds(cli->ctx.st, &v[i], where, cli->err, sizeof cli->err, &unreadable))
			return unreadable ? cli_read_failed(cli) : HF_EFAIL;
	}
	return HF_OK;
}

/* --anchor FILE|HASH: the anchors an administrator kept. */
static int verify_kept(struct cli *cli, const char *arg)
{
	struct anchor one, *v = NULL;
	size_t n = 0;
	FILE *f = fopen(arg, "r");
	if (f) {
		anchor_read(f, NULL, &v, &n);
		fclose(f);
		if (!n)
			return errf(cli->err, sizeof cli->err, _("%s: no anchor in it (lines as `huifang "
			                                         "audit anchor` prints them)"), arg), HF_EUSAGE;
	} else if (anchor_parse(arg, &one)) {
		v = xmalloc(sizeof *v);
		v[0] = one;
		n = 1;
	} else {
		return errf(cli->err, sizeof cli->err, _("--anchor: \"%s\" is neither a readable file nor "
		                                         "a 64-digit hash"), arg), HF_EUSAGE;
	}
	int rc = check_anchors(cli, v, 0, n, f ? arg : "--anchor");
	if (rc == HF_OK)
		printf(ngettext("anchors: %zu kept anchor matches the trail\n",
		                "anchors: %zu kept anchors match the trail\n", n), n);
	free(v);
	return rc;
}

/* The anchors huifang sent to the system log (or to the log file named), since the last
 * restore: the ones before it describe the trail the restore replaced. */
static int verify_logged(struct cli *cli, const char *log)
{
	struct anchor *v = NULL;
	size_t n = 0;
	char source[1024];
	const char *db = store_anchor_db(cli->ctx.st);
	if (log) {
		FILE *f = fopen(log, "r");
		if (!f)
			return errf(cli->err, sizeof cli->err, _("--log: %s: cannot open"), log), HF_EUSAGE;
		anchor_read(f, db, &v, &n);
		fclose(f);
		str_copy(source, sizeof source, log);
	} else if (!anchor_read_system(db, &v, &n, source, sizeof source)) {
		printf("%s\n", _("system log: no anchors can be read here (journalctl -t huifang, "
		                 "/var/log/auth.log, /var/log/syslog): not checked"));
		return HF_OK;
	}
	size_t from = 0;
	for (size_t i = 0; i < n; i++)
		if (v[i].rows && strcmp(v[i].event, "restore") == 0)
			from = i;
	int rc = check_anchors(cli, v, from, n, source);
	if (rc == HF_OK && n == 0)
		printf(_("system log (%s): no anchors of this database\n"), source);
	else if (rc == HF_OK && from)
		printf(_("system log (%s): %zu anchors since the last restore match the trail (%zu "
		         "before it not checked)\n"), source, n - from, from);
	else if (rc == HF_OK)
		printf(ngettext("system log (%s): %zu anchor matches the trail\n",
		                "system log (%s): %zu anchors match the trail\n", n), source, n);
	free(v);
	return rc;
}

static int verify(struct cli *cli, const char *anchor, const char *log)
{
	long long n = 0, rows = 0;
	struct audit_problem p;
	long long bad = store_audit_verify(cli->ctx.st, &n, &rows, &p);
	if (bad < 0)
		return cli_read_failed(cli);
	if (bad) {
		store_audit_problem_text(&p, cli->err, sizeof cli->err);
		return HF_EFAIL;
	}
	printf(_("audit trail intact: %lld rows, %lld written rows as recorded\n"), n, rows);
	int rc = anchor ? verify_kept(cli, anchor) : HF_OK;
	return rc == HF_OK ? verify_logged(cli, log) : rc;
}

static int run_audit(struct cli *cli, int argc, char **argv)
{
	const char *format = NULL, *limit = NULL, *anchor = NULL, *log = NULL;
	bool check = false;
	const struct cli_opt opts[] = {
		{"--verify", 0, OPT_FLAG, &check}, {"--format", 0, OPT_STRING, &format},
		{"--limit", 0, OPT_STRING, &limit}, {"--anchor", 0, OPT_STRING, &anchor},
		{"--log", 0, OPT_STRING, &log}, {0}};
	int npos;
	enum out_format fmt;
	long long max = 50;
	int rc = cli_parse(argc, argv, opts, NULL, 0, &npos, cli->err, sizeof cli->err);
	if (rc == HF_OK)
		rc = cli_format(cli, format, &fmt);
	if (rc == HF_OK && limit && (!str_to_int(limit, &max) || max < 1))
		rc = (errf(cli->err, sizeof cli->err, _("--limit: \"%s\" is not a positive number"), limit),
		      HF_EUSAGE);
	if (rc == HF_OK && (anchor || log) && !check)
		rc = (errf(cli->err, sizeof cli->err, _("--anchor and --log go with --verify")), HF_EUSAGE);
	if (rc == HF_OK)
		rc = cli_setup(cli, true, ROLE_ADMIN);
	if (rc != HF_OK)
		return rc;
	struct store *st = cli->ctx.st;
	if (check)
		return verify(cli, anchor, log);
	struct hf_audit_entry *v;
	size_t n;
	if (!store_audit_list(st, max, &v, &n))
		return errf(cli->err, sizeof cli->err, "%s", store_errmsg(st)), HF_EFAIL;
	struct col_env env = {&cli->ctx.cfg, cli->ctx.now, false, st, 0};
	out_records(fmt, &col_audit, v, n, &env, stdout);
	store_audit_free(v, n);
	return HF_OK;
}

static int run_audit_anchor(struct cli *cli, int argc, char **argv)
{
	int npos;
	const struct cli_opt opts[] = {{0}};
	int rc = cli_parse(argc, argv, opts, NULL, 0, &npos, cli->err, sizeof cli->err);
	if (rc == HF_OK)
		rc = cli_setup(cli, true, ROLE_ADMIN);
	if (rc != HF_OK)
		return rc;
	struct anchor a = {0};
	if (!store_audit_head(cli->ctx.st, &a.rows, a.hash))
		return cli_read_failed(cli);
	if (!a.rows)
		return errf(cli->err, sizeof cli->err, "%s", _("the audit trail is empty: nothing to "
		                                               "anchor")), HF_EFAIL;
	stamp_format(cli->ctx.now, a.at);
	a.at[10] = 'T';
	str_copy(a.event, sizeof a.event, "admin");
	str_copy(a.db, sizeof a.db, store_anchor_db(cli->ctx.st));
	char line[1400];
	anchor_format(&a, line, sizeof line);
	printf("%s\n", line);
	return HF_OK;
}

const struct command cmd_audit = {
	"audit", "audit [--verify [--anchor FILE|HASH] [--log FILE]] [--limit N] "
	"[--format table|tsv|json|csv]",
	N_("the audit trail (newest last); --verify checks its chain, the rows it recorded and its "
	   "anchors — admin"), run_audit,
};

const struct command cmd_audit_anchor = {
	"audit anchor", "audit anchor",
	N_("the audit trail's head (row count and last hash) as one line to keep elsewhere — admin"),
	run_audit_anchor,
};
