# The commands everyone uses. See README.md.
#   make serve   set up .venv from the lock file and serve http://127.0.0.1:8000
#   make test    set up, then every check and every test (browser included)
#   make build   strict build into site/, with the PDFs and every release's frozen
#                edition (nothing is left in site/ when any step fails)
#   make check   the strict MkDocs build (no PDFs, no frozen editions: no browser) and
#                every content check on it (< 1 minute)
#   make properdocs  the same build and tests on ProperDocs (the fork of MkDocs 1.6)
#   make lighthouse  Lighthouse scores of the main pages (after make build)
#   make bench   benchmarks, as ratios against a baseline in the same run
#   make lock    regenerate requirements.txt (exact versions, hashes) from requirements.in

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
# The builder: MkDocs 1.6, or ProperDocs, its maintained fork (make properdocs).
MKDOCS ?= $(BIN)/mkdocs
export DOM_BUILDER ?= mkdocs
STAMP := $(VENV)/.installed-$(shell cat requirements.txt pyproject.toml | sha256sum | cut -c1-12)
export NO_MKDOCS_2_WARNING := 1
# mkdocs-redirects pulls in a second banner of the same kind (properdocs); it has its own switch.
export DISABLE_MKDOCS_2_WARNING := true
export PIP_DISABLE_PIP_VERSION_CHECK := 1
# Python keeps compiled modules in __pycache__/ (ignored by git) unless this is set, and
# some machines set it. Without the cache every build, every dom-site command and every
# test worker compiles the project's package and pytest rewrites every test module again.
unexport PYTHONDONTWRITEBYTECODE

.PHONY: setup serve build check lint test lighthouse bench lock chromium java clean

setup: $(STAMP) node_modules/.installed

# The Node tools of the content checks (cspell, markdownlint-cli2), exactly as locked;
# again whenever package-lock.json changes.
node_modules/.installed: package-lock.json
	npm ci --no-audit --no-fund
	touch $@

# The project's own package (src/dom_site) goes in editable and without build isolation:
# the venv's own setuptools builds it, so nothing outside the hashed lock is fetched.
$(STAMP): requirements.txt pyproject.toml
	rm -f $(VENV)/.installed-*
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r requirements.txt
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $@

# mkdocs.yml first: a mistake in it is said once, at its line, in Dutch (MkDocs says it in English).
serve: setup
	$(BIN)/dom-site config
	$(MKDOCS) serve --strict --dev-addr 127.0.0.1:8000

# Build into site.tmp/ and move it into place only when everything succeeded,
# so a failed build never leaves anything a deploy could pick up.
# SITE: where (the tests build into a temporary folder when no site is given them).
SITE ?= site
build: setup chromium
	rm -rf $(SITE) $(SITE).tmp
	$(BIN)/dom-site config
	$(MKDOCS) build --strict --clean -d $(SITE).tmp || { rm -rf $(SITE).tmp; exit 1; }
	$(BIN)/dom-site pdfs --site $(SITE).tmp || { rm -rf $(SITE).tmp; exit 1; }
	$(BIN)/dom-site editions --site $(SITE).tmp || { rm -rf $(SITE).tmp; exit 1; }
	mv $(SITE).tmp $(SITE)

# The sources first (no build), then a strict MkDocs build in a temporary folder (no
# PDFs, no frozen editions: no browser) and every check of it, in one report.
check: setup java lint
	$(BIN)/dom-site check --build

lint: setup
	$(BIN)/ruff check src tests overrides/hooks
	$(BIN)/mypy

chromium:
	bash scripts/ensure-chromium.sh

# The HTML check runs the W3C Nu checker (node_modules/vnu-jar), which needs Java 11 or newer.
java:
	bash scripts/ensure-java.sh

# Every test with two workers (the machine has two cores). The tests build the full site
# once, with `make build` into site/ (BUILD_SITE), while the tests that need no site run;
# they run every content check on it too (tests/test_content_checks.py).
test: setup chromium java lint
	BUILD_SITE=site $(BIN)/python -m pytest -n 2
	@echo "--- Vertalingen (translations): a report, not a failure ---"
	$(BIN)/dom-site translations

# Everything again on ProperDocs, the maintained fork of MkDocs 1.6 that will carry
# the site past Material's end of life; CI runs it weekly and when the lock changes.
properdocs: setup
	$(MAKE) --no-print-directory test MKDOCS=$(abspath $(BIN))/properdocs DOM_BUILDER=properdocs

# Lighthouse on the built site (run make build first); CI runs it after make test.
lighthouse: setup chromium
	@test -d site || { echo "Eerst 'make build' (run 'make build' first)"; exit 1; }
	$(BIN)/dom-site lighthouse --site site

bench: setup chromium
	$(BIN)/dom-site bench

# Ignores this machine's pip configuration so the hashes come from the public index.
lock:
	$(PYTHON) -m venv .cache/lock-venv
	.cache/lock-venv/bin/python -m pip install --quiet pip-tools
	PIP_CONFIG_FILE=/dev/null PIP_FIND_LINKS= CUSTOM_COMPILE_COMMAND="make lock" \
	  .cache/lock-venv/bin/pip-compile --quiet --generate-hashes --allow-unsafe \
	  --strip-extras --no-emit-index-url --no-emit-find-links \
	  -o requirements.txt requirements.in

clean:
	rm -rf site site.tmp .cache .pytest_cache "$$(git rev-parse --git-path dom-site-cache 2>/dev/null)"
