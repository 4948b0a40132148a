"""The stored tallies always equal a fresh aggregate of the responses, whatever writes them."""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import UTC, date, datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from surveys.elements import ELEMENT_CODES
from surveys.ikm import compute_ikm
from surveys.models import OfficerTally, Response, ResponseTally
from surveys.periods import Period
from surveys.reports import unit_report
from surveys.selectors import employee_ikm, responses_in, unit_ikm
from surveys.services import response_exclude, response_include
from tests.factories import EmployeeFactory
from tests.surveys.conftest import form_url, submit
from tests.surveys.factories import ResponseFactory, ServiceFactory

FIELDS = [code.lower() for code in ELEMENT_CODES]
YEAR = date(2025, 1, 1), date(2025, 12, 31)
# 16:59 and 17:00 UTC fall on two local days in Jakarta (UTC+7): the tallies use the local day.
MOMENTS = [datetime(2025, 3, 1, 16, 59, tzinfo=UTC), datetime(2025, 3, 1, 17, tzinfo=UTC)]
MOMENTS += [datetime(2025, 7, 9, 2, tzinfo=UTC), datetime(2024, 12, 31, 18, tzinfo=UTC)]

responses_drawn = st.fixed_dictionaries(
    {
        "at": st.sampled_from(MOMENTS),
        "unit": st.sampled_from(["unit", "subunit"]),
        "service": st.booleans(),
        "officer": st.sampled_from([None, 0, 1]),
        "answers": st.lists(st.one_of(st.none(), st.integers(1, 4)), min_size=9, max_size=9),
        "gender": st.sampled_from(["", "L", "P"]),
        "age": st.one_of(st.none(), st.integers(15, 100)),
        "education": st.sampled_from(["", "SD", "S1"]),
        "occupation": st.sampled_from(["", "PNS", "LAINNYA"]),
        "source": st.sampled_from(list(Response.Source.values)),
    }
)
actions_drawn = st.lists(
    st.tuples(st.sampled_from(["exclude", "include", "delete", "unname", "move"]), st.integers(0, 30)), max_size=12
)


def fresh_tallies() -> tuple[dict, dict]:
    """What the tallies must hold, summed in Python from the responses."""
    units: dict = defaultdict(Counter)
    officers: dict = defaultdict(Counter)
    for response in Response.objects.all():
        key = (timezone.localtime(response.submitted_at).date(), response.unit_id, response.service_id)
        counted = response.excluded_at is None
        row = units[key]
        row["excluded"] += not counted
        row["qr"] += response.source == Response.Source.QR
        if counted:
            row.update(answer_totals(response))
            age = "" if response.age is None else response.age
            keys = [f"gender:{response.gender}", f"education:{response.education}"]
            row.update(f"profile {key}" for key in [*keys, f"occupation:{response.occupation}", f"age:{age}"])
            if response.officer_id:
                officers[(response.officer_id, *key)].update(answer_totals(response))
    return _positive(units), _positive(officers)


def answer_totals(response: Response) -> Counter:
    totals = Counter(responses=1)
    for field in FIELDS:
        if (value := getattr(response, field)) is not None:
            totals.update({f"{field}_sum": value, f"{field}_n": 1})
    return totals


def _positive(rows: dict) -> dict:
    return {key: +row for key, row in rows.items()}


def stored_tallies() -> tuple[dict, dict]:
    answers = ["responses", *(f"{field}_{part}" for field in FIELDS for part in ("sum", "n"))]
    units = {}
    for tally in ResponseTally.objects.all():
        row = Counter({name: getattr(tally, name) for name in [*answers, "excluded", "qr"]})
        row.update({f"profile {key}": count for key, count in tally.profile.items()})
        units[(tally.day, tally.unit_id, tally.service_id)] = +row
    officers = {
        (tally.officer_id, tally.day, tally.unit_id, tally.service_id): +Counter(
            {name: getattr(tally, name) for name in answers}
        )
        for tally in OfficerTally.objects.all()
    }
    return units, officers


def python_ikm(responses):
    totals = dict.fromkeys(ELEMENT_CODES, (0, 0))
    for response in responses:
        for code in ELEMENT_CODES:
            if (value := getattr(response, code.lower())) is not None:
                total, answered = totals[code]
                totals[code] = (total + value, answered + 1)
    return compute_ikm(totals, responses=len(responses))


def act(action: str, response: Response, hr_user, subunit) -> None:
    """One change to a response, through the service where one exists (a refusal changes nothing)."""
    try:
        if action == "exclude":
            response_exclude(response=response, reason="uji", acting_user=hr_user)
        elif action == "include":
            response_include(response=response, reason="uji", acting_user=hr_user)
        elif action == "delete":
            response.delete()
        elif action == "unname":  # as when the officer's employee record is deleted (SET_NULL)
            Response.objects.filter(pk=response.pk).update(officer=None)
        else:
            Response.objects.filter(pk=response.pk).update(unit=subunit, submitted_at=MOMENTS[2])
    except ValidationError:
        pass


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(drawn=st.lists(responses_drawn, max_size=10), actions=actions_drawn)
def test_the_tallies_equal_a_fresh_aggregate_after_any_writes(unit, subunit, hr_user, drawn, actions):
    with transaction.atomic():
        service = ServiceFactory(unit=unit)
        named = [EmployeeFactory(), EmployeeFactory()]
        places = {"unit": unit, "subunit": subunit}
        created = [
            ResponseFactory(
                unit=places[spec["unit"]],
                service=service if spec["service"] else None,
                officer=None if spec["officer"] is None else named[spec["officer"]],
                submitted_at=spec["at"],
                gender=spec["gender"],
                age=spec["age"],
                education=spec["education"],
                occupation=spec["occupation"],
                source=spec["source"],
                **dict(zip(FIELDS, spec["answers"], strict=True)),
            )
            for spec in drawn
        ]
        for action, index in actions:
            if created and Response.objects.filter(pk=(chosen := created[index % len(created)]).pk).exists():
                act(action, Response.objects.get(pk=chosen.pk), hr_user, subunit)

        assert stored_tallies() == fresh_tallies()
        counted = list(responses_in(unit=unit, start=YEAR[0], end=YEAR[1]).included())
        expected = python_ikm(counted)
        for result in [
            unit_ikm(unit=unit, start=YEAR[0], end=YEAR[1]),
            unit_report(unit=unit, period=Period(*YEAR), include_subunits=True, service=None, population=None).result,
        ]:
            assert (result.responses, result.ikm_exact, result.elements) == (
                expected.responses,
                expected.ikm_exact,
                expected.elements,
            )
        officer = named[0]
        own = [response for response in counted if response.officer_id == officer.pk]
        assert employee_ikm(employee=officer, start=YEAR[0], end=YEAR[1]).elements == python_ikm(own).elements
        transaction.set_rollback(True)


def test_a_tally_never_goes_below_zero(unit):
    """A tally that disagrees with the responses stops the write instead of hiding the error."""
    response = ResponseFactory(unit=unit, submitted_at=MOMENTS[0])
    ResponseTally.objects.all().delete()
    with pytest.raises(IntegrityError), transaction.atomic():
        response.delete()


def test_a_submission_and_its_exclusion_move_the_tally_in_the_same_request(client, unit, hr_user):
    assert submit(client, form_url(unit), u3="2", gender="P", age="34").status_code == 302
    tally = ResponseTally.objects.get()
    assert (tally.day, tally.responses, tally.u3_sum, tally.u3_n) == (timezone.localdate(), 1, 2, 1)
    assert tally.profile == {"gender:P": 1, "age:34": 1, "education:": 1, "occupation:": 1}
    response_exclude(response=Response.objects.get(), reason="uji", acting_user=hr_user)
    tally = ResponseTally.objects.get()
    assert (tally.responses, tally.excluded, tally.u3_sum, tally.profile) == (0, 1, 0, {})
