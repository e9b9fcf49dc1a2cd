# reasons.sh — origins and reasons are stored as codes with arguments, shown translated, never cut.
. "$(dirname "$0")/lib.sh"

hf init >/dev/null
hf user add op_a --role operator --team postop --name 王芳
hf user add sup --role supervisor --team service
as() { local who=$1; shift; HUIFANG_AS=$who hf "$@"; }

# customer NAME: a surgery customer seen yesterday; prints "customer task-due-today".
customer() {
	hf add customer --name "$1" --phone 1390000$((RANDOM % 9000 + 1000)) --gender F
	local c=$OUT
	hf add visit "$c" --kind surgery --date 2026-11-22 --treatment 隆鼻
	echo "$c $(sql "SELECT id FROM task WHERE customer_id=$c AND due_date='2026-11-23'")"
}

# A curve call's origin: its code and arguments, typed.
read -r C1 T1 < <(customer 张一)
check_eq "a curve origin is stored as code and arguments" \
	"$(sql "SELECT json_extract(origin, '\$.code'), json_extract(origin, '\$.visit_kind'),
	        json_extract(origin, '\$.visit_date'), json_extract(origin, '\$.treatment'),
	        json_extract(origin, '\$.offset') FROM task WHERE id=$T1")" \
	"curve|surgery|2026-11-22|隆鼻|+1d"

# A callback carries the earlier origin whole, and a next contact on it carries both.
as op_a log "$T1" --outcome callback --next "2026-11-24 15:00";  check_rc "callback" 0
T2=$(sql "SELECT id FROM task WHERE customer_id=$C1 AND kind='callback'")
check_eq "the callback's origin nests the curve call's" \
	"$(sql "SELECT json_extract(origin, '\$.code'), json_extract(origin, '\$.task'),
	        json_extract(origin, '\$.origin.code'), json_extract(origin, '\$.origin.offset')
	        FROM task WHERE id=$T2")" "callback|$T1|curve|+1d"
HUIFANG_NOW="2026-11-24 15:00" as op_a log "$T2" --outcome reached --next 2026-11-26
T3=$(sql "SELECT id FROM task WHERE customer_id=$C1 AND kind='followup' AND due_date='2026-11-26'
          AND json_extract(origin, '\$.code') = 'next_contact'")
check_eq "two levels deep, whole" \
	"$(sql "SELECT json_extract(origin, '\$.task') || ' ' || json_extract(origin, '\$.origin.task')
	        || ' ' || json_extract(origin, '\$.origin.origin.treatment') FROM task WHERE id=$T3")" \
	"$T2 $T1 隆鼻"

# A reason: one part per trigger, reportable by code.
read -r C4 T4 < <(customer 张四)
as op_a log "$T4" --outcome complaint --complaint 服务态度 --score 1 --note "术后有点发烧"
check_rc "a complaint with a low score and a risk word" 0
check_eq "the reason's parts" \
	"$(sql "SELECT group_concat(json_extract(value, '\$.code'), ',') FROM escalation, json_each(reason)
	        WHERE customer_id=$C4")" "outcome,low_score,risk_word"
check_eq "their arguments" \
	"$(sql "SELECT json_extract(reason, '\$[0].outcome') || ' ' || json_extract(reason, '\$[0].category')
	        || ' ' || json_extract(reason, '\$[1].score') || ' ' || json_extract(reason, '\$[2].word')
	        FROM escalation WHERE customer_id=$C4")" "complaint 服务态度 1 发烧"
as sup escalations
check_out "the table shows the reason in words" 'Complaint \(服务态度\); low score 1'
as sup show customer "$C4"
check_out "show customer reads it whole" \
	'Complaint \(服务态度\); low score 1; risk word "发烧" in the note$'
LANGUAGE=zh_CN LANG=zh_CN.UTF-8 as sup show customer "$C4"
check_out "and in Chinese" '投诉 \(服务态度\)；低分 1；备注中有风险词 "发烧"$'
as sup escalations --format tsv
check_out "tsv carries the codes" \
	'"code":"outcome","outcome":"complaint","category":"服务态度"'
# Nothing is cut silently: a text over its limit is refused and writes nothing.
E4=$(sql "SELECT id FROM escalation WHERE customer_id=$C4")
huge=$(head -c 4097 /dev/zero | tr '\0' x)
before=$(fingerprint)
as sup escalation resolve "$E4" --note "$huge";  check_err "a resolution over 4096 bytes: exit 2" 2 "too long"
check_eq "and nothing written" "$(fingerprint)" "$before"
long_note=$(printf '已回访，顾客满意。%.0s' $(seq 20))
as sup escalation resolve "$E4" --note "$long_note";  check_rc "a long resolution" 0
check_eq "is stored whole" "$(sql "SELECT resolution FROM escalation WHERE id=$E4")" "$long_note"

# A callback chain too deep to carry is refused, not cut.
for i in $(seq 10); do
	t=$(sql "SELECT max(id) FROM task WHERE customer_id=$C1 AND status='open' AND
	         json_extract(origin, '\$.code') IN ('callback', 'next_contact')")
	HUIFANG_NOW="2026-11-26 10:00" as op_a log "$t" --outcome callback --next "2026-11-27 1$((i % 8)):00"
	[ "$RC" -eq 0 ] || break
done
check_err "a callback that cannot carry the origin any further: exit 2" 2 "next contact"
deep='$'; for i in $(seq 10); do deep="$deep.origin"; done
check_eq "the deepest origin is stored whole, eleven parts" \
	"$(sql "SELECT count(*) FROM task WHERE customer_id=$C1 AND
	        json_extract(origin, '$deep.code') = 'curve'")" "1"

# An event carries the reason as stored: an array of parts, not a sentence.
printf 'events = { path = "%s"; };\n' "$T/events.jsonl" > "$T/events.conf"
read -r C6 T6 < <(customer 张六)
as op_a -c "$T/events.conf" log "$T6" --outcome complaint --complaint 效果不满意
check_eq "the event's reason is data" \
	"$(jq -c 'select(.event == "escalation.raised") | .reason' "$T/events.jsonl")" \
	'[{"code":"outcome","outcome":"complaint","category":"效果不满意"}]'
