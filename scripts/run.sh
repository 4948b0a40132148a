#!/usr/bin/env bash
# Start the web server, the outbox dispatcher, a Celery worker and Celery beat; Ctrl-C stops all four.
#   scripts/run.sh        (make run)  the product as in production: gunicorn, DEBUG off, WhiteNoise,
#                                     the project's own 404 and 500 pages (config.settings.serve)
#   scripts/run.sh --dev  (make dev)  Django's auto-reloading debug server, DEBUG on (config.settings.local)
set -euo pipefail
cd "$(dirname "$0")/.."

HOST="${HOST:-127.0.0.1}"
PORT="${PORT:-8000}"
PY=.venv/bin/python
mkdir -p var/log

if [ "${1:-}" = "--dev" ]; then
  export DJANGO_SETTINGS_MODULE="${DJANGO_SETTINGS_MODULE:-config.settings.local}"
  web=($PY manage.py runserver "$HOST:$PORT")
else
  export DJANGO_SETTINGS_MODULE="${DJANGO_SETTINGS_MODULE:-config.settings.serve}"
  $PY manage.py collectstatic --no-input -v 0
  web=(.venv/bin/gunicorn config.wsgi --bind "$HOST:$PORT" --workers "${WEB_WORKERS:-2}"
       --access-logfile var/log/access.log --error-logfile -)
fi

$PY manage.py seed_demo
$PY manage.py setup_periodic_tasks

pids=()
stop() {
  echo; echo "-- stopping"
  # The auto-reloader (make dev) serves from a child process: stop the children first.
  for pid in "${pids[@]}"; do pkill -TERM -P "$pid" 2>/dev/null || true; done
  kill "${pids[@]}" 2>/dev/null || true
  wait "${pids[@]}" 2>/dev/null || true
}
trap stop EXIT INT TERM

$PY manage.py dispatch_outbox > var/log/dispatcher.log 2>&1 & pids+=($!)
.venv/bin/celery -A config worker -l info --concurrency 2 > var/log/worker.log 2>&1 & pids+=($!)
.venv/bin/celery -A config beat -l info > var/log/beat.log 2>&1 & pids+=($!)
"${web[@]}" & pids+=($!)

for _ in $(seq 1 60); do
  curl -fsS -o /dev/null "http://$HOST:$PORT/akun/masuk/" 2>/dev/null && break
  sleep 0.5
done
cat <<MSG

============================================================
 Kinerja is running:  http://$HOST:$PORT/   ($DJANGO_SETTINGS_MODULE)
 Dispatcher, worker and beat logs: var/log/dispatcher.log, var/log/worker.log, var/log/beat.log
$($PY manage.py seed_demo --print-logins)
 Press Ctrl-C to stop the web server, dispatcher, worker and beat.
============================================================
MSG
wait -n "${pids[@]}"
