#!/usr/bin/env bash
# idle.sh — the idle lock: after console.idle_lock_minutes the screen clears and claims go;
# a key brings both back. Takes a little over a minute: the shortest lock is one minute.
. "$(dirname "$0")/lib.sh"

DB=$T/clinic.db
make_db "$DB" || { not_ok "demo clinic"; finish; exit 1; }
printf 'console = {\n  idle_lock_minutes = 1;\n};\n' > "$T/idle.conf"
id=$(queue_ids "$DB" | head -1)
name=$(sql "$DB" "SELECT c.name FROM task t JOIN customer c ON c.id = t.customer_id WHERE t.id = $id")

start main 100 30 -- -c "$T/idle.conf" -d "$DB"
queue_tab main
wait_for main "(root)"
send main Enter
check "the call screen is open and claimed" wait_for main "yours until"
WAIT=75 check "after a minute without a key the screen locks" wait_for main "Locked after 1 minute without a key."
check "the locked screen shows no customer" absent main "$name"
check "the lock released the claim" \
  sql_is "$DB" "SELECT claimed_by FROM task WHERE id = $id" ""
send main Space
check "a key brings the call screen back" wait_for main "yours until"
check "... and claims the task again" \
  sql_soon "$DB" "SELECT claimed_by FROM task WHERE id = $id" root
send main q q
check "q q quits" exit_is main 0
finish
