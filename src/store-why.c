/* store-why.c — origins and reasons as JSON values, written through SQLite's JSON functions
 * and read by a small decoder: an origin is one object {"code":…, its arguments…,
 * "origin":{…}}, a reason an array of such objects. The keys are the why table's (model.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "huifang/str.h"
#include "store-int.h"

#define ARG_SQL_(id, key, field) ", '" key "', :" key
/* Every argument, NULL when absent (json_patch drops those); what the part carries last. */
static const char object_sql[] =
	"SELECT json_patch(json_patch('{}', json_object('code', :code" HF_WHY_ARGS(ARG_SQL_) ")), "
	"json_object('origin', json(:nested)))";
#undef ARG_SQL_

/* The object for the item that starts at part i; *next: the index after it. */
static char *item_json(struct store *st, const struct hf_why *w, int i, int *next)
{
	const struct hf_why_part *p = &w->part[i];
	char *nested = NULL;
	*next = i + 1;
	if (why_nests(p->code) && i + 1 < w->n && !(nested = item_json(st, w, i + 1, next)))
		return NULL;
	struct stmt *s = stmt_prepare(st, object_sql);
	stmt_bind_text(s, ":code", why_code(p->code));
	for (int a = 0; a < ARG__COUNT; a++) {
		char name[32], buf[16];
		long long num;
		snprintf(name, sizeof name, ":%s", why_arg_key(a));
		const char *v = why_has_arg(p->code, a) ? why_arg_value(p, a, buf, &num) : NULL;
		if (v)
			stmt_bind_text(s, name, v);
		else if (why_has_arg(p->code, a) && num)
			stmt_bind_int(s, name, num);
		else
			stmt_bind_null(s, name);
	}
	stmt_bind_text(s, ":nested", nested);
	char *json = stmt_step(s) == 1 ? xstrdup(stmt_text(s, 0)) : NULL;
	stmt_done(s);
	free(nested);
	return json;
}

char *store_why_json(struct store *st, const struct hf_why *w, bool list)
{
	char *json = xstrdup(list && w->n ? "[]" : "");
	for (int i = 0; json && i < w->n;) {
		char *item = item_json(st, w, i, &i);
		if (!item || !list) {
			free(json);
			json = item;
			break;
		}
		struct stmt *s = stmt_prepare(st, "SELECT json_insert(:list, '$[#]', json(:item))");
		stmt_bind_text(s, ":list", json);
		stmt_bind_text(s, ":item", item);
		free(json);
		json = stmt_step(s) == 1 ? xstrdup(stmt_text(s, 0)) : NULL;
		stmt_done(s);
		free(item);
	}
	return json;
}

/* Reading is done in C rather than by a json_tree query per row: the lists read thousands of
 * origins, and a query for each was a fifth to a third of planning's and logging's time. The
 * parts come out as json_tree would list them: each object's scalar values with text keys, in
 * document order, a new part whenever the values come from another object than the last ones
 * (an object's values come before what it carries); null values are left out, true and false
 * read as 1 and 0. Text that is not JSON is one text part. */
struct why_reader {
	const char *p, *end;
	char *buf;          /* decoded strings; never longer than the text they come from */
	struct hf_why *w;
	struct hf_why_part *part;
	int last_object, objects;
	bool full;          /* no room for another part: the rest is skipped, as json_tree's loop stops */
};

static void skip_space(struct why_reader *r)
{
	while (r->p < r->end && (*r->p == ' ' || *r->p == '\t' || *r->p == '\n' || *r->p == '\r'))
		r->p++;
}

static int hex_digit(char c)
{
	return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 :
	       c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

static bool read_hex4(struct why_reader *r, unsigned *u)
{
	*u = 0;
	for (int i = 0; i < 4; i++) {
		int d = r->p < r->end ? hex_digit(*r->p) : -1;
		if (d < 0)
			return false;
		*u = *u << 4 | (unsigned)d;
		r->p++;
	}
	return true;
}

static char *put_utf8(char *o, unsigned u)
{
	if (u < 0x80) {
		*o++ = (char)u;
	} else if (u < 0x800) {
		*o++ = (char)(0xC0 | u >> 6);
		*o++ = (char)(0x80 | (u & 0x3F));
	} else if (u < 0x10000) {
		*o++ = (char)(0xE0 | u >> 12);
		*o++ = (char)(0x80 | (u >> 6 & 0x3F));
		*o++ = (char)(0x80 | (u & 0x3F));
	} else {
		*o++ = (char)(0xF0 | u >> 18);
		*o++ = (char)(0x80 | (u >> 12 & 0x3F));
		*o++ = (char)(0x80 | (u >> 6 & 0x3F));
		*o++ = (char)(0x80 | (u & 0x3F));
	}
	return o;
}

/* A string at r->p (after its opening quote), decoded to *out within r->buf at *at. */
static bool read_string(struct why_reader *r, char **at, const char **out)
{
	char *o = *at;
	*out = o;
	while (r->p < r->end && *r->p != '"') {
		unsigned char c = (unsigned char)*r->p++;
		if (c < 0x20)
			return false;
		if (c != '\\') {
			*o++ = (char)c;
			continue;
		}
		if (r->p >= r->end)
			return false;
		unsigned u;
		switch (*r->p++) {
		case '"': *o++ = '"'; break;
		case '\\': *o++ = '\\'; break;
		case '/': *o++ = '/'; break;
		case 'b': *o++ = '\b'; break;
		case 'f': *o++ = '\f'; break;
		case 'n': *o++ = '\n'; break;
		case 'r': *o++ = '\r'; break;
		case 't': *o++ = '\t'; break;
		case 'u':
			if (!read_hex4(r, &u))
				return false;
			if (u >= 0xD800 && u < 0xDC00 && r->end - r->p >= 6 && r->p[0] == '\\' &&
			    r->p[1] == 'u') {
				const char *back = r->p;
				unsigned lo;
				r->p += 2;
				if (read_hex4(r, &lo) && lo >= 0xDC00 && lo < 0xE000)
					u = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00);
				else
					r->p = back;
			}
			o = put_utf8(o, u);
			break;
		default:
			return false;
		}
	}
	if (r->p >= r->end)
		return false;
	r->p++;
	*o++ = 0;
	*at = o;
	return true;
}

/* A number's text as it stands, checked against JSON's grammar. */
static bool read_number(struct why_reader *r, char **at, const char **out)
{
	const char *s = r->p;
	if (r->p < r->end && *r->p == '-')
		r->p++;
	const char *digits = r->p;
	while (r->p < r->end && *r->p >= '0' && *r->p <= '9')
		r->p++;
	if (r->p == digits || (*digits == '0' && r->p - digits > 1))
		return false;
	if (r->p < r->end && *r->p == '.') {
		const char *frac = ++r->p;
		while (r->p < r->end && *r->p >= '0' && *r->p <= '9')
			r->p++;
		if (r->p == frac)
			return false;
	}
	if (r->p < r->end && (*r->p == 'e' || *r->p == 'E')) {
		r->p++;
		if (r->p < r->end && (*r->p == '+' || *r->p == '-'))
			r->p++;
		const char *exp = r->p;
		while (r->p < r->end && *r->p >= '0' && *r->p <= '9')
			r->p++;
		if (r->p == exp)
			return false;
	}
	size_t len = (size_t)(r->p - s);
	memcpy(*at, s, len);
	(*at)[len] = 0;
	*out = *at;
	*at += len + 1;
	return true;
}

static bool read_word(struct why_reader *r, const char *word)
{
	size_t len = strlen(word);
	if ((size_t)(r->end - r->p) < len || memcmp(r->p, word, len) != 0)
		return false;
	r->p += len;
	return true;
}

/* One scalar value of object `object` under `key`. */
static void why_value(struct why_reader *r, int object, const char *key, const char *value)
{
	if (r->full || !key || !value)
		return;
	if (!r->part || object != r->last_object) {
		if (!(r->part = why_add(r->w, WHY_NONE))) {
			r->full = true;
			return;
		}
		r->last_object = object;
	}
	if (strcmp(key, "code") == 0)
		r->part->code = why_from_code(value);
	else
		why_arg_set(r->part, why_arg_from_key(key, strlen(key)), value);
}

/* The value at r->p; key: its key in the enclosing object, NULL in an array or at the top. */
static bool read_value(struct why_reader *r, int object, const char *key, char *at, int depth)
{
	const char *value = NULL;
	skip_space(r);
	if (r->p >= r->end || depth > 100)
		return false;
	char c = *r->p;
	if (c == '{' || c == '[') {
		int self = c == '{' ? ++r->objects : object;
		r->p++;
		skip_space(r);
		if (r->p < r->end && *r->p == (c == '{' ? '}' : ']'))
			return r->p++, true;
		for (;;) {
			const char *name = NULL;
			char *rest = at;
			if (c == '{') {
				skip_space(r);
				if (r->p >= r->end || *r->p != '"')
					return false;
				r->p++;
				if (!read_string(r, &rest, &name))
					return false;
				skip_space(r);
				if (r->p >= r->end || *r->p != ':')
					return false;
				r->p++;
			}
			if (!read_value(r, self, name, rest, depth + 1))
				return false;
			skip_space(r);
			if (r->p < r->end && *r->p == ',') {
				r->p++;
				continue;
			}
			if (r->p < r->end && *r->p == (c == '{' ? '}' : ']'))
				return r->p++, true;
			return false;
		}
	}
	if (c == '"') {
		r->p++;
		if (!read_string(r, &at, &value))
			return false;
	} else if (c == '-' || (c >= '0' && c <= '9')) {
		if (!read_number(r, &at, &value))
			return false;
	} else if (read_word(r, "true")) {
		value = "1";
	} else if (read_word(r, "false")) {
		value = "0";
	} else if (!read_word(r, "null")) {
		return false;
	}
	why_value(r, object, key, value);
	return true;
}

bool store_why_read(struct store *st, const char *json, struct hf_why *w)
{
	(void)st;
	w->n = 0;
	if (str_empty(json))
		return true;
	size_t len = strlen(json);
	struct why_reader r = {json, json + len, xmalloc(2 * len + 2), w, NULL, 0, 0, false};
	bool valid = read_value(&r, 0, NULL, r.buf, 0);
	skip_space(&r);
	free(r.buf);
	if (valid && r.p == r.end)
		return true;
	w->n = 0;
	struct hf_why_part *p = why_add(w, WHY_NONE);
	if (p) {
		p->code = why_from_code("text");
		why_arg_set(p, why_arg_from_key("text", 4), json);
	}
	return true;
}
