/* csv-read.h — a streaming RFC 4180 reader that knows where each record starts, in UTF-8 or
 * GB18030 (as Chinese Excel saves), converting to UTF-8 as it goes. */
#ifndef HUIFANG_CSV_READ_H
#define HUIFANG_CSV_READ_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

enum csv_encoding { CSV_ENC_AUTO, CSV_ENC_UTF8, CSV_ENC_GB18030 };
/* "auto", "utf-8" (or "utf8"), "gb18030" (or "gbk"); false when unknown. */
bool csv_encoding_parse(const char *s, enum csv_encoding *out);
const char *csv_encoding_name(enum csv_encoding e);

/* The longest record the reader holds; a longer one is a fatal error (an unclosed quote
 * would otherwise read the rest of the file into memory). */
#define CSV_MAX_RECORD (1024 * 1024)

struct csv_record {
	char **field;                   /* n NUL-terminated UTF-8 strings, owned by the reader */
	size_t n;
	long line;                      /* the physical line the record starts on, from 1 */
	const char *problem;            /* NULL, or why the record is malformed (translated) */
};

struct csv_reader;
/* Read f (not closed by the reader). CSV_ENC_AUTO reads the file once to decide: valid UTF-8
 * is UTF-8, anything else GB18030; f must then be seekable. A UTF-8 byte-order mark is
 * dropped. NULL with err filled on failure. */
struct csv_reader *csv_reader_new(FILE *f, enum csv_encoding enc, char *err, size_t errlen);
/* The next record: 1 and *rec filled (valid until the next call), 0 at the end, -1 on a fatal
 * error (csv_reader_error: "line N: ..."), after which the reader returns -1 again. */
int csv_reader_next(struct csv_reader *r, struct csv_record *rec);
const char *csv_reader_error(const struct csv_reader *r);
/* The encoding in use (after auto-detection). */
enum csv_encoding csv_reader_encoding(const struct csv_reader *r);
/* Bytes of the file consumed so far, for progress. */
long long csv_reader_offset(const struct csv_reader *r);
void csv_reader_free(struct csv_reader *r);

#endif
