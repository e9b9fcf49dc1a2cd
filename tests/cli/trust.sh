# trust.sh — attacks a hostile local login would try on a setgid install, each one now failing.
# Needs root: it makes its own group and logins (removed again), installs setgid into a
# temporary prefix and, in a private mount namespace, gives it a /var/lib of its own.
. "$(dirname "$0")/lib.sh"
. "$ROOT/tests/setgid.sh"
setgid_enter trust
unset HUIFANG_NOW
G="hft$$" D=
OPA="hfa$$" OPB="hfb$$" SUP="hfs$$" ADM="hfd$$" HELD= SYSLOGD=
groupadd "$G" || { echo "not ok - groupadd $G"; exit 1; }
cleanup() {
	# The programs the locks' attacks left holding the database (by their ids).
	for p in $HELD; do kill -CONT "$p"; kill -KILL "$p"; done 2>/dev/null
	# The system logger the anchors' attacks stood in for, and its socket.
	if [ -n "$SYSLOGD" ]; then kill "$SYSLOGD"; rm -f /dev/log; fi 2>/dev/null
	for u in "$OPA" "$OPB" "$SUP" "$ADM"; do userdel "$u" >/dev/null 2>&1; done
	groupdel "$G" >/dev/null 2>&1
	rm -rf "$T" "$D"
}
trap cleanup EXIT
for u in "$OPA" "$OPB" "$SUP" "$ADM"; do useradd -M -N -g users -s /bin/sh "$u"; done
setgid_install "$G" || { echo "not ok - make install: $MAKE_SAID"; exit 1; }
[ -g "$BIN" ] && ok "installed setgid $G" || notok "the installed program is not setgid"
SHANGHAI() { TZ=Asia/Shanghai date -d "@$1" '+%Y-%m-%d %H:%M'; }

# as LOGIN ARGS...: run the installed program as that login, with the environment given.
as() { local who=$1; shift; run runuser -u "$who" -- env "$@"; }
DBF=/var/lib/huifang/huifang.db
q() { sqlite3 "$DBF" "$1"; }

## No first-come admin ---------------------------------------------------------------------
as "$OPA" "$BIN" init
check_err "a login that runs init first on no database is refused" 3 'only root'
[ ! -e "$DBF" ] && ok "and no database file was made" || notok "init by $OPA left $(ls -l "$DBF")"
: >"$DBF"; chgrp "$G" "$DBF"; chmod 660 "$DBF"
as "$OPA" "$BIN" init
check_err "a login that runs init first on a zero-length database is refused" 3 'only root'
check_eq "the zero-length file stays empty" "$(stat -c %s "$DBF")" "0"
rm -f "$DBF"
run "$HF" -d "$T/named.db" init --admin "$SUP"
check_rc "init --admin names the first admin" 0
check_eq "the named login is the only admin" "$(sqlite3 "$T/named.db" "SELECT group_concat(login) FROM user WHERE role='admin'")" "$SUP"
run "$HF" -d "$T/named.db" init --admin "$OPB"
check_err "--admin on a clinic with users is refused" 2 'first admin'

run "$BIN" init
check_rc "root makes the clinic's database (the install finds its call scripts under its prefix)" 0
if locale -a 2>/dev/null | grep -qi '^zh_CN.utf-\?8$'; then
	run env LANG=zh_CN.UTF-8 LC_ALL=zh_CN.UTF-8 "$BIN" --help
	check_out "the install finds its translations under its prefix" '回访'
fi
for u in "$OPA:operator:service" "$OPB:operator:consult" "$SUP:supervisor:service"; do
	IFS=: read -r l r t <<<"$u"
	run "$BIN" user add "$l" --role "$r" --team "$t"
	check_rc "root adds $l ($r)" 0
done

## The clock ------------------------------------------------------------------------------
# An operator's TZ must not move the stamps: the clinic's zone (Asia/Shanghai) decides.
before=$(date +%s)
as "$OPA" TZ=XXX+24 "$BIN" plan
after=$(date +%s)
check_rc "an operator plans with TZ=XXX+24" 0
at=$(q "SELECT at FROM audit WHERE action='plan' ORDER BY id DESC LIMIT 1")
if [ "$at" = "$(SHANGHAI "$before")" ] || [ "$at" = "$(SHANGHAI "$after")" ]; then
	ok "TZ is ignored: the plan is stamped in the clinic's time zone ($at)"
else
	notok "the plan was stamped $at, not $(SHANGHAI "$before") (Asia/Shanghai)"
fi
# ... nor the day planned: the clinic's day is the one recorded (TZ=XXX+24 is 32 hours behind
# Asia/Shanghai, so its day is always another).
DAYS="$(TZ=Asia/Shanghai date -d "@$before" +%F) $(TZ=Asia/Shanghai date -d "@$after" +%F)"
last=$(q "SELECT value FROM meta WHERE key = 'last_plan'")
case " $DAYS " in *" $last "*) ok "TZ=XXX+24 plans the clinic's day ($last), not another" ;;
	*) notok "TZ=XXX+24 planned $last, not the clinic's day ($DAYS)" ;; esac
detail=$(q "SELECT detail FROM audit WHERE action = 'plan' ORDER BY id DESC LIMIT 1")
case "$detail" in "day=$last "*) ok "... and its audit row says that day" ;;
	*) notok "the plan's audit row says '$detail', not day=$last" ;; esac
as "$OPA" TZ=XXX-24 HUIFANG_NOW="2020-01-01 08:00" "$BIN" plan
at=$(q "SELECT at FROM audit WHERE action='plan' ORDER BY id DESC LIMIT 1")
case "$at" in 2020-*) notok "a privileged run took HUIFANG_NOW ($at)" ;;
	*) ok "a privileged run ignores HUIFANG_NOW" ;; esac

# A zone the system does not know is refused, naming it.
printf 'clinic = { timezone = "Mars/Olympus"; };\n' >"$T/mars.conf"
run "$HF" check-config "$T/mars.conf"
if [ "$RC" -eq 2 ] && printf '%s' "$ERR$OUT" | grep -q 'Mars/Olympus'; then
	ok "check-config refuses the time zone Mars/Olympus"
else notok "Mars/Olympus: status $RC: ${ERR:0:200}${OUT:0:200}"; fi
run "$HF" -c "$T/mars.conf" -d "$T/x.db" queue
check_err "a command refuses the time zone Mars/Olympus" 2 'Mars/Olympus'

# A clock set back behind the last recorded event is refused, naming both times.
cp "$DBF" "$T/keep.db"
q "UPDATE audit SET at='2099-05-01 10:00' WHERE id=(SELECT max(id) FROM audit)"
sum=$(q "SELECT count(*), max(id) FROM audit")
as "$OPA" "$BIN" plan
if [ "$RC" -eq 1 ] && printf '%s' "$ERR" | grep -q '2099-05-01 10:00' &&
	printf '%s' "$ERR" | grep -q "$(SHANGHAI "$(date +%s)" | cut -c1-10)"; then
	ok "a clock behind the last event is refused, naming both times"
else notok "clock behind: status $RC: ${ERR:0:300}"; fi
check_eq "nothing was written on a clock behind" "$(q "SELECT count(*), max(id) FROM audit")" "$sum"
cp "$T/keep.db" "$DBF"

## Least privilege ------------------------------------------------------------------------
TODAY=$(TZ=Asia/Shanghai date +%F)
run "$BIN" add customer --name 王芳 --phone 13800135678
check_rc "root adds a customer" 0
CID=$OUT
run "$BIN" add visit "$CID" --kind discharge --date "$TODAY" --team consult
check_rc "root adds a visit for the consult team" 0
as "$OPA" "$BIN" show customer "$CID"
check_err "an operator of another team cannot read the card" 3 "$CID"
case "$OUT" in *王芳*|*5678*) notok "the refused card was printed" ;; *) ok "nothing of the card is printed" ;; esac
as "$OPB" "$BIN" show customer "$CID"
check_rc "an operator of the customer's team reads the card" 0
case "$OUT" in *13800135678*) notok "the operator's card shows the whole number" ;;
	*138\*\*\*\*5678*) ok "... with the number masked to the digits shown" ;;
	*) notok "the operator's card has no masked number: ${OUT:0:300}" ;; esac
as "$OPA" "$BIN" queue --team consult
check_rc "an operator cannot list another team's queue" 3
visits=$(q "SELECT count(*) FROM visit")
as "$OPA" "$BIN" add visit "$CID" --kind discharge --date "$TODAY" --team consult
check_err "an operator cannot add a visit into another team's queue" 3 'consult'
check_eq "no visit was added" "$(q "SELECT count(*) FROM visit")" "$visits"
as "$OPA" "$BIN" add visit "$CID" --kind discharge --date "$TODAY" --team service
check_rc "an operator adds a visit for their own team" 0
# The clinic may let operators read every team's cards (an unprivileged run, as that login).
cp "$DBF" "$T/copy.db"
printf 'console = { operators_read_other_teams = true; };\n' >"$T/allow.conf"
sqlite3 "$T/copy.db" "DELETE FROM task WHERE customer_id=$CID AND team='service'"
run env HUIFANG_AS="$OPA" "$HF" -d "$T/copy.db" show customer "$CID"
check_rc "without the setting the other team's card stays refused" 3
run env HUIFANG_AS="$OPA" "$HF" -c "$T/allow.conf" -d "$T/copy.db" show customer "$CID"
check_rc "console.operators_read_other_teams lets operators read it" 0

# Another program's SQLite file is never changed: only huifang's own are opened.
sqlite3 "$T/other.db" "CREATE TABLE notes(t TEXT); INSERT INTO notes VALUES ('mine')"
sum=$(md5sum <"$T/other.db")
for cmd in queue plan init; do
	run "$HF" -d "$T/other.db" $cmd
	check_err "$cmd refuses another program's SQLite file" 1 "another program"
done
check_eq "the foreign file is unchanged" "$(md5sum <"$T/other.db")" "$sum"
[ ! -e "$T/other.db-wal" ] && ok "no -wal beside it" || notok "a -wal file appeared beside it"
sqlite3 "$T/app.db" "PRAGMA application_id = 1234; CREATE TABLE audit(x)"
run "$HF" -d "$T/app.db" init
check_err "a file with another application_id is refused" 1 "another program"
check_eq "huifang's own database carries its application_id" "$(q 'PRAGMA application_id')" "1215654214"

## Honest errors ---------------------------------------------------------------------------
# The disk's and the directory's troubles are named as such, never "not a huifang database".
mkdir "$D/ro"
cp "$DBF" "$D/ro/c.db"
chmod 666 "$D/ro/c.db"
as "$OPA" "$HF" -d "$D/ro/c.db" queue
check_err "a directory the login cannot write in is named as such" 1 'directory .* is read-only for this user'
cp "$DBF" "$D/mine.db"; chmod 600 "$D/mine.db"
as "$OPA" "$HF" -d "$D/mine.db" queue
check_err "a file the login may not open says permission denied" 1 'Permission denied'
mkdir "$D/full"
mount -t tmpfs -o size=1m tmpfs "$D/full"
cp "$DBF" "$D/full/c.db" 2>/dev/null
if [ "$(stat -c %s "$DBF")" -lt 700000 ]; then
	dd if=/dev/zero of="$D/full/fill" bs=4k >/dev/null 2>&1
	run "$HF" -d "$D/full/c.db" queue
	check_err "a full disk is named as such" 1 'the disk is full'
	run "$HF" -d "$D/full/new.db" init
	check_err "... also when making a database" 1 'the disk is full'
	[ ! -e "$D/full/new.db" ] && ok "... and leaves no file behind" || notok "init on a full disk left $D/full/new.db"
else
	notok "the clinic's database is too large for the 1 MB disk of this test"
fi
umount "$D/full"

# A config integer libconfig would wrap to 0 (the idle lock turned off) is refused as written.
printf 'console = {\n  idle_lock_minutes = 4294967296;\n};\n' >"$D/wrap.conf"; chmod 644 "$D/wrap.conf"
as "$OPA" "$BIN" check-config "$D/wrap.conf"
check_err "idle_lock_minutes = 4294967296 is refused, not read as 0" 2 'wrap.conf:2: .*4294967296 is out of range'
# Control characters are refused where text enters: an operator's note cannot carry a terminal
# escape or a bidirectional override to a supervisor's screen.
run "$BIN" add customer --name 周敏 --phone 13900139321
run "$BIN" add visit "$OUT" --kind discharge --date "$TODAY" --team service
CTASK=$(q "SELECT id FROM task WHERE status = 'open' AND team = 'service' ORDER BY id DESC LIMIT 1")
calls=$(q "SELECT count(*) FROM call")
as "$OPA" "$BIN" log "$CTASK" --outcome reached --score 4 --note $'恢复\e[2J良好'
check_err "a note with an escape sequence is refused" 2 'U+001B'
as "$OPA" "$BIN" log "$CTASK" --outcome reached --score 4 --note $'恢复\u202e好良'
check_err "a note with a right-to-left override is refused" 2 'U+202E'
check_eq "nothing was logged" "$(q "SELECT count(*) FROM call")" "$calls"
# An operator's TZ moves neither a call's stamps nor the day its retry is due:
# the same log, unprivileged on a copy at the clinic's time, is what it must write.
run "$BIN" add customer --name 吴静 --phone 13900139456
run "$BIN" add visit "$OUT" --kind discharge --date "$TODAY" --team service
ZTASK=$(q "SELECT id FROM task WHERE status = 'open' AND team = 'service' ORDER BY id DESC LIMIT 1")
cp "$DBF" "$T/zone.db"
now=$(date +%s)
run env HUIFANG_AS="$OPA" HUIFANG_NOW="$(SHANGHAI "$now")" "$HF" -d "$T/zone.db" log "$ZTASK" --outcome no_answer
check_rc "the log at the clinic's time, on a copy" 0
cbq="SELECT due_date FROM task WHERE id = $ZTASK AND attempts = 1"
want=$(sqlite3 "$T/zone.db" "$cbq")
as "$OPA" TZ=XXX+24 "$BIN" log "$ZTASK" --outcome no_answer
after=$(date +%s)
check_rc "an operator logs a call with TZ=XXX+24" 0
[ -n "$want" ] && ok "a no-answer schedules a retry (due $want)" || notok "no retry after a no-answer"
check_eq "... its retry is due on the clinic's day for it" "$(q "$cbq")" "$want"
at=$(q "SELECT started_at FROM call ORDER BY id DESC LIMIT 1")
case "$at" in "$(SHANGHAI "$now")"*|"$(SHANGHAI "$after")"*)
	ok "... and the call is stamped in the clinic's time zone ($at)" ;;
	*) notok "the call was stamped $at, not $(SHANGHAI "$after") (Asia/Shanghai)" ;; esac
at=$(q "SELECT at FROM audit WHERE action = 'log' ORDER BY id DESC LIMIT 1")
case "$at" in "$(SHANGHAI "$now")"|"$(SHANGHAI "$after")") ok "... so is its audit row ($at)" ;;
	*) notok "the log's audit row says $at, not $(SHANGHAI "$after")" ;; esac
# A terminal that cannot move the cursor gets one line and exit 2, not an empty screen.
if command -v script >/dev/null; then
	run runuser -u "$OPA" -- env TERM=dumb script -qec "$BIN" /dev/null
	case "$OUT" in *"cannot move the cursor"*) ok "TERM=dumb: the console says it cannot draw" ;;
		*) notok "TERM=dumb: ${OUT:0:300}" ;; esac
	check_rc "... with exit status 2" 2
fi

## An audit trail that proves something ----------------------------------------------------
# A member of the group (here root) changes a call with sqlite3: --verify names it. A cut
# tail is found against the anchor the administrator kept.
as "$OPA" "$BIN" log "$CTASK" --outcome reached --score 4
check_rc "an operator logs a call" 0
CALL=$(q "SELECT max(id) FROM call")
run "$BIN" audit anchor
check_rc "the administrator takes an anchor" 0
printf '%s\n' "$OUT" >"$T/anchor"
cp "$DBF" "$T/keep.db"
q "UPDATE call SET score = 1 WHERE id = $CALL"
run "$BIN" audit --verify --log /dev/null
check_err "a changed score is found, naming the call" 1 "call $CALL"
cp "$T/keep.db" "$DBF"
q "DELETE FROM audit WHERE id > (SELECT max(id) - 2 FROM audit)"
run "$BIN" audit --verify --log /dev/null --anchor "$T/anchor"
check_rc "a cut tail fails against the kept anchor" 1
cp "$T/keep.db" "$DBF"
run "$BIN" audit --verify --log /dev/null --anchor "$T/anchor"
check_rc "the whole trail verifies against it" 0

# The head goes to the system log (ident huifang, facility authpriv) at every plan and every
# audit.anchor_every rows, where a member of the group cannot take it back: a cut or re-chained
# trail is found against it. With no system logger here, the test is the logger: a datagram
# socket at /dev/log collecting what arrives, one message a line.
if [ -e /dev/log ] || [ -L /dev/log ]; then
	echo "ok - # SKIP anchors in the system log: /dev/log exists and is not this test's (audit --verify reads the journal or /var/log there)"
else
	python3 -c '
import os, socket, sys
s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
s.bind("/dev/log")
os.chmod("/dev/log", 0o666)
with open(sys.argv[1], "ab", buffering=0) as f:
    while True:
        f.write(s.recv(65536).rstrip(b"\0\n") + b"\n")
' "$T/syslog" &
	SYSLOGD=$!
	for _ in $(seq 1 200); do [ -S /dev/log ] && [ -e "$T/syslog" ] && break; sleep 0.02; done
	# logged PATTERN: the collected line matching PATTERN (waits for it a moment).
	logged() {
		for _ in $(seq 1 100); do grep -m1 -E -- "$1" "$T/syslog" && return 0; sleep 0.02; done
		return 1
	}
	printf 'audit = { anchor_every = 2; };\n' >"$T/every.conf"
	for n in 1 2; do
		run "$HF" -c "$T/every.conf" -d "$DBF" add customer --name "郑$n" --phone "1390013970$n"
		check_rc "root adds a customer ($n) with audit.anchor_every = 2" 0
	done
	set -- $(q "SELECT id || ' ' || hash FROM audit WHERE id % 2 = 0 ORDER BY id DESC LIMIT 1")
	line=$(logged "huifang-anchor rows=$1 hash=$2 .*event=rows db=$DBF\$")
	case "$line" in "<85>"*" huifang["[0-9]*"]: huifang-anchor "*)
		ok "audit.anchor_every = 2: row $1's count and hash reach the system log as huifang, authpriv" ;;
		*) notok "no anchor of row $1 from huifang at authpriv.notice: $(head -c 600 "$T/syslog")" ;; esac
	as "$OPA" "$BIN" plan
	check_rc "an operator plans" 0
	set -- $(q "SELECT id || ' ' || hash FROM audit WHERE action = 'plan' ORDER BY id DESC LIMIT 1")
	PLANROW=$1
	line=$(logged "huifang-anchor rows=$1 hash=$2 .*event=plan db=$DBF\$")
	case "$line" in "<85>"*" huifang["[0-9]*"]: huifang-anchor "*)
		ok "the plan's head (row $1) reaches the system log as huifang, authpriv" ;;
		*) notok "no anchor of the plan (row $1): $(tail -c 600 "$T/syslog")" ;; esac
	run "$BIN" audit --verify --log "$T/syslog"
	check_rc "the trail verifies against the collected log" 0
	check_out "... every anchor of it checked" "system log \($T/syslog\): [2-9][0-9]* anchors match the trail"
	cp "$DBF" "$T/keep.db"
	q "DELETE FROM audit WHERE id = $PLANROW"
	run "$BIN" audit --verify --log /dev/null
	check_rc "the plan's row cut: the trail alone cannot tell" 0
	run "$BIN" audit --verify --log "$T/syslog"
	check_err "... the system log's anchor can" 1 "$T/syslog:[0-9]*: the anchor of .* says $PLANROW audit rows, the trail has fewer"
	cp "$T/keep.db" "$DBF"
	q "UPDATE call SET score = 1 WHERE id = (SELECT max(id) FROM call)"
	python3 "$ROOT/tests/cli/rechain.py" "$DBF"
	run "$BIN" audit --verify --log /dev/null
	check_rc "a changed call, re-chained: the trail alone cannot tell" 0
	run "$BIN" audit --verify --log "$T/syslog"
	check_err "... the system log's anchor can" 1 "$T/syslog:[0-9]*: audit row [0-9]* differs from the anchor of"
	cp "$T/keep.db" "$DBF"
	kill "$SYSLOGD"; wait "$SYSLOGD" 2>/dev/null
	rm -f /dev/log
	SYSLOGD=
fi

## Locks -----------------------------------------------------------------------------------
# One program writes at a time. One stopped with SIGSTOP while it writes holds every other
# writer out: they give up after the documented wait (database.lock_wait_seconds, 10 s), exit
# 1, write nothing and name who holds the database.
run "$BIN" user add "$ADM" --role admin --team service --name 张三
check_rc "root adds $ADM (admin, 张三)" 0
# holds PID FILE: PID holds a write lock on byte 120 of FILE (SQLite's write lock in the -shm
# file of a database in WAL mode), as /proc/locks shows it.
holds() {
	local ino
	ino=$(stat -c %i "$2" 2>/dev/null) || return 1
	awk -v p="$1" -v i="$ino" '$2 == "POSIX" && $4 == "WRITE" && $5 == p &&
		$6 ~ (":" i "$") && $7 <= 120 && ($8 == "EOF" || $8 >= 120) { f = 1 } END { exit !f }' /proc/locks
}
# in_group INPUT CMD...: start CMD reading INPUT in the background, in a process group of its
# own (Ctrl-Z stops such a group; the kernel discards it for an orphaned one); LOCKER is its
# process id.
in_group() {
	local input=$1
	shift
	perl -e 'setpgrp(0, 0); exec @ARGV or die "$ARGV[0]: $!\n"' "$@" <"$input" >/dev/null 2>&1 &
	LOCKER=$!
	HELD="$HELD $LOCKER"
}
# catch PID FILE: stop PID at a moment it holds the write lock; false when it never did.
catch() {
	for _ in $(seq 1 5000); do
		if holds "$1" "$2"; then
			kill -STOP "$1"
			holds "$1" "$2" && return 0
			kill -CONT "$1"
		fi
	done
	return 1
}
# A customers file long enough that its import is writing most of the time.
seq 1 20000 | awk 'BEGIN { print "external_id,name,phone" } { printf "L%05d,顾客%d,135%08d\n", $1, $1, $1 }' >"$D/many.csv"
chmod 644 "$D/many.csv"
run "$BIN" add customer --name 李娜 --phone 13900139123
run "$BIN" add visit "$OUT" --kind discharge --date "$TODAY" --team service
TASK=$(q "SELECT id FROM task WHERE status = 'open' AND team = 'service' ORDER BY id LIMIT 1")
[ -n "$TASK" ] && ok "a task for $OPA's team to log" || notok "no open task for the service team"
sum() { q "SELECT count(*), max(id) FROM call; SELECT status FROM task WHERE id = $TASK; SELECT count(*) FROM audit"; }
in_group /dev/null setpriv --reuid="$ADM" --regid=users --init-groups "$BIN" import customers "$D/many.csv"
if catch "$LOCKER" "$DBF-shm"; then
	ok "an admin's import is stopped (SIGSTOP) while it holds the write lock"
	before=$(sum)
	t0=$(date +%s%N)
	as "$OPA" "$BIN" log "$TASK" --outcome reached --score 5
	ms=$((($(date +%s%N) - t0) / 1000000))
	check_err "another login's log is refused naming the stopped holder" 1 \
		"locked by a stopped program: 张三's huifang (login $ADM, process $LOCKER, started .* ago)"
	case "$ERR" in *"kill -CONT $LOCKER"*) ok "... and says how it is resumed" ;;
		*) notok "the message does not say how to resume it: ${ERR:0:300}" ;; esac
	if [ "$ms" -ge 10000 ] && [ "$ms" -lt 13000 ]; then ok "it gave up after the documented 10 s (${ms} ms)"
	else notok "it gave up after $ms ms, not 10 s"; fi
	check_eq "nothing was written" "$(sum)" "$before"
	kill -CONT "$LOCKER"
	wait "$LOCKER"
	check_eq "the import, resumed, finishes" "$?" "0"
else
	notok "the import was never seen holding the write lock"
	kill -CONT "$LOCKER"; wait "$LOCKER"
fi

# Ctrl-Z (SIGTSTP) takes effect only once the transaction is over: a writer stopped from the
# terminal never holds the others out.
in_group /dev/null setpriv --reuid="$ADM" --regid=users --init-groups "$BIN" import customers "$D/many.csv"
sent=0 bad=0
for _ in $(seq 1 5000); do
	[ "$sent" -ge 5 ] && break
	holds "$LOCKER" "$DBF-shm" || continue
	kill -TSTP "$LOCKER" || break
	sent=$((sent + 1))
	for _ in $(seq 1 2000); do
		[ "$(awk '{ sub(/.*\) /, ""); print $1 }' "/proc/$LOCKER/stat" 2>/dev/null)" = T ] && break
	done
	holds "$LOCKER" "$DBF-shm" && bad=$((bad + 1))
	kill -CONT "$LOCKER"
done
if [ "$sent" -ge 5 ] && [ "$bad" -eq 0 ]; then
	ok "Ctrl-Z sent while an import held the write lock stopped it only after ($sent times)"
else notok "Ctrl-Z: sent $sent times while it held the lock; stopped holding it $bad times"; fi
wait "$LOCKER"

# Another program (sqlite3 run by a member of the group) in a transaction: a clinic may wait
# less (database.lock_wait_seconds); the holder is named running, then stopped.
mkdir "$D/lk"; chmod 1777 "$D/lk"
cp "$DBF" "$D/lk/c.db"; chmod 666 "$D/lk/c.db"
printf 'database = { lock_wait_seconds = 2; };\n' >"$D/lk/wait.conf"; chmod 644 "$D/lk/wait.conf"
mkfifo "$D/lk/in"; chmod 666 "$D/lk/in"
in_group "$D/lk/in" setpriv --reuid="$OPB" --regid="$G" --init-groups sqlite3 "$D/lk/c.db"
exec 7>"$D/lk/in"
echo 'BEGIN IMMEDIATE;' >&7
for _ in $(seq 1 500); do holds "$LOCKER" "$D/lk/c.db-shm" && break; sleep 0.01; done
lkq() { sqlite3 "$D/lk/c.db" "SELECT count(*), max(id) FROM call; SELECT count(*) FROM audit"; }
before=$(lkq)
t0=$(date +%s%N)
as "$OPA" "$HF" -c "$D/lk/wait.conf" -d "$D/lk/c.db" log "$TASK" --outcome reached --score 5
ms=$((($(date +%s%N) - t0) / 1000000))
check_err "a log waits for sqlite3's transaction, then names it" 1 \
	"the database is locked: sqlite3 (login $OPB, process $LOCKER, started .* ago) held it for the 2 s"
if [ "$ms" -ge 2000 ] && [ "$ms" -lt 4000 ]; then ok "database.lock_wait_seconds = 2 waits 2 s (${ms} ms)"
else notok "lock_wait_seconds = 2 gave up after $ms ms"; fi
kill -STOP "$LOCKER"
as "$OPA" "$HF" -c "$D/lk/wait.conf" -d "$D/lk/c.db" log "$TASK" --outcome reached --score 5
check_err "... and says when it is stopped" 1 "locked by a stopped program: sqlite3 (login $OPB, process $LOCKER"
check_eq "nothing was written meanwhile" "$(lkq)" "$before"
kill -CONT "$LOCKER"
exec 7>&-
wait "$LOCKER"
as "$OPA" "$HF" -c "$D/lk/wait.conf" -d "$D/lk/c.db" log "$TASK" --outcome reached --score 5
check_rc "once it is gone the log is saved" 0
