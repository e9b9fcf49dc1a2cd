# restore.sh — huifang restore: a backup taken while another process logs calls is checked
# (integrity, audit chain) and put back whole; claims held by consoles stop it unless --force.
. "$(dirname "$0")/lib.sh"

# Another process logs every task while the backup is taken.
clinic_logging 40
hf backup "$T/b.db"
check_rc "a backup while calls are being logged" 0
wait "$LOOP"
live=$(sql "SELECT count(*) FROM call")
backed=$(sqlite3 "$T/b.db" "SELECT count(*) FROM call")
[ "$backed" -ge 5 ] && [ "$backed" -le "$live" ] && ok "the backup holds the calls logged before it ($backed of $live)" \
	|| notok "backup calls $backed, live $live"
check_eq "the backup is consistent: every call closed its task" \
	"$(sqlite3 "$T/b.db" "SELECT count(*) FROM task WHERE status='done'")" "$backed"
ls "$T"/b.db-* >/dev/null 2>&1 && notok "the backup has -wal/-shm files beside it" || ok "the backup stands alone"

# Claims held by a console stop a restore.
task=$(sql "SELECT id FROM task WHERE status='open' LIMIT 1")
[ -z "$task" ] && task=$(sql "SELECT id FROM task LIMIT 1")
sql "UPDATE task SET claimed_by='op_a', claimed_until='2026-11-23 09:40' WHERE id=$task"
before=$(fingerprint)
hf restore "$T/b.db"
check_err "claims held: refused" 1 "open in consoles (op_a)"
check_eq "a refused restore changes nothing" "$(fingerprint)" "$before"

hf restore "$T/b.db" --force
check_rc "restore --force" 0
check_out "it says the audit trail is whole" "restored into .*audit trail of [0-9]+ rows is whole"
check_eq "the calls are the backup's" "$(sql "SELECT count(*) FROM call")" "$backed"
check_eq "integrity after the restore" "$(sql 'PRAGMA integrity_check')" "ok"
hf audit --verify
check_rc "the restored audit chain verifies, with the restore on it" 0
check_eq "the restore is audited last, with what it replaced" \
	"$(sql "SELECT action || ' ' || (detail LIKE '%replaced_rows=%forced') FROM audit ORDER BY id DESC LIMIT 1")" "restore 1"
check_eq "no -wal/-shm left beside the backup by reading it" "$(ls "$T"/b.db-* 2>/dev/null | wc -l)" "0"
# Logging goes on in the restored database.
left=$(sql "SELECT id FROM task WHERE status='open' ORDER BY id LIMIT 1")
HUIFANG_AS=op_a hf log "$left" --outcome reached --score 4
check_rc "logging goes on after the restore" 0

# Refusals: a changed audit trail, a file that is not a database, no file, the wrong role.
cp "$T/b.db" "$T/t.db"
sqlite3 "$T/t.db" "UPDATE audit SET detail = 'changed' WHERE id = 2"
before=$(fingerprint)
hf restore "$T/t.db"
check_err "a backup whose audit trail was changed is refused" 2 "audit trail does not prove its data: audit row 2 "
echo junk >"$T/j.db"
hf restore "$T/j.db"
check_err "a file that is not a database is refused" 2 "not a huifang backup"
printf 'SQLite format 3\0garbage' >"$T/g.db"
hf restore "$T/g.db"
check_rc "a damaged database is refused" 2
hf restore "$T/none.db"
check_err "a missing backup" 2 "cannot open"
hf restore
check_err "restore needs a file" 2 "which backup"
HUIFANG_AS=op_a hf restore "$T/b.db"
check_rc "operators may not restore" 3
check_eq "refused restores change nothing" "$(fingerprint)" "$before"
