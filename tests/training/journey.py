"""Steps the training browser journeys share."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from tests.test_browser import _log_in

from .development_factories import PDF


def record_activity(page: Page, *, programme: str, title: str, starts_on: str, ends_on: str, jp: int, outcome=None):
    """The employee's form on their development page, filled and sent; ``outcome`` is an optional
    (competency label, achieved level) the certificate shows."""
    form = page.get_by_test_id("record-form")
    form.locator("[name=programme]").select_option(label=programme)
    form.locator("[name=form]").select_option(index=1)
    form.locator("[name=title]").fill(title)
    form.locator("[name=organiser]").fill("BPSDM Provinsi")
    form.locator("[name=starts_on]").fill(starts_on)
    form.locator("[name=ends_on]").fill(ends_on)
    form.locator("[name=jp]").fill(str(jp))
    form.locator("[name=certificate]").set_input_files(
        {"name": "sertifikat.pdf", "mimeType": "application/pdf", "buffer": PDF}
    )
    if outcome:
        form.locator("[name='outcome-0-competency']").select_option(label=outcome[0])
        form.locator("[name='outcome-0-achieved_level']").fill(str(outcome[1]))
    page.get_by_test_id("record-submit").click()
    expect(page.get_by_text("Kegiatan dicatat dan menunggu verifikasi atasan.")).to_be_visible()


def open_as(page: Page, base_url: str, username: str, path: str) -> None:
    """Log out whoever was in, log in as ``username`` and open ``path``."""
    page.context.clear_cookies()
    _log_in(page, base_url, username)
    page.goto(base_url + path)
