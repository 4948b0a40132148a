"""SKP record for SIASN (codes, read back by the importer), plans and evaluations as XLSX."""

from __future__ import annotations

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from appraisal.exchange.siasn import PREDIKAT_CODES, RATING_CODES
from appraisal.models import Evaluation
from appraisal.predikat import MATRIX, Predikat
from org.imports.report import Action
from org.imports.services import import_file
from tests.api.factories import annual_result
from tests.factories import EmployeeFactory

from .factories import IndicatorFactory, PlanFactory, WorkResultFactory

pytestmark = pytest.mark.django_db

HEADERS = ["NIP", "NAMA", "TAHUN", "HASIL_KERJA", "PERILAKU_KERJA", "KUADRAN"]


def _rows(content: bytes) -> list[tuple]:
    sheet = load_workbook(io.BytesIO(content), read_only=True)["Data"]
    return list(sheet.iter_rows(values_only=True))


def _export(client, hr_user, year: int) -> bytes:
    client.force_login(hr_user)
    response = client.get(reverse("appraisal:skp-record-export"), {"tahun": year})
    assert response.status_code == 200
    return b"".join(response.streaming_content)


def test_the_codes_are_siasns_for_ratings_and_best_to_worst_for_the_kuadran():
    assert RATING_CODES == {"DI_ATAS_EKSPEKTASI": 1, "SESUAI_EKSPEKTASI": 2, "DI_BAWAH_EKSPEKTASI": 3}
    assert [PREDIKAT_CODES[p] for p in Predikat.values] == [1, 2, 3, 4, 5]
    assert PREDIKAT_CODES[Predikat.SANGAT_BAIK] == 1 and PREDIKAT_CODES[Predikat.SANGAT_KURANG] == 5


def test_it_exports_one_row_per_released_annual_result_with_the_codes(client, hr_user):
    ani = EmployeeFactory(name="Ani")
    budi = EmployeeFactory(name="Budi")
    annual_result(ani, year=2025, work="DI_ATAS_EKSPEKTASI", behaviour="DI_ATAS_EKSPEKTASI")
    annual_result(budi, year=2025, work="DI_BAWAH_EKSPEKTASI", behaviour="SESUAI_EKSPEKTASI")
    annual_result(EmployeeFactory(name="Cici"), year=2025, status=Evaluation.Status.RATING)
    annual_result(ani, year=2024)

    rows = _rows(_export(client, hr_user, 2025))

    assert rows[0] == tuple(HEADERS)
    assert rows[1:] == [(ani.nip, "Ani", 2025, 1, 1, 1), (budi.nip, "Budi", 2025, 3, 2, 3)]


def test_every_cell_of_the_matrix_round_trips_through_the_importer_unchanged(client, hr_user, sheet_file, tmp_path):
    for work, behaviour in MATRIX:
        annual_result(EmployeeFactory(), year=2025, work=work, behaviour=behaviour)
    path = tmp_path / "skp.xlsx"
    path.write_bytes(_export(client, hr_user, 2025))

    report = import_file(kind="skp_siasn", path=path, acting_user=hr_user, dry_run=True)

    assert not report.errors
    assert [row.action for row in report.rows] == [Action.UNCHANGED] * 9
    assert (report.counts[0].created, report.counts[0].updated, report.counts[0].unchanged) == (0, 0, 9)
    applied = import_file(kind="skp_siasn", path=path, acting_user=hr_user, dry_run=False)
    assert applied.applied and applied.changed == 0


def test_it_reads_siasns_own_spelling_of_the_file(hr_user, sheet_file):
    ani = EmployeeFactory()
    annual_result(ani, year=2025, work="DI_ATAS_EKSPEKTASI", behaviour="SESUAI_EKSPEKTASI")
    rows = [["NIP BARU", "TAHUN", "Rating Hasil Kerja", "Rating Perilaku Kerja", "Kuadran Kinerja"]]
    rows.append([f"'{ani.nip}", "2025", "1", "2", "2"])

    report = import_file(kind="skp_siasn", path=sheet_file(rows, ext="csv"), acting_user=hr_user, dry_run=True)

    assert not report.errors
    assert [row.action for row in report.rows] == [Action.UNCHANGED]


def test_a_row_that_differs_from_kinerja_is_an_error_and_nothing_changes(hr_user, sheet_file):
    ani = EmployeeFactory()
    result = annual_result(ani, year=2025)
    rows = [HEADERS, [ani.nip, "Ani", 2025, 1, 2, 2]]

    report = import_file(kind="skp_siasn", path=sheet_file(rows), acting_user=hr_user, dry_run=False)

    assert not report.applied
    messages = {(issue.row, issue.column): issue.message for issue in report.errors}
    assert "Di Atas Ekspektasi" in messages[(2, "HASIL_KERJA")]
    assert "Sesuai Ekspektasi" in messages[(2, "HASIL_KERJA")]
    result.refresh_from_db()
    assert result.work_rating == "SESUAI_EKSPEKTASI"


@pytest.mark.parametrize(
    ("cells", "column", "fragment"),
    [
        ([2025, 4, 2, 2], "HASIL_KERJA", "Kode rating"),
        ([2025, "x", 2, 2], "HASIL_KERJA", "Kode rating"),
        ([2025, 2, 2, 9], "KUADRAN", "Kode kuadran"),
        (["20x5", 2, 2, 2], "TAHUN", "Tahun"),
        ([2025, 2, 2, 1], "KUADRAN", "matriks"),
        ([2024, 2, 2, 2], "NIP", "tidak punya hasil"),
    ],
)
def test_it_reports_bad_rows_in_indonesian(hr_user, sheet_file, cells, column, fragment):
    ani = EmployeeFactory()
    annual_result(ani, year=2025)
    report = import_file(
        kind="skp_siasn", path=sheet_file([HEADERS, [ani.nip, "Ani", *cells]]), acting_user=hr_user, dry_run=True
    )
    assert any(issue.column == column and fragment in issue.message for issue in report.errors), report.errors


def test_the_plans_workbook_has_one_row_per_indicator_and_no_formulas(client, hr_user):
    plan = PlanFactory(employee=EmployeeFactory(name='=HYPERLINK("x")'))
    result = WorkResultFactory(plan=plan, text="+SUM(A1)")
    IndicatorFactory(work_result=result, description="Dokumen terbit")
    IndicatorFactory(work_result=result, description="Waktu layanan")
    client.force_login(hr_user)

    response = client.get(reverse("appraisal:plan-export"), {"tahun": plan.period.year})

    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    sheet = workbook.worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    assert len(rows) == 3
    assert [row[7] for row in rows[1:]] == ["Dokumen terbit", "Waktu layanan"]
    assert rows[1][0] == plan.employee.nip and rows[1][6] == "+SUM(A1)"
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)


def test_the_evaluations_workbook_lists_each_evaluation_with_labels(client, hr_user):
    result = annual_result(
        EmployeeFactory(name="Ani"), year=2025, work="DI_ATAS_EKSPEKTASI", behaviour="DI_ATAS_EKSPEKTASI"
    )
    client.force_login(hr_user)

    response = client.get(reverse("appraisal:evaluation-export"), {"tahun": 2025})

    rows = list(
        load_workbook(io.BytesIO(b"".join(response.streaming_content))).worksheets[0].iter_rows(values_only=True)
    )
    assert rows[1][:2] == (result.plan.employee.nip, "Ani")
    assert rows[1][-3:] == ("Di Atas Ekspektasi", "Di Atas Ekspektasi", "Sangat Baik")


@pytest.mark.parametrize("params", [{}, {"tahun": "abc"}, {"tahun": "1990"}])
def test_an_export_of_a_missing_or_bad_year_is_400_or_404(client, hr_user, params):
    client.force_login(hr_user)
    response = client.get(reverse("appraisal:skp-record-export"), params)
    assert response.status_code in {400, 404}


def test_the_exchange_page_lists_the_years_and_takes_a_file_back(client, hr_user, sheet_file, import_media):
    ani = EmployeeFactory()
    annual_result(ani, year=2025)
    client.force_login(hr_user)
    page = client.get(reverse("appraisal:exchange"))
    assert page.status_code == 200 and b'data-testid="exchange-2025"' in page.content

    with sheet_file([HEADERS, [ani.nip, "Ani", 2025, 2, 2, 2]]).open("rb") as upload:
        response = client.post(reverse("appraisal:exchange"), {"kind": "skp_siasn", "file": upload})

    assert response.status_code == 302
    preview = client.get(response["Location"])
    assert preview.status_code == 200
