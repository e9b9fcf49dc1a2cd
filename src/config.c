/* config.c — libconfig file -> validated struct hf_config; every problem as "file:line: key: message". */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE /* secure_getenv */
#endif
#include "huifang/config.h"

#include <ctype.h>
#include <errno.h>
#include <libconfig.h>
#include <stdarg.h>
#include <stdint.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "huifang/i18n.h"
#include "huifang/scripts.h"
#include "huifang/str.h"
#include "huifang/utf8.h"

#define BUILTIN_NAME "(built-in)"
#define SYSTEM_CONFIG "/etc/huifang/huifang.conf"
#define MAX_FILE_BYTES (1024 * 1024)

_Static_assert(UI_COLOR__COUNT <= 16, "ui_colors has room for 16 roles");

#define CODE_(id, code, label) code,
static const char *const visit_codes[] = { HF_VISIT_KINDS(CODE_) };
static const char *const severity_codes[] = { HF_SEVERITIES(CODE_) };
#undef CODE_
#define COLOR_KEY_(id, key) key,
static const char *const color_roles[] = { HF_UI_COLORS(COLOR_KEY_) };
#undef COLOR_KEY_

/* The outcomes every configuration must keep (SPEC §3): the code relies on these codes, and
 * the labels are the msgids the default file uses, listed here so they reach the catalogue. */
static const struct {
	const char *code, *label;
} standard_outcomes[] = {
	{ "reached", N_("Reached") },
	{ "no_answer", N_("No answer") },
	{ "busy", N_("Busy") },
	{ "callback", N_("Call back later") },
	{ "wrong_number", N_("Wrong number") },
	{ "refused", N_("Refuses follow-up") },
	{ "complaint", N_("Complaint") },
};

/* The names of the default file's satisfaction dimensions: msgids, listed here so they reach
 * the catalogue. */
static const char *const default_dimension_names[] __attribute__((unused)) = {
	N_("Attitude"), N_("Expertise"), N_("Facilities"), N_("Results"),
};

static const char *const color_names[] = {
	"black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
};

static const char *const named_keys[] = {
	"Enter", "Esc", "Tab", "S-Tab", "BTab", "Space", "Backspace", "Delete", "Insert", "Home", "End",
	"PgUp", "PgDn", "Up", "Down", "Left", "Right",
};

#define countof(a) (sizeof(a) / sizeof((a)[0]))

/* ---- the loader ---------------------------------------------------------------------- */

/* One problem; they are printed in line order, as found within a line. */
struct problem_entry {
	int line, seq;
	char *text;
};

/* Which setting of the file last wrote a field: cross-checks point at it. */
struct origin {
	const void *field;
	const config_setting_t *setting;
};

struct loader {
	const char *file;           /* as printed in messages */
	const char *text;           /* the text being read (integer literals are read again) */
	struct hf_config *cfg;
	bool complete;              /* every key must be present (the built-ins) */
	bool negative_ok;           /* steps being read may have negative offsets */
	bool teams_broken;          /* `teams` had problems: references to it are not checked */
	struct problem_entry *problems;
	int nproblems, problems_cap;
	struct origin *origins;
	size_t norigins, cap;
};

struct key;
typedef void apply_fn(struct loader *ld, const config_setting_t *s, char *base, const struct key *k);

enum key_type {
	KT_GROUP,   /* sub: members, relative to base + off */
	KT_INT,     /* int in [min, max] */
	KT_BOOL,
	KT_TEXT,    /* UTF-8 text, char[size], non-empty */
	KT_CODE,    /* code, char[size], non-empty */
	KT_HOURS,   /* positive duration in hours, days or weeks -> int hours */
	KT_STRINGS, /* array of texts: char[max][size] at off, count int at off2, at least min */
	KT_GROUPS,  /* list of groups ( ): entries of size bytes at off, count int at off2, min to
	               max of them, each read with sub; list says how entries are told apart */
	KT_FN,      /* fn does it all */
};

/* How a KT_GROUPS list tells its entries apart and checks them. */
struct entries {
	const char *id;             /* the member no two entries may share */
	const char *too_many;       /* msgid, %d: more entries than max */
	const char *too_few;        /* msgid: fewer than min */
	const char *twice;          /* msgid, %s: the id given to an earlier entry */
	/* Before an entry is read (it starts all zero); NULL: nothing more. */
	void (*init)(void *entry);
	/* An entry read without problems and not a repeat: false drops it (it said why). */
	bool (*check)(struct loader *ld, const config_setting_t *e, void *entry);
	/* After the list; clean: it had no problem. */
	void (*done)(struct loader *ld, const config_setting_t *s, bool clean);
};

struct key {
	const char *name;
	enum key_type type;
	size_t off, size, off2;
	int min, max;
	const struct key *sub;          /* KT_GROUP, KT_GROUPS; KT_FN: the members it reads, for
	                                   config_keys_each */
	apply_fn *fn;
	const struct entries *entries; /* KT_GROUPS */
	bool optional;              /* may be missing even where keys are required */
};

static void path_of(const config_setting_t *s, struct sbuf *b)
{
	const config_setting_t *parent = config_setting_parent(s);
	if (!parent)
		return;
	path_of(parent, b);
	if (config_setting_name(s)) {
		if (b->len)
			sbuf_addc(b, '.');
		sbuf_add(b, config_setting_name(s));
	} else {
		sbuf_printf(b, "[%d]", config_setting_index(s) + 1);
	}
}

static void vproblem_at(struct loader *ld, int line, const char *path, const char *fmt, va_list ap)
{
	struct sbuf b;
	sbuf_init(&b);
	if (line > 0)
		sbuf_printf(&b, "%s:%d: ", ld->file, line);
	else
		sbuf_printf(&b, "%s: ", ld->file);
	if (path && *path)
		sbuf_printf(&b, "%s: ", path);
	sbuf_vprintf(&b, fmt, ap);
	/* Values echoed from the file stay on one line and valid UTF-8. */
	char *clean = utf8_clean(b.s, false);
	sbuf_free(&b);
	if (ld->nproblems == ld->problems_cap) {
		ld->problems_cap = ld->problems_cap ? ld->problems_cap * 2 : 16;
		ld->problems = xrealloc(ld->problems, (size_t)ld->problems_cap * sizeof *ld->problems);
	}
	ld->problems[ld->nproblems] = (struct problem_entry){ line, ld->nproblems, clean };
	ld->nproblems++;
}

static int cmp_problem(const void *a, const void *b)
{
	const struct problem_entry *x = a, *y = b;
	if (x->line != y->line)
		return (x->line > y->line) - (x->line < y->line);
	return (x->seq > y->seq) - (x->seq < y->seq);
}

/* Every problem, one a line, in the file's order; malloc'd. */
static char *problems_text(struct loader *ld)
{
	struct sbuf b;
	sbuf_init(&b);
	if (ld->nproblems)
		qsort(ld->problems, (size_t)ld->nproblems, sizeof *ld->problems, cmp_problem);
	for (int i = 0; i < ld->nproblems; i++) {
		sbuf_add(&b, ld->problems[i].text);
		sbuf_addc(&b, '\n');
	}
	return sbuf_steal(&b);
}

static void problem_at(struct loader *ld, int line, const char *path, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
static void problem_at(struct loader *ld, int line, const char *path, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vproblem_at(ld, line, path, fmt, ap);
	va_end(ap);
}

/* A problem with setting s, located at its line and named by its path. */
static void problem(struct loader *ld, const config_setting_t *s, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static void problem(struct loader *ld, const config_setting_t *s, const char *fmt, ...)
{
	struct sbuf path;
	sbuf_init(&path);
	if (s)
		path_of(s, &path);
	va_list ap;
	va_start(ap, fmt);
	vproblem_at(ld, s ? (int)config_setting_source_line(s) : 0, path.s, fmt, ap);
	va_end(ap);
	sbuf_free(&path);
}

static void note(struct loader *ld, const void *field, const config_setting_t *s)
{
	for (size_t i = 0; i < ld->norigins; i++)
		if (ld->origins[i].field == field) {
			ld->origins[i].setting = s;
			return;
		}
	ld->origins = xgrow(ld->origins, ld->norigins, &ld->cap, sizeof *ld->origins);
	ld->origins[ld->norigins++] = (struct origin){ field, s };
}

static const config_setting_t *origin_of(const struct loader *ld, const void *field)
{
	for (size_t i = 0; i < ld->norigins; i++)
		if (ld->origins[i].field == field)
			return ld->origins[i].setting;
	return NULL;
}

/* ---- scalar checks ------------------------------------------------------------------- */

static const char *type_name(int type)
{
	switch (type) {
	case CONFIG_TYPE_GROUP: return _("a group { }");
	case CONFIG_TYPE_INT:
	case CONFIG_TYPE_INT64: return _("an integer");
	case CONFIG_TYPE_FLOAT: return _("a decimal number");
	case CONFIG_TYPE_STRING: return _("a string");
	case CONFIG_TYPE_BOOL: return _("true or false");
	case CONFIG_TYPE_ARRAY: return _("a list [ ]");
	case CONFIG_TYPE_LIST: return _("a list ( )");
	}
	return "?";
}

static bool want_type(struct loader *ld, const config_setting_t *s, int type, const char *what)
{
	int t = config_setting_type(s);
	if (t == type || (type == CONFIG_TYPE_INT && t == CONFIG_TYPE_INT64))
		return true;
	problem(ld, s, _("expected %s, not %s"), what, type_name(t));
	return false;
}

/* Where the n-th integer literal (from 0) starts in line[0, len), skipping strings and
 * comments; NULL when there is none. */
static const char *nth_int_literal(const char *line, size_t len, int n)
{
	const char *end = line + len;
	for (const char *p = line; p < end; p++) {
		if (*p == '"') {
			for (p++; p < end && *p != '"'; p++)
				if (*p == '\\')
					p++;
			continue;
		}
		if (*p == '#' || (*p == '/' && p + 1 < end && (p[1] == '/' || p[1] == '*')))
			return NULL;
		bool starts = (*p >= '0' && *p <= '9') ||
		              ((*p == '-' || *p == '+') && p + 1 < end && p[1] >= '0' && p[1] <= '9');
		if (!starts || (p > line && (isalnum((unsigned char)p[-1]) || p[-1] == '_' ||
		                             p[-1] == '.')))
			continue;
		if (n-- == 0)
			return p;
		while (p + 1 < end && (isalnum((unsigned char)p[1]) || p[1] == '.'))
			p++;
	}
	return NULL;
}

/* libconfig 1.5 stores an integer written without L in an int and wraps what does not fit
 * without a word (idle_lock_minutes = 4294967296 reads as 0, which turns the lock off), and it
 * keeps no copy of what was written: so the literal is found again by hand on the setting's
 * line of the text and read with strtoll. True when it says the same as libconfig; else false
 * with the literal as written in lit. */
static bool int_as_written(const struct loader *ld, const config_setting_t *s, char *lit,
                           size_t size)
{
	int lineno = (int)config_setting_source_line(s);
	const char *line = ld->text;
	for (int i = 1; line && i < lineno; i++)
		if ((line = strchr(line, '\n')) != NULL)
			line++;
	if (!line || lineno < 1)
		return true;
	size_t len = strcspn(line, "\n");
	const char *from = line, *name = config_setting_name(s);
	int nth = 0;
	if (name) {
		/* name, then = or : — the literal is the first one after it. */
		size_t nl = strlen(name);
		for (const char *p = line; (p = strstr(p, name)) != NULL && p < line + len; p += nl) {
			const char *q = p + nl;
			q += strspn(q, " \t");
			if ((p == line || !(isalnum((unsigned char)p[-1]) || p[-1] == '_')) &&
			    (*q == '=' || *q == ':')) {
				from = q + 1;
				break;
			}
		}
	} else {
		/* An element of a list: count the elements before it on the same line, after the
		 * bracket that opens the list when that is on this line too. */
		const config_setting_t *list = config_setting_parent(s);
		for (int i = 0; i < config_setting_index(s); i++)
			if (config_setting_source_line(config_setting_get_elem(list, (unsigned)i)) ==
			    (unsigned)lineno)
				nth++;
		const char *open = memchr(line, '[', len);
		if (!open)
			open = memchr(line, '(', len);
		if (open)
			from = open + 1;
	}
	const char *lp = nth_int_literal(from, len - (size_t)(from - line), nth);
	if (!lp)
		return true;
	size_t ln = strspn(lp + 1, "0123456789abcdefABCDEFxXlL") + 1;
	snprintf(lit, size, "%.*s", (int)ln, lp);
	errno = 0;
	char *end;
	long long v = strtoll(lit, &end, 0);
	if (errno == ERANGE || v != config_setting_get_int64(s))
		return false;
	lit[0] = 0;
	return true;
}

/* An integer setting's value, checked as written (see int_as_written). */
static bool get_int(struct loader *ld, const config_setting_t *s, int min, int max, int *out)
{
	if (!want_type(ld, s, CONFIG_TYPE_INT, _("an integer")))
		return false;
	char lit[64];
	if (!int_as_written(ld, s, lit, sizeof lit)) {
		problem(ld, s, _("%s is out of range (%d to %d)"), lit, min, max);
		return false;
	}
	long long v = config_setting_get_int64(s);
	if (v < min || v > max) {
		problem(ld, s, _("%lld is out of range (%d to %d)"), v, min, max);
		return false;
	}
	*out = (int)v;
	return true;
}

static const char *get_string(struct loader *ld, const config_setting_t *s)
{
	if (!want_type(ld, s, CONFIG_TYPE_STRING, _("a string")))
		return NULL;
	return config_setting_get_string(s);
}

/* Checks a text for a char[size] field; empty allowed only when allow_empty. */
static bool check_text(struct loader *ld, const config_setting_t *s, const char *v, size_t size,
                       bool allow_empty)
{
	if (!*v && !allow_empty) {
		problem(ld, s, _("must not be empty"));
		return false;
	}
	if (strlen(v) >= size) {
		problem(ld, s, _("\"%s\" is too long (at most %zu bytes)"), v, size - 1);
		return false;
	}
	unsigned cp;
	if (!utf8_valid(v, strlen(v))) {
		problem(ld, s, _("is not valid UTF-8 or contains control characters"));
		return false;
	}
	if (utf8_find_control(v, false, &cp) >= 0) {
		problem(ld, s, _("contains the control character U+%04X"), cp);
		return false;
	}
	return true;
}

static bool code_ok(const char *v)
{
	if (!(*v >= 'a' && *v <= 'z') && !(*v >= '0' && *v <= '9'))
		return false;
	for (; *v; v++)
		if (!(*v >= 'a' && *v <= 'z') && !(*v >= '0' && *v <= '9') && *v != '_' && *v != '-' &&
		    *v != '.')
			return false;
	return true;
}

static bool check_code(struct loader *ld, const config_setting_t *s, const char *v, size_t size)
{
	if (!*v) {
		problem(ld, s, _("must not be empty"));
		return false;
	}
	if (strlen(v) >= size) {
		problem(ld, s, _("\"%s\" is too long (at most %zu bytes)"), v, size - 1);
		return false;
	}
	if (!code_ok(v)) {
		problem(ld, s, _("\"%s\" is not a valid code (lowercase letters, digits, '_', '-', '.')"),
		        v);
		return false;
	}
	return true;
}

static bool get_duration(struct loader *ld, const config_setting_t *s, struct hf_dur *d)
{
	const char *v = get_string(ld, s);
	if (!v)
		return false;
	if (!dur_parse(v, d)) {
		problem(ld, s, _("\"%s\" is not a duration (e.g. \"4h\", \"3d\", \"1w\", \"1m\", \"1y\")"),
		        v);
		return false;
	}
	return true;
}

/* A positive span in hours: "24h", "2d", "1w". Months and years have no fixed length. */
static bool get_hours(struct loader *ld, const config_setting_t *s, int *hours)
{
	struct hf_dur d;
	if (!get_duration(ld, s, &d))
		return false;
	long long h;
	switch (d.unit) {
	case DUR_HOURS: h = d.n; break;
	case DUR_DAYS: h = 24LL * d.n; break;
	case DUR_WEEKS: h = 7 * 24LL * d.n; break;
	default:
		problem(ld, s, _("\"%s\": give hours, days or weeks, e.g. \"24h\""),
		        config_setting_get_string(s));
		return false;
	}
	if (h <= 0 || h > 24 * 366) {
		problem(ld, s, _("\"%s\" must be more than 0 and at most a year"),
		        config_setting_get_string(s));
		return false;
	}
	*hours = (int)h;
	return true;
}

/* ---- groups -------------------------------------------------------------------------- */

static void apply_group(struct loader *ld, const config_setting_t *g, char *base,
                        const struct key *keys, bool require);
static void apply_entries(struct loader *ld, const config_setting_t *s, char *base,
                          const struct key *k);

static void apply_setting(struct loader *ld, const config_setting_t *s, char *base,
                          const struct key *k)
{
	char *field = base + k->off;
	switch (k->type) {
	case KT_GROUP:
		if (want_type(ld, s, CONFIG_TYPE_GROUP, _("a group { }")))
			apply_group(ld, s, field, k->sub, ld->complete);
		return;
	case KT_INT: {
		int v;
		if (get_int(ld, s, k->min, k->max, &v))
			*(int *)(void *)field = v;
		break;
	}
	case KT_BOOL:
		if (want_type(ld, s, CONFIG_TYPE_BOOL, _("true or false")))
			*(bool *)(void *)field = config_setting_get_bool(s) != 0;
		break;
	case KT_TEXT: {
		const char *v = get_string(ld, s);
		if (v && check_text(ld, s, v, k->size, false))
			str_copy(field, k->size, v);
		break;
	}
	case KT_CODE: {
		const char *v = get_string(ld, s);
		if (v && check_code(ld, s, v, k->size))
			str_copy(field, k->size, v);
		break;
	}
	case KT_HOURS: {
		int h;
		if (get_hours(ld, s, &h))
			*(int *)(void *)field = h;
		break;
	}
	case KT_STRINGS: {
		if (config_setting_type(s) != CONFIG_TYPE_ARRAY && config_setting_type(s) != CONFIG_TYPE_LIST) {
			want_type(ld, s, CONFIG_TYPE_ARRAY, _("a list [ ]"));
			break;
		}
		int n = config_setting_length(s), *count = (int *)(void *)(base + k->off2);
		if (n > k->max) {
			problem(ld, s, _("too many entries (at most %d)"), k->max);
			break;
		}
		if (n < k->min) { /* only 0 or 1 are used */
			problem(ld, s, _("must not be empty"));
			break;
		}
		memset(field, 0, (size_t)k->max * k->size);
		*count = 0;
		for (int i = 0; i < n; i++) {
			const config_setting_t *e = config_setting_get_elem(s, (unsigned)i);
			const char *v = get_string(ld, e);
			if (v && check_text(ld, e, v, k->size, false))
				str_copy(field + (size_t)(*count)++ * k->size, k->size, v);
		}
		break;
	}
	case KT_GROUPS:
		apply_entries(ld, s, base, k);
		break;
	case KT_FN:
		k->fn(ld, s, base, k);
		break;
	}
	note(ld, field, s);
}

static void apply_group(struct loader *ld, const config_setting_t *g, char *base,
                        const struct key *keys, bool require)
{
	int n = config_setting_length(g);
	for (int i = 0; i < n; i++) {
		const config_setting_t *s = config_setting_get_elem(g, (unsigned)i);
		const struct key *k = keys;
		while (k->name && strcmp(k->name, config_setting_name(s)) != 0)
			k++;
		if (!k->name)
			problem(ld, s, _("unknown key"));
		else
			apply_setting(ld, s, base, k);
	}
	if (require)
		for (const struct key *k = keys; k->name; k++)
			if (!k->optional && !config_setting_get_member(g, k->name))
				problem(ld, g, _("missing key \"%s\""), k->name);
}

/* ---- special keys -------------------------------------------------------------------- */

/* Arrays of scalars may be written [ ] or ( ). */
static bool want_list(struct loader *ld, const config_setting_t *s)
{
	int t = config_setting_type(s);
	if (t == CONFIG_TYPE_ARRAY || t == CONFIG_TYPE_LIST)
		return true;
	return want_type(ld, s, CONFIG_TYPE_ARRAY, _("a list [ ]"));
}

/* Lists of groups are ( ); an empty [] is accepted too. */
static bool want_group_list(struct loader *ld, const config_setting_t *s)
{
	int t = config_setting_type(s);
	if (t == CONFIG_TYPE_LIST || (t == CONFIG_TYPE_ARRAY && config_setting_length(s) == 0))
		return true;
	return want_type(ld, s, CONFIG_TYPE_LIST, _("a list ( )"));
}

/* A KT_GROUPS list: replaces the entries the struct had. An entry with a problem, or whose id
 * an earlier entry has, is left out. */
static void read_entries(struct loader *ld, const config_setting_t *s, char *base,
                         const struct key *k)
{
	const struct entries *en = k->entries;
	if (!want_group_list(ld, s))
		return;
	int n = config_setting_length(s);
	if (n > k->max) {
		problem(ld, s, _(en->too_many), k->max);
		return;
	}
	if (n < k->min) {
		problem(ld, s, "%s", _(en->too_few));
		return;
	}
	const struct key *id = k->sub;
	while (id->name && strcmp(id->name, en->id) != 0)
		id++;
	char *list = base + k->off;
	int *count = (int *)(void *)(base + k->off2);
	memset(list, 0, (size_t)k->max * k->size);
	*count = 0;
	for (int i = 0; i < n; i++) {
		const config_setting_t *e = config_setting_get_elem(s, (unsigned)i);
		if (!want_type(ld, e, CONFIG_TYPE_GROUP, _("a group { }")))
			continue;
		char *entry = list + (size_t)*count * k->size;
		memset(entry, 0, k->size); /* what a dropped entry left there */
		if (en->init)
			en->init(entry);
		int before = ld->nproblems;
		apply_group(ld, e, entry, k->sub, true);
		if (ld->nproblems != before)
			continue;
		bool repeated = false;
		for (int j = 0; j < *count && !repeated; j++)
			repeated = strcmp(list + (size_t)j * k->size + id->off, entry + id->off) == 0;
		if (repeated)
			problem(ld, config_setting_get_member(e, en->id), _(en->twice), entry + id->off);
		else if (!en->check || en->check(ld, e, entry))
			(*count)++;
	}
}

static void apply_entries(struct loader *ld, const config_setting_t *s, char *base,
                          const struct key *k)
{
	int mark = ld->nproblems;
	read_entries(ld, s, base, k);
	if (k->entries->done)
		k->entries->done(ld, s, ld->nproblems == mark);
}

#define ZONEINFO "/usr/share/zoneinfo"

/* ZONEINFO/name is a compiled zone file (it starts with "TZif"). */
static bool zone_known(const char *name)
{
	char path[256], magic[4];
	snprintf(path, sizeof path, "%s/%s", ZONEINFO, name);
	FILE *f = fopen(path, "rb");
	bool ok = f && fread(magic, 1, 4, f) == 4 && memcmp(magic, "TZif", 4) == 0;
	if (f)
		fclose(f);
	return ok;
}

static void apply_timezone(struct loader *ld, const config_setting_t *s, char *base,
                           const struct key *k)
{
	const char *v = get_string(ld, s);
	if (!v)
		return;
	bool ok = *v && *v != '/' && strlen(v) < sizeof ld->cfg->timezone && !strstr(v, "..");
	for (const char *p = v; ok && *p; p++)
		ok = (*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
		     strchr("/_+-", *p);
	if (!ok) {
		problem(ld, s, _("\"%s\" is not a time zone name (e.g. \"Asia/Shanghai\")"), v);
		return;
	}
	/* A file's zone must be one the system knows (the built-ins name Asia/Shanghai). */
	if (!ld->complete && !zone_known(v)) {
		if (access(ZONEINFO, F_OK) != 0)
			problem(ld, s, _("cannot check the time zone \"%s\": no %s (install tzdata)"), v,
			        ZONEINFO);
		else
			problem(ld, s, _("unknown time zone \"%s\" (not in %s)"), v, ZONEINFO);
		return;
	}
	str_copy(ld->cfg->timezone, sizeof ld->cfg->timezone, v);
}

/* "" (no events) or an absolute path: the program may run in any directory. */
static void apply_events_path(struct loader *ld, const config_setting_t *s, char *base,
                              const struct key *k)
{
	const char *v = get_string(ld, s);
	if (!v)
		return;
	if (*v && (*v != '/' || strlen(v) >= sizeof ld->cfg->events_path)) {
		problem(ld, s, _("\"%s\" is not an absolute file name (or \"\" for none)"), v);
		return;
	}
	if (!check_text(ld, s, v, sizeof ld->cfg->events_path, true))
		return;
	str_copy(ld->cfg->events_path, sizeof ld->cfg->events_path, v);
}

static void apply_work_days(struct loader *ld, const config_setting_t *s, char *base,
                            const struct key *k)
{
	if (!want_list(ld, s))
		return;
	bool days[8] = { false };
	int n = config_setting_length(s), bad = 0;
	for (int i = 0; i < n; i++) {
		const config_setting_t *e = config_setting_get_elem(s, (unsigned)i);
		int d;
		char lit[64] = "";
		if (!want_type(ld, e, CONFIG_TYPE_INT, _("an integer"))) {
			bad++;
			continue;
		}
		long long v = config_setting_get_int64(e);
		if (!int_as_written(ld, e, lit, sizeof lit) || v < 1 || v > 7) {
			if (lit[0])
				problem(ld, e, _("%s is not a weekday (1 = Monday ... 7 = Sunday)"), lit);
			else
				problem(ld, e, _("%lld is not a weekday (1 = Monday ... 7 = Sunday)"), v);
			bad++;
			continue;
		}
		d = (int)v;
		days[d] = true;
	}
	if (bad)
		return;
	if (n == 0) {
		problem(ld, s, _("needs at least one working day"));
		return;
	}
	memcpy(ld->cfg->work_day, days, sizeof days);
}

static int cmp_date(const void *a, const void *b)
{
	hf_date x = *(const hf_date *)a, y = *(const hf_date *)b;
	return (x > y) - (x < y);
}

static void apply_holidays(struct loader *ld, const config_setting_t *s, char *base,
                           const struct key *k)
{
	if (!want_list(ld, s))
		return;
	int n = config_setting_length(s);
	if (n > HF_MAX_HOLIDAYS) {
		problem(ld, s, _("too many entries (at most %d)"), HF_MAX_HOLIDAYS);
		return;
	}
	struct hf_config *cfg = ld->cfg;
	cfg->nholidays = 0;
	for (int i = 0; i < n; i++) {
		const config_setting_t *e = config_setting_get_elem(s, (unsigned)i);
		const char *v = get_string(ld, e);
		hf_date d;
		if (!v)
			continue;
		if (!date_parse(v, &d)) {
			problem(ld, e, _("\"%s\" is not a date (YYYY-MM-DD)"), v);
			continue;
		}
		cfg->holidays[cfg->nholidays++] = d;
	}
	/* Sorted and without repeats, so a lookup may stop early. */
	if (cfg->nholidays)
		qsort(cfg->holidays, (size_t)cfg->nholidays, sizeof cfg->holidays[0], cmp_date);
	int m = 0;
	for (int i = 0; i < cfg->nholidays; i++)
		if (m == 0 || cfg->holidays[m - 1] != cfg->holidays[i])
			cfg->holidays[m++] = cfg->holidays[i];
	cfg->nholidays = m;
}

static void apply_hours(struct loader *ld, const config_setting_t *s, char *base,
                        const struct key *k)
{
	if (!want_list(ld, s))
		return;
	if (config_setting_length(s) != 2) {
		problem(ld, s, _("needs two times: [\"open\", \"close\"]"));
		return;
	}
	int t[2];
	for (int i = 0; i < 2; i++) {
		const config_setting_t *e = config_setting_get_elem(s, (unsigned)i);
		const char *v = get_string(ld, e);
		if (!v)
			return;
		if (!hhmm_parse(v, &t[i])) {
			problem(ld, e, _("\"%s\" is not a time (HH:MM)"), v);
			return;
		}
	}
	if (t[0] >= t[1]) {
		problem(ld, s, _("opening time %s is not before closing time %s"),
		        config_setting_get_string_elem(s, 0), config_setting_get_string_elem(s, 1));
		return;
	}
	ld->cfg->open_minute = t[0];
	ld->cfg->close_minute = t[1];
}

static void apply_offset(struct loader *ld, const config_setting_t *s, char *base,
                         const struct key *k)
{
	struct hf_dur d;
	if (!get_duration(ld, s, &d))
		return;
	const char *text = config_setting_get_string(s);
	if (text[0] != '+' && text[0] != '-') {
		problem(ld, s, _("\"%s\": an offset says which way it counts: \"+%s\" after the visit "
		                 "(\"-%s\" before an injection's effect ends)"), text, text, text);
		return;
	}
	if (d.unit == DUR_HOURS && d.n % 24 != 0) {
		problem(ld, s, _("\"%s\": a call falls on a day; give hours in whole days (24h, 48h)"),
		        config_setting_get_string(s));
		return;
	}
	if (d.n < 0 && !ld->negative_ok) {
		problem(ld, s, _("\"%s\": only injection curves count backwards (from the effect's end)"),
		        config_setting_get_string(s));
		return;
	}
	*(struct hf_dur *)(void *)(base + k->off) = d;
}

/* A step's script key. A file's must name a script every language has: the fallback to the
 * kind's general script would hide a typo (the built-ins are checked by the tests). */
static void apply_script(struct loader *ld, const config_setting_t *s, char *base,
                         const struct key *k)
{
	const char *v = get_string(ld, s);
	if (!v || !check_code(ld, s, v, k->size))
		return;
	char dir[1024], path[1400];
	if (!ld->complete && scripts_locate_dir(dir, sizeof dir)) {
		for (const char *const *lang = scripts_langs; *lang; lang++) {
			snprintf(path, sizeof path, "%s/%s/%s.script", dir, *lang, v);
			if (access(path, R_OK) != 0) {
				problem(ld, s, _("no script \"%s\" (%s is missing)"), v, path);
				return;
			}
		}
	}
	str_copy(base + k->off, k->size, v);
}

static const struct key step_keys[] = {
	{ .name = "offset", .type = KT_FN, .off = offsetof(struct hf_step, offset), .fn = apply_offset },
	{ .name = "window", .type = KT_INT, .off = offsetof(struct hf_step, window_days), .min = 0, .max = 366 },
	{ .name = "script", .type = KT_FN, .off = offsetof(struct hf_step, script), .size = HF_NAME_MAX, .fn = apply_script },
	{ .name = "team", .type = KT_CODE, .off = offsetof(struct hf_step, team), .size = HF_NAME_MAX },
	{ .name = "priority", .type = KT_INT, .off = offsetof(struct hf_step, priority), .min = 0, .max = 100 },
	{ 0 }
};

/* A list of steps into the hf_curve at base + k->off; replaces the steps it had. */
static void apply_steps(struct loader *ld, const config_setting_t *s, char *base,
                        const struct key *k)
{
	struct hf_curve *c = (struct hf_curve *)(void *)(base + k->off);
	if (!want_group_list(ld, s))
		return;
	int n = config_setting_length(s);
	if (n > HF_MAX_STEPS) {
		problem(ld, s, _("too many steps (at most %d)"), HF_MAX_STEPS);
		return;
	}
	memset(c->steps, 0, sizeof c->steps);
	c->nsteps = 0;
	bool prev_ok = false;
	for (int i = 0; i < n; i++) {
		const config_setting_t *e = config_setting_get_elem(s, (unsigned)i);
		if (!want_type(ld, e, CONFIG_TYPE_GROUP, _("a group { }"))) {
			prev_ok = false;
			continue;
		}
		struct hf_step *st = &c->steps[c->nsteps++];
		int mark = ld->nproblems;
		apply_group(ld, e, (char *)st, step_keys, true);
		bool ok = ld->nproblems == mark;
		/* The planner writes a curve in order; a step before its predecessor is a typo. */
		if (ok && prev_ok && dur_approx_days(st->offset) <= dur_approx_days(st[-1].offset)) {
			char a[16], b[16];
			problem(ld, config_setting_get_member(e, "offset"),
			        _("%s does not come after the step before it (%s)"),
			        dur_format(st->offset, a), dur_format(st[-1].offset, b));
		}
		prev_ok = ok;
	}
}

static void apply_curve(struct loader *ld, const config_setting_t *s, char *base,
                        const struct key *k);

static const struct key curve_keys[] = {
	{ .name = "steps", .type = KT_FN, .off = 0, .fn = apply_steps, .sub = step_keys },
	{ .name = "repeat_days", .type = KT_INT, .off = offsetof(struct hf_curve, repeat_days), .min = 0, .max = 366 },
	{ .name = "repeat_max", .type = KT_INT, .off = offsetof(struct hf_curve, repeat_max), .min = 0, .max = 52 },
	{ 0 }
};

#define CURVE_KEY_(id, code, label) \
	{ .name = code, .type = KT_FN, .off = offsetof(struct hf_config, curves) + id * sizeof(struct hf_curve), \
	  .min = id, .fn = apply_curve, .sub = curve_keys },
static const struct key curves_keys[] = { HF_VISIT_KINDS(CURVE_KEY_) { 0 } };
#undef CURVE_KEY_

/* curves.<kind>: a group; key->min carries the visit kind. */
static void apply_curve(struct loader *ld, const config_setting_t *s, char *base,
                        const struct key *k)
{
	if (!want_type(ld, s, CONFIG_TYPE_GROUP, _("a group { }")))
		return;
	struct hf_curve *c = (struct hf_curve *)(void *)(base + k->off);
	ld->negative_ok = k->min == VISIT_INJECTION;
	apply_group(ld, s, (char *)c, curve_keys, ld->complete);
	ld->negative_ok = false;
	const config_setting_t *rd = config_setting_get_member(s, "repeat_days");
	const config_setting_t *rm = config_setting_get_member(s, "repeat_max");
	if (c->repeat_max > 0 && c->repeat_days == 0 && (rd || rm))
		problem(ld, rd ? rd : rm, _("repeat_max is %d but repeat_days is 0"), c->repeat_max);
	else if (c->repeat_max > 0 && c->nsteps == 0 && (rd || rm))
		problem(ld, rm ? rm : rd, _("repeats need a step to repeat"));
}

static void apply_effect(struct loader *ld, const config_setting_t *s, char *base,
                         const struct key *k)
{
	struct hf_treatment *t = (struct hf_treatment *)(void *)base;
	struct hf_dur d;
	if (!get_duration(ld, s, &d))
		return;
	if (d.n <= 0 || d.unit == DUR_HOURS) {
		problem(ld, s, _("\"%s\": an effect lasts a positive number of days, weeks, months or years"),
		        config_setting_get_string(s));
		return;
	}
	t->effect = d;
	t->has_effect = true;
}

static void apply_treatment_curve(struct loader *ld, const config_setting_t *s, char *base,
                                  const struct key *k)
{
	struct hf_treatment *t = (struct hf_treatment *)(void *)base;
	int mark = ld->nproblems;
	ld->negative_ok = true; /* checked against `effect` once the whole entry is read */
	apply_steps(ld, s, (char *)&t->curve, &(struct key){ .off = 0 });
	ld->negative_ok = false;
	if (ld->nproblems == mark)
		t->has_curve = true;
}

static const struct key treatment_keys[] = {
	{ .name = "name", .type = KT_TEXT, .off = offsetof(struct hf_treatment, name), .size = HF_NAME_MAX },
	{ .name = "curve", .type = KT_FN, .fn = apply_treatment_curve, .optional = true, .sub = step_keys },
	{ .name = "effect", .type = KT_FN, .off = offsetof(struct hf_treatment, effect), .fn = apply_effect, .optional = true },
	{ 0 }
};

/* A step before the visit counts from the treatment's effect: only with one. */
static bool check_treatment(struct loader *ld, const config_setting_t *e, void *entry)
{
	const struct hf_treatment *t = entry;
	bool ok = true;
	for (int j = 0; t->has_curve && !t->has_effect && j < t->curve.nsteps; j++)
		if (t->curve.steps[j].offset.n < 0) {
			const config_setting_t *st =
				config_setting_get_elem(config_setting_get_member(e, "curve"), (unsigned)j);
			problem(ld, config_setting_get_member(st, "offset"),
			        _("a step before the visit needs the treatment's `effect` to count from"));
			ok = false;
		}
	return ok;
}

static const struct entries treatment_entries = {
	.id = "name",
	.too_many = N_("too many treatments (at most %d)"),
	.twice = N_("treatment \"%s\" is listed twice"),
	.check = check_treatment,
};

static void apply_retry(struct loader *ld, const config_setting_t *s, char *base,
                        const struct key *k)
{
	const char *v = get_string(ld, s);
	if (!v)
		return;
	int hours = 0;
	if (*v && !get_hours(ld, s, &hours))
		return;
	((struct hf_outcome *)(void *)base)->retry_minutes = hours * 60;
}

static void apply_severity(struct loader *ld, const config_setting_t *s, char *base,
                           const struct key *k)
{
	const char *v = get_string(ld, s);
	if (!v)
		return;
	int sev = SEV_NONE;
	if (*v) {
		for (size_t i = 0; i < countof(severity_codes); i++)
			if (strcmp(v, severity_codes[i]) == 0)
				sev = (int)i;
		if (sev == SEV_NONE) {
			problem(ld, s, _("unknown severity \"%s\" (\"\", \"normal\", \"high\" or \"urgent\")"), v);
			return;
		}
	}
	((struct hf_outcome *)(void *)base)->escalate = (enum hf_severity)sev;
}

static const struct key outcome_keys[] = {
	{ .name = "code", .type = KT_CODE, .off = offsetof(struct hf_outcome, code), .size = sizeof ((struct hf_outcome *)0)->code },
	{ .name = "label", .type = KT_TEXT, .off = offsetof(struct hf_outcome, label), .size = HF_NAME_MAX },
	{ .name = "ends_task", .type = KT_BOOL, .off = offsetof(struct hf_outcome, ends_task) },
	{ .name = "retry", .type = KT_FN, .off = offsetof(struct hf_outcome, retry_minutes), .fn = apply_retry },
	{ .name = "max_attempts", .type = KT_INT, .off = offsetof(struct hf_outcome, max_attempts), .min = 0, .max = 20 },
	{ .name = "asks_score", .type = KT_BOOL, .off = offsetof(struct hf_outcome, asks_score) },
	{ .name = "needs_next", .type = KT_BOOL, .off = offsetof(struct hf_outcome, needs_next) },
	{ .name = "escalate", .type = KT_FN, .off = offsetof(struct hf_outcome, escalate), .fn = apply_severity },
	{ .name = "cancels_future", .type = KT_BOOL, .off = offsetof(struct hf_outcome, cancels_future) },
	{ .name = "flags_phone", .type = KT_BOOL, .off = offsetof(struct hf_outcome, flags_phone) },
	{ 0 }
};

static void init_outcome(void *entry)
{
	((struct hf_outcome *)entry)->escalate = SEV_NONE;
}

static bool check_outcome(struct loader *ld, const config_setting_t *e, void *entry)
{
	const struct hf_outcome *o = entry;
	if (o->ends_task && o->retry_minutes > 0) {
		problem(ld, config_setting_get_member(e, "retry"),
		        _("an outcome that ends the task cannot retry it (set retry = \"\")"));
		return false;
	}
	return true;
}

static void outcomes_done(struct loader *ld, const config_setting_t *s, bool clean)
{
	if (!clean)
		return; /* a broken entry would show up again as a missing code */
	for (size_t i = 0; i < countof(standard_outcomes); i++)
		if (!config_outcome(ld->cfg, standard_outcomes[i].code))
			problem(ld, s, _("the standard outcome \"%s\" is missing"), standard_outcomes[i].code);
}

static const struct entries outcome_entries = {
	.id = "code",
	.too_many = N_("too many outcomes (at most %d)"),
	.twice = N_("outcome \"%s\" is listed twice"),
	.init = init_outcome,
	.check = check_outcome,
	.done = outcomes_done,
};

static const struct key team_keys[] = {
	{ .name = "code", .type = KT_CODE, .off = offsetof(struct hf_team, code), .size = HF_NAME_MAX },
	{ .name = "name", .type = KT_TEXT, .off = offsetof(struct hf_team, name), .size = HF_NAME_MAX },
	{ 0 }
};

static void teams_done(struct loader *ld, const config_setting_t *s, bool clean)
{
	ld->teams_broken = !clean;
}

static const struct entries team_entries = {
	.id = "code",
	.too_many = N_("too many teams (at most %d)"),
	.too_few = N_("needs at least one team"),
	.twice = N_("team \"%s\" is listed twice"),
	.done = teams_done,
};

static const struct key resolution_keys[] = {
	{ .name = "code", .type = KT_CODE, .off = offsetof(struct hf_resolution, code), .size = HF_NAME_MAX },
	{ .name = "name", .type = KT_TEXT, .off = offsetof(struct hf_resolution, name), .size = HF_NAME_MAX },
	{ 0 }
};

static const struct entries resolution_entries = {
	.id = "code",
	.too_many = N_("too many entries (at most %d)"),
	.too_few = N_("must not be empty"),
	.twice = N_("\"%s\" is listed twice"),
};

static const struct key dimension_keys[] = {
	{ .name = "code", .type = KT_CODE, .off = offsetof(struct hf_dimension, code), .size = HF_DIM_CODE_MAX },
	{ .name = "name", .type = KT_TEXT, .off = offsetof(struct hf_dimension, name), .size = HF_NAME_MAX },
	{ .name = "low", .type = KT_INT, .off = offsetof(struct hf_dimension, low_max), .min = 0, .max = 4, .optional = true },
	{ 0 }
};

/* A dimension is typed by its name as well as its code: no name may be another's name or
 * code. */
static void dimensions_done(struct loader *ld, const config_setting_t *s, bool clean)
{
	const struct hf_config *cfg = ld->cfg;
	if (!clean)
		return; /* entries were left out: the indices are not the file's */
	for (int i = 0; i < cfg->ndimensions; i++) {
		bool taken = false;
		for (int j = 0; j < cfg->ndimensions && !taken; j++)
			taken = i != j && (strcmp(cfg->dimensions[i].name, cfg->dimensions[j].code) == 0 ||
			                   (j < i && strcmp(cfg->dimensions[i].name, cfg->dimensions[j].name) == 0));
		if (taken)
			problem(ld, config_setting_get_member(config_setting_get_elem(s, (unsigned)i), "name"),
			        _("dimension name \"%s\" is already the name or code of another"),
			        cfg->dimensions[i].name);
	}
}

static const struct entries dimension_entries = {
	.id = "code",
	.too_many = N_("too many dimensions (at most %d)"),
	.twice = N_("dimension \"%s\" is listed twice"),
	.done = dimensions_done,
};

static void apply_dial(struct loader *ld, const config_setting_t *s, char *base,
                       const struct key *k)
{
	struct hf_config *cfg = ld->cfg;
	if (!want_list(ld, s))
		return;
	int n = config_setting_length(s);
	if (n > HF_MAX_ARGV) {
		problem(ld, s, _("too many entries (at most %d)"), HF_MAX_ARGV);
		return;
	}
	char argv[HF_MAX_ARGV][128];
	bool phone = false;
	int before = ld->nproblems;
	memset(argv, 0, sizeof argv);
	for (int i = 0; i < n; i++) {
		const config_setting_t *e = config_setting_get_elem(s, (unsigned)i);
		const char *v = get_string(ld, e);
		if (!v || !check_text(ld, e, v, sizeof argv[0], i > 0))
			continue;
		if (i == 0 && v[0] != '/')
			problem(ld, e, _("the dial command must be an absolute path (it runs without a shell)"));
		phone = phone || strstr(v, "{phone}");
		str_copy(argv[i], sizeof argv[i], v);
	}
	if (ld->nproblems != before)
		return;
	if (n > 0 && !phone) {
		problem(ld, s, _("no argument contains {phone}"));
		return;
	}
	memcpy(cfg->dial, argv, sizeof argv);
	cfg->ndial = n;
}

int config_color_number(const char *name)
{
	if (!name)
		return -2;
	if (strcmp(name, "default") == 0)
		return -1;
	int bright = 0;
	if (strncmp(name, "bright-", 7) == 0) {
		name += 7;
		bright = 8;
	}
	for (size_t i = 0; i < countof(color_names); i++)
		if (strcmp(name, color_names[i]) == 0)
			return (int)i + bright;
	return -2;
}

static void apply_colors(struct loader *ld, const config_setting_t *s, char *base,
                         const struct key *k)
{
	struct hf_config *cfg = ld->cfg;
	if (!want_type(ld, s, CONFIG_TYPE_GROUP, _("a group { }")))
		return;
	int n = config_setting_length(s);
	for (int i = 0; i < n; i++) {
		const config_setting_t *e = config_setting_get_elem(s, (unsigned)i);
		size_t role = 0;
		while (role < countof(color_roles) && strcmp(color_roles[role], config_setting_name(e)) != 0)
			role++;
		if (role == countof(color_roles)) {
			problem(ld, e, _("unknown key"));
			continue;
		}
		if (!want_list(ld, e))
			continue;
		if (config_setting_length(e) != 2) {
			problem(ld, e, _("needs two colours: [\"foreground\", \"background\"]"));
			continue;
		}
		const char *c[2];
		for (int j = 0; j < 2; j++) {
			const config_setting_t *x = config_setting_get_elem(e, (unsigned)j);
			c[j] = get_string(ld, x);
			if (c[j] && config_color_number(c[j]) == -2) {
				problem(ld, x, _("\"%s\" is not a colour (default, black, red, green, yellow, blue, "
				                 "magenta, cyan, white, bright-red ...)"), c[j]);
				c[j] = NULL;
			}
		}
		if (!c[0] || !c[1])
			continue;
		for (int j = 0; j < 2; j++)
			str_copy(cfg->ui_colors[role][j], sizeof cfg->ui_colors[role][j], c[j]);
	}
	if (ld->complete)
		for (size_t role = 0; role < countof(color_roles); role++)
			if (!config_setting_get_member(s, color_roles[role]))
				problem(ld, s, _("missing key \"%s\""), color_roles[role]);
}

static bool key_name_ok(const char *v)
{
	size_t n = strlen(v);
	unsigned cp;
	if (n == 0)
		return false;
	if (utf8_decode(v, n, &cp) == n)
		return cp > 0x20 && cp != 0x7f && cp != 0xfffd && !(cp >= 0x80 && cp < 0xa0);
	if (n == 3 && v[0] == 'C' && v[1] == '-')
		return v[2] >= 'a' && v[2] <= 'z';
	if (n == 3 && v[0] == 'M' && v[1] == '-')
		return v[2] > 0x20 && v[2] < 0x7f;
	if (v[0] == 'F' && n <= 3) {
		long long f;
		return str_to_int(v + 1, &f) && v[1] != '+' && v[1] != '-' && f >= 1 && f <= 12;
	}
	for (size_t i = 0; i < countof(named_keys); i++)
		if (strcmp(v, named_keys[i]) == 0)
			return true;
	return false;
}

static void apply_keys(struct loader *ld, const config_setting_t *s, char *base,
                       const struct key *k)
{
	struct hf_config *cfg = ld->cfg;
	if (!want_type(ld, s, CONFIG_TYPE_GROUP, _("a group { }")))
		return;
	int n = config_setting_length(s);
	for (int i = 0; i < n; i++) {
		const config_setting_t *e = config_setting_get_elem(s, (unsigned)i);
		const char *action = config_setting_name(e);
		const char *v = get_string(ld, e);
		if (!v)
			continue;
		if (strlen(action) >= sizeof cfg->ui_keys[0][0] || !code_ok(action)) {
			problem(ld, e, _("\"%s\" is not an action name"), action);
			continue;
		}
		if (strlen(v) >= sizeof cfg->ui_keys[0][1] || !key_name_ok(v)) {
			problem(ld, e, _("\"%s\" is not a key (one character, C-x, M-x, F1-F12, Enter, Esc, "
			                 "Tab, S-Tab, Space, Backspace, Delete, Insert, Home, End, PgUp, PgDn, "
			                 "Up, Down, Left or Right)"), v);
			continue;
		}
		int j = 0;
		while (j < cfg->nui_keys && strcmp(cfg->ui_keys[j][0], action) != 0)
			j++;
		if (j == HF_MAX_UI_KEYS) {
			problem(ld, e, _("too many key overrides (at most %d)"), HF_MAX_UI_KEYS);
			return;
		}
		if (j == cfg->nui_keys)
			cfg->nui_keys++;
		str_copy(cfg->ui_keys[j][0], sizeof cfg->ui_keys[j][0], action);
		str_copy(cfg->ui_keys[j][1], sizeof cfg->ui_keys[j][1], v);
		cfg->ui_key_lines[j] = (int)config_setting_source_line(e);
	}
}

/* ---- the schema ---------------------------------------------------------------------- */

/* ---- value (RFM) ---------------------------------------------------------------------- */

/* Thresholds of one of R, F, M: HF_VALUE_LEVELS - 1 whole numbers, rising. */
static void apply_thresholds(struct loader *ld, const config_setting_t *s, char *base,
                             const struct key *k)
{
	if (!want_list(ld, s))
		return;
	int n = config_setting_length(s), v[HF_VALUE_LEVELS - 1];
	if (n != HF_VALUE_LEVELS - 1) {
		problem(ld, s, _("needs %d thresholds, rising (it has %d)"), HF_VALUE_LEVELS - 1, n);
		return;
	}
	for (int i = 0; i < n; i++) {
		const config_setting_t *e = config_setting_get_elem(s, (unsigned)i);
		if (!get_int(ld, e, 0, k->max, &v[i]))
			return;
		if (i > 0 && v[i] <= v[i - 1]) {
			problem(ld, e, _("%d is not above the threshold before it (%d)"), v[i], v[i - 1]);
			return;
		}
	}
	memcpy(base + k->off, v, sizeof v);
}

static void apply_level(struct loader *ld, const config_setting_t *s, char *base,
                        const struct key *k)
{
	const char *v = get_string(ld, s);
	if (!v)
		return;
	enum hf_level l;
	if (strcmp(v, "high") == 0)
		l = LEVEL_HIGH;
	else if (strcmp(v, "low") == 0)
		l = LEVEL_LOW;
	else if (strcmp(v, "any") == 0)
		l = LEVEL_ANY;
	else {
		problem(ld, s, _("\"%s\" is not high, low or any"), v);
		return;
	}
	*(enum hf_level *)(void *)(base + k->off) = l;
}

static const struct key segment_keys[] = {
	{ .name = "code", .type = KT_CODE, .off = offsetof(struct hf_segment, code), .size = HF_NAME_MAX },
	{ .name = "name", .type = KT_TEXT, .off = offsetof(struct hf_segment, name), .size = HF_NAME_MAX },
	{ .name = "r", .type = KT_FN, .off = offsetof(struct hf_segment, r), .fn = apply_level, .optional = true },
	{ .name = "f", .type = KT_FN, .off = offsetof(struct hf_segment, f), .fn = apply_level, .optional = true },
	{ .name = "m", .type = KT_FN, .off = offsetof(struct hf_segment, m), .fn = apply_level, .optional = true },
	{ .name = "priority", .type = KT_INT, .off = offsetof(struct hf_segment, priority), .min = -100, .max = 100, .optional = true },
	{ .name = "reactivate", .type = KT_BOOL, .off = offsetof(struct hf_segment, reactivate), .optional = true },
	{ 0 }
};

static const struct entries segment_entries = {
	.id = "code",
	.too_many = N_("too many segments (at most %d)"),
	.twice = N_("segment \"%s\" is listed twice"),
};

#define VAL(field) offsetof(struct hf_config, value.field)
static const struct key value_keys[] = {
	{ .name = "window_days", .type = KT_INT, .off = VAL(window_days), .min = 1, .max = 3660 },
	{ .name = "recency", .type = KT_FN, .off = VAL(recency), .max = 3660, .fn = apply_thresholds },
	{ .name = "frequency", .type = KT_FN, .off = VAL(frequency), .max = 1000, .fn = apply_thresholds },
	{ .name = "monetary", .type = KT_FN, .off = VAL(monetary), .max = 1000000000, .fn = apply_thresholds },
	{ .name = "high_from", .type = KT_INT, .off = VAL(high_from), .min = 2, .max = HF_VALUE_LEVELS },
	{ .name = "vip_visits", .type = KT_INT, .off = VAL(vip_visits), .min = 0, .max = 100 },
	{ .name = "vip_days", .type = KT_INT, .off = VAL(vip_days), .min = 1, .max = 3660 },
	{ .name = "vip_priority", .type = KT_INT, .off = VAL(vip_priority), .min = -100, .max = 100 },
	{ .name = "reactivation_script", .type = KT_FN, .off = VAL(reactivation_script), .size = HF_NAME_MAX, .fn = apply_script },
	{ .name = "segments", .type = KT_GROUPS, .off = VAL(segments), .size = sizeof(struct hf_segment),
	  .off2 = VAL(nsegments), .min = 0, .max = HF_MAX_SEGMENTS, .sub = segment_keys,
	  .entries = &segment_entries },
	{ 0 }
};
#undef VAL

#define CFG(field) offsetof(struct hf_config, field)

static const struct key clinic_keys[] = {
	{ .name = "name", .type = KT_TEXT, .off = CFG(clinic), .size = sizeof ((struct hf_config *)0)->clinic },
	{ .name = "timezone", .type = KT_FN, .off = CFG(timezone), .fn = apply_timezone },
	{ 0 }
};

static const struct key calendar_keys[] = {
	{ .name = "work_days", .type = KT_FN, .off = CFG(work_day), .fn = apply_work_days },
	{ .name = "holidays", .type = KT_FN, .off = CFG(holidays), .fn = apply_holidays },
	{ .name = "hours", .type = KT_FN, .off = CFG(open_minute), .fn = apply_hours },
	{ 0 }
};

static const struct key escalation_keys[] = {
	{ .name = "complaint_sla", .type = KT_HOURS, .off = CFG(complaint_sla_hours) },
	{ .name = "low_score", .type = KT_INT, .off = CFG(low_score_max), .min = 0, .max = 4 },
	{ .name = "low_score_sla", .type = KT_HOURS, .off = CFG(low_score_sla_hours) },
	{ .name = "score_drop", .type = KT_INT, .off = CFG(score_drop), .min = 0, .max = 4 },
	{ .name = "score_drop_sla", .type = KT_HOURS, .off = CFG(score_drop_sla_hours) },
	{ .name = "risk_sla", .type = KT_HOURS, .off = CFG(risk_sla_hours) },
	{ .name = "risk_words", .type = KT_STRINGS, .off = CFG(risk_words), .size = HF_NAME_MAX,
	  .off2 = CFG(nrisk_words), .min = 0, .max = HF_MAX_RISK_WORDS },
	{ .name = "negations", .type = KT_STRINGS, .off = CFG(negations), .size = HF_NAME_MAX,
	  .off2 = CFG(nnegations), .min = 0, .max = HF_MAX_RISK_WORDS },
	{ .name = "pseudo_negations", .type = KT_STRINGS, .off = CFG(pseudo_negations),
	  .size = HF_NAME_MAX, .off2 = CFG(npseudo_negations), .min = 0, .max = HF_MAX_RISK_WORDS },
	{ .name = "negation_ends", .type = KT_STRINGS, .off = CFG(negation_ends), .size = HF_NAME_MAX,
	  .off2 = CFG(nnegation_ends), .min = 0, .max = HF_MAX_RISK_WORDS },
	{ .name = "negation_window", .type = KT_INT, .off = CFG(negation_window), .min = 0, .max = 10 },
	{ .name = "relief_words", .type = KT_STRINGS, .off = CFG(relief_words), .size = HF_NAME_MAX,
	  .off2 = CFG(nrelief_words), .min = 0, .max = HF_MAX_RISK_WORDS },
	{ .name = "missed_postop_days", .type = KT_INT, .off = CFG(missed_postop_days), .min = 0, .max = 90 },
	{ .name = "missed_postop_sla", .type = KT_HOURS, .off = CFG(missed_postop_sla_hours) },
	{ .name = "complaint_categories", .type = KT_STRINGS, .off = CFG(complaint_categories),
	  .size = HF_NAME_MAX, .off2 = CFG(ncomplaint_categories), .min = 1,
	  .max = (int)countof(((struct hf_config *)0)->complaint_categories) },
	{ .name = "resolutions", .type = KT_GROUPS, .off = CFG(resolutions),
	  .size = sizeof(struct hf_resolution), .off2 = CFG(nresolutions), .min = 1,
	  .max = HF_MAX_RESOLUTIONS, .sub = resolution_keys, .entries = &resolution_entries },
	{ .name = "ladder", .type = KT_STRINGS, .off = CFG(ladder), .size = HF_NAME_MAX,
	  .off2 = CFG(nladder), .min = 1, .max = HF_MAX_LADDER },
	{ .name = "ladder_sla", .type = KT_HOURS, .off = CFG(ladder_sla_hours) },
	{ 0 }
};

static const struct key release_keys[] = {
	{ .name = "stale_owner_days", .type = KT_INT, .off = CFG(stale_owner_days), .min = 0, .max = 365 },
	{ .name = "dormant_months", .type = KT_INT, .off = CFG(dormant_months), .min = 0, .max = 120 },
	{ .name = "winback_months", .type = KT_INT, .off = CFG(winback_months), .min = 0, .max = 120 },
	{ .name = "consultant_release_months", .type = KT_INT, .off = CFG(consultant_release_months), .min = 0, .max = 120 },
	{ .name = "birthday_calls", .type = KT_BOOL, .off = CFG(birthday_calls) },
	{ .name = "extra_window", .type = KT_INT, .off = CFG(extra_window_days), .min = 0, .max = 90 },
	{ .name = "reactivation_team", .type = KT_CODE, .off = CFG(reactivation_team), .size = HF_NAME_MAX },
	{ .name = "winback_team", .type = KT_CODE, .off = CFG(winback_team), .size = HF_NAME_MAX },
	{ .name = "service_team", .type = KT_CODE, .off = CFG(service_team), .size = HF_NAME_MAX },
	{ .name = "consultant_team", .type = KT_CODE, .off = CFG(consultant_team), .size = HF_NAME_MAX },
	{ 0 }
};

static const struct key events_keys[] = {
	{ .name = "path", .type = KT_FN, .off = CFG(events_path), .fn = apply_events_path },
	{ 0 }
};

static const struct key audit_keys[] = {
	{ .name = "anchor_every", .type = KT_INT, .off = CFG(audit_anchor_every), .min = 0, .max = 1000000 },
	{ 0 }
};

static const struct key database_keys[] = {
	{ .name = "lock_wait_seconds", .type = KT_INT, .off = CFG(lock_wait_seconds), .min = 1, .max = 300 },
	{ 0 }
};

static const struct key console_keys[] = {
	{ .name = "lease_minutes", .type = KT_INT, .off = CFG(lease_minutes), .min = 1, .max = 240 },
	{ .name = "idle_lock_minutes", .type = KT_INT, .off = CFG(idle_lock_minutes), .min = 0, .max = 1440 },
	{ .name = "lock_password", .type = KT_BOOL, .off = CFG(lock_password) },
	{ .name = "dial", .type = KT_FN, .off = CFG(dial), .fn = apply_dial },
	{ .name = "operators_read_other_teams", .type = KT_BOOL, .off = CFG(operators_read_other_teams) },
	{ 0 }
};

static const struct key ui_keys[] = {
	{ .name = "colors", .type = KT_FN, .off = CFG(ui_colors), .fn = apply_colors },
	{ .name = "keys", .type = KT_FN, .off = CFG(ui_keys), .fn = apply_keys },
	{ 0 }
};

static const struct key root_keys[] = {
	{ .name = "clinic", .type = KT_GROUP, .sub = clinic_keys },
	{ .name = "calendar", .type = KT_GROUP, .sub = calendar_keys },
	{ .name = "curves", .type = KT_GROUP, .sub = curves_keys },
	{ .name = "treatments", .type = KT_GROUPS, .off = CFG(treatments), .size = sizeof(struct hf_treatment),
	  .off2 = CFG(ntreatments), .min = 0, .max = HF_MAX_TREATMENTS, .sub = treatment_keys,
	  .entries = &treatment_entries },
	{ .name = "outcomes", .type = KT_GROUPS, .off = CFG(outcomes), .size = sizeof(struct hf_outcome),
	  .off2 = CFG(noutcomes), .min = 0, .max = HF_MAX_OUTCOMES, .sub = outcome_keys,
	  .entries = &outcome_entries },
	{ .name = "escalation", .type = KT_GROUP, .sub = escalation_keys },
	{ .name = "contact_cap_days", .type = KT_INT, .off = CFG(contact_cap_days), .min = 0, .max = 30 },
	{ .name = "dimensions", .type = KT_GROUPS, .off = CFG(dimensions), .size = sizeof(struct hf_dimension),
	  .off2 = CFG(ndimensions), .min = 0, .max = HF_MAX_DIMS, .sub = dimension_keys,
	  .entries = &dimension_entries },
	{ .name = "release", .type = KT_GROUP, .sub = release_keys },
	{ .name = "teams", .type = KT_GROUPS, .off = CFG(teams), .size = sizeof(struct hf_team),
	  .off2 = CFG(nteams), .min = 1, .max = HF_MAX_TEAMS, .sub = team_keys, .entries = &team_entries },
	{ .name = "value", .type = KT_GROUP, .sub = value_keys },
	{ .name = "events", .type = KT_GROUP, .sub = events_keys },
	{ .name = "console", .type = KT_GROUP, .sub = console_keys },
	{ .name = "audit", .type = KT_GROUP, .sub = audit_keys },
	{ .name = "database", .type = KT_GROUP, .sub = database_keys },
	{ .name = "ui", .type = KT_GROUP, .sub = ui_keys },
	{ 0 }
};

#undef CFG

static void keys_each(const struct key *keys, const char *prefix,
                      void (*fn)(const char *path, void *arg), void *arg)
{
	for (const struct key *k = keys; k->name; k++) {
		char path[256];
		snprintf(path, sizeof path, "%s%s", prefix, k->name);
		fn(path, arg);
		if (!k->sub)
			continue;
		/* Members of each entry of a list: "treatments[].name", "curves.surgery.steps[].offset". */
		bool list = k->type == KT_GROUPS || (k->type == KT_FN && k->sub == step_keys);
		char sub[sizeof path + 4];
		snprintf(sub, sizeof sub, "%s%s.", path, list ? "[]" : "");
		keys_each(k->sub, sub, fn, arg);
	}
}

void config_keys_each(void (*fn)(const char *path, void *arg), void *arg)
{
	keys_each(root_keys, "", fn, arg);
}

/* ---- checks across keys -------------------------------------------------------------- */

/* A team code used somewhere must be defined. When the file set the reference, point at it.
 * When the reference is a default, the file's `teams` dropped the team: say so once per team
 * at `teams`, naming the first user. */
struct dropped_team {
	const char *code;
	char first_user[160];
	int more;
};

static void check_team_ref(struct loader *ld, const char *team, const char *user,
                           struct dropped_team *dropped, int *ndropped)
{
	if (!*team || config_team(ld->cfg, team))
		return; /* an empty code was reported where it was read */
	const config_setting_t *s = origin_of(ld, team);
	if (s) {
		problem(ld, s, _("unknown team \"%s\" (not in teams)"), team);
		return;
	}
	for (int i = 0; i < *ndropped; i++)
		if (strcmp(dropped[i].code, team) == 0) {
			dropped[i].more++;
			return;
		}
	dropped[*ndropped].code = team;
	str_copy(dropped[*ndropped].first_user, sizeof dropped[0].first_user, user);
	dropped[(*ndropped)++].more = 0;
}

static void check_team_refs(struct loader *ld)
{
	struct hf_config *cfg = ld->cfg;
	/* Every reference may name a different team: room for all of them. */
	enum { MAX_REFS = VISIT__COUNT * HF_MAX_STEPS + HF_MAX_TREATMENTS * HF_MAX_STEPS + 4 };
	struct dropped_team *dropped = xcalloc(MAX_REFS, sizeof *dropped);
	int ndropped = 0;
	char user[160];
	for (int k = 0; k < VISIT__COUNT; k++)
		for (int i = 0; i < cfg->curves[k].nsteps; i++) {
			snprintf(user, sizeof user, "curves.%s.steps[%d]", visit_codes[k], i + 1);
			check_team_ref(ld, cfg->curves[k].steps[i].team, user, dropped, &ndropped);
		}
	for (int t = 0; t < cfg->ntreatments; t++)
		for (int i = 0; i < cfg->treatments[t].curve.nsteps; i++) {
			snprintf(user, sizeof user, "treatments[%d].curve[%d]", t + 1, i + 1);
			check_team_ref(ld, cfg->treatments[t].curve.steps[i].team, user, dropped, &ndropped);
		}
	check_team_ref(ld, cfg->reactivation_team, "release.reactivation_team", dropped, &ndropped);
	check_team_ref(ld, cfg->winback_team, "release.winback_team", dropped, &ndropped);
	check_team_ref(ld, cfg->service_team, "release.service_team", dropped, &ndropped);
	check_team_ref(ld, cfg->consultant_team, "release.consultant_team", dropped, &ndropped);
	const config_setting_t *teams = origin_of(ld, cfg->teams);
	for (int i = 0; i < ndropped; i++) {
		if (dropped[i].more)
			problem(ld, teams, _("team \"%s\" is not defined but %s and %d more use it"),
			        dropped[i].code, dropped[i].first_user, dropped[i].more);
		else
			problem(ld, teams, _("team \"%s\" is not defined but %s uses it"), dropped[i].code,
			        dropped[i].first_user);
	}
	free(dropped);
}

static void check_whole(struct loader *ld)
{
	struct hf_config *cfg = ld->cfg;
	if (!ld->teams_broken)
		check_team_refs(ld);

	if (cfg->winback_months > 0 && cfg->dormant_months > 0 &&
	    cfg->winback_months <= cfg->dormant_months) {
		const config_setting_t *s = origin_of(ld, &cfg->winback_months);
		if (!s)
			s = origin_of(ld, &cfg->dormant_months);
		problem(ld, s, _("winback_months (%d) must be more than dormant_months (%d)"),
		        cfg->winback_months, cfg->dormant_months);
	}
}

/* ---- entry points -------------------------------------------------------------------- */

/* libconfig would follow @include; a config must not read other files (the program may run
 * with the clinic group's rights). */
static int reject_includes(struct loader *ld, const char *text)
{
	int line = 1, found = 0;
	for (const char *p = text; *p; line++) {
		const char *q = p + strspn(p, " \t");
		if (strncmp(q, "@include", 8) == 0) {
			problem_at(ld, line, NULL, _("@include is not allowed"));
			found++;
		}
		p = strchr(p, '\n');
		if (!p)
			break;
		p++;
	}
	return found;
}

/* Parse text and apply it over ld->cfg; problems go to ld. */
static void load_text(struct loader *ld, const char *text)
{
	if (reject_includes(ld, text))
		return;
	config_t c;
	config_init(&c);
	ld->text = text;
	if (!config_read_string(&c, text)) {
		const char *why = config_error_text(&c);
		problem_at(ld, config_error_line(&c), NULL, "%s", why ? _(why) : _("syntax error"));
		config_destroy(&c);
		return;
	}
	const config_setting_t *root = config_root_setting(&c);
	apply_group(ld, root, (char *)ld->cfg, root_keys, ld->complete);
	check_whole(ld);
	config_destroy(&c);
}

static void loader_init(struct loader *ld, struct hf_config *cfg, const char *file, bool complete)
{
	memset(ld, 0, sizeof *ld);
	ld->cfg = cfg;
	ld->file = file;
	ld->complete = complete;
}

static void loader_free(struct loader *ld)
{
	for (int i = 0; i < ld->nproblems; i++)
		free(ld->problems[i].text);
	free(ld->problems);
	free(ld->origins);
}

void config_defaults(struct hf_config *cfg)
{
	struct loader ld;
	memset(cfg, 0, sizeof *cfg);
	loader_init(&ld, cfg, BUILTIN_NAME, true);
	load_text(&ld, hf_default_config);
	if (ld.nproblems) /* a build that ships broken defaults must not run */
		die("%s", problems_text(&ld));
	loader_free(&ld);
	str_copy(cfg->source, sizeof cfg->source, BUILTIN_NAME);
}

/* Opens a file the user named (-c) with the user's own rights: a setgid run must not read
 * the clinic group's files for them. The system file is the administrator's and may be
 * readable by the group only. */
static FILE *open_config(const char *path)
{
	gid_t egid = getegid();
	bool drop = egid != getgid() && strcmp(path, SYSTEM_CONFIG) != 0;
	if (drop && setegid(getgid()) != 0)
		return NULL;
	FILE *f = fopen(path, "r");
	int err = errno;
	if (drop && setegid(egid) != 0)
		die("cannot restore the group id: %s", strerror(errno));
	errno = err;
	return f;
}

/* The whole file as a string; NULL with a problem noted when it cannot be read. */
static char *read_file(struct loader *ld, const char *path)
{
	FILE *f = open_config(path);
	if (!f) {
		problem_at(ld, 0, NULL, _("cannot read: %s"), strerror(errno));
		return NULL;
	}
	struct sbuf b;
	sbuf_init(&b);
	char chunk[8192];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
		if (memchr(chunk, '\0', n)) {
			problem_at(ld, 0, NULL, _("not a text file (it contains NUL bytes)"));
			break;
		}
		sbuf_addn(&b, chunk, n);
		if (b.len > MAX_FILE_BYTES) {
			problem_at(ld, 0, NULL, _("too large for a configuration file (over %d bytes)"),
			           MAX_FILE_BYTES);
			break;
		}
	}
	int err = ferror(f) ? errno : 0;
	fclose(f);
	if (err)
		problem_at(ld, 0, NULL, _("cannot read: %s"), strerror(err));
	if (ld->nproblems) {
		sbuf_free(&b);
		return NULL;
	}
	return sbuf_steal(&b);
}

int config_load(struct hf_config *cfg, const char *path, char **problems)
{
	if (problems)
		*problems = NULL;
	if (!path) {
		config_defaults(cfg);
		if (problems)
			*problems = xstrdup("");
		return 0;
	}
	struct hf_config *tmp = xmalloc(sizeof *tmp);
	config_defaults(tmp);
	struct loader ld;
	loader_init(&ld, tmp, path, false);
	char *text = read_file(&ld, path);
	if (text) {
		load_text(&ld, text);
		free(text);
	}
	int n = ld.nproblems;
	if (n == 0) {
		str_copy(tmp->source, sizeof tmp->source, path);
		memcpy(cfg, tmp, sizeof *cfg);
	} else {
		config_defaults(cfg);
	}
	if (problems)
		*problems = problems_text(&ld);
	loader_free(&ld);
	free(tmp);
	return n;
}

int config_check_file(const char *path, char **problems)
{
	struct hf_config *cfg = xmalloc(sizeof *cfg);
	int n = config_load(cfg, path, problems);
	free(cfg);
	return n;
}

const char *config_locate(const char *cli_path)
{
	if (cli_path && *cli_path)
		return cli_path;
	const char *env = secure_getenv("HUIFANG_CONFIG");
	if (env && *env)
		return env;
	struct stat st;
	if (stat(SYSTEM_CONFIG, &st) == 0)
		return SYSTEM_CONFIG;
	return NULL;
}

/* ---- lookups ------------------------------------------------------------------------- */

const struct hf_outcome *config_outcome(const struct hf_config *cfg, const char *code)
{
	for (int i = 0; code && i < cfg->noutcomes; i++)
		if (strcmp(cfg->outcomes[i].code, code) == 0)
			return &cfg->outcomes[i];
	return NULL;
}

/* A team as a person reads it: its configured name, else its code. */
const char *config_team_name(const struct hf_config *cfg, const char *code)
{
	const struct hf_team *t = config_team(cfg, code);
	return t && t->name[0] ? t->name : code ? code : "";
}

/* An outcome as a person types it: its code, or its label in the interface language. */
const struct hf_outcome *config_outcome_typed(const struct hf_config *cfg, const char *s)
{
	const struct hf_outcome *o = config_outcome(cfg, s);
	for (int i = 0; s && !o && i < cfg->noutcomes; i++)
		if (strcmp(_(cfg->outcomes[i].label), s) == 0 || strcmp(cfg->outcomes[i].label, s) == 0)
			o = &cfg->outcomes[i];
	return o;
}

const struct hf_dimension *config_dimension(const struct hf_config *cfg, const char *code)
{
	for (int i = 0; code && i < cfg->ndimensions; i++)
		if (strcmp(cfg->dimensions[i].code, code) == 0)
			return &cfg->dimensions[i];
	return NULL;
}

const struct hf_dimension *config_dimension_typed(const struct hf_config *cfg, const char *s)
{
	const struct hf_dimension *d = config_dimension(cfg, s);
	for (int i = 0; s && !d && i < cfg->ndimensions; i++)
		if (strcmp(_(cfg->dimensions[i].name), s) == 0 || strcmp(cfg->dimensions[i].name, s) == 0)
			d = &cfg->dimensions[i];
	return d;
}

const char *config_dimension_name(const struct hf_config *cfg, const char *code)
{
	const struct hf_dimension *d = config_dimension(cfg, code);
	return d ? _(d->name) : code ? code : "";
}

const struct hf_resolution *config_resolution(const struct hf_config *cfg, const char *code)
{
	for (int i = 0; code && i < cfg->nresolutions; i++)
		if (strcmp(cfg->resolutions[i].code, code) == 0)
			return &cfg->resolutions[i];
	return NULL;
}

const struct hf_treatment *config_treatment(const struct hf_config *cfg, const char *name)
{
	for (int i = 0; name && i < cfg->ntreatments; i++)
		if (strcmp(cfg->treatments[i].name, name) == 0)
			return &cfg->treatments[i];
	return NULL;
}

const struct hf_team *config_team(const struct hf_config *cfg, const char *code)
{
	for (int i = 0; code && i < cfg->nteams; i++)
		if (strcmp(cfg->teams[i].code, code) == 0)
			return &cfg->teams[i];
	return NULL;
}

const struct hf_segment *config_segment(const struct hf_config *cfg, const char *code)
{
	for (int i = 0; code && i < cfg->value.nsegments; i++)
		if (strcmp(cfg->value.segments[i].code, code) == 0)
			return &cfg->value.segments[i];
	return NULL;
}

int config_max_attempts(const struct hf_config *cfg)
{
	int max = 0;
	for (int i = 0; i < cfg->noutcomes; i++)
		if (cfg->outcomes[i].max_attempts > max)
			max = cfg->outcomes[i].max_attempts;
	return max;
}

const struct hf_curve *config_curve(const struct hf_config *cfg, enum hf_visit_kind kind,
                                    const char *treatment)
{
	const struct hf_treatment *t = str_empty(treatment) ? NULL : config_treatment(cfg, treatment);
	/* A treatment's own curve is a post-op curve: a consultation about it keeps its own. */
	if (t && t->has_curve && kind == VISIT_SURGERY)
		return &t->curve;
	if ((int)kind < 0 || kind >= VISIT__COUNT)
		return NULL;
	return &cfg->curves[kind];
}

bool config_is_work_day(const struct hf_config *cfg, hf_date day)
{
	if (day == HF_NO_DATE)
		return false;
	int wd = date_weekday(day);
	if (wd < 1 || wd > 7 || !cfg->work_day[wd])
		return false;
	for (int i = 0; i < cfg->nholidays; i++)
		if (cfg->holidays[i] == day)
			return false;
	return true;
}

void config_rules_digest(const struct hf_config *cfg, char out[17])
{
	/* FNV-1a over the rules' bytes: the calendar through the value rules. The struct is zeroed
	 * before it is filled, so one file always gives the same bytes. */
	const unsigned char *b = (const unsigned char *)cfg + offsetof(struct hf_config, work_day);
	size_t n = offsetof(struct hf_config, events_path) - offsetof(struct hf_config, work_day);
	unsigned long long h = 1469598103934665603ULL;
	for (size_t i = 0; i < n; i++)
		h = (h ^ b[i]) * 1099511628211ULL;
	snprintf(out, 17, "%016llx", h);
}
