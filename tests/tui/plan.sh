#!/usr/bin/env bash
# plan.sh — a console opened on a day not yet planned paints first and plans after: the frame
# and the queue show while "Planning today…" is on the status line, the plan runs in steps
# between key presses, and the new tasks are in the queue once it is done.
. "$(dirname "$0")/lib.sh"

DB=$T/chain.db
# A generated clinic of 20000 customers, never planned by huifang: every customer is due.
"$ROOT/scripts/gen-bench" --customers 20000 --db "$DB" --seed 4 --today "$TODAY" >/dev/null ||
  { not_ok "gen-bench clinic"; finish; exit 1; }
ME=$(id -un)
before=$(sqlite3 "$DB" "SELECT count(*) FROM task")

start plan 100 30 -- -d "$DB"
check "the console paints while the day is being planned" wait_for plan "Planning today"
check "... with its header and tab bar already there" eval 'screen plan | grep -qF "($ME)"'
WAIT=60 check "the plan ends and says what it did" wait_line plan "Planned today: [1-9][0-9]* new"
after=$(sqlite3 "$DB" "SELECT count(*) FROM task")
check "the plan wrote the day's tasks ($before -> $after)" test "$after" -gt "$before"
check "... and recorded the day" test "$(sqlite3 "$DB" "SELECT value FROM meta WHERE key = 'last_plan'")" = "$TODAY"
# The queue shows what is there now: its counts are the command's, read after the plan.
TSV=$("$HF" -d "$DB" queue --format tsv | tail -n +2)
n_overdue=$(printf '%s\n' "$TSV" | awk -F'\t' -v d="$TODAY" 'NF && substr($2,1,10) < d' | wc -l)
n_due=$(( $(printf '%s\n' "$TSV" | grep -c .) - n_overdue ))
screen plan | grep -qF "done today" || send plan BTab
check "the queue holds the planned tasks (due $n_due, overdue $n_overdue)" \
  wait_for plan "due $n_due  overdue $n_overdue"
send plan q
check "q quits" exit_is plan 0
finish
