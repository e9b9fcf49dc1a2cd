# records.sh — add customer / add visit / show customer / queue / simulate on a small clinic.
. "$(dirname "$0")/lib.sh"

hf init >/dev/null
hf user add op_a --role operator --team postop --name 王芳
hf user add op_b --role operator --team consult
hf user add sup --role supervisor --team service

hf add customer --name 张晓梅 --phone 13800001234 --gender F --birthday 1990-05-06 --consultant op_b
check_rc "add customer" 0
C1=$OUT
check_out "add customer prints the id" '^[0-9]+$'
hf add customer --name 李 --phone abc;                         check_err "bad phone: exit 2" 2 "phone"
hf add customer --phone 13800001111;                            check_err "missing name: exit 2" 2 "name"
hf add customer --name 赵 --phone 13800001111 --gender X;       check_err "bad gender: exit 2" 2 "gender"
hf add customer --name 赵 --phone 13800001111 --birthday 1990-02-30; check_err "impossible birthday: exit 2" 2 "1990-02-30"
hf add customer --name 赵 --phone 13800001111 --birthday 2030-01-01; check_err "future birthday: exit 2" 2 "future"
hf add customer --name 孙 --phone 13800002222 --external-id HIS-1; check_rc "add with external id" 0
hf add customer --name 孙 --phone 13800002222 --external-id HIS-1; check_err "duplicate external id: exit 2" 2 "HIS-1"
check_eq "refused adds wrote nothing" "$(sql 'SELECT count(*) FROM customer')" "2"

before=$(fingerprint)
hf add visit "$C1" --kind facelift --date 2026-11-22;          check_err "unknown kind: exit 2" 2 "facelift"
hf add visit "$C1" --kind surgery --date 2026-11-31;           check_err "impossible date: exit 2" 2 "2026-11-31"
hf add visit "$C1" --kind surgery --date 2026-12-24;           check_err "future visit: exit 2" 2 "future"
hf add visit 9999 --kind surgery --date 2026-11-22;            check_err "missing customer: exit 2" 2 "9999"
hf add visit "$C1" --kind course --date 2026-11-01;            check_err "course without end: exit 2" 2 "course-end"
hf add visit "$C1" --kind surgery --date 2026-11-22 --team nope; check_err "unknown team: exit 2" 2 "nope"
check_eq "refused visits wrote nothing" "$(fingerprint)" "$before"

hf add visit "$C1" --kind surgery --date 2026-11-22 --treatment 隆鼻 --doctor 陈医生
check_rc "add visit" 0
V1=$OUT
check_eq "the whole surgery curve is planned at once" \
	"$(sql "SELECT group_concat(due_date, ' ') FROM (SELECT due_date FROM task WHERE visit_id=$V1 ORDER BY due_date)")" \
	"2026-11-23 2026-11-25 2026-11-29 2026-12-22 2027-02-22"
check_eq "tasks carry their origin" \
	"$(sql "SELECT origin FROM task WHERE visit_id=$V1 AND due_date='2026-11-25'")" '{"code":"curve","visit_kind":"surgery","visit_date":"2026-11-22","treatment":"隆鼻","offset":"+3d"}'
check_eq "post-op calls go to the postop team" "$(sql "SELECT DISTINCT team FROM task WHERE visit_id=$V1")" "postop"

# queue: scope, formats, order.
HUIFANG_AS=op_a hf queue --format tsv
check_rc "queue tsv" 0
check_eq "tsv header is exact" "$(printf '%s\n' "$OUT" | head -1)" \
	"$(printf 'task_id\tdue\tkind\tcustomer_id\tcustomer_name\tteam\towner\tattempts\tstatus')"
check_out "today's post-op call is in op_a's team queue" "	2026-11-23	followup	$C1	张晓梅	postop		0	open$"
HUIFANG_AS=op_b hf queue --format tsv
check_eq "another team's operator does not see it" "$(printf '%s\n' "$OUT" | wc -l)" "1"
HUIFANG_AS=op_b hf queue --all;                                check_err "--all needs a supervisor: exit 3" 3 "supervisor"
HUIFANG_AS=sup hf queue --team postop --format json;           check_rc "supervisor sees another team" 0
check_out "json has the customer" '"customer_name": "张晓梅"'
hf queue --date 2026-13-01;                                   check_err "bad --date: exit 2" 2 "2026-13-01"
hf queue --user a --all;                                      check_err "--user with --all: exit 2" 2 "exclude"
hf queue --team ghosts;                                       check_err "unknown team: exit 2" 2 "ghosts"
HUIFANG_AS=op_a hf queue
check_rc "queue table" 0
check_out "table shows the treatment" "隆鼻"
HUIFANG_AS=sup hf queue --all --date 2026-11-29 --format tsv
check_eq "a later day includes what falls due by then" "$(printf '%s\n' "$OUT" | tail -n +2 | wc -l)" "3"
check_out "overdue calls come first" "^[0-9]+	2026-11-23	"

# show customer: masked for operators, whole for supervisors, audited.
HUIFANG_AS=op_a hf show customer "$C1"
check_rc "show customer" 0
check_out "card shows the name" "张晓梅"
check_out "operators see a masked phone" "138\*\*\*\*1234"
check_out "history lists the visit" "2026-11-22.*隆鼻"
HUIFANG_AS=sup hf show customer "$C1"
check_out "supervisors see the whole phone" "13800001234"
check_eq "views are audited" "$(sql "SELECT count(*) FROM audit WHERE action LIKE 'view%' AND entity_id=$C1")" "2"
hf show customer 0;                                           check_err "show customer 0: exit 2" 2 "0"
hf show customer abc;                                         check_err "show customer abc: exit 2" 2 "abc"
hf show customer 424242;                                      check_err "missing customer: exit 2" 2 "424242"
hf show customer;                                             check_err "no id: exit 2" 2 "customer id"
