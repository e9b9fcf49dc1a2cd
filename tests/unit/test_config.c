/* test_config.c — built-in defaults, data/huifang.conf, merging a clinic's file, and every problem as file:line. */
#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "huifang/config.h"
#include "huifang/date.h"
#include "huifang/str.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))
#define DEFAULT_FILE "data/huifang.conf"
#define DATA "tests/data/config/"

static hf_date D(const char *s)
{
	hf_date d;
	if (!date_parse(s, &d))
		fail_msg("test date \"%s\" does not parse", s);
	return d;
}

static char *slurp(const char *path)
{
	FILE *f = fopen(path, "r");
	if (!f)
		fail_msg("cannot open %s", path);
	struct sbuf b;
	sbuf_init(&b);
	char chunk[4096];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		sbuf_addn(&b, chunk, n);
	fclose(f);
	return sbuf_steal(&b);
}

static char tmp_path[64];

/* Writes text to a fresh temporary file; returns its name (valid until the next call). */
static const char *write_temp(const char *text)
{
	if (tmp_path[0])
		unlink(tmp_path);
	strcpy(tmp_path, "/tmp/huifang-test-config.XXXXXX");
	int fd = mkstemp(tmp_path);
	if (fd < 0)
		fail_msg("mkstemp failed");
	size_t n = strlen(text);
	if (write(fd, text, n) != (ssize_t)n)
		fail_msg("write failed");
	close(fd);
	return tmp_path;
}

static int line_of(const char *text, const char *needle)
{
	const char *p = strstr(text, needle);
	if (!p)
		fail_msg("\"%s\" is not in the default file", needle);
	int line = 1;
	for (const char *q = text; q < p; q++)
		line += *q == '\n';
	return line;
}

static int count_lines(const char *s)
{
	int n = 0;
	for (; *s; s++)
		n += *s == '\n';
	return n;
}

/* problems holds a line "file:line: path: ...needle..." */
static void expect_problem(const char *problems, const char *file, int line, const char *path,
                           const char *needle)
{
	char prefix[600];
	if (path)
		snprintf(prefix, sizeof prefix, "%s:%d: %s: ", file, line, path);
	else
		snprintf(prefix, sizeof prefix, "%s:%d: ", file, line);
	for (const char *p = problems; *p;) {
		const char *end = strchr(p, '\n');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		if (strncmp(p, prefix, strlen(prefix)) == 0) {
			char *one = xstrndup(p, len);
			bool found = strstr(one, needle) != NULL;
			free(one);
			if (found)
				return;
		}
		p += len + (end != NULL);
	}
	fail_msg("expected a problem \"%s...%s\", got:\n%s", prefix, needle, problems);
}

static void test_defaults_values(void **state)
{
	struct hf_config *cfg = malloc(sizeof *cfg);
	config_defaults(cfg);
	assert_string_equal(cfg->source, "(built-in)");
	assert_string_equal(cfg->clinic, "悦颜医疗美容诊所");
	assert_string_equal(cfg->timezone, "Asia/Shanghai");
	for (int d = 1; d <= 7; d++)
		assert_true(cfg->work_day[d]);
	assert_int_equal(cfg->nholidays, 0);
	assert_int_equal(cfg->open_minute, 9 * 60);
	assert_int_equal(cfg->close_minute, 20 * 60);

	/* Surgery: +1d, +3d, +7d, +1m, +3m by the post-op team. */
	const struct hf_curve *c = &cfg->curves[VISIT_SURGERY];
	static const struct hf_dur surgery[] = {
		{ 1, DUR_DAYS }, { 3, DUR_DAYS }, { 7, DUR_DAYS }, { 1, DUR_MONTHS }, { 3, DUR_MONTHS },
	};
	assert_int_equal(c->nsteps, 5);
	for (int i = 0; i < 5; i++) {
		assert_int_equal(c->steps[i].offset.n, surgery[i].n);
		assert_int_equal(c->steps[i].offset.unit, surgery[i].unit);
		assert_string_equal(c->steps[i].team, "postop");
		assert_true(c->steps[i].window_days >= 1);
	}
	assert_string_equal(c->steps[1].script, "surgery.d3");
	assert_true(c->steps[0].priority > c->steps[4].priority);
	assert_int_equal(c->repeat_max, 0);

	c = &cfg->curves[VISIT_DISCHARGE];
	assert_int_equal(c->nsteps, 1);
	assert_int_equal(c->steps[0].offset.n, 3);
	assert_int_equal(c->steps[0].offset.unit, DUR_DAYS);
	assert_string_equal(c->steps[0].team, "service");

	c = &cfg->curves[VISIT_COURSE];
	assert_int_equal(c->nsteps, 1);
	assert_int_equal(c->steps[0].offset.n, 7);
	assert_string_equal(c->steps[0].team, "aesthetic");

	c = &cfg->curves[VISIT_CONSULT];
	assert_int_equal(c->nsteps, 2);
	assert_int_equal(c->steps[0].offset.n, 3);
	assert_int_equal(c->steps[1].offset.n, 7);
	assert_string_equal(c->steps[0].team, "consult");
	assert_int_equal(c->repeat_days, 7);
	assert_int_equal(c->repeat_max, 2);

	c = &cfg->curves[VISIT_INJECTION];
	assert_int_equal(c->nsteps, 1);
	assert_int_equal(c->steps[0].offset.n, -1);
	assert_int_equal(c->steps[0].offset.unit, DUR_MONTHS);
	assert_string_equal(c->steps[0].team, "consultant");

	/* Treatments: double eyelid has its own curve with the suture-removal day. */
	const struct hf_treatment *t = config_treatment(cfg, "双眼皮");
	assert_non_null(t);
	assert_true(t->has_curve);
	assert_false(t->has_effect);
	assert_int_equal(t->curve.nsteps, 6);
	assert_int_equal(t->curve.steps[2].offset.n, 6);
	assert_int_equal(t->curve.steps[2].offset.unit, DUR_DAYS);
	assert_string_equal(t->curve.steps[2].script, "eyelid.d6");
	assert_int_equal(t->curve.steps[5].offset.n, 6);
	assert_int_equal(t->curve.steps[5].offset.unit, DUR_MONTHS);
	static const struct {
		const char *name;
		int months;
	} injectables[] = { { "玻尿酸", 9 }, { "瘦脸针", 4 }, { "水光针", 1 } };
	for (size_t i = 0; i < COUNT(injectables); i++) {
		t = config_treatment(cfg, injectables[i].name);
		assert_non_null(t);
		assert_true(t->has_effect);
		assert_false(t->has_curve);
		assert_int_equal(t->effect.n, injectables[i].months);
		assert_int_equal(t->effect.unit, DUR_MONTHS);
	}
	static const char *const known[] = { "隆鼻", "吸脂", "去眼袋", "光子嫩肤", "热玛吉" };
	for (size_t i = 0; i < COUNT(known); i++) {
		t = config_treatment(cfg, known[i]);
		assert_non_null(t);
		assert_false(t->has_curve);
		assert_false(t->has_effect);
	}
	assert_int_equal(cfg->ntreatments, 9);

	/* Outcomes, in SPEC order, with their effects. */
	static const char *const codes[] = {
		"reached", "no_answer", "busy", "callback", "wrong_number", "refused", "complaint",
	};
	assert_int_equal(cfg->noutcomes, 7);
	for (int i = 0; i < 7; i++)
		assert_string_equal(cfg->outcomes[i].code, codes[i]);
	const struct hf_outcome *o = config_outcome(cfg, "reached");
	assert_true(o->ends_task && o->asks_score && !o->needs_next);
	assert_int_equal(o->escalate, SEV_NONE);
	assert_string_equal(o->label, "Reached");
	o = config_outcome(cfg, "no_answer");
	assert_false(o->ends_task);
	assert_int_equal(o->retry_minutes, 4 * 60);
	assert_int_equal(o->max_attempts, 3);
	assert_int_equal(config_outcome(cfg, "busy")->retry_minutes, 2 * 60);
	assert_true(config_outcome(cfg, "callback")->needs_next);
	assert_true(config_outcome(cfg, "wrong_number")->flags_phone);
	assert_true(config_outcome(cfg, "refused")->cancels_future);
	assert_int_equal(config_outcome(cfg, "complaint")->escalate, SEV_HIGH);
	assert_null(config_outcome(cfg, "voicemail"));
	/* Typed by a person: the code or the label. */
	static const struct { const char *typed, *code; } typed[] = {
		{"no_answer", "no_answer"}, {"No answer", "no_answer"}, {"Call back later", "callback"},
		{"callback", "callback"}, {"voicemail", NULL}, {"no answer", NULL}, {"", NULL},
	};
	for (size_t i = 0; i < sizeof typed / sizeof typed[0]; i++) {
		o = config_outcome_typed(cfg, typed[i].typed);
		if (typed[i].code)
			assert_string_equal(o ? o->code : "", typed[i].code);
		else
			assert_null(o);
	}

	assert_int_equal(cfg->complaint_sla_hours, 24);
	assert_int_equal(cfg->low_score_max, 2);
	assert_int_equal(cfg->low_score_sla_hours, 48);
	assert_int_equal(cfg->score_drop, 2);
	assert_int_equal(cfg->score_drop_sla_hours, 48);
	assert_int_equal(cfg->risk_sla_hours, 2);
	static const char *const risk[] = {
		"发烧", "感染", "化脓", "出血", "剧痛", "呼吸困难", "红肿加重", "视力模糊",
	};
	for (size_t i = 0; i < COUNT(risk); i++) {
		bool found = false;
		for (int j = 0; j < cfg->nrisk_words; j++)
			found = found || strcmp(cfg->risk_words[j], risk[i]) == 0;
		if (!found)
			fail_msg("risk word %s missing", risk[i]);
	}
	assert_int_equal(cfg->missed_postop_days, 7);
	assert_int_equal(cfg->missed_postop_sla_hours, 2);
	assert_int_equal(cfg->ncomplaint_categories, 5);
	assert_string_equal(cfg->complaint_categories[0], "效果不满意");
	assert_string_equal(cfg->complaint_categories[2], "价格/退费");

	assert_int_equal(cfg->contact_cap_days, 1);
	assert_int_equal(cfg->stale_owner_days, 7);
	assert_int_equal(cfg->dormant_months, 6);
	assert_int_equal(cfg->winback_months, 12);
	assert_int_equal(cfg->consultant_release_months, 6);
	assert_true(cfg->birthday_calls);
	assert_int_equal(cfg->extra_window_days, 7);
	assert_non_null(config_team(cfg, cfg->reactivation_team));
	assert_non_null(config_team(cfg, cfg->winback_team));
	assert_string_equal(cfg->service_team, "service");
	assert_string_equal(cfg->consultant_team, "consultant");

	assert_int_equal(cfg->nteams, 5);
	assert_string_equal(config_team(cfg, "postop")->name, "术后护理组");
	assert_string_equal(config_team(cfg, "consult")->name, "网电咨询");
	assert_string_equal(config_team(cfg, "service")->name, "客服中心");
	assert_string_equal(config_team(cfg, "aesthetic")->name, "医疗美容组");
	assert_string_equal(config_team(cfg, "consultant")->name, "医美顾问");
	assert_null(config_team(cfg, "sales"));

	assert_int_equal(cfg->lease_minutes, 15);
	assert_int_equal(cfg->idle_lock_minutes, 10);
	assert_int_equal(cfg->ndial, 0);
	assert_string_equal(cfg->ui_colors[UI_COLOR_HEADER][0], "white");
	assert_string_equal(cfg->ui_colors[UI_COLOR_HEADER][1], "blue");
	for (int r = 0; r < UI_COLOR__COUNT; r++)
		for (int j = 0; j < 2; j++)
			assert_int_not_equal(config_color_number(cfg->ui_colors[r][j]), -2);
	assert_int_equal(cfg->nui_keys, 0);
	free(cfg);
}

static void test_builtins_have_no_problems(void **state)
{
	char *problems = NULL;
	assert_int_equal(config_check_file(NULL, &problems), 0);
	assert_string_equal(problems, "");
	free(problems);
	/* Without a problems pointer too. */
	assert_int_equal(config_check_file(NULL, NULL), 0);
}

/* The compiled-in text is data/huifang.conf byte for byte. */
static void test_embedded_is_the_file(void **state)
{
	char *text = slurp(DEFAULT_FILE);
	assert_string_equal(hf_default_config, text);
	free(text);
}

static void test_file_equals_builtins(void **state)
{
	struct hf_config *a = malloc(sizeof *a), *b = malloc(sizeof *b);
	char *problems;
	config_defaults(a);
	memset(b, 0x5a, sizeof *b);
	assert_int_equal(config_load(b, DEFAULT_FILE, &problems), 0);
	assert_string_equal(problems, "");
	free(problems);
	assert_string_equal(b->source, DEFAULT_FILE);
	/* Field by field for the lists (clearer failures), then everything. */
	assert_int_equal(a->noutcomes, b->noutcomes);
	assert_memory_equal(a->outcomes, b->outcomes, sizeof a->outcomes);
	assert_memory_equal(a->curves, b->curves, sizeof a->curves);
	assert_int_equal(a->ntreatments, b->ntreatments);
	assert_memory_equal(a->treatments, b->treatments, sizeof a->treatments);
	assert_memory_equal(a->teams, b->teams, sizeof a->teams);
	assert_memory_equal(a->ui_colors, b->ui_colors, sizeof a->ui_colors);
	memset(a->source, 0, sizeof a->source);
	memset(b->source, 0, sizeof b->source);
	assert_memory_equal(a, b, sizeof *a);
	free(a);
	free(b);
}

/* An empty file changes nothing; comments alone neither. */
static void test_empty_file_keeps_defaults(void **state)
{
	struct hf_config *a = malloc(sizeof *a), *b = malloc(sizeof *b);
	config_defaults(a);
	assert_int_equal(config_load(b, write_temp("# nothing to change\n"), NULL), 0);
	memset(a->source, 0, sizeof a->source);
	memset(b->source, 0, sizeof b->source);
	assert_memory_equal(a, b, sizeof *a);
	free(a);
	free(b);
}

static void test_partial_file_merges(void **state)
{
	struct hf_config *cfg = malloc(sizeof *cfg);
	char *problems;
	const char *file = DATA "good-partial.conf";
	assert_int_equal(config_load(cfg, file, &problems), 0);
	assert_string_equal(problems, "");
	free(problems);
	assert_string_equal(cfg->source, file);
	assert_string_equal(cfg->clinic, "丽人医美门诊部");
	assert_string_equal(cfg->timezone, "Asia/Shanghai"); /* same group, kept */
	assert_true(cfg->work_day[6]);
	assert_false(cfg->work_day[7]);
	/* Sorted, repeats dropped. */
	assert_int_equal(cfg->nholidays, 3);
	assert_int_equal(cfg->holidays[0], D("2025-10-01"));
	assert_int_equal(cfg->holidays[2], D("2025-10-03"));
	assert_int_equal(cfg->open_minute, 8 * 60 + 30);
	assert_int_equal(cfg->close_minute, 24 * 60);
	/* The discharge curve replaced whole; the others kept. */
	const struct hf_curve *c = config_curve(cfg, VISIT_DISCHARGE, NULL);
	assert_int_equal(c->nsteps, 2);
	assert_int_equal(c->steps[0].offset.n, 48);
	assert_int_equal(c->steps[0].offset.unit, DUR_HOURS);
	assert_string_equal(c->steps[0].team, "care");
	assert_string_equal(c->steps[1].script, "discharge");
	assert_int_equal(c->steps[1].offset.unit, DUR_WEEKS);
	assert_int_equal(config_curve(cfg, VISIT_SURGERY, NULL)->nsteps, 5);
	assert_int_equal(cfg->nteams, 6);
	assert_string_equal(config_team(cfg, "care")->name, "出院关怀组");
	assert_int_equal(cfg->contact_cap_days, 2);
	assert_int_equal(cfg->noutcomes, 7);
	assert_int_equal(cfg->ndial, 4);
	assert_string_equal(cfg->dial[0], "/usr/local/bin/sip-dial");
	assert_string_equal(cfg->dial[3], "{phone}");
	assert_string_equal(cfg->ui_colors[UI_COLOR_HEADER][0], "bright-white");
	assert_string_equal(cfg->ui_colors[UI_COLOR_HEADER][1], "magenta");
	assert_string_equal(cfg->ui_colors[UI_COLOR_CURSOR][0], "black"); /* kept */
	assert_int_equal(cfg->nui_keys, 3);
	assert_string_equal(cfg->ui_keys[0][0], "quit");
	assert_string_equal(cfg->ui_keys[0][1], "Q");
	assert_string_equal(cfg->ui_keys[1][1], "F2");
	assert_string_equal(cfg->ui_keys[2][1], "C-f");
	char *text = slurp(file);
	assert_int_equal(cfg->ui_key_lines[0], line_of(text, "quit = "));
	free(text);

	/* The calendar: no Sundays, no National Day. */
	assert_false(config_is_work_day(cfg, D("2025-10-01")));
	assert_false(config_is_work_day(cfg, D("2025-10-03")));
	assert_true(config_is_work_day(cfg, D("2025-10-04")));  /* Saturday */
	assert_false(config_is_work_day(cfg, D("2025-10-05"))); /* Sunday */
	assert_true(config_is_work_day(cfg, D("2025-10-06")));
	assert_false(config_is_work_day(cfg, HF_NO_DATE));
	free(cfg);
}

/* Each file: how many problems, and where each is. */
struct expected {
	int line;
	const char *path, *needle;
};

static const struct bad_file {
	const char *file;
	int nproblems;
	struct expected want[8];
} bad_files[] = {
	{ "bad-duration.conf", 1, { { 6, "curves.surgery.steps[1].offset", "\"3x\" is not a duration" } } },
	{ "hours-reversed.conf", 1, { { 3, "calendar.hours", "opening time 20:00 is not before closing time 09:00" } } },
	{ "unknown-team.conf", 1, { { 9, "curves.discharge.steps[1].team", "unknown team \"nurses\"" } } },
	{ "work-days-8.conf", 1, { { 4, "calendar.work_days[4]", "8 is not a weekday" } } },
	{ "unknown-key.conf", 1, { { 4, "calendar.hourz", "unknown key" } } },
	{ "bad-holiday.conf", 1, { { 6, "calendar.holidays[2]", "\"2025-02-30\" is not a date" } } },
	{ "wrong-type.conf", 1, { { 2, "contact_cap_days", "expected an integer, not a string" } } },
	{ "syntax-error.conf", 1, { { 3, NULL, "syntax error" } } },
	{ "negative-window.conf", 1, { { 7, "curves.course.steps[1].window", "-1 is out of range (0 to 366)" } } },
	{ "missing-outcome.conf", 1, { { 2, "outcomes", "standard outcome \"complaint\" is missing" } } },
	{ "dropped-team.conf", 1, { { 2, "teams", "team \"postop\" is not defined but curves.surgery.steps[1] and 10 more use it" } } },
	{ "many-errors.conf", 8, {
		{ 3, "calendar.work_days[1]", "0 is not a weekday" },
		{ 4, "calendar.hours[1]", "\"9:00\" is not a time" },
		{ 6, "contact_cap_days", "99 is out of range (0 to 30)" },
		{ 8, "escalation.complaint_sla", "give hours, days or weeks" },
		{ 9, "escalation.risk_sla", "must be more than 0" },
		{ 12, "release.reactivation_team", "unknown team \"sales\"" },
		{ 13, "release.birthday_calls", "expected true or false, not an integer" },
		{ 17, "console.colour", "unknown key" },
	} },
};

static void test_bad_files(void **state)
{
	struct hf_config *cfg = malloc(sizeof *cfg), *defaults = malloc(sizeof *defaults);
	config_defaults(defaults);
	for (size_t i = 0; i < COUNT(bad_files); i++) {
		const struct bad_file *b = &bad_files[i];
		char file[256], *problems;
		snprintf(file, sizeof file, DATA "%s", b->file);
		memset(cfg, 0x5a, sizeof *cfg);
		int n = config_load(cfg, file, &problems);
		if (n != b->nproblems || count_lines(problems) != n)
			fail_msg("%s: %d problems expected, got %d:\n%s", b->file, b->nproblems, n, problems);
		for (int j = 0; j < b->nproblems; j++)
			expect_problem(problems, file, b->want[j].line, b->want[j].path, b->want[j].needle);
		free(problems);
		/* A rejected file leaves the built-ins in place. */
		assert_memory_equal(cfg, defaults, sizeof *cfg);
	}
	free(cfg);
	free(defaults);
}

/* The problems come in the file's order, even when found late (team references). */
static void test_problems_in_line_order(void **state)
{
	char *problems;
	assert_int_equal(config_check_file(DATA "many-errors.conf", &problems), 8);
	int last = 0;
	for (const char *p = problems; *p; p = strchr(p, '\n') + 1) {
		const char *colon = strchr(p, ':');
		int line = atoi(colon + 1);
		assert_true(line >= last);
		last = line;
	}
	free(problems);
}

/* Mutations of the default file: replace `find` (first occurrence) with `repl`; the problem is
 * at the line of `anchor` (default: find) plus delta. */
static const struct mutation {
	const char *find, *repl, *anchor;
	int delta;
	const char *path, *needle;
} mutations[] = {
	{ "retry = \"\";", "retry = \"1h\";", NULL, 0, "outcomes[1].retry", "cannot retry" },
	{ "code = \"busy\";", "code = \"no_answer\";", NULL, 0, "outcomes[3].code", "\"no_answer\" is listed twice" },
	{ "escalate = \"high\";", "escalate = \"severe\";", NULL, 0, "outcomes[7].escalate", "unknown severity \"severe\"" },
	{ "max_attempts = 3;", "max_attempts = 21;", NULL, 0, "outcomes[2].max_attempts", "21 is out of range (0 to 20)" },
	{ "    flags_phone = true;\n", "    flags_phone = true;\n    flag_phone = true;\n", NULL, 1, "outcomes[5].flag_phone", "unknown key" },
	{ "    needs_next = true;\n", "", "{ # the customer asked to be called", 0, "outcomes[4]", "missing key \"needs_next\"" },
	{ "offset = \"+3m\";", "offset = \"+2w\";", NULL, 0, "curves.surgery.steps[5].offset", "+2w does not come after the step before it (+1m)" },
	{ "offset = \"+1d\";", "offset = \"-1d\";", NULL, 0, "curves.surgery.steps[1].offset", "only injection curves count backwards" },
	{ "offset = \"+1d\";", "offset = \"+36h\";", NULL, 0, "curves.surgery.steps[1].offset", "whole days" },
	{ "offset = \"+1d\";", "offset = 1;", NULL, 0, "curves.surgery.steps[1].offset", "expected a string, not an integer" },
	{ "        priority = 90;\n", "", "{ # day 1: bleeding", 0, "curves.surgery.steps[1]", "missing key \"priority\"" },
	{ "team = \"postop\";", "team = \"Post Op\";", NULL, 0, "curves.surgery.steps[1].team", "not a valid code" },
	{ "repeat_days = 7;", "repeat_days = 0;", NULL, 0, "curves.consult.repeat_days", "repeat_max is 2 but repeat_days is 0" },
	{ "offset = \"+1d\";\n        window = 1;\n        script = \"eyelid.d1\";",
	  "offset = \"-1d\";\n        window = 1;\n        script = \"eyelid.d1\";", NULL, 0,
	  "treatments[1].curve[1].offset", "needs the treatment's `effect`" },
	{ "effect = \"4m\";", "effect = \"4h\";", NULL, 0, "treatments[8].effect", "positive number of days" },
	{ "name = \"双眼皮\";", "name = \"隆鼻\";", "{ # rhinoplasty", 1, "treatments[2].name", "\"隆鼻\" is listed twice" },
	{ "code = \"consult\";", "code = \"postop\";", NULL, 0, "teams[2].code", "team \"postop\" is listed twice" },
	{ "timezone = \"Asia/Shanghai\";", "timezone = \"../etc/passwd\";", NULL, 0, "clinic.timezone", "not a time zone" },
	{ "name = \"悦颜医疗美容诊所\";", "name = \"\";", NULL, 0, "clinic.name", "must not be empty" },
	{ "name = \"悦颜医疗美容诊所\";", "name = \"悦颜\\t诊所\";", NULL, 0, "clinic.name", "control character U+0009" },
	{ "name = \"悦颜医疗美容诊所\";", "name = \"悦颜\xe2\x80\xae诊所\";", NULL, 0, "clinic.name", "control character U+202E" },
	{ "name = \"悦颜医疗美容诊所\";", "name = \"悦颜\xc2\x85诊所\";", NULL, 0, "clinic.name", "control character U+0085" },
	{ "work_days = [1, 2, 3, 4, 5, 6, 7];", "work_days = [];", NULL, 0, "calendar.work_days", "at least one working day" },
	{ "work_days = [1, 2, 3, 4, 5, 6, 7];", "work_days = 1;", NULL, 0, "calendar.work_days", "expected a list [ ], not an integer" },
	{ "hours = [\"09:00\", \"20:00\"];", "hours = [\"09:00\"];", NULL, 0, "calendar.hours", "needs two times" },
	{ "holidays = [];", "holidays = [\"2025-1-1\"];", NULL, 0, "calendar.holidays[1]", "not a date" },
	{ "low_score = 2;", "low_score = 2.5;", NULL, 0, "escalation.low_score", "expected an integer, not a decimal number" },
	{ "complaint_sla = \"24h\";", "complaint_sla = \"24\";", NULL, 0, "escalation.complaint_sla", "\"24\" is not a duration" },
	{ "risk_words = [", "risk_words = [42, ", NULL, 0, NULL, "mismatched element type" },
	{ "complaint_categories = [\"效果不满意\", \"服务态度\", \"价格/退费\", \"术后并发症\", \"其他\"];",
	  "complaint_categories = [];", NULL, 0, "escalation.complaint_categories", "must not be empty" },
	{ "contact_cap_days = 1;", "contact_cap_days = 31;", NULL, 0, "contact_cap_days", "31 is out of range (0 to 30)" },
	{ "winback_months = 12;", "winback_months = 6;", NULL, 0, "release.winback_months", "must be more than dormant_months (6)" },
	{ "winback_team = \"service\";", "winback_team = \"sales\";", NULL, 0, "release.winback_team", "unknown team \"sales\"" },
	{ "lease_minutes = 15;", "lease_minutes = 0;", NULL, 0, "console.lease_minutes", "0 is out of range (1 to 240)" },
	{ "dial = [];", "dial = [\"sip-dial\", \"{phone}\"];", NULL, 0, "console.dial[1]", "absolute path" },
	{ "dial = [];", "dial = [\"/usr/bin/sip-dial\"];", NULL, 0, "console.dial", "no argument contains {phone}" },
	{ "header = [\"white\", \"blue\"];", "header = [\"white\", \"navy\"];", NULL, 0, "ui.colors.header[2]", "\"navy\" is not a colour" },
	{ "header = [\"white\", \"blue\"];", "heading = [\"white\", \"blue\"];", NULL, 0, "ui.colors.heading", "unknown key" },
	{ "keys = {};", "keys = { quit = \"Ctrl-Q\"; };", NULL, 0, "ui.keys.quit", "\"Ctrl-Q\" is not a key" },
	{ "keys = {};", "keys = { quit = \"F13\"; };", NULL, 0, "ui.keys.quit", "\"F13\" is not a key" },
	{ "contact_cap_days = 1;", "contact_cap_days = 1;\n@include \"/etc/passwd\"", NULL, 1, NULL, "@include is not allowed" },
	{ "ui = {", "gui = {", NULL, 0, "gui", "unknown key" },
	/* A value with a line break is echoed on one line. */
	{ "effect = \"4m\";", "effect = \"4\nm\";", NULL, 0, "treatments[8].effect", "\"4 m\" is not a duration" },
};

static void test_mutations(void **state)
{
	char *base = slurp(DEFAULT_FILE);
	for (size_t i = 0; i < COUNT(mutations); i++) {
		const struct mutation *m = &mutations[i];
		const char *at = strstr(base, m->find);
		if (!at)
			fail_msg("mutation %zu: \"%s\" not in the default file", i, m->find);
		int line = line_of(base, m->anchor ? m->anchor : m->find) + m->delta;
		struct sbuf text;
		sbuf_init(&text);
		sbuf_addn(&text, base, (size_t)(at - base));
		sbuf_add(&text, m->repl);
		sbuf_add(&text, at + strlen(m->find));
		const char *file = write_temp(text.s);
		sbuf_free(&text);
		char *problems;
		int n = config_check_file(file, &problems);
		if (n != 1)
			fail_msg("mutation %zu (%s): 1 problem expected, got %d:\n%s", i, m->repl, n, problems);
		expect_problem(problems, file, line, m->path, m->needle);
		free(problems);
	}
	free(base);
}

/* A clinic may add outcomes and drop a team nothing uses. */
static void test_custom_outcome_and_teams(void **state)
{
	char *base = slurp(DEFAULT_FILE);
	const char *end = strstr(base, "\n);\n\n# Escalations");
	assert_non_null(end);
	struct sbuf text;
	sbuf_init(&text);
	sbuf_addn(&text, base, (size_t)(end - base));
	sbuf_add(&text, ",\n  { code = \"sms_sent\"; label = \"Sent a message\"; ends_task = true; retry = \"\";"
	                " max_attempts = 0; asks_score = false; needs_next = false; escalate = \"normal\";"
	                " cancels_future = false; flags_phone = false; }");
	sbuf_add(&text, end);
	struct hf_config *cfg = malloc(sizeof *cfg);
	char *problems;
	int n = config_load(cfg, write_temp(text.s), &problems);
	if (n)
		fail_msg("%s", problems);
	free(problems);
	assert_int_equal(cfg->noutcomes, 8);
	assert_string_equal(cfg->outcomes[7].code, "sms_sent");
	assert_int_equal(config_outcome(cfg, "sms_sent")->escalate, SEV_NORMAL);
	sbuf_free(&text);
	free(base);
	free(cfg);
}

/* Lists of groups (treatments, outcomes, teams) share one reader: each of its refusals names
 * the list or the entry, at its line. Each file has exactly one problem. */
static void test_group_lists(void **state)
{
	/* More entries than a list holds: one more than the most of each. */
	struct sbuf many_teams, many_outcomes, many_treatments;
	sbuf_init(&many_teams);
	sbuf_init(&many_outcomes);
	sbuf_init(&many_treatments);
	sbuf_add(&many_teams, "# too many\nteams = (");
	for (int i = 0; i <= HF_MAX_TEAMS; i++)
		sbuf_printf(&many_teams, "%s\n  { code = \"t%d\"; name = \"Team %d\"; }", i ? "," : "", i, i);
	sbuf_add(&many_teams, "\n);\n");
	sbuf_add(&many_outcomes, "\n\noutcomes = (");
	for (int i = 0; i <= HF_MAX_OUTCOMES; i++)
		sbuf_printf(&many_outcomes, "%s\n  { code = \"o%d\"; label = \"O\"; ends_task = true; retry = \"\";"
		            " max_attempts = 0; asks_score = false; needs_next = false; escalate = \"\";"
		            " cancels_future = false; flags_phone = false; }", i ? "," : "", i);
	sbuf_add(&many_outcomes, "\n);\n");
	sbuf_add(&many_treatments, "treatments = (");
	for (int i = 0; i <= HF_MAX_TREATMENTS; i++)
		sbuf_printf(&many_treatments, "%s{ name = \"项目%d\"; }", i ? ", " : "", i);
	sbuf_add(&many_treatments, ");\n");

	const struct {
		const char *text;
		int line;
		const char *path, *needle;
	} cases[] = {
		{ many_teams.s, 2, "teams", "too many teams (at most 16)" },
		{ many_outcomes.s, 3, "outcomes", "too many outcomes (at most 16)" },
		{ many_treatments.s, 1, "treatments", "too many treatments (at most 64)" },
		{ "\nteams = ();\n", 2, "teams", "needs at least one team" },
		{ "teams = [];\n", 1, "teams", "needs at least one team" },
		{ "outcomes = 5;\n", 1, "outcomes", "expected a list ( ), not an integer" },
		{ "treatments = [\"隆鼻\"];\n", 1, "treatments", "expected a list ( ), not a list [ ]" },
		/* libconfig dates a scalar in a list by the token after it: keep that on its line. */
		{ "teams = (\n  { code = \"postop\"; name = \"术后\"; },\n  \"service\");\n", 3, "teams[2]",
		  "expected a group { }, not a string" },
		{ "teams = (\n  { code = \"postop\"; name = \"术后\"; },\n  { code = \"service\"; }\n);\n", 3,
		  "teams[2]", "missing key \"name\"" },
		{ "treatments = (\n  { name = \"隆鼻\";\n    colour = \"red\"; }\n);\n", 3,
		  "treatments[1].colour", "unknown key" },
	};
	for (size_t i = 0; i < COUNT(cases); i++) {
		const char *file = write_temp(cases[i].text);
		char *problems;
		int n = config_check_file(file, &problems);
		if (n != 1)
			fail_msg("case %zu: 1 problem expected, got %d:\n%s", i, n, problems);
		expect_problem(problems, file, cases[i].line, cases[i].path, cases[i].needle);
		free(problems);
	}
	sbuf_free(&many_teams);
	sbuf_free(&many_outcomes);
	sbuf_free(&many_treatments);

	/* An empty list of treatments is allowed; an entry whose problem drops it leaves nothing
	 * behind for the entry after it. */
	struct hf_config *cfg = malloc(sizeof *cfg);
	char *problems;
	assert_int_equal(config_load(cfg, write_temp("treatments = ();\n"), &problems), 0);
	free(problems);
	assert_int_equal(cfg->ntreatments, 0);
	assert_null(config_treatment(cfg, "隆鼻"));
	const char *dropped = "treatments = (\n"
	                      "  { name = \"隆鼻\"; curve = ( { offset = \"-1d\"; window = 1;"
	                      " script = \"eyelid.d1\"; team = \"postop\"; priority = 1; } ); },\n"
	                      "  { name = \"吸脂\"; }\n);\n";
	assert_int_equal(config_check_file(write_temp(dropped), &problems), 1);
	expect_problem(problems, tmp_path, 2, "treatments[1].curve[1].offset", "needs the treatment's `effect`");
	free(problems);
	free(cfg);
}

/* Integers are checked as written: libconfig 1.5 wraps a literal that does not fit in an int
 * (4294967296 reads as 0), so a wrapped literal must be refused naming what was written. */
static void test_integers_as_written(void **state)
{
	(void)state;
	static const struct {
		const char *text;
		int line;
		const char *path, *needle;     /* needle NULL: accepted */
	} cases[] = {
		{ "console = {\n  idle_lock_minutes = 4294967296;\n};\n", 2,
		  "console.idle_lock_minutes", "4294967296 is out of range (0 to 1440)" },
		{ "console = { idle_lock_minutes = 4294967306; };\n", 1,
		  "console.idle_lock_minutes", "4294967306 is out of range (0 to 1440)" },
		{ "console = { idle_lock_minutes = 0x100000000; };\n", 1,
		  "console.idle_lock_minutes", "0x100000000 is out of range (0 to 1440)" },
		{ "console = { idle_lock_minutes = 99999999999999999999; };\n", 1,
		  "console.idle_lock_minutes", "99999999999999999999 is out of range (0 to 1440)" },
		{ "console = { idle_lock_minutes = -4294967286; };\n", 1,
		  "console.idle_lock_minutes", "-4294967286 is out of range (0 to 1440)" },
		{ "console = { idle_lock_minutes = 4294967306L; };\n", 1,
		  "console.idle_lock_minutes", "4294967306 is out of range (0 to 1440)" },
		{ "console = { lease_minutes = 20; idle_lock_minutes = 4294967296; };\n", 1,
		  "console.idle_lock_minutes", "4294967296 is out of range (0 to 1440)" },
		{ "contact_cap_days = 4294967303; # 7 when wrapped\n", 1,
		  "contact_cap_days", "4294967303 is out of range (0 to 30)" },
		{ "calendar = { work_days = [1, 2, 4294967297]; };\n", 1,
		  "calendar.work_days[3]", "4294967297 is not a weekday" },
		{ "value = { recency = [30, 4294967386,\n  180]; };\n", 1,
		  "value.recency[2]", "4294967386 is out of range (0 to 3660)" },
		/* Accepted: in range, however written. */
		{ "console = { idle_lock_minutes = 0x10; };\n", 0, NULL, NULL },
		{ "console = { idle_lock_minutes = 30L; lease_minutes = +20; };\n", 0, NULL, NULL },
		{ "calendar = { work_days = [1,\n  2, 3]; };\n", 0, NULL, NULL },
		{ "# 4294967296 in a comment\nconsole = { idle_lock_minutes = 5; };\n", 0, NULL, NULL },
	};
	for (size_t i = 0; i < COUNT(cases); i++) {
		const char *file = write_temp(cases[i].text);
		char *problems;
		int n = config_check_file(file, &problems);
		if (n != (cases[i].needle ? 1 : 0))
			fail_msg("case %zu: %d problems:\n%s", i, n, problems);
		if (cases[i].needle)
			expect_problem(problems, file, cases[i].line, cases[i].path, cases[i].needle);
		free(problems);
	}
}

static void test_unreadable(void **state)
{
	struct hf_config *cfg = malloc(sizeof *cfg);
	char *problems;
	assert_int_equal(config_load(cfg, "/nonexistent/huifang.conf", &problems), 1);
	assert_string_equal(problems, "/nonexistent/huifang.conf: cannot read: No such file or directory\n");
	free(problems);
	assert_string_equal(cfg->source, "(built-in)");
	assert_int_equal(config_load(cfg, "/tmp", &problems), 1);
	assert_non_null(strstr(problems, "/tmp: cannot read: "));
	free(problems);
	static const char nul[] = "contact_cap_days = 1;\0junk\n";
	FILE *f = fopen(write_temp(""), "w");
	fwrite(nul, 1, sizeof nul - 1, f);
	fclose(f);
	assert_int_equal(config_load(cfg, tmp_path, &problems), 1);
	assert_non_null(strstr(problems, "NUL"));
	free(problems);
	free(cfg);
}

static void test_locate(void **state)
{
	unsetenv("HUIFANG_CONFIG");
	assert_string_equal(config_locate("my.conf"), "my.conf");
	const char *sys = config_locate(NULL);
	if (access("/etc/huifang/huifang.conf", F_OK) == 0)
		assert_string_equal(sys, "/etc/huifang/huifang.conf");
	else
		assert_null(sys);
	setenv("HUIFANG_CONFIG", "/srv/clinic.conf", 1);
	assert_string_equal(config_locate(NULL), "/srv/clinic.conf");
	assert_string_equal(config_locate("my.conf"), "my.conf");
	setenv("HUIFANG_CONFIG", "", 1);
	assert_true(config_locate(NULL) == sys || (sys && strcmp(config_locate(NULL), sys) == 0));
	unsetenv("HUIFANG_CONFIG");
}

static void test_lookups(void **state)
{
	struct hf_config *cfg = malloc(sizeof *cfg);
	config_defaults(cfg);
	assert_ptr_equal(config_curve(cfg, VISIT_SURGERY, NULL), &cfg->curves[VISIT_SURGERY]);
	assert_ptr_equal(config_curve(cfg, VISIT_SURGERY, ""), &cfg->curves[VISIT_SURGERY]);
	assert_ptr_equal(config_curve(cfg, VISIT_SURGERY, "隆鼻"), &cfg->curves[VISIT_SURGERY]);
	assert_ptr_equal(config_curve(cfg, VISIT_SURGERY, "未知项目"), &cfg->curves[VISIT_SURGERY]);
	assert_ptr_equal(config_curve(cfg, VISIT_SURGERY, "双眼皮"), &config_treatment(cfg, "双眼皮")->curve);
	assert_ptr_equal(config_curve(cfg, VISIT_INJECTION, "玻尿酸"), &cfg->curves[VISIT_INJECTION]);
	assert_null(config_curve(cfg, VISIT_NONE, NULL));
	assert_null(config_curve(cfg, VISIT__COUNT, NULL));
	assert_null(config_treatment(cfg, NULL));
	assert_null(config_outcome(cfg, NULL));
	assert_null(config_team(cfg, ""));
	/* Every day works by default. */
	for (int i = 0; i < 7; i++)
		assert_true(config_is_work_day(cfg, D("2025-06-02") + i));
	free(cfg);
}

static void test_color_numbers(void **state)
{
	assert_int_equal(config_color_number("default"), -1);
	assert_int_equal(config_color_number("black"), 0);
	assert_int_equal(config_color_number("red"), 1);
	assert_int_equal(config_color_number("white"), 7);
	assert_int_equal(config_color_number("bright-black"), 8);
	assert_int_equal(config_color_number("bright-white"), 15);
	assert_int_equal(config_color_number("bright-default"), -2);
	assert_int_equal(config_color_number("navy"), -2);
	assert_int_equal(config_color_number(""), -2);
	assert_int_equal(config_color_number(NULL), -2);
}

int main(void)
{
	setlocale(LC_ALL, "");
	/* Paths are relative to the source tree. */
	if (access(DEFAULT_FILE, R_OK) != 0 && getenv("HF_SRCDIR") && chdir(getenv("HF_SRCDIR")) != 0)
		return 1;
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_defaults_values),
		cmocka_unit_test(test_builtins_have_no_problems),
		cmocka_unit_test(test_embedded_is_the_file),
		cmocka_unit_test(test_file_equals_builtins),
		cmocka_unit_test(test_empty_file_keeps_defaults),
		cmocka_unit_test(test_partial_file_merges),
		cmocka_unit_test(test_bad_files),
		cmocka_unit_test(test_problems_in_line_order),
		cmocka_unit_test(test_mutations),
		cmocka_unit_test(test_custom_outcome_and_teams),
		cmocka_unit_test(test_group_lists),
		cmocka_unit_test(test_integers_as_written),
		cmocka_unit_test(test_unreadable),
		cmocka_unit_test(test_locate),
		cmocka_unit_test(test_lookups),
		cmocka_unit_test(test_color_numbers),
	};
	int failed = cmocka_run_group_tests(tests, NULL, NULL);
	if (tmp_path[0])
		unlink(tmp_path);
	return failed;
}
