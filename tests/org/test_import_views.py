"""The HR import pages: upload, dry-run report, confirmation, templates, and who may open them."""

from __future__ import annotations

import io
import os
import time
from uuid import UUID

import pytest
from django.conf import settings
from django.urls import reverse
from openpyxl import load_workbook

from org.imports.columns import LAYOUTS
from org.models import Employee, ImportJob
from tests.factories import HrUserFactory
from tests.org.conftest import staff_nip

pytestmark = pytest.mark.usefixtures("import_media")

UPLOAD_URL = reverse("org:import-upload")
SOME_TOKEN = UUID("5b45d2ae-ea22-4674-a33a-65d129285b50")  # fixed: each test process collects the same ids
HR_ONLY = [
    ("get", UPLOAD_URL),
    ("get", reverse("org:import-template", args=["pegawai"])),
    ("get", reverse("org:export-download", args=["pegawai"])),
    ("get", reverse("org:import-preview", args=[SOME_TOKEN])),
    ("get", reverse("org:import-status", args=[SOME_TOKEN])),
    ("post", reverse("org:import-confirm", args=[SOME_TOKEN])),
]


def upload(client, path, kind: str = "pegawai"):
    with path.open("rb") as handle:
        return client.post(UPLOAD_URL, {"kind": kind, "file": handle})


def workbook_of(response):
    return load_workbook(io.BytesIO(b"".join(response.streaming_content)))


@pytest.mark.parametrize(("method", "url"), HR_ONLY)
def test_it_sends_anonymous_users_to_the_login_page(client, method, url):
    response = getattr(client, method)(url)

    assert response.status_code == 302
    assert response.url.startswith(reverse(settings.LOGIN_URL))


@pytest.mark.parametrize("persona", ["employee", "supervisor", "head", "outsider"])
@pytest.mark.parametrize(("method", "url"), HR_ONLY)
def test_it_refuses_everyone_but_hr(request, client, persona, method, url):
    client.force_login(request.getfixturevalue(persona).user)

    assert getattr(client, method)(url).status_code == 403


def test_it_shows_the_upload_form_with_templates_for_each_kind(client, hr_user):
    client.force_login(hr_user)

    content = client.get(UPLOAD_URL).content.decode()

    assert 'data-testid="import-form"' in content
    for kind in LAYOUTS:
        assert reverse("org:import-template", args=[kind]) in content


def test_it_shows_each_rows_errors_in_a_dry_run_without_a_confirm_button(client, hr_user, staff_rows, sheet_file):
    staff_rows[1][4] = "TIDAKADA"
    client.force_login(hr_user)

    response = upload(client, sheet_file(staff_rows))
    page = client.get(response.url)

    content = page.content.decode()
    assert 'data-testid="import-errors"' in content
    assert "Kode unit “TIDAKADA” tidak dikenal" in content
    assert 'data-testid="import-confirm"' not in content
    assert not Employee.objects.exists()


def test_it_imports_the_stored_file_after_confirmation(client, hr_user, staff_rows, sheet_file, import_media):
    client.force_login(hr_user)
    preview_url = upload(client, sheet_file(staff_rows)).url
    assert 'data-testid="import-confirm"' in client.get(preview_url).content.decode()
    confirm_url = reverse("org:import-confirm", args=[preview_url.rstrip("/").rsplit("/", 1)[1]])

    response = client.post(confirm_url, follow=True)

    assert response.redirect_chain[-1][0] == preview_url  # its page offers the accounts of its employees
    assert "3 baru" in response.content.decode()
    assert Employee.objects.count() == 3
    assert ImportJob.objects.get().status == ImportJob.Status.APPLIED
    kept = [path.name for path in (import_media / "imports").iterdir()]
    assert kept == [f"{ImportJob.objects.get().token}-laporan.xlsx"]  # the upload is gone, its report stays
    assert client.post(confirm_url, follow=True).redirect_chain[-1][0] == preview_url
    assert Employee.objects.count() == 3


def test_a_confirmation_of_a_file_with_errors_writes_nothing(client, hr_user, staff_rows, sheet_file):
    staff_rows[3][0] = "123"
    client.force_login(hr_user)
    preview_url = upload(client, sheet_file(staff_rows)).url

    response = client.post(preview_url + "konfirmasi/", follow=True)

    assert response.redirect_chain[-1][0] == preview_url
    assert "tidak ada data yang disimpan" in response.content.decode()
    assert not Employee.objects.exists()


def test_it_says_when_a_file_changes_nothing(client, hr_user, staff_rows, sheet_file):
    client.force_login(hr_user)
    path = sheet_file(staff_rows)
    client.post(upload(client, path).url + "konfirmasi/")

    content = client.get(upload(client, path).url).content.decode()

    assert 'data-testid="import-nothing"' in content
    assert 'data-testid="import-confirm"' not in content


def test_it_keeps_a_dry_run_to_the_user_who_uploaded_it(client, hr_user, staff_rows, sheet_file):
    client.force_login(hr_user)
    preview_url = upload(client, sheet_file(staff_rows)).url
    client.force_login(HrUserFactory(username="hr2"))

    assert client.get(preview_url).status_code == 404
    assert client.post(preview_url + "konfirmasi/").status_code == 404


def test_it_refuses_an_old_xls_file(client, hr_user, tmp_path):
    path = tmp_path / "lama.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0")
    client.force_login(hr_user)

    response = upload(client, path)

    assert response.status_code == 200
    assert "simpan sebagai .xlsx" in response.content.decode()


def test_it_deletes_uploads_abandoned_after_a_dry_run(client, hr_user, staff_rows, sheet_file, import_media):
    stale = import_media / "imports" / "lama.xlsx"
    stale.parent.mkdir(parents=True)
    stale.write_bytes(b"x")
    old = time.time() - (settings.ORG_IMPORT_KEEP_HOURS + 1) * 3600
    os.utime(stale, (old, old))
    client.force_login(hr_user)

    upload(client, sheet_file(staff_rows))

    assert not stale.exists()
    assert len(list(stale.parent.iterdir())) == 2  # the new upload and its report


@pytest.mark.parametrize("kind", list(LAYOUTS))
def test_it_offers_a_template_with_the_import_columns_and_a_guide(client, hr_user, kind):
    client.force_login(hr_user)

    workbook = workbook_of(client.get(reverse("org:import-template", args=[kind])))

    assert workbook.sheetnames == ["Data", "Petunjuk"]
    header = [cell.value for cell in next(workbook["Data"].iter_rows(max_row=1))]
    assert header == [column.header for column in LAYOUTS[kind].columns]
    assert workbook["Petunjuk"].max_row == len(header) + 1


def test_it_answers_404_for_an_unknown_kind(client, hr_user):
    client.force_login(hr_user)

    assert client.get(reverse("org:import-template", args=["gaji"])).status_code == 404
    assert client.get(reverse("org:export-download", args=["gaji"])).status_code == 404


def test_a_dry_run_lists_what_would_change(client, hr_user, employee, sheet_file):
    rows = [["NIP", "NAMA", "JENIS_KELAMIN", "KODE_UNIT", "JABATAN"]]
    rows += [[employee.nip, "Nama Baru", "L", "DINKES", "Pengelola Data"]]
    rows += [[staff_nip(9), "Orang Baru", "L", "DINKES", "Pengelola Data"]]
    client.force_login(hr_user)

    response = client.get(upload(client, sheet_file(rows)).url)

    changes = {(row.key, row.action.value, row.changed) for row in response.context["report"].changes}
    assert changes == {(employee.nip, "update", ("NAMA",)), (staff_nip(9), "create", ())}
    assert 'data-testid="import-ready"' in response.content.decode()
