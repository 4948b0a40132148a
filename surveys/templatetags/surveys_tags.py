"""Small display helpers for survey pages (no logic: the numbers come from ``ikm``/``selectors``)."""

from __future__ import annotations

from django import template

from ..access import can_manage_surveys

register = template.Library()

GRADE_CLASSES = {"A": "text-bg-success", "B": "text-bg-primary", "C": "text-bg-warning", "D": "text-bg-danger"}


@register.filter
def manages_surveys(user) -> bool:
    """Whether the navbar shows the survey menu (HR or a unit head)."""
    return can_manage_surveys(user)


@register.filter
def grade_class(grade) -> str:
    return GRADE_CLASSES.get(getattr(grade, "letter", ""), "text-bg-secondary")
