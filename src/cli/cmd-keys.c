/* cmd-keys.c — `huifang keys`: the console's keys, from the same table as its `?` screen. */
#include "huifang/cli.h"
#include "huifang/i18n.h"
#include "huifang/tui-keymap.h"

static int run_keys(struct cli *cli, int argc, char **argv)
{
	const char *format = NULL;
	const struct cli_opt opts[] = {{"--format", 0, OPT_STRING, &format}, {0}};
	enum out_format fmt;
	int rc = cli_begin_list(cli, argc, argv, opts, &format, &fmt, false, ROLE_NONE);
	if (rc != HF_OK)
		return rc;
	/* The bindings this user's console would have: defaults plus the config's ui.keys. */
	if (!keymap_load(&cli->ctx.cfg, cli->err, sizeof cli->err))
		return HF_EUSAGE;
	static const char *keys[] = {"action", "keys", "help"};
	const char *titles[] = {_("action"), _("keys"), _("what it does")};
	struct out_table t;
	out_init(&t, 3, keys, titles);
	for (int a = 0; a < ACT__COUNT; a++) {
		char k[96];
		keymap_keys_text((enum tui_action)a, k, sizeof k);
		const char *row[] = {keymap_name((enum tui_action)a), k, keymap_help((enum tui_action)a)};
		out_row(&t, row);
	}
	out_print(&t, fmt, stdout);
	out_free(&t);
	return HF_OK;
}

const struct command cmd_keys = {
	"keys", "keys [--format table|tsv|json|csv]",
	N_("the console's keys (with this configuration's ui.keys), as its ? screen lists them"),
	run_keys,
};
