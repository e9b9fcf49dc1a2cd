/* scripts.h — call scripts (话术): the text format, placeholder filling, loading data/scripts/<lang>/. */
#ifndef HUIFANG_SCRIPTS_H
#define HUIFANG_SCRIPTS_H

#include <stdbool.h>
#include <stddef.h>

#include "huifang/i18n.h"

/* The format is described at the top of src/scripts.c and in data/scripts/README. Parsing and
 * filling are pure (no SQLite, no curses); only the loading helpers read files. */

/* Sections a script may have (a parsed script keeps them in the order written). Code as
 * written after "## " in a script file; label for the screen. */
#define HF_SCRIPT_SECTIONS(X) \
	X(SEC_GREETING, "greeting", N_("Greeting")) \
	X(SEC_RECOVERY, "recovery", N_("Recovery")) \
	X(SEC_WARNING, "warning", N_("Warning signs")) \
	X(SEC_SATISFACTION, "satisfaction", N_("Satisfaction")) \
	X(SEC_CARE, "care", N_("Care tips")) \
	X(SEC_INVITATION, "invitation", N_("Invitation")) \
	X(SEC_CLOSING, "closing", N_("Closing"))

#define HF_SCRIPT_ENUM_(id, code, label) id,
enum script_section_kind { SEC_NONE = -1, HF_SCRIPT_SECTIONS(HF_SCRIPT_ENUM_) SEC__COUNT };
#undef HF_SCRIPT_ENUM_

const char *script_section_code(enum script_section_kind k);
const char *script_section_label(enum script_section_kind k);   /* translated */
enum script_section_kind script_section_from_code(const char *s); /* SEC_NONE when unknown */

/* Placeholders a script may use: name and what it is filled with. */
#define HF_SCRIPT_PLACEHOLDERS(X) \
	X("name", N_("the customer's name")) \
	X("title", N_("Ms or Mr, from the customer's gender")) \
	X("treatment", N_("the visit's treatment")) \
	X("days_since", N_("days since the visit")) \
	X("visit_date", N_("the visit's date")) \
	X("doctor", N_("the visit's doctor")) \
	X("consultant", N_("the customer's consultant")) \
	X("clinic", N_("the clinic's name")) \
	X("operator", N_("the calling operator's name"))

bool scripts_is_placeholder(const char *key);

/* A line of a section: said to the customer, asked (console shows it as a question), or a note
 * to the operator that is not read out (e.g. "escalate if any of these"). */
enum script_line_kind { LINE_SAY, LINE_QUESTION, LINE_NOTE };

/* Conditions a line may carry: "[overdue>0]", "[treatment=吸脂,隆鼻]", "[gender=女]" before
 * its text (and mark); several brackets must all hold. The facts: */
#define HF_SCRIPT_FACTS(X) \
	X(FACT_DAYS, "days", true, N_("days since the visit")) \
	X(FACT_OVERDUE, "overdue", true, N_("days the call is past its due day (0: due today)")) \
	X(FACT_TREATMENT, "treatment", false, N_("the visit's treatment")) \
	X(FACT_GENDER, "gender", false, N_("the customer's gender: 女 or 男 (F or M)"))

#define HF_SCRIPT_FACT_ENUM_(id, name, numeric, help) id,
enum script_fact { HF_SCRIPT_FACTS(HF_SCRIPT_FACT_ENUM_) FACT__COUNT };
#undef HF_SCRIPT_FACT_ENUM_

enum script_op { OP_EQ, OP_NE, OP_LT, OP_LE, OP_GT, OP_GE };

struct script_cond {
	enum script_fact fact;
	enum script_op op;
	long long num;                  /* numeric facts */
	char *values;                   /* text facts: the values, each followed by '\0', then "" */
};

/* What a call knows for the conditions; SCRIPT_FACT_UNKNOWN / "" when it does not (a
 * condition on an unknown fact never holds). */
#define SCRIPT_FACT_UNKNOWN (-2147483647 - 1)
struct script_facts {
	int days;                       /* days since the visit */
	int overdue;                    /* days past the due day; 0 when due today or later */
	const char *treatment;
	const char *gender;             /* "F", "M" or "" */
};

struct script_line {
	enum script_line_kind kind;
	char *text;                     /* without its conditions and "? " / "! " mark */
	int lineno;                     /* in the parsed text, 1-based */
	struct script_cond *conds;      /* all must hold for the line to be read */
	size_t nconds;
};

struct script_section {
	enum script_section_kind kind;
	struct script_line *lines;
	size_t nlines;
	int lineno;
};

struct script {
	char *title;                    /* "" when the text had no title line */
	struct script_section *sections;
	size_t nsections;
};

/* Parse a script text (a whole file, or a stored body without its title line). `name` is
 * used in the error ("name:line: message"); need_title makes a missing "title:" an error.
 * On failure *out holds nothing (all NULL/0; script_free is harmless) and err holds one line. */
bool scripts_parse(const char *text, const char *name, bool need_title, struct script *out,
                   char *err, size_t errlen);
void script_free(struct script *s);

/* Parse the conditions at the start of *s ("[fact op value]..."), advancing *s past them and
 * the blanks after. Appends to *conds and *n. False with "name:line: message" in err on bad
 * syntax: an unknown fact, an operator the fact does not take, a value that is no number or
 * no gender, an empty value, a missing "]". */
bool scripts_parse_conds(const char **s, const char *name, int lineno, struct script_cond **conds,
                         size_t *n, char *err, size_t errlen);
void script_conds_free(struct script_cond *conds, size_t n);
/* Do all conditions hold for these facts? */
bool script_conds_hold(const struct script_cond *conds, size_t n, const struct script_facts *f);
/* Keep only the lines whose conditions hold for f; a section left without lines goes. */
void script_select(struct script *s, const struct script_facts *f);

/* The section of a kind, or NULL. */
const struct script_section *script_section(const struct script *s, enum script_section_kind k);

/* ---- placeholders --------------------------------------------------------------------- */

typedef const char *(*script_lookup_fn)(const char *key, void *ctx);

/* Fill "{key}" placeholders in text through lookup (str_expand); a NULL answer keeps the
 * placeholder as written. Runs of spaces left by an empty value are collapsed and the ends
 * trimmed. malloc'd. */
char *scripts_fill(const char *text, script_lookup_fn lookup, void *ctx);
/* Fill the title and every line of a parsed script in place. */
void script_fill(struct script *s, script_lookup_fn lookup, void *ctx);

/* The values of one call, for script_vars_lookup (ctx = struct script_vars *). A NULL field
 * keeps its placeholder visible; "" removes it. */
struct script_vars {
	const char *name, *title, *treatment, *days_since, *visit_date;
	const char *doctor, *consultant, *clinic, *operator_name;
};
const char *script_vars_lookup(const char *key, void *ctx);

/* {title} for a gender code ("F", "M", other) in a script language: 女士/先生 for zh*,
 * Ms/Mr otherwise; "" when the gender is unknown. */
const char *scripts_title(const char *gender, const char *lang);

/* {doctor} for a doctor's name as recorded: without a title the scripts add themselves
 * (陈医生 -> 陈, 王大夫 -> 王, "Dr Chen" -> Chen), so "{doctor}医生" never says it twice.
 * Writes to buf and returns it ("" for NULL). */
const char *scripts_doctor_name(const char *name, char *buf, size_t buflen);

/* ---- choosing and loading ------------------------------------------------------------- */

/* Languages shipped under data/scripts/, NULL-terminated; the first is the default. */
extern const char *const scripts_langs[];
/* The script language for a locale name ("zh_CN.UTF-8" -> "zh_CN", anything else -> "en"). */
const char *scripts_lang_for_locale(const char *locale);

/* The key to use for a task whose script key is `want`: want itself when has(want), else the
 * part before its first '.', else "default". Writes the key to out and returns true when
 * has() knows it; false when not even "default" exists (out then holds "default"). */
bool scripts_pick(const char *want, bool (*has)(const char *key, void *ctx), void *ctx,
                  char *out, size_t outlen);

/* A key is [a-z0-9_.-]+, at most 63 bytes, not starting with '.'. */
bool scripts_key_valid(const char *key);

/* One script file as stored in the database. */
struct script_entry {
	char *key;                      /* file name without ".script" */
	char *title;
	char *body;                     /* the text after the title line, placeholders unfilled */
};

struct script_set {
	struct script_entry *v;         /* sorted by key */
	size_t n;
};

/* Read every DIR/LANG/KEY.script (other files are ignored). Each must parse with a title;
 * the first bad file fails the whole load with "path:line: message" and leaves set empty.
 * A missing directory is an error too. Iterate with set.v[0 .. set.n-1]. */
bool scripts_load_dir(const char *dir, const char *lang, struct script_set *set,
                      char *err, size_t errlen);
void script_set_free(struct script_set *set);
const struct script_entry *script_set_find(const struct script_set *set, const char *key);
/* scripts_pick over a loaded set; returns the entry (NULL when no default either). */
const struct script_entry *script_set_pick(const struct script_set *set, const char *want);

/* The scripts directory to load: data/scripts next to the running binary (a build tree),
 * else the installed HF_DATADIR/scripts. Writes it to out; false when neither exists. */
bool scripts_locate_dir(char *out, size_t outlen);
/* Load every language's scripts from the directory scripts_locate_dir finds (written to dir):
 * false with the first problem as "file:line: message" (a bad condition among them). */
bool scripts_check(char *dir, size_t dirlen, char *err, size_t errlen);

#endif
