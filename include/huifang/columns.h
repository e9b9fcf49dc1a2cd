/* columns.h — one column model per listed entity (task, escalation, customer, call, user,
 * audit entry): each column 's stable code, translated header, width on screen and value.
 * The command line's table/tsv/json/csv and the console's lists all render from it. */
#ifndef HUIFANG_COLUMNS_H
#define HUIFANG_COLUMNS_H

#include <stdbool.h>
#include <stddef.h>

#include "huifang/config.h"
#include "huifang/store.h"

/* How a value is written. CODE: stable codes and ISO dates for tsv, json and csv (no_answer);
 * LABEL: what a person reads, translated (No answer), for the command line's table;
 * SCREEN: a label as the console's narrow columns show it (short dates). */
enum col_form { COL_CODE, COL_LABEL, COL_SCREEN };

/* Which listings show a column: the data formats (tsv/json/csv), the command line's table,
 * the console's list, and json only (a field that the documented columns of tsv and csv
 * readers do not have). */
enum { COL_IN_DATA = 1, COL_IN_TABLE = 2, COL_IN_SCREEN = 4, COL_IN_JSON = 8 };
/* With the listings: a column repeated once per satisfaction dimension of the rules (config
 * `dimensions`), in their order. Each instance's code is the column's code followed by the
 * dimension's ("score_" + "attitude"), its heading the dimension's name; its value function reads
 * which dimension from env->dim. */
enum { COL_PER_DIM = 16 };

/* What values depend on beyond the record: the rules (outcome labels, attempts), the clock
 * (overdue, breached) and whether the viewer may see whole phone numbers. */
struct col_env {
	const struct hf_config *cfg;
	hf_stamp now;
	bool reveal;
	struct store *st;               /* writes stored forms (a reason's JSON); may be NULL */
	int dim;                        /* a COL_PER_DIM column's dimension: index in cfg->dimensions */
};

/* Writes rec's value into buf (size bytes); returns true when the cell asks for attention
 * (an overdue task, a breached escalation), which the console colours. */
typedef bool (*col_value_fn)(const void *rec, const struct col_env *env, enum col_form form,
                             char *buf, size_t size);
/* The widest label the column can show (display columns), for a width that grows to fit. */
typedef int (*col_widest_fn)(const struct col_env *env);

struct col_def {
	const char *code;               /* tsv header, json key, csv header */
	const char *header;             /* msgid of the table's and the console's heading */
	unsigned in;                    /* COL_IN_* */
	int width;                      /* on screen: fixed display columns; 0 shares what is left */
	int min;                        /* a shared column's minimum */
	int align;                      /* -1 left, 1 right */
	col_widest_fn widest;           /* NULL: the width is fixed */
	col_value_fn value;
};

struct col_model {
	const char *entity;             /* "task", "escalation", ... */
	const struct col_def *cols;
	int ncols;
	size_t rec_size;                /* the record's size, to step through an array of them */
};

extern const struct col_model col_tasks;        /* struct hf_task */
extern const struct col_model col_escalations;  /* struct hf_escalation */
extern const struct col_model col_customers;    /* struct hf_customer */
extern const struct col_model col_visits;       /* struct hf_visit */
extern const struct col_model col_calls;        /* struct hf_call */
extern const struct col_model col_users;        /* struct hf_user */
extern const struct col_model col_audit;        /* struct hf_audit_entry */
extern const struct col_model col_team_day;     /* struct team_day (service.h) */
extern const struct col_model col_unseen;       /* struct unseen_customer */

/* The indices of m's columns shown in `in` (one COL_IN_*), in order, into idx (room for
 * COL_PICK_MAX(m)); returns how many. A COL_PER_DIM column gives one index per dimension of
 * env's rules (none when env is NULL). */
#define COL_PICK_MAX(m) ((m)->ncols + HF_MAX_DIMS)
int col_pick(const struct col_model *m, unsigned in, const struct col_env *env, int *idx);
/* The index of the column with this code, or -1. */
int col_index(const struct col_model *m, const char *code);
/* A picked column's code (tsv header, json key, csv header) and its heading as a person reads
 * it (translated; a dimension's name); buf holds what is made for a COL_PER_DIM column. */
const char *col_code(const struct col_model *m, int c, const struct col_env *env, char *buf,
                     size_t size);
const char *col_header(const struct col_model *m, int c, const struct col_env *env);
/* A picked column's definition (its width and alignment). */
const struct col_def *col_def_of(const struct col_model *m, int c);
/* Record i of an array of m's records. */
const void *col_record(const struct col_model *m, const void *recs, size_t i);
/* Column c's value of rec (see col_value_fn). */
bool col_value(const struct col_model *m, int c, const void *rec, const struct col_env *env,
               enum col_form form, char *buf, size_t size);
/* Column c's widest label, or its fixed width when it does not grow. */
int col_widest(const struct col_model *m, int c, const struct col_env *env);

#endif
