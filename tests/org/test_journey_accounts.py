"""Browser journey (Chromium): HR creates the accounts of a unit and prints the activation letters; an
employee without e-mail activates with the code from the letter and lands on the home page.

Screenshots of the accounts page, the activation page and the first letter (the PDF rendered to PNG)
land in ``tests/artifacts/`` (git-ignored), at desktop and phone widths.
"""

from __future__ import annotations

import re
import subprocess

from playwright.sync_api import expect

from org.models import Employee
from tests.factories import EmployeeFactory
from tests.test_browser import ARTIFACTS, _log_in, _shot, browser_context_args, sized_page  # noqa: F401 (fixtures)

CODE = re.compile(r"\b[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}\b")
NEW_PASSWORD = "Lumbung-padi-2026"


def test_hr_prints_letters_and_an_employee_activates_with_the_code(live_server, sized_page, hr_user, unit):  # noqa: F811
    page, size = sized_page
    EmployeeFactory(unit=unit, name="Sri Wahyuni", email="")
    EmployeeFactory(unit=unit, name="Bambang", email="bambang@contoh.go.id")
    page.on("dialog", lambda dialog: dialog.accept())

    _log_in(page, live_server.url, "hr")
    page.goto(f"{live_server.url}/org/pegawai/")
    page.get_by_test_id("employee-accounts").click()
    page.get_by_label("Unit kerja").select_option(label=unit.name)
    page.get_by_role("button", name="Tampilkan").click()
    expect(page.get_by_test_id("without-count")).to_contain_text("2 pegawai aktif")
    page.get_by_role("button", name="Buat akun").click()
    expect(page.get_by_text("2 akun dibuat: 1 menerima e-mail aktivasi, 1 perlu surat aktivasi")).to_be_visible()
    expect(page.get_by_test_id("pending-table")).to_contain_text("Sri Wahyuni")
    _shot(page, "accounts-unit", size)
    with page.expect_download() as download:
        page.get_by_role("button", name="Cetak surat aktivasi (PDF)").click()
    pdf = download.value.path()
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, check=True).stdout.decode()
    assert "Sri Wahyuni" in text and "Bambang" not in text  # Bambang gets an e-mail instead
    (code,) = CODE.findall(text)
    ARTIFACTS.mkdir(exist_ok=True)
    letter = ARTIFACTS / f"activation-letter-{size}"
    subprocess.run(["pdftoppm", "-png", "-r", "70", "-singlefile", str(pdf), str(letter)], check=True)

    page.context.clear_cookies()
    page.goto(f"{live_server.url}/akun/aktivasi/")
    page.locator("#id_code").fill(code.lower())
    page.locator("#id_new_password1").fill(NEW_PASSWORD)
    page.locator("#id_new_password2").fill(NEW_PASSWORD)
    _shot(page, "activation", size)
    page.get_by_role("button", name="Aktifkan dan masuk").click()

    expect(page.get_by_text("Akun Anda aktif. Selamat datang di Kinerja.")).to_be_visible()
    expect(page).to_have_url(f"{live_server.url}/")
    assert Employee.objects.get(name="Sri Wahyuni").user.check_password(NEW_PASSWORD)
