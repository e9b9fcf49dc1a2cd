# setgid.sh — for the suites that attack a setgid install as root: a mount namespace of their
# own, and huifang installed setgid into a temporary prefix with a /var/lib of its own.
# Source it after the suite's lib.sh.

# setgid_enter WHAT: unless root with useradd and unshare, print that WHAT is skipped and exit;
# else go on in a private mount namespace (the suite is started again in it).
setgid_enter() {
	if [ "$(id -u)" != 0 ] || ! command -v useradd >/dev/null || ! command -v unshare >/dev/null; then
		echo "ok - # SKIP $1: needs root, useradd and unshare (run make check as root for these attacks)"
		exit 0
	fi
	if [ -z "${HF_TRUST_NS:-}" ]; then
		rm -rf "$T"   # the suite started again makes its own
		HF_TRUST_NS=1 exec unshare -m bash "$0"
	fi
	mount --make-rprivate / 2>/dev/null
}

# setgid_install GROUP: install setgid GROUP under D (a new directory the test's logins can
# reach, wherever the suite's own temporary one is), prefix /opt/hf, and mount its var/lib on
# /var/lib; BIN is the installed program. Fails with make's first words in MAKE_SAID.
setgid_install() {
	D=$(mktemp -d /tmp/huifang-trust.XXXXXX)
	chmod 755 "$D"
	if ! env -u MAKEFLAGS -u MAKELEVEL -u MFLAGS make -s -C "$ROOT" -o all install DESTDIR="$D" \
		PREFIX=/opt/hf GROUP="$1" >"$T/.make" 2>&1; then
		MAKE_SAID=$(head -c 300 "$T/.make")
		return 1
	fi
	mount --bind "$D/var/lib" /var/lib
	# A privileged run reads /etc/huifang/huifang.conf whatever the environment says: the
	# machine's own (a clinic's time zone, its teams) is hidden behind an empty directory, so
	# the install runs on the built-in rules.
	if [ -d /etc/huifang ]; then
		mkdir -p "$D/etc-huifang"
		mount --bind "$D/etc-huifang" /etc/huifang
	fi
	BIN="$D/opt/hf/bin/huifang"
	chmod 755 "$D" "$D/opt" "$D/opt/hf" "$D/opt/hf/bin"
}
