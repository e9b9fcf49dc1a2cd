#!/usr/bin/env bash
# speed.sh — a key press redraws quickly with more than 1000 tasks in the queue.
. "$(dirname "$0")/lib.sh"

DB=$T/clinic.db
make_db "$DB" || { not_ok "demo clinic"; finish; exit 1; }
TODAY=${HUIFANG_NOW%% *}
team=$(sql "$DB" "SELECT team FROM user WHERE login = 'root'")
# Every open task due today in root's pool, then doubled until the queue holds 1000 or more.
sql "$DB" "UPDATE task SET due_date = '$TODAY', due_time = NULL, team = '$team', owner = '' WHERE status = 'open'"
while [ "$(queue_ids "$DB" | wc -l)" -lt 1000 ]; do
  sql "$DB" "INSERT INTO task(customer_id, visit_id, kind, step, due_date, window_end, team, owner,
    status, attempts, priority, script, origin, created_at, updated_at)
    SELECT customer_id, visit_id, kind, step, due_date, window_end, team, owner, status, attempts,
    priority, script, origin, created_at, updated_at FROM task WHERE status = 'open'"
done
mapfile -t IDS < <(queue_ids "$DB")
check "the queue holds ${#IDS[@]} tasks" test "${#IDS[@]}" -ge 1000

KEYS=${HF_SPEED_KEYS:-400}
MAX_MS=${HF_SPEED_MAX_MS:-10}
start main 100 30 -- -d "$DB"
queue_tab main
check "the console opens on the big queue" wait_for main "due ${#IDS[@]}"
keys=()
for ((i = 0; i < KEYS; i++)); do keys+=(j); done
t0=$(date +%s%N)
send main "${keys[@]}"
WAIT=60 wait_selected main "${IDS[$KEYS]}"
t1=$(date +%s%N)
per=$(( (t1 - t0) / KEYS / 1000 ))
echo "# $KEYS key presses, each a full redraw, in $(( (t1 - t0) / 1000000 )) ms: ${per} µs a key (tmux included)"
check "$KEYS moves land on the right task" wait_selected main "${IDS[$KEYS]}"
check "a key press redraws in under $MAX_MS ms (measured ${per} µs)" test "$per" -lt $((MAX_MS * 1000))
send main G
check "G to the last of ${#IDS[@]}" wait_selected main "${IDS[${#IDS[@]} - 1]}"
send main q
check "q quits" exit_is main 0
finish
