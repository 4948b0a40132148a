"""HR's training pages: imports through org's dry-run pages, the standards export, the catalogue editor."""

from __future__ import annotations

import io
from datetime import date

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from org.imports.services import import_file
from org.models import ImportJob
from tests.factories import PositionFactory, UnitFactory
from tests.training.factories import BatchFactory, PositionStandardFactory, ProgrammeCompetencyFactory, form
from training.models import Competency, PositionStandard, Programme

pytestmark = pytest.mark.usefixtures("import_media")

STANDARD_HEADERS = ["KODE_UNIT", "JABATAN", "KODE_KOMPETENSI", "LEVEL", "KEKRITISAN"]


def workbook_rows(response) -> list[tuple]:
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content)))["Data"]
    return list(sheet.iter_rows(values_only=True))


@pytest.fixture
def hr_client(client, hr_user):
    client.force_login(hr_user)
    return client


@pytest.fixture
def position(db):
    return PositionFactory(unit=UnitFactory(code="DUKCAPIL"), name="Pengadministrasi", level="PELAKSANA")


def test_it_runs_a_standards_import_through_the_dry_run_and_confirmation(hr_client, sheet_file, position):
    path = sheet_file([STANDARD_HEADERS, ["DUKCAPIL", "Pengadministrasi", "M.03", 3, 1]])
    with path.open("rb") as handle:
        response = hr_client.post(reverse("training:import-upload"), {"kind": "standar", "file": handle})
    job = ImportJob.objects.get()
    assert response.url == reverse("org:import-preview", args=[job.token])

    preview = hr_client.get(response.url).content.decode()
    assert 'data-testid="import-ready"' in preview
    assert f"{reverse('training:import-upload')}?jenis=standar" in preview
    assert not PositionStandard.objects.exists()

    confirmed = hr_client.post(reverse("org:import-confirm", args=[job.token]))
    assert confirmed.url == reverse("training:standard-list")
    assert PositionStandard.objects.get().required_level == 3


def test_it_refuses_a_file_that_is_not_a_spreadsheet(hr_client, tmp_path):
    path = tmp_path / "standar.pdf"
    path.write_bytes(b"%PDF-1.4")
    with path.open("rb") as handle:
        response = hr_client.post(reverse("training:import-upload"), {"kind": "standar", "file": handle})
    assert response.status_code == 200
    assert "Unggah berkas .xlsx atau .csv" in response.content.decode()
    assert not ImportJob.objects.exists()


def test_it_exports_the_standards_in_a_layout_that_imports_back_unchanged(hr_client, position, sheet_file, hr_user):
    PositionStandardFactory(position=position, competency=Competency.objects.get(code="M.05"), criticality=2)
    rows = workbook_rows(hr_client.get(reverse("training:standard-export")))

    assert rows == [
        ("KODE_UNIT", "NAMA_UNIT", "JABATAN", "KODE_KOMPETENSI", "NAMA_KOMPETENSI", "LEVEL", "KEKRITISAN"),
        ("DUKCAPIL", position.unit.name, "Pengadministrasi", "M.05", "Pelayanan Publik", 3, 2),
    ]
    report = import_file(kind="standar", path=sheet_file(rows), acting_user=hr_user, dry_run=False)
    assert not report.errors and report.changed == 0


@pytest.mark.parametrize("kind", ["kompetensi", "standar"])
def test_it_serves_a_template_with_the_import_headers(hr_client, kind):
    rows = workbook_rows(hr_client.get(reverse("training:import-template", args=[kind])))
    assert rows[0][0] == ("KODE" if kind == "kompetensi" else "KODE_UNIT")


def test_it_answers_404_for_an_unknown_template(hr_client):
    assert hr_client.get(reverse("training:import-template", args=["pegawai"])).status_code == 404


def test_it_lists_the_dictionary_and_the_defaults_by_level(hr_client):
    competencies = hr_client.get(reverse("training:competency-list"), {"kind": "MANAGERIAL"}).content.decode()
    assert "Pengambilan Keputusan" in competencies and "Perekat Bangsa" not in competencies

    standards = hr_client.get(reverse("training:standard-list")).content.decode()
    assert 'data-testid="default-standard-table"' in standards and "JPT Pratama" in standards


def test_it_lists_the_catalogue_filtered_by_form(hr_client):
    target = ProgrammeCompetencyFactory(programme__title="Pelayanan Prima", programme__form=form("pelatihan-klasikal"))
    BatchFactory(programme=target.programme)
    ProgrammeCompetencyFactory(programme__title="Komunikasi Efektif", programme__form=form("e-learning"))

    content = hr_client.get(reverse("training:programme-list"), {"form": form("pelatihan-klasikal").pk}).content
    assert "Pelayanan Prima" in content.decode() and "Komunikasi Efektif" not in content.decode()
    assert "30 kursi" in content.decode()


def programme_post(**overrides) -> dict[str, object]:
    data = {
        "code": "P1",
        "title": "Pelayanan Prima",
        "form": form().pk,
        "provider": "BPSDM",
        "jp": 24,
        "cost": "",
        "description": "",
        "is_active": "on",
        "target-TOTAL_FORMS": 2,
        "target-INITIAL_FORMS": 0,
        "target-0-competency": Competency.objects.get(code="M.05").pk,
        "target-0-target_level": 3,
        "target-1-competency": Competency.objects.get(code="M.03").pk,
        "target-1-target_level": 3,
        "batch-TOTAL_FORMS": 1,
        "batch-INITIAL_FORMS": 0,
        "batch-0-starts_on": "2026-05-04",
        "batch-0-ends_on": "2026-05-08",
        "batch-0-capacity": 30,
        "batch-0-place": "Aula BPSDM",
    }
    return {**data, **overrides}


def test_it_creates_a_programme_with_its_competencies_and_batch(hr_client):
    response = hr_client.post(reverse("training:programme-create"), programme_post())

    assert response.url == reverse("training:programme-list")
    programme = Programme.objects.get(code="P1")
    assert sorted(programme.competencies.values_list("code", flat=True)) == ["M.03", "M.05"]
    assert programme.batches.get().ends_on == date(2026, 5, 8)


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"jp": 0}, "lebih besar dari atau sama dengan 1"),
        ({"batch-0-ends_on": "2026-05-01"}, "Tanggal selesai tidak boleh sebelum tanggal mulai."),
        ({"target-1-competency": ""} | {"target-0-competency": ""}, "Sebutkan setidaknya satu kompetensi"),
        ({"target-1-competency": None}, "Setiap kompetensi cukup disebut sekali."),
        ({"target-0-target_level": 6}, "lebih kecil dari atau sama dengan 5"),
    ],
)
def test_it_refuses_an_invalid_programme_and_saves_nothing(hr_client, overrides, message):
    data = programme_post(**overrides)
    if data["target-1-competency"] is None:
        data["target-1-competency"] = data["target-0-competency"]

    response = hr_client.post(reverse("training:programme-create"), data)

    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Programme.objects.exists()


def test_it_edits_a_programme_and_removes_a_batch(hr_client):
    hr_client.post(reverse("training:programme-create"), programme_post())
    programme = Programme.objects.get()
    target_ids = list(programme.targets.order_by("pk").values_list("pk", flat=True))
    batch = programme.batches.get()
    data = programme_post(
        jp=32,
        **{
            "target-INITIAL_FORMS": 2,
            "target-0-id": target_ids[0],
            "target-1-id": target_ids[1],
            "batch-INITIAL_FORMS": 1,
            "batch-0-id": batch.pk,
            "batch-0-DELETE": "on",
        },
    )

    response = hr_client.post(reverse("training:programme-edit", args=[programme.pk]), data)

    assert response.url == reverse("training:programme-list")
    programme.refresh_from_db()
    assert programme.jp == 32 and not programme.batches.exists()
