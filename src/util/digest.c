/* digest.c — the canonical form of a stored row, its digest and its column fingerprints. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/sha.h>

#include "huifang/digest.h"
#include "huifang/str.h"

/* Columns left out: a claim's lease is taken and given back without an audit row, and a lease
 * that ran out is not a change of record; planning's own marks on a customer (the next day it
 * is due, the count of changes planning reads) follow every change of a task, a claim too. */
static const struct { const char *table, *column; } skipped[] = {
	{"task", "claimed_by"},
	{"task", "claimed_until"},
	{"customer", "plan_due"},
	{"customer", "plan_rev"},
};

bool digest_column_skipped(const char *table, const char *column)
{
	for (size_t i = 0; i < sizeof skipped / sizeof skipped[0]; i++)
		if (strcmp(skipped[i].table, table) == 0 && strcmp(skipped[i].column, column) == 0)
			return true;
	return false;
}

void digest_sha256_hex(const void *data, size_t n, char out[65])
{
	static const char hex[] = "0123456789abcdef";
	unsigned char md[SHA256_DIGEST_LENGTH];
	SHA256(data, n, md);
	for (int i = 0; i < SHA256_DIGEST_LENGTH; i++) {
		out[2 * i] = hex[md[i] >> 4];
		out[2 * i + 1] = hex[md[i] & 15];
	}
	out[64] = 0;
}

/* An empty value: NULL, '' or the number 0. They are left out of the canonical form, so a
 * column added later with such a default does not change the digest of the rows before it. */
static bool empty(const struct digest_col *c)
{
	return c->type == 'n' || c->len == 0 ||
	       ((c->type == 'i' || c->type == 'r') && strtod(c->value, NULL) == 0);
}

/* The canonical form of a row, defined here and nowhere else:
 *
 *   table \x1e  then, for each column in the table's order that is not skipped and not empty,
 *   name \x1f type value \x1e
 *
 * type is one letter (i integer, r real, t text, b blob) and value the bytes SQLite returns
 * for the column (decimal for numbers, the stored bytes for text and blobs). The digest is
 * the sha256 of that form. A column's fingerprint is the high 16 bits, as 4 hex characters, of
 * the 32-bit FNV-1a hash of its own `name \x1f type value`: it only says which column changed
 * (the digest is what proves), so it is short and cheap. */
void digest_row(const char *table, const struct digest_col *cols, size_t n, char digest[65],
                char *fp)
{
	struct sbuf form, one;
	sbuf_init(&form);
	sbuf_init(&one);
	sbuf_add(&form, table);
	sbuf_addc(&form, '\x1e');
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		const struct digest_col *c = &cols[i];
		if (digest_column_skipped(table, c->name))
			continue;
		if (empty(c)) {
			memset(fp + k, '-', DIGEST_FP_LEN);
		} else {
			sbuf_reset(&one);
			sbuf_add(&one, c->name);
			sbuf_addc(&one, '\x1f');
			sbuf_addc(&one, c->type);
			sbuf_addn(&one, c->value, c->len);
			sbuf_addn(&form, one.s, one.len);
			sbuf_addc(&form, '\x1e');
			unsigned long h = 2166136261UL;
			for (size_t j = 0; j < one.len; j++)
				h = ((h ^ (unsigned char)one.s[j]) * 16777619UL) & 0xffffffffUL;
			char x[9];
			snprintf(x, sizeof x, "%08lx", h);
			memcpy(fp + k, x, DIGEST_FP_LEN);
		}
		k += DIGEST_FP_LEN;
	}
	fp[k] = 0;
	digest_sha256_hex(form.s, form.len, digest);
	sbuf_free(&form);
	sbuf_free(&one);
}

int digest_fp_differs(const char *recorded, const char *now)
{
	const char *none = "----";
	size_t a = strlen(recorded), b = strlen(now);
	for (size_t i = 0; i < a || i < b; i += DIGEST_FP_LEN) {
		const char *x = i < a ? recorded + i : none, *y = i < b ? now + i : none;
		if (memcmp(x, y, DIGEST_FP_LEN) != 0)
			return (int)(i / DIGEST_FP_LEN);
	}
	return -1;
}
