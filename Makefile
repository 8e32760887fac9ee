# Quoteline — make run | make test | make build | make bench
#
# Every target first installs the system packages it needs (scripts/deps.sh;
# apt-get, with sudo when not root). Go modules come from go.mod.

GO      ?= go
BINARY  ?= quoteline
# migrated_fynedo: we follow Fyne 2.6+'s threading model (fyne.Do), see FyneApp.toml.
# sqlite_omit_load_extension: documents are untrusted; SQLite can never load code.
TAGS    := migrated_fynedo sqlite_omit_load_extension
# Defensive mode stops SQL (from a hostile document) from corrupting the file.
export CGO_ENABLED := 1
export CGO_CFLAGS  := -O2 -DSQLITE_DEFAULT_DEFENSIVE=1
export LANG        ?= C.UTF-8
GOFLAGS_BUILD := -trimpath -tags '$(TAGS)'

.PHONY: all build run test vet bench deps-build deps-test clean

all: build

deps-build:
	@scripts/deps.sh build

deps-test:
	@scripts/deps.sh test

build: deps-build
	$(GO) build $(GOFLAGS_BUILD) -ldflags '-s -w' -o $(BINARY) .

run: build
	./$(BINARY) $(ARGS)

vet: deps-build
	@unformatted=$$(gofmt -l .); if [ -n "$$unformatted" ]; then echo "gofmt needed on:"; echo "$$unformatted"; exit 1; fi
	$(GO) vet -tags '$(TAGS)' ./...

# Unit, widget and end-to-end tests. The end-to-end tests build the real binary
# and drive it under a private Xvfb display.
test: deps-test vet build
	QUOTELINE_E2E=1 QUOTELINE_BIN=$(CURDIR)/$(BINARY) $(GO) test -race -tags '$(TAGS)' -timeout 20m ./...

bench: deps-build
	$(GO) test -tags '$(TAGS)' -run '^$$' -bench . -benchmem ./...

clean:
	rm -f $(BINARY)

# Fuzzing (reliability): run every Go native fuzz target for FUZZTIME each.
# make test runs only their seed corpora; crashers found here are written to
# the package's testdata/fuzz/ and kept there as regression cases.
FUZZTIME ?= 30s
.PHONY: fuzz
fuzz: deps-build
	@set -e; for pkg in $$($(GO) list ./...); do \
		for target in $$($(GO) test -tags '$(TAGS)' -list '^Fuzz' $$pkg | grep '^Fuzz' || true); do \
			echo "fuzz $$pkg $$target for $(FUZZTIME)"; \
			$(GO) test -tags '$(TAGS)' -run '^$$' -fuzz "^$$target$$" -fuzztime $(FUZZTIME) $$pkg; \
		done; \
	done

# Release artifacts (issue 9): Linux tarball and .deb, Windows quoteline.exe and
# NSIS installer, SHA256SUMS, all in dist/; dist-check inspects them.
.PHONY: dist dist-check
dist:
	scripts/dist.sh

dist-check:
	scripts/dist-check.sh
