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
