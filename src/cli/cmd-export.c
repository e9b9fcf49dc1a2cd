/* cmd-export.c — `huifang export KIND FILE`: the clinic's records out, for Excel (CSV with a
 * BOM and the formula guard) or for programs (JSON), rendered by each entity's column model. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "huifang/cli.h"
#include "huifang/columns.h"
#include "huifang/csv.h"
#include "huifang/i18n.h"
#include "huifang/str.h"

/* What can be exported: the word on the command line, its records' column model, its reader. */
static const struct export_kind {
	const char *name;
	const struct col_model *model;
	store_range_fn range;
} kinds[] = {
	{"customers", &col_customers, store_each_customer},
	{"visits", &col_visits, store_each_visit},
	{"calls", &col_calls, store_each_call},
	{"tasks", &col_tasks, store_each_task},
	{"escalations", &col_escalations, store_each_escalation},
};

struct writer {
	FILE *f;
	bool json;
	const struct col_model *m;
	int idx[64], n;
	char codes[64][HF_NAME_MAX];
	struct col_env env;
	long long rows;
};

static bool write_record(const void *rec, void *arg)
{
	struct writer *w = arg;
	char buf[8192];
	const char *cells[64];
	char *owned[64];
	fputs(w->json ? (w->rows ? ",\n {" : "\n {") : "", w->f);
	for (int i = 0; i < w->n; i++) {
		col_value(w->m, w->idx[i], rec, &w->env, COL_CODE, buf, sizeof buf);
		if (w->json) {
			fputs(i ? ", " : "", w->f);
			json_string(w->f, w->codes[i]);
			fputs(": ", w->f);
			json_string(w->f, buf);
		} else {
			owned[i] = xstrdup(buf);
			cells[i] = owned[i];
		}
	}
	if (w->json) {
		fputc('}', w->f);
	} else {
		csv_write_row(w->f, cells, w->n);
		for (int i = 0; i < w->n; i++)
			free(owned[i]);
	}
	w->rows++;
	return !ferror(w->f);
}

static int run_export(struct cli *cli, int argc, char **argv)
{
	const char *from_s = NULL, *to_s = NULL, *format = "csv", *pos[2];
	const struct cli_opt opts[] = {
		{"--from", 0, OPT_STRING, &from_s}, {"--to", 0, OPT_STRING, &to_s},
		{"--format", 0, OPT_STRING, &format}, {0}};
	int npos;
	int rc = cli_parse(argc, argv, opts, pos, 2, &npos, cli->err, sizeof cli->err);
	if (rc != HF_OK)
		return rc;
	const struct export_kind *k = NULL;
	for (size_t i = 0; npos > 0 && i < sizeof kinds / sizeof kinds[0]; i++)
		if (!strcmp(pos[0], kinds[i].name))
			k = &kinds[i];
	if (!k)
		return errf(cli->err, sizeof cli->err, _("export: customers, visits, calls, tasks or "
		                                         "escalations? (huifang export KIND FILE)")), HF_EUSAGE;
	if (npos < 2)
		return errf(cli->err, sizeof cli->err, _("export: which file? (huifang export %s FILE)"),
		            pos[0]), HF_EUSAGE;
	hf_date from = HF_NO_DATE, to = HF_NO_DATE;
	if ((from_s && (rc = cli_date(cli, "--from", from_s, &from)) != HF_OK) ||
	    (to_s && (rc = cli_date(cli, "--to", to_s, &to)) != HF_OK))
		return rc;
	if (from != HF_NO_DATE && to != HF_NO_DATE && to < from)
		return errf(cli->err, sizeof cli->err, _("--to: %s is before --from %s"), to_s, from_s),
		       HF_EUSAGE;
	if (strcmp(format, "csv") != 0 && strcmp(format, "json") != 0)
		return errf(cli->err, sizeof cli->err, _("--format: \"%s\" is not csv or json"), format),
		       HF_EUSAGE;
	if ((rc = cli_setup(cli, true, ROLE_SUPERVISOR)) != HF_OK)
		return rc;
	struct writer w = {0};
	w.json = !strcmp(format, "json");
	w.m = k->model;
	w.env = (struct col_env){&cli->ctx.cfg, cli->ctx.now, cli->ctx.me.role >= ROLE_SUPERVISOR,
	                         cli->ctx.st, 0};
	_Static_assert(sizeof w.idx / sizeof w.idx[0] >= 16 + HF_MAX_DIMS, "room for every column");
	w.n = col_pick(k->model, w.json ? COL_IN_DATA | COL_IN_JSON : COL_IN_DATA, &w.env, w.idx);
	for (int i = 0; i < w.n; i++) {
		char code[HF_NAME_MAX];
		str_copy(w.codes[i], sizeof w.codes[i],
		         col_code(k->model, w.idx[i], &w.env, code, sizeof code));
	}
	if ((rc = cli_create_file(cli, pos[1], &w.f)) != HF_OK)
		return rc;
	if (w.json) {
		fputc('[', w.f);
	} else {
		const char *head[64];
		for (int i = 0; i < w.n; i++)
			head[i] = w.codes[i];
		csv_write_bom(w.f);
		csv_write_row(w.f, head, w.n);
	}
	long long rows = 0;
	rc = svc_export(&cli->ctx, k->model->entity, k->range, from, to, pos[1], write_record, &w,
	                &rows, cli->err, sizeof cli->err);
	if (w.json)
		fputs(w.rows ? "\n]\n" : "]\n", w.f);
	if (fclose(w.f) != 0 && rc == HF_OK)
		rc = (errf(cli->err, sizeof cli->err, _("%s: cannot write: %s"), pos[1], strerror(errno)),
		      HF_EFAIL);
	if (rc != HF_OK) {
		unlink(pos[1]);
		return rc;
	}
	printf(_("%lld rows written to %s\n"), rows, pos[1]);
	return HF_OK;
}

const struct command cmd_export = {
	"export", "export customers|visits|calls|tasks|escalations FILE [--from D] [--to D] [--format csv|json]",
	N_("the clinic's records to a new file: CSV for Excel or JSON — supervisor, audited"),
	run_export,
};
