# docs.sh — the manual, the README and the help stay in step with the command and key tables.
. "$(dirname "$0")/lib.sh"
MAN="$ROOT/man/huifang.1"
text=$(MANWIDTH=200 man -l "$MAN" 2>/dev/null)

run "$HF" --help
cmds=$(printf '%s\n' "$OUT" | sed -n '/^Commands:/,/^$/p' | sed -n 's/^  \([a-z-]*\( [a-z]*\)\?\) .*/\1/p' | sed 's/ [A-Z].*//')
[ -n "$cmds" ] && ok "--help lists commands" || notok "no commands in --help"
while IFS= read -r c; do
	[ -z "$c" ] && continue
	printf '%s\n' "$text" | grep -q -- "^       $c\b" && ok "the manual describes '$c'" || notok "the manual lacks '$c'"
done <<<"$cmds"

run "$HF" keys --format tsv
check_rc "keys" 0
while IFS=$'\t' read -r action keys help; do
	printf '%s\n' "$text" | grep -qF -- "$action — $help" \
		&& ok "the manual lists the '$action' key" || notok "the manual lacks the '$action' key ($keys)"
done < <(printf '%s\n' "$OUT" | tail -n +2)

for w in "make run" "make check"; do
	grep -q "$w" "$ROOT/README.md" && ok "README shows $w" || notok "README lacks $w"
done
grep -q "make check" "$ROOT/.ci/run" && ok ".ci/run runs make check" || notok ".ci/run does not run make check"
