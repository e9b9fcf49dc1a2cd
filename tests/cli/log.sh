# log.sh — every outcome through `huifang log`, refusals that write nothing, plan, escalations.
. "$(dirname "$0")/lib.sh"

hf init >/dev/null
hf user add op_a --role operator --team postop --name 王芳
hf user add op_b --role operator --team postop
hf user add cons --role operator --team consultant
hf user add sup --role supervisor --team service
as() { local who=$1; shift; HUIFANG_AS=$who hf "$@"; }

# customer NAME VISIT-DATE: a surgery customer; prints "customer task-due-today".
customer() {
	hf add customer --name "$1" --phone 1390000$((RANDOM % 9000 + 1000)) --gender F --consultant cons
	local c=$OUT
	hf add visit "$c" --kind surgery --date "$2" --treatment 隆鼻
	echo "$c $(sql "SELECT id FROM task WHERE customer_id=$c AND due_date='2026-11-23'")"
}

read -r C1 T1 < <(customer 张一 2026-11-22)
before=$(fingerprint)
as op_a log "$T1" --outcome nope;                     check_err "unknown outcome: exit 2" 2 "nope"
as op_a log "$T1" --outcome reached --score 6;        check_err "score 6: exit 2" 2 "6"
as op_a log "$T1" --outcome reached --score 0;        check_err "score 0: exit 2" 2 "0"
as op_a log "$T1" --outcome reached --score x;        check_err "score x: exit 2" 2 "x"
as op_a log "$T1" --outcome callback;                 check_err "callback without --next: exit 2" 2 "next"
as op_a log "$T1" --outcome reached --next 2026-11-20; check_err "a past next date: exit 2" 2 "2026-11-20"
as op_a log "$T1" --outcome reached --next 2027-12-01; check_err "a next date beyond a year: exit 2" 2 "2027-12-01"
as op_a log "$T1" --outcome reached --next 2026-02-30; check_err "an impossible next date: exit 2" 2 "2026-02-30"
as op_a log "$T1" --outcome reached --next soon;      check_err "an unparseable next date: exit 2" 2 "soon"
as op_a log 99999 --outcome reached;                  check_err "a missing task: exit 2" 2 "99999"
as op_a log "$T1";                                    check_err "no --outcome: exit 2" 2 "outcome"
as op_a log "$T1" --outcome complaint --complaint 太贵了; check_err "unknown complaint category: exit 2" 2 "太贵了"
check_eq "refusals wrote nothing" "$(fingerprint)" "$before"

# A claim by another login refuses the log, naming who.
sql "UPDATE task SET claimed_by='op_b', claimed_until='2026-11-23 09:40' WHERE id=$T1"
as op_a log "$T1" --outcome reached;                  check_err "claimed by another: exit 1 naming who" 1 "op_b"
sql "UPDATE task SET claimed_by='', claimed_until='' WHERE id=$T1"

# no_answer: retry after 4 h, then unreachable after the third attempt (urgent: first post-op week).
as op_a log "$T1" --outcome no_answer;                check_rc "no_answer" 0
check_eq "retry in 4 h" "$(sql "SELECT status, attempts, due_date, due_time FROM task WHERE id=$T1")" "open|1|2026-11-23|13:30"
HUIFANG_NOW="2026-11-23 17:00" as op_a log "$T1" --outcome no_answer
check_eq "a retry past closing moves to the next opening" "$(sql "SELECT attempts, due_date, due_time FROM task WHERE id=$T1")" "2|2026-11-24|09:00"
HUIFANG_NOW="2026-11-24 09:05" as op_a log "$T1" --outcome no_answer
check_eq "the third no_answer makes it unreachable" "$(sql "SELECT status FROM task WHERE id=$T1")" "unreachable"
check_eq "unreachable in the first post-op week escalates urgent" \
	"$(sql "SELECT severity FROM escalation WHERE customer_id=$C1")" "urgent"
check_eq "three calls recorded" "$(sql "SELECT count(*) FROM call WHERE task_id=$T1")" "3"
as op_a log "$T1" --outcome reached;                  check_err "a closed task: exit 2" 2 "$T1"

# reached with a score; a closed task refuses another log.
read -r C2 T2 < <(customer 张二 2026-11-22)
as op_a log "$T2" --outcome reached --score 5 --note "恢复很好"
check_rc "reached" 0
check_eq "reached closes the task" "$(sql "SELECT status, last_outcome FROM task WHERE id=$T2")" "done|reached"
check_eq "the call keeps score and note" "$(sql "SELECT score, note, operator FROM call WHERE task_id=$T2")" "5|恢复很好|op_a"
check_eq "no escalation for a happy customer" "$(sql "SELECT count(*) FROM escalation WHERE customer_id=$C2")" "0"
as op_a log "$T2" --outcome reached;                  check_err "logging a done task: exit 2" 2 "already"

# busy: retry after 2 h.
read -r C3 T3 < <(customer 张三 2026-11-22)
as op_a log "$T3" --outcome busy;                     check_rc "busy" 0
check_eq "busy retries in 2 h" "$(sql "SELECT status, due_time FROM task WHERE id=$T3")" "open|11:30"

# callback: a task owned by the operator at the customer's time.
read -r C4 T4 < <(customer 张四 2026-11-22)
as op_a log "$T4" --outcome callback --next "2026-11-24 15:00"
check_rc "callback" 0
check_eq "callback task is the operator's own" \
	"$(sql "SELECT owner, due_date, due_time FROM task WHERE customer_id=$C4 AND kind='callback'")" "op_a|2026-11-24|15:00"
# ... or a span from now (the clock is 2026-11-23 09:30): +3d is that day, +2h that time.
read -r C4b T4b < <(customer 张四乙 2026-11-22)
as op_a log "$T4b" --outcome callback --next +3d;      check_rc "callback --next +3d" 0
check_eq "+3d is three days on, without a time" \
	"$(sql "SELECT due_date || '|' || coalesce(due_time, '') FROM task WHERE customer_id=$C4b AND kind='callback'")" "2026-11-26|"
read -r C4c T4c < <(customer 张四丙 2026-11-22)
as op_a log "$T4c" --outcome callback --next +2h;      check_rc "callback --next +2h" 0
check_eq "+2h is two hours on" \
	"$(sql "SELECT due_date || '|' || due_time FROM task WHERE customer_id=$C4c AND kind='callback'")" "2026-11-23|11:30"
as op_a log "$T4c" --outcome callback --next +3x;      check_err "a span of no unit: exit 2" 2 "+3x"

# wrong_number: closed, phone invalid, a data-fix task for the consultant.
read -r C5 T5 < <(customer 张五 2026-11-22)
as op_a log "$T5" --outcome wrong_number;             check_rc "wrong_number" 0
check_eq "phone flagged invalid" "$(sql "SELECT phone_invalid FROM customer WHERE id=$C5")" "1"
check_eq "a data-fix task for the consultant" \
	"$(sql "SELECT owner FROM task WHERE customer_id=$C5 AND kind='datafix' AND status='open'")" "cons"

# refused: every future task cancelled, do-not-call, gone from every queue.
read -r C6 T6 < <(customer 张六 2026-11-22)
as op_a log "$T6" --outcome refused;                  check_rc "refused" 0
check_eq "do-not-call set" "$(sql "SELECT do_not_call FROM customer WHERE id=$C6")" "1"
check_eq "no open task left" "$(sql "SELECT count(*) FROM task WHERE customer_id=$C6 AND status='open'")" "0"
as sup queue --all --date 2027-12-31 --format tsv
printf '%s\n' "$OUT" | grep -q "	$C6	" && notok "do-not-call customer still queued" || ok "do-not-call customer in no queue"

# Escalations: complaint (high 24 h), low score (normal 48 h), risk word (urgent 2 h).
read -r C7 T7 < <(customer 张七 2026-11-22)
as op_a log "$T7" --outcome complaint --complaint 服务态度 --note "前台态度差"
check_eq "complaint: high, SLA 24 h" "$(sql "SELECT severity, sla_due FROM escalation WHERE customer_id=$C7")" "high|2026-11-24 09:30"
check_out "log prints the escalation" "escalation"
read -r C8 T8 < <(customer 张八 2026-11-22)
as op_a log "$T8" --outcome reached --score 2
check_eq "score 2: normal, SLA 48 h" "$(sql "SELECT severity, sla_due FROM escalation WHERE customer_id=$C8")" "normal|2026-11-25 09:30"
read -r C9 T9 < <(customer 张九 2026-11-22)
as op_a log "$T9" --outcome reached --score 4 --note "术后第二天有点发烧，伤口红肿加重"
check_eq "a risk word: urgent, SLA 2 h" "$(sql "SELECT severity, sla_due FROM escalation WHERE customer_id=$C9")" "urgent|2026-11-23 11:30"

# Supervisor queue.
as op_a escalations;                                  check_err "operators cannot see escalations" 3 "supervisor"
as sup escalations --format tsv
check_eq "escalations tsv header" "$(printf '%s\n' "$OUT" | head -1)" \
	"$(printf 'id\tseverity\tstatus\tsla_due\tcustomer_id\tcustomer_name\treason\traised_by\traised_at\tassignee\tassignee_team\tlevel\tminutes_left')"
check_out "urgent first" "^[0-9]+	urgent	"
E9=$(sql "SELECT id FROM escalation WHERE customer_id=$C9")
HUIFANG_NOW="2026-11-23 12:00" as sup escalations --format tsv
check_out "past its SLA unacknowledged: breached" "^$E9	urgent	breached	"
as sup escalation resolve "$E9";                      check_err "resolve without a note: exit 2" 2 "note"
as sup escalation ack "$E9" --note "已致电，安排复诊";   check_rc "ack" 0
as sup escalation ack "$E9";                          check_err "ack twice: exit 2" 2 "already"
HUIFANG_NOW="2026-11-23 12:00" as sup escalations --format tsv
check_out "acknowledged is not breached" "^$E9	urgent	acknowledged	"
as sup escalation resolve "$E9" --note "复诊无感染，已好转"; check_rc "resolve" 0
as sup escalations --format tsv
printf '%s\n' "$OUT" | grep -q "^$E9	" && notok "resolved still listed" || ok "resolved leaves the open list"
as sup escalations --all --format tsv;                check_out "--all shows resolved" "^$E9	urgent	resolved	"
as sup escalation ack 777;                            check_err "a missing escalation: exit 2" 2 "777"
as op_a escalation ack "$E9";                         check_rc "operators cannot ack" 3

# plan: idempotent.
hf plan;                                              check_rc "plan" 0
hf plan;                                              check_out "plan twice adds nothing" " 0 created"
hf plan --date 2026-02-30;                            check_err "plan with a bad date: exit 2" 2 "2026-02-30"

# Lifting do-not-call: supervisors only, with a reason, audited.
as op_a lift-dnc "$C6" --note "顾客来电要求恢复回访"; check_rc "operators cannot lift do-not-call" 3
as sup lift-dnc "$C6";                                check_err "lift-dnc needs a note" 2 "note"
as sup lift-dnc "$C6" --note "顾客来电要求恢复回访"; check_rc "lift-dnc" 0
check_eq "do-not-call lifted" "$(sql "SELECT do_not_call FROM customer WHERE id=$C6")" "0"
check_eq "lifting is audited" "$(sql "SELECT login FROM audit WHERE action='lift-dnc'")" "sup"
as sup lift-dnc "$C6" --note again;                   check_err "lifting twice: exit 2" 2 "not do-not-call"

# A note longer than a call needs is refused, not cut.
read -r C10 T10 < <(customer 张十 2026-11-22)
as op_a log "$T10" --outcome reached --note "$(head -c 5000 /dev/zero | tr '\0' 'a')"
check_err "a 5000-byte note: exit 2" 2 "too long"
check_eq "nothing logged" "$(sql "SELECT count(*) FROM call WHERE task_id=$T10")" "0"

# Operators work their own tasks and their team's pool.
hf user add op_c --role operator --team consult
read -r C11 T11 < <(customer 张十一 2026-11-22)
as op_c log "$T11" --outcome reached;                 check_err "another team's task: exit 3" 3 "postop"
sql "UPDATE task SET owner='op_b' WHERE id=$T11"
as op_a log "$T11" --outcome reached;                 check_err "a colleague's own task: exit 3" 3 "op_b"
check_eq "refused logs wrote nothing" "$(sql "SELECT count(*) FROM call WHERE task_id=$T11")" "0"
as sup log "$T11" --outcome reached --score 4;        check_rc "a supervisor may log any task" 0
