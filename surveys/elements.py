"""The nine SKM elements and their four answer labels (domain.md §2.1).

Answers are stored by element code, never by position; the display order is the setting
``SKM_ELEMENT_ORDER`` because the order of U8 and U9 differs between sources ([U]).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

ANSWER_VALUES = (1, 2, 3, 4)


@dataclass(frozen=True)
class Element:
    code: str
    name: Promise
    question: Promise
    labels: tuple[Promise, Promise, Promise, Promise]

    @property
    def field(self) -> str:
        """Model and form field name, e.g. ``u1``."""
        return self.code.lower()

    def choices(self) -> list[tuple[int, Promise]]:
        return list(zip(ANSWER_VALUES, self.labels, strict=True))


ELEMENTS: dict[str, Element] = {
    element.code: element
    for element in (
        Element(
            "U1",
            _("Persyaratan"),
            _("Bagaimana kesesuaian persyaratan pelayanan dengan jenis pelayanannya?"),
            (_("Tidak sesuai"), _("Kurang sesuai"), _("Sesuai"), _("Sangat sesuai")),
        ),
        Element(
            "U2",
            _("Sistem, mekanisme, dan prosedur"),
            _("Bagaimana kemudahan prosedur pelayanan di unit ini?"),
            (_("Tidak mudah"), _("Kurang mudah"), _("Mudah"), _("Sangat mudah")),
        ),
        Element(
            "U3",
            _("Waktu penyelesaian"),
            _("Bagaimana kecepatan waktu dalam memberikan pelayanan?"),
            (_("Tidak cepat"), _("Kurang cepat"), _("Cepat"), _("Sangat cepat")),
        ),
        Element(
            "U4",
            _("Biaya/tarif"),
            _("Bagaimana kewajaran biaya/tarif dalam pelayanan?"),
            (_("Sangat mahal"), _("Cukup mahal"), _("Murah"), _("Gratis")),
        ),
        Element(
            "U5",
            _("Produk spesifikasi jenis pelayanan"),
            _("Bagaimana kesesuaian hasil pelayanan dengan yang tercantum dalam standar pelayanan?"),
            (_("Tidak sesuai"), _("Kurang sesuai"), _("Sesuai"), _("Sangat sesuai")),
        ),
        Element(
            "U6",
            _("Kompetensi pelaksana"),
            _("Bagaimana kompetensi/kemampuan petugas dalam pelayanan?"),
            (_("Tidak kompeten"), _("Kurang kompeten"), _("Kompeten"), _("Sangat kompeten")),
        ),
        Element(
            "U7",
            _("Perilaku pelaksana"),
            _("Bagaimana perilaku petugas dalam pelayanan terkait kesopanan dan keramahan?"),
            (
                _("Tidak sopan dan ramah"),
                _("Kurang sopan dan ramah"),
                _("Sopan dan ramah"),
                _("Sangat sopan dan ramah"),
            ),
        ),
        Element(
            "U8",
            _("Sarana dan prasarana"),
            _("Bagaimana kualitas sarana dan prasarana?"),
            (_("Buruk"), _("Cukup"), _("Baik"), _("Sangat baik")),
        ),
        Element(
            "U9",
            _("Penanganan pengaduan, saran, dan masukan"),
            _("Bagaimana penanganan pengaduan pengguna layanan?"),
            (
                _("Tidak ada"),
                _("Ada tetapi tidak berfungsi"),
                _("Berfungsi kurang maksimal"),
                _("Dikelola dengan baik"),
            ),
        ),
    )
}

ELEMENT_CODES: tuple[str, ...] = tuple(ELEMENTS)


def ordered_elements() -> list[Element]:
    """The elements in the configured display order."""
    return [ELEMENTS[code] for code in settings.SKM_ELEMENT_ORDER]
