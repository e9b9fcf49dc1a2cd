# service.sh — every change through one use case with its audit row, the layering, and one clock.
. "$(dirname "$0")/lib.sh"

# Every timestamp comes from the clock HUIFANG_NOW pins, none from SQLite's.
hits=$(grep -rniE "(date|time|datetime|julianday|strftime|unixepoch)\\(['\"]now|current_(timestamp|date|time)" \
	"$ROOT/src" "$ROOT/include")
check_eq "no SQL reads the system clock" "$hits" ""

# What the pinned clock says is what is written.
hf init >/dev/null
hf user add op_a --role operator --team postop
check_eq "a user's creation time is the pinned clock" \
	"$(sql "SELECT created_at FROM user WHERE login = 'op_a'")" "2026-11-23 09:30"
check_eq "the first admin's too" "$(sql "SELECT created_at FROM user WHERE login = '$ME'")" "2026-11-23 09:30"
hf add customer --name 张晓梅 --phone 13800001234
C1=$OUT
HUIFANG_NOW="2026-11-23 10:05" hf add visit "$C1" --kind surgery --date 2026-11-22
check_eq "a visit's record time is the pinned clock" \
	"$(sql "SELECT created_at FROM visit WHERE customer_id = $C1")" "2026-11-23 10:05"
HUIFANG_NOW="2026-11-24 08:00" hf user add op_a --role operator --team consult
check_eq "changing a user keeps when it was added" \
	"$(sql "SELECT created_at FROM user WHERE login = 'op_a'")" "2026-11-23 09:30"

# Disabling a user: one transaction that disables, returns their open tasks to the pool, audits.
T1=$(sql "SELECT min(id) FROM task WHERE customer_id = $C1 AND status = 'open'")
sql "UPDATE task SET owner = 'op_a', team = 'consult' WHERE customer_id = $C1"
sql "UPDATE task SET status = 'done' WHERE id = $T1"
hf user disable op_a;                                         check_rc "user disable" 0
check_eq "the user is disabled" "$(sql "SELECT active FROM user WHERE login = 'op_a'")" "0"
check_eq "their open tasks went back to the pool" \
	"$(sql "SELECT count(*) FROM task WHERE owner = 'op_a' AND status = 'open'")" "0"
check_eq "their finished tasks keep their owner" "$(sql "SELECT owner FROM task WHERE id = $T1")" "op_a"
check_eq "disabling is audited" \
	"$(sql "SELECT login || ' ' || entity || ' ' || detail FROM audit WHERE action = 'user-disable'")" \
	"$ME user login=op_a"

# Lifting do-not-call: the flag and its audit row, together.
sql "UPDATE customer SET do_not_call = 1 WHERE id = $C1"
hf lift-dnc "$C1" --note "顾客来电要求恢复回访";              check_rc "lift-dnc" 0
check_eq "the flag is lifted" "$(sql "SELECT do_not_call FROM customer WHERE id = $C1")" "0"
check_eq "lifting is audited with its reason" \
	"$(sql "SELECT entity_id || ' ' || detail FROM audit WHERE action = 'lift-dnc'")" "$C1 顾客来电要求恢复回访"
hf lift-dnc 4242 --note x;                                    check_err "lift-dnc on a missing customer: exit 2" 2 "4242"

# A backup and a view are audited once each.
hf backup "$T/copy.db";                                       check_rc "backup" 0
check_eq "the backup is audited with its file" \
	"$(sql "SELECT detail FROM audit WHERE action = 'backup'")" "$T/copy.db"
hf show customer "$C1";                                       check_rc "show customer" 0
check_eq "a view from the command line is audited once, without a detail" \
	"$(sql "SELECT count(*) || ':' || max(detail) FROM audit WHERE action LIKE 'view%' AND entity_id = $C1")" "1:"

# The audit listing shows the rows as they are stored.
hf audit --format tsv --limit 3
check_eq "audit --format tsv lists the newest rows as stored" "$OUT" \
	"$(printf 'id\tat\tlogin\taction\tentity\tentity_id\tdetail\n'; sqlite3 -separator $'\t' "$DB" \
	  "SELECT * FROM (SELECT id, at, login, action, entity, coalesce(entity_id, ''), detail FROM audit
	   ORDER BY id DESC LIMIT 3) ORDER BY id")"

# A failed read is an error (exit 1 with SQLite's message), never an empty list or "no such".
# break_table NAME: a copy of the clinic whose table NAME cannot be read (every read of it fails).
break_table() {
	cp "$DB" "$T/broken.db"
	sqlite3 "$T/broken.db" "PRAGMA legacy_alter_table = ON; ALTER TABLE $1 RENAME TO $1_kept;
	  CREATE VIEW $1 AS SELECT * FROM $1_kept WHERE abs(-9223372036854775807 - 1);"
}
hfb() { run "$HF" -d "$T/broken.db" "$@"; }
hf queue --all --format tsv;                                  check_rc "the queue reads" 0
break_table task
hfb queue --all --format tsv;                                 check_err "an unreadable queue: exit 1" 1 "integer overflow"
check_eq "and no listing is printed" "$OUT" ""
T2=$(sql "SELECT min(id) FROM task WHERE status = 'open'")
hfb log "$T2" --outcome reached;                              check_err "an unreadable task: exit 1, not 'no task'" 1 "integer overflow"
hfb plan;                                                     check_err "planning over an unreadable task table: exit 1" 1 "integer overflow"
break_table call
hfb show customer "$C1";                                      check_err "an unreadable call history: exit 1" 1 "integer overflow"
check_eq "and no half card is printed" "$OUT" ""
break_table escalation
hfb escalations --all;                                        check_err "unreadable escalations: exit 1" 1 "integer overflow"
break_table visit
hfb show customer "$C1";                                      check_err "unreadable visits: exit 1" 1 "integer overflow"
break_table audit
hfb audit;                                                    check_err "an unreadable audit trail: exit 1" 1 "integer overflow"
hfb audit --verify;                                           check_err "an unreadable trail is not called intact" 1 "integer overflow"
break_table customer
hfb lift-dnc "$C1" --note x;                                  check_err "an unreadable customer: exit 1, not 'no customer'" 1 "integer overflow"
check_eq "a failed read writes nothing" "$(sqlite3 "$T/broken.db" "SELECT count(*) FROM audit WHERE action = 'lift-dnc'")" \
	"$(sql "SELECT count(*) FROM audit WHERE action = 'lift-dnc'")"
break_table user
hfb queue;                                                    check_err "an unreadable user table: exit 1" 1 "integer overflow"
