/* sqllog.c — an LD_PRELOAD shim for the benchmarks: every statement huifang runs, with its bound
 * values (sqlite3_expanded_sql), appended to $HF_SQL_LOG, so the sqlite3 shell can replay
 * exactly huifang's own SQL on the same file. Not part of huifang. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>

int sqlite3_step(sqlite3_stmt *s)
{
	static int (*real)(sqlite3_stmt *);
	if (!real)
		*(void **)&real = dlsym(RTLD_NEXT, "sqlite3_step");
	const char *log = getenv("HF_SQL_LOG");
	if (log && !sqlite3_stmt_busy(s)) {
		char *sql = sqlite3_expanded_sql(s);
		FILE *f = fopen(log, "a");
		if (f && sql)
			fprintf(f, "%s;\n-- hf-stmt\n", sql);
		if (f)
			fclose(f);
		sqlite3_free(sql);
	}
	return real(s);
}
