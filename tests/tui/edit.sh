#!/usr/bin/env bash
# edit.sh — fixing the record in the console: a wrong number's data fix ends with the right
# phone typed on the call screen (e); the data fix is done and the closed call comes back.
. "$(dirname "$0")/lib.sh"

DB=$T/clinic.db
make_db "$DB" || { not_ok "demo clinic"; finish; exit 1; }
sq() { sqlite3 "$DB" "$1"; }

# A customer with a call due today and a name no one else has: a wrong number on that call.
task=$(sq "SELECT t.id FROM task t JOIN customer c ON c.id = t.customer_id
  WHERE t.status = 'open' AND t.kind = 'followup' AND t.due_date = '$TODAY' AND c.do_not_call = 0
    AND c.phone_invalid = 0 AND (SELECT count(*) FROM customer x WHERE x.name = c.name) = 1
  ORDER BY t.id LIMIT 1")
cust=$(sq "SELECT customer_id FROM task WHERE id = $task")
name=$(sq "SELECT name FROM customer WHERE id = $cust")
"$HF" -d "$DB" log "$task" --outcome wrong_number >/dev/null
fix=$(sq "SELECT id FROM task WHERE customer_id = $cust AND kind = 'datafix' AND status = 'open'")
check "a wrong number leaves a data-fix task" test -n "$fix"
check "... and the call closed" sql_is "$DB" "SELECT status FROM task WHERE id = $task" closed

start main 120 40 -- -d "$DB"
wait_for main "(root)"
queue_tab main
send main f f f
check "all teams" wait_for main "filter: all teams"
send main /
send_text main "$name"
send main Enter
send main Enter
check "the customer's call opens" wait_for main "Call · $name"
send main e
check "e opens the record's form" wait_for main "Fix the record · $name"
check "... offering the phone first" wait_for main "1 phone"
send main Enter
send_text main "139-1234-5678"
send main F2
check "saving says the data fix is done and the call is back" \
  wait_for main "data-fix tasks done: 1, calls back in the queue: 1"
check "the new number is stored, no longer flagged" \
  sql_is "$DB" "SELECT phone || ' ' || phone_invalid FROM customer WHERE id = $cust" "13912345678 0"
check "the data-fix task is done" sql_is "$DB" "SELECT status FROM task WHERE id = $fix" done
check "the closed call is back in the queue" sql_is "$DB" "SELECT status FROM task WHERE id = $task" open
check "the edit is audited with masked numbers" \
  sql_is "$DB" "SELECT count(*) FROM audit WHERE action = 'edit' AND entity_id = $cust AND detail LIKE 'phone=%>139****5678'" 1

# A bad number is refused in the form, which stays.
send main e
wait_for main "Fix the record · $name"
send main Enter
send_text main "12345"
send main F2
check "a bad number is refused in the form" wait_for main '"12345" is not a phone number'
check "... and nothing is written" \
  sql_is "$DB" "SELECT phone FROM customer WHERE id = $cust" "13912345678"
send main Escape
send main y
finish
