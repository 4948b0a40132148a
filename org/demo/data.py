"""The demo regency behind ``seed_demo``: its units, positions, people's names and titles, and logins.

Pure data (no queries). The structure follows PP 18/2016 perangkat daerah and the jabatan levels of
UU 20/2023 (domain.md §5); position names follow the current pelaksana and fungsional nomenclature.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from ..models import Employee, Position, Unit

L = Position.Level
R = Employee.Rank
K = Unit.Kind

STRUCTURAL_LEVELS = {L.JPT_UTAMA, L.JPT_MADYA, L.JPT_PRATAMA, L.ADMINISTRATOR, L.PENGAWAS}
# Birth years per level: old enough for the level, young enough not to have reached the retirement
# age (58; 60 for JPT) by the end of 2026.
BIRTH_YEARS = {
    L.JPT_PRATAMA: (1967, 1975),
    L.ADMINISTRATOR: (1969, 1982),
    L.PENGAWAS: (1969, 1988),
    L.AHLI_MUDA: (1969, 1988),
    L.AHLI_PERTAMA: (1975, 1999),
    L.MAHIR: (1969, 1990),
    L.TERAMPIL: (1975, 2000),
    L.PELAKSANA: (1969, 2000),
}
# PNS pangkat per level, lowest first; the years of service pick one. Pelaksana go by education.
PNS_RANKS = {
    L.JPT_PRATAMA: (R.IV_C, R.IV_D),
    L.ADMINISTRATOR: (R.IV_A, R.IV_B),
    L.PENGAWAS: (R.III_C, R.III_D, R.IV_A),
    L.AHLI_MUDA: (R.III_C, R.III_D),
    L.AHLI_PERTAMA: (R.III_A, R.III_B),
    L.MAHIR: (R.III_A, R.III_B),
    L.TERAMPIL: (R.II_C, R.II_D),
}
PELAKSANA_PNS_RANKS = {
    "SMA": (R.II_A, R.II_B, R.II_C, R.II_D),
    "D3": (R.II_C, R.II_D, R.III_A, R.III_B),
    "S1": (R.III_A, R.III_B, R.III_C),
}
# PPPK golongan by the education a level needs: S2 X, S1 IX, D3 VII, SMA V.
PPPK_RANKS = {L.AHLI_MUDA: R.PPPK_X, L.AHLI_PERTAMA: R.PPPK_IX, L.MAHIR: R.PPPK_VII, L.TERAMPIL: R.PPPK_VII}
PELAKSANA_PPPK_RANKS = {"SMA": R.PPPK_V, "D3": R.PPPK_VII, "S1": R.PPPK_IX}

_BACHELOR = ("S.E.", "S.Sos.", "S.AP.", "S.IP.", "S.H.", "S.Kom.", "S.T.", "S.Pd.")
# Bachelor and master titles as they are usually paired.
_POSTGRADUATE = (
    "S.E., M.M.",
    "S.E., M.Si.",
    "S.Sos., M.Si.",
    "S.Sos., M.AP.",
    "S.AP., M.AP.",
    "S.IP., M.Si.",
    "S.H., M.H.",
    "S.Pd., M.Pd.",
)
# Education profile -> (front titles, back titles) to draw from; "" means none.
TITLES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "SMA": (("",), ("",)),
    "D3": (("",), ("A.Md.",)),
    "S1": (("",), _BACHELOR),
    "S2": (("", "", "", "", "Dr."), _POSTGRADUATE),
    "TEK": (("", "Ir."), ("S.T.", "S.T., M.T.")),
    "PEMDA": (("",), ("S.STP.", "S.IP.", "S.STP., M.Si.")),
    "KOM": (("",), ("S.Kom.", "S.Kom., M.Kom.")),
    "HUK": (("",), ("S.H.", "S.H., M.H.")),
    "DOK": (("dr.",), ("", "M.Kes.")),
    "APT": (("apt.",), ("S.Farm.",)),
    "KESMAS": (("",), ("S.K.M.", "S.K.M., M.Kes.")),
    "GIZI": (("",), ("S.Gz.",)),
    "NERS": (("",), ("S.Kep., Ners",)),
    "KEP": (("",), ("A.Md.Kep.",)),
    "KEB": (("",), ("A.Md.Keb.", "S.Tr.Keb.")),
    "LAB": (("",), ("A.Md.AK.",)),
}
FEMALE_ONLY = {"KEB"}


def _names(text: str) -> tuple[str, ...]:
    return tuple(text.split())


# Batak marga and Wijaya are carried by both sexes; the other names are typical of one.
_SHARED_LAST_NAMES = "Daulay Harahap Hasibuan Lubis Nasution Siregar Simanjuntak Sitompul Tanjung Wijaya"
FIRST_NAMES = {
    Employee.Gender.MALE: _names(
        "Agus Ahmad Andi Arif Asep Bambang Bayu Budi Dedi Dimas Eko Fajar Gilang Hadi Hendra "
        "Ilham Irfan Iwan Joko Muhammad Rahmat Rizki Rudi Slamet Taufik Teguh Wahyu Yudi Yusuf"
    ),
    Employee.Gender.FEMALE: _names(
        "Anisa Ani Ayu Citra Dewi Diah Eka Endang Fitri Ida Indah Intan Kartika Lina Maya "
        "Nia Novi Nur Putri Ratih Ratna Rina Rini Sari Siti Sri Tuti Wulan Yuni Zahra"
    ),
}
LAST_NAMES = {
    Employee.Gender.MALE: _names(
        "Firmansyah Gunawan Hartono Hidayat Kurniawan Maulana Nugroho Pratama Purnomo Ramadhan "
        f"Santoso Saputra Setiawan Suryadi Susanto Syahputra Wibowo {_SHARED_LAST_NAMES}"
    ),
    Employee.Gender.FEMALE: _names(
        "Anggraini Fitriani Handayani Kusumawati Lestari Maharani Marlina Ningsih Novitasari "
        f"Permatasari Puspitasari Rahayu Rahmawati Safitri Susanti Wulandari Yuliani {_SHARED_LAST_NAMES}"
    ),
}


@dataclass(frozen=True)
class Staff:
    """A position in a unit, how many people hold it and their education profile (see ``TITLES``)."""

    name: str
    level: str
    holders: int = 1
    education: str = "S1"

    @property
    def kind(self) -> str:
        if self.level in STRUCTURAL_LEVELS:
            return Position.Kind.STRUKTURAL
        return Position.Kind.PELAKSANA if self.level == L.PELAKSANA else Position.Kind.FUNGSIONAL

    @property
    def pns_ranks(self) -> tuple[str, ...]:
        return PELAKSANA_PNS_RANKS[self.education] if self.level == L.PELAKSANA else PNS_RANKS[self.level]

    @property
    def pppk_rank(self) -> str | None:
        """The PPPK golongan, or None for managerial posts, which only PNS hold."""
        return PELAKSANA_PPPK_RANKS[self.education] if self.level == L.PELAKSANA else PPPK_RANKS.get(self.level)


@dataclass(frozen=True)
class UnitSpec:
    code: str
    name: str
    kind: str
    head: Staff
    staff: tuple[Staff, ...] = ()
    children: tuple[UnitSpec, ...] = ()


def _secretariat(opd_code: str, opd_name: str, opd_kind: str) -> UnitSpec:
    """The secretariat every Dinas and Badan has, with its general-affairs subdivision."""
    return UnitSpec(
        f"{opd_code}.SEK",
        f"Sekretariat {opd_name}",
        K.SEKRETARIAT,
        Staff(f"Sekretaris {opd_kind.title()}", L.ADMINISTRATOR, education="S2"),
        (Staff("Analis Keuangan Pusat dan Daerah Ahli Pertama", L.AHLI_PERTAMA, education="S1"),),
        (
            UnitSpec(
                f"{opd_code}.SEK.UMPEG",
                "Subbagian Umum dan Kepegawaian",
                K.SUBBAGIAN,
                Staff("Kepala Subbagian Umum dan Kepegawaian", L.PENGAWAS),
                (Staff("Pengadministrasi Perkantoran", L.PELAKSANA, 2, "SMA"),),
            ),
        ),
    )


def _bidang(
    code: str, name: str, staff: tuple[Staff, ...], *, education: str = "S2", children: tuple[UnitSpec, ...] = ()
) -> UnitSpec:
    return UnitSpec(
        code, f"Bidang {name}", K.BIDANG, Staff(f"Kepala Bidang {name}", L.ADMINISTRATOR, 1, education), staff, children
    )


def _bagian(
    code: str, name: str, staff: tuple[Staff, ...], *, education: str = "S2", children: tuple[UnitSpec, ...] = ()
) -> UnitSpec:
    head = Staff(f"Kepala Bagian {name}", L.ADMINISTRATOR, 1, education)
    return UnitSpec(code, f"Bagian {name}", K.BAGIAN, head, staff, children)


def _seksi(code: str, name: str, staff: tuple[Staff, ...]) -> UnitSpec:
    return UnitSpec(code, f"Seksi {name}", K.SEKSI, Staff(f"Kepala Seksi {name}", L.PENGAWAS), staff)


def _puskesmas(code: str, name: str, staff: tuple[Staff, ...]) -> UnitSpec:
    head = Staff("Kepala Puskesmas", L.PENGAWAS, 1, "KESMAS")
    return UnitSpec(
        code,
        f"UPTD Puskesmas {name}",
        K.PUSKESMAS,
        head,
        (*staff, Staff("Pengadministrasi Perkantoran", L.PELAKSANA, 1, "SMA")),
    )


def _kelurahan(code: str, name: str) -> UnitSpec:
    staff = (Staff("Sekretaris Kelurahan", L.PENGAWAS), Staff("Pengadministrasi Pemerintahan", L.PELAKSANA, 2, "SMA"))
    return UnitSpec(code, f"Kelurahan {name}", K.KELURAHAN, Staff(f"Lurah {name}", L.PENGAWAS, 1, "PEMDA"), staff)


def _opd(code: str, name: str, kind: str, children: tuple[UnitSpec, ...], *, education: str = "S2") -> UnitSpec:
    """A Dinas or Badan: a JPT Pratama head, a secretariat and its bidang."""
    head = Staff(f"Kepala {name}", L.JPT_PRATAMA, 1, education)
    return UnitSpec(code, name, kind, head, (), (_secretariat(code, name, kind), *children))


DUKCAPIL = "Dinas Kependudukan dan Pencatatan Sipil"
BKPSDM = "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia"
ANALIS_SDM = "Analis Sumber Daya Manusia Aparatur"
REGENCY_NAME = "Pemerintah Kabupaten Contoh"
SEKDA = UnitSpec(
    "SETDA",
    "Sekretariat Daerah",
    K.SEKRETARIAT,
    Staff("Sekretaris Daerah", L.JPT_PRATAMA, 1, "S2"),
    children=(
        _bagian(
            "SETDA.PEM",
            "Pemerintahan",
            (
                Staff("Analis Kebijakan Ahli Muda", L.AHLI_MUDA, 1, "S2"),
                Staff("Analis Kebijakan Ahli Pertama", L.AHLI_PERTAMA),
                Staff("Penelaah Teknis Kebijakan", L.PELAKSANA),
            ),
            education="PEMDA",
        ),
        _bagian(
            "SETDA.HUK",
            "Hukum",
            (
                Staff("Perancang Peraturan Perundang-undangan Ahli Pertama", L.AHLI_PERTAMA, 2, "HUK"),
                Staff("Analis Hukum Ahli Pertama", L.AHLI_PERTAMA, 1, "HUK"),
            ),
            education="HUK",
        ),
        _bagian(
            "SETDA.ORG",
            "Organisasi",
            (
                Staff("Analis Kebijakan Ahli Pertama", L.AHLI_PERTAMA),
                Staff("Pengolah Data dan Informasi", L.PELAKSANA, 1, "D3"),
            ),
        ),
        _bagian(
            "SETDA.UMUM",
            "Umum",
            (),
            children=(
                UnitSpec(
                    "SETDA.UMUM.TU",
                    "Subbagian Tata Usaha Pimpinan",
                    K.SUBBAGIAN,
                    Staff("Kepala Subbagian Tata Usaha Pimpinan", L.PENGAWAS),
                    (
                        Staff("Pengadministrasi Perkantoran", L.PELAKSANA, 2, "SMA"),
                        Staff("Pranata Komputer Terampil", L.TERAMPIL, 1, "D3"),
                    ),
                ),
            ),
        ),
    ),
)
OPDS = (
    SEKDA,
    _opd(
        "DUKCAPIL",
        DUKCAPIL,
        K.DINAS,
        (
            _bidang(
                "DUKCAPIL.DAFDUK",
                "Pelayanan Pendaftaran Penduduk",
                (
                    Staff("Administrator Database Kependudukan Ahli Pertama", L.AHLI_PERTAMA, 1, "KOM"),
                    Staff("Operator Layanan KTP-el", L.PELAKSANA, 3, "SMA"),
                    Staff("Operator Layanan Kartu Keluarga", L.PELAKSANA, 2, "D3"),
                    Staff("Penata Layanan Operasional", L.PELAKSANA),
                ),
            ),
            _bidang(
                "DUKCAPIL.CAPIL",
                "Pelayanan Pencatatan Sipil",
                (),
                children=(
                    _seksi(
                        "DUKCAPIL.CAPIL.LM",
                        "Kelahiran dan Kematian",
                        (
                            Staff("Operator Layanan Akta", L.PELAKSANA, 2, "SMA"),
                            Staff("Verifikator Berkas Kependudukan", L.PELAKSANA, 1, "D3"),
                        ),
                    ),
                    _seksi(
                        "DUKCAPIL.CAPIL.KAW",
                        "Perkawinan dan Perceraian",
                        (Staff("Operator Layanan Akta", L.PELAKSANA, 1, "D3"),),
                    ),
                ),
            ),
            _bidang(
                "DUKCAPIL.PIAK",
                "Pengelolaan Informasi Administrasi Kependudukan",
                (
                    Staff("Pranata Komputer Ahli Pertama", L.AHLI_PERTAMA, 1, "KOM"),
                    Staff("Pranata Komputer Terampil", L.TERAMPIL, 1, "D3"),
                ),
                education="KOM",
            ),
        ),
    ),
    _opd(
        "DINKES",
        "Dinas Kesehatan",
        K.DINAS,
        (
            _bidang(
                "DINKES.KESMAS",
                "Kesehatan Masyarakat",
                (
                    Staff("Epidemiolog Kesehatan Ahli Muda", L.AHLI_MUDA, 1, "KESMAS"),
                    Staff("Nutrisionis Ahli Pertama", L.AHLI_PERTAMA, 1, "GIZI"),
                    Staff("Penyuluh Kesehatan Masyarakat Ahli Pertama", L.AHLI_PERTAMA, 1, "KESMAS"),
                ),
                education="KESMAS",
            ),
            _bidang(
                "DINKES.YANKES",
                "Pelayanan Kesehatan",
                (
                    Staff("Administrator Kesehatan Ahli Muda", L.AHLI_MUDA, 1, "KESMAS"),
                    Staff("Apoteker Ahli Pertama", L.AHLI_PERTAMA, 1, "APT"),
                ),
                education="DOK",
            ),
            _puskesmas(
                "DINKES.PKM1",
                "Sukamaju",
                (
                    Staff("Dokter Ahli Pertama", L.AHLI_PERTAMA, 2, "DOK"),
                    Staff("Perawat Ahli Pertama", L.AHLI_PERTAMA, 1, "NERS"),
                    Staff("Perawat Terampil", L.TERAMPIL, 2, "KEP"),
                    Staff("Bidan Terampil", L.TERAMPIL, 2, "KEB"),
                    Staff("Pranata Laboratorium Kesehatan Terampil", L.TERAMPIL, 1, "LAB"),
                ),
            ),
            _puskesmas(
                "DINKES.PKM2",
                "Mekarsari",
                (
                    Staff("Dokter Ahli Muda", L.AHLI_MUDA, 1, "DOK"),
                    Staff("Perawat Ahli Pertama", L.AHLI_PERTAMA, 1, "NERS"),
                    Staff("Perawat Mahir", L.MAHIR, 1, "KEP"),
                    Staff("Bidan Terampil", L.TERAMPIL, 2, "KEB"),
                    Staff("Sanitarian Terampil", L.TERAMPIL, 1, "D3"),
                ),
            ),
        ),
        education="DOK",
    ),
    _opd(
        "DPMPTSP",
        "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu",
        K.DINAS,
        (
            _bidang(
                "DPMPTSP.IZIN",
                "Pelayanan Perizinan dan Nonperizinan",
                (
                    Staff("Penata Perizinan Ahli Muda", L.AHLI_MUDA),
                    Staff("Penata Perizinan Ahli Pertama", L.AHLI_PERTAMA, 2),
                    Staff("Operator Layanan Perizinan", L.PELAKSANA, 2, "D3"),
                ),
                education="TEK",
            ),
            _bidang(
                "DPMPTSP.PM",
                "Penanaman Modal",
                (
                    Staff("Analis Kebijakan Ahli Pertama", L.AHLI_PERTAMA),
                    Staff("Penelaah Teknis Kebijakan", L.PELAKSANA),
                ),
            ),
        ),
    ),
    _opd(
        "BKPSDM",
        BKPSDM,
        K.BADAN,
        (
            _bidang(
                "BKPSDM.MUT",
                "Mutasi dan Promosi",
                (
                    Staff(f"{ANALIS_SDM} Ahli Muda", L.AHLI_MUDA),
                    Staff("Pranata Sumber Daya Manusia Aparatur Terampil", L.TERAMPIL, 1, "D3"),
                ),
            ),
            _bidang(
                "BKPSDM.PKP",
                "Penilaian Kinerja Aparatur dan Penghargaan",
                (
                    Staff(f"{ANALIS_SDM} Ahli Pertama", L.AHLI_PERTAMA, 2),
                    Staff("Pranata Komputer Ahli Pertama", L.AHLI_PERTAMA, 1, "KOM"),
                    Staff("Pengolah Data dan Informasi", L.PELAKSANA, 1, "D3"),
                ),
            ),
            _bidang(
                "BKPSDM.BANGKOM",
                "Pengembangan Kompetensi",
                (
                    Staff(f"{ANALIS_SDM} Ahli Muda", L.AHLI_MUDA),
                    Staff("Penata Layanan Operasional", L.PELAKSANA),
                ),
            ),
        ),
    ),
    UnitSpec(
        "KEC.SUKAMAJU",
        "Kecamatan Sukamaju",
        K.KECAMATAN,
        Staff("Camat Sukamaju", L.ADMINISTRATOR, 1, "PEMDA"),
        (
            Staff("Sekretaris Kecamatan", L.ADMINISTRATOR, 1, "PEMDA"),
            Staff("Pengadministrasi Perkantoran", L.PELAKSANA, 1, "SMA"),
        ),
        (
            _seksi("KEC.SUKAMAJU.PEM", "Pemerintahan", (Staff("Penelaah Teknis Kebijakan", L.PELAKSANA),)),
            _seksi(
                "KEC.SUKAMAJU.YAN", "Pelayanan Umum", (Staff("Operator Layanan Operasional", L.PELAKSANA, 2, "SMA"),)
            ),
            _kelurahan("KEC.SUKAMAJU.KEL1", "Sukamaju"),
            _kelurahan("KEC.SUKAMAJU.KEL2", "Cibening"),
        ),
    ),
)


@dataclass(frozen=True)
class LoginSpec:
    """A demo account; ``holder`` is the (unit code, position name) whose first holder it belongs to."""

    username: str
    role: str
    holder: tuple[str, str] | None
    is_hr: bool = False
    is_superuser: bool = False


LOGINS = (
    LoginSpec("admin", _("Administrator sistem"), None, is_superuser=True),
    LoginSpec("bkpsdm", _("Pengelola kinerja (BKPSDM)"), ("BKPSDM.PKP", f"{ANALIS_SDM} Ahli Pertama"), is_hr=True),
    LoginSpec("kepala", _("Kepala OPD"), ("DUKCAPIL", f"Kepala {DUKCAPIL}")),
    LoginSpec("atasan", _("Pejabat penilai"), ("DUKCAPIL.DAFDUK", "Kepala Bidang Pelayanan Pendaftaran Penduduk")),
    LoginSpec("pegawai", _("Pegawai"), ("DUKCAPIL.DAFDUK", "Operator Layanan KTP-el")),
)
