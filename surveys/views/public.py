"""The citizen's pages: no account, no JavaScript, a few questions per screen.

Each screen is a plain form POST. Earlier answers travel as hidden fields and are validated
again, all of them, on the last screen; a signed token carries what the citizen must not change
(unit, service, officer, source, when the form was opened, a nonce against double submission).
"""

from __future__ import annotations

import secrets
from datetime import UTC, datetime, timedelta
from math import ceil
from urllib.parse import urlencode

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from core.clientip import client_ip
from org.models import Employee, Unit
from org.selectors import unit_subtree_ids

from ..clients import (
    client_of,
    device_id,
    ensure_device_cookie,
    keyed_hash,
    kiosk_of,
    rate_limit_checks,
)
from ..elements import ordered_elements
from ..forms.public import (
    HONEYPOT_FIELD,
    ComplaintForm,
    ComplaintLookupForm,
    SurveyForm,
    normalise_reference,
    survey_steps,
)
from ..models import Complaint, Officer, Response, Service
from ..qr import form_path
from ..ratelimit import Verdict, allow_all
from ..services import Submission, complaint_submit, qr_scan_record, response_submit

FORM_SALT = "surveys.form"
FORM_EXPIRED = _("Formulir sudah kedaluwarsa atau tidak sah. Silakan isi kembali dari awal.")
TOO_MANY = _(
    "Terlalu banyak kiriman dari perangkat atau jaringan ini. Isian Anda masih ada di halaman ini: "
    "kirim lagi setelah pukul %(time)s (sekitar %(minutes)s menit lagi)."
)
LOOKUP_NOT_FOUND = _(
    "Tidak ada pengaduan dengan nomor itu. Periksa kembali nomornya (huruf besar atau kecil sama saja), "
    "atau sampaikan pengaduan baru."
)
CARRIED_PARAMS = ("kiosk", "petugas")


def _public_unit(code: str) -> Unit:
    return get_object_or_404(Unit, code=code, is_active=True)


def _public_service(unit: Unit, slug: str | None) -> Service | None:
    return get_object_or_404(Service, unit=unit, slug=slug, is_active=True) if slug else None


def _carried(request, **extra) -> str:
    """The query string that keeps kiosk mode and the named officer from page to page."""
    params = {name: request.GET[name] for name in CARRIED_PARAMS if request.GET.get(name)}
    params.update({key: value for key, value in extra.items() if value})
    return f"?{urlencode(params)}" if params else ""


def _officer(unit: Unit, token: str) -> Officer | None:
    """The counter employee named by ``?petugas=``; an unknown token or one of another OPD is ignored."""
    if not token:
        return None
    officer = Officer.objects.filter(token=token[:16], is_active=True).select_related("employee").first()
    if officer is None or officer.employee.status != Employee.Status.AKTIF:
        return None
    related_units = unit_subtree_ids(unit) + unit.ancestor_ids()
    return officer if officer.employee.unit_id in related_units else None


def _new_token(*, unit: Unit, service: Service | None, officer: Officer | None, source: str) -> str:
    payload = {
        "u": unit.pk,
        "s": service.pk if service else None,
        "o": officer.employee_id if officer else None,
        "src": source,
        "t": int(datetime.now(tz=UTC).timestamp()),
        "n": secrets.token_hex(16),
    }
    return signing.dumps(payload, salt=FORM_SALT, compress=True)


def _read_token(value: str, *, unit: Unit, service: Service | None) -> dict | None:
    try:
        data = signing.loads(value, salt=FORM_SALT, max_age=settings.SKM_FORM_MAX_AGE)
    except signing.BadSignature:
        return None
    same_target = data.get("u") == unit.pk and data.get("s") == (service.pk if service else None)
    return data if same_target else None


def survey_form(request, unit_code: str, service_slug: str | None = None):
    """The questionnaire of a unit (or of one of its services); the first screen on GET."""
    unit = _public_unit(unit_code)
    service = _public_service(unit, service_slug)
    if request.method == "POST":
        return _survey_post(request, unit, service)
    from_qr = request.GET.get("src") == "qr"
    if from_qr:
        qr_scan_record(unit=unit, service=service, device_hash=keyed_hash(device_id(request)))
    active_services = unit.services.filter(is_active=True)
    via = "qr" if from_qr or request.GET.get("via") == "qr" else ""
    if service is None and not request.GET.get("umum") and active_services.exists():
        links = [(item, form_path(unit, item) + _carried(request, via=via)) for item in active_services]
        context = {"links": links, "other_url": form_path(unit) + _carried(request, umum="1", via=via)}
        response = _render(request, "surveys/public_service_choice.html", unit, None, context)
    else:
        source = Response.Source.QR if via else Response.Source.LINK
        officer = _officer(unit, request.GET.get("petugas", ""))
        token = _new_token(unit=unit, service=service, officer=officer, source=source)
        response = _render_step(request, unit, service, form=SurveyForm(), step=0, token=token)
    ensure_device_cookie(request, response)
    return response


def _survey_post(request, unit: Unit, service: Service | None):
    token_value = request.POST.get("token", "")
    token = _read_token(token_value, unit=unit, service=service)
    if token is None:
        fresh = _new_token(unit=unit, service=service, officer=None, source=Response.Source.LINK)
        shown = SurveyForm(initial=request.POST.dict())
        return _render_step(request, unit, service, form=shown, step=0, token=fresh, error=FORM_EXPIRED, status=400)
    last = len(survey_steps()) - 1
    step = min(max(_int(request.POST.get("step")), 0), last)
    if "back" in request.POST:
        shown = SurveyForm(initial=request.POST.dict())
        return _render_step(request, unit, service, form=shown, step=max(step - 1, 0), token=token_value)
    if language := request.POST.get("switch_language"):
        return _switch_language(request, unit, service, language=language, step=step, token=token_value)
    form = SurveyForm(request.POST)
    if form.errors_up_to(step) or (step == last and not form.is_valid()):
        wrong = form.first_step_with_errors() or 0
        return _render_step(request, unit, service, form=form, step=wrong, token=token_value, status=400)
    if step < last:
        shown = SurveyForm(initial=request.POST.dict())
        return _render_step(request, unit, service, form=shown, step=step + 1, token=token_value)
    return _survey_store(request, unit, service, form, token)


def _switch_language(request, unit: Unit, service: Service | None, *, language: str, step: int, token: str):
    """Show the same step in the chosen language, answers kept (they travel in the form, not validated)."""
    if language in dict(settings.LANGUAGES):
        translation.activate(language)
        request.LANGUAGE_CODE = language
    page = _render_step(request, unit, service, form=SurveyForm(initial=request.POST.dict()), step=step, token=token)
    page["Content-Language"] = request.LANGUAGE_CODE
    page.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        request.LANGUAGE_CODE,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        path=settings.LANGUAGE_COOKIE_PATH,
        domain=settings.LANGUAGE_COOKIE_DOMAIN,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )
    return page


def _survey_store(request, unit: Unit, service: Service | None, form: SurveyForm, token: dict):
    client = client_of(request, unit_id=unit.pk)
    verdict = allow_all(rate_limit_checks(client, kind="response"))
    if not verdict.allowed:
        last = len(survey_steps()) - 1
        token_value, error = request.POST["token"], _too_many(verdict)
        page = _render_step(request, unit, service, form=form, step=last, token=token_value, error=error, status=429)
        return _with_retry_after(page, verdict)
    submission = Submission(
        unit=unit,
        service=service,
        officer=Employee.objects.filter(pk=token["o"]).first() if token.get("o") else None,
        source=token.get("src", Response.Source.LINK),
        client=client,
        started_at=datetime.fromtimestamp(token["t"], tz=UTC) if token.get("t") else None,
        nonce=token["n"],
        language=getattr(request, "LANGUAGE_CODE", ""),
    )
    try:
        response_submit(submission=submission, answers=form.answers(), profile=form.profile())
    except ValidationError as exc:
        form.add_error(None, exc)
        return _render_step(request, unit, service, form=form, step=0, token=request.POST["token"], status=400)
    thanks = reverse("surveys:survey-thanks", args=[unit.code])
    return redirect(thanks + _carried(request, layanan=service.slug if service else ""))


def _too_many(verdict: Verdict) -> str:
    """A rate-limit refusal keeps the citizen's input on the page; this says when to send it again."""
    again = timezone.localtime() + timedelta(seconds=verdict.retry_after)
    return str(TOO_MANY % {"time": again.strftime("%H.%M"), "minutes": max(ceil(verdict.retry_after / 60), 1)})


def _with_retry_after(page: HttpResponse, verdict: Verdict) -> HttpResponse:
    page["Retry-After"] = str(verdict.retry_after)
    return page


def _int(value: str | None) -> int:
    try:
        return int(value or 0)
    except ValueError:
        return 0


def _render_step(request, unit, service, *, form, step, token, error=None, status=200):
    steps = survey_steps()
    shown = set(steps[step])
    elements = {element.field: element for element in ordered_elements()}
    context = {
        "form": form,
        "step": step,
        "step_number": step + 1,
        "step_count": len(steps),
        "is_last": step == len(steps) - 1,
        "questions": [(form[name], elements[name]) for name in steps[step] if name in elements],
        "carried": _carried_answers(form, exclude=shown),
        "token": token,
        "error": error,
        "honeypot": HONEYPOT_FIELD,
        "action": form_path(unit, service) + _carried(request),
    }
    return _render(request, "surveys/public_form.html", unit, service, context, status=status)


def _carried_answers(form: SurveyForm, *, exclude: set[str]) -> list[tuple[str, str]]:
    """Answers given on other screens, re-sent as hidden fields (validated again at the end)."""
    source = form.data if form.is_bound else form.initial
    names = [name for name in form.fields if name not in exclude and name != HONEYPOT_FIELD]
    return [(name, str(source[name])) for name in names if source.get(name) not in (None, "")]


def _render(request, template, unit, service, context, *, status=200):
    kiosk = request.GET.get("kiosk") == "1"
    base = {"unit": unit, "service": service, "kiosk": kiosk, "carry": _carried(request)}
    return render(request, template, {**base, **context}, status=status)


def survey_thanks(request, unit_code: str):
    """Thanks; in kiosk mode the page returns to a fresh form by itself (meta refresh, no script).

    A registered kiosk returns to what it was registered for: its service's form, or the service
    picker when it serves them all; the service just answered is only the next visitor's default
    on an unregistered tablet.
    """
    unit = _public_unit(unit_code)
    service = Service.objects.filter(unit=unit, slug=request.GET.get("layanan", ""), is_active=True).first()
    kiosk = kiosk_of(request, unit_id=unit.pk)
    start = kiosk.service if kiosk is not None and (kiosk.service is None or kiosk.service.is_active) else service
    context = {
        "again_url": form_path(unit, start) + _carried(request),
        "reset_seconds": settings.SKM_KIOSK_RESET_SECONDS,
        "complaint_url": reverse("surveys:complaint-form", args=[unit.code]) + _carried(request),
    }
    return _render(request, "surveys/public_thanks.html", unit, service, context)


def complaint_form(request, unit_code: str):
    """A complaint or suggestion; a contact is optional and kept only with consent (UU 27/2022)."""
    unit = _public_unit(unit_code)
    service = Service.objects.filter(unit=unit, slug=request.GET.get("layanan", ""), is_active=True).first()
    form = ComplaintForm(request.POST or None)
    context = {"form": form, "consent_version": settings.SKM_CONSENT_VERSION}
    if request.method == "POST" and form.is_valid():
        client = client_of(request, unit_id=unit.pk)
        verdict = allow_all(rate_limit_checks(client, kind="complaint"))
        if not verdict.allowed:
            page = _render(
                request,
                "surveys/public_complaint_form.html",
                unit,
                service,
                {**context, "error": _too_many(verdict)},
                status=429,
            )
            return _with_retry_after(page, verdict)
        data = form.cleaned_data
        complaint = complaint_submit(
            unit=unit,
            service=service,
            kind=data["kind"],
            body=data["body"],
            contact_name=data["contact_name"],
            contact=data["contact"],
            consent=data["consent"],
            client_hash=client.client_hash,
        )
        return redirect(reverse("surveys:complaint-status", args=[complaint.reference]) + _carried(request))
    status = 400 if form.is_bound else 200
    return _render(request, "surveys/public_complaint_form.html", unit, service, context, status=status)


def complaint_status(request, reference: str):
    """What the citizen may see of their complaint: its state and the unit's answers, never the contact."""
    typed = normalise_reference(reference)
    return _complaint_page(request, typed, form=ComplaintLookupForm(initial={"nomor": reference[:40]}))


def complaint_lookup(request):
    """Where a citizen types their complaint number; a wrong one gets a message, never another's complaint."""
    form = ComplaintLookupForm(request.GET or None)
    if not form.is_bound:
        return _render(request, "surveys/public_complaint_lookup.html", None, None, {"form": form})
    if not form.is_valid():
        return _render(request, "surveys/public_complaint_lookup.html", None, None, {"form": form}, status=400)
    return _complaint_page(request, form.cleaned_data["nomor"], form=form)


def _complaint_page(request, reference: str | None, *, form: ComplaintLookupForm):
    """The status page of ``reference``; every lookup counts against the address's limit (no guessing)."""
    verdict = allow_all([(f"lookup:ip:{keyed_hash(client_ip(request))}", settings.SKM_RATE_LIMIT_LOOKUP)])
    if not verdict.allowed:
        context = {"form": form, "error": _too_many(verdict)}
        page = _render(request, "surveys/public_complaint_lookup.html", None, None, context, status=429)
        return _with_retry_after(page, verdict)
    complaint = Complaint.objects.filter(reference=reference).select_related("unit").first() if reference else None
    if complaint is None:
        context = {"form": form, "error": LOOKUP_NOT_FOUND}
        return _render(request, "surveys/public_complaint_lookup.html", None, None, context, status=404)
    context = {"complaint": complaint, "replies": complaint.replies.all()}
    return _render(request, "surveys/public_complaint_status.html", complaint.unit, None, context)
