# ocinit — see README.md. `make help` lists the targets.
VERSION := 0.1.0
ARCH    ?= x86_64
ARCHES  := x86_64 aarch64 i386 armhf armel ppc64el s390x mips64el
ifeq ($(filter $(ARCH),$(ARCHES)),)
$(error ARCH=$(ARCH) is not one of: $(ARCHES))
endif
include arch/$(ARCH)/arch.mk

O              ?= build/$(ARCH)
KCONFIG_CONFIG ?= .config
export KCONFIG_CONFIG
SRC_DIR        := build/src

# libcap-ng 0.8.3 from Debian's source package (fetched by `make deps`), built per arch.
# -Dconstructor=used turns its init_lib() constructor into a plain function, which the
# library already calls on first use: a start that applies no capabilities then pays
# nothing for it (12 system calls and a malloc at every start otherwise). init/libcap-ng.patch
# keeps stdio, scanf, printf, syslog and malloc out of the binary (it says why). Its own test
# suite runs against exactly this build.
CAPNG_DSC      := $(SRC_DIR)/libcap-ng_0.8.3-1.dsc
CAPNG_SHA256   := bed6f6848e22bb2f83b5f764b2aef0ed393054e803a8e3a8711cb2a39e6b492d  libcap-ng_0.8.3.orig.tar.gz
CAPNG_SRC      := $(SRC_DIR)/libcap-ng-0.8.3
CAPNG_BUILD    := build/$(ARCH)-libcap-ng
CAPNG_LIB      := $(CAPNG_BUILD)/src/.libs/libcap-ng.a

KHDR     := build/$(ARCH)-khdr
# For ocinit and libcap-ng alike: the smallest code (-Oz: an init runs a few thousand
# instructions per start) for a static, non-PIE binary (-fno-pie: shorter absolute
# addressing), optimised across files at the link (-flto; archives by gcc-ar). LTO
# also keeps out what libcap-ng's unused functions name (printf and with it stdout): the
# linker looks for symbols again after dropping them. ARCH_CFLAGS: see arch.mk (where the
# compiler has it, -mgeneral-regs-only: variadic functions then save no vector registers).
SIZE_CFLAGS := -Oz -flto -fno-pie -fno-asynchronous-unwind-tables \
            -ffunction-sections -fdata-sections $(ARCH_CFLAGS)
CFLAGS   := $(SIZE_CFLAGS) -std=c11 -D_GNU_SOURCE -Wall -Wextra -Wshadow -Wstrict-prototypes \
            -fno-stack-protector -isystem $(KHDR)
# The commit, for --version's "git.COMMIT" (dockerd reads it); $(O)/commit changes only when
# it does, so that only usage.o is rebuilt then. "unknown" outside a git checkout.
COMMIT   := $(shell git rev-parse --short=7 HEAD 2>/dev/null || echo unknown)
$(shell mkdir -p $(O) && { echo $(COMMIT) | cmp -s - $(O)/commit || echo $(COMMIT) >$(O)/commit; })
CPPFLAGS := -I$(O) -Iinit -Iarch/$(ARCH) -I$(CAPNG_SRC)/src -DOCINIT_VERSION='"$(VERSION)"' \
            -DOCINIT_COMMIT='"$(COMMIT)"' \
            -DOCINIT_ARCH='"$(ARCH)"' -DARCH_KSTAT=$(ARCH_KSTAT)
# Packed: one read-only+executable segment (no -z separate-code: the ELF header and the
# read-only data are executable too, as before binutils 2.31; nothing is both writable and
# executable), no RELRO (musl never write-protects it in a static binary: it only cost
# padding), and the data right after the text in the file (common-page-size). The maximum
# page size stays the arch's default: 64 KiB on aarch64, for 64K-page kernels (make bench
# links a 4 KiB variant through EXTRA_LDFLAGS, to compare).
LDFLAGS  := -static -s -Wl,--gc-sections -Wl,-z,noseparate-code -Wl,-z,norelro \
            -Wl,-z,common-page-size=16 $(EXTRA_LDFLAGS)
LDLIBS   := $(CAPNG_LIB)

INIT_SRCS := $(wildcard init/*.c)
LIB_OBJS  := $(patsubst init/%.c,$(O)/init/%.o,$(filter-out init/main.c,$(INIT_SRCS)))
# The fault injector only where arch/ says how to rewrite a traced call (ptrace.h); it runs
# natively anyway, tracing qemu-user's calls for the other arches.
HELPERS   := $(patsubst tests/helpers/%.c,$(O)/helpers/%,$(filter-out \
             $(if $(wildcard arch/$(ARCH)/ptrace.h),,tests/helpers/inject.c),$(wildcard tests/helpers/*.c)))
UNITS     := $(patsubst tests/unit/%.c,$(O)/unit/%,$(wildcard tests/unit/*.c))

.PHONY: all bench demo deps fresh check check-all mutate difftest fuzz check-fuzz install dist dist-bins image deb check-unit check-capng test-programs clean distclean help \
        defconfig allnoconfig menuconfig savedefconfig oldconfig
all: $(O)/ocinit

help:
	@echo 'make [ARCH=x86_64|aarch64|i386|armhf|armel|ppc64el|s390x|mips64el]  build $$O/ocinit (O: build/$$ARCH)'
	@echo 'make deps                    install build/test packages (root, Debian 12)'
	@echo 'make check                   every test on x86_64 and aarch64, the core set on the other six'
	@echo 'make check-all               make check with the whole fault matrix, make fuzz, make mutate'
	@echo 'make mutate [ONLY="N ..."]   plant the bugs of tests/mutations: the tests must catch each'
	@echo 'make fresh                   the README quick start in a pristine Debian 12 root'
	@echo 'make bench                    ocinit beside tini, dumb-init, catatonit (build/bench)'
	@echo 'make demo                    show ocinit at work as PID 1'
	@echo 'make difftest [ARCH=] [N=1000] [SEED=S]  credentials: ocinit against runc'
	@echo 'make fuzz [FUZZ_SECONDS=60]  fuzz the JSON reader (libFuzzer, ASan, UBSan)'
	@echo 'make install [DESTDIR=] [PREFIX=/usr/local]   the binary and ocinit(8)'
	@echo 'make dist                    release tarballs for every arch and SHA256SUMS'
	@echo 'make image                   an OCI image archive, every arch (build/image)'
	@echo 'make deb                     Debian packages, every arch (build/deb)'
	@echo 'make defconfig|allnoconfig|menuconfig|savedefconfig   choose features (.config)'

deps:
	sh tests/deps.sh $(SRC_DIR)

# make fresh: the README's quick start inside a pristine Debian 12 minbase root (tests/fresh.sh).
fresh:
	bash tests/fresh.sh

# ---- Kconfig -----------------------------------------------------------------------------
defconfig:
	kconfig-conf --defconfig=configs/defconfig Kconfig >/dev/null
allnoconfig:
	kconfig-conf --allnoconfig Kconfig >/dev/null
oldconfig:
	kconfig-conf --oldconfig Kconfig
menuconfig:
	kconfig-mconf Kconfig
savedefconfig: $(KCONFIG_CONFIG)
	kconfig-conf --savedefconfig=defconfig Kconfig && echo 'wrote ./defconfig'

# No .config: start from the defconfig. A newer Kconfig: new symbols take their defaults.
$(KCONFIG_CONFIG): Kconfig
	@if [ -f $@ ]; then kconfig-conf --olddefconfig Kconfig >/dev/null; \
	 else kconfig-conf --defconfig=configs/defconfig Kconfig >/dev/null; fi; touch $@

# Every symbol of Kconfig is defined, to 1 when set and to 0 otherwise.
$(O)/config.h: $(KCONFIG_CONFIG) Kconfig
	@mkdir -p $(@D)
	awk 'FNR == NR { if (/^CONFIG_[A-Z0-9_]+=y$$/) { sub(/=y$$/, ""); on[$$0] = 1 } next } \
	     /^config [A-Z0-9_]+/ { printf "#define CFG_%s %d\n", $$2, (("CONFIG_" $$2) in on) }' \
	     $(KCONFIG_CONFIG) Kconfig > $@.tmp && mv $@.tmp $@

# ---- kernel headers only, for musl-gcc -----------------------------------------------------
$(KHDR)/.done:
	@mkdir -p $(KHDR)
	ln -sfn $(KHDR_LINUX) $(KHDR)/linux
	ln -sfn $(KHDR_ASM) $(KHDR)/asm
	ln -sfn $(KHDR_GENERIC) $(KHDR)/asm-generic
	@touch $@

# ---- libcap-ng ------------------------------------------------------------------------------
$(CAPNG_DSC):
	@echo 'libcap-ng source missing: run `make deps` (as root) first' >&2; exit 1

$(CAPNG_SRC)/.done: $(CAPNG_DSC) init/libcap-ng.patch
	cd $(SRC_DIR) && echo '$(CAPNG_SHA256)' | sha256sum -c --quiet
	rm -rf $(CAPNG_SRC) && cd $(SRC_DIR) && dpkg-source -q -x $(notdir $(CAPNG_DSC)) >/dev/null
	patch -s -d $(CAPNG_SRC) -p1 < init/libcap-ng.patch
	@touch $@

$(CAPNG_LIB): $(CAPNG_SRC)/.done $(KHDR)/.done Makefile arch/$(ARCH)/arch.mk
	rm -rf $(CAPNG_BUILD) && mkdir -p $(CAPNG_BUILD)
	cd $(CAPNG_BUILD) && $(abspath $(CAPNG_SRC))/configure --host=$(TRIPLET) CC=$(CC) \
	    AR=$(AR) RANLIB=$(RANLIB) \
	    CPPFLAGS='-isystem $(abspath $(KHDR)) -Dconstructor=used' \
	    CFLAGS='$(SIZE_CFLAGS)' \
	    LDFLAGS='-static -no-pie' --disable-shared --enable-static --without-python --without-python3 \
	    > configure.out 2>&1 || { tail -20 configure.out; exit 1; }
	$(MAKE) -s -C $(CAPNG_BUILD)/src

# libcap-ng's own test suite, run for this arch.
check-capng: $(CAPNG_LIB)
	$(MAKE) -s -C $(CAPNG_BUILD)/src/test check LOG_COMPILER=$(RUN)

# ---- ocinit -----------------------------------------------------------------------------------
$(O)/init/%.o: init/%.c init/*.h arch/$(ARCH)/*.h arch/$(ARCH)/arch.mk Makefile $(O)/config.h $(KHDR)/.done $(CAPNG_SRC)/.done
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CFLAGS) -c -o $@ $<

$(O)/init/usage.o: $(O)/commit

# An archive, so that a room no enabled feature calls is not linked at all (an object named
# on the command line always is, and would pull in libcap-ng and its constructor).
$(O)/libocinit.a: $(LIB_OBJS)
	rm -f $@ && $(AR) rcs $@ $^

# -R .comment: the compiler's name and version, which the binary has no use for.
$(O)/ocinit: $(O)/init/main.o $(O)/libocinit.a $(CAPNG_LIB)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(O)/init/main.o $(O)/libocinit.a $(LDLIBS)
	$(STRIP) -R .comment $@

# ---- tests -------------------------------------------------------------------------------------
$(O)/helpers/%: tests/helpers/%.c arch/$(ARCH)/seccomp.h $(KHDR)/.done
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -Iarch/$(ARCH) $(LDFLAGS) -o $@ $<

$(O)/unit/%: tests/unit/%.c tests/unit/unit.h $(O)/libocinit.a $(CAPNG_LIB)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CFLAGS) -Itests/unit $(LDFLAGS) -o $@ $< $(O)/libocinit.a $(LDLIBS)

test-programs: $(O)/ocinit $(HELPERS) $(UNITS)

check-unit: $(UNITS)
	@for t in $(UNITS); do $(RUN) $$t || exit 1; done

check:
	bash tests/run.sh

# make check-all: make check with the whole fault matrix (every occurrence of every call of
# ocinit's, with every errno), then the fuzzer for FUZZ_SECONDS, then make mutate.
check-all:
	FAULTS=all bash tests/run.sh
	$(MAKE) fuzz
	$(MAKE) mutate

# make mutate [ONLY="N ..."]: each bug of tests/mutations planted in a copy of the tree, which
# the tests it names must catch (tests/mutate.sh).
mutate:
	bash tests/mutate.sh

# make bench: ocinit against tini, tini-static, dumb-init and catatonit (tests/bench.sh).
bench:
	bash tests/bench.sh

# make difftest [ARCH=...] [N=1000] [SEED=...]: more configs against runc than make check's.
N ?= 1000
difftest:
	ARCH=$(ARCH) bash tests/runtime/difftest.sh $(N) $(SEED)

demo: $(O)/ocinit $(O)/helpers/nosys
	sh tests/demo.sh $(O)/ocinit $(O)/helpers

# ---- delivery ------------------------------------------------------------------------------------
PREFIX  ?= /usr/local
DESTDIR ?=
install: $(O)/ocinit
	install -D -m 0755 $(O)/ocinit $(DESTDIR)$(PREFIX)/sbin/ocinit
	install -D -m 0644 init/ocinit.8 $(DESTDIR)$(PREFIX)/share/man/man8/ocinit.8

# The release binaries: build/dist-ARCH/ocinit for every arch, defconfig (the .config
# replaced only when it changes, so that an unchanged tree is not rebuilt).
dist-bins:
	@for a in $(ARCHES); do o=build/dist-$$a; \
	    KCONFIG_CONFIG=$$o.config.new kconfig-conf --defconfig=configs/defconfig Kconfig >/dev/null && \
	    { cmp -s $$o.config.new $$o.config && rm $$o.config.new || mv $$o.config.new $$o.config; } && \
	    $(MAKE) -s ARCH=$$a O=$$o KCONFIG_CONFIG=$$o.config || exit 1; \
	done

# make dist: build/dist/ocinit-VERSION-ARCH.tar.gz for every arch (defconfig: the binary,
# the man page, README.md) and SHA256SUMS over them.
DIST := build/dist
dist: dist-bins
	@rm -rf $(DIST) && mkdir -p $(DIST)
	@for a in $(ARCHES); do \
	    o=build/dist-$$a; n=ocinit-$(VERSION)-$$a; \
	    rm -rf $$o/$$n && mkdir -p $$o/$$n && \
	    cp $$o/ocinit init/ocinit.8 README.md $$o/$$n/ && \
	    tar -C $$o --owner=0 --group=0 --sort=name --mtime=@0 -czf $(DIST)/$$n.tar.gz $$n || exit 1; \
	done
	cd $(DIST) && sha256sum *.tar.gz > SHA256SUMS && cat SHA256SUMS

# make image: build/image/ocinit-VERSION.oci.tar, an OCI image (FROM scratch, /sbin/ocinit)
# for every arch in one index, byte for byte the same on every build (pkg/image.py).
image: dist-bins
	python3 pkg/image.py $(VERSION) build/image $(foreach a,$(ARCHES),build/dist-$(a)/ocinit)

# make deb: build/deb/ocinit_VERSION_DEBARCH.deb for every arch (pkg/deb.sh).
deb: dist-bins
	sh pkg/deb.sh $(VERSION) build/deb $(foreach a,$(ARCHES),build/dist-$(a)/ocinit)

# ---- fuzzing: glibc host builds with clang's libFuzzer, ASan and UBSan --------------------------
# fuzz_json: json.c. fuzz_text: the OCI walk (without CAPS: its names are libcap-ng's),
# passwd/group, the number scanner and list splitter, signal and rlimit names; without leak
# detection, since a loaded config's strings belong to ocinit until it ends, by design.
FUZZ_SECONDS ?= 60
FUZZ_CC := clang -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all -D_GNU_SOURCE \
            -DOCINIT_VERSION='"$(VERSION)"' -DOCINIT_ARCH='"host"' -DOCINIT_COMMIT='"fuzz"' -DARCH_KSTAT=1
FUZZER := build/fuzz/fuzz_json
FUZZER_TEXT := build/fuzz/fuzz_text
FUZZ_TEXT_SRCS := tests/fuzz/fuzz_text.c tests/fuzz/mem_libc.c tests/fuzz/unreached.c $(addprefix init/,json.c jread.c \
                  oci.c passwd.c rlimits.c args.c log.c signals.c sort.c options.c usage.c env.c \
                  fields.c apply.c print.c resolve.c users.c ioprio.c sched.c affinity.c lsm.c)
$(FUZZER): tests/fuzz/fuzz_json.c tests/fuzz/mem_libc.c init/json.c init/json.h init/mem.h
	@mkdir -p $(@D)
	$(FUZZ_CC) -Iinit -o $@ tests/fuzz/fuzz_json.c tests/fuzz/mem_libc.c init/json.c
# Its config.h: every feature the parsers need, CAPS and VM off.
build/fuzz/config.h: Kconfig
	@mkdir -p $(@D)
	awk '/^config [A-Z0-9_]+/ { printf "#define CFG_%s %d\n", $$2, $$2 != "CAPS" && $$2 != "VM" }' Kconfig > $@
$(FUZZER_TEXT): $(FUZZ_TEXT_SRCS) init/*.h build/fuzz/config.h
	$(FUZZ_CC) -Ibuild/fuzz -Iinit -Iarch/x86_64 -o $@ $(FUZZ_TEXT_SRCS)

# make fuzz: explore each for FUZZ_SECONDS, new inputs kept in build/fuzz/ (not in git), and
# what fails (crash-*, leak-*, timeout-*) there too, never in the working directory.
ARTIFACTS := -artifact_prefix=build/fuzz/
fuzz: $(FUZZER) $(FUZZER_TEXT)
	@mkdir -p build/fuzz/corpus build/fuzz/corpus-text
	$(FUZZER) $(ARTIFACTS) -max_total_time=$(FUZZ_SECONDS) build/fuzz/corpus tests/fuzz/corpus
	ASAN_OPTIONS=detect_leaks=0 $(FUZZER_TEXT) $(ARTIFACTS) -detect_leaks=0 -max_total_time=$(FUZZ_SECONDS) build/fuzz/corpus-text tests/fuzz/corpus-text

# Replay the seed corpora (and any extra files given in FUZZ_REPLAY, JSON) once each.
check-fuzz: $(FUZZER) $(FUZZER_TEXT)
	$(FUZZER) $(ARTIFACTS) -runs=0 tests/fuzz/corpus $(FUZZ_REPLAY)
	ASAN_OPTIONS=detect_leaks=0 $(FUZZER_TEXT) $(ARTIFACTS) -detect_leaks=0 -runs=0 tests/fuzz/corpus-text

clean:
	rm -rf $(foreach a,$(ARCHES),build/$(a)*) build/fuzz build/dist* build/image build/deb
distclean:
	rm -rf build .config .config.old
