"""Training models, split by subdomain: the competency dictionary and standards, the catalogue, the records."""

from .catalogue import Batch, DevelopmentForm, Programme, ProgrammeCompetency, ServiceCompetency
from .competencies import (
    Competency,
    CompetencyAssessment,
    CompetencyLevel,
    PositionKindStandard,
    PositionStandard,
)
from .decisions import DevelopmentRecordLog, RecommendationLog
from .recommendations import (
    InputDigest,
    Need,
    NeedRule,
    NeedTotal,
    Recommendation,
    RecommendationRun,
    attach_needs,
)
from .records import DevelopmentRecord, DevelopmentRecordCompetency

__all__ = [
    "Batch",
    "Competency",
    "CompetencyAssessment",
    "CompetencyLevel",
    "DevelopmentForm",
    "DevelopmentRecord",
    "DevelopmentRecordCompetency",
    "DevelopmentRecordLog",
    "InputDigest",
    "Need",
    "NeedRule",
    "NeedTotal",
    "PositionKindStandard",
    "PositionStandard",
    "Programme",
    "ProgrammeCompetency",
    "Recommendation",
    "RecommendationLog",
    "RecommendationRun",
    "ServiceCompetency",
    "attach_needs",
]
