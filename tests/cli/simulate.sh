# simulate.sh — the default curve of every visit kind, calendar shifts, and refusals.
. "$(dirname "$0")/lib.sh"

dues() { printf '%s\n' "$OUT" | tail -n +2 | cut -f4 | paste -sd' '; }
sim() { run "$HF" simulate --format tsv "$@"; }

sim --kind surgery --date 2026-11-20;    check_rc "simulate surgery" 0
check_eq "surgery: +1d +3d +7d +1m +3m" "$(dues)" "2026-11-21 2026-11-23 2026-11-27 2026-12-20 2027-02-20"
sim --kind surgery --treatment 双眼皮 --date 2026-01-31
check_eq "double eyelid: +1d +3d +6d +1m (clamped) +3m +6m" "$(dues)" \
	"2026-02-01 2026-02-03 2026-02-06 2026-02-28 2026-04-30 2026-07-31"
sim --kind surgery --treatment 双眼皮 --date 2028-01-31
check_out "leap year: Jan 31 + 1m = Feb 29" "	2028-02-29	"
sim --kind consult --date 2026-11-20;    check_eq "consultation: +3d +7d" "$(dues)" "2026-11-23 2026-11-27"
sim --kind discharge --date 2026-11-20;  check_eq "discharge: +3d" "$(dues)" "2026-11-23"
sim --kind course --date 2026-11-01 --course-end 2026-11-30
check_eq "course: +7d after its end" "$(dues)" "2026-12-07"
sim --kind injection --treatment 玻尿酸 --date 2026-01-31
check_eq "hyaluronic acid: a month before its effect ends" "$(dues)" "2026-09-30"
sim --kind injection --date 2026-01-31;  check_err "injection without a treatment: exit 2" 2 "treatment"
sim --kind facelift --date 2026-01-31;   check_err "unknown kind: exit 2" 2 "facelift"
sim --kind surgery;                      check_err "no date: exit 2" 2 "date"
sim --kind surgery --date 2026-02-29;    check_err "not a leap year: exit 2" 2 "2026-02-29"

printf 'calendar = {\n  work_days = [1, 2, 3, 4, 5];\n  holidays = ["2026-11-23"];\n};\n' > "$T/weekdays.conf"
run "$HF" -c "$T/weekdays.conf" simulate --format tsv --kind surgery --date 2026-11-20
check_eq "weekends and holidays move to the next working day" "$(dues)" \
	"2026-11-24 2026-11-24 2026-11-27 2026-12-21 2027-02-22"
check_out "a moved call says so" "	2026-11-21	2026-11-24	yes	"
run "$HF" simulate --kind surgery --date 2026-11-20
check_rc "table format" 0
check_out "table has a header" "step"
sim --kind consult --treatment 双眼皮 --date 2026-11-20
check_eq "a consultation about double eyelid keeps the consultation curve" "$(dues)" "2026-11-23 2026-11-27"
