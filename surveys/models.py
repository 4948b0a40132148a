"""Citizen satisfaction survey (SKM, domain.md §2) and complaints.

A response is anonymous: it keeps a keyed hash of the sender's address and device only to spot
bursts, never the address itself. Excluded responses stay in the table; the exclusion is a
reversible, audited state (``ResponseReview``).
"""

from __future__ import annotations

import secrets
from datetime import datetime, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, validate_email
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from org.models import Employee, Unit

from .elements import ELEMENT_CODES
from .periods import moments

ANSWER_VALIDATORS = [MinValueValidator(1), MaxValueValidator(4)]
SUGGESTION_MAX_LENGTH = 1000
COMPLAINT_MAX_LENGTH = 2000
AGE_MIN, AGE_MAX = 15, 100
TOKEN_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"


def new_token(length: int = 10) -> str:
    """A short, unambiguous random token for public URLs (no 0/o, 1/l/i)."""
    return "".join(secrets.choice(TOKEN_ALPHABET) for _ in range(length))


def new_secret() -> str:
    return secrets.token_urlsafe(24)


class Service(models.Model):
    """A named public service a unit offers ("KTP-el", "Izin usaha"); responses may be per service."""

    unit = models.ForeignKey(Unit, verbose_name=_("unit kerja"), on_delete=models.PROTECT, related_name="services")
    name = models.CharField(_("nama layanan"), max_length=120)
    slug = models.SlugField(_("kode URL"), max_length=60, help_text=_("Huruf kecil, angka dan tanda hubung."))
    description = models.CharField(_("keterangan"), max_length=300, blank=True)
    is_active = models.BooleanField(_("aktif"), default=True)
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)

    class Meta:
        verbose_name = _("layanan")
        verbose_name_plural = _("layanan")
        ordering = ["unit__code", "name"]
        constraints = [
            models.UniqueConstraint(fields=["unit", "slug"], name="service_unique_slug_per_unit"),
            models.UniqueConstraint(fields=["unit", "name"], name="service_unique_name_per_unit"),
        ]

    def __str__(self) -> str:
        return self.name


class Officer(models.Model):
    """A counter employee's public survey token: ``?petugas=<token>`` names them without their NIP."""

    employee = models.OneToOneField(
        Employee, verbose_name=_("pegawai"), on_delete=models.CASCADE, related_name="survey_officer"
    )
    token = models.CharField(_("token"), max_length=16, unique=True, default=new_token)
    is_active = models.BooleanField(_("aktif"), default=True)
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)

    class Meta:
        verbose_name = _("petugas layanan")
        verbose_name_plural = _("petugas layanan")

    def __str__(self) -> str:
        return str(self.employee)


class KioskDevice(models.Model):
    """A tablet at a counter. Its signed cookie carries ``secret``; it gets a higher rate limit."""

    unit = models.ForeignKey(Unit, verbose_name=_("unit kerja"), on_delete=models.PROTECT, related_name="kiosks")
    service = models.ForeignKey(
        Service, verbose_name=_("layanan"), null=True, blank=True, on_delete=models.PROTECT, related_name="kiosks"
    )
    name = models.CharField(_("nama perangkat"), max_length=80)
    secret = models.CharField(max_length=64, unique=True, default=new_secret, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("didaftarkan oleh"), on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("didaftarkan"), auto_now_add=True)
    activated_at = models.DateTimeField(_("diaktifkan"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("dicabut"), null=True, blank=True)

    class Meta:
        verbose_name = _("perangkat kios")
        verbose_name_plural = _("perangkat kios")
        ordering = ["unit__code", "name"]

    def __str__(self) -> str:
        return self.name

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None


class ResponseQuerySet(models.QuerySet["Response"]):
    def included(self) -> ResponseQuerySet:
        """Responses that count in the index: everything not excluded by HR."""
        return self.filter(excluded_at__isnull=True)

    def between(self, start, end) -> ResponseQuerySet:
        """Submitted on local dates ``start`` to ``end``, both inclusive."""
        since, until = moments(start, end)
        return self.filter(submitted_at__gte=since, submitted_at__lt=until)


class Response(models.Model):
    """One anonymous SKM questionnaire. Answers are keyed by element code (``u1``…``u9``), 1-4."""

    class Source(models.TextChoices):
        LINK = "LINK", _("Tautan")
        QR = "QR", _("Kode QR")
        KIOSK = "KIOSK", _("Kios")

    class Education(models.TextChoices):
        SD = "SD", _("SD atau sederajat")
        SMP = "SMP", _("SMP atau sederajat")
        SMA = "SMA", _("SMA atau sederajat")
        D1_D3 = "D1_D3", _("D1–D3")
        S1 = "S1", _("D4/S1")
        S2 = "S2", _("S2")
        S3 = "S3", _("S3")
        OTHER = "LAINNYA", _("Lainnya")

    class Occupation(models.TextChoices):
        PNS = "PNS", _("PNS")
        TNI = "TNI", _("TNI")
        POLRI = "POLRI", _("POLRI")
        PRIVATE = "SWASTA", _("Swasta")
        SELF_EMPLOYED = "WIRAUSAHA", _("Wirausaha")
        OTHER = "LAINNYA", _("Lainnya")

    unit = models.ForeignKey(Unit, verbose_name=_("unit kerja"), on_delete=models.PROTECT, related_name="responses")
    service = models.ForeignKey(
        Service, verbose_name=_("layanan"), null=True, blank=True, on_delete=models.PROTECT, related_name="responses"
    )
    officer = models.ForeignKey(
        Employee,
        verbose_name=_("petugas"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="survey_responses",
    )
    submitted_at = models.DateTimeField(_("waktu pengisian"), default=timezone.now, db_index=True)
    u1 = models.PositiveSmallIntegerField("U1", null=True, validators=ANSWER_VALIDATORS)
    u2 = models.PositiveSmallIntegerField("U2", null=True, validators=ANSWER_VALIDATORS)
    u3 = models.PositiveSmallIntegerField("U3", null=True, validators=ANSWER_VALIDATORS)
    u4 = models.PositiveSmallIntegerField("U4", null=True, validators=ANSWER_VALIDATORS)
    u5 = models.PositiveSmallIntegerField("U5", null=True, validators=ANSWER_VALIDATORS)
    u6 = models.PositiveSmallIntegerField("U6", null=True, validators=ANSWER_VALIDATORS)
    u7 = models.PositiveSmallIntegerField("U7", null=True, validators=ANSWER_VALIDATORS)
    u8 = models.PositiveSmallIntegerField("U8", null=True, validators=ANSWER_VALIDATORS)
    u9 = models.PositiveSmallIntegerField("U9", null=True, validators=ANSWER_VALIDATORS)
    gender = models.CharField(_("jenis kelamin"), max_length=1, choices=Employee.Gender.choices, blank=True)
    age = models.PositiveSmallIntegerField(
        _("usia"), null=True, blank=True, validators=[MinValueValidator(AGE_MIN), MaxValueValidator(AGE_MAX)]
    )
    education = models.CharField(_("pendidikan"), max_length=8, choices=Education.choices, blank=True)
    occupation = models.CharField(_("pekerjaan"), max_length=10, choices=Occupation.choices, blank=True)
    occupation_other = models.CharField(_("pekerjaan lainnya"), max_length=60, blank=True)
    suggestion = models.TextField(_("saran"), max_length=SUGGESTION_MAX_LENGTH, blank=True)
    source = models.CharField(_("sumber"), max_length=8, choices=Source.choices, default=Source.LINK)
    kiosk = models.ForeignKey(
        KioskDevice, verbose_name=_("kios"), null=True, blank=True, on_delete=models.SET_NULL, related_name="responses"
    )
    language = models.CharField(_("bahasa"), max_length=8, blank=True)
    client_hash = models.CharField(max_length=64, blank=True, editable=False)
    device_hash = models.CharField(max_length=64, blank=True, editable=False)
    form_nonce = models.CharField(max_length=32, null=True, blank=True, unique=True, editable=False)
    fill_seconds = models.PositiveIntegerField(_("lama pengisian (detik)"), null=True, blank=True)
    suspicious_reason = models.CharField(_("alasan dicurigai"), max_length=200, blank=True)
    excluded_at = models.DateTimeField(_("dikecualikan pada"), null=True, blank=True)
    excluded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("dikecualikan oleh"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    exclusion_reason = models.CharField(_("alasan pengecualian"), max_length=300, blank=True)

    objects = ResponseQuerySet.as_manager()

    class Meta:
        verbose_name = _("respons survei")
        verbose_name_plural = _("respons survei")
        ordering = ["-submitted_at", "-pk"]
        indexes = [
            # Carries the answers: scoring one employee sums their unit's answers from the index alone
            # (docs/scoring.md, "When it runs") instead of visiting a heap page per response.
            models.Index(
                fields=["unit", "submitted_at"],
                include=["excluded_at", *(code.lower() for code in ELEMENT_CODES)],
                name="response_unit_answers",
            ),
            models.Index(fields=["officer", "submitted_at"]),
            models.Index(fields=["client_hash", "submitted_at"]),
            models.Index(fields=["device_hash", "submitted_at"]),
        ]
        constraints = [
            *(
                models.CheckConstraint(condition=Q(**{f"{code.lower()}__range": (1, 4)}), name=f"response_{code}_1_4")
                for code in ELEMENT_CODES
            ),
            models.CheckConstraint(
                condition=Q(excluded_at__isnull=True) | ~Q(exclusion_reason=""), name="response_exclusion_has_reason"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.unit} · {self.submitted_at:%Y-%m-%d %H:%M}"

    @property
    def is_suspicious(self) -> bool:
        return bool(self.suspicious_reason)

    @property
    def is_excluded(self) -> bool:
        return self.excluded_at is not None

    def answers(self) -> dict[str, int | None]:
        return {code: getattr(self, code.lower()) for code in ELEMENT_CODES}


class ResponseReview(models.Model):
    """Audit trail of exclusions and re-inclusions: who, when and why."""

    class Action(models.TextChoices):
        EXCLUDE = "EXCLUDE", _("Dikecualikan")
        INCLUDE = "INCLUDE", _("Dihitung kembali")

    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="reviews")
    action = models.CharField(_("tindakan"), max_length=8, choices=Action.choices)
    reason = models.CharField(_("alasan"), max_length=300)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("oleh"), on_delete=models.PROTECT)
    created_at = models.DateTimeField(_("waktu"), auto_now_add=True)

    class Meta:
        verbose_name = _("tinjauan respons")
        verbose_name_plural = _("tinjauan respons")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.get_action_display()} #{self.response_id}"


class QrScanDay(models.Model):
    """QR scans of a unit's (or service's) form, one row per day (``?src=qr`` increments it)."""

    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="qr_scan_days")
    service = models.ForeignKey(Service, null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    day = models.DateField(_("tanggal"))
    count = models.PositiveIntegerField(_("jumlah pindai"), default=0)

    class Meta:
        verbose_name = _("pindai QR per hari")
        verbose_name_plural = _("pindai QR per hari")
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "service", "day"], name="qr_scan_one_row_per_day", nulls_distinct=False
            ),
        ]

    def __str__(self) -> str:
        return f"{self.unit} {self.day}: {self.count}"


OVERDUE = "TERLAMBAT"  # the complaint list's filter value for ComplaintQuerySet.overdue()


class ComplaintQuerySet(models.QuerySet["Complaint"]):
    def overdue(self, *, at: datetime) -> ComplaintQuerySet:
        """Not answered yet although the response target (``SKM_COMPLAINT_RESPONSE_DAYS``) has passed."""
        deadline = at - timedelta(days=settings.SKM_COMPLAINT_RESPONSE_DAYS)
        return self.filter(first_response_at__isnull=True, submitted_at__lt=deadline)


class Complaint(models.Model):
    """A citizen's complaint or suggestion that the unit must answer; the contact is optional (UU 27/2022)."""

    class Kind(models.TextChoices):
        COMPLAINT = "ADUAN", _("Pengaduan")
        SUGGESTION = "SARAN", _("Saran")

    class Status(models.TextChoices):
        NEW = "BARU", _("Baru")
        ANSWERED = "DIJAWAB", _("Sudah ditanggapi")
        RESOLVED = "SELESAI", _("Selesai")

    reference = models.CharField(_("nomor pengaduan"), max_length=16, unique=True, default=new_token)
    unit = models.ForeignKey(Unit, verbose_name=_("unit kerja"), on_delete=models.PROTECT, related_name="complaints")
    service = models.ForeignKey(
        Service, verbose_name=_("layanan"), null=True, blank=True, on_delete=models.PROTECT, related_name="complaints"
    )
    kind = models.CharField(_("jenis"), max_length=8, choices=Kind.choices, default=Kind.COMPLAINT)
    body = models.TextField(_("isi"), max_length=COMPLAINT_MAX_LENGTH)
    contact_name = models.CharField(_("nama"), max_length=100, blank=True)
    contact = models.CharField(_("kontak (telepon atau e-mail)"), max_length=120, blank=True)
    consent_version = models.CharField(_("versi persetujuan"), max_length=16, blank=True)
    status = models.CharField(_("status"), max_length=8, choices=Status.choices, default=Status.NEW)
    submitted_at = models.DateTimeField(_("diterima"), default=timezone.now, db_index=True)
    first_response_at = models.DateTimeField(_("tanggapan pertama"), null=True, blank=True)
    resolved_at = models.DateTimeField(_("diselesaikan"), null=True, blank=True)
    client_hash = models.CharField(max_length=64, blank=True, editable=False)

    objects = ComplaintQuerySet.as_manager()

    class Meta:
        verbose_name = _("pengaduan")
        verbose_name_plural = _("pengaduan")
        ordering = ["-submitted_at", "-pk"]
        indexes = [models.Index(fields=["unit", "submitted_at"]), models.Index(fields=["status"])]
        constraints = [
            models.CheckConstraint(condition=Q(contact="") | ~Q(consent_version=""), name="complaint_contact_consent"),
            models.CheckConstraint(
                condition=Q(resolved_at__isnull=True) | Q(first_response_at__isnull=False),
                name="complaint_resolved_after_response",
            ),
        ]

    def __str__(self) -> str:
        return self.reference

    @property
    def response_due_at(self) -> datetime:
        """When the first answer is due: the response target after the complaint arrived."""
        return self.submitted_at + timedelta(days=settings.SKM_COMPLAINT_RESPONSE_DAYS)

    def is_overdue(self, *, at: datetime) -> bool:
        return self.first_response_at is None and at > self.response_due_at

    def reply_email(self) -> str:
        """The address to tell about a reply: the contact, when it is an e-mail given with consent."""
        if not self.consent_version or "@" not in self.contact:
            return ""
        try:
            validate_email(self.contact)
        except ValidationError:
            return ""
        return self.contact


class ComplaintReply(models.Model):
    """The unit's answer; the citizen sees it on the status page of the complaint's number."""

    complaint = models.ForeignKey(Complaint, on_delete=models.CASCADE, related_name="replies")
    body = models.TextField(_("tanggapan"), max_length=COMPLAINT_MAX_LENGTH)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("oleh"), on_delete=models.PROTECT)
    resolves = models.BooleanField(_("menyelesaikan pengaduan"), default=False)
    created_at = models.DateTimeField(_("waktu"), auto_now_add=True)
    emailed_at = models.DateTimeField(_("dikirim ke pelapor lewat e-mail"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("tanggapan pengaduan")
        verbose_name_plural = _("tanggapan pengaduan")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.complaint} · {self.created_at:%Y-%m-%d}"


class AnswerTally(models.Model):
    """What the index needs from a group of counted responses; kept by the database (docs/surveys.md).

    Per element ``u1_sum`` … ``u9_sum`` and ``u1_n`` … ``u9_n``: the sum of the answers and how many
    answered it (the inputs of ``ikm.compute_ikm``). Deleting a unit, service or officer leaves the
    rows to the trigger, which empties them as the responses move or go.
    """

    day = models.DateField()
    # No index per key: the unique constraint and the (unit, day) index below serve every read.
    unit = models.ForeignKey(Unit, on_delete=models.DO_NOTHING, related_name="+", db_index=False)
    service = models.ForeignKey(Service, null=True, on_delete=models.DO_NOTHING, related_name="+", db_index=False)
    responses = models.PositiveIntegerField(default=0)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return f"{self.unit_id} · {self.day:%Y-%m-%d}"


for _code in ELEMENT_CODES:
    AnswerTally.add_to_class(f"{_code.lower()}_sum", models.PositiveIntegerField(default=0))
    AnswerTally.add_to_class(f"{_code.lower()}_n", models.PositiveIntegerField(default=0))


class ResponseTally(AnswerTally):
    """Per local day, unit and service: responses counted and excluded, answer totals, QR and profile counts.

    Written only by the trigger on ``surveys_response`` (migration 0004), in the same transaction as
    every insert, update or delete of a response, so it always equals an aggregate of the responses.
    ``profile`` counts the counted responses per ``field:value`` (age by year; the page bands it).
    """

    excluded = models.PositiveIntegerField(default=0)
    qr = models.PositiveIntegerField(default=0)
    profile = models.JSONField(default=dict)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["day", "unit", "service"], nulls_distinct=False, name="response_tally_one_per_group"
            )
        ]
        indexes = [models.Index(fields=["unit", "day"], name="response_tally_unit_day")]


class OfficerTally(AnswerTally):
    """Per local day, unit, service and named officer: the counted responses and their answer totals."""

    officer = models.ForeignKey(Employee, on_delete=models.DO_NOTHING, related_name="+", db_index=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["officer", "day", "unit", "service"], nulls_distinct=False, name="officer_tally_one_per_group"
            )
        ]
        # Carries the officer: the results page counts a subtree's officers from the index alone.
        indexes = [models.Index(fields=["unit", "day"], include=["officer"], name="officer_tally_unit_day")]
