"""A unit's survey set-up, kept by HR or the unit head: services, counter officers, kiosks, QR codes."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from core.outcomes import Outcome
from org.models import Employee

from .. import qr, services
from ..access import can_manage_unit, get_managed_unit, survey_manager_required
from ..clients import set_kiosk_cookie
from ..forms.setup import KioskForm, ServiceForm
from ..models import KioskDevice, Officer, Service

SERVICE_SAVED = _("Layanan disimpan.")
OFFICER_ISSUED = _("Tautan survei petugas dibuat.")
KIOSK_REGISTERED = _("Perangkat kios didaftarkan. Buka tautan aktivasi di tablet loket.")
KIOSK_REVOKED = _("Perangkat kios dicabut; tablet itu kembali memakai batas biasa.")
KIOSK_ACTIVATED = _("Perangkat ini sekarang kios survei.")
QR_FORMATS = {"svg": ("image/svg+xml", qr.qr_svg), "png": ("image/png", qr.qr_png)}


def _setup_page(request, unit, *, service_form=None, kiosk_form=None, status=200):
    officers = {o.employee_id: o for o in Officer.objects.filter(employee__unit=unit)}
    employees = unit.employees.active().select_related("position").order_by("name")
    context = {
        "unit": unit,
        "services": unit.services.order_by("-is_active", "name"),
        "service_form": service_form or ServiceForm(),
        "employees": [(employee, officers.get(employee.pk)) for employee in employees],
        "kiosks": [
            (kiosk, _activation_url(request, kiosk))
            for kiosk in unit.kiosks.select_related("service", "created_by").order_by("-created_at")
        ],
        "kiosk_form": kiosk_form or KioskForm(unit=unit),
        "unit_url": qr.public_form_url(unit).split("?")[0],
    }
    return render(request, "surveys/unit_setup.html", context, status=status)


@survey_manager_required
def unit_setup(request, unit_code: str):
    return _setup_page(request, get_managed_unit(request.user, unit_code))


def _setup_url(unit) -> str:
    return reverse("surveys:unit-setup", args=[unit.code])


@survey_manager_required
@require_POST
def service_create(request, unit_code: str):
    unit = get_managed_unit(request.user, unit_code)
    form = ServiceForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        with Outcome(request, done=SERVICE_SAVED, form=form):
            services.service_create(
                unit=unit,
                name=data["name"],
                slug=data["slug"],
                description=data["description"],
                acting_user=request.user,
            )
            return redirect(_setup_url(unit))
    return _setup_page(request, unit, service_form=form, status=400)


@survey_manager_required
def service_update(request, pk: int):
    service = get_object_or_404(Service.objects.select_related("unit"), pk=pk)
    if not can_manage_unit(request.user, service.unit):
        raise Http404
    form = ServiceForm(request.POST or None, instance=service)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        with Outcome(request, done=SERVICE_SAVED, form=form):
            services.service_update(
                service=service,
                name=data["name"],
                description=data["description"],
                is_active=data["is_active"],
                acting_user=request.user,
            )
            return redirect(_setup_url(service.unit))
    return render(request, "surveys/service_form.html", {"form": form, "service": service, "unit": service.unit})


@survey_manager_required
@require_POST
def officer_issue(request, unit_code: str, employee_pk: int):
    unit = get_managed_unit(request.user, unit_code)
    employee = get_object_or_404(Employee, pk=employee_pk, unit=unit)
    with Outcome(request, done=OFFICER_ISSUED):
        services.officer_token_issue(
            employee=employee, acting_user=request.user, renew=request.POST.get("renew") == "1"
        )
    return redirect(_setup_url(unit) + "#petugas")


@survey_manager_required
@require_POST
def kiosk_create(request, unit_code: str):
    unit = get_managed_unit(request.user, unit_code)
    form = KioskForm(request.POST, unit=unit)
    if not form.is_valid():
        return _setup_page(request, unit, kiosk_form=form, status=400)
    services.kiosk_register(
        unit=unit, name=form.cleaned_data["name"], service=form.cleaned_data["service"], acting_user=request.user
    )
    messages.success(request, KIOSK_REGISTERED)
    return redirect(_setup_url(unit) + "#kios")


@survey_manager_required
@require_POST
def kiosk_revoke(request, pk: int):
    kiosk = get_object_or_404(KioskDevice.objects.select_related("unit"), pk=pk)
    if not can_manage_unit(request.user, kiosk.unit):
        raise Http404
    with Outcome(request, done=KIOSK_REVOKED):
        services.kiosk_revoke(kiosk=kiosk, acting_user=request.user)
    return redirect(_setup_url(kiosk.unit) + "#kios")


def _activation_url(request, kiosk: KioskDevice) -> str:
    return request.build_absolute_uri(reverse("surveys:kiosk-activate", args=[kiosk.secret]))


@survey_manager_required
def kiosk_qr(request, pk: int):
    """The activation link as a QR code, to scan with the tablet's camera instead of typing it."""
    kiosk = get_object_or_404(KioskDevice.objects.select_related("unit"), pk=pk)
    if not can_manage_unit(request.user, kiosk.unit) or kiosk.activated_at or kiosk.revoked_at:
        raise Http404
    response = HttpResponse(qr.qr_svg(_activation_url(request, kiosk)), content_type="image/svg+xml")
    response["Cache-Control"] = "no-store"  # the link is a secret
    return response


def kiosk_activate(request, secret: str):
    """Opened on the tablet itself (no login needed): the secret link binds the kiosk cookie once."""
    kiosk = get_object_or_404(KioskDevice.objects.select_related("unit", "service"), secret=secret)
    error = None
    if request.method == "POST":
        try:
            kiosk = services.kiosk_activate(kiosk=kiosk)
        except ValidationError as exc:
            error = " ".join(exc.messages)
        else:
            response = redirect(qr.form_path(kiosk.unit, kiosk.service) + "?kiosk=1")
            set_kiosk_cookie(request, response, kiosk)
            messages.success(request, KIOSK_ACTIVATED)
            return response
    context = {"kiosk": kiosk, "unit": kiosk.unit, "service": None, "kiosk_mode": True, "error": error}
    return render(request, "surveys/public_kiosk_activate.html", context, status=400 if error else 200)


def _qr_target(request, unit):
    service = None
    if slug := request.GET.get("layanan"):
        service = get_object_or_404(Service, unit=unit, slug=slug)
    officer = None
    if token := request.GET.get("petugas"):
        officer = get_object_or_404(Officer, token=token, employee__unit=unit)
    return service, officer


@survey_manager_required
def qr_image(request, unit_code: str, fmt: str):
    """The QR code of the unit's (or a service's, or an officer's) form, as SVG or PNG."""
    unit = get_managed_unit(request.user, unit_code)
    if fmt not in QR_FORMATS:
        raise Http404
    service, officer = _qr_target(request, unit)
    content_type, render_code = QR_FORMATS[fmt]
    response = HttpResponse(render_code(qr.public_form_url(unit, service=service, officer=officer)), content_type)
    if request.GET.get("unduh"):
        name = "-".join(filter(None, ["qr", unit.code.lower(), service.slug if service else ""]))
        response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return response


@survey_manager_required
def poster(request, unit_code: str):
    """A printable A4 PDF poster for the counter."""
    unit = get_managed_unit(request.user, unit_code)
    service, officer = _qr_target(request, unit)
    response = HttpResponse(qr.poster_pdf(unit=unit, service=service, officer=officer), "application/pdf")
    name = "-".join(filter(None, ["poster-survei", unit.code.lower(), service.slug if service else ""]))
    response["Content-Disposition"] = f'inline; filename="{name}.pdf"'
    return response
