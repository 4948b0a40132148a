"""Every staff view for every role: anonymous → login, no survey role → 403, other unit's head → 404.

HR sees all units and reviews responses; a unit head sees their subtree; only the head who must
answer a complaint sees its contact and replies.
"""

from __future__ import annotations

import pytest
from django.urls import reverse

from surveys.models import Complaint
from tests.surveys.factories import ComplaintFactory, KioskDeviceFactory, ResponseFactory, ServiceFactory

# name → (how to build the URL args from the objects, method, POST data)
UNIT_VIEWS = {
    "result-detail": (lambda o: [o["unit"].code], "get", None),
    "result-export-report": (lambda o: [o["unit"].code], "get", None),
    "result-export-responses": (lambda o: [o["unit"].code], "get", None),
    "response-list": (lambda o: [o["unit"].code], "get", None),
    "unit-setup": (lambda o: [o["unit"].code], "get", None),
    "service-create": (lambda o: [o["unit"].code], "post", {"name": "Imunisasi", "description": ""}),
    "service-update": (lambda o: [o["service"].pk], "get", None),
    "officer-issue": (lambda o: [o["unit"].code, o["employee"].pk], "post", {}),
    "kiosk-create": (lambda o: [o["unit"].code], "post", {"name": "Tablet 1"}),
    "kiosk-revoke": (lambda o: [o["kiosk"].pk], "post", {}),
    "qr-image": (lambda o: [o["unit"].code, "svg"], "get", None),
    "poster": (lambda o: [o["unit"].code], "get", None),
    "complaint-detail": (lambda o: [o["complaint"].pk], "get", None),
}
GLOBAL_VIEWS = ["result-index", "complaint-list"]
HR_ONLY_VIEWS = {
    "response-exclude": {"reason": "Lonjakan"},
    "response-include": {"reason": "Salah kecuali"},
}
NO_SURVEY_ROLE = ["employee", "supervisor", "outsider"]


@pytest.fixture
def objects(unit, employee, hr_user):
    return {
        "unit": unit,
        "employee": employee,
        "service": ServiceFactory(unit=unit),
        "kiosk": KioskDeviceFactory(unit=unit, created_by=hr_user),
        "complaint": ComplaintFactory(unit=unit, contact="warga@example.com", consent_version="2024-1"),
        "response": ResponseFactory(unit=unit),
    }


def call(client, name, objects):
    args_of, method, data = UNIT_VIEWS[name]
    url = reverse(f"surveys:{name}", args=args_of(objects))
    return client.post(url, data) if method == "post" else client.get(url)


def user_of(request, role):
    persona = request.getfixturevalue(role)
    return getattr(persona, "user", persona)


@pytest.mark.parametrize("name", [*UNIT_VIEWS, *GLOBAL_VIEWS])
def test_anonymous_users_go_to_the_login_page(client, objects, name):
    response = call(client, name, objects) if name in UNIT_VIEWS else client.get(reverse(f"surveys:{name}"))
    assert response.status_code == 302
    assert reverse("login") in response["Location"]


@pytest.mark.parametrize("role", NO_SURVEY_ROLE)
@pytest.mark.parametrize("name", [*UNIT_VIEWS, *GLOBAL_VIEWS, *HR_ONLY_VIEWS])
def test_users_without_a_survey_role_are_refused(request, client, objects, role, name):
    client.force_login(user_of(request, role))
    if name in UNIT_VIEWS:
        response = call(client, name, objects)
    elif name in HR_ONLY_VIEWS:
        response = client.post(reverse(f"surveys:{name}", args=[objects["response"].pk]), HR_ONLY_VIEWS[name])
    else:
        response = client.get(reverse(f"surveys:{name}"))
    assert response.status_code == 403


@pytest.mark.parametrize("name", UNIT_VIEWS)
def test_the_head_of_another_unit_gets_404(client, objects, other_head, name):
    client.force_login(other_head.user)
    assert call(client, name, objects).status_code == 404


@pytest.mark.parametrize("role", ["hr_user", "unit_head"])
@pytest.mark.parametrize("name", [name for name in UNIT_VIEWS if UNIT_VIEWS[name][1] == "get"])
def test_hr_and_the_unit_head_see_the_unit(request, client, objects, role, name):
    client.force_login(user_of(request, role))
    assert call(client, name, objects).status_code == 200


@pytest.mark.parametrize("role", ["hr_user", "unit_head"])
@pytest.mark.parametrize("name", [name for name in UNIT_VIEWS if UNIT_VIEWS[name][1] == "post"])
def test_hr_and_the_unit_head_change_the_unit_set_up(request, client, objects, role, name):
    client.force_login(user_of(request, role))
    assert call(client, name, objects).status_code == 302


def test_a_unit_head_sees_a_sub_unit_but_not_the_parent(client, unit, subunit, unit_head):
    sub_head_position = subunit.positions.create(name="Kepala Puskesmas", kind="STRUKTURAL", level="PENGAWAS")
    sub_head_position.is_unit_head = True
    sub_head_position.save()
    from tests.factories import EmployeeFactory, UserFactory

    sub_head = EmployeeFactory(position=sub_head_position, user=UserFactory(username="kapus"))
    client.force_login(unit_head.user)
    assert client.get(reverse("surveys:result-detail", args=[subunit.code])).status_code == 200
    client.force_login(sub_head.user)
    assert client.get(reverse("surveys:result-detail", args=[subunit.code])).status_code == 200
    assert client.get(reverse("surveys:result-detail", args=[unit.code])).status_code == 404


@pytest.mark.parametrize("role", ["hr_user", "unit_head", "other_head"])
@pytest.mark.parametrize("name", GLOBAL_VIEWS)
def test_every_manager_has_the_overview_pages(request, client, objects, role, name):
    client.force_login(user_of(request, role))
    assert client.get(reverse(f"surveys:{name}")).status_code == 200


def test_the_overview_lists_only_the_units_a_head_manages(client, objects, other_head, other_unit):
    client.force_login(other_head.user)
    html = client.get(reverse("surveys:result-index")).content.decode()
    assert other_unit.name in html and objects["unit"].name not in html
    assert objects["complaint"].reference.upper() not in client.get(reverse("surveys:complaint-list")).content.decode()


@pytest.mark.parametrize(("role", "status"), [("hr_user", 302), ("unit_head", 403), ("other_head", 404)])
@pytest.mark.parametrize("name", HR_ONLY_VIEWS)
def test_only_hr_excludes_or_re_includes_responses(request, client, objects, hr_user, role, status, name):
    if name == "response-include":
        from surveys.services import response_exclude

        response_exclude(response=objects["response"], reason="x", acting_user=hr_user)
    client.force_login(user_of(request, role))
    url = reverse(f"surveys:{name}", args=[objects["response"].pk])
    assert client.post(url, HR_ONLY_VIEWS[name]).status_code == status


def test_review_actions_need_post(client, objects, hr_user):
    client.force_login(hr_user)
    assert client.get(reverse("surveys:response-exclude", args=[objects["response"].pk])).status_code == 405


def test_only_the_answering_head_sees_the_complaint_contact(client, objects, unit_head, hr_user):
    url = reverse("surveys:complaint-detail", args=[objects["complaint"].pk])
    client.force_login(unit_head.user)
    assert "warga@example.com" in client.get(url).content.decode()
    client.force_login(hr_user)
    html = client.get(url).content.decode()
    assert "warga@example.com" not in html
    assert "hanya unit yang menanggapi" in html


@pytest.mark.parametrize(("role", "status"), [("unit_head", 302), ("hr_user", 403), ("other_head", 404)])
def test_only_the_answering_head_replies(request, client, objects, role, status):
    client.force_login(user_of(request, role))
    url = reverse("surveys:complaint-reply", args=[objects["complaint"].pk])
    assert client.post(url, {"body": "Terima kasih, sudah kami tindak lanjuti."}).status_code == status
    expected = Complaint.Status.ANSWERED if status == 302 else Complaint.Status.NEW
    objects["complaint"].refresh_from_db()
    assert objects["complaint"].status == expected


def test_the_head_of_a_parent_answers_for_a_sub_unit_without_a_head(client, subunit, unit_head):
    complaint = ComplaintFactory(unit=subunit, contact="0812 1111 2222", consent_version="2024-1")
    client.force_login(unit_head.user)
    assert "0812 1111 2222" in client.get(reverse("surveys:complaint-detail", args=[complaint.pk])).content.decode()


def test_the_navbar_shows_the_survey_menu_only_to_managers(client, unit_head, employee):
    client.force_login(unit_head.user)
    assert reverse("surveys:result-index") in client.get(reverse("home")).content.decode()
    client.force_login(employee.user)
    assert reverse("surveys:result-index") not in client.get(reverse("home")).content.decode()
