# lib.sh — shared helpers for the command-line suites: a temporary clinic, a pinned clock, TAP output.
# Source it from a suite: `. "$(dirname "$0")/lib.sh"`.
set -u
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
# A suite runs in the tests' own environment (tests/clean-env), also when started by hand.
[ "${HF_CLEAN_ENV:-}" = 1 ] || exec "$ROOT/tests/clean-env" bash "$0" "$@"
HF="$ROOT/huifang"
T=$(mktemp -d "$TMPDIR/huifang-test.XXXXXX")
trap 'rm -rf "$T"' EXIT
export HUIFANG_NOW="2026-11-23 09:30"
# The suites' clinics name logins (op_a, sup ...) this machine does not have; root may (the
# check itself is tested with the variable unset).
export HUIFANG_ANY_LOGIN=1
DB="$T/h.db"
ME=$(id -un)

ok() { echo "ok - $*"; }
notok() { echo "not ok - $*"; }

# run CMD...: run it, keeping OUT, ERR and RC.
run() {
	"$@" >"$T/.out" 2>"$T/.err"
	RC=$?
	OUT=$(cat "$T/.out")
	ERR=$(cat "$T/.err")
}

# hf ARGS...: run huifang on the suite's database.
hf() { run "$HF" -d "$DB" "$@"; }

# check DESC EXPECTED_RC: the last run's status; on failure show its stderr.
check_rc() {
	if [ "$RC" -eq "$2" ]; then ok "$1"; else notok "$1 (status $RC, expected $2: ${ERR:0:200})"; fi
}
# check_err DESC RC PATTERN: status RC and exactly one line on stderr matching PATTERN.
check_err() {
	local lines
	lines=$(printf '%s' "$ERR" | grep -c '')
	if [ "$RC" -eq "$2" ] && [ "$lines" -eq 1 ] && printf '%s' "$ERR" | grep -q -- "$3"; then
		ok "$1"
	else
		notok "$1 (status $RC, expected $2; stderr: ${ERR:0:300})"
	fi
}
# check_out DESC PATTERN: the last run's stdout matches PATTERN (grep -E).
check_out() {
	if printf '%s\n' "$OUT" | grep -qE -- "$2"; then ok "$1"; else notok "$1 (stdout: ${OUT:0:300})"; fi
}
# check_eq DESC GOT WANT
check_eq() {
	if [ "$2" = "$3" ]; then ok "$1"; else notok "$1 (got '$2', want '$3')"; fi
}
# sql QUERY: a value from the suite's database.
sql() { sqlite3 "$DB" "$1"; }
# fingerprint: a hash of every row of the tables a command must not change.
fingerprint() {
	sqlite3 "$DB" "SELECT * FROM customer; SELECT * FROM visit; SELECT * FROM task;
	  SELECT * FROM call; SELECT * FROM escalation; SELECT * FROM user; SELECT * FROM audit;" | md5sum
}
# clinic_logging N: a clinic of N discharged customers with open follow-up tasks, and an
# operator op_a logging every one of them in a loop of its own process group (LOOP: wait for
# it, or kill the group); returns once at least 5 calls have landed.
clinic_logging() {
	hf init >/dev/null
	hf user add op_a --role operator --team service
	for i in $(seq 1 "$1"); do
		hf add customer --name "顾客$i" --phone "1350000$((1000 + i))"
		hf add visit "$OUT" --kind discharge --date 2026-11-20
	done
	local ids
	ids=$(sql "SELECT id FROM task WHERE status='open' ORDER BY id")
	export HF DB
	setsid bash -c 'for id in '"$(echo $ids)"'; do HUIFANG_AS=op_a "$HF" -d "$DB" log "$id" \
		--outcome reached --score 5 --note "恢复良好" >/dev/null 2>&1; done' &
	LOOP=$!
	for i in $(seq 1 500); do
		[ "$(sqlite3 "$DB" 'SELECT count(*) FROM call' 2>/dev/null || echo 0)" -ge 5 ] && break
		sleep 0.01
	done
}

# events_config: a rules file whose events go to $EV; hfc runs huifang with it, `as LOGIN ...`
# as that user.
events_config() {
	EV="$T/events.jsonl"
	CONF="$T/huifang.conf"
	printf 'events = { path = "%s"; };\n' "$EV" >"$CONF"
}
hfc() { run "$HF" -d "$DB" -c "$CONF" "$@"; }
as() { local who=$1; shift; HUIFANG_AS=$who hfc "$@"; }
