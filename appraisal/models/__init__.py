"""Appraisal models, split by subdomain; evaluations and objections will join as new modules."""

from .periods import AppraisalPeriod, Checkpoint, PeriodLog
from .plans import (
    Aspect,
    CheckpointTarget,
    Direction,
    Indicator,
    IndicatorTemplate,
    Plan,
    PlanLog,
    Section,
    Source,
    WorkResult,
)
from .progress import Activity, Evidence, Realisation

__all__ = [
    "Activity",
    "AppraisalPeriod",
    "Aspect",
    "Checkpoint",
    "CheckpointTarget",
    "Direction",
    "Evidence",
    "Indicator",
    "IndicatorTemplate",
    "PeriodLog",
    "Plan",
    "PlanLog",
    "Realisation",
    "Section",
    "Source",
    "WorkResult",
]
