/* cli.h — the command table, option parsing and output formats shared by every subcommand. */
#ifndef HUIFANG_CLI_H
#define HUIFANG_CLI_H

#include <stdio.h>

#include "huifang/columns.h"
#include "huifang/service.h"

/* What every command gets: the global options and a context to set up. */
struct cli {
	const char *db;                 /* -d/--db */
	const char *config;             /* -c/--config */
	struct hf_ctx ctx;
	char err[HF_ERRLEN];
};

struct command {
	const char *name;               /* "queue", or "add customer" for a two-word command */
	const char *usage;              /* after "huifang ", untranslated syntax */
	const char *summary;            /* msgid */
	int (*run)(struct cli *cli, int argc, char **argv); /* argv[0] is the last command word */
};

/* Every subcommand, in the order `huifang --help` lists them; NULL-terminated. */
extern const struct command *const cli_commands[];

/* `huifang COMMAND --help`: usage, summary and what each option in the usage means (help.c). */
void cli_command_help(const struct command *c, FILE *f);
/* The options a command's usage names, one a line. */
void cli_command_options(const struct command *c, FILE *f);
/* Does the help table say what opt means for c? */
bool cli_option_documented(const struct command *c, const char *opt);
/* `huifang --complete commands | options WORDS | outcomes | teams | logins`: words for the
 * shell's completion, one a line; nothing when they cannot be had. */
int cli_complete(struct cli *cli, int argc, char **argv);

/* ---- options ------------------------------------------------------------------------- */

enum opt_type { OPT_FLAG, OPT_STRING, OPT_LIST };
struct cli_opt {
	const char *name;               /* "--date" */
	char short_name;                /* 'd' or 0 */
	enum opt_type type;
	void *value;                    /* bool * for OPT_FLAG, const char ** for OPT_STRING,
	                                   struct cli_list * for OPT_LIST */
};
/* An option that may be given several times: its values in order. */
#define CLI_LIST_MAX 16
struct cli_list {
	const char *v[CLI_LIST_MAX];
	int n;
};
/* Parse argv[1..] against opts (terminated by a zeroed entry). Positional arguments go to
 * pos (at most maxpos, else a usage error); returns 0 or HF_EUSAGE with err filled. */
int cli_parse(int argc, char **argv, const struct cli_opt *opts, const char **pos, int maxpos,
              int *npos, char *err, size_t errlen);

/* Set up cli->ctx: config, clock, login; with need_db open the database and require `role`
 * (ROLE_NONE: any login, even unknown). Returns an exit status with cli->err filled. */
int cli_setup(struct cli *cli, bool need_db, enum hf_role role);
void cli_finish(struct cli *cli);

/* A read that failed: its message in cli->err; returns HF_EFAIL. */
int cli_read_failed(struct cli *cli);

/* A new file (0660) for the command to write: an existing one is refused (2), never
 * overwritten. */
int cli_create_file(struct cli *cli, const char *path, FILE **out);

/* Parse helpers that fill cli->err with one clear line naming the option and value. */
int cli_date(struct cli *cli, const char *opt, const char *s, hf_date *out);
int cli_id(struct cli *cli, const char *what, const char *s, hf_id *out);
/* These return false with cli->err filled; NULL is fine (the option was not given). */
/* Text for a field of max bytes: valid UTF-8 and short enough. */
bool cli_text(struct cli *cli, const char *opt, const char *s, size_t max);
/* A --phone as it is stored (phone_normalize). */
bool cli_phone(struct cli *cli, const char *s, char *out, size_t size);
/* A --gender as "F" or "M"; "" for none or empty. */
bool cli_gender(struct cli *cli, const char *s, char out[4]);

/* ---- output tables ------------------------------------------------------------------- */

enum out_format { FMT_TABLE, FMT_TSV, FMT_JSON, FMT_CSV };
/* "table", "tsv", "json" or "csv". */
int cli_format(struct cli *cli, const char *s, enum out_format *out);
/* The start of a listing command without positional arguments: parse opts, read --format
 * (*format is filled by the parse), then cli_setup(need_db, role). */
int cli_begin_list(struct cli *cli, int argc, char **argv, const struct cli_opt *opts,
                   const char *const *format, enum out_format *fmt, bool need_db,
                   enum hf_role role);

struct out_table {
	int ncols;
	const char **keys;              /* tsv header / json keys */
	const char **titles;            /* table header (translated) */
	char **cells;                   /* nrows * ncols, malloc'd strings */
	size_t nrows, cap;
};
void out_init(struct out_table *t, int ncols, const char **keys, const char **titles);
/* Append a row: ncols strings (copied; NULL is "") */
void out_row(struct out_table *t, const char **cells);
/* Print: table aligned by display width (Chinese counts two columns), tsv with a header line,
 * json as an array of objects, csv for spreadsheets (RFC 4180, a UTF-8 BOM, cells that would
 * be formulas start with '). */
void out_print(const struct out_table *t, enum out_format fmt, FILE *f);
void out_free(struct out_table *t);
/* The n records at recs as a listing of model m: the table shows m's table columns with
 * translated headers and labels, tsv/json/csv its data columns with stable codes. */
#define OUT_CELL_MAX 16384 /* a reason as stored, whole */
void out_records(enum out_format fmt, const struct col_model *m, const void *recs, size_t n,
                 const struct col_env *env, FILE *f);

/* A listing written row by row as the rows are read, never held whole: tsv, csv and json print
 * each row at once; the table holds its first `page` rows to measure the columns' widths, then
 * prints them and each later row as it comes (a later, wider cell widens its column from its
 * row on, up to the 40 columns a cell is always cut at). Memory grows with the page, not with
 * the rows. */
struct out_stream {
	enum out_format fmt;
	FILE *f;
	int ncols;
	const char **keys, **titles;
	size_t page, rows;
	bool headed;                    /* the header is out */
	struct out_table held;          /* the table's rows not yet printed; one row otherwise */
	int *w;                         /* the table's widths, once measured */
	struct sbuf line;
};
void out_stream_begin(struct out_stream *s, enum out_format fmt, int ncols, const char **keys,
                      const char **titles, size_t page, FILE *f);
void out_stream_row(struct out_stream *s, const char **cells);
/* ok false: the listing failed; nothing is printed unless rows already were. */
void out_stream_end(struct out_stream *s, bool ok);

/* Records of model m streamed as out_records lists them: out_records_add is a store_each_fn. */
#define OUT_PAGE 500 /* rows a streamed table measures its widths on: a few screens */
struct out_records {
	struct out_stream s;
	const struct col_model *m;
	const struct col_env *env;
	enum col_form form;
	int *idx, nc;
	const char **keys, **titles, **row;
	char *bufs, *codes;             /* the cells; the columns' codes */
};
void out_records_begin(struct out_records *r, enum out_format fmt, const struct col_model *m,
                       const struct col_env *env, size_t page, FILE *f);
bool out_records_add(const void *rec, void *arg);
void out_records_end(struct out_records *r, bool ok);
/* JSON string with quotes and escapes. */
void json_string(FILE *f, const char *s);

#endif
