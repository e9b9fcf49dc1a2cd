/* test_config_doc.c — man/huifang.conf.5 documents every key of the config table and no key
 * that does not exist. Keys are the `.B key` lines that open a .TP/.TQ entry of its KEYS
 * section; a curve's members are written once for every kind, as curves.KIND.… */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "huifang/config.h"
#include "huifang/model.h"

#define MAN "man/huifang.conf.5"
#define MAX_KEYS 512

struct keys {
	char *v[MAX_KEYS];
	int n;
};

static bool has(const struct keys *k, const char *s)
{
	for (int i = 0; i < k->n; i++)
		if (!strcmp(k->v[i], s))
			return true;
	return false;
}

static void add(struct keys *k, const char *s)
{
	if (!has(k, s)) {
		assert_true(k->n < MAX_KEYS);
		k->v[k->n++] = strdup(s);
	}
}

/* curves.surgery.steps[].offset -> curves.KIND.steps[].offset (curves.surgery itself stays). */
static void add_table_key(const char *path, void *arg)
{
	char buf[256];
	const char *rest;
	if (!strncmp(path, "curves.", 7) && (rest = strchr(path + 7, '.')) != NULL)
		snprintf(buf, sizeof buf, "curves.KIND%s", rest);
	else
		snprintf(buf, sizeof buf, "%s", path);
	add(arg, buf);
}

static void read_man(struct keys *k)
{
	FILE *f = fopen(MAN, "r");
	if (!f)
		fail_msg("cannot read %s (run from the source tree)", MAN);
	char line[512];
	bool in_keys = false, entry = false;
	while (fgets(line, sizeof line, f)) {
		line[strcspn(line, "\n")] = 0;
		if (!strncmp(line, ".SH ", 4))
			in_keys = !strcmp(line, ".SH KEYS");
		if (!in_keys)
			continue;
		if (!strcmp(line, ".TP") || !strcmp(line, ".TQ")) {
			entry = true;
			continue;
		}
		if (entry && !strncmp(line, ".B ", 3))
			add(k, line + 3);
		entry = false;
	}
	fclose(f);
}

static void test_every_key_documented(void **state)
{
	struct keys table = {0}, man = {0};
	config_keys_each(add_table_key, &table);
	read_man(&man);
	assert_true(table.n > 60);
	int missing = 0, extra = 0;
	for (int i = 0; i < table.n; i++)
		if (!has(&man, table.v[i])) {
			fprintf(stderr, "# %s: key %s is not documented\n", MAN, table.v[i]);
			missing++;
		}
	for (int i = 0; i < man.n; i++)
		if (!has(&table, man.v[i])) {
			fprintf(stderr, "# %s: documents %s, which is no key\n", MAN, man.v[i]);
			extra++;
		}
	assert_int_equal(missing, 0);
	assert_int_equal(extra, 0);
	for (int i = 0; i < table.n; i++)
		free(table.v[i]);
	for (int i = 0; i < man.n; i++)
		free(man.v[i]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_key_documented),
	};
	return cmocka_run_group_tests_name("config_doc", tests, NULL, NULL);
}
