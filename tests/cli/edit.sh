# edit.sh — fixing the record: phones and treatments checked on the way in, `edit customer`,
# the wrong-number flow ending in a fixed phone, lift-dnc bringing back the due step, and
# `user add` taking only logins of this machine.
. "$(dirname "$0")/lib.sh"

hf init >/dev/null
hf user add op_a --role operator --team postop --name 王芳
hf user add cons --role operator --team consultant --name 顾问小刘
hf user add sup --role supervisor --team service

# ---- phones and treatments on the way in ----------------------------------------------
before=$(fingerprint)
hf add customer --name 李 --phone 12345;                    check_err "a five-digit phone: exit 2" 2 '"12345" is not a phone number'
hf add customer --name 李 --phone 12800138000;              check_err "12x is no mobile: exit 2" 2 "12800138000"
hf add customer --name 李 --phone 0755-888888;              check_err "a landline too short: exit 2" 2 "0755-888888"
hf add customer --name 李 --phone 65529988;                 check_err "a landline without its area code: exit 2" 2 "65529988"
check_eq "refused phones wrote nothing" "$(fingerprint)" "$before"
hf add customer --name 王 --phone 010-65529988;             check_rc "a Beijing landline with a dash" 0
check_eq "stored as its digits" "$(sql "SELECT phone FROM customer WHERE id = $OUT")" "01065529988"
hf add customer --name 钱 --phone 0755-8888888;             check_rc "a 4-digit area code and 7 digits" 0
hf add customer --name 孙 --phone "+86 139 0000 1234" --gender 女; check_rc "+86 before a mobile" 0
check_eq "the country code dropped" "$(sql "SELECT phone || gender FROM customer WHERE id = $OUT")" "13900001234F"
C=$OUT

before=$(fingerprint)
hf add visit "$C" --kind surgery --date 2026-11-20 --treatment 拉皮
check_err "an unknown treatment: exit 2, naming those the rules know" 2 '"拉皮" is not a treatment.*双眼皮.*隆鼻.*水光针'
check_eq "and nothing written" "$(fingerprint)" "$before"

printf '%s\n' 'name,phone' '赵六,13800138011' '钱七,0755-888888' >"$T/landline.csv"
hf import customers "$T/landline.csv"
check_rc "import: a landline too short is refused" 2
if printf '%s' "$ERR" | grep -qF 'landline.csv:3:phone: "0755-888888" is not a phone number'; then
	ok "with file:line naming the phone"; else notok "no file:line for the phone: $ERR"; fi
check_eq "import wrote nothing" "$(fingerprint)" "$before"

# ---- wrong number: the data fix ends with `edit customer` --------------------------------
as() { local who=$1; shift; HUIFANG_AS=$who hf "$@"; }
hf add customer --name 周静 --phone 13900001111 --gender F --consultant cons; C2=$OUT
hf add visit "$C2" --kind surgery --date 2026-11-22 --treatment 隆鼻
T2=$(sql "SELECT id FROM task WHERE customer_id = $C2 AND due_date = '2026-11-23'")
as op_a log "$T2" --outcome wrong_number;                      check_rc "wrong_number logged" 0
FIX=$(sql "SELECT id FROM task WHERE customer_id = $C2 AND kind = 'datafix' AND status = 'open'")
check_eq "a data-fix task for the consultant" "$(sql "SELECT owner FROM task WHERE id = $FIX")" "cons"
check_eq "the phone is flagged invalid" "$(sql "SELECT phone_invalid FROM customer WHERE id = $C2")" 1

before=$(fingerprint)
hf edit customer "$C2";                                        check_err "nothing to change: exit 2" 2 "nothing to change"
hf edit customer "$C2" --phone 12345;                          check_err "a bad phone: exit 2" 2 '"12345" is not a phone number'
hf edit customer "$C2" --phone 13900002222 --gender X;         check_err "a bad gender: exit 2, the phone not written either" 2 '"X" is not F or M'
hf edit customer "$C2" --birthday 2030-01-01;                  check_err "a future birthday: exit 2" 2 "future"
hf edit customer "$C2" --name "";                              check_err "an empty name: exit 2" 2 "name"
hf edit customer 4242 --phone 13900002222;                     check_err "no such customer: exit 2" 2 "4242"
as op_a edit customer "$C2" --phone 13900002222;               check_err "an operator not holding the call: exit 3" 3 "holds\|hold"
as cons edit customer "$C2" --name 周晶;                        check_err "an operator edits only the phone: exit 3" 3 "phone"
check_eq "refusals wrote nothing" "$(fingerprint)" "$before"

as cons edit customer "$C2" --phone 139-0000-2222
check_rc "the consultant who owns the data fix fixes the phone" 0
check_out "says what came back" "data-fix tasks done: 1, calls back in the queue: 1"
check_eq "the new number, no longer flagged" "$(sql "SELECT phone || ' ' || phone_invalid FROM customer WHERE id = $C2")" "13900002222 0"
check_eq "the data fix is done" "$(sql "SELECT status FROM task WHERE id = $FIX")" "done"
check_eq "the call the wrong number closed is back in today's queue" \
	"$(sql "SELECT status || ' ' || due_date FROM task WHERE id = $T2")" "open 2026-11-23"
check_eq "the edit is audited with masked phones, old and new" \
	"$(sql "SELECT login || ' ' || detail FROM audit WHERE action = 'edit' AND entity_id = $C2")" "cons phone=139****1111>139****2222"
check_eq "the data fix and the call back each have their audit row" \
	"$(sql "SELECT group_concat(action || ':' || entity_id, ' ') FROM (SELECT action, entity_id FROM audit WHERE action IN ('done', 'resume') ORDER BY id)")" \
	"resume:$T2 done:$FIX"
HUIFANG_AS=op_a hf queue --format tsv
check_out "the operator's queue has the call again" "^$T2	"
hf audit --verify;                                             check_rc "the audit chain holds" 0

# An operator holding the call (a claim) may fix its phone, and nothing else.
sql "UPDATE task SET claimed_by = 'op_a', claimed_until = '2026-11-23 09:45' WHERE id = $T2"
as op_a edit customer "$C2" --phone 0755-88881234;             check_rc "the operator holding the call fixes the phone" 0
check_eq "a landline kept as digits" "$(sql "SELECT phone FROM customer WHERE id = $C2")" "075588881234"
sql "UPDATE task SET claimed_by = '', claimed_until = '' WHERE id = $T2"

# Supervisors edit everything; tags are added and removed by name.
hf edit customer "$C2" --name 周晶 --gender M --birthday 1990-02-03 --consultant op_a --tag "VIP, 老客"
check_rc "a supervisor edits name, gender, birthday, consultant and tags" 0
check_eq "all written" "$(sql "SELECT name || ' ' || gender || ' ' || birthday || ' ' || consultant || ' ' || tags FROM customer WHERE id = $C2")" \
	"周晶 M 1990-02-03 op_a VIP,老客"
hf edit customer "$C2" --untag VIP --tag 老客,复购
check_eq "untag and tag" "$(sql "SELECT tags FROM customer WHERE id = $C2")" "老客,复购"
check_eq "audited as field=old>new" "$(sql "SELECT detail FROM audit WHERE action = 'edit' ORDER BY id DESC LIMIT 1")" "tags=VIP,老客>老客,复购"
before=$(fingerprint)
hf edit customer "$C2" --name 周晶;                              check_out "the same value: nothing changed" "nothing changed"
check_eq "and nothing written" "$(fingerprint)" "$before"

# ---- lift-dnc brings back the step that fell due meanwhile ------------------------------
HUIFANG_NOW="2026-11-02 09:30" hf add customer --name 吴倩 --phone 13900003333 --consultant cons; C3=$OUT
HUIFANG_NOW="2026-11-02 09:30" hf add visit "$C3" --kind surgery --date 2026-11-01 --treatment 隆鼻; V3=$OUT
T3=$(sql "SELECT id FROM task WHERE visit_id = $V3 AND step = 0")
HUIFANG_NOW="2026-11-02 10:00" HUIFANG_AS=op_a hf log "$T3" --outcome refused
check_rc "refused on the day-1 call" 0
check_eq "every later step cancelled" "$(sql "SELECT group_concat(status, ' ') FROM (SELECT status FROM task WHERE visit_id = $V3 AND step > 0 ORDER BY step)")" \
	"cancelled cancelled cancelled cancelled"
hf lift-dnc "$C3" --note "顾客来电要求恢复回访"
check_rc "lifted three weeks later" 0
check_out "says how many calls came back" "back in the queue: 3"
check_eq "the day-7 call that fell due meanwhile is due today; the day-3 one stays cancelled; later ones as planned" \
	"$(sql "SELECT group_concat(status || ' ' || due_date, ', ') FROM (SELECT status, due_date FROM task WHERE visit_id = $V3 AND step > 0 ORDER BY step)")" \
	"cancelled 2026-11-04, open 2026-11-23, open 2026-12-01, open 2027-02-01"
check_eq "each call back audited" "$(sql "SELECT count(*) FROM audit WHERE action = 'resume' AND detail LIKE '%reason=dnc_lifted'")" 3
