# Two commands on a fresh machine: `make ingest` (the main job) and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
RAW    ?= data/raw
DB     ?= data/db/gongkai.sqlite

.PHONY: ingest test export check bench fixtures clean

$(BIN)/gongkai: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

ingest: $(BIN)/gongkai
	$(BIN)/gongkai --db $(DB) ingest $(RAW)

test: $(BIN)/gongkai
	$(BIN)/python -m pytest -q

export: $(BIN)/gongkai
	$(BIN)/gongkai --db $(DB) export --format jsonl

check: $(BIN)/gongkai
	$(BIN)/gongkai --db $(DB) check

# Reading and loading speed: medians per format and reports per second (a report, not a test).
bench: $(BIN)/gongkai
	$(BIN)/python -m pipeline.bench

# Regenerate the committed test fixtures and sample reports (needs LibreOffice; see tests/fixture_builder).
fixtures: $(BIN)/gongkai
	$(BIN)/python -m tests.fixture_builder

clean:
	rm -f $(DB) $(DB)-wal $(DB)-shm
