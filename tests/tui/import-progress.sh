# import-progress.sh — on a terminal, huifang import shows a progress line on stderr (rows,
# rows per second, time left) and clears it before the summary.
. "$(dirname "$0")/lib.sh"

"$HF" -d "$T/h.db" init >/dev/null
awk 'BEGIN { print "external_id,name,phone"; for (i = 0; i < 150000; i++) printf "X%d,客户%d,138%08d\n", i, i, i }' \
	>"$T/big.csv"
WAIT=60
start imp 120 12 -- -d "$T/h.db" import customers "$T/big.csv"
check "a progress line while it reads" wait_line imp '(checking|importing): [0-9]+ rows, [0-9]+ rows/s, [0-9]+ s left'
rc=$(exited imp)
check "the import succeeds" test "$rc" = 0
check "the summary" wait_for imp "150000 rows; 150000 added"
check "no progress line is left behind" sh -c "! tmux -L $SOCK capture-pane -p -t imp | grep -q 'rows/s'"
finish
