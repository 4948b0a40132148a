"""Who may manage surveys and read their results (domain.md §5).

HR sees every unit; the head of a unit (``org.access.headed_unit``: only an active employee heads a
unit) sees that unit and its sub-units. Anyone else is refused with 403; a unit head asking for a unit outside
their subtree gets 404, as an outsider does everywhere in Kinerja.
"""

from __future__ import annotations

from functools import wraps
from typing import TYPE_CHECKING

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from org.access import employee_of, responsible_head, unit_scope
from org.models import Unit

if TYPE_CHECKING:
    from collections.abc import Callable

    from org.models import User

    from .models import Complaint


def managed_unit_ids(user: User) -> set[int] | None:
    """Ids of the units whose surveys the user manages; ``None`` means all (HR): ``org.access.unit_scope``."""
    return unit_scope(user)


def can_manage_surveys(user: User) -> bool:
    return user.is_authenticated and managed_unit_ids(user) != set()


def can_manage_unit(user: User, unit: Unit) -> bool:
    ids = managed_unit_ids(user)
    return ids is None or unit.pk in ids


def survey_manager_required(view: Callable) -> Callable:
    """Login first; logged-in users who are neither HR nor a unit head get 403."""

    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not can_manage_surveys(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


def get_managed_unit(user: User, code: str) -> Unit:
    """The unit by code if the user manages it; 404 otherwise (outsiders learn nothing)."""
    unit = get_object_or_404(Unit, code=code)
    if not can_manage_unit(user, unit):
        raise Http404
    return unit


def can_answer_complaint(user: User, complaint: Complaint) -> bool:
    """Only the unit that must answer sees the contact and replies (UU 27/2022: purpose limitation)."""
    me = employee_of(user)
    head = responsible_head(complaint.unit)
    return me is not None and head is not None and head.pk == me.pk
