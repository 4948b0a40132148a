"""HR pages of the training app: the competency dictionary, position standards and the programme catalogue.

Imports run through org's import jobs: this app only offers its own upload form, templates and
export; the dry-run page and the confirmation are org's, for every kind of file.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.xlsx import xlsx_response
from org.access import hr_required
from org.exporting import export_workbook, template_workbook
from org.views import import_upload_page

from .. import selectors
from ..filters import CompetencyFilter, ProgrammeFilter, StandardFilter
from ..forms.catalogue import (
    IMPORT_LAYOUTS,
    ProgrammeBatchFormSet,
    ProgrammeForm,
    ProgrammeTargetFormSet,
    TrainingImportForm,
)
from ..imports.columns import STANDARDS
from ..models import Programme
from ..services import programme_save

PER_PAGE = 25
PROGRAMME_SAVED = _("Program %(code)s disimpan.")


def _page(request, queryset):
    return Paginator(queryset, PER_PAGE).get_page(request.GET.get("page"))


@hr_required
def competency_list(request):
    competency_filter = CompetencyFilter(request.GET, queryset=selectors.competency_list())
    context = {"filter": competency_filter, "page": _page(request, competency_filter.qs)}
    return render(request, "training/competency_list.html", context)


@hr_required
def standard_list(request):
    """Positions' own standards, and the defaults by level that positions without any take."""
    standard_filter = StandardFilter(request.GET, queryset=selectors.position_standard_list())
    context = {
        "filter": standard_filter,
        "page": _page(request, standard_filter.qs),
        "defaults": selectors.default_standard_table(),
    }
    return render(request, "training/standard_list.html", context)


@hr_required
def standard_export(request):
    """Positions' own standards in the import layout, following the list's filter."""
    rows = StandardFilter(request.GET, queryset=selectors.position_standard_list()).qs
    return xlsx_response(export_workbook(STANDARDS, rows), f"kinerja-standar-{timezone.localdate():%Y%m%d}.xlsx")


@hr_required
def import_upload(request):
    """Step 1 of an import; the dry run and the confirmation continue on org's import pages."""
    return import_upload_page(
        request, form_class=TrainingImportForm, template="training/import_upload.html", layouts=IMPORT_LAYOUTS
    )


@hr_required
def import_template(request, kind: str):
    layout = next((layout for layout in IMPORT_LAYOUTS if layout.kind == kind), None)
    if layout is None:
        raise Http404
    return xlsx_response(template_workbook(layout), f"templat-impor-{kind}.xlsx")


@hr_required
def programme_list(request):
    programme_filter = ProgrammeFilter(request.GET, queryset=selectors.programme_list())
    context = {"filter": programme_filter, "page": _page(request, programme_filter.qs)}
    return render(request, "training/programme_list.html", context)


@hr_required
def programme_create(request):
    return _programme_form(request, Programme())


@hr_required
def programme_edit(request, pk: int):
    return _programme_form(request, get_object_or_404(Programme, pk=pk))


def _programme_form(request, programme: Programme):
    data = request.POST if request.method == "POST" else None
    form = ProgrammeForm(data, instance=programme)
    targets = ProgrammeTargetFormSet(data, instance=programme, prefix="target")
    batches = ProgrammeBatchFormSet(data, instance=programme, prefix="batch")
    if data is not None and all([form.is_valid(), targets.is_valid(), batches.is_valid()]):
        saved = programme_save(form=form, targets=targets, batches=batches, acting_user=request.user)
        messages.success(request, PROGRAMME_SAVED % {"code": saved.code})
        return redirect("training:programme-list")
    context = {"form": form, "targets": targets, "batches": batches, "programme": programme}
    return render(request, "training/programme_form.html", context)
