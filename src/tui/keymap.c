/* keymap.c — the action table, key names, and the bindings after the config's overrides. */
#include <curses.h>
#include <string.h>

#include "huifang/str.h"
#include "huifang/tui-keymap.h"
#include "huifang/utf8.h"

struct action_def {
	const char *name, *keys, *label, *help;
	unsigned screens;
};

#define TUI_ACT_DEF_(id, name, keys, label, help, screens) {name, keys, label, help, screens},
static const struct action_def actions[ACT__COUNT] = {TUI_ACTIONS(TUI_ACT_DEF_)};
#undef TUI_ACT_DEF_

static tui_key bindings[ACT__COUNT][TUI_MAX_BINDINGS];

static const struct {
	const char *name;
	tui_key key;
} named[] = {
	{"Enter", '\r'}, {"Esc", 27}, {"Tab", '\t'}, {"S-Tab", TK_FN | KEY_BTAB}, {"BTab", TK_FN | KEY_BTAB}, {"Space", ' '},
	{"Backspace", TK_FN | KEY_BACKSPACE}, {"Delete", TK_FN | KEY_DC}, {"Insert", TK_FN | KEY_IC},
	{"Home", TK_FN | KEY_HOME}, {"End", TK_FN | KEY_END}, {"PgUp", TK_FN | KEY_PPAGE},
	{"PgDn", TK_FN | KEY_NPAGE}, {"Up", TK_FN | KEY_UP}, {"Down", TK_FN | KEY_DOWN},
	{"Left", TK_FN | KEY_LEFT}, {"Right", TK_FN | KEY_RIGHT},
};

bool tui_key_parse(const char *s, tui_key *out)
{
	size_t n = strlen(s);
	unsigned cp;
	if (n == 0)
		return false;
	for (size_t i = 0; i < sizeof named / sizeof named[0]; i++)
		if (strcmp(s, named[i].name) == 0)
			return *out = named[i].key, true;
	if (utf8_decode(s, n, &cp) == n) {
		if (cp <= 0x20 || cp == 0x7f || cp == 0xfffd || (cp >= 0x80 && cp < 0xa0))
			return false;
		return *out = (tui_key)cp, true;
	}
	if (n == 3 && s[0] == 'C' && s[1] == '-' && s[2] >= 'a' && s[2] <= 'z')
		return *out = s[2] & 0x1f, true;
	if (n == 3 && s[0] == 'M' && s[1] == '-' && s[2] > 0x20 && s[2] < 0x7f)
		return *out = TK_META | s[2], true;
	if (s[0] == 'F' && n >= 2 && n <= 3) {
		long long f;
		if (s[1] >= '1' && s[1] <= '9' && str_to_int(s + 1, &f) && f >= 1 && f <= 12)
			return *out = TK_FN | KEY_F((int)f), true;
	}
	return false;
}

void tui_key_name(tui_key k, char *out, size_t size)
{
	for (size_t i = 0; i < sizeof named / sizeof named[0]; i++)
		if (named[i].key == k) {
			str_copy(out, size, named[i].name);
			return;
		}
	if (k & TK_FN) {
		int code = k & ~TK_FN;
		if (code >= KEY_F(1) && code <= KEY_F(12))
			snprintf(out, size, "F%d", code - KEY_F0);
		else
			snprintf(out, size, "key-%d", code);
	} else if (k & TK_META) {
		snprintf(out, size, "M-%c", (char)(k & 0x7f));
	} else if (k > 0 && k < 0x20) {
		snprintf(out, size, "C-%c", (char)(k + 'a' - 1));
	} else {
		char buf[8];
		size_t len = utf8_encode((unsigned)k, buf);
		buf[len] = 0;
		str_copy(out, size, buf);
	}
}

bool tui_key_is_text(tui_key k)
{
	return k >= 0x20 && k != 0x7f && !(k >= 0x80 && k < 0xa0) && !(k & (TK_FN | TK_META)) &&
	       k <= 0x10ffff;
}

static bool set_keys(enum tui_action a, const char *list)
{
	char buf[64];
	int n = 0;
	memset(bindings[a], 0, sizeof bindings[a]);
	str_copy(buf, sizeof buf, list);
	for (char *save = NULL, *w = strtok_r(buf, " ", &save); w; w = strtok_r(NULL, " ", &save)) {
		tui_key k;
		if (n == TUI_MAX_BINDINGS || !tui_key_parse(w, &k))
			return false;
		bindings[a][n++] = k;
	}
	return true;
}

bool keymap_load(const struct hf_config *cfg, char *err, size_t errlen)
{
	for (int a = 0; a < ACT__COUNT; a++)
		if (!set_keys((enum tui_action)a, actions[a].keys))
			return errf(err, errlen, "keymap: bad default keys for %s", actions[a].name);
	int line_of[ACT__COUNT];
	for (int a = 0; a < ACT__COUNT; a++)
		line_of[a] = 0;
	for (int i = 0; cfg && i < cfg->nui_keys; i++) {
		const char *name = cfg->ui_keys[i][0], *key = cfg->ui_keys[i][1];
		int a = 0;
		while (a < ACT__COUNT && strcmp(actions[a].name, name) != 0)
			a++;
		if (a == ACT__COUNT)
			return errf(err, errlen, _("%s:%d: ui.keys: unknown action \"%s\" (see the `?` screen "
			                           "or huifang(1) for the actions)"),
			            cfg->source, cfg->ui_key_lines[i], name);
		if (!set_keys((enum tui_action)a, key))
			return errf(err, errlen, _("%s:%d: ui.keys.%s: \"%s\" is not a key"), cfg->source,
			            cfg->ui_key_lines[i], name, key);
		line_of[a] = cfg->ui_key_lines[i];
	}
	/* One key, one meaning on any screen. */
	for (int a = 0; a < ACT__COUNT; a++)
		for (int b = a + 1; b < ACT__COUNT; b++) {
			if (!(actions[a].screens & actions[b].screens))
				continue;
			for (int i = 0; i < TUI_MAX_BINDINGS && bindings[a][i]; i++)
				for (int j = 0; j < TUI_MAX_BINDINGS && bindings[b][j]; j++) {
					if (bindings[a][i] != bindings[b][j])
						continue;
					char kn[32];
					tui_key_name(bindings[a][i], kn, sizeof kn);
					int line = line_of[a] > line_of[b] ? line_of[a] : line_of[b];
					return errf(err, errlen, _("%s:%d: ui.keys: key %s is bound to both %s and %s"),
					            cfg ? cfg->source : "(built-in)", line, kn, actions[a].name,
					            actions[b].name);
				}
		}
	return true;
}

enum tui_action keymap_action(unsigned screens, tui_key key)
{
	if (key == TK_NONE)
		return ACT_NONE;
	for (int a = 0; a < ACT__COUNT; a++) {
		if (!(actions[a].screens & screens))
			continue;
		for (int i = 0; i < TUI_MAX_BINDINGS && bindings[a][i]; i++)
			if (bindings[a][i] == key)
				return (enum tui_action)a;
	}
	return ACT_NONE;
}

const char *keymap_name(enum tui_action a) { return actions[a].name; }
const char *keymap_help(enum tui_action a) { return _(actions[a].help); }
unsigned keymap_screens(enum tui_action a) { return actions[a].screens; }

const char *keymap_label(enum tui_action a)
{
	return actions[a].label ? _(actions[a].label) : NULL;
}

void keymap_keys_text(enum tui_action a, char *out, size_t size)
{
	struct sbuf b;
	sbuf_init(&b);
	for (int i = 0; i < TUI_MAX_BINDINGS && bindings[a][i]; i++) {
		char kn[32];
		tui_key_name(bindings[a][i], kn, sizeof kn);
		sbuf_printf(&b, "%s%s", i ? ", " : "", kn);
	}
	str_copy(out, size, b.s ? b.s : "");
	sbuf_free(&b);
}

const char *keymap_first_key(enum tui_action a, char *out, size_t size)
{
	out[0] = 0;
	if (bindings[a][0])
		tui_key_name(bindings[a][0], out, size);
	return out;
}

void keymap_print(FILE *f)
{
	for (int a = 0; a < ACT__COUNT; a++) {
		char keys[96];
		keymap_keys_text((enum tui_action)a, keys, sizeof keys);
		fprintf(f, "%-16s %-22s %s\n", actions[a].name, keys, _(actions[a].help));
	}
}
