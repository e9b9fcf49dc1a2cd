# durability.sh — kill -9 in the middle of logging: the database stays consistent, committed calls stay.
. "$(dirname "$0")/lib.sh"

# Log every task in a loop in its own process group, and kill the whole group (the loop and
# whichever huifang is running) with SIGKILL at once, so no orphan goes on logging afterwards;
# strike once a few calls have landed, while the rest are still going.
clinic_logging 60
kill -KILL -- "-$LOOP" 2>/dev/null
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
