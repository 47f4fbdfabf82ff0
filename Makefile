# Two commands on a fresh machine: `make ingest` (the main job) and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
RAW    ?= data/raw
DB     ?= data/db/gongkai.sqlite
PORT   ?= 8001

.PHONY: ingest test export check serve bench accuracy fuzz fixtures clean

$(BIN)/gongkai: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

# The package's bytecode first (a no-op when up to date): with PYTHONDONTWRITEBYTECODE set, as on some machines,
# every process of a run (the command, its workers' forkserver) would compile ~70 modules again (~0.1 s each).
ingest: $(BIN)/gongkai
	$(BIN)/python -m compileall -q pipeline extractors > /dev/null
	$(BIN)/gongkai --db $(DB) ingest $(RAW)

test: $(BIN)/gongkai
	$(BIN)/python -m pytest -q

export: $(BIN)/gongkai
	$(BIN)/gongkai --db $(DB) export --format jsonl

check: $(BIN)/gongkai
	$(BIN)/gongkai --db $(DB) check

# Datasette on the database (any file name): the analyst views, Chinese column labels, facets, search, canned
# queries (`make serve DB=path/to/x.sqlite PORT=8002`).
serve: $(BIN)/gongkai
	$(BIN)/gongkai --db $(DB) serve --port $(PORT)

# Reading and loading speed and memory on a generated corpus (a report, not a test; pipeline/bench):
# BENCH_ARGS="--n 500" a larger corpus; BENCH_ARGS="--docs 10000" the memory/growth run. JSON in data/bench/.
bench: $(BIN)/gongkai
	$(BIN)/python -m pipeline.bench $(BENCH_ARGS)

# Cell accuracy per variant kind and format, identity fields, flag precision/recall, wrong cells to a report file
# (a report, not a test). ACCURACY_ARGS="--generate 40 --seed N" renders fresh random reports instead (needs
# LibreOffice); CASES=../shared/cases adds the shared real-world cases.
accuracy: $(BIN)/gongkai
	$(BIN)/python -m tests.fixture_builder.accuracy $(if $(CASES),--cases $(CASES)) $(ACCURACY_ARGS)

# Fuzzing (a report, not a test): the numeral/quantity/label/section properties at least 10^5 times with the
# slowest inputs, then the timing of 16,000 ASCII letters/digits/hyphens, a 93 KB page and a 2,000-page PDF.
# FUZZ_ARGS="--examples N --pdf-pages P --seed S".
fuzz: $(BIN)/gongkai
	$(BIN)/python -m tests.fuzz_report $(FUZZ_ARGS)

# Regenerate the committed test fixtures and sample reports (needs LibreOffice; see tests/fixture_builder).
fixtures: $(BIN)/gongkai
	$(BIN)/python -m tests.fixture_builder

clean:
	rm -f $(DB) $(DB)-wal $(DB)-shm
