"""Development needs and training recommendations, exactly as domain.md §7.3 defines them.

Pure functions over frozen dataclasses: no database, no settings read inside a rule. The caller
(``training.services``) loads every input for a whole period at once and passes the numbers HR may
change as a ``Policy``, so each figure is visible, testable and stored with the result.

Where §7.3 is silent, these are our choices (docs/training-recommendations.md repeats them):
- A need is keyed by (rule, target): the same competency needed by two rules is two needs, and
  counts twice in a programme's summed priority. The worked example says so: P1 = 1+2+2+2 = 7 from
  four needs, M.03 and M.05 each by rule 1 and by rule 3.
- Two causes of the same rule for the same competency (Akuntabel and Loyal both below expectation,
  both mapped to M.01; a C-grade unit and a low U7) make one need with both reasons, priority once.
- A competency of the standard with no assessed level counts as level 0, in the gap (rule 1, with
  its own reason text) as in JPM: an unassessed gap is still a gap.
- Rule 4 is met by any programme whose form is coaching or mentoring. Rule 5 actions match no
  programme: they are recommendations of their own, in the order the supervisor wrote them.
- The last tie-break, after fewer JP, is the programme code, so the ranking is a total order and
  two runs over the same data store the same ranks.
- Only the best ``Policy.max_proposals`` programmes (setting ``TRAINING_MAX_PROPOSALS``, 5) are
  recommended: an employee reads the first few, and the sixteenth of sixteen is advice nobody takes;
  rule-5 actions are always kept, after them. The cap cuts the ranking, before anything is decided:
  a programme accepted or dismissed keeps its rank and its place among the five.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import IntEnum, StrEnum
from fractions import Fraction

from django.conf import settings
from django.utils import formats
from django.utils.functional import Promise
from django.utils.translation import gettext, gettext_noop

from appraisal.predikat import Predikat, Rating
from core.numbers import round_half_up
from notifications.messages import InEveryLanguage, params_data, source_text

# Stored with every computed need and recommendation; bump it when a rule below changes meaning.
RULE_VERSION = "7.3/1"
JP_MINUTES = 45  # 1 JP = 45 minutes (Peraturan LAN 5/2018, domain.md §3)
COACHING_MENTORING = "COACHING_MENTORING"  # the target of a rule-4 need

GAP_REASON = gettext_noop("%(code)s %(name)s level %(actual)s, jabatan butuh %(required)s")
UNASSESSED_REASON = gettext_noop("%(code)s %(name)s belum dinilai, jabatan butuh %(required)s")
BEHAVIOUR_REASON = gettext_noop("Nilai %(value)s dinilai Di Bawah Ekspektasi")
UNIT_GRADE_REASON = gettext_noop("Mutu pelayanan unit kerja dari survei masyarakat %(grade)s")
NRR_REASONS = {
    "U6": gettext_noop("Nilai U6 (kompetensi) dari masyarakat %(nrr)s, di bawah %(threshold)s"),
    "U7": gettext_noop("Nilai U7 (kesopanan) dari masyarakat %(nrr)s, di bawah %(threshold)s"),
}
RESULTS_REASON = gettext_noop("Predikat kinerja %(predikat)s")
SUPERVISOR_REASON = gettext_noop("Rencana pengembangan dari atasan: %(action)s")

M03, M05 = "M.03", "M.05"  # the managerial codes rule 3 names (§3 numbering)


class Rule(IntEnum):
    GAP = 1
    BEHAVIOUR = 2
    CITIZENS = 3
    RESULTS = 4
    SUPERVISOR = 5


class YearBy(StrEnum):
    """Which date of an activity decides its JP year (§7.3: the end date, the certificate's; [U] setting)."""

    END = "END"
    START = "START"


@dataclass(frozen=True)
class Reason:
    """A reason in words, kept as a msgid and its parameters so it reads in the reader's language.

    Parameters are plain values, ``Decimal`` (written with the reader's decimal separator: "2,90" in
    Indonesian, "2.90" in English) or lazy labels (a predikat, translated when read). They are also
    the rule's inputs (a text may leave some unsaid, like the criticality of rule 1).
    """

    message: str
    params: Mapping[str, object] = field(default_factory=dict)

    def text(self) -> str:
        """The reason in the active language."""
        return gettext(self.message) % {name: _shown(value) for name, value in self.params.items()}

    def as_data(self) -> dict:
        """The stored form read by ``notifications.messages.render`` (numbers kept in every language)."""
        return {"message": self.message, "params": params_data({k: _stored(v) for k, v in self.params.items()})}

    def inputs(self) -> dict:
        """The parameters as plain JSON (numbers as exact strings): the inputs the rule used, stored."""
        return {name: _raw(value) for name, value in self.params.items()}


def _shown(value: object) -> object:
    if isinstance(value, Decimal):
        return formats.number_format(value, use_l10n=True)
    return str(value) if isinstance(value, Promise) else value


def _raw(value: object) -> object:
    if isinstance(value, Decimal):
        return str(value)
    return source_text(value) if isinstance(value, Promise) else value


def _stored(value: object) -> object:
    if isinstance(value, Decimal):
        return InEveryLanguage(lambda: formats.number_format(value, use_l10n=True))
    return value


@dataclass(frozen=True)
class Competency:
    code: str
    name: str
    kind: str = ""  # technical, managerial or socio-cultural; the rules do not depend on it
    id: int | None = None  # the dictionary row, when loaded from the database


@dataclass(frozen=True)
class StandardRow:
    """One competency of the position's standard with the employee's current level (None: never assessed)."""

    competency: Competency
    required: int
    actual: int | None
    criticality: int = 1


@dataclass(frozen=True)
class ValueRating:
    """A BerAKHLAK value's rating and the managerial competency it maps to (``appraisal.CoreValue``)."""

    value: str
    rating: str
    competency: Competency | None


@dataclass(frozen=True)
class Citizens:
    """What the SKM says about the employee: the unit's grade and the employee's own NRRs (U6, U7)
    from ``answers`` responses naming them, and the technical competencies of the services concerned."""

    unit_grade: str | None = None
    nrr: Mapping[str, Decimal | Fraction] = field(default_factory=dict)  # exact; rounded only when shown
    answers: int = 0
    service_competencies: tuple[Competency, ...] = ()


@dataclass(frozen=True)
class EmployeeInputs:
    employee_id: int
    standard: tuple[StandardRow, ...] = ()
    values: tuple[ValueRating, ...] = ()
    citizens: Citizens = Citizens()
    predikat: str = ""
    actions: tuple[str, ...] = ()  # rule 5, as the supervisor wrote them
    jp_this_year: Decimal = Decimal(0)


@dataclass(frozen=True)
class Programme:
    code: str
    title: str
    jp: Decimal
    competency_codes: frozenset[str] = frozenset()
    coaching_mentoring: bool = False
    id: int | None = None


@dataclass(frozen=True)
class Policy:
    """The numbers of §7.3 HR may change, with their defaults from settings."""

    min_answers: int = 10
    nrr_threshold: Decimal = Decimal("3.0644")
    low_unit_grades: frozenset[str] = frozenset({"C", "D"})
    low_predikats: frozenset[str] = frozenset(
        {Predikat.BUTUH_PERBAIKAN, Predikat.KURANG_MISCONDUCT, Predikat.SANGAT_KURANG}
    )
    minimum_jp: Decimal = Decimal(20)
    behaviour_priority: int = 2
    citizens_priority: int = 2
    results_priority: int = 3
    supervisor_priority: int = 2
    max_proposals: int = 5  # ranked programmes kept per employee; rule-5 actions come on top

    @classmethod
    def from_settings(cls) -> Policy:
        return cls(
            min_answers=settings.SKM_MIN_RESPONSES_PER_EMPLOYEE,
            nrr_threshold=Decimal(settings.TRAINING_NRR_THRESHOLD),
            low_unit_grades=frozenset(settings.TRAINING_LOW_UNIT_GRADES),
            minimum_jp=Decimal(settings.TRAINING_MINIMUM_JP),
            max_proposals=settings.TRAINING_MAX_PROPOSALS,
        )

    def as_data(self) -> dict:
        """The policy as stored beside the results (JSON), so a stored need can be retraced."""
        return {
            "rule_version": RULE_VERSION,
            "min_answers": self.min_answers,
            "nrr_threshold": str(self.nrr_threshold),
            "low_unit_grades": sorted(self.low_unit_grades),
            "low_predikats": sorted(self.low_predikats),
            "minimum_jp": str(self.minimum_jp),
            "max_proposals": self.max_proposals,
            "priorities": {
                "behaviour": self.behaviour_priority,
                "citizens": self.citizens_priority,
                "results": self.results_priority,
                "supervisor": self.supervisor_priority,
            },
        }


@dataclass(frozen=True)
class Need:
    """A development need: (rule, target) with its priority and every reason that raised it.

    ``competency`` is None for rule 4 (the target is coaching or mentoring) and rule 5 (``action``)."""

    rule: Rule
    priority: int
    reasons: tuple[Reason, ...]
    competency: Competency | None = None
    action: str = ""

    @property
    def target(self) -> str:
        if self.competency is not None:
            return self.competency.code
        return COACHING_MENTORING if self.rule == Rule.RESULTS else self.action


@dataclass(frozen=True)
class Recommendation:
    """A ranked programme with the needs it covers, or (``programme`` None) a rule-5 action."""

    rank: int
    priority: int
    needs: tuple[Need, ...]
    programme: Programme | None = None
    reaches_minimum: bool = False

    @property
    def reasons(self) -> tuple[Reason, ...]:
        return tuple(reason for need in self.needs for reason in need.reasons)


@dataclass(frozen=True)
class Advice:
    employee_id: int
    needs: tuple[Need, ...]
    recommendations: tuple[Recommendation, ...]
    jpm: Decimal | None


# --- Needs -------------------------------------------------------------------------------------


def gap_needs(standard: Iterable[StandardRow]) -> list[Need]:
    """Rule 1: required − actual ≥ 1 gives priority gap × criticality (a missing level counts 0)."""
    needs = []
    for row in standard:
        actual = row.actual or 0
        if row.required - actual < 1:
            continue
        params = {
            "code": row.competency.code,
            "name": row.competency.name,
            "required": row.required,
            "criticality": row.criticality,
        }
        reason = (
            Reason(GAP_REASON, {**params, "actual": actual})
            if row.actual is not None
            else Reason(UNASSESSED_REASON, params)
        )
        needs.append(Need(Rule.GAP, (row.required - actual) * row.criticality, (reason,), row.competency))
    return needs


def behaviour_needs(values: Iterable[ValueRating], policy: Policy) -> list[Need]:
    """Rule 2: a value rated Di Bawah Ekspektasi gives its mapped managerial competency."""
    low = [v for v in values if v.rating == Rating.DI_BAWAH_EKSPEKTASI and v.competency is not None]
    return _merged(
        Rule.BEHAVIOUR,
        policy.behaviour_priority,
        [(v.competency, Reason(BEHAVIOUR_REASON, {"value": v.value})) for v in low],
    )


def citizen_needs(citizens: Citizens, policy: Policy, managerial: Mapping[str, Competency]) -> list[Need]:
    """Rule 3: unit grade C or D, or the employee's own U6 or U7 NRR below the threshold (counted
    only from ``min_answers`` responses naming them, as in §7.2) gives M.05 and M.03; a low U6 also
    the technical competency of the service, where one is linked."""
    causes: list[tuple[str, Reason]] = []
    if citizens.unit_grade in policy.low_unit_grades:
        causes.append(("UNIT", Reason(UNIT_GRADE_REASON, {"grade": citizens.unit_grade})))
    if citizens.answers >= policy.min_answers:
        for element, message in NRR_REASONS.items():
            nrr = citizens.nrr.get(element)
            if nrr is not None and nrr < policy.nrr_threshold:
                params = {"nrr": round_half_up(nrr), "threshold": policy.nrr_threshold, "answers": citizens.answers}
                causes.append((element, Reason(message, params)))
    targets = [(managerial[code], reason) for _cause, reason in causes for code in (M05, M03) if code in managerial]
    targets += [(c, reason) for cause, reason in causes if cause == "U6" for c in citizens.service_competencies]
    return _merged(Rule.CITIZENS, policy.citizens_priority, targets)


def results_need(predikat: str, policy: Policy) -> list[Need]:
    """Rule 4: predikat Butuh Perbaikan or worse gives a coaching or mentoring need."""
    if predikat not in policy.low_predikats:
        return []
    reason = Reason(RESULTS_REASON, {"predikat": Predikat(predikat).label})
    return [Need(Rule.RESULTS, policy.results_priority, (reason,))]


def supervisor_needs(actions: Iterable[str], policy: Policy) -> list[Need]:
    """Rule 5: each development action the supervisor wrote, as written."""
    return [
        Need(Rule.SUPERVISOR, policy.supervisor_priority, (Reason(SUPERVISOR_REASON, {"action": text}),), action=text)
        for text in actions
    ]


def _merged(rule: Rule, priority: int, targets: Iterable[tuple[Competency, Reason]]) -> list[Need]:
    """One need per competency for a rule, carrying every reason, in first-seen order."""
    reasons: dict[Competency, list[Reason]] = {}
    for competency, reason in targets:
        reasons.setdefault(competency, []).append(reason)
    return [Need(rule, priority, tuple(found), competency) for competency, found in reasons.items()]


def needs_for(employee: EmployeeInputs, policy: Policy, managerial: Mapping[str, Competency]) -> list[Need]:
    """Every need of the five rules, in rule order. ``managerial`` maps the codes rule 3 names to
    their competencies (the dictionary's names)."""
    return [
        *gap_needs(employee.standard),
        *behaviour_needs(employee.values, policy),
        *citizen_needs(employee.citizens, policy, managerial),
        *results_need(employee.predikat, policy),
        *supervisor_needs(employee.actions, policy),
    ]


# --- Recommendations ---------------------------------------------------------------------------


def addresses(programme: Programme, need: Need) -> bool:
    """Rules 1-3 by competency, rule 4 by a coaching or mentoring form; rule 5 by none."""
    if need.rule == Rule.RESULTS:
        return programme.coaching_mentoring
    return need.competency is not None and need.competency.code in programme.competency_codes


def rank_key(*, priority: int, covered: int, programme: Programme, jp_so_far: Decimal, minimum: Decimal) -> tuple:
    """The §7.3 order: summed priority (higher first), needs covered (more first), then for an
    employee below the minimum a programme that brings the year to it first, then fewer JP, then code."""
    below = jp_so_far < minimum
    misses = below and jp_so_far + programme.jp < minimum
    return (-priority, -covered, misses, programme.jp, programme.code)


class Catalogue:
    """The programmes indexed by what they address, built once for a whole period, so that ranking an
    employee's programmes looks only at those addressing one of their needs, not at every programme."""

    def __init__(self, programmes: Iterable[Programme]) -> None:
        self.programmes = tuple(programmes)
        self._by_code: dict[str, list[Programme]] = defaultdict(list)
        for programme in self.programmes:
            for code in programme.competency_codes:
                self._by_code[code].append(programme)
        self._coaching = [programme for programme in self.programmes if programme.coaching_mentoring]

    def __iter__(self) -> Iterator[Programme]:
        return iter(self.programmes)

    def addressing(self, needs: Iterable[Need]) -> list[Programme]:
        """Each programme that addresses at least one of ``needs`` (``addresses``), once."""
        found: dict[int, Programme] = {}
        for need in needs:
            if need.rule == Rule.RESULTS:
                candidates = self._coaching
            elif need.competency is not None:
                candidates = self._by_code.get(need.competency.code, ())
            else:
                continue
            found.update((id(programme), programme) for programme in candidates)
        return list(found.values())


def recommend(
    needs: Iterable[Need], programmes: Iterable[Programme], *, jp_so_far: Decimal, policy: Policy
) -> list[Recommendation]:
    """The best ``policy.max_proposals`` programmes ranked by §7.3 (none that addresses no need), then
    every rule-5 action (priority 2).

    ``programmes`` is best a ``Catalogue`` built once for many employees."""
    needs = list(needs)
    catalogue = programmes if isinstance(programmes, Catalogue) else Catalogue(programmes)
    scored = []
    for programme in catalogue.addressing(needs):
        covered = tuple(need for need in needs if addresses(programme, need))
        if covered:
            priority = sum(need.priority for need in covered)
            key = rank_key(
                priority=priority,
                covered=len(covered),
                programme=programme,
                jp_so_far=jp_so_far,
                minimum=policy.minimum_jp,
            )
            scored.append((key, programme, covered, priority))
    scored.sort(key=lambda row: row[0])
    ranked = [
        Recommendation(
            rank, priority, covered, programme, reaches_minimum=jp_so_far + programme.jp >= policy.minimum_jp
        )
        for rank, (_key, programme, covered, priority) in enumerate(scored[: policy.max_proposals], start=1)
    ]
    actions = [need for need in needs if need.rule == Rule.SUPERVISOR]
    return ranked + [Recommendation(len(ranked) + i, need.priority, (need,)) for i, need in enumerate(actions, 1)]


def advise(
    employee: EmployeeInputs, programmes: Iterable[Programme], policy: Policy, managerial: Mapping[str, Competency]
) -> Advice:
    """One employee's needs, recommendations and JPM."""
    needs = needs_for(employee, policy, managerial)
    recommendations = recommend(needs, programmes, jp_so_far=employee.jp_this_year, policy=policy)
    return Advice(employee.employee_id, tuple(needs), tuple(recommendations), jpm(employee.standard))


# --- JPM and JP --------------------------------------------------------------------------------


def jpm(standard: Iterable[StandardRow]) -> Decimal | None:
    """Job-Person Match: Σ min(actual, required) / Σ required × 100, half up to 2 decimals (§7.3).

    Each actual is capped at the required level so an excess hides no gap; a never-assessed
    competency counts 0. No standard (Σ required = 0) gives no JPM."""
    rows = list(standard)
    required = sum(row.required for row in rows)
    if not required:
        return None
    matched = sum(min(row.actual or 0, row.required) for row in rows)
    return round_half_up(Fraction(matched * 100, required))


def jp_from_minutes(minutes: int) -> Decimal:
    """Learning time in JP (1 JP = 45 minutes), half up to 2 decimals."""
    return round_half_up(Decimal(minutes) / JP_MINUTES)


def jp_year(*, starts_on: date, ends_on: date, by: YearBy = YearBy.END) -> int:
    """The year an activity counts in: its end date's (the certificate's) unless the setting says
    start. A course from 28 Dec 2025 to 3 Jan 2026 counts for 2026 only; JP are never split."""
    return (ends_on if by == YearBy.END else starts_on).year


@dataclass(frozen=True)
class Activity:
    employee_id: int
    starts_on: date
    ends_on: date
    jp: Decimal


def jp_totals(activities: Iterable[Activity], *, by: YearBy = YearBy.END) -> dict[tuple[int, int], Decimal]:
    """JP per (employee, year) by ``jp_year``."""
    totals: dict[tuple[int, int], Decimal] = defaultdict(Decimal)
    for activity in activities:
        totals[activity.employee_id, jp_year(starts_on=activity.starts_on, ends_on=activity.ends_on, by=by)] += (
            activity.jp
        )
    return dict(totals)


@dataclass(frozen=True)
class Shortfall:
    """An employee below the minimum: JP done in the year, JP of accepted programmes not yet done,
    and whether those would bring the year to the minimum."""

    employee_id: int
    done: Decimal
    accepted: Decimal
    minimum: Decimal

    @property
    def would_have(self) -> Decimal:
        return self.done + self.accepted

    @property
    def missing(self) -> Decimal:
        """JP still missing after the accepted programmes (0 when they suffice)."""
        return max(self.minimum - self.would_have, Decimal(0))


def shortfalls(
    employee_ids: Iterable[int], *, done: Mapping[int, Decimal], accepted: Mapping[int, Decimal], minimum: Decimal
) -> list[Shortfall]:
    """The employees below ``minimum`` JP done in the year (§3: at least 20), fewest first."""
    rows = [
        Shortfall(pk, done.get(pk, Decimal(0)), accepted.get(pk, Decimal(0)), minimum)
        for pk in employee_ids
        if done.get(pk, Decimal(0)) < minimum
    ]
    return sorted(rows, key=lambda row: (row.done, row.employee_id))
