"""Kiosks at the counter: where they return after each visitor, and how the tablet is activated."""

from __future__ import annotations

import re

from django.urls import reverse

from surveys import qr
from tests.surveys.conftest import form_url, submit
from tests.surveys.factories import KioskDeviceFactory, ServiceFactory
from tests.surveys.test_abuse import activate_kiosk

REFRESH = re.compile(r'http-equiv="refresh" content="\d+;url=([^"]+)"')


def _next_visitor_url(client, unit, service) -> str:
    thanks = client.get(submit(client, form_url(unit, service, kiosk="1"))["Location"])
    return REFRESH.search(thanks.content.decode()).group(1)


def test_a_kiosk_for_all_services_returns_to_the_service_picker(client, unit, hr_user):
    services = [ServiceFactory(unit=unit, name="KTP-el"), ServiceFactory(unit=unit, name="Akta kelahiran")]
    activate_kiosk(client, KioskDeviceFactory(unit=unit, service=None, created_by=hr_user))
    assert _next_visitor_url(client, unit, services[0]) == form_url(unit) + "?kiosk=1"
    picker = client.get(form_url(unit, kiosk="1")).content.decode()
    assert "KTP-el" in picker and "Akta kelahiran" in picker


def test_a_kiosk_for_one_service_returns_to_that_services_form(client, unit, hr_user):
    service = ServiceFactory(unit=unit)
    activate_kiosk(client, KioskDeviceFactory(unit=unit, service=service, created_by=hr_user))
    assert _next_visitor_url(client, unit, service) == form_url(unit, service) + "?kiosk=1"


def test_an_unregistered_tablet_in_kiosk_mode_stays_on_the_service_it_was_on(client, unit):
    service = ServiceFactory(unit=unit)
    assert _next_visitor_url(client, unit, service) == form_url(unit, service) + "?kiosk=1"


def test_the_setup_page_shows_the_activation_link_whole_with_a_qr_code_and_a_copy_button(client, hr_user, unit):
    kiosk = KioskDeviceFactory(unit=unit, created_by=hr_user)
    client.force_login(hr_user)
    html = client.get(reverse("surveys:unit-setup", args=[unit.code])).content.decode()
    link = f"http://testserver{reverse('surveys:kiosk-activate', args=[kiosk.secret])}"
    assert f'<img src="{reverse("surveys:kiosk-qr", args=[kiosk.pk])}"' in html
    assert f'data-copy="{link}"' in html
    assert f'<code class="d-block text-break" id="kiosk-link-{kiosk.pk}">{link}</code>' in html
    assert "surveys/copy.js" in html


def test_the_kiosk_qr_code_holds_the_activation_link(client, hr_user, unit):
    kiosk = KioskDeviceFactory(unit=unit, created_by=hr_user)
    client.force_login(hr_user)
    image = client.get(reverse("surveys:kiosk-qr", args=[kiosk.pk]))
    assert image["Content-Type"] == "image/svg+xml"
    assert image.content == qr.qr_svg(f"http://testserver{reverse('surveys:kiosk-activate', args=[kiosk.secret])}")


def test_an_activated_kiosk_has_no_activation_qr_code(client, hr_user, unit):
    kiosk = KioskDeviceFactory(unit=unit, created_by=hr_user)
    activate_kiosk(client, kiosk)
    client.force_login(hr_user)
    assert client.get(reverse("surveys:kiosk-qr", args=[kiosk.pk])).status_code == 404


def test_another_units_head_cannot_see_the_kiosk_qr_code(client, other_head, unit, hr_user):
    kiosk = KioskDeviceFactory(unit=unit, created_by=hr_user)
    client.force_login(other_head.user)
    assert client.get(reverse("surveys:kiosk-qr", args=[kiosk.pk])).status_code == 404
