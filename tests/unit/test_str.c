/* test_str.c — the growable buffer, safe copy, placeholders, integer parsing, vocabulary tables. */
#include <limits.h>
#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include <cmocka.h>

#include "huifang/i18n.h"
#include "huifang/model.h"
#include "huifang/str.h"
#include "huifang/utf8.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static void test_sbuf(void **state)
{
	struct sbuf b;
	sbuf_init(&b);
	assert_non_null(b.s);
	assert_string_equal(b.s, "");
	sbuf_add(&b, "回访");
	sbuf_addc(&b, ' ');
	sbuf_addn(&b, "abcdef", 3);
	sbuf_printf(&b, " #%d %s", 42, "ok");
	assert_string_equal(b.s, "回访 abc #42 ok");
	assert_int_equal(b.len, strlen(b.s));

	/* Growth across many appends keeps every byte. */
	sbuf_reset(&b);
	assert_string_equal(b.s, "");
	for (int i = 0; i < 1000; i++)
		sbuf_printf(&b, "%03d,", i);
	assert_int_equal(b.len, 4000);
	assert_memory_equal(b.s + 3996, "999,", 4);
	assert_memory_equal(b.s + 400, "100,", 4);

	char *s = sbuf_steal(&b);
	assert_int_equal(strlen(s), 4000);
	free(s);
	assert_null(b.s);
	assert_int_equal(b.len, 0);
	/* A stolen-from buffer is usable again. */
	sbuf_add(&b, "again");
	assert_string_equal(b.s, "again");
	sbuf_free(&b);
	assert_null(b.s);

	/* Zero-initialised works too, and stealing nothing gives "". */
	struct sbuf z = { 0 };
	s = sbuf_steal(&z);
	assert_string_equal(s, "");
	free(s);
	sbuf_addc(&z, 'x');
	assert_string_equal(z.s, "x");
	sbuf_free(&z);
}

static void test_str_copy(void **state)
{
	static const struct { const char *src; size_t size; const char *want; } cases[] = {
		{ "hello", 10, "hello" },
		{ "hello", 6, "hello" },
		{ "hello", 5, "hell" },
		{ "hello", 1, "" },
		{ "中文", 7, "中文" },
		{ "中文", 6, "中" },                     /* 5 bytes room: not half of 文 */
		{ "中文", 5, "中" },
		{ "中文", 4, "中" },
		{ "中文", 3, "" },
		{ "a😀", 4, "a" },
		{ "a😀", 6, "a😀" },
		{ "aé", 3, "a" },
	};
	for (size_t i = 0; i < COUNT(cases); i++) {
		char dst[16];
		memset(dst, 'X', sizeof dst);
		str_copy(dst, cases[i].size, cases[i].src);
		if (strcmp(dst, cases[i].want) != 0)
			fail_msg("str_copy(\"%s\", %zu) = \"%s\", want \"%s\"", cases[i].src, cases[i].size, dst,
			         cases[i].want);
		assert_true(utf8_valid(dst, strlen(dst)));
	}
	char dst[4] = "abc";
	str_copy(dst, 0, "zzz");
	assert_string_equal(dst, "abc");
	str_copy(dst, sizeof dst, NULL);
	assert_string_equal(dst, "");
}

static void test_small_predicates(void **state)
{
	assert_true(str_eq("a", "a"));
	assert_false(str_eq("a", "b"));
	assert_true(str_eq(NULL, NULL));
	assert_false(str_eq(NULL, ""));
	assert_false(str_eq("", NULL));
	assert_true(str_empty(NULL));
	assert_true(str_empty(""));
	assert_false(str_empty(" "));
	assert_true(str_contains("术后发烧三天", "发烧"));
	assert_false(str_contains("术后恢复良好", "发烧"));
	assert_true(str_contains("abc", ""));
	assert_false(str_contains(NULL, "a"));
	assert_false(str_contains("a", NULL));

	char *d = xstrdup("回访");
	assert_string_equal(d, "回访");
	free(d);
	d = xstrndup("abcdef", 3);
	assert_string_equal(d, "abc");
	free(d);
	d = xstrndup("ab", 10);
	assert_string_equal(d, "ab");
	free(d);
	int *z = xcalloc(8, sizeof *z);
	for (int i = 0; i < 8; i++)
		assert_int_equal(z[i], 0);
	z = xrealloc(z, 100 * sizeof *z);
	z[99] = 1;
	free(z);
}

static const char *lookup(const char *key, void *ctx)
{
	static const char *const vars[][2] = {
		{ "name", "张女士" }, { "treatment", "双眼皮" }, { "visit_date", "2026-11-20" },
		{ "empty", "" }, { "brace", "{name}" },
	};
	(*(int *)ctx)++;
	for (size_t i = 0; i < COUNT(vars); i++)
		if (strcmp(vars[i][0], key) == 0)
			return vars[i][1];
	return NULL;
}

static void test_str_expand(void **state)
{
	static const struct { const char *tmpl, *want; } cases[] = {
		{ "您好{name}，", "您好张女士，" },
		{ "{name}{treatment}", "张女士双眼皮" },
		{ "{treatment}术后（{visit_date}）", "双眼皮术后（2026-11-20）" },
		{ "no placeholders", "no placeholders" },
		{ "{unknown} stays", "{unknown} stays" },
		{ "[{empty}]", "[]" },
		{ "{brace}", "{name}" },                  /* values are not expanded again */
		{ "open { brace", "open { brace" },
		{ "close } brace", "close } brace" },
		{ "{{name}}", "{张女士}" },
		{ "{na{name}", "{na张女士" },
		{ "trailing {", "trailing {" },
		{ "{}", "{}" },
		{ "", "" },
	};
	for (size_t i = 0; i < COUNT(cases); i++) {
		int calls = 0;
		char *got = str_expand(cases[i].tmpl, lookup, &calls);
		if (strcmp(got, cases[i].want) != 0)
			fail_msg("expand(\"%s\") = \"%s\", want \"%s\"", cases[i].tmpl, got, cases[i].want);
		free(got);
	}
	int calls = 0;
	char *got = str_expand("{name} {name} {x}", lookup, &calls);
	assert_string_equal(got, "张女士 张女士 {x}");
	assert_int_equal(calls, 3);
	free(got);
}

static void test_str_to_int(void **state)
{
	static const struct { const char *s; long long v; } good[] = {
		{ "0", 0 }, { "42", 42 }, { "+42", 42 }, { "-42", -42 }, { "007", 7 }, { "-0", 0 },
		{ "9223372036854775807", LLONG_MAX }, { "-9223372036854775808", LLONG_MIN },
		{ "13800138000", 13800138000LL },
	};
	static const char *bad[] = {
		"", "+", "-", " 1", "1 ", "1a", "a1", "0x10", "1.5", "1e3", "--1", "+-1",
		"9223372036854775808", "-9223372036854775809", "99999999999999999999", "１２",
	};
	for (size_t i = 0; i < COUNT(good); i++) {
		long long v = -1;
		if (!str_to_int(good[i].s, &v))
			fail_msg("\"%s\" should parse", good[i].s);
		assert_true(v == good[i].v);
	}
	for (size_t i = 0; i < COUNT(bad); i++) {
		long long v = 77;
		if (str_to_int(bad[i], &v))
			fail_msg("\"%s\" should not parse", bad[i]);
		assert_true(v == 77);
	}
	assert_false(str_to_int(NULL, NULL));
}

static void test_errf(void **state)
{
	char err[16];
	assert_false(errf(err, sizeof err, "bad %s at %d", "date", 7));
	assert_string_equal(err, "bad date at 7");
	assert_false(errf(err, sizeof err, "%s", "a long message that is cut"));
	assert_int_equal(strlen(err), sizeof err - 1);
	assert_false(errf(NULL, 0, "ignored"));
}

static void test_vocabulary(void **state)
{
	assert_string_equal(role_code(ROLE_SUPERVISOR), "supervisor");
	assert_int_equal(role_from_code("admin"), ROLE_ADMIN);
	assert_int_equal(role_from_code("root"), ROLE_NONE);
	assert_int_equal(role_from_code(NULL), ROLE_NONE);
	assert_string_equal(visit_kind_label(VISIT_CONSULT), "consultation");
	assert_int_equal(visit_kind_from_code("surgery"), VISIT_SURGERY);
	assert_int_equal(visit_kind_from_code("Surgery"), VISIT_NONE);
	assert_int_equal(task_kind_from_code("winback"), TASK_WINBACK);
	assert_string_equal(task_kind_label(TASK_WINBACK), "why they left");
	assert_int_equal(task_status_from_code("open"), TASK_OPEN);
	assert_int_equal(esc_status_from_code("open"), ESC_OPEN);
	assert_int_equal(severity_from_code("urgent"), SEV_URGENT);
	assert_int_equal(severity_from_code(""), SEV_NONE);
	assert_string_equal(task_status_code(TASK_STATUS_NONE), "");
	assert_string_equal(esc_status_code(ESC_STATUS__COUNT), "");

	/* Every code round-trips through its table. */
	for (int i = 0; i < ROLE__COUNT; i++)
		assert_int_equal(role_from_code(role_code(i)), i);
	for (int i = 0; i < VISIT__COUNT; i++)
		assert_int_equal(visit_kind_from_code(visit_kind_code(i)), i);
	for (int i = 0; i < TASK_KIND__COUNT; i++)
		assert_int_equal(task_kind_from_code(task_kind_code(i)), i);
	for (int i = 0; i < TASK_STATUS__COUNT; i++)
		assert_int_equal(task_status_from_code(task_status_code(i)), i);
	for (int i = 0; i < SEV__COUNT; i++)
		assert_int_equal(severity_from_code(severity_code(i)), i);
	for (int i = 0; i < ESC_STATUS__COUNT; i++)
		assert_int_equal(esc_status_from_code(esc_status_code(i)), i);
}

static int hook_fd = -1;

static void write_hook(void)
{
	if (write(hook_fd, "hook;", 5) != 5)
		_exit(9);
}

/* Runs fn in a child with stderr into a pipe; returns the exit status and what was written. */
static int in_child(void (*fn)(void), char *out, size_t outsize)
{
	int fds[2];
	assert_int_equal(pipe(fds), 0);
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		close(fds[0]);
		dup2(fds[1], 2);
		hook_fd = fds[1];
		set_fatal_hook(write_hook);
		fn();
		_exit(0);
	}
	close(fds[1]);
	size_t n = 0;
	ssize_t r;
	while (n + 1 < outsize && (r = read(fds[0], out + n, outsize - 1 - n)) > 0)
		n += (size_t)r;
	out[n] = '\0';
	close(fds[0]);
	int status;
	assert_int_equal(waitpid(pid, &status, 0), pid);
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

static void call_die(void)
{
	die("cannot open %s", "x.db");
}

#if !defined(__SANITIZE_ADDRESS__) /* ASan aborts on such a request instead of returning NULL */
static void call_xmalloc_huge(void)
{
	void *p = xmalloc(SIZE_MAX / 2);
	free(p);
}
#endif

static void test_die(void **state)
{
	char out[256];
	assert_int_equal(in_child(call_die, out, sizeof out), 1);
	/* The hook (terminal restore) runs before the message so the message stays visible. */
	assert_string_equal(out, "hook;huifang: cannot open x.db\n");
#if !defined(__SANITIZE_ADDRESS__)
	assert_int_equal(in_child(call_xmalloc_huge, out, sizeof out), 1);
	assert_non_null(strstr(out, "hook;huifang: "));
#endif
}

static void test_i18n_init(void **state)
{
	i18n_init();
	assert_string_equal(textdomain(NULL), "huifang");
	const char *dir = bindtextdomain("huifang", NULL);
	assert_non_null(dir);
	size_t n = strlen(dir);
	assert_true(strcmp(dir, HF_LOCALEDIR) == 0 ||
	            (n > 13 && strcmp(dir + n - 13, "/build/locale") == 0));
	/* Without a catalog for the locale, messages come back untranslated. */
	assert_string_equal(_("no such message in any catalog"), "no such message in any catalog");
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sbuf),
		cmocka_unit_test(test_str_copy),
		cmocka_unit_test(test_small_predicates),
		cmocka_unit_test(test_str_expand),
		cmocka_unit_test(test_str_to_int),
		cmocka_unit_test(test_errf),
		cmocka_unit_test(test_vocabulary),
		cmocka_unit_test(test_die),
		cmocka_unit_test(test_i18n_init),
	};
	return cmocka_run_group_tests_name("str", tests, NULL, NULL);
}
