/* fuzz_config.c — libFuzzer harness for config_load: any file either loads or is explained, line by line. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "huifang/config.h"
#include "huifang/utf8.h"

#define CHECK(c) \
	do { \
		if (!(c)) { \
			fprintf(stderr, "%s:%d: invariant broken: %s\n", __FILE__, __LINE__, #c); \
			__builtin_trap(); \
		} \
	} while (0)

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The built-in config, read once and only compared against. */
static struct hf_config *defaults;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc, (void)argv;
	defaults = malloc(sizeof *defaults);
	config_defaults(defaults);
	return 0;
}

/* A text field holds a NUL within its size and valid UTF-8. */
#define CHECK_TEXT(field) \
	CHECK(memchr((field), '\0', sizeof(field)) != NULL && utf8_valid((field), strlen(field)))

static bool is_code(const char *s)
{
	if (!*s)
		return false;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '_' || *s == '-' ||
		      *s == '.'))
			return false;
	return true;
}

static bool has_team(const struct hf_config *cfg, const char *code)
{
	return config_team(cfg, code) != NULL;
}

static void check_curve(const struct hf_config *cfg, const struct hf_curve *c)
{
	CHECK(c->nsteps >= 0 && c->nsteps <= HF_MAX_STEPS);
	CHECK(c->repeat_days >= 0 && c->repeat_max >= 0);
	for (int i = 0; i < c->nsteps; i++) {
		const struct hf_step *s = &c->steps[i];
		CHECK(s->window_days >= 0);
		CHECK_TEXT(s->script);
		CHECK_TEXT(s->team);
		CHECK(has_team(cfg, s->team));
	}
}

/* What a loaded config promises the rest of the program. */
static void check_valid(const struct hf_config *cfg, const char *path)
{
	CHECK(strcmp(cfg->source, path) == 0);
	CHECK_TEXT(cfg->clinic);
	CHECK_TEXT(cfg->timezone);
	bool any_work_day = false;
	for (int d = 1; d <= 7; d++)
		any_work_day |= cfg->work_day[d];
	CHECK(any_work_day);
	CHECK(cfg->nholidays >= 0 && cfg->nholidays <= HF_MAX_HOLIDAYS);
	for (int i = 1; i < cfg->nholidays; i++)
		CHECK(cfg->holidays[i - 1] < cfg->holidays[i]);
	CHECK(cfg->open_minute >= 0 && cfg->open_minute < cfg->close_minute &&
	      cfg->close_minute <= 1440);
	for (int k = 0; k < VISIT__COUNT; k++)
		check_curve(cfg, &cfg->curves[k]);
	CHECK(cfg->ntreatments >= 0 && cfg->ntreatments <= HF_MAX_TREATMENTS);
	for (int i = 0; i < cfg->ntreatments; i++) {
		const struct hf_treatment *t = &cfg->treatments[i];
		CHECK_TEXT(t->name);
		CHECK(t->name[0] != '\0');
		CHECK(config_treatment(cfg, t->name) == t); /* names are unique */
		if (t->has_curve)
			check_curve(cfg, &t->curve);
		if (t->has_effect)
			CHECK(t->effect.n > 0 && t->effect.unit != DUR_HOURS);
	}
	CHECK(cfg->noutcomes > 0 && cfg->noutcomes <= HF_MAX_OUTCOMES);
	for (int i = 0; i < cfg->noutcomes; i++) {
		const struct hf_outcome *o = &cfg->outcomes[i];
		CHECK_TEXT(o->code);
		CHECK(is_code(o->code));
		CHECK(config_outcome(cfg, o->code) == o);
		CHECK_TEXT(o->label);
		CHECK(o->retry_minutes >= 0 && o->max_attempts >= 0);
		CHECK(o->escalate >= SEV_NONE && o->escalate < SEV__COUNT);
	}
	static const char *const standard[] = { "reached", "no_answer", "busy", "callback",
		                                    "wrong_number", "refused", "complaint" };
	for (size_t i = 0; i < sizeof standard / sizeof standard[0]; i++)
		CHECK(config_outcome(cfg, standard[i]) != NULL);
	CHECK(cfg->nteams > 0 && cfg->nteams <= HF_MAX_TEAMS);
	for (int i = 0; i < cfg->nteams; i++) {
		CHECK_TEXT(cfg->teams[i].code);
		CHECK_TEXT(cfg->teams[i].name);
		CHECK(config_team(cfg, cfg->teams[i].code) == &cfg->teams[i]);
	}
	CHECK(cfg->complaint_sla_hours > 0 && cfg->low_score_sla_hours > 0 &&
	      cfg->score_drop_sla_hours > 0 && cfg->risk_sla_hours > 0 &&
	      cfg->missed_postop_sla_hours > 0);
	CHECK(cfg->nrisk_words >= 0 && cfg->nrisk_words <= HF_MAX_RISK_WORDS);
	for (int i = 0; i < cfg->nrisk_words; i++) {
		CHECK_TEXT(cfg->risk_words[i]);
		CHECK(cfg->risk_words[i][0] != '\0');
	}
	CHECK(cfg->ncomplaint_categories >= 0 && cfg->ncomplaint_categories <= 8);
	CHECK(cfg->contact_cap_days >= 0);
	CHECK(cfg->ndial >= 0 && cfg->ndial <= HF_MAX_ARGV);
	CHECK(cfg->nui_keys >= 0 && cfg->nui_keys <= HF_MAX_UI_KEYS);
	for (int i = 0; i < UI_COLOR__COUNT; i++)
		for (int j = 0; j < 2; j++)
			CHECK(cfg->ui_colors[i][j][0] == '\0' || config_color_number(cfg->ui_colors[i][j]) != -2);
}

/* "PATH:LINE: " with LINE a positive number. */
static bool located(const char *line, const char *path)
{
	size_t pl = strlen(path);
	if (strncmp(line, path, pl) != 0 || line[pl] != ':')
		return false;
	const char *p = line + pl + 1;
	if (*p < '1' || *p > '9')
		return false;
	while (*p >= '0' && *p <= '9')
		p++;
	return p[0] == ':' && p[1] == ' ';
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* A memory file per run: nothing on disk, nothing left between runs. */
	int fd = memfd_create("huifang-fuzz.conf", MFD_CLOEXEC);
	if (fd < 0)
		return 0;
	size_t done = 0;
	while (done < size) {
		ssize_t w = write(fd, data + done, size - done);
		if (w <= 0) {
			close(fd);
			return 0;
		}
		done += (size_t)w;
	}
	char path[64];
	snprintf(path, sizeof path, "/proc/self/fd/%d", fd);

	struct hf_config *cfg = malloc(sizeof *cfg);
	char *problems = (char *)"unset";
	int n = config_load(cfg, path, &problems);
	CHECK(problems != NULL);
	CHECK(n >= 0);
	CHECK((n > 0) == (problems[0] != '\0'));

	/* One problem a line, each placed at its line in the file. A file that is not text at
	 * all (a NUL byte) is a problem of the whole file, which has no line. */
	bool binary = memchr(data, '\0', size) != NULL;
	int lines = 0;
	for (char *p = problems; *p; lines++) {
		char *nl = strchr(p, '\n');
		CHECK(nl != NULL);
		*nl = '\0';
		if (binary)
			CHECK(strncmp(p, path, strlen(path)) == 0 && p[strlen(path)] == ':');
		else
			CHECK(located(p, path));
		CHECK(utf8_valid(p, strlen(p)));
		p = nl + 1;
	}
	CHECK(lines == n);

	if (n == 0) {
		check_valid(cfg, path);
	} else {
		CHECK(memcmp(cfg, defaults, sizeof *cfg) == 0); /* a bad file leaves the built-ins */
	}
	free(problems);
	free(cfg);
	close(fd);
	return 0;
}
