# reassign.sh — a supervisor hands tasks to another operator or the pool: one, several, or all
# of an operator's open tasks; all or none; refused to operators.
. "$(dirname "$0")/lib.sh"

hf init >/dev/null
hf user add op_a --role operator --team postop
hf user add op_b --role operator --team postop
hf user add sup --role supervisor --team service
as() { local who=$1; shift; HUIFANG_AS=$who hf "$@"; }

# Four surgery customers of yesterday: today's call of each, all owned by op_a.
for i in 1 2 3 4; do
	hf add customer --name "赵$i" --phone "1380000000$i"
	hf add visit "$OUT" --kind surgery --date 2026-11-22 --treatment 隆鼻
done
sql "UPDATE task SET owner = 'op_a' WHERE due_date = '2026-11-23'"
read -r T1 T2 T3 T4 < <(sql "SELECT group_concat(id, ' ') FROM (SELECT id FROM task WHERE due_date = '2026-11-23' ORDER BY id)")
owner() { sql "SELECT owner FROM task WHERE id = $1"; }

before=$(fingerprint)
as op_a reassign "$T1" --to op_b;                     check_err "an operator may not: exit 3" 3 "supervisor"
as sup reassign "$T1";                                check_err "no --to or --pool: exit 2" 2 "--pool"
as sup reassign "$T1" --to op_b --pool;               check_err "both --to and --pool: exit 2" 2 "--pool"
as sup reassign --to op_b;                            check_err "no task and no --from: exit 2" 2 "--from"
as sup reassign "$T1" --from op_a --to op_b;          check_err "tasks and --from: exit 2" 2 "--from"
as sup reassign "$T1" --to nobody;                    check_err "an unknown user: exit 2" 2 "nobody"
as sup reassign 99999 --to op_b;                      check_err "a missing task: exit 2" 2 "99999"
as sup reassign "$T1" x --to op_b;                    check_err "a bad id: exit 2" 2 "\"x\""
check_eq "refusals wrote nothing" "$(fingerprint)" "$before"

as sup reassign "$T1" --to op_b;                      check_rc "one task" 0
check_out "says so" "1 task reassigned to op_b"
check_eq "op_b holds it" "$(owner "$T1")" op_b
check_eq "touched now, so it is not released as stale" "$(sql "SELECT touched_at FROM task WHERE id = $T1")" "2026-11-23 09:30"
check_eq "audited with from and to" "$(sql "SELECT login || ' ' || detail FROM audit WHERE action = 'reassign' AND entity_id = $T1")" "sup owner=op_a to=op_b"

# A claimed task refuses the whole batch (1), naming who.
sql "UPDATE task SET claimed_by = 'op_a', claimed_until = '2026-11-23 09:40' WHERE id = $T3"
as sup reassign "$T2" "$T3" --pool;                   check_err "a task being worked: exit 1" 1 "op_a"
check_eq "... and the other is left as it was" "$(owner "$T2")" op_a
sql "UPDATE task SET claimed_by = '', claimed_until = '' WHERE id = $T3"
as sup reassign "$T2" "$T3" --pool;                   check_rc "several to the pool" 0
check_out "says so" "2 tasks back to their team's pool"
check_eq "both in the pool" "$(owner "$T2")|$(owner "$T3")" "|"

# Every open task of an operator; a finished one is not moved.
hf add customer --name 赵5 --phone 13800000005
hf add visit "$OUT" --kind surgery --date 2026-11-22 --treatment 隆鼻
T5=$(sql "SELECT id FROM task WHERE customer_id = $OUT AND due_date = '2026-11-23'")
sql "UPDATE task SET owner = 'op_a' WHERE id = $T5"
as op_a log "$T5" --outcome reached --score 5;        check_rc "op_a finishes one" 0
open_a=$(sql "SELECT count(*) FROM task WHERE owner = 'op_a' AND status = 'open'")
as sup reassign --from op_a --to op_b;                check_rc "all of op_a's open tasks" 0
check_out "counts them" "^$open_a tasks? reassigned to op_b"
check_eq "op_a holds no open task" "$(sql "SELECT count(*) FROM task WHERE owner = 'op_a' AND status = 'open'")" 0
check_eq "the finished one stays op_a's" "$(owner "$T5")" op_a
as sup reassign "$T5" --to op_b;                      check_err "a done task: exit 2" 2 "$T5"
as sup queue --user op_b --date 2027-12-31 --format tsv
check_out "op_b's queue has them" "^$T4	"
