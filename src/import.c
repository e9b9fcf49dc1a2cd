/* import.c — what a row of an imported CSV file means: columns, cells, problems. Pure. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "huifang/date.h"
#include "huifang/i18n.h"
#include "huifang/import.h"
#include "huifang/rules.h"
#include "huifang/str.h"
#include "huifang/utf8.h"

struct column_def {
	enum import_kind kind;
	const char *en, *zh;
	bool required;
};
#define HF_IMPORT_DEF_(id, kind, en, zh, req) {kind, en, zh, req},
static const struct column_def columns[IF__COUNT] = {HF_IMPORT_COLUMNS(HF_IMPORT_DEF_)};
#undef HF_IMPORT_DEF_

bool import_kind_parse(const char *s, enum import_kind *out)
{
	if (str_eq(s, "customers"))
		*out = IMPORT_CUSTOMERS;
	else if (str_eq(s, "visits"))
		*out = IMPORT_VISITS;
	else
		return false;
	return true;
}

const char *import_kind_code(enum import_kind k)
{
	return k == IMPORT_VISITS ? "visits" : "customers";
}

/* s without surrounding spaces, tabs and ideographic spaces (U+3000), copied into out. */
static void trim_copy(const char *s, char *out, size_t size)
{
	const char *e = s + strlen(s);
	for (;;) {
		if (*s == ' ' || *s == '\t')
			s++;
		else if (!strncmp(s, "\xE3\x80\x80", 3))
			s += 3;
		else
			break;
	}
	for (;;) {
		if (e > s && (e[-1] == ' ' || e[-1] == '\t'))
			e--;
		else if (e - s >= 3 && !strncmp(e - 3, "\xE3\x80\x80", 3))
			e -= 3;
		else
			break;
	}
	size_t n = (size_t)(e - s);
	if (n >= size)
		n = size - 1;
	memcpy(out, s, n);
	out[n] = 0;
}

bool import_blank(const struct csv_record *rec)
{
	char buf[8];
	for (size_t i = 0; i < rec->n; i++) {
		trim_copy(rec->field[i], buf, sizeof buf);
		if (buf[0])
			return false;
	}
	return true;
}

int import_header_map(enum import_kind kind, const struct csv_record *rec,
                      struct import_header *h, import_report_fn report, import_report_fn warn,
                      void *arg)
{
	memset(h, 0, sizeof *h);
	h->kind = kind;
	for (int f = 0; f < IF__COUNT; f++)
		h->col[f] = -1;
	h->ncols = rec->n;
	h->names = xcalloc(rec->n ? rec->n : 1, sizeof *h->names);
	int problems = 0;
	char name[256], msg[512];
	for (size_t i = 0; i < rec->n; i++) {
		trim_copy(rec->field[i], name, sizeof name);
		h->names[i] = xstrdup(name);
		static const char *const ignored[] = IMPORT_IGNORED_COLUMNS;
		bool skip = false;
		for (size_t k = 0; k < sizeof ignored / sizeof ignored[0]; k++)
			skip = skip || !strcasecmp(name, ignored[k]);
		if (skip)
			continue;
		int found = -1;
		for (int f = 0; f < IF__COUNT && found < 0; f++)
			if (columns[f].kind == kind &&
			    (!strcasecmp(name, columns[f].en) || !strcmp(name, columns[f].zh)))
				found = f;
		if (found < 0) {
			snprintf(msg, sizeof msg, _("unknown column \"%s\" is ignored"), name);
			warn(arg, rec->line, NULL, msg);
		} else if (h->col[found] >= 0) {
			snprintf(msg, sizeof msg, _("column \"%s\" appears twice"), name);
			report(arg, rec->line, NULL, msg);
			problems++;
		} else {
			h->col[found] = (int)i;
		}
	}
	for (int f = 0; f < IF__COUNT; f++) {
		if (columns[f].kind != kind || !columns[f].required || h->col[f] >= 0)
			continue;
		snprintf(msg, sizeof msg, _("no column %s (or %s), which is required"), columns[f].zh,
		         columns[f].en);
		report(arg, rec->line, NULL, msg);
		problems++;
	}
	return problems;
}

void import_header_free(struct import_header *h)
{
	for (size_t i = 0; i < h->ncols; i++)
		free(h->names[i]);
	free(h->names);
	h->names = NULL;
	h->ncols = 0;
}

/* ---- cells ---------------------------------------------------------------------------- */

/* Reads 1..max digits at *p into *v, advancing *p. */
static bool read_num(const char **p, int max, int *v)
{
	int n = 0, x = 0;
	while (isdigit((unsigned char)**p)) {
		if (++n > max)
			return false;
		x = x * 10 + (**p - '0');
		(*p)++;
	}
	*v = x;
	return n > 0;
}

bool import_date(const char *s, hf_date *out)
{
	const char *p = s;
	int y, m, d;
	if (read_num(&p, 4, &y) && p - s == 4 && (*p == '-' || *p == '/' || *p == '.')) {
		char sep = *p++;
		if (!read_num(&p, 2, &m) || *p++ != sep || !read_num(&p, 2, &d))
			return false;
		/* A time of day after the date (a HIS export's "2024-03-05 10:30") is not needed. */
		if (*p && *p != ' ' && *p != 'T')
			return false;
		hf_date day = date_from_ymd(y, m, d);
		if (day == HF_NO_DATE)
			return false;
		*out = day;
		return true;
	}
	/* An Excel serial day number: days since 1899-12-30 (Excel's day 60 is a 29 February
	 * 1900 that never was, so only serials from 61, 1900-03-01, are read); a fraction is
	 * the time of day. */
	p = s;
	long long serial = 0;
	int nd = 0;
	while (isdigit((unsigned char)*p) && nd < 8)
		serial = serial * 10 + (*p++ - '0'), nd++;
	if (nd == 0)
		return false;
	if (*p == '.') {
		p++;
		while (isdigit((unsigned char)*p))
			p++;
	}
	if (*p || serial < 61 || serial > 2958465)
		return false;
	*out = date_from_ymd(1899, 12, 30) + (hf_date)serial;
	return true;
}

bool import_yes_no(const char *s, bool *out)
{
	static const char *const yes[] = {"yes", "1", "true", "是", "y"}, *const no[] = {"no", "0", "false", "否", "n"};
	for (size_t i = 0; i < sizeof yes / sizeof yes[0]; i++) {
		if (!strcasecmp(s, yes[i]))
			return *out = true, true;
		if (!strcasecmp(s, no[i]))
			return *out = false, true;
	}
	return false;
}

enum hf_visit_kind import_visit_kind(const char *s)
{
	static const struct {
		const char *zh;
		enum hf_visit_kind kind;
	} names[] = {
		{"咨询", VISIT_CONSULT}, {"手术", VISIT_SURGERY}, {"疗程", VISIT_COURSE},
		{"离院", VISIT_DISCHARGE}, {"出院", VISIT_DISCHARGE}, {"注射", VISIT_INJECTION},
	};
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (!strcmp(s, names[i].zh))
			return names[i].kind;
	return visit_kind_from_code(s);
}

bool import_amount(const char *s, long long *out)
{
	const char *p = s;
	if (!strncmp(p, "¥", strlen("¥")))
		p += strlen("¥");
	else if (!strncmp(p, "￥", strlen("￥")))
		p += strlen("￥");
	long long v = 0;
	int digits = 0;
	for (; isdigit((unsigned char)*p) || (*p == ',' && digits > 0); p++) {
		if (*p == ',')
			continue;
		if (v > 100000000000LL)
			return false;
		v = v * 10 + (*p - '0');
		digits++;
	}
	if (digits == 0)
		return false;
	if (*p == '.') {
		p++;
		if (!isdigit((unsigned char)*p))
			return false;
		if (*p >= '5')
			v++;
		while (isdigit((unsigned char)*p))
			p++;
	}
	if (*p)
		return false;
	*out = v;
	return true;
}

/* ---- rows ----------------------------------------------------------------------------- */

struct row_ctx {
	const struct import_header *h;
	const struct csv_record *rec;
	import_report_fn report;
	void *arg;
	int problems;
};

static void problem(struct row_ctx *x, enum import_field f, const char *fmt, const char *value)
{
	char msg[512];
	if (value)
		snprintf(msg, sizeof msg, fmt, value);
	else
		str_copy(msg, sizeof msg, fmt);
	int c = x->h->col[f];
	x->report(x->arg, x->rec->line, c >= 0 ? x->h->names[c] : columns[f].en, msg);
	x->problems++;
}

/* The trimmed cell of field f in cell (size bytes), "" when absent; a cell too long for
 * `max` bytes or holding a line break is a problem. */
static const char *cell(struct row_ctx *x, enum import_field f, char *buf, size_t size,
                        size_t max)
{
	buf[0] = 0;
	unsigned cp;
	int c = x->h->col[f];
	if (c < 0 || (size_t)c >= x->rec->n)
		return buf;
	const char *raw = x->rec->field[c];
	trim_copy(raw, buf, size);
	/* An export's formula guard: '=… '+… '-… '@… come back as written. */
	if (buf[0] == '\'' && buf[1] && strchr("=+-@\t\r", buf[1]))
		memmove(buf, buf + 1, strlen(buf));
	if (strlen(raw) >= size || strlen(buf) >= max) {
		char n[24];
		snprintf(n, sizeof n, "%zu", max - 1);
		problem(x, f, _("too long (at most %s bytes)"), n);
		buf[0] = 0;
	} else if (strpbrk(buf, "\n\r")) {
		problem(x, f, _("a line break in \"%s\""), buf);
		buf[0] = 0;
	} else if (utf8_find_control(buf, false, &cp) >= 0) {
		char code[16];
		snprintf(code, sizeof code, "U+%04X", cp);
		problem(x, f, _("the control character %s is not allowed"), code);
		buf[0] = 0;
	}
	return buf;
}

static void read_customer(const struct hf_config *cfg, struct row_ctx *x, hf_date today,
                          struct import_row *row)
{
	(void)cfg;
	struct hf_customer *c = &row->c;
	char buf[1024];
	c->birthday = HF_NO_DATE;
	str_copy(c->external_id, sizeof c->external_id,
	         cell(x, IF_EXTERNAL_ID, buf, sizeof buf, sizeof c->external_id));
	str_copy(c->name, sizeof c->name, cell(x, IF_NAME, buf, sizeof buf, sizeof c->name));
	if (!row->given[IF_NAME])
		problem(x, IF_NAME, _("a name is required"), NULL);
	const char *v = cell(x, IF_PHONE, buf, sizeof buf, sizeof buf);
	if (!row->given[IF_PHONE])
		problem(x, IF_PHONE, _("a phone number is required"), NULL);
	else if (*v && !phone_normalize(v, c->phone, sizeof c->phone))
		problem(x, IF_PHONE, _("\"%s\" is not a phone number"), v);
	v = cell(x, IF_GENDER, buf, sizeof buf, sizeof buf);
	if (*v && !gender_parse(v, c->gender))
		problem(x, IF_GENDER, _("\"%s\" is not a gender (男, 女, M or F)"), v);
	v = cell(x, IF_BIRTHDAY, buf, sizeof buf, sizeof buf);
	if (*v && !import_date(v, &c->birthday))
		problem(x, IF_BIRTHDAY, _("\"%s\" is not a date (YYYY-MM-DD)"), v);
	else if (*v && c->birthday > today)
		problem(x, IF_BIRTHDAY, _("%s is in the future"), v);
	str_copy(c->consultant, sizeof c->consultant,
	         cell(x, IF_CONSULTANT, buf, sizeof buf, sizeof c->consultant));
	str_copy(c->source, sizeof c->source, cell(x, IF_SOURCE, buf, sizeof buf, sizeof c->source));
	str_copy(c->tags, sizeof c->tags, cell(x, IF_TAGS, buf, sizeof buf, sizeof c->tags));
	v = cell(x, IF_DNC, buf, sizeof buf, sizeof buf);
	if (*v && !import_yes_no(v, &c->do_not_call))
		problem(x, IF_DNC, _("\"%s\" is not yes or no"), v);
}

static void read_visit(const struct hf_config *cfg, struct row_ctx *x, hf_date today,
                       struct import_row *row)
{
	struct hf_visit *v = &row->v;
	char buf[1024];
	v->date = v->course_end = HF_NO_DATE;
	v->kind = VISIT_NONE;
	str_copy(row->customer_ext, sizeof row->customer_ext,
	         cell(x, IF_CUSTOMER, buf, sizeof buf, sizeof row->customer_ext));
	if (!row->given[IF_CUSTOMER])
		problem(x, IF_CUSTOMER, _("the customer's external id is required"), NULL);
	const char *s = cell(x, IF_DATE, buf, sizeof buf, sizeof buf);
	if (!row->given[IF_DATE])
		problem(x, IF_DATE, _("a date is required"), NULL);
	else if (*s && !import_date(s, &v->date))
		problem(x, IF_DATE, _("\"%s\" is not a date (YYYY-MM-DD)"), s);
	else if (*s && v->date > today)
		problem(x, IF_DATE, _("%s is in the future"), s);
	s = cell(x, IF_KIND, buf, sizeof buf, sizeof buf);
	if (!row->given[IF_KIND])
		problem(x, IF_KIND, _("a visit kind is required"), NULL);
	else if (*s && (v->kind = import_visit_kind(s)) == VISIT_NONE)
		problem(x, IF_KIND, _("\"%s\" is not a visit kind (咨询 手术 疗程 离院 注射)"), s);
	s = cell(x, IF_TREATMENT, buf, sizeof buf, sizeof v->treatment);
	if (*s && !config_treatment(cfg, s))
		problem(x, IF_TREATMENT, _("\"%s\" is not a treatment of the rules file"), s);
	str_copy(v->treatment, sizeof v->treatment, s);
	str_copy(v->doctor, sizeof v->doctor, cell(x, IF_DOCTOR, buf, sizeof buf, sizeof v->doctor));
	s = cell(x, IF_TEAM, buf, sizeof buf, sizeof v->team);
	if (*s && !config_team(cfg, s))
		problem(x, IF_TEAM, _("\"%s\" is not a team of the rules file"), s);
	str_copy(v->team, sizeof v->team, s);
	s = cell(x, IF_COURSE_END, buf, sizeof buf, sizeof buf);
	if (*s && !import_date(s, &v->course_end))
		problem(x, IF_COURSE_END, _("\"%s\" is not a date (YYYY-MM-DD)"), s);
	else if (*s && v->date != HF_NO_DATE && v->course_end < v->date)
		problem(x, IF_COURSE_END, _("%s is before the visit"), s);
	else if (!*s && v->kind == VISIT_COURSE)
		problem(x, IF_KIND, _("a treatment course needs its end (疗程结束)"), NULL);
	s = cell(x, IF_AMOUNT, buf, sizeof buf, sizeof buf);
	if (*s && !import_amount(s, &v->amount))
		problem(x, IF_AMOUNT, _("\"%s\" is not an amount in yuan"), s);
}

int import_row_read(const struct hf_config *cfg, const struct import_header *h,
                    const struct csv_record *rec, hf_date today, struct import_row *row,
                    import_report_fn report, void *arg)
{
	memset(row, 0, sizeof *row);
	struct row_ctx x = {h, rec, report, arg, 0};
	if (rec->problem) {
		report(arg, rec->line, NULL, rec->problem);
		return 1;
	}
	if (rec->n != h->ncols) {
		char msg[128];
		snprintf(msg, sizeof msg, _("%zu fields where the header has %zu"), rec->n, h->ncols);
		report(arg, rec->line, NULL, msg);
		return 1;
	}
	for (int f = 0; f < IF__COUNT; f++) {
		int c = h->col[f];
		char buf[8];
		if (c >= 0) {
			trim_copy(rec->field[c], buf, sizeof buf);
			row->given[f] = buf[0] != 0;
		}
	}
	if (h->kind == IMPORT_CUSTOMERS)
		read_customer(cfg, &x, today, row);
	else
		read_visit(cfg, &x, today, row);
	return x.problems;
}

bool import_visit_is_history(const struct hf_config *cfg, const struct hf_visit *v, hf_date today)
{
	struct planned_call calls[HF_MAX_STEPS];
	int n = rules_schedule(cfg, v->kind, v->treatment, v->date, v->course_end, calls,
	                       HF_MAX_STEPS);
	for (int i = 0; i < n; i++)
		if (calls[i].window_end >= today)
			return false;
	return true;
}
