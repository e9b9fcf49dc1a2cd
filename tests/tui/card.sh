#!/usr/bin/env bash
# card.sh — the call screen in Chinese at 100x30: a call that carries merged reasons says so at
# the top of the card and of the script; a four-digit task id leaves "次数" on one line.
. "$(dirname "$0")/lib.sh"

DB=$T/clinic.db
make_db "$DB" || { not_ok "demo clinic"; finish; exit 1; }
day_after() { date -d "$TODAY $1 day" +%F; }
# A liposuction three days ago (its day-3 call is due today) for a customer whose birthday is
# today: the contact cap makes one call of both.
cid=$("$HF" -d "$DB" add customer --name 秦思雨 --phone 13911110003 --gender F \
  --birthday "1991-$(date -d "$TODAY" +%m-%d)")
"$HF" -d "$DB" add visit "$cid" --kind surgery --date "$(day_after -3)" --treatment 吸脂 >/dev/null 2>&1
carrier=$(sql "$DB" "SELECT merged_into FROM task WHERE customer_id = $cid AND status = 'merged' LIMIT 1")
check "the birthday greeting is merged into today's call" test -n "$carrier"
check "... whose id has four digits" test "${carrier:-0}" -ge 1000

start main 100 30 LANG=zh_CN.UTF-8 LC_ALL=zh_CN.UTF-8 -- -d "$DB"
wait_for main "(root)"
wait_for main "剩余时间"   # an admin's console opens on the escalations
send main BTab
wait_for main "今日完成"
send main f f f   # all teams
wait_stable main
send main /
send_text main 13911110003
send main Enter
wait_selected main "$carrier"
send main Enter
wait_for main "任务 #$carrier"
check "the script starts with what else this call covers" wait_line main "│ 本次通话还包括："
check "... naming the birthday" wait_line main "│ +· .*生日"
check "the card names it too, without scrolling" wait_line main "^ +同时回访：.*生日"
check "a four-digit task id leaves 次数 on one line" wait_line main "次数 [0-9]+/[0-9]+"
check "... nowhere cut after 次" test -z "$(screen main | grep -E '次 *│|次$')"
send main q q
finish
