#!/usr/bin/env bash
# hangup.sh — the console never outlives its terminal: when the terminal goes away (tmux is
# killed, ssh drops) it releases its claim, keeps nothing half-saved and exits at once.
. "$(dirname "$0")/lib.sh"

DB=$T/clinic.db
make_db "$DB" || { not_ok "demo clinic"; finish; exit 1; }
id=$(queue_ids "$DB" | head -1)
calls=$(sql "$DB" "SELECT count(*) FROM call")

# gone PID: the process has ended within 2 s.
gone() {
  local i
  for ((i = 0; i < 40; i++)); do
    kill -0 "$1" 2>/dev/null || return 0
    sleep 0.05
  done
  echo "process $1 still runs 2 s after its terminal went away:"
  ps -o pid,stat,pcpu,args -p "$1"
  kill "$1" 2>/dev/null
  return 1
}

# hang_up MODE: a console holding a claim (with a half-typed outcome when MODE is form)
# loses its terminal. Its shell ignores the hang-up and stays, so the console learns of it
# only from its input (end of file, EIO) and not from a SIGHUP its shell passes on.
hang_up() {
  start main 100 30 -- -d "$DB"
  tm kill-server
  sed -i '1i trap "" HUP' "$T/main.sh"
  # The killed server may still be closing its socket: a new one can fail to start at once.
  local try
  for ((try = 0; try < 50; try++)); do
    tm new-session -d -s main -x 100 -y 30 "bash $T/main.sh" 2>/dev/null && break
    sleep 0.1
  done
  wait_for main "(root)"
  queue_tab main
  send main Enter
  check "$1: the call screen is open and claimed" wait_for main "yours until"
  check "$1: the claim is recorded" \
    sql_soon "$DB" "SELECT claimed_by FROM task WHERE id = $id" root
  if [ "$1" = form ]; then
    send main o
    wait_stable main
    send_text main "half a note"
  fi
  local pid; pid=$(console_pid main)
  tm kill-server
  check "$1: the console has exited within 2 s" gone "$pid"
  check "$1: its claim is released" \
    sql_is "$DB" "SELECT coalesce(claimed_by, '') FROM task WHERE id = $id" ""
  check "$1: nothing half-saved" sql_is "$DB" "SELECT count(*) FROM call" "$calls"
}
hang_up call
hang_up form

# A closed input (no terminal behind it at all) is the same as a hang-up.
start main 100 30 -- -d "$DB"
wait_for main "(root)"
queue_tab main
send main Enter
wait_for main "yours until"
pid=$(console_pid main)
kill -HUP "$pid"
check "SIGHUP: the console has exited within 2 s" gone "$pid"
check "SIGHUP: its claim is released" \
  sql_is "$DB" "SELECT coalesce(claimed_by, '') FROM task WHERE id = $id" ""
finish
