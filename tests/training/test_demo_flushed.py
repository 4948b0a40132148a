"""The catalogue seeder after a flush: a transactional test empties the tables a data migration filled."""

from __future__ import annotations

import pytest

from training.demo.catalogue import seed_catalogue
from training.models import Competency, DevelopmentForm, PositionKindStandard, Programme

pytestmark = pytest.mark.django_db


def test_it_seeds_the_dictionary_and_forms_again_when_they_are_gone():
    seeded = (DevelopmentForm.objects.count(), Competency.objects.count(), PositionKindStandard.objects.count())
    DevelopmentForm.objects.all().delete()
    Competency.objects.all().delete()

    seed_catalogue()

    assert Programme.objects.count() >= 30
    assert DevelopmentForm.objects.count() == seeded[0]
    assert Competency.objects.exclude(kind=Competency.Kind.TECHNICAL).count() == seeded[1]
    assert PositionKindStandard.objects.count() == seeded[2]
