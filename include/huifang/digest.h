/* digest.h — the canonical form of a stored row and its digest, as the audit trail records it. */
#ifndef HUIFANG_DIGEST_H
#define HUIFANG_DIGEST_H

#include <stdbool.h>
#include <stddef.h>

/* One stored column as SQLite returned it. type: 'n' NULL, 'i' integer, 'r' real, 't' text,
 * 'b' blob; value holds len bytes (the decimal text for numbers). */
struct digest_col {
	const char *name;
	char type;
	const char *value;
	size_t len;
};

/* Hex characters per column in a row's column fingerprints. */
#define DIGEST_FP_LEN 4

/* Is this column left out of its table's rows' digests (state that changes without an action
 * of record, such as a claim's lease)? */
bool digest_column_skipped(const char *table, const char *column);

/* The digest of one row of `table` (sha256, 64 hex characters) and its column fingerprints:
 * DIGEST_FP_LEN hex characters per column that is not skipped, in the table's column order
 * ("----" for an empty column); fp needs DIGEST_FP_LEN * n + 1 bytes. */
void digest_row(const char *table, const struct digest_col *cols, size_t n, char digest[65],
                char *fp);

/* The index of the first column fingerprint that differs between a row as recorded and as it
 * is now (columns the record does not have count as empty), or -1 when none differs. */
int digest_fp_differs(const char *recorded, const char *now);

/* sha256 of n bytes as 64 hex characters. */
void digest_sha256_hex(const void *data, size_t n, char out[65]);

#endif
