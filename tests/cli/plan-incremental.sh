# plan-incremental.sh — planning only the customers due writes exactly what planning every
# customer (plan --full) writes: the same tasks, escalations and values, day after day, on the
# demo clinic and generated clinics, over month ends, the 1st and holidays, with calls logged
# and visits added in between; and a repeated plan the same day finds nothing to do.
. "$(dirname "$0")/lib.sh"

# The shipped rules with days off: Christmas and New Year's Eve, a month end.
sed -e 's/^  holidays = \[\];/  holidays = ["2026-12-25", "2026-12-31", "2027-01-01"];/' \
	"$ROOT/data/huifang.conf" >"$T/rules.conf"
grep -q '"2026-12-31"' "$T/rules.conf" || notok "the rules file has no holidays to test with"
export HUIFANG_CONFIG="$T/rules.conf"

# state DB: every row planning writes, in a stable order (the value's day and its recency count
# from the day it was last computed, so they are left out: the rest of the value is compared).
state() {
	sqlite3 "$1" "SELECT * FROM task ORDER BY id;
	  SELECT id, call_id, customer_id, task_id, severity, reason, sla_due, status, level
	    FROM escalation ORDER BY id;
	  SELECT * FROM escalation_step ORDER BY id;
	  SELECT id, value_last_visit, value_frequency, value_monetary, value_scores, value_segment,
	         value_vip, value_rank FROM customer ORDER BY id;"
}

# same NAME SRC DAYS...: plan SRC's copies day by day, one by due customers, one --full, and
# compare them after every day; between days the same call is logged and the same visit added
# in both.
same() {
	local name=$1 src=$2 a="$T/$1-due.db" b="$T/$1-full.db" day bad= n=0
	shift 2
	cp "$src" "$a" && cp "$src" "$b"
	for day in "$@"; do
		n=$((n + 1))
		HUIFANG_NOW="$day 07:00" "$HF" -d "$a" plan >"$T/due.out" 2>&1 || { bad="plan $day: $(cat "$T/due.out")"; break; }
		HUIFANG_NOW="$day 07:00" "$HF" -d "$b" plan --full >"$T/full.out" 2>&1 || { bad="plan --full $day: $(cat "$T/full.out")"; break; }
		if ! cmp -s "$T/due.out" "$T/full.out"; then bad="$day: counts differ: $(head -1 "$T/due.out") / $(head -1 "$T/full.out")"; break; fi
		if [ "$(state "$a" | md5sum)" != "$(state "$b" | md5sum)" ]; then
			bad="$day: $(diff <(state "$a") <(state "$b") | head -4 | tr '\n' ' ')"
			break
		fi
		# The day's work, the same in both: a call made, a visit added.
		local task cust
		task=$(sqlite3 "$a" "SELECT id FROM task WHERE status = 'open' AND due_date <= '$day' ORDER BY id LIMIT 1 OFFSET $n")
		cust=$(sqlite3 "$a" "SELECT id FROM customer WHERE do_not_call = 0 ORDER BY id LIMIT 1 OFFSET $((n * 7))")
		for db in "$a" "$b"; do
			[ -z "$task" ] || HUIFANG_NOW="$day 10:00" "$HF" -d "$db" log "$task" --outcome reached \
				--score 5 --note "好" >/dev/null 2>&1
			HUIFANG_NOW="$day 11:00" "$HF" -d "$db" add visit "$cust" --kind consult \
				--treatment 双眼皮 --date "$day" >/dev/null 2>&1
		done
	done
	if [ -z "$bad" ]; then ok "$name: planning the due customers writes what a full plan writes ($n days)"; else notok "$name: $bad"; fi
	# The same day again: nothing is due, nothing is written.
	local before after
	before=$(state "$a" | md5sum)
	HUIFANG_NOW="$day 12:00" run "$HF" -d "$a" plan
	after=$(state "$a" | md5sum)
	if [ "$RC" -eq 0 ] && [ "$before" = "$after" ] && [ "$(sqlite3 "$a" "SELECT count(*) FROM customer WHERE plan_due <= '$day'")" = 0 ]; then
		ok "$name: planning the same day again changes nothing"
	else
		notok "$name: a second plan on $day (status $RC) changed rows or left customers due"
	fi
}

DAYS_SHORT="2026-11-23 2026-11-30 2026-12-31"
DAYS_LONG="2026-11-23 2026-11-24 2026-11-25 2026-11-30 2026-12-01 2026-12-07 2026-12-24 \
2026-12-25 2026-12-31 2027-01-01 2027-01-04 2027-01-31 2027-02-01 2027-02-28 2027-03-01 2027-05-31"

HUIFANG_NOW="2026-11-23 07:00" "$HF" -d "$T/demo.db" init --demo >/dev/null 2>&1 ||
	notok "the demo clinic could not be made"
same demo "$T/demo.db" $DAYS_LONG

"$ROOT/scripts/gen-bench" --customers 2000 --db "$T/g2k.db" --seed 3 --today 2026-11-23 ||
	notok "gen-bench 2000"
same gen-2k "$T/g2k.db" $DAYS_LONG

"$ROOT/scripts/gen-bench" --customers 20000 --db "$T/g20k.db" --seed 5 --today 2026-11-23 ||
	notok "gen-bench 20000"
same gen-20k "$T/g20k.db" $DAYS_SHORT

# A migrated clinic plans everyone once: its customers start due.
if [ "$(sqlite3 "$T/g2k.db" "SELECT count(*) FROM customer WHERE plan_due = ''")" -gt 0 ]; then
	ok "customers never planned are due"
else
	notok "a new clinic's customers are not due"
fi
