# Set-up and entry points; see README.md.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup run test train bench generate vendor clean

setup: $(STAMP)

$(STAMP): requirements.lock pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@echo "setup: installing locked dependencies into $(VENV) (log: $(VENV)/setup.log)"
	@{ $(BIN)/python -m pip install --disable-pip-version-check --upgrade "pip>=24" \
	  && $(BIN)/python -m pip install --disable-pip-version-check -r requirements.lock \
	  && $(BIN)/python -m pip install --disable-pip-version-check --no-deps -e . ; } > $(VENV)/setup.log 2>&1 \
	  || { tail -n 40 $(VENV)/setup.log; echo "setup: failed; full log in $(VENV)/setup.log"; exit 1; }
	@touch $(STAMP)
	@echo "setup: $(VENV) ready"

run: setup
	@$(BIN)/evidence run

# One test worker per CPU core, at most 4 (each loads spaCy and starts its own Prefect server);
# PYTEST_XDIST_AUTO_NUM_WORKERS=N chooses. loadfile: a module's tests share a worker (more in tests/conftest.py).
test: setup
	@$(BIN)/python -m pytest -n auto --maxprocesses 4 --dist loadfile

train: setup
	@$(BIN)/evidence train

bench: setup
	@$(BIN)/python bench/bench_ingest.py

# Regenerate the files derived from schemas/: warehouse/tables/*.sql and schemas/jsonschema/*.json.
generate: setup
	@$(BIN)/python -m schemas.ddl --write
	@$(BIN)/python -m schemas.export_jsonschema --write

# Re-fetch the Data Docs' CDN assets from the npm registry into schemas/validate/data_docs_assets/ (needs npm).
vendor: setup
	@$(BIN)/python -m schemas.validate.vendor_data_docs_assets

clean:
	rm -rf $(VENV) .cache .prefect reports warehouse.duckdb
