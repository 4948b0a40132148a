"""The talent map pages (docs/leaders.md, "Talent map"): HR for every unit, who also computes and
calibrates; a unit head over their unit and its sub-units, read-only; anyone else 403.

Who sees which units is ``org.access.unit_scope``'s answer. The filter choices list only those units,
so any other unit in the address, or a person outside them, is something the reader may not see: 404.
"""

from __future__ import annotations

from datetime import date

from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from appraisal.models import AppraisalPeriod
from appraisal.predikat import Predikat
from core.outcomes import Outcome
from org.access import default_unit, hr_required, is_hr, reads_unit, unit_scope, unit_scope_required
from org.selectors import unit_subtree_ids
from training.forms.akpk import AkpkFilterForm

from ..models import TalentPlacement
from . import rules, selectors
from .forms import CalibrationForm
from .services import placement_calibrate, talent_map_request

PER_PAGE = 25
POSITIONS_PER_PAGE = 10


def _filters(request) -> tuple[AkpkFilterForm, selectors.Filters | None]:
    """The reader's filters inside their scope (the same choices as the AKPK page); ``None`` without a period."""
    scope = unit_scope(request.user)
    form = AkpkFilterForm(request.GET, scope=scope, home=default_unit(request.user))
    if not form.is_valid():
        raise Http404
    period = form.cleaned_data["periode"] or form.fields["periode"].queryset.first()
    if period is None:
        return form, None
    unit = form.cleaned_data["unit"]
    ids = unit_subtree_ids(unit) if unit is not None else scope
    kind = form.cleaned_data["jenis"]
    return form, selectors.Filters(period, None if ids is None else frozenset(ids), kind)


@unit_scope_required
def talent_map(request):
    form, filters = _filters(request)
    context = {"form": form, "filters": filters}
    if filters is not None:
        context.update(
            counts=selectors.map_counts(filters),
            status=selectors.map_status(filters.period),
        )
    return render(request, "leaders/talent/map.html", context)


@hr_required
@require_POST
def talent_compute(request):
    period = AppraisalPeriod.objects.filter(pk=request.POST.get("periode") or 0).first()
    if period is None:
        raise Http404
    with Outcome(request, done=_("Perhitungan peta talenta diminta; hasilnya tampil setelah selesai.")):
        talent_map_request(period=period, acting_user=request.user)
    return redirect(f"{reverse('leaders:talent-map')}?periode={period.pk}")


def _list(request, *, box: int | None):
    form, filters = _filters(request)
    if filters is None:
        raise Http404
    rows = selectors.placements(filters)
    rows = rows.filter(box__isnull=True) if box is None else rows.filter(final_box=box)
    previous = selectors.previous_period(filters.period)
    came_from = request.GET.get("dari", "")
    if came_from.isdigit():
        rows = selectors.from_previous_box(rows, previous, int(came_from))
    page = Paginator(selectors.listed(rows), PER_PAGE).get_page(request.GET.get("page"))
    context = {
        "form": form,
        "filters": filters,
        "box": box,
        "label": rules.box_label(box) if box else _("Tidak dipetakan"),
        "page": page,
        "came_from": int(came_from) if came_from.isdigit() else None,
        "previous": previous,
    }
    return render(request, "leaders/talent/list.html", context)


@unit_scope_required
def talent_box(request, box: int):
    if box not in rules.ALL_BOXES:
        raise Http404
    return _list(request, box=box)


@unit_scope_required
def talent_not_placed(request):
    return _list(request, box=None)


@unit_scope_required
def talent_movement(request):
    form, filters = _filters(request)
    context = {"form": form, "filters": filters}
    if filters is not None:
        previous = selectors.previous_period(filters.period)
        context.update(
            previous=previous, movement=selectors.movement(filters, previous), order=selectors.Movement.ORDER
        )
    return render(request, "leaders/talent/movement.html", context)


@unit_scope_required
def talent_succession(request):
    form, filters = _filters(request)
    context = {"form": form, "filters": filters}
    if filters is not None:
        page = Paginator(selectors.succession_positions(filters), POSITIONS_PER_PAGE).get_page(request.GET.get("page"))
        context.update(page=page, rows=selectors.succession(filters, list(page.object_list)))
    return render(request, "leaders/talent/succession.html", context)


def _placement_in_scope(request, pk: int) -> TalentPlacement:
    """The placement if its unit is in the reader's scope; anything else is not theirs to know of (404)."""
    try:
        placement = selectors.person(pk)
    except TalentPlacement.DoesNotExist:
        raise Http404 from None
    if not reads_unit(request.user, placement.unit_id):
        raise Http404
    return placement


def _person_page(request, placement: TalentPlacement, form: CalibrationForm | None, *, status: int = 200):
    context = {
        "placement": placement,
        "calibrations": selectors.calibrations(placement),
        "form": form if form is not None else (CalibrationForm() if is_hr(request.user) else None),
        "computed_label": rules.box_label(placement.box) if placement.box else "",
        "final_label": rules.box_label(placement.final_box) if placement.final_box else "",
        "predikat_years": [
            (year, Predikat(code).label if code in Predikat.values else "")
            for year, code in sorted(placement.inputs.get("predikat", {}).items(), reverse=True)
        ],
        "cutoffs": placement.inputs.get("cutoffs", {}),
        "as_of": date.fromisoformat(placement.inputs["as_of"]) if placement.inputs.get("as_of") else None,
    }
    return render(request, "leaders/talent/person.html", context, status=status)


@unit_scope_required
def talent_person(request, pk: int):
    return _person_page(request, _placement_in_scope(request, pk), None)


@hr_required
@require_POST
def talent_calibrate(request, pk: int):
    placement = _placement_in_scope(request, pk)
    form = CalibrationForm(request.POST)
    if form.is_valid():
        with Outcome(request, done=_("Kalibrasi disimpan."), form=form):
            placement_calibrate(
                placement=placement,
                to_box=form.cleaned_data["to_box"],
                reason=form.cleaned_data["reason"],
                acting_user=request.user,
            )
            return redirect("leaders:talent-person", pk=placement.pk)
    return _person_page(request, placement, form, status=400)
