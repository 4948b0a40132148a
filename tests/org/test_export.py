"""XLSX export: the employee list's filter, NIPs as text, and a round trip that changes nothing."""

from __future__ import annotations

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from org.imports.columns import LAYOUTS
from org.imports.services import import_file
from org.models import Employee
from tests.factories import EmployeeFactory, PositionFactory, UnitFactory, UserFactory


def export(client, kind: str, query: dict | None = None):
    response = client.get(reverse("org:export-download", args=[kind]), query or {})
    assert response["Content-Disposition"].startswith("attachment")
    return load_workbook(io.BytesIO(b"".join(response.streaming_content)))["Data"]


def rows_of(sheet) -> list[dict]:
    header, *rows = sheet.iter_rows(values_only=True)
    return [dict(zip(header, row, strict=True)) for row in rows]


@pytest.fixture
def organisation(head, supervisor, employee, outsider):
    """The personas plus what an export must carry: sub-units, a head position, titles, PPPK, e-mail."""
    section = UnitFactory(code="DINKES.1", name="Seksi Rujukan", kind="SEKSI", parent=employee.unit, is_active=False)
    PositionFactory(
        unit=employee.unit, name="Kepala Dinas Kesehatan", kind="STRUKTURAL", level="JPT_PRATAMA", is_unit_head=True
    )
    position = PositionFactory(unit=section, name="Perawat", kind="FUNGSIONAL", level="TERAMPIL")
    EmployeeFactory(
        nip="199001012021211001",
        name="Rina",
        front_title="Ns.",
        back_title="S.Kep.",
        employment_type="PPPK",
        rank="IX",
        status="CUTI",
        position=position,
        supervisor=supervisor,
        email="rina@contoh.go.id",
    )


def test_it_exports_only_the_employees_the_list_filter_shows(client, hr_user, employee, outsider):
    client.force_login(hr_user)

    rows = rows_of(export(client, "pegawai", {"q": "Pegawai"}))

    assert [row["NIP"] for row in rows] == [employee.nip]
    assert rows[0]["KODE_UNIT"] == "DINKES" and rows[0]["NIP_ATASAN"] == employee.supervisor.nip


def test_it_writes_nips_as_text_so_excel_keeps_every_digit(client, hr_user, employee):
    client.force_login(hr_user)

    sheet = export(client, "pegawai")

    assert {cell.data_type for cell in sheet["A"][1:]} == {"s"}


def test_the_employee_list_links_the_export_with_its_filter(client, hr_user, employee):
    client.force_login(hr_user)

    content = client.get(reverse("org:employee-list"), {"q": "Pegawai", "page": "1"}).content.decode()

    assert f'href="{reverse("org:export-download", args=["pegawai"])}?q=Pegawai"' in content
    assert reverse("org:import-upload") in content


@pytest.mark.usefixtures("organisation")
@pytest.mark.parametrize("kind", ["unit", "jabatan", "pegawai"])
def test_an_export_imports_back_without_any_change(client, hr_user, tmp_path, kind):
    client.force_login(hr_user)
    path = tmp_path / f"{kind}.xlsx"
    export(client, kind).parent.save(path)
    before = list(LAYOUTS[kind].model.objects.order_by("pk").values_list())

    report = import_file(kind=kind, path=path, acting_user=hr_user, dry_run=False)

    assert not report.issues
    assert report.changed == 0 and sum(count.unchanged for count in report.counts) >= len(before)
    assert list(LAYOUTS[kind].model.objects.order_by("pk").values_list()) == before


@pytest.mark.usefixtures("organisation")
def test_an_edited_export_updates_only_the_edited_row(client, hr_user, tmp_path):
    client.force_login(hr_user)
    sheet = export(client, "pegawai")
    rina_row = next(row for row in sheet.iter_rows(min_row=2) if row[0].value == "199001012021211001")
    rina_row[7].value = "AKTIF"
    path = tmp_path / "pegawai.xlsx"
    sheet.parent.save(path)

    report = import_file(kind="pegawai", path=path, acting_user=hr_user, dry_run=False)

    assert [(c.created, c.updated) for c in report.counts] == [(0, 1), (0, 0)]
    assert Employee.objects.get(name="Rina").status == "AKTIF"


def test_the_admin_exports_the_selected_employees(client, employee, outsider):
    client.force_login(UserFactory(username="super", is_staff=True, is_superuser=True))

    response = client.post(
        reverse("admin:org_employee_changelist"), {"action": "export_xlsx", "_selected_action": [employee.pk]}
    )

    rows = rows_of(load_workbook(io.BytesIO(response.content))["Data"])
    assert [row["NIP"] for row in rows] == [employee.nip]
