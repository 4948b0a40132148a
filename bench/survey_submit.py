"""Benchmark: public SKM submissions per second and p95 latency, against a trivial page of the same server.

Starts gunicorn on a free loopback port with production-like settings (``config.settings.local``
with DEBUG off), opens the form and POSTs complete questionnaires (CSRF cookie and token, signed
form token) from a few client threads, then does the same number of GETs of the login page.
Bounded in requests and seconds; it stops by itself and deletes the unit and responses it made.
Uses the default DATABASE_URL and REDIS_URL (``make bench`` runs the set-up first).

    .venv/bin/python bench/survey_submit.py [--submissions 400] [--clients 4] [--seconds 60]
"""

from __future__ import annotations

import argparse
import http.client
import os
import re
import socket
import statistics
import subprocess
import sys
import threading
import time
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")
os.environ.setdefault("DATABASE_URL", "postgres://kinerja:kinerja@127.0.0.1:5432/kinerja")
os.environ.setdefault("REDIS_URL", "redis://127.0.0.1:6379/0")

import django  # noqa: E402

django.setup()

from org.models import Unit  # noqa: E402
from surveys.models import QrScanDay, Response  # noqa: E402

BENCH_UNIT = f"BENCH-{os.getpid()}"
TOKEN = re.compile(r'name="token" value="([^"]+)"')
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
ANSWERS = {f"u{i}": str(1 + i % 4) for i in range(1, 10)}
# Only the bench server gets these: one address sends everything, so the per-IP/device limits
# are lifted (the Redis counters are still incremented on every submission, as in production).
SERVER_ENV = {
    "DJANGO_SETTINGS_MODULE": "config.settings.local",
    "DJANGO_DEBUG": "0",
    "SKM_RATE_LIMIT_IP": "1000000000",
    "SKM_RATE_LIMIT_DEVICE": "1000000000",
    "LOG_LEVEL": "WARNING",
}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Browser:
    """One client: its own connection and cookie jar, like one phone."""

    def __init__(self, port: int) -> None:
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        self.cookies: dict[str, str] = {}

    def request(self, method: str, path: str, body: dict | None = None) -> tuple[int, str]:
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        payload = None
        if body is not None:
            payload = urlencode(body)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        self.connection.request(method, path, body=payload, headers=headers)
        response = self.connection.getresponse()
        text = response.read().decode()
        for header in response.headers.get_all("Set-Cookie") or []:
            self.cookies.update({key: morsel.value for key, morsel in SimpleCookie(header).items()})
        return response.status, text

    def submit(self, path: str) -> float:
        """Open the form, then time the POST that stores a complete questionnaire."""
        status, page = self.request("GET", path)
        assert status == 200, status
        body = {**ANSWERS, "step": "3", "token": TOKEN.search(page).group(1)}
        body["csrfmiddlewaretoken"] = CSRF.search(page).group(1)
        started = time.perf_counter()
        status, _text = self.request("POST", path, body)
        elapsed = time.perf_counter() - started
        assert status == 302, f"submission answered {status}"
        return elapsed

    def view(self, path: str) -> float:
        started = time.perf_counter()
        status, _text = self.request("GET", path)
        assert status == 200, status
        return time.perf_counter() - started


def run_clients(
    port: int, clients: int, total: int, deadline: float, action: str, path: str
) -> tuple[list[float], float]:
    """Run ``total`` actions over ``clients`` threads, stopping at the deadline; return latencies and wall time."""
    latencies: list[float] = []
    lock, remaining = threading.Lock(), [total]

    def work() -> None:
        browser = Browser(port)
        while time.monotonic() < deadline:
            with lock:
                if remaining[0] == 0:
                    return
                remaining[0] -= 1
            latency = getattr(browser, action)(path)
            with lock:
                latencies.append(latency)

    threads = [threading.Thread(target=work) for _ in range(clients)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return latencies, time.perf_counter() - started


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[18] if len(values) >= 20 else max(values)


def start_server(port: int, workers: int) -> subprocess.Popen:
    command = [str(ROOT / ".venv/bin/gunicorn"), "config.wsgi:application", "--bind", f"127.0.0.1:{port}"]
    command += ["--workers", str(workers), "--timeout", "30", "--log-level", "warning"]
    server = subprocess.Popen(command, cwd=ROOT, env={**os.environ, **SERVER_ENV})
    for _ in range(100):
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return server
        except OSError:
            time.sleep(0.2)
    server.terminate()
    raise SystemExit("gunicorn did not start")


def report(name: str, latencies: list[float], seconds: float) -> float:
    rate = len(latencies) / seconds
    print(
        f"{name:<22} {len(latencies):>5} requests  {rate:8.1f}/s  "
        f"p50 {statistics.median(latencies) * 1000:7.1f} ms  p95 {p95(latencies) * 1000:7.1f} ms"
    )
    return rate


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--submissions", type=int, default=400)
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seconds", type=float, default=60, help="time limit for each phase")
    args = parser.parse_args()

    unit = Unit.objects.create(code=BENCH_UNIT, name="Unit uji beban", kind=Unit.Kind.LAINNYA)
    port = free_port()
    server = start_server(port, args.workers)
    try:
        form = f"/survei/u/{unit.code}/"
        Browser(port).view("/akun/masuk/")  # warm both workers' imports
        run_clients(port, args.clients, args.clients * 2, time.monotonic() + args.seconds, "submit", form)
        Response.objects.filter(unit=unit).delete()
        deadline = time.monotonic() + args.seconds
        submit_lat, submit_s = run_clients(port, args.clients, args.submissions, deadline, "submit", form)
        stored = Response.objects.filter(unit=unit).count()
        deadline = time.monotonic() + args.seconds
        view_lat, view_s = run_clients(port, args.clients, args.submissions, deadline, "view", "/akun/masuk/")
        print(f"gunicorn {args.workers} workers, {args.clients} client threads, DEBUG off, loopback port {port}")
        print("rate: whole submissions (open the form, then POST it); latency: the storing POST alone")
        submit_rate = report("submission (GET+POST)", submit_lat, submit_s)
        view_rate = report("login page GET", view_lat, view_s)
        print(f"stored {stored} of {len(submit_lat)} submissions (every one must be stored)")
        print(
            f"ratio submission/login: throughput {submit_rate / view_rate:.2f}x, "
            f"p95 latency {p95(submit_lat) / p95(view_lat):.2f}x"
        )
        if stored != len(submit_lat):
            raise SystemExit("some submissions were not stored")
    finally:
        server.terminate()
        server.wait(timeout=30)
        Response.objects.filter(unit=unit).delete()
        QrScanDay.objects.filter(unit=unit).delete()
        unit.delete()


if __name__ == "__main__":
    main()
