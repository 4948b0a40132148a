"""Browser journey (Chromium): a unit head nominates a top performer, HR approves and the certificate
downloads; a supervisor writes a coaching plan for someone on the list, and the employee reads it.

Screenshots of the lists page land in ``tests/artifacts/`` (git-ignored) at desktop and phone widths.
"""

from __future__ import annotations

from playwright.sync_api import expect

from leaders.models import CoachingPlan, Nomination
from tests.test_browser import _log_in, _shot, browser_context_args, sized_page  # noqa: F401 (fixtures)
from tests.training.journey import open_as


def test_a_top_performer_is_nominated_approved_and_certified(live_server, sized_page, dataset, hr_user):  # noqa: F811
    page, size = sized_page
    andi = dataset.people["andi"]
    _log_in(page, live_server.url, "kepala")
    page.goto(f"{live_server.url}/pimpinan/pengakuan/")
    top = page.get_by_test_id(f"top-{andi.pk}")
    expect(top).to_contain_text("peringkat 1 dari 11 pegawai berpredikat Sangat Baik atau Baik")
    _shot(page, "leaders-recognition-top", size)
    top.get_by_test_id(f"nominate-{andi.pk}").click()
    form = page.get_by_test_id("nomination-form")
    form.get_by_label("Nama penghargaan").fill("Pegawai Teladan Triwulan II")
    form.get_by_label("Alasan pengusulan").fill("Capaian tertinggi dan pelayanan tanpa keluhan.")
    page.get_by_test_id("nomination-submit").click()
    expect(page.get_by_text("Usulan penghargaan dikirim ke BKPSDM.")).to_be_visible()
    nomination = Nomination.objects.get()

    open_as(page, live_server.url, "hr", "/pimpinan/penghargaan/")
    page.get_by_test_id("nomination-list").get_by_text("Pegawai Teladan Triwulan II").click()
    page.get_by_test_id("approve").click()
    expect(page.get_by_text("Usulan penghargaan disetujui; piagam dapat diunduh.")).to_be_visible()
    expect(page.get_by_test_id("nomination-status")).to_have_text("Disetujui")
    certificate = page.request.get(live_server.url + page.get_by_test_id("certificate").get_attribute("href"))
    assert certificate.status == 200
    assert certificate.headers["content-type"] == "application/pdf"
    assert certificate.body().startswith(b"%PDF")
    nomination.refresh_from_db()
    assert nomination.status == Nomination.Status.APPROVED


def test_a_supervisor_writes_a_coaching_plan_the_employee_reads(live_server, sized_page, dataset, hr_user):  # noqa: F811
    page, size = sized_page
    gita = dataset.people["gita"]
    _log_in(page, live_server.url, "hr")
    page.goto(f"{live_server.url}/pimpinan/pengakuan/?daftar=pembinaan")
    expect(page.get_by_test_id(f"coaching-{gita.pk}")).to_contain_text("R (capaian hasil kerja) 69,99, di bawah 70,00")
    _shot(page, "leaders-recognition-coaching", size)

    open_as(page, live_server.url, "atasan", "/pimpinan/pembinaan/tim/")
    page.get_by_test_id(f"plan-{gita.pk}").click()
    form = page.get_by_test_id("plan-form")
    form.get_by_label("Tujuan pembinaan").fill("Capaian indikator kembali ke target.")
    form.get_by_label("Tindakan yang disepakati").fill("Dialog kinerja tiap dua minggu.")
    form.get_by_label("Tanggal tindak lanjut").fill("2026-06-12")
    page.get_by_test_id("plan-submit").click()
    expect(page.get_by_text("Rencana pembinaan disimpan.")).to_be_visible()
    expect(page.get_by_test_id("plan")).to_contain_text("Dialog kinerja tiap dua minggu.")
    expect(page.get_by_test_id("plan-status")).to_contain_text("Tindak lanjut 12 Jun 2026")
    plan = CoachingPlan.objects.get()
    assert (plan.employee, plan.coach, plan.created_by.username) == (gita, gita.supervisor, "atasan")
