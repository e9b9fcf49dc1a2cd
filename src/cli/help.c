/* help.c — `huifang COMMAND --help`: what each option of a command means, from one table that
 * the help, the shell completion (`huifang --complete`) and their test read. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "huifang/cli.h"
#include "huifang/i18n.h"
#include "huifang/str.h"
#include "huifang/utf8.h"

/* An option's meaning for a command ("" for every command that names it in its usage). */
struct opt_doc {
	const char *cmd, *opt, *arg, *help;
};

static const struct opt_doc opt_docs[] = {
	{"", "--format", "F", N_("table (the default, for a person), tsv, json or csv")},
	{"", "--note", "T", N_("a note, kept with the record (UTF-8, Chinese welcome)")},
	{"init", "--demo", NULL, N_("fill a new database with a realistic demo clinic")},
	{"init", "--admin", "LOGIN", N_("the clinic's first admin (on an installed huifang only root makes a clinic)")},
	{"plan", "--date", "D", N_("plan as of this day (YYYY-MM-DD; default today; another day: supervisors)")},
	{"plan", "--full", NULL, N_("plan every customer with a visit or an open call, not only those due (the same decisions, slower)")},
	{"queue", "--date", "D", N_("the queue of this day: tasks due on or before it (default today)")},
	{"queue", "--user", "L", N_("one user's tasks (supervisors)")},
	{"queue", "--team", "T", N_("one team's tasks (supervisors)")},
	{"queue", "--all", NULL, N_("every team's tasks (supervisors)")},
	{"queue", "--segment", "S", N_("only customers of this value segment (its code, e.g. win_back)")},
	{"log", "--outcome", "CODE", N_("reached, no_answer, busy, callback, wrong_number, refused, complaint or a code the rules file adds")},
	{"log", "--score", "N", N_("satisfaction 1-5, when the outcome asks for it")},
	{"log", "--dim", "NAME=N", N_("a satisfaction dimension's score 1-5, by its name in the interface language (Attitude=5) or its code; once per dimension, when the outcome asks for a score")},
	{"log", "--nps", "N", N_("would they recommend us: 0-10")},
	{"log", "--note", "T", N_("what was said; medical-risk words escalate")},
	{"log", "--next", "D", N_("next contact: YYYY-MM-DD[ HH:MM] or a span from now: +3d, +1w, +1m, +1y (that day), +2h (that time); up to a year ahead, a day off moves to the next working day")},
	{"log", "--complaint", "CAT", N_("the complaint's category (escalation.complaint_categories)")},
	{"log", "--team", "T", N_("the team to make the next contact (default the task's)")},
	{"add customer", "--name", "N", N_("the customer's name")},
	{"add customer", "--phone", "P", N_("a mainland mobile (11 digits, 1[3-9]...) or a landline with its area code (010-65529988); spaces and dashes allowed")},
	{"add customer", "--gender", "G", N_("F or M (女 or 男)")},
	{"add customer", "--birthday", "D", N_("YYYY-MM-DD, for birthday calls")},
	{"add customer", "--consultant", "L", N_("login of the consultant who owns the customer")},
	{"add customer", "--external-id", "X", N_("the customer's id in the clinic's HIS or CRM")},
	{"add customer", "--source", "S", N_("how they came: referral, online, walk-in ...")},
	{"add customer", "--tags", "T", N_("comma-separated tags")},
	{"edit customer", "--phone", "P", N_("the right number (as for add customer); the phone counts as valid again and the wrong-number flow ends")},
	{"edit customer", "--name", "N", N_("the customer's name (supervisors)")},
	{"edit customer", "--gender", "G", N_("F or M (女 or 男); \"\" clears it (supervisors)")},
	{"edit customer", "--birthday", "D", N_("YYYY-MM-DD; \"\" clears it (supervisors)")},
	{"edit customer", "--consultant", "L", N_("login of the consultant who owns the customer (supervisors)")},
	{"edit customer", "--tag", "T", N_("comma-separated tags to add (supervisors)")},
	{"edit customer", "--untag", "T", N_("comma-separated tags to remove (supervisors)")},
	{"add visit", "--kind", "K", N_("consult, surgery, course, discharge or injection")},
	{"add visit", "--date", "D", N_("the visit's day, YYYY-MM-DD (not in the future)")},
	{"add visit", "--treatment", "T", N_("a treatment of the rules file (双眼皮, 玻尿酸 ...)")},
	{"add visit", "--doctor", "N", N_("the doctor's name")},
	{"add visit", "--team", "T", N_("the team to make every call of its curve")},
	{"add visit", "--course-end", "D", N_("a course's last session (required for a course)")},
	{"add visit", "--amount", "Y", N_("what was paid, in whole yuan")},
	{"import", "--encoding", "E", N_("auto (valid UTF-8 is UTF-8, anything else GB18030), utf-8 or gb18030")},
	{"import", "--dry-run", NULL, N_("check every row and say what would be done; write nothing")},
	{"import", "--skip-bad", "FILE", N_("import the good rows; write the bad ones with their problem to this new CSV file")},
	{"import", "--plan", NULL, N_("plan today at once, so the imported visits' calls are in the queues")},
	{"export", "--from", "D", N_("only records from this day (YYYY-MM-DD): customers added, visits, calls started, tasks due, escalations raised")},
	{"export", "--to", "D", N_("only records up to this day (YYYY-MM-DD)")},
	{"export", "--format", "F", N_("csv (the default: UTF-8 with BOM for Excel, formulas guarded) or json")},
	{"simulate", "--kind", "K", N_("consult, surgery, course, discharge or injection")},
	{"simulate", "--treatment", "T", N_("a treatment of the rules file (its own curve or effect)")},
	{"simulate", "--date", "D", N_("the visit's day, YYYY-MM-DD")},
	{"simulate", "--course-end", "D", N_("a course's last session")},
	{"escalations", "--all", NULL, N_("resolved ones too")},
	{"escalations", "--mine", NULL, N_("the ones you hold")},
	{"escalations", "--breached", NULL, N_("the ones that missed a deadline")},
	{"escalation assign", "--to", "LOGIN", N_("the supervisor who is to hold them")},
	{"escalation assign", "--team", "T", N_("or the team (the nursing or medical team)")},
	{"escalation callback", "--at", "D", N_("when: YYYY-MM-DD, \"YYYY-MM-DD HH:MM\" or a span from now: +3d, +1w, +1m, +2h; later than now")},
	{"escalation callback", "--to", "LOGIN", N_("the supervisor who calls back (default you)")},
	{"escalation resolve", "--note", "T", N_("the resolution (required)")},
	{"escalation resolve", "--as", "CODE", N_("the resolution category (escalation.resolutions; default the first)")},
	{"reassign", "--from", "LOGIN", N_("every open task this operator owns")},
	{"reassign", "--to", "LOGIN", N_("the user who is to make the calls")},
	{"reassign", "--pool", NULL, N_("back to the team's pool, for anyone of the team")},
	{"report", "--date", "D", N_("a day of the period (default yesterday, the last complete day)")},
	{"report", "--team", "T", N_("that team only")},
	{"report", "--by", "G", N_("groups: team, operator, doctor or treatment (of the visit a task follows up) or segment (the customer's value segment); default each team then its operators")},
	{"team", "--date", "D", N_("the day (default today)")},
	{"release", "--to", "LOGIN", N_("the consultant who takes the customer over")},
	{"lift-dnc", "--note", "T", N_("why the customer may be called again (required, audited)")},
	{"user add", "--role", "R", N_("operator, supervisor or admin")},
	{"user add", "--team", "T", N_("a team code of the rules file")},
	{"user add", "--name", "N", N_("the name shown (default the login)")},
	{"audit", "--verify", NULL, N_("check the hash chain and the rows each action wrote; exit 1 naming the first bad row")},
	{"audit", "--anchor", "FILE|HASH", N_("with --verify: the anchors kept (lines as `audit anchor` printed them, or a hash): a cut or rewritten trail fails")},
	{"audit", "--log", "FILE", N_("with --verify: read the system log's anchors from this file instead of the journal")},
	{"audit", "--limit", "N", N_("the last N rows (default 50)")},
	{"restore", "--force", NULL, N_("restore even while consoles hold claims on tasks")},
};

/* The doc of opt for cmd: the command's own, else the shared one. */
static const struct opt_doc *doc_of(const char *cmd, const char *opt)
{
	const struct opt_doc *shared = NULL;
	for (size_t i = 0; i < sizeof opt_docs / sizeof opt_docs[0]; i++) {
		if (strcmp(opt_docs[i].opt, opt) != 0)
			continue;
		if (!strcmp(opt_docs[i].cmd, cmd))
			return &opt_docs[i];
		if (!opt_docs[i].cmd[0])
			shared = &opt_docs[i];
	}
	return shared;
}

/* Calls fn for each option a command names in its usage, once, in order. */
static void each_option(const struct command *c, void (*fn)(const struct command *c,
                                                            const char *opt, void *arg), void *arg)
{
	char seen[1024] = " ";
	for (const char *p = c->usage; (p = strstr(p, "--")) != NULL;) {
		size_t n = 2;
		while (p[n] == '-' || (p[n] >= 'a' && p[n] <= 'z'))
			n++;
		char opt[64];
		snprintf(opt, sizeof opt, "%.*s", (int)n, p);
		p += n;
		char key[70];
		snprintf(key, sizeof key, " %s ", opt);
		if (strstr(seen, key) || strlen(seen) + strlen(key) >= sizeof seen)
			continue;
		strcat(seen, key + 1);
		fn(c, opt, arg);
	}
}

static void print_option(const struct command *c, const char *opt, void *arg)
{
	FILE *f = arg;
	const struct opt_doc *d = doc_of(c->name, opt);
	char head[64], pad[128];
	snprintf(head, sizeof head, "%s%s%s", opt, d && d->arg ? " " : "", d && d->arg ? d->arg : "");
	utf8_pad(head, 18, -1, pad, sizeof pad);
	fprintf(f, "  %s %s\n", pad, d ? _(d->help) : "");
}

void cli_command_help(const struct command *c, FILE *f)
{
	fprintf(f, "%s: huifang %s\n%s\n", _("usage"), c->usage, _(c->summary));
	if (strstr(c->usage, "--")) {
		fprintf(f, "\n%s\n", _("Options:"));
		each_option(c, print_option, f);
	}
	fprintf(f, "\n%s\n", _("Exit status: 0 done, 1 failed, 2 bad usage or input, 3 not permitted."));
	fprintf(f, "%s\n", _("See huifang(1)."));
}

static void print_name(const struct command *c, const char *opt, void *arg)
{
	fprintf(arg, "%s\n", opt);
}

void cli_command_options(const struct command *c, FILE *f)
{
	each_option(c, print_name, f);
}

bool cli_option_documented(const struct command *c, const char *opt)
{
	return doc_of(c->name, opt) != NULL;
}

/* ---- words for shell completion ------------------------------------------------------ */

/* `huifang --complete WHAT [WORDS]`: one word a line, nothing on any failure (a completion
 * never prints an error into the user's command line). */
int cli_complete(struct cli *cli, int argc, char **argv)
{
	const char *what = argc > 0 ? argv[0] : "";
	if (!strcmp(what, "commands")) {
		for (const struct command *const *c = cli_commands; *c; c++)
			printf("%s\n", (*c)->name);
		return HF_OK;
	}
	if (!strcmp(what, "options")) {
		/* The command named by the words after "options" ("add customer"). */
		struct sbuf name;
		sbuf_init(&name);
		for (int i = 1; i < argc; i++)
			sbuf_printf(&name, "%s%s", i > 1 ? " " : "", argv[i]);
		for (const struct command *const *c = cli_commands; *c; c++)
			if (!strcmp((*c)->name, name.s))
				cli_command_options(*c, stdout);
		sbuf_free(&name);
		return HF_OK;
	}
	if (cli_setup(cli, false, ROLE_NONE) != HF_OK)
		return HF_OK;
	const struct hf_config *cfg = &cli->ctx.cfg;
	if (!strcmp(what, "outcomes"))
		for (int i = 0; i < cfg->noutcomes; i++)
			printf("%s\n", cfg->outcomes[i].code);
	else if (!strcmp(what, "teams"))
		for (int i = 0; i < cfg->nteams; i++)
			printf("%s\n", cfg->teams[i].code);
	else if (!strcmp(what, "segments"))
		for (int i = 0; i < cfg->value.nsegments; i++)
			printf("%s\n", cfg->value.segments[i].code);
	else if (!strcmp(what, "logins") && cli_setup(cli, true, ROLE_SUPERVISOR) == HF_OK) {
		struct hf_user *u = NULL;
		size_t n = 0;
		if (!store_users(cli->ctx.st, &u, &n))
			n = 0;
		for (size_t i = 0; i < n; i++)
			printf("%s\n", u[i].login);
		free(u);
	}
	return HF_OK;
}
