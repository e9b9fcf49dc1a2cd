# escalations.sh — the supervisor's escalations: listing and filters, the timeline, acknowledge
# and assign several at once, notes, callbacks, resolution categories, reopening, and the
# ladder of breaches with the clock pinned. Every action is refused to operators.
. "$(dirname "$0")/lib.sh"

events_config
at() { local when=$1 who=$2; shift 2; HUIFANG_NOW="$when" HUIFANG_AS=$who hfc "$@"; }

hfc init >/dev/null
hfc user add op_a --role operator --team postop
hfc user add sup --role supervisor --team service
hfc user add sup2 --role supervisor --team service

# escalate NAME ARGS...: a surgery customer of yesterday whose call today raises an escalation;
# prints its id.
escalate() {
	local name=$1; shift
	hfc add customer --name "$name" --phone 1390000$((RANDOM % 9000 + 1000))
	local c=$OUT
	hfc add visit "$c" --kind surgery --date 2026-11-22 --treatment 隆鼻
	local t; t=$(sql "SELECT id FROM task WHERE customer_id=$c AND due_date='2026-11-23'")
	as op_a log "$t" --outcome reached "$@"
	sql "SELECT id FROM escalation WHERE customer_id=$c"
}
E1=$(escalate 李一 --score 4 --note "伤口发烧两天")                    # urgent, due 11:30
E2=$(escalate 李二 --score 1)                                          # normal, due 11-25 09:30
E3=$(escalate 李三 --outcome complaint --complaint 服务态度 --score 3)  # high, due 11-24 09:30
C1=$(sql "SELECT customer_id FROM escalation WHERE id=$E1")

# ---- operators are refused everything (3), nothing written ----
before=$(fingerprint)
for args in "escalations" "escalations --breached" "escalation show $E1" "escalation ack $E1" \
	"escalation note $E1 --note x" "escalation assign $E1 --to sup" \
	"escalation callback $E1 --at 2026-11-24" "escalation resolve $E1 --note x" \
	"escalation reopen $E1"; do
	# shellcheck disable=SC2086
	as op_a $args;                                      check_err "an operator: $args: exit 3" 3 "supervisor"
done
check_eq "refusals wrote nothing" "$(fingerprint)" "$before"

# ---- the listing ----
as sup escalations --format tsv
check_eq "open escalations, most severe first" "$(printf '%s\n' "$OUT" | cut -f1 | tail -n +2 | tr '\n' ' ')" "$E1 $E3 $E2 "
as sup escalations
check_out "the table counts down to the deadline" "2h 00m left"
check_out "the table shows the whole reason" 'risk word "发烧" in the note'
as sup escalations --format csv
check_out "csv" "id,severity,status,sla_due,customer_id,customer_name,reason,"
as sup escalations --all --mine;                       check_err "two filters: exit 2" 2 "one of"
as sup escalations --format xml;                       check_err "an unknown format: exit 2" 2 "xml"

# ---- acknowledge several at once: all or none ----
as sup escalation ack "$E2" "$E3" --note 已看到;         check_rc "ack two" 0
check_eq "both acknowledged and held by the acknowledger" \
	"$(sql "SELECT group_concat(status || ':' || assignee, ' ') FROM escalation WHERE id IN ($E2, $E3)")" \
	"acknowledged:sup acknowledged:sup"
before=$(fingerprint)
as sup2 escalation ack "$E1" "$E2";                    check_err "one already acknowledged: exit 2" 2 "$E2"
check_eq "... and the other is left as it was" "$(fingerprint)" "$before"
as sup escalation ack 999;                             check_err "a missing escalation: exit 2" 2 "999"
as sup escalation ack;                                 check_err "no id: exit 2" 2 "escalation id"
as sup escalations --mine --format tsv
check_eq "--mine: what I hold" "$(printf '%s\n' "$OUT" | cut -f1 | tail -n +2 | sort | tr '\n' ' ')" "$(printf '%s\n' "$E2" "$E3" | sort | tr '\n' ' ')"

# ---- notes and assignment ----
as sup escalation note "$E3";                          check_err "a note without text: exit 2" 2 "note"
as sup escalation note "$E3" --note "顾客要求主管回电";   check_rc "a note" 0
as sup escalation assign "$E3" --to op_a;              check_err "assigning to an operator: exit 2" 2 "op_a"
as sup escalation assign "$E3" --team nosuch;          check_err "an unknown team: exit 2" 2 "nosuch"
as sup escalation assign "$E3";                        check_err "assigning to nobody: exit 2" 2 "--to"
as sup escalation assign "$E3" --to sup2 --team postop; check_err "assigning to two: exit 2" 2 "--to"
as sup escalation assign "$E1" "$E3" --team postop --note 请护士回访; check_rc "assign two to the nursing team" 0
check_eq "held by the team" "$(sql "SELECT group_concat(assignee || ':' || assignee_team, ' ') FROM escalation WHERE id IN ($E1, $E3)")" ":postop :postop"
as sup escalation assign "$E3" --to sup2;              check_rc "assign to a supervisor" 0
check_eq "held by sup2" "$(sql "SELECT assignee || ':' || assignee_team FROM escalation WHERE id=$E3")" "sup2:"

# ---- a supervisor's callback ----
as sup escalation callback "$E3" --at "2026-11-23 08:00"; check_err "a callback in the past: exit 2" 2 "2026-11-23 08:00"
as sup escalation callback "$E3" --at soon;            check_err "an unreadable time: exit 2" 2 "soon"
as sup escalation callback "$E3" --at "2026-11-23 15:00"; check_rc "a callback" 0
CT=$(sql "SELECT max(id) FROM task")
check_eq "the callback task: the supervisor's, at the time, for the customer" \
	"$(sql "SELECT kind, owner, team, due_date, due_time, customer_id = (SELECT customer_id FROM escalation WHERE id=$E3) FROM task WHERE id=$CT")" \
	"callback|sup|service|2026-11-23|15:00|1"
as sup queue --format tsv;                             check_out "it is in the supervisor's queue" "^$CT	"

# ---- resolve with a category; reopen ----
as sup escalation resolve "$E3";                       check_err "resolve without a text: exit 2" 2 "note"
as sup escalation resolve "$E3" --as vip --note x;     check_err "an unknown category: exit 2" 2 "refunded"
as sup escalation resolve "$E3" --as refunded --note "退还部分费用，顾客接受"; check_rc "resolve" 0
check_eq "stored as a code with its text" "$(sql "SELECT status, resolution_code, resolution, resolved_by FROM escalation WHERE id=$E3")" \
	"resolved|refunded|退还部分费用，顾客接受|sup"
as sup escalation resolve "$E3" --note again;          check_err "resolving twice: exit 2" 2 "already"
as sup escalation reopen "$E2";                        check_err "reopening what is not resolved: exit 2" 2 "not resolved"
at "2026-11-23 10:00" sup escalation reopen "$E3" --note "顾客再次来电"; check_rc "reopen" 0
check_eq "open again at the foot of the ladder, the complaint deadline from now" \
	"$(sql "SELECT status, level, sla_due, resolution_code FROM escalation WHERE id=$E3")" "open|0|2026-11-24 10:00|"
as sup escalation resolve "$E2" --note "已电话安抚";     check_rc "resolve with the default category" 0
check_eq "the default is the first category" "$(sql "SELECT resolution_code FROM escalation WHERE id=$E2")" solved

# ---- the timeline ----
as sup escalation show "$E3"
check_out "show: the reason" "Complaint \(服务态度\)"
for step in "op_a +raised" "sup +acknowledged: 已看到" "sup +note: 顾客要求主管回电" "sup +assigned to 术后护理组: 请护士回访" \
	"sup +assigned to sup2" "sup +callback scheduled: task $CT" "sup +resolved: 退款: 退还部分费用" "sup +reopened: 顾客再次来电"; do
	check_out "timeline: $step" "^  2026-11-23 [0-9:]{5}  $step"
done
check_eq "every step audited" "$(sql "SELECT group_concat(action, ' ') FROM (SELECT action FROM audit WHERE entity='escalation' AND entity_id=$E3 ORDER BY id)")" \
	"acknowledged note assigned assigned callback resolved reopened"

# ---- the ladder (客服主管 -> 客服经理 -> 院长, 4 h a level), with the clock pinned ----
at "2026-11-23 11:30" sup escalations --breached --format tsv
check_eq "at the deadline: not yet breached" "$(printf '%s\n' "$OUT" | tail -n +2)" ""
at "2026-11-23 11:31" sup escalations --format tsv
check_out "a minute past: breached, first" "^$E1	urgent	breached	2026-11-23 15:30	.*	1	"
at "2026-11-23 16:00" sup escalations --breached --format tsv
check_out "missed again: up to the top" "^$E1	urgent	breached	2026-11-23 19:30	.*	2	"
at "2026-11-23 21:00" sup escalations --format tsv
at "2026-11-24 09:00" sup escalations --format tsv
check_eq "a breach a level, the top one once" "$(sql "SELECT group_concat(at || '>' || value, ' ') FROM (SELECT at, value FROM escalation_step WHERE escalation_id=$E1 AND step='breached' ORDER BY id)")" \
	"2026-11-23 11:30>1 2026-11-23 15:30>2 2026-11-23 19:30>2"
check_eq "each step audited" "$(sql "SELECT count(*) FROM audit WHERE action='breached' AND entity_id=$E1")" 3
check_eq "each step an event, naming the level" "$(jq -r "select(.event==\"escalation.breached\" and .escalation==$E1) | .level" "$EV" | tr '\n' ' ')" "客服经理 院长 院长 "
at "2026-11-24 09:00" sup escalation show "$E1"
check_out "show: moved up" "deadline missed; moved up to 客服经理"
check_out "show: the top" "deadline missed at the top of the ladder \(院长\)"
check_out "show: held at the top" "院长"
# Acknowledged escalations do not breach; plan finds breaches too.
E4=$(escalate 李四 --score 4 --note "出血不止")
HUIFANG_NOW="2026-11-23 12:00" HUIFANG_AS=op_a run "$HF" -d "$DB" -c "$CONF" plan
check_rc "plan" 0
check_eq "plan moved a missed deadline up the ladder" "$(sql "SELECT level FROM escalation WHERE id=$E4")" 1
at "2026-11-23 12:00" sup escalation ack "$E4"
at "2026-11-24 12:00" sup escalations
check_eq "an acknowledged escalation stays where it is" "$(sql "SELECT level, breached_levels FROM escalation WHERE id=$E4")" "1|1"

# ---- events of each step ----
check_eq "events: raised, acknowledged, assigned, resolved, reopened, breached again" \
	"$(jq -r "select(.escalation==$E3) | .event" "$EV" | tr '\n' ' ')" \
	"escalation.raised escalation.acknowledged escalation.assigned escalation.assigned escalation.resolved escalation.reopened escalation.breached "
check_eq "assigned names whom" "$(jq -r "select(.escalation==$E3 and .event==\"escalation.assigned\") | .to" "$EV" | tr '\n' ' ')" "team:postop sup2 "
check_eq "resolved names the category" "$(jq -r "select(.escalation==$E3 and .event==\"escalation.resolved\") | .resolution" "$EV")" refunded
