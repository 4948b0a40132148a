"""``manage.py seed_demo``: the demo regency and its logins; ``--employees N`` adds N people for benchmarks."""

from __future__ import annotations

import time

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from org.demo.data import REGENCY_NAME
from org.demo.organisation import DemoSummary, Tally, logins_table, seed_organisation

EMPLOYEES_NEGATIVE = gettext_lazy("--employees harus 0 atau lebih.")
NOT_ALLOWED = gettext_lazy(
    "Data demo tidak boleh dibuat dengan pengaturan ini (DEMO_DATA_ALLOWED mati, misalnya di produksi): "
    "seed_demo membuat akun dengan kata sandi yang dipublikasikan."
)
FOREIGN_LOGIN = gettext_lazy("Akun %(username)s sudah ada dan tidak dibuat oleh seed_demo: dibiarkan apa adanya.")


class Command(BaseCommand):
    help = "Isi data demo (idempoten) dan cetak akun demo; --employees N menambah N pegawai buatan untuk uji beban."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--employees", type=int, default=0, metavar="N", help="tambah N pegawai buatan")
        parser.add_argument("--print-logins", action="store_true", help="hanya cetak tabel akun demo")

    def handle(self, *args, employees: int, print_logins: bool, **options) -> None:
        if not settings.DEMO_DATA_ALLOWED:
            raise CommandError(NOT_ALLOWED)
        if employees < 0:
            raise CommandError(EMPLOYEES_NEGATIVE)
        if not print_logins:
            self._seed(employees)
        self.stdout.write(logins_table())

    def _seed(self, employees: int) -> None:
        started = time.monotonic()
        summary = seed_organisation(extra_employees=employees)
        self.stdout.write(_summary_text(summary, seconds=time.monotonic() - started))
        for username in summary.foreign_logins:
            self.stderr.write(FOREIGN_LOGIN % {"username": username})
        for path in app_seeders():
            self.stdout.write(import_string(path)())


def app_seeders() -> list[str]:
    """Each app's demo seeders, declared on its AppConfig as ``demo_seeders``, in INSTALLED_APPS order.

    A seeder is the dotted path of a function that takes no arguments, is idempotent and returns a
    one-line summary; they run after the organisation exists, each app after the apps it builds on.
    """
    return [path for config in apps.get_app_configs() for path in getattr(config, "demo_seeders", ())]


def _summary_text(summary: DemoSummary, *, seconds: float) -> str:
    rows: list[tuple[str, Tally]] = [
        (_("unit kerja"), summary.units),
        (_("jabatan"), summary.positions),
        (_("pegawai"), summary.employees),
        (_("pegawai tambahan"), summary.extra_employees),
        (_("akun demo"), summary.logins),
    ]
    lines = [_("Data demo %(name)s (%(seconds).1f detik):") % {"name": REGENCY_NAME, "seconds": seconds}]
    lines += [
        _("  %(label)-17s %(created)6d dibuat, %(existing)6d sudah ada")
        % {"label": label, "created": tally.created, "existing": tally.existing}
        for label, tally in rows
    ]
    return "\n".join([*lines, _("Kata sandi akun demo disetel ulang ke yang tercetak di bawah."), ""])
