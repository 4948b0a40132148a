"""The mapping screen of a SIASN file: proposals shown, choices kept, bad choices refused, owner only."""

from __future__ import annotations

import pytest
from django.urls import reverse

from org.imports.sources import proposed_code
from org.models import Employee, ExternalUnit, HeaderMapping, ImportJob, Unit
from tests.factories import HrUserFactory
from tests.org.siasn import SAMPLE, UNOR_BIDANG, UNOR_DINKES, UNOR_PUSKESMAS, map_sample

pytestmark = pytest.mark.usefixtures("import_media")

UPLOAD_URL = reverse("org:import-upload")


def upload_sample(client) -> ImportJob:
    with SAMPLE.open("rb") as handle:
        response = client.post(UPLOAD_URL, {"kind": "pegawai", "file": handle})
    return ImportJob.objects.get(token=response.url.rstrip("/").split("/")[-1])


def mapping_url(job: ImportJob) -> str:
    return reverse("org:import-mapping", args=[job.token])


def mapping_post(job: ImportJob, **changes) -> dict[str, object]:
    """The form as the screen proposes it (the order of the stored report), with ``changes`` applied."""
    units, headers = job.report["mappings"]["units"], job.report["mappings"]["headers"]
    data: dict[str, object] = {
        "unor-TOTAL_FORMS": len(units),
        "unor-INITIAL_FORMS": len(units),
        "kolom-TOTAL_FORMS": len(headers),
        "kolom-INITIAL_FORMS": len(headers),
    }
    for index, item in enumerate(units):
        for field in ("unit", "name", "code", "kind", "parent"):
            value = item["name"] if field == "name" else item[field]
            data[f"unor-{index}-{field}"] = "" if value is None else value
    for index, _item in enumerate(headers):
        data[f"kolom-{index}-column"] = "EMAIL"
    data.update(changes)
    return data


def unit_index(job: ImportJob, external_id: str) -> int:
    return [item["external_id"] for item in job.report["mappings"]["units"]].index(external_id)


def test_the_dry_run_page_sends_hr_to_the_mapping_screen(client, hr_user, unit):
    client.force_login(hr_user)
    job = upload_sample(client)

    preview = client.get(reverse("org:import-preview", args=[job.token])).content.decode()

    assert 'data-testid="import-mapping-needed"' in preview
    assert mapping_url(job) in preview
    assert 'data-testid="import-confirm"' not in preview


def test_the_mapping_screen_shows_each_unor_with_its_proposal(client, hr_user, unit):
    client.force_login(hr_user)
    job = upload_sample(client)

    content = client.get(mapping_url(job)).content.decode()

    for external_id in (UNOR_DINKES, UNOR_BIDANG, UNOR_PUSKESMAS):
        assert external_id in content
    assert "EMAIL KANTOR" in content
    assert f'value="{proposed_code(UNOR_BIDANG)}"' in content
    assert f'<option value="{unit.pk}" selected>' in content


def test_saving_the_mapping_keeps_it_creates_new_units_and_runs_the_dry_run_again(client, hr_user, unit):
    client.force_login(hr_user)
    job = upload_sample(client)
    puskesmas = unit_index(job, UNOR_PUSKESMAS)
    changes = {f"unor-{puskesmas}-code": "PKM-SKM", f"unor-{puskesmas}-kind": "PUSKESMAS"}

    response = client.post(mapping_url(job), mapping_post(job, **changes))

    assert response.status_code == 302 and response.url == reverse("org:import-preview", args=[job.token])
    job.refresh_from_db()
    assert job.status == ImportJob.Status.CHECKED and job.report["mappings"] is None
    assert job.report["error_count"] == 0 and job.report["counts"][0]["created"] == 6
    created = Unit.objects.get(code="PKM-SKM")
    assert (created.name, created.kind, created.parent) == ("UPT Puskesmas Sukamaju", "PUSKESMAS", unit)
    assert ExternalUnit.objects.get(external_id=UNOR_DINKES).unit == unit
    assert HeaderMapping.objects.get(header="EMAIL_KANTOR").column == "EMAIL"
    assert not Employee.objects.exists()

    client.post(reverse("org:import-confirm", args=[job.token]))
    assert Employee.objects.filter(unit=created).count() == 2


def test_a_new_unit_without_code_or_with_a_taken_code_is_refused_and_nothing_is_kept(client, hr_user, unit):
    client.force_login(hr_user)
    job = upload_sample(client)
    bidang, puskesmas = unit_index(job, UNOR_BIDANG), unit_index(job, UNOR_PUSKESMAS)
    changes = {f"unor-{bidang}-code": "", f"unor-{puskesmas}-code": "DINKES"}

    content = client.post(mapping_url(job), mapping_post(job, **changes)).content.decode()

    assert "Untuk unit baru, isi nama, kode dan jenis unit." in content
    assert not ExternalUnit.objects.exists() and not HeaderMapping.objects.exists()
    assert Unit.objects.count() == 1

    changes = {f"unor-{puskesmas}-code": "DINKES"}
    content = client.post(mapping_url(job), mapping_post(job, **changes)).content.decode()
    assert "Kode unit “DINKES” sudah dipakai" in content
    assert Unit.objects.count() == 1


def test_a_header_mapped_to_a_column_the_file_already_fills_is_refused(client, hr_user, unit):
    client.force_login(hr_user)
    job = upload_sample(client)

    content = client.post(mapping_url(job), mapping_post(job, **{"kolom-0-column": "NAMA"})).content.decode()

    assert "Kolom NAMA sudah diisi oleh kolom “NAMA” di berkas." in content
    assert not HeaderMapping.objects.exists()


def test_the_number_of_forms_comes_from_the_stored_report_not_the_browser(client, hr_user, unit):
    client.force_login(hr_user)
    job = upload_sample(client)

    response = client.post(mapping_url(job), mapping_post(job, **{"unor-TOTAL_FORMS": 1, "kolom-TOTAL_FORMS": 0}))

    assert response.status_code == 302
    assert ExternalUnit.objects.count() == 3 and HeaderMapping.objects.count() == 1


def test_a_unit_choice_that_is_not_a_unit_is_refused(client, hr_user, unit):
    client.force_login(hr_user)
    job = upload_sample(client)
    dinkes = unit_index(job, UNOR_DINKES)

    response = client.post(mapping_url(job), mapping_post(job, **{f"unor-{dinkes}-unit": 999999}))

    assert response.status_code == 200 and "999999" in response.content.decode()
    assert not ExternalUnit.objects.exists()


def test_a_job_with_nothing_to_map_goes_back_to_its_dry_run(client, hr_user, unit):
    map_sample(hr_user, dinkes=unit)
    client.force_login(hr_user)
    job = upload_sample(client)

    response = client.get(mapping_url(job))

    assert response.status_code == 302 and response.url == reverse("org:import-preview", args=[job.token])


def test_another_hr_users_mapping_screen_is_a_404(client, hr_user, unit):
    client.force_login(hr_user)
    job = upload_sample(client)
    client.force_login(HrUserFactory(username="hr2"))

    assert client.get(mapping_url(job)).status_code == 404
    assert client.post(mapping_url(job), mapping_post(job)).status_code == 404
    assert not ExternalUnit.objects.exists()


@pytest.mark.parametrize("persona", ["employee", "supervisor", "head", "outsider"])
def test_the_mapping_screen_refuses_everyone_but_hr(request, client, hr_user, unit, persona):
    client.force_login(hr_user)
    job = upload_sample(client)
    client.force_login(request.getfixturevalue(persona).user)

    assert client.get(mapping_url(job)).status_code == 403
    assert client.post(mapping_url(job), mapping_post(job)).status_code == 403
    assert not ExternalUnit.objects.exists()


def test_a_unor_mapped_meanwhile_by_someone_else_refuses_the_whole_save(client, hr_user, unit):
    client.force_login(hr_user)
    job = upload_sample(client)
    map_sample(HrUserFactory(username="hr2"), dinkes=unit)
    units_before = Unit.objects.count()

    content = client.post(mapping_url(job), mapping_post(job)).content.decode()

    assert 'data-testid="mapping-error"' in content
    assert Unit.objects.count() == units_before
    assert HeaderMapping.objects.get(header="EMAIL_KANTOR").column == "EMAIL"
