# wal.sh — the write-ahead log stays bounded with 10 writers and consoles polling: huifang
# checkpoints it itself (TRUNCATE, one place), never SQLite automatically, and the database
# stays whole.
. "$(dirname "$0")/lib.sh"

hf init >/dev/null
PER=${HF_WAL_PER:-120}
# Sample the log's size while the writers run.
# A connection held open all along, as a console's is: no writer is ever the last to close,
# which would checkpoint and remove the log on its way out.
{ echo "SELECT count(*) FROM customer;"; while [ ! -e "$T/stop" ]; do sleep 0.1; done; } | sqlite3 "$DB" >/dev/null &
holder=$!
# SQLite's own checkpoints reuse the log from its start but never shrink the file; huifang's
# (TRUNCATE) empty it, so the file is seen shrinking.
( max=0 prev=0 shrunk=0; while [ ! -e "$T/stop" ]; do
	s=$(stat -c %s "$DB-wal" 2>/dev/null || echo 0); [ "$s" -gt "$max" ] && max=$s
	[ "$s" -lt "$prev" ] && [ "$prev" -ge $((1 << 20)) ] && shrunk=$((shrunk + 1)); prev=$s
	echo "$max $shrunk" >"$T/walmax"; sleep 0.02
  done ) &
sampler=$!
( while [ ! -e "$T/stop" ]; do "$HF" -d "$DB" queue --all >/dev/null 2>>"$T/poll.err"; done ) &
poller=$!
writers=()
for w in $(seq 1 10); do
	( for i in $(seq 1 "$PER"); do
		"$HF" -d "$DB" add customer --name "顾客$w-$i" --phone "$(printf 137%02d%06d "$w" "$i")" \
			--tags "$(printf 'x%.0s' $(seq 1 250))" >/dev/null 2>>"$T/w$w.err" || echo fail >>"$T/fails"
	  done ) &
	writers+=($!)
done
wait "${writers[@]}"
touch "$T/stop"; wait "$sampler" "$poller" "$holder"
n=$(sql "SELECT count(*) FROM customer")
[ "$n" = $((10 * PER)) ] && [ ! -e "$T/fails" ] && ok "10 writers, $((10 * PER)) customers added, none refused" ||
	notok "$n customers of $((10 * PER)); $(cat "$T"/w*.err 2>/dev/null | sort | uniq -c | head -3)"
read -r max shrunk <"$T/walmax"
[ "$shrunk" -gt 0 ] && ok "the log was emptied by huifang's checkpoints ($shrunk times seen)" || notok "the log was never emptied"
[ "$max" -lt $((6 << 20)) ] && ok "the log stayed under 6 MB (at most $((max >> 10)) kB)" || notok "the log reached $((max >> 10)) kB"
[ "$(sql "PRAGMA integrity_check")" = ok ] && ok "integrity_check ok" || notok "integrity_check fails"
hf audit --verify
check_rc "the audit chain is intact" 0
[ ! -s "$T/poll.err" ] && ok "the consoles' reads never failed" || notok "reads failed: $(head -2 "$T/poll.err")"
