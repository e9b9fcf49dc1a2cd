# team.sh — `huifang team`: a supervisor's team's day per operator, against a hand-computed
# clinic (four tasks of the nursing team due on Monday 2026-11-23, five calls by two of its
# operators, one task of another team); operators are refused; a consultant's customer released.
. "$(dirname "$0")/lib.sh"

hf init >/dev/null
hf user add op_a --role operator --team postop --name 王芳
hf user add op_b --role operator --team postop --name 李娜
hf user add op_idle --role operator --team postop --name 闲人
hf user add op_c --role operator --team service
hf user add sup --role supervisor --team postop --name 赵主管
as() { local who=$1; shift; HUIFANG_AS=$who hf "$@"; }
at() { local when=$1 who=$2; shift 2; HUIFANG_NOW="2026-11-23 $when" HUIFANG_AS=$who hf "$@"; }
task() { # NAME KIND DATE -> the task due 2026-11-23
	HUIFANG_NOW="2026-11-23 08:00" hf add customer --name "$1" --phone "1390000$((RANDOM % 9000 + 1000))"
	local c=$OUT
	HUIFANG_NOW="2026-11-23 08:00" hf add visit "$c" --kind "$2" --date "$3" --treatment 隆鼻
	sql "SELECT id FROM task WHERE customer_id = $c AND due_date = '2026-11-23'"
}
T1=$(task 钱一 surgery 2026-11-22); T2=$(task 钱二 surgery 2026-11-22)
T3=$(task 钱三 surgery 2026-11-22); T4=$(task 钱四 surgery 2026-11-22)
T5=$(task 钱五 discharge 2026-11-20)
HUIFANG_NOW="2026-11-23 08:00" as sup reassign "$T1" "$T2" --to op_a
HUIFANG_NOW="2026-11-23 08:00" as sup reassign "$T3" --to op_b
HUIFANG_NOW="2026-11-23 08:00" as root reassign "$T5" --to op_c
at 09:00 op_a log "$T1" --outcome reached --score 5
at 09:20 op_a log "$T2" --outcome no_answer
at 10:00 op_a log "$T2" --outcome reached --score 2                  # low score: escalated
at 10:30 op_b log "$T3" --outcome complaint --complaint 服务态度 --score 3
at 11:00 op_b log "$T4" --outcome busy                               # a pool task, still open
at 14:00 op_c log "$T5" --outcome reached --score 4                  # another team's

export HUIFANG_NOW="2026-11-23 18:00"
as op_a team;                                      check_err "an operator may not see the team's day: exit 3" 3 "supervisor"
as op_a team --date 2026-11-22 --format tsv;       check_err "... in any form: exit 3" 3 "supervisor"
as sup team --date 2026-11-31;                     check_err "a bad date: exit 2" 2 "2026-11-31"
as sup team --format xml;                          check_err "a bad format: exit 2" 2 "xml"

as sup team --format tsv;                          check_rc "the supervisor's team today" 0
row() { printf '%s\n' "$OUT" | awk -F'\t' -v l="$1" 'NR > 1 && $1 == l { $1 = $1; print }' OFS=' '; }
check_eq "header" "$(printf '%s\n' "$OUT" | head -1 | tr '\t' ' ')" \
	"login name team due attempted reached finished missed open escalations calls avg_score calls_per_hour"
# op_a: T1, T2 due, both called and reached and done; 3 calls from 09:00 to 10:00 (1 h);
# scores 5 and 2: 3.50; the low score raised one escalation.
check_eq "op_a" "$(row op_a)" "op_a 王芳 postop 2 2 2 2 0 0 1 3 3.50 3.0"
# op_b: T3 (owned) and T4 (pool, called last by op_b); T4 busy, still open; 10:30-11:00 is
# counted as the minimum hour; the complaint raised one escalation.
check_eq "op_b" "$(row op_b)" "op_b 李娜 postop 2 2 1 1 0 1 1 2 3.00 2.0"
check_eq "an operator of the team who did nothing is listed with zeros" "$(row op_idle)" \
	"op_idle 闲人 postop 0 0 0 0 0 0 0 0  "
check_eq "another team's operator is not" "$(row op_c)" ""
check_eq "nor the supervisor" "$(row sup)" ""
# The team: 4 due, all called, 3 reached and finished, T4 open; 5 calls in 2 h; (5+2+3)/3.
check_eq "the whole team, last, with no login nor name" "$(printf '%s\n' "$OUT" | tail -1 | tr '\t' ' ')" \
	"  postop 4 4 3 3 0 1 2 5 3.33 2.5"

as sup team --date 2026-11-22 --format csv;        check_rc "another day" 0
OUT=$(printf '%s\n' "$OUT" | tr -d '\r')
check_out "nothing was due the day before" "^op_a,王芳,postop,0,0,0,0,0,0,0,0,,$"
as sup team;                                       check_rc "the table" 0
check_out "the table's header" "^login +operator +team +due +called +reached +finished +missed"
check_out "the whole team by name" "^ +whole team +术后护理组 +4 +4 +3 +3 +0 +1 +2 +5 +3\.33 +2\.5$"
# An admin sees every team: op_c's day too.
as root team --format tsv
check_eq "an admin sees every team" "$(row op_c)" "op_c op_c service 1 1 1 1 0 0 0 1 4.00 1.0"

# ---- a consultant's customer released -----------------------------------------------------
hf user add gw_a --role operator --team consultant
hf user add gw_b --role operator --team consultant
HUIFANG_NOW="2026-05-01 08:00" hf add customer --name 孙七 --phone 13900001111 --consultant gw_a
C=$OUT
HUIFANG_NOW="2026-05-01 08:00" hf add visit "$C" --kind consult --date 2026-05-01 --treatment 玻尿酸
# A follow-up the consultant owns, due after the release: it goes with the customer.
FIRST=$(sql "SELECT min(id) FROM task WHERE customer_id = $C")
HUIFANG_NOW="2026-05-04 09:00" as root log "$FIRST" --outcome reached --score 5 --next 2026-12-05
LATER=$(sql "SELECT id FROM task WHERE customer_id = $C AND due_date = '2026-12-05'")
HUIFANG_NOW="2026-05-04 09:00" as root reassign "$LATER" --to gw_a
HUIFANG_NOW="2026-12-01 08:00" as sup plan;         check_rc "plan on the 1st" 0
check_out "plan lists the customer unseen for 6 months" "gw_a +#$C +孙七"
open_of() { sql "SELECT count(*) FROM task WHERE customer_id = $C AND status = 'open' AND owner = '$1'"; }
N_OPEN=$(open_of gw_a)
check_eq "the consultant owns the customer's open calls" "$(test "$N_OPEN" -ge 1 && echo yes)" yes
export HUIFANG_NOW="2026-12-01 09:00"
as op_a release "$C" --to gw_b;                     check_err "an operator may not release: exit 3" 3 "supervisor"
as sup release "$C";                                check_err "no --to: exit 2" 2 "--to"
as sup release "$C" --to nobody;                    check_err "an unknown user: exit 2" 2 "nobody"
as sup release "$C" --to gw_a;                      check_err "the same consultant: exit 2" 2 "already"
check_eq "... nothing changed" "$(sql "SELECT consultant FROM customer WHERE id = $C")" gw_a
as sup release "$C" --to gw_b;                      check_rc "released" 0
check_out "with its open calls" "released to gw_b with $N_OPEN open call"
check_eq "the new consultant" "$(sql "SELECT consultant FROM customer WHERE id = $C")" gw_b
check_eq "the calls moved" "$(open_of gw_b) $(open_of gw_a)" "$N_OPEN 0"
check_eq "audited" "$(sql "SELECT login, detail FROM audit WHERE action = 'release'")" \
	"sup|consultant=gw_a to=gw_b tasks=$N_OPEN"
as sup plan --date 2026-12-01
check_out "not listed again" "^0 consultants' customers"
