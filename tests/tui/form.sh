#!/usr/bin/env bash
# form.sh — the outcome form says before saving where a next contact off hours lands, marks
# the chosen complaint category in text (it shows without colour), shows what is booked, and
# proposes a next contact for every outcome that schedules one (reached: the booked call).
. "$(dirname "$0")/lib.sh"

DB=$T/clinic.db
make_db "$DB" || { not_ok "demo clinic"; finish; exit 1; }
day_after() { date -d "${HUIFANG_NOW% *} $1 day" +%F; }

start main 100 30 NO_COLOR=1 -- -d "$DB"
wait_for main "(root)"
queue_tab main
send main Enter
wait_for main "yours until"
send main l
check "l opens the form" wait_for main "Log outcome"
send main 4 BTab x
send_text main "$(day_after 1) 22:00"
check "a next contact after hours says where it will land, before saving" \
  wait_for main "$(day_after 1) 22:00 is outside working hours: the next contact moves to $(day_after 2) 09:00"
check "... and that it can be saved" wait_for main "Ready: F2"
send main x
send_text main "$(day_after 1) 10:00"
check "one inside hours is only ready" wait_for main "Ready: F2 saves."
check "... with no move" absent main "outside working hours"

send main Tab
wait_stable main
send main 7
for i in $(seq 1 12); do
  screen main | grep "Category" | grep -q "^> " && break
  send main Tab; wait_stable main
done
send main 2
check "a chosen complaint category is marked with brackets (NO_COLOR)" wait_line main 'Category.*\[2 [^]]+\]'
check "... and only that one" test "$(screen main | grep 'Category' | grep -o '\[' | wc -l)" = 1
send main Escape
wait_stable main
# A draft asks before it is dropped.
screen main | grep -q "Discard this draft" && send main y && wait_stable main

# ---- what is already booked ---------------------------------------------------------------------
# A task of the queue whose customer has another open call.
# A task of the queue whose customer has another open call, later than today and none sooner
# (the booked line lists the soonest first; reached proposes the next one after today).
pair=$(sql "$DB" "SELECT t.id, min(o.due_date), c.phone FROM task t JOIN task o ON o.customer_id = t.customer_id AND o.id <> t.id AND o.status = 'open' JOIN customer c ON c.id = t.customer_id WHERE t.status = 'open' AND t.id IN ($(queue_ids "$DB" | paste -sd,)) AND o.kind <> 'datafix' GROUP BY t.id HAVING min(o.due_date) > '$TODAY' ORDER BY t.id LIMIT 1")
IFS='|' read -r bid bdue bphone <<<"$pair"
send main q
send main l
send_text main "$bphone"
send main Enter
wait_selected main "$bid"
send main Enter
wait_for main "task #$bid"
send main l
check "the form shows what is already booked for the customer" wait_line main "Booked +${bdue:0:10} "

# ---- reached proposes the call the curve has booked -----------------------------------------
ntasks=$(sql "$DB" "SELECT count(*) FROM task WHERE customer_id = (SELECT customer_id FROM task WHERE id = $bid)")
send main 1
check "reached proposes the customer's next booked call" wait_line main "Next call +${bdue:0:10}"
check "... and says saving books nothing new" wait_for main "saving books nothing new"
send main BTab x
check "x clears the next contact" wait_line main "Next call +  +d \+3d"
send main p
check "p brings the booked call back" wait_line main "Next call +${bdue:0:10}"
send main F2
check "reached is saved" sql_soon "$DB" "SELECT status FROM task WHERE id = $bid" done
check "... and keeping the proposal made no second call" \
  sql_is "$DB" "SELECT count(*) FROM task WHERE customer_id = (SELECT customer_id FROM task WHERE id = $bid)" "$ntasks"

# ---- the script beside the form at 120 columns; the history grows with the terminal ---------
# pane SESSION: "ROWS COLUMNS" of the history pane on the call screen (rows with the divider,
# columns left of it).
pane() {
  local line rows=0 cols=0
  while IFS= read -r line; do
    case $line in *│*) rows=$((rows + 1)); cols=$(width "${line%%│*}") ;; esac
  done < <(screen "$1")
  echo "$rows $cols"
}
for size in "80 24" "120 40"; do
  set -- $size
  s=w$1
  start $s $1 $2 NO_COLOR=1 -- -d "$DB"
  wait_for $s "(root)"
  queue_tab $s
  send $s Enter
  wait_for $s "yours until"
  read -r rows cols < <(pane $s)
  eval "rows_$1=$rows cols_$1=$cols"
  send $s l
  wait_for $s "Log outcome"
  if [ "$1" -ge 120 ]; then
    check "$1x$2: the script stays beside the form" wait_line $s "Outcome .*│ .*【"
    check "$1x$2: ... under its title" wait_line $s "│ Script: "
    check "$1x$2: ... its lines in sight" wait_line $s "│ +\? Hello"
  else
    check "$1x$2: the form keeps the whole width (no script beside it)" absent $s "│"
  fi
  send $s Escape
  wait_stable $s
  screen $s | grep -q "Discard this draft" && send $s y
  send $s q q
done
check "the history pane has more rows at 120x40 ($rows_120) than at 80x24 ($rows_80)" test "$rows_120" -gt "$rows_80"
check "... and more columns ($cols_120 > $cols_80)" test "$cols_120" -gt "$cols_80"
finish
