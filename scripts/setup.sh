#!/usr/bin/env bash
# Everything `make run` and `make test` need before they start: services, Python packages,
# translations and the database schema. Safe to run again; it only does what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/ensure_services.sh

PYTHON="${PYTHON:-python3}"
if ! command -v "$PYTHON" >/dev/null 2>&1 || ! "$PYTHON" -c 'import venv, ensurepip' >/dev/null 2>&1; then
  echo "-- installing Python 3 with venv"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq --no-install-recommends python3 python3-venv python3-dev >/dev/null
fi
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
if [ ! -f .venv/.installed ] || [ requirements.txt -nt .venv/.installed ]; then
  echo "-- installing Python packages"
  # The log is filtered only after pip's own exit status has been checked.
  if ! .venv/bin/pip install -q -r requirements.txt > .venv/pip.log 2>&1; then cat .venv/pip.log; exit 1; fi
  touch .venv/.installed
fi

.venv/bin/python manage.py compilemessages --ignore=.venv -v 0
.venv/bin/python manage.py migrate --no-input -v 0
echo "-- set-up done"
