/* report-csv.c — a report's rows of figures as CSV: what `report --format csv` prints and what
 * the console's export writes, byte for byte. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "huifang/csv.h"
#include "huifang/i18n.h"
#include "huifang/paths.h"
#include "huifang/report.h"
#include "huifang/str.h"
#include "huifang/utf8.h"

/* A row; its value, a figure, stays a number when negative (an NPS of -50.0). */
static void csv_row(void *arg, const char *const row[4])
{
	FILE *f = arg;
	for (int i = 0; i < 4; i++) {
		char *clean = utf8_clean(row[i] ? row[i] : "", false);
		if (i)
			fputc(',', f);
		if (i == 3)
			csv_write_figure(f, clean);
		else
			csv_write_field(f, clean);
		free(clean);
	}
	fputs("\r\n", f);
}

void report_csv(const struct report *r, FILE *f)
{
	csv_write_bom(f);
	csv_write_row(f, report_row_keys, 4);
	report_rows(r, csv_row, f);
}

bool report_csv_create(const struct report *r, const char *path, bool *exists, char *err,
                       size_t errlen)
{
	FILE *f;
	if (!paths_create_new(path, &f, exists, err, errlen))
		return false;
	report_csv(r, f);
	int e = ferror(f) ? EIO : 0;
	if (fclose(f) != 0 && !e)
		e = errno;
	if (e) {
		unlink(path);
		return errf(err, errlen, _("%s: cannot write: %s"), path, strerror(e)), false;
	}
	return true;
}
