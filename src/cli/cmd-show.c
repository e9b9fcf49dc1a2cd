/* cmd-show.c — `huifang show customer ID`: a customer's card and history, newest first. */
#include <stdlib.h>
#include <string.h>

#include "huifang/cli.h"
#include "huifang/date.h"
#include "huifang/i18n.h"
#include "huifang/rules.h"
#include "huifang/str.h"
#include "huifang/utf8.h"

static int age_on(hf_date birthday, hf_date today)
{
	int by, bm, bd, y, m, d;
	date_to_ymd(birthday, &by, &bm, &bd);
	date_to_ymd(today, &y, &m, &d);
	int age = y - by;
	if (m < bm || (m == bm && d < bd))
		age--;
	return age;
}

/* A label and its value, the label padded to a common display width. */
static void field(const char *label, const char *value)
{
	char pad[64];
	utf8_pad(label, 10, -1, pad, sizeof pad);
	char *clean = utf8_clean(value, false);
	printf("  %s %s\n", pad, clean);
	free(clean);
}

static int run_show_customer(struct cli *cli, int argc, char **argv)
{
	const char *pos[1];
	const struct cli_opt opts[] = {{0}};
	int npos;
	hf_id id;
	int rc = cli_parse(argc, argv, opts, pos, 1, &npos, cli->err, sizeof cli->err);
	if (rc == HF_OK)
		rc = cli_id(cli, _("customer id"), npos ? pos[0] : NULL, &id);
	if (rc == HF_OK)
		rc = cli_setup(cli, true, ROLE_OPERATOR);
	if (rc != HF_OK)
		return rc;
	struct hf_ctx *ctx = &cli->ctx;
	struct hf_customer c;
	bool reveal = ctx->me.role >= ROLE_SUPERVISOR;
	rc = svc_view_customer(ctx, id, reveal, "", &c, cli->err, sizeof cli->err);
	if (rc != HF_OK)
		return rc;
	/* Everything is read before anything is printed: a failed read prints no half card. */
	struct hf_visit *visits = NULL;
	struct hf_call *calls = NULL;
	struct hf_escalation *esc = NULL;
	size_t nv = 0, nc = 0, ne = 0;
	if (!store_visits(ctx->st, id, &visits, &nv) || !store_calls(ctx->st, id, &calls, &nc) ||
	    !store_customer_escalations(ctx->st, id, &esc, &ne)) {
		free(visits);
		store_calls_free(calls, nc);
		return cli_read_failed(cli);
	}

	char buf[256], d1[20];
	printf("%s #%lld\n", _("Customer"), (long long)c.id);
	field(_("name"), c.name);
	field(_("gender"), str_eq(c.gender, "F") ? _("female") : str_eq(c.gender, "M") ? _("male") : "-");
	if (c.birthday != HF_NO_DATE) {
		snprintf(buf, sizeof buf, _("%d (born %s)"), age_on(c.birthday, stamp_date(ctx->now)),
		         date_format(c.birthday, d1));
		field(_("age"), buf);
	} else {
		field(_("age"), "-");
	}
	phone_mask(c.phone, reveal, buf, sizeof buf);
	field(_("phone"), buf);
	field(_("consultant"), str_empty(c.consultant) ? "-" : c.consultant);
	field(_("source"), str_empty(c.source) ? "-" : c.source);
	field(_("tags"), str_empty(c.tags) ? "-" : c.tags);
	struct sbuf value;
	sbuf_init(&value);
	rules_value_explain(&ctx->cfg, &c.value, &value);
	if (c.value.day != HF_NO_DATE && c.value.day != stamp_date(ctx->now))
		sbuf_printf(&value, _(" (as of %s)"), date_format(c.value.day, d1));
	field(_("value"), value.s);
	sbuf_free(&value);
	struct sbuf flags;
	sbuf_init(&flags);
	if (c.do_not_call)
		sbuf_add(&flags, _("do-not-call"));
	if (c.phone_invalid)
		sbuf_printf(&flags, "%s%s", flags.len ? ", " : "", _("phone invalid"));
	field(_("flags"), flags.len ? flags.s : "-");
	sbuf_free(&flags);

	printf("\n%s (%zu)\n", _("Visits"), nv);
	for (size_t i = 0; i < nv; i++) {
		char *t = utf8_clean(visits[i].treatment, false), *doc = utf8_clean(visits[i].doctor, false);
		char kind[64];
		utf8_pad(visit_kind_label(visits[i].kind), 16, -1, kind, sizeof kind);
		printf("  %s  %s %s%s%s\n", date_format(visits[i].date, d1), kind, t, *doc ? "  " : "", doc);
		free(t);
		free(doc);
	}
	free(visits);

	printf("\n%s (%zu)\n", _("Calls"), nc);
	for (size_t i = 0; i < nc; i++) {
		struct sbuf score;
		sbuf_init(&score);
		if (calls[i].score)
			sbuf_printf(&score, "  %s %d/5", _("score"), calls[i].score);
		if (calls[i].ndims) {
			sbuf_add(&score, "  (");
			rules_dims_append(&ctx->cfg, calls[i].dims, calls[i].ndims, &score);
			sbuf_addc(&score, ')');
		}
		if (calls[i].nps >= 0)
			sbuf_printf(&score, "  %s %d/10", _("recommend"), calls[i].nps);
		char *note = utf8_clean(calls[i].note, false), *scores = utf8_clean(score.s ? score.s : "", false);
		sbuf_free(&score);
		const struct hf_outcome *o = config_outcome(&ctx->cfg, calls[i].outcome);
		char outcome[64];
		utf8_pad(o ? _(o->label) : calls[i].outcome, 14, -1, outcome, sizeof outcome);
		printf("  %s  %s %s%s%s%s\n", stamp_format(calls[i].started, d1), outcome,
		       calls[i].operator_login, scores, *note ? "  " : "", note);
		free(scores);
		free(note);
	}
	store_calls_free(calls, nc);

	printf("\n%s (%zu)\n", _("Escalations"), ne);
	for (size_t i = 0; i < ne; i++) {
		struct sbuf why;
		sbuf_init(&why);
		rules_why_append(&ctx->cfg, &esc[i].reason, &why);
		char *reason = utf8_clean(why.s, false);
		sbuf_free(&why);
		printf("  %s  #%lld %s %s  %s\n", stamp_format(esc[i].raised_at, d1), (long long)esc[i].id,
		       severity_label(esc[i].severity), esc_status_label(esc[i].status), reason);
		free(reason);
	}
	free(esc);
	return HF_OK;
}

const struct command cmd_show_customer = {
	"show customer", "show customer ID", N_("a customer's card and history, newest first"),
	run_show_customer,
};
