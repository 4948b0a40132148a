"""Hostile query strings and paths: a NUL byte or a non-ASCII digit is a 400 or a 404, never a 500."""

from __future__ import annotations

import pytest
from django.core.exceptions import SuspiciousOperation
from django.test import RequestFactory
from django.urls import reverse

from core.params import int_param, parse_int
from tests.appraisal.factories import IndicatorFactory, PeriodFactory, PlanFactory, WorkResultFactory
from tests.conftest import login
from tests.surveys.factories import ServiceFactory

REFUSED = {400, 404}
# Superscript two, Arabic-Indic three, full-width one: str.isdigit() says yes to all of them.
NOT_ASCII_DIGITS = ["²", "٣", "１"]


def _get(query: str):
    return RequestFactory().get(f"/?{query}")


@pytest.mark.parametrize("value", ["", "7", "0042"])
def test_it_reads_ascii_digits_or_the_default(value):
    assert int_param(_get(f"n={value}"), "n", default=3) == (int(value) if value else 3)


def test_it_gives_the_default_when_the_parameter_is_missing():
    assert int_param(_get("other=1"), "n") is None


@pytest.mark.parametrize("value", [*NOT_ASCII_DIGITS, "-1", "1.5", "1e3", " 1", "1%00", "9" * 10])
def test_it_refuses_anything_but_a_few_ascii_digits(value):
    with pytest.raises(SuspiciousOperation):
        int_param(_get(f"n={value}"), "n")


@pytest.mark.parametrize("value", [*NOT_ASCII_DIGITS, "-1", "", "9" * 10])
def test_it_parses_only_ascii_digits(value):
    assert parse_int(value) is None


@pytest.fixture
def plan(employee):
    plan = PlanFactory(period=PeriodFactory(), employee=employee)
    IndicatorFactory(work_result=WorkResultFactory(plan=plan))
    return plan


@pytest.fixture
def service(unit):
    return ServiceFactory(unit=unit, slug="imunisasi")


def _pages(plan, unit) -> dict[str, tuple[str, list[str]]]:
    """Each page with a numeric parameter, who may open it, and the parameters it reads."""
    return {
        "achievement": ("pegawai", reverse("appraisal:plan-achievement", args=[plan.pk]), ["titik"]),
        "monitoring": ("atasan", reverse("appraisal:plan-monitoring"), ["tahun", "titik"]),
        "distribution": ("hr", reverse("appraisal:distribution-detail"), ["unit", "tahun"]),
        "scores": ("hr", reverse("scoring:period-scores", args=[plan.period.pk]), ["titik", "unit"]),
        "survey results": ("hr", reverse("surveys:result-detail", args=[unit.code]), ["year", "population"]),
        "survey index": ("hr", reverse("surveys:result-index"), ["year"]),
        "survey responses": ("hr", reverse("surveys:response-list", args=[unit.code]), ["year", "page"]),
    }


@pytest.mark.parametrize("screen", ["achievement", "monitoring", "distribution", "scores", "survey results",
                                  "survey index", "survey responses"])  # fmt: skip
@pytest.mark.parametrize("value", [*NOT_ASCII_DIGITS, "%00", "99999999999999999999"])
def test_it_refuses_a_hostile_number_without_an_error(client, plan, unit, hr_user, screen, value):
    username, url, names = _pages(plan, unit)[screen]
    login(client, type(hr_user).objects.get(username=username))
    for name in names:
        response = client.get(f"{url}?{name}={value}")
        assert response.status_code in REFUSED | {200}, (name, response.status_code)
        assert response.status_code != 200 or value != "%00", name


@pytest.mark.parametrize("query", ["layanan=%00", "petugas=%00", "kiosk=%00", "src=qr%00"])
def test_it_refuses_a_nul_byte_in_the_public_query_string(client, unit, service, query):
    for name in ("surveys:survey-form", "surveys:survey-thanks", "surveys:complaint-form"):
        assert client.get(f"{reverse(name, args=[unit.code])}?{query}").status_code == 400


@pytest.mark.parametrize(
    "path",
    [
        "/survei/u/%00/",
        "/survei/u/DINKES%00/",
        "/survei/u/DINKES/%00/",
        "/survei/u/DINKES/aduan/%00",
        "/survei/lacak/%00/",
        "/survei/kios/aktifkan/%00/",
        "/survei/hasil/%00/",
        "/org/impor/templat/%00/",
    ],
)
def test_it_refuses_a_nul_byte_in_the_path(client, unit, hr_user, path):
    login(client, hr_user)
    response = client.get(path)
    assert response.status_code == 400
    assert "Permintaan tidak sah" in response.content.decode()


@pytest.mark.parametrize("query", ["layanan=%00", "petugas=%00", "layanan=imunisasi&petugas=%00", "unduh=%00"])
def test_it_refuses_a_nul_byte_in_a_staff_query_string(client, unit, service, hr_user, query):
    login(client, hr_user)
    for url in (
        reverse("surveys:result-detail", args=[unit.code]),
        reverse("surveys:qr-image", args=[unit.code, "svg"]),
    ):
        assert client.get(f"{url}?{query}").status_code == 400


@pytest.mark.parametrize("query", ["q=%00", "unit=%00", "status=%00", "employment_type=%00", "page=%00"])
def test_it_refuses_a_nul_byte_in_the_employee_filter(client, hr_user, query):
    login(client, hr_user)
    for url in (reverse("org:employee-list"), reverse("org:export-download", args=["pegawai"])):
        assert client.get(f"{url}?{query}").status_code == 400


def test_it_refuses_a_nul_byte_a_citizen_types_into_the_complaint_lookup(client, db):
    response = client.get(f"{reverse('surveys:complaint-lookup')}?nomor=abc%00defgh")
    assert response.status_code == 400
    assert "Permintaan tidak sah" in response.content.decode()


def test_it_refuses_a_nul_byte_in_a_parameter_name(client, hr_user):
    login(client, hr_user)
    assert client.get(f"{reverse('surveys:complaint-list')}?st%00atus=BARU").status_code == 400


def test_it_ignores_a_non_ascii_digit_among_ticked_responses(client, hr_user, unit):
    login(client, hr_user)
    url = reverse("surveys:response-exclude-many", args=[unit.code])
    response = client.post(url, {"ids": ["²"], "reason": "Lonjakan"})
    assert response.status_code == 302
