"""The organisation result and the unit's distribution check, warning and optional blocking (§1.6)."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from appraisal.models import Evaluation, OrganisationResult
from appraisal.predikat import MATRIX
from appraisal.services.distribution import distribution_refresh, org_result_set
from appraisal.services.evaluations import evaluation_approve
from notifications.models import Notification
from tests.factories import EmployeeFactory, PositionFactory, UnitFactory, UserFactory

from .factories import PlanFactory

RATINGS = {predikat: pair for pair, predikat in MATRIX.items()}  # one rating pair per predikat


def staff(unit, period, predikats: dict[str, int], status: str = "SENT") -> list[Evaluation]:
    """Plans in the unit with a finished annual evaluation per predikat (count given)."""
    made = []
    for predikat, count in predikats.items():
        for _ in range(count):
            plan = PlanFactory(period=period, employee=EmployeeFactory(position=PositionFactory(unit=unit)))
            work, behaviour = RATINGS[predikat]
            made.append(Evaluation.objects.create(
                plan=plan, kind="ANNUAL", checkpoint=4, status=status, work_rating=work,
                behaviour_rating=behaviour, predikat=predikat,
            ))  # fmt: skip
    return made


@pytest.fixture
def dinas(db):
    return UnitFactory(code="DINAS", name="Dinas Contoh")


@pytest.fixture
def bidang(dinas):
    return UnitFactory(code="DINAS.B1", name="Bidang Satu", parent=dinas)


@pytest.fixture
def kadis(dinas):
    position = PositionFactory(unit=dinas, name="Kepala Dinas", is_unit_head=True)
    return EmployeeFactory(position=position, user=UserFactory(username="kadis"))


@pytest.fixture
def kabid(bidang, kadis):
    position = PositionFactory(unit=bidang, name="Kepala Bidang", is_unit_head=True)
    return EmployeeFactory(position=position, supervisor=kadis, user=UserFactory(username="kabid"))


def set_result(unit, period, user, result="BAIK"):
    return org_result_set(unit=unit, period=period, result=result, note="", acting_user=user)


def test_it_lets_hr_and_the_head_of_the_unit_above_set_the_result(bidang, period, hr_user, kadis, kabid):
    assert set_result(bidang, period, hr_user).result == "BAIK"
    assert set_result(bidang, period, kadis.user, "ISTIMEWA").result == "ISTIMEWA"
    assert OrganisationResult.objects.get().set_by == kadis.user
    assert any("Istimewa" in n.title_text() for n in Notification.objects.filter(recipient=kabid.user))
    with pytest.raises(PermissionDenied):
        set_result(bidang, period, kabid.user)  # a head does not set their own unit's result


def test_it_accepts_the_first_example_without_warning(bidang, period, hr_user, kabid):
    staff(bidang, period, {"SANGAT_BAIK": 2, "BAIK": 6, "BUTUH_PERBAIKAN": 1, "SANGAT_KURANG": 1})
    set_result(bidang, period, hr_user)
    state = distribution_refresh(unit=bidang, period=period)
    assert state.check.valid and state.rated == 10
    assert not OrganisationResult.objects.get().exceeded
    assert not Notification.objects.filter(title__contains="melampaui").exists()


def test_it_warns_hr_and_the_unit_head_once_for_the_second_example(bidang, period, hr_user, kabid):
    staff(bidang, period, {"SANGAT_BAIK": 3, "BAIK": 7})
    set_result(bidang, period, hr_user)
    distribution_refresh(unit=bidang, period=period)
    warnings = Notification.objects.filter(title__contains="melampaui")
    assert set(warnings.values_list("recipient", flat=True)) == {hr_user.pk, kabid.user.pk}
    assert OrganisationResult.objects.get().exceeded


def test_it_warns_again_only_after_the_unit_was_back_inside_the_pattern(bidang, period, hr_user, kabid):
    made = staff(bidang, period, {"SANGAT_BAIK": 3, "BAIK": 7})
    set_result(bidang, period, hr_user)
    Evaluation.objects.filter(pk=made[0].pk).update(predikat="BUTUH_PERBAIKAN")
    assert distribution_refresh(unit=bidang, period=period).check.valid
    assert not OrganisationResult.objects.get().exceeded
    Evaluation.objects.filter(pk=made[0].pk).update(predikat="SANGAT_BAIK")
    distribution_refresh(unit=bidang, period=period)
    assert Notification.objects.filter(recipient=hr_user, title__contains="melampaui").count() == 2


def test_it_counts_only_finished_annual_evaluations(bidang, period, hr_user):
    staff(bidang, period, {"BAIK": 2})
    staff(bidang, period, {"SANGAT_BAIK": 5}, status="RATING")
    set_result(bidang, period, hr_user)
    state = distribution_refresh(unit=bidang, period=period)
    assert state.counts == {"BAIK": 2} and state.in_progress == 5 and not state.complete


def test_it_shows_the_check_on_the_distribution_page(client, bidang, period, hr_user, kabid):
    staff(bidang, period, {"SANGAT_BAIK": 3, "BAIK": 7})
    set_result(bidang, period, hr_user)
    client.force_login(kabid.user)
    html = client.get(
        reverse("appraisal:distribution-detail"), {"unit": bidang.pk, "tahun": period.year}
    ).content.decode()
    assert 'data-testid="distribution-warning"' in html
    assert "Butuh Perbaikan + Kurang/Misconduct paling sedikit 1 orang" in html
    assert "Simpan capaian organisasi" not in html  # the unit's own head does not set it


def test_it_lets_the_head_above_set_the_result_on_the_page(client, bidang, period, kadis):
    client.force_login(kadis.user)
    url = reverse("appraisal:distribution-detail")
    assert "Simpan capaian organisasi" in client.get(url, {"unit": bidang.pk}).content.decode()
    client.post(reverse("appraisal:orgresult-set"), {"unit": bidang.pk, "period": period.pk, "result": "KURANG"})
    assert OrganisationResult.objects.get(unit=bidang).result == "KURANG"


def test_it_refuses_the_page_to_people_who_head_no_unit(client, bidang, employee):
    client.force_login(employee.user)
    assert client.get(reverse("appraisal:distribution-detail"), {"unit": bidang.pk}).status_code == 403


def _full_unit_with_last_submitted(unit, period, head, supervisor):
    """Nine sent Baik and one submitted Baik: complete, and outside the Baik pattern."""
    staff(unit, period, {"BAIK": 9})
    last = staff(unit, period, {"BAIK": 1}, status="SUBMITTED")[0]
    last.plan.assessor, last.plan.assessor_superior = supervisor, head
    last.plan.save()
    return last


def test_it_only_warns_by_default(bidang, period, hr_user, head, supervisor):
    last = _full_unit_with_last_submitted(bidang, period, head, supervisor)
    set_result(bidang, period, hr_user)
    assert evaluation_approve(evaluation=last, acting_user=head.user).status == "SENT"


def test_it_blocks_the_approval_when_the_setting_says_so(bidang, period, hr_user, head, supervisor, settings):
    settings.APPRAISAL_DISTRIBUTION_BLOCKING = True
    last = _full_unit_with_last_submitted(bidang, period, head, supervisor)
    set_result(bidang, period, hr_user)
    with pytest.raises(ValidationError, match="tidak sesuai pola distribusi"):
        evaluation_approve(evaluation=last, acting_user=head.user)
    assert Evaluation.objects.get(pk=last.pk).status == "SUBMITTED"


def test_it_does_not_block_while_the_unit_is_still_being_rated(bidang, period, hr_user, head, supervisor, settings):
    settings.APPRAISAL_DISTRIBUTION_BLOCKING = True
    last = _full_unit_with_last_submitted(bidang, period, head, supervisor)
    staff(bidang, period, {"BAIK": 1}, status="RATING")
    set_result(bidang, period, hr_user)
    assert evaluation_approve(evaluation=last, acting_user=head.user).status == "SENT"
