/* cli.c — the command table, option parsing, set-up and output formats for subcommands. */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "huifang/cli.h"
#include "huifang/csv.h"
#include "huifang/date.h"
#include "huifang/i18n.h"
#include "huifang/paths.h"
#include "huifang/str.h"
#include "huifang/utf8.h"

extern const struct command cmd_init, cmd_user_add, cmd_user_list, cmd_user_disable, cmd_queue,
	cmd_show_customer, cmd_check_config, cmd_plan, cmd_log, cmd_add_customer, cmd_add_visit,
	cmd_simulate, cmd_escalations, cmd_escalation_show, cmd_escalation_ack, cmd_escalation_note,
	cmd_escalation_assign, cmd_escalation_callback, cmd_escalation_resolve, cmd_escalation_reopen,
	cmd_lift_dnc, cmd_audit, cmd_audit_anchor, cmd_keys, cmd_backup, cmd_restore, cmd_import, cmd_export,
	cmd_reassign, cmd_report, cmd_team, cmd_release, cmd_edit_customer;

const struct command *const cli_commands[] = {
	&cmd_init,
	&cmd_plan,
	&cmd_queue,
	&cmd_log,
	&cmd_add_customer,
	&cmd_add_visit,
	&cmd_show_customer,
	&cmd_edit_customer,
	&cmd_import,
	&cmd_export,
	&cmd_simulate,
	&cmd_escalations,
	&cmd_escalation_show,
	&cmd_escalation_ack,
	&cmd_escalation_note,
	&cmd_escalation_assign,
	&cmd_escalation_callback,
	&cmd_escalation_resolve,
	&cmd_escalation_reopen,
	&cmd_reassign,
	&cmd_report,
	&cmd_team,
	&cmd_release,
	&cmd_lift_dnc,
	&cmd_user_add,
	&cmd_user_list,
	&cmd_user_disable,
	&cmd_audit,
	&cmd_audit_anchor,
	&cmd_backup,
	&cmd_restore,
	&cmd_keys,
	&cmd_check_config,
	NULL,
};

int cli_parse(int argc, char **argv, const struct cli_opt *opts, const char **pos, int maxpos,
              int *npos, char *err, size_t errlen)
{
	*npos = 0;
	bool only_pos = false;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (only_pos || a[0] != '-' || a[1] == 0) {
			if (*npos >= maxpos)
				return errf(err, errlen, _("%s: unexpected argument \"%s\""), argv[0], a), HF_EUSAGE;
			pos[(*npos)++] = a;
			continue;
		}
		if (!strcmp(a, "--")) {
			only_pos = true;
			continue;
		}
		const char *eq = a[1] == '-' ? strchr(a, '=') : NULL;
		size_t nlen = eq ? (size_t)(eq - a) : strlen(a);
		const struct cli_opt *o = NULL;
		for (const struct cli_opt *k = opts; k->name; k++) {
			if ((strlen(k->name) == nlen && !strncmp(k->name, a, nlen)) ||
			    (k->short_name && a[0] == '-' && a[1] == k->short_name && a[2] == 0)) {
				o = k;
				break;
			}
		}
		if (!o)
			return errf(err, errlen, _("%s: unknown option %s"), argv[0], a), HF_EUSAGE;
		if (o->type == OPT_FLAG) {
			if (eq)
				return errf(err, errlen, _("%s: option %s takes no value"), argv[0], o->name),
				       HF_EUSAGE;
			*(bool *)o->value = true;
		} else {
			const char *v = eq ? eq + 1 : (i + 1 < argc ? argv[++i] : NULL);
			if (!v)
				return errf(err, errlen, _("%s: option %s needs a value"), argv[0], o->name),
				       HF_EUSAGE;
			if (o->type == OPT_STRING) {
				*(const char **)o->value = v;
				continue;
			}
			struct cli_list *l = o->value;
			if (l->n == CLI_LIST_MAX)
				return errf(err, errlen, _("%s: option %s is given more than %d times"), argv[0],
				            o->name, CLI_LIST_MAX), HF_EUSAGE;
			l->v[l->n++] = v;
		}
	}
	return HF_OK;
}

int cli_setup(struct cli *cli, bool need_db, enum hf_role role)
{
	/* Installed setgid, the clinic's database and rules are fixed: another file would let a
	 * user rewrite the rules applied to the shared data, or write where the group can. */
	if (svc_privileged() && (cli->config || cli->db))
		return errf(cli->err, sizeof cli->err,
		            _("-c and -d are not allowed here: huifang is installed for the clinic's own "
		              "database and rules")), HF_EPERM;
	int rc = svc_setup(&cli->ctx, cli->config, cli->err, sizeof cli->err);
	if (rc != HF_OK || !need_db)
		return rc;
	rc = svc_open(&cli->ctx, cli->db, cli->err, sizeof cli->err);
	if (rc != HF_OK || role == ROLE_NONE)
		return rc;
	return svc_require(&cli->ctx, role, cli->err, sizeof cli->err);
}

int cli_begin_list(struct cli *cli, int argc, char **argv, const struct cli_opt *opts,
                   const char *const *format, enum out_format *fmt, bool need_db,
                   enum hf_role role)
{
	int npos;
	int rc = cli_parse(argc, argv, opts, NULL, 0, &npos, cli->err, sizeof cli->err);
	if (rc == HF_OK)
		rc = cli_format(cli, *format, fmt);
	if (rc == HF_OK)
		rc = cli_setup(cli, need_db, role);
	return rc;
}

void cli_finish(struct cli *cli)
{
	svc_close(&cli->ctx);
}

int cli_read_failed(struct cli *cli)
{
	errf(cli->err, sizeof cli->err, "%s", store_errmsg(cli->ctx.st));
	return HF_EFAIL;
}

int cli_create_file(struct cli *cli, const char *path, FILE **out)
{
	bool exists;
	return paths_create_new(path, out, &exists, cli->err, sizeof cli->err) ? HF_OK : HF_EUSAGE;
}

int cli_date(struct cli *cli, const char *opt, const char *s, hf_date *out)
{
	if (!date_parse(s, out))
		return errf(cli->err, sizeof cli->err, _("%s: \"%s\" is not a date (YYYY-MM-DD)"), opt, s),
		       HF_EUSAGE;
	return HF_OK;
}

bool cli_text(struct cli *cli, const char *opt, const char *s, size_t max)
{
	if (!s)
		return true;
	if (!utf8_check_text(opt, s, false, cli->err, sizeof cli->err))
		return false;
	if (strlen(s) >= max)
		return errf(cli->err, sizeof cli->err, _("%s: too long (at most %zu bytes)"), opt, max - 1);
	return true;
}

bool cli_phone(struct cli *cli, const char *s, char *out, size_t size)
{
	if (!s || phone_normalize(s, out, size))
		return true;
	return errf(cli->err, sizeof cli->err,
	            _("--phone: \"%s\" is not a phone number (a mobile 1[3-9] and 9 more digits, or "
	              "a landline with its area code, e.g. 010-65529988)"), s);
}

bool cli_gender(struct cli *cli, const char *s, char out[4])
{
	if (str_empty(s)) {
		out[0] = 0;
		return true;
	}
	if (gender_parse(s, out))
		return true;
	return errf(cli->err, sizeof cli->err, _("--gender: \"%s\" is not F or M"), s);
}

int cli_id(struct cli *cli, const char *what, const char *s, hf_id *out)
{
	long long v;
	if (!s)
		return errf(cli->err, sizeof cli->err, _("missing %s"), what), HF_EUSAGE;
	if (!str_to_int(s, &v) || v <= 0)
		return errf(cli->err, sizeof cli->err, _("%s: \"%s\" is not a number"), what, s), HF_EUSAGE;
	*out = v;
	return HF_OK;
}

int cli_format(struct cli *cli, const char *s, enum out_format *out)
{
	if (!s || !strcmp(s, "table"))
		*out = FMT_TABLE;
	else if (!strcmp(s, "tsv"))
		*out = FMT_TSV;
	else if (!strcmp(s, "json"))
		*out = FMT_JSON;
	else if (!strcmp(s, "csv"))
		*out = FMT_CSV;
	else
		return errf(cli->err, sizeof cli->err,
		            _("--format: unknown format \"%s\" (table, tsv, json, csv)"), s), HF_EUSAGE;
	return HF_OK;
}

/* ---- output tables ------------------------------------------------------------------- */

void out_init(struct out_table *t, int ncols, const char **keys, const char **titles)
{
	memset(t, 0, sizeof *t);
	t->ncols = ncols;
	t->keys = keys;
	t->titles = titles;
}

void out_row(struct out_table *t, const char **cells)
{
	if (t->nrows == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 32;
		t->cells = xrealloc(t->cells, t->cap * (size_t)t->ncols * sizeof *t->cells);
	}
	for (int c = 0; c < t->ncols; c++)
		t->cells[t->nrows * (size_t)t->ncols + (size_t)c] = utf8_clean(cells[c] ? cells[c] : "", false);
	t->nrows++;
}

void out_free(struct out_table *t)
{
	for (size_t i = 0; i < t->nrows * (size_t)t->ncols; i++)
		free(t->cells[i]);
	free(t->cells);
	memset(t, 0, sizeof *t);
}

void json_string(FILE *f, const char *s)
{
	struct sbuf b;
	sbuf_init(&b);
	sbuf_add_json(&b, s);
	fputs(b.s, f);
	sbuf_free(&b);
}

/* The table's widths: each column as wide as its title and its widest held cell (at most 40). */
static void stream_measure(struct out_stream *s)
{
	size_t nc = (size_t)s->ncols;
	s->w = xcalloc(nc, sizeof *s->w);
	for (size_t c = 0; c < nc; c++)
		s->w[c] = utf8_width(s->titles[c]);
	for (size_t r = 0; r < s->held.nrows; r++)
		for (size_t c = 0; c < nc; c++) {
			int cw = utf8_width(s->held.cells[r * nc + c]);
			if (cw > s->w[c])
				s->w[c] = cw > 40 ? 40 : cw;
		}
}

static void stream_table_line(struct out_stream *s, char *const *cells)
{
	char cellbuf[512];
	size_t nc = (size_t)s->ncols;
	sbuf_reset(&s->line);
	for (size_t c = 0; c < nc; c++) {
		if (c)
			sbuf_add(&s->line, "  ");
		if (c + 1 == nc) { /* the last column runs to the end of the line */
			sbuf_add(&s->line, cells[c]);
			continue;
		}
		int cw = utf8_width(cells[c]);
		if (cw > s->w[c] && s->w[c] < 40) /* a wider cell after the page widens its column */
			s->w[c] = cw > 40 ? 40 : cw;
		utf8_pad(cells[c], s->w[c], -1, cellbuf, sizeof cellbuf);
		sbuf_add(&s->line, cellbuf);
	}
	while (s->line.len && s->line.s[s->line.len - 1] == ' ')
		s->line.s[--s->line.len] = 0;
	fprintf(s->f, "%s\n", s->line.s);
}

/* The held rows measured and printed under the title line; later rows print as they come. */
static void stream_flush_table(struct out_stream *s)
{
	stream_measure(s);
	stream_table_line(s, (char *const *)s->titles);
	for (size_t r = 0; r < s->held.nrows; r++)
		stream_table_line(s, &s->held.cells[r * (size_t)s->ncols]);
	out_free(&s->held);
	out_init(&s->held, s->ncols, s->keys, s->titles);
}

void out_stream_begin(struct out_stream *s, enum out_format fmt, int ncols, const char **keys,
                      const char **titles, size_t page, FILE *f)
{
	memset(s, 0, sizeof *s);
	s->fmt = fmt;
	s->f = f;
	s->ncols = ncols;
	s->keys = keys;
	s->titles = titles;
	s->page = page ? page : 1;
	out_init(&s->held, ncols, keys, titles);
	sbuf_init(&s->line);
}

/* The header, with the first row or at the end: a listing that fails before its first row
 * prints nothing. */
static void stream_head(struct out_stream *s)
{
	if (s->headed)
		return;
	s->headed = true;
	switch (s->fmt) {
	case FMT_TSV:
		for (int c = 0; c < s->ncols; c++) {
			if (c)
				fputc('\t', s->f);
			fputs(s->keys[c], s->f);
		}
		fputc('\n', s->f);
		break;
	case FMT_CSV:
		csv_write_bom(s->f);
		csv_write_row(s->f, s->keys, s->ncols);
		break;
	case FMT_JSON:
		fputs("[", s->f);
		break;
	case FMT_TABLE:
		break;
	}
}

void out_stream_row(struct out_stream *s, const char **cells)
{
	stream_head(s);
	if (s->fmt == FMT_TABLE && !s->w) {
		out_row(&s->held, cells);
		if (s->held.nrows >= s->page)
			stream_flush_table(s);
		s->rows++;
		return;
	}
	size_t nc = (size_t)s->ncols;
	out_row(&s->held, cells);
	char **row = s->held.cells;
	switch (s->fmt) {
	case FMT_TSV:
		for (size_t c = 0; c < nc; c++) {
			if (c)
				fputc('\t', s->f);
			fputs(row[c], s->f);
		}
		fputc('\n', s->f);
		break;
	case FMT_CSV:
		csv_write_row(s->f, (const char *const *)row, s->ncols);
		break;
	case FMT_JSON:
		fputs(s->rows ? ",\n {" : "\n {", s->f);
		for (size_t c = 0; c < nc; c++) {
			if (c)
				fputs(", ", s->f);
			json_string(s->f, s->keys[c]);
			fputs(": ", s->f);
			json_string(s->f, row[c]);
		}
		fputs("}", s->f);
		break;
	case FMT_TABLE:
		stream_table_line(s, row);
		break;
	}
	out_free(&s->held);
	out_init(&s->held, s->ncols, s->keys, s->titles);
	s->rows++;
}

void out_stream_end(struct out_stream *s, bool ok)
{
	if (ok || s->rows) {
		stream_head(s);
		if (s->fmt == FMT_TABLE && !s->w)
			stream_flush_table(s);
		if (s->fmt == FMT_JSON)
			fputs(s->rows ? "\n]\n" : "]\n", s->f);
	}
	out_free(&s->held);
	sbuf_free(&s->line);
	free(s->w);
	s->w = NULL;
}

void out_print(const struct out_table *t, enum out_format fmt, FILE *f)
{
	struct out_stream s;
	out_stream_begin(&s, fmt, t->ncols, t->keys, t->titles, SIZE_MAX, f);
	for (size_t r = 0; r < t->nrows; r++)
		out_stream_row(&s, (const char **)&t->cells[r * (size_t)t->ncols]);
	out_stream_end(&s, true);
}

void out_records_begin(struct out_records *r, enum out_format fmt, const struct col_model *m,
                       const struct col_env *env, size_t page, FILE *f)
{
	memset(r, 0, sizeof *r);
	r->m = m;
	r->env = env;
	r->form = fmt == FMT_TABLE ? COL_LABEL : COL_CODE;
	r->idx = xmalloc((size_t)COL_PICK_MAX(m) * sizeof *r->idx);
	r->nc = col_pick(m, fmt == FMT_TABLE ? COL_IN_TABLE : fmt == FMT_JSON ? COL_IN_DATA | COL_IN_JSON
	                                                     : COL_IN_DATA, env, r->idx);
	r->keys = xmalloc((size_t)r->nc * sizeof *r->keys + 1);
	r->titles = xmalloc((size_t)r->nc * sizeof *r->titles + 1);
	r->row = xmalloc((size_t)r->nc * sizeof *r->row + 1);
	r->bufs = xmalloc((size_t)r->nc * OUT_CELL_MAX + 1);
	r->codes = xmalloc((size_t)r->nc * HF_NAME_MAX + 1);
	for (int c = 0; c < r->nc; c++) {
		r->keys[c] = col_code(m, r->idx[c], env, r->codes + (size_t)c * HF_NAME_MAX, HF_NAME_MAX);
		r->titles[c] = col_header(m, r->idx[c], env);
		r->row[c] = r->bufs + (size_t)c * OUT_CELL_MAX;
	}
	out_stream_begin(&r->s, fmt, r->nc, r->keys, r->titles, page, f);
}

bool out_records_add(const void *rec, void *arg)
{
	struct out_records *r = arg;
	for (int c = 0; c < r->nc; c++)
		col_value(r->m, r->idx[c], rec, r->env, r->form, (char *)r->row[c], OUT_CELL_MAX);
	out_stream_row(&r->s, r->row);
	return true;
}

void out_records_end(struct out_records *r, bool ok)
{
	out_stream_end(&r->s, ok);
	free(r->bufs);
	free(r->codes);
	free(r->row);
	free(r->titles);
	free(r->keys);
	free(r->idx);
}

void out_records(enum out_format fmt, const struct col_model *m, const void *recs, size_t n,
                 const struct col_env *env, FILE *f)
{
	struct out_records r;
	out_records_begin(&r, fmt, m, env, SIZE_MAX, f);
	for (size_t i = 0; i < n; i++)
		out_records_add(col_record(m, recs, i), &r);
	out_records_end(&r, true);
}
