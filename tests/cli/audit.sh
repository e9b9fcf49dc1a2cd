# audit.sh — the audit trail proves the data: each way of tampering with the file is found by
# `audit --verify`, which names the first bad audit row and what differs.
. "$(dirname "$0")/lib.sh"

hf init --demo >/dev/null
# A day of calls by two operators, and the next morning's plan.
for who in op_li op_chen; do
	team=$(sql "SELECT team FROM user WHERE login = '$who'")
	for id in $(sql "SELECT id FROM task WHERE status = 'open' AND team = '$team' AND due_date <= '2026-11-23'
	                 AND owner IN ('', '$who') ORDER BY id LIMIT 6"); do
		HUIFANG_AS=$who hf log "$id" --outcome reached --score 4 --note "恢复良好"
	done
done
check_eq "a day of calls was logged" "$(sql "SELECT count(*) FROM call WHERE started_at >= '2026-11-23'")" 12
HUIFANG_NOW="2026-11-24 08:00" hf plan;                 check_rc "the next day's plan" 0
hf audit --verify
check_rc "an untampered clinic verifies after a demo init and a day of calls" 0
check_out "it says how much it checked" "intact: [0-9]+ rows, [0-9]+ written rows"
check_eq "every audit row since the schema has a digest" "$(sql "SELECT count(*) FROM audit WHERE digest IS NULL")" 0
[ "$(sql "SELECT count(*) FROM audit_row WHERE entity = 'call'")" -ge "$(sql "SELECT count(*) FROM call")" ] &&
	ok "every call is recorded by an audit row" || notok "calls without a record"

cp "$DB" "$T/base.db"
# tamper NAME SQL: a fresh copy of the clinic with SQL applied, then audit --verify on it.
tamper() {
	cp "$T/base.db" "$T/w.db"
	rm -f "$T/w.db-wal" "$T/w.db-shm"
	sqlite3 "$T/w.db" "$1"
	run "$HF" -d "$T/w.db" audit --verify
}
w() { sqlite3 "$T/w.db" "$1"; }
b() { sqlite3 "$T/base.db" "$1"; }

# A logged call, the audit row that wrote it, and its task.
CALL=$(b "SELECT max(id) FROM call WHERE operator = 'op_li'")
LOG=$(b "SELECT max(audit_id) FROM audit_row WHERE entity = 'call' AND row_key = '$CALL'")
TASK=$(b "SELECT task_id FROM call WHERE id = $CALL")
TLOG=$(b "SELECT max(audit_id) FROM audit_row WHERE entity = 'task' AND row_key = '$TASK'")
CUST=$(b "SELECT customer_id FROM call WHERE id = $CALL")
CLOG=$(b "SELECT max(audit_id) FROM audit_row WHERE entity = 'customer' AND row_key = '$CUST'")
MID=$(b "SELECT id FROM audit WHERE action = 'log' ORDER BY id LIMIT 1 OFFSET 20")
LAST=$(b "SELECT max(id) FROM audit")

tamper "UPDATE audit SET detail = 'task=1 outcome=reached score=5' WHERE id = $MID"
check_err "a changed audit row is named" 1 "audit row $MID (log, call [0-9]*): it was changed"
tamper "UPDATE audit SET login = 'op_wang' WHERE id = $LOG"
check_err "a changed login is named" 1 "audit row $LOG (log, call $CALL): it was changed"
tamper "DELETE FROM audit WHERE id = $MID"
check_err "a deleted audit row is named" 1 "audit row $MID is missing"
tamper "DELETE FROM audit WHERE id = $MID; DELETE FROM audit_row WHERE audit_id = $MID"
check_err "a deleted audit row and its record are named" 1 "audit row $MID is missing"
tamper "UPDATE audit SET id = -1 WHERE id = $MID; UPDATE audit SET id = $MID WHERE id = $MID + 1;
        UPDATE audit SET id = $MID + 1 WHERE id = -1"
check_err "two audit rows swapped are named" 1 "audit row $MID "
tamper "UPDATE audit SET digest = NULL WHERE id = $MID"
check_err "a removed digest is named" 1 "audit row $MID (log, call [0-9]*): its digest"
tamper "UPDATE audit_row SET digest = '0000' WHERE audit_id = $MID AND entity = 'call'"
check_err "a changed record of the rows written is named" 1 "audit row $MID (log, call [0-9]*): its record"

# The tail: the last rows cut, with or without their records, or the whole trail.
tamper "DELETE FROM audit WHERE id > $LOG - 1"
check_err "the last rows cut are found" 1 "audit row $LOG and any rows after it were removed"
tamper "DELETE FROM audit WHERE id >= $LOG; DELETE FROM audit_row WHERE audit_id >= $LOG"
check_err "the last rows cut with their records: the call they wrote has no audit row" 1 \
	"was written without an audit row"
tamper "DELETE FROM audit"
check_err "every audit row deleted is found" 1 "audit row 1 and any rows after it were removed"
tamper "DELETE FROM audit; DELETE FROM audit_row"
check_err "the whole trail and its records deleted is found" 1 "the audit trail is empty"

# The data the trail recorded.
tamper "UPDATE call SET score = 1 WHERE id = $CALL"
check_err "a changed score is named" 1 "audit row $LOG (log, call $CALL): call $CALL: its score differs"
tamper "UPDATE call SET note = '态度很差' WHERE id = $CALL"
check_err "a changed note is named" 1 "audit row $LOG (log, call $CALL): call $CALL: its note differs"
tamper "DELETE FROM call WHERE id = $CALL"
check_err "a deleted call is named" 1 "audit row $LOG (log, call $CALL): call $CALL is missing"
tamper "UPDATE task SET status = 'open' WHERE id = $TASK"
check_err "a reopened task is named" 1 "audit row $TLOG (.*): task $TASK: its status differs"
tamper "UPDATE customer SET phone = '13900000000' WHERE id = $CUST"
check_err "a changed customer is named" 1 "audit row $CLOG (.*): customer $CUST: its phone differs"
tamper "UPDATE user SET role = 'admin' WHERE login = 'op_li'"
check_err "a user made admin behind the trail's back is named" 1 "user op_li: its role differs"
E=$(b "SELECT max(id) FROM escalation")
tamper "UPDATE escalation SET status = 'resolved' WHERE id = $E"
check_err "a resolved escalation is named" 1 "escalation $E: its status differs"
tamper "INSERT INTO call(task_id, customer_id, operator, started_at, ended_at, outcome, score)
        VALUES ($TASK, $CUST, 'op_li', '2026-11-23 10:00', '2026-11-23 10:05', 'reached', 5)"
check_err "a call added behind the trail's back is named" 1 "call [0-9]* was written without an audit row"
# Re-chained after a change: every record, digest and hash recomputed, as anyone who can
# write the file can do. Whole again without an anchor kept elsewhere.
tamper "UPDATE call SET score = 1 WHERE id = $CALL"
python3 "$ROOT/tests/cli/rechain.py" "$T/w.db"
run "$HF" -d "$T/w.db" audit --verify
check_rc "a re-chained trail is whole again in itself (the rechaining is faithful)" 0
# A claim's lease is not a change of record.
tamper "UPDATE task SET claimed_by = 'op_li', claimed_until = '2026-11-23 10:00' WHERE id = $TASK"
check_rc "a claim's lease left behind is not tampering" 0

# A database from before the digests: its rows are marked as having none, and still verify.
cp "$T/base.db" "$T/old.db"
# (and before version 9's change counters, version 10's dimension scores and version 12's
# queue revisions)
sqlite3 "$T/old.db" "SELECT 'DROP TRIGGER ' || name || ';' FROM sqlite_master WHERE type = 'trigger'
                     AND (name LIKE '%scope%' OR name LIKE '%queue%')" | sqlite3 "$T/old.db"
sqlite3 "$T/old.db" "DROP TABLE queue_change; DROP INDEX task_due; DROP INDEX call_started; DROP INDEX escalation_raised;
                     DROP INDEX escalation_resolved; DROP TABLE scope_change; DROP TABLE call_score; DROP TABLE audit_row; ALTER TABLE audit DROP COLUMN digest;
                     DELETE FROM meta WHERE key LIKE 'audit_rows_after.%'; PRAGMA user_version = 7"
python3 "$ROOT/tests/cli/rechain.py" "$T/old.db" --old
run "$HF" -d "$T/old.db" init;                         check_rc "an older clinic is migrated" 0
check_eq "its earlier rows have no digest" \
	"$(sqlite3 "$T/old.db" "SELECT count(*) FROM audit WHERE digest IS NULL")" "$(b "SELECT count(*) FROM audit")"
run "$HF" -d "$T/old.db" audit --verify;               check_rc "an older clinic verifies after migration" 0
HUIFANG_AS=op_li run "$HF" -d "$T/old.db" log "$(sqlite3 "$T/old.db" "SELECT id FROM task WHERE status = 'open' AND team = 'postop' ORDER BY id LIMIT 1")" \
	--outcome reached --score 5
check_rc "a call on the migrated clinic" 0
sqlite3 "$T/old.db" "UPDATE call SET score = 2 WHERE id = (SELECT max(id) FROM call)"
run "$HF" -d "$T/old.db" audit --verify
check_err "a call logged after the migration is proven" 1 "its score differs"

# ---- anchors ---------------------------------------------------------------------------------
hf audit anchor;                                        check_rc "audit anchor" 0
check_out "it prints the head in one line" "^huifang-anchor rows=[0-9]+ hash=[0-9a-f]{64} at=2026-11-23T09:30 event=admin db=/"
check_eq "its row count is the trail's" "$(printf '%s' "$OUT" | sed 's/.*rows=\([0-9]*\).*/\1/')" "$(sql "SELECT count(*) FROM audit")"
printf '%s\n' "$OUT" >"$T/kept1"
HEAD1=$(printf '%s' "$OUT" | sed 's/.*hash=\([0-9a-f]*\).*/\1/')
HUIFANG_AS=op_li hf audit anchor;                       check_rc "operators get no anchor" 3
# Two rows that write no data (exports), then a second anchor.
hf export customers "$T/e1.csv"
hf export customers "$T/e2.csv"
hf audit anchor
printf '%s\n' "$OUT" >>"$T/kept1"
printf 'Nov 23 09:30:02 clinic huifang[4242]: %s\n' "$(sed 's/event=admin/event=plan/' "$T/kept1")" >"$T/syslog"
printf 'Nov 23 09:30:03 clinic huifang[4243]: huifang-anchor rows=3 hash=%s at=2026-11-23T09:30 event=plan db=/elsewhere/other.db\n' \
	"$(printf '0%.0s' $(seq 64))" >>"$T/syslog"
hf audit --verify --anchor "$T/kept1" --log "$T/syslog"
check_rc "kept and logged anchors match an untampered trail" 0
check_out "the kept anchors are counted" "anchors: 2 kept anchors match"
check_out "the logged anchors of this database are checked, another's left out" "system log \(.*syslog\): 2 anchors match"
hf audit --verify --anchor "$HEAD1";                    check_rc "a bare hash kept matches" 0
hf audit --anchor "$T/kept1";                           check_err "--anchor without --verify" 2 "\-\-verify"
hf audit --verify --anchor "$T/nothing";                check_err "--anchor that is neither a file nor a hash" 2 "neither"
hf audit --verify --anchor "$T/e1.csv";                 check_err "--anchor of a file without anchors" 2 "no anchor"
cp "$DB" "$T/base2.db"

# rechained SQL ["as it is"]: tamper with a copy of this clinic, re-chain it (unless the
# chain is whole as it is), and verify it without anchors.
rechained() {
	cp "$T/base2.db" "$T/w.db"
	rm -f "$T/w.db-wal" "$T/w.db-shm"
	sqlite3 "$T/w.db" "$1"
	[ "${2:-}" = "as it is" ] || python3 "$ROOT/tests/cli/rechain.py" "$T/w.db"
	run "$HF" -d "$T/w.db" audit --verify
}
R2=$(sed -n 2p "$T/kept1" | sed 's/.*rows=\([0-9]*\).*/\1/')
rechained "DELETE FROM audit WHERE id > $R2 - 2" "as it is"
check_rc "the last rows cut (they wrote no data) pass a check without anchors" 0
run "$HF" -d "$T/w.db" audit --verify --anchor "$T/kept1"
check_err "... and are found with the kept anchor" 1 "kept1:2: the anchor of 2026-11-23T09:30 says $R2 audit rows, the trail has fewer"
rechained "UPDATE call SET score = 1 WHERE id = $CALL"
check_rc "a changed score, re-chained, passes a check without anchors" 0
run "$HF" -d "$T/w.db" audit --verify --anchor "$T/kept1"
check_err "... and is found with the kept anchors" 1 "kept1:1: audit row [0-9]* differs from the anchor"
run "$HF" -d "$T/w.db" audit --verify --anchor "$HEAD1"
check_err "... and with a bare hash kept" 1 "no audit row has the anchored hash ${HEAD1:0:16}"
cp "$T/syslog" "$T/w.syslog"; sed -i "s|db=$(realpath "$DB")|db=$(realpath "$T/w.db")|" "$T/w.syslog"
run "$HF" -d "$T/w.db" audit --verify --log "$T/w.syslog"
check_err "... and with the anchors in the system log" 1 "w.syslog:1: audit row [0-9]* differs from the anchor"
rechained "DELETE FROM audit_row; DELETE FROM audit; DELETE FROM call; DELETE FROM escalation_step;
           DELETE FROM escalation; DELETE FROM task; DELETE FROM visit; DELETE FROM customer"
run "$HF" -d "$T/w.db" audit --verify --anchor "$T/kept1"
check_err "a clinic emptied with its trail is found with the kept anchors" 1 "the audit trail is empty"
# A restore starts a new trail: the anchors logged before it are not checked.
printf 'Nov 24 08:00:00 clinic huifang[4250]: huifang-anchor rows=%s hash=%s at=2026-11-24T08:00 event=restore db=%s\n' \
	"$(sql "SELECT count(*) FROM audit")" "$(sql "SELECT hash FROM audit ORDER BY id DESC LIMIT 1")" "$(realpath "$DB")" >>"$T/syslog"
hf audit --verify --log "$T/syslog"
check_out "anchors before a restore are not checked" "1 anchors since the last restore match the trail \(2 before it not checked\)"
hf audit --verify --log "$T/nolog"
check_err "--log of a missing file" 2 "nolog"
