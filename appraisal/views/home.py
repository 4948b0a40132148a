"""The appraisal panel of the home page: what waits for the user (registered in ``AppraisalConfig.ready``)."""

from __future__ import annotations

from dataclasses import dataclass

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from org.access import employee_of, is_supervisor

from ..selectors import awaiting

ROWS_SHOWN = 5


@dataclass(frozen=True)
class Group:
    """One kind of waiting work: its count is the length of the full list behind ``more_url``."""

    key: str
    label: str
    rows: list[tuple[str, str]]
    more_url: str

    @property
    def shown(self) -> list[tuple[str, str]]:
        return self.rows[:ROWS_SHOWN]


def _evaluation_rows(evaluations) -> list[tuple[str, str]]:
    return [(f"{e.plan.employee.name} · {e.title}", e.get_absolute_url()) for e in evaluations]


def _plan_rows(plans) -> list[tuple[str, str]]:
    return [(f"{p.employee.name} · SKP {p.period.year}", p.get_absolute_url()) for p in plans]


def _peer_rows(requests) -> list[tuple[str, str]]:
    url = "appraisal:peer-answer"
    return [(f"{r.evaluation.plan.employee.name} · {r.evaluation.title}", reverse(url, args=[r.pk])) for r in requests]


def awaiting_panel(request: HttpRequest) -> dict | None:
    """Groups with something waiting; ``None`` (no panel) for people with neither work nor reports."""
    me = employee_of(request.user)
    if me is None:
        return None
    waiting = awaiting(me)
    if not waiting.total and not is_supervisor(request.user):
        return None
    plans, evaluations = reverse("appraisal:plan-list"), reverse("appraisal:evaluation-list")
    groups = [
        Group("plans", _("SKP menunggu persetujuan"), _plan_rows(waiting.plans), plans),
        Group("to-rate", _("Evaluasi yang harus Anda nilai"), _evaluation_rows(waiting.to_rate), evaluations),
        Group("to-approve", _("Hasil tahunan menunggu persetujuan"), _evaluation_rows(waiting.to_approve), evaluations),
        Group("objections", _("Keberatan yang harus Anda putus"), _evaluation_rows(waiting.objections), evaluations),
        Group("peer-requests", _("Permintaan masukan rekan kerja"), _peer_rows(waiting.peer_requests), evaluations),
    ]
    return {"total": waiting.total, "groups": [group for group in groups if group.rows]}
