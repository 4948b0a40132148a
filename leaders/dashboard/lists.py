"""The list behind each dashboard number: one kind per card or table, each reading the same selector
as the number it explains, so the list holds exactly what was counted. The training needs are the one
exception: their brief is counted when the needs are computed, their list reads the people now.

A kind's own parameter (a checkpoint, a stage, a predikat, a competency) comes from the address; a
value no page could have sent is refused (a checkpoint that is not a number: 400; an unknown
predikat: 404) and never reaches a query.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.db.models import F, QuerySet
from django.http import Http404, HttpRequest
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from appraisal.predikat import Predikat
from core.params import int_param
from scoring.models import EmployeeScore
from training.development import minimum_jp

from . import figures, selectors
from .scope import Scope

OWN_PARAMETERS = ("tahap", "titik", "predikat", "kompetensi")  # kept when the reader changes the filters


@dataclass(frozen=True)
class Listing:
    title: str
    items: QuerySet
    row_template: str
    subtitle: str = ""


def _plans(scope: Scope, request: HttpRequest) -> Listing:
    stage = request.GET.get("tahap", "")
    titles = {
        selectors.SUBMITTED: _("SKP diajukan, belum disetujui setelah batas penetapan"),
        selectors.NOT_SUBMITTED: _("SKP belum diajukan setelah batas penetapan"),
    }
    return Listing(
        titles.get(stage, _("SKP belum disetujui setelah batas penetapan")),
        selectors.plans_late(scope, stage=stage).order_by("unit__code", "name", "pk"),
        "leaders/dashboard/rows/plan.html",
    )


def _evaluations(scope: Scope, request: HttpRequest) -> Listing:
    number = int_param(request, "titik")
    checkpoint = scope.period.checkpoint(number) if number is not None else None
    if checkpoint is None:
        raise Http404
    return Listing(
        _("Evaluasi %(label)s yang lewat batas") % {"label": checkpoint.label},
        selectors.evaluations_overdue(scope, number).order_by("unit__code", "employee__name", "pk"),
        "leaders/dashboard/rows/evaluation.html",
        _("Batas: %(days)s hari setelah titik pantau berakhir.") % {"days": settings.LEADERS_EVALUATION_DAYS},
    )


def _objections(scope: Scope, request: HttpRequest) -> Listing:
    return Listing(
        _("Keberatan menunggu putusan"),
        selectors.objections_pending(scope).order_by("filed_at", "pk"),
        "leaders/dashboard/rows/objection.html",
    )


def _complaints(scope: Scope, request: HttpRequest) -> Listing:
    return Listing(
        _("Pengaduan lewat batas tanggapan"),
        selectors.complaints_overdue(scope).order_by("submitted_at", "pk"),
        "leaders/dashboard/rows/complaint.html",
    )


def _jp(scope: Scope, request: HttpRequest) -> Listing:
    return Listing(
        _("Pegawai di bawah %(jp)s JP tahun %(year)s") % {"jp": minimum_jp(), "year": scope.period.year},
        selectors.jp_below_minimum(scope).order_by("jp", "unit__code", "name", "pk"),
        "leaders/dashboard/rows/jp.html",
    )


def _predikat(scope: Scope, request: HttpRequest) -> Listing:
    """One predikat, or every rated annual result when none is named (the table's total)."""
    predikat = request.GET.get("predikat", "")
    if predikat and predikat not in Predikat.values:
        raise Http404
    evaluations = figures.rated_annual(scope).select_related("plan__employee", "plan__unit", "plan__period")
    year = scope.period.year
    if predikat:
        title = _("Predikat %(predikat)s %(year)s") % {"predikat": Predikat(predikat).label, "year": year}
        evaluations = evaluations.filter(predikat=predikat)
    else:
        title = _("Predikat tahunan %(year)s") % {"year": year}
    return Listing(
        title,
        evaluations.order_by("plan__unit__code", "plan__employee__name", "pk"),
        "leaders/dashboard/rows/predikat.html",
    )


def _scores(scope: Scope, request: HttpRequest) -> Listing:
    checkpoint = figures.latest_checkpoints([scope.period]).get(scope.period.pk)
    scores = EmployeeScore.objects.filter(period=scope.period, checkpoint=checkpoint, score__isnull=False)
    if scope.unit_ids is not None:
        scores = scores.filter(unit_id__in=scope.unit_ids)
    if scope.position_kind:
        scores = scores.filter(employee__position__kind=scope.position_kind)
    return Listing(
        _("Skor kinerja %(year)s") % {"year": scope.period.year},
        scores.select_related("employee", "unit").order_by(F("score").desc(), "employee__name", "pk"),
        "leaders/dashboard/rows/score.html",
        _("Indeks milik aplikasi Kinerja, bukan predikat resmi."),
    )


def _needs(scope: Scope, request: HttpRequest) -> Listing:
    """The people behind the needs in brief, by where they work now: the brief counts them as the last
    computation found them, so a transfer since then shows here first (docs/leaders.md)."""
    code = request.GET.get("kompetensi", "")[:30]
    title = _("Pegawai dengan kebutuhan %(code)s") % {"code": code} if code else _("Pegawai dengan kebutuhan")
    computed_at = figures.needs_computed_at(scope.period)
    moment = {"moment": date_format(timezone.localtime(computed_at), "j M Y H:i")} if computed_at else None
    return Listing(
        title,
        selectors.people_in_need(scope, competency=code).order_by("unit__code", "name", "pk"),
        "leaders/dashboard/rows/person.html",
        _("Menurut unit dan jabatan saat ini; angka di dasbor dihitung %(moment)s.") % moment if moment else "",
    )


KINDS: dict[str, Callable[[Scope, HttpRequest], Listing]] = {
    "skp": _plans,
    "evaluasi": _evaluations,
    "keberatan": _objections,
    "pengaduan": _complaints,
    "jp": _jp,
    "predikat": _predikat,
    "skor": _scores,
    "kebutuhan": _needs,
}
