#!/usr/bin/env bash
# find.sh — finding the customer in the queue: a failed search opens nothing, an old search
# leaves the header when the filter changes, the limit (only the matching tasks) and the team
# column of "all teams".
. "$(dirname "$0")/lib.sh"

DB=$T/clinic.db
make_db "$DB" || { not_ok "demo clinic"; finish; exit 1; }
claims="SELECT count(*) FROM task WHERE coalesce(claimed_by, '') <> ''"
# rows SESSION: the queue's task lines (those that begin with a due date).
rows() { screen "$1" | grep -E '^[! ][0-9]{2}-[0-9]{2}'; }

start main 120 40 -- -d "$DB"
wait_for main "(root)"
queue_tab main

# ---- a failed search --------------------------------------------------------------------------
first=$(selected_id main)
send main /
send_text main "不存在的人"
send main Enter
check "a search without a match says so" wait_for main 'no task matches "不存在的人"'
check "... and keeps its prompt open to mend the term" wait_for main "search (name or phone tail):"
send main Enter
check "Enter again only closes the prompt" wait_gone main "search (name or phone tail):"
wait_stable main
check "... opens no call" absent main "yours until"
check "... claims nothing" sql_is "$DB" "$claims" 0
check "... and leaves the selection where it was" wait_selected main "$first"
check "the failed term is not in the header" absent main "/不存在的人"

# ---- an old search leaves with the filter ----------------------------------------------------
# The customer of the third row: after the kind, which follows the due day and its time if any.
name=$(rows main | sed -n 3p | awk '{print $2 ~ /^[0-9][0-9]:[0-9][0-9]$/ ? $4 : $3}')
send main /
send_text main "$name"
send main Enter
check "a search shows its term in the header" wait_for main "/$name"
send main f
check "f changes the filter" wait_for main "filter: mine "
check "... and the old search term leaves the header" wait_gone main "/$name"

# ---- the limit --------------------------------------------------------------------------------
send main f f
check "all teams" wait_for main "filter: all teams"
check "all teams shows a team column" wait_line main '^due .* team .*attempt'
check "... with the team's name, not its code" wait_for main "术后护理组"
check "... not its code" absent main " postop "
send main l
check "l opens the limit prompt" wait_for main "limit to (name, phone tail, treatment, kind):"
send_text main "隆鼻"
send main Enter
check "the header names the limit" wait_for main "limit: 隆鼻"
wait_stable main
n=$(rows main | wc -l)
check "the limit leaves some tasks" test "$n" -gt 0
check "... and only those of that treatment" test "$(rows main | grep -vc '隆鼻')" = 0
send main Escape
check "Esc clears the limit" wait_gone main "limit: 隆鼻"
check "... and every task is back" wait_for main "吸脂"

send main l
send_text main "birthday"
send main Enter
wait_for main "limit: birthday"
wait_stable main
check "a limit by the kind as shown" test "$(rows main | grep -c 'birthday')" -gt 0
check "... only those" test "$(rows main | grep -vc 'birthday')" = 0
send main Escape
wait_gone main "limit: birthday"

id=$(selected_id main)
phone=$(sql "$DB" "SELECT c.phone FROM task t JOIN customer c ON c.id = t.customer_id WHERE t.id = $id")
tail4=${phone: -4}
want=$(sql "$DB" "SELECT count(*) FROM task t JOIN customer c ON c.id = t.customer_id WHERE t.status = 'open' AND c.phone LIKE '%$tail4'")
send main l
send_text main "$tail4"
send main Enter
wait_for main "limit: $tail4"
wait_stable main
check "a limit by phone tail keeps that customer's tasks" test "$(rows main | wc -l)" -ge 1
check "... and no other" test "$(rows main | wc -l)" -le "$want"
check "... the selection is on that task" wait_selected main "$id"
send main l
send_text main "zzzz"
send main Enter
check "a limit that matches nothing says so" wait_for main 'no task matches "zzzz"'
send main Escape
check "Esc brings the queue back" wait_line main '^[! ][0-9]{2}-[0-9]{2}'

send main ?
check "help lists the limit" wait_for main "show only the rows matching a text (queue: name, phone tail, treatment"
send main q
send main q
check "q quits" exit_is main 0
finish
