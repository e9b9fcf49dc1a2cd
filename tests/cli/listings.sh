# listings.sh — every listing in every format: the table shows translated labels, tsv/json/csv
# carry stable codes; csv is RFC 4180 with a UTF-8 BOM and a guard against formulas.
. "$(dirname "$0")/lib.sh"

hf init >/dev/null
hf user add op_a --role operator --team postop --name 王芳
hf user add sup --role supervisor --team service
as() { local who=$1; shift; HUIFANG_AS=$who hf "$@"; }
# field N LINE: the Nth tab-separated field of a line.
field() { printf '%s\n' "$2" | cut -f"$1"; }
BOM=$(printf '\357\273\277')
CR=$(printf '\r')
# in_zh CMD...: run CMD in Chinese. zh_check DESC PATTERN: check_out, skipped without a
# zh_CN.UTF-8 locale.
HAVE_ZH=$(locale -a 2>/dev/null | grep -qiE '^zh_CN\.utf-?8$' && echo 1)
in_zh() { LANGUAGE=zh_CN LANG=zh_CN.UTF-8 LC_ALL=zh_CN.UTF-8 "$@"; }
zh_check() { if [ -n "$HAVE_ZH" ]; then check_out "$@"; else ok "# SKIP no zh_CN.UTF-8 locale: $1"; fi; }

# Two surgery customers: one whose name a spreadsheet would run, one with a comma and quotes.
hf add customer --name '=HYPERLINK("http://x","点我")' --phone 13800001234 --gender F
C1=$OUT
hf add visit "$C1" --kind surgery --date 2026-11-22 --treatment 隆鼻
T1=$(sql "SELECT id FROM task WHERE customer_id=$C1 AND due_date='2026-11-23'")
hf add customer --name '李, "小"' --phone 13800005678 --gender F
C2=$OUT
hf add visit "$C2" --kind surgery --date 2026-11-22 --treatment 双眼皮
T2=$(sql "SELECT id FROM task WHERE customer_id=$C2 AND due_date='2026-11-23'")
as op_a log "$T1" --outcome no_answer >/dev/null

# ---- queue ----------------------------------------------------------------------------------
as op_a queue
check_rc "queue table" 0
check_out "the table shows the outcome's label" "^$T1 .* No answer +- +\S+ *$"
printf '%s\n' "$OUT" | grep -q no_answer && notok "the table shows an outcome code" || ok "no outcome code in the table"
check_out "the table shows the kind's label" "^$T2 .*follow-up"
check_out "the table has translated headers" "^task +due +kind +customer +treatment +attempt +last outcome +owner +value$"
in_zh as op_a queue
zh_check "in Chinese the table shows 无人接听" "^$T1 .*无人接听"
zh_check "in Chinese the headers are translated" "^任务 +到期"

as op_a queue --format tsv
check_eq "queue tsv header is the documented one" "$(printf '%s\n' "$OUT" | head -1)" \
	"$(printf 'task_id\tdue\tkind\tcustomer_id\tcustomer_name\tteam\towner\tattempts\tstatus')"
row=$(printf '%s\n' "$OUT" | grep "^$T1	")
check_eq "queue tsv carries codes" "$(field 3 "$row") $(field 8 "$row") $(field 9 "$row")" "followup 1 open"
check_eq "queue tsv due is an ISO stamp" "$(field 2 "$row")" "2026-11-23 13:30"

as op_a queue --format json
check_out "queue json carries codes" "\"task_id\": \"$T1\", \"due\": \"2026-11-23 13:30\", \"kind\": \"followup\""
check_out "queue json keeps the name whole" '"customer_name": "=HYPERLINK\(\\"http://x\\",\\"点我\\"\)"'

as op_a queue --format csv
check_rc "queue csv" 0
check_eq "csv starts with a UTF-8 BOM" "$(head -c 3 "$T/.out")" "$BOM"
check_eq "csv header: the tsv columns" "$(head -1 "$T/.out")" \
	"${BOM}task_id,due,kind,customer_id,customer_name,team,owner,attempts,status$CR"
check_eq "csv lines end in CRLF" "$(grep -c "$CR\$" "$T/.out")" "$(grep -c '' "$T/.out")"
check_out "a formula is guarded and quoted" \
	"^$T1,2026-11-23 13:30,followup,$C1,\"'=HYPERLINK\(\"\"http://x\"\",\"\"点我\"\"\)\",postop,,1,open"
check_out "a comma and quotes are quoted" "^$T2,2026-11-23,followup,$C2,\"李, \"\"小\"\"\",postop,,0,open"

as op_a queue --format xml;                     check_err "an unknown format names them all" 2 "csv"

# ---- escalations ----------------------------------------------------------------------------
as op_a log "$T2" --outcome complaint --complaint 服务态度 --note '-1 分' >/dev/null
E=$(sql "SELECT id FROM escalation WHERE customer_id=$C2")
as sup escalations
check_out "escalations table: translated severity, time left and status" "^$E +high +1d 0h left +open "
check_out "escalations table: the whole reason as text, last" "^$E .* op_a .* Complaint \\(服务态度\\)$"
as sup escalations --format tsv
check_eq "escalations tsv header is the documented one, then holder, level, minutes left" \
	"$(printf '%s\n' "$OUT" | head -1)" \
	"$(printf 'id\tseverity\tstatus\tsla_due\tcustomer_id\tcustomer_name\treason\traised_by\traised_at\tassignee\tassignee_team\tlevel\tminutes_left')"
row=$(printf '%s\n' "$OUT" | grep "^$E	")
check_eq "escalations tsv carries codes" "$(field 2 "$row") $(field 3 "$row") $(field 5 "$row") $(field 8 "$row") $(field 12 "$row") $(field 13 "$row")" \
	"high open $C2 op_a 0 1440"
as sup escalations --format csv
check_eq "escalations csv: BOM and header" "$(head -1 "$T/.out")" \
	"${BOM}id,severity,status,sla_due,customer_id,customer_name,reason,raised_by,raised_at,assignee,assignee_team,level,minutes_left$CR"
check_out "escalations csv: codes, the name quoted" "^$E,high,open,[0-9 :-]+,$C2,\"李, \"\"小\"\"\","
HUIFANG_NOW="2026-11-24 12:00" as sup escalations
check_out "a breached escalation says so in the table, in words" "^$E +high +1h 30m left +breached "
in_zh as sup escalations
zh_check "in Chinese the severity is translated" "^$E +高 "
HUIFANG_NOW="2026-11-24 12:00" as sup escalations --format json
check_out "escalations json: breached is a code" "\"id\": \"$E\", \"severity\": \"high\", \"status\": \"breached\""

# ---- users ----------------------------------------------------------------------------------
hf user list
check_out "user list table: translated role and active" "^op_a +王芳 +operator +术后护理组 +yes$"
in_zh hf user list
zh_check "user list in Chinese: translated role and active" "^op_a +王芳 +回访专员 +术后护理组 +是$"
hf user list --format tsv
check_eq "user list tsv" "$(printf '%s\n' "$OUT" | grep '^op_a')" "$(printf 'op_a\t王芳\toperator\tpostop\tyes')"
hf user list --format csv
check_eq "user list csv: BOM and header" "$(head -1 "$T/.out")" "${BOM}login,name,role,team,active$CR"
check_out "user list csv row" "^sup,sup,supervisor,service,yes"
hf user list --format json
check_out "user list json" '"login": "op_a", "name": "王芳", "role": "operator", "team": "postop", "active": "yes"'

# ---- audit, keys, simulate: csv as well -----------------------------------------------------
hf audit --format csv
check_eq "audit csv: BOM and header" "$(head -1 "$T/.out")" "${BOM}id,at,login,action,entity,entity_id,detail$CR"
check_out "audit csv rows" "^[0-9]+,2026-11-23 09:30,$ME,user-add,user,"
check_out "audit csv: a detail that would be a formula is guarded" \
	"^[0-9]+,2026-11-23 09:30,$ME,add,customer,$C1,\"'=HYPERLINK\(\"\"http://x"
hf audit
check_out "audit table: translated headers" "^id +time +login +action +entity +entity id +detail$"
check_out "audit table: the customer's row" "^[0-9]+ +2026-11-23 09:30 +$ME +added +customer +$C1 +=HYPERLINK"
hf audit --format tsv
check_eq "audit tsv header" "$(printf '%s\n' "$OUT" | head -1)" "$(printf 'id\tat\tlogin\taction\tentity\tentity_id\tdetail')"
hf keys --format csv
check_eq "keys csv: BOM and header" "$(head -1 "$T/.out")" "${BOM}action,keys,help$CR"
run "$HF" simulate --kind surgery --date 2026-11-20 --format csv
check_eq "simulate csv: BOM and header" "$(head -1 "$T/.out")" \
	"${BOM}step,offset,nominal,due,moved,window_end,team,script$CR"
check_out "simulate csv: an offset starting with + is guarded" "^1,'\\+1d,2026-11-21,"
