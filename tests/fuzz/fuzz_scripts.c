/* fuzz_scripts.c — libFuzzer harness for the call-script parser and placeholder filling. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "huifang/model.h"
#include "huifang/scripts.h"
#include "huifang/utf8.h"

#define CHECK(c) \
	do { \
		if (!(c)) { \
			fprintf(stderr, "%s:%d: invariant broken: %s\n", __FILE__, __LINE__, #c); \
			__builtin_trap(); \
		} \
	} while (0)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define NAME "fuzz.script"

/* A call's values: some filled, one empty (as an unknown gender's title), the rest unknown. */
static const char *lookup(const char *key, void *ctx)
{
	(void)ctx;
	CHECK(strchr(key, '{') == NULL && strchr(key, '}') == NULL);
	if (strcmp(key, "name") == 0)
		return "王丽";
	if (strcmp(key, "title") == 0)
		return "";
	if (strcmp(key, "clinic") == 0)
		return "Clinic  One"; /* a double space inside a value is collapsed too */
	if (strcmp(key, "days_since") == 0)
		return "3";
	return NULL;
}

/* Filled text: no run of spaces, no space at either end, no answered placeholder left. */
static void check_filled(const char *f, const char *from)
{
	CHECK(f != NULL);
	CHECK(strstr(f, "  ") == NULL);
	size_t n = strlen(f);
	CHECK(n == 0 || (f[0] != ' ' && f[n - 1] != ' '));
	/* An empty value may join two halves into a placeholder ("{na{title}me}"); that is
	 * text as written, not a placeholder left unfilled. */
	if (!strstr(from, "{title}"))
		CHECK(strstr(f, "{name}") == NULL && strstr(f, "{clinic}") == NULL &&
		      strstr(f, "{days_since}") == NULL);
	if (utf8_valid(from, strlen(from)))
		CHECK(utf8_valid(f, n));
}

/* "NAME:LINE: message" with LINE a positive number. */
static bool located(const char *err)
{
	size_t pl = strlen(NAME);
	if (strncmp(err, NAME ":", pl + 1) != 0)
		return false;
	const char *p = err + pl + 1;
	if (*p < '1' || *p > '9')
		return false;
	while (*p >= '0' && *p <= '9')
		p++;
	return p[0] == ':' && p[1] == ' ' && p[2] != '\0';
}

static bool blank(char c)
{
	return c == ' ' || c == '\t';
}

static void check_parsed(const struct script *s, bool need_title)
{
	CHECK(s->title != NULL);
	CHECK(!need_title || s->title[0] != '\0');
	CHECK(s->nsections >= 1 && s->nsections <= SEC__COUNT);
	int last_line = 0;
	for (size_t i = 0; i < s->nsections; i++) {
		const struct script_section *sec = &s->sections[i];
		CHECK(sec->kind > SEC_NONE && sec->kind < SEC__COUNT);
		CHECK(script_section(s, sec->kind) == sec); /* each kind once */
		CHECK(sec->nlines >= 1);
		CHECK(sec->lineno > last_line);
		last_line = sec->lineno;
		for (size_t j = 0; j < sec->nlines; j++) {
			const struct script_line *l = &sec->lines[j];
			size_t n = strlen(l->text);
			CHECK(l->kind == LINE_SAY || l->kind == LINE_QUESTION || l->kind == LINE_NOTE);
			CHECK(n > 0 && !blank(l->text[0]) && !blank(l->text[n - 1]));
			CHECK(utf8_valid(l->text, n));
			for (size_t k = 0; k < n; k++)
				CHECK((unsigned char)l->text[k] >= 0x20 || l->text[k] == '\t');
			CHECK(l->lineno > last_line);
			last_line = l->lineno;
		}
	}
}

static bool parse(const char *text, bool need_title, struct script *out)
{
	char err[HF_ERRLEN];
	err[0] = '\0';
	bool ok = scripts_parse(text, NAME, need_title, out, err, sizeof err);
	if (ok) {
		check_parsed(out, need_title);
	} else {
		/* Nothing is kept, and the one-line error says where. */
		CHECK(out->title == NULL && out->sections == NULL && out->nsections == 0);
		CHECK(strlen(err) < sizeof err && strchr(err, '\n') == NULL);
		CHECK(located(err));
	}
	return ok;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = malloc(size + 1);
	if (!text)
		return 0;
	memcpy(text, data, size);
	text[size] = '\0';

	struct script with, without;
	bool ok_with = parse(text, true, &with);
	bool ok_without = parse(text, false, &without);
	/* Asking for a title only adds a reason to fail. */
	CHECK(!ok_with || ok_without);
	if (ok_with && ok_without)
		CHECK(strcmp(with.title, without.title) == 0 && with.nsections == without.nsections);
	if (ok_without) {
		CHECK(ok_with == (without.title[0] != '\0'));
		/* Fill a copy of the texts as parsed, then compare each with its source. */
		size_t n = 1;
		for (size_t i = 0; i < without.nsections; i++)
			n += without.sections[i].nlines;
		char **orig = malloc(n * sizeof *orig);
		size_t k = 0;
		orig[k++] = strdup(without.title);
		for (size_t i = 0; i < without.nsections; i++)
			for (size_t j = 0; j < without.sections[i].nlines; j++)
				orig[k++] = strdup(without.sections[i].lines[j].text);
		script_fill(&without, lookup, NULL);
		k = 0;
		check_filled(without.title, orig[k++]);
		for (size_t i = 0; i < without.nsections; i++)
			for (size_t j = 0; j < without.sections[i].nlines; j++)
				check_filled(without.sections[i].lines[j].text, orig[k++]);
		for (k = 0; k < n; k++)
			free(orig[k]);
		free(orig);
	}
	script_free(&with);
	script_free(&without);
	script_free(&without); /* harmless twice */

	char *f = scripts_fill(text, lookup, NULL);
	check_filled(f, text);
	free(f);
	free(text);
	return 0;
}
