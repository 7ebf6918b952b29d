# cocom — the two commands a newcomer needs: `make serve` and `make test`.
PY     ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
export HF_HUB_OFFLINE=1
export TRANSFORMERS_OFFLINE=1
export GRADIO_ANALYTICS_ENABLED=False
export ANONYMIZED_TELEMETRY=False

CHROMIUM := /usr/bin/chromium
SUDO   := $(shell [ "$$(id -u)" = 0 ] || command -v sudo)

.PHONY: install browser index serve test test-unit eval bench calibrate lint format clean

install: $(STAMP)

# Debian's Chromium, for the real-browser UI test (Playwright drives it; no browser download).
browser: $(CHROMIUM)
$(CHROMIUM):
	$(SUDO) apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium

# Re-runs only when pyproject.toml changes; otherwise a no-op.
$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	# the CPU build of torch first: an unpinned torch would pull a multi-GB CUDA build
	$(BIN)/pip install -q torch==2.13.0
	# llm-test: llama-cpp-python compiles from source the first time (~6 min on 2 cores)
	$(BIN)/pip install -q -e '.[test,dev,llm-test]'
	@touch $(STAMP)

index: install
	$(BIN)/cocom index

serve: install
	$(BIN)/cocom index
	$(BIN)/cocom serve

test: install browser
	$(BIN)/python -m pytest

test-unit: install
	$(BIN)/python -m pytest -m unit

eval: install
	$(BIN)/cocom index
	$(BIN)/cocom eval

bench: install
	$(BIN)/cocom index
	$(BIN)/cocom bench

calibrate: install
	$(BIN)/cocom index
	$(BIN)/python evals/calibrate_abstention.py

lint: install
	$(BIN)/ruff check rag app tests evals
	$(BIN)/ruff format --check rag app tests evals

format: install
	$(BIN)/ruff format rag app tests evals
	$(BIN)/ruff check --fix rag app tests evals

clean:
	rm -rf index .pytest_cache build *.egg-info
