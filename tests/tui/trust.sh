# trust.sh — the console as an operator login runs it on a setgid install: masked numbers
# cannot be found out by searching, other teams' customers are not there, and the whole number
# shows only on the call the operator holds, audited once per call.
# Needs root: it makes its own group and logins (removed again), installs setgid into a
# temporary prefix and, in a private mount namespace, gives it a /var/lib of its own.
. "$(dirname "$0")/lib.sh"
. "$ROOT/tests/setgid.sh"
setgid_enter "console trust"
G="hft$$" OPA="hfa$$" OPB="hfb$$" D=
groupadd "$G" || { not_ok "groupadd $G"; finish; exit 1; }
bye() {
  tm kill-server >/dev/null 2>&1
  for u in "$OPA" "$OPB"; do userdel "$u" >/dev/null 2>&1; done
  groupdel "$G" >/dev/null 2>&1
  rm -rf "$T" "$D"
}
trap bye EXIT
for u in "$OPA" "$OPB"; do useradd -M -N -g users -s /bin/sh "$u"; done
setgid_install "$G" || { not_ok "make install" "$MAKE_SAID"; finish; exit 1; }
DB=/var/lib/huifang/huifang.db
# The real clock (a privileged run ignores a pinned one): the clinic's day, in its zone.
export HUIFANG_NOW=
DAY=$(TZ=Asia/Shanghai date +%F)
AGO=$(TZ=Asia/Shanghai date -d '-3 days' +%F)

"$BIN" init >/dev/null && "$BIN" user add "$OPA" --role operator --team service >/dev/null &&
  "$BIN" user add "$OPB" --role operator --team consult >/dev/null ||
  { not_ok "root makes the clinic and its operators"; finish; exit 1; }
# customer NAME PHONE TEAM: a customer discharged 3 days ago, due today for TEAM's call.
customer() {
  local id
  id=$("$BIN" add customer --name "$1" --phone "$2") &&
    "$BIN" add visit "$id" --kind discharge --date "$AGO" --team "$3" >/dev/null 2>&1 && echo "$id"
}
MINE=$(customer 王芳 13800135678 service)
THEIRS=$(customer 赵敏 13900137777 consult)
"$BIN" plan >/dev/null 2>&1
TASK=$(sql "$DB" "SELECT id FROM task WHERE customer_id = $MINE AND status = 'open'
  AND due_date <= '$DAY' ORDER BY due_date, id LIMIT 1")
[ -n "$MINE" ] && [ -n "$THEIRS" ] && [ -n "$TASK" ] &&
  ok "a customer due today for each team ($OPA's task $TASK)" ||
  { not_ok "the clinic's customers and tasks"; finish; exit 1; }

# The console, as the operator login, through the setgid program.
printf '#!/bin/sh\nexec runuser -u %s -- %s "$@"\n' "$OPA" "$BIN" >"$T/as-op"
chmod 755 "$T/as-op"
HF="$T/as-op"
start op 100 30 --
check "the operator's console opens on the queue" wait_for op "filter:"
check "... as $OPA" wait_for op "($OPA)"
check "the queue shows the customer" wait_for op "王芳"
check "... and not the whole number" absent op "13800135678"
check "another team's customer is not in it" absent op "赵敏"

# search TEXT: search the queue for TEXT; the prompt is left closed.
search() {
  send op /
  send_text op "$1"
  send op Enter
}
search 5678
check "a search by the shown tail finds the customer" wait_for op "/5678"
check "... without a miss" absent op "no task matches"
send op Escape
search 35678
check "a search by one digit more than is shown finds nothing" wait_for op 'no task matches "35678"'
send op Escape
wait_gone op "no task matches"
search 13800135678
check "a search by the whole number finds nothing" wait_for op 'no task matches "13800135678"'
send op Escape
wait_gone op "no task matches"
search 赵敏
check "a search by another team's customer's name finds nothing" wait_for op 'no task matches "赵敏"'
send op Escape
wait_gone op "no task matches"
search 7777
check "... nor by that customer's shown tail" wait_for op 'no task matches "7777"'
send op Escape
wait_gone op "no task matches"

# The claimed call shows the whole number, audited once for the call.
reveals() {
  sql "$DB" "SELECT count(*) FROM audit WHERE login = '$OPA' AND action = 'view-reveal'
    AND entity_id = $MINE"
}
search 王芳
for _ in 1 2 3 4 5 6 7 8; do wait_selected op "$TASK" && break; send op n; done
send op Enter
check "the operator opens the call" wait_for op "task #$TASK"
check "... and holds it" wait_for op "yours until"
check "the call they hold shows the whole number" wait_for op "13800135678"
send op C-l
resize op 90 30
wait_for op "13800135678"
resize op 100 30
wait_stable op
check "... audited once for the call, not per redraw" test "$(reveals)" = 1
check "... as the operator's login" \
  sql_is "$DB" "SELECT count(*) FROM audit WHERE action = 'view-reveal' AND login <> '$OPA'" 0
send op q
check "back on the queue" wait_for op "filter:"
check "... the number is masked again" absent op "13800135678"
send op q
check "the console quits" exit_is op 0
finish
