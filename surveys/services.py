"""Workflows of the survey: storing a citizen's response, reviewing bursts, kiosks, QR scans, complaints.

A submission is written to PostgreSQL inside the request; nothing depends on Redis or Celery
(rate limits fail open, notifications are queued after commit and survive a broker outage).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import reduce
from operator import or_

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import Count, F, Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.functional import Promise
from django.utils.text import slugify
from django.utils.translation import gettext_lazy

from core.outbox import enqueue_on_commit
from notifications.services import notify
from org.access import responsible_head
from org.models import Employee, ScoreMark, Unit, User

from .clients import Client
from .elements import ELEMENTS
from .models import (
    Complaint,
    ComplaintReply,
    KioskDevice,
    Officer,
    QrScanDay,
    Response,
    ResponseQuerySet,
    ResponseReview,
    Service,
)
from .ratelimit import first_hit

logger = logging.getLogger(__name__)

QR_SEEN_SECONDS = 25 * 3600  # a local day, plus slack for the time zone

ALREADY_EXCLUDED = gettext_lazy("Respons ini sudah dikecualikan.")
NOT_EXCLUDED = gettext_lazy("Respons ini tidak sedang dikecualikan.")
KIOSK_ALREADY_ACTIVATED = gettext_lazy("Tautan aktivasi ini sudah dipakai. Daftarkan perangkat baru.")
KIOSK_REVOKED = gettext_lazy("Perangkat kios ini sudah dicabut.")
SLUG_IMMUTABLE = gettext_lazy("Kode URL layanan tidak dapat diubah setelah dibuat.")
CONTACT_WITHOUT_CONSENT = gettext_lazy("Kontak hanya disimpan dengan persetujuan.")
NEW_COMPLAINT_TITLE = gettext_lazy("Pengaduan baru untuk %(unit)s")
REPLY_EMAIL_SUBJECT = gettext_lazy("Tanggapan atas pengaduan %(reference)s")
REPLY_EMAIL_BODY = gettext_lazy(
    "%(unit)s telah menanggapi pengaduan Anda nomor %(reference)s:\n\n%(reply)s\n\n"
    "Status dan semua tanggapan dapat dilihat di halaman berikut."
)
SUSPICIOUS_FAST = gettext_lazy("Diisi dalam %(seconds)s detik")
SUSPICIOUS_BURST_DEVICE = gettext_lazy("Lonjakan: %(count)s respons dari perangkat yang sama dalam %(minutes)s menit")
SUSPICIOUS_SAME_ANSWERS = gettext_lazy(
    "Pola sama: %(count)s respons dengan jawaban identik dari alamat yang sama dalam %(minutes)s menit"
)
SUSPICIOUS_BURST_ADDRESS = gettext_lazy("Lonjakan: %(count)s respons dari alamat yang sama dalam %(minutes)s menit")


@dataclass(frozen=True)
class Submission:
    """Where a public response came from; built by the view from the signed form token."""

    unit: Unit
    service: Service | None
    officer: Employee | None
    source: str
    client: Client
    started_at: datetime | None
    nonce: str
    language: str = ""


@transaction.atomic
def response_submit(*, submission: Submission, answers: dict[str, int], profile: dict[str, object]) -> Response:
    """Store one questionnaire; a form sent twice (reload, double tap) is stored once.

    Suspicion never refuses a response: a too-fast fill or a burst from one address or device is
    flagged for HR, who may exclude it (excluded responses are kept, see ``response_exclude``).
    """
    if existing := Response.objects.filter(form_nonce=submission.nonce).order_by().first():
        return existing
    now = timezone.now()
    response = _build_response(submission, answers, profile, now=now)
    bursts = _bursts(response, now=now)
    burst_reason = "; ".join(reason for _source, reason in bursts)
    response.suspicious_reason = "; ".join(filter(None, [_too_fast(response), burst_reason]))[:200]
    # Field validation only: the database enforces the ten check constraints and the unique nonce
    # itself, and checking them here would cost eleven extra queries on the hottest public path.
    response.full_clean(validate_unique=False, validate_constraints=False)
    try:
        with transaction.atomic():
            response.save()
    except IntegrityError:
        return Response.objects.get(form_nonce=submission.nonce)
    if bursts:
        # A burst is a group: flag the earlier responses in it too, so HR reviews them together.
        members = _recent(response, now=now).filter(reduce(or_, (source for source, _reason in bursts)))
        members.exclude(pk=response.pk).filter(suspicious_reason="").update(suspicious_reason=burst_reason[:200])
    _officer_scores_mark(response)
    return response


def _officer_scores_mark(response: Response) -> None:
    """A response naming an officer counts in that officer's own IKM: the scoring job recomputes them.

    The unit's IKM moves too, but marking the whole unit on every public submission would cost more
    than it is worth: the nightly run catches that up.
    """
    if response.officer_id is not None:
        year = timezone.localtime(response.submitted_at).year
        ScoreMark.objects.mark(employee_ids=[response.officer_id], year=year)


def _build_response(
    submission: Submission, answers: dict[str, int], profile: dict[str, object], *, now: datetime
) -> Response:
    client, started = submission.client, submission.started_at
    return Response(
        unit=submission.unit,
        service=submission.service,
        officer=submission.officer,
        submitted_at=now,
        source=Response.Source.KIOSK if client.kiosk else submission.source,
        kiosk=client.kiosk,
        language=submission.language[:8],
        client_hash=client.client_hash,
        device_hash=client.device_hash,
        form_nonce=submission.nonce,
        fill_seconds=max(int((now - started).total_seconds()), 0) if started else None,
        **{ELEMENTS[code].field: value for code, value in answers.items()},
        **profile,
    )


def _burst_rules(response: Response) -> list[tuple[Q, int, Promise]]:
    """(same source, how many make a burst, reason) per pattern; each count sits below its rate limit.

    Kiosks serve many people and have none. The address alone needs a larger count than the
    device because carriers and office Wi-Fi put many honest citizens behind one address.
    """
    if response.kiosk is not None:
        return []
    rules = []
    if response.device_hash:
        rules.append((Q(device_hash=response.device_hash), settings.SKM_BURST_DEVICE_COUNT, SUSPICIOUS_BURST_DEVICE))
    if response.client_hash:
        address = Q(client_hash=response.client_hash)
        same_answers = address & Q(**{code.lower(): value for code, value in response.answers().items()})
        rules.append((same_answers, settings.SKM_BURST_SAME_ANSWERS_COUNT, SUSPICIOUS_SAME_ANSWERS))
        rules.append((address, settings.SKM_BURST_ADDRESS_COUNT, SUSPICIOUS_BURST_ADDRESS))
    return rules


def _bursts(response: Response, *, now: datetime) -> list[tuple[Q, str]]:
    """The bursts this response completes, each as (its members, reason); one query for all rules."""
    rules = _burst_rules(response)
    if not rules:
        return []
    any_source = reduce(or_, (source for source, _size, _reason in rules))  # lets the hash indexes narrow it
    counts = (
        _recent(response, now=now)
        .filter(any_source)
        .aggregate(
            **{f"rule{number}": Count("pk", filter=source) for number, (source, _size, _reason) in enumerate(rules)}
        )
    )
    minutes = settings.SKM_BURST_WINDOW // 60
    return [
        (source, str(reason % {"count": counts[f"rule{number}"] + 1, "minutes": minutes}))
        for number, (source, size, reason) in enumerate(rules)
        if counts[f"rule{number}"] + 1 >= size
    ]


def _recent(response: Response, *, now: datetime) -> ResponseQuerySet:
    """Responses to the same unit within the burst window, kiosks left out."""
    since = now - timedelta(seconds=settings.SKM_BURST_WINDOW)
    return Response.objects.filter(unit=response.unit, kiosk__isnull=True, submitted_at__gte=since)


def _too_fast(response: Response) -> str:
    if response.fill_seconds is not None and response.fill_seconds < settings.SKM_MIN_FILL_SECONDS:
        return str(SUSPICIOUS_FAST % {"seconds": response.fill_seconds})
    return ""


@transaction.atomic
def response_exclude(*, response: Response, reason: str, acting_user: User) -> Response:
    """Leave a response out of the index. It is kept, with who excluded it, when and why."""
    response = Response.objects.select_for_update().get(pk=response.pk)
    if response.is_excluded:
        raise ValidationError(ALREADY_EXCLUDED, code="excluded")
    response.excluded_at, response.excluded_by, response.exclusion_reason = timezone.now(), acting_user, reason
    response.full_clean()
    response.save(update_fields=["excluded_at", "excluded_by", "exclusion_reason"])
    ResponseReview.objects.create(
        response=response, action=ResponseReview.Action.EXCLUDE, reason=reason, actor=acting_user
    )
    _officer_scores_mark(response)
    return response


@transaction.atomic
def responses_exclude(*, responses: ResponseQuerySet, reason: str, acting_user: User) -> int:
    """Exclude a reviewed burst in one go; responses already excluded are left as they are."""
    pending = list(responses.filter(excluded_at__isnull=True))
    for response in pending:
        response_exclude(response=response, reason=reason, acting_user=acting_user)
    return len(pending)


@transaction.atomic
def response_include(*, response: Response, reason: str, acting_user: User) -> Response:
    """Count an excluded response again; the earlier exclusion stays in the review trail."""
    response = Response.objects.select_for_update().get(pk=response.pk)
    if not response.is_excluded:
        raise ValidationError(NOT_EXCLUDED, code="not_excluded")
    response.excluded_at, response.excluded_by, response.exclusion_reason = None, None, ""
    response.save(update_fields=["excluded_at", "excluded_by", "exclusion_reason"])
    ResponseReview.objects.create(
        response=response, action=ResponseReview.Action.INCLUDE, reason=reason, actor=acting_user
    )
    _officer_scores_mark(response)
    return response


def qr_scan_record(*, unit: Unit, service: Service | None, device_hash: str) -> bool:
    """Count a device's first scan of the day on today's row (one row per unit, service and day).

    Reloads and repeated GETs of the QR link from the same device cookie do not count again. The
    "seen today" marks live in the cache for a day; without Redis every scan counts (fail open).
    """
    today = timezone.localdate()
    seen_key = f"qr:{unit.pk}:{service.pk if service else 0}:{today.isoformat()}:{device_hash}"
    if not first_hit(seen_key, timeout=QR_SEEN_SECONDS):
        return False
    rows = QrScanDay.objects.filter(unit=unit, service=service, day=today)
    if not rows.update(count=F("count") + 1):
        try:
            with transaction.atomic():
                QrScanDay.objects.create(unit=unit, service=service, day=today, count=1)
        except IntegrityError:
            rows.update(count=F("count") + 1)
    return True


@transaction.atomic
def service_create(*, unit: Unit, name: str, slug: str, description: str = "", acting_user: User) -> Service:
    """Add a service; its URL code is made unique within the unit because QR posters print it."""
    base = slugify(slug or name)[:50] or "layanan"
    candidate, suffix = base, 2
    while Service.objects.filter(unit=unit, slug=candidate).exists():
        candidate, suffix = f"{base}-{suffix}", suffix + 1
    service = Service(unit=unit, name=name, slug=candidate, description=description)
    service.full_clean()
    service.save()
    logger.info("Service %s created in %s by %s", service.slug, unit.code, acting_user)
    return service


@transaction.atomic
def service_update(*, service: Service, name: str, description: str, is_active: bool, acting_user: User) -> Service:
    """Rename, describe or (de)activate a service; its URL code never changes (printed QR codes)."""
    service.name, service.description, service.is_active = name, description, is_active
    service.full_clean()
    service.save(update_fields=["name", "description", "is_active"])
    logger.info("Service %s updated by %s", service.pk, acting_user)
    return service


@transaction.atomic
def officer_token_issue(*, employee: Employee, acting_user: User, renew: bool = False) -> Officer:
    """Give a counter employee a public token; renewing invalidates links and QR codes already printed."""
    officer, created = Officer.objects.get_or_create(employee=employee)
    if renew and not created:
        officer.token = Officer._meta.get_field("token").get_default()
        officer.is_active = True
        officer.full_clean()
        officer.save(update_fields=["token", "is_active"])
    logger.info("Officer token for employee %s issued by %s (renew=%s)", employee.pk, acting_user, renew)
    return officer


@transaction.atomic
def kiosk_register(*, unit: Unit, name: str, service: Service | None, acting_user: User) -> KioskDevice:
    kiosk = KioskDevice(unit=unit, name=name, service=service, created_by=acting_user)
    kiosk.full_clean()
    kiosk.save()
    return kiosk


@transaction.atomic
def kiosk_activate(*, kiosk: KioskDevice) -> KioskDevice:
    """Bind the kiosk to the first device that opens its activation link; the link works once."""
    kiosk = KioskDevice.objects.select_for_update().get(pk=kiosk.pk)
    if kiosk.revoked_at:
        raise ValidationError(KIOSK_REVOKED, code="revoked")
    if kiosk.activated_at:
        raise ValidationError(KIOSK_ALREADY_ACTIVATED, code="activated")
    kiosk.activated_at = timezone.now()
    kiosk.save(update_fields=["activated_at"])
    return kiosk


@transaction.atomic
def kiosk_revoke(*, kiosk: KioskDevice, acting_user: User) -> KioskDevice:
    if kiosk.revoked_at is None:
        kiosk.revoked_at = timezone.now()
        kiosk.save(update_fields=["revoked_at"])
        logger.info("Kiosk %s revoked by %s", kiosk.pk, acting_user)
    return kiosk


@transaction.atomic
def complaint_submit(
    *,
    unit: Unit,
    service: Service | None,
    kind: str,
    body: str,
    contact_name: str = "",
    contact: str = "",
    consent: bool = False,
    client_hash: str = "",
) -> Complaint:
    """Store a complaint and tell the head who must answer it (in-app, e-mail after commit)."""
    if (contact or contact_name) and not consent:
        raise ValidationError(CONTACT_WITHOUT_CONSENT, code="consent")
    complaint = Complaint(
        unit=unit,
        service=service,
        kind=kind,
        body=body,
        contact_name=contact_name,
        contact=contact,
        consent_version=settings.SKM_CONSENT_VERSION if consent else "",
        client_hash=client_hash,
    )
    complaint.full_clean()
    complaint.save()
    if (head := responsible_head(unit)) is not None:
        notify(
            recipient=head.user,
            title=NEW_COMPLAINT_TITLE,
            params={"unit": unit.name},
            note=body[:300],
            url=reverse("surveys:complaint-detail", args=[complaint.pk]),
        )
    return complaint


@transaction.atomic
def complaint_reply(*, complaint: Complaint, body: str, resolves: bool, acting_user: User) -> ComplaintReply:
    """Answer a complaint. The first answer stops the response clock; a resolving one stops the other."""
    complaint = Complaint.objects.select_for_update().get(pk=complaint.pk)
    reply = ComplaintReply(complaint=complaint, body=body, resolves=resolves, author=acting_user)
    reply.full_clean()
    reply.save()
    now = reply.created_at
    complaint.first_response_at = complaint.first_response_at or now
    if resolves and complaint.resolved_at is None:
        complaint.resolved_at = now
    complaint.status = Complaint.Status.RESOLVED if complaint.resolved_at else Complaint.Status.ANSWERED
    complaint.save(update_fields=["first_response_at", "resolved_at", "status"])
    if complaint.reply_email():
        from .tasks import complaint_reply_email_send

        enqueue_on_commit(complaint_reply_email_send, reply.pk)
    return reply


def complaint_reply_email_send(*, reply: ComplaintReply) -> bool:
    """Tell the citizen by e-mail that their complaint was answered (consented e-mail contacts only).

    The reply is claimed with a conditional UPDATE first, so a second delivery of the task or a
    second worker sends nothing; a failed send releases the claim for the task's retry.
    """
    complaint = reply.complaint
    address = complaint.reply_email()
    claimed = ComplaintReply.objects.filter(pk=reply.pk, emailed_at__isnull=True).update(emailed_at=timezone.now())
    if not address or not claimed:
        return False
    status_url = reverse("surveys:complaint-status", args=[complaint.reference])
    context = {"reference": complaint.reference.upper(), "unit": complaint.unit.name, "reply": reply.body}
    with translation.override(settings.LANGUAGE_CODE):
        subject = str(REPLY_EMAIL_SUBJECT % context)
        body = f"{REPLY_EMAIL_BODY % context}\n\n{settings.SITE_URL.rstrip('/')}{status_url}"
    try:
        send_mail(subject=subject, message=body, from_email=None, recipient_list=[address])
    except Exception:
        ComplaintReply.objects.filter(pk=reply.pk).update(emailed_at=None)
        raise
    return True
