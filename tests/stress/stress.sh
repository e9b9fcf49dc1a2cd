# stress.sh — the long crash and load proofs (make stress; not part of make check):
#  1. kill -9 at random moments across 4 processes logging calls (STRESS_KILLS, at least 1000):
#     every acknowledged call is there exactly once, no task is closed twice, the database and
#     its audit chain are whole;
#  2. 20 operators × 500 logs each (STRESS_WRITERS × STRESS_LOGS) with consoles open in tmux:
#     none lost, none refused as "locked", none closed twice;
#  3. the disk filling up in the middle of an import (root only: a small tmpfs in a mount
#     namespace of its own): the import fails with one clear line, nothing of it is written,
#     and the clinic goes on.
. "$(dirname "$0")/../cli/lib.sh"

KILLS=${HF_STRESS_KILLS:-1000}
WRITERS=${HF_STRESS_WRITERS:-20}
LOGS=${HF_STRESS_LOGS:-500}
export HF DB
# The shell waits for the consoles' and loggers' locks as huifang does.
sq() { sqlite3 -cmd ".timeout 10000" "$DB" "$@"; }

# A clinic made through the use cases (imports, audited), one surgery a customer planned: the
# first follow-up of each customer is the task logged below, so no log touches another's.
need=$((KILLS * 8 + WRITERS * LOGS))
customers=$((need + 100))
hf init
awk -v n="$customers" 'BEGIN { print "external_id,name,phone"; for (i = 1; i <= n; i++) printf "S%d,顾客%d,139%08d\n", i, i, i }' >"$T/c.csv"
awk -v n="$customers" 'BEGIN { print "customer_external_id,date,kind,treatment,team"; for (i = 1; i <= n; i++) printf "S%d,2026-11-20,surgery,吸脂,service\n", i }' >"$T/v.csv"
hf import customers "$T/c.csv"
hf import visits "$T/v.csv" --plan
mapfile -t open < <(sq "SELECT min(id) FROM task WHERE status = 'open' GROUP BY customer_id ORDER BY 1")
[ "${#open[@]}" -ge "$need" ] && ok "${#open[@]} customers with an open task for $need logs" ||
	{ notok "only ${#open[@]} open tasks for $need logs ($ERR)"; exit 1; }

# ---- 1. kill -9 across 4 loggers -----------------------------------------------------------
# Each logger works through its own tasks; a log acknowledged (exit 0) is written to its ack
# file; a killed one is tried again, when it must either land or be refused as already done.
per=$((KILLS * 2))
for k in 0 1 2 3; do
	printf '%s\n' "${open[@]:$((k * per)):$per}" >"$T/tasks.$k"
	: >"$T/ack.$k"
done
logger() { # K
	local k=$1 id rc
	while read -r id; do
		while :; do
			"$HF" -d "$DB" log "$id" --outcome reached --score 5 >/dev/null 2>>"$T/log.err.$k" &
			echo $! >"$T/cur.$k"
			wait $!
			rc=$?
			[ $rc = 0 ] && { echo "$id" >>"$T/ack.$k"; break; }
			[ $rc = 137 ] && continue            # killed: try again
			grep -q "already" "$T/log.err.$k" 2>/dev/null && { : >"$T/log.err.$k"; break; }
			echo "$id $rc" >>"$T/odd"; break
		done
	done <"$T/tasks.$k"
	touch "$T/done.$k"
}
for k in 0 1 2 3; do logger "$k" & done
kills=0
while [ "$kills" -lt "$KILLS" ]; do
	# A random moment: 0 to 10 ms from the last,
	sleep "0.00$((RANDOM % 10))"
	# then one of the huifang logs running at that instant, whatever it is doing.
	p=$(cat "$T/cur.$((RANDOM % 4))" 2>/dev/null)
	[ -n "$p" ] && [ "$(cat "/proc/$p/comm" 2>/dev/null)" = huifang ] && kill -KILL "$p" 2>/dev/null &&
		kills=$((kills + 1))
	[ -e "$T/done.0" ] && [ -e "$T/done.1" ] && [ -e "$T/done.2" ] && [ -e "$T/done.3" ] && break
done
wait
[ "$kills" -ge "$KILLS" ] && ok "$kills kill -9 at random moments" || notok "only $kills kills before the tasks ran out"
acked=$(cat "$T"/ack.* | sort -u | wc -l)
ids=$(cat "$T"/ack.* | sort -u | paste -sd,)
present=$(sq "SELECT count(DISTINCT task_id) FROM call WHERE task_id IN (${ids:-0})")
check_eq "every acknowledged call is there ($acked)" "$present" "$acked"
check_eq "no task has two calls" "$(sq "SELECT count(*) FROM (SELECT task_id FROM call GROUP BY task_id HAVING count(*) > 1)")" "0"
check_eq "every call closed its task, and only those" \
	"$(sq "SELECT count(*) FROM call c JOIN task t ON t.id = c.task_id WHERE t.status <> 'done'")" "0"
[ ! -s "$T/odd" ] && ok "no log failed otherwise" || notok "logs failed: $(head -3 "$T/odd")"
check_eq "integrity after the kills" "$(sq 'PRAGMA integrity_check')" "ok"
check_eq "foreign keys hold" "$(sq 'PRAGMA foreign_key_check' | wc -l)" "0"
hf audit --verify
check_rc "the audit chain is intact after the kills" 0

# ---- 2. 20 operators × 500 logs with consoles open -----------------------------------------
SOCK="stress-$$"
start=$((KILLS * 8))
if command -v tmux >/dev/null; then
	for c in 1 2 3 4 5; do
		tmux -L "$SOCK" new-session -d -x 120 -y 40 "\"$HF\" -d \"$DB\"" 2>/dev/null ||
			tmux -L "$SOCK" new-window -d "\"$HF\" -d \"$DB\""
	done
	consoles=$(tmux -L "$SOCK" list-windows -a 2>/dev/null | wc -l)
else
	consoles=0
fi
for ((w = 0; w < WRITERS; w++)); do
	printf '%s\n' "${open[@]:$((start + w * LOGS)):$LOGS}" >"$T/w.$w"
	( while read -r id; do
		"$HF" -d "$DB" log "$id" --outcome reached --score 4 >/dev/null 2>>"$T/w.err.$w" &&
			echo "$id" >>"$T/w.ack.$w"
	  done <"$T/w.$w" ) &
done
wait
alive=$(tmux -L "$SOCK" list-windows -a 2>/dev/null | wc -l)
tmux -L "$SOCK" kill-server 2>/dev/null
[ "$consoles" -gt 0 ] && ok "$consoles consoles were open throughout ($alive still running at the end)" ||
	ok "no tmux: the writers ran without consoles"
wacked=$(cat "$T"/w.ack.* 2>/dev/null | wc -l)
check_eq "$WRITERS × $LOGS logs: none lost" "$wacked" "$((WRITERS * LOGS))"
check_eq "none refused as locked" "$(cat "$T"/w.err.* 2>/dev/null | grep -c -i locked)" "0"
check_eq "none closed twice" "$(sq "SELECT count(*) FROM (SELECT task_id FROM call GROUP BY task_id HAVING count(*) > 1)")" "0"
check_eq "integrity after the load" "$(sq 'PRAGMA integrity_check')" "ok"
hf audit --verify
check_rc "the audit chain is intact after the load" 0

# ---- 3. the disk full in the middle of an import -------------------------------------------
if [ "$(id -u)" != 0 ] || ! command -v unshare >/dev/null; then
	echo "ok - # SKIP a full disk mid-import: needs root (a tmpfs in a mount namespace of its own)"
	exit 0
fi
IMPORT_BATCH=$(awk '/define IMPORT_BATCH/ { print $3 }' "$ROOT/src/service-import.c")
mkdir -p "$T/small"
sq "SELECT 1" >/dev/null
# A fresh clinic on a 3 MB disk, then an import of 60,000 customers that cannot fit.
awk 'BEGIN { print "姓名,手机"; for (i = 0; i < 60000; i++) printf "顾客%d,139%08d\n", i, i }' >"$T/big.csv"
unshare -m bash -c '
	mount -t tmpfs -o size=3m tmpfs "$1/small" || exit 9
	db=$1/small/h.db
	"$2" -d "$db" init >/dev/null 2>&1 || exit 8
	"$2" -d "$db" add customer --name 周静 --phone 13700001111 >/dev/null 2>&1 || exit 7
	"$2" -d "$db" import customers "$1/big.csv" >"$1/imp.out" 2>"$1/imp.err"
	echo $? >"$1/imp.rc"
	sqlite3 "$db" "PRAGMA integrity_check" >"$1/imp.integrity" 2>&1
	sqlite3 "$db" "SELECT count(*) FROM customer" >"$1/imp.count" 2>&1
	mount -o remount,size=64m "$1/small"
	"$2" -d "$db" add customer --name 李四 --phone 13700002222 >/dev/null 2>"$1/after.err"
	echo $? >"$1/after.rc"
	"$2" -d "$db" audit --verify >/dev/null 2>"$1/verify.err"; echo $? >"$1/verify.rc"
' _ "$T" "$HF"
case $? in 9) echo "ok - # SKIP a full disk mid-import: cannot mount a tmpfs here"; exit 0 ;; 8|7) notok "the small disk could not hold a clinic"; exit 0 ;; esac
rc=$(cat "$T/imp.rc")
[ "$rc" != 0 ] && ok "the import on a full disk fails (status $rc)" || notok "the import on a full disk succeeded"
[ "$(wc -l <"$T/imp.err")" = 1 ] && ok "with one line: $(cat "$T/imp.err")" || notok "its message: $(head -3 "$T/imp.err")"
# An import commits in batches (its message says the rows before the failed one are in):
# what is there is whole batches, the failed batch none of its rows.
n=$(cat "$T/imp.count")
[ $(((n - 1) % IMPORT_BATCH)) = 0 ] && ok "whole batches before the full disk stay ($((n - 1)) customers), the failed batch is gone" ||
	notok "$((n - 1)) customers: not whole batches of $IMPORT_BATCH"
check_eq "integrity after the full disk" "$(cat "$T/imp.integrity")" "ok"
check_eq "the clinic goes on once there is room" "$(cat "$T/after.rc")" "0"
[ "$(cat "$T/verify.rc")" = 0 ] && ok "the audit chain is intact after the full disk" ||
	notok "the audit chain after the full disk: $(cat "$T/verify.err")"
