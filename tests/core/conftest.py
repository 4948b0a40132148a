"""Backups and media go to a fresh folder per test, never to the machine's own ``var/``."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def backup_root(settings, tmp_path):
    settings.BACKUP_ROOT = tmp_path / "backups"
    settings.PRIVATE_MEDIA_ROOT = settings.MEDIA_ROOT = tmp_path / "media"
    return settings.BACKUP_ROOT
