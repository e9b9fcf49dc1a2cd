/* fuzz_csv.c — libFuzzer harness for the CSV reader in each encoding, and the import's reading
 * of its records (header mapping, every cell reader) on what it returns. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "huifang/config.h"
#include "huifang/csv-read.h"
#include "huifang/date.h"
#include "huifang/import.h"
#include "huifang/utf8.h"

/* A broken invariant names itself on stderr, then traps so libFuzzer keeps the input. */
#define CHECK(c) \
	do { \
		if (!(c)) { \
			fprintf(stderr, "%s:%d: invariant broken: %s\n", __FILE__, __LINE__, #c); \
			__builtin_trap(); \
		} \
	} while (0)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct hf_config cfg;

static void ignore(void *arg, long line, const char *column, const char *msg)
{
	CHECK(line >= 1);
	CHECK(msg && *msg);
	(void)arg;
	(void)column;
}

static void read_with(const uint8_t *data, size_t size, enum csv_encoding enc)
{
	FILE *f = fmemopen((void *)data, size, "rb");
	if (!f)
		return;
	char err[256];
	struct csv_reader *r = csv_reader_new(f, enc, err, sizeof err);
	CHECK(r != NULL);
	struct csv_record rec;
	struct import_header h;
	bool header = false;
	long last = 0;
	int got;
	while ((got = csv_reader_next(r, &rec)) == 1) {
		CHECK(rec.n >= 1);
		CHECK(rec.line > last);
		last = rec.line;
		size_t bytes = 0;
		for (size_t i = 0; i < rec.n; i++) {
			size_t n = strlen(rec.field[i]);
			bytes += n;
			/* Converted text is always UTF-8; read as UTF-8 it is, or the record says not. */
			if (csv_reader_encoding(r) == CSV_ENC_GB18030 || !rec.problem)
				CHECK(utf8_valid(rec.field[i], n));
		}
		CHECK(bytes <= CSV_MAX_RECORD + 1);
		if (!header) {
			header = true;
			import_header_map(data[0] & 1 ? IMPORT_VISITS : IMPORT_CUSTOMERS, &rec, &h, ignore,
			                  ignore, NULL);
			continue;
		}
		struct import_row row;
		import_row_read(&cfg, &h, &rec, date_from_ymd(2026, 11, 23), &row, ignore, NULL);
		CHECK(row.c.phone[0] == 0 || strlen(row.c.phone) >= 7);
	}
	CHECK(got == 0 || *csv_reader_error(r));
	CHECK(csv_reader_offset(r) <= (long long)size);
	if (header)
		import_header_free(&h);
	csv_reader_free(r);
	fclose(f);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!cfg.clinic[0])
		config_defaults(&cfg);
	if (size == 0)
		return 0;
	read_with(data, size, CSV_ENC_AUTO);
	read_with(data, size, CSV_ENC_UTF8);
	read_with(data, size, CSV_ENC_GB18030);
	/* The cell readers on the raw bytes as one cell. */
	char *s = malloc(size + 1);
	if (!s)
		return 0;
	memcpy(s, data, size);
	s[size] = 0;
	char phone[32], g[4];
	hf_date d;
	long long a;
	if (phone_normalize(s, phone, sizeof phone))
		CHECK(strlen(phone) >= 7 && strlen(phone) <= 16);
	if (import_date(s, &d)) {
		int y;
		date_to_ymd(d, &y, NULL, NULL);
		CHECK(y >= 1900 && y <= 9999);
	}
	if (import_amount(s, &a))
		CHECK(a >= 0);
	(void)gender_parse(s, g);
	(void)import_visit_kind(s);
	free(s);
	return 0;
}
