/* cmd-import.c — `huifang import customers|visits FILE`: the clinic's CSV files in. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include "huifang/cli.h"
#include "huifang/csv-read.h"
#include "huifang/csv.h"
#include "huifang/i18n.h"
#include "huifang/import.h"
#include "huifang/str.h"
#include "huifang/utf8.h"

/* Problems listed before the rest are only counted. */
#define SHOW_PROBLEMS 50

struct import_cli {
	long problems;
	FILE *rejects;
	const char *rejects_path;
	long rejected;
	bool tty;
	double started, shown;
	int last_pass;
};

static double seconds(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static void clear_progress(struct import_cli *x)
{
	if (x->tty && x->shown > 0) {
		fputs("\r\033[K", stderr);
		x->shown = 0;
	}
}

static void on_problem(void *arg, const char *line)
{
	struct import_cli *x = arg;
	if (++x->problems > SHOW_PROBLEMS)
		return;
	clear_progress(x);
	char *clean = utf8_clean(line, false);
	fprintf(stderr, "%s\n", clean);
	free(clean);
}

static void on_warning(void *arg, const char *line)
{
	struct import_cli *x = arg;
	clear_progress(x);
	char *clean = utf8_clean(line, false);
	fprintf(stderr, "%s\n", clean);
	free(clean);
}

static int problem_column(char *const *header, size_t ncols)
{
	for (size_t i = 0; i < ncols; i++)
		if (!strcasecmp(header[i], IMPORT_PROBLEM_COLUMN) || !strcmp(header[i], "问题"))
			return (int)i;
	return -1;
}

/* Rejected rows go out as they came in (the formula guard, read back by the import, keeps
 * Excel from running a cell), so the file is fixed and imported again. */
static void on_reject(void *arg, char *const *header, size_t ncols, const struct csv_record *rec,
                      const char *problems)
{
	struct import_cli *x = arg;
	if (!x->rejects)
		return;
	int pcol = problem_column(header, ncols);
	size_t width = pcol >= 0 ? ncols : ncols + 1;
	if (x->rejected++ == 0) {
		csv_write_bom(x->rejects);   /* Excel reads UTF-8 only with its mark */
		for (size_t i = 0; i < width; i++) {
			if (i)
				fputc(',', x->rejects);
			csv_write_field(x->rejects, i < ncols ? header[i] : IMPORT_PROBLEM_COLUMN);
		}
		fputs("\r\n", x->rejects);
	}
	/* The header's cells, the problem in its column, then any cells past the header's. */
	for (size_t i = 0; i < width; i++) {
		if (i)
			fputc(',', x->rejects);
		if ((int)i == pcol || (pcol < 0 && i == ncols))
			csv_write_field(x->rejects, problems);
		else
			csv_write_field(x->rejects, i < rec->n ? rec->field[i] : "");
	}
	for (size_t i = ncols; i < rec->n; i++) {
		fputc(',', x->rejects);
		csv_write_field(x->rejects, rec->field[i]);
	}
	fputs("\r\n", x->rejects);
}

/* On a terminal: rows, rows per second and the time left, at most five times a second. */
static void on_progress(void *arg, int pass, long rows, long long done, long long total)
{
	struct import_cli *x = arg;
	if (!x->tty)
		return;
	double now = seconds();
	if (pass != x->last_pass) {
		x->last_pass = pass;
		x->started = now;
	}
	if (now - x->shown < 0.2 && done < total)
		return;
	x->shown = now;
	double spent = now - x->started;
	double rate = spent > 0 ? rows / spent : 0;
	double left = done > 0 && spent > 0 ? (double)(total - done) * spent / (double)done : 0;
	fprintf(stderr, "\r\033[K%s: ", pass == 1 ? _("checking") : _("importing"));
	fprintf(stderr, _("%ld rows, %.0f rows/s, %.0f s left"), rows, rate, left);
}

static int open_rejects(struct cli *cli, struct import_cli *x, const char *path)
{
	int rc = cli_create_file(cli, path, &x->rejects);
	if (rc == HF_OK)
		x->rejects_path = path;
	return rc;
}

static void print_counts(const struct import_opts *o, const struct import_counts *n,
                         const struct import_cli *x)
{
	const char *enc = csv_encoding_name(n->encoding);
	if (o->dry_run) {
		printf(_("%s (%s): %ld rows; would add %ld, update %ld, merge %ld, leave %ld unchanged; "
		         "%ld with problems. Dry run: nothing written.\n"),
		       o->path, enc, n->rows, n->added, n->updated, n->merged, n->unchanged, n->bad);
	} else {
		printf(_("%s (%s): %ld rows; %ld added, %ld updated, %ld merged, %ld unchanged, "
		         "%ld rejected.\n"),
		       o->path, enc, n->rows, n->added, n->updated, n->merged, n->unchanged, n->bad);
	}
	if (o->kind == IMPORT_VISITS && n->history)
		printf(_("%ld visits are history: every call of their curve is over, none is planned.\n"),
		       n->history);
	if (x->rejected)
		printf(_("%ld rows with their problems written to %s; fix them there and import that "
		         "file.\n"), x->rejected, x->rejects_path);
	if (n->planned)
		printf(_("planned: %d calls created, %d merged, %d missed, %d cancelled\n"), n->plan.created,
		       n->plan.merged, n->plan.missed, n->plan.cancelled);
	else if (o->kind == IMPORT_VISITS && !o->dry_run && n->added)
		printf("%s\n", _("Their follow-up calls are planned by the next `huifang plan` (or "
		                 "import with --plan)."));
}

static int run_import(struct cli *cli, int argc, char **argv)
{
	const char *encoding = "auto", *rejects = NULL, *pos[2];
	bool dry_run = false, plan = false;
	const struct cli_opt opts[] = {
		{"--encoding", 0, OPT_STRING, &encoding}, {"--dry-run", 0, OPT_FLAG, &dry_run},
		{"--skip-bad", 0, OPT_STRING, &rejects}, {"--plan", 0, OPT_FLAG, &plan}, {0}};
	int npos;
	int rc = cli_parse(argc, argv, opts, pos, 2, &npos, cli->err, sizeof cli->err);
	if (rc != HF_OK)
		return rc;
	enum import_kind kind;
	enum csv_encoding enc;
	if (npos < 1 || !import_kind_parse(pos[0], &kind))
		return errf(cli->err, sizeof cli->err, _("import: customers or visits? (huifang import "
		                                         "customers|visits FILE)")), HF_EUSAGE;
	if (npos < 2)
		return errf(cli->err, sizeof cli->err, _("import: which file? (huifang import %s FILE)"),
		            pos[0]), HF_EUSAGE;
	if (!csv_encoding_parse(encoding, &enc))
		return errf(cli->err, sizeof cli->err, _("--encoding: \"%s\" is not auto, utf-8 or gb18030"),
		            encoding), HF_EUSAGE;
	if (plan && dry_run)
		return errf(cli->err, sizeof cli->err, _("import: --plan writes; it cannot go with --dry-run")),
		       HF_EUSAGE;
	if ((rc = cli_setup(cli, true, ROLE_ADMIN)) != HF_OK)
		return rc;
	struct import_cli x = {0};
	x.tty = isatty(STDERR_FILENO);
	if (rejects && !dry_run && (rc = open_rejects(cli, &x, rejects)) != HF_OK)
		return rc;
	struct import_opts o = {kind, pos[1], enc, dry_run, rejects != NULL, plan};
	struct import_io io = {on_problem, on_warning, on_reject, on_progress, &x};
	struct import_counts n;
	rc = svc_import(&cli->ctx, &o, &io, &n, cli->err, sizeof cli->err);
	clear_progress(&x);
	if (x.problems > SHOW_PROBLEMS)
		fprintf(stderr, _("... and %ld more problems\n"), x.problems - SHOW_PROBLEMS);
	if (x.rejects && fclose(x.rejects) != 0 && rc == HF_OK)
		rc = (errf(cli->err, sizeof cli->err, _("%s: cannot write: %s"), rejects, strerror(errno)),
		HF_EFAIL);
	/* Nothing set aside, or nothing imported: no rejects file to mislead. */
	if (x.rejects_path && (x.rejected == 0 || rc != HF_OK))
		unlink(x.rejects_path);
	if (rc == HF_OK)
		print_counts(&o, &n, &x);
	return rc;
}

const struct command cmd_import = {
	"import",
	"import customers|visits FILE [--encoding auto|utf-8|gb18030] [--dry-run] [--skip-bad REJECTS.csv] [--plan]",
	N_("read the clinic's CSV file of customers or visits; all rows or none — admin"), run_import,
};
