/* test_digest.c — the canonical form of a stored row: its digest, its column fingerprints and
 * what is left out, against the form written out by hand. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "huifang/digest.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))
#define COL(n, t, v) {n, t, v, sizeof v - 1}

static void test_form(void **state)
{
	(void)state;
	/* "call\x1e" "id\x1fi7\x1e" "note\x1ft好\x1e": the empty score and task are left out. */
	const struct digest_col call[] = {
		COL("id", 'i', "7"), COL("task_id", 'n', ""), COL("score", 'i', "0"), COL("note", 't', "好"),
	};
	char digest[65], fp[COUNT(call) * DIGEST_FP_LEN + 1];
	digest_row("call", call, COUNT(call), digest, fp);
	char want[65];
	const char form[] = "call\x1e" "id\x1fi7\x1e" "note\x1ft好\x1e";
	digest_sha256_hex(form, sizeof form - 1, want);
	assert_string_equal(digest, want);
	assert_string_equal(digest, "2b1161d893f31f244d77960144f852ef7aed2c92eccf8bf7b75a0e8352fec5f6");
	assert_string_equal(fp, "1b6d--------0976");
}

static void test_each_value_counts(void **state)
{
	(void)state;
	struct digest_col a[] = {COL("id", 'i', "7"), COL("note", 't', "ab")};
	struct digest_col b[] = {COL("id", 'i', "7"), COL("note", 't', "ac")};
	struct digest_col c[] = {COL("id", 'i', "7"), COL("note", 'b', "ab")};
	struct digest_col d[] = {COL("id", 'i', "7"), COL("nota", 't', "ab")};
	char da[65], db[65], dc[65], dd[65], fa[9], fb[9], fc[9], fd[9];
	digest_row("call", a, 2, da, fa);
	digest_row("call", b, 2, db, fb);
	digest_row("call", c, 2, dc, fc);
	digest_row("call", d, 2, dd, fd);
	assert_string_not_equal(da, db);
	assert_string_not_equal(da, dc);
	assert_string_not_equal(da, dd);
	digest_row("task", a, 2, db, fb);
	assert_string_not_equal(da, db); /* the table is part of the form */
	assert_int_equal(digest_fp_differs(fa, fb), -1);
	digest_row("call", b, 2, db, fb);
	assert_int_equal(digest_fp_differs(fa, fb), 1);
}

static void test_skipped_and_added(void **state)
{
	(void)state;
	const struct digest_col task[] = {
		COL("id", 'i', "3"), COL("claimed_by", 't', "op_li"), COL("claimed_until", 't', "2026-11-23 10:00"),
	};
	char digest[65], fp[3 * DIGEST_FP_LEN + 1];
	digest_row("task", task, COUNT(task), digest, fp);
	assert_string_equal(digest, "a747ed550a5a8b7f9b51ac1fb14d687c76f44ae52545ee207e22b9b6e52acfa0");
	assert_int_equal(strlen(fp), DIGEST_FP_LEN); /* the lease has no fingerprint either */
	assert_true(digest_column_skipped("task", "claimed_by"));
	assert_false(digest_column_skipped("call", "claimed_by"));
	/* A column added later with an empty default leaves the digest as it was. */
	const struct digest_col later[] = {COL("id", 'i', "3"), COL("added", 't', "")};
	char d2[65], f2[2 * DIGEST_FP_LEN + 1];
	digest_row("task", later, COUNT(later), d2, f2);
	assert_string_equal(d2, digest);
	assert_int_equal(digest_fp_differs(fp, f2), -1);
	assert_int_equal(digest_fp_differs("abcd", "abcd1234"), 1);
	assert_int_equal(digest_fp_differs("abcd----", "abcd"), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_form),
		cmocka_unit_test(test_each_value_counts),
		cmocka_unit_test(test_skipped_and_added),
	};
	return cmocka_run_group_tests_name("digest", tests, NULL, NULL);
}
