#!/usr/bin/env bash
# workday.sh — an operator's day through the console: `n` after a retry goes on down the queue,
# work logged elsewhere shows on an open call, the search prompt's help, long notes, the form's
# messages at 80 columns, typing over the proposed next contact, the history pane at 80x24.
. "$(dirname "$0")/lib.sh"

DB=$T/clinic.db
make_db "$DB" || { not_ok "demo clinic"; finish; exit 1; }
mapfile -t IDS < <(queue_ids "$DB")
open_id() { screen "$1" | head -1 | grep -oE 'task #[0-9]+' | tr -dc '0-9'; }

start main 80 24 -- -d "$DB"
queue_tab main
wait_for main "(root)"

# ---- n after a retry: the task that stood below, not wherever the retried task moved ---------
# The first task of the queue not yet tried (no answer retries it), with another below it.
untried=$(sql "$DB" "SELECT id FROM task WHERE attempts = 0 AND id IN ($(printf '%s,' "${IDS[@]}")0)")
k=0
while [ $((k + 1)) -lt ${#IDS[@]} ] && ! grep -qx "${IDS[k]}" <<<"$untried"; do k=$((k + 1)); done
for ((i = 0; i < k; i++)); do send main j; done
check "the queue has an untried task with another below it" wait_selected main "${IDS[k]}"
send main Enter
check "the untried task opens" wait_for main "task #${IDS[k]}"
send main l
wait_for main "Log outcome"
send main 2
send main F2
check "no answer on a first attempt: a retry" wait_for main "task ${IDS[k]}: retry at"
check "... which is the task's second attempt" \
  sql_is "$DB" "SELECT attempts FROM task WHERE id = ${IDS[k]}" 1
send main n
check "n opens the task that stood below it (#${IDS[k + 1]})" wait_for main "task #${IDS[k + 1]}"
check "... not another one" test "$(open_id main)" = "${IDS[k + 1]}"

# ---- the open task is logged by another process ----------------------------------------------
check "the call screen holds the task" wait_for main "yours until"
"$HF" -d "$DB" log "${IDS[k + 1]}" --outcome reached --score 5 >/dev/null 2>&1
check "logged elsewhere: the call screen turns read-only without a key" wait_for main "read-only"
check "... and says the task is done" wait_for main "is done: nothing to log"
check "... and lets go of the claim" \
  sql_soon "$DB" "SELECT claimed_by FROM task WHERE id = ${IDS[k + 1]}" ""
send main l
wait_stable main
check "l then does not open the form" absent main "Log outcome"
send main q
wait_for main "filter:"

# ---- the history pane at 80x24 ---------------------------------------------------------------
# A task whose customer has calls in the history (their lines wrap at 80 columns).
with_calls=$(sql "$DB" "SELECT t.id FROM task t WHERE t.id IN ($(queue_ids "$DB" | paste -sd,))
  AND (SELECT count(*) FROM call c WHERE c.customer_id = t.customer_id) >= 2 LIMIT 1")
phone=$(sql "$DB" "SELECT c.phone FROM task t JOIN customer c ON c.id = t.customer_id
  WHERE t.id = $with_calls")
send main /
send_text main "$phone"
send main Enter
wait_selected main "$with_calls"
send main Enter
wait_for main "task #$with_calls"
wait_stable main
check "80x24 call screen: the history keeps a space before the pane line" \
  eval '! screen main | sed -n "3,22p" | grep -qE "[^ ]│"'
# A call line wrapped at 80 columns continues indented, not at the margin like a new entry.
check "80x24 call screen: a wrapped history line continues indented" \
  eval 'screen main | sed -n "3,22p" | grep -qE "^   (· )?(op_|root)"'
check "... never at the margin like a new entry" \
  eval '! screen main | sed -n "3,22p" | grep -qE "^ (op_|root|· )"'

# ---- the outcome form -------------------------------------------------------------------------
send main l
wait_for main "Log outcome"
send main 4 BTab
wait_line main '> Next call +[0-9-]{10} [0-9:]{5}'
proposed=$(screen main | grep -oE '> Next call +[0-9-]+ [0-9:]+' | grep -oE '[0-9-]{10} [0-9:]{5}')
check "callback: the rules propose a next contact" test -n "$proposed"
typed="$(day_after 8) 11:00"
send_text main "$typed"
check "a date typed over the proposal replaces it" wait_line main "> Next call +$typed "
check "... and validates" wait_for main "Ready: F2 saves."
send main p
check "p brings the proposal back" wait_for main "$proposed"
send main x
send_text main "$TODAY"
# The rules' message for a date of today runs past 80 columns: the form wraps it, its end shows.
check "a long check message wraps at 80 columns: its end shows" wait_for main ' HH:MM")'
fits() {
  local line
  while IFS= read -r line; do
    [ "$(width "$line")" -le 80 ] || { echo "too wide ($(width "$line")): $line"; return 1; }
  done < <(screen main)
}
check "... and nothing is wider than 80" fits
send main p Tab
check "Tab from the next contact goes round to the outcome" wait_line main "^> Outcome"
send main Tab
check "callback asks no score: Tab goes on to the note" wait_line main "^> Note"
# 4095 bytes at most: 1365 three-byte characters, then nothing more.
send_text main "$(printf '恢复良好%.0s' $(seq 342))"
check "a note that is full says so" wait_for main "The note is full: at most 4095 bytes."
send main BSpace
check "... and the message goes with the next key" wait_gone main "The note is full"
send main Escape
wait_for main "Discard this draft?"
send main y
wait_for main "yours until"
send main q
wait_for main "filter:"

# ---- n after the last task: round to the top ---------------------------------------------------
mapfile -t NOW_IDS < <(queue_ids "$DB")
last=${NOW_IDS[${#NOW_IDS[@]} - 1]}
send main G
wait_selected main "$last"
send main Enter
wait_for main "task #$last"
send main l
wait_for main "Log outcome"
send main 1 F2
check "the last task is saved" wait_for main "task $last: done"
send main n
check "n after the last task opens the first of the queue (#${NOW_IDS[0]})" \
  wait_for main "task #${NOW_IDS[0]}"
send main q
wait_for main "filter:"

# ---- the search prompt's help ----------------------------------------------------------------
send main /
send_text main "王"
send main F1
check "F1 in the search prompt shows its keys" wait_for main "search for (or limit to) what was typed"
check "... and how to search" wait_for main "Search: type a name or the last digits"
send main q
check "q goes back to the prompt, what was typed kept" wait_for main "(name or phone tail): / 王"
send main Escape
wait_gone main "(name or phone tail)"

# ---- a long kind label: whole when the terminal has room -------------------------------------
wid=$(queue_ids "$DB" | sed -n 3p)
sql "$DB" "UPDATE task SET kind = 'winback' WHERE id = $wid"
check "80x24: a long kind ends in … in its column" wait_for main "why they …"
resize main 100 30
check "100x30: the kind column grows to the whole label" wait_for main "why they left"
resize main 80 24
wait_for main "why they …"

send main q
check "q quits with status 0" exit_is main 0
check "no claim is left behind" sql_is "$DB" "SELECT count(*) FROM task WHERE claimed_by <> ''" 0
finish
