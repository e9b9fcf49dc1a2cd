# foundation.sh — init, users, identity, check-config, help and version, opening errors.
. "$(dirname "$0")/lib.sh"

run "$HF" --version;            check_rc "--version exits 0" 0; check_out "--version prints it" '^huifang [0-9]'
run "$HF" --help;               check_rc "--help exits 0" 0
for c in init plan queue log "add customer" "add visit" "show customer" simulate escalations \
         "user add" "user list" "user disable" check-config; do
	check_out "--help lists $c" "^  $c"
done
run "$HF" frobnicate;           check_err "unknown command: exit 2, one line" 2 "frobnicate"
run "$HF" --frob;               check_err "unknown global option: exit 2, one line" 2 "frob"
run "$HF" -d;                   check_err "-d without a file: exit 2" 2 "\-d"
run "$HF" queue --help;         check_rc "queue --help exits 0" 0; check_out "queue --help shows usage" "queue \[--date D\]"

# Opening: missing directory, no database, not a database, newer schema.
run "$HF" -d "$T/nodir/h.db" init
check_err "init in a missing directory: exit 1, one line" 1 "nodir"
[ ! -e "$T/nodir" ] && ok "missing directory not created" || notok "missing directory was created"
run "$HF" -d "$T/none.db" queue
check_err "queue without a database: exit 1" 1 "none.db"
[ ! -e "$T/none.db" ] && ok "no database created by queue" || notok "queue created a database"
printf 'hello, this is not sqlite at all\n' > "$T/text.db"
sum=$(md5sum < "$T/text.db")
run "$HF" -d "$T/text.db" init
check_err "a text file is refused: exit 1" 1 "not a huifang database"
check_eq "the text file is unchanged" "$(md5sum < "$T/text.db")" "$sum"
[ ! -e "$T/text.db-wal" ] && ok "no -wal left next to it" || notok "a -wal file appeared"

hf init;                        check_rc "init creates a database" 0
[ "$(sql 'PRAGMA user_version')" -ge 2 ] && ok "schema version is set" || notok "schema version not set"
check_eq "journal mode is WAL" "$(sql 'PRAGMA journal_mode')" "wal"
check_eq "init makes the invoking login an admin" "$(sql "SELECT role FROM user WHERE login='$ME'")" "admin"
check_out "init says who is admin" "$ME is an admin"
[ "$(sql 'SELECT count(*) FROM script')" -gt 10 ] && ok "init loads the call scripts" || notok "no scripts loaded"
hf init;                        check_rc "init again is harmless" 0
check_eq "still one user" "$(sql 'SELECT count(*) FROM user')" "1"

cp "$DB" "$T/newer.db"; sqlite3 "$T/newer.db" 'PRAGMA user_version = 99'
run "$HF" -d "$T/newer.db" queue
check_err "a newer schema is refused naming both versions" 1 "99.*($(sql 'PRAGMA user_version'))"

# Users.
hf user add li_na --role operator --team postop --name 李娜;  check_rc "user add" 0
hf user add sup_w --role supervisor --team service;          check_rc "user add supervisor" 0
hf user add bad --role king --team postop;                    check_err "unknown role: exit 2" 2 "king"
hf user add x1 --role operator --team nowhere;                check_err "unknown team: exit 2" 2 "nowhere"
hf user add --role operator --team postop;                    check_err "missing login: exit 2" 2 "login"
hf user add 'Bad Name' --role operator --team postop;         check_err "invalid login: exit 2" 2 "Bad Name"
hf user add x2 --role operator;                               check_err "missing team: exit 2" 2 "team"
hf user add x4 --role operator --team postop --name $'王\n芳'; check_err "a name with a newline: exit 2" 2 "name"
HUIFANG_ANY_LOGIN= hf user add hf_nosuch_x9 --role operator --team postop
check_err "a login that is not a Unix account here: exit 2" 2 'hf_nosuch_x9.*not a login on this machine'
check_eq "and it is not added" "$(sql "SELECT count(*) FROM user WHERE login = 'hf_nosuch_x9'")" 0
HUIFANG_ANY_LOGIN= hf user add "$ME" --role admin --team service
check_rc "a real Unix account (the invoking login) is accepted" 0
hf user list --format tsv;                                    check_rc "user list" 0
check_out "user list has a header" "^login	name	role	team	active$"
check_out "user list shows the Chinese name" "^li_na	李娜	operator	postop	yes$"
hf user list --format xml;                                    check_err "bad format: exit 2" 2 "xml"
HUIFANG_AS=li_na hf user add x3 --role operator --team postop
check_err "an operator cannot add users: exit 3" 3 "admin"
HUIFANG_AS=li_na hf user list;                                check_rc "an operator cannot list users" 3
HUIFANG_AS=stranger hf queue
check_err "an unknown login gets the admin's command" 3 "huifang user add stranger --role operator --team <team>"
HUIFANG_AS=stranger hf init;                                  check_rc "a stranger cannot re-init a clinic" 3
hf user disable li_na;                                        check_rc "user disable" 0
HUIFANG_AS=li_na hf queue;                                    check_err "a disabled user is refused" 3 "disabled"
hf user disable "$ME";                                        check_err "cannot disable yourself" 2 "yourself"
hf user disable ghost;                                        check_err "disable an unknown user: exit 2" 2 "ghost"
hf user add li_na --role operator --team postop;              check_rc "user add re-enables" 0
HUIFANG_AS=li_na hf queue;                                    check_rc "re-enabled user works" 0

# The clock.
HUIFANG_NOW="tomorrow" hf queue;                              check_err "a bad HUIFANG_NOW: exit 2" 2 "HUIFANG_NOW"

# check-config.
run "$HF" check-config "$ROOT/data/huifang.conf";             check_rc "the shipped config is valid" 0
run "$HF" check-config;                                       check_rc "built-ins are valid" 0
printf 'calendar = {\n  hours = ["20:00", "09:00"];\n};\ncontact_cap_days = "x";\n' > "$T/bad.conf"
run "$HF" check-config "$T/bad.conf"
check_rc "a bad config: exit 2" 2
printf '%s\n' "$ERR" | grep -q "bad.conf:2:" && ok "hours error names line 2" || notok "no bad.conf:2: in: $ERR"
printf '%s\n' "$ERR" | grep -q "bad.conf:4:" && ok "type error names line 4" || notok "no bad.conf:4: in: $ERR"
run "$HF" check-config "$T/missing.conf";                     check_rc "a missing config file: exit 2" 2
run "$HF" -c "$T/bad.conf" -d "$DB" queue;                    check_err "commands refuse a bad config" 2 "bad.conf:"

# Audit rows are chained.
n=$(sql "SELECT count(*) FROM audit a JOIN audit b ON b.id = a.id + 1 WHERE b.prev_hash <> a.hash")
check_eq "audit hash chain links every row" "$n" "0"

# The audit trail and its verification.
hf audit --verify;                                            check_rc "audit --verify on an intact trail" 0
check_out "it says how many rows it checked" "intact: [0-9]+ rows"
hf audit --format tsv;                                        check_out "audit lists user changes" "	user-add	"
HUIFANG_AS=li_na hf audit --verify;                           check_rc "operators cannot read the audit trail" 3
check_eq "user changes name the user" "$(sql "SELECT detail FROM audit WHERE action = 'user-add' AND detail LIKE 'login=li_na %'")" \
	"login=li_na role=operator team=postop"
sql "UPDATE audit SET detail = 'login=li_na role=admin team=postop' WHERE action = 'user-add' AND detail LIKE 'login=li_na %'"
bad=$(sql "SELECT min(id) FROM audit WHERE detail = 'login=li_na role=admin team=postop'")
hf audit --verify;                                            check_err "a changed row is found" 1 "row $bad"

# The database is the group's and nobody else's.
perm=$(stat -c %a "$DB")
check_eq "the database file is 0660" "$perm" "660"

# backup: a consistent copy, admins only, never over an existing file.
hf backup "$T/copy.db";                                       check_rc "backup" 0
check_eq "the copy is a whole database" "$(sqlite3 "$T/copy.db" 'PRAGMA integrity_check')" "ok"
check_eq "the copy has the users" "$(sqlite3 "$T/copy.db" 'SELECT count(*) FROM user')" "$(sql 'SELECT count(*) FROM user')"
hf backup "$T/copy.db";                                       check_err "backup over an existing file: exit 1" 1 "exists"
hf backup "$T/nodir/copy.db";                                 check_err "backup into a missing directory: exit 1" 1 "nodir"
HUIFANG_AS=li_na hf backup "$T/op.db";                        check_rc "operators cannot back up" 3
[ ! -e "$T/op.db" ] && ok "a refused backup writes nothing" || notok "a refused backup wrote a file"
hf backup;                                                    check_err "backup without a file: exit 2" 2 "FILE"

# An error repeating a value with a newline in it is still one line.
hf queue --format $'tab\nle';                                 check_err "a newline in a bad value: still one line" 2 "format"
