"""One rounding rule for Decimal and Fraction alike (domain.md §7)."""

from decimal import Decimal
from fractions import Fraction

from core.numbers import round_half_up


def test_decimals_and_fractions_round_half_up_away_from_zero_on_a_tie():
    assert round_half_up(Decimal("87.625")) == round_half_up(Fraction(87625, 1000)) == Decimal("87.63")
    assert round_half_up(Decimal("-0.005")) == Decimal("-0.01")
    assert str(round_half_up(Decimal(95))) == "95.00"
    assert round_half_up(Fraction(2, 3), places=4) == Decimal("0.6667")
