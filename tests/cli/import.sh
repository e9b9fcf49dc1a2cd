# import.sh — huifang import: RFC 4180 files in both encodings, Excel dates, all-or-nothing,
# rejects that re-import once fixed, idempotent re-import, merges by phone, history visits.
. "$(dirname "$0")/lib.sh"

# Only the clinic's data: an import's audit row is not a change of data.
data() { sqlite3 "$DB" "SELECT * FROM customer; SELECT * FROM visit; SELECT * FROM task;" | md5sum; }

hf init >/dev/null
hf user add wang --role operator --team postop --name 王芳 >/dev/null
hf user add op1 --role operator --team service >/dev/null

# ---- customers: Chinese headers, RFC 4180 edge cases, phones, dates -------------------------
printf '%s\r\n' '客户编号,姓名,手机,性别,生日,顾问,来源,标签,备注' \
	'C001,张三,138 0013 8000,女,1990/3/5,wang,朋友介绍,"VIP,老客",' \
	'C002,"李""四""",+86 139-0013-9000,M,32874,王芳,online,,"two' \
	'lines"' \
	',王五,0086 13700137000,男,1985.12.1,,,,' >"$T/c.csv"
before=$(data)
hf import customers "$T/c.csv" --dry-run
check_rc "a dry run succeeds" 0
check_out "the dry run says what it would do" "3 rows; would add 3, update 0, merge 0"
check_eq "a dry run writes nothing" "$(data)" "$before"
hf import customers "$T/c.csv"
check_rc "import customers" 0
check_out "three customers added" "3 rows; 3 added, 0 updated, 0 merged, 0 unchanged, 0 rejected"
if printf '%s' "$ERR" | grep -q "c.csv:1: unknown column \"备注\" is ignored"; then
	ok "an unknown column is reported with its line"; else notok "unknown column: $ERR"; fi
check_eq "a quoted comma stays in its cell" "$(sql "SELECT tags FROM customer WHERE external_id='C001'")" "VIP,老客"
check_eq "doubled quotes are one quote" "$(sql "SELECT name FROM customer WHERE external_id='C002'")" '李"四"'
check_eq "phones are normalised (+86, spaces, dashes, 0086)" \
	"$(sql "SELECT group_concat(phone, ' ') FROM (SELECT phone FROM customer ORDER BY id)")" \
	"13800138000 13900139000 13700137000"
check_eq "dates: YYYY/M/D, an Excel serial, YYYY.M.D" \
	"$(sql "SELECT group_concat(birthday, ' ') FROM (SELECT birthday FROM customer ORDER BY id)")" \
	"1990-03-05 1990-01-01 1985-12-01"
check_eq "genders 女/M/男" "$(sql "SELECT group_concat(gender, '') FROM (SELECT gender FROM customer ORDER BY id)")" "FMM"
check_eq "a consultant named by display name is stored by login" \
	"$(sql "SELECT consultant FROM customer WHERE external_id='C002'")" "wang"
n=$(sql "SELECT count(*) FROM audit WHERE action='import' AND detail LIKE 'customers file=%rows=3 added=3%'")
check_eq "one audit row with the counts" "$n" "1"

# ---- idempotent: the same file again changes nothing ------------------------------------
before=$(data)
hf import customers "$T/c.csv"
check_out "re-import: every row unchanged" "0 added, 0 updated, 0 merged, 3 unchanged"
check_eq "re-import writes no data" "$(data)" "$before"

# ---- merge by phone; update by external id ----------------------------------------------
printf '%s\n' 'external_id,name,phone,source' 'C003,王五,137-0013-7000,HIS' \
	'C001,张三,13800138000,转介绍' ',新客,13600136000,' >"$T/m.csv"
hf import customers "$T/m.csv"
check_out "phone match merges, external id updates, a new phone adds" "1 added, 1 updated, 1 merged"
check_eq "the merged customer takes the external id" \
	"$(sql "SELECT external_id || ' ' || source FROM customer WHERE phone='13700137000'")" "C003 HIS"
check_eq "merging made no second customer" "$(sql "SELECT count(*) FROM customer")" "4"

# ---- GB18030 as Chinese Excel saves it ---------------------------------------------------
printf '%s\r\n' '客户编号,姓名,手机,性别' 'G001,赵敏,13500135000,女' | iconv -f UTF-8 -t GB18030 >"$T/gb.csv"
if ! iconv -f UTF-8 -t UTF-8 "$T/gb.csv" >/dev/null 2>&1; then ok "the GB18030 file is not UTF-8"
else notok "the GB18030 file is valid UTF-8"; fi
hf import customers "$T/gb.csv"
check_out "auto reads GB18030" "gb18030.*1 added"
check_eq "GB18030 text arrives as UTF-8" "$(sql "SELECT name FROM customer WHERE external_id='G001'")" "赵敏"
hf import customers "$T/gb.csv" --encoding utf-8
check_rc "a GBK file read as UTF-8 is refused" 2
if printf '%s' "$ERR" | grep -q "gb.csv:1: not valid UTF-8"; then ok "... naming the line"
else notok "GBK as UTF-8: $ERR"; fi
{ printf '\xEF\xBB\xBF'; printf '%s\r\n' 'external_id,name,phone' 'B001,钱多,13300133000'; } >"$T/bom.csv"
hf import customers "$T/bom.csv" --encoding utf-8
check_eq "a UTF-8 BOM is not part of the first header" "$(sql "SELECT name FROM customer WHERE external_id='B001'")" "钱多"

# ---- bad rows: every problem with line and column, nothing written ----------------------
printf '%s\n' 'external_id,name,phone,gender,birthday,consultant' \
	'C010,赵六,12345,X,2023-02-30,nobody' \
	'C011,钱七,13800138011,F,2030-01-01,' \
	'C012,孙八,13800138012,F,1990-01-01,wang' >"$T/bad.csv"
before=$(fingerprint)
hf import customers "$T/bad.csv"
check_rc "bad rows: exit 2" 2
for want in 'bad.csv:2:phone: "12345" is not a phone number' 'bad.csv:2:gender: "X" is not a gender' \
	'bad.csv:2:birthday: "2023-02-30" is not a date' 'bad.csv:2:consultant: "nobody" is not a huifang user' \
	'bad.csv:3:birthday: 2030-01-01 is in the future' 'bad.csv: 2 of 3 rows have problems; nothing imported'; do
	if printf '%s' "$ERR" | grep -qF "$want"; then ok "listed: $want"; else notok "not listed: $want ($ERR)"; fi
done
check_eq "nothing written (not even the good row)" "$(fingerprint)" "$before"

# The first 50 problems, then a count.
{ echo 'name,phone'; for i in $(seq 1 60); do echo "n$i,bad$i"; done; } >"$T/many.csv"
hf import customers "$T/many.csv"
check_eq "50 problems listed" "$(printf '%s\n' "$ERR" | grep -c 'is not a phone number')" "50"
if printf '%s' "$ERR" | grep -q '\.\.\. and 10 more problems'; then ok "then the rest counted"
else notok "no count of the rest: ${ERR: -200}"; fi

# ---- --skip-bad: good rows in, bad rows to a rejects file that re-imports once fixed ------
hf import customers "$T/bad.csv" --skip-bad "$T/rejects.csv"
check_rc "--skip-bad imports the good rows" 0
check_out "one added, two rejected" "1 added.*2 rejected"
check_eq "the good row is in" "$(sql "SELECT count(*) FROM customer WHERE external_id='C012'")" "1"
check_eq "the rejects file has a header and the two bad rows" "$(grep -c '' "$T/rejects.csv")" "3"
if head -1 "$T/rejects.csv" | grep -q 'external_id,name,phone,gender,birthday,consultant,problem'; then
	ok "rejects: the file's header and a problem column"; else notok "rejects header: $(head -1 "$T/rejects.csv")"; fi
if grep -q 'C011.*birthday: 2030-01-01 is in the future' "$T/rejects.csv"; then ok "rejects: each row with its problem"
else notok "rejects rows: $(cat "$T/rejects.csv")"; fi
hf import customers "$T/bad.csv" --skip-bad "$T/rejects.csv"
check_rc "an existing rejects file is not overwritten" 2
sed -e 's/,12345,X,2023-02-30,nobody,/,13800138010,F,1992-02-28,wang,/' \
	-e 's/,2030-01-01,/,1991-01-01,/' "$T/rejects.csv" >"$T/fixed.csv"
hf import customers "$T/fixed.csv"
check_rc "the fixed rejects file imports cleanly" 0
check_out "both fixed rows added" "2 rows; 2 added"
check_eq "all three are in" "$(sql "SELECT count(*) FROM customer WHERE external_id IN ('C010','C011','C012')")" "3"

# ---- visits: kinds in Chinese, amounts, history, planning -------------------------------
printf '%s\n' '客户编号,日期,类型,项目,医生,疗程结束,金额,小组' \
	'C001,2026-11-20,手术,双眼皮,李医生,,"12,800.00",' \
	'C002,2020-01-05,注射,玻尿酸,,,3000,' \
	'C002,45000,咨询,,,,,' \
	'C001,2026-11-01,疗程,光子嫩肤,,2026-11-15,¥5000,service' >"$T/v.csv"
hf import visits "$T/v.csv"
check_rc "import visits" 0
check_out "four visits added" "4 rows; 4 added"
check_out "old visits are history" "2 visits are history"
check_eq "an Excel serial visit date" "$(sql "SELECT date FROM visit WHERE kind='consult'")" "2023-03-15"
check_eq "history visits are planned, current ones are not" \
	"$(sql "SELECT group_concat(planned, '') FROM (SELECT planned FROM visit ORDER BY id)")" "0110"
check_eq "amount 12,800.00 is 12800 yuan" "$(sql "SELECT amount FROM visit WHERE kind='surgery'")" "12800"
check_eq "no tasks before the plan" "$(sql "SELECT count(*) FROM task")" "0"
hf import visits "$T/v.csv" --plan
check_out "re-import with --plan: unchanged, then planned" "4 unchanged"
check_out "--plan plans at once" "planned: [1-9][0-9]* calls created"
n=$(sql "SELECT count(*) FROM task t JOIN visit v ON v.id = t.visit_id WHERE v.planned = 1 AND t.step >= 0")
check_eq "history visits got no tasks" "$n" "0"
before=$(data)
hf import visits "$T/v.csv"
check_eq "visits re-import writes nothing" "$(data)" "$before"

printf '%s\n' 'customer_external_id,date,kind,treatment,team' 'NOPE,2026-11-01,surgery,,' \
	'C001,2026-11-02,美容,,' 'C001,2026-11-03,surgery,不存在,' 'C001,2026-11-04,course,,nosuch' >"$T/vbad.csv"
hf import visits "$T/vbad.csv"
check_rc "bad visits: exit 2" 2
for want in 'vbad.csv:2:customer_external_id: no customer with external id "NOPE"' \
	'vbad.csv:3:kind: "美容" is not a visit kind' 'vbad.csv:4:treatment: "不存在" is not a treatment' \
	'vbad.csv:5:team: "nosuch" is not a team' 'vbad.csv:5:kind: a treatment course needs its end'; do
	if printf '%s' "$ERR" | grep -qF "$want"; then ok "listed: $want"; else notok "not listed: $want ($ERR)"; fi
done

# ---- usage and permissions --------------------------------------------------------------
printf '%s\n' 'name,name,phone' >"$T/dup.csv"
hf import customers "$T/dup.csv"
check_rc "a header naming a column twice is refused" 2
printf '%s\n' 'name' 'x' >"$T/nophone.csv"
hf import customers "$T/nophone.csv"
if printf '%s' "$ERR" | grep -q 'nophone.csv:1: no column 手机 (or phone), which is required'; then
	ok "a missing required column is named"; else notok "missing column: $ERR"; fi
hf import customers "$T/missing.csv"
check_err "a missing file" 2 "missing.csv: cannot open"
hf import customers "$T/c.csv" --encoding latin1
check_err "an unknown encoding" 2 "latin1"
hf import patients "$T/c.csv"
check_err "an unknown kind" 2 "customers or visits"
: >"$T/empty.csv"
hf import customers "$T/empty.csv"
check_err "an empty file" 2 "empty file"
HUIFANG_AS=op1 hf import customers "$T/c.csv"
check_rc "operators may not import" 3
printf '%s\n' 'name,phone' '"open,13800000000' >"$T/open.csv"
hf import customers "$T/open.csv"
if printf '%s' "$ERR" | grep -q 'open.csv:2: a quoted field is never closed'; then ok "an unclosed quote names its line"
else notok "unclosed quote: $ERR"; fi

# A rejected cell that a spreadsheet would run is guarded in the rejects file and comes back
# as written when the fixed file is imported.
printf '%s\n' 'name,phone' '=HYPERLINK("x"),12345' >"$T/formula.csv"
hf import customers "$T/formula.csv" --skip-bad "$T/formula-rejects.csv"
grep -q "^\"'=HYPERLINK(\"\"x\"\")\",12345," "$T/formula-rejects.csv" && ok "rejects: the formula guard" \
	|| notok "rejects guard: $(cat "$T/formula-rejects.csv")"
sed 's/,12345,/,13900001111,/' "$T/formula-rejects.csv" >"$T/formula-fixed.csv"
hf import customers "$T/formula-fixed.csv"
check_eq "the guarded cell imports as written" "$(sql "SELECT name FROM customer WHERE phone='13900001111'")" '=HYPERLINK("x")'

# A big import commits in batches of 500 rows, each with its own audit row (so the rows of a
# batch are proven even if a later one fails, e.g. on a full disk), then the summary.
awk 'BEGIN { print "姓名,手机"; for (i = 0; i < 1200; i++) printf "批量%d,136%08d\n", i, i }' >"$T/batches.csv"
hf import customers "$T/batches.csv"
check_eq "batches: an audit row each and the summary" \
	"$(sql "SELECT group_concat(replace(detail, '$T/batches.csv', 'F'), '|') FROM (SELECT detail
	        FROM audit WHERE action = 'import' AND detail LIKE '%batches.csv%' ORDER BY id)")" \
	"customers file=F part=1 rows=500 added=500 updated=0 merged=0 unchanged=0 rejected=0 history=0|customers file=F part=2 rows=1000 added=1000 updated=0 merged=0 unchanged=0 rejected=0 history=0|customers file=F rows=1200 added=1200 updated=0 merged=0 unchanged=0 rejected=0 history=0"
hf audit --verify
check_rc "the batches' rows are each proven" 0
