#!/usr/bin/env bash
# desk.sh — the supervisor's desk in a real terminal: tabs, the escalation list against its
# deadlines, one escalation's screen, acting on one and on several; operators see none of it.
. "$(dirname "$0")/lib.sh"

DB=$T/clinic.db
make_db "$DB" || { not_ok "demo clinic"; finish; exit 1; }
CONF=(-c data/huifang.conf -d "$DB")
# The open escalations as `huifang escalations` lists them, in the console's order: breached
# first, then the most severe, then the nearest deadline.
esc_sorted() {
  "$HF" "${CONF[@]}" escalations --format tsv | tail -n +2 |
    awk -F'\t' '{ sev = $2 == "urgent" ? 0 : $2 == "high" ? 1 : 2
                  print ($3 == "breached" ? 0 : 1) "\t" sev "\t" $4 "\t" $0 }' |
    sort -t$'\t' -k1,1n -k2,2n -k3,3 -k4,4n | cut -f4-
}
mapfile -t ESC < <(esc_sorted)
N_OPEN=${#ESC[@]}
N_BREACHED=$(printf '%s\n' "${ESC[@]}" | awk -F'\t' '$3 == "breached"' | wc -l)
check "the demo has open escalations, one of them breached" test "$N_OPEN" -ge 2 -a "$N_BREACHED" -ge 1
field() { printf '%s\n' "$1" | cut -f"$2"; }
# limit_to SESSION TEXT: l with the field emptied first (it starts with the limit in force).
limit_to() {
  local bs=() i
  for ((i = 0; i < 24; i++)); do bs+=(BSpace); done
  send "$1" l "${bs[@]}" && { [ -z "$2" ] || send_text "$1" "$2"; } && send "$1" Enter
}
FIRST=${ESC[0]}

start big 120 40 -- "${CONF[@]}"
# ---- tabs and the header -----------------------------------------------------------------------
check "a supervisor's console opens on the Escalations tab" wait_for big "time left"
check "the tab bar names the tabs" wait_line big '^  Queue   Escalations '
check "the header counts the open escalations and the breached" \
  wait_for big "$N_OPEN open escalations, $N_BREACHED breached"
check "the breached escalation comes first (#$(field "$FIRST" 1))" wait_selected big "$(field "$FIRST" 1)"
check "breached says so in words: how long over the deadline" \
  eval 'screen big | sed -n 4p | grep -qE "[0-9]+m over .*breached"'
# The line under the list gives the selected one's reason whole: every part, none cut.
reason_whole() { # SESSION ESCALATION-TSV-ROW
  local line json parts v
  line=$(screen "$1" | grep -E "^ #$(field "$2" 1)  ") || { echo "no reason line"; return 1; }
  json=$(field "$2" 7)
  parts=$(grep -o '"code"' <<<"$json" | wc -l)
  [ "$(grep -o '; ' <<<"$line" | wc -l)" = $((parts - 1)) ] || { echo "$parts parts? $line"; return 1; }
  while IFS= read -r v; do
    [[ $line == *"$v"* ]] || { echo "no $v in: $line"; return 1; }
  done < <(grep -oE '"(word|category)":"[^"]*"' <<<"$json" | sed 's/.*:"//; s/"$//')
  [[ $line != *…* ]]
}
check "the whole reason of the selected one is under the list" reason_whole big "$FIRST"
order_ok() {
  local i=0 row line
  while IFS= read -r line; do
    [ "$i" -lt "$N_OPEN" ] || break
    row=${ESC[$i]}
    [[ $line == *"$(field "$row" 6)"* ]] || { echo "row $i: $line, want $(field "$row" 6)"; return 1; }
    i=$((i + 1))
  done < <(screen big | sed -n "4,$((3 + N_OPEN))p")
  [ "$i" = "$N_OPEN" ]
}
check "rows in order: breached, severity, deadline" order_ok
send big BTab
check "Shift-Tab brings the queue" wait_for big "done today"
check "... and the header still counts escalations" wait_for big "$N_OPEN open escalations"
send big Tab
check "Tab goes on to the Escalations tab" wait_for big "time left"
send big '?'
check "? on the list lists the tab key" wait_for big "next tab (supervisors"
check "... and acknowledging" wait_for big "acknowledge the escalation"
send big q
wait_for big "time left"

# ---- filters and the limit --------------------------------------------------------------------
send big f
check "f: mine" wait_for big "filter: mine"
mine=$("$HF" "${CONF[@]}" escalations --mine --format tsv | tail -n +2 | wc -l)
check "mine lists those root holds, as escalations --mine ($mine)" wait_for big "open $mine  "
send big f
check "f: breached" wait_for big "filter: breached"
check "breached lists $N_BREACHED" wait_for big "open $N_BREACHED  breached $N_BREACHED"
send big f
check "f: all" wait_for big "filter: all"
send big f
check "f: back to open" wait_for big "filter: open"
target=${ESC[$((N_OPEN - 1))]}
tname=$(field "$target" 6)
limit_to big "$tname"
check "the limit leaves the matching escalation only" wait_selected big "$(field "$target" 1)"
longest=$(printf '%s\n' "${ESC[@]}" | awk -F'\t' '{ r = $7; print gsub(/"code"/, "", r) "\t" $0 }' |
  sort -t$'\t' -k1,1nr | head -1 | cut -f2-)
check "a reason of several parts is shown whole too" \
  eval 'limit_to big "$(field "$longest" 6)" &&
        wait_selected big "$(field "$longest" 1)" && reason_whole big "$longest"'
check "... the others are gone" absent big "$(field "$FIRST" 6)"
limit_to big ""
check "an empty limit shows them all again" wait_for big "$(field "$FIRST" 6)"

# ---- one escalation ---------------------------------------------------------------------------
id=$(field "$FIRST" 1)
send big g Enter
check "Enter opens the escalation" wait_for big "Escalation #$id"
call_note=$(sql "$DB" "SELECT c.note FROM escalation e JOIN call c ON c.id = e.call_id WHERE e.id = $id")
check "it shows the call that raised it" wait_for big "The call that raised it"
check "... with its note" wait_for big "${call_note:0:12}"
check "its timeline starts with who raised it" wait_line big "raised · $(field "$FIRST" 8)"
check "the customer's card and history" wait_for big "History"
check "viewing the customer is audited" \
  sql_is "$DB" "SELECT count(*) > 0 FROM audit WHERE action LIKE 'view%' AND entity_id = $(field "$FIRST" 5)" 1
send big a
check "a acknowledges it" sql_soon "$DB" "SELECT status || ' ' || acknowledged_by FROM escalation WHERE id = $id" "acknowledged root"
check "... the timeline shows it" wait_line big "acknowledged · root"
send big n
check "n asks for a note" wait_for big "Add a note"
send_text big "已致电顾客，明早复诊"
send big F2
check "the note is in the timeline" wait_line big "note · root"
check "... with its text" wait_for big "已致电顾客，明早复诊"
send big c
check "c asks when to call back, tomorrow proposed" wait_for big "$(day_after 1)"
send big F2
check "the callback is a task for root" \
  sql_soon "$DB" "SELECT count(*) FROM task WHERE kind = 'callback' AND owner = 'root' AND due_date = '$(day_after 1)' AND status = 'open'" 1
check "... in the timeline" wait_line big "callback scheduled: task [0-9]+ · root"
left=$((N_BREACHED - 1))
if [ "$left" -gt 0 ]; then want="$N_OPEN open escalations, $left breached"; else want="$N_OPEN open escalations( |\$)"; fi
check "... and the header no longer counts it breached" wait_line big "^ Escalation #$id .*$want"
send big q
check "q goes back to the list" wait_for big "time left"

# ---- several at once ---------------------------------------------------------------------------
open_ids=$(sql "$DB" "SELECT count(*) FROM escalation WHERE status = 'open'")
check "two are still open to mark" test "$open_ids" -ge 2
send big g
for ((i = 0; i < N_OPEN; i++)); do
  row=$(screen big | sed -n "$((4 + i))p")
  [[ $row =~ \ (open|breached)\  ]] && send big Space || send big j
done
check "Space marks the open rows" wait_for big "marked $open_ids"
send big a
check "a acknowledges every marked one" \
  sql_soon "$DB" "SELECT count(*) FROM escalation WHERE status = 'open'" 0
check "... and says how many" wait_for big "$open_ids escalations acknowledged"
sup=$(sql "$DB" "SELECT login FROM user WHERE role = 'supervisor' AND active = 1 ORDER BY login LIMIT 1")
send big g
id1=$(selected_id big)
send big j
wait_gone big "#$id1 " || true
id2=$(selected_id big)
send big g Space Space
check "two marked again" wait_for big "marked 2"
send big s
check "s asks whom to assign them to" wait_for big "($sup)"
choice=$(screen big | grep -F "($sup)" | grep -oE '[0-9]+ ' | head -1 | tr -d ' ')
send big "$choice" F2
check "both are assigned to $sup" \
  sql_soon "$DB" "SELECT count(*) FROM escalation WHERE assignee = '$sup' AND id IN ($id1, $id2)" 2
check "... and it says so" wait_for big "2 escalations assigned to"

# ---- resolving --------------------------------------------------------------------------------
send big g
rid=$(selected_id big)
send big r
check "r asks for the resolution and its category" wait_for big "Resolve the escalation"
check "... the categories from the config" wait_for big "复诊"
send big F2
check "an empty resolution is refused in the form" wait_for big "please write it"
send big BTab
cat_n=$(screen big | grep -F "复诊" | grep -oE '[0-9]+ ' | head -1 | tr -d ' ')
send big "$cat_n" Tab
send_text big "已回院复诊，伤口愈合良好"
send big F2
check "F2 resolves it with the category" \
  sql_soon "$DB" "SELECT status || ' ' || resolution_code || ' ' || resolution FROM escalation WHERE id = $rid" \
  "resolved $(sql "$DB" "SELECT 'x'" >/dev/null; awk -v n="$cat_n" '/resolutions = \(/{f=1;i=0;next} f&&/code =/{i++; if(i==n){match($0,/code = "[^"]*"/); print substr($0,RSTART+8,RLENGTH-9); exit}}' data/huifang.conf) 已回院复诊，伤口愈合良好"
check "... and the list drops it" wait_for big "$((N_OPEN - 1)) open escalations"
send big f f f
wait_for big "filter: all"
limit_to big "$(sql "$DB" "SELECT c.name FROM escalation e JOIN customer c ON c.id = e.customer_id WHERE e.id = $rid")"
wait_selected big "$rid"
send big o
check "o asks why it is reopened" wait_for big "Reopen the escalation"
send big F2
check "o reopens it" sql_soon "$DB" "SELECT status FROM escalation WHERE id = $rid" open
check "... and it counts again" wait_for big "$N_OPEN open escalations"
limit_to big ""
send big f
wait_for big "filter: open"
send big q
exit_is big 0 >/dev/null

# ---- 80x24 --------------------------------------------------------------------------------------
start small 80 24 -- "${CONF[@]}"
check "80x24: the Escalations tab" wait_for small "time left"
check "80x24: the header still counts them" wait_line small "esc\. $N_OPEN|$N_OPEN open escalation"
check "80x24: no line wider than 80" nothing_cut small 80
send small Enter
check "80x24: the escalation opens" wait_for small "The call that raised it"
check "80x24: nothing cut" nothing_cut small 80
send small q Tab
check "80x24: Tab to the next tab" eval 'wait_gone small "time left" && wait_line small "^  Queue +Escalations "'
for _ in 1 2 3 4; do screen small | grep -q "done today" && break; send small Tab; wait_stable small; done
# At 80 columns the queue's own filter and counts leave its tab alone on the bar.
check "80x24: Tab goes round to the queue" wait_line small "^  Queue .*done today"
send small q
exit_is small 0 >/dev/null

# ---- operators ----------------------------------------------------------------------------------
op=$(sql "$DB" "SELECT login FROM user WHERE role = 'operator' AND active = 1 ORDER BY login LIMIT 1")
start op 80 24 HUIFANG_AS="$op" -- "${CONF[@]}"
check "an operator opens on the queue" wait_for op "done today"
check "... with no tab bar" absent op "Escalations"
check "... and no escalation count" absent op "escalation"
send op Tab
sleep 0.3
check "Tab does nothing for an operator" eval 'wait_for op "done today" && absent op "time left"'
send op '?'
check "an operator's help lists no tab key" eval 'wait_for op "Keys of the Queue" && absent op "next tab"'
send op q q
exit_is op 0 >/dev/null

finish
