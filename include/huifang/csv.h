/* csv.h — writing CSV for spreadsheets: RFC 4180 quoting, a UTF-8 BOM, and a guard against
 * cells a spreadsheet would run as a formula. */
#ifndef HUIFANG_CSV_H
#define HUIFANG_CSV_H

#include <stdio.h>

/* The UTF-8 byte order mark that tells Excel the file is UTF-8; once, at the start. */
void csv_write_bom(FILE *f);
/* One field: quoted when it holds a comma, a double quote, CR or LF (quotes doubled); a
 * leading ' when it starts with = + - @ tab or CR, so a spreadsheet shows it as text.
 * NULL writes an empty field. */
void csv_write_field(FILE *f, const char *s);
/* A figure: a negative number (-12, -12.5) as it is, so that the spreadsheet reads a number
 * (a report's NPS); anything else as csv_write_field. */
void csv_write_figure(FILE *f, const char *s);
/* n fields separated by commas, ended by CRLF. */
void csv_write_row(FILE *f, const char *const *fields, int n);

#endif
