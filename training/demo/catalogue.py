"""Demo catalogue: the regency's technical competencies, about 30 programmes across the forms, batches.

P1–P5 are the programmes of the worked example in domain.md §7.3, so a demo user meets the same
ranking the tests check. Idempotent: rows are found by their codes and only missing ones are added.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from importlib import import_module

from django.apps import apps
from django.db import transaction
from django.utils import timezone

from surveys.models import Service

from ..models import (
    Batch,
    Competency,
    CompetencyLevel,
    DevelopmentForm,
    Programme,
    ProgrammeCompetency,
    ServiceCompetency,
)

TECHNICAL = [
    ("T.ADM.01", "Administrasi Kependudukan", "pelayanan pendaftaran penduduk dan pencatatan sipil"),
    ("T.ADM.02", "Kearsipan", "pengelolaan arsip dinamis dan statis"),
    ("T.TIK.01", "Pengelolaan Data dan Sistem Informasi", "pengelolaan data dan aplikasi layanan"),
    ("T.KEU.01", "Pengelolaan Keuangan Daerah", "penatausahaan dan pelaporan keuangan daerah"),
    ("T.HUK.01", "Penyusunan Produk Hukum Daerah", "perancangan dan harmonisasi produk hukum daerah"),
    ("T.KES.01", "Pelayanan Kesehatan Dasar", "pelayanan kesehatan di fasilitas tingkat pertama"),
]
# What each level looks like for a technical competency, filled in with its subject.
TECHNICAL_LEVELS = [
    ("Memahami dasar-dasar {s}", "Menjelaskan aturan pokok {s}\nMengerjakan tugas rutin dengan arahan"),
    ("Menerapkan {s} pada tugas rutin", "Menyelesaikan tugas rutin secara mandiri\nMengenali kesalahan umum"),
    ("Menerapkan {s} pada kasus yang beragam", "Memecahkan masalah yang tidak rutin\nMembimbing rekan yang baru"),
    (
        "Menganalisis dan memperbaiki proses {s}",
        "Menyusun usulan perbaikan prosedur\nMengevaluasi mutu hasil kerja unit",
    ),
    ("Menjadi rujukan {s}", "Merumuskan kebijakan teknis\nMenjadi narasumber lintas instansi"),
]
CLASSICAL_PLACE = "Aula BPSDM Kabupaten Contoh"
# code, title, form, provider, JP, cost (Rp, None if free), [(competency, target level)]
PROGRAMMES = [
    ("P1", "Pelayanan Prima", "pelatihan-klasikal", "BPSDM Provinsi", 24, 1_500_000, [("M.05", 3), ("M.03", 3)]),
    ("P2", "Bimtek Administrasi Kependudukan", "bimtek", "Ditjen Dukcapil", 16, 900_000, [("T.ADM.01", 3)]),
    ("P3", "E-learning Komunikasi Efektif", "e-learning", "LAN (ASN Unggul)", 8, None, [("M.03", 3)]),
    ("P4", "Coaching Kerja Sama Tim", "coaching", "Internal OPD", 4, None, [("M.02", 3)]),
    ("P5", "Kepemimpinan Pengawas", "pelatihan-klasikal", "BPSDM Provinsi", 40, 6_000_000, [("M.01", 3), ("M.08", 3)]),
    (
        "P06",
        "Pelatihan Kepemimpinan Administrator",
        "pelatihan-klasikal",
        "LAN",
        60,
        25_000_000,
        [("M.04", 4), ("M.07", 4), ("M.08", 4)],
    ),
    ("P07", "Seminar Integritas dan Antikorupsi", "seminar-workshop", "Inspektorat", 8, None, [("M.01", 3)]),
    (
        "P08",
        "Workshop Inovasi Pelayanan Publik",
        "seminar-workshop",
        "Bagian Organisasi",
        16,
        750_000,
        [("M.05", 4), ("M.07", 3)],
    ),
    ("P09", "Kursus Penulisan Naskah Dinas", "kursus", "BPSDM Provinsi", 12, 500_000, [("M.03", 3), ("T.ADM.02", 2)]),
    ("P10", "Bimtek Pengelolaan Arsip Dinamis", "bimtek", "ANRI", 16, 800_000, [("T.ADM.02", 3)]),
    ("P11", "E-learning Orientasi pada Hasil", "e-learning", "LAN (ASN Unggul)", 6, None, [("M.04", 2)]),
    ("P12", "Pembelajaran Jarak Jauh Manajemen Perubahan", "pjj", "BPSDM Provinsi", 20, 400_000, [("M.07", 3)]),
    ("P13", "Mentoring Pengembangan Diri", "mentoring", "Internal OPD", 6, None, [("M.06", 2)]),
    ("P14", "Coaching Pengambilan Keputusan", "coaching", "Internal OPD", 4, None, [("M.08", 3)]),
    ("P15", "Magang Layanan Dukcapil Provinsi", "magang", "Disdukcapil Provinsi", 40, 2_000_000, [("T.ADM.01", 4)]),
    ("P16", "Detasering Pengelola Data", "detasering", "Diskominfo Provinsi", 60, None, [("T.TIK.01", 4)]),
    ("P17", "Studi Banding Mal Pelayanan Publik", "benchmarking", "Bagian Organisasi", 12, 3_500_000, [("M.05", 3)]),
    ("P18", "Pertukaran Pegawai dengan Bank Daerah", "pertukaran-swasta", "Bank Daerah", 80, None, [("T.KEU.01", 4)]),
    (
        "P19",
        "Penugasan Tim Percepatan SPBE",
        "penugasan-prioritas",
        "Diskominfo",
        30,
        None,
        [("T.TIK.01", 3), ("M.02", 3)],
    ),
    ("P20", "Belajar Mandiri Literasi Digital", "belajar-mandiri", "Digital Talent", 10, None, [("T.TIK.01", 2)]),
    (
        "P21",
        "Komunitas Belajar Pelayanan Prima",
        "komunitas-belajar",
        "Internal OPD",
        6,
        None,
        [("M.05", 2), ("M.02", 2)],
    ),
    (
        "P22",
        "Bimbingan di Tempat Kerja Operator Layanan",
        "bimbingan-tempat-kerja",
        "Internal OPD",
        8,
        None,
        [("T.ADM.01", 2)],
    ),
    (
        "P23",
        "Tugas Belajar S2 Administrasi Publik",
        "pendidikan-formal",
        "Universitas Negeri",
        120,
        30_000_000,
        [("M.08", 4), ("M.04", 4)],
    ),
    ("P24", "Bimtek Pengelolaan Keuangan Daerah (SIPD)", "bimtek", "BPKAD Provinsi", 24, 1_200_000, [("T.KEU.01", 3)]),
    ("P25", "Bimtek Penyusunan Produk Hukum Daerah", "bimtek", "Kanwil Kemenkumham", 24, 1_200_000, [("T.HUK.01", 3)]),
    ("P26", "E-learning Wawasan Kebangsaan", "e-learning", "LAN (ASN Unggul)", 8, None, [("SK.01", 2)]),
    ("P27", "Pelatihan Moderasi dan Kebinekaan", "pelatihan-klasikal", "Kesbangpol", 16, 600_000, [("SK.01", 3)]),
    ("P28", "Kursus Analisis Data dengan Lembar Kerja", "kursus", "BPSDM Provinsi", 16, 700_000, [("T.TIK.01", 3)]),
    (
        "P29",
        "Pelatihan Pelayanan Kesehatan Dasar",
        "pelatihan-klasikal",
        "Bapelkes Provinsi",
        32,
        2_500_000,
        [("T.KES.01", 3)],
    ),
    (
        "P30",
        "E-learning Etika Pelayanan Kesehatan",
        "e-learning",
        "Kemenkes (Plataran Sehat)",
        8,
        None,
        [("T.KES.01", 2), ("M.01", 2)],
    ),
]
# Public services whose staff competence (U6) points at a technical competency (§7.3 rule 3).
SERVICE_COMPETENCIES = {"KTP-el": "T.ADM.01", "Kartu Keluarga": "T.ADM.01", "Akta Kelahiran": "T.ADM.01"}


@transaction.atomic
def seed_catalogue(*, stdout=None) -> str:
    """Create (once) the technical competencies, the programmes with targets and batches, and service links."""
    _restore_dictionary()
    competencies = _technical_competencies()
    added = _programmes(competencies)
    linked = _service_links(competencies)
    message = (
        f"Pengembangan kompetensi: {len(TECHNICAL)} kompetensi teknis, {added} program baru "
        f"({Programme.objects.count()} di katalog), {linked} layanan dikaitkan."
    )
    if stdout is not None:
        stdout.write(message + "\n")
    return message


def _restore_dictionary() -> None:
    """Seed the dictionary, level defaults and forms again if they are gone (a flushed test database)."""
    if not DevelopmentForm.objects.exists():
        import_module("training.migrations.0002_seed_dictionary").seed(apps, None)


def _technical_competencies() -> dict[str, Competency]:
    existing = {c.code: c for c in Competency.objects.all()}
    new = [
        Competency(code=code, name=name, kind=Competency.Kind.TECHNICAL, description=f"Kemampuan {subject}.")
        for code, name, subject in TECHNICAL
        if code not in existing
    ]
    Competency.objects.bulk_create(new)
    subjects = {code: subject for code, _, subject in TECHNICAL}
    CompetencyLevel.objects.bulk_create(
        CompetencyLevel(
            competency=competency,
            level=number,
            description=description.format(s=subjects[competency.code]),
            indicators=indicators.format(s=subjects[competency.code]),
        )
        for competency in new
        for number, (description, indicators) in enumerate(TECHNICAL_LEVELS, start=1)
    )
    return {**existing, **{c.code: c for c in new}}


def _programmes(competencies: dict[str, Competency]) -> int:
    forms = {form.code: form for form in DevelopmentForm.objects.all()}
    existing = set(Programme.objects.values_list("code", flat=True))
    specs = [spec for spec in PROGRAMMES if spec[0] not in existing]
    programmes = Programme.objects.bulk_create(
        Programme(
            code=code,
            title=title,
            form=forms[form],
            provider=provider,
            jp=jp,
            cost=None if cost is None else Decimal(cost),
        )
        for code, title, form, provider, jp, cost, _ in specs
    )
    ProgrammeCompetency.objects.bulk_create(
        ProgrammeCompetency(programme=programme, competency=competencies[code], target_level=level)
        for programme, spec in zip(programmes, specs, strict=True)
        for code, level in spec[6]
    )
    Batch.objects.bulk_create(_batches(programmes))
    return len(programmes)


def _batches(programmes: list[Programme]) -> list[Batch]:
    """Two runs this year for classical programmes, one for a few others; days follow the JP (8 a day)."""
    year = timezone.localdate().year
    batches = []
    for index, programme in enumerate(programmes):
        runs = 2 if programme.form.classical else (1 if index % 3 == 0 else 0)
        for run in range(runs):
            starts_on = date(year, 3 + 4 * run + index % 3, 1 + index % 20)
            ends_on = starts_on + timedelta(days=max(0, -(-programme.jp // 8) - 1))
            batches.append(
                Batch(programme=programme, starts_on=starts_on, ends_on=ends_on, capacity=30, place=CLASSICAL_PLACE)
            )
    return batches


def _service_links(competencies: dict[str, Competency]) -> int:
    services = Service.objects.filter(name__in=SERVICE_COMPETENCIES, technical_competency__isnull=True)
    links = [ServiceCompetency(service=s, competency=competencies[SERVICE_COMPETENCIES[s.name]]) for s in services]
    ServiceCompetency.objects.bulk_create(links)
    return len(links)
