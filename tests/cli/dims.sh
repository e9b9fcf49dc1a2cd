# dims.sh — satisfaction in several dimensions: the rules file's list and its checks, `log --dim`
# by name or code and its refusals, a low dimension's escalation, the scores in the history, the
# escalation, the export and the events, and the audit trail's proof of them.
. "$(dirname "$0")/lib.sh"

# ---- the rules file -------------------------------------------------------------------------
bad() { # DESC LIST PATTERN: `check-config` of a file with this dimensions list: exit 2, the line
	printf 'dimensions = (\n%s\n);\n' "$2" >"$T/bad.conf"
	run "$HF" check-config "$T/bad.conf"
	if [ "$RC" -eq 2 ] && printf '%s\n' "$ERR$OUT" | grep -qF -- "$3"; then ok "$1"; else
		notok "$1 (status $RC: ${ERR:0:300} ${OUT:0:300})"; fi
}
bad "a code given twice" '{ code = "a"; name = "甲"; },
  { code = "a"; name = "乙"; }' 'bad.conf:3: dimensions[2].code: dimension "a" is listed twice'
bad "a name given twice" '{ code = "a"; name = "甲"; },
  { code = "b"; name = "甲"; }' 'bad.conf:3: dimensions[2].name: dimension name "甲" is already the name or code of another'
bad "a name that is another's code" '{ code = "a"; name = "b"; },
  { code = "b"; name = "乙"; }' 'bad.conf:2: dimensions[1].name: dimension name "b" is already'
bad "a threshold above 4" '{ code = "a"; name = "甲"; low = 5; }' 'bad.conf:2: dimensions[1].low: 5 is out of range (0 to 4)'
bad "a threshold below 0" '{ code = "a"; name = "甲"; low = -1; }' 'dimensions[1].low: -1 is out of range (0 to 4)'
bad "a code that is not one" '{ code = "态度"; name = "甲"; }' 'dimensions[1].code'
bad "no name" '{ code = "a"; }' 'dimensions[1]: missing key "name"'
bad "nine dimensions" "$(for i in 1 2 3 4 5 6 7 8 9; do printf '{ code = "d%d"; name = "n%d"; },\n' $i $i; done | sed '$ s/,$//')" \
	'dimensions: too many dimensions (at most 8)'
printf 'dimensions = ();\n' >"$T/none.conf"
run "$HF" check-config "$T/none.conf";                    check_rc "no dimensions at all is a valid rules file" 0

# The clinic: two dimensions, one with a threshold; events to a file.
events_config
cat >>"$CONF" <<'EOF'
dimensions = (
  { code = "attitude"; name = "Attitude"; low = 2; },   # the built-in name, translated
  { code = "results";  name = "效果"; }                 # a name of the clinic's own
);
EOF
run "$HF" check-config "$CONF";                           check_rc "the clinic's rules file is valid" 0
hfc init >/dev/null
hfc user add op_a --role operator --team postop
hfc user add sup --role supervisor --team service
customer() { # NAME: a surgery customer of yesterday; prints "customer task-due-today"
	hfc add customer --name "$1" --phone 1390000$((RANDOM % 9000 + 1000))
	local c=$OUT
	hfc add visit "$c" --kind surgery --date 2026-11-22 --treatment 隆鼻
	echo "$c $(sql "SELECT id FROM task WHERE customer_id=$c AND due_date='2026-11-23'")"
}
scores() { sql "SELECT coalesce(group_concat(dimension || '=' || score, ' '), '') FROM (SELECT s.dimension, s.score FROM call_score s JOIN call c ON c.id = s.call_id WHERE c.task_id = $1 ORDER BY s.id)"; }

# ---- refusals: one line, exit 2, nothing written ---------------------------------------------
read -r C1 T1 < <(customer 李一)
before=$(fingerprint)
as op_a log "$T1" --outcome reached --dim mood=3;         check_err "an unknown dimension: exit 2, the known ones listed" 2 'unknown dimension "mood" (expected one of: Attitude, 效果)'
as op_a log "$T1" --outcome reached --dim attitude=6;     check_err "a score above 5: exit 2" 2 '"6" is not a score from 1 to 5'
as op_a log "$T1" --outcome reached --dim attitude=0;     check_err "a score of 0: exit 2" 2 '"0" is not a score from 1 to 5'
as op_a log "$T1" --outcome reached --dim 效果=五;         check_err "a score that is not a number: exit 2" 2 '"五" is not a score'
as op_a log "$T1" --outcome reached --dim attitude;       check_err "no score: exit 2" 2 'is not DIMENSION=SCORE'
as op_a log "$T1" --outcome reached --dim =4;             check_err "no dimension: exit 2" 2 'is not DIMENSION=SCORE'
as op_a log "$T1" --outcome reached --dim attitude=4 --dim attitude=5; check_err "a dimension twice: exit 2" 2 'Attitude is scored twice'
as op_a log "$T1" --outcome reached --dim Attitude=4 --dim attitude=5; check_err "... by name and by code too" 2 'Attitude is scored twice'
as op_a log "$T1" --outcome no_answer --dim 效果=4;        check_err "--dim where the outcome asks no score: exit 2" 2 'outcome No answer takes no score (效果)'
as op_a log "$T1" --outcome callback --next 2026-11-25 --dim attitude=4; check_err "... a callback neither" 2 'takes no score (Attitude)'
check_eq "the refusals wrote nothing" "$(fingerprint)" "$before"
check_eq "... no dimension score" "$(sql "SELECT count(*) FROM call_score")" 0

# ---- scores by name and by code ---------------------------------------------------------------
as op_a log "$T1" --outcome reached --score 4 --dim 效果=5 --dim Attitude=3
check_rc "scores by name (as written, translated) are logged" 0
check_eq "each is stored as its code and score, in the rules' order" "$(scores "$T1")" "attitude=3 results=5"
check_eq "the overall score stays as it is" "$(sql "SELECT score FROM call WHERE task_id = $T1")" 4
check_eq "nothing low: no escalation" "$(sql "SELECT count(*) FROM escalation WHERE customer_id = $C1")" 0
check_eq "the audit row has them" "$(sql "SELECT detail FROM audit WHERE action = 'log' AND entity_id = (SELECT id FROM call WHERE task_id = $T1)")" \
	"task=$T1 outcome=reached score=4 dim.attitude=3 dim.results=5"
check_eq "the event has them" "$(jq -c 'select(.event == "call.logged") | [.score, .score_attitude, .score_results]' "$EV" | tail -1)" "[4,3,5]"
as sup show customer "$C1";                               check_out "the history shows them by name" "score 4/5  \(Attitude 3/5, 效果 5/5\)"

read -r C2 T2 < <(customer 李二)
as op_a log "$T2" --outcome complaint --complaint 服务态度 --dim results=1 --dim attitude=2
check_rc "scores by code, on a complaint" 0
check_out "a low dimension escalates, naming it" "low score 2 for Attitude"
check_eq "one escalation: the complaint and the low dimension" \
	"$(sql "SELECT severity || ' ' || json_extract(reason, '\$[0].code') || ' ' || json_extract(reason, '\$[1].code') || ' ' || json_extract(reason, '\$[1].dimension') || ' ' || json_array_length(reason) FROM escalation WHERE customer_id = $C2")" \
	"high outcome low_dimension attitude 2"
check_eq "results has no threshold: its 1 raises nothing" "$(scores "$T2")" "attitude=2 results=1"
E2=$(sql "SELECT id FROM escalation WHERE customer_id = $C2")
as sup escalation show "$E2"
check_out "the escalation names the dimension" "reason +Complaint \(服务态度\); low score 2 for Attitude"
check_out "... and shows the call's scores" "call +[0-9]+ · Complaint · Attitude 2/5, 效果 1/5"
as sup show customer "$C2";                               check_out "the history shows the reason" "low score 2 for Attitude"

if locale -a 2>/dev/null | grep -qi '^zh_CN\.utf-\?8$'; then
	zh() { LANGUAGE=zh_CN LANG=zh_CN.UTF-8 LC_ALL=zh_CN.UTF-8 HUIFANG_AS=$1 run "$HF" -d "$DB" -c "$CONF" "${@:2}"; }
	read -r C3 T3 < <(customer 李三)
	zh op_a log "$T3" --outcome reached --dim 服务态度=1
	check_rc "in Chinese the translated name is typed" 0
	check_out "... and the reason reads in Chinese" "服务态度低分 1"
	check_eq "... stored as the code" "$(scores "$T3")" "attitude=1"
	zh sup show customer "$C3";                          check_out "the history in Chinese" "服务态度 1/5"
	zh op_a log "$T1" --outcome reached --dim 态度=1;     check_err "an unknown name in Chinese lists the names" 2 "未知分项“态度”（可选：服务态度、效果）"
else
	for i in 1 2 3 4 5; do ok "# SKIP no zh_CN.UTF-8 locale: Chinese names"; done
fi

# ---- export: a column per dimension -------------------------------------------------------------
as sup export calls "$T/calls.csv";                       check_rc "export calls" 0
head=$(head -1 "$T/calls.csv" | tr -d '\r' | sed '1s/^\xef\xbb\xbf//')
check_out_of() { if printf '%s\n' "$1" | grep -qE -- "$2"; then ok "$3"; else notok "$3 ($1)"; fi; }
check_out_of "$head" ",score,score_attitude,score_results,nps," "the csv has a column per dimension after the score"
row=$(grep -F ",$T1," "$T/calls.csv" | tr -d '\r')
check_out_of "$row" ",reached,4,3,5,," "... with each call's scores"
row=$(grep -F ",$T2," "$T/calls.csv" | tr -d '\r')
check_out_of "$row" ",complaint,,2,1,," "... none is empty"
as sup export calls "$T/calls.json" --format json;        check_rc "export calls as json" 0
check_eq "json: a key per dimension" "$(jq -c ".[] | select(.task_id == \"$T1\") | [.score, .score_attitude, .score_results]" "$T/calls.json")" '["4","3","5"]'

# ---- the audit trail proves them -----------------------------------------------------------------
hf audit --verify;                                        check_rc "the trail verifies" 0
cp "$DB" "$T/keep.db"
sql "UPDATE call_score SET score = 5 WHERE dimension = 'attitude' AND call_id = (SELECT id FROM call WHERE task_id = $T2)"
hf audit --verify;                                        check_err "a changed dimension score is found" 1 "dimension score [0-9]*: its score differs"
cp "$T/keep.db" "$DB"
sql "DELETE FROM call_score WHERE dimension = 'results' AND call_id = (SELECT id FROM call WHERE task_id = $T1)"
hf audit --verify;                                        check_err "a removed one too" 1 "dimension score [0-9]* is missing"
cp "$T/keep.db" "$DB"
sql "INSERT INTO call_score(call_id, dimension, score) VALUES ((SELECT id FROM call WHERE task_id = $T2), 'extra', 5)"
hf audit --verify;                                        check_err "... and one added behind the trail's back" 1 "dimension score [0-9]* was written without an audit row"
