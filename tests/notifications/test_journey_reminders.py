"""Browser journey (Chromium): HR makes the JP reminder weekly at 09:00 after a wrong hour is refused;
an employee switches their reminders to the weekly digest.

Screenshots of the schedule page (after the refusal and after saving) and of the settings page land in
``tests/artifacts/`` (git-ignored), at desktop (1280) and phone (390) widths.
"""

from __future__ import annotations

from playwright.sync_api import expect

from notifications.models import ReminderPreference, ReminderSchedule
from tests.test_browser import _log_in, _shot, browser_context_args, sized_page  # noqa: F401 (fixtures)


def test_hr_edits_the_schedule_and_an_employee_chooses_the_digest(live_server, sized_page, hr_user, employee):  # noqa: F811
    page, size = sized_page
    _log_in(page, live_server.url, "hr")
    page.goto(f"{live_server.url}/notifikasi/pengingat/")
    jp = page.get_by_test_id("schedule-jp_below_minimum")
    expect(jp).to_contain_text("JP di bawah 20 setahun")
    jp.locator("[name='jp_below_minimum-hour']").fill("25")
    page.get_by_role("button", name="Simpan jadwal").click()
    expect(page.get_by_text("Jadwal belum disimpan: periksa isian yang ditandai.")).to_be_visible()
    expect(jp).to_contain_text("Jam kirim harus bilangan bulat 0 sampai 23 (WIB).")
    _shot(page, "reminder-schedule-refused", size)
    assert not ReminderSchedule.objects.exists()

    jp.locator("[name='jp_below_minimum-hour']").fill("9")
    jp.get_by_label("Mingguan (Senin)").check()
    page.get_by_role("button", name="Simpan jadwal").click()
    expect(page.get_by_text("Jadwal pengingat disimpan.")).to_be_visible()
    expect(page.get_by_test_id("schedule-jp_below_minimum").locator("[name='jp_below_minimum-hour']")).to_have_value(
        "9"
    )
    _shot(page, "reminder-schedule", size)
    saved = ReminderSchedule.objects.get(kind="jp_below_minimum")
    assert (saved.hour, saved.interval) == (9, "WEEKLY")

    page.context.clear_cookies()
    _log_in(page, live_server.url, "pegawai")
    page.goto(f"{live_server.url}/notifikasi/")
    page.get_by_test_id("preference-link").click()
    page.get_by_label("Ringkasan mingguan, satu e-mail setiap Senin").check()
    page.get_by_role("button", name="Simpan").click()
    expect(page.get_by_text("Pengaturan notifikasi disimpan.")).to_be_visible()
    expect(page.get_by_label("Ringkasan mingguan, satu e-mail setiap Senin")).to_be_checked()
    _shot(page, "notification-settings", size)
    assert ReminderPreference.objects.get(user=employee.user).delivery == "WEEKLY"
