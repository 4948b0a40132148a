"""Home page per role, the HR browser of units and employees, and the administrators' health page."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.core.paginator import Paginator
from django.db import IntegrityError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from core import health
from core.xlsx import xlsx_response

from .access import can_view_employee, employee_of, hr_required, is_hr, own_import_job
from .account_views import import_accounts
from .exporting import export_queryset, export_workbook, template_workbook
from .filters import EmployeeFilter
from .forms import ImportUploadForm, mapping_formsets
from .home import panels_for
from .imports.columns import EMPLOYEES, LAYOUTS, Layout
from .imports.jobs import (
    ROWS_SHOWN,
    applied_employees_import,
    import_job_confirm,
    import_job_recheck,
    import_job_start,
    report_file_name,
)
from .imports.kinds import KINDS
from .imports.mappings import UnitDecision, source_mappings_save
from .imports.report import StoredReport
from .models import Employee, ImportJob, ImportSource, Unit
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
    return render(
        request,
        "org/employee_list.html",
        {"filter": employee_filter, "page": page},
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

IMPORT_DONE = _("Impor %(file)s selesai. %(summary)s.")
IMPORT_COUNT = _("%(label)s: %(created)d baru, %(updated)d diubah, %(unchanged)d tetap")


@hr_required
def import_upload(request):
    """Step 1: upload a file; it is kept server-side and checked in a dry run (on a worker if large)."""
    return import_upload_page(
        request, form_class=ImportUploadForm, template="org/import_upload.html", layouts=LAYOUTS.values()
    )


def import_upload_page(
    request, *, form_class: type[ImportUploadForm], template: str, layouts, context: dict | None = None
) -> HttpResponse:
    """The upload step for any registered kind: org's page, and the pages of apps that register kinds.

    ``?jenis=`` preselects a kind; the dry run and the confirmation continue on org's import pages.
    """
    initial = {"kind": kind} if (kind := request.GET.get("jenis")) else {}
    form = form_class(request.POST or None, request.FILES or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        job = import_job_start(
            kind=form.cleaned_data["kind"], upload=form.cleaned_data["file"], acting_user=request.user
        )
        return redirect("org:import-preview", token=job.token)
    return render(request, template, {"form": form, "layouts": layouts, **(context or {})})


@hr_required
def import_preview(request, token):
    """Step 2: the stored dry-run report, or the progress bar while a worker reads the file."""
    job = own_import_job(request.user, token)
    report = StoredReport.from_json(job.report) if job.report else None
    kind = KINDS[job.kind]
    upload_url = f"{reverse(kind.upload_url)}?jenis={job.kind}"
    context = {"job": job, "layout": kind.layout, "report": report, "rows_shown": ROWS_SHOWN, "upload_url": upload_url}
    if job.status == ImportJob.Status.APPLIED and report:
        context["done"] = _import_done(job, report)
    if applied_employees_import(job):
        context["accounts"] = import_accounts(job)
    return render(request, "org/import_preview.html", context)


@hr_required
def import_status(request, token):
    """The progress partial the preview page polls (htmx); once the job ends, the page reloads."""
    job = own_import_job(request.user, token)
    response = render(request, "org/includes/import_status.html", {"job": job})
    if not job.is_running:
        response["HX-Refresh"] = "true"
    return response


@hr_required
def import_report(request, token):
    """The whole report of the job's last step as XLSX: every row with its errors and warnings."""
    job = own_import_job(request.user, token)
    name = report_file_name(job)
    if job.is_running or not default_storage.exists(name):
        raise Http404
    with default_storage.open(name) as handle:
        content = handle.read()
    return xlsx_response(content, f"laporan-impor-{Path(job.filename).stem}.xlsx")


@hr_required
@require_POST
def import_confirm(request, token):
    """Step 3: the real import of the same stored file, all or nothing; only a checked job can be confirmed."""
    job = own_import_job(request.user, token)
    if job.status == ImportJob.Status.CHECKED:
        job = import_job_confirm(job=job, acting_user=request.user)
        if applied_employees_import(job):  # its page offers the accounts of its employees
            return redirect("org:import-preview", token=token)
        if job.status == ImportJob.Status.APPLIED:
            messages.success(request, _import_done(job, StoredReport.from_json(job.report)))
            return redirect(KINDS[job.kind].done_url)
    return redirect("org:import-preview", token=token)


MAPPINGS_CONFLICT = _("Pemetaan ini baru saja disimpan orang lain; tidak ada yang disimpan. Buka lagi hasil uji coba.")
MAPPINGS_SAVED = _("Pemetaan %(source)s disimpan dan dipakai untuk berkas berikutnya. Uji coba dijalankan lagi.")


@hr_required
def import_mapping(request, token):
    """Step 2b for a source file (SIASN): HR confirms or changes where each unknown UNOR goes and what
    each unknown header is; the choices are kept, and the dry run runs again."""
    job = own_import_job(request.user, token)
    mappings = (job.report or {}).get("mappings")
    if job.status != ImportJob.Status.CHECKED or not mappings:
        return redirect("org:import-preview", token=token)
    tree = unit_tree_rows()
    unit_choices = [(unit.pk, f"{'· ' * depth}{unit.name} ({unit.code})") for unit, depth, _count in tree]
    columns = [column.header for column in EMPLOYEES.imported if column.header != "KODE_UNIT"]
    unit_forms, header_forms = mapping_formsets(
        mappings=mappings, columns=columns, unit_choices=unit_choices, data=request.POST or None
    )
    errors: list[str] = []
    if request.method == "POST" and unit_forms.is_valid() and header_forms.is_valid():
        try:
            _save_mappings(request, mappings, unit_forms, header_forms, units={unit.pk: unit for unit, *_ in tree})
        except ValidationError as exc:
            errors = exc.messages
        except IntegrityError:  # another HR user mapped the same UNOR at the same moment
            errors = [str(MAPPINGS_CONFLICT)]
        else:
            import_job_recheck(job=job, acting_user=request.user)
            messages.success(request, MAPPINGS_SAVED % {"source": ImportSource(mappings["source"]).label})
            return redirect("org:import-preview", token=token)
    context = {
        "job": job,
        "errors": errors,
        "source": ImportSource(mappings["source"]).label,
        "unit_forms": unit_forms,
        "header_forms": header_forms,
        "pending_units": list(zip(mappings["units"], unit_forms, strict=True)),
        "pending_headers": list(zip(mappings["headers"], header_forms, strict=True)),
    }
    return render(request, "org/import_mapping.html", context)


def _save_mappings(request, mappings: dict, unit_forms, header_forms, *, units: dict[int, Unit]) -> None:
    """The forms' choices, in the order of the stored report, to the service."""
    decisions = [
        _unit_decision(item, form.cleaned_data, units) for item, form in zip(mappings["units"], unit_forms, strict=True)
    ]
    headers = {
        item["key"]: form.cleaned_data["column"] for item, form in zip(mappings["headers"], header_forms, strict=True)
    }
    source_mappings_save(source=mappings["source"], units=decisions, headers=headers, acting_user=request.user)


def _unit_decision(item: dict, data: dict, units: dict[int, Unit]) -> UnitDecision:
    """A form's choice as a decision (the form's choices hold only existing units)."""
    if data["unit"] is not None:
        return UnitDecision(item["external_id"], item["name"], unit=units[data["unit"]])
    new = Unit(name=data["name"], code=data["code"], kind=data["kind"], parent=units.get(data["parent"]))
    return UnitDecision(item["external_id"], item["name"], new=new)


@hr_required
def import_template(request, kind: str):
    layout = _layout_or_404(kind)
    return xlsx_response(template_workbook(layout), f"templat-impor-{kind}.xlsx")


@hr_required
def export_download(request, kind: str):
    """Everything of one kind as XLSX in the import layout; employees follow the list's filter."""
    layout = _layout_or_404(kind)
    objects = export_queryset(kind)
    if kind == "pegawai":
        objects = EmployeeFilter(request.GET, queryset=objects).qs
    return xlsx_response(export_workbook(layout, objects), f"kinerja-{kind}-{timezone.localdate():%Y%m%d}.xlsx")


def _layout_or_404(kind: str) -> Layout:
    if kind not in LAYOUTS:
        raise Http404
    return LAYOUTS[kind]


def _import_done(job: ImportJob, report: StoredReport) -> str:
    counts = (IMPORT_COUNT % {**vars(count), "label": capfirst(count.label)} for count in report.counts)
    return IMPORT_DONE % {"file": job.filename, "summary": "; ".join(str(count) for count in counts)}


@never_cache
@hr_required
def health_detail(request):
    """The checks of ``/health/`` with their details, the last backup and the beat schedule (HR only)."""
    now = timezone.now()
    backup = health.last_backup()
    context = {
        "now": now,
        "checks": health.checks(at=now),
        "periodic_tasks": health.periodic_tasks(),
        "backup": backup,
        "backup_recent": health.backup_is_recent(backup, at=now),
        "backup_root": settings.BACKUP_ROOT,
    }
    return render(request, "org/health_detail.html", context)
