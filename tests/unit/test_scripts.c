/* test_scripts.c — the call-script format, placeholder filling, key choice and every shipped script. */
#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>

#include "huifang/scripts.h"
#include "huifang/str.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))
#define SCRIPTS_DIR "data/scripts"

/* The keys the default configuration's curves and the planner's extra tasks name. */
static const char *const required_keys[] = {
	"consult.d3", "consult.d7",
	"surgery.d1", "surgery.d3", "surgery.d7", "surgery.m1", "surgery.m3",
	"eyelid.d1", "eyelid.d3", "eyelid.d6", "eyelid.m1", "eyelid.m3", "eyelid.m6",
	"discharge.d3", "course.d7", "injection.repurchase",
	"callback", "reactivation", "winback", "birthday", "datafix", "default",
};

/* Post-operative calls must ask for the warning signs and tell the operator to escalate. */
static const char *const postop_keys[] = {
	"surgery.d1", "surgery.d3", "surgery.d7", "surgery.m1", "surgery.m3",
	"eyelid.d1", "eyelid.d3", "eyelid.d6", "eyelid.m1", "eyelid.m3", "discharge.d3",
};

static void parse_ok(const char *text, bool need_title, struct script *s)
{
	char err[512] = "";
	if (!scripts_parse(text, "t.script", need_title, s, err, sizeof err))
		fail_msg("parse failed: %s", err);
}

/* ---- format --------------------------------------------------------------------------- */

static void test_parse_sections_and_lines(void **state)
{
	(void)state;
	const char *text =
		"\xEF\xBB\xBF# opening comment\r\n"
		"title: 术后第3天回访\r\n"
		"\r\n"
		"## greeting\r\n"
		"您好，{name}{title}！\r\n"
		"? 现在方便吗？\r\n"
		"## recovery\n"
		"   ? 肿胀消了吗？   \n"
		"？还疼吗？\n"
		"# a comment inside a section with {no_such_key}\n"
		"! 有发烧就升级。\n"
		"！ 记下原话。\n"
		"?! 不是问题\n"
		"##   closing  \n"
		"再见！\n";
	struct script s;
	parse_ok(text, true, &s);
	assert_string_equal(s.title, "术后第3天回访");
	assert_int_equal(s.nsections, 3);

	assert_int_equal(s.sections[0].kind, SEC_GREETING);
	assert_int_equal(s.sections[0].lineno, 4);
	assert_int_equal(s.sections[0].nlines, 2);
	assert_int_equal(s.sections[0].lines[0].kind, LINE_SAY);
	assert_string_equal(s.sections[0].lines[0].text, "您好，{name}{title}！");
	assert_int_equal(s.sections[0].lines[0].lineno, 5);
	assert_int_equal(s.sections[0].lines[1].kind, LINE_QUESTION);
	assert_string_equal(s.sections[0].lines[1].text, "现在方便吗？");

	const struct script_section *rec = script_section(&s, SEC_RECOVERY);
	assert_non_null(rec);
	assert_int_equal(rec->nlines, 5);
	assert_int_equal(rec->lines[0].kind, LINE_QUESTION);
	assert_string_equal(rec->lines[0].text, "肿胀消了吗？");
	assert_int_equal(rec->lines[1].kind, LINE_QUESTION);
	assert_string_equal(rec->lines[1].text, "还疼吗？");
	assert_int_equal(rec->lines[2].kind, LINE_NOTE);
	assert_string_equal(rec->lines[2].text, "有发烧就升级。");
	assert_int_equal(rec->lines[3].kind, LINE_NOTE);
	assert_string_equal(rec->lines[3].text, "记下原话。");
	assert_int_equal(rec->lines[4].kind, LINE_SAY);
	assert_string_equal(rec->lines[4].text, "?! 不是问题");
	assert_int_equal(rec->lines[4].lineno, 13);

	assert_int_equal(s.sections[2].kind, SEC_CLOSING);
	assert_null(script_section(&s, SEC_CARE));
	script_free(&s);
}

static void test_parse_stored_body(void **state)
{
	(void)state;
	const char *body = "## care\n冰敷48小时。\n";
	struct script s;
	parse_ok(body, false, &s);
	assert_string_equal(s.title, "");
	assert_int_equal(s.nsections, 1);
	assert_int_equal(s.sections[0].kind, SEC_CARE);
	script_free(&s);

	char err[512] = "";
	assert_false(scripts_parse(body, "b.script", true, &s, err, sizeof err));
	assert_non_null(strstr(err, "b.script:1:"));
	assert_non_null(strstr(err, "title"));
	assert_null(s.sections);
	assert_null(s.title);
	script_free(&s);
}

static void test_parse_errors(void **state)
{
	(void)state;
	static const struct {
		const char *text;
		const char *where;   /* "file:line:" expected at the start */
		const char *says;    /* a word of the message */
	} cases[] = {
		{ "title: x\n## greting\nhi\n", "e.script:2:", "greting" },
		{ "title: x\n## greeting\nhi\n## care\ntip\n## greeting\nagain\n", "e.script:6:", "twice" },
		{ "title: x\nhello\n## greeting\nhi\n", "e.script:2:", "before the first section" },
		{ "title: x\n## greeting\n## closing\nbye\n", "e.script:2:", "no lines" },
		{ "title: x\n## greeting\nhi\n## closing\n\n", "e.script:4:", "no lines" },
		{ "title: x\n## greeting\n您好 {nmae}\n", "e.script:3:", "{nmae}" },
		{ "title: x\n## greeting\nbad \xE4\xBD\n", "e.script:3:", "UTF-8" },
		{ "title: x\n## greeting\nbell \a here\n", "e.script:3:", "control" },
		{ "title: x\n## greeting\n? \n", "e.script:3:", "no text" },
		{ "title: x\n## greeting\n！\n", "e.script:3:", "no text" },
		{ "title: x\ntitle: y\n## greeting\nhi\n", "e.script:2:", "second title" },
		{ "title:   \n## greeting\nhi\n", "e.script:1:", "empty title" },
		{ "title: x\n# only a comment\n", "e.script:2:", "no sections" },
		{ "## greeting\nhi\n", "e.script:1:", "title" },
		{ "", "e.script:1:", "title" },
	};
	for (size_t i = 0; i < COUNT(cases); i++) {
		struct script s;
		char err[512] = "";
		if (scripts_parse(cases[i].text, "e.script", true, &s, err, sizeof err))
			fail_msg("case %zu parsed but should fail", i);
		if (strncmp(err, cases[i].where, strlen(cases[i].where)) != 0 || !strstr(err, cases[i].says))
			fail_msg("case %zu: got \"%s\", want \"%s ... %s\"", i, err, cases[i].where, cases[i].says);
		assert_null(strchr(err, '\n'));
		script_free(&s);
	}
}

static void test_literal_braces(void **state)
{
	(void)state;
	/* Only a lowercase {word} is a placeholder; other braces are text. */
	struct script s;
	parse_ok("title: x\n## care\n用量 {2–3} 次 {Name} {} {a b}\n", true, &s);
	assert_string_equal(s.sections[0].lines[0].text, "用量 {2–3} 次 {Name} {} {a b}");
	script_free(&s);
}

static void test_section_vocabulary(void **state)
{
	(void)state;
	for (int k = 0; k < SEC__COUNT; k++) {
		const char *code = script_section_code((enum script_section_kind)k);
		assert_true(code[0] != '\0');
		assert_int_equal(script_section_from_code(code), k);
		assert_true(script_section_label((enum script_section_kind)k)[0] != '\0');
	}
	assert_int_equal(script_section_from_code("Greeting"), SEC_NONE);
	assert_int_equal(script_section_from_code(NULL), SEC_NONE);
	assert_string_equal(script_section_code(SEC_NONE), "");
	assert_true(scripts_is_placeholder("name"));
	assert_true(scripts_is_placeholder("visit_date"));
	assert_false(scripts_is_placeholder("phone"));
	assert_false(scripts_is_placeholder(NULL));
}

/* ---- placeholders --------------------------------------------------------------------- */

static void test_fill_chinese(void **state)
{
	(void)state;
	struct script_vars v = {
		.name = "王静", .title = scripts_title("F", "zh_CN"), .treatment = "双眼皮",
		.days_since = "3", .visit_date = "2026-03-02", .doctor = "林海峰",
		.consultant = "陈晓雯", .clinic = "悦颜医疗美容诊所", .operator_name = "小周",
	};
	char *out = scripts_fill("您好，请问是{name}{title}吗？我是{clinic}的{operator}。您做{treatment}已经{days_since}天了（{visit_date}，{doctor}医生，顾问{consultant}）。",
	                         script_vars_lookup, &v);
	assert_string_equal(out, "您好，请问是王静女士吗？我是悦颜医疗美容诊所的小周。您做双眼皮已经3天了（2026-03-02，林海峰医生，顾问陈晓雯）。");
	free(out);
}

static void test_fill_unknown_and_missing_kept(void **state)
{
	(void)state;
	struct script_vars v = { .name = "李娜娜" };
	/* Unknown keys and fields left NULL keep their placeholder, so a gap is visible. */
	char *out = scripts_fill("{name}：{foo} {doctor}医生 {未知} {", script_vars_lookup, &v);
	assert_string_equal(out, "李娜娜：{foo} {doctor}医生 {未知} {");
	free(out);
	out = scripts_fill("{name}", NULL, NULL);
	assert_string_equal(out, "{name}");
	free(out);
}

static void test_fill_empty_title_collapses_space(void **state)
{
	(void)state;
	struct script_vars v = { .name = "Zhang Wei", .title = scripts_title("", "en") };
	char *out = scripts_fill("Hello, may I speak with {title} {name}?", script_vars_lookup, &v);
	assert_string_equal(out, "Hello, may I speak with Zhang Wei?");
	free(out);
	out = scripts_fill("{title} {name}", script_vars_lookup, &v);
	assert_string_equal(out, "Zhang Wei");
	free(out);
	v.title = scripts_title("M", "en");
	out = scripts_fill("{title} {name}", script_vars_lookup, &v);
	assert_string_equal(out, "Mr Zhang Wei");
	free(out);
}

static void test_titles(void **state)
{
	(void)state;
	assert_string_equal(scripts_title("F", "zh_CN"), "女士");
	assert_string_equal(scripts_title("M", "zh_CN"), "先生");
	assert_string_equal(scripts_title("", "zh_CN"), "");
	assert_string_equal(scripts_title(NULL, "zh_CN"), "");
	assert_string_equal(scripts_title("F", "en"), "Ms");
	assert_string_equal(scripts_title("M", NULL), "Mr");
	assert_string_equal(scripts_lang_for_locale("zh_CN.UTF-8"), "zh_CN");
	assert_string_equal(scripts_lang_for_locale("zh_TW.UTF-8"), "zh_CN");
	assert_string_equal(scripts_lang_for_locale("C.UTF-8"), "en");
	assert_string_equal(scripts_lang_for_locale(NULL), "en");
}

/* ---- conditions ----------------------------------------------------------------------- */

/* One line's conditions against a few calls: overdue or not, a treatment, a gender. */
static void test_conditions(void **state)
{
	(void)state;
	const struct script_facts due_today_f = { .days = 3, .overdue = 0, .treatment = "吸脂", .gender = "F" };
	const struct script_facts late_m = { .days = 40, .overdue = 12, .treatment = "隆鼻", .gender = "M" };
	const struct script_facts unknown = { .days = SCRIPT_FACT_UNKNOWN, .overdue = 0, .treatment = "", .gender = "" };
	static const struct { const char *line; bool today_f, late_m, unknown; const char *rest; } rows[] = {
		{ "no condition", true, true, true, "no condition" },
		{ "[overdue>0] 前几天", false, true, false, "前几天" },
		{ "[overdue=0] 今天", true, false, true, "今天" },
		{ "[ overdue >= 12 ] x", false, true, false, "x" },
		{ "[overdue<1]? 问", true, false, true, "? 问" },
		{ "[days<=7] 一周内", true, false, false, "一周内" },
		{ "[days!=3] 不是第三天", false, true, false, "不是第三天" },
		{ "[days>-1] 有就诊", true, true, false, "有就诊" },
		{ "[treatment=吸脂] 塑身衣", true, false, false, "塑身衣" },
		{ "[treatment=吸脂,隆鼻] 两项", true, true, false, "两项" },
		{ "[treatment=双眼皮，去眼袋] 全角逗号", false, false, false, "全角逗号" },
		{ "[treatment!=吸脂] 不是吸脂", false, true, false, "不是吸脂" },
		{ "[gender=女] 女士", true, false, false, "女士" },
		{ "[gender=M] Mr", false, true, false, "Mr" },
		{ "[gender!=男] 不是男", true, false, false, "不是男" },
		{ "[overdue>0][gender=男] 两个条件", false, true, false, "两个条件" },
		{ "[overdue=0] [treatment=吸脂] ! 注意", true, false, false, "! 注意" },
	};
	for (size_t i = 0; i < COUNT(rows); i++) {
		const char *p = rows[i].line;
		struct script_cond *c = NULL;
		size_t n = 0;
		char err[256] = "";
		if (!scripts_parse_conds(&p, "t.script", 4, &c, &n, err, sizeof err))
			fail_msg("%s: %s", rows[i].line, err);
		assert_string_equal(p, rows[i].rest);
		if (script_conds_hold(c, n, &due_today_f) != rows[i].today_f ||
		    script_conds_hold(c, n, &late_m) != rows[i].late_m ||
		    script_conds_hold(c, n, &unknown) != rows[i].unknown)
			fail_msg("%s: holds %d %d %d", rows[i].line, script_conds_hold(c, n, &due_today_f),
			         script_conds_hold(c, n, &late_m), script_conds_hold(c, n, &unknown));
		script_conds_free(c, n);
	}
}

/* Bad syntax: one line naming the file, the line and what is wrong. */
static void test_condition_errors(void **state)
{
	(void)state;
	static const struct { const char *line, *want; } rows[] = {
		{ "[overdue>0 text", "t.script:4: a condition without its closing \"]\"" },
		{ "[due>0] x", "t.script:4: unknown condition \"[due>0]\": no fact \"due\" (known: days, overdue, treatment, gender)" },
		{ "[=3] x", "no fact \"\"" },
		{ "[overdue 3] x", "expected =, !=, <, <=, > or >= after \"overdue\"" },
		{ "[overdue>] x", "condition \"[overdue>]\" has no value" },
		{ "[days>a week] x", "\"a week\" is not a whole number of days" },
		{ "[treatment>吸脂] x", "treatment takes = or != only" },
		{ "[treatment=吸脂,] x", "has an empty value" },
		{ "[gender=female] x", "gender is 女 or 男 (F or M), not \"female\"" },
	};
	for (size_t i = 0; i < COUNT(rows); i++) {
		const char *p = rows[i].line;
		struct script_cond *c = NULL;
		size_t n = 0;
		char err[256] = "";
		bool ok = scripts_parse_conds(&p, "t.script", 4, &c, &n, err, sizeof err);
		script_conds_free(c, n);
		if (ok || !strstr(err, rows[i].want))
			fail_msg("%s: %s (want \"%s\")", rows[i].line, ok ? "accepted" : err, rows[i].want);
	}
	/* In a script: the file's line, and a condition with nothing to say. */
	struct script s;
	char err[256] = "";
	assert_false(scripts_parse("title: x\n## greeting\n您好\n[gender=X] 先生\n", "b.script", true,
	                           &s, err, sizeof err));
	assert_non_null(strstr(err, "b.script:4: condition"));
	assert_false(scripts_parse("title: x\n## greeting\n[overdue>0]\n", "b.script", true, &s, err,
	                           sizeof err));
	assert_string_equal(err, "b.script:3: a condition with no text after it");
}

/* Selecting: lines that do not fit go, and a section left empty goes with them. */
static void test_select(void **state)
{
	(void)state;
	struct script s;
	parse_ok("title: t\n## greeting\n[overdue=0] 今天是您的生日\n[overdue>0] ? 前几天是您的生日吧？\n"
	         "## care\n[treatment=吸脂] 塑身衣全天穿\n[treatment=隆鼻] 不要按压鼻子\n"
	         "## closing\n[gender=男] 祝您事业顺利\n",
	         true, &s);
	const struct script_facts f = { .days = 5, .overdue = 2, .treatment = "隆鼻", .gender = "F" };
	script_select(&s, &f);
	assert_int_equal(s.nsections, 2);
	assert_int_equal(s.sections[0].nlines, 1);
	assert_string_equal(s.sections[0].lines[0].text, "前几天是您的生日吧？");
	assert_int_equal(s.sections[0].lines[0].kind, LINE_QUESTION);
	assert_int_equal(s.sections[1].kind, SEC_CARE);
	assert_int_equal(s.sections[1].nlines, 1);
	assert_string_equal(s.sections[1].lines[0].text, "不要按压鼻子");
	script_free(&s);
}

/* A doctor recorded with a title is filled without it, so the script's own title is said once. */
static void test_doctor_title_once(void **state)
{
	(void)state;
	static const struct { const char *recorded, *filled_zh, *filled_en; } cases[] = {
		{ "陈医生", "陈医生", "Dr 陈" },
		{ "王大夫", "王医生", "Dr 王" },
		{ "林海峰", "林海峰医生", "Dr 林海峰" },
		{ "Dr Chen", "Chen医生", "Dr Chen" },
		{ "Dr. Chen", "Chen医生", "Dr Chen" },
		{ "医生", "医生医生", "Dr 医生" },  /* nothing left to call them by: kept */
		{ "", "医生", "Dr" },
	};
	for (size_t i = 0; i < COUNT(cases); i++) {
		char buf[64];
		struct script_vars v = { .doctor = scripts_doctor_name(cases[i].recorded, buf, sizeof buf) };
		char *zh = scripts_fill("{doctor}医生", script_vars_lookup, &v);
		char *en = scripts_fill("Dr {doctor}", script_vars_lookup, &v);
		assert_string_equal(zh, cases[i].filled_zh);
		assert_string_equal(en, cases[i].filled_en);
		free(zh);
		free(en);
	}
	char buf[64];
	assert_string_equal(scripts_doctor_name(NULL, buf, sizeof buf), "");
}

static void test_script_fill_in_place(void **state)
{
	(void)state;
	struct script s;
	parse_ok("title: {treatment}回访\n## greeting\n? 请问是{name}{title}吗？\n## closing\n{clinic}祝您健康。\n", true, &s);
	struct script_vars v = { .name = "赵梦瑶", .title = "女士", .treatment = "隆鼻", .clinic = "悦颜" };
	script_fill(&s, script_vars_lookup, &v);
	assert_string_equal(s.title, "隆鼻回访");
	assert_string_equal(s.sections[0].lines[0].text, "请问是赵梦瑶女士吗？");
	assert_int_equal(s.sections[0].lines[0].kind, LINE_QUESTION);
	assert_string_equal(s.sections[1].lines[0].text, "悦颜祝您健康。");
	script_free(&s);
}

/* ---- choosing a key ------------------------------------------------------------------- */

static bool in_list(const char *key, void *ctx)
{
	for (const char *const *k = ctx; *k; k++)
		if (strcmp(*k, key) == 0)
			return true;
	return false;
}

static void test_pick(void **state)
{
	(void)state;
	const char *keys[] = { "surgery.d3", "surgery", "default", NULL };
	char out[64];
	assert_true(scripts_pick("surgery.d3", in_list, keys, out, sizeof out));
	assert_string_equal(out, "surgery.d3");
	assert_true(scripts_pick("surgery.w2", in_list, keys, out, sizeof out));
	assert_string_equal(out, "surgery");
	assert_true(scripts_pick("eyelid.d6", in_list, keys, out, sizeof out));
	assert_string_equal(out, "default");
	assert_true(scripts_pick("", in_list, keys, out, sizeof out));
	assert_string_equal(out, "default");
	assert_true(scripts_pick(NULL, in_list, keys, out, sizeof out));
	assert_string_equal(out, "default");
	const char *none[] = { "surgery.d3", NULL };
	assert_false(scripts_pick("course.d7", in_list, none, out, sizeof out));
	assert_string_equal(out, "default");

	assert_true(scripts_key_valid("injection.repurchase"));
	assert_true(scripts_key_valid("a_b-c.1"));
	assert_false(scripts_key_valid(""));
	assert_false(scripts_key_valid(".hidden"));
	assert_false(scripts_key_valid("Surgery"));
	assert_false(scripts_key_valid("a/b"));
	assert_false(scripts_key_valid("复购"));
}

/* ---- loading directories -------------------------------------------------------------- */

static char tmpdir[64];

static void write_file(const char *dir, const char *name, const char *text)
{
	char path[256];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	FILE *f = fopen(path, "w");
	if (!f)
		fail_msg("cannot write %s", path);
	fputs(text, f);
	fclose(f);
}

static void rm_tree(void)
{
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
	if (tmpdir[0] && system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", tmpdir);
	tmpdir[0] = '\0';
}

static const char *make_lang_dir(const char *lang)
{
	static char dir[128];
	snprintf(tmpdir, sizeof tmpdir, "/tmp/huifang-scripts.XXXXXX");
	if (!mkdtemp(tmpdir))
		fail_msg("mkdtemp failed");
	snprintf(dir, sizeof dir, "%s/%s", tmpdir, lang);
	mkdir(dir, 0700);
	return dir;
}

static void test_load_dir(void **state)
{
	(void)state;
	const char *dir = make_lang_dir("zh_CN");
	write_file(dir, "surgery.d3.script", "# 术后第3天\ntitle: 术后第3天回访\n\n## greeting\n? 请问是{name}{title}吗？\n");
	write_file(dir, "default.script", "title: 回访\n## greeting\n您好。\n");
	write_file(dir, "README", "not a script\n");
	write_file(dir, "notes.txt", "## nonsense\n");

	struct script_set set;
	char err[512] = "";
	if (!scripts_load_dir(tmpdir, "zh_CN", &set, err, sizeof err))
		fail_msg("load failed: %s", err);
	assert_int_equal(set.n, 2);
	assert_string_equal(set.v[0].key, "default");
	assert_string_equal(set.v[1].key, "surgery.d3");
	assert_string_equal(set.v[1].title, "术后第3天回访");
	assert_string_equal(set.v[1].body, "## greeting\n? 请问是{name}{title}吗？\n");
	assert_ptr_equal(script_set_find(&set, "surgery.d3"), &set.v[1]);
	assert_null(script_set_find(&set, "surgery"));
	assert_ptr_equal(script_set_pick(&set, "surgery.d3"), &set.v[1]);
	assert_ptr_equal(script_set_pick(&set, "surgery.m1"), &set.v[0]);
	script_set_free(&set);
	assert_int_equal(set.n, 0);

	/* One bad file fails the whole load with its path and line. */
	write_file(dir, "eyelid.d6.script", "title: 拆线\n## greeting\n您好\n## care\n{icepack}\n");
	assert_false(scripts_load_dir(tmpdir, "zh_CN", &set, err, sizeof err));
	char want[256];
	snprintf(want, sizeof want, "%s/eyelid.d6.script:5:", dir);
	if (strncmp(err, want, strlen(want)) != 0)
		fail_msg("got \"%s\", want it to start with \"%s\"", err, want);
	assert_int_equal(set.n, 0);
	assert_null(set.v);

	write_file(dir, "eyelid.d6.script", "title: 拆线\n## greeting\n您好\n");
	write_file(dir, "Bad Key.script", "title: x\n## greeting\nhi\n");
	assert_false(scripts_load_dir(tmpdir, "zh_CN", &set, err, sizeof err));
	assert_non_null(strstr(err, "Bad Key"));

	assert_false(scripts_load_dir(tmpdir, "fr", &set, err, sizeof err));
	assert_non_null(strstr(err, "/fr"));
	rm_tree();
}

/* ---- the shipped scripts -------------------------------------------------------------- */

static void load_shipped(const char *lang, struct script_set *set)
{
	char err[512] = "";
	if (!scripts_load_dir(SCRIPTS_DIR, lang, set, err, sizeof err))
		fail_msg("%s", err);
}

static void test_shipped_scripts_parse(void **state)
{
	(void)state;
	for (const char *const *lang = scripts_langs; *lang; lang++) {
		struct script_set set;
		load_shipped(*lang, &set);
		assert_true(set.n >= COUNT(required_keys));
		for (size_t i = 0; i < set.n; i++) {
			const struct script_entry *e = &set.v[i];
			/* What the database stores parses again, without its title. */
			struct script s;
			char err[512] = "";
			if (!scripts_parse(e->body, e->key, false, &s, err, sizeof err))
				fail_msg("%s/%s stored body: %s", *lang, e->key, err);
			if (e->title[0] == '\0' || strstr(e->body, "title:"))
				fail_msg("%s/%s: title not split from the body", *lang, e->key);
			if (!script_section(&s, SEC_GREETING) || !script_section(&s, SEC_CLOSING))
				fail_msg("%s/%s: needs a greeting and a closing", *lang, e->key);
			script_free(&s);
		}
		script_set_free(&set);
	}
}

static void test_shipped_languages_match(void **state)
{
	(void)state;
	struct script_set zh, en;
	load_shipped("zh_CN", &zh);
	load_shipped("en", &en);
	for (size_t i = 0; i < zh.n; i++)
		if (!script_set_find(&en, zh.v[i].key))
			fail_msg("%s: in zh_CN but not in en", zh.v[i].key);
	for (size_t i = 0; i < en.n; i++)
		if (!script_set_find(&zh, en.v[i].key))
			fail_msg("%s: in en but not in zh_CN", en.v[i].key);
	assert_int_equal(zh.n, en.n);
	for (size_t i = 0; i < COUNT(required_keys); i++) {
		if (!script_set_find(&zh, required_keys[i]))
			fail_msg("missing script %s", required_keys[i]);
	}
	/* Both languages use the same sections per key, so the console looks alike in both. */
	for (size_t i = 0; i < zh.n; i++) {
		const struct script_entry *e = script_set_find(&en, zh.v[i].key);
		struct script a, b;
		parse_ok(zh.v[i].body, false, &a);
		parse_ok(e->body, false, &b);
		if (a.nsections != b.nsections)
			fail_msg("%s: %zu sections in zh_CN, %zu in en", e->key, a.nsections, b.nsections);
		for (size_t k = 0; k < a.nsections; k++)
			if (a.sections[k].kind != b.sections[k].kind)
				fail_msg("%s: section %zu differs", e->key, k + 1);
		script_free(&a);
		script_free(&b);
	}
	script_set_free(&zh);
	script_set_free(&en);
}

static size_t count_kind(const struct script_section *sec, enum script_line_kind kind)
{
	size_t n = 0;
	for (size_t i = 0; sec && i < sec->nlines; i++)
		n += sec->lines[i].kind == kind;
	return n;
}

static void test_shipped_content(void **state)
{
	(void)state;
	for (const char *const *lang = scripts_langs; *lang; lang++) {
		struct script_set set;
		load_shipped(*lang, &set);
		for (size_t i = 0; i < COUNT(postop_keys); i++) {
			struct script s;
			parse_ok(script_set_find(&set, postop_keys[i])->body, false, &s);
			const struct script_section *w = script_section(&s, SEC_WARNING);
			if (count_kind(w, LINE_QUESTION) == 0 || count_kind(w, LINE_NOTE) == 0)
				fail_msg("%s/%s: warning signs need questions and an escalation note", *lang, postop_keys[i]);
			if (count_kind(script_section(&s, SEC_RECOVERY), LINE_QUESTION) < 3)
				fail_msg("%s/%s: too few recovery questions", *lang, postop_keys[i]);
			if (count_kind(script_section(&s, SEC_SATISFACTION), LINE_QUESTION) == 0 && strcmp(postop_keys[i], "surgery.d1") && strcmp(postop_keys[i], "eyelid.d1"))
				fail_msg("%s/%s: no satisfaction question", *lang, postop_keys[i]);
			script_free(&s);
		}
		static const char *const consults[] = { "consult.d3", "consult.d7" };
		for (size_t i = 0; i < COUNT(consults); i++) {
			struct script s;
			parse_ok(script_set_find(&set, consults[i])->body, false, &s);
			if (!script_section(&s, SEC_CARE) || count_kind(script_section(&s, SEC_INVITATION), LINE_QUESTION) == 0)
				fail_msg("%s/%s: a consultation call gives care tips, then invites", *lang, consults[i]);
			script_free(&s);
		}
		/* The eyelid care tips carry the specifics operators are asked about. */
		const char *d1 = script_set_find(&set, "eyelid.d1")->body;
		if (strcmp(*lang, "zh_CN") == 0) {
			assert_non_null(strstr(d1, "48小时"));
			assert_non_null(strstr(d1, "眼妆"));
			assert_non_null(strstr(script_set_find(&set, "eyelid.d6")->body, "拆线"));
		} else {
			assert_non_null(strstr(d1, "48 hours"));
			assert_non_null(strstr(d1, "eye make-up"));
			assert_non_null(strstr(script_set_find(&set, "eyelid.d6")->body, "stitches"));
		}
		script_set_free(&set);
	}
}

static void test_filled_shipped_script_has_no_placeholder_left(void **state)
{
	(void)state;
	struct script_vars v = {
		.name = "周思琪", .title = "女士", .treatment = "隆鼻", .days_since = "7",
		.visit_date = "2026-03-01", .doctor = "林海峰", .consultant = "陈晓雯",
		.clinic = "悦颜医疗美容诊所", .operator_name = "小周",
	};
	for (const char *const *lang = scripts_langs; *lang; lang++) {
		struct script_set set;
		load_shipped(*lang, &set);
		for (size_t i = 0; i < set.n; i++) {
			struct script s;
			parse_ok(set.v[i].body, false, &s);
			script_fill(&s, script_vars_lookup, &v);
			for (size_t k = 0; k < s.nsections; k++)
				for (size_t j = 0; j < s.sections[k].nlines; j++)
					if (strchr(s.sections[k].lines[j].text, '{'))
						fail_msg("%s/%s:%d: placeholder left after filling: %s", *lang, set.v[i].key,
						         s.sections[k].lines[j].lineno, s.sections[k].lines[j].text);
			script_free(&s);
		}
		script_set_free(&set);
	}
}

int main(void)
{
	setlocale(LC_ALL, "");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse_sections_and_lines),
		cmocka_unit_test(test_parse_stored_body),
		cmocka_unit_test(test_parse_errors),
		cmocka_unit_test(test_literal_braces),
		cmocka_unit_test(test_section_vocabulary),
		cmocka_unit_test(test_fill_chinese),
		cmocka_unit_test(test_fill_unknown_and_missing_kept),
		cmocka_unit_test(test_fill_empty_title_collapses_space),
		cmocka_unit_test(test_titles),
		cmocka_unit_test(test_doctor_title_once),
		cmocka_unit_test(test_conditions),
		cmocka_unit_test(test_condition_errors),
		cmocka_unit_test(test_select),
		cmocka_unit_test(test_script_fill_in_place),
		cmocka_unit_test(test_pick),
		cmocka_unit_test(test_load_dir),
		cmocka_unit_test(test_shipped_scripts_parse),
		cmocka_unit_test(test_shipped_languages_match),
		cmocka_unit_test(test_shipped_content),
		cmocka_unit_test(test_filled_shipped_script_has_no_placeholder_left),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
