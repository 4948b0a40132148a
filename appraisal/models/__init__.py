"""Appraisal models, split by subdomain."""

from .evaluations import (
    BehaviourExpectation,
    BehaviourRating,
    CoreValue,
    DevelopmentAction,
    Evaluation,
    EvaluationLog,
    RatingChange,
    ResultAssessment,
)
from .feedback import PEER_SCALE, FeedbackNote, PeerAnswer, PeerRequest
from .objections import Objection, OrganisationResult
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
from .progress import Activity, Evidence, Realisation, RealisationCorrection

__all__ = [
    "PEER_SCALE",
    "Activity",
    "AppraisalPeriod",
    "Aspect",
    "BehaviourExpectation",
    "BehaviourRating",
    "Checkpoint",
    "CheckpointTarget",
    "CoreValue",
    "DevelopmentAction",
    "Direction",
    "Evaluation",
    "EvaluationLog",
    "Evidence",
    "FeedbackNote",
    "Indicator",
    "IndicatorTemplate",
    "Objection",
    "OrganisationResult",
    "PeerAnswer",
    "PeerRequest",
    "PeriodLog",
    "Plan",
    "PlanLog",
    "RatingChange",
    "Realisation",
    "RealisationCorrection",
    "ResultAssessment",
    "Section",
    "Source",
    "WorkResult",
]
