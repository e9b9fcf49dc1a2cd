# check-config.sh — check-config refuses what a clinic would regret: a script key with no
# script file, a curve offset without its sign, a time zone the system does not know.
. "$(dirname "$0")/lib.sh"

conf() { printf '%s\n' "$@" >"$T/c.conf"; }

conf 'clinic = { timezone = "Asia/Urumqi"; };'
run "$HF" check-config "$T/c.conf"
check_rc "a time zone the system knows" 0
conf 'clinic = {' '  timezone = "Asia/Shangai";' '};'
run "$HF" check-config "$T/c.conf"
check_err "an unknown time zone, with its line" 2 "c.conf:2: clinic.timezone: unknown time zone \"Asia/Shangai\" (not in /usr/share/zoneinfo)"
conf 'clinic = { timezone = "posixrules/x"; };'
run "$HF" check-config "$T/c.conf"
check_rc "a path that is no zone file" 2

# A number libconfig would wrap (4294967296 reads as 0, the lock turned off) is refused as written.
conf 'console = {' '  idle_lock_minutes = 4294967296;' '};'
run "$HF" check-config "$T/c.conf"
check_err "an integer too large for its key, named as written with its line" 2 "c.conf:2: console.idle_lock_minutes: 4294967296 is out of range (0 to 1440)"

conf 'curves = { discharge = { steps = (' '{ offset = "3d"; window = 1; script = "discharge.d3"; team = "service"; priority = 1; }' '); }; };'
run "$HF" check-config "$T/c.conf"
check_err "a curve offset without its sign" 2 "c.conf:2: curves.discharge.steps\[1\].offset: \"3d\": an offset says which way it counts: \"+3d\""
conf 'treatments = ( { name = "水光针"; effect = "1m"; curve = (' '{ offset = "7d"; window = 1; script = "injection"; team = "consultant"; priority = 1; }' '); } );'
run "$HF" check-config "$T/c.conf"
check_err "... in a treatment's curve too" 2 "c.conf:2: treatments\[1\].curve\[1\].offset: \"7d\""
conf 'curves = { discharge = { steps = (' '{ offset = "+3d"; window = 1; script = "discharge.d3"; team = "service"; priority = 1; }' '); }; };'
run "$HF" check-config "$T/c.conf"
check_rc "a signed offset and an existing script" 0

conf 'curves = { discharge = { steps = (' '{ offset = "+3d"; window = 1;' '  script = "discharge.d9"; team = "service"; priority = 1; }' '); }; };'
run "$HF" check-config "$T/c.conf"
check_err "a script key with no script file, with its line" 2 "c.conf:3: curves.discharge.steps\[1\].script: no script \"discharge.d9\""
# The same file refused by check-config is refused by every command.
run "$HF" -c "$T/c.conf" -d "$DB" init
check_rc "a command with that file refuses it too" 2
run "$HF" check-config
check_rc "the built-in rules pass" 0
run "$HF" check-config "$ROOT/data/huifang.conf"
check_rc "data/huifang.conf passes as a file" 0

# The worked examples of huifang.conf(5) are files check-config accepts.
awk '/^\.SH EXAMPLES/ { on = 1 } /^\.SH FILES/ { on = 0 }
	on && /^\.nf/ { n++; body = ""; inb = 1; next }
	on && /^\.fi/ { inb = 0; if (body ~ /^[a-z_]+ = /) { f = dir "/ex" n ".conf"; printf "%s", body > f; close(f) } next }
	inb { gsub(/\\-/, "-"); body = body $0 "\n" }' dir="$T" "$ROOT/man/huifang.conf.5"
n=0
for f in "$T"/ex*.conf; do
	[ -f "$f" ] || continue
	n=$((n + 1))
	run "$HF" check-config "$f"
	check_rc "huifang.conf(5) example $(basename "$f" .conf) ($(head -n 1 "$f")) passes check-config" 0
done
[ "$n" -ge 4 ] && ok "$n examples checked" || notok "only $n examples found in huifang.conf(5)"

# The call scripts are checked too: a bad condition is refused with its file and line.
mkdir -p "$T/data"
cp -r "$ROOT/data/scripts" "$T/data/"
HUIFANG_DATADIR="$T/data" run "$HF" check-config
check_rc "the shipped call scripts pass" 0
check_out "... and check-config says so" "call scripts ok"
printf '%s\n' 'title: 生日祝福' '## greeting' '您好' '[overdue>>0] 前几天是您的生日' >"$T/data/scripts/zh_CN/birthday.script"
HUIFANG_DATADIR="$T/data" run "$HF" check-config
check_err "a script line with a bad condition, with its file and line" 2 \
	"$T/data/scripts/zh_CN/birthday.script:4: condition \"\[overdue>>0\]\": \">0\" is not a whole number of days"
printf '%s\n' 'title: 生日祝福' '## greeting' '[birthday=today] 今天是您的生日' >"$T/data/scripts/zh_CN/birthday.script"
HUIFANG_DATADIR="$T/data" run "$HF" check-config
check_err "an unknown fact, with the known ones" 2 \
	"birthday.script:3: unknown condition \"\[birthday=today\]\": no fact \"birthday\" (known: days, overdue, treatment, gender)"
