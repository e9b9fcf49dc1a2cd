/* csv.c — the CSV writer: RFC 4180 fields and rows, the BOM, the formula guard. */
#include <ctype.h>
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

/* -12 or -12.5: a number, which no spreadsheet runs. */
static bool negative_number(const char *s)
{
	if (!s || *s++ != '-' || !isdigit((unsigned char)*s))
		return false;
	while (isdigit((unsigned char)*s))
		s++;
	if (*s == '.' && isdigit((unsigned char)s[1]))
		for (s++; isdigit((unsigned char)*s); s++)
			;
	return !*s;
}

void csv_write_figure(FILE *f, const char *s)
{
	if (negative_number(s))
		fputs(s, f);
	else
		csv_write_field(f, s);
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
