# huifang — build, test, run and install.
#   make            build ./huifang (objects under build/)
#   make check      build and run every test suite (unit, cli, console)
#   make run        build, create the demo clinic in demo/ if absent, open the console
#   make asan       rebuild with AddressSanitizer + UBSan (`make asan check` tests under it)
#   make bench      benchmarks
#   make install / uninstall / clean

CC      ?= cc
PREFIX  ?= /usr/local
DESTDIR ?=
BINDIR   = $(PREFIX)/bin
MANDIR   = $(PREFIX)/share/man
DATADIR  = $(PREFIX)/share/huifang
LOCALEDIR_INST = $(PREFIX)/share/locale
UNITDIR  ?= $(PREFIX)/lib/systemd/system
COMPDIR  ?= $(PREFIX)/share/bash-completion/completions
PAMDIR   ?= /etc/pam.d
VERSION  = 0.1.0

PKGS     = ncursesw sqlite3 libconfig pam
PKG_OK  := $(shell pkg-config --exists $(PKGS) 2>/dev/null && echo yes)

CFLAGS  ?= -O2 -g
WARN     = -std=c11 -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes -Wno-unused-parameter -Wno-overlength-strings
DEFS     = -D_GNU_SOURCE -DHF_VERSION='"$(VERSION)"' \
           -DHF_LOCALEDIR='"$(LOCALEDIR_INST)"' -DHF_DATADIR='"$(DATADIR)"'
PKG_CFLAGS := $(if $(PKG_OK),$(shell pkg-config --cflags $(PKGS)))
PKG_LIBS   := $(if $(PKG_OK),$(shell pkg-config --libs $(PKGS)),-lncursesw -lsqlite3 -lconfig -lpam)
ALL_CFLAGS = $(WARN) $(DEFS) -Iinclude -Ibuild $(PKG_CFLAGS) $(CFLAGS) $(EXTRA_CFLAGS)
LIBS       = $(PKG_LIBS) -lcrypto -lm

# ASan build: same sources, separate object tree, same ./huifang path so tests run it.
ifneq ($(filter asan,$(MAKECMDGOALS))$(ASAN),)
ASAN        := 1
BUILD        = build/asan
EXTRA_CFLAGS = -O1 -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
LDFLAGS     += -fsanitize=address,undefined
export ASAN_OPTIONS = detect_leaks=1:abort_on_error=0
export LSAN_OPTIONS = suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0
export UBSAN_OPTIONS = print_stacktrace=1:halt_on_error=1
else
BUILD        = build/obj
endif

SRC_ALL  = $(wildcard src/*.c src/util/*.c src/cli/*.c src/tui/*.c src/views/*.c src/demo/*.c)
SRC_MAIN = src/main.c
SRC_LIB  = $(filter-out $(SRC_MAIN),$(SRC_ALL))
OBJ_LIB  = $(SRC_LIB:%.c=$(BUILD)/%.o) $(BUILD)/defaults.o
OBJ_MAIN = $(SRC_MAIN:%.c=$(BUILD)/%.o)
DEPS     = $(OBJ_LIB:.o=.d) $(OBJ_MAIN:.o=.d)

UNIT_SRC = $(wildcard tests/unit/test_*.c)
UNIT_BIN = $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)

PO       = $(wildcard po/*.po)
MO       = $(PO:po/%.po=build/locale/%/LC_MESSAGES/huifang.mo)

.PHONY: all check run asan bench stress install uninstall clean deps unit-tests pot check-run run-console
all: huifang $(MO)

# check and run first install what is missing, then build in a fresh make that sees the
# libraries' pkg-config flags.
SUBMAKE = $(MAKE) --no-print-directory $(if $(ASAN),ASAN=1)

# Missing libraries: install them when root, otherwise say exactly what to run.
deps:
	@if [ "$$(id -u)" = 0 ]; then scripts/install-deps; \
	else missing=$$(scripts/install-deps --print); if [ -n "$$missing" ]; then \
	  echo "huifang: missing build dependencies; as root run: $$missing" >&2; exit 1; fi; fi

# Switching between the normal and the asan build relinks ./huifang.
FLAVOR = build/flavor-$(notdir $(BUILD))
$(FLAVOR):
	@mkdir -p build; rm -f build/flavor-*; touch $@

huifang: $(OBJ_MAIN) $(BUILD)/libhuifang.a $(FLAVOR)
	$(CC) $(LDFLAGS) -o $@ $(OBJ_MAIN) $(BUILD)/libhuifang.a $(LIBS)

$(BUILD)/libhuifang.a: $(OBJ_LIB)
	@rm -f $@
	ar rcs $@ $^

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -MMD -MP -c -o $@ $<

# The built-in configuration is data/huifang.conf itself, compiled in.
build/defaults.c: data/huifang.conf scripts/embed
	@mkdir -p build
	scripts/embed hf_default_config < data/huifang.conf > $@
$(BUILD)/defaults.o: build/defaults.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

build/locale/%/LC_MESSAGES/huifang.mo: po/%.po
	@mkdir -p $(dir $@)
	msgfmt --check -o $@ $<

$(BUILD)/tests/%: tests/unit/%.c $(BUILD)/libhuifang.a
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -o $@ $< $(BUILD)/libhuifang.a $(LIBS) -lcmocka $(LDFLAGS)

unit-tests: $(UNIT_BIN)

check: deps
	@$(SUBMAKE) check-run
check-run: all unit-tests
	@tests/run-all $(UNIT_BIN)

asan: $(if $(filter check run,$(MAKECMDGOALS)),,all)
	@:

run: deps
	@$(SUBMAKE) run-console
run-console: all
	@if [ ! -f demo/huifang.db ]; then mkdir -p demo && ./huifang -d demo/huifang.db init --demo; fi
	./huifang -d demo/huifang.db

bench: all
	tests/bench/run

# The long crash and load proofs (tests/stress/stress.sh); not part of `make check`.
stress: all
	tests/clean-env bash tests/stress/stress.sh

# Coverage-guided fuzzing of the input parsers with clang's libFuzzer; not part of `make check`.
# One binary per tests/fuzz/fuzz_NAME.c under build/fuzz/, built from the library sources it
# needs (no console, no database code), each run FUZZ_SECONDS with tests/fuzz/corpus/NAME as
# seeds; new inputs go to build/fuzz/corpus/NAME, a failing input to build/fuzz/crashes/.
# FUZZ_NAMES="utf8 date" picks harnesses; FUZZ_ARGS adds libFuzzer options (e.g. -jobs=4).
FUZZ_CC      ?= clang
FUZZ_SECONDS ?= 30
FUZZ_ARGS    ?=
FUZZ_NAMES   ?= $(patsubst tests/fuzz/fuzz_%.c,%,$(wildcard tests/fuzz/fuzz_*.c))
FUZZ_SAN      = -fsanitize=address,undefined -fno-sanitize-recover=undefined
FUZZ_CFLAGS   = $(WARN) $(DEFS) -Iinclude -Ibuild \
                $(shell pkg-config --cflags sqlite3 libconfig 2>/dev/null) \
                -g -O1 -fno-omit-frame-pointer $(FUZZ_SAN)
FUZZ_LIBS     = $(or $(shell pkg-config --libs sqlite3 libconfig 2>/dev/null),-lsqlite3 -lconfig) -lm
FUZZ_SRC      = $(wildcard src/util/*.c) src/model.c src/config.c $(wildcard src/rules*.c) src/import.c \
                src/scripts.c build/defaults.c
FUZZ_OBJ      = $(FUZZ_SRC:%.c=build/fuzz/obj/%.o)
FUZZ_BIN      = $(FUZZ_NAMES:%=build/fuzz/%)

# libconfig 1.5 leaks scanner buffers on some syntax errors (e.g. a file holding just `""`).
FUZZ_LSAN     = leak:strbuf_append leak:libconfig_yylex

.PHONY: fuzz
fuzz: $(FUZZ_BIN)
	@mkdir -p build/fuzz/crashes; printf '%s\n' $(FUZZ_LSAN) >build/fuzz/lsan.supp; \
	export LSAN_OPTIONS=suppressions=$(CURDIR)/build/fuzz/lsan.supp:print_suppressions=0; \
	for n in $(FUZZ_NAMES); do \
	  mkdir -p build/fuzz/corpus/$$n; \
	  printf 'fuzz %-8s %ss ... ' $$n $(FUZZ_SECONDS); \
	  if build/fuzz/$$n -max_total_time=$(FUZZ_SECONDS) -timeout=10 $(FUZZ_ARGS) \
	       -artifact_prefix=build/fuzz/crashes/$$n- build/fuzz/corpus/$$n \
	       tests/fuzz/corpus/$$n >build/fuzz/$$n.log 2>&1; then \
	    sed -n 's/^Done \([0-9]*\) runs.*/ok (\1 runs)/p' build/fuzz/$$n.log; \
	  else echo FAILED; tail -n 40 build/fuzz/$$n.log; exit 1; fi; \
	done

$(FUZZ_BIN): build/fuzz/%: tests/fuzz/fuzz_%.c $(FUZZ_OBJ)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer -o $@ $< $(FUZZ_OBJ) $(FUZZ_LIBS)

$(FUZZ_OBJ): build/fuzz/obj/%.o: %.c
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link -MMD -MP -c -o $@ $<

ifneq ($(filter fuzz,$(MAKECMDGOALS)),)
-include $(FUZZ_OBJ:.o=.d)
endif

# The translation template; POT=FILE writes it elsewhere (the i18n suite checks a fresh one).
pot:
	xgettext --keyword=_ --keyword=N_ --from-code=UTF-8 --package-name=huifang \
	  --package-version=$(VERSION) --add-comments=TRANSLATORS: --sort-by-file \
	  -o $(or $(POT),po/huifang.pot) $(SRC_ALL) $(wildcard include/huifang/*.h src/*.h src/*/*.h)

install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man5 $(DESTDIR)$(DATADIR)
	install -m 755 huifang $(DESTDIR)$(BINDIR)/huifang
	@# On the clinic's shared machine: make install GROUP=huifang (as root) installs the program
	@# setgid to that group and makes /var/lib/huifang its own (0770), so the data is reachable
	@# only through huifang.
	if [ -n "$(GROUP)" ]; then \
	  chgrp $(GROUP) $(DESTDIR)$(BINDIR)/huifang && chmod 2755 $(DESTDIR)$(BINDIR)/huifang && \
	  install -d -m 2770 -g $(GROUP) $(DESTDIR)/var/lib/huifang; fi
	install -m 644 man/huifang.1 $(DESTDIR)$(MANDIR)/man1/huifang.1
	install -m 644 man/huifang.conf.5 $(DESTDIR)$(MANDIR)/man5/huifang.conf.5
	install -m 644 data/huifang.conf $(DESTDIR)$(DATADIR)/huifang.conf
	@# The nightly backup and plan: a systemd timer (enable it) or a cron example (copy it).
	install -d $(DESTDIR)$(UNITDIR) $(DESTDIR)$(COMPDIR)
	for f in scripts/systemd/huifang-nightly.service scripts/systemd/huifang-nightly.timer; do \
	  sed -e 's|@BINDIR@|$(BINDIR)|g' $$f >$(DESTDIR)$(UNITDIR)/$${f##*/} && \
	  chmod 644 $(DESTDIR)$(UNITDIR)/$${f##*/}; done
	sed -e 's|@BINDIR@|$(BINDIR)|g' -e 's|@DATADIR@|$(DATADIR)|g' scripts/huifang.cron \
	  >$(DESTDIR)$(DATADIR)/huifang.cron && chmod 644 $(DESTDIR)$(DATADIR)/huifang.cron
	install -m 644 scripts/huifang.bash-completion $(DESTDIR)$(COMPDIR)/huifang
	@# The console lock's PAM service; an administrator's own version is kept.
	install -d $(DESTDIR)$(PAMDIR)
	[ -e $(DESTDIR)$(PAMDIR)/huifang ] || install -m 644 data/pam.d/huifang $(DESTDIR)$(PAMDIR)/huifang
	cp -R data/scripts data/names data/demo $(DESTDIR)$(DATADIR)/
	for m in $(MO); do l=$${m#build/locale/}; l=$${l%%/*}; \
	  install -d $(DESTDIR)$(LOCALEDIR_INST)/$$l/LC_MESSAGES; \
	  install -m 644 $$m $(DESTDIR)$(LOCALEDIR_INST)/$$l/LC_MESSAGES/huifang.mo; done

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/huifang $(DESTDIR)$(MANDIR)/man1/huifang.1 $(DESTDIR)$(MANDIR)/man5/huifang.conf.5
	rm -f $(DESTDIR)$(UNITDIR)/huifang-nightly.service $(DESTDIR)$(UNITDIR)/huifang-nightly.timer
	rm -f $(DESTDIR)$(COMPDIR)/huifang
	@# The PAM service only when it is still the one shipped.
	if cmp -s data/pam.d/huifang $(DESTDIR)$(PAMDIR)/huifang; then rm -f $(DESTDIR)$(PAMDIR)/huifang; fi
	rm -rf $(DESTDIR)$(DATADIR)
	rm -f $(DESTDIR)$(LOCALEDIR_INST)/*/LC_MESSAGES/huifang.mo

clean:
	rm -rf build huifang

-include $(DEPS)
