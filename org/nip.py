"""NIP (Nomor Induk Pegawai) parsing and validation, domain.md §4 (Perka BKN 22/2007).

A PNS NIP is 18 digits ``YYYYMMDD YYYYMM G NNN``: birth date, month of first appointment
(TMT CPNS), sex digit and serial. The PPPK number (NI PPPK) shares the birth date and sex
digit but its middle segment differs and is unverified, so it is checked more loosely.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

NIP_LENGTH = 18
SEX_MALE = "1"
SEX_FEMALE = "2"
MIN_APPOINTMENT_AGE = 18

NIP_NOT_18_DIGITS = _("NIP harus terdiri dari 18 angka (sekarang %(count)d karakter).")
NIP_NOT_DIGITS = _("NIP hanya boleh berisi angka.")
NIP_BAD_BIRTH_DATE = _("8 angka pertama NIP bukan tanggal lahir yang valid (%(value)s).")
NIP_BIRTH_DATE_IN_FUTURE = _("Tanggal lahir pada NIP (%(value)s) ada di masa depan.")
NIP_BAD_APPOINTMENT_MONTH = _("Angka 9–14 NIP bukan tahun-bulan TMT CPNS yang valid (%(value)s).")
NIP_APPOINTMENT_TOO_LATE = _("TMT CPNS pada NIP (%(value)s) lebih dari satu bulan ke depan.")
NIP_APPOINTMENT_BEFORE_BIRTH = _("TMT CPNS pada NIP (%(value)s) sebelum tanggal lahir.")
NIP_BAD_SEX_DIGIT = _("Angka ke-15 NIP harus 1 (laki-laki) atau 2 (perempuan), bukan %(value)s.")
NIP_SEX_MISMATCH = _("Jenis kelamin tidak sesuai dengan angka ke-15 NIP.")
NIP_WARN_YOUNG = _("TMT CPNS kurang dari 18 tahun setelah tahun lahir; periksa kembali NIP.")
NIP_WARN_SERIAL_ZERO = _("Nomor urut NIP 000 tidak lazim; periksa kembali NIP.")

_SEPARATORS = re.compile(r"[\s.\-]")


@dataclass(frozen=True)
class ParsedNip:
    """The parts of a valid NIP, with soft warnings that do not reject it."""

    value: str
    birth_date: date
    appointment_year: int
    appointment_month: int
    sex_digit: str
    serial: str
    warnings: tuple[str, ...] = ()

    @property
    def is_female(self) -> bool:
        return self.sex_digit == SEX_FEMALE


def normalize_nip(raw: str) -> str:
    """Strip spaces, dots and dashes, the ways a NIP is usually written."""
    return _SEPARATORS.sub("", str(raw or ""))


def format_nip(nip: str) -> str:
    """Display form ``YYYYMMDD YYYYMM G NNN``; anything that is not 18 digits is shown as is."""
    if len(nip) != NIP_LENGTH or not nip.isdigit():
        return nip
    return f"{nip[:8]} {nip[8:14]} {nip[14]} {nip[15:]}"


def _birth_date(nip: str, *, today: date) -> date:
    try:
        born = date(int(nip[0:4]), int(nip[4:6]), int(nip[6:8]))
    except ValueError:
        raise ValidationError(NIP_BAD_BIRTH_DATE, code="birth_date", params={"value": nip[:8]}) from None
    if born > today:
        raise ValidationError(NIP_BIRTH_DATE_IN_FUTURE, code="birth_future", params={"value": nip[:8]})
    return born


def _check_shape(nip: str) -> None:
    if not nip.isdigit():
        raise ValidationError(NIP_NOT_DIGITS, code="digits")
    if len(nip) != NIP_LENGTH:
        raise ValidationError(NIP_NOT_18_DIGITS, code="length", params={"count": len(nip)})


def _check_sex_digit(nip: str, *, is_female: bool | None) -> None:
    sex_digit = nip[14]
    if sex_digit not in (SEX_MALE, SEX_FEMALE):
        raise ValidationError(NIP_BAD_SEX_DIGIT, code="sex_digit", params={"value": sex_digit})
    if is_female is not None and is_female != (sex_digit == SEX_FEMALE):
        raise ValidationError(NIP_SEX_MISMATCH, code="sex_mismatch")


def parse_pns_nip(raw: str, *, today: date, is_female: bool | None = None) -> ParsedNip:
    """Validate a PNS NIP and return its parts; raise ``ValidationError`` in Indonesian.

    The appointment month may be at most next month (our choice, domain.md §4): data is often
    entered just before the TMT. ``is_female`` cross-checks the sex digit when gender is known.
    """
    nip = normalize_nip(raw)
    _check_shape(nip)
    born = _birth_date(nip, today=today)
    year, month = int(nip[8:12]), int(nip[12:14])
    if not 1 <= month <= 12 or year < 1900:
        raise ValidationError(NIP_BAD_APPOINTMENT_MONTH, code="appointment", params={"value": nip[8:14]})
    latest = (today.year + (today.month == 12), today.month % 12 + 1)
    if (year, month) > latest:
        raise ValidationError(NIP_APPOINTMENT_TOO_LATE, code="appointment_future", params={"value": nip[8:14]})
    if (year, month) < (born.year, born.month):
        raise ValidationError(NIP_APPOINTMENT_BEFORE_BIRTH, code="appointment_birth", params={"value": nip[8:14]})
    _check_sex_digit(nip, is_female=is_female)
    warnings = []
    if year < born.year + MIN_APPOINTMENT_AGE:
        warnings.append(str(NIP_WARN_YOUNG))
    if nip[15:] == "000":
        warnings.append(str(NIP_WARN_SERIAL_ZERO))
    return ParsedNip(nip, born, year, month, nip[14], nip[15:], tuple(warnings))


def parse_pppk_number(raw: str, *, today: date, is_female: bool | None = None) -> ParsedNip:
    """Validate an NI PPPK loosely: 18 digits, a real birth date and the sex digit.

    The middle segment of NI PPPK is unverified (domain.md §4 [U]), so it is not checked and the
    PNS rules are never applied to it.
    """
    nip = normalize_nip(raw)
    _check_shape(nip)
    born = _birth_date(nip, today=today)
    _check_sex_digit(nip, is_female=is_female)
    return ParsedNip(nip, born, int(nip[8:12]), 0, nip[14], nip[15:])


def build_nip(*, birth_date: date, appointment_year: int, appointment_month: int, is_female: bool, serial: int) -> str:
    """Compose a NIP from its parts (demo data and tests); the inverse of ``parse_pns_nip``."""
    sex_digit = SEX_FEMALE if is_female else SEX_MALE
    return f"{birth_date:%Y%m%d}{appointment_year:04d}{appointment_month:02d}{sex_digit}{serial:03d}"
