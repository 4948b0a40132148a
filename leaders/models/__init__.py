"""The leaders' own records; each feature keeps its models in a module of this package."""

from .recognition import CoachingPlan, Nomination, NominationLog

__all__ = ["CoachingPlan", "Nomination", "NominationLog"]
