# Two commands do everything on a fresh machine with Python 3.11:
#   make run    - set up, copy the sample inbox to ./work/inbox, run one pass on SQLite, print the result
#   make test   - set up, run the whole suite (also on PostgreSQL when GAPFLOW_TEST_PG_URL is set)
PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
UV     := .tools/bin/uv
WORK   ?= work

.PHONY: run test eval models corpus lint bench fixtures clean system-packages chromium

# System packages the OCR tests and old formats need: LibreOffice (.doc/.wps/.rtf/.odt) and a CJK font
# (the tests typeset letters to make scans). Installed with apt only when missing and when root (CI);
# elsewhere a note: gapflow then quarantines old formats as doc.unsupported naming the fix, and the
# tests that need them skip on a developer's machine but fail under CI=true.
APT_PACKAGES := libreoffice-writer-nogui fonts-wqy-microhei
system-packages:
	@if ! command -v soffice >/dev/null 2>&1 || [ ! -e /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "apt-get install $(APT_PACKAGES) (about 30 s)"; \
	    apt-get update -qq >/dev/null 2>&1; \
	    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $(APT_PACKAGES) >/dev/null \
	      || echo "apt-get failed: old formats will be quarantined, OCR tests fail under CI"; \
	  else \
	    echo "LibreOffice not installed: old formats (.doc/.wps/.rtf/.odt) will be quarantined as doc.unsupported;" \
	         "as root: apt-get install $(APT_PACKAGES)"; \
	  fi; \
	fi

$(UV):
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "需要 Python 3.11 (python3.11)"; exit 1; }
	$(PYTHON) -m venv .tools
	.tools/bin/pip install -q --disable-pip-version-check uv==0.13.9

# Bytecode is compiled at install time (uv does not by default): where PYTHONDONTWRITEBYTECODE is set, or the
# virtualenv is read-only, every process (the run, its workers, Prefect's server) would otherwise compile
# Prefect, SQLAlchemy, scipy... from source at each start: half the CPU of a 300-document run here (bench/README.md).
PACKAGES := gapflow pipeline config services review schemas extractors rules storage flows bench
$(BIN)/.installed: pyproject.toml $(UV)
	@$(MAKE) -s system-packages
	$(UV) venv -q --allow-existing -p $(PYTHON) $(VENV)
	VIRTUAL_ENV=$(VENV) $(UV) pip install -q --compile-bytecode -e '.[dev]'
	$(BIN)/python -m compileall -q $(PACKAGES) >/dev/null
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

test: $(BIN)/.installed system-packages chromium
	$(BIN)/python -m pytest

# The review app's browser tests drive Debian's chromium (Playwright cannot download its own browser here).
# Installed when missing; when apt cannot, the browser tests fail loudly rather than skip.
chromium:
	@test -x /usr/bin/chromium || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; } \
		|| echo "无法安装 chromium（需要 root 与 apt）：审核系统的浏览器测试将失败"

# Figures for the committed fixtures, then every corpus set (dev, holdouts, blind), rules alone and with models.
eval: $(BIN)/.installed
	$(BIN)/python -m bench.evaluate
	$(BIN)/python -m bench.eval_corpus

# The learned models, rebuilt from tests/fixtures/corpus; installed only when not worse on the dev set.
models: $(BIN)/.installed
	$(BIN)/python -m bench.train

# Copy the writers' train/dev sets (texts and goldens) into tests/fixtures/corpus.
corpus: $(BIN)/.installed
	$(BIN)/python -m bench.corpus sync

# make bench: 100 and 1,000 documents (a few minutes); make bench N=10000 for one other size
bench: $(BIN)/.installed
	$(BIN)/python -m bench.run $(if $(N),--sizes $(N)) $(BENCH_ARGS)

lint: $(BIN)/.installed
	$(BIN)/ruff check .

fixtures: $(BIN)/.installed
	$(BIN)/python -m tests.fixtures.build

clean:
	rm -rf $(VENV) .tools $(WORK)
