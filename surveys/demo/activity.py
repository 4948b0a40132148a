"""Demo data for the survey: services, a few hundred responses over this year, complaints, one burst.

Idempotent: every row it makes is recognisable (nonce ``demo-…``, reference ``contoh…``), so a
second run adds nothing. Deterministic: a seeded generator, so screenshots look the same each time.
"""

from __future__ import annotations

import random
from datetime import datetime, time, timedelta
from typing import TextIO

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from org.access import hr_users, responsible_head
from org.models import Unit

from ..clients import keyed_hash
from ..elements import ELEMENT_CODES
from ..models import Complaint, ComplaintReply, Officer, QrScanDay, Response, Service

DEMO_NONCE = "demo-"
DEMO_REFERENCE = "contoh"
RESPONSES_PER_UNIT = 70
MAX_UNITS = 6
# Units that serve citizens at a counter, in the order the demo prefers them.
SERVICE_KINDS = ["DINAS", "PUSKESMAS", "KECAMATAN", "KELURAHAN", "UPT", "SEKOLAH"]
SERVICES_BY_KEYWORD = [
    ("penduduk", ["KTP-el", "Kartu Keluarga", "Akta Kelahiran"]),
    ("kesehatan", ["Imunisasi", "Pemeriksaan Umum", "Kesehatan Ibu dan Anak"]),
    ("puskesmas", ["Imunisasi", "Pemeriksaan Umum", "Kesehatan Ibu dan Anak"]),
    ("modal", ["Izin Usaha (NIB)", "Persetujuan Bangunan Gedung"]),
    ("izin", ["Izin Usaha (NIB)", "Persetujuan Bangunan Gedung"]),
    ("kecamatan", ["Surat Keterangan", "Legalisasi Dokumen"]),
    ("pendidikan", ["Legalisasi Ijazah", "Mutasi Siswa"]),
]
DEFAULT_SERVICES = ["Layanan Informasi", "Konsultasi"]
# Per unit, a typical answer level (mean 1-4) and the elements that lag behind it.
PROFILES = [(3.9, ["U3"]), (3.55, ["U3", "U8"]), (3.15, ["U2", "U3", "U9"]), (3.75, ["U8"]), (3.4, ["U4", "U8"])]
SUGGESTIONS = [
    "Antrean lebih tertib, mohon tambah kursi di ruang tunggu.",
    "Petugas ramah, terima kasih.",
    "Informasi persyaratan sebaiknya ditempel di depan loket.",
    "Proses agak lama, mohon dipercepat.",
    "Toilet perlu dibersihkan lebih sering.",
]
COMPLAINTS = [
    ("ADUAN", "Antrean KTP-el sangat panjang dan nomor antrean habis sebelum jam 10.", "answered"),
    ("ADUAN", "Loket tutup saat jam istirahat padahal jadwal menyebut buka.", "resolved"),
    ("SARAN", "Mohon sediakan layanan daring untuk legalisasi dokumen.", "new"),
    ("ADUAN", "Petugas meminta biaya tambahan yang tidak ada di papan tarif.", "resolved"),
    ("ADUAN", "Parkir sempit, kendaraan warga sering diderek.", "new"),
    ("SARAN", "Tambahkan tempat bermain anak di ruang tunggu puskesmas.", "answered"),
]


def _say(stdout: TextIO | None, message: str) -> str:
    if stdout is not None:
        stdout.write(message + "\n")
    return message


def demo_units() -> list[Unit]:
    units = Unit.objects.filter(is_active=True, kind__in=SERVICE_KINDS)
    return sorted(units, key=lambda unit: (SERVICE_KINDS.index(unit.kind), unit.code))[:MAX_UNITS]


@transaction.atomic
def seed_surveys(*, stdout: TextIO | None = None) -> str:
    """Create demo services, responses, QR scans and complaints for the demo units that exist.

    Returns a one-line summary (``seed_demo`` prints it) and also writes it to ``stdout`` if given.
    """
    units = demo_units()
    if not units:
        return _say(stdout, "Survei: belum ada unit kerja layanan; data contoh survei dilewati.")
    rng = random.Random(2025)
    for index, unit in enumerate(units):
        services = _services(unit)
        _officers(unit)
        if not Response.objects.filter(unit=unit, form_nonce__startswith=DEMO_NONCE).exists():
            _responses(unit, services, PROFILES[index % len(PROFILES)], rng)
            _qr_scans(unit, rng)
    _burst(units[0])
    _complaints(units, rng)
    return _say(stdout, f"Survei: data contoh untuk {len(units)} unit ({Response.objects.count()} respons).")


def _services(unit: Unit) -> list[Service]:
    haystack = f"{unit.name} {unit.kind}".lower()
    names = next((names for keyword, names in SERVICES_BY_KEYWORD if keyword in haystack), DEFAULT_SERVICES)
    return [
        Service.objects.get_or_create(unit=unit, slug=slugify(name)[:60], defaults={"name": name})[0] for name in names
    ]


def _officers(unit: Unit) -> list[Officer]:
    employees = unit.employees.active().order_by("name")[:2]
    return [Officer.objects.get_or_create(employee=employee)[0] for employee in employees]


def _answer(rng: random.Random, mean: float) -> int:
    return max(1, min(4, round(rng.gauss(mean, 0.6))))


def _responses(unit: Unit, services: list[Service], profile: tuple[float, list[str]], rng: random.Random) -> None:
    mean, weak = profile
    officers = list(Officer.objects.filter(employee__unit=unit).values_list("employee_id", flat=True))
    rows = []
    for number in range(RESPONSES_PER_UNIT):
        answers = {code.lower(): _answer(rng, mean - (0.7 if code in weak else 0)) for code in ELEMENT_CODES}
        rows.append(
            Response(
                unit=unit,
                service=rng.choice(services),
                officer_id=rng.choice(officers) if officers and rng.random() < 0.4 else None,
                submitted_at=_moment_this_year(rng),
                gender=rng.choice(["L", "P", "P", ""]),
                age=rng.choice([None, *range(18, 70)]),
                education=rng.choice(["SMA", "SMA", "S1", "SMP", "D1_D3", "SD", ""]),
                occupation=rng.choice(["SWASTA", "WIRAUSAHA", "PNS", "LAINNYA", ""]),
                suggestion=rng.choice(SUGGESTIONS) if rng.random() < 0.3 else "",
                source=rng.choice(
                    [Response.Source.QR, Response.Source.QR, Response.Source.LINK, Response.Source.KIOSK]
                ),
                fill_seconds=rng.randint(60, 400),
                form_nonce=f"{DEMO_NONCE}{unit.pk}-{number}",
                **answers,
            )
        )
    Response.objects.bulk_create(rows)


def _moment_this_year(rng: random.Random) -> datetime:
    today = timezone.localdate()
    day = today.replace(month=1, day=1) + timedelta(days=rng.randint(0, today.timetuple().tm_yday - 1))
    moment = datetime.combine(day, time(rng.randint(8, 14), rng.randint(0, 59)))
    return min(timezone.make_aware(moment), timezone.now())


def _qr_scans(unit: Unit, rng: random.Random) -> None:
    scans = Response.objects.filter(unit=unit, source=Response.Source.QR).dates("submitted_at", "day")
    QrScanDay.objects.bulk_create(
        [QrScanDay(unit=unit, day=day, count=rng.randint(1, 4)) for day in scans], ignore_conflicts=True
    )


def _burst(unit: Unit) -> None:
    """One flagged burst: eight all-worst answers from one address within four minutes."""
    nonce = f"{DEMO_NONCE}burst-"
    if Response.objects.filter(form_nonce__startswith=nonce).exists():
        return
    start, source = timezone.now() - timedelta(days=2), keyed_hash("203.0.113.7")
    reason = "Pola sama: 8 respons dengan jawaban identik dari alamat yang sama dalam 60 menit"
    Response.objects.bulk_create(
        Response(
            unit=unit,
            submitted_at=start + timedelta(seconds=30 * number),
            client_hash=source,
            fill_seconds=4,
            suspicious_reason=reason,
            form_nonce=f"{nonce}{number}",
            **{code.lower(): 1 for code in ELEMENT_CODES},
        )
        for number in range(8)
    )


def _complaints(units: list[Unit], rng: random.Random) -> None:
    fallback = hr_users().first()
    for number, (kind, body, state) in enumerate(COMPLAINTS, start=1):
        reference = f"{DEMO_REFERENCE}{number}"
        if Complaint.objects.filter(reference=reference).exists():
            continue
        unit = units[number % len(units)]
        received = timezone.now() - timedelta(days=rng.randint(3, 60), hours=rng.randint(0, 8))
        complaint = Complaint.objects.create(
            reference=reference,
            unit=unit,
            kind=kind,
            body=body,
            submitted_at=received,
            contact=f"0812 3456 78{number:02d}" if number % 2 else "",
            contact_name=f"Warga {number}" if number % 2 else "",
            consent_version="2024-1" if number % 2 else "",
        )
        head = responsible_head(unit)
        author = head.user if head and head.user else fallback
        if state != "new" and author is not None:
            _answer_complaint(complaint, author, resolved=state == "resolved", rng=rng)


def _answer_complaint(complaint: Complaint, author, *, resolved: bool, rng: random.Random) -> None:
    now = timezone.now()
    answered = min(complaint.submitted_at + timedelta(hours=rng.randint(4, 120)), now)
    reply = ComplaintReply.objects.create(
        complaint=complaint, author=author, body="Terima kasih, sedang kami tindak lanjuti.", resolves=False
    )
    complaint.first_response_at = answered
    complaint.status = Complaint.Status.ANSWERED
    if resolved:
        complaint.resolved_at = min(answered + timedelta(days=rng.randint(1, 6)), now)
        complaint.status = Complaint.Status.RESOLVED
        closing = ComplaintReply.objects.create(
            complaint=complaint, author=author, body="Sudah diperbaiki.", resolves=True
        )
        ComplaintReply.objects.filter(pk=closing.pk).update(created_at=complaint.resolved_at)
    complaint.save(update_fields=["first_response_at", "resolved_at", "status"])
    ComplaintReply.objects.filter(pk=reply.pk).update(created_at=answered)
