"""Seed the seven BerAKHLAK core values and their behavioural guides (domain.md §1.3, SE MenPANRB 20/2021).

The competency codes are the §7.3 rule 2 mapping used by ``training``. Users cannot edit these rows.
"""

from django.db import migrations

CORE_VALUES = [
    ("BERORIENTASI_PELAYANAN", "Berorientasi Pelayanan", "M.05", [
        "Memahami dan memenuhi kebutuhan masyarakat",
        "Ramah, cekatan, solutif, dan dapat diandalkan",
        "Melakukan perbaikan tiada henti",
    ]),
    ("AKUNTABEL", "Akuntabel", "M.01", [
        "Melaksanakan tugas dengan jujur, bertanggung jawab, cermat, disiplin, dan berintegritas tinggi",
        "Menggunakan kekayaan dan barang milik negara secara bertanggung jawab, efektif, dan efisien",
        "Tidak menyalahgunakan kewenangan jabatan",
    ]),
    ("KOMPETEN", "Kompeten", "M.06", [
        "Meningkatkan kompetensi diri untuk menjawab tantangan yang selalu berubah",
        "Membantu orang lain belajar",
        "Melaksanakan tugas dengan kualitas terbaik",
    ]),
    ("HARMONIS", "Harmonis", "M.02", [
        "Menghargai setiap orang apa pun latar belakangnya",
        "Suka menolong orang lain",
        "Membangun lingkungan kerja yang kondusif",
    ]),
    ("LOYAL", "Loyal", "M.01", [
        "Memegang teguh ideologi Pancasila, UUD 1945, setia kepada NKRI serta pemerintahan yang sah",
        "Menjaga nama baik sesama ASN, pimpinan, instansi, dan negara",
        "Menjaga rahasia jabatan dan negara",
    ]),
    ("ADAPTIF", "Adaptif", "M.07", [
        "Cepat menyesuaikan diri menghadapi perubahan",
        "Terus berinovasi dan mengembangkan kreativitas",
        "Bertindak proaktif",
    ]),
    ("KOLABORATIF", "Kolaboratif", "M.02", [
        "Memberi kesempatan kepada berbagai pihak untuk berkontribusi",
        "Terbuka dalam bekerja sama untuk menghasilkan nilai tambah",
        "Menggerakkan pemanfaatan berbagai sumber daya untuk tujuan bersama",
    ]),
]


def seed(apps, schema_editor):
    CoreValue = apps.get_model("appraisal", "CoreValue")
    for order, (code, name, competency, guides) in enumerate(CORE_VALUES, start=1):
        CoreValue.objects.update_or_create(
            code=code, defaults={"order": order, "name": name, "guides": guides, "competency_code": competency}
        )


def unseed(apps, schema_editor):
    apps.get_model("appraisal", "CoreValue").objects.filter(code__in=[row[0] for row in CORE_VALUES]).delete()


class Migration(migrations.Migration):
    dependencies = [("appraisal", "0002_evaluations")]

    operations = [migrations.RunPython(seed, unseed)]
