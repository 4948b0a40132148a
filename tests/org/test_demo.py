"""The demo regency of ``seed_demo``: structure, valid people, hierarchy, logins and idempotence."""

from __future__ import annotations

import os
import subprocess
import sys
from io import StringIO

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.urls import reverse

from org.access import is_hr, is_supervisor
from org.demo.organisation import DEMO_PASSWORD, demo_logins, logins_table, seed_organisation
from org.models import Employee, Position, Unit, User

MANAGERIAL_RANKS = {
    Position.Level.JPT_PRATAMA: {"IV/c", "IV/d"},
    Position.Level.ADMINISTRATOR: {"IV/a", "IV/b"},
    Position.Level.PENGAWAS: {"III/c", "III/d", "IV/a"},
}


@pytest.fixture
def demo(db):
    return seed_organisation()


def _login(username: str) -> User:
    return User.objects.select_related("employee__supervisor", "employee__position").get(username=username)


def test_it_builds_at_least_four_opds_with_sub_units_and_eighty_employees(demo):
    opds_with_sub_units = Unit.objects.filter(parent=None, children__isnull=False).distinct()
    assert opds_with_sub_units.count() >= 4
    assert Employee.objects.count() >= 80
    assert demo.units.created == Unit.objects.count()
    assert demo.employees.created == Employee.objects.count()


def test_it_gives_every_employee_a_valid_unique_nip_and_a_clean_record(demo):
    employees = list(Employee.objects.select_related("unit", "position", "supervisor"))
    for employee in employees:
        employee.full_clean()
    assert len({employee.nip for employee in employees}) == len(employees)
    assert {employee.employment_type for employee in employees} == {"PNS", "PPPK"}
    assert {employee.gender for employee in employees} == {"L", "P"}


def test_it_keeps_academic_titles_apart_from_names(demo):
    assert not Employee.objects.filter(name__contains=".").exists()
    assert Employee.objects.filter(front_title="dr.", position__name__startswith="Dokter").exists()
    assert Employee.objects.filter(back_title="S.Kep., Ners").exists()


def test_it_gives_managers_a_pangkat_of_their_level_and_makes_them_pns(demo):
    for level, ranks in MANAGERIAL_RANKS.items():
        managers = Employee.objects.filter(position__level=level)
        assert managers.exists()
        assert set(managers.values_list("rank", flat=True)) <= ranks
        assert set(managers.values_list("employment_type", flat=True)) == {"PNS"}


def test_it_gives_everyone_but_the_sekda_a_supervisor_without_cycles(demo):
    supervisor_of = dict(Employee.objects.values_list("pk", "supervisor_id"))
    tops = [pk for pk, supervisor_id in supervisor_of.items() if supervisor_id is None]
    assert [Employee.objects.get(pk=pk).position.name for pk in tops] == ["Sekretaris Daerah"]
    for pk in supervisor_of:
        seen = set()
        while pk is not None:
            assert pk not in seen
            seen.add(pk)
            pk = supervisor_of[pk]


def test_it_makes_each_head_of_opd_report_to_the_sekda(demo):
    heads = Employee.objects.filter(position__is_unit_head=True, unit__parent=None).exclude(supervisor=None)
    assert heads.count() == Unit.objects.filter(parent=None).count() - 1
    assert set(heads.values_list("supervisor__position__name", flat=True)) == {"Sekretaris Daerah"}


def test_it_creates_one_login_per_role_with_the_printed_password(demo):
    admin, bkpsdm = _login("admin"), _login("bkpsdm")
    kepala, atasan, pegawai = _login("kepala"), _login("atasan"), _login("pegawai")
    assert admin.is_superuser and admin.is_staff
    assert is_hr(bkpsdm) and bkpsdm.employee.unit.code.startswith("BKPSDM")
    assert kepala.employee.position.level == Position.Level.JPT_PRATAMA
    assert is_supervisor(atasan) and atasan.employee.subordinates.count() >= 3
    assert atasan.employee.supervisor == kepala.employee
    assert pegawai.employee.supervisor == atasan.employee
    assert not is_hr(pegawai) and not is_supervisor(pegawai)
    assert all(user.check_password(DEMO_PASSWORD) for user in (admin, bkpsdm, kepala, atasan, pegawai))
    assert pegawai.email == "pegawai@demo.kinerja.local"


def test_it_lets_each_demo_login_open_the_home_page(client, demo):
    for username in ("admin", "bkpsdm", "kepala", "atasan", "pegawai"):
        client.force_login(User.objects.get(username=username))
        assert client.get(reverse("home")).status_code == 200
    assert client.get(reverse("org:employee-list")).status_code == 403
    client.force_login(User.objects.get(username="bkpsdm"))
    assert client.get(reverse("org:employee-list")).status_code == 200


def test_a_second_run_creates_nothing_and_keeps_the_same_nips(demo):
    nips = set(Employee.objects.values_list("nip", flat=True))
    again = seed_organisation()
    assert (again.units.created, again.positions.created, again.employees.created, again.logins.created) == (0,) * 4
    assert again.employees.existing == demo.employees.created
    assert set(Employee.objects.values_list("nip", flat=True)) == nips
    assert User.objects.count() == 5


def test_a_rerun_resets_the_demo_password_and_relinks_the_login(demo):
    pegawai = _login("pegawai")
    pegawai.set_password("lain")
    pegawai.save()
    Employee.objects.filter(user=pegawai).update(user=None)
    seed_organisation()
    pegawai = _login("pegawai")
    assert pegawai.check_password(DEMO_PASSWORD)
    assert pegawai.employee.supervisor == _login("atasan").employee


def test_the_command_adds_exactly_the_extra_employees_once(demo):
    before = Employee.objects.count()
    call_command("seed_demo", "--employees", "300", stdout=StringIO())
    assert Employee.objects.count() == before + 300
    call_command("seed_demo", "--employees", "300", stdout=StringIO())
    assert Employee.objects.count() == before + 300


def test_it_generates_extras_that_are_valid_supervised_staff(demo):
    base_nips = list(Employee.objects.values_list("nip", flat=True))
    summary = seed_organisation(extra_employees=300)
    extras = Employee.objects.exclude(nip__in=base_nips).select_related("unit", "position", "supervisor")
    assert summary.extra_employees.created == len(extras) == 300
    for employee in extras:
        employee.full_clean()
        assert employee.supervisor.position.is_unit_head
        assert employee.position.kind != Position.Kind.STRUKTURAL


def test_it_extends_the_same_generated_people_when_n_grows(demo):
    seed_organisation(extra_employees=100)
    summary = seed_organisation(extra_employees=250)
    assert (summary.extra_employees.created, summary.extra_employees.existing) == (150, 100)


def test_the_command_prints_the_summary_and_the_logins_table(db):
    out = StringIO()
    call_command("seed_demo", stdout=out)
    assert "Pemerintah Kabupaten Contoh" in out.getvalue()
    assert "atasan" in out.getvalue() and DEMO_PASSWORD in out.getvalue()
    assert logins_table() in out.getvalue()


def test_print_logins_only_reads_the_accounts(db):
    out = StringIO()
    call_command("seed_demo", "--print-logins", stdout=out)
    assert "manage.py seed_demo" in out.getvalue()
    assert not Employee.objects.exists()
    assert not User.objects.exists()


def test_the_command_refuses_a_negative_number_of_employees(db):
    with pytest.raises(CommandError):
        call_command("seed_demo", "--employees", "-1")
    assert not Unit.objects.exists()


def test_the_command_refuses_settings_that_do_not_allow_demo_data(db, settings):
    settings.DEMO_DATA_ALLOWED = False

    with pytest.raises(CommandError, match="DEMO_DATA_ALLOWED"):
        call_command("seed_demo", stdout=StringIO())
    with pytest.raises(CommandError, match="DEMO_DATA_ALLOWED"):
        call_command("seed_demo", "--print-logins", stdout=StringIO())
    assert not Unit.objects.exists() and not User.objects.exists()


def test_the_command_refuses_the_production_settings_before_touching_a_database():
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "DJANGO_SECRET_KEY": "only-for-this-test",
        "DJANGO_ALLOWED_HOSTS": "kinerja.example",
        # A database that does not exist: the command must stop before it would connect.
        "DATABASE_URL": "postgres://kinerja:kinerja@127.0.0.1:5432/kinerja_no_such_database",
    }

    command = [sys.executable, str(settings.BASE_DIR / "manage.py"), "seed_demo"]

    result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=60, check=False)

    assert result.returncode == 1
    assert "DEMO_DATA_ALLOWED" in result.stderr


def test_it_leaves_an_admin_account_it_did_not_create_exactly_as_it_was(db):
    admin = User.objects.create_user("admin", email="kepala.it@contoh.go.id", password="rahasia-milik-pemda")
    before = User.objects.values().get(pk=admin.pk)
    out, err = StringIO(), StringIO()

    call_command("seed_demo", stdout=out, stderr=err)

    assert User.objects.values().get(pk=admin.pk) == before
    admin.refresh_from_db()
    assert not admin.is_superuser and admin.check_password("rahasia-milik-pemda")
    assert not admin.check_password(DEMO_PASSWORD)
    assert "admin" in err.getvalue()
    assert "admin" not in logins_table() and "bkpsdm" in logins_table()
    assert not Employee.objects.filter(user=admin).exists()


def test_it_leaves_a_real_superuser_of_a_demo_name_alone_on_every_run(db):
    pegawai = User.objects.create_superuser("pegawai", password="milik-orang-lain")

    seed_organisation()
    seed_organisation()

    pegawai.refresh_from_db()
    assert pegawai.check_password("milik-orang-lain") and pegawai.email == ""
    assert {login.username for login in demo_logins()} == {"admin", "bkpsdm", "kepala", "atasan"}
