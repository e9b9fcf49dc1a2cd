/* cmd-admin.c — init, user add/list/disable and check-config: setting a clinic up. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "huifang/cli.h"
#include "huifang/i18n.h"
#include "huifang/str.h"
#include "huifang/utf8.h"

/* ---- init ---------------------------------------------------------------------------- */

static int run_init(struct cli *cli, int argc, char **argv)
{
	bool demo = false;
	const struct cli_opt opts[] = {{"--demo", 0, OPT_FLAG, &demo}, {0}};
	int npos;
	int rc = cli_parse(argc, argv, opts, NULL, 0, &npos, cli->err, sizeof cli->err);
	if (rc == HF_OK)
		rc = cli_setup(cli, false, ROLE_NONE);
	if (rc == HF_OK)
		rc = svc_init(&cli->ctx, cli->db, demo, cli->err, sizeof cli->err);
	if (rc != HF_OK)
		return rc;
	printf(_("database %s ready (schema version %d); %s is an admin\n"), cli->ctx.db_path,
	       store_schema_version(cli->ctx.st), cli->ctx.login);
	if (demo) {
		printf(_("demo clinic: %lld customers, %lld visits, %lld calls, %lld open tasks, "
		         "%lld open escalations\n"),
		       store_int(cli->ctx.st, 0, "SELECT count(*) FROM customer", NULL),
		       store_int(cli->ctx.st, 0, "SELECT count(*) FROM visit", NULL),
		       store_int(cli->ctx.st, 0, "SELECT count(*) FROM call", NULL),
		       store_int(cli->ctx.st, 0, "SELECT count(*) FROM task WHERE status = 'open'", NULL),
		       store_int(cli->ctx.st, 0, "SELECT count(*) FROM escalation WHERE status <> 'resolved'",
		                 NULL));
	}
	return HF_OK;
}

const struct command cmd_init = {
	"init", "init [--demo]",
	N_("create or migrate the database; --demo fills a demo clinic"), run_init,
};

/* ---- users --------------------------------------------------------------------------- */

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
	enum hf_role r = role_from_code(role ? role : "operator");
	if (r == ROLE_NONE)
		return errf(cli->err, sizeof cli->err,
		            _("--role: unknown role \"%s\" (operator, supervisor, admin)"), role), HF_EUSAGE;
	if (!team)
		return errf(cli->err, sizeof cli->err, _("user add: --team is required")), HF_EUSAGE;
	if (name) {
		char *clean = utf8_clean(name, false);
		bool bad = strcmp(clean, name) != 0 || strlen(name) >= HF_NAME_MAX || !*name;
		free(clean);
		if (bad)
			return errf(cli->err, sizeof cli->err,
			            _("--name: give a display name of at most %d bytes, without control "
			              "characters"), HF_NAME_MAX - 1), HF_EUSAGE;
	}
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
	struct hf_user u = {0}, was;
	bool existed = store_user_get(cli->ctx.st, pos[0], &u);
	was = u;
	str_copy(u.login, sizeof u.login, pos[0]);
	if (name)
		str_copy(u.name, sizeof u.name, name);
	else if (!existed)
		str_copy(u.name, sizeof u.name, pos[0]);
	u.role = r;
	str_copy(u.team, sizeof u.team, team);
	u.active = true;
	char detail[256];
	if (existed)
		snprintf(detail, sizeof detail, "login=%s role=%s team=%s (was role=%s team=%s%s)", u.login,
		         role_code(r), team, role_code(was.role), was.team, was.active ? "" : ", disabled");
	else
		snprintf(detail, sizeof detail, "login=%s role=%s team=%s", u.login, role_code(r), team);
	if (!store_begin(cli->ctx.st) || !store_user_put(cli->ctx.st, &u) ||
	    !store_audit(cli->ctx.st, cli->ctx.login, cli->ctx.now, existed ? "user-update" : "user-add",
	                 "user", 0, detail) ||
	    !store_commit(cli->ctx.st)) {
		store_rollback(cli->ctx.st);
		return errf(cli->err, sizeof cli->err, "%s", store_errmsg(cli->ctx.st)), HF_EFAIL;
	}
	printf(existed ? _("user %s updated: %s, team %s\n") : _("user %s added: %s, team %s\n"),
	       u.login, role_label(r), team);
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
	static const char *keys[] = {"login", "name", "role", "team", "active"};
	const char *titles[] = {_("login"), _("name"), _("role"), _("team"), _("active")};
	struct out_table t;
	out_init(&t, 5, keys, titles);
	struct hf_user *users;
	size_t n = store_users(cli->ctx.st, &users);
	for (size_t i = 0; i < n; i++) {
		const char *row[] = {users[i].login, users[i].name,
		                     fmt == FMT_TABLE ? role_label(users[i].role) : role_code(users[i].role),
		                     users[i].team,
		                     fmt == FMT_TABLE ? (users[i].active ? _("yes") : _("no"))
		                                      : (users[i].active ? "yes" : "no")};
		out_row(&t, row);
	}
	out_print(&t, fmt, stdout);
	out_free(&t);
	free(users);
	return HF_OK;
}

const struct command cmd_user_list = {
	"user list", "user list [--format table|tsv|json]", N_("list users — admin"), run_user_list,
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
	struct hf_user u;
	if (!store_user_get(cli->ctx.st, pos[0], &u))
		return errf(cli->err, sizeof cli->err, _("user disable: no user \"%s\""), pos[0]), HF_EUSAGE;
	if (str_eq(u.login, cli->ctx.login))
		return errf(cli->err, sizeof cli->err, _("user disable: you cannot disable yourself")),
		       HF_EUSAGE;
	u.active = false;
	char detail[128];
	snprintf(detail, sizeof detail, "login=%s", u.login);
	if (!store_begin(cli->ctx.st) || !store_user_put(cli->ctx.st, &u) ||
	    !store_exec(cli->ctx.st, "UPDATE task SET owner = '' WHERE owner = :l AND status = 'open'",
	                ":l", 't', u.login, NULL) ||
	    !store_audit(cli->ctx.st, cli->ctx.login, cli->ctx.now, "user-disable", "user", 0, detail) ||
	    !store_commit(cli->ctx.st)) {
		store_rollback(cli->ctx.st);
		return errf(cli->err, sizeof cli->err, "%s", store_errmsg(cli->ctx.st)), HF_EFAIL;
	}
	printf(_("user %s disabled; their open tasks went back to the team pool\n"), u.login);
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
	const char *path = npos ? pos[0] : config_locate(cli->config);
	if (!path) {
		printf(_("built-in configuration: ok\n"));
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
	return HF_OK;
}

const struct command cmd_check_config = {
	"check-config", "check-config [FILE]",
	N_("validate a configuration file, every problem as file:line: message"), run_check_config,
};
