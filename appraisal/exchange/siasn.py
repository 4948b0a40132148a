"""SIASN's codes for the SKP record (domain.md §8): the two ratings and the kuadran (predikat).

The rating codes are SIASN's own [S]: 1 = di atas, 2 = sesuai, 3 = di bawah ekspektasi. SIASN's
kuadran codes are not published; ours number the predikat best to worst, 1 = Sangat Baik to
5 = Sangat Kurang [U] (docs/import-export.md, "SKP record for SIASN").
"""

from __future__ import annotations

from ..predikat import Predikat, Rating

RATING_CODES: dict[str, int] = {
    Rating.DI_ATAS_EKSPEKTASI: 1,
    Rating.SESUAI_EKSPEKTASI: 2,
    Rating.DI_BAWAH_EKSPEKTASI: 3,
}
PREDIKAT_CODES: dict[str, int] = {predikat: code for code, predikat in enumerate(Predikat.values, start=1)}
RATING_OF_CODE = {code: rating for rating, code in RATING_CODES.items()}
PREDIKAT_OF_CODE = {code: predikat for predikat, code in PREDIKAT_CODES.items()}


def rating_code(rating: str) -> int | None:
    return RATING_CODES.get(rating)


def predikat_code(predikat: str) -> int | None:
    return PREDIKAT_CODES.get(predikat)
