"""Browser journey (Chromium): HR uploads SIASN's Export Data ASN as downloaded, maps the unknown UNORs
and a header once, confirms, creates the accounts of the imported employees from the import's page,
prints the letters of those without e-mail, and finds the employees in the list.

Screenshots of the dry run that asks for a mapping, the mapping screen, the dry run after it and the
import's page with its accounts land in ``tests/artifacts/`` (git-ignored), at desktop and phone widths.
"""

from __future__ import annotations

import re
import subprocess

import pytest
from playwright.sync_api import expect

from org.models import Employee, ExternalUnit, HeaderMapping
from tests.org.siasn import SAMPLE
from tests.test_browser import _log_in, _shot, browser_context_args, sized_page  # noqa: F401 (fixtures)

pytestmark = pytest.mark.usefixtures("import_media")


def test_hr_maps_a_siasn_file_once_and_imports_it(live_server, sized_page, unit, hr_user):  # noqa: F811
    page, size = sized_page
    before = list(Employee.objects.values_list("pk", flat=True))
    _log_in(page, live_server.url, "hr")
    page.goto(f"{live_server.url}/org/impor/")
    page.locator("[name=file]").set_input_files(SAMPLE)
    page.get_by_role("button", name="Periksa berkas (uji coba)").click()

    expect(page.get_by_test_id("import-mapping-needed")).to_contain_text("3 unit (UNOR) dan 1 judul kolom")
    expect(page.get_by_test_id("import-confirm")).to_have_count(0)
    _shot(page, "siasn-needs-mapping", size)
    page.get_by_test_id("import-map").click()

    dinkes = page.get_by_test_id(re.compile(r"^unor-")).filter(has_text="8ae482875c1b5e6e015c1f4b2c0a3d21")
    expect(dinkes.locator("[name$=-unit]")).to_have_value(str(unit.pk))
    puskesmas = page.get_by_test_id(re.compile(r"^unor-")).filter(has_text="UPT Puskesmas Sukamaju")
    expect(puskesmas.locator("[name$=-parent]")).to_have_value(str(unit.pk))
    puskesmas.locator("[name$=-code]").fill("PKM-SKM")
    puskesmas.locator("[name$=-kind]").select_option("PUSKESMAS")
    header = page.get_by_test_id("header-0")
    expect(header).to_contain_text("EMAIL KANTOR")
    header.locator("select").select_option("EMAIL")
    _shot(page, "siasn-mapping", size)
    page.get_by_test_id("mapping-save").click()

    expect(page.get_by_text("Pemetaan SIASN (BKN) disimpan")).to_be_visible()
    expect(page.get_by_test_id("import-ready")).to_be_visible()
    expect(page.get_by_test_id("import-summary")).to_contain_text("6")
    _shot(page, "siasn-dry-run", size)
    page.get_by_test_id("import-confirm").click()

    expect(page.get_by_test_id("import-applied")).to_be_visible()
    expect(page.get_by_test_id("import-without-count")).to_contain_text("pegawai belum punya akun")
    _shot(page, "siasn-import-accounts", size)
    page.on("dialog", lambda dialog: dialog.accept())
    page.get_by_test_id("import-account-create").click()
    expect(page.get_by_text(re.compile(r"\d+ akun dibuat: 2 menerima e-mail aktivasi"))).to_be_visible()
    imported = Employee.objects.exclude(pk__in=before)
    assert all(employee.user for employee in imported.filter(status=Employee.Status.AKTIF))
    assert not imported.get(name="Bambang Sutrisno").user  # retired: no account
    with page.expect_download() as download:
        page.get_by_test_id("import-account-letters").click()
    letters = subprocess.run(
        ["pdftotext", "-layout", str(download.value.path()), "-"], capture_output=True, check=True
    ).stdout.decode()
    assert "Hendra Gunawan" in letters and "Ratna Wulandari" not in letters  # Ratna gets an e-mail instead

    page.goto(f"{live_server.url}/org/pegawai/")
    for name in ("Ratna Wulandari", "Hendra Gunawan", "Sri Lestari", "Agus Setiawan"):
        expect(page.get_by_text(name).first).to_be_visible()
    assert Employee.objects.get(name="Sri Lestari").unit.code == "PKM-SKM"
    assert ExternalUnit.objects.count() == 3
    assert HeaderMapping.objects.get(header="EMAIL_KANTOR").column == "EMAIL"
