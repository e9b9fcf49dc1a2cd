# export.sh — huifang export: CSV for Excel (BOM, RFC 4180, the formula guard), JSON, date
# ranges, roles and audit; an export imported into a fresh database exports the same file.
. "$(dirname "$0")/lib.sh"

setup_clinic() { # DB: a clinic with the consultant wang
	hf init >/dev/null
	hf user add wang --role operator --team postop --name 王芳 >/dev/null
	hf user add boss --role supervisor --team service >/dev/null
}
setup_clinic
cat >"$T/c.csv" <<'CSV'
external_id,name,phone,gender,birthday,consultant,source,tags,do_not_call
C1,=SUM(A1),13800138000,F,1990-03-05,wang,"a,b","x ""q""",
C2,李四,+1 415 555 0100,M,,,@x,-3,是
,王五,13700137001,,,,"walk-in, 朋友",,
CSV
printf '%s\n' 'customer_external_id,date,kind,treatment,doctor,course_end,amount,team' \
	'C1,2026-11-20,surgery,双眼皮,李医生,,12800,' 'C2,2026-10-01,course,光子嫩肤,,2026-10-15,500,service' >"$T/v.csv"
hf import customers "$T/c.csv" >/dev/null
hf import visits "$T/v.csv" --plan >/dev/null
check_eq "the clinic is set up" "$(sql 'SELECT count(*) FROM customer')/$(sql 'SELECT count(*) FROM visit')" "3/2"
check_eq "a do_not_call column is read" "$(sql "SELECT do_not_call FROM customer WHERE external_id='C2'")" "1"

hf export customers "$T/c1.csv"
check_rc "export customers" 0
check_out "it says how many rows" "^3 rows written to"
check_eq "UTF-8 with a BOM" "$(head -c 3 "$T/c1.csv" | od -An -tx1 | tr -d ' ')" "efbbbf"
check_eq "rows end with CRLF" "$(grep -c $'\r$' "$T/c1.csv")" "4"
grep -q "^1,C1,'=SUM(A1),13800138000," "$T/c1.csv" && ok "formula guard: a leading = gets a '" || notok "guard =: $(sed -n 2p "$T/c1.csv")"
grep -q ",'+14155550100,M,,,'@x,'-3,yes," "$T/c1.csv" && ok "formula guard: + @ -" || notok "guard +@-: $(sed -n 3p "$T/c1.csv")"
grep -q '"a,b","x ""q"""' "$T/c1.csv" && ok "RFC 4180 quoting" || notok "quoting: $(sed -n 2p "$T/c1.csv")"
grep -q '"walk-in, 朋友"' "$T/c1.csv" && ok "a comma and a leading space stay inside their cell" || notok "cell: $(cat "$T/c1.csv")"
n=$(sql "SELECT count(*) FROM audit WHERE action='export' AND detail LIKE 'customer file=%rows=3'")
check_eq "the export is audited with its row count" "$n" "1"
hf export visits "$T/v1.csv"
check_rc "export visits" 0
head -1 "$T/v1.csv" | grep -q 'customer_external_id,date,kind,treatment,doctor,team,course_end,amount' \
	&& ok "visits carry the import's columns" || notok "visit header: $(head -1 "$T/v1.csv")"

# The round trip: export -> import into a fresh database -> export gives the same files.
DB0=$DB
DB="$T/fresh.db"
setup_clinic
hf import customers "$T/c1.csv"
check_rc "the export imports into a fresh database" 0
[ -z "$ERR" ] && ok "... without a warning (ids, flags and stamps are known columns)" || notok "warnings: $ERR"
hf import visits "$T/v1.csv" --plan >/dev/null
hf export customers "$T/c2.csv"
hf export visits "$T/v2.csv"
cmp -s "$T/c1.csv" "$T/c2.csv" && ok "round trip: the same customers file" || notok "customers differ: $(diff "$T/c1.csv" "$T/c2.csv" | head -5)"
cmp -s "$T/v1.csv" "$T/v2.csv" && ok "round trip: the same visits file" || notok "visits differ: $(diff "$T/v1.csv" "$T/v2.csv" | head -5)"
check_eq "do-not-call survives the round trip" "$(sql "SELECT do_not_call FROM customer WHERE external_id='C2'")" "1"
DB=$DB0

# Ranges, JSON, the other kinds.
hf export visits "$T/v-nov.csv" --from 2026-11-01 --to 2026-11-30
check_out "a date range" "^1 rows written"
grep -q '2026-11-20,surgery' "$T/v-nov.csv" && ! grep -q '2026-10-01' "$T/v-nov.csv" && ok "only the range's visits" \
	|| notok "range: $(cat "$T/v-nov.csv")"
hf export tasks "$T/t.json" --format json
check_rc "export tasks as JSON" 0
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d and "task_id" in d[0]' "$T/t.json" 2>/dev/null \
	&& ok "the JSON parses, one object a task" || notok "json: $(head -c 200 "$T/t.json")"
for k in calls escalations; do
	hf export "$k" "$T/$k.csv"
	check_rc "export $k" 0
done
head -1 "$T/calls.csv" | grep -q 'id,started,' && ok "calls have their header" || notok "calls: $(head -1 "$T/calls.csv")"

# Refusals.
hf export customers "$T/c1.csv"
check_err "an existing file is not overwritten" 2 "already exists"
hf export patients "$T/p.csv"
check_err "an unknown kind" 2 "customers, visits, calls, tasks or escalations"
hf export calls "$T/r.csv" --from 2026-11-30 --to 2026-11-01
check_err "a reversed range" 2 "before --from"
hf export calls "$T/r.csv" --format xml
check_err "an unknown format" 2 "not csv or json"
HUIFANG_AS=wang hf export customers "$T/op.csv"
check_rc "operators may not export" 3
[ -e "$T/op.csv" ] && notok "a refused export left a file" || ok "a refused export leaves no file"
HUIFANG_AS=boss hf export customers "$T/sup.csv"
check_rc "supervisors may" 0
grep -q ',13800138000,' "$T/sup.csv" && ok "supervisors see whole phone numbers" || notok "sup phones: $(sed -n 2p "$T/sup.csv")"
