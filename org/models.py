"""The organisation of one Pemda: units, positions, employees and their login accounts.

The assessing official (Pejabat Penilai) is stored on the employee because SIMPEG/SIASN exports
carry it per person ("NIP atasan"); the official's superior (Atasan Pejabat Penilai) is always
derived from it, so the two can never disagree. Appraisal records snapshot both when a plan is
made, so a later transfer does not rewrite history.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime

from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .nip import format_nip, parse_pns_nip, parse_pppk_number

SUPERVISOR_IS_SELF = _("Pejabat penilai tidak boleh pegawai itu sendiri.")
SUPERVISOR_CYCLE = _("Pejabat penilai tidak boleh bawahan (langsung atau tidak langsung) dari pegawai ini.")
POSITION_OTHER_UNIT = _("Jabatan ini milik unit kerja lain (%(unit)s).")
UNIT_PARENT_CYCLE = _("Unit induk tidak boleh unit itu sendiri atau sub-unitnya.")
PENALTY_ENDS_BEFORE_START = _("Tanggal akhir hukuman tidak boleh sebelum tanggal mulainya.")


class User(AbstractUser):
    """Login account. An employee may have one; HR staff are in the HR group."""

    # Recorded by ``config.middleware.ChosenLanguageMiddleware`` when the user picks a language, so
    # e-mails reach them in it too; empty means the Pemda's default (``LANGUAGE_CODE``).
    language = models.CharField(_("bahasa"), max_length=8, blank=True)

    class Meta:
        verbose_name = _("akun pengguna")
        verbose_name_plural = _("akun pengguna")


class Unit(models.Model):
    """A Perangkat Daerah (top level, no parent) or any unit inside one, as a tree of any depth."""

    class Kind(models.TextChoices):
        SEKRETARIAT = "SEKRETARIAT", _("Sekretariat")
        DINAS = "DINAS", _("Dinas")
        BADAN = "BADAN", _("Badan")
        INSPEKTORAT = "INSPEKTORAT", _("Inspektorat")
        KECAMATAN = "KECAMATAN", _("Kecamatan")
        BAGIAN = "BAGIAN", _("Bagian")
        BIDANG = "BIDANG", _("Bidang")
        SUBBAGIAN = "SUBBAGIAN", _("Subbagian")
        SEKSI = "SEKSI", _("Seksi")
        UPT = "UPT", _("UPT")
        KELURAHAN = "KELURAHAN", _("Kelurahan")
        PUSKESMAS = "PUSKESMAS", _("Puskesmas")
        SEKOLAH = "SEKOLAH", _("Sekolah")
        LAINNYA = "LAINNYA", _("Lainnya")

    code = models.CharField(_("kode"), max_length=32, unique=True)
    name = models.CharField(_("nama"), max_length=200)
    kind = models.CharField(_("jenis"), max_length=16, choices=Kind.choices)
    parent = models.ForeignKey(
        "self", verbose_name=_("unit induk"), null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    is_active = models.BooleanField(_("aktif"), default=True)

    class Meta:
        verbose_name = _("unit kerja")
        verbose_name_plural = _("unit kerja")
        ordering = ["code"]
        constraints = [
            models.CheckConstraint(condition=~Q(parent=models.F("pk")), name="unit_not_own_parent"),
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        if self.pk and self.parent_id and self.pk in self.parent.ancestor_ids(include_self=True):
            raise ValidationError({"parent": UNIT_PARENT_CYCLE})

    def ancestor_ids(self, *, include_self: bool = False) -> list[int]:
        """Ids from this unit up to the root; the tree is shallow, so a walk is cheap."""
        ids, unit, seen = [], self if include_self else self.parent, set()
        while unit is not None and unit.pk not in seen:
            seen.add(unit.pk)
            ids.append(unit.pk)
            unit = unit.parent
        return ids


class Position(models.Model):
    """A jabatan in a unit. Several employees may hold the same pelaksana position."""

    class Kind(models.TextChoices):
        STRUKTURAL = "STRUKTURAL", _("Struktural")
        FUNGSIONAL = "FUNGSIONAL", _("Fungsional")
        PELAKSANA = "PELAKSANA", _("Pelaksana")

    class Level(models.TextChoices):
        JPT_UTAMA = "JPT_UTAMA", _("JPT Utama")
        JPT_MADYA = "JPT_MADYA", _("JPT Madya")
        JPT_PRATAMA = "JPT_PRATAMA", _("JPT Pratama")
        ADMINISTRATOR = "ADMINISTRATOR", _("Administrator")
        PENGAWAS = "PENGAWAS", _("Pengawas")
        AHLI_UTAMA = "AHLI_UTAMA", _("Ahli Utama")
        AHLI_MADYA = "AHLI_MADYA", _("Ahli Madya")
        AHLI_MUDA = "AHLI_MUDA", _("Ahli Muda")
        AHLI_PERTAMA = "AHLI_PERTAMA", _("Ahli Pertama")
        PENYELIA = "PENYELIA", _("Penyelia")
        MAHIR = "MAHIR", _("Mahir")
        TERAMPIL = "TERAMPIL", _("Terampil")
        PEMULA = "PEMULA", _("Pemula")
        PELAKSANA = "PELAKSANA", _("Pelaksana")

    name = models.CharField(_("nama jabatan"), max_length=200)
    kind = models.CharField(_("jenis jabatan"), max_length=16, choices=Kind.choices)
    level = models.CharField(_("jenjang"), max_length=16, choices=Level.choices)
    unit = models.ForeignKey(Unit, verbose_name=_("unit kerja"), on_delete=models.PROTECT, related_name="positions")
    is_unit_head = models.BooleanField(_("kepala unit"), default=False)

    class Meta:
        verbose_name = _("jabatan")
        verbose_name_plural = _("jabatan")
        ordering = ["unit__code", "name"]
        constraints = [
            models.UniqueConstraint(fields=["unit", "name"], name="position_unique_name_per_unit"),
            models.UniqueConstraint(fields=["unit"], condition=Q(is_unit_head=True), name="one_head_per_unit"),
        ]

    def __str__(self) -> str:
        return self.name


class EmployeeQuerySet(models.QuerySet["Employee"]):
    def active(self) -> EmployeeQuerySet:
        return self.filter(status=Employee.Status.AKTIF)

    def reports_of(self, supervisor: Employee) -> EmployeeQuerySet:
        """People the supervisor assesses directly, or as the superior of their assessing official."""
        return self.filter(Q(supervisor=supervisor) | Q(supervisor__supervisor=supervisor)).exclude(pk=supervisor.pk)


class Employee(models.Model):
    """A civil servant (PNS or PPPK) of the Pemda."""

    class EmploymentType(models.TextChoices):
        PNS = "PNS", _("PNS")
        PPPK = "PPPK", _("PPPK")

    class Gender(models.TextChoices):
        MALE = "L", _("Laki-laki")
        FEMALE = "P", _("Perempuan")

    class Status(models.TextChoices):
        AKTIF = "AKTIF", _("Aktif")
        CUTI = "CUTI", _("Cuti di luar tanggungan negara")
        TUGAS_BELAJAR = "TUGAS_BELAJAR", _("Tugas belajar")
        PENSIUN = "PENSIUN", _("Pensiun")
        BERHENTI = "BERHENTI", _("Berhenti")

    class Rank(models.TextChoices):
        """Pangkat/golongan ruang for PNS, golongan for PPPK."""

        I_A = "I/a", _("Juru Muda (I/a)")
        I_B = "I/b", _("Juru Muda Tingkat I (I/b)")
        I_C = "I/c", _("Juru (I/c)")
        I_D = "I/d", _("Juru Tingkat I (I/d)")
        II_A = "II/a", _("Pengatur Muda (II/a)")
        II_B = "II/b", _("Pengatur Muda Tingkat I (II/b)")
        II_C = "II/c", _("Pengatur (II/c)")
        II_D = "II/d", _("Pengatur Tingkat I (II/d)")
        III_A = "III/a", _("Penata Muda (III/a)")
        III_B = "III/b", _("Penata Muda Tingkat I (III/b)")
        III_C = "III/c", _("Penata (III/c)")
        III_D = "III/d", _("Penata Tingkat I (III/d)")
        IV_A = "IV/a", _("Pembina (IV/a)")
        IV_B = "IV/b", _("Pembina Tingkat I (IV/b)")
        IV_C = "IV/c", _("Pembina Utama Muda (IV/c)")
        IV_D = "IV/d", _("Pembina Utama Madya (IV/d)")
        IV_E = "IV/e", _("Pembina Utama (IV/e)")
        PPPK_I = "I", _("PPPK golongan I")
        PPPK_II = "II", _("PPPK golongan II")
        PPPK_III = "III", _("PPPK golongan III")
        PPPK_IV = "IV", _("PPPK golongan IV")
        PPPK_V = "V", _("PPPK golongan V")
        PPPK_VI = "VI", _("PPPK golongan VI")
        PPPK_VII = "VII", _("PPPK golongan VII")
        PPPK_VIII = "VIII", _("PPPK golongan VIII")
        PPPK_IX = "IX", _("PPPK golongan IX")
        PPPK_X = "X", _("PPPK golongan X")
        PPPK_XI = "XI", _("PPPK golongan XI")
        PPPK_XII = "XII", _("PPPK golongan XII")
        PPPK_XIII = "XIII", _("PPPK golongan XIII")
        PPPK_XIV = "XIV", _("PPPK golongan XIV")
        PPPK_XV = "XV", _("PPPK golongan XV")
        PPPK_XVI = "XVI", _("PPPK golongan XVI")
        PPPK_XVII = "XVII", _("PPPK golongan XVII")

    nip = models.CharField(_("NIP"), max_length=18, unique=True, help_text=_("18 angka, tanpa spasi."))
    front_title = models.CharField(_("gelar depan"), max_length=40, blank=True)
    name = models.CharField(_("nama"), max_length=200)
    back_title = models.CharField(_("gelar belakang"), max_length=60, blank=True)
    gender = models.CharField(_("jenis kelamin"), max_length=1, choices=Gender.choices)
    employment_type = models.CharField(
        _("jenis kepegawaian"), max_length=4, choices=EmploymentType.choices, default=EmploymentType.PNS
    )
    rank = models.CharField(_("pangkat/golongan"), max_length=8, choices=Rank.choices, blank=True)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.AKTIF)
    unit = models.ForeignKey(Unit, verbose_name=_("unit kerja"), on_delete=models.PROTECT, related_name="employees")
    position = models.ForeignKey(Position, verbose_name=_("jabatan"), on_delete=models.PROTECT, related_name="holders")
    supervisor = models.ForeignKey(
        "self",
        verbose_name=_("pejabat penilai"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="subordinates",
    )
    user = models.OneToOneField(
        User, verbose_name=_("akun"), null=True, blank=True, on_delete=models.SET_NULL, related_name="employee"
    )
    email = models.EmailField(_("e-mail"), blank=True)

    objects = EmployeeQuerySet.as_manager()

    class Meta:
        verbose_name = _("pegawai")
        verbose_name_plural = _("pegawai")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(condition=~Q(supervisor=models.F("pk")), name="employee_not_own_supervisor"),
            models.CheckConstraint(condition=Q(nip__regex=r"^\d{18}$"), name="employee_nip_18_digits"),
        ]
        indexes = [
            models.Index(fields=["unit", "status"]),
            models.Index(fields=["supervisor"]),
            # The employee list's order: its first page is read from the index, not sorted from every row.
            models.Index(fields=["name", "id"], name="employee_name_order"),
            # ``org.selectors.employed_now`` looks up the few who are not active: this index holds only them.
            models.Index(fields=["id"], condition=~Q(status="AKTIF"), name="employee_inactive"),
        ]

    def __str__(self) -> str:
        return self.full_name

    def get_absolute_url(self) -> str:
        return reverse("org:employee-detail", args=[self.pk])

    @property
    def full_name(self) -> str:
        """Name with academic titles, as printed on official documents (``Dr. Ani, S.E., M.M.``)."""
        name = f"{self.front_title} {self.name}".strip()
        return f"{name}, {self.back_title}" if self.back_title else name

    @property
    def nip_display(self) -> str:
        return format_nip(self.nip)

    @property
    def assessor_superior(self) -> Employee | None:
        """The Atasan Pejabat Penilai: the assessing official's own assessing official."""
        return self.supervisor.supervisor if self.supervisor_id else None

    def clean(self) -> None:
        errors: dict[str, list] = {}
        try:
            self.parse_nip()
        except ValidationError as exc:
            errors["nip"] = exc.messages
        if self.position_id and self.unit_id and self.position.unit_id != self.unit_id:
            errors["position"] = [POSITION_OTHER_UNIT % {"unit": self.position.unit}]
        if self.supervisor_id:
            try:
                self.check_supervisor(self.supervisor)
            except ValidationError as exc:
                errors["supervisor"] = exc.messages
        if errors:
            raise ValidationError(errors)

    def parse_nip(self):
        """Validate the NIP by the rules of the employment type (PNS or PPPK)."""
        parse = parse_pppk_number if self.employment_type == self.EmploymentType.PPPK else parse_pns_nip
        is_female = {self.Gender.FEMALE: True, self.Gender.MALE: False}.get(self.gender)
        return parse(self.nip, today=timezone.localdate(), is_female=is_female)

    def check_supervisor(self, supervisor: Employee) -> None:
        """Refuse the employee themself or anyone below them as their assessing official."""
        if self.pk and supervisor.pk == self.pk:
            raise ValidationError(SUPERVISOR_IS_SELF, code="self")
        seen: set[int] = set()
        current: Employee | None = supervisor
        while current is not None and current.pk not in seen:
            if self.pk and current.supervisor_id == self.pk:
                raise ValidationError(SUPERVISOR_CYCLE, code="cycle")
            seen.add(current.pk)
            current = current.supervisor


class ImportJob(models.Model):
    """An uploaded exchange file between its dry run and its confirmation (docs/import-export.md).

    The file is read once per step and the report is kept here, so the preview page never re-reads
    it; a large file is read by a Celery worker while the page shows ``progress``.
    """

    class Status(models.TextChoices):
        QUEUED = "QUEUED", _("menunggu")
        RUNNING = "RUNNING", _("sedang diproses")
        CHECKED = "CHECKED", _("selesai diperiksa")
        APPLIED = "APPLIED", _("selesai diimpor")
        FAILED = "FAILED", _("gagal")

    token = models.UUIDField(_("token"), unique=True, editable=False)
    owner = models.ForeignKey(User, verbose_name=_("pengunggah"), on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(_("jenis data"), max_length=10)
    filename = models.CharField(_("nama berkas"), max_length=255)
    stored_name = models.CharField(_("berkas tersimpan"), max_length=255)
    size = models.PositiveBigIntegerField(_("ukuran (bita)"))
    confirmed = models.BooleanField(_("impor dikonfirmasi"), default=False)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.QUEUED)
    progress = models.PositiveSmallIntegerField(_("kemajuan (%)"), default=0)
    report = models.JSONField(_("laporan"), null=True, blank=True)
    error = models.TextField(_("galat"), blank=True)
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)
    finished_at = models.DateTimeField(_("selesai"), null=True, blank=True)
    # Every employee an applied employees file names (created, updated or unchanged), so HR can create
    # their accounts from the import's page; filled in the import's own transaction (imports.jobs).
    employees = models.ManyToManyField(Employee, verbose_name=_("pegawai berkas"), related_name="+", blank=True)

    class Meta:
        verbose_name = _("impor data")
        verbose_name_plural = _("impor data")
        constraints = [models.CheckConstraint(condition=Q(progress__lte=100), name="import_job_progress_percent")]

    def __str__(self) -> str:
        return self.filename

    @property
    def is_running(self) -> bool:
        return self.status in (self.Status.QUEUED, self.Status.RUNNING)


class DemoAccount(models.Model):
    """A login that ``seed_demo`` created; the seeder changes these and no other account."""

    user = models.OneToOneField(User, on_delete=models.CASCADE, primary_key=True, related_name="+")

    class Meta:
        verbose_name = _("akun demo")
        verbose_name_plural = _("akun demo")

    def __str__(self) -> str:
        return str(self.user)


class ScoreMarkManager(models.Manager["ScoreMark"]):
    def mark(self, *, employee_ids: Iterable[int | None], year: int) -> None:
        """Mark employees whose appraisal data of ``year`` changed, in the caller's transaction.

        An upsert, not an insert that skips conflicts: touching a pending mark locks it until the caller
        commits, so a scoring job that claims it meanwhile waits and then reads the committed change.
        """
        now = timezone.now()
        marks = [ScoreMark(employee_id=pk, year=year, marked_at=now) for pk in sorted(set(employee_ids) - {None})]
        self.bulk_create(marks, update_conflicts=True, unique_fields=["employee", "year"], update_fields=["marked_at"])


class ScoreMark(models.Model):
    """An employee whose scores of a year are out of date: written by whatever changed their data.

    The apps that hold the data (appraisal, surveys) write these in the same transaction as the change;
    the scoring job claims and deletes them and recomputes just those people. It lives here, at the
    bottom of the app graph, so the apps that mark need not know the app that computes.
    """

    employee = models.ForeignKey(Employee, on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField()
    marked_at = models.DateTimeField()

    objects = ScoreMarkManager()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["employee", "year"], name="one_score_mark_per_employee_year")]

    def __str__(self) -> str:
        return f"{self.employee_id}/{self.year}"


class DisciplinaryPenaltyQuerySet(models.QuerySet["DisciplinaryPenalty"]):
    def in_force(self, *, on: date) -> DisciplinaryPenaltyQuerySet:
        """Penalties running on ``on``: begun, and not yet ended (no end date: until further notice)."""
        return self.filter(Q(ends_on__isnull=True) | Q(ends_on__gte=on), starts_on__lte=on)


class DisciplinaryPenalty(models.Model):
    """A disciplinary penalty (*hukuman disiplin*, PP 94/2021) imposed on an employee by decree.

    Kept here, with the employee it belongs to, so that any app may ask whether someone is under one
    (the talent map leaves out anyone under a moderate or severe penalty, domain.md §7.5). HR records
    them in the admin for now; they will later come from SIASN.
    """

    class Level(models.TextChoices):
        RINGAN = "RINGAN", _("Ringan")
        SEDANG = "SEDANG", _("Sedang")
        BERAT = "BERAT", _("Berat")

    employee = models.ForeignKey(
        Employee, verbose_name=_("pegawai"), on_delete=models.CASCADE, related_name="disciplinary_penalties"
    )
    level = models.CharField(_("tingkat hukuman"), max_length=8, choices=Level.choices)
    starts_on = models.DateField(_("berlaku mulai"))
    ends_on = models.DateField(
        _("berlaku sampai"), null=True, blank=True, help_text=_("Kosong: sampai ada keputusan lain.")
    )
    decree_number = models.CharField(_("nomor keputusan"), max_length=100)

    objects = DisciplinaryPenaltyQuerySet.as_manager()

    class Meta:
        verbose_name = _("hukuman disiplin")
        verbose_name_plural = _("hukuman disiplin")
        ordering = ["-starts_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=models.F("starts_on")),
                name="penalty_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.decree_number} · {self.employee}"

    def clean(self) -> None:
        if self.ends_on and self.starts_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": PENALTY_ENDS_BEFORE_START})


class ImportSource(models.TextChoices):
    """A national system whose own export file the import reads as it comes (docs/import-export.md)."""

    SIASN = "SIASN", _("SIASN (BKN)")


class ExternalUnit(models.Model):
    """A unit of another system (a SIASN UNOR) and the unit it is in Kinerja, decided once by HR.

    The next file naming the same external id maps onto the unit without asking again.
    """

    source = models.CharField(_("sumber"), max_length=16, choices=ImportSource.choices)
    external_id = models.CharField(_("ID di sumber"), max_length=64)
    name = models.CharField(_("nama di sumber"), max_length=200)
    unit = models.ForeignKey(Unit, verbose_name=_("unit kerja"), on_delete=models.CASCADE, related_name="+")

    class Meta:
        verbose_name = _("pemetaan unit sumber")
        verbose_name_plural = _("pemetaan unit sumber")
        ordering = ["source", "name"]
        constraints = [
            models.UniqueConstraint(fields=["source", "external_id"], name="one_unit_per_external_id"),
        ]

    def __str__(self) -> str:
        return f"{self.name} → {self.unit}"


class HeaderMapping(models.Model):
    """A column header of another system's file and the import column it fills; empty = ignored."""

    source = models.CharField(_("sumber"), max_length=16, choices=ImportSource.choices)
    header = models.CharField(_("judul kolom di sumber"), max_length=100)
    column = models.CharField(_("kolom Kinerja"), max_length=32, blank=True)

    class Meta:
        verbose_name = _("pemetaan kolom sumber")
        verbose_name_plural = _("pemetaan kolom sumber")
        ordering = ["source", "header"]
        constraints = [models.UniqueConstraint(fields=["source", "header"], name="one_column_per_source_header")]

    def __str__(self) -> str:
        return f"{self.header} → {self.column or '-'}"


class ActivationCode(models.Model):
    """The one-time code that lets an employee set the first password of an account HR created.

    Only a keyed hash of the code is kept (docs/security.md): the code itself exists in the e-mail or
    the printed letter. One code per account; a new letter or e-mail replaces it.
    """

    user = models.OneToOneField(User, on_delete=models.CASCADE, primary_key=True, related_name="activation_code")
    code_hash = models.CharField(_("hash kode"), max_length=64, unique=True)
    issued_at = models.DateTimeField(_("diterbitkan"))
    expires_at = models.DateTimeField(_("berlaku sampai"))
    used_at = models.DateTimeField(_("dipakai"), null=True, blank=True)

    class Meta:
        verbose_name = _("kode aktivasi")
        verbose_name_plural = _("kode aktivasi")

    def __str__(self) -> str:
        return str(self.user)

    def is_expired(self, *, at: datetime) -> bool:
        return at >= self.expires_at
