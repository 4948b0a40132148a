"""The one rounding rule of every figure shown or stored (domain.md §7): half up, away from zero on a tie.

Formulas keep full precision (``Decimal`` or exact ``Fraction``) and round only at the end, here.
"""

from __future__ import annotations

import math
from decimal import Decimal
from fractions import Fraction


def round_half_up(value: Decimal | Fraction | int, *, places: int = 2) -> Decimal:
    """Exact ROUND_HALF_UP of a number, as a Decimal with ``places`` decimals (no float on the way)."""
    exact = Fraction(value)
    rounded = math.floor(abs(exact) * 10**places + Fraction(1, 2))
    return Decimal(rounded if exact >= 0 else -rounded).scaleb(-places)
