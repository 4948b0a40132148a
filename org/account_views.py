"""Accounts for everyone: HR creates them per unit or per employees import and prints letters; the
employee activates."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from weasyprint import HTML

from core.accounts import address_blocked, address_failure_record

from .access import hr_required, own_import_job
from .accounts import (
    AccountsCreated,
    account_activate,
    accounts_create,
    activation_letters_issue,
    employees_without_account,
    of_import,
    pending_activation,
)
from .forms import AccountUnitForm, ActivationForm
from .imports.jobs import applied_employees_import
from .models import Employee, ImportJob
from .selectors import unit_subtree_ids

PER_PAGE = 25
ACCOUNTS_CREATED = _("%(created)d akun dibuat: %(emailed)d menerima e-mail aktivasi, %(letters)d perlu surat aktivasi.")
ACCOUNTS_SKIPPED = _("%(skipped)d pegawai dilewati karena NIP-nya sudah dipakai akun lain.")
NOTHING_TO_PRINT = _("Tidak ada akun yang menunggu surat aktivasi di unit ini.")
NOTHING_TO_PRINT_IMPORT = _("Tidak ada akun pegawai impor ini yang menunggu surat aktivasi.")
NOT_AN_APPLIED_EMPLOYEES_IMPORT = _(
    "Akun hanya dapat dibuat dari impor data pegawai yang sudah selesai diimpor, bukan dari uji coba, "
    "impor yang gagal, atau impor data lain."
)
ACTIVATED = _("Akun Anda aktif. Selamat datang di Kinerja.")


def _unit_ids(form: AccountUnitForm) -> set[int]:
    return set(unit_subtree_ids(form.cleaned_data["unit"]))


@hr_required
def account_list(request):
    """Per unit (with sub-units): who has no account yet, and whose account waits for activation."""
    form = AccountUnitForm(request.GET or None)
    context = {"form": form}
    if form.is_valid():
        unit_ids = _unit_ids(form)
        without = employees_without_account(unit_ids=unit_ids)
        pending = pending_activation(unit_ids=unit_ids)
        context |= {
            "unit": form.cleaned_data["unit"],
            "without_count": without.count(),
            "without_email_count": without.filter(email="").count(),
            "pending_letters": pending.filter(user__email="").count(),
            "page": Paginator(pending, PER_PAGE).get_page(request.GET.get("page")),
        }
    return render(request, "org/account_list.html", context)


@hr_required
@require_POST
def account_create(request):
    form = AccountUnitForm(request.POST)
    if not form.is_valid():
        return redirect("org:account-list")
    result = accounts_create(employees=employees_without_account(unit_ids=_unit_ids(form)), acting_user=request.user)
    _tell_created(request, result)
    return redirect(f"{reverse('org:account-list')}?unit={form.cleaned_data['unit'].pk}")


def _tell_created(request, result: AccountsCreated) -> None:
    values = {
        "created": len(result.created),
        "emailed": result.emailed,
        "letters": len(result.created) - result.emailed,
        "skipped": result.skipped,
    }
    messages.success(request, ACCOUNTS_CREATED % values)
    if result.skipped:
        messages.warning(request, ACCOUNTS_SKIPPED % values)


@hr_required
@require_POST
def account_letters(request):
    """A PDF, one A4 letter per employee without e-mail whose account waits; printing renews the codes."""
    form = AccountUnitForm(request.POST)
    if not form.is_valid():
        return redirect("org:account-list")
    employees = pending_activation(unit_ids=_unit_ids(form)).filter(user__email="")
    if not employees.exists():
        messages.warning(request, NOTHING_TO_PRINT)
        return redirect(f"{reverse('org:account-list')}?unit={form.cleaned_data['unit'].pk}")
    return _letters_pdf(request, employees, f"surat-aktivasi-{form.cleaned_data['unit'].code}.pdf")


def _letters_pdf(request, employees: QuerySet[Employee], filename: str) -> HttpResponse:
    letters = activation_letters_issue(employees=employees, acting_user=request.user)
    context = {
        "letters": letters,
        "url": settings.SITE_URL.rstrip("/") + reverse("account-activate"),
        "days": settings.ACCOUNT_ACTIVATION_DAYS,
        "today": timezone.localdate(),
        "place": settings.APPRAISAL_DOCUMENT_PLACE,
    }
    html = render_to_string("org/documents/activation_letters.html", context)
    response = HttpResponse(HTML(string=html).write_pdf(), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response


def _applied_employees_import(request, token) -> ImportJob | None:
    """The uploader's applied employees import, or None with a message saying why not (404 if unknown)."""
    job = own_import_job(request.user, token)
    if applied_employees_import(job):
        return job
    messages.error(request, NOT_AN_APPLIED_EMPLOYEES_IMPORT)
    return None


def import_accounts(job: ImportJob) -> dict[str, int]:
    """The accounts card on an applied employees import's page (org/includes/import_accounts.html)."""
    without = of_import(employees_without_account(unit_ids=None), job)
    return {
        "without_count": without.count(),
        "without_email_count": without.filter(email="").count(),
        "pending_letters": of_import(pending_activation(unit_ids=None), job).filter(user__email="").count(),
    }


@hr_required
@require_POST
def import_account_create(request, token):
    """The accounts of the import's employees without one, by the same rule as per unit."""
    if job := _applied_employees_import(request, token):
        employees = of_import(employees_without_account(unit_ids=None), job)
        _tell_created(request, accounts_create(employees=employees, acting_user=request.user))
    return redirect("org:import-preview", token=token)


@hr_required
@require_POST
def import_account_letters(request, token):
    """The letters of the import's employees without e-mail whose account waits; printing renews the codes."""
    job = _applied_employees_import(request, token)
    if job is None:
        return redirect("org:import-preview", token=token)
    employees = of_import(pending_activation(unit_ids=None), job).filter(user__email="")
    if not employees.exists():
        messages.warning(request, NOTHING_TO_PRINT_IMPORT)
        return redirect("org:import-preview", token=token)
    return _letters_pdf(request, employees, f"surat-aktivasi-impor-{job.pk}.pdf")


@never_cache
def account_activate_page(request, code: str = ""):
    """The code from the letter or the e-mail link, once, then a first password; then logged in.

    Wrong codes count against the client's address like failed logins (core.accounts), so codes
    cannot be guessed any faster than passwords.
    """
    if request.method == "POST" and address_blocked(request):
        context = {"cooloff_timedelta": settings.AXES_COOLOFF_TIME, "per_address": True}
        return render(request, settings.AXES_LOCKOUT_TEMPLATE, context, status=429)
    form = ActivationForm(request.POST or None, initial={"code": code})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            user = account_activate(code=data["code"], password1=data["new_password1"], password2=data["new_password2"])
        except ValidationError as exc:
            if "code" in exc.error_dict and exc.error_dict["code"][0].code == "unknown":
                address_failure_record(request)
            form.add_error(None, exc)
        else:
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            messages.success(request, ACTIVATED)
            return redirect("home")
    return render(request, "registration/activation.html", {"form": form, "from_link": bool(code)})
