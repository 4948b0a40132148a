"""Demo evaluations on top of ``seed_appraisal``: the staff of the demo Pejabat Penilai (``atasan``) in every state.

The official (``atasan``) and her superior (``kepala``) act through the services, so logs, rating history
and notifications are real. Steps only the employee may take are done through the services for
``pegawai`` (who has a login) and written directly for colleagues without one. Idempotent: an employee
whose plan already has an evaluation is left alone.

| employee (DUKCAPIL.DAFDUK) | what they get |
|---|---|
| ``pegawai`` | periodic Q1–Q3 sent; annual sent, then objected (waiting for ``kepala``) |
| 2nd report | annual sent, Sangat Baik, with development actions |
| 3rd report | annual submitted (waiting for ``kepala``'s approval) |
| 4th report | annual objected and decided (upheld: Butuh Perbaikan → Baik) |
| 5th report | annual being rated, ``pegawai`` invited as peer |
| 6th report | annual open for self-assessment, self-assessment written |
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from org.models import Employee, Unit, User

from ..models import (
    AppraisalPeriod,
    CoreValue,
    Evaluation,
    EvaluationLog,
    Objection,
    OrganisationResult,
    Plan,
)
from ..predikat import Rating
from ..services import evaluations as flow
from ..services.distribution import org_result_set
from ..services.feedback import development_action_add, expectations_save, feedback_note_add, peer_invite
from ..services.objections import objection_decide, objection_file

ATAS, SESUAI, BAWAH = Rating.DI_ATAS_EKSPEKTASI, Rating.SESUAI_EKSPEKTASI, Rating.DI_BAWAH_EKSPEKTASI
STRENGTHS = "Teliti dan cepat melayani; berkas jarang dikembalikan."
IMPROVEMENTS = "Ketepatan waktu laporan bulanan dan pemutakhiran data arsip."


def _rate(evaluation: Evaluation, user: User, work: str, behaviour: str, *, low_value: bool = False) -> Evaluation:
    """Start if needed, then a complete rating with feedback (one value below expectation if asked)."""
    evaluation.refresh_from_db()
    if evaluation.status == Evaluation.Status.SELF_ASSESSMENT:
        evaluation = flow.evaluation_start(evaluation=evaluation, acting_user=user)
    values = dict.fromkeys(CoreValue.objects.values_list("pk", flat=True), (behaviour, ""))
    if low_value:
        values[CoreValue.objects.get(code="ADAPTIF").pk] = (BAWAH, "Perlu lebih cepat menyesuaikan aplikasi baru.")
    results = dict.fromkeys(
        evaluation.plan.work_results.values_list("pk", flat=True), "Realisasi sesuai bukti dukung yang diunggah."
    )
    ratings = flow.RatingInput(work, behaviour, values, results, STRENGTHS, IMPROVEMENTS, evaluation.place)
    return flow.evaluation_rate(evaluation=evaluation, version=evaluation.version, ratings=ratings, acting_user=user)


def _self_assess(evaluation: Evaluation) -> None:
    """What an employee without a login would have typed (written directly: only they may use the service)."""
    flow.ensure_result_rows(evaluation)
    evaluation.result_assessments.update(self_assessment="Target triwulan tercapai; bukti dukung lengkap.")
    evaluation.behaviour_ratings.filter(value__code="BERORIENTASI_PELAYANAN").update(
        self_assessment="Melayani pemohon dengan ramah, termasuk saat antrean panjang."
    )
    Evaluation.objects.filter(pk=evaluation.pk).update(self_action_plan="Mengikuti pelatihan layanan prima.")


def _send(evaluation: Evaluation, assessor: User, superior: User) -> Evaluation:
    evaluation = flow.evaluation_submit(evaluation=evaluation, acting_user=assessor)
    if evaluation.status == Evaluation.Status.SUBMITTED:
        evaluation = flow.evaluation_approve(evaluation=evaluation, acting_user=superior)
    return evaluation


def _object_directly(evaluation: Evaluation, reason: str) -> Objection:
    """An objection by an employee without a login, recorded as the service would."""
    evaluation.refresh_from_db()
    objection = Objection.objects.create(
        evaluation=evaluation, reason=reason, old_work_rating=evaluation.work_rating,
        old_behaviour_rating=evaluation.behaviour_rating, old_predikat=evaluation.predikat,
    )  # fmt: skip
    EvaluationLog.objects.create(
        evaluation=evaluation, action=EvaluationLog.Action.OBJECT, from_status=evaluation.status,
        to_status=Evaluation.Status.OBJECTED, reason=reason,
    )  # fmt: skip
    Evaluation.objects.filter(pk=evaluation.pk).update(
        status=Evaluation.Status.OBJECTED, version=evaluation.version + 1
    )
    return objection


def _own(plan: Plan, **kwargs) -> Evaluation:
    return flow.evaluation_open(plan=plan, acting_user=plan.assessor.user, **kwargs)


def _pegawai(plan: Plan, users: dict[str, User], current: int) -> None:
    assessor, superior, me = users["atasan"], users["kepala"], users["pegawai"]
    value = CoreValue.objects.get(code="BERORIENTASI_PELAYANAN")
    today = timezone.localdate()
    expectations_save(plan=plan, texts={value.pk: "Antrean KTP-el selesai sebelum pukul 14.00."}, acting_user=assessor)
    feedback_note_add(
        plan=plan, day=today.replace(day=1), work_result=None, value=value, evidence=None, acting_user=assessor,
        text="Pemohon lansia dibantu sampai selesai; pertahankan.", is_private=False,
    )  # fmt: skip
    feedback_note_add(
        plan=plan, day=today.replace(day=2), work_result=plan.work_results.first(), value=None, evidence=None,
        acting_user=assessor, text="Sering terlambat masuk loket pagi; bicarakan di dialog kinerja.", is_private=True,
    )  # fmt: skip
    for checkpoint in range(1, current):
        periodic = _own(plan, kind=Evaluation.Kind.PERIODIC, checkpoint=checkpoint)
        _send(_rate(periodic, assessor, SESUAI, SESUAI), assessor, superior)
    annual = _own(plan, kind=Evaluation.Kind.ANNUAL, checkpoint=None)
    row = annual.behaviour_ratings.get(value=value)
    flow.evaluation_self_assess(
        evaluation=annual, version=annual.version, results={}, values={row.value_id: "Saya selalu ramah."},
        action_plan="Belajar fitur baru aplikasi SIAK.", acting_user=me,
    )  # fmt: skip
    flow.evaluation_self_submit(evaluation=annual, acting_user=me)
    annual = _send(_rate(annual, assessor, SESUAI, SESUAI), assessor, superior)
    objection_file(
        evaluation=annual, acting_user=me,
        reason="Capaian layanan KTP-el saya di atas target (118%), bukti dukung sudah diunggah tiap bulan.",
    )  # fmt: skip


def _story(index: int, plan: Plan, users: dict[str, User]) -> None:
    """One of the five other states (see the module docstring)."""
    assessor, superior = users["atasan"], users["kepala"]
    annual = _own(plan, kind=Evaluation.Kind.ANNUAL, checkpoint=None)
    if index == 0:
        annual = _rate(annual, assessor, ATAS, ATAS)
        development_action_add(
            evaluation=annual, kind="MENTORING", description="Menjadi mentor operator baru di loket KTP-el.",
            value=CoreValue.objects.get(code="KOMPETEN"), work_result=None, acting_user=assessor,
        )  # fmt: skip
        _send(annual, assessor, superior)
    elif index == 1:
        flow.evaluation_submit(evaluation=_rate(annual, assessor, SESUAI, ATAS), acting_user=assessor)
    elif index == 2:
        annual = _send(_rate(annual, assessor, BAWAH, SESUAI, low_value=True), assessor, superior)
        objection = _object_directly(annual, "Target berkas tidak tercapai karena server SIAK mati dua minggu.")
        objection_decide(
            objection=objection, upheld=True, work_rating=SESUAI, behaviour_rating=SESUAI, acting_user=superior,
            reason="Gangguan server tercatat di laporan TI; target disesuaikan, hasil kerja sesuai ekspektasi.",
        )  # fmt: skip
    elif index == 3:
        flow.evaluation_start(evaluation=annual, acting_user=assessor)
        peer_invite(evaluation=annual, peer=users["pegawai"].employee, acting_user=assessor)
    else:
        _self_assess(annual)


@transaction.atomic
def seed_evaluations(*, stdout=None) -> str:
    """Evaluations in every state for the demo supervisor's staff, and the unit's organisation result."""
    users = User.objects.select_related("employee").in_bulk(["atasan", "kepala", "pegawai"], field_name="username")
    period = AppraisalPeriod.objects.filter(year=timezone.localdate().year).first()
    if period is None or len(users) < 3 or not hasattr(users["atasan"], "employee"):
        return _say(stdout, gettext("Evaluasi kinerja: data demo organisasi atau SKP belum ada; dilewati."))
    staff = _staff(users["atasan"].employee, period)
    current = period.checkpoint_on(timezone.localdate()).number
    for plan in staff:
        if plan.employee.user_id == users["pegawai"].pk:
            _pegawai(plan, users, current)
    others = [plan for plan in staff if plan.employee.user_id is None]
    for index, plan in enumerate(others[:5]):
        _story(index, plan, users)
    _org_result(users, period)
    return _say(stdout, gettext("Evaluasi kinerja: %(count)s evaluasi dibuat.") % {"count": _count(staff)})


def _staff(assessor: Employee, period: AppraisalPeriod) -> list[Plan]:
    """The official's reports with an approved plan and no evaluation yet, in a fixed order."""
    plans = Plan.objects.filter(period=period, assessor=assessor, approved_at__isnull=False, evaluations__isnull=True)
    return list(plans.select_related("employee__user", "assessor__user", "period").order_by("employee__nip"))


def _org_result(users: dict[str, User], period: AppraisalPeriod) -> None:
    unit: Unit = users["atasan"].employee.unit
    head_above = users["kepala"]
    if not OrganisationResult.objects.filter(unit=unit, period=period).exists():
        org_result_set(unit=unit, period=period, result="BAIK", note="Capaian IKU bidang 2026.", acting_user=head_above)


def _count(plans: list[Plan]) -> int:
    return Evaluation.objects.filter(plan__in=plans).count()


def _say(stdout, message: str) -> str:
    if stdout is not None:
        stdout.write(message + "\n")
    return message
