/* main.c — locale, global flags, then hand off to a subcommand or the console. */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "huifang/cli.h"
#include "huifang/i18n.h"
#include "huifang/str.h"
#include "huifang/console.h"
#include "huifang/utf8.h"

#if defined(__SANITIZE_ADDRESS__)
#include <sys/auxv.h>
/* Only in a sanitizer build (make asan): run setgid, the process cannot read its own
 * /proc/self/environ, so ASAN_OPTIONS does not reach the sanitizer, and LeakSanitizer, which
 * cannot stop a setgid process's threads, ends it with a fatal error. Leaks are looked for in
 * the runs that are not setgid; memory errors are caught in both. */
const char *__asan_default_options(void);
const char *__asan_default_options(void)
{
	return getauxval(AT_SECURE) ? "detect_leaks=0" : "";
}
#endif

static void usage(FILE *f)
{
	fprintf(f, "%s\n\n", _("huifang — the follow-up call console for aesthetic clinics"));
	fprintf(f, "%s\n", _("usage: huifang [-c FILE] [-d FILE] [COMMAND [ARGS]]"));
	fprintf(f, "%s\n\n", _("Without a command on a terminal, huifang opens the console."));
	fprintf(f, "%s\n", _("Commands:"));
	for (const struct command *const *c = cli_commands; *c; c++)
		fprintf(f, "  %-58s %s\n", (*c)->usage, _((*c)->summary));
	fprintf(f, "\n%s\n", _("Global options:"));
	fprintf(f, "  %-24s %s\n", "-c, --config FILE", _("rules and settings (else $HUIFANG_CONFIG, /etc/huifang/huifang.conf, built-ins)"));
	fprintf(f, "  %-24s %s\n", "-d, --db FILE", _("database (else $HUIFANG_DB, /var/lib/huifang/huifang.db)"));
	fprintf(f, "  %-24s %s\n", "-h, --help", _("this help"));
	fprintf(f, "  %-24s %s\n", "-V, --version", _("version"));
	fprintf(f, "\n%s\n", _("Exit status: 0 done, 1 failed, 2 bad usage or input, 3 not permitted."));
	fprintf(f, "%s\n", _("See huifang(1)."));
}

/* An error is one line, whatever the input it repeats held (newlines, escapes). */
static void report(const char *err)
{
	char *line = utf8_clean(err, false);
	fprintf(stderr, "huifang: %s\n", line);
	free(line);
}

/* Does argv[i..] start with the words of command c ("add customer")? Returns words used. */
static int match(const struct command *c, int argc, char **argv, int i)
{
	const char *p = c->name;
	int used = 0;
	while (*p) {
		const char *sp = strchr(p, ' ');
		size_t n = sp ? (size_t)(sp - p) : strlen(p);
		if (i + used >= argc || strlen(argv[i + used]) != n || strncmp(argv[i + used], p, n) != 0)
			return 0;
		used++;
		p += n;
		while (*p == ' ')
			p++;
	}
	return used;
}

/* The first word of a group of commands ("add", "user", "escalation"): with --help its
 * commands on stdout; alone, which ones there are, on stderr (2). Anything else is unknown. */
static int group_help(int argc, char **argv, int i)
{
	size_t n = strlen(argv[i]);
	bool help = i + 1 < argc && (!strcmp(argv[i + 1], "--help") || !strcmp(argv[i + 1], "-h"));
	FILE *f = help ? stdout : stderr;
	int found = 0;
	for (const struct command *const *c = cli_commands; *c; c++) {
		if (strncmp((*c)->name, argv[i], n) != 0 || (*c)->name[n] != ' ')
			continue;
		if (found++ == 0 && !help)
			fprintf(f, "huifang: %s: %s\n", argv[i], _("which one?"));
		fprintf(f, "  huifang %-56s %s\n", (*c)->usage, _((*c)->summary));
	}
	if (!found) {
		fprintf(stderr, "huifang: %s: %s\n", argv[i], _("unknown command; see huifang --help"));
		return HF_EUSAGE;
	}
	return help ? HF_OK : HF_EUSAGE;
}

int main(int argc, char **argv)
{
	/* The database and its -wal/-shm are shared by the huifang group and nobody else. */
	umask(007);
	setlocale(LC_ALL, "");
	i18n_init();
	struct cli cli;
	memset(&cli, 0, sizeof cli);

	int i = 1;
	for (; i < argc && argv[i][0] == '-'; i++) {
		const char *a = argv[i];
		const char **target = NULL;
		if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
			usage(stdout);
			return HF_OK;
		} else if (!strcmp(a, "-V") || !strcmp(a, "--version")) {
			printf("huifang %s\n", HF_VERSION);
			return HF_OK;
		} else if (!strcmp(a, "--complete")) {
			int rc = cli_complete(&cli, argc - i - 1, argv + i + 1);
			cli_finish(&cli);
			return rc;
		} else if (!strcmp(a, "-c") || !strcmp(a, "--config")) {
			target = &cli.config;
		} else if (!strcmp(a, "-d") || !strcmp(a, "--db")) {
			target = &cli.db;
		} else if (!strncmp(a, "--config=", 9)) {
			cli.config = a + 9;
			continue;
		} else if (!strncmp(a, "--db=", 5)) {
			cli.db = a + 5;
			continue;
		} else {
			fprintf(stderr, "huifang: %s: %s\n", a, _("unknown option; see huifang --help"));
			return HF_EUSAGE;
		}
		if (i + 1 >= argc || str_empty(argv[i + 1])) {
			fprintf(stderr, "huifang: %s %s\n", a, _("needs a file name"));
			return HF_EUSAGE;
		}
		*target = argv[++i];
	}

	if (i >= argc) {
		if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
			fprintf(stderr, "huifang: %s\n",
			        _("the console needs a terminal; see huifang --help for commands"));
			return HF_EUSAGE;
		}
		if (!console_terminal_ok(cli.err, sizeof cli.err)) {
			report(cli.err);
			return HF_EUSAGE;
		}
		int rc = cli_setup(&cli, true, ROLE_OPERATOR);
		if (rc == HF_OK)
			rc = console_main(&cli.ctx, cli.err, sizeof cli.err);
		if (rc != HF_OK && cli.err[0])
			report(cli.err);
		cli_finish(&cli);
		return rc;
	}

	const struct command *best = NULL;
	int best_words = 0;
	for (const struct command *const *c = cli_commands; *c; c++) {
		int w = match(*c, argc, argv, i);
		if (w > best_words) {
			best = *c;
			best_words = w;
		}
	}
	if (!best)
		return group_help(argc, argv, i);
	int sub_argc = argc - i - best_words + 1;
	char **sub_argv = argv + i + best_words - 1;
	for (int k = 1; k < sub_argc; k++) {
		if (!strcmp(sub_argv[k], "--help") || !strcmp(sub_argv[k], "-h")) {
			cli_command_help(best, stdout);
			return HF_OK;
		}
	}
	int rc = best->run(&cli, sub_argc, sub_argv);
	if (rc != HF_OK && cli.err[0])
		report(cli.err);
	cli_finish(&cli);
	return rc;
}
