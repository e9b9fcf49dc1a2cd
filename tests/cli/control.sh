# control.sh — control characters (an ESC sequence, a C1 control, a bidirectional override) are
# refused where text enters: names and notes on the command line, import cells, the rules file.
# Each is one line naming the field and the character as U+XXXX, exit 2, nothing written.
. "$(dirname "$0")/lib.sh"

ESC=$'\e[31m'     # recolours the terminal
RLO=$'\u202e'     # U+202E turns what follows right to left
NEL=$'\xc2\x85'   # U+0085, a C1 control
as() { local who=$1; shift; HUIFANG_AS=$who hf "$@"; }

hf init >/dev/null
hf user add op_a --role operator --team postop
hf user add sup --role supervisor --team service
hf add customer --name 张三 --phone 13900001234; C=$OUT
hf add visit "$C" --kind surgery --date 2026-11-22 --treatment 隆鼻
TASK=$(sql "SELECT id FROM task WHERE customer_id=$C AND due_date='2026-11-23'")

# ---- names on the command line ------------------------------------------------------------
before=$(fingerprint)
hf add customer --name "李${ESC}四" --phone 13900001235
check_err "add customer: an ESC in the name" 2 "^huifang: --name: the control character U+001B is not allowed$"
hf add customer --name "李四${RLO}" --phone 13900001235
check_err "add customer: a right-to-left override in the name" 2 "U+202E"
hf add customer --name "${NEL}李四" --phone 13900001235
check_err "add customer: a C1 control in the name" 2 "U+0085"
hf add customer --name $'李\n四' --phone 13900001235
check_err "add customer: a name holds no line break" 2 "U+000A"
hf add visit "$C" --kind surgery --date 2026-11-22 --treatment 隆鼻 --doctor "王${RLO}"
check_err "add visit: a bidi override in the doctor" 2 "^huifang: --doctor: .*U+202E"
hf edit customer "$C" --name "张${ESC}三"
check_err "edit customer: an ESC in the name" 2 "U+001B"
hf user add op_b --role operator --team postop --name "小${RLO}王"
check_err "user add: a bidi override in the display name" 2 "^huifang: --name: .*U+202E"
check_eq "refused names wrote nothing" "$(fingerprint)" "$before"

# ---- notes: line breaks are fine, controls are not ----------------------------------------
as op_a log "$TASK" --outcome reached --score 4 --note "恢复${ESC}良好"
check_err "log: an ESC in the note" 2 "^huifang: --note: the control character U+001B is not allowed$"
as op_a log "$TASK" --outcome reached --score 4 --note "恢复良好${NEL}"
check_err "log: a C1 control in the note" 2 "U+0085"
as op_a log "$TASK" --outcome reached --score 4 --note "恢复${RLO}良好"
check_err "log: a bidi override in the note" 2 "U+202E"
check_eq "refused notes wrote nothing" "$(fingerprint)" "$before"
check_eq "no call stored" "$(sql 'SELECT count(*) FROM call')" 0

as op_a log "$TASK" --outcome reached --score 1 --note $'第一天发烧\n今天好些'
check_rc "a note with a line break is accepted" 0
check_eq "kept as written" "$(sql "SELECT note FROM call WHERE task_id=$TASK")" $'第一天发烧\n今天好些'
E=$(sql "SELECT id FROM escalation WHERE customer_id=$C")
check_eq "the low score raised an escalation" "$([ -n "$E" ] && echo yes)" yes

before=$(fingerprint)
as sup escalation note "$E" --note "已回电${ESC}"
check_err "escalation note: an ESC" 2 "U+001B"
as sup escalation resolve "$E" --note "${RLO}已处理"
check_err "escalation resolve: a bidi override" 2 "U+202E"
as sup escalation ack "$E" --note "收到${NEL}"
check_err "escalation ack: a C1 control" 2 "U+0085"
check_eq "refused escalation texts wrote nothing" "$(fingerprint)" "$before"
as sup escalation note "$E" --note $'已回电\n明天复查'
check_rc "an escalation note with a line break is accepted" 0

# ---- import: file:line and the column ----------------------------------------------------
before=$(fingerprint)
printf '%s\n' 'name,phone' '赵六,13800138011' "钱${RLO}七,13800138012" >"$T/bidi.csv"
hf import customers "$T/bidi.csv"
check_rc "import: a bidi override in a cell is refused" 2
if printf '%s' "$ERR" | grep -qF 'bidi.csv:3:name: the control character U+202E is not allowed'; then
	ok "with file:line and the column"; else notok "no file:line for the control: $ERR"; fi
printf '%s\n' 'name,phone,tags' "赵六,13800138011,VIP${ESC}" >"$T/esc.csv"
hf import customers "$T/esc.csv"
check_rc "import: an ESC in a cell is refused" 2
printf '%s\n' 'name,phone' "赵六${NEL},13800138011" >"$T/c1.csv"
hf import customers "$T/c1.csv"
check_rc "import: a C1 control in a cell is refused" 2
check_eq "refused imports wrote nothing" "$(fingerprint)" "$before"

# ---- the rules file --------------------------------------------------------------------
for bad in "$ESC" "$RLO" "$NEL"; do
	printf 'clinic = { name = "悦颜%s诊所"; };\n' "$bad" >"$T/bad.conf"
	run "$HF" -d "$DB" -c "$T/bad.conf" add customer --name 孙七 --phone 13900001236
	check_rc "a control in a config text refuses to run" 2
	run "$HF" check-config "$T/bad.conf"
	check_out_err=$(printf '%s' "$ERR" | grep -c 'clinic.name: contains the control character U+')
	check_eq "check-config names the key and the character" "$check_out_err" 1
done
check_eq "nothing written under a refused rules file" "$(fingerprint)" "$before"

# ---- ordinary text still goes in -----------------------------------------------------------
hf add customer --name 欧阳娜娜 --phone 13900001237 --tags "VIP 回头客"
check_rc "a Chinese name is accepted" 0
check_eq "stored as written" "$(sql "SELECT name FROM customer WHERE id=$OUT")" 欧阳娜娜
printf '%s\n' 'name,phone' '赵六,13800138011' >"$T/good.csv"
hf import customers "$T/good.csv"
check_rc "a clean import is accepted" 0
