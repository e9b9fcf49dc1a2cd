/* scripts.c — call scripts (话术): parse the text format, fill placeholders, load a language's files.
 *
 * The format (also in data/scripts/README). One file per script key, UTF-8:
 *
 *     # a comment (a line starting with one '#')
 *     title: 术后第3天回访
 *     ## greeting
 *     {name}{title}您好，我是{clinic}的回访专员{operator}。
 *     ## recovery
 *     ? 这几天肿胀有没有慢慢消下去？
 *     ! 顾客提到发烧、出血或剧痛：记在备注里，本次回访会升级给主管。
 *
 * - "title: TEXT" comes before the first section (a stored body has none; the database keeps
 *   the title in its own column).
 * - "## NAME" opens a section; NAME is one of greeting, recovery, warning, satisfaction, care,
 *   invitation, closing, each at most once, none empty. Text before the first section is an
 *   error.
 * - Inside a section each non-blank line is one line of the script: "? " marks a question the
 *   operator asks, "! " a note to the operator that is not read out, anything else is said as
 *   written. The full-width "？" and "！" work too. Leading and trailing blanks are dropped.
 * - A line may start with conditions, "[overdue>0]", "[treatment=吸脂,隆鼻]", "[gender=女]",
 *   all of which must hold for the call (see HF_SCRIPT_FACTS and script_select).
 * - "{key}" is a placeholder (see HF_SCRIPT_PLACEHOLDERS); a lowercase {word} that is not one
 *   is an error, so a typo is caught when the file is loaded rather than read to a customer.
 * - A UTF-8 BOM and CRLF line ends are accepted; invalid UTF-8 and control characters are not.
 *
 * Errors are one line, "name:line: message". */
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "huifang/config.h"
#include "huifang/paths.h"
#include "huifang/scripts.h"
#include "huifang/str.h"
#include "huifang/utf8.h"

#define SCRIPT_FILE_MAX (256 * 1024) /* far above any real script; guards against a stray file */

/* ---- vocabulary ----------------------------------------------------------------------- */

#define HF_SEC_CODE_(id, code, label) code,
#define HF_SEC_LABEL_(id, code, label) label,
static const char *const section_codes[] = { HF_SCRIPT_SECTIONS(HF_SEC_CODE_) };
static const char *const section_labels[] = { HF_SCRIPT_SECTIONS(HF_SEC_LABEL_) };
#undef HF_SEC_CODE_
#undef HF_SEC_LABEL_

#define HF_PH_NAME_(name, help) name,
static const char *const placeholder_names[] = { HF_SCRIPT_PLACEHOLDERS(HF_PH_NAME_) };
#undef HF_PH_NAME_

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

const char *const scripts_langs[] = { "zh_CN", "en", NULL };

const char *script_section_code(enum script_section_kind k)
{
	return k >= 0 && k < SEC__COUNT ? section_codes[k] : "";
}

const char *script_section_label(enum script_section_kind k)
{
	return k >= 0 && k < SEC__COUNT ? _(section_labels[k]) : "";
}

enum script_section_kind script_section_from_code(const char *s)
{
	for (int k = 0; s && k < SEC__COUNT; k++)
		if (strcmp(s, section_codes[k]) == 0)
			return (enum script_section_kind)k;
	return SEC_NONE;
}

bool scripts_is_placeholder(const char *key)
{
	for (size_t i = 0; key && i < NELEM(placeholder_names); i++)
		if (strcmp(key, placeholder_names[i]) == 0)
			return true;
	return false;
}

/* ---- parsing -------------------------------------------------------------------------- */

static bool is_blank(char c)
{
	return c == ' ' || c == '\t';
}

/* Rest of the line after a line mark ("? " or "？"), or NULL when the line does not start
 * with it. The ASCII mark must be followed by a blank or the end, so "?!" stays text. */
static const char *after_mark(const char *s, char ascii, const char *wide)
{
	size_t wl = strlen(wide);
	if (s[0] == ascii && (s[1] == '\0' || is_blank(s[1])))
		s += 1;
	else if (strncmp(s, wide, wl) == 0)
		s += wl;
	else
		return NULL;
	while (is_blank(*s))
		s++;
	return s;
}

/* Valid UTF-8, no control characters but tabs. */
static bool check_chars(const char *s, size_t n, const char *name, int lineno, char *err,
                        size_t errlen)
{
	if (!utf8_valid(s, n))
		return errf(err, errlen, _("%s:%d: invalid UTF-8"), name, lineno);
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if ((c < 0x20 && c != '\t') || c == 0x7f)
			return errf(err, errlen, _("%s:%d: control character 0x%02x"), name, lineno, c);
	}
	return true;
}

static bool is_key_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
}

/* Every {word} must be a known placeholder; other braces are literal text. */
static bool check_placeholders(const char *s, const char *name, int lineno, char *err,
                               size_t errlen)
{
	for (const char *p = strchr(s, '{'); p; p = strchr(p + 1, '{')) {
		size_t k = 1;
		while (is_key_char(p[k]))
			k++;
		if (k == 1 || p[k] != '}')
			continue;
		char key[HF_NAME_MAX];
		str_copy(key, sizeof key, p + 1);
		if (k - 1 < sizeof key)
			key[k - 1] = '\0';
		if (!scripts_is_placeholder(key))
			return errf(err, errlen, _("%s:%d: unknown placeholder {%s}"), name, lineno, key);
	}
	return true;
}

/* ---- conditions ----------------------------------------------------------------------- */

#define HF_FACT_ROW_(id, name, numeric, help) { name, numeric },
static const struct { const char *name; bool numeric; } facts[] = { HF_SCRIPT_FACTS(HF_FACT_ROW_) };
#undef HF_FACT_ROW_

/* Longest first, so "<=" is not read as "<". */
static const struct { const char *text; enum script_op op; } ops[] = {
	{ "!=", OP_NE }, { "<=", OP_LE }, { ">=", OP_GE }, { "=", OP_EQ }, { "<", OP_LT }, { ">", OP_GT },
};

/* A gender as written in a condition, as its code ("F"/"M"), or NULL. */
static const char *gender_code(const char *v)
{
	if (strcmp(v, "女") == 0 || strcmp(v, "F") == 0 || strcmp(v, "f") == 0)
		return "F";
	if (strcmp(v, "男") == 0 || strcmp(v, "M") == 0 || strcmp(v, "m") == 0)
		return "M";
	return NULL;
}

static char *known_facts(void)
{
	struct sbuf b;
	sbuf_init(&b);
	for (size_t k = 0; k < NELEM(facts); k++)
		sbuf_printf(&b, "%s%s", k ? ", " : "", facts[k].name);
	return sbuf_steal(&b);
}

static char *trimmed(const char *s, size_t n)
{
	while (n && is_blank(*s))
		s++, n--;
	while (n && is_blank(s[n - 1]))
		n--;
	return xstrndup(s, n);
}

/* One condition, the text between "[" and "]". */
static bool parse_cond(const char *text, const char *name, int lineno, struct script_cond *c,
                       char *err, size_t errlen)
{
	const char *p = text;
	while (is_blank(*p))
		p++;
	const char *f0 = p;
	while ((*p >= 'a' && *p <= 'z') || *p == '_')
		p++;
	size_t flen = (size_t)(p - f0);
	int fact = -1;
	for (size_t k = 0; k < NELEM(facts); k++)
		if (strlen(facts[k].name) == flen && strncmp(f0, facts[k].name, flen) == 0)
			fact = (int)k;
	if (fact < 0) {
		char *known = known_facts();
		char *what = trimmed(f0, strcspn(f0, "=!<>"));
		errf(err, errlen, _("%s:%d: unknown condition \"[%s]\": no fact \"%s\" (known: %s)"), name,
		     lineno, text, what, known);
		free(what);
		free(known);
		return false;
	}
	while (is_blank(*p))
		p++;
	int op = -1;
	for (size_t k = 0; k < NELEM(ops) && op < 0; k++)
		if (strncmp(p, ops[k].text, strlen(ops[k].text)) == 0) {
			op = (int)ops[k].op;
			p += strlen(ops[k].text);
		}
	if (op < 0)
		return errf(err, errlen, _("%s:%d: condition \"[%s]\": expected =, !=, <, <=, > or >= after \"%s\""),
		            name, lineno, text, facts[fact].name);
	c->fact = (enum script_fact)fact;
	c->op = (enum script_op)op;
	c->num = 0;
	c->values = NULL;
	char *value = trimmed(p, strlen(p));
	bool ok = true;
	if (!*value) {
		ok = errf(err, errlen, _("%s:%d: condition \"[%s]\" has no value"), name, lineno, text);
	} else if (facts[fact].numeric) {
		if (!str_to_int(value, &c->num) || c->num < -100000 || c->num > 100000)
			ok = errf(err, errlen, _("%s:%d: condition \"[%s]\": \"%s\" is not a whole number of days"),
			          name, lineno, text, value);
	} else if (op != OP_EQ && op != OP_NE) {
		ok = errf(err, errlen, _("%s:%d: condition \"[%s]\": %s takes = or != only"), name, lineno,
		          text, facts[fact].name);
	} else {
		/* Values separated by "," (or "，"): the fact is one of them. */
		struct sbuf b;
		sbuf_init(&b);
		for (const char *v = value; ok;) {
			size_t n = strcspn(v, ",");
			const char *wide = strstr(v, "，");
			if (wide && (size_t)(wide - v) < n)
				n = (size_t)(wide - v);
			char *one = trimmed(v, n);
			const char *g = fact == FACT_GENDER ? gender_code(one) : one;
			if (!*one)
				ok = errf(err, errlen, _("%s:%d: condition \"[%s]\" has an empty value"), name,
				          lineno, text);
			else if (!g)
				ok = errf(err, errlen, _("%s:%d: condition \"[%s]\": gender is 女 or 男 (F or M), not \"%s\""),
				          name, lineno, text, one);
			else
				sbuf_addn(&b, g, strlen(g) + 1);
			free(one);
			if (v[n] == '\0')
				break;
			v += n + (v[n] == ',' ? 1 : strlen("，"));
		}
		sbuf_addn(&b, "", 1);
		c->values = sbuf_steal(&b);
		if (!ok) {
			free(c->values);
			c->values = NULL;
		}
	}
	free(value);
	return ok;
}

bool scripts_parse_conds(const char **sp, const char *name, int lineno, struct script_cond **conds,
                         size_t *n, char *err, size_t errlen)
{
	const char *s = *sp;
	while (*s == '[') {
		const char *end = strchr(s, ']');
		if (!end)
			return errf(err, errlen, _("%s:%d: a condition without its closing \"]\""), name, lineno);
		char *body = xstrndup(s + 1, (size_t)(end - s - 1));
		struct script_cond c;
		bool ok = parse_cond(body, name, lineno, &c, err, errlen);
		free(body);
		if (!ok)
			return false;
		*conds = xrealloc(*conds, (*n + 1) * sizeof **conds);
		(*conds)[(*n)++] = c;
		s = end + 1;
		while (is_blank(*s))
			s++;
	}
	*sp = s;
	return true;
}

void script_conds_free(struct script_cond *conds, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(conds[i].values);
	free(conds);
}

static bool cond_holds(const struct script_cond *c, const struct script_facts *f)
{
	if (facts[c->fact].numeric) {
		int v = c->fact == FACT_DAYS ? f->days : f->overdue;
		if (v == SCRIPT_FACT_UNKNOWN)
			return false;
		switch (c->op) {
		case OP_EQ: return v == c->num;
		case OP_NE: return v != c->num;
		case OP_LT: return v < c->num;
		case OP_LE: return v <= c->num;
		case OP_GT: return v > c->num;
		case OP_GE: return v >= c->num;
		}
		return false;
	}
	const char *have = c->fact == FACT_TREATMENT ? f->treatment : f->gender;
	if (str_empty(have))
		return false;
	bool in = false;
	for (const char *v = c->values; v && *v && !in; v += strlen(v) + 1)
		in = strcmp(v, have) == 0;
	return c->op == OP_EQ ? in : !in;
}

bool script_conds_hold(const struct script_cond *conds, size_t n, const struct script_facts *f)
{
	for (size_t i = 0; i < n; i++)
		if (!f || !cond_holds(&conds[i], f))
			return false;
	return true;
}

static void line_free(struct script_line *l)
{
	free(l->text);
	script_conds_free(l->conds, l->nconds);
}

void script_select(struct script *s, const struct script_facts *f)
{
	size_t keep_sec = 0;
	for (size_t i = 0; i < s->nsections; i++) {
		struct script_section *sec = &s->sections[i];
		size_t keep = 0;
		for (size_t j = 0; j < sec->nlines; j++) {
			if (script_conds_hold(sec->lines[j].conds, sec->lines[j].nconds, f))
				sec->lines[keep++] = sec->lines[j];
			else
				line_free(&sec->lines[j]);
		}
		sec->nlines = keep;
		if (keep)
			s->sections[keep_sec++] = *sec;
		else
			free(sec->lines);
	}
	s->nsections = keep_sec;
}

static void section_add_line(struct script_section *sec, enum script_line_kind kind,
                             const char *text, size_t n, int lineno, struct script_cond *conds,
                             size_t nconds)
{
	sec->lines = xrealloc(sec->lines, (sec->nlines + 1) * sizeof *sec->lines);
	struct script_line *l = &sec->lines[sec->nlines++];
	l->kind = kind;
	l->text = xstrndup(text, n);
	l->lineno = lineno;
	l->conds = conds;
	l->nconds = nconds;
}

static char *known_sections(void)
{
	struct sbuf b;
	sbuf_init(&b);
	for (int k = 0; k < SEC__COUNT; k++) {
		if (k)
			sbuf_add(&b, ", ");
		sbuf_add(&b, section_codes[k]);
	}
	return sbuf_steal(&b);
}

/* Finish the open section: an empty one is an error. */
static bool close_section(const struct script *s, const char *name, char *err, size_t errlen)
{
	if (s->nsections == 0)
		return true;
	const struct script_section *sec = &s->sections[s->nsections - 1];
	if (sec->nlines == 0)
		return errf(err, errlen, _("%s:%d: section '%s' has no lines"), name, sec->lineno,
		            section_codes[sec->kind]);
	return true;
}

static bool parse_line(struct script *s, const char *line, size_t n, int lineno,
                       const char *name, bool *have_title, char *err, size_t errlen)
{
	/* Surrounding blanks are not part of a line. */
	while (n && is_blank(*line))
		line++, n--;
	while (n && is_blank(line[n - 1]))
		n--;
	if (n == 0)
		return true;
	if (!check_chars(line, n, name, lineno, err, errlen))
		return false;
	char *text = xstrndup(line, n);
	bool ok = true;

	if (text[0] == '#' && text[1] != '#') {
		/* a comment */
	} else if (!check_placeholders(text, name, lineno, err, errlen)) {
		ok = false;
	} else if (text[0] == '#') {
		const char *code = text + 2;
		while (is_blank(*code))
			code++;
		enum script_section_kind k = script_section_from_code(code);
		if (k == SEC_NONE) {
			char *known = known_sections();
			ok = errf(err, errlen, _("%s:%d: unknown section '%s' (known: %s)"), name, lineno,
			          code, known);
			free(known);
		} else if (script_section(s, k)) {
			ok = errf(err, errlen, _("%s:%d: section '%s' appears twice (first at line %d)"),
			          name, lineno, code, script_section(s, k)->lineno);
		} else if ((ok = close_section(s, name, err, errlen))) {
			s->sections = xrealloc(s->sections, (s->nsections + 1) * sizeof *s->sections);
			struct script_section *sec = &s->sections[s->nsections++];
			sec->kind = k;
			sec->lines = NULL;
			sec->nlines = 0;
			sec->lineno = lineno;
		}
	} else if (strncmp(text, "title:", 6) == 0 && s->nsections == 0) {
		const char *t = text + 6;
		while (is_blank(*t))
			t++;
		if (*have_title)
			ok = errf(err, errlen, _("%s:%d: a second title"), name, lineno);
		else if (*t == '\0')
			ok = errf(err, errlen, _("%s:%d: empty title"), name, lineno);
		else {
			free(s->title);
			s->title = xstrdup(t);
			*have_title = true;
		}
	} else if (s->nsections == 0) {
		ok = errf(err, errlen, _("%s:%d: text before the first section (expected \"## greeting\" or another section)"),
		          name, lineno);
	} else {
		struct script_section *sec = &s->sections[s->nsections - 1];
		enum script_line_kind kind = LINE_SAY;
		const char *body = text;
		const char *rest;
		struct script_cond *conds = NULL;
		size_t nconds = 0;
		if (!scripts_parse_conds(&body, name, lineno, &conds, &nconds, err, errlen)) {
			script_conds_free(conds, nconds);
			free(text);
			return false;
		}
		if ((rest = after_mark(body, '?', "？")) != NULL)
			kind = LINE_QUESTION, body = rest;
		else if ((rest = after_mark(body, '!', "！")) != NULL)
			kind = LINE_NOTE, body = rest;
		if (*body == '\0') {
			ok = errf(err, errlen, nconds ? _("%s:%d: a condition with no text after it")
			                              : _("%s:%d: a question or note mark with no text"),
			          name, lineno);
			script_conds_free(conds, nconds);
		} else {
			section_add_line(sec, kind, body, strlen(body), lineno, conds, nconds);
		}
	}
	free(text);
	return ok;
}

bool scripts_parse(const char *text, const char *name, bool need_title, struct script *out,
                   char *err, size_t errlen)
{
	out->title = xstrdup("");
	out->sections = NULL;
	out->nsections = 0;
	if (!name)
		name = "script";
	if (!text)
		text = "";
	if (strncmp(text, "\xEF\xBB\xBF", 3) == 0)
		text += 3;

	bool have_title = false;
	int lineno = 0;
	const char *p = text;
	while (*p) {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);
		lineno++;
		size_t m = n;
		if (m && p[m - 1] == '\r')
			m--;
		if (!parse_line(out, p, m, lineno, name, &have_title, err, errlen))
			goto fail;
		p += n + (nl ? 1 : 0);
	}
	if (lineno == 0)
		lineno = 1;
	if (need_title && !have_title) {
		errf(err, errlen, _("%s:%d: no \"title:\" line"), name, 1);
		goto fail;
	}
	if (out->nsections == 0) {
		errf(err, errlen, _("%s:%d: no sections (a script needs at least \"## greeting\" or another section)"),
		     name, lineno);
		goto fail;
	}
	if (!close_section(out, name, err, errlen))
		goto fail;
	return true;
fail:
	script_free(out);
	return false;
}

void script_free(struct script *s)
{
	if (!s)
		return;
	for (size_t i = 0; i < s->nsections; i++) {
		for (size_t j = 0; j < s->sections[i].nlines; j++)
			line_free(&s->sections[i].lines[j]);
		free(s->sections[i].lines);
	}
	free(s->sections);
	free(s->title);
	s->sections = NULL;
	s->nsections = 0;
	s->title = NULL;
}

const struct script_section *script_section(const struct script *s, enum script_section_kind k)
{
	for (size_t i = 0; s && i < s->nsections; i++)
		if (s->sections[i].kind == k)
			return &s->sections[i];
	return NULL;
}

/* ---- placeholders --------------------------------------------------------------------- */

char *scripts_fill(const char *text, script_lookup_fn lookup, void *ctx)
{
	char *raw = str_expand(text, lookup, ctx);
	/* An empty value ("{title} {name}" without a gender) must not leave a double space. */
	char *w = raw;
	const char *r = raw;
	while (*r == ' ')
		r++;
	for (; *r; r++) {
		if (*r == ' ' && (r[1] == ' ' || r[1] == '\0'))
			continue;
		*w++ = *r;
	}
	*w = '\0';
	return raw;
}

void script_fill(struct script *s, script_lookup_fn lookup, void *ctx)
{
	char *t = scripts_fill(s->title, lookup, ctx);
	free(s->title);
	s->title = t;
	for (size_t i = 0; i < s->nsections; i++)
		for (size_t j = 0; j < s->sections[i].nlines; j++) {
			struct script_line *l = &s->sections[i].lines[j];
			char *f = scripts_fill(l->text, lookup, ctx);
			free(l->text);
			l->text = f;
		}
}

const char *script_vars_lookup(const char *key, void *ctx)
{
	const struct script_vars *v = ctx;
	if (!v || !key)
		return NULL;
	static const struct {
		const char *key;
		size_t off;
	} fields[] = {
		{ "name", offsetof(struct script_vars, name) },
		{ "title", offsetof(struct script_vars, title) },
		{ "treatment", offsetof(struct script_vars, treatment) },
		{ "days_since", offsetof(struct script_vars, days_since) },
		{ "visit_date", offsetof(struct script_vars, visit_date) },
		{ "doctor", offsetof(struct script_vars, doctor) },
		{ "consultant", offsetof(struct script_vars, consultant) },
		{ "clinic", offsetof(struct script_vars, clinic) },
		{ "operator", offsetof(struct script_vars, operator_name) },
	};
	for (size_t i = 0; i < NELEM(fields); i++)
		if (strcmp(key, fields[i].key) == 0)
			return *(const char *const *)((const char *)v + fields[i].off);
	return NULL;
}

const char *scripts_title(const char *gender, const char *lang)
{
	bool zh = lang && strncmp(lang, "zh", 2) == 0;
	if (str_eq(gender, "F"))
		return zh ? "女士" : "Ms";
	if (str_eq(gender, "M"))
		return zh ? "先生" : "Mr";
	return "";
}

/* Titles a doctor's name may already carry; the scripts write their own ("{doctor}医生",
 * "Dr {doctor}"), so a name recorded with one would say it twice. */
static const char *const doctor_suffixes[] = { "医生", "大夫" };
static const char *const doctor_prefixes[] = { "Dr. ", "Dr.", "Dr ", "Doctor " };

const char *scripts_doctor_name(const char *name, char *buf, size_t buflen)
{
	if (!name)
		return "";
	const char *p = name;
	for (size_t i = 0; i < NELEM(doctor_prefixes); i++) {
		size_t n = strlen(doctor_prefixes[i]);
		if (strncmp(p, doctor_prefixes[i], n) == 0 && p[n] != '\0') {
			p += n;
			break;
		}
	}
	while (is_blank(*p))
		p++;
	str_copy(buf, buflen, p);
	size_t len = strlen(buf);
	for (size_t i = 0; i < NELEM(doctor_suffixes); i++) {
		size_t n = strlen(doctor_suffixes[i]);
		if (len > n && strcmp(buf + len - n, doctor_suffixes[i]) == 0) {
			buf[len - n] = '\0';
			break;
		}
	}
	return buf;
}

/* ---- choosing ------------------------------------------------------------------------- */

const char *scripts_lang_for_locale(const char *locale)
{
	return locale && strncmp(locale, "zh", 2) == 0 ? "zh_CN" : "en";
}

bool scripts_key_valid(const char *key)
{
	if (str_empty(key) || key[0] == '.' || strlen(key) >= HF_NAME_MAX)
		return false;
	for (const char *p = key; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '_' || *p == '.' || *p == '-'))
			return false;
	return true;
}

bool scripts_pick(const char *want, bool (*has)(const char *key, void *ctx), void *ctx,
                  char *out, size_t outlen)
{
	if (!str_empty(want)) {
		if (has(want, ctx)) {
			str_copy(out, outlen, want);
			return true;
		}
		const char *dot = strchr(want, '.');
		if (dot && dot > want) {
			char base[HF_NAME_MAX];
			size_t n = (size_t)(dot - want) < sizeof base - 1 ? (size_t)(dot - want) : sizeof base - 1;
			memcpy(base, want, n);
			base[n] = '\0';
			if (has(base, ctx)) {
				str_copy(out, outlen, base);
				return true;
			}
		}
	}
	str_copy(out, outlen, "default");
	return has("default", ctx);
}

/* ---- a language's files --------------------------------------------------------------- */

static int entry_cmp(const void *a, const void *b)
{
	return strcmp(((const struct script_entry *)a)->key, ((const struct script_entry *)b)->key);
}

const struct script_entry *script_set_find(const struct script_set *set, const char *key)
{
	if (!set || !key || set->n == 0)
		return NULL;
	struct script_entry probe = { .key = (char *)key };
	return bsearch(&probe, set->v, set->n, sizeof *set->v, entry_cmp);
}

static bool set_has(const char *key, void *ctx)
{
	return script_set_find(ctx, key) != NULL;
}

const struct script_entry *script_set_pick(const struct script_set *set, const char *want)
{
	char key[HF_NAME_MAX];
	if (!scripts_pick(want, set_has, (void *)set, key, sizeof key))
		return NULL;
	return script_set_find(set, key);
}

void script_set_free(struct script_set *set)
{
	if (!set)
		return;
	for (size_t i = 0; i < set->n; i++) {
		free(set->v[i].key);
		free(set->v[i].title);
		free(set->v[i].body);
	}
	free(set->v);
	set->v = NULL;
	set->n = 0;
}

static bool read_file(const char *path, char **out, char *err, size_t errlen)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return errf(err, errlen, "%s: %s", path, strerror(errno));
	struct sbuf b;
	sbuf_init(&b);
	char chunk[8192];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
		sbuf_addn(&b, chunk, n);
		if (b.len > SCRIPT_FILE_MAX)
			break;
	}
	bool bad = ferror(f);
	fclose(f);
	if (bad || b.len > SCRIPT_FILE_MAX || memchr(b.s, '\0', b.len)) {
		sbuf_free(&b);
		if (bad)
			return errf(err, errlen, "%s: %s", path, _("read error"));
		return errf(err, errlen, _("%s:1: not a script (binary or larger than %d KiB)"), path,
		            SCRIPT_FILE_MAX / 1024);
	}
	*out = sbuf_steal(&b);
	return true;
}

/* The body stored in the database: the text after the title line, leading blank lines and
 * the file's opening comments dropped. */
static char *body_after_title(const char *text)
{
	const char *p = text;
	if (strncmp(p, "\xEF\xBB\xBF", 3) == 0)
		p += 3;
	while (*p) {
		const char *nl = strchr(p, '\n');
		const char *next = nl ? nl + 1 : p + strlen(p);
		const char *q = p;
		while (is_blank(*q))
			q++;
		bool title = strncmp(q, "title:", 6) == 0;
		p = next;
		if (title)
			break;
	}
	while (*p) { /* blank lines */
		const char *q = p;
		while (is_blank(*q) || *q == '\r')
			q++;
		if (*q != '\n')
			break;
		p = q + 1;
	}
	return xstrdup(p);
}

static bool ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);
	return n >= m && strcmp(s + n - m, suffix) == 0;
}

bool scripts_load_dir(const char *dir, const char *lang, struct script_set *set, char *err,
                      size_t errlen)
{
	set->v = NULL;
	set->n = 0;
	char path[PATH_MAX];
	if ((size_t)snprintf(path, sizeof path, "%s/%s", dir, lang) >= sizeof path)
		return errf(err, errlen, _("%s/%s: path too long"), dir, lang);
	DIR *d = opendir(path);
	if (!d)
		return errf(err, errlen, "%s: %s", path, strerror(errno));

	size_t cap = 0;
	bool ok = true;
	struct dirent *de;
	while (ok && (de = readdir(d)) != NULL) {
		const char *fn = de->d_name;
		if (fn[0] == '.' || !ends_with(fn, ".script"))
			continue;
		size_t kl = strlen(fn) - strlen(".script");
		char key[HF_NAME_MAX];
		str_copy(key, sizeof key, fn);
		key[kl < sizeof key ? kl : sizeof key - 1] = '\0';
		char file[PATH_MAX];
		if ((size_t)snprintf(file, sizeof file, "%s/%s", path, fn) >= sizeof file) {
			ok = errf(err, errlen, _("%s/%s: path too long"), path, fn);
			break;
		}
		if (kl >= HF_NAME_MAX || !scripts_key_valid(key)) {
			ok = errf(err, errlen, _("%s:1: bad script key '%s' in the file name (use a-z, 0-9, '.', '_', '-')"),
			          file, key);
			break;
		}
		char *text = NULL;
		if (!(ok = read_file(file, &text, err, errlen)))
			break;
		struct script s;
		if ((ok = scripts_parse(text, file, true, &s, err, errlen))) {
			set->v = xgrow(set->v, set->n, &cap, sizeof *set->v);
			struct script_entry *e = &set->v[set->n++];
			e->key = xstrdup(key);
			e->title = xstrdup(s.title);
			e->body = body_after_title(text);
			script_free(&s);
		}
		free(text);
	}
	closedir(d);
	if (!ok) {
		script_set_free(set);
		return false;
	}
	if (set->n)
		qsort(set->v, set->n, sizeof *set->v, entry_cmp);
	return true;
}

bool scripts_locate_dir(char *out, size_t outlen)
{
	char dir[PATH_MAX];
	bool found = paths_data("scripts", dir, sizeof dir);
	snprintf(out, outlen, "%s/scripts", dir);
	return found;
}

bool scripts_check(char *dir, size_t dirlen, char *err, size_t errlen)
{
	if (!scripts_locate_dir(dir, dirlen))
		return errf(err, errlen, _("%s: no call scripts here"), dir);
	for (const char *const *lang = scripts_langs; *lang; lang++) {
		struct script_set set;
		if (!scripts_load_dir(dir, *lang, &set, err, errlen))
			return false;
		script_set_free(&set);
	}
	return true;
}
