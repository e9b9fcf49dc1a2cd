# durability.sh — kill -9 in the middle of logging: the database stays consistent, committed calls stay.
. "$(dirname "$0")/lib.sh"

hf init >/dev/null
hf user add op_a --role operator --team service
for i in $(seq 1 60); do
	hf add customer --name "顾客$i" --phone "1350000$((1000 + i))"
	hf add visit "$OUT" --kind discharge --date 2026-11-20
done
ids=$(sql "SELECT id FROM task WHERE status='open' ORDER BY id")

# Log every task in a loop in its own process group, and kill the whole group (the loop and
# whichever huifang is running) with SIGKILL at once, so no orphan goes on logging afterwards.
export HF DB
setsid bash -c 'for id in '"$(echo $ids)"'; do HUIFANG_AS=op_a "$HF" -d "$DB" log "$id" \
	--outcome reached --score 5 --note "恢复良好" >/dev/null 2>&1; done' &
loop=$!
# Strike once a few calls have landed, while the rest are still going.
for i in $(seq 1 500); do
	[ "$(sqlite3 "$DB" 'SELECT count(*) FROM call' 2>/dev/null || echo 0)" -ge 5 ] && break
	sleep 0.01
done
kill -KILL -- "-$loop" 2>/dev/null
wait 2>/dev/null

check_eq "integrity after kill -9" "$(sql 'PRAGMA integrity_check')" "ok"
check_eq "foreign keys hold" "$(sql 'PRAGMA foreign_key_check' | wc -l)" "0"
done_n=$(sql "SELECT count(*) FROM task WHERE status='done'")
calls_n=$(sql "SELECT count(*) FROM call")
check_eq "every committed call closed its task, and only those" "$calls_n" "$done_n"
check_eq "every committed call has its audit row" \
	"$(sql "SELECT count(*) FROM audit WHERE action='log'")" "$calls_n"
[ "$calls_n" -gt 0 ] && ok "some calls were committed before the kill ($calls_n)" || notok "no call was committed"
# The survivors can carry on where the killed run stopped.
left=$(sql "SELECT id FROM task WHERE status='open' ORDER BY id LIMIT 1")
if [ -n "$left" ]; then
	HUIFANG_AS=op_a hf log "$left" --outcome reached --score 4
	check_rc "logging goes on after the kill" 0
else
	notok "the kill came too late: every task was already logged"
fi
