"""The leaders' own records; each feature keeps its models in a module of this package."""

from .talent import TalentCalibration, TalentPlacement, TalentRun

__all__ = ["TalentCalibration", "TalentPlacement", "TalentRun"]
