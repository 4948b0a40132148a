"""Measured realisation sources: an indicator may take its realisation from data instead of the employee.

A small registry maps each ``Source`` code (except MANUAL) to a reader ``(indicator, checkpoint) ->
Decimal | None``. A reader raises ``SourceUnavailable`` when the data behind it does not exist in this
installation; it never pretends with a made-up number. To add a source: add a ``Source`` choice and
one reader here.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import TYPE_CHECKING

from django.utils.translation import gettext_lazy as _

from .models import Source

if TYPE_CHECKING:
    from .models import Checkpoint, Indicator

UNIT_IKM_NOT_AVAILABLE = _("Sumber data IKM unit kerja belum tersedia: modul survei kepuasan belum terpasang.")
SOURCE_IS_MANUAL = _("Indikator ini diisi manual, bukan dari sumber data.")

Reader = Callable[["Indicator", "Checkpoint"], Decimal | None]


class SourceUnavailable(Exception):
    """The source's data is not available here (e.g. the surveys module is not installed yet)."""


def _read_unit_ikm(indicator: Indicator, checkpoint: Checkpoint) -> Decimal | None:
    """The plan unit's IKM from the start of the period up to the checkpoint's end (year to date).

    The converted value on the 25–100 scale (domain.md §2.2 step 4), the figure units publish and
    set targets in; ``None`` while the unit has no responses.
    """
    try:
        from surveys.selectors import unit_ikm
    except ImportError as exc:
        raise SourceUnavailable(str(UNIT_IKM_NOT_AVAILABLE)) from exc
    plan = indicator.work_result.plan
    result = unit_ikm(unit=plan.unit, start=plan.period.start, end=checkpoint.end, include_subunits=True)
    return result.score


READERS: dict[str, Reader] = {Source.UNIT_IKM: _read_unit_ikm}


def is_measured(source: str) -> bool:
    return source in READERS


def read_realisation(indicator: Indicator, checkpoint: Checkpoint) -> Decimal | None:
    """The measured realisation of an indicator at a checkpoint; ``None`` when there is no data yet."""
    reader = READERS.get(indicator.source)
    if reader is None:
        raise SourceUnavailable(str(SOURCE_IS_MANUAL))
    return reader(indicator, checkpoint)
