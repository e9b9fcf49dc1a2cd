/* fuzz_utf8.c — libFuzzer harness for UTF-8 width, truncate/pad by columns, cleaning and walking. */
#include <locale.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "huifang/utf8.h"

#define CHECK(c) \
	do { \
		if (!(c)) { \
			fprintf(stderr, "%s:%d: invariant broken: %s\n", __FILE__, __LINE__, #c); \
			__builtin_trap(); \
		} \
	} while (0)

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define ELLIPSIS "\xE2\x80\xA6"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc, (void)argv;
	/* The console runs in a UTF-8 locale: measure as it does. */
	setlocale(LC_ALL, "C.UTF-8");
	return 0;
}

/* Is byte offset `at` where a character starts (or the end), walking as utf8_next does? */
static bool boundary(const char *s, size_t len, size_t at)
{
	size_t i = 0;
	while (i < at)
		i = utf8_next(s, len, i);
	return i == at;
}

static bool no_controls(const char *s, bool keep_newlines)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p == '\n' && keep_newlines)
			continue;
		if (*p < 0x20 || *p == 0x7f)
			return false;
		if (p[0] == 0xC2 && p[1] >= 0x80 && p[1] <= 0x9F) /* C1 controls */
			return false;
	}
	return true;
}

static bool has_controls(const char *s)
{
	return !no_controls(s, false);
}

static void check_truncate(const char *s, size_t len, bool valid, int cols, bool ellipsis,
                           size_t outsize)
{
	char *out = malloc(outsize); /* exact size, so ASan sees any write past it */
	int r = utf8_truncate(s, cols, ellipsis, out, outsize);
	size_t olen = strlen(out);
	CHECK(olen < outsize);
	CHECK(r >= 0 && r <= (cols > 0 ? cols : 0));
	CHECK(utf8_width(out) == r);
	size_t plen = olen;
	if (strncmp(out, s, olen) != 0) {
		/* Not a plain prefix: a prefix and the ellipsis. */
		CHECK(ellipsis && olen >= 3 && strcmp(out + olen - 3, ELLIPSIS) == 0);
		plen = olen - 3;
		CHECK(strncmp(out, s, plen) == 0);
	}
	CHECK(boundary(s, len, plen));
	if (valid)
		CHECK(utf8_valid(out, olen));
	if (cols > 0 && utf8_width(s) <= cols && len < outsize)
		CHECK(strcmp(out, s) == 0);
	free(out);
}

static void check_pad(const char *s, size_t len, bool valid, int cols, int align, size_t outsize)
{
	char *out = malloc(outsize);
	int r = utf8_pad(s, cols, align, out, outsize);
	size_t olen = strlen(out);
	CHECK(olen < outsize);
	if (cols <= 0) {
		CHECK(r == 0 && olen == 0);
		free(out);
		return;
	}
	CHECK(r >= 0 && r <= cols);
	CHECK(utf8_width(out) == r);
	if (outsize > len + (size_t)cols)
		CHECK(r == cols); /* room enough: exactly the columns asked */
	if (valid)
		CHECK(utf8_valid(out, olen));
	/* What is not padding is the start of s. */
	const char *t = out, *u = s;
	size_t tlen = olen;
	if (align >= 0) {
		while (*t == ' ')
			t++, tlen--;
		while (*u == ' ')
			u++;
	}
	if (align <= 0)
		while (tlen && t[tlen - 1] == ' ')
			tlen--;
	CHECK(strncmp(t, u, tlen) == 0);
	free(out);
}

static void check_clean(const char *s, size_t len, bool valid, bool keep_newlines)
{
	char *c = utf8_clean(s, keep_newlines);
	size_t clen = strlen(c);
	CHECK(clen <= 3 * len);
	CHECK(utf8_valid(c, clen));
	CHECK(no_controls(c, keep_newlines));
	if (valid && !has_controls(s))
		CHECK(strcmp(c, s) == 0);
	if (valid)
		CHECK(utf8_len(c) == utf8_len(s));
	char *again = utf8_clean(c, keep_newlines);
	CHECK(strcmp(again, c) == 0); /* cleaning is idempotent */
	free(again);
	free(c);
}

static void check_walk(const char *s, size_t len, bool valid)
{
	size_t *at = malloc((len + 1) * sizeof *at);
	size_t n = 0, i = 0;
	at[n++] = 0;
	while (i < len) {
		size_t j = utf8_next(s, len, i);
		CHECK(j > i && j - i <= 4 && j <= len);
		unsigned cp;
		size_t dl = utf8_decode(s + i, len - i, &cp);
		CHECK(dl == j - i);
		if (valid) {
			char enc[4];
			CHECK(utf8_encode(cp, enc) == dl && memcmp(enc, s + i, dl) == 0);
		}
		at[n++] = i = j;
	}
	CHECK(utf8_next(s, len, len) == len);
	CHECK(n - 1 == utf8_len(s));
	/* Back from each boundary: one character for valid text, always strictly back. */
	for (size_t k = 1; k < n; k++) {
		size_t p = utf8_prev(s, at[k]);
		CHECK(p < at[k] && at[k] - p <= 4);
		if (valid)
			CHECK(p == at[k - 1]);
	}
	CHECK(utf8_prev(s, 0) == 0);
	/* From any byte, stepping back always reaches the start. */
	size_t steps = 0;
	for (size_t b = len; b > 0; steps++) {
		size_t p = utf8_prev(s, b);
		CHECK(p < b);
		b = p;
	}
	CHECK(steps <= len);
	free(at);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);
	if (!s)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';
	size_t len = strlen(s); /* an embedded NUL ends the text, as in C strings */
	bool valid = utf8_valid(s, len);

	int w = utf8_width(s);
	CHECK(w >= 0 && (size_t)w <= 2 * len);
	if (valid)
		CHECK(utf8_len(s) <= len);

	static const int widths[] = { -1, 0, 1, 2, 3, 5, 8, 13, 40 };
	static const size_t sizes[] = { 1, 2, 4, 7, 16, 256 };
	for (size_t wi = 0; wi < sizeof widths / sizeof widths[0]; wi++)
		for (size_t si = 0; si < sizeof sizes / sizeof sizes[0]; si++) {
			check_truncate(s, len, valid, widths[wi], false, sizes[si]);
			check_truncate(s, len, valid, widths[wi], true, sizes[si]);
			for (int align = -1; align <= 1; align++)
				check_pad(s, len, valid, widths[wi], align, sizes[si]);
		}
	check_truncate(s, len, valid, w, true, len + 1);
	check_truncate(s, len, valid, w > 0 ? w - 1 : 0, true, len + 4);

	check_clean(s, len, valid, false);
	check_clean(s, len, valid, true);
	check_walk(s, len, valid);
	free(s);
	return 0;
}
