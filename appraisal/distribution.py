"""The distribution curve of predikat for a unit (domain.md §1.6), as pure functions.

The organisation's result (set by the leader one level up) selects a pattern; the pattern is a list
of rules kept in the setting ``APPRAISAL_DISTRIBUTION_PATTERNS`` because the percentages are only
[S]-verified. A rule is one of:

- ``largest``: the predikat is the largest group (ties allowed: no other predikat has more people);
- ``max_pct`` / ``min_pct``: the predikats together are at most / at least this share of the unit;
- ``max_count`` / ``min_count``: the same as a head count.

Small teams (§1.6 leaves it open [U]) turn a share into people like this: a minimum rounds *up*
(10% of 3 people needs one person); a maximum rounds *down*, but a non-zero allowance never rounds
to nobody (10% of 3 people still allows one). So limits are never stricter than a whole person.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .achievement import HUNDRED, to_decimal
from .predikat import Predikat

UNKNOWN_RULE = "Unknown distribution rule kind: %s"


class OrgResult(models.TextChoices):
    """Capaian kinerja organisasi (§1.5 item 2, §1.6)."""

    ISTIMEWA = "ISTIMEWA", _("Istimewa")
    BAIK = "BAIK", _("Baik")
    BUTUH_PERBAIKAN = "BUTUH_PERBAIKAN", _("Butuh Perbaikan")
    KURANG = "KURANG", _("Kurang")
    SANGAT_KURANG = "SANGAT_KURANG", _("Sangat Kurang")


@dataclass(frozen=True)
class Rule:
    kind: str
    predikats: tuple[str, ...]
    value: Decimal

    @property
    def labels(self) -> list[str]:
        return [str(Predikat(code).label) for code in self.predikats]


@dataclass(frozen=True)
class Finding:
    """One rule checked: the head count it allows or needs, the count found, and whether it holds."""

    rule: Rule
    limit: int
    actual: int
    ok: bool

    @property
    def labels(self) -> list[str]:
        return self.rule.labels


@dataclass(frozen=True)
class DistributionCheck:
    result: str
    total: int
    counts: dict[str, int]
    findings: list[Finding]

    @property
    def valid(self) -> bool:
        return all(finding.ok for finding in self.findings)

    @property
    def failures(self) -> list[Finding]:
        return [finding for finding in self.findings if not finding.ok]

    def share(self, predikat: str) -> Decimal:
        return Decimal(self.counts.get(predikat, 0)) / self.total * HUNDRED if self.total else Decimal(0)


def rules_for(result: str, patterns: Mapping[str, Iterable] | None = None) -> list[Rule]:
    """The pattern of an organisation result, read from the settings unless given."""
    patterns = settings.APPRAISAL_DISTRIBUTION_PATTERNS if patterns is None else patterns
    return [Rule(kind, tuple(predikats), to_decimal(value)) for kind, predikats, value in patterns[result]]


def head_count(rule: Rule, total: int) -> int:
    """The people a rule allows (max) or needs (min) in a unit of ``total`` (small-team rounding above)."""
    if rule.kind.endswith("_count") or rule.kind == "largest":
        return int(rule.value)
    exact = rule.value * total / HUNDRED
    if rule.kind == "min_pct":
        return int(exact.to_integral_value(rounding=ROUND_CEILING))
    floor = int(exact.to_integral_value(rounding=ROUND_FLOOR))
    return max(floor, 1) if rule.value > 0 and total else floor


def _finding(rule: Rule, counts: Mapping[str, int], total: int) -> Finding:
    actual = sum(counts.get(code, 0) for code in rule.predikats)
    limit = head_count(rule, total)
    if rule.kind == "largest":
        others = max((n for code, n in counts.items() if code not in rule.predikats), default=0)
        return Finding(rule, others, actual, ok=actual >= others and actual > 0)
    if rule.kind.startswith("max_"):
        return Finding(rule, limit, actual, ok=actual <= limit)
    if rule.kind.startswith("min_"):
        return Finding(rule, limit, actual, ok=actual >= limit)
    raise ValueError(UNKNOWN_RULE % rule.kind)


def distribution_check(*, result: str, counts: Mapping[str, int], rules: list[Rule] | None = None) -> DistributionCheck:
    """Check a unit's predikat counts against the pattern of its organisation result (§1.6).

    An empty unit has nothing to check and is valid.
    """
    rules = rules_for(result) if rules is None else rules
    counts = {code: int(counts.get(code, 0)) for code in Predikat.values}
    total = sum(counts.values())
    findings = [_finding(rule, counts, total) for rule in rules] if total else []
    return DistributionCheck(result, total, counts, findings)
