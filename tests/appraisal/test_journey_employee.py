"""Browser journey (Chromium): an employee reports a realisation, an activity with a date, and evidence.

The page is in Indonesian, whose date format (15-05-2026) ``<input type="date">`` rejects: the activity
date must arrive pre-filled (issue point 13). Screenshots land in ``tests/artifacts/`` (git-ignored).
"""

from __future__ import annotations

from playwright.sync_api import expect

from tests.test_browser import _log_in, _shot, browser_context_args, sized_page  # noqa: F401 (fixtures)

from .factories import YEAR

PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def test_an_employee_reports_a_realisation_an_activity_and_evidence(live_server, sized_page, indicator):  # noqa: F811
    page, size = sized_page
    _log_in(page, live_server.url, "pegawai")
    page.goto(f"{live_server.url}/kinerja/skp/{indicator.work_result.plan_id}/")
    page.get_by_title("Progres").first.click()
    expect(page.get_by_role("heading", name=indicator.description)).to_be_visible()

    page.get_by_label("Realisasi s.d. titik pantau").fill("35")
    page.get_by_role("button", name="Simpan realisasi").click()
    expect(page.get_by_text("Realisasi disimpan.")).to_be_visible()

    date_input = page.locator("input[type=date][name=date]")
    expect(date_input).to_have_value(f"{YEAR}-05-15")  # pre-filled, in the only format the input takes
    date_input.fill(f"{YEAR}-05-12")
    page.get_by_label("Kegiatan").fill("Rapat koordinasi data kunjungan")
    page.get_by_role("button", name="Catat kegiatan").click()
    expect(page.get_by_text("Kegiatan dicatat.")).to_be_visible()
    expect(page.get_by_test_id("activities")).to_contain_text("12 Mei")

    page.get_by_label("Berkas bukti dukung").set_input_files(
        {"name": "notulen.pdf", "mimeType": "application/pdf", "buffer": PDF}
    )
    page.get_by_role("button", name="Unggah").click()
    expect(page.get_by_text("Bukti dukung diunggah.")).to_be_visible()
    expect(page.get_by_text("notulen.pdf")).to_be_visible()
    _shot(page, "journey-employee-progress", size)

    assert indicator.realisations.get().value == 35
    assert indicator.activities.get().date.isoformat() == f"{YEAR}-05-12"
    assert indicator.evidence.get().original_name == "notulen.pdf"
