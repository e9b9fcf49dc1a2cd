#!/usr/bin/env bash
# team.sh — the Team tab in a real terminal: a hand-built team's day (figures worked out by
# hand), other days, an operator's tasks, reassigning a marked task and all of an operator's
# open tasks, releasing a consultant's customer; 80x24 in English and Chinese; operators get none.
. "$(dirname "$0")/lib.sh"

DB=$T/clinic.db
CONF=(-c data/huifang.conf -d "$DB")
YESTERDAY=$(day_after -1)
hf() { "$HF" "${CONF[@]}" "$@"; }
as() { local who=$1; shift; HUIFANG_AS=$who hf "$@"; }
at() { local when=$1 who=$2; shift 2; HUIFANG_NOW="$TODAY $when" HUIFANG_AS=$who hf "$@"; }

# The nursing team (postop): 王芳 and 李娜 work, 闲人 does nothing; 陈静 is of another team.
{
  hf init
  hf user add op_a --role operator --team postop --name 王芳
  hf user add op_b --role operator --team postop --name 李娜
  hf user add op_idle --role operator --team postop --name 闲人
  hf user add op_c --role operator --team service --name 陈静
  hf user add sup --role supervisor --team postop --name 赵主管
  hf user add gw_a --role operator --team consultant --name 顾问甲
  hf user add gw_b --role operator --team consultant --name 顾问乙
} >/dev/null
# Four surgeries yesterday: their day-1 calls are due today (postop); one discharge three days
# ago: a day-3 call due today (service).
task() { # NAME KIND DATE -> the task due today
  local c
  c=$(HUIFANG_NOW="$TODAY 08:00" hf add customer --name "$1" --phone "1390000$((RANDOM % 9000 + 1000))")
  HUIFANG_NOW="$TODAY 08:00" hf add visit "$c" --kind "$2" --date "$3" --treatment 隆鼻 >/dev/null
  sql "$DB" "SELECT id FROM task WHERE customer_id = $c AND due_date = '$TODAY'"
}
T1=$(task 钱一 surgery "$YESTERDAY"); T2=$(task 钱二 surgery "$YESTERDAY")
T3=$(task 钱三 surgery "$YESTERDAY"); T4=$(task 钱四 surgery "$YESTERDAY")
T5=$(task 钱五 discharge "$(day_after -3)")
{
  HUIFANG_NOW="$TODAY 08:00" as sup reassign "$T1" "$T2" --to op_a
  HUIFANG_NOW="$TODAY 08:00" as sup reassign "$T3" --to op_b
  HUIFANG_NOW="$TODAY 08:00" as sup reassign "$T5" --to op_c
  at 09:00 op_a log "$T1" --outcome reached --score 5
  at 09:20 op_a log "$T2" --outcome no_answer
  at 10:00 op_a log "$T2" --outcome reached --score 2                 # low score: escalated
  at 10:30 op_b log "$T3" --outcome complaint --complaint 服务态度 --score 3   # escalated
  at 11:00 op_b log "$T4" --outcome busy                              # pool task, still open
  at 14:00 op_c log "$T5" --outcome reached --score 4                 # another team's
} >/dev/null
# A consultant's customer last seen seven months ago.
C=$(HUIFANG_NOW="$TODAY 08:00" hf add customer --name 孙七 --phone 13900001111 --consultant gw_a)
HUIFANG_NOW="$TODAY 08:00" hf add visit "$C" --kind consult --treatment 玻尿酸 \
  --date "$(date -u -d "$TODAY -7 months" +%F)" >/dev/null
check "the clinic is built (4 nursing tasks due today, 6 calls)" \
  sql_is "$DB" "SELECT (SELECT count(*) FROM task WHERE due_date = '$TODAY' AND team = 'postop'), (SELECT count(*) FROM call)" "4|6"
export HUIFANG_NOW="$TODAY 18:00"

# A row of the Team tab: the name, then the figures as the screen shows them.
row() { wait_line "$1" "^ ?$2 +$3\$"; }
team_tab() { # SESSION: the console opens on the escalations; Tab goes on to the Team tab
  wait_for "$1" "time left" && send "$1" Tab && wait_for "$1" "whole team"
}

start big 120 40 HUIFANG_AS=sup -- "${CONF[@]}"
check "Tab brings the Team tab after Escalations" team_tab big
check "the tab bar names it" wait_line big '^  Queue +Escalations +Team '
check "the team and the day, said plainly" wait_line big "术后护理组 .*$TODAY .* \(today\)"
# By hand: 王芳 had T1 and T2, both called, reached and done; three calls 09:00-10:00 (1 h);
# scores 5 and 2; the low score escalated. 李娜: T3 (owned) and T4 (pool, she called it
# last, busy: open); 10:30-11:00 counts as the minimum hour; the complaint escalated.
# Columns: due, called, reached, finished, missed, open, escalations, score, calls/h.
check "王芳's day: 2 2 2 2 0 0 1 3.50 3.0" row big 王芳 "2 +2 +2 +2 +0 +0 +1 +3\.50 +3\.0"
check "李娜's day: 2 2 1 1 0 1 1 3.00 2.0" row big 李娜 "2 +2 +1 +1 +0 +1 +1 +3\.00 +2\.0"
check "闲人, who did nothing, is listed with zeros" row big 闲人 "0 +0 +0 +0 +0 +0 +0 +- +-"
check "the whole team: 4 4 3 3 0 1 2 3.33 2.5" row big "whole team" "4 +4 +3 +3 +0 +1 +2 +3\.33 +2\.5"
check "another team's operator is not listed" absent big 陈静
check "the same figures as huifang team" \
  eval '[ "$(as sup team --format tsv | awk -F"\t" "\$1 == \"op_b\" { print \$4, \$5, \$6, \$7, \$8, \$9, \$10, \$12, \$13 }")" = "2 2 1 1 0 1 1 3.00 2.0" ]'

# ---- other days --------------------------------------------------------------------------------
send big '['
check "[ shows yesterday" wait_line big "$YESTERDAY .* \(yesterday\)"
check "... when nothing was due for 王芳" row big 王芳 "0 +0 +0 +0 +0 +0 +0 +- +-"
send big ']'
check "] comes back to today" row big 王芳 "2 +2 +2 +2 +0 +0 +1 +3\.50 +3\.0"
send big d
send_text big "2025-02-30"
send big Enter
check "d refuses a day that does not exist" wait_for big '"2025-02-30" is not a date'
send big Escape
check "Esc closes the prompt" wait_gone big "show the day (YYYY-MM-DD)"
send big d
send_text big "$YESTERDAY"
send big Enter
check "d takes a typed day" wait_line big "$YESTERDAY .* \(yesterday\)"
send big t
check "t comes back to today" wait_line big "$TODAY .* \(today\)"

# ---- an operator's tasks -----------------------------------------------------------------------
send big g j Enter
check "Enter lists 李娜's tasks of the day" wait_for big "李娜 (op_b) · $TODAY"
check "... both of them, one open" wait_for big "tasks 2  open 1"
check "... the open one first" wait_selected big "$T4"
check "... the done one with its status" wait_line big "钱三 .*Complaint .*op_b +done"
send big Space
check "Space marks the open task" wait_for big "marked 1"
send big r
check "r asks whom to give it to" wait_for big "1 marked task of 李娜"
check "... her colleagues and the pool" eval 'wait_for big "the team'"'"'s pool" && wait_for big "王芳 (op_a)" && absent big "李娜 (op_b)" && absent big "陈静"'
send big 2 Enter
check "Enter gives it to 王芳" wait_for big "1 task reassigned to 王芳 (op_a)"
check "the task moved in the database" sql_soon "$DB" "SELECT owner FROM task WHERE id = $T4" op_a
check "王芳's queue now has it" eval 'HUIFANG_AS=op_a "$HF" "${CONF[@]}" queue --format tsv | cut -f1 | grep -qx "$T4"'
check "李娜's list keeps the done one" wait_for big "tasks 1  open 0"
send big q
# T4 now counts for its owner: 王芳 due 3, called 3 (李娜 called it), reached 2, open 1.
check "the figures follow: 王芳 3 3 2 2 0 1 1" row big 王芳 "3 +3 +2 +2 +0 +1 +1 +3\.50 +3\.0"
check "... 李娜 1 1 1 1 0 0 1" row big 李娜 "1 +1 +1 +1 +0 +0 +1 +3\.00 +2\.0"

# ---- every open task of an operator -------------------------------------------------------------
N_A=$(sql "$DB" "SELECT count(*) FROM task WHERE owner = 'op_a' AND status = 'open'")
check "王芳 has open tasks (any day)" test "$N_A" -ge 1
send big g
send big r
check "r on a row takes every open task of the operator" wait_for big "every open task of 王芳 (op_a)"
send big 1 Enter
check "... to the team's pool" wait_line big "$N_A tasks? back to the team's pool"
check "... all of them" sql_soon "$DB" "SELECT count(*) FROM task WHERE owner = 'op_a' AND status = 'open'" 0
check "... each one audited" sql_is "$DB" "SELECT count(*) FROM audit WHERE action = 'reassign' AND detail = 'owner=op_a to='" "$N_A"
send big G r
check "r on the whole team's row asks for an operator" wait_for big "Choose an operator's row."

# ---- consultants' customers to release ----------------------------------------------------------
send big c
check "c lists the consultants' customers not seen for months" wait_line big "^gw_a +孙七 "
send big r
check "r asks which consultant takes the customer" eval 'wait_for big "顾问乙 (gw_b)" && absent big "顾问甲 (gw_a)"'
send big Enter
check "Enter releases the customer" wait_for big "customer released to 顾问乙 (gw_b)"
check "... who has a new consultant" sql_soon "$DB" "SELECT consultant FROM customer WHERE id = $C" gw_b
check "... and leaves the list" wait_for big "No consultant's customer to release."
send big q '?'
check "? lists the Team tab's keys" eval 'wait_for big "show the day before" && wait_for big "consultants'"'"' customers not seen"'
send big q q
check "q quits" exit_is big 0

# ---- 80x24 --------------------------------------------------------------------------------------
start small 80 24 HUIFANG_AS=sup -- "${CONF[@]}"
check "80x24: the Team tab" team_tab small
check "80x24: the figures fit" row small "whole team" "4 +4 +3 +3 +0 +1 +2 +3\.33 +2\.5"
check "80x24: no line wider than 80, nothing cut" nothing_cut small 80
send small Enter
check "80x24: an operator's tasks" wait_for small "王芳 (op_a)"
check "80x24: nothing cut there" nothing_cut small 80
send small q q
exit_is small 0 >/dev/null

# ---- 80x24 in Chinese: names and headings measured in display columns ---------------------------
# The end column of every field after the name, for each line that starts with NAME.
field_ends() { # SESSION NAME
  local line acc="" rest ends=()
  line=$(screen "$1" | grep -m1 -E "^ ?$2 ") || return 1
  rest=${line#"${line%%[! ]*}"}
  rest=${rest#* }                             # after the name
  acc=${line%"$rest"}
  while [[ $rest =~ ^(\ *[^ ]+)(.*)$ ]]; do
    acc+=${BASH_REMATCH[1]}; rest=${BASH_REMATCH[2]}; ends+=("$(width "$acc")")
  done
  echo "${ends[*]}"
}
aligned() {
  local a b c
  a=$(field_ends zh 王芳) && b=$(field_ends zh 闲人) && c=$(field_ends zh 全组) || { echo "rows missing"; return 1; }
  [ "$a" = "$b" ] && [ "$a" = "$c" ] || { printf 'ends differ:\n%s\n%s\n%s\n' "$a" "$b" "$c"; return 1; }
}
if locale -a 2>/dev/null | grep -qi '^zh_CN\.utf-\?8$'; then
  start zh 80 24 HUIFANG_AS=sup LANG=zh_CN.UTF-8 LC_ALL=zh_CN.UTF-8 -- "${CONF[@]}"
  wait_for zh "剩余" ; send zh Tab
  check "zh_CN: the Team tab in Chinese" wait_for zh "全组"
  check "zh_CN: every figure column ends where the heading's does, whatever the name" aligned
  check "zh_CN: no line wider than 80, nothing cut" nothing_cut zh 80
  send zh q
  exit_is zh 0 >/dev/null
else
  ok "# skip: no zh_CN.UTF-8 locale"
fi

# ---- operators ----------------------------------------------------------------------------------
start op 80 24 HUIFANG_AS=op_b -- "${CONF[@]}"
check "an operator's console has no Team tab" eval 'wait_for op "done today" && absent op "Team"'
send op Tab
sleep 0.3
check "... and Tab does not bring it" eval 'absent op "whole team" && wait_for op "done today"'
send op q
exit_is op 0 >/dev/null
check "the figures are refused to an operator (exit 3)" eval 'as op_b team >/dev/null 2>&1; [ $? = 3 ]'

finish
