# layers.sh — the layers point one way: what each part of the source may include and name.
. "$(dirname "$0")/lib.sh"
cd "$ROOT" || exit 1

# includes FILE...: every header the files reach, one a line: project headers as their path
# (include/huifang/x.h, src/x.h), system headers as written (<curses.h>), followed through
# the project's own headers.
includes() {
	local -A seen=()
	local queue=("$@") f name dir
	while [ ${#queue[@]} -gt 0 ]; do
		f=${queue[0]}
		queue=("${queue[@]:1}")
		dir=$(dirname "$f")
		while IFS= read -r name; do
			if [ -f "include/$name" ]; then
				name="include/$name"
			elif [ -f "$dir/$name" ]; then
				name="$dir/$name"
			else
				name="<$name>"
			fi
			[ -n "${seen[$name]:-}" ] && continue
			seen[$name]=1
			echo "$name"
			[ "${name:0:1}" != "<" ] && queue+=("$name")
		done < <(sed -n 's/^[[:space:]]*#[[:space:]]*include[[:space:]]*[<"]\([^>"]*\)[>"].*/\1/p' "$f")
	done
}

# refuse DESC PATTERN FILE...: none of the headers the files reach matches PATTERN (ERE).
refuse() {
	local desc=$1 pattern=$2 hits
	shift 2
	hits=$(for f in "$@"; do includes "$f" | grep -E -- "$pattern" | sed "s|^|$f -> |"; done)
	if [ -z "$hits" ]; then ok "$desc"; else notok "$desc: $(echo $hits)"; fi
}

# The screens' own names: functions and objects src/views defines for others.
view_syms=$(cat src/views/*.c | grep -v '^static' |
            sed -n -e 's/^[a-z][a-z0-9_ ]*[ *]\([a-z_][a-z0-9_]*\)(.*/\1/p' \
                   -e 's/^const struct [a-z_]* \([a-z_][a-z0-9_]*\) = .*/\1/p' | sort -u)
[ "$(echo "$view_syms" | grep -c .)" -ge 5 ] && ok "the screens' names are found ($(echo $view_syms))" ||
	notok "too few of the screens' names found: $view_syms"
view_headers=$(for s in $view_syms; do grep -lw -- "$s" include/huifang/*.h; done | sort -u)
[ -n "$view_headers" ] && ok "the screens' headers are found ($(echo $view_headers))" ||
	notok "no header declares the screens"

# The frame knows no screen: it includes none of their headers and names none of them.
refuse "src/tui includes no header of src/views" \
	"^($(echo $view_headers | tr ' ' '|'))\$" src/tui/*.c
hits=$(grep -nw -E -- "$(echo $view_syms | tr ' ' '|')" src/tui/*.c include/huifang/tui-frame.h \
       include/huifang/tui-keymap.h include/huifang/tui-widgets.h)
[ -z "$hits" ] && ok "src/tui names no screen" || notok "src/tui names a screen: $hits"

# The command line and the console speak to the service, never to SQLite.
refuse "src/cli and src/views reach no sqlite3.h" '^<sqlite3\.h>$' src/cli/*.c src/views/*.c

# Commands and screens speak to use cases and record readers, never SQL.
hits=$(grep -rnE "SELECT|INSERT|UPDATE|DELETE|store_exec|store_int|store_text|stmt_" src/cli src/views)
[ -z "$hits" ] && ok "no SQL under src/cli or src/views" || notok "SQL under src/cli or src/views: $hits"

# The demo clinic is a client of the service and the store's record writers: no SQL of its own.
refuse "src/demo reaches no sqlite3.h" '^<sqlite3\.h>$' src/demo/*.c
hits=$(grep -rnwE "SELECT|INSERT|UPDATE|DELETE|store_exec|store_int|store_text|stmt_[a-z_]+" src/demo)
[ -z "$hits" ] && ok "no SQL under src/demo" || notok "SQL under src/demo: $hits"

# The store speaks records: it reaches neither the rules nor their decisions.
refuse "the store reaches no rules" '^include/huifang/(rules|service|config)\.h$' \
	src/store*.c src/store-int.h include/huifang/store.h
hits=$(grep -nE 'decision|rules_' include/huifang/store.h src/store*.c)
[ -z "$hits" ] && ok "the store names no decision" || notok "the store names decisions: $hits"

# The rules are pure: no database, no screen, no service, no config file parser.
refuse "the rules reach no store, service, screen or SQLite" \
	'^(<sqlite3\.h>|<curses\.h>|<ncursesw/.*>|<libconfig\.h>|include/huifang/(store|service|tui[a-z-]*|console)\.h|src/store-int\.h)$' \
	src/rules*.c src/rules-int.h include/huifang/rules.h

# Only the console draws: nothing outside src/tui and src/views reaches curses.
below=$(ls src/*.c src/cli/*.c src/util/*.c 2>/dev/null)
refuse "nothing below the console reaches curses" '^(<curses\.h>|<ncursesw/.*>)$' $below

# Outcomes are known by their flags in the outcome table: no outcome code in src/cli or src/views.
codes=$(sed -n '/^outcomes[[:space:]]*=/,/^);/s/^[[:space:]]*code[[:space:]]*=[[:space:]]*"\([^"]*\)".*/\1/p' \
        data/huifang.conf)
[ "$(echo "$codes" | grep -c .)" -ge 7 ] && ok "the outcome codes are found ($(echo $codes))" ||
	notok "too few outcome codes found in data/huifang.conf: $codes"
hits=$(for c in $codes; do grep -rnF -- "\"$c\"" src/cli src/views; done)
[ -z "$hits" ] && ok "src/cli and src/views spell no outcome code" ||
	notok "an outcome code is spelled: $hits"
