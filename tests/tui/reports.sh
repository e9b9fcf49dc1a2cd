#!/usr/bin/env bash
# reports.sh — the Reports tab in a real terminal: the figures are those of `huifang report`
# on the same database, the bars have the length their counts give, the period, day and team
# change by keys, and `e` writes the command's CSV to a new file and never over an old one.
. "$(dirname "$0")/lib.sh"

DB=$T/clinic.db
make_db "$DB" || { not_ok "demo clinic"; finish; exit 1; }
CONF=(-c data/huifang.conf -d "$DB")
YESTERDAY=$(day_after -1)

# fig JSON SCOPE NAME FIGURE: one figure of `report --format json`.
fig() { jq -r --arg s "$2" --arg n "$3" --arg f "$4" \
  '.[] | select(.scope == $s and .name == $n and .figure == $f) | .value' <<<"$1"; }
report_json() { "$HF" "${CONF[@]}" report "$@" --format json; }
DAILY=$(report_json daily)
check "the demo's yesterday had calls" test "$(fig "$DAILY" clinic "" calls)" -gt 0

# reports_tab SESSION: Tab until the Reports tab is in front (the console opens on Escalations).
reports_tab() {
  local i
  wait_for "$1" "time left" || return 1
  for ((i = 0; i < 6; i++)); do
    screen "$1" | grep -q "Coverage" && return 0
    send "$1" Tab
    wait_stable "$1"
  done
  screen "$1" | grep -q "Coverage"
}
# find_line SESSION REGEX: scroll down (j) until a line matches.
find_line() {
  local i
  LAST_S=$1
  for ((i = 0; i < 40; i++)); do
    screen "$1" | grep -qE -- "$2" && return 0
    send "$1" j j j
    wait_stable "$1"
  done
  return 1
}
# figures_match SESSION JSON [TEAM]: the figures on screen are the report's.
figures_match() {
  local s=$1 j=$2 n=${3:-} scope=clinic
  local cov reach avg nps cr sla
  cov=$(fig "$j" $scope "$n" coverage_pct); reach=$(fig "$j" $scope "$n" reach_pct)
  avg=$(fig "$j" $scope "$n" avg_score); nps=$(fig "$j" $scope "$n" nps)
  cr=$(fig "$j" $scope "$n" complaint_rate_pct); sla=$(fig "$j" $scope "$n" sla_met_pct)
  pct() { [ -n "$1" ] && echo "$1%" || echo "-"; }
  local want=(
    "Coverage +$(pct "$cov")  \($(fig "$j" $scope "$n" attempted) of $(fig "$j" $scope "$n" due) "
    "Reach rate +$(pct "$reach")  \($(fig "$j" $scope "$n" tasks_reached) of "
    "Finished +$(fig "$j" $scope "$n" finished)  · missed $(fig "$j" $scope "$n" missed) · still open $(fig "$j" $scope "$n" open)"
    "Calls +$(fig "$j" $scope "$n" calls)  \($(fig "$j" $scope "$n" reached_calls) reached"
    "Average satisfaction +${avg:--}  \($(fig "$j" $scope "$n" scored) calls scored"
    "NPS +$( [ -n "$nps" ] && printf '%+.1f' "$nps" | sed 's/+/\\+/' || echo -)  \(answers $(fig "$j" $scope "$n" nps_answers):"
    "Complaint rate +$(pct "$cr")  \(complaints $(fig "$j" $scope "$n" complaints) "
    "Escalations +$(fig "$j" $scope "$n" escalations_raised)  raised · $(fig "$j" $scope "$n" escalations_resolved) resolved · $(fig "$j" $scope "$n" escalations_breached) breached · SLA met $(pct "$sla")"
  )
  local w
  send "$s" g && wait_stable "$s"
  for w in "${want[@]}"; do
    screen "$s" | grep -qE -- "^   $w" || { echo "no line like: $w"; return 1; }
  done
}
# dim_cell JSON SCOPE NAME CODE: a dimension as the tables show it, "3.50 0/1/0/1/2" or "-".
dim_cell() {
  local n; n=$(fig "$1" "$2" "$3" "$4.scored")
  [ "$n" -gt 0 ] || { echo -; return; }
  echo "$(fig "$1" "$2" "$3" "$4.avg_score") $(for v in 1 2 3 4 5; do fig "$1" "$2" "$3" "$4.score_$v"; done | paste -sd/)"
}
DIMS="attitude:Attitude expertise:Expertise facilities:Facilities results:Results"
# dims_match SESSION JSON WIDE: each dimension's average and 1-5 spread under the overall score,
# and the clinic's in the table by dimension, are the report's: a column a dimension (WIDE), or
# a table a dimension, its average and a column per score.
dims_match() {
  local s=$1 j=$2 wide=$3 d code name row="whole clinic" spread
  send "$s" g && wait_stable "$s"
  for d in $DIMS; do
    code=${d%%:*} name=${d#*:}
    local avg; avg=$(fig "$j" clinic "" "$code.avg_score")
    spread=$(for v in 1 2 3 4 5; do fig "$j" clinic "" "$code.score_$v"; done)
    local want="^     $name +${avg:--}  \($(fig "$j" clinic "" "$code.scored") calls scored · 1-5: $(paste -sd/ <<<"$spread")\)"
    screen "$s" | grep -qE -- "$want" || { echo "no line like: $want"; return 1; }
    row="$row +$(dim_cell "$j" clinic "" "$code")"
  done
  find_line "$s" "Satisfaction by dimension" || { echo "no table by dimension"; return 1; }
  if [ "$wide" = wide ]; then
    find_line "$s" "^  who +Attitude +Expertise +Facilities +Results\$" || { echo "no heading"; return 1; }
    find_line "$s" "^  $row\$" || { echo "no row like: $row"; return 1; }
  else
    for d in $DIMS; do
      code=${d%%:*} name=${d#*:}
      spread=$(for v in 1 2 3 4 5; do fig "$j" clinic "" "$code.score_$v"; done | paste -sd' ' | sed 's/ / +/g')
      row="whole clinic +$(fig "$j" clinic "" "$code.avg_score") +$spread"
      find_line "$s" "^  who +$name +1 +2 +3 +4 +5\$" || { echo "no table for $name"; return 1; }
      find_line "$s" "^  $row\$" || { echo "no row like: $row"; return 1; }
    done
  fi
  send "$s" g && wait_stable "$s"
}
# bar_ok SESSION LABEL VALUE MAX WIDTH [BLOCK]: the chart's row for LABEL has the bar the value
# gives: round(value / max * width * 8) eighths, full blocks then the eighth for the rest (at
# least one eighth); BLOCK '#' checks the bar of a locale without UTF-8 (cells rounded).
bar_ok() {
  local s=$1 label=$2 v=$3 max=$4 w=$5 mode=${6:-utf8} e full part line bar want
  e=$(awk -v v="$v" -v m="$max" -v w="$w" 'BEGIN { e = int(v * w * 8 / m + 0.5); if (v > 0 && e < 1) e = 1; print e }')
  full=$((e / 8)); part=$((e % 8))
  line=$(screen "$s" | grep -E "^   $label " | head -1) || { echo "no row $label"; return 1; }
  bar=${line#   "$label" }
  bar=${bar%% *}
  if [ "$mode" = hash ]; then
    want=$(((e + 4) / 8)); [ "$e" -gt 0 ] && [ "$want" -eq 0 ] && want=1
    [ "$bar" = "$(printf "%${want}s" "" | tr ' ' '#')" ] || { echo "row $label: '$bar', want $want #"; return 1; }
  else
    local eighths=(" " ▏ ▎ ▍ ▌ ▋ ▊ ▉) blocks=""
    for ((i = 0; i < full; i++)); do blocks+=█; done
    [ "$part" -gt 0 ] && blocks+=${eighths[$part]}
    [ "$bar" = "$blocks" ] || { echo "row $label: '$bar' ($(width "$bar") cells), want $full full + $part/8 ($v of $max in $w)"; return 1; }
  fi
  [[ $line == *" $v" ]] || { echo "row $label does not end in $v: $line"; return 1; }
}
# hours_ok SESSION WIDTH [BLOCK]: every hour of `report --format json` as its row of the chart.
hours_ok() {
  local s=$1 w=$2 h v max
  max=$(jq -r '[.[] | select(.scope == "hour") | .value | tonumber] | max' <<<"$DAILY")
  while IFS=$'\t' read -r h v; do
    find_line "$s" "^   $h:00 " || { echo "no row for $h:00"; return 1; }
    bar_ok "$s" "$h:00" "$v" "$max" "$w" "${3:-}" || return 1
  done < <(jq -r '.[] | select(.scope == "hour") | [.name, .value] | @tsv' <<<"$DAILY")
}

for size in "120 40" "80 24"; do
  set -- $size
  S=s$1
  # The bars: the screen's width less 40 columns for labels and values, 10 to 50 cells.
  W=$(($1 - 40)); [ $W -gt 50 ] && W=50
  start "$S" "$1" "$2" -- "${CONF[@]}"
  check "$1×$2: Tab brings the Reports tab" reports_tab "$S"
  check "$1×$2: the tab bar names it" wait_line "$S" "^  Queue +Escalations .*Reports +Daily · $YESTERDAY · whole clinic"
  check "$1×$2: yesterday's figures are those of report daily --format json" figures_match "$S" "$DAILY"
  check "$1×$2: nothing is cut" nothing_cut "$S" "$1"
  check "$1×$2: the demo scored its calls on the dimensions" test "$(fig "$DAILY" clinic "" attitude.scored)" -gt 0
  check "$1×$2: each dimension's average and spread, and the table by dimension, are the report's" \
    dims_match "$S" "$DAILY" "$([ "$1" -ge 120 ] && echo wide)"
  check "$1×$2: nothing of the table by dimension is cut" nothing_cut "$S" "$1"
  check "$1×$2: the score chart: a row per score" find_line "$S" "^   1 .* $(fig "$DAILY" clinic "" score_1)$"
  check "$1×$2: the calls per hour: each bar as long as its count gives ($W cells for the most)" hours_ok "$S" "$W"
  # joined SESSION TEXT: the text is on the screen, maybe wrapped over lines.
joined() { screen "$1" | sed 's/^ *//' | tr '\n' ' ' | tr -s ' ' | grep -qF -- "$2"; }
check "$1×$2: G shows the definitions at the end" eval "send $S G && wait_stable $S && joined $S 'coverage = attempted / due'"
  check "$1×$2: ... and the table per team and operator" eval "send $S g && wait_stable $S && find_line $S '^  +op_[a-z]+ +[0-9]+ +[0-9]+ '"
done

clear_field() { local bs=() i; for ((i = 0; i < 80; i++)); do bs+=(BSpace); done; send "$1" "${bs[@]}"; }

# ---- the keys, at 120×40 ------------------------------------------------------------------------
S=s120
send "$S" p
check "p: the week, Monday to Sunday" wait_line "$S" "Weekly · $(jq -r '.[] | select(.figure == "from") | .value' <<<"$(report_json weekly)") – "
check "... its figures are the weekly report's" figures_match "$S" "$(report_json weekly)"
check "... calls per weekday and per day" eval "find_line $S 'Calls per day \\(reached\\)' && screen $S | grep -q 'Calls per weekday' || { send $S g; find_line $S 'Calls per weekday'; }"
send "$S" p
check "p again: the month" wait_line "$S" "Monthly · ${YESTERDAY%-*} · whole clinic"
check "... its figures are the monthly report's" figures_match "$S" "$(report_json monthly)"
send "$S" p
check "p again: back to the day" wait_line "$S" "Daily · $YESTERDAY"
send "$S" '['
check "[: the day before" wait_line "$S" "Daily · $(day_after -2) "
check "... its figures" figures_match "$S" "$(report_json daily --date "$(day_after -2)")"
send "$S" ']'
check "]: back" wait_line "$S" "Daily · $YESTERDAY "
# The first team of the configuration: its code and its name.
TEAM_CODE=$(sed -n '/^teams[[:space:]]*=/,/^);/s/^[[:space:]]*code[[:space:]]*=[[:space:]]*"\([^"]*\)".*/\1/p' data/huifang.conf | head -1)
TEAM_NAME=$(sed -n '/^teams[[:space:]]*=/,/^);/s/^[[:space:]]*name[[:space:]]*=[[:space:]]*"\([^"]*\)".*/\1/p' data/huifang.conf | head -1)
send "$S" t
check "t: the first team ($TEAM_NAME)" wait_line "$S" "Daily · $YESTERDAY · $TEAM_NAME"
check "... its figures are report --team's" figures_match "$S" "$(report_json daily --team "$TEAM_CODE")" "$TEAM_CODE"
for _ in $(seq 1 12); do screen "$S" | grep -q "Daily · $YESTERDAY · whole clinic" && break; send "$S" t; wait_stable "$S"; done
check "t through every team comes back to the whole clinic" wait_line "$S" "Daily · $YESTERDAY · whole clinic"
send "$S" d
check "d asks for a day, the report's day filled in" wait_for "$S" "report on the day (YYYY-MM-DD): $YESTERDAY"
send "$S" BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace
send_text "$S" "2025-02-30"; send "$S" Enter
check "... a day that does not exist is named, the prompt stays" wait_for "$S" '"2025-02-30" is not a date'
clear_field "$S"; send_text "$S" "$(day_after -3)"; send "$S" Enter
check "... a good day opens its report" wait_line "$S" "Daily · $(day_after -3) · whole clinic"
send "$S" ']'
check "... ] the day after it" wait_line "$S" "Daily · $(day_after -2) · whole clinic"
send "$S" '?'
check "? lists the report's keys" eval "wait_for $S 'write the report as CSV' && screen $S | grep -q 'next period of the report'"
send "$S" q
check "... and closes" wait_for "$S" "Coverage"

# ---- b: the lines per team, operator, doctor, treatment, value segment ------------------------
D2=$(day_after -2)
send "$S" b
check "b: per team, named in the bar" wait_line "$S" "Daily · $D2 · whole clinic · per team"
send "$S" b b
check "b b: per doctor" wait_line "$S" "Daily · $D2 · whole clinic · per doctor"
BYDOC=$(report_json daily --date "$D2" --by doctor)
DOC=$(jq -r '[.[] | select(.scope == "doctor" and .figure == "due" and .name != "")][0].name' <<<"$BYDOC")
check "... the demo's doctors had tasks due" test -n "$DOC" -a "$DOC" != null
check "... a doctor's line holds report --by doctor's due and called" find_line "$S" \
  "^  $DOC +$(fig "$BYDOC" doctor "$DOC" due) +$(fig "$BYDOC" doctor "$DOC" attempted) "
check "... under its title" eval "screen $S | grep -q 'Per doctor'"
send "$S" b b
check "b b: per value segment" wait_line "$S" "· per segment"
BYSEG=$(report_json daily --date "$D2" --by segment)
SEG=$(jq -r '[.[] | select(.scope == "segment" and .figure == "due" and .name != "")][0].name' <<<"$BYSEG")
SEG_NAME=$(sed -n "s/.*code = \"$SEG\"; *name = \"\([^\"]*\)\".*/\1/p" data/huifang.conf)
check "... a segment's line by its name ($SEG_NAME), report --by segment's due" find_line "$S" \
  "^  $SEG_NAME +$(fig "$BYSEG" segment "$SEG" due) "
send "$S" b
check "b once more: each team and operator again" eval "wait_gone $S '· per ' && wait_line $S 'Daily · $D2 · whole clinic'"

# ---- e: the CSV --------------------------------------------------------------------------------
send "$S" e
check "e proposes a file named by the report in the current directory" \
  wait_for "$S" "write the report as CSV to: huifang-report-daily-$(day_after -2).csv"
clear_field "$S"; send_text "$S" "$T/daily.csv"; send "$S" Enter
check "e: the status line says where it was written" wait_for "$S" "Report written to $T/daily.csv"
"$HF" "${CONF[@]}" report daily --date "$(day_after -2)" --format csv > "$T/command.csv"
check "... the same CSV as report daily --format csv, byte for byte" cmp "$T/daily.csv" "$T/command.csv"
echo keep > "$T/kept.csv"
send "$S" e; clear_field "$S"; send_text "$S" "$T/kept.csv"; send "$S" Enter
check "an existing file is refused, said plainly" wait_for "$S" "$T/kept.csv: already exists; choose a new file"
check "... and left as it was" test "$(cat "$T/kept.csv")" = keep
check "... the prompt stays open for another name" wait_for "$S" "write the report as CSV to: $T/kept.csv"
send "$S" BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace; send_text "$S" "new.csv"; send "$S" Enter
check "... another name is written" wait_for "$S" "Report written to $T/new.csv"
send "$S" p; wait_line "$S" "Weekly · " >/dev/null
send "$S" e; clear_field "$S"; send_text "$S" "$T/weekly.csv"; send "$S" Enter
wait_for "$S" "Report written to $T/weekly.csv" >/dev/null
"$HF" "${CONF[@]}" report weekly --date "$(day_after -2)" --format csv > "$T/command-weekly.csv"
check "the weekly CSV is the command's too" cmp "$T/weekly.csv" "$T/command-weekly.csv"
send "$S" e; send "$S" Escape
check "Esc leaves the prompt, nothing written" eval "wait_gone $S 'write the report as CSV' && [ \$(ls $T/*.csv | wc -l) = 6 ]"

# ---- NO_COLOR and a locale without UTF-8 ---------------------------------------------------------
start plain 80 24 NO_COLOR=1 -- "${CONF[@]}"
check "NO_COLOR: the bars are still drawn in blocks" eval "reports_tab plain && hours_ok plain 40"
start ascii 80 24 LANG=C LC_ALL=C -- "${CONF[@]}"
check "a locale without UTF-8: the bars are #, as long as the count gives" eval "reports_tab ascii && hours_ok ascii 40 hash"

finish
