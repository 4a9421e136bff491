# Föreningsnavet. `make help` lists the verbs.
.DEFAULT_GOAL := help
SHELL := /bin/bash

HOST ?= 127.0.0.1
PORT ?= 8000
# uv on PATH, else the copy `pip install uv` put into this Python.
UV = $(shell command -v uv 2>/dev/null || echo python3 -m uv)
MANAGE = $(UV) run python manage.py

.PHONY: help bootstrap sync messages makemessages demo test screenshots fuzz lint format bench worker

help: ## List the verbs
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) \
		| awk 'BEGIN {FS = ":.*## "}; {printf "  make %-13s %s\n", $$1, $$2}'

bootstrap: ## Install uv with pip if it is missing
	@command -v uv >/dev/null 2>&1 || python3 -m uv --version >/dev/null 2>&1 \
		|| python3 -m pip install --quiet uv \
		|| python3 -m pip install --quiet --user --break-system-packages uv

sync: bootstrap ## Create .venv from uv.lock (exactly the locked versions)
	$(UV) sync --frozen

messages: sync ## Compile the fi and en translations (locale/*.po -> .mo)
	$(MANAGE) compilemessages --ignore=.venv --ignore=node_modules

makemessages: sync ## Collect new strings into locale/ and each coordinator app's locale/
	$(MANAGE) makemessages -l fi -l en --ignore=.venv --ignore=tests \
		--ignore=staticfiles --ignore=media --ignore=bench --ignore=coordinator
	@set -e; for app in coordinator/*/; do \
		if [ -d "$$app/locale" ]; then \
			(cd "$$app" && $(UV) run python $(CURDIR)/manage.py makemessages -l fi -l en); \
		fi; done

demo: export SITE_URL ?= http://$(HOST):$(PORT)
demo: messages ## Migrate SQLite, load demo content, serve on http://127.0.0.1:8000/ (PORT=...)
	$(MANAGE) migrate --noinput
	$(MANAGE) seed_demo
	$(MANAGE) runserver $(HOST):$(PORT)

test: messages ## Run the whole test suite (unit and browser tests), in parallel
	$(UV) run pytest -n auto $(PYTEST_ARGS)

screenshots: messages ## Regenerate docs/screenshots/ (home, directory, profile, registration, Min förening at 390 and 1280 px)
	FNAVET_SCREENSHOTS=1 $(UV) run pytest -p no:xdist -m e2e tests/e2e/test_public_site.py -k "screenshots or min_forening"

fuzz: messages ## Throw many more arbitrary posts and query strings at every public form and list (tests/test_fuzz.py)
	FUZZ_PROFILE=fuzz $(UV) run pytest tests/test_fuzz.py -p no:xdist $(PYTEST_ARGS)

lint: sync ## Check code style (ruff) and the import rules (import-linter)
	$(UV) run ruff check .
	$(UV) run ruff format --check .
	$(UV) run lint-imports

format: sync ## Reformat code and apply safe lint fixes
	$(UV) run ruff format .
	$(UV) run ruff check --fix .

# PYTHONSAFEPATH: bench/ is not put first on sys.path, where bench/http.py would
# hide the standard library's http; PYTHONPATH puts the project there instead.
bench: messages ## Run every benchmark in bench/ (BENCH_ARGS="--quick", see docs/performance.md)
	@for script in bench/[!_]*.py; do \
		echo "== $$script $(BENCH_ARGS)"; \
		PYTHONSAFEPATH=1 PYTHONPATH=$(CURDIR) $(UV) run python "$$script" $(BENCH_ARGS) \
			|| { status=$$?; \
			echo "make bench: $$script failed (exit $$status); the benchmarks after it did not run." >&2; \
			exit 1; }; \
	done

worker: sync ## Run queued tasks (django-tasks-db; needs DJANGO_SETTINGS_MODULE=fnavet.settings.production, dev runs tasks at once)
	$(MANAGE) db_worker
