#!/usr/bin/env bash
# scripts.sh — the call screen reads the script lines that fit the call: a birthday greeting
# made days late does not say "today is your birthday", care tips are the customer's
# treatment's only, in Chinese and in English.
. "$(dirname "$0")/lib.sh"

DB=$T/clinic.db
"$HF" -d "$DB" init >/dev/null || { not_ok "a clinic"; finish; exit 1; }
day_after() { date -d "$TODAY $1 day" +%F; }
# A liposuction three days ago (its day-3 call is due today) and a birthday five days ago
# (its greeting is overdue).
lipo=$("$HF" -d "$DB" add customer --name 林晓梅 --phone 13911110001 --gender F)
"$HF" -d "$DB" add visit "$lipo" --kind surgery --date "$(day_after -3)" --treatment 吸脂 >/dev/null 2>&1
bday=$(date -d "$(day_after -5)" +%m-%d)
born=$("$HF" -d "$DB" add customer --name 周雨桐 --phone 13911110002 --gender F --birthday "1990-$bday")
"$HF" -d "$DB" add visit "$born" --kind consult --date "$(day_after -100)" --treatment 光子嫩肤 >/dev/null 2>&1
lipo_task=$(sql "$DB" "SELECT id FROM task WHERE customer_id = $lipo AND status = 'open' AND due_date = '$TODAY'")
bday_task=$(sql "$DB" "SELECT id FROM task WHERE customer_id = $born AND kind = 'birthday' AND status = 'open'")
check "the birthday greeting is overdue" test -n "$bday_task" -a "$(sql "$DB" "SELECT due_date < '$TODAY' FROM task WHERE id = ${bday_task:-0}")" = 1

# open SESSION PHONE TASK: the call screen of that task, found by the customer's number.
open_call() {
  send "$1" /
  send_text "$1" "$2"
  send "$1" Enter
  wait_selected "$1" "$3"
  send "$1" Enter
  wait_for "$1" "task #$3"
}
# script_has SESSION TEXT: the text is somewhere in the script (scrolled through with J).
script_has() {
  local i
  for ((i = 0; i < 40; i++)); do
    screen "$1" | grep -qF -- "$2" && return 0
    send "$1" J; wait_stable "$1"
  done
  return 1
}

for lang in zh en; do
  if [ $lang = zh ]; then
    loc=zh_CN.UTF-8 late="前几天是您的生日" today="今天是您的生日" care="塑身衣" other="框架眼镜" eyes="墨镜"
    pick="只读"
  else
    loc=C.UTF-8 late="Your birthday was" today="birthday today"
    care="garment" other="no glasses" eyes="sunglasses" pick="Read only"
  fi
  start $lang 100 60 LANG=$loc LC_ALL=$loc -- -d "$DB"
  wait_for $lang "(root)"
  send $lang f f f   # all teams: root is an admin of no team
  wait_stable $lang
  open_call $lang 13911110002 "$bday_task"
  check "$lang: an overdue birthday greeting says it was a few days ago" script_has $lang "$late"
  check "$lang: ... and not that it is today" absent $lang "$today"
  send $lang q
  open_call $lang 13911110001 "$lipo_task"
  check "$lang: the care tips hold the customer's treatment's (liposuction)" script_has $lang "$care"
  check "$lang: ... and no other treatment's" absent $lang "$other"
  check "$lang: ... none of eye-bag removal's either" absent $lang "$eyes"
  check "$lang: ... and no note to pick the right line" absent $lang "$pick"
  send $lang q q
done
finish
