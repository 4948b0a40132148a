"""Real-time progress reporting (domain.md §1.1 stage 2): realisations, activities and evidence.

The employee reports against the indicators of a plan that has been approved at least once, at
any time while the period is open. Measured indicators (``appraisal.sources``) take their
realisation from data and refuse manual entry.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from org.models import User

from ..evidence import check_evidence_file
from ..models import Activity, Evidence, Indicator, Plan, Realisation, RealisationCorrection, Source
from ..permissions import PlanRole, ensure_period_writable, require_role
from ..sources import SourceUnavailable, is_measured, read_realisation
from . import plan_scores_mark

NOT_APPROVED_YET = _("Realisasi dapat dilaporkan setelah SKP disetujui.")
MEASURED_NOT_MANUAL = _("Realisasi indikator ini diambil dari sumber data, bukan diisi manual.")
NO_SUCH_CHECKPOINT = _("Titik pantau tidak ada pada periode ini.")
DATE_OUTSIDE_PERIOD = _("Tanggal harus di dalam tahun periode penilaian.")
NO_DATA_YET = _("Sumber data belum memiliki data untuk titik pantau ini.")
PROGRESS_LOCKED = _(
    "Evaluasi tahunan SKP ini sudah diajukan, jadi realisasi, kegiatan, dan bukti dukung tidak dapat diubah "
    "lagi: hasil yang disampaikan harus memuat data yang dinilai."
)
CHECKPOINT_LOCKED = _(
    "Evaluasi %(checkpoint)s sudah diajukan, jadi realisasi titik pantau ini tidak dapat diubah lagi."
)


def _ensure_reporting(*, indicator: Indicator, acting_user: User) -> Plan:
    """Owner only, open period, plan approved at least once and not yet rated; returns the (locked) plan.

    The plan row lock also orders this against ``evaluation_submit``, which takes it before reading
    the realisations it stores the achievement of."""
    plan = Plan.objects.select_for_update().select_related("period").get(pk=indicator.work_result.plan_id)
    require_role(acting_user, plan, {PlanRole.OWNER})
    ensure_period_writable(plan.period, acting_user)
    if not plan.has_been_approved:
        raise ValidationError(NOT_APPROVED_YET, code="not_approved")
    if plan.progress_locked():
        raise ValidationError(PROGRESS_LOCKED, code="locked")
    return plan


def _checkpoint(plan: Plan, number: int):
    """The checkpoint, if the period has it and no submitted evaluation was rated on its realisations."""
    checkpoint = plan.period.checkpoint(number)
    if checkpoint is None:
        raise ValidationError({"checkpoint": NO_SUCH_CHECKPOINT})
    if number in plan.locked_checkpoints():
        raise ValidationError(CHECKPOINT_LOCKED, code="locked", params={"checkpoint": checkpoint.label})
    return checkpoint


def _store(
    plan: Plan, *, indicator: Indicator, number: int, value: Decimal, note: str, source: str, user: User
) -> Realisation:
    """Save the realisation, keeping the value it replaces, and mark the employee for the scoring job
    (all in this transaction)."""
    stored = Realisation.objects.filter(indicator=indicator, checkpoint=number).first()
    if stored is not None:
        _previous_keep(stored, value=value, note=note, source=source, acting_user=user)
    realisation = stored or Realisation(indicator=indicator, checkpoint=number)
    realisation.value, realisation.note, realisation.source, realisation.updated_by = value, note, source, user
    realisation.full_clean()
    realisation.save()
    plan_scores_mark(plan)
    return realisation


def _previous_keep(stored: Realisation, *, value: Decimal, note: str, source: str, acting_user: User) -> None:
    """A correction that changes the stored realisation keeps its earlier value, note and source as history."""
    if (stored.value, stored.note, stored.source) == (value, note, source):
        return
    RealisationCorrection.objects.create(
        realisation=stored,
        value=stored.value,
        note=stored.note,
        source=stored.source,
        reported_by_id=stored.updated_by_id,
        reported_at=stored.updated_at,
        corrected_by=acting_user,
    )


@transaction.atomic
def realisation_correct(*, realisation: Realisation, acting_user: User) -> Realisation:
    """HR's correction in the admin (also in a closed period): the earlier value is kept, the score marked."""
    if realisation.pk is not None:
        stored = Realisation.objects.select_for_update().get(pk=realisation.pk)
        _previous_keep(
            stored, value=realisation.value, note=realisation.note, source=realisation.source, acting_user=acting_user
        )
    realisation.updated_by = acting_user
    realisation.full_clean()
    realisation.save()
    plan_scores_mark(realisation.indicator.work_result.plan)
    return realisation


@transaction.atomic
def realisation_record(
    *, indicator: Indicator, checkpoint: int, value: Decimal, note: str, acting_user: User
) -> Realisation:
    """Record (or correct) the realisation so far at a checkpoint (domain.md §7.1)."""
    plan = _ensure_reporting(indicator=indicator, acting_user=acting_user)
    _checkpoint(plan, checkpoint)
    if is_measured(indicator.source):
        raise ValidationError(MEASURED_NOT_MANUAL, code="measured")
    return _store(
        plan, indicator=indicator, number=checkpoint, value=value, note=note, source=Source.MANUAL, user=acting_user
    )


@transaction.atomic
def realisation_sync(*, indicator: Indicator, checkpoint: int, acting_user: User) -> Realisation:
    """Pull a measured indicator's realisation from its source; ``SourceUnavailable`` says why it cannot."""
    plan = _ensure_reporting(indicator=indicator, acting_user=acting_user)
    value = read_realisation(indicator, _checkpoint(plan, checkpoint))
    if value is None:
        raise SourceUnavailable(str(NO_DATA_YET))
    return _store(
        plan, indicator=indicator, number=checkpoint, value=value, note="", source=indicator.source, user=acting_user
    )


@transaction.atomic
def activity_record(*, indicator: Indicator, day: date, description: str, acting_user: User) -> Activity:
    """Document work done towards an indicator (pendokumentasian kinerja)."""
    plan = _ensure_reporting(indicator=indicator, acting_user=acting_user)
    if not plan.period.start <= day <= plan.period.end:
        raise ValidationError({"date": DATE_OUTSIDE_PERIOD})
    activity = Activity(indicator=indicator, date=day, description=description, created_by=acting_user)
    activity.full_clean()
    activity.save()
    return activity


@transaction.atomic
def evidence_upload(*, indicator: Indicator, upload: UploadedFile, description: str, acting_user: User) -> Evidence:
    """Store a checked evidence file privately; the user's file name is kept only for downloads."""
    _ensure_reporting(indicator=indicator, acting_user=acting_user)
    content_type = check_evidence_file(upload)
    evidence = Evidence(
        indicator=indicator,
        original_name=upload.name[-200:],
        content_type=content_type,
        size=upload.size,
        description=description,
        uploaded_by=acting_user,
    )
    evidence.file.save(upload.name, upload, save=False)
    try:
        evidence.full_clean()
        evidence.save()
    except Exception:
        evidence.file.delete(save=False)  # no orphan file for a row that was never stored
        raise
    return evidence


@transaction.atomic
def evidence_delete(*, evidence: Evidence, acting_user: User) -> None:
    """Remove an evidence file; the row goes in the transaction, the file only once it commits."""
    _ensure_reporting(indicator=evidence.indicator, acting_user=acting_user)
    storage, name = evidence.file.storage, evidence.file.name
    evidence.delete()
    transaction.on_commit(lambda: storage.delete(name))
