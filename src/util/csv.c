/* csv.c — the CSV writer: RFC 4180 fields and rows, the BOM, the formula guard. */
#include <stdbool.h>
#include <string.h>

#include "huifang/csv.h"

void csv_write_bom(FILE *f)
{
	fputs("\xEF\xBB\xBF", f);
}

void csv_write_field(FILE *f, const char *s)
{
	if (!s)
		s = "";
	/* A cell starting with one of these is a formula (or a DDE call) to a spreadsheet. */
	bool guard = *s && strchr("=+-@\t\r", *s) != NULL;
	bool quote = strpbrk(s, ",\"\r\n") != NULL;
	if (quote)
		fputc('"', f);
	if (guard)
		fputc('\'', f);
	for (; *s; s++) {
		if (*s == '"')
			fputc('"', f);
		fputc(*s, f);
	}
	if (quote)
		fputc('"', f);
}

void csv_write_row(FILE *f, const char *const *fields, int n)
{
	for (int i = 0; i < n; i++) {
		if (i)
			fputc(',', f);
		csv_write_field(f, fields[i]);
	}
	fputs("\r\n", f);
}
