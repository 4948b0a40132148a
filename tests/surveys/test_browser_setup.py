"""The kiosk activation card in a real browser: the whole link, its QR code, and a working copy button."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from tests.surveys.factories import KioskDeviceFactory
from tests.surveys.test_journey_citizen import ARTIFACTS

PASSWORD = "rahasia-123"  # the factories' password


def test_the_copy_button_copies_the_whole_activation_link(live_server, page: Page, hr_user, unit):
    kiosk = KioskDeviceFactory(unit=unit, created_by=hr_user, name="Tablet loket 1")
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
    page.goto(f"{live_server.url}/akun/masuk/")
    page.locator("#id_username").fill("hr")
    page.locator("#id_password").fill(PASSWORD)
    page.get_by_role("button", name="Masuk", exact=True).click()
    page.goto(f"{live_server.url}/survei/unit/{unit.code}/")
    link = f"{live_server.url}/survei/kios/aktifkan/{kiosk.secret}/"
    card = page.locator("#kios")
    expect(card.locator(f"#kiosk-link-{kiosk.pk}")).to_have_text(link)
    expect(card.get_by_role("img", name="Kode QR tautan aktivasi")).to_be_visible()
    ARTIFACTS.mkdir(exist_ok=True)
    card.screenshot(path=ARTIFACTS / "setup-kiosk-desktop.png")
    card.get_by_role("button", name="Salin tautan").click()
    expect(card.get_by_role("button", name="Tersalin")).to_be_visible()
    assert page.evaluate("navigator.clipboard.readText()") == link
    page.set_viewport_size({"width": 390, "height": 844})
    card.screenshot(path=ARTIFACTS / "setup-kiosk-phone.png")
