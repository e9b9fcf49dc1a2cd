# concurrency.sh — 20 operators logging at once: one task is never worked twice, nobody sees "locked";
# a program that keeps the lock is named.
. "$(dirname "$0")/lib.sh"

hf init >/dev/null
for i in $(seq 1 20); do hf user add "op$i" --role operator --team postop; done
hf user add sup1 --role supervisor --team postop
hf add customer --name 周静 --phone 13700001111 --gender F
C=$OUT
hf add visit "$C" --kind surgery --date 2026-11-22 --treatment 吸脂
TASK=$(sql "SELECT id FROM task WHERE customer_id=$C AND due_date='2026-11-23'")

# Everyone logs the same task at once.
for i in $(seq 1 20); do
	( HUIFANG_AS="op$i" "$HF" -d "$DB" log "$TASK" --outcome reached --score 5 >"$T.$i.out" 2>"$T.$i.err"
	  echo $? >"$T.$i.rc" ) &
done
wait
wins=0 refusals=0 other=0
for i in $(seq 1 20); do
	case $(cat "$T.$i.rc") in
	0) wins=$((wins + 1)) ;;
	2) grep -q "already" "$T.$i.err" && refusals=$((refusals + 1)) || other=$((other + 1)) ;;
	*) other=$((other + 1)) ;;
	esac
done
rm -f "$T".*.out "$T".*.rc
check_eq "exactly one operator closes the task" "$wins" "1"
check_eq "the other 19 are told it is already done" "$refusals" "19"
check_eq "nobody failed otherwise" "$other" "0"
grep -l "locked" "$T".*.err >/dev/null 2>&1 && notok "someone saw 'database is locked'" || ok "nobody saw 'database is locked'"
rm -f "$T".*.err
check_eq "one call recorded" "$(sql "SELECT count(*) FROM call WHERE task_id=$TASK")" "1"

# Twenty operators logging twenty different tasks at once: all land.
ids=()
for i in $(seq 1 20); do
	hf add customer --name "顾客$i" --phone "1370000$((2000 + i))"
	c=$OUT
	hf add visit "$c" --kind discharge --date 2026-11-20 --team postop
	ids+=("$(sql "SELECT id FROM task WHERE customer_id=$c")")
done
for i in $(seq 1 20); do
	( HUIFANG_AS="op$i" "$HF" -d "$DB" log "${ids[$((i - 1))]}" --outcome reached --score 4 \
	  >/dev/null 2>"$T.p$i.err"; echo $? >"$T.p$i.rc" ) &
done
wait
fails=0
for i in $(seq 1 20); do [ "$(cat "$T.p$i.rc")" = 0 ] || fails=$((fails + 1)); done
check_eq "twenty parallel logs all succeed" "$fails" "0"
check_eq "twenty calls recorded" "$(sql "SELECT count(*) FROM call WHERE task_id IN ($(IFS=,; echo "${ids[*]}"))")" "20"
check_eq "the database is intact" "$(sql 'PRAGMA integrity_check')" "ok"

# Another program keeping the write lock (sqlite3 in a transaction, the same login): a log gives
# up after database.lock_wait_seconds, naming it; stopped, it says so; nothing is written.
printf 'database = { lock_wait_seconds = 1; };\n' >"$T/wait.conf"
mkfifo "$T/in"
sqlite3 "$DB" <"$T/in" >/dev/null 2>&1 &
HOLDER=$!
exec 7>"$T/in"
echo 'BEGIN IMMEDIATE;' >&7
for _ in $(seq 1 500); do
	sqlite3 "$DB" 'PRAGMA busy_timeout = 0; BEGIN IMMEDIATE; ROLLBACK;' >/dev/null 2>&1 || break
	sleep 0.01
done
TASK2=$(sql "SELECT id FROM task WHERE status = 'open' ORDER BY id LIMIT 1")
before=$(fingerprint)
run env HUIFANG_AS=op1 "$HF" -c "$T/wait.conf" -d "$DB" log "$TASK2" --outcome reached --score 4
check_err "a log waiting on sqlite3's transaction names it" 1 \
	"the database is locked: sqlite3 (login $ME, process $HOLDER, started .* ago) held it for the 1 s this command waits"
kill -STOP "$HOLDER"
run env HUIFANG_AS=op1 LANG=zh_CN.UTF-8 LC_ALL=zh_CN.UTF-8 "$HF" -c "$T/wait.conf" -d "$DB" log \
	"$TASK2" --outcome reached --score 4
check_err "... stopped, in Chinese" 1 "数据库被一个已暂停的程序锁住：sqlite3（登录名 $ME，进程 $HOLDER，"
check_eq "nothing was written" "$(fingerprint)" "$before"
# Reading takes no write lock: a report and a queue run while it is held (1 s at most here).
run env HUIFANG_AS=sup1 "$HF" -c "$T/wait.conf" -d "$DB" report monthly --date 2026-11-23 --format tsv
check_rc "a report runs while another program holds the write lock" 0
check_out "... and counts every call" "^clinic		calls	$(sql "SELECT count(*) FROM call")$"
run env HUIFANG_AS=op1 "$HF" -c "$T/wait.conf" -d "$DB" queue
check_rc "... a queue too" 0
kill -CONT "$HOLDER"
exec 7>&-
wait "$HOLDER"
