/* cmd-backup.c — `huifang backup FILE` and `huifang restore BACKUP`: an online, consistent copy
 * of the database, and putting a checked one back. */
#include "huifang/cli.h"
#include "huifang/i18n.h"
#include "huifang/str.h"

static int run_backup(struct cli *cli, int argc, char **argv)
{
	const char *pos[1];
	const struct cli_opt opts[] = {{0}};
	int npos;
	int rc = cli_parse(argc, argv, opts, pos, 1, &npos, cli->err, sizeof cli->err);
	if (rc == HF_OK && npos != 1)
		rc = (errf(cli->err, sizeof cli->err, _("backup: which file? (huifang backup FILE)")),
		      HF_EUSAGE);
	if (rc == HF_OK)
		rc = cli_setup(cli, true, ROLE_ADMIN);
	if (rc == HF_OK)
		rc = svc_backup(&cli->ctx, pos[0], cli->err, sizeof cli->err);
	if (rc != HF_OK)
		return rc;
	printf(_("backup written to %s\n"), pos[0]);
	return HF_OK;
}

const struct command cmd_backup = {
	"backup", "backup FILE", N_("an online, consistent copy of the database — admin"), run_backup,
};

static int run_restore(struct cli *cli, int argc, char **argv)
{
	const char *pos[1];
	bool force = false;
	const struct cli_opt opts[] = {{"--force", 0, OPT_FLAG, &force}, {0}};
	int npos;
	long long rows = 0;
	int rc = cli_parse(argc, argv, opts, pos, 1, &npos, cli->err, sizeof cli->err);
	if (rc == HF_OK && npos != 1)
		rc = (errf(cli->err, sizeof cli->err, _("restore: which backup? (huifang restore BACKUP)")),
		      HF_EUSAGE);
	if (rc == HF_OK)
		rc = cli_setup(cli, true, ROLE_ADMIN);
	if (rc == HF_OK)
		rc = svc_restore(&cli->ctx, pos[0], force, &rows, cli->err, sizeof cli->err);
	if (rc != HF_OK)
		return rc;
	printf(_("%s restored into %s (its audit trail of %lld rows is whole)\n"), pos[0],
	       cli->ctx.db_path, rows);
	return HF_OK;
}

const struct command cmd_restore = {
	"restore", "restore BACKUP [--force]",
	N_("put a backup back after checking its integrity and audit trail — admin"), run_restore,
};
