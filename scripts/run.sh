#!/usr/bin/env bash
# Start the web server, the outbox dispatcher, a Celery worker and Celery beat; Ctrl-C stops all four.
set -euo pipefail
cd "$(dirname "$0")/.."

HOST="${HOST:-127.0.0.1}"
PORT="${PORT:-8000}"
PY=.venv/bin/python
mkdir -p var/log

$PY manage.py seed_demo
$PY manage.py setup_periodic_tasks

pids=()
stop() {
  echo; echo "-- stopping"
  kill "${pids[@]}" 2>/dev/null || true
  wait "${pids[@]}" 2>/dev/null || true
}
trap stop EXIT INT TERM

$PY manage.py dispatch_outbox > var/log/dispatcher.log 2>&1 & pids+=($!)
.venv/bin/celery -A config worker -l info --concurrency 2 > var/log/worker.log 2>&1 & pids+=($!)
.venv/bin/celery -A config beat -l info > var/log/beat.log 2>&1 & pids+=($!)
$PY manage.py runserver "$HOST:$PORT" --noreload & pids+=($!)

for _ in $(seq 1 60); do
  curl -fsS -o /dev/null "http://$HOST:$PORT/akun/masuk/" 2>/dev/null && break
  sleep 0.5
done
cat <<MSG

============================================================
 Kinerja is running:  http://$HOST:$PORT/
 Dispatcher, worker and beat logs: var/log/dispatcher.log, var/log/worker.log, var/log/beat.log
$($PY manage.py seed_demo --print-logins)
 Press Ctrl-C to stop the web server, dispatcher, worker and beat.
============================================================
MSG
wait -n "${pids[@]}"
