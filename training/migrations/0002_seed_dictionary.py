"""Seed the managerial and socio-cultural dictionary, the default standards per position level and the
development forms (domain.md §3). The indicators are our own short paraphrases, not regulation text.
Every row stays editable: the defaults per level are marked unverified in the domain notes.
"""

from django.db import migrations

# code, name, definition, then per level 1..5: (description, indicators)
DICTIONARY = [
    (
        "M.01",
        "Integritas",
        "Konsisten berperilaku selaras dengan nilai, norma dan etika organisasi, jujur dalam hubungan kerja.",
        [
            ("Mampu bertindak sesuai nilai dan etika organisasi", "Mengikuti aturan dan kode etik\nJujur dalam melaporkan pekerjaan sendiri"),
            ("Mampu mengingatkan rekan untuk bertindak sesuai etika", "Menegur rekan yang menyimpang dari aturan\nMenolak imbalan di luar ketentuan"),
            ("Mampu memastikan dan menjamin etika di unit kerja", "Menegakkan aturan secara konsisten di unitnya\nMenjadi teladan kejujuran bagi bawahan"),
            ("Mampu menciptakan budaya etika di organisasi", "Membangun sistem yang mencegah penyimpangan\nBertindak tegas terhadap pelanggaran"),
            ("Mampu menjadi panutan integritas di tingkat instansi", "Memegang prinsip walau menghadapi tekanan\nMenjadi rujukan etika bagi pimpinan lain"),
        ],
    ),
    (
        "M.02",
        "Kerjasama",
        "Kemampuan menjalin dan membina hubungan kerja yang efektif untuk menyelesaikan pekerjaan bersama.",
        [
            ("Berpartisipasi dalam kelompok kerja", "Menyelesaikan bagian tugasnya dalam tim\nBerbagi informasi yang relevan"),
            ("Menumbuhkan tim kerja yang partisipatif", "Membantu rekan yang kesulitan\nMenghargai pendapat anggota tim"),
            ("Efektif membangun tim lintas unit", "Melibatkan pihak terkait sejak awal\nMenyelesaikan perbedaan secara terbuka"),
            ("Membangun komitmen tim dan sinergi", "Menyatukan tujuan unit-unit yang berbeda\nMembangun jejaring kerja antarinstansi"),
            ("Menciptakan kolaborasi strategis", "Membangun kemitraan jangka panjang\nMengarahkan sumber daya lintas organisasi"),
        ],
    ),
    (
        "M.03",
        "Komunikasi",
        "Kemampuan menyampaikan dan menerima informasi secara jelas, lisan maupun tertulis.",
        [
            ("Menyampaikan informasi dengan jelas dan sopan", "Berbicara runtut kepada rekan dan masyarakat\nMendengarkan sebelum menjawab"),
            ("Aktif menjalankan komunikasi dua arah", "Memastikan pesan dipahami penerima\nMenulis surat dan laporan yang rapi"),
            ("Berkomunikasi secara asertif dan terampil", "Menyesuaikan gaya bicara dengan pendengar\nMenyampaikan hal sulit dengan tenang"),
            ("Mengelola komunikasi yang efektif", "Merancang strategi komunikasi unit\nMenjembatani kepentingan yang berbeda"),
            ("Menjadi komunikator yang dihormati", "Mewakili instansi di forum penting\nMembangun kepercayaan publik melalui komunikasi"),
        ],
    ),
    (
        "M.04",
        "Orientasi pada Hasil",
        "Kemampuan mempertahankan komitmen menyelesaikan tugas dengan standar yang tinggi.",
        [
            ("Bertanggung jawab atas hasil kerja sendiri", "Menyelesaikan tugas tepat waktu\nMemeriksa ulang hasil kerja"),
            ("Menetapkan dan berupaya mencapai target", "Menyusun langkah kerja yang terukur\nMencari cara kerja yang lebih baik"),
            ("Menetapkan target yang menantang bagi unit", "Memantau capaian secara berkala\nMemperbaiki proses yang menghambat"),
            ("Mendorong unit mencapai hasil melebihi target", "Menetapkan ukuran kinerja yang jelas\nMengalokasikan sumber daya untuk hasil terbaik"),
            ("Menciptakan budaya kinerja tinggi", "Menghubungkan target unit dengan sasaran strategis\nMenjaga akuntabilitas hasil di seluruh organisasi"),
        ],
    ),
    (
        "M.05",
        "Pelayanan Publik",
        "Kemampuan melaksanakan tugas pelayanan yang berkualitas, adil dan tanpa diskriminasi.",
        [
            ("Menjalankan pelayanan sesuai standar", "Melayani dengan ramah dan tepat waktu\nMengikuti prosedur pelayanan yang berlaku"),
            ("Mampu mengupayakan pelayanan yang lebih baik", "Menanggapi keluhan dengan solusi\nMemberi informasi layanan yang lengkap"),
            ("Mampu memonitor dan mengevaluasi pelayanan", "Memakai hasil survei untuk perbaikan\nMenetapkan standar layanan unit"),
            ("Mampu memperbaiki sistem pelayanan", "Menyederhanakan prosedur layanan\nMenyatukan layanan lintas unit"),
            ("Mampu menciptakan kebijakan pelayanan publik", "Merancang kebijakan berpihak pada warga\nMenjamin keadilan akses layanan"),
        ],
    ),
    (
        "M.06",
        "Pengembangan Diri dan Orang Lain",
        "Kemampuan meningkatkan pengetahuan dan keterampilan diri sendiri dan orang lain.",
        [
            ("Mengembangkan diri", "Mempelajari hal baru di bidang tugasnya\nMenerima umpan balik dengan terbuka"),
            ("Meningkatkan kemampuan bawahan dengan bimbingan", "Berbagi pengetahuan dengan rekan\nMemberi contoh cara kerja yang benar"),
            ("Memberikan bimbingan dan umpan balik", "Melakukan coaching secara teratur\nMenyusun rencana pengembangan bawahan"),
            ("Menyusun program pengembangan jangka panjang", "Menyiapkan kader pengganti\nMenyediakan kesempatan belajar di unit"),
            ("Menciptakan organisasi pembelajar", "Membangun sistem manajemen talenta\nMendorong budaya belajar di seluruh instansi"),
        ],
    ),
    (
        "M.07",
        "Mengelola Perubahan",
        "Kemampuan menyesuaikan diri dan mendorong perubahan yang bermanfaat bagi organisasi.",
        [
            ("Mengikuti perubahan dengan arahan", "Menerima cara kerja baru\nMempelajari aplikasi atau aturan baru"),
            ("Proaktif beradaptasi dengan perubahan", "Mencoba cara kerja baru tanpa diminta\nMembantu rekan menyesuaikan diri"),
            ("Membantu orang lain mengikuti perubahan", "Menjelaskan alasan perubahan kepada tim\nMengatasi penolakan secara persuasif"),
            ("Memimpin perubahan di unit kerja", "Merencanakan tahapan perubahan\nMengelola risiko selama perubahan"),
            ("Mengelola perubahan yang berdampak luas", "Mengarahkan transformasi organisasi\nMenjaga kesinambungan layanan selama perubahan"),
        ],
    ),
    (
        "M.08",
        "Pengambilan Keputusan",
        "Kemampuan membuat keputusan yang baik, tepat waktu dan dapat dipertanggungjawabkan.",
        [
            ("Mengumpulkan informasi untuk keputusan", "Mengenali masalah dalam tugasnya\nMelaporkan pilihan kepada atasan"),
            ("Menganalisis masalah secara mendalam", "Membandingkan beberapa pilihan\nMemperhitungkan akibat setiap pilihan"),
            ("Membandingkan alternatif dan mengambil keputusan", "Memutuskan tepat waktu dengan data\nMenjelaskan dasar keputusan"),
            ("Menyelesaikan masalah yang mengandung risiko tinggi", "Mengambil keputusan di bawah ketidakpastian\nMenyiapkan langkah mitigasi"),
            ("Menghasilkan keputusan strategis", "Memutuskan arah kebijakan jangka panjang\nMenimbang dampak bagi masyarakat luas"),
        ],
    ),
]
SOCIOCULTURAL = [
    (
        "SK.01",
        "Perekat Bangsa",
        "Kemampuan mempromosikan sikap toleransi, keterbukaan dan peka terhadap keberagaman.",
        [
            ("Peka memahami dan menerima keberagaman", "Menghargai rekan dari latar belakang berbeda\nTidak membeda-bedakan warga yang dilayani"),
            ("Aktif mengembangkan sikap saling menghargai", "Menjaga suasana kerja yang inklusif\nMenengahi perbedaan pendapat dengan adil"),
            ("Mengembangkan sikap keterbukaan dan toleransi", "Melibatkan beragam kelompok dalam kegiatan\nMencegah konflik berbasis perbedaan"),
            ("Mendayagunakan keberagaman di unit kerja", "Memanfaatkan perbedaan untuk solusi terbaik\nMembangun kebijakan unit yang inklusif"),
            ("Menjadi wakil pemerintah yang mempersatukan", "Menjaga kesatuan dalam kebijakan publik\nMenjadi teladan persatuan di masyarakat"),
        ],
    ),
]
# Default required level of every managerial and socio-cultural competency, by position level.
DEFAULT_LEVELS = {
    "JPT_UTAMA": 5,
    "JPT_MADYA": 5,
    "JPT_PRATAMA": 4,
    "ADMINISTRATOR": 3,
    "PENGAWAS": 2,
    "AHLI_UTAMA": 4,
    "AHLI_MADYA": 3,
    "AHLI_MUDA": 2,
    "AHLI_PERTAMA": 1,
    "PENYELIA": 2,
    "MAHIR": 1,
    "TERAMPIL": 1,
    "PEMULA": 1,
    "PELAKSANA": 1,
}
# code, name, classical, counts as coaching or mentoring
FORMS = [
    ("pelatihan-klasikal", "Pelatihan klasikal", True, False),
    ("seminar-workshop", "Seminar/workshop", True, False),
    ("kursus", "Kursus", True, False),
    ("bimtek", "Bimbingan teknis (bimtek)", True, False),
    ("e-learning", "E-learning", False, False),
    ("pjj", "Pembelajaran jarak jauh", False, False),
    ("coaching", "Coaching", False, True),
    ("mentoring", "Mentoring", False, True),
    ("magang", "Magang/praktik kerja", False, False),
    ("detasering", "Detasering", False, False),
    ("benchmarking", "Benchmarking/studi banding", False, False),
    ("pertukaran-swasta", "Pertukaran dengan swasta", False, False),
    ("penugasan-prioritas", "Penugasan program prioritas", False, False),
    ("belajar-mandiri", "Belajar mandiri", False, False),
    ("komunitas-belajar", "Komunitas belajar", False, False),
    ("bimbingan-tempat-kerja", "Bimbingan di tempat kerja", False, True),
    ("pendidikan-formal", "Pendidikan formal", False, False),
]


def seed(apps, schema_editor):
    Competency = apps.get_model("training", "Competency")
    CompetencyLevel = apps.get_model("training", "CompetencyLevel")
    PositionKindStandard = apps.get_model("training", "PositionKindStandard")
    DevelopmentForm = apps.get_model("training", "DevelopmentForm")
    seeded = []
    for kind, entries in (("MANAGERIAL", DICTIONARY), ("SOCIOCULTURAL", SOCIOCULTURAL)):
        for code, name, definition, levels in entries:
            competency, _ = Competency.objects.get_or_create(
                code=code, defaults={"name": name, "kind": kind, "description": definition}
            )
            seeded.append(competency)
            for level, (description, indicators) in enumerate(levels, start=1):
                CompetencyLevel.objects.get_or_create(
                    competency=competency, level=level, defaults={"description": description, "indicators": indicators}
                )
    for position_level, required in DEFAULT_LEVELS.items():
        for competency in seeded:
            PositionKindStandard.objects.get_or_create(
                position_level=position_level, competency=competency, defaults={"required_level": required}
            )
    for order, (code, name, classical, is_coaching) in enumerate(FORMS, start=1):
        DevelopmentForm.objects.get_or_create(
            code=code, defaults={"name": name, "classical": classical, "is_coaching": is_coaching, "order": order}
        )


class Migration(migrations.Migration):
    dependencies = [("training", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
