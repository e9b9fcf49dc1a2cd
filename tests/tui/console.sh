#!/usr/bin/env bash
# console.sh — the queue screen in a real terminal: opening, moving, resizing, alignment, live
# refresh, help, filters, search, colours, quitting and restoring the terminal.
. "$(dirname "$0")/lib.sh"

DB=$T/clinic.db
make_db "$DB" || { not_ok "demo clinic"; finish; exit 1; }
mapfile -t IDS < <(queue_ids "$DB")
TSV=$("$HF" -d "$DB" queue --format tsv | tail -n +2)
TODAY=${HUIFANG_NOW%% *}
N_OVERDUE=$(printf '%s\n' "$TSV" | awk -F'\t' -v d="$TODAY" 'substr($2,1,10) < d' | wc -l)
N_DUE=$((${#IDS[@]} - N_OVERDUE))

start main 100 30 -- -d "$DB"
queue_tab main

# ---- opening ---------------------------------------------------------------------------------
check "opens on the queue with the login in the header" wait_for main "(root)"
check "header counts match huifang queue (due $N_DUE, overdue $N_OVERDUE)" \
  wait_for main "due $N_DUE  overdue $N_OVERDUE  done today 0"
check "the first task of huifang queue is selected" wait_selected main "${IDS[0]}"
first_row=$(screen main | sed -n 4p)
name0=$(printf '%s\n' "$TSV" | head -1 | cut -f5)
check "the first row shows the first customer ($name0)" grep -qF "$name0" <<<"$first_row"

# ---- moving ---------------------------------------------------------------------------------
send main j
check "j selects the second task (origin line follows)" wait_selected main "${IDS[1]}"
send main j j k
check "j j k selects the third task" wait_selected main "${IDS[2]}"
send main G
check "G selects the last task" wait_selected main "${IDS[${#IDS[@]} - 1]}"
send main g
check "g selects the first task" wait_selected main "${IDS[0]}"
send main Down Down Up
check "arrow keys move too" wait_selected main "${IDS[1]}"
# 30 rows: 25 list rows under the heading; a page moves 24.
send main g NPage
page=24
[ "$page" -ge "${#IDS[@]}" ] && page=$((${#IDS[@]} - 1))
check "PgDn moves a page" wait_selected main "${IDS[$page]}"
send main PPage
check "PgUp moves back" wait_selected main "${IDS[0]}"

# ---- alignment ------------------------------------------------------------------------------
# The attempt column ("n/m") ends at the same display column on every row, whatever the names.
aligned() {
  local s=$1 line col want="" rows=0
  while IFS= read -r line; do
    [[ $line =~ ^(.*[^0-9/])([0-9]+/[0-9]+)\  ]] || continue
    col=$(width "${BASH_REMATCH[1]}${BASH_REMATCH[2]}")
    rows=$((rows + 1))
    [ -z "$want" ] && want=$col
    [ "$col" = "$want" ] || { echo "row at column $col, not $want: $line"; return 1; }
  done < <(screen "$s" | sed -n '4,$p')
  [ "$rows" -ge 5 ]
}
check "Chinese names keep the columns after them aligned" aligned main
# The treatment column starts at one display column on every row.
treatment_col() {
  local s=$1 line name prefix rest sp col want="" rows=0
  while IFS=$'\t' read -r _ _ _ _ name _; do
    line=$(screen "$s" | grep -F -m1 -- " $name ") || continue
    prefix="${line%%"$name"*}$name"
    rest=${line#"$prefix"}
    sp=${rest%%[! ]*}
    [[ ${rest:${#sp}:1} =~ [0-9] ]] && continue   # no treatment on this row
    col=$(width "$prefix$sp")
    rows=$((rows + 1))
    [ -z "$want" ] && want=$col
    [ "$col" = "$want" ] || { echo "$name: treatment at $col, not $want"; return 1; }
  done <<<"$(printf '%s\n' "$TSV" | head -20)"
  [ "$rows" -ge 5 ]
}
check "the treatment column starts at the same display column on every row" treatment_col main
check "no line is wider than the terminal, nothing cut into U+FFFD" nothing_cut main 100

# ---- resize ---------------------------------------------------------------------------------
send main j j
wait_selected main "${IDS[2]}"
resize main 60 20
check "60x20 shows the too-small screen" wait_for main "too small: 60×20"
check "the too-small screen shows no customer data" absent main "$name0"
resize main 100 30
check "back to 100x30 restores the queue" wait_for main "(root)"
check "the selection survives the resize" wait_selected main "${IDS[2]}"
resize main 80 24
check "80x24 draws the queue" wait_for main "(root)"
check "80x24: no line wider than 80" nothing_cut main 80
check "80x24: columns still aligned" aligned main
resize main 100 30
wait_for main "(root)"

# ---- help -----------------------------------------------------------------------------------
send main '?'
check "? shows the keys of the queue" wait_for main "Keys of the Queue screen"
help_quit() { screen main | grep -qE '^ +q +quit huifang'; }
check "help lists quit from the keymap" help_quit
check "help lists the search key" wait_for main "search by customer name or phone tail"
send main q
check "q closes the help, not the console" wait_for main "(root)"

# ---- filters and search -----------------------------------------------------------------------
send main f
check "f switches to the mine filter" wait_for main "filter: mine "
mine_n=$(queue_ids "$DB" --user root | wc -l)
mine_over=$("$HF" -d "$DB" queue --format tsv --user root | tail -n +2 |
  awk -F'\t' -v d="$TODAY" 'substr($2,1,10) < d' | wc -l)
check "mine shows huifang queue --user's counts" \
  wait_for main "due $((mine_n - mine_over))  overdue $mine_over"
send main f
check "f again: team" wait_for main "filter: team"
send main f
check "an admin also gets all teams" wait_for main "filter: all teams"
send main f
check "then overdue only" wait_for main "filter: overdue"
check "overdue shows no due-today count" wait_for main "due 0  overdue"
send main f
check "and back to mine and pool" wait_for main "filter: mine and pool"
# v: the value segments, as huifang queue sees them (VIP from json, a segment by --segment).
counts() { # due and overdue of a queue listing's tsv/json rows on stdin: "due D  overdue O"
  awk -v d="$TODAY" '{ if (substr($0, 1, 10) < d) o++; else n++ } END { printf "due %d  overdue %d", n, o }'
}
vip_counts=$("$HF" -d "$DB" queue --format json | grep '"vip": "yes"' |
  sed 's/.*"due": "\([^"]*\)".*/\1/' | counts)
send main v
check "v keeps the VIPs" wait_for main "value: VIP"
check "with huifang queue's VIP counts ($vip_counts)" wait_for main "$vip_counts  done today"
champ_counts=$("$HF" -d "$DB" queue --format tsv --segment champion | tail -n +2 | cut -f2 | counts)
send main v
check "v again: the first segment, 重要价值" wait_for main "value: 重要价值"
check "with huifang queue --segment's counts ($champ_counts)" wait_for main "$champ_counts  done today"
send main v v v v v v v
check "the last segment, 沉睡客户" wait_for main "value: 沉睡客户"
send main v
check "and back to every customer" wait_gone main "value: "
check "with every task again" wait_for main "due $N_DUE  overdue $N_OVERDUE  done today"
target=${IDS[5]}
tname=$(printf '%s\n' "$TSV" | awk -F'\t' -v id="$target" '$1 == id {print $5}')
send main /
check "/ opens the search prompt" wait_for main "search (name or phone tail):"
send_text main "$tname"
send main Enter
check "search by name selects that customer's task" wait_selected main "$target"
phone=$(sql "$DB" "SELECT c.phone FROM task t JOIN customer c ON c.id = t.customer_id WHERE t.id = ${IDS[7]}")
send main / 
send_text main "${phone: -4}"
send main Enter
check "search by phone tail selects the task" wait_selected main "${IDS[7]}"
send main / 
send_text main "不存在的人"
send main Enter
check "a search without a match says so" wait_for main "no task matches"
send main Enter
wait_gone main "search (name or phone tail):"

# ---- live refresh -----------------------------------------------------------------------------
send main g
wait_selected main "${IDS[0]}"
"$HF" -d "$DB" log "${IDS[0]}" --outcome reached --score 5 >/dev/null
check "another process's call shows without a key (done today 1)" wait_for main "done today 1"
check "the logged task left the queue, the selection moved on" wait_selected main "${IDS[1]}"
# "done today" counts finished tasks, not calls: an unanswered call finishes nothing.
fresh=$(sqlite3 "$DB" "SELECT id FROM task WHERE status = 'open' AND attempts = 0 AND owner = '' AND id <> ${IDS[0]} ORDER BY id LIMIT 2")
"$HF" -d "$DB" log "$(echo "$fresh" | head -1)" --outcome no_answer >/dev/null
"$HF" -d "$DB" log "$(echo "$fresh" | tail -1)" --outcome reached --score 4 >/dev/null
check "three calls, two tasks finished: done today 2" wait_for main "done today 2"
# A customer renamed and a task moved to the pool by other processes: the console reads only
# the tasks that changed, and its queue then reads as that of a console opened afterwards.
cid=$(sql "$DB" "SELECT customer_id FROM task WHERE id = ${IDS[2]}")
"$HF" -d "$DB" edit customer "$cid" --name 改了名的客户 >/dev/null
check "a customer renamed elsewhere shows under the new name" wait_for main 改了名的客户
owned=$(sql "$DB" "SELECT id FROM task WHERE status = 'open' AND owner = 'root' LIMIT 1")
[ -n "$owned" ] && "$HF" -d "$DB" reassign "$owned" --pool >/dev/null
sleep 1.5
start fresh 100 30 -- -d "$DB"
queue_tab fresh
rows() { screen "$1" | sed -n '2,26p'; }
check "the queue kept up to date equals a fresh console's" eval '[ "$(rows main)" = "$(rows fresh)" ]'
send fresh q
exit_is fresh 0 >/dev/null

# ---- colours ----------------------------------------------------------------------------------
has_color() { screen_colors "$1" | grep -qE $'\e''\[([0-9]*;)*[34][0-7][;m]'; }
check "colours are used by default" has_color main
start mono 100 30 NO_COLOR=1 -- -d "$DB"
wait_for mono "(root)"
check "NO_COLOR: no colour at all" eval '! has_color mono'
send mono q
exited mono >/dev/null

# ---- quitting ---------------------------------------------------------------------------------
send main q
check "q quits with status 0" exit_is main 0
check "the shell sees a restored terminal (icanon echo)" wait_for main "icanon echo"
check "the console left the alternate screen" test "$(tm display -p -t main '#{alternate_on}')" = 0
check "no customer name stays on the screen or in the scrollback" \
  eval '! tm capture-pane -p -S - -t main | grep -qF -- "$name0"'

# ---- planning on start ------------------------------------------------------------------------
sql "$DB" "UPDATE meta SET value = '$(day_after -30)' WHERE key = 'last_plan'"
start plan 100 30 -- -d "$DB"
check "a console opened on a day not yet planned plans it" wait_for plan "Planned today:"
check "... and records the day" sql_is "$DB" "SELECT value FROM meta WHERE key = 'last_plan'" "$TODAY"
send plan q
exit_is plan 0 >/dev/null
start plan2 100 30 -- -d "$DB"
wait_for plan2 "(root)"
check "a second console the same day does not plan again" eval '! screen plan2 | grep -qF "Planned today:"'
send plan2 q
exit_is plan2 0 >/dev/null

# ---- signals and bad keys ---------------------------------------------------------------------
start term 100 30 -- -d "$DB"
wait_for term "(root)"
kill -TERM "$(console_pid term)"
check "SIGTERM: the console exits 143" exit_is term 143
check "SIGTERM: the terminal is restored" wait_for term "icanon echo"

# These panes are wide enough for the whole message, its temporary path included.
printf 'ui = {\n  keys = {\n    frobnicate = "x";\n  };\n};\n' > "$T/badkeys.conf"
start badkeys 200 30 -- -c "$T/badkeys.conf" -d "$DB"
check "an unknown action in ui.keys is refused with file:line" \
  wait_for badkeys "badkeys.conf:3: ui.keys: unknown action"
check "... and exit status 2" exit_is badkeys 2
printf 'ui = {\n  keys = {\n    quit = "Q";\n    filter = "Q";\n  };\n};\n' > "$T/dupkeys.conf"
start dupkeys 200 30 -- -c "$T/dupkeys.conf" -d "$DB"
check "one key for two actions of a screen is refused" \
  wait_for dupkeys "key Q is bound to both quit and filter"
printf 'ui = {\n  keys = {\n    quit = "Q";\n  };\n};\n' > "$T/keys.conf"
start keys 100 30 -- -c "$T/keys.conf" -d "$DB"
wait_for keys "(root)"
send keys q
sleep 0.3
check "with quit = \"Q\", q no longer quits" test ! -f "$T/keys.rc"
send keys Q
check "... and Q does" exit_is keys 0

# A terminal that cannot hold the console: one clear line and status 2, never an empty screen,
# and the database is not touched (no planning on opening).
before=$(sql "$DB" "SELECT count(*) FROM audit")
start dumb 120 10 TERM=dumb -- -d "$DB"
check "TERM=dumb is refused in one line" wait_for dumb "this terminal cannot move the cursor (TERM=dumb)"
check "... with exit status 2" exit_is dumb 2
start unknown 120 10 TERM=unknown-xyz -- -d "$DB"
check "an unknown TERM is refused in one line" wait_for unknown "this terminal is not known (TERM=unknown-xyz)"
check "... with exit status 2" exit_is unknown 2
check "... and neither wrote anything" sql_is "$DB" "SELECT count(*) FROM audit" "$before"

finish
