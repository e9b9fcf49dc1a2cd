#!/usr/bin/env bash
# hermetic.sh — the tests pass whatever the caller's environment: a sample of every kind of
# suite (a unit binary, command-line suites, a console suite) gives the same results started
# from a hostile caller (another clock, Chinese locale and messages, New York's zone, other
# rules, a bogus database, no HOME or TMPDIR) as from a clean one.
. "$(dirname "$0")/lib.sh"

flavor=$(ls "$ROOT"/build/flavor-* 2>/dev/null | head -1)
unit="$ROOT/build/${flavor##*/flavor-}/tests/test_config"
sample=("$unit" tests/cli/plan.sh tests/cli/i18n.sh tests/tui/workday.sh)
[ -x "$unit" ] && ok "the unit binary of this build is there" || notok "no unit binary $unit"

# Rules a machine might have installed, other than the tree's: other hours, days and clinic.
cat >"$T/other.conf" <<'CONF'
clinic = { name = "别的诊所"; timezone = "America/New_York"; };
calendar = { work_days = [1, 2, 3, 4, 5]; hours = ["13:00", "15:00"]; holidays = ["2026-11-24"]; };
CONF
"$HF" check-config "$T/other.conf" >/dev/null 2>&1 && ok "the other rules are valid" ||
	notok "the other rules are refused"
echo "not a database" >"$T/bogus.db"
mkdir -p "$T/bin"
hostile=(HUIFANG_NOW="2026-11-23 09:00" HUIFANG_CONFIG="$T/other.conf" HUIFANG_DB="$T/bogus.db"
	HUIFANG_AS=nobody HUIFANG_LOCALEDIR="$T/nowhere" HUIFANG_DATADIR="$T/nowhere" LANGUAGE=zh_CN LANG=zh_CN.UTF-8
	LC_ALL=zh_CN.UTF-8 TZ=America/New_York NO_COLOR=1 HOME="$T/nohome" TMPDIR="$T/notmp"
	TMUX=/tmp/nowhere,1,0 CDPATH=/ PATH="$T/bin:$PATH")

# results OUT: each suite's line and the total, as run-all prints them.
results() { grep -E '^(ok   |FAIL )|passed, [0-9]+ failed$' "$1"; }

cd "$ROOT" || exit 1
tests/run-all "${sample[@]}" >"$T/clean.out" 2>&1
env -u HF_CLEAN_ENV "${hostile[@]}" tests/run-all "${sample[@]}" >"$T/hostile.out" 2>&1
clean=$(results "$T/clean.out")
check_eq "from a clean caller the sample passes" "$(tail -1 "$T/clean.out" | grep -o '[0-9]* failed')" "0 failed"
check_eq "from a hostile caller each suite gives the same results" "$(results "$T/hostile.out")" "$clean"

# The console suite on another pinned day: its dates come from the day, its tasks from the data.
env -u HF_CLEAN_ENV "${hostile[@]}" HF_TEST_NOW="2026-11-23 09:00" tests/run-all tests/tui/workday.sh \
	>"$T/day.out" 2>&1
check_eq "on another day the console suite gives the same results" \
	"$(results "$T/day.out" | head -1) $(tail -1 "$T/day.out" | grep -o '[0-9]* failed')" \
	"$(results "$T/clean.out" | grep ' tui/workday ') 0 failed"

# A suite started by hand from the hostile caller enters the same clean environment.
env -u HF_CLEAN_ENV "${hostile[@]}" bash tests/cli/plan.sh >"$T/plan.out" 2>&1
check_eq "a suite started by hand passes as under run-all" \
	"$(grep -c '^ok ' "$T/plan.out") $(grep -c '^not ok ' "$T/plan.out")" \
	"$(grep -oE '^ok   cli/plan \(([0-9]+)' "$T/clean.out" | grep -oE '[0-9]+$') 0"
