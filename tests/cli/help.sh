# help.sh — `huifang COMMAND --help` for every command: usage, summary and every option of the
# usage explained; a group's first word lists its commands; the completion words.
. "$(dirname "$0")/lib.sh"

run "$HF" --complete commands
cmds=$OUT
[ "$(printf '%s\n' "$cmds" | grep -c .)" -ge 20 ] && ok "the command table lists its commands" || notok "commands: $cmds"
while IFS= read -r c; do
	[ -z "$c" ] && continue
	# shellcheck disable=SC2086
	run "$HF" $c --help
	if [ "$RC" -ne 0 ] || ! printf '%s\n' "$OUT" | head -1 | grep -q "^usage: huifang $c"; then
		notok "huifang $c --help (status $RC: ${OUT:0:120})"; continue
	fi
	help=$OUT
	# shellcheck disable=SC2086
	run "$HF" --complete options $c
	bad=""
	for o in $OUT; do
		printf '%s\n' "$help" | grep -qE -- "^  $o( [A-Z]+)? +[^ ]" || bad="$bad $o"
	done
	[ -z "$bad" ] && ok "huifang $c --help explains every option" || notok "huifang $c --help does not explain:$bad"
done <<<"$cmds"

run "$HF" add --help
check_rc "a group's first word with --help" 0
check_out "... lists its commands" "huifang add customer"
check_out "... every one" "huifang add visit"
run "$HF" escalation
check_rc "a group's first word alone is a usage error" 2
if printf '%s' "$ERR" | grep -q "escalation: which one?" && printf '%s' "$ERR" | grep -q "escalation resolve"; then
	ok "... naming the commands it could be"; else notok "group alone: $ERR"; fi
run "$HF" frobnicate --help
check_err "an unknown command" 2 "unknown command"
run "$HF" log -h
check_out "-h works like --help" "^usage: huifang log TASK"
LC_ALL=zh_CN.UTF-8 LANG=zh_CN.UTF-8 run "$HF" import --help
if locale -a 2>/dev/null | grep -qi '^zh_CN\.utf-\?8$'; then
	check_out "help is translated" "检查每一行"
else
	ok "# skip: no zh_CN.UTF-8 locale"
fi

# Completion words from the rules and the database.
run "$HF" --complete outcomes
check_out "outcome codes" "^no_answer$"
run "$HF" --complete teams
check_out "team codes" "^postop$"
run "$HF" --complete segments
check_out "value segment codes, in the rules' order" "^champion$"
check_eq "... as many as the rules name" "$(printf '%s\n' "$OUT" | grep -c .)" \
	"$(sed -n '/^value = {/,/^};/p' "$ROOT/data/huifang.conf" | grep -c '{ *code = ')"
hf init >/dev/null
hf user add li_na --role operator --team postop
run "$HF" -d "$DB" --complete logins
check_out "logins for a supervisor or admin" "^li_na$"
HUIFANG_AS=li_na run "$HF" -d "$DB" --complete logins
check_eq "no logins for an operator" "$OUT" ""
run "$HF" -d "$T/none.db" --complete logins
check_eq "no database: no words, no error" "$OUT$ERR" ""

# The bash completion script, driven as bash would.
comp() { # comp WORD...: the completions of the last word
	COMP_WORDS=("$HF" "$@"); COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 )); COMPREPLY=()
	_huifang
	printf '%s\n' "${COMPREPLY[@]}" | sort | tr '\n' ' '
}
# shellcheck source=/dev/null
. "$ROOT/scripts/huifang.bash-completion"
check_eq "completion: a command's first word" "$(comp im)" "import "
check_eq "completion: a group's second word" "$(comp add "")" "customer visit "
check_eq "completion: an import's kind" "$(comp import c)" "customers "
check_eq "completion: options of a two-word command" "$(comp add visit 5 --co)" "--course-end "
check_eq "completion: outcome codes" "$(comp log 5 --outcome no)" "no_answer "
check_eq "completion: team codes" "$(comp queue --team po)" "postop "
check_eq "completion: logins, with the global -d" "$(comp -d "$DB" user disable li)" "li_na "
check_eq "completion: formats" "$(comp audit --format t)" "table tsv "
