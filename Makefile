# Two commands do everything on a fresh machine with Python 3.11:
#   make run    - set up, copy the sample inbox to ./work/inbox, run one pass on SQLite, print the result
#   make test   - set up, run the whole suite (also on PostgreSQL when GAPFLOW_TEST_PG_URL is set)
PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
UV     := .tools/bin/uv
WORK   ?= work

.PHONY: run test eval lint bench fixtures clean chromium

$(UV):
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "需要 Python 3.11 (python3.11)"; exit 1; }
	$(PYTHON) -m venv .tools
	.tools/bin/pip install -q --disable-pip-version-check uv==0.13.9

$(BIN)/.installed: pyproject.toml $(UV)
	$(UV) venv -q --allow-existing -p $(PYTHON) $(VENV)
	VIRTUAL_ENV=$(VENV) $(UV) pip install -q -e '.[dev]'
	touch $@

# The demo office: a sample inbox copied into ./work, SQLite in ./work/gapflow.db.
DEMO_ENV := GAPFLOW_HOME=$(CURDIR)/$(WORK) GAPFLOW_SETTLE_SECONDS=0 \
	GAPFLOW_JURISDICTION=广西壮族自治区柳州市融水苗族自治县

run: $(BIN)/.installed
	mkdir -p $(WORK)/inbox
	cp samples/inbox/* $(WORK)/inbox/
	$(DEMO_ENV) $(BIN)/gapflow run --inbox $(WORK)/inbox
	$(DEMO_ENV) $(BIN)/gapflow export --out $(WORK)/export.jsonl
	@echo
	@echo "数据库：$(WORK)/gapflow.db   已处理：$(WORK)/processed/   已隔离：$(WORK)/quarantine/"
	@echo "导出（每行一个文档）：$(WORK)/export.jsonl"

test: $(BIN)/.installed chromium
	$(BIN)/python -m pytest

# The review app's browser tests drive Debian's chromium (Playwright cannot download its own browser here).
# Installed when missing; when apt cannot, the browser tests fail loudly rather than skip.
chromium:
	@test -x /usr/bin/chromium || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; } \
		|| echo "无法安装 chromium（需要 root 与 apt）：审核系统的浏览器测试将失败"

eval: $(BIN)/.installed
	$(BIN)/python -m bench.evaluate

# make bench: 100 and 1,000 documents (a few minutes); make bench N=10000 for one other size
bench: $(BIN)/.installed
	$(BIN)/python -m bench.run $(if $(N),--sizes $(N)) $(BENCH_ARGS)

lint: $(BIN)/.installed
	$(BIN)/ruff check .

fixtures: $(BIN)/.installed
	$(BIN)/python -m tests.fixtures.build

clean:
	rm -rf $(VENV) .tools $(WORK)
