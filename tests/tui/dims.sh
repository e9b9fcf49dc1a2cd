#!/usr/bin/env bash
# dims.sh — satisfaction in several dimensions on the outcome form: a rules file with two
# dimensions (Chinese names, wide characters), at 80x24 and 120x40. They follow the overall
# score when the outcome asks for one, Tab visits them in order, 1-5 scores, Space skips; the
# scores saved are the ones stored (sqlite3) and shown (`huifang show customer`); a low one
# escalates, naming the dimension.
. "$(dirname "$0")/lib.sh"

DB=$T/clinic.db
cat > "$T/dims.conf" <<'EOF'
dimensions = (
  { code = "attitude"; name = "服务态度"; low = 2; },
  { code = "results";  name = "效果满意"; }
);
EOF
"$HF" -c "$T/dims.conf" -d "$DB" init --demo >/dev/null || { not_ok "demo clinic"; finish; exit 1; }
open_id() { screen "$1" | head -1 | grep -oE 'task #[0-9]+' | tr -dc '0-9'; }
scores_of() { # TASK: its last call's dimension scores, "code=score ..."
  sql "$DB" "SELECT coalesce(group_concat(dimension || '=' || score, ' '), '') FROM (SELECT dimension, score FROM call_score WHERE call_id = (SELECT max(id) FROM call WHERE task_id = $1) ORDER BY id)"
}
shown() { # TASK TEXT: `huifang show customer` of the task's customer shows the text
  "$HF" -c "$T/dims.conf" -d "$DB" show customer "$(sql "$DB" "SELECT customer_id FROM task WHERE id = $1")" |
    grep -qF -- "$2"
}
# open_form SESSION: the first task of the queue, its outcome form; echoes the task's id.
open_form() {
  send "$1" Enter
  wait_for "$1" "yours until" || return 1
  local id; id=$(open_id "$1")
  send "$1" l
  wait_for "$1" "Log outcome" || return 1
  echo "$id"
}

for size in "80 24" "120 40"; do
  set -- $size
  s=w$1
  start $s $1 $2 NO_COLOR=1 -- -c "$T/dims.conf" -d "$DB"
  wait_for $s "(root)"
  queue_tab $s
  id=$(open_form $s)
  check "$1x$2: the form opens on a task" test -n "$id"
  check "$1x$2: before an outcome the dimensions are not asked" wait_line $s "Aspects +- \(not asked"
  send $s 1
  check "$1x$2: reached asks each dimension after the overall score" \
    wait_line $s "Aspects +服务态度 +1 +2 +3 +4 +5"
  check "$1x$2: ... the second too" wait_line $s "效果满意 +1 +2 +3 +4 +5"
  above=$(screen $s | grep -n "Score " | cut -d: -f1); below=$(screen $s | grep -n "Aspects" | cut -d: -f1)
  check "$1x$2: ... on the line after the overall score" test "$below" = $((above + 1))
  check "$1x$2: nothing is cut" nothing_cut $s $1
  send $s Tab 5 Tab
  check "$1x$2: Tab goes from the score to the first dimension" wait_line $s "^> Aspects"
  if [ "$1" -eq 80 ]; then
    send $s 4 Tab 1
    check "$1x$2: a digit scores the first dimension" wait_line $s "服务态度 +1 +2 +3 +\[4\] +5"
    check "$1x$2: Tab goes on to the second" wait_line $s "效果满意 +\[1\] +2"
    send $s Space
    check "$1x$2: Space skips it again" wait_line $s "效果满意 +1 +2 +3 +4 +5"
    send $s 3 Tab
    check "$1x$2: Tab goes on from the last dimension to the recommendation" wait_line $s "^> Recommend"
    send $s F2
    check "$1x$2: saved" wait_for $s "Saved: Reached."
    check "$1x$2: no escalation for 4 and 3" absent $s "escalation raised"
    check "$1x$2: the scores are stored with the call, codes and values" \
      sql_is "$DB" "SELECT score FROM call WHERE id = (SELECT max(id) FROM call WHERE task_id = $id)" 5
    check "$1x$2: ... each dimension's" test "$(scores_of "$id")" = "attitude=4 results=3"
    check "$1x$2: show customer shows them by name" shown "$id" "score 5/5  (服务态度 4/5, 效果满意 3/5)"
  else
    # The second dimension on its own line: the script beside leaves the form 72 columns.
    check "$1x$2: the dimensions wrap to a second line when narrow" \
      wait_line $s "^ +效果满意 +1 +2 +3 +4 +5"
    send $s 2
    check "$1x$2: a low dimension asks the complaint category, as a low score does" \
      wait_line $s "Category +1 "
    send $s F2
    check "$1x$2: saved" wait_for $s "Saved: Reached."
    check "$1x$2: a low dimension escalates, naming it" wait_for $s "low score 2 for 服务态度"
    check "$1x$2: only the dimension scored is stored" test "$(scores_of "$id")" = "attitude=2"
    check "$1x$2: show customer shows the escalation's reason by the dimension's name" \
      shown "$id" "low score 2 for 服务态度"
    check "$1x$2: the escalation's reason is stored as a code" \
      sql_is "$DB" "SELECT json_extract(reason, '\$[0].code') || ' ' || json_extract(reason, '\$[0].dimension') FROM escalation WHERE task_id = $id" "low_dimension attitude"
    # An outcome that asks no score skips the dimensions and stores none.
    send $s q
    wait_stable $s
    id2=$(open_form $s)
    send $s 2 Tab
    check "$1x$2: no answer: Tab skips the dimensions" wait_line $s "^> Note"
    check "$1x$2: ... they are not asked" wait_line $s "Aspects +- \(not asked"
    send $s F2
    check "$1x$2: no answer saved" wait_for $s "Saved: No answer."
    check "$1x$2: ... without dimension scores" test "$(scores_of "$id2")" = ""
  fi
  send $s q q
done
check "audit --verify: the scores are in the trail" "$HF" -c "$T/dims.conf" -d "$DB" audit --verify
finish
