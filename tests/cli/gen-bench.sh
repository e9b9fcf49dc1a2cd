# gen-bench.sh — scripts/gen-bench makes a chain-shaped clinic in the real schema, the same file
# for the same seed, and huifang works on it (the benchmarks use it at a million customers).
. "$(dirname "$0")/lib.sh"

GEN="$ROOT/scripts/gen-bench"
N=3000
TODAY=${HUIFANG_NOW%% *}
run "$GEN" --customers $N --db "$DB" --seed 7
check_rc "a clinic of $N customers" 0
fresh=$(sha256sum <"$DB")

"$HF" -d "$T/plain.db" init >/dev/null
schema() { sqlite3 "$1" "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name; PRAGMA user_version"; }
if [ "$(schema "$DB")" = "$(schema "$T/plain.db")" ]; then ok "the schema is huifang's own"; else notok "the schema differs from a new database's"; fi
if [ "$(sql "PRAGMA integrity_check")" = ok ] && [ -z "$(sql "PRAGMA foreign_key_check")" ]; then
	ok "integrity and foreign keys hold"
else
	notok "integrity_check or foreign_key_check fails"
fi
counts=$(sql "SELECT (SELECT count(*) FROM customer) || ' ' || (SELECT count(*) FROM visit) || ' ' ||
  (SELECT count(*) FROM call) || ' ' || (SELECT count(*) FROM user WHERE login != '$ME') || ' ' ||
  (SELECT count(DISTINCT status) FROM escalation) || ' ' || (SELECT count(DISTINCT team) FROM user)")
if [ "$counts" = "$N $((3 * N)) $((5 * N)) 50 3 5" ]; then ok "three visits and five calls a customer, 50 people in 5 teams, escalations in every state"; else notok "counts: $counts"; fi
span=$(sql "SELECT min(date) >= date('$TODAY', '-2 years') AND max(date) <= '$TODAY' FROM visit")
[ "$span" = 1 ] && ok "visits over the two years before the day" || notok "visits outside the two years"
hf queue --format tsv
mine=$(printf '%s\n' "$OUT" | awk -F'\t' -v me="$ME" 'NR > 1 && $0 ~ "callback" { n++ } END { print n + 0 }')
if [ "$RC" -eq 0 ] && [ "$mine" -ge 500 ]; then ok "huifang queue shows the day's callbacks for the login's team ($mine)"; else notok "queue: status $RC, $mine callbacks (${ERR:0:200})"; fi
hf queue --all --format tsv
check_rc "huifang queue --all" 0
hf escalations --all --format tsv
check_rc "huifang escalations --all" 0

run "$GEN" --customers $N --db "$T/again.db" --seed 7
run "$GEN" --customers $N --db "$T/other.db" --seed 8
a=$fresh b=$(sha256sum <"$T/again.db") c=$(sha256sum <"$T/other.db")
[ "$a" = "$b" ] && ok "the same seed gives the same file" || notok "the same seed gave another file"
[ "$a" != "$c" ] && ok "another seed another clinic" || notok "seeds 7 and 8 gave the same file"

run "$GEN" --customers $N --db "$DB"
check_rc "an existing file is never overwritten" 2
run "$GEN" --customers many --db "$T/x.db"
check_rc "a customer count that is no number" 2
[ ! -e "$T/x.db" ] && ok "... and nothing written" || notok "a file was written for bad input"
