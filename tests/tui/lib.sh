# lib.sh — console tests: a private tmux server, keys, waiting on the screen, TAP lines.
# Source it from a test; it cds to the repo root and cleans up on exit.
set -u
# A suite runs in the tests' own environment (tests/clean-env), also when started by hand.
[ "${HF_CLEAN_ENV:-}" = 1 ] ||
  exec "$(dirname "${BASH_SOURCE[0]}")/../clean-env" bash "$0" "$@"
cd "$(dirname "${BASH_SOURCE[0]}")/../.." || exit 1
ROOT=$PWD
HF=${HF_BIN:-$ROOT/huifang}
# The pinned day; HF_TEST_NOW moves it (the tests work out every date from it).
export HUIFANG_NOW=${HF_TEST_NOW:-"2025-03-12 10:00"}
# Test clinics add made-up logins (op_a, sup ...): root may, when it asks (huifang(1)).
export HUIFANG_ANY_LOGIN=1
TODAY=${HUIFANG_NOW%% *}
T=$(mktemp -d "$TMPDIR/huifang-tui.XXXXXX")
SOCK=hf$$
WAIT=${HF_TUI_WAIT:-10}   # seconds a wait_for may take
NTEST=0
NFAIL=0

tm() { tmux -L "$SOCK" -f /dev/null "$@"; }
cleanup() { tm kill-server >/dev/null 2>&1; rm -rf "$T"; }
trap cleanup EXIT

# ---- TAP ---------------------------------------------------------------------------------
ok() { NTEST=$((NTEST + 1)); echo "ok $NTEST - $1"; }
not_ok() { # name, diagnostics...
  NTEST=$((NTEST + 1)); NFAIL=$((NFAIL + 1))
  echo "not ok $NTEST - $1"; shift
  local line
  for line in "$@"; do printf '%s\n' "$line" | sed 's/^/#   /'; done
}
# check NAME COMMAND...: ok when the command succeeds; on failure shows what it said and the
# last screen used.
check() {
  local name=$1 out; shift
  if out=$("$@" 2>&1); then
    ok "$name"
  else
    not_ok "$name" "command: $*" ${out:+"$out"} "screen of ${LAST_S:-main}:" "$(screen "${LAST_S:-main}")"
  fi
}
finish() { echo "1..$NTEST"; [ "$NFAIL" -eq 0 ]; }

# ---- a clinic ------------------------------------------------------------------------------
make_db() { # FILE: a demo clinic for HUIFANG_NOW
  "$HF" -d "$1" init --demo >/dev/null
}

# ---- the console in a pane -----------------------------------------------------------------
# start NAME COLS ROWS [ENV=VALUE ...] -- HUIFANG_ARGS...: runs huifang in a new session.
# When it exits the pane prints "EXITED <status>" and the terminal's modes, then waits.
start() {
  local name=$1 cols=$2 rows=$3; shift 3
  local envs=()
  while [ $# -gt 0 ] && [ "$1" != "--" ]; do envs+=("$1"); shift; done
  [ "${1:-}" = "--" ] && shift
  rm -f "$T/$name.rc"
  {
    echo "cd $(printf %q "$ROOT")"
    printf 'export LANG=%q LC_ALL=%q HUIFANG_NOW=%q\n' "$LANG" "$LC_ALL" "$HUIFANG_NOW"
    printf 'env'; printf ' %q' "${envs[@]}" "$HF" "$@"; echo
    echo "rc=\$?; echo \$rc > $T/$name.rc; printf 'EXITED %s\\n' \$rc"
    echo "stty -a | tr ' ;' '\\n\\n' | grep -x -e icanon -e -icanon -e echo -e -echo | tr '\\n' ' '; echo"
    echo "exec sleep 3600"
  } > "$T/$name.sh"
  tm new-session -d -s "$name" -x "$cols" -y "$rows" "bash $T/$name.sh"
  LAST_S=$name
}

screen() { tm capture-pane -p -t "$1" 2>/dev/null; }
# queue_tab SESSION: the demo's login is an admin and the demo has open escalations, so the
# console opens on the Escalations tab; Shift-Tab brings the queue to the front.
queue_tab() {
  wait_for "$1" "time left" && tm send-keys -t "$1" BTab && wait_for "$1" "done today"
}
screen_colors() { tm capture-pane -p -e -t "$1" 2>/dev/null; }
send() { local s=$1; shift; LAST_S=$s; tm send-keys -t "$s" "$@"; }
send_text() { LAST_S=$1; tm send-keys -t "$1" -l "$2"; }
resize() { tm resize-window -t "$1" -x "$2" -y "$3"; }

# wait_for SESSION TEXT: the text (fixed string) shows on the screen within WAIT seconds.
wait_for() {
  local s=$1 text=$2 i
  LAST_S=$s
  for ((i = 0; i < WAIT * 20; i++)); do
    screen "$s" | grep -qF -- "$text" && return 0
    sleep 0.05
  done
  return 1
}
# wait_gone SESSION TEXT: the text leaves the screen within WAIT seconds.
wait_gone() {
  local s=$1 text=$2 i
  LAST_S=$s
  for ((i = 0; i < WAIT * 20; i++)); do
    screen "$s" | grep -qF -- "$text" || return 0
    sleep 0.05
  done
  return 1
}
# wait_line SESSION REGEX: a line matching the extended regex shows.
wait_line() {
  local s=$1 re=$2 i
  LAST_S=$s
  for ((i = 0; i < WAIT * 20; i++)); do
    screen "$s" | grep -qE -- "$re" && return 0
    sleep 0.05
  done
  return 1
}
# wait_stable SESSION: two captures 150 ms apart agree (the console has drawn what it will).
wait_stable() {
  local s=$1 a b i
  a=$(screen "$s")
  for ((i = 0; i < WAIT * 5; i++)); do
    sleep 0.15
    b=$(screen "$s")
    [ "$a" = "$b" ] && return 0
    a=$b
  done
  return 1
}
# exited SESSION: the console's exit status once it has quit (waits), else fails.
exited() {
  local s=$1 i
  for ((i = 0; i < WAIT * 20; i++)); do
    [ -f "$T/$s.rc" ] && { cat "$T/$s.rc"; return 0; }
    sleep 0.05
  done
  return 1
}

# The selected task: the console prints "#ID" at the start of the line above the status line.
selected_id() { screen "$1" | grep -oE '^ #[0-9]+' | tail -1 | tr -dc '0-9'; }
# wait_selected SESSION ID
wait_selected() {
  local i
  LAST_S=$1
  for ((i = 0; i < WAIT * 20; i++)); do
    [ "$(selected_id "$1")" = "$2" ] && return 0
    sleep 0.05
  done
  return 1
}
# Dates the tests type or expect, worked out from the pinned day (never written out).
# day_after N: the pinned day N days on (N < 0: before).
day_after() { date -u -d "$TODAY $(printf '%+d' "$1") days" +%F; }
# month_after: the pinned day a month on, the month's last day when that month is shorter.
month_after() {
  local first last d=${TODAY##*-}
  first=$(date -u -d "${TODAY%-*}-01 +1 month" +%F)
  last=$(date -u -d "$first +1 month -1 day" +%d)
  ((10#$d > 10#$last)) && d=$last
  echo "${first%-*}-$d"
}
# nothing_cut SESSION COLS: no line is wider than the terminal, nothing was cut into U+FFFD.
nothing_cut() {
  local s=$1 cols=$2 line
  while IFS= read -r line; do
    [ "$(width "$line")" -le "$cols" ] || { echo "too wide: $line"; return 1; }
  done < <(screen "$s")
  ! screen "$s" | grep -q $'\xef\xbf\xbd'
}
# Display width of a string (wc -L measures by wcwidth in a UTF-8 locale).
width() { printf '%s' "$1" | wc -L; }
# The queue as `huifang queue --format tsv` lists it: one task id a line.
queue_ids() { "$HF" -d "$1" queue --format tsv "${@:2}" | tail -n +2 | cut -f1; }
sql() { sqlite3 -batch -noheader "$1" "$2"; }
# exit_is SESSION STATUS: the console quit with this status.
exit_is() { [ "$(exited "$1")" = "$2" ]; }
# pane_pid SESSION: the console's process (the pane runs bash, which runs it).
console_pid() { pgrep -P "$(tm display -p -t "$1" '#{pane_pid}')" | head -1; }
# sql_is DB SQL WANT: the query answers WANT.
sql_is() {
  local got; got=$(sql "$1" "$2")
  [ "$got" = "$3" ] || { echo "$2 -> '$got', want '$3'"; return 1; }
}
# sql_soon DB SQL WANT: the query answers WANT within WAIT seconds.
sql_soon() {
  local i
  for ((i = 0; i < WAIT * 20; i++)); do
    [ "$(sql "$1" "$2")" = "$3" ] && return 0
    sleep 0.05
  done
  sql_is "$@"
}
# absent SESSION TEXT: the text is not on the screen.
absent() { ! screen "$1" | grep -qF -- "$2"; }
# file_soon FILE: the file exists within WAIT seconds.
file_soon() {
  local i
  for ((i = 0; i < WAIT * 20; i++)); do [ -e "$1" ] && return 0; sleep 0.05; done
  return 1
}
