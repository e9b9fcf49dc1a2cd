# signals.sh — negated risk words end to end, the recommendation (NPS) of a call, and the events
# file and FIFO.
. "$(dirname "$0")/lib.sh"

events_config

hfc init >/dev/null
hfc user add op_a --role operator --team postop
hfc user add sup --role supervisor --team service

# customer NAME: a surgery customer of yesterday; prints "customer task-due-today".
customer() {
	hfc add customer --name "$1" --phone 1390000$((RANDOM % 9000 + 1000)) --gender F
	local c=$OUT
	hfc add visit "$c" --kind surgery --date 2026-11-22 --treatment 隆鼻
	echo "$c $(sql "SELECT id FROM task WHERE customer_id=$c AND due_date='2026-11-23'")"
}

# ---- negation ----
read -r C1 T1 < <(customer 王一)
as op_a log "$T1" --outcome reached --score 5 --note "无发烧，无感染，没有出血"
check_rc "a note of negated risk words logs" 0
check_eq "negated risk words raise nothing" "$(sql "SELECT count(*) FROM escalation WHERE customer_id=$C1")" 0
read -r C2 T2 < <(customer 王二)
as op_a log "$T2" --outcome reached --score 4 --note "吃了药还是没退烧"
check_eq "没退烧 is urgent" "$(sql "SELECT severity FROM escalation WHERE customer_id=$C2")" urgent
check_out "the summary names it as written" "没退烧"

# ---- NPS ----
read -r C3 T3 < <(customer 王三)
before=$(fingerprint)
as op_a log "$T3" --outcome reached --nps 11;          check_err "--nps 11: exit 2" 2 "11"
as op_a log "$T3" --outcome reached --nps -1;          check_err "--nps -1: exit 2" 2 "nps"
as op_a log "$T3" --outcome reached --nps 七;          check_err "--nps 七: exit 2" 2 "七"
as op_a log "$T3" --outcome no_answer --nps 8;         check_err "no NPS on a missed call: exit 2" 2 "No answer takes no recommendation"
check_eq "refusals wrote nothing" "$(fingerprint)" "$before"
as op_a log "$T3" --outcome reached --score 5 --nps 0; check_rc "NPS 0 is an answer" 0
check_eq "the call keeps its NPS" "$(sql "SELECT score, nps FROM call WHERE task_id=$T3")" "5|0"
check_eq "a call without one keeps none" "$(sql "SELECT count(*) FROM call WHERE task_id=$T1 AND nps IS NULL")" 1
read -r C4 T4 < <(customer 王四)
as op_a log "$T4" --outcome reached --nps 10;          check_rc "NPS 10" 0
as sup show customer "$C4";                            check_out "history shows the NPS" "10/10"
if locale -a 2>/dev/null | grep -qi '^zh_CN\.utf-\?8$'; then
	LANGUAGE=zh_CN LANG=zh_CN.UTF-8 LC_ALL=zh_CN.UTF-8 HUIFANG_AS=sup run "$HF" -d "$DB" -c "$CONF" show customer "$C4"
	check_out "history shows the NPS in Chinese" "推荐意愿 10/10"
else
	ok "# SKIP no zh_CN.UTF-8 locale: history shows the NPS in Chinese"
fi
check_eq "the audit row has it" "$(sql "SELECT count(*) FROM audit WHERE action='log' AND detail LIKE '% nps=10'")" 1

# ---- events ----
lines() { grep -c '' "$EV"; }
check_eq "every call made a line, every escalation another" "$(lines)" 5
check_eq "every line is a JSON object" "$(jq -c 'select(type=="object") | .event' "$EV" | grep -c '')" 5
check_eq "a logged call" "$(jq -c "select(.call==$(sql "SELECT id FROM call WHERE task_id=$T3") and .event==\"call.logged\") | [.at, .by, .task, .customer, .outcome, .score, .nps]" "$EV")" \
	"[\"2026-11-23 09:30\",\"op_a\",$T3,$C3,\"reached\",5,0]"
E2=$(sql "SELECT id FROM escalation WHERE customer_id=$C2")
check_eq "a raised escalation" "$(jq -c "select(.event==\"escalation.raised\") | [.escalation, .customer, .severity, .sla_due, .status]" "$EV")" \
	"[$E2,$C2,\"urgent\",\"2026-11-23 11:30\",\"open\"]"
as sup escalation ack "$E2" --note 已电话联系;            check_rc "ack" 0
check_eq "acknowledged" "$(tail -1 "$EV" | jq -c '[.event, .escalation, .by, .status]')" "[\"escalation.acknowledged\",$E2,\"sup\",\"acknowledged\"]"
as op_a escalations;                                   check_rc "an operator's refused listing" 3
check_eq "a refusal writes no event" "$(lines)" 6

# A FIFO nobody reads: the call is logged at once and the event is lost.
FIFO="$T/events.fifo"
mkfifo "$FIFO"
printf 'events = { path = "%s"; };\n' "$FIFO" >"$CONF"
read -r C5 T5 < <(customer 王五)
HUIFANG_AS=op_a run timeout 10 "$HF" -d "$DB" -c "$CONF" log "$T5" --outcome reached --score 4
check_rc "a FIFO without a reader does not hold up the call" 0
check_eq "the call is saved" "$(sql "SELECT count(*) FROM call WHERE task_id=$T5")" 1
# With a reader (this shell holds the FIFO open), the line arrives.
exec 3<>"$FIFO"
read -r C6 T6 < <(customer 王六)
HUIFANG_AS=op_a run timeout 10 "$HF" -d "$DB" -c "$CONF" log "$T6" --outcome reached --score 5
line=""
read -r -t 10 line <&3
exec 3<&-
check_eq "a reader of the FIFO gets the line" "$(printf '%s' "$line" | jq -r '[.event, .task] | @tsv')" "call.logged	$T6"

# A bad events path is a config problem.
printf 'events = { path = "relative.jsonl"; };\n' >"$CONF"
hfc check-config "$CONF";                              check_rc "a relative events path is refused" 2
