# install.sh — make install puts the program, both manuals, the nightly timer and cron example,
# and the bash completion in their places (under a DESTDIR), with the install's paths in them;
# make uninstall takes them away.
. "$(dirname "$0")/lib.sh"
D="$T/root"
mk() { env -u MAKEFLAGS -u MAKELEVEL -u MFLAGS make -s -C "$ROOT" -o all "$@" DESTDIR="$D" PREFIX=/opt/hf >"$T/.make" 2>&1; }

mk install
check_eq "make install succeeds" "$?" "0"
for f in bin/huifang share/man/man1/huifang.1 share/man/man5/huifang.conf.5 \
	lib/systemd/system/huifang-nightly.service lib/systemd/system/huifang-nightly.timer \
	share/huifang/huifang.cron share/bash-completion/completions/huifang share/huifang/huifang.conf; do
	[ -f "$D/opt/hf/$f" ] && ok "installed: $f" || notok "not installed: $f ($(head -c 200 "$T/.make"))"
done
svc="$D/opt/hf/lib/systemd/system/huifang-nightly.service"
grep -q '^ExecStart=/opt/hf/bin/huifang plan$' "$svc" && ok "the service runs the installed huifang plan" \
	|| notok "service: $(grep ExecStart "$svc")"
grep -q 'ExecStart=.*/opt/hf/bin/huifang backup /var/backups/huifang/huifang-$(date +%%F).db' "$svc" \
	&& ok "the service backs up first, one file a day" || notok "service backup: $(grep ExecStart "$svc")"
cron="$D/opt/hf/share/huifang/huifang.cron"
grep -qE '^45 5 \* \* \*  huifang  /opt/hf/bin/huifang plan$' "$cron" && ok "the cron example plans daily" \
	|| notok "cron: $(grep plan "$cron")"
grep -q '@[A-Z]*@' "$svc" "$cron" && notok "placeholders left in the installed files" || ok "no placeholders left"
grep -q '^OnCalendar=' "$D/opt/hf/lib/systemd/system/huifang-nightly.timer" && ok "the timer has a calendar" \
	|| notok "timer"
if command -v systemd-analyze >/dev/null 2>&1; then
	systemd-analyze verify "$D/opt/hf/lib/systemd/system/huifang-nightly.timer" >"$T/.v" 2>&1
	grep -qi 'error' "$T/.v" && notok "systemd-analyze: $(head -3 "$T/.v")" || ok "systemd-analyze verify"
fi
bash -n "$D/opt/hf/share/bash-completion/completions/huifang" && ok "the completion is valid bash" \
	|| notok "completion syntax"
MANWIDTH=80 man -l "$D/opt/hf/share/man/man5/huifang.conf.5" 2>/dev/null | grep -q 'clinic.timezone' \
	&& ok "man 5 huifang.conf reads" || notok "huifang.conf.5 does not render"

mk uninstall
left=$(find "$D" -type f | sed "s|$D||")
check_eq "make uninstall leaves no file" "$left" ""
