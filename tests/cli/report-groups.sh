# report-groups.sh — `huifang report --by`: the figures per value segment, doctor, treatment,
# team and operator against a hand-computed clinic of six tasks due on Monday 2026-11-23.
. "$(dirname "$0")/lib.sh"

export HUIFANG_NOW="2026-11-23 08:00"
hf init >/dev/null
hf user add op_a --role operator --team postop
hf user add op_b --role operator --team postop
hf user add op_c --role operator --team service
hf user add op_d --role operator --team consultant
hf user add sup --role supervisor --team service
at() { local when=$1 who=$2; shift 2; HUIFANG_NOW="2026-11-23 $when" HUIFANG_AS=$who hf "$@"; }
customer() { hf add customer --name "$1" --phone "$2" ${3:+--birthday "$3"}; echo "$OUT"; }
due() { sql "SELECT id FROM task WHERE customer_id = $1 AND due_date = '2026-11-23' AND status = 'open'"; }

# The visits make each customer's value (R, F, M scored by the default rules) on the 23rd:
# C1 two visits, ¥32,000, yesterday: R4 F3 M3 重要价值 (champion); its eyelid day-1 call T1.
C1=$(customer 钱一 13900001001)
hf add visit "$C1" --kind surgery --date 2026-11-22 --treatment 双眼皮 --doctor 李医生 --amount 30000
hf add visit "$C1" --kind injection --date 2026-11-22 --treatment 玻尿酸 --doctor 李医生 --amount 2000
# C2 one visit, ¥8,000: R4 F2 M2 新客户 (new); its day-1 call T2.
C2=$(customer 钱二 13900001002)
hf add visit "$C2" --kind surgery --date 2026-11-22 --treatment 隆鼻 --doctor 李医生 --amount 8000
# C3 one visit, ¥25,000: R4 F2 M3 重要发展 (develop); T3.
C3=$(customer 钱三 13900001003)
hf add visit "$C3" --kind surgery --date 2026-11-22 --treatment 隆鼻 --doctor 王医生 --amount 25000
# C4 discharged on the 20th, no doctor, no treatment, nothing paid: 新客户; its day-3 call T4.
C4=$(customer 钱四 13900001004)
hf add visit "$C4" --kind discharge --date 2026-11-20
# C6 two visits in May and June, ¥60,000, gone 175 days: R2 F3 M4 重要唤回 (win_back); plan
# calls them back (T6, on the June visit: 王医生, no treatment).
C6=$(customer 钱六 13900001006)
hf add visit "$C6" --kind discharge --date 2026-05-01 --doctor 王医生 --amount 30000
hf add visit "$C6" --kind discharge --date 2026-06-01 --doctor 王医生 --amount 30000
# C7 came once in October, paid nothing, birthday today: R3 F2 M1 新客户; the birthday call T7
# follows up no visit.
C7=$(customer 钱七 13900001007 1990-11-23)
hf add visit "$C7" --kind discharge --date 2026-10-01
hf plan >/dev/null
T1=$(due "$C1"); T2=$(due "$C2"); T3=$(due "$C3"); T4=$(due "$C4"); T6=$(due "$C6"); T7=$(due "$C7")
check_eq "six tasks due on the 23rd, one per customer" \
	"$(sql "SELECT count(*), count(DISTINCT customer_id) FROM task WHERE due_date = '2026-11-23'
	        AND status NOT IN ('cancelled', 'merged')")" "6|6"
check_eq "the segments as the rules computed them" \
	"$(sql "SELECT group_concat(value_segment, ' ') FROM (SELECT value_segment FROM customer
	        WHERE id IN ($C1, $C2, $C3, $C4, $C6, $C7) ORDER BY id)")" "champion new develop new win_back new"
check_eq "T6 follows up the June visit" "$(sql "SELECT v.date, v.doctor FROM task t JOIN visit v
	ON v.id = t.visit_id WHERE t.id = $T6")" "2026-06-01|王医生"
check_eq "T7 follows up no visit" "$(sql "SELECT kind, visit_id IS NULL FROM task WHERE id = $T7")" "birthday|1"

# The satisfaction dimensions (the default rules' four): attitude low at 2 adds a reason to the
# escalations T2 and T3 raise anyway.
at 09:00 op_a log "$T1" --outcome reached --score 5 --nps 10 --dim attitude=5 --dim results=4
at 09:20 op_a log "$T2" --outcome no_answer
at 10:00 op_a log "$T2" --outcome reached --score 2 --nps 6 --dim attitude=2 --dim expertise=3  # low score: escalated
at 10:30 op_b log "$T3" --outcome complaint --complaint 服务态度 --score 3 --nps 7 --dim attitude=1 --dim results=2
at 11:00 op_c log "$T4" --outcome busy
at 14:00 op_d log "$T6" --outcome reached --score 4 --nps 9 --dim attitude=4 --dim expertise=5 --dim facilities=3
check_eq "six calls" "$(sql "SELECT count(*) FROM call")" 6
check_eq "two escalations: T2's score, T3's complaint" \
	"$(sql "SELECT group_concat(task_id, ' ') FROM (SELECT task_id FROM escalation ORDER BY task_id)")" "$T2 $T3"
check_eq "... each naming the low attitude too" \
	"$(sql "SELECT group_concat(json_extract(reason, '\$[1].code'), ' ') FROM (SELECT reason FROM escalation ORDER BY task_id)")" \
	"low_dimension low_dimension"
at 11:30 sup escalation ack "$(sql "SELECT id FROM escalation WHERE task_id = $T3")"

export HUIFANG_NOW="2026-11-23 18:00"
csv() {
	HUIFANG_AS=sup hf report daily --date 2026-11-23 --format csv "$@"
	check_rc "report $* --format csv" 0
	CSV=$(printf '%s\n' "$OUT" | tr -d '\r' | sed '1s/^\xef\xbb\xbf//')
}
fig() { printf '%s\n' "$CSV" | awk -F, -v s="$1" -v n="$2" -v f="$3" '$1 == s && $2 == n && $3 == f { print $4 }'; }
expect() {
	local scope=$1 name=$2 pair
	for pair in $3; do
		check_eq "$scope ${name:-(none)}: ${pair%%=*}" "$(fig "$scope" "$name" "${pair%%=*}")" "${pair#*=}"
	done
}
# The groups of one scope, in the order the report gives them.
names() { printf '%s\n' "$CSV" | awk -F, -v s="$1" '$1 == s && $3 == "due" { print $2 }' | tr '\n' ' '; }

# The clinic, whatever the grouping: due 6; attempted 5 (not T7): 83.3%; reached 4 (T1 T2 T3
# T6): 80%; finished 4, open 2 (T4 busy, T7). Calls 6, 4 reaching the customer, 1 complaint:
# 25%. Scores 5 2 3 4: 3.50. NPS 10 6 7 9: (2 - 1) / 4 = 25. Hours: four operators' days of
# one hour at least: 6 calls / 4 h.
CLINIC="due=6 attempted=5 coverage_pct=83.3 tasks_reached=4 reach_pct=80.0 finished=4 missed=0 open=2
	calls=6 reached_calls=4 scored=4 avg_score=3.50 nps=25.0 complaints=1 complaint_rate_pct=25.0
	escalations_raised=2 calls_per_hour=1.5"

# The dimensions: attitude 5 2 1 4: 12 / 4 = 3.00, one each of 1 2 4 5; results 4 2: 3.00;
# expertise 3 5: 4.00; facilities 3: 3.00.
CLINIC_DIMS="attitude.scored=4 attitude.avg_score=3.00 attitude.score_1=1 attitude.score_2=1
	attitude.score_3=0 attitude.score_4=1 attitude.score_5=1 results.scored=2 results.avg_score=3.00
	results.score_2=1 results.score_4=1 expertise.scored=2 expertise.avg_score=4.00 expertise.score_3=1
	expertise.score_5=1 facilities.scored=1 facilities.avg_score=3.00 facilities.score_3=1"

csv --by segment
expect clinic "" "$CLINIC"
expect clinic "" "$CLINIC_DIMS"
# 重要价值 T1: one call, reached, 5, NPS 10.
expect segment champion "due=1 attempted=1 coverage_pct=100.0 tasks_reached=1 reach_pct=100.0 finished=1 open=0
	calls=1 reached_calls=1 scored=1 avg_score=5.00 score_5=1 score_2=0 nps_answers=1 promoters=1 nps=100.0
	complaints=0 complaint_rate_pct=0.0 escalations_raised=0 sla_met_pct="
# 新客户 T2 T4 T7: T2 and T4 called (66.7%), T2 reached (50%) and done; T4 and T7 open. Calls:
# T2 twice, T4 once; one reached, scored 2, NPS 6 (a detractor: -100); T2's escalation,
# not yet acknowledged.
expect segment new "due=3 attempted=2 coverage_pct=66.7 tasks_reached=1 reach_pct=50.0 finished=1 open=2
	calls=3 reached_calls=1 scored=1 avg_score=2.00 score_2=1 score_5=0 nps_answers=1 detractors=1 nps=-100.0
	complaints=0 complaint_rate_pct=0.0 escalations_raised=1 sla_met_pct="
# 重要发展 T3: the complaint (reached, done), 3, NPS 7 (passive: 0); its escalation acknowledged.
expect segment develop "due=1 attempted=1 tasks_reached=1 finished=1 calls=1 reached_calls=1
	avg_score=3.00 score_3=1 nps_answers=1 promoters=0 detractors=0 nps=0.0 complaints=1
	complaint_rate_pct=100.0 escalations_raised=1 sla_met_pct=100.0"
# 重要唤回 T6: reached, 4, NPS 9.
expect segment win_back "due=1 attempted=1 tasks_reached=1 finished=1 calls=1 avg_score=4.00 score_4=1
	nps=100.0 complaints=0 escalations_raised=0"
check_eq "segments in the rules' order" "$(names segment)" "champion win_back develop new "
check_eq "working time is not a segment's" "$(fig segment champion calls_per_hour)" ""
check_eq "no team or operator rows" "$(names team)$(names operator)" ""
# Each group's counts add up to the clinic's.
for f in due attempted tasks_reached finished open calls reached_calls scored complaints escalations_raised; do
	sum=$(printf '%s\n' "$CSV" | awk -F, -v f=$f '$1 == "segment" && $3 == f { s += $4 } END { print s + 0 }')
	check_eq "the segments' $f add up to the clinic's" "$sum" "$(fig clinic "" $f)"
done

csv --by doctor
expect clinic "" "$CLINIC"
expect clinic "" "$CLINIC_DIMS"
# Per doctor, each dimension: 李医生 T1 T2: attitude 5 2 (3.50), results 4, expertise 3, no
# facilities. 王医生 T3 T6: attitude 1 4 (2.50), results 2, expertise 5, facilities 3. No doctor
# (T4 busy): nothing scored.
expect doctor 李医生 "attitude.scored=2 attitude.avg_score=3.50 attitude.score_2=1 attitude.score_5=1
	attitude.score_1=0 results.scored=1 results.avg_score=4.00 results.score_4=1 expertise.avg_score=3.00
	expertise.score_3=1 facilities.scored=0 facilities.avg_score= facilities.score_3=0"
expect doctor 王医生 "attitude.scored=2 attitude.avg_score=2.50 attitude.score_1=1 attitude.score_4=1
	results.avg_score=2.00 results.score_2=1 expertise.avg_score=5.00 expertise.score_5=1
	facilities.scored=1 facilities.avg_score=3.00 facilities.score_3=1"
expect doctor "" "attitude.scored=0 attitude.avg_score= results.scored=0 expertise.scored=0 facilities.scored=0"
# 李医生 T1 T2: both reached and done; calls 3 (2 reached), scores 5 2, NPS 10 6: 0; T2's escalation.
expect doctor 李医生 "due=2 attempted=2 coverage_pct=100.0 tasks_reached=2 reach_pct=100.0 finished=2 open=0
	calls=3 reached_calls=2 scored=2 avg_score=3.50 score_2=1 score_5=1 nps_answers=2 nps=0.0
	complaints=0 complaint_rate_pct=0.0 escalations_raised=1"
# 王医生 T3 T6: scores 3 4, NPS 7 9: (1 - 0) / 2 = 50; one complaint of 2 reached calls.
expect doctor 王医生 "due=2 attempted=2 tasks_reached=2 finished=2 calls=2 reached_calls=2 avg_score=3.50
	score_3=1 score_4=1 nps=50.0 complaints=1 complaint_rate_pct=50.0 escalations_raised=1 sla_met_pct=100.0"
# No doctor: T4 (its visit names none) and T7 (no visit): T4 called, nobody reached.
expect doctor "" "due=2 attempted=1 coverage_pct=50.0 tasks_reached=0 reach_pct=0.0 finished=0 open=2
	calls=1 reached_calls=0 scored=0 avg_score= nps_answers=0 nps= complaints=0 complaint_rate_pct=
	escalations_raised=0"
check_eq "doctors by name, none last" "$(names doctor)" "李医生 王医生  "

csv --by treatment
expect clinic "" "$CLINIC"
expect treatment 双眼皮 "due=1 attempted=1 tasks_reached=1 calls=1 avg_score=5.00 nps=100.0 complaints=0"
# 隆鼻 T2 T3: calls 3, 2 reached; scores 2 3; NPS 6 7: (0 - 1) / 2 = -50; both escalations.
expect treatment 隆鼻 "due=2 attempted=2 tasks_reached=2 finished=2 calls=3 reached_calls=2 avg_score=2.50
	score_2=1 score_3=1 nps=-50.0 complaints=1 complaint_rate_pct=50.0 escalations_raised=2 sla_met_pct=100.0"
# No treatment: T4, T6 (a discharge), T7: T4 and T6 called, T6 reached.
expect treatment "" "due=3 attempted=2 coverage_pct=66.7 tasks_reached=1 reach_pct=50.0 finished=1 open=2
	calls=2 reached_calls=1 avg_score=4.00 nps=100.0 complaints=0 complaint_rate_pct=0.0 escalations_raised=0"
check_eq "one row per treatment" "$(names treatment | wc -w)" 2
# Per treatment: 双眼皮 T1: attitude 5, results 4. 隆鼻 T2 T3: attitude 2 1 (1.50), results 2,
# expertise 3. No treatment T4 T6: attitude 4, expertise 5, facilities 3.
expect treatment 双眼皮 "attitude.scored=1 attitude.avg_score=5.00 attitude.score_5=1 results.avg_score=4.00
	expertise.scored=0 facilities.scored=0"
expect treatment 隆鼻 "attitude.scored=2 attitude.avg_score=1.50 attitude.score_1=1 attitude.score_2=1
	results.avg_score=2.00 expertise.avg_score=3.00 facilities.avg_score="
expect treatment "" "attitude.avg_score=4.00 attitude.score_4=1 results.scored=0 expertise.avg_score=5.00
	facilities.avg_score=3.00"
# Each group's dimension counts add up to the clinic's.
for f in attitude.scored attitude.score_1 attitude.score_2 results.scored expertise.scored facilities.scored; do
	sum=$(printf '%s\n' "$CSV" | awk -F, -v f=$f '$1 == "treatment" && $3 == f { s += $4 } END { print s + 0 }')
	check_eq "the treatments' $f add up to the clinic's" "$sum" "$(fig clinic "" $f)"
done

# --by team and --by operator: the default's rows of that scope, and only those.
csv
DEFAULT=$CSV
# By team and operator, each dimension: postop (op_a T1 T2, op_b T3): attitude 5 2 1 (2.67),
# results 4 2 (3.00), expertise 3; op_a: attitude 5 2 (3.50), results 4, expertise 3; op_b:
# attitude 1, results 2; op_d (T6): attitude 4, expertise 5, facilities 3; op_c nothing.
expect team postop "attitude.scored=3 attitude.avg_score=2.67 attitude.score_1=1 attitude.score_2=1
	attitude.score_5=1 results.avg_score=3.00 expertise.avg_score=3.00 facilities.scored=0"
expect operator op_a "attitude.scored=2 attitude.avg_score=3.50 results.scored=1 results.avg_score=4.00
	expertise.avg_score=3.00 expertise.score_3=1 facilities.avg_score="
expect operator op_b "attitude.avg_score=1.00 attitude.score_1=1 results.avg_score=2.00 expertise.scored=0"
expect operator op_d "attitude.avg_score=4.00 expertise.avg_score=5.00 facilities.avg_score=3.00
	facilities.score_3=1 results.scored=0"
expect operator op_c "attitude.scored=0 results.scored=0 expertise.scored=0 facilities.scored=0"
csv --by team
check_eq "--by team: the default's team rows" "$(printf '%s\n' "$CSV" | grep '^team,')" \
	"$(printf '%s\n' "$DEFAULT" | grep '^team,')"
check_eq "... and no operators" "$(names operator)" ""
check_eq "... the clinic unchanged" "$(printf '%s\n' "$CSV" | grep '^clinic,')" \
	"$(printf '%s\n' "$DEFAULT" | grep '^clinic,')"
csv --by operator
check_eq "--by operator: the default's operator rows" "$(printf '%s\n' "$CSV" | grep '^operator,')" \
	"$(printf '%s\n' "$DEFAULT" | grep '^operator,')"
check_eq "... and no teams" "$(names team)" ""
check_eq "the default: teams then operators" "$(printf '%s\n' "$DEFAULT" | awk -F, '$3 == "due" { print $1 }' | uniq | tr '\n' ' ')" \
	"clinic team operator "

# --team with --by: only that team's tasks, calls and escalations.
csv --team postop --by doctor
expect clinic postop "due=3 calls=4 escalations_raised=2"
expect doctor 李医生 "due=2 calls=3"
expect doctor 王医生 "due=1 calls=1 complaints=1"
check_eq "no doctorless postop task" "$(fig doctor "" due)" ""

HUIFANG_AS=sup hf report daily --date 2026-11-23 --by segment --format json
check_out "json: a segment's row" '"scope": "segment", "name": "win_back", "figure": "avg_score", "value": "4.00"'
check_out "json: a segment's dimension" '"scope": "segment", "name": "win_back", "figure": "expertise.avg_score", "value": "5.00"'
HUIFANG_AS=sup hf report daily --date 2026-11-23 --by nosuch
check_err "an unknown grouping: exit 2" 2 'nosuch'
HUIFANG_AS=op_a hf report daily --date 2026-11-23 --by segment
check_err "an operator may not: exit 3" 3 "supervisor"

# The table reads names: segments by their name, the group without one in words.
HUIFANG_AS=sup hf report daily --date 2026-11-23 --by segment
check_out "the first column is the grouping" "^segment +due +attempted"
check_out "a segment by its name, the scores 1-5 after the average" "^重要价值 +1 +1 +100% +1 +100% +1 +0 +0 +1 +5.00 +0/0/0/0/1 +\+100 "
check_out "the groups' definition in the footer" "value segment as last computed"
HUIFANG_AS=sup hf report daily --date 2026-11-23 --by doctor
check_out "doctorless tasks in words" "^no doctor +2 +1 +50% +0 +0% "
check_out "the dimensions' table, headed by the grouping and the dimensions' names" \
	"^doctor +Attitude +Expertise +Facilities +Results$"
check_out "... a doctor's average and 1-5 spread of each" "^李医生 +3\.50 0/1/0/0/1 +3\.00 0/0/1/0/0 +- +4\.00 0/0/0/1/0$"
check_out "... nothing scored is -" "^no doctor +- +- +- +-$"
if locale -a 2>/dev/null | grep -qi '^zh_CN\.utf-\?8$'; then
	LANGUAGE=zh_CN LANG=zh_CN.UTF-8 LC_ALL=zh_CN.UTF-8 HUIFANG_AS=sup hf report daily --date 2026-11-23 --by treatment
	check_out "in Chinese: the grouping's title" "^项目 "
	check_out "in Chinese: no treatment" "^无项目 +3 +2 "
	check_out "in Chinese: the dimensions by their translated names" "^项目 +服务态度 +专业水平 +环境设施 +效果满意$"
else
	ok "# skip: no zh_CN.UTF-8 locale"; ok "# skip"; ok "# skip"
fi
# Without --by, the table is the one it always was: who, teams, operators indented.
HUIFANG_AS=sup hf report daily --date 2026-11-23
check_out "the default's first column" "^who +due"
check_out "operators under their team" "^  op_a +2 "
check_out "the dimensions per team and operator too" "^  op_a +3\.50 0/1/0/0/1 +3\.00 0/0/1/0/0 +- +4\.00 0/0/0/1/0$"
check_out "... the clinic's" "^whole clinic +3\.00 1/1/0/1/1 +4\.00 0/0/1/0/1 +3\.00 0/0/1/0/0 +3\.00 0/1/0/1/0$"
if printf '%s\n' "$OUT" | grep -q "scores 1-5\|value segment"; then notok "the default table changed"; else ok "the default table has no groups' column or definition"; fi
