# Everything a fresh clone needs: `make build` (site into site/) and `make test` (every test).
# Both create .venv/ from requirements.txt on first use.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.requirements-installed
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: build serve test test-fast lint check status diff stamp report bench clean clean-venv

$(STAMP): requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.txt
	# the generator, as the MkDocs plugin `translations` (editable: hooks/translations/ as it is)
	$(BIN)/pip install --quiet --no-deps --editable .
	touch $@

## build: strict build of both languages into site/ (open site/index.html, no server needed),
# with each language's Markdown twins, llms.txt, llms-full.txt and PDF (hooks/translations/plugin.py)
# The build date (sitemap.xml, sitemap.xml.gz) is the last commit's, so two builds of one commit
# are byte-identical; set SOURCE_DATE_EPOCH to choose another.
build: $(STAMP)
	SOURCE_DATE_EPOCH=$${SOURCE_DATE_EPOCH:-$$(git log -1 --format=%ct 2>/dev/null || date +%s)} \
	  $(BIN)/mkdocs build --strict --clean

## serve: live preview on http://127.0.0.1:8000/ (Chinese under /zh/)
serve: $(STAMP)
	$(BIN)/mkdocs serve --strict -a 127.0.0.1:8000

## test: lint, then every test, TEST_WORKERS at a time (pytest-xdist; the real site is built once
## for all of them; a module stays on one worker, so its own build is made once; builds go to
## temporary folders, never site/). Modules go out in tests/conftest.py's order (the ones that
## build or open a browser first), not xdist's (most tests first). What CI runs.
## Three workers on two cores: a worker often waits (for a build it started, for Chromium), and a
## third keeps both cores busy meanwhile. Fresh clone, idle machine: 4 min 27 s with 2, 4 min 2 s
## with 3, 4 min 5 s with 4.
TEST_WORKERS ?= 3
test: $(STAMP) lint
	$(BIN)/pytest -n $(TEST_WORKERS) --dist loadscope --no-loadscope-reorder

## test-fast: the edit loop, under 30 s: lint and every test that builds no real site and opens
## no browser (-m "not slow and not browser"); `make test` before pushing
## pure Python that waits for nothing: one worker per core
FAST_WORKERS ?= 2
test-fast: $(STAMP) lint
	$(BIN)/pytest -n $(FAST_WORKERS) --dist loadscope --no-loadscope-reorder -m "not slow and not browser"

lint: $(STAMP)
	$(BIN)/ruff check hooks tests bench
	$(BIN)/ruff format --check hooks tests bench

## check: the translation, skill and pricing checks without building the site
check: $(STAMP)
	$(BIN)/python -m translations

## status: translation status per page; with PAGE=..., what changed in the English since the
## version that the Chinese page translates, section by section (the translator's to-do list)
status: $(STAMP)
	$(BIN)/python -m translations status $(if $(PAGE),"$(PAGE)")

## diff: the same as `make status PAGE=...`
diff: $(STAMP)
	$(BIN)/python -m translations diff $(if $(PAGE),"$(PAGE)")

## stamp: record that docs/zh/PAGE translates the current English page (all pages without PAGE);
## refused, naming every difference, while the page disagrees with the current English
stamp: $(STAMP)
	$(BIN)/python -m translations stamp $(if $(PAGE),"$(PAGE)")

## report: per translation language, each page missing, behind, contradicting or up to date, with
## its first finding (Markdown; REPORT_ARGS="--format json --output status.json --fail-on contradicts")
report: $(STAMP)
	$(BIN)/python -m translations report $(REPORT_ARGS)

## bench: benchmarks (about 5 minutes on 2 cores); writes bench/RESULTS.md
bench: $(STAMP)
	$(BIN)/python -m bench $(BENCH_ARGS)

clean:
	rm -rf site test-artifacts .pytest_cache

clean-venv:
	rm -rf $(VENV)
