"""The app layers of docs/architecture.md hold, and an upward import breaks ``make lint``."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LINT_IMPORTS = str(Path(sys.executable).parent / "lint-imports")
APPS = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]["root_packages"]


def _lint_imports(where: Path) -> subprocess.CompletedProcess[str]:
    command = [LINT_IMPORTS, "--no-cache", "--no-logo"]
    return subprocess.run(command, cwd=where, capture_output=True, text=True, check=False, env={"COLUMNS": "200"})


def test_the_apps_keep_to_their_layers():
    result = _lint_imports(ROOT)
    assert result.returncode == 0, result.stdout
    assert "Contracts: 1 kept, 0 broken." in result.stdout


def test_an_upward_import_breaks_the_contract(tmp_path):
    """A copy of the apps in which ``org`` (near the bottom) imports ``scoring`` (the top)."""
    for app in APPS:
        shutil.copytree(ROOT / app, tmp_path / app, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    (tmp_path / "org" / "upward.py").write_text("from scoring.services import scores_compute\n")
    result = _lint_imports(tmp_path)
    assert result.returncode == 1
    assert "Contracts: 0 kept, 1 broken." in result.stdout
    assert "org is not allowed to import scoring:" in result.stdout
    assert "org.upward -> scoring.services (l.1)" in result.stdout


def test_xlsx_files_have_one_writer_and_no_unused_import_library():
    """core/xlsx.py writes every XLSX file; django-import-export is neither an app nor a requirement."""
    from django.conf import settings

    assert "import_export" not in settings.INSTALLED_APPS
    pins = (ROOT / "requirements.txt").read_text().lower()
    for package in ("django-import-export", "tablib", "diff-match-patch"):
        assert f"\n{package}==" not in f"\n{pins}"
