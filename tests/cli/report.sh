# report.sh — `huifang report` against a hand-computed clinic: six tasks due on Monday
# 2026-11-23, six calls by three operators, two escalations; every figure checked by hand.
. "$(dirname "$0")/lib.sh"

hf init >/dev/null
hf user add op_a --role operator --team postop
hf user add op_b --role operator --team postop
hf user add op_c --role operator --team service
hf user add sup --role supervisor --team service
as() { local who=$1; shift; HUIFANG_AS=$who hf "$@"; }
at() { local when=$1 who=$2; shift 2; HUIFANG_NOW="2026-11-23 $when" HUIFANG_AS=$who hf "$@"; }

# T1-T4: surgery on the 22nd, the day-1 call due the 23rd (postop); T5, T6: discharged on the
# 20th, the day-3 call due the 23rd (service).
task() { # NAME KIND DATE -> task due 2026-11-23
	HUIFANG_NOW="2026-11-23 08:00" hf add customer --name "$1" --phone "1390000$((RANDOM % 9000 + 1000))"
	local c=$OUT
	HUIFANG_NOW="2026-11-23 08:00" hf add visit "$c" --kind "$2" --date "$3" --treatment 隆鼻
	sql "SELECT id FROM task WHERE customer_id = $c AND due_date = '2026-11-23'"
}
T1=$(task 钱一 surgery 2026-11-22); T2=$(task 钱二 surgery 2026-11-22)
T3=$(task 钱三 surgery 2026-11-22); T4=$(task 钱四 surgery 2026-11-22)
T5=$(task 钱五 discharge 2026-11-20); T6=$(task 钱六 discharge 2026-11-20)
check_eq "six tasks due on the 23rd" "$(sql "SELECT count(*) FROM task WHERE due_date = '2026-11-23'")" 6
HUIFANG_NOW="2026-11-23 08:00" as sup reassign "$T1" "$T2" --to op_a
HUIFANG_NOW="2026-11-23 08:00" as sup reassign "$T3" --to op_b
HUIFANG_NOW="2026-11-23 08:00" as sup reassign "$T5" --to op_c

at 09:00 op_a log "$T1" --outcome reached --score 5 --nps 10
at 09:20 op_a log "$T2" --outcome no_answer
at 10:00 op_a log "$T2" --outcome reached --score 2 --nps 6          # low score: escalated
at 10:30 op_b log "$T3" --outcome complaint --complaint 服务态度 --score 3 --nps 7
at 11:00 op_b log "$T4" --outcome busy                               # a pool task
at 14:00 op_c log "$T5" --outcome reached --score 4 --nps 9
check_eq "six calls" "$(sql "SELECT count(*) FROM call")" 6
E3=$(sql "SELECT id FROM escalation WHERE severity = 'high'")
at 11:30 sup escalation ack "$E3"
# Two days later the plan marks T4, never reached in its window, missed.
HUIFANG_NOW="2026-11-25 08:00" hf plan >/dev/null
check_eq "T4 missed" "$(sql "SELECT status FROM task WHERE id = $T4")" missed

export HUIFANG_NOW="2026-11-25 08:30"
for kind in daily weekly monthly team; do
	as op_a report $kind --date 2026-11-23;           check_err "an operator may not see the $kind report: exit 3" 3 "supervisor"
done
as sup report yearly;                                 check_err "an unknown report: exit 2" 2 "daily"
as sup report daily --date 2026-11-31;                check_err "a bad date: exit 2" 2 "2026-11-31"
as sup report daily --team nosuch;                    check_err "an unknown team: exit 2" 2 "nosuch"

as sup report daily --date 2026-11-23 --format csv;   check_rc "daily csv" 0
CSV=$(printf '%s\n' "$OUT" | tr -d '\r' | sed '1s/^\xef\xbb\xbf//')
fig() { printf '%s\n' "$CSV" | awk -F, -v s="$1" -v n="$2" -v f="$3" '$1 == s && $2 == n && $3 == f { print $4 }'; }
# expect SCOPE NAME "figure=value ..."
expect() {
	local scope=$1 name=$2 pair got
	for pair in $3; do
		got=$(fig "$scope" "$name" "${pair%%=*}")
		check_eq "$scope ${name:-clinic}: ${pair%%=*}" "$got" "${pair#*=}"
	done
}
check_eq "csv header" "$(printf '%s\n' "$CSV" | head -1)" "scope,name,figure,value"
expect period "" "from=2026-11-23 to=2026-11-23"
# The clinic: due 6 (T1-T6); attempted 5 (not T6): 83.3%; reached 4 (T1 T2 T3 T5; T4 busy): 80%;
# finished 4, missed 1 (T4), open 1 (T6). Calls 6, 4 reaching the customer, 1 complaint: 25%.
# Scores 5 2 3 4: 3.50. NPS answers 10 6 7 9: 2 promoters, 1 detractor: (2-1)/4 = 25.
# Escalations: 2 raised (low score, complaint), the complaint acknowledged in time: SLA 100%.
# Hours: op_a 09:00-10:00, op_b 10:30-11:00 (1 h at least), op_c one call (1 h): 6 calls / 3 h.
expect clinic "" "due=6 attempted=5 coverage_pct=83.3 tasks_reached=4 reach_pct=80.0 finished=4 missed=1 open=1
	calls=6 reached_calls=4 scored=4 avg_score=3.50 score_1=0 score_2=1 score_3=1 score_4=1 score_5=1
	nps_answers=4 promoters=2 detractors=1 nps=25.0 complaints=1 complaint_rate_pct=25.0
	escalations_raised=2 escalations_resolved=0 escalations_breached=0 sla_met_pct=100.0 calls_per_hour=2.0"
expect team postop "due=4 attempted=4 coverage_pct=100.0 tasks_reached=3 reach_pct=75.0 finished=3 missed=1 open=0
	calls=5 reached_calls=3 avg_score=3.33 nps=0.0 complaints=1 complaint_rate_pct=33.3
	escalations_raised=2 sla_met_pct=100.0 calls_per_hour=2.5"
expect team service "due=2 attempted=1 coverage_pct=50.0 tasks_reached=1 reach_pct=100.0 finished=1 open=1
	calls=1 avg_score=4.00 nps=100.0 escalations_raised=0 sla_met_pct= calls_per_hour=1.0"
expect operator op_a "due=2 attempted=2 tasks_reached=2 finished=2 calls=3 reached_calls=2 avg_score=3.50
	nps=0.0 escalations_raised=1 sla_met_pct= calls_per_hour=3.0"
# T4 is in the pool: it counts for op_b, who called it last.
expect operator op_b "due=2 attempted=2 tasks_reached=1 finished=1 missed=1 open=0 calls=2 complaints=1
	complaint_rate_pct=100.0 avg_score=3.00 nps=0.0 escalations_raised=1 sla_met_pct=100.0 calls_per_hour=2.0"
expect operator op_c "due=1 attempted=1 tasks_reached=1 finished=1 calls=1 avg_score=4.00 nps=100.0"
expect category 服务态度 "complaints=1"
expect step surgery.d1 "missed=1"
check_eq "T6, uncalled in the pool, is nobody's" "$(fig operator sup due)" ""
# When: 09:00 09:20 | 10:00 10:30 | 11:00 | 14:00; hours without calls have no row.
expect hour 09 "calls=2"; expect hour 10 "calls=2"; expect hour 11 "calls=1"; expect hour 14 "calls=1"
check_eq "only the hours with calls" "$(printf '%s\n' "$CSV" | grep -c '^hour,')" 4
expect day 2026-11-23 "calls=6 reached_calls=4"
check_eq "a daily report has no weekdays" "$(printf '%s\n' "$CSV" | grep -c '^weekday,')" 0

# --team: only that team's tasks, calls and escalations.
as sup report daily --date 2026-11-23 --team service --format csv
CSV=$(printf '%s\n' "$OUT" | tr -d '\r' | sed '1s/^\xef\xbb\xbf//')
expect clinic service "due=2 calls=1 escalations_raised=0"
check_eq "no other team" "$(fig team postop due)" ""
check_eq "... nor the team again" "$(fig team service due)" ""

# The week (Mon 23 - Sun 29) and the month hold the same calls here.
as sup report weekly --date 2026-11-26 --format json
check_out "weekly: Monday to Sunday" '"figure": "from", "value": "2026-11-23"'
check_out "weekly: to Sunday" '"figure": "to", "value": "2026-11-29"'
as sup report monthly --date 2026-11-23 --format csv
CSV=$(printf '%s\n' "$OUT" | tr -d '\r' | sed '1s/^\xef\xbb\xbf//')
expect period "" "from=2026-11-01 to=2026-11-30"
expect clinic "" "calls=6 escalations_raised=3"
# The trend: every day of the month, the calls all on Monday the 23rd.
check_eq "a row per day of the month" "$(printf '%s\n' "$CSV" | grep -c '^day,.*,calls,')" 30
expect day 2026-11-22 "calls=0 reached_calls=0"
expect day 2026-11-23 "calls=6 reached_calls=4"
expect weekday 1 "calls=6"; expect weekday 2 "calls=0"; expect weekday 7 "calls=0"
# --team: the hours, weekdays and days count that team's calls only (op_c at 14:00).
as sup report monthly --date 2026-11-23 --team service --format csv
CSV=$(printf '%s\n' "$OUT" | tr -d '\r' | sed '1s/^\xef\xbb\xbf//')
expect hour 14 "calls=1"; expect day 2026-11-23 "calls=1 reached_calls=1"; expect weekday 1 "calls=1"
check_eq "no other team's hours" "$(fig hour 09 calls)" ""
# json and csv hold the same rows.
as sup report monthly --date 2026-11-23 --format json
check_out "json: the day rows" '"scope": "day", "name": "2026-11-23", "figure": "reached_calls", "value": "4"'

# The table, for a person: figures, the score chart, categories, missed steps, definitions.
as sup report daily --date 2026-11-23
check_out "a title" "^Daily report · 2026-11-23$"
check_out "the clinic's row" "^whole clinic +6 +5 +83% +4 +80% +4 +1 +1 +6 +3.50 +\+25 "
# The score chart: scores 2 3 4 5 once each, so each bar fills the 30 cells.
check_out "a bar per score" "^  4  (█){30} 1$"
check_out "an empty score" "^  1  {32}0$"
check_out "calls per hour: 2 of 2 fill 30 cells" "^  09:00 (█){30} 2$"
check_out "... 1 of 2 fills 15" "^  11:00 (█){15} {15} 1$"
check_out "... an hour without calls" "^  12:00 {32}0$"
LC_ALL=C as sup report daily --date 2026-11-23
check_out "without UTF-8 the bars are #" "^  09:00 #{30} 2$"
as sup report weekly --date 2026-11-23
check_out "weekly: calls per weekday" "^  Mon   (█){30} 6$"
check_out "weekly: the trend per day, reached in brackets" "^  2026-11-23 (█){30} 6 \(4\)$"
check_out "weekly: a day without calls" "^  2026-11-24 {32}0 \(0\)$"
check_out "complaints by category" "服务态度 +1$"
check_out "missed by curve step" "surgery.d1 +1$"
check_out "the definitions" "coverage = attempted / due"
as sup report team --date 2026-11-23
check_out "the team report: calls per hour" "^  op_a +2 +2 +100% +2 +100% +2 +0 +0 +3.0 "
# The default is yesterday, the last complete day.
HUIFANG_NOW="2026-11-24 08:00" as sup report daily
check_out "yesterday by default" "^Daily report · 2026-11-23$"
