/* cmd-add.c — `huifang add customer` and `huifang add visit`: records by hand. */
#include <string.h>

#include "huifang/cli.h"
#include "huifang/date.h"
#include "huifang/i18n.h"
#include "huifang/str.h"
#include "huifang/utf8.h"

static int run_add_customer(struct cli *cli, int argc, char **argv)
{
	const char *name = NULL, *phone = NULL, *gender = NULL, *birthday = NULL, *consultant = NULL,
	           *ext = NULL, *source = NULL, *tags = NULL;
	const struct cli_opt opts[] = {
		{"--name", 0, OPT_STRING, &name}, {"--phone", 0, OPT_STRING, &phone},
		{"--gender", 0, OPT_STRING, &gender}, {"--birthday", 0, OPT_STRING, &birthday},
		{"--consultant", 0, OPT_STRING, &consultant}, {"--external-id", 0, OPT_STRING, &ext},
		{"--source", 0, OPT_STRING, &source}, {"--tags", 0, OPT_STRING, &tags}, {0}};
	int npos;
	int rc = cli_parse(argc, argv, opts, NULL, 0, &npos, cli->err, sizeof cli->err);
	if (rc != HF_OK)
		return rc;
	struct hf_customer c = {0};
	if (str_empty(name))
		return errf(cli->err, sizeof cli->err, _("add customer: --name is required")), HF_EUSAGE;
	if (!phone)
		return errf(cli->err, sizeof cli->err, _("add customer: --phone is required")), HF_EUSAGE;
	if (!cli_text(cli, "--name", name, sizeof c.name) || !cli_text(cli, "--consultant", consultant, sizeof c.consultant) ||
	    !cli_text(cli, "--external-id", ext, sizeof c.external_id) || !cli_text(cli, "--source", source, sizeof c.source) ||
	    !cli_text(cli, "--tags", tags, sizeof c.tags) || !cli_phone(cli, phone, c.phone, sizeof c.phone) ||
	    !cli_gender(cli, gender, c.gender))
		return HF_EUSAGE;
	c.birthday = HF_NO_DATE;
	if (birthday && (rc = cli_date(cli, "--birthday", birthday, &c.birthday)) != HF_OK)
		return rc;
	str_copy(c.name, sizeof c.name, name);
	str_copy(c.consultant, sizeof c.consultant, consultant ? consultant : "");
	str_copy(c.external_id, sizeof c.external_id, ext ? ext : "");
	str_copy(c.source, sizeof c.source, source ? source : "");
	str_copy(c.tags, sizeof c.tags, tags ? tags : "");
	if ((rc = cli_setup(cli, true, ROLE_OPERATOR)) != HF_OK)
		return rc;
	if (c.birthday != HF_NO_DATE && c.birthday > stamp_date(cli->ctx.now))
		return errf(cli->err, sizeof cli->err, _("--birthday: %s is in the future"), birthday),
		       HF_EUSAGE;
	hf_id id;
	if ((rc = svc_add_customer(&cli->ctx, &c, &id, cli->err, sizeof cli->err)) != HF_OK)
		return rc;
	printf("%lld\n", (long long)id);
	return HF_OK;
}

const struct command cmd_add_customer = {
	"add customer",
	"add customer --name N --phone P [--gender F|M] [--birthday D] [--consultant L] [--external-id X] [--source S] [--tags T]",
	N_("add a customer by hand; prints the new id"), run_add_customer,
};

static int run_add_visit(struct cli *cli, int argc, char **argv)
{
	const char *kind = NULL, *date = NULL, *treatment = NULL, *doctor = NULL, *team = NULL,
	           *course_end = NULL, *amount = NULL, *pos[1];
	const struct cli_opt opts[] = {
		{"--kind", 0, OPT_STRING, &kind}, {"--date", 0, OPT_STRING, &date},
		{"--treatment", 0, OPT_STRING, &treatment}, {"--doctor", 0, OPT_STRING, &doctor},
		{"--team", 0, OPT_STRING, &team}, {"--course-end", 0, OPT_STRING, &course_end},
		{"--amount", 0, OPT_STRING, &amount}, {0}};
	int npos;
	struct hf_visit v = {0};
	int rc = cli_parse(argc, argv, opts, pos, 1, &npos, cli->err, sizeof cli->err);
	if (rc == HF_OK)
		rc = cli_id(cli, _("customer id"), npos ? pos[0] : NULL, &v.customer_id);
	if (rc != HF_OK)
		return rc;
	if (!kind)
		return errf(cli->err, sizeof cli->err, _("add visit: --kind is required")), HF_EUSAGE;
	v.kind = visit_kind_from_code(kind);
	if (v.kind == VISIT_NONE)
		return errf(cli->err, sizeof cli->err, _("--kind: unknown visit kind \"%s\" (consult, surgery, "
		                                         "course, discharge, injection)"), kind), HF_EUSAGE;
	if (!date)
		return errf(cli->err, sizeof cli->err, _("add visit: --date is required")), HF_EUSAGE;
	if ((rc = cli_date(cli, "--date", date, &v.date)) != HF_OK)
		return rc;
	v.course_end = HF_NO_DATE;
	if (course_end && (rc = cli_date(cli, "--course-end", course_end, &v.course_end)) != HF_OK)
		return rc;
	if (v.course_end != HF_NO_DATE && v.course_end < v.date)
		return errf(cli->err, sizeof cli->err, _("--course-end: %s is before the visit"), course_end),
		       HF_EUSAGE;
	if (v.kind == VISIT_COURSE && v.course_end == HF_NO_DATE)
		return errf(cli->err, sizeof cli->err, _("add visit: a course needs --course-end")), HF_EUSAGE;
	if (amount) {
		long long a;
		if (!str_to_int(amount, &a) || a < 0)
			return errf(cli->err, sizeof cli->err, _("--amount: \"%s\" is not an amount in yuan"),
			            amount), HF_EUSAGE;
		v.amount = a;
	}
	if (!cli_text(cli, "--treatment", treatment, sizeof v.treatment) ||
	    !cli_text(cli, "--doctor", doctor, sizeof v.doctor))
		return HF_EUSAGE;
	str_copy(v.treatment, sizeof v.treatment, treatment ? treatment : "");
	str_copy(v.doctor, sizeof v.doctor, doctor ? doctor : "");
	str_copy(v.team, sizeof v.team, team ? team : "");
	if ((rc = cli_setup(cli, true, ROLE_OPERATOR)) != HF_OK)
		return rc;
	if (team && !config_team(&cli->ctx.cfg, team))
		return errf(cli->err, sizeof cli->err, _("--team: unknown team \"%s\""), team), HF_EUSAGE;
	if (!str_empty(treatment) && !config_treatment(&cli->ctx.cfg, treatment)) {
		struct sbuf known;
		sbuf_init(&known);
		for (int i = 0; i < cli->ctx.cfg.ntreatments; i++)
			sbuf_printf(&known, "%s%s", i ? _(", ") : "", cli->ctx.cfg.treatments[i].name);
		errf(cli->err, sizeof cli->err, _("--treatment: \"%s\" is not a treatment of the rules "
		                                  "file (it knows: %s)"), treatment, known.s);
		sbuf_free(&known);
		return HF_EUSAGE;
	}
	if (v.date > stamp_date(cli->ctx.now))
		return errf(cli->err, sizeof cli->err, _("--date: %s is in the future"), date), HF_EUSAGE;
	hf_id id;
	struct plan_counts pc;
	if ((rc = svc_add_visit(&cli->ctx, &v, &id, &pc, cli->err, sizeof cli->err)) != HF_OK)
		return rc;
	printf("%lld\n", (long long)id);
	fprintf(stderr, _("%d follow-up tasks planned\n"), pc.created);
	return HF_OK;
}

const struct command cmd_add_visit = {
	"add visit",
	"add visit CUSTOMER --kind K --date D [--treatment T] [--doctor N] [--team T] [--course-end D] [--amount Y]",
	N_("add a visit and plan its follow-up curve; prints the new id"), run_add_visit,
};
