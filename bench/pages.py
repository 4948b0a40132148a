"""Benchmark: how fast the heavy pages answer over loopback, at Pemda scale (issue 13, "done when").

Builds (or extends) the data of ``bench/scoring.py`` and the training data of ``bench/training.py``
with their own functions, brings the period's scores, training needs and talent map up to date,
lets the database settle as it does overnight (``VACUUM ANALYZE``), starts gunicorn on loopback with
the production-like settings, logs HR in (a session cookie) and times each page over as many requests
as it takes for its p95 to settle. Prints p50 and p95 per page
against the goal (p95 under 300 ms), with a baseline measured in the same run (the login page, a
template and no data) and each page's ratio to it.

    BENCH_DATABASE_URL=... .venv/bin/python bench/pages.py [--employees 100000] [--port 8000]

The survey responses are as many as ``bench/scoring.py`` builds for that many employees.
Uses ``BENCH_DATABASE_URL`` like ``bench/scoring.py``, never the development database. Not part of
``make test``.
"""

from __future__ import annotations

import argparse
import http.client
import importlib.util
import os
import socket
import statistics
import subprocess
import time
from pathlib import Path

# bench/training.py under another name (the training app owns "training"); it loads bench/scoring.py,
# whose data this page bench times, and loading that sets DATABASE_URL.
_spec = importlib.util.spec_from_file_location("bench_training", Path(__file__).resolve().parent / "training.py")
training_data = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(training_data)
data = training_data.data

GOAL_MS = 300
BATCH = 20
MAX_REQUESTS = 400
SETTLED = 0.05  # p95 of all requests so far moves less than this share with one more batch
HR_USERNAME = "bkpsdm"
BASELINE = "/akun/masuk/"  # a template and no data (the health check fails without Celery running)


def pages(period, largest_opd) -> list[tuple[str, str]]:
    """The pages to time, one line each."""
    return [
        ("HR dashboard", f"/pimpinan/dasbor/?periode={period.pk}"),
        ("talent map", f"/pimpinan/talenta/?periode={period.pk}"),
        ("employee list", "/org/pegawai/"),
        ("scores page of the period", f"/skor/periode/{period.pk}/"),
        ("survey index", "/survei/"),
        (f"survey results of {largest_opd.code}", f"/survei/hasil/{largest_opd.code}/?bawahan=1"),
    ]


def largest_opd():
    """The top-level unit whose subtree holds the most survey responses."""
    from org.models import Unit
    from org.selectors import unit_subtree_ids
    from surveys.models import Response

    return max(
        Unit.objects.filter(parent__isnull=True),
        key=lambda opd: Response.objects.filter(unit_id__in=unit_subtree_ids(opd)).count(),
    )


def settle() -> None:
    """What autovacuum does between the nightly computations and the morning's first reader: dead rows
    reclaimed, visibility and statistics fresh. Timing pages while autovacuum works through the rows the
    recomputations just wrote measures the two sharing two cores, not the pages."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")


def hr_session_cookie() -> str:
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.test import Client

    client = Client()
    client.force_login(get_user_model().objects.get(username=HR_USERNAME))
    return f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"


def start_server(port: int) -> subprocess.Popen:
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.serve"}
    python = str(data.ROOT / ".venv" / "bin" / "python")
    subprocess.run([python, "manage.py", "collectstatic", "--no-input", "-v", "0"], cwd=data.ROOT, env=env, check=True)
    command = [str(data.ROOT / ".venv" / "bin" / "gunicorn"), "config.wsgi", "--bind", f"127.0.0.1:{port}"]
    command += ["--workers", "2", "--timeout", "120", "--log-level", "warning"]
    with socket.socket() as probe:
        if probe.connect_ex(("127.0.0.1", port)) == 0:
            raise SystemExit(f"port {port} is in use")
    server = subprocess.Popen(command, cwd=data.ROOT, env=env)
    for _ in range(100):
        try:
            request(port, BASELINE, cookie="")
            return server
        except OSError:
            time.sleep(0.2)
    server.terminate()
    raise SystemExit("gunicorn did not start")


def request(port: int, path: str, *, cookie: str) -> float:
    """One GET on a fresh connection (as a browser's first request); seconds until the body is read."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    started = time.perf_counter()
    connection.request("GET", path, headers={"Cookie": cookie} if cookie else {})
    response = connection.getresponse()
    response.read()
    elapsed = time.perf_counter() - started
    connection.close()
    if response.status != 200:
        raise SystemExit(f"{path}: HTTP {response.status}")
    return elapsed


def percentile(samples: list[float], share: float) -> float:
    return statistics.quantiles(samples, n=100, method="inclusive")[round(share * 100) - 1]


def measure(port: int, path: str, cookie: str) -> tuple[float, float, int]:
    """p50 and p95 in ms, after one warm-up request, once another batch no longer moves p95."""
    request(port, path, cookie=cookie)
    samples: list[float] = []
    previous = None
    while len(samples) < MAX_REQUESTS:
        samples += [request(port, path, cookie=cookie) for _ in range(BATCH)]
        p95 = percentile(samples, 0.95)
        if previous is not None and abs(p95 - previous) <= SETTLED * previous:
            break
        previous = p95
    return percentile(samples, 0.5) * 1000, percentile(samples, 0.95) * 1000, len(samples)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--employees", type=int, default=100_000)
    parser.add_argument("--port", type=int, default=8000)
    args = parser.parse_args()

    data.ensure_database()
    import django

    django.setup()
    from django.core.management import call_command

    from appraisal.models import AppraisalPeriod
    from leaders.talent.services import talent_map_compute
    from scoring.services import scores_compute
    from training.services import recommendations_compute

    call_command("migrate", verbosity=0)
    data.generate(args.employees)
    print(f"Data: {data.sizes()}")
    period = AppraisalPeriod.objects.get(year=data.YEAR)
    # Brings the stored scores up to the data (a larger --employees adds plans without scores).
    data.timed("scores of the period", lambda: scores_compute(period=period))
    # The talent map places people by their JPM and the dashboard sums the stored training needs: the
    # training data of bench/training.py, the period's needs and recommendations, then the map.
    training_data.add_training_data()
    data.timed("training needs and recommendations", lambda: recommendations_compute(period=period))
    data.timed("talent map of the period", lambda: talent_map_compute(period=period))
    data.timed("settling (VACUUM ANALYZE)", settle)
    opd = largest_opd()
    cookie = hr_session_cookie()

    server = start_server(args.port)
    try:
        base_p50, base_p95, count = measure(args.port, BASELINE, "")
        print(f"{'baseline (login page)':40} p50 {base_p50:7.1f} ms  p95 {base_p95:7.1f} ms  ({count} requests)")
        for label, path in pages(period, opd):
            p50, p95, count = measure(args.port, path, cookie)
            verdict = "PASS" if p95 < GOAL_MS else "MISS"
            print(
                f"{label:40} p50 {p50:7.1f} ms  p95 {p95:7.1f} ms  ({count} requests)  "
                f"x{p95 / base_p95:.0f} of baseline  goal p95 < {GOAL_MS} ms: {verdict}"
            )
    finally:
        server.terminate()
        server.wait()


if __name__ == "__main__":
    main()
