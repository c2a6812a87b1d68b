# force-briefing: `make report` builds the reports, `make test` runs the tests.
# Both set everything up first (idempotent): see scripts/setup.sh.
.DEFAULT_GOAL := help
VENV := .venv
BIN := $(VENV)/bin
ARTICLES ?= data/articles
OUT ?= reports

.PHONY: help setup report extract evaluate test benchmark clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

setup: ## create .venv, install pinned packages, spaCy model, Chromium, Jupyter kernel
	@bash scripts/setup.sh

report: setup ## build HTML and PDF reports for $(ARTICLES) into $(OUT)/
	$(BIN)/briefing build --articles $(ARTICLES) --out $(OUT)

extract: setup ## write actors/forces/stances CSVs for $(ARTICLES) into $(OUT)/tables
	$(BIN)/briefing extract $(ARTICLES) --out $(OUT)/tables

evaluate: setup ## score extraction on the seed gold and both dev splits
	$(BIN)/briefing evaluate --gold data/gold --articles data/articles
	$(BIN)/briefing evaluate --gold data/dev/tune/gold --articles data/dev/tune/articles
	$(BIN)/briefing evaluate --gold data/dev/holdout/gold --articles data/dev/holdout/articles

test: setup ## run the test suite (what CI runs)
	$(BIN)/python -m pytest

benchmark: setup ## time a cold and a warm full build against the papermill+nbconvert floor
	$(BIN)/python benchmarks/build_time.py

clean: ## remove built reports (keeps .venv)
	rm -rf $(OUT)/*.html $(OUT)/*.pdf $(OUT)/executed $(OUT)/tables
