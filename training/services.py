"""Workflows of the training app that span several rows: saving a programme with its targets and batches."""

from __future__ import annotations

import logging

from django.db import transaction
from django.forms import BaseInlineFormSet, ModelForm

from org.models import User

from .models import Programme

logger = logging.getLogger(__name__)


@transaction.atomic
def programme_save(
    *, form: ModelForm, targets: BaseInlineFormSet, batches: BaseInlineFormSet, acting_user: User
) -> Programme:
    """Save a catalogue entry with the competencies it develops and its batches, all or nothing.

    The forms have validated every row (``Batch.clean`` orders the dates); the database constraints
    stay the last word, and a failure there rolls back the programme with its rows.
    """
    programme = form.save()
    for formset in (targets, batches):
        formset.instance = programme
        formset.save()
    logger.info("Programme %s saved by %s", programme.code, acting_user)
    return programme
