# value.sh — customer value (RFM): visits over a quarter make a customer VIP and move their
# segment; the queue, show customer and export customers show it; plan calls the valuable
# customers who stopped coming; check-config refuses bad value rules.
. "$(dirname "$0")/lib.sh"

at() { HUIFANG_NOW="$1"; export HUIFANG_NOW; }
field() { printf '%s\n' "$OUT" | sed -n "s/^  $1 *//p"; }

at "2026-06-01 09:30"
hf init >/dev/null
hf user add op_a --role operator --team consult --name 王芳
hf user add sup --role supervisor --team service
hf add customer --name 张晓梅 --phone 13800001234 --consultant op_a; C1=$OUT
hf add customer --name 李娜 --phone 13800005678 --consultant op_a;   C2=$OUT
hf add customer --name 赵敏 --phone 13800009999 --consultant op_a;   C3=$OUT

hf show customer "$C1"
check_eq "no visit: nothing to score" "$(field value)" "no visit yet"

hf add visit "$C1" --kind consult --date 2026-06-01 --amount 3000
hf show customer "$C1"
check_eq "a first small visit: a new customer" "$(field value)" "R 0 d, F 1 in 365 d, M ¥3,000 → 新客户"
check_eq "stored with the customer, not VIP" \
	"$(sql "SELECT value_segment, value_vip, value_scores FROM customer WHERE id=$C1")" "new|0|421"

at "2026-07-20 09:30"
# 赵敏's day-1 call is written first: only the VIP rule puts 张晓梅's ahead of it.
hf add visit "$C3" --kind surgery --date 2026-07-20 --treatment 隆鼻 --amount 900
hf add visit "$C1" --kind surgery --date 2026-07-20 --treatment 隆鼻 --amount 26000
hf show customer "$C1"
check_eq "a second visit in the quarter: VIP, and the spend makes it 重要价值" "$(field value)" \
	"R 0 d, F 2 in 365 d, M ¥29,000 → 重要价值, VIP (at least 2 visits in 90 d)"
hf add visit "$C1" --kind surgery --date 2026-13-01 --amount 5;  check_err "a refused visit: exit 2" 2 "2026-13-01"
hf add visit "$C1" --kind consult --date 2026-07-20 --amount -5; check_err "a negative amount: exit 2" 2 "amount"
check_eq "refused visits changed no value" \
	"$(sql "SELECT value_segment, value_monetary FROM customer WHERE id=$C1")" "champion|29000"

hf add visit "$C2" --kind consult --date 2026-07-20 --amount 800
hf queue --all --date 2026-07-31 --format json
check_out "json gains the segment" '"customer_name": "张晓梅".*"segment": "champion", "vip": "yes"'
check_out "json: not VIP" '"customer_name": "李娜".*"segment": "new", "vip": "no"'
hf queue --all --format tsv
check_eq "tsv keeps its documented columns" "$(printf '%s\n' "$OUT" | head -1)" \
	"$(printf 'task_id\tdue\tkind\tcustomer_id\tcustomer_name\tteam\towner\tattempts\tstatus')"
hf queue --all --date 2026-07-31
check_out "the table shows VIP and the segment" "张晓梅.*VIP 重要价值"
hf queue --all --date 2026-07-31 --segment new --format tsv
check_eq "the segment filter" "$(printf '%s\n' "$OUT" | tail -n +2 | cut -f5 | sort -u | tr '\n' ' ')" "李娜 赵敏 "
hf queue --all --segment nope;  check_err "unknown segment: exit 2" 2 "nope"

# Two calls due the same day at the same priority: the VIP's first.
at "2026-07-21 09:30"
day1() { printf '%s\n' "$OUT" | tail -n +2 | awk -F'\t' '$2 == "2026-07-21" {print $5}' | tr '\n' ' '; }
hf queue --all --format tsv
check_eq "VIP first among calls due the same day" "$(day1)" "张晓梅 赵敏 "
printf 'value = { vip_priority = 0; };\n' >"$T/novip.conf"
hf -c "$T/novip.conf" plan >/dev/null 2>&1
hf -c "$T/novip.conf" queue --all --format tsv
check_eq "with no VIP priority, the earlier call first" "$(day1)" "赵敏 张晓梅 "
hf plan >/dev/null 2>&1

# Past the quarter the VIP lapses; past 90 days without a visit the valuable customer is
# 重要唤回, and plan calls them with the value script (once).
at "2026-11-02 09:30"
hf plan
check_rc "plan" 0
hf show customer "$C1"
check_eq "absent but valuable: 重要唤回, no longer VIP" "$(field value)" "R 105 d, F 2 in 365 d, M ¥29,000 → 重要唤回"
check_eq "one reactivation call with the value script" \
	"$(sql "SELECT count(*), script, due_date, team FROM task WHERE customer_id=$C1 AND kind='reactivation'")" \
	"1|value.reactivation|2026-11-02|consultant"
check_eq "its origin names the segment by code" \
	"$(sql "SELECT origin FROM task WHERE customer_id=$C1 AND kind='reactivation'")" \
	'{"code":"segment","task_kind":"reactivation","since":"2026-07-20","segment":"win_back"}'
hf plan
check_eq "planning again makes no second call" \
	"$(sql "SELECT count(*) FROM task WHERE customer_id=$C1 AND kind='reactivation'")" "1"
hf queue --all --segment win_back
check_out "the queue reads the origin with the segment's name" "张晓梅"
check_eq "李娜 (small, one visit, absent) is dormant" \
	"$(sql "SELECT value_segment FROM customer WHERE id=$C2")" "dormant"

HUIFANG_AS=sup hf export customers "$T/c.csv"
check_rc "export customers" 0
check_eq "export customers has the value columns" \
	"$(head -1 "$T/c.csv" | tr -d '\r' | tr ',' '\n' | tail -5 | tr '\n' ' ')" "segment vip recency_days frequency monetary "
check_eq "and the values" "$(grep 张晓梅 "$T/c.csv" | tr -d '\r' | tr ',' '\n' | tail -5 | tr '\n' ' ')" "win_back no 105 2 29000 "

# Thresholds and segments are the clinic's: check-config refuses what cannot work.
printf 'value = { recency = [30, 30, 180]; };\n' >"$T/bad1.conf"
run "$HF" check-config "$T/bad1.conf"; check_err "thresholds must rise" 2 "bad1.conf:1: value.recency"
printf 'value = { monetary = [1, 2]; };\n' >"$T/bad2.conf"
run "$HF" check-config "$T/bad2.conf"; check_err "three thresholds" 2 "needs 3 thresholds"
printf 'value = { segments = ( { code = "a"; name = "甲"; r = "hi"; } ); };\n' >"$T/bad3.conf"
run "$HF" check-config "$T/bad3.conf"; check_err "a level is high, low or any" 2 'value.segments\[1\].r'
printf 'value = { segments = ( { code = "a"; name = "甲"; }, { code = "a"; name = "乙"; } ); };\n' >"$T/bad4.conf"
run "$HF" check-config "$T/bad4.conf"; check_err "a segment listed twice" 2 'listed twice'
printf 'value = { reactivation_script = "no.such"; };\n' >"$T/bad5.conf"
run "$HF" check-config "$T/bad5.conf"; check_err "a script key with no script" 2 'no.such'
# A clinic's own segments: the VIP rule off, everyone with a visit in one segment.
printf 'value = { vip_visits = 0; segments = ( { code = "all"; name = "全部"; } ); };\n' >"$T/own.conf"
at "2026-11-03 09:30"
run "$HF" -d "$DB" -c "$T/own.conf" plan
check_eq "a clinic's own segments are used by plan" \
	"$(sql "SELECT group_concat(DISTINCT value_segment) FROM customer")" "all"
