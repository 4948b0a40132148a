"""Benchmark: reading hostile XLSX uploads against reading a normal file, in time and peak memory.

Builds three files in a temporary directory and reads each with ``org.imports.reading.read_sheet``
in a fresh Python process (so every peak RSS is that file's own):

- ``normal``: 5,000 employees in the import layout (the baseline),
- ``huge-string``: a ~200 KB file whose one shared string unpacks to 200 MB,
- ``blank-rows``: 2 million empty ``<row/>`` elements (they compress to a few KB),
- ``string-55MB``: a shared string just under the unpacked-size bound, refused by the cell bound.

It prints seconds, peak RSS and the ratios to the baseline of the same run. Needs no database.
Each read is stopped after ``--timeout`` seconds.

    .venv/bin/python bench/import_bounds.py [--timeout 120]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")

from tests.org.hostile_xlsx import blank_rows, huge_shared_string  # noqa: E402

NORMAL_ROWS = 5000
HUGE_STRING_MB = 200
UNDER_BOUND_MB = 55
BLANK_ROWS = 2_000_000


def build_normal(path: Path) -> None:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["NIP", "NAMA", "JENIS_KELAMIN", "KODE_UNIT", "JABATAN", "EMAIL"])
    for number in range(NORMAL_ROWS):
        sheet.append([f"19800101200503{number:04d}", f"Pegawai {number}", "L", "DINKES", "Pengelola Data", ""])
    workbook.save(path)


def child(path: str) -> None:
    """Read one file and print what it cost, as JSON (run in its own process)."""
    import django

    django.setup()
    from org.imports.reading import ImportFileError, read_sheet

    started_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    started = time.perf_counter()
    try:
        outcome = f"{len(read_sheet(Path(path)).rows)} rows"
    except ImportFileError as exc:
        outcome = f"refused: {exc}"
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"seconds": seconds, "peak_mb": peak, "start_mb": started_rss, "outcome": outcome}))


def measure(path: Path, timeout: float) -> dict:
    command = [sys.executable, __file__, "--child", str(path)]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        return {"seconds": timeout, "peak_mb": float("nan"), "start_mb": float("nan"), "outcome": "timed out"}
    if done.returncode:
        last = (done.stderr.strip().splitlines() or ["?"])[-1]
        return {"seconds": float("nan"), "peak_mb": float("nan"), "start_mb": float("nan"), "outcome": last[:100]}
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--timeout", type=float, default=120)
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child)
        return
    with tempfile.TemporaryDirectory() as folder:
        files = {
            "normal": Path(folder) / "normal.xlsx",
            "huge-string": Path(folder) / "huge-string.xlsx",
            "blank-rows": Path(folder) / "blank-rows.xlsx",
            "string-55MB": Path(folder) / "string-55MB.xlsx",
        }
        build_normal(files["normal"])
        huge_shared_string(files["huge-string"], megabytes=HUGE_STRING_MB)
        blank_rows(files["blank-rows"], count=BLANK_ROWS, dimension=f"A1:B{BLANK_ROWS + 1}")
        huge_shared_string(files["string-55MB"], megabytes=UNDER_BOUND_MB)
        results = {name: measure(path, args.timeout) for name, path in files.items()}
        sizes = {name: path.stat().st_size for name, path in files.items()}
    base = results["normal"]
    print(f"{'file':<12} {'size':>9} {'seconds':>8} {'x base':>7} {'peak MB':>8} {'x base':>7}  outcome")
    for name, result in results.items():
        print(
            f"{name:<12} {sizes[name] / 1024:>7.0f}KB {result['seconds']:>8.2f} "
            f"{result['seconds'] / base['seconds']:>7.1f} {result['peak_mb']:>8.0f} "
            f"{result['peak_mb'] / base['peak_mb']:>7.2f}  {result['outcome']}"
        )
    print(f"(a process that has only started Django: {base['start_mb']:.0f} MB)")


if __name__ == "__main__":
    main()
