# i18n.sh — the Simplified Chinese catalogue covers every message, and the binary speaks it.
. "$(dirname "$0")/lib.sh"
PO="$ROOT/po/zh_CN.po"
MO="$ROOT/build/locale/zh_CN/LC_MESSAGES/huifang.mo"

# A fresh template from today's sources, through the Makefile's own rule (same keywords and
# files as `make pot`), written to the temporary directory so po/ is left alone.
env -u MAKEFLAGS -u MAKELEVEL -u MFLAGS make -s -C "$ROOT" pot POT="$T/fresh.pot" >"$T/.pot.err" 2>&1
nids=$(grep -c '^msgid ' "$T/fresh.pot" 2>/dev/null)
if [ "${nids:-0}" -gt 100 ]; then ok "a fresh template has $((nids - 1)) messages"
else notok "no fresh template ($(head -c 300 "$T/.pot.err"))"; fi

# Every message of the fresh template has a translation: merged without fuzzy guesses, nothing
# may be untranslated or fuzzy.
msgmerge --no-fuzzy-matching -q -o "$T/merged.po" "$PO" "$T/fresh.pot" 2>"$T/.merge.err"
stats=$(msgfmt --statistics -o /dev/null "$T/merged.po" 2>&1)
if printf '%s' "$stats" | grep -q 'translated' && ! printf '%s' "$stats" | grep -qE 'untranslated|fuzzy'; then
	ok "every message of the sources is translated ($stats)"
else
	missing=$(msgattrib --untranslated --no-obsolete --no-wrap "$T/merged.po" 2>/dev/null |
	          grep '^msgid "..*"' | head -5 | tr '\n' ' ')
	notok "untranslated messages: $stats ${missing:0:300} (make pot; msgmerge --update po/zh_CN.po po/huifang.pot)"
fi

run msgfmt --check --statistics -o "$T/zh.mo" "$PO"
check_rc "msgfmt --check accepts po/zh_CN.po" 0
if printf '%s' "$ERR" | grep -qE 'fuzzy|untranslated'; then notok "po/zh_CN.po has fuzzy or untranslated entries: $ERR"
else ok "po/zh_CN.po has no fuzzy or untranslated entries"; fi

hdr=$(msgcat --no-wrap "$PO" | sed -n '/^msgid ""$/,/^$/p')
for f in 'Content-Type: text/plain; charset=UTF-8' 'Language: zh_CN' 'Plural-Forms: nplurals=1; plural=0;'; do
	if printf '%s' "$hdr" | grep -qF "$f"; then ok "header has $f"; else notok "header lacks $f"; fi
done

# Entry by entry: the printf directives come in the same order (unless the translation uses
# %n$ positions), and option names, $VARIABLES and absolute paths stay untranslated.
msgcat --no-wrap "$PO" | awk '
function dirs(s,   out) {
	out = ""
	while (match(s, /%[-+ #0-9.]*(hh|h|ll|l|z|j|t)?[diouxXeEfgGcsp%]/)) {
		out = out " " substr(s, RSTART, RLENGTH); s = substr(s, RSTART + RLENGTH)
	}
	return out
}
function keep(s, re,   tok) {
	while (match(s, re)) {
		tok = substr(s, RSTART, RLENGTH); s = substr(s, RSTART + RLENGTH)
		if (index(st, tok) == 0) print "\"" tok "\" lost in: " id
	}
}
function check() {
	if (id != "" && st != "") {
		if (st !~ /%[0-9]+\$/ && dirs(id) != dirs(st)) print "directives differ in: " id
		keep(id, "--[a-z][a-z-]*"); keep(id, "[$][A-Z_]+"); keep(id, "/[a-z][a-z/]*[a-z]")
	}
	id = ""; st = ""
}
/^msgid "/  { check(); id = substr($0, 8, length($0) - 8); mode = "id"; next }
/^msgstr "/ { st = substr($0, 9, length($0) - 9); mode = "st"; next }
/^"/        { s = substr($0, 2, length($0) - 2); if (mode == "id") id = id s; else if (mode == "st") st = st s; next }
            { mode = "" }
END         { check() }' >"$T/.entries"
if [ -s "$T/.entries" ]; then notok "entries that change directives or names: $(head -3 "$T/.entries" | tr '\n' ' ')"
else ok "every translation keeps its printf directives, options, variables and paths"; fi

# po_str MSGID: the translation po/zh_CN.po gives, with C escapes as printf reads them.
po_str() {
	msgcat --no-wrap "$PO" | awk -v want="$1" '
		/^msgid "/ { id = substr($0, 8, length($0) - 8); next }
		/^msgstr "/ && id == want { print substr($0, 9, length($0) - 9); exit }'
}

# The binary, in Chinese and in English.
if [ -x "$HF" ]; then ok "./huifang is built"; else notok "./huifang is not built"; fi
if [ -f "$MO" ] && [ ! "$MO" -ot "$PO" ]; then ok "the built catalogue is current"
else notok "build/locale/zh_CN is missing or older than po/zh_CN.po (run make)"; fi

if ! locale -a 2>/dev/null | grep -qiE '^zh_CN\.utf-?8$'; then
	for i in 1 2 3 4; do echo "ok - # SKIP no zh_CN.UTF-8 locale"; done
else
	zh() { LANG=zh_CN.UTF-8 LC_ALL=zh_CN.UTF-8 run "$HF" "$@"; }

	zh --help
	want=$(po_str 'Commands:')
	if [ "$RC" -eq 0 ] && [ -n "$want" ] && printf '%s\n' "$OUT" | grep -qxF "$want"; then
		ok "--help in zh_CN says \"$want\""
	else notok "--help in zh_CN lacks \"$want\" (status $RC: ${OUT:0:200})"; fi
	# Every line but the blank ones carries Chinese text: summaries and options are translated.
	english=$(printf '%s\n' "$OUT" | grep -v '^$' | grep -vP '[\x{4e00}-\x{9fff}]' | head -3)
	if [ "$RC" -eq 0 ] && [ -z "$english" ]; then ok "every line of --help in zh_CN is in Chinese"
	else notok "lines of --help left in English: ${english:-status $RC}"; fi

	zh frobnicate
	want=$(po_str 'unknown command; see huifang --help')
	check_err "an unknown command is refused in Chinese" 2 "frobnicate: $want"
	# A message with arguments: the translation's directives are filled in.
	zh queue --date 2026-13-01
	want=$(printf "$(po_str '%s: "%s" is not a date (YYYY-MM-DD)')" --date 2026-13-01)
	check_err "a bad date is reported in Chinese with the option and value" 2 "$want"
fi

run "$HF" frobnicate
check_err "with LANG=C.UTF-8 the same error is in English" 2 "frobnicate: unknown command; see huifang --help"
run "$HF" --help
check_out "with LANG=C.UTF-8 --help is in English" '^Commands:$'
