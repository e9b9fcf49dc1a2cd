# plan.sh — planning over days: missed calls, escalation, merges, release, dormant customers, idempotence.
. "$(dirname "$0")/lib.sh"

hf init >/dev/null
hf user add op_a --role operator --team postop
hf user add sup --role supervisor --team service

# A surgery yesterday with a birthday on day 3: the birthday greeting rides on the day-3 call.
HUIFANG_NOW="2026-11-22 10:00" hf add customer --name 陈佳 --phone 13600000001 --birthday 1991-11-25 --consultant cons
C1=$OUT
HUIFANG_NOW="2026-11-22 10:00" hf add visit "$C1" --kind surgery --date 2026-11-22 --treatment 去眼袋
D3=$(sql "SELECT id FROM task WHERE customer_id=$C1 AND kind='followup' AND due_date='2026-11-25'")
check_eq "a birthday on a call day is merged into that call" \
	"$(sql "SELECT status, merged_into FROM task WHERE customer_id=$C1 AND kind='birthday'")" "merged|$D3"
HUIFANG_AS=op_a HUIFANG_NOW="2026-11-25 09:00" hf queue --date 2026-11-25 --format tsv
check_eq "the merged reason is not a second call" "$(printf '%s\n' "$OUT" | grep -c "	2026-11-25	.*	$C1	")" "1"

# Day 1 is never called: on day 3 it is missed, and a missed first-week post-op call is urgent.
HUIFANG_NOW="2026-11-25 08:00" hf plan
check_rc "plan on day 3" 0
check_out "plan reports the missed call" " 1 missed"
check_eq "the day-1 call is missed" \
	"$(sql "SELECT status FROM task WHERE customer_id=$C1 AND due_date='2026-11-23'")" "missed"
check_eq "a missed first-week post-op call raises an urgent escalation" \
	"$(sql "SELECT severity FROM escalation WHERE customer_id=$C1")" "urgent"
HUIFANG_NOW="2026-11-25 08:05" hf plan
check_out "planning again changes nothing" "0 created, 0 merged, 0 missed, 0 released, 0 cancelled, 0 escalated"
check_eq "and raises no second escalation" "$(sql "SELECT count(*) FROM escalation WHERE customer_id=$C1")" "1"

# An owned task untouched for 7 days since it fell due goes back to the team pool.
TK=$(sql "SELECT id FROM task WHERE customer_id=$C1 AND due_date='2026-11-29'")
sql "UPDATE task SET owner='op_a', due_date='2026-11-17', window_end='2026-12-31', touched_at='2026-11-17 10:00' WHERE id=$TK"
HUIFANG_NOW="2026-11-25 09:00" hf plan
check_out "plan reports the release" " 1 released"
check_eq "the stale task is back in the pool" "$(sql "SELECT owner FROM task WHERE id=$TK")" ""

# Dormant customers: a reactivation call at 6 months, a why-they-left call at 12.
hf add customer --name 林静 --phone 13600000002;  C2=$OUT
hf add visit "$C2" --kind course --date 2026-03-01 --course-end 2026-04-01 --treatment 光子嫩肤
hf add customer --name 周敏 --phone 13600000003;  C3=$OUT
hf add visit "$C3" --kind discharge --date 2025-10-01
hf plan
check_eq "six months without a visit: a reactivation call" \
	"$(sql "SELECT kind, due_date FROM task WHERE customer_id=$C2 AND status='open'")" "reactivation|2026-11-23"
check_eq "a year without a visit: a call to learn why" \
	"$(sql "SELECT kind FROM task WHERE customer_id=$C3 AND status='open'")" "winback"
hf plan
check_out "dormant calls are not made twice" " 0 created"
# They came back: the reactivation call is moot.
hf add visit "$C2" --kind consult --date 2026-11-23
check_eq "a new visit cancels the pending reactivation call" \
	"$(sql "SELECT status FROM task WHERE customer_id=$C2 AND kind='reactivation'")" "cancelled"

# On the 1st of the month, consultants' customers unseen for six months are listed.
hf add customer --name 郑洁 --phone 13600000004 --consultant gu_wen; C4=$OUT
hf add visit "$C4" --kind injection --date 2026-05-20 --treatment 水光针
HUIFANG_NOW="2026-12-01 08:00" hf plan
check_out "the 1st lists unseen customers by consultant" "gu_wen +#$C4 +郑洁"
HUIFANG_NOW="2026-12-02 08:00" hf plan
printf '%s\n' "$OUT" | grep -q "郑洁" && notok "listed on the 2nd too" || ok "not listed on other days"
