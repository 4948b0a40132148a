# Two commands for a newcomer: `make run` and `make test`. Both set up what is missing first.
.PHONY: setup run dev test lint format bench

setup:
	@bash scripts/setup.sh

run: setup
	@bash scripts/run.sh

# The same stack with Django's auto-reloading debug server (DEBUG on) instead of gunicorn.
dev: setup
	@bash scripts/run.sh --dev

test: setup lint
	@DJANGO_SETTINGS_MODULE=config.settings.test .venv/bin/python -m pytest --numprocesses=2 --dist=worksteal

# lint-imports keeps each app to the layers below it (docs/architecture.md).
lint:
	@.venv/bin/ruff check .
	@.venv/bin/ruff format --check .
	@.venv/bin/lint-imports --no-cache --no-logo

format:
	@.venv/bin/ruff check --fix .
	@.venv/bin/ruff format .

bench: setup
	@for script in bench/*.py; do echo "== $$script"; .venv/bin/python $$script; done
