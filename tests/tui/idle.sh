#!/usr/bin/env bash
# idle.sh — the idle lock: after console.idle_lock_minutes the screen shows nothing of the
# customer and claims go. With console.lock_password = false a key brings both back; by default
# only the password of the login running the console does (PAM), typed blind. Takes a little
# over a minute: the shortest lock is one minute, so both consoles wait it out side by side.
. "$(dirname "$0")/lib.sh"

DB=$T/clinic.db
make_db "$DB" || { not_ok "demo clinic"; finish; exit 1; }
printf 'console = {\n  idle_lock_minutes = 1;\n  lock_password = false;\n};\n' > "$T/idle.conf"
id=$(queue_ids "$DB" | head -1)
name=$(sql "$DB" "SELECT c.name FROM task t JOIN customer c ON c.id = t.customer_id WHERE t.id = $id")

# ---- the password lock, for a Unix login of the test's own ----------------------------------
# Root makes a login with a known password, a clinic it may write, and runs the console as it.
LOGIN=hflock$$
PASS="Hf-$RANDOM-lock"
DIR=
if [ "$(id -u)" = 0 ] && useradd --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin "$LOGIN"; then
  trap 'cleanup; userdel -f "$LOGIN" 2>/dev/null; rm -rf "$DIR"' EXIT
  printf '%s:%s\n' "$LOGIN" "$PASS" | chpasswd
  DIR=$(mktemp -d /tmp/huifang-lock.XXXXXX)
  make_db "$DIR/clinic.db" &&
    "$HF" -d "$DIR/clinic.db" user add "$LOGIN" --role operator --team postop --name 锁屏测试 >/dev/null
  printf 'console = {\n  idle_lock_minutes = 1;\n};\n' > "$DIR/lock.conf"
  chown -R "$LOGIN" "$DIR"
  chmod 755 "$DIR"
  pid=$(HUIFANG_AS=$LOGIN queue_ids "$DIR/clinic.db" | head -1)
  pcust=$(sql "$DIR/clinic.db" "SELECT customer_id FROM task WHERE id = $pid")
  pname=$(sql "$DIR/clinic.db" "SELECT name FROM customer WHERE id = $pcust")
  pphone=$(sql "$DIR/clinic.db" "SELECT phone FROM customer WHERE id = $pcust")
  # The start of the customer's last call note, as the call screen's history shows it.
  pnote=$(sql "$DIR/clinic.db" "SELECT substr(note, 1, 8) FROM call WHERE customer_id = $pcust
                                 AND note <> '' ORDER BY started_at DESC LIMIT 1")
  HF="runuser" start lock 100 30 -- -u "$LOGIN" -- "$HF" -c "$DIR/lock.conf" -d "$DIR/clinic.db"
  wait_for lock "($LOGIN)"
  send lock Enter
  check "as $LOGIN: the call screen is open and claimed" wait_for lock "yours until"
  for text in "$pname" "$pphone" "$pnote"; do
    check "... it shows the customer: '$text'" wait_for lock "$text"
  done
else
  LOGIN=
fi

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
check "with lock_password = false a key brings the call screen back" wait_for main "yours until"
check "... and claims the task again" \
  sql_soon "$DB" "SELECT claimed_by FROM task WHERE id = $id" root
send main q q
check "q q quits" exit_is main 0

if [ -z "$LOGIN" ]; then
  ok "# skip the password lock: only root can make a login to run the console as"
  finish
  exit
fi

check "the password lock asks for the login's password" \
  wait_for lock "Type the password of $LOGIN, then Enter."
for text in "$pname" "$pphone" "${pphone: -4}" "$pnote"; do
  check "the locked screen shows nothing of the customer: not '$text'" absent lock "$text"
done
check "the lock released the claim" \
  sql_is "$DIR/clinic.db" "SELECT coalesce(claimed_by, '') FROM task WHERE id = $pid" ""
send lock Space
send lock C-c
send lock C-z
check "neither a key, Ctrl-C nor Ctrl-Z opens or leaves it" wait_stable lock
check "... the screen is still locked" wait_for lock "Type the password of $LOGIN"
check "... and the console still runs" test ! -e "$T/lock.rc"
send_text lock "wrong-$PASS"
check "the password typed is not shown" absent lock "wrong-$PASS"
send lock Enter
check "a wrong password says so" wait_for lock "Wrong password: the screen stays locked."
check "... and the screen stays locked, showing no customer" absent lock "$pname"
check "... nor takes the claim" \
  sql_is "$DIR/clinic.db" "SELECT coalesce(claimed_by, '') FROM task WHERE id = $pid" ""
send_text lock "$PASS"
check "the right password is not shown either" absent lock "$PASS"
send lock Enter
check "the right password opens the call screen" wait_for lock "yours until"
check "... showing the customer again" wait_for lock "$pname"
check "... and claims the task again" \
  sql_soon "$DIR/clinic.db" "SELECT claimed_by FROM task WHERE id = $pid" "$LOGIN"
send lock q q
check "q q quits" exit_is lock 0
finish
