/* cmd-admin.c — init, user add/list/disable and check-config: setting a clinic up. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "huifang/cli.h"
#include "huifang/demo.h"
#include "huifang/i18n.h"
#include "huifang/scripts.h"
#include "huifang/str.h"
#include "huifang/utf8.h"

/* ---- init ---------------------------------------------------------------------------- */

/* A Unix login name: [a-z_][a-z0-9_.-]*, at most 32 bytes. */
static bool login_valid(const char *s)
{
	size_t n = strlen(s);
	if (n == 0 || n > 32 || !(islower((unsigned char)s[0]) || s[0] == '_'))
		return false;
	for (size_t i = 1; i < n; i++)
		if (!(islower((unsigned char)s[i]) || isdigit((unsigned char)s[i]) || strchr("_.-", s[i])))
			return false;
	return true;
}

static int run_init(struct cli *cli, int argc, char **argv)
{
	bool demo = false;
	const char *admin = NULL;
	const struct cli_opt opts[] = {{"--demo", 0, OPT_FLAG, &demo}, {"--admin", 0, OPT_STRING, &admin}, {0}};
	int npos;
	int rc = cli_parse(argc, argv, opts, NULL, 0, &npos, cli->err, sizeof cli->err);
	if (rc == HF_OK && admin && !login_valid(admin))
		rc = (errf(cli->err, sizeof cli->err, _("--admin: \"%s\" is not a login name"), admin),
		      HF_EUSAGE);
	if (rc == HF_OK)
		rc = cli_setup(cli, false, ROLE_NONE);
	if (rc == HF_OK)
		rc = svc_init(&cli->ctx, cli->db, demo, admin, cli->err, sizeof cli->err);
	if (rc == HF_OK && demo)
		rc = demo_build(&cli->ctx, cli->err, sizeof cli->err);
	if (rc != HF_OK)
		return rc;
	printf(_("database %s ready (schema version %d); %s is an admin\n"), cli->ctx.db_path,
	       store_schema_version(cli->ctx.st), cli->ctx.login);
	struct hf_clinic_counts n;
	if (demo && !store_clinic_counts(cli->ctx.st, &n))
		return errf(cli->err, sizeof cli->err, "%s", store_errmsg(cli->ctx.st)), HF_EFAIL;
	if (demo)
		printf(_("demo clinic: %lld customers, %lld visits, %lld calls, %lld open tasks, "
		         "%lld open escalations\n"),
		       n.customers, n.visits, n.calls, n.open_tasks, n.open_escalations);
	return HF_OK;
}

const struct command cmd_init = {
	"init", "init [--demo] [--admin LOGIN]",
	N_("create or migrate the database; --demo fills a demo clinic; --admin (root) names the first admin"), run_init,
};

/* ---- users --------------------------------------------------------------------------- */

static int run_user_add(struct cli *cli, int argc, char **argv)
{
	const char *role = NULL, *team = NULL, *name = NULL, *pos[1];
	const struct cli_opt opts[] = {
		{"--role", 0, OPT_STRING, &role}, {"--team", 0, OPT_STRING, &team},
		{"--name", 0, OPT_STRING, &name}, {0}};
	int npos;
	int rc = cli_parse(argc, argv, opts, pos, 1, &npos, cli->err, sizeof cli->err);
	if (rc != HF_OK)
		return rc;
	if (npos != 1)
		return errf(cli->err, sizeof cli->err, _("user add: which login? (huifang user add LOGIN "
		                                         "--role R --team T)")), HF_EUSAGE;
	if (!login_valid(pos[0]))
		return errf(cli->err, sizeof cli->err, _("user add: \"%s\" is not a valid login name"),
		            pos[0]), HF_EUSAGE;
	if (!svc_login_is_account(pos[0]))
		return errf(cli->err, sizeof cli->err, _("user add: \"%s\" is not a login on this machine "
		                                         "(add the Unix account first: useradd %s)"),
		            pos[0], pos[0]), HF_EUSAGE;
	enum hf_role r = role_from_code(role ? role : "operator");
	if (r == ROLE_NONE)
		return errf(cli->err, sizeof cli->err,
		            _("--role: unknown role \"%s\" (operator, supervisor, admin)"), role), HF_EUSAGE;
	if (!team)
		return errf(cli->err, sizeof cli->err, _("user add: --team is required")), HF_EUSAGE;
	if (!utf8_check_text("--name", name, false, cli->err, sizeof cli->err))
		return HF_EUSAGE;
	if (name && (strlen(name) >= HF_NAME_MAX || !*name))
		return errf(cli->err, sizeof cli->err,
		            _("--name: give a display name of at most %d bytes, without control "
		              "characters"), HF_NAME_MAX - 1), HF_EUSAGE;
	if ((rc = cli_setup(cli, true, ROLE_ADMIN)) != HF_OK)
		return rc;
	if (!config_team(&cli->ctx.cfg, team)) {
		struct sbuf known;
		sbuf_init(&known);
		for (int i = 0; i < cli->ctx.cfg.nteams; i++)
			sbuf_printf(&known, "%s%s", i ? ", " : "", cli->ctx.cfg.teams[i].code);
		errf(cli->err, sizeof cli->err, _("--team: unknown team \"%s\" (%s)"), team, known.s);
		sbuf_free(&known);
		return HF_EUSAGE;
	}
	bool existed;
	rc = svc_user_put(&cli->ctx, pos[0], r, team, name, &existed, cli->err, sizeof cli->err);
	if (rc != HF_OK)
		return rc;
	printf(existed ? _("user %s updated: %s, team %s\n") : _("user %s added: %s, team %s\n"),
	       pos[0], role_label(r), config_team_name(&cli->ctx.cfg, team));
	return HF_OK;
}

const struct command cmd_user_add = {
	"user add", "user add LOGIN --role R --team T [--name N]",
	N_("add a user (or change one) — admin"), run_user_add,
};

static int run_user_list(struct cli *cli, int argc, char **argv)
{
	const char *format = NULL;
	const struct cli_opt opts[] = {{"--format", 0, OPT_STRING, &format}, {0}};
	enum out_format fmt;
	int rc = cli_begin_list(cli, argc, argv, opts, &format, &fmt, true, ROLE_ADMIN);
	if (rc != HF_OK)
		return rc;
	struct hf_user *users;
	size_t n;
	if (!store_users(cli->ctx.st, &users, &n))
		return cli_read_failed(cli);
	struct col_env env = {&cli->ctx.cfg, cli->ctx.now, false, cli->ctx.st, 0};
	out_records(fmt, &col_users, users, n, &env, stdout);
	free(users);
	return HF_OK;
}

const struct command cmd_user_list = {
	"user list", "user list [--format table|tsv|json|csv]", N_("list users — admin"), run_user_list,
};

static int run_user_disable(struct cli *cli, int argc, char **argv)
{
	const char *pos[1];
	const struct cli_opt opts[] = {{0}};
	int npos;
	int rc = cli_parse(argc, argv, opts, pos, 1, &npos, cli->err, sizeof cli->err);
	if (rc != HF_OK)
		return rc;
	if (npos != 1)
		return errf(cli->err, sizeof cli->err, _("user disable: which login?")), HF_EUSAGE;
	if ((rc = cli_setup(cli, true, ROLE_ADMIN)) != HF_OK)
		return rc;
	if ((rc = svc_user_disable(&cli->ctx, pos[0], cli->err, sizeof cli->err)) != HF_OK)
		return rc;
	printf(_("user %s disabled; their open tasks went back to the team pool\n"), pos[0]);
	return HF_OK;
}

const struct command cmd_user_disable = {
	"user disable", "user disable LOGIN", N_("disable a user — admin"), run_user_disable,
};

/* ---- check-config -------------------------------------------------------------------- */

static int run_check_config(struct cli *cli, int argc, char **argv)
{
	const char *pos[1];
	const struct cli_opt opts[] = {{0}};
	int npos;
	int rc = cli_parse(argc, argv, opts, pos, 1, &npos, cli->err, sizeof cli->err);
	if (rc != HF_OK)
		return rc;
	/* The call scripts the clinic reads from are checked too: their conditions above all. */
	char dir[4096];
	if (!scripts_check(dir, sizeof dir, cli->err, sizeof cli->err))
		return HF_EUSAGE;
	const char *path = npos ? pos[0] : config_locate(cli->config);
	if (!path) {
		printf(_("built-in configuration: ok\n"));
		printf(_("%s: call scripts ok\n"), dir);
		return HF_OK;
	}
	struct hf_config cfg;
	char *problems = NULL;
	int n = config_load(&cfg, path, &problems);
	if (n > 0) {
		fputs(problems, stderr);
		if (problems[0] && problems[strlen(problems) - 1] != '\n')
			fputc('\n', stderr);
		free(problems);
		return HF_EUSAGE;
	}
	free(problems);
	printf(_("%s: ok\n"), path);
	printf(_("%s: call scripts ok\n"), dir);
	return HF_OK;
}

const struct command cmd_check_config = {
	"check-config", "check-config [FILE]",
	N_("validate a configuration file, every problem as file:line: message"), run_check_config,
};
