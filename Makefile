# Two commands do everything on a fresh machine with Python 3.11:
#   make run    - set up, copy the sample inbox to ./work/inbox, run one pass on SQLite, print the result
#   make test   - set up, run the whole suite (also on PostgreSQL when GAPFLOW_TEST_PG_URL is set)
PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
UV     := .tools/bin/uv
WORK   ?= work

.PHONY: run test eval lint bench fixtures clean

$(UV):
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "需要 Python 3.11 (python3.11)"; exit 1; }
	$(PYTHON) -m venv .tools
	.tools/bin/pip install -q --disable-pip-version-check uv==0.13.9

$(BIN)/.installed: pyproject.toml $(UV)
	$(UV) venv -q --allow-existing -p $(PYTHON) $(VENV)
	VIRTUAL_ENV=$(VENV) $(UV) pip install -q -e '.[dev]'
	touch $@

run: $(BIN)/.installed
	mkdir -p $(WORK)/inbox
	cp -n samples/inbox/* $(WORK)/inbox/ 2>/dev/null || true
	GAPFLOW_HOME=$(CURDIR)/$(WORK) $(BIN)/gapflow run --inbox $(WORK)/inbox
	@echo
	@echo "数据库: $(WORK)/gapflow.db    已处理: $(WORK)/processed/    隔离: $(WORK)/quarantine/"
	@echo "导出: GAPFLOW_HOME=$(WORK) $(BIN)/gapflow export --out $(WORK)/export.jsonl"

test: $(BIN)/.installed
	$(BIN)/python -m pytest

eval: $(BIN)/.installed
	$(BIN)/python -m bench.eval

bench: $(BIN)/.installed
	$(BIN)/python -m bench.run

lint: $(BIN)/.installed
	$(BIN)/ruff check .

fixtures: $(BIN)/.installed
	$(BIN)/python -m tests.fixtures.build

clean:
	rm -rf $(VENV) .tools $(WORK)
