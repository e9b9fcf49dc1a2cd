#!/usr/bin/env bash
# call.sh — the call screen and the outcome form: every outcome, a Chinese note, script scrolling,
# two consoles on one task, validation, drafts through a resize storm, 80x24, dialling.
. "$(dirname "$0")/lib.sh"

DB=$T/clinic.db
make_db "$DB" || { not_ok "demo clinic"; finish; exit 1; }
printf 'console = {\n  dial = ["/usr/bin/touch", "%s/dialled-{phone}"];\n};\n' "$T" > "$T/dial.conf"

# The task the call screen shows ("... task #ID" in its header).
open_id() { screen "$1" | head -1 | grep -oE 'task #[0-9]+' | tr -dc '0-9'; }
# select_task SESSION ID: select the task in the queue: search by its customer's name (an
# operator's search cannot use the full phone: it is masked), then next match until it is.
select_task() {
  local s=$1 id=$2 name i
  name=$(sql "$DB" "SELECT c.name FROM task t JOIN customer c ON c.id = t.customer_id
    WHERE t.id = $id")
  send "$s" /
  send_text "$s" "$name"
  send "$s" Enter
  for ((i = 0; i < 8; i++)); do
    wait_selected "$s" "$id" && return 0
    send "$s" n
  done
  return 1
}
open_task() { select_task "$1" "$2" && send "$1" Enter && wait_for "$1" "task #$2"; }
# Back to the queue from the summary.
to_queue() { send "$1" Enter; wait_for "$1" "filter:"; }

start main 100 30 -- -c "$T/dial.conf" -d "$DB"
queue_tab main
wait_for main "(root)"
mapfile -t IDS < <(queue_ids "$DB")

# ---- the call screen ------------------------------------------------------------------------
send main Enter
check "Enter opens the call screen of the selected task" wait_for main "task #${IDS[0]}"
check "opening claims the task for this login" \
  sql_is "$DB" "SELECT claimed_by FROM task WHERE id = ${IDS[0]}" root
check "the call screen says how long the task is held" wait_for main "yours until"
cust0=$(sql "$DB" "SELECT customer_id FROM task WHERE id = ${IDS[0]}")
name0=$(sql "$DB" "SELECT name FROM customer WHERE id = $cust0")
check "the card shows the customer" wait_for main "$name0"
check "the history lists earlier calls and visits" wait_for main "History"
check "the script pane has the script's sections" wait_for main "【Greeting】"
clinic=$(sql "$DB" "SELECT value FROM meta WHERE key = 'clinic'")
check "placeholders are filled (the clinic's name)" wait_for main "$clinic"
no_placeholder() { ! screen main | grep -qE '\{(name|title|treatment|clinic|days_since|doctor)\}'; }
check "no {placeholder} is left in the script" no_placeholder
check "opening the record is audited" \
  sql_is "$DB" "SELECT count(*) > 0 FROM audit WHERE action LIKE 'view%' AND entity_id = $cust0" 1

# Script scrolling: the first line of the script pane moves with J and back with K.
script_top() { wait_stable main; screen main | sed -n 3p | sed 's/.*│//'; }
before=$(script_top)
send main J
check "J scrolls the script" test "$(script_top)" != "$before"
send main K
check "K scrolls it back" test "$(script_top)" = "$before"
send main NPage
check "PgDn pages the script (the pane in focus)" wait_gone main "【Greeting】"
send main Home
check "Home goes back to its top" wait_for main "【Greeting】"
send main Tab j j j
check "Tab moves focus to the history; j scrolls it, not the script" \
  test "$(script_top)" = "$before"

# ---- a merged task: every reason's script ---------------------------------------------------
pair=$(sql "$DB" "SELECT t.id || ' ' || f.id FROM task t JOIN task f ON f.customer_id = t.customer_id
  AND f.id <> t.id AND f.status = 'open' AND f.due_date > '$TODAY'
  WHERE t.id IN ($(queue_ids "$DB" | sed -n '2,$p' | paste -sd,)) ORDER BY t.id LIMIT 1")
carrier=${pair% *}; merged=${pair#* }
sql "$DB" "UPDATE task SET status = 'merged', merged_into = $carrier,
  origin = json_object('code', 'text', 'text', 'merged reason $merged') WHERE id = $merged"
send main q
wait_for main "filter:"
open_task main "$carrier"
# page_until SESSION TEXT: PgDn until the text shows (at most 20 pages).
page_until() {
  local i
  for ((i = 0; i < 20; i++)); do
    wait_stable "$1"
    screen "$1" | grep -qF -- "$2" && return 0
    send "$1" NPage
  done
  return 1
}
check "a merged task is named at the top of the script" wait_for main "· merged reason $merged"
check "... and shows the other reason's script under its origin" \
  page_until main "── merged reason $merged ──"
send main q
wait_for main "filter:"
send main g
wait_selected main "${IDS[0]}"
send main Enter
wait_for main "task #${IDS[0]}"

# ---- dialling -------------------------------------------------------------------------------
send main d
phone0=$(sql "$DB" "SELECT phone FROM customer WHERE id = $cust0")
check "d runs the dial command with the number" file_soon "$T/dialled-$phone0"
check "... and says so" wait_for main "Dialling"
check "the dial message clears once the command has started" wait_gone main "Dialling"
check "... and the key hints come back" wait_for main "l log outcome"
check "the dial is audited" \
  sql_is "$DB" "SELECT count(*) FROM audit WHERE action = 'dial' AND entity_id = $cust0" 1

# ---- two consoles on one task ---------------------------------------------------------------
send main q
wait_for main "filter:"
# A task of the team's pool, which the team's operators see too.
pool_id=$("$HF" -d "$DB" queue --format tsv | awk -F'\t' 'NR > 1 && $7 == "" {print $1; exit}')
open_task main "$pool_id"
team0=$(sql "$DB" "SELECT team FROM task WHERE id = $pool_id")
other=$(sql "$DB" "SELECT login FROM user WHERE team = '$team0' AND role = 'operator' AND active
  ORDER BY login LIMIT 1")
start second 100 30 HUIFANG_AS="$other" -- -d "$DB"
wait_for second "($other)"
# A masked number cannot be uncovered by searching longer tails: the full number finds nothing.
pool_phone=$(sql "$DB" "SELECT c.phone FROM task t JOIN customer c ON c.id = t.customer_id
  WHERE t.id = $pool_id")
send second /
send_text second "$pool_phone"
send second Enter
check "an operator's search by a whole masked number finds nothing" wait_for second "no task matches"
send second Enter
wait_for second "filter:"
select_task second "$pool_id"
check "the queue of another operator says who is calling" wait_for second "being called by root"
send second Enter
check "the second console opens the task read-only" wait_for second "read-only"
check "... naming who holds it" wait_for second "being worked by root"
check "an operator sees the phone masked" wait_line second "phone [0-9]{3}\\*{4}[0-9]{4}"
send second l
wait_stable second
check "l on a read-only call does not open the form" absent second "Log outcome"
send main q
check "when the holder leaves, the other console takes the task" wait_for second "yours until"
check "... and the claim is the other operator's" \
  sql_is "$DB" "SELECT claimed_by FROM task WHERE id = $pool_id" "$other"
# Holding the call, the operator sees the whole number (to dial it by hand: no dial command is
# configured here), and the audit trail has one reveal for this call however often it redraws.
pool_cust=$(sql "$DB" "SELECT customer_id FROM task WHERE id = $pool_id")
reveals() {
  sql "$DB" "SELECT count(*) FROM audit WHERE login = '$other' AND action = 'view-reveal'
    AND entity_id = $pool_cust"
}
check "an operator holding the call sees the whole number" wait_for second "phone $pool_phone"
send second C-l
send second J
send second K
resize second 90 30
wait_for second "phone $pool_phone"
resize second 100 30
wait_stable second
check "... audited once for the call, not per redraw" test "$(reveals)" = 1
send second q
wait_for second "filter:"
check "leaving the call screen releases the claim" \
  sql_soon "$DB" "SELECT claimed_by FROM task WHERE id = $pool_id" ""
check "back on the queue the number is masked again" absent second "$pool_phone"
select_task second "$pool_id"
send second Enter
wait_for second "yours until"
check "a call opened again shows the whole number" wait_for second "phone $pool_phone"
check "... with one more reveal row (one per call)" test "$(reveals)" = 2
send second q
wait_for second "filter:"
HUIFANG_AS="$other" "$HF" -d "$DB" show customer "$pool_cust" > "$T/op-show.txt" 2>&1
check "show customer masks the number for the operator" eval '! grep -qF "$pool_phone" "$T/op-show.txt"'
send second q
exit_is second 0 >/dev/null

# ---- every outcome through the form -----------------------------------------------------------
wait_for main "filter:"
send main g
wait_selected main "$(queue_ids "$DB" | head -1)"

# 1 reached, score 4, recommendation 10, a Chinese note edited over wide characters.
send main Enter
wait_for main "yours until"
id=$(open_id main)
send main l
check "l opens the outcome form" wait_for main "Log outcome"
check "the form asks for an outcome first" wait_for main "Choose the outcome: 1–7."
send main 1
check "1 chooses reached" wait_for main "(*) 1 Reached"
send main Tab 4
check "reached asks a score; 4 gives it" wait_for main "[4]"
# The recommendation comes after the rules' four satisfaction dimensions (each skipped here).
send main Tab Tab Tab Tab Tab
check "... then the dimensions, to the recommendation" wait_line main "^> Recommend"
check "... and a recommendation, skipped until given" wait_for main "skipped (Space)"
send main 1 0
check "1 then 0 gives a recommendation of 10" wait_for main "[10]"
send main Tab
# A pasted right-to-left override (U+202E) is not inserted: the stored note is without it.
send_text main $'伤口\u202e恢复良好X'
send main BSpace BSpace Home Delete End
send_text main "ok"
send main Enter
send_text main "第二行"
check "the note shows the edited Chinese text" wait_for main "口恢复良ok"
send main F2
check "F2 saves and shows what the rules did" wait_for main "Saved: Reached."
check "the summary says the task is done" wait_for main "task $id: done"
check "reached: the call is stored with score, NPS and the edited two-line note" \
  sql_is "$DB" "SELECT outcome || '|' || score || '|' || nps || '|' || note FROM call WHERE task_id = $id ORDER BY id DESC LIMIT 1" \
  "reached|4|10|口恢复良ok
第二行"
to_queue main

run_outcome() { # NAME DIGIT KEYS... : log the selected task with an outcome; prints its id
  local digit=$2; shift 2
  send main Enter
  wait_for main "yours until" || return 1
  local id; id=$(open_id main)
  send main l
  wait_for main "Log outcome" || return 1
  send main "$digit" "$@"
  send main F2
  wait_for main "Saved:" || return 1
  echo "$id"
}

id=$(run_outcome no_answer 2)
check "2 no answer: the task retries" wait_line main "task $id: (retry at|unreachable)"
check "no_answer is stored" \
  sql_is "$DB" "SELECT outcome FROM call WHERE task_id = $id ORDER BY id DESC LIMIT 1" no_answer
to_queue main
id=$(run_outcome busy 3)
check "3 busy: the task retries" wait_line main "task $id: (retry at|unreachable)"
to_queue main
id=$(run_outcome callback 4)
check "4 callback: prefilled next contact makes a callback" wait_for main "next call:"
check "callback: a callback task exists" \
  sql_is "$DB" "SELECT count(*) FROM task WHERE kind = 'callback' AND json_extract(origin, '\$.task') = $id" 1
to_queue main
id=$(run_outcome wrong_number 5)
check "5 wrong number: the phone is flagged" wait_for main "phone number flagged invalid"
of_customer() { echo "SELECT c.$1 FROM task t JOIN customer c ON c.id = t.customer_id WHERE t.id = $2"; }
check "wrong_number: customer.phone_invalid is set" sql_is "$DB" "$(of_customer phone_invalid "$id")" 1
to_queue main
id=$(run_outcome refused 6)
check "6 refused: do-not-call" wait_for main "do-not-call"
check "refused: customer.do_not_call is set" sql_is "$DB" "$(of_customer do_not_call "$id")" 1
to_queue main
# 7 complaint: the category field appears after score, the four dimensions and recommendation;
# 2 picks the second.
id=$(run_outcome complaint 7 Tab Tab Tab Tab Tab Tab Tab 2)
check "7 complaint: escalated high" wait_for main "escalation raised: high"
check "complaint: the category is stored (服务态度)" \
  sql_is "$DB" "SELECT complaint FROM call WHERE task_id = $id ORDER BY id DESC LIMIT 1" 服务态度
check "complaint: an open high escalation exists" \
  sql_is "$DB" "SELECT count(*) FROM escalation WHERE task_id = $id AND severity = 'high'" 1

# n: the next task opens at once.
send main n
check "n after saving opens the next task" wait_for main "yours until"

# ---- validation, cancel, drafts -------------------------------------------------------------
send main l
wait_for main "Log outcome"
send main 4 BTab x
check "callback without a next contact: the rules' message" wait_for main "needs the next contact"
send main p
check "p puts the rules' proposal back" wait_for main "Ready: F2 saves."
send main x
send_text main "$(day_after -11)"
check "a past date is refused as typed" wait_for main "is in the past"
send main x d
check "d sets +3 days" wait_for main "$(day_after 3)"
send main m
check "m sets +1 month" wait_for main "$(month_after)"
send main w
check "w sets +1 week, and it validates" wait_for main "Ready: F2 saves."
send main F1
check "F1 shows the form's keys" wait_for main "Keys of the Outcome screen"
check "... with save from the keymap" wait_for main "F2, C-x"
send main Escape
wait_for main "Log outcome"
send main BTab
send_text main "草稿保留测试"
# A resize storm with the draft open.
for size in 1x1 2x2 300x100 10x5 79x23 80x24 200x60 1x1 120x40 40x80 300x100 80x24; do
  resize main "${size%x*}" "${size#*x}"
done
resize main 100 30
check "a resize storm keeps the draft" wait_for main "草稿保留测试"
check "... and the console is still running" test ! -f "$T/main.rc"
send main Escape
check "Esc with a draft asks first" wait_for main "Discard this draft?"
send main n
check "any other key keeps the draft" wait_for main "草稿保留测试"
send main Escape
wait_for main "Discard this draft?"
send main y
check "y discards it: back on the call screen" wait_for main "yours until"
send main q
wait_for main "filter:"

# ---- 80x24 with long Chinese names --------------------------------------------------------------
due_before=$(screen main | grep -oE 'due [0-9]+' | head -1 | tr -dc '0-9')
long="欧阳慕容司马上官诸葛东方皇甫尉迟公羊"
cid=$("$HF" -d "$DB" add customer --name "$long" --phone 13912345678 --gender F)
yesterday=$(day_after -1)
"$HF" -d "$DB" add visit "$cid" --kind surgery --date "$yesterday" --treatment 双眼皮 \
  --doctor 王建华 >/dev/null 2>&1
long_id=$(sql "$DB" "SELECT id FROM task WHERE customer_id = $cid AND status = 'open'
  ORDER BY due_date LIMIT 1")
check "a task added by another process shows up by itself" wait_for main "due $((due_before + 1))"
resize main 80 24
wait_for main "(root)"
send main /
send_text main 13912345678
send main Enter
check "80x24: the long-named customer's task is in the queue" wait_selected main "$long_id"
fits() { # every line within $2 columns, no replacement character
  local line
  while IFS= read -r line; do
    [ "$(width "$line")" -le "$2" ] || { echo "too wide ($(width "$line")): $line"; return 1; }
  done < <(screen "$1")
  ! screen "$1" | grep -q $'\xef\xbf\xbd'
}
check "80x24 queue: nothing wider than 80, nothing cut into U+FFFD" fits main 80
cut_name() { screen main | grep -qE '欧阳慕容[^ ]*…'; }
check "80x24 queue: the long name ends in … where it is cut" cut_name
send main Enter
check "80x24: the call screen opens" wait_for main "task #$long_id"
check "80x24 call screen: nothing wider than 80, nothing cut" fits main 80
send main l
wait_for main "Log outcome"
check "80x24 form: nothing wider than 80" fits main 80
send main Escape
send main q
wait_for main "filter:"

# ---- without a dial command -----------------------------------------------------------------
start nodial 100 30 -- -d "$DB"
queue_tab nodial
wait_for nodial "(root)"
send nodial Enter
wait_for nodial "yours until"
check "without a dial command the call screen says to dial by hand" \
  wait_for nodial "dial by hand"
send nodial d
check "d says no dial command is configured" wait_for nodial "no dial command is configured"
send nodial q q
exit_is nodial 0 >/dev/null

send main q
check "q quits with status 0 after a day of calls" exit_is main 0
check "no claim is left behind" sql_is "$DB" "SELECT count(*) FROM task WHERE claimed_by <> ''" 0
finish
