"""The leaders' own records; each feature keeps its models in a module of this package."""

from .recognition import CoachingPlan, Nomination, NominationLog
from .talent import TalentCalibration, TalentPlacement, TalentRun

__all__ = ["CoachingPlan", "Nomination", "NominationLog", "TalentCalibration", "TalentPlacement", "TalentRun"]
