"""The rule version and the settings that make a stored score, recorded once per distinct content.

``RULE_VERSION`` is the one place that names the version of the formulas (``appraisal.achievement``,
``scoring.composite`` and the SQL of ``scoring.sql`` that mirrors them): bump it in the change that
alters what a formula computes, so a stored score tells which rules made it. The numbers HR or the
deployment set (cap, floor, lower-is-better formula, points, weights, minimum responses and peers,
SKM weight mode) are the snapshot's settings; a run stores them once (``ScoringRules``, unique by
content hash) and every row it writes points at them.
"""

from __future__ import annotations

import hashlib
import json
from decimal import Decimal

from django.conf import settings

from appraisal.models import AppraisalPeriod

from .models import ScoringPolicy

RULE_VERSION = 1


def _stored(value: Decimal) -> str:
    """As the two-decimal column holds it: a policy fresh from the settings (0.4) and the same one
    read back (0.40) must give one snapshot, not two."""
    return f"{Decimal(value):.2f}"


def rules_settings(period: AppraisalPeriod, policy: ScoringPolicy) -> dict:
    """Every number a run of this period applies, as JSON-ready text."""
    rules = period.rules()
    return {
        "achievement_cap": _stored(rules.cap),
        "achievement_floor": str(rules.floor),
        "lower_formula": str(rules.lower_formula),
        "points": {
            "above": _stored(policy.points_above),
            "as_expected": _stored(policy.points_as_expected),
            "below": _stored(policy.points_below),
        },
        "weights": {code: _stored(value) for code, value in policy.weights().items()},
        "min_employee_responses": policy.min_employee_responses,
        "min_peer_answers": settings.APPRAISAL_PEER_MIN_ANSWERS,
        "skm_weight_mode": settings.SKM_WEIGHT_MODE,
    }


def content_hash(rule_version: int, values: dict) -> str:
    """The snapshot's identity: the same version and settings always give the same row."""
    content = json.dumps({"rule_version": rule_version, "settings": values}, sort_keys=True)
    return hashlib.sha256(content.encode()).hexdigest()
