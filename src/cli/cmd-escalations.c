/* cmd-escalations.c — the supervisor's escalations: `escalations` lists them, `escalation
 * show|ack|note|assign|callback|resolve|reopen` works one (ack and assign several at once). */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "huifang/cli.h"
#include "huifang/date.h"
#include "huifang/i18n.h"
#include "huifang/str.h"
#include "huifang/utf8.h"

/* Escalations one command may take at once. */
#define MAX_IDS 256

static int run_escalations(struct cli *cli, int argc, char **argv)
{
	const char *format = NULL;
	bool all = false, mine = false, breached = false;
	const struct cli_opt opts[] = {
		{"--all", 0, OPT_FLAG, &all}, {"--mine", 0, OPT_FLAG, &mine},
		{"--breached", 0, OPT_FLAG, &breached}, {"--format", 0, OPT_STRING, &format}, {0}};
	enum out_format fmt;
	int rc = cli_begin_list(cli, argc, argv, opts, &format, &fmt, true, ROLE_SUPERVISOR);
	if (rc == HF_OK && all + mine + breached > 1)
		rc = (errf(cli->err, sizeof cli->err,
		           _("escalations: choose one of --all, --mine and --breached")), HF_EUSAGE);
	if (rc != HF_OK)
		return rc;
	enum esc_filter f = all ? ESC_LIST_ALL : mine ? ESC_LIST_MINE
	                  : breached ? ESC_LIST_BREACHED : ESC_LIST_OPEN;
	/* tsv, json and csv carry the reason as stored, which the store writes. Each row is
	 * written as it is read. */
	struct col_env env = {&cli->ctx.cfg, cli->ctx.now, false, cli->ctx.st, 0};
	struct out_records out;
	out_records_begin(&out, fmt, &col_escalations, &env, OUT_PAGE, stdout);
	rc = svc_escalation_each(&cli->ctx, f, out_records_add, &out, cli->err, sizeof cli->err);
	out_records_end(&out, rc == HF_OK);
	return rc;
}

const struct command cmd_escalations = {
	"escalations", "escalations [--all|--mine|--breached] [--format table|tsv|json|csv]",
	N_("the supervisor queue: open escalations, breached first, then by severity and deadline — "
	   "supervisor"), run_escalations,
};

/* ---- one escalation ------------------------------------------------------------------- */

/* Parse the escalation ids (at most max) and the options, then set up as a supervisor. */
static int begin_action(struct cli *cli, int argc, char **argv, const struct cli_opt *opts,
                        hf_id *ids, int max, int *nids)
{
	const char *pos[MAX_IDS];
	int npos;
	int rc = cli_parse(argc, argv, opts, pos, max, &npos, cli->err, sizeof cli->err);
	if (rc == HF_OK && npos == 0)
		rc = cli_id(cli, _("escalation id"), NULL, &ids[0]);
	for (int i = 0; rc == HF_OK && i < npos; i++)
		rc = cli_id(cli, _("escalation id"), pos[i], &ids[i]);
	*nids = npos;
	return rc;
}

static int setup(struct cli *cli)
{
	return cli_setup(cli, true, ROLE_SUPERVISOR);
}

static void step_line(const struct hf_config *cfg, const struct hf_esc_step_row *s, int *last_to)
{
	char at[20], what[256];
	svc_escalation_step_text(cfg, s, last_to, what, sizeof what);
	char *note = utf8_clean(s->note, false), who[HF_NAME_MAX + 16];
	utf8_pad(s->login, 10, -1, who, sizeof who);
	printf("  %s  %s %s%s%s\n", stamp_format(s->at, at), who, what, *note ? ": " : "", note);
	free(note);
}

/* One line of the card: the label padded by display columns. */
static void card(const char *label, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void card(const char *label, const char *fmt, ...)
{
	char pad[64];
	struct sbuf b;
	sbuf_init(&b);
	va_list ap;
	va_start(ap, fmt);
	sbuf_vprintf(&b, fmt, ap);
	va_end(ap);
	utf8_pad(label, 12, -1, pad, sizeof pad);
	char *clean = utf8_clean(b.s, false);
	printf("  %s %s\n", pad, clean);
	free(clean);
	sbuf_free(&b);
}

/* One of the column model's values, as the table shows it. */
static const char *label_of(const char *code, const struct hf_escalation *e,
                            const struct col_env *env, char *buf, size_t size)
{
	col_value(&col_escalations, col_index(&col_escalations, code), e, env, COL_LABEL, buf, size);
	return buf;
}

static int run_show(struct cli *cli, int argc, char **argv)
{
	hf_id id;
	int n;
	const struct cli_opt opts[] = {{0}};
	int rc = begin_action(cli, argc, argv, opts, &id, 1, &n);
	if (rc != HF_OK || (rc = setup(cli)) != HF_OK)
		return rc;
	struct hf_escalation *e = xmalloc(sizeof *e);
	struct hf_esc_step_row *steps;
	size_t ns;
	if ((rc = svc_escalation_show(&cli->ctx, id, e, &steps, &ns, cli->err, sizeof cli->err)) != HF_OK) {
		free(e);
		return rc;
	}
	const struct hf_config *cfg = &cli->ctx.cfg;
	struct col_env env = {cfg, cli->ctx.now, false, cli->ctx.st, 0};
	char why[2 * HF_ORIGIN_MAX], left[64], age[32], sla[20], status[64], holder[HF_NAME_MAX];
	printf(_("Escalation %lld · %s · %s\n"), (long long)e->id, severity_label(e->severity),
	       label_of("status", e, &env, status, sizeof status));
	card(_("customer"), "%s (%lld)", e->customer_name, (long long)e->customer_id);
	card(_("reason"), "%s", rules_why_text(cfg, &e->reason, why, sizeof why));
	card(_("deadline"), "%s (%s)", stamp_format(e->sla_due, sla),
	     label_of("time_left", e, &env, left, sizeof left));
	card(_("raised by"), _("%s, %s ago"), e->raised_by, label_of("age", e, &env, age, sizeof age));
	card(_("level"), "%s", svc_ladder_name(cfg, e->level));
	card(_("held by"), "%s", label_of("holder", e, &env, holder, sizeof holder));
	if (e->call_id) {
		/* The call that raised it, with its scores: what the customer said. */
		struct hf_call call;
		struct sbuf line;
		sbuf_init(&line);
		sbuf_printf(&line, "%lld", (long long)e->call_id);
		enum store_found f = store_call_get(cli->ctx.st, e->call_id, &call);
		if (f == STORE_ERROR) {
			sbuf_free(&line);
			store_escalation_steps_free(steps, ns);
			free(e);
			return cli_read_failed(cli);
		}
		if (f == STORE_FOUND) {
			const struct hf_outcome *o = config_outcome(cfg, call.outcome);
			sbuf_printf(&line, " · %s", o ? _(o->label) : call.outcome);
			if (call.score)
				sbuf_printf(&line, " · %s %d/5", _("score"), call.score);
			if (call.ndims) {
				sbuf_add(&line, " · ");
				rules_dims_append(cfg, call.dims, call.ndims, &line);
			}
			free(call.note);
		}
		card(_("call"), "%s", line.s);
		sbuf_free(&line);
	}
	if (e->status == ESC_RESOLVED) {
		const struct hf_resolution *res = config_resolution(cfg, e->resolution_code);
		card(_("resolution"), "%s: %s", res ? res->name : e->resolution_code, e->resolution);
	}
	printf("\n%s\n", _("Timeline"));
	int last_to = 0;
	for (size_t i = 0; i < ns; i++)
		step_line(cfg, &steps[i], &last_to);
	store_escalation_steps_free(steps, ns);
	free(e);
	return HF_OK;
}

static int run_ack(struct cli *cli, int argc, char **argv)
{
	hf_id ids[MAX_IDS];
	int n;
	const char *note = NULL;
	const struct cli_opt opts[] = {{"--note", 0, OPT_STRING, &note}, {0}};
	int rc = begin_action(cli, argc, argv, opts, ids, MAX_IDS, &n);
	if (rc != HF_OK || (rc = setup(cli)) != HF_OK)
		return rc;
	rc = svc_escalation_ack(&cli->ctx, ids, (size_t)n, note, cli->err, sizeof cli->err);
	for (int i = 0; rc == HF_OK && i < n; i++)
		printf(_("escalation %lld acknowledged\n"), (long long)ids[i]);
	return rc;
}

static int run_note(struct cli *cli, int argc, char **argv)
{
	hf_id id;
	int n;
	const char *note = NULL;
	const struct cli_opt opts[] = {{"--note", 0, OPT_STRING, &note}, {0}};
	int rc = begin_action(cli, argc, argv, opts, &id, 1, &n);
	if (rc == HF_OK && str_empty(note))
		rc = (errf(cli->err, sizeof cli->err,
		           _("escalation note: the note's text is required (--note)")), HF_EUSAGE);
	if (rc != HF_OK || (rc = setup(cli)) != HF_OK)
		return rc;
	rc = svc_escalation_note(&cli->ctx, id, note, cli->err, sizeof cli->err);
	if (rc == HF_OK)
		printf(_("note added to escalation %lld\n"), (long long)id);
	return rc;
}

static int run_assign(struct cli *cli, int argc, char **argv)
{
	hf_id ids[MAX_IDS];
	int n;
	const char *to = NULL, *team = NULL, *note = NULL;
	const struct cli_opt opts[] = {{"--to", 0, OPT_STRING, &to}, {"--team", 0, OPT_STRING, &team},
	                               {"--note", 0, OPT_STRING, &note}, {0}};
	int rc = begin_action(cli, argc, argv, opts, ids, MAX_IDS, &n);
	if (rc != HF_OK || (rc = setup(cli)) != HF_OK)
		return rc;
	rc = svc_escalation_assign(&cli->ctx, ids, (size_t)n, to, team, note, cli->err,
	                           sizeof cli->err);
	const struct hf_team *t = team ? config_team(&cli->ctx.cfg, team) : NULL;
	for (int i = 0; rc == HF_OK && i < n; i++)
		printf(_("escalation %lld assigned to %s\n"), (long long)ids[i], t ? t->name : to);
	return rc;
}

static int run_callback(struct cli *cli, int argc, char **argv)
{
	hf_id id;
	int n;
	const char *at = NULL, *to = NULL;
	const struct cli_opt opts[] = {{"--at", 0, OPT_STRING, &at}, {"--to", 0, OPT_STRING, &to}, {0}};
	int rc = begin_action(cli, argc, argv, opts, &id, 1, &n);
	struct outcome_input when = {0};
	if (rc == HF_OK && !at)
		rc = (errf(cli->err, sizeof cli->err, _("escalation callback: --at is required")), HF_EUSAGE);
	if (rc != HF_OK || (rc = setup(cli)) != HF_OK)
		return rc;
	/* After the set-up: a span ("+2h") counts from the clinic's clock. */
	if (!rules_parse_next(at, cli->ctx.now, &when))
		return errf(cli->err, sizeof cli->err,
		            _("%s: \"%s\" is not a date (YYYY-MM-DD, \"YYYY-MM-DD HH:MM\" or +3d, +1w, +1m, +2h)"),
		            "--at", at), HF_EUSAGE;
	hf_id task;
	rc = svc_escalation_callback(&cli->ctx, id, &when, to, &task, cli->err, sizeof cli->err);
	if (rc == HF_OK)
		printf(_("callback task %lld scheduled for escalation %lld\n"), (long long)task,
		       (long long)id);
	return rc;
}

static int run_resolve(struct cli *cli, int argc, char **argv)
{
	hf_id id;
	int n;
	const char *note = NULL, *as = NULL;
	const struct cli_opt opts[] = {{"--note", 0, OPT_STRING, &note}, {"--as", 0, OPT_STRING, &as},
	                               {0}};
	int rc = begin_action(cli, argc, argv, opts, &id, 1, &n);
	if (rc == HF_OK && str_empty(note))
		rc = (errf(cli->err, sizeof cli->err,
		           _("escalation resolve: the resolution's text is required (--note)")), HF_EUSAGE);
	if (rc != HF_OK || (rc = setup(cli)) != HF_OK)
		return rc;
	rc = svc_escalation_resolve(&cli->ctx, id, as, note, cli->err, sizeof cli->err);
	if (rc == HF_OK)
		printf(_("escalation %lld resolved\n"), (long long)id);
	return rc;
}

static int run_reopen(struct cli *cli, int argc, char **argv)
{
	hf_id id;
	int n;
	const char *note = NULL;
	const struct cli_opt opts[] = {{"--note", 0, OPT_STRING, &note}, {0}};
	int rc = begin_action(cli, argc, argv, opts, &id, 1, &n);
	if (rc != HF_OK || (rc = setup(cli)) != HF_OK)
		return rc;
	rc = svc_escalation_reopen(&cli->ctx, id, note, cli->err, sizeof cli->err);
	if (rc == HF_OK)
		printf(_("escalation %lld reopened\n"), (long long)id);
	return rc;
}

const struct command cmd_escalation_show = {
	"escalation show", "escalation show ID",
	N_("an escalation with its call, reason, deadline and timeline — supervisor"), run_show,
};
const struct command cmd_escalation_ack = {
	"escalation ack", "escalation ack ID... [--note T]",
	N_("acknowledge escalations (you hold them unless someone does) — supervisor"), run_ack,
};
const struct command cmd_escalation_note = {
	"escalation note", "escalation note ID --note T",
	N_("add a note to an escalation's timeline — supervisor"), run_note,
};
const struct command cmd_escalation_assign = {
	"escalation assign", "escalation assign ID... (--to LOGIN | --team T) [--note T]",
	N_("assign escalations to a supervisor or a team — supervisor"), run_assign,
};
const struct command cmd_escalation_callback = {
	"escalation callback", "escalation callback ID --at D [--to LOGIN]",
	N_("schedule a supervisor's callback to the customer — supervisor"), run_callback,
};
const struct command cmd_escalation_resolve = {
	"escalation resolve", "escalation resolve ID --note T [--as CODE]",
	N_("resolve an escalation with a resolution category and its text — supervisor"), run_resolve,
};
const struct command cmd_escalation_reopen = {
	"escalation reopen", "escalation reopen ID [--note T]",
	N_("reopen a resolved escalation — supervisor"), run_reopen,
};
