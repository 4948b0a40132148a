"""The read-only API: tokens, scope, pagination, filters and the call log (docs/api.md)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from api.models import ApiCall, ApiClient, token_hash
from api.services import client_revoke
from tests.factories import EmployeeFactory, PositionFactory
from tests.queries import counts_at_two_sizes

from .factories import annual_result, api_client_with_token, employee_score, unit_ikm

pytestmark = pytest.mark.django_db

EMPLOYEES = reverse("api:employee-list")
SCORES = reverse("api:score-list")
IKM = reverse("api:ikm-list")


def _in(unit, **kwargs):
    return EmployeeFactory(position=PositionFactory(unit=unit), **kwargs)


def _bearer(api, token):
    api.credentials(HTTP_AUTHORIZATION=f"Bearer {token}")
    return api


@pytest.mark.parametrize("url", [EMPLOYEES, SCORES, IKM])
def test_it_refuses_a_call_without_a_token_with_401_and_logs_it(api, url):
    response = api.get(url)
    assert response.status_code == 401
    assert response["WWW-Authenticate"].startswith("Bearer")
    call = ApiCall.objects.get()
    assert (call.client, call.status, call.path, call.rows) == (None, 401, url, None)


@pytest.mark.parametrize("header", ["Bearer kin_wrong", "Token abc", "Bearer", "Bearer a b"])
def test_it_refuses_a_bad_token_with_401(api, header):
    api.credentials(HTTP_AUTHORIZATION=header)
    assert api.get(EMPLOYEES).status_code == 401
    assert ApiCall.objects.get().status == 401


def test_it_refuses_a_revoked_token_and_logs_the_call_against_its_client(api, hr_user, tree):
    client, token = api_client_with_token(hr_user)
    client_revoke(client=client, acting_user=hr_user)
    response = _bearer(api, token).get(EMPLOYEES)
    assert response.status_code == 401
    assert "dicabut" in response.json()["detail"]
    call = ApiCall.objects.get()
    assert (call.client, call.status) == (client, 401)


def test_it_stores_only_the_hash_of_the_token(hr_user, tree):
    client, token = api_client_with_token(hr_user)
    stored = ApiClient.objects.get(pk=client.pk)
    assert stored.token_hash == token_hash(token) != token
    assert token not in str(ApiClient.objects.filter(pk=client.pk).values().get())
    assert stored.token_hint == token[:8]


def test_it_lists_employees_with_their_released_predikat_in_siasn_codes(api, hr_user, tree):
    dinas, _, _ = tree
    person = _in(dinas, name="Ani")
    annual_result(person, year=2025, work="DI_ATAS_EKSPEKTASI", behaviour="SESUAI_EKSPEKTASI")
    annual_result(person, year=2026, work="DI_BAWAH_EKSPEKTASI", behaviour="DI_BAWAH_EKSPEKTASI", status="RATING")
    _, token = api_client_with_token(hr_user)
    body = _bearer(api, token).get(EMPLOYEES).json()
    assert body["count"] == 1
    row = body["results"][0]
    assert (row["nip"], row["unit"]["code"]) == (person.nip, "DINKES")
    # The result still being rated (2026) is not out yet.
    assert row["annual_results"] == [
        {
            "year": 2025,
            "work_rating": "DI_ATAS_EKSPEKTASI",
            "work_rating_siasn": 1,
            "behaviour_rating": "SESUAI_EKSPEKTASI",
            "behaviour_rating_siasn": 2,
            "predikat": "BAIK",
            "predikat_label": "Baik",
            "predikat_siasn": 2,
        }
    ]


def test_it_keeps_a_client_to_its_unit_and_sub_units(api, hr_user, tree):
    dinas, bidang, other = tree
    inside, below, outside = _in(dinas), _in(bidang), _in(other)
    for person in (inside, below, outside):
        employee_score(person, year=2026)
    for unit in (dinas, bidang, other):
        unit_ikm(unit, year=2026)
    _, token = api_client_with_token(hr_user, unit=dinas)
    _bearer(api, token)
    assert {r["nip"] for r in api.get(EMPLOYEES).json()["results"]} == {inside.nip, below.nip}
    assert {r["nip"] for r in api.get(SCORES).json()["results"]} == {inside.nip, below.nip}
    assert {r["unit"]["code"] for r in api.get(IKM).json()["results"]} == {"DINKES", "DINKES.YANKES"}
    assert {r["nip"] for r in api.get(EMPLOYEES, {"unit": "DINKES.YANKES"}).json()["results"]} == {below.nip}


@pytest.mark.parametrize("code", ["DISDIK", "NOPE"])
def test_it_answers_404_for_a_unit_outside_the_scope_or_unknown(api, hr_user, tree, code):
    _, token = api_client_with_token(hr_user, unit=tree[0])
    response = _bearer(api, token).get(SCORES, {"unit": code})
    assert response.status_code == 404
    assert ApiCall.objects.get().status == 404


def test_it_reads_every_unit_for_an_all_units_client(api, hr_user, tree):
    for unit in tree:
        unit_ikm(unit, year=2026)
    _, token = api_client_with_token(hr_user)
    assert _bearer(api, token).get(IKM).json()["count"] == 3


def test_it_paginates_and_refuses_a_page_past_the_end(api, hr_user, tree):
    for _ in range(5):
        employee_score(_in(tree[0]), year=2026)
    _, token = api_client_with_token(hr_user)
    _bearer(api, token)
    first = api.get(SCORES, {"page_size": 2}).json()
    assert (first["count"], len(first["results"]), first["previous"]) == (5, 2, None)
    assert "page=2" in first["next"]
    last = api.get(SCORES, {"page_size": 2, "page": 3}).json()
    assert (len(last["results"]), last["next"]) == (1, None)
    assert api.get(SCORES, {"page_size": 2, "page": 4}).status_code == 404
    assert api.get(SCORES, {"page": "x"}).status_code == 404
    assert list(ApiCall.objects.order_by("pk").values_list("rows", flat=True)) == [2, 1, None, None]


def test_it_filters_by_year_and_checkpoint(api, hr_user, tree):
    person = _in(tree[0])
    employee_score(person, year=2025, checkpoint=4, score="70.00")
    employee_score(person, year=2026, checkpoint=1, score="81.00")
    employee_score(person, year=2026, checkpoint=2, score="82.00")
    _, token = api_client_with_token(hr_user)
    _bearer(api, token)
    rows = api.get(SCORES, {"year": 2026, "checkpoint": 2}).json()["results"]
    assert [(r["year"], r["checkpoint"], r["kinerja_score"]) for r in rows] == [(2026, 2, "82.00")]
    assert "not the official predikat" in rows[0]["note"] or "never the official predikat" in rows[0]["note"]
    assert api.get(SCORES, {"year": 2025}).json()["count"] == 1


def test_it_lists_only_employees_with_a_result_of_the_year_asked(api, hr_user, tree):
    with_result, without = _in(tree[0]), _in(tree[0])
    annual_result(with_result, year=2025)
    _, token = api_client_with_token(hr_user)
    rows = _bearer(api, token).get(EMPLOYEES, {"year": 2025}).json()["results"]
    assert [r["nip"] for r in rows] == [with_result.nip]
    assert without.nip not in str(rows)


@pytest.mark.parametrize(
    "params",
    [{"year": "abc"}, {"year": "1999"}, {"year": "٢٠٢٦"}, {"checkpoint": "0"}, {"checkpoint": "x"}, {"unit": "A" * 40}],
)
def test_it_answers_400_to_a_bad_filter_naming_it(api, hr_user, tree, params):
    _, token = api_client_with_token(hr_user)
    response = _bearer(api, token).get(SCORES, params)
    assert response.status_code == 400
    assert set(response.json()) == set(params)
    assert ApiCall.objects.get().status == 400


def test_it_refuses_writes(api, hr_user, tree):
    _, token = api_client_with_token(hr_user)
    assert _bearer(api, token).post(EMPLOYEES, {}).status_code == 405


def test_it_logs_client_path_status_rows_and_time_and_marks_the_last_use(api, hr_user, tree):
    unit_ikm(tree[0], year=2026)
    client, token = api_client_with_token(hr_user)
    _bearer(api, token).get(IKM, {"year": 2026})
    call = ApiCall.objects.get()
    assert (call.client, call.method, call.path, call.status, call.rows) == (client, "GET", f"{IKM}?year=2026", 200, 1)
    assert call.duration_ms >= 0 and call.at is not None
    assert ApiClient.objects.get(pk=client.pk).last_used_at == call.at


def test_the_employee_list_runs_as_many_queries_for_thirty_as_for_three(api, hr_user, tree):
    _, token = api_client_with_token(hr_user, unit=tree[0])
    _bearer(api, token)
    people = []

    def grow(size):
        while len(people) < size:
            person = _in(tree[1])
            annual_result(person, year=2025)
            annual_result(person, year=2026)
            people.append(person)

    small, large = counts_at_two_sizes(api, EMPLOYEES, grow)
    assert small == large


def test_the_schema_and_its_page_describe_every_endpoint(client):
    schema = client.get(reverse("api:schema"), {"format": "json"}).json()
    assert {"/api/v1/pegawai/", "/api/v1/skor/", "/api/v1/ikm/"} <= set(schema["paths"])
    assert "clientToken" in schema["components"]["securitySchemes"]
    scores = schema["paths"]["/api/v1/skor/"]["get"]
    assert {"year", "checkpoint", "unit", "page", "page_size"} == {p["name"] for p in scores["parameters"]}
    assert scores["responses"]["200"]["content"]["application/json"]["schema"]["$ref"].endswith("PaginatedScoreList")
    page = client.get(reverse("api:docs"))
    assert page.status_code == 200
    assert b"/api/v1/skor/" in page.content and b"kinerja_score" in page.content
