# words.sh — in Chinese, what a person reads names outcomes, audit actions, teams, roles and keys
# by their translated labels; tsv and json keep the codes.
. "$(dirname "$0")/lib.sh"

HAVE_ZH=$(locale -a 2>/dev/null | grep -qiE '^zh_CN\.utf-?8$' && echo 1)
if [ -z "$HAVE_ZH" ]; then
	ok "# SKIP no zh_CN.UTF-8 locale"
	exit 0
fi
export LANGUAGE=zh_CN LANG=zh_CN.UTF-8 LC_ALL=zh_CN.UTF-8
as() { local who=$1; shift; HUIFANG_AS=$who hf "$@"; }
# lacks DESC TEXT WORD: TEXT does not contain WORD (a code) as a word of its own.
lacks() {
	if printf '%s\n' "$2" | grep -qwF -- "$3"; then notok "$1 (found \"$3\": ${2:0:300})"; else ok "$1"; fi
}

hf init >/dev/null
hf user add op_a --role operator --team postop --name 王芳
check_out "user add names the team by its name" "术后护理组"
hf add customer --name 李娜 --phone 13800001234 --gender F
C1=$OUT
hf add visit "$C1" --kind surgery --date 2026-11-22 --treatment 隆鼻
T1=$(sql "SELECT id FROM task WHERE customer_id=$C1 AND due_date='2026-11-23'")
hf add customer --name 张敏 --phone 13800005678 --gender F
C2=$OUT
hf add visit "$C2" --kind surgery --date 2026-11-22 --treatment 双眼皮
T2=$(sql "SELECT id FROM task WHERE customer_id=$C2 AND due_date='2026-11-23'")

# ---- log: the confirmation and the errors name the outcome by its label ----------------------
as op_a log "$T1" --outcome no_answer
check_rc "log no_answer" 0
check_out "the confirmation names the outcome 无人接听" "^已记录通话 [0-9]+（任务 $T1）：无人接听$"
lacks "the confirmation shows no outcome code" "$OUT" no_answer

as op_a log "$T2" --outcome callback
check_err "callback without --next is refused, naming 约定回电" 2 "结果 约定回电 需要"
lacks "the error shows no outcome code" "$ERR" callback
as op_a log "$T2" --outcome busy --score 4
check_err "a score on busy is refused, naming 忙/不方便" 2 "结果 忙/不方便 不需要评分"

# --outcome takes the label in the interface language.
as op_a log "$T2" --outcome 忙/不方便
check_rc "log --outcome 忙/不方便 (the label) is accepted" 0
check_out "its confirmation names 忙/不方便" "^已记录通话 [0-9]+（任务 $T2）：忙/不方便$"
check_eq "the call is stored with the code busy" \
	"$(sql "SELECT outcome FROM call WHERE task_id=$T2 ORDER BY id DESC LIMIT 1")" busy
as op_a log "$T2" --outcome 不存在
check_err "an unknown label is refused" 2 "不存在"

# ---- queue: the last outcome ----------------------------------------------------------------
as op_a queue
check_out "the queue's last outcome reads 无人接听" "^$T1 .*无人接听"
lacks "the queue shows no outcome code" "$OUT" no_answer

# ---- audit: actions and entities by their labels ---------------------------------------------
hf audit
check_rc "audit table" 0
check_out "audit shows 记录通话 for a logged call" "记录通话 +通话"
check_out "audit shows 创建数据库 for init" "创建数据库 +数据库"
for code in log init add plan; do lacks "audit table shows no action code $code" "$OUT" "$code"; done
hf audit --format tsv
check_out "tsv keeps the action and entity codes" "	log	call	"
hf audit --format json
check_out "json keeps the action code" '"action": ?"log"'

# ---- user list: team and role by their names ------------------------------------------------
hf user list
check_out "user list shows the team 术后护理组 and the role 回访专员" "^op_a +王芳 +回访专员 +术后护理组 "
lacks "user list shows no team code" "$OUT" postop
lacks "user list shows no role code" "$OUT" operator
hf user list --format tsv
check_out "tsv keeps the role and team codes" "^op_a	王芳	operator	postop	"

# ---- simulate: the team by its name ---------------------------------------------------------
hf simulate --kind surgery --treatment 隆鼻 --date 2026-11-20
check_rc "simulate" 0
check_out "simulate shows the team by its name" "术后护理组"
lacks "simulate shows no team code" "$OUT" postop
hf simulate --kind surgery --treatment 隆鼻 --date 2026-11-20 --format tsv
check_out "simulate tsv keeps the team code" "	postop	"

# ---- keys: Shift-Tab is S-Tab ------------------------------------------------------------------
hf keys
check_out "keys shows S-Tab for the previous tab" "^prev-tab +S-Tab "
lacks "keys does not say BTab" "$OUT" BTab
