# trust.sh — attacks a hostile local login would try on a setgid install, each one now failing.
# Needs root: it makes its own group and logins (removed again), installs setgid into a
# temporary prefix and, in a private mount namespace, gives it a /var/lib of its own.
. "$(dirname "$0")/lib.sh"
if [ "$(id -u)" != 0 ] || ! command -v useradd >/dev/null || ! command -v unshare >/dev/null; then
	echo "ok - # SKIP trust: needs root, useradd and unshare (run make check as root for these attacks)"
	exit 0
fi
# The rest runs in a mount namespace of its own, so the install's /var/lib is private.
if [ -z "${HF_TRUST_NS:-}" ]; then
	HF_TRUST_NS=1 exec unshare -m bash "$0" "$@"
fi
mount --make-rprivate / 2>/dev/null
unset HUIFANG_NOW
G="hft$$" D=
OPA="hfa$$" OPB="hfb$$" SUP="hfs$$"
groupadd "$G" || { echo "not ok - groupadd $G"; exit 1; }
cleanup() {
	for u in "$OPA" "$OPB" "$SUP"; do userdel "$u" >/dev/null 2>&1; done
	groupdel "$G" >/dev/null 2>&1
	rm -rf "$T" "$D"
}
trap cleanup EXIT
for u in "$OPA" "$OPB" "$SUP"; do useradd -M -N -g users -s /bin/sh "$u"; done
# A setgid install into a temporary prefix, the way an administrator installs it; its
# directory is one the test's logins can reach, wherever the suite's own temporary one is.
D=$(mktemp -d /tmp/huifang-trust.XXXXXX)
chmod 755 "$D"
env -u MAKEFLAGS -u MAKELEVEL -u MFLAGS make -s -C "$ROOT" -o all install DESTDIR="$D" \
	PREFIX=/opt/hf GROUP="$G" >"$T/.make" 2>&1 || { echo "not ok - make install: $(head -c 300 "$T/.make")"; exit 1; }
mount --bind "$D/var/lib" /var/lib
BIN="$D/opt/hf/bin/huifang"
[ -g "$BIN" ] && ok "installed setgid $G" || notok "the installed program is not setgid"
chmod 755 "$D" "$D/opt" "$D/opt/hf" "$D/opt/hf/bin"
SHANGHAI() { TZ=Asia/Shanghai date -d "@$1" '+%Y-%m-%d %H:%M'; }

# as LOGIN ARGS...: run the installed program as that login, with the environment given.
as() { local who=$1; shift; run runuser -u "$who" -- env "$@"; }
DBF=/var/lib/huifang/huifang.db
q() { sqlite3 "$DBF" "$1"; }

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
