/* tmpdir.h — a private directory for the unit tests that work on real SQLite files, and
 * one-shot reads that must find their row (include after cmocka.h and huifang/store.h). */
#ifndef HUIFANG_TEST_TMPDIR_H
#define HUIFANG_TEST_TMPDIR_H

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static char dir[256];

static int setup(void **state)
{
	(void)state;
	snprintf(dir, sizeof dir, "/tmp/huifang-unit.XXXXXX");
	return mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	char cmd[300];
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	return system(cmd) == 0 ? 0 : -1;
}

/* dir/name in out. */
static void path_in(char *out, size_t size, const char *name)
{
	snprintf(out, size, "%s/%s", dir, name);
}

static long long db_int_;
static char *db_text_;
/* store_int / store_text that must find a value: the value (DB_TEXT's malloc'd). */
#define DB_INT(st, ...) \
	(assert_int_equal(store_int((st), &db_int_, __VA_ARGS__), STORE_FOUND), db_int_)
#define DB_TEXT(st, ...) \
	(assert_int_equal(store_text((st), &db_text_, __VA_ARGS__), STORE_FOUND), db_text_)

#endif
