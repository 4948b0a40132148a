"""Demo data: a realistic regency ("Pemerintah Kabupaten Contoh") with people, logins and, on request,
a large generated workforce for benchmarks (``manage.py seed_demo``).

Every run is idempotent: rows are found by their natural keys (unit code, unit + position name, NIP)
and only the missing ones are created. People come from one generator with a fixed seed, drawn in a
fixed order, so every run produces the same names and NIPs (domain.md §4) and a re-run adds nothing.
"""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from itertools import islice
from typing import TYPE_CHECKING, TypeVar

from django.contrib.auth.models import Group
from django.db import transaction
from django.utils.translation import gettext

from ..access import HR_GROUP
from ..models import DemoAccount, Employee, Position, Unit, User
from ..nip import build_nip
from .data import (
    BIRTH_YEARS,
    FEMALE_ONLY,
    FIRST_NAMES,
    LAST_NAMES,
    LOGINS,
    OPDS,
    SEKDA,
    TITLES,
    LoginSpec,
    Staff,
    UnitSpec,
)

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator


T = TypeVar("T")
M = TypeVar("M", Unit, Position, Employee)

DEMO_SEED = 2026
DEMO_PASSWORD = "kinerja-demo"  # demo data: printed on purpose, the same for every account
DEMO_EMAIL_DOMAIN = "demo.kinerja.local"
BULK_BATCH_SIZE = 5000
# Fixed rather than "this year", so the data does not depend on the day it is generated.
LATEST_APPOINTMENT_YEAR = 2025
# NI PPPK: the appointment year followed by "21" where a PNS NIP has the month (domain.md §4 [U]).
PPPK_FIRST_YEAR = 2019
PPPK_MIDDLE_MARKER = 21
PPPK_SHARE = 0.2
RANK_SPAN_YEARS = 24  # years of service over which a level's pangkat range is climbed
FEMALE_SHARE = 0.5


@dataclass
class Tally:
    created: int = 0
    existing: int = 0

    def count(self, *, created: bool) -> None:
        if created:
            self.created += 1
        else:
            self.existing += 1


@dataclass
class DemoSummary:
    units: Tally = field(default_factory=Tally)
    positions: Tally = field(default_factory=Tally)
    employees: Tally = field(default_factory=Tally)
    extra_employees: Tally = field(default_factory=Tally)
    logins: Tally = field(default_factory=Tally)
    foreign_logins: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class DemoLogin:
    role: str
    username: str
    password: str
    person: str


@dataclass(frozen=True)
class _Slot:
    """A staff position people are generated into, with the official who assesses them."""

    staff: Staff
    unit: Unit
    position: Position
    supervisor: Employee | None


class _People:
    """Draws people in a fixed order from one seeded generator, so every run makes the same ones.

    The NIP serial counts up per (birth date, appointment month, sex), as in a real NIP, so every
    generated NIP is unique by construction.
    """

    def __init__(self) -> None:
        self.rng = random.Random(DEMO_SEED)
        self.serials: Counter[tuple] = Counter()

    def make(self, slot: _Slot) -> Employee:
        rng, staff = self.rng, slot.staff
        is_female = staff.education in FEMALE_ONLY or rng.random() < FEMALE_SHARE
        is_pppk = staff.pppk_rank is not None and rng.random() < PPPK_SHARE
        born = date(rng.randint(*BIRTH_YEARS[staff.level]), 1, 1) + timedelta(days=rng.randrange(365))
        year, month = self._appointment(born, is_pppk=is_pppk)
        gender = Employee.Gender.FEMALE if is_female else Employee.Gender.MALE
        front, back = (rng.choice(options) for options in TITLES[staff.education])
        return Employee(
            nip=self._nip(born, year, month, is_female=is_female),
            name=f"{rng.choice(FIRST_NAMES[gender])} {rng.choice(LAST_NAMES[gender])}",
            front_title=front,
            back_title=back,
            gender=gender,
            employment_type=Employee.EmploymentType.PPPK if is_pppk else Employee.EmploymentType.PNS,
            rank=staff.pppk_rank if is_pppk else self._pns_rank(staff.pns_ranks, appointed=year),
            unit=slot.unit,
            position=slot.position,
            supervisor=slot.supervisor,
        )

    def _appointment(self, born: date, *, is_pppk: bool) -> tuple[int, int]:
        """TMT year and NIP month digits: PNS 21–27 years after birth; PPPK since 2019, at 18 or older."""
        if is_pppk:
            return self.rng.randint(max(PPPK_FIRST_YEAR, born.year + 18), LATEST_APPOINTMENT_YEAR), PPPK_MIDDLE_MARKER
        return min(born.year + self.rng.randint(21, 27), LATEST_APPOINTMENT_YEAR), self.rng.randint(1, 12)

    def _pns_rank(self, ranks: tuple[str, ...], *, appointed: int) -> str:
        """Longer service, higher pangkat within the level's range, give or take a few years."""
        service = LATEST_APPOINTMENT_YEAR - appointed + self.rng.randint(-3, 3)
        return ranks[max(0, min(len(ranks) - 1, service * len(ranks) // RANK_SPAN_YEARS))]

    def _nip(self, born: date, year: int, month: int, *, is_female: bool) -> str:
        key = (born, year, month, is_female)
        self.serials[key] += 1
        serial = self.serials[key]
        return build_nip(
            birth_date=born, appointment_year=year, appointment_month=month, is_female=is_female, serial=serial
        )


@transaction.atomic
def seed_organisation(*, extra_employees: int = 0) -> DemoSummary:
    """Create whatever is missing of the demo regency, its logins and ``extra_employees`` generated people.

    Every employee except the Sekretaris Daerah gets a Pejabat Penilai: the head of their unit, or
    for a head, the head of the unit above (domain.md §5); the heads of OPD answer to the Sekda.
    """
    seeder = _Seeder()
    for spec, parent in _walk(OPDS, None):
        seeder.seed_unit(spec, parent)
    seeder.seed_extra_employees(extra_employees)
    for spec in LOGINS:
        _ensure_login(spec, seeder.first_holders.get(spec.holder), seeder.summary)
    return seeder.summary


class _Seeder:
    """One pass over the regency tree; remembers units, heads and first holders for the later steps."""

    def __init__(self) -> None:
        self.summary = DemoSummary()
        self.people = _People()
        self.units: dict[str, Unit] = {}
        self.heads: dict[str | None, Employee] = {}
        self.first_holders: dict[tuple[str, str] | None, Employee] = {}
        self.staff_slots: list[_Slot] = []

    def seed_unit(self, spec: UnitSpec, parent: UnitSpec | None) -> None:
        unit = Unit(
            code=spec.code, name=spec.name, kind=spec.kind, parent=self.units.get(parent.code) if parent else None
        )
        unit = self.units[spec.code] = _ensure(unit, self.summary.units, code=spec.code)
        boss_unit = parent.code if parent else (None if spec is SEKDA else SEKDA.code)
        head_slot = _Slot(spec.head, unit, self._position(unit, spec.head, is_head=True), self.heads.get(boss_unit))
        self.heads[spec.code] = self._seed_slot(head_slot)
        for staff in spec.staff:
            slot = _Slot(staff, unit, self._position(unit, staff, is_head=False), self.heads[spec.code])
            self._seed_slot(slot)
            self.staff_slots.append(slot)

    def seed_extra_employees(self, count: int) -> None:
        """Add ``count`` generated people to the non-managerial positions, in bulk (for benchmarks)."""
        slots = [slot for slot in self.staff_slots if slot.staff.kind != Position.Kind.STRUKTURAL]
        weights = [slot.staff.holders for slot in slots]
        rng, tally = self.people.rng, self.summary.extra_employees
        generated = (self.people.make(rng.choices(slots, weights)[0]) for _ in range(count))
        for batch in _batched(generated, BULK_BATCH_SIZE):
            stored = set(Employee.objects.filter(nip__in=[e.nip for e in batch]).values_list("nip", flat=True))
            new = [employee for employee in batch if employee.nip not in stored]
            for employee in new:
                _validate_generated(employee)
            Employee.objects.bulk_create(new)
            tally.created += len(new)
            tally.existing += len(batch) - len(new)

    def _position(self, unit: Unit, staff: Staff, *, is_head: bool) -> Position:
        position = Position(unit=unit, name=staff.name, kind=staff.kind, level=staff.level, is_unit_head=is_head)
        return _ensure(position, self.summary.positions, unit=unit, name=staff.name)

    def _seed_slot(self, slot: _Slot) -> Employee:
        """Create the missing holders of a position; returns its first holder."""
        holders = [self.people.make(slot) for _ in range(slot.staff.holders)]
        holders = [_ensure(person, self.summary.employees, nip=person.nip) for person in holders]
        self.first_holders.setdefault((slot.unit.code, slot.staff.name), holders[0])
        return holders[0]


def _ensure(candidate: M, tally: Tally, **natural_key) -> M:
    """The stored row with this natural key, or else ``candidate``, validated and saved.

    The lookup is the uniqueness check, the foreign keys point at rows this run has just read or
    saved and the database enforces the constraints again, so ``full_clean`` skips those queries:
    they made the seeding several times slower. Field rules and ``clean()`` still run.
    """
    model = type(candidate)
    existing = model.objects.filter(**natural_key).first()
    tally.count(created=existing is None)
    if existing is not None:
        return existing
    relations = [field.name for field in model._meta.fields if field.is_relation]
    candidate.full_clean(exclude=relations, validate_unique=False, validate_constraints=False)
    candidate.save()
    return candidate


def _validate_generated(employee: Employee) -> None:
    """As ``_ensure`` validates, minus the supervisor walk: a new row cannot close a cycle."""
    employee.clean_fields(exclude=["unit", "position", "supervisor", "user"])
    employee.parse_nip()


def _ensure_login(spec: LoginSpec, employee: Employee | None, summary: DemoSummary) -> None:
    """Create a demo account, or repair one this seeder created; the password is reset on every run.

    An account of the same name that the seeder did not create (a real ``admin``) is left exactly as
    it is and reported, so the published demo password never opens it.
    """
    user = User.objects.filter(username=spec.username).first()
    if user is not None and not DemoAccount.objects.filter(user=user).exists():
        summary.foreign_logins.append(spec.username)
        return
    summary.logins.count(created=user is None)
    user = user or User(username=spec.username)
    user.email = f"{spec.username}@{DEMO_EMAIL_DOMAIN}"
    user.is_active, user.is_staff, user.is_superuser = True, spec.is_superuser, spec.is_superuser
    user.set_password(DEMO_PASSWORD)
    user.save()
    DemoAccount.objects.get_or_create(user=user)
    if spec.is_hr:
        user.groups.add(Group.objects.get_or_create(name=HR_GROUP)[0])
    if employee is not None and employee.user_id != user.pk:
        Employee.objects.filter(user=user).update(user=None)
        employee.user, employee.email = user, user.email
        employee.save(update_fields=["user", "email"])


def demo_logins() -> list[DemoLogin]:
    """The demo accounts that exist now (created by the seeder), with the person behind each."""
    usernames = [spec.username for spec in LOGINS]
    seeded = User.objects.filter(pk__in=DemoAccount.objects.values("user"))
    users = seeded.select_related("employee").in_bulk(usernames, field_name="username")
    return [
        DemoLogin(str(spec.role), spec.username, DEMO_PASSWORD, _person_name(users[spec.username]))
        for spec in LOGINS
        if spec.username in users
    ]


def logins_table() -> str:
    """The demo accounts as a plain-text table (printed by ``seed_demo`` and by the run script)."""
    logins = demo_logins()
    if not logins:
        return gettext("Belum ada akun demo; jalankan: manage.py seed_demo")
    header = (gettext("Peran"), gettext("Nama pengguna"), gettext("Kata sandi"), gettext("Nama"))
    rows = [header, *((login.role, login.username, login.password, login.person) for login in logins)]
    widths = [max(len(row[column]) for row in rows) for column in range(len(header))]
    return "\n".join(
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip() for row in rows
    )


def _person_name(user: User) -> str:
    employee = getattr(user, "employee", None)
    return employee.full_name if employee else "—"


def _walk(specs: Iterable[UnitSpec], parent: UnitSpec | None) -> Iterator[tuple[UnitSpec, UnitSpec | None]]:
    """Units parents first, so a unit's parent and its head exist before it."""
    for spec in specs:
        yield spec, parent
        yield from _walk(spec.children, spec)


def _batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch
