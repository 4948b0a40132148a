"""Home page per role and the HR browser of units and employees."""

from __future__ import annotations

import io

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db import IntegrityError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from .exporting import XLSX_CONTENT_TYPE, export_queryset, export_workbook, template_workbook
from .filters import EmployeeFilter
from .forms import ImportUploadForm
from .home import panels_for
from .imports.columns import LAYOUTS, Layout
from .imports.report import Action, ImportReport
from .imports.services import import_file
from .imports.uploads import PendingImport, pending_discard, pending_get, pending_store
from .models import Employee
from .roles import can_view_employee, employee_of, hr_required, is_hr
from .selectors import assessed_by, reports_of, unit_tree_rows

EMPLOYEES_PER_PAGE = 25
HOME_LIST_SIZE = 10


@login_required
def home(request):
    """One landing page; its panels depend on the roles the user holds."""
    me = employee_of(request.user)
    assessed = assessed_by(me).order_by("name", "pk") if me else Employee.objects.none()
    assessed_count, report_count = assessed.count(), reports_of(me).count() if me else 0
    context = {
        "employee": me,
        "assessed": assessed[:HOME_LIST_SIZE],
        "assessed_count": assessed_count,
        "report_count": report_count,
        "superior_count": report_count - assessed_count,
        "employee_count": Employee.objects.active().count() if is_hr(request.user) else None,
        "panels": panels_for(request),
    }
    return render(request, "org/home.html", context)


@hr_required
def employee_list(request):
    employee_filter = EmployeeFilter(
        request.GET, queryset=Employee.objects.select_related("unit", "position", "supervisor").order_by("name", "pk")
    )
    page = Paginator(employee_filter.qs, EMPLOYEES_PER_PAGE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "org/employee_list.html",
        {"filter": employee_filter, "page": page, "query": query.urlencode()},
    )


@login_required
def employee_detail(request, pk: int):
    employee = get_object_or_404(
        Employee.objects.select_related("unit", "position", "supervisor__supervisor", "user"), pk=pk
    )
    if not can_view_employee(request.user, employee):
        raise Http404
    return render(request, "org/employee_detail.html", {"employee": employee})


@hr_required
def unit_list(request):
    return render(request, "org/unit_list.html", {"rows": unit_tree_rows()})


# --- Bulk import and export (docs/import-export.md) ---------------------------------------

IMPORT_ROWS_SHOWN = 500
IMPORT_DONE = _("Impor %(file)s selesai. %(summary)s.")
IMPORT_COUNT = _("%(label)s: %(created)d baru, %(updated)d diubah, %(unchanged)d tetap")
IMPORT_HAS_ERRORS = _("Berkas masih berisi galat, jadi tidak ada data yang disimpan.")
IMPORT_CONFLICT = _("Data berubah saat impor berjalan, jadi tidak ada yang disimpan. Ulangi uji coba.")
IMPORT_DONE_URLS = {"unit": "org:unit-list", "jabatan": "org:unit-list", "pegawai": "org:employee-list"}


@hr_required
def import_upload(request):
    """Step 1: upload a file; it is kept server-side and checked in a dry run."""
    form = ImportUploadForm(
        request.POST or None, request.FILES or None, initial={"kind": request.GET.get("jenis", "pegawai")}
    )
    if request.method == "POST" and form.is_valid():
        pending = pending_store(request.session, kind=form.cleaned_data["kind"], upload=form.cleaned_data["file"])
        return redirect("org:import-preview", token=pending.token)
    return render(request, "org/import_upload.html", {"form": form, "layouts": LAYOUTS.values()})


@hr_required
def import_preview(request, token):
    """Step 2: the dry run, with each row's errors and what a confirmation would change."""
    pending = _pending_import(request, token)
    report = import_file(kind=pending.kind, path=pending.path, acting_user=request.user, dry_run=True)
    changes = [row for row in report.rows if row.action in (Action.CREATE, Action.UPDATE)]
    context = {
        "pending": pending,
        "layout": LAYOUTS[pending.kind],
        "report": report,
        "errors": report.errors[:IMPORT_ROWS_SHOWN],
        "warnings": report.warnings[:IMPORT_ROWS_SHOWN],
        "changes": changes[:IMPORT_ROWS_SHOWN],
        "change_count": len(changes),
        "rows_shown": IMPORT_ROWS_SHOWN,
    }
    return render(request, "org/import_preview.html", context)


@hr_required
@require_POST
def import_confirm(request, token):
    """Step 3: the real import of the same stored file, all or nothing."""
    pending = _pending_import(request, token)
    try:
        report = import_file(kind=pending.kind, path=pending.path, acting_user=request.user, dry_run=False)
    except IntegrityError:
        messages.error(request, IMPORT_CONFLICT)
        return redirect("org:import-preview", token=token)
    if not report.applied:
        messages.error(request, IMPORT_HAS_ERRORS)
        return redirect("org:import-preview", token=token)
    pending_discard(request.session)
    messages.success(request, IMPORT_DONE % {"file": pending.filename, "summary": _import_summary(report)})
    return redirect(IMPORT_DONE_URLS[pending.kind])


@hr_required
def import_template(request, kind: str):
    layout = _layout_or_404(kind)
    return _xlsx_response(template_workbook(layout), f"templat-impor-{kind}.xlsx")


@hr_required
def export_download(request, kind: str):
    """Everything of one kind as XLSX in the import layout; employees follow the list's filter."""
    layout = _layout_or_404(kind)
    objects = export_queryset(kind)
    if kind == "pegawai":
        objects = EmployeeFilter(request.GET, queryset=objects).qs
    return _xlsx_response(export_workbook(layout, objects), f"kinerja-{kind}-{timezone.localdate():%Y%m%d}.xlsx")


def _pending_import(request, token) -> PendingImport:
    pending = pending_get(request.session, str(token))
    if pending is None:
        raise Http404
    return pending


def _layout_or_404(kind: str) -> Layout:
    if kind not in LAYOUTS:
        raise Http404
    return LAYOUTS[kind]


def _import_summary(report: ImportReport) -> str:
    return "; ".join(str(IMPORT_COUNT % {**vars(count), "label": capfirst(count.label)}) for count in report.counts)


def _xlsx_response(content: bytes, filename: str) -> FileResponse:
    return FileResponse(io.BytesIO(content), as_attachment=True, filename=filename, content_type=XLSX_CONTENT_TYPE)
