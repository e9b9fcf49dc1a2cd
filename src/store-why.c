/* store-why.c — origins and reasons as JSON values, written and read through SQLite's JSON
 * functions: an origin is one object {"code":…, its arguments…, "origin":{…}}, a reason an
 * array of such objects. The keys are the why table's (model.h). */
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

bool store_why_read(struct store *st, const char *json, struct hf_why *w)
{
	w->n = 0;
	if (str_empty(json))
		return true;
	/* Each object's own values share a path ("$", "$.origin", "$[1]"); in document order an
	 * object's values come before what it carries. Text that is not JSON is one text part. */
	struct stmt *s = stmt_prepare(st,
	    "SELECT key, atom, path FROM json_tree(CASE WHEN json_valid(:j) THEN :j "
	    "ELSE json_object('code', 'text', 'text', :j) END) "
	    "WHERE atom IS NOT NULL AND typeof(key) = 'text'");
	stmt_bind_text(s, ":j", json);
	char path[256] = "";
	struct hf_why_part *p = NULL;
	int rc;
	while ((rc = stmt_step(s)) == 1) {
		const char *key = stmt_text(s, 0), *value = stmt_text(s, 1), *at = stmt_text(s, 2);
		if (!p || strcmp(at, path) != 0) {
			if (!(p = why_add(w, WHY_NONE)))
				break;
			str_copy(path, sizeof path, at);
		}
		if (strcmp(key, "code") == 0)
			p->code = why_from_code(value);
		else
			why_arg_set(p, why_arg_from_key(key, strlen(key)), value);
	}
	stmt_done(s);
	return rc >= 0;
}
