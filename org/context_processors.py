"""Role flags for the navigation bar, and whether logins come from the directory."""

from __future__ import annotations

from django.conf import settings

from .access import employee_of, is_hr, is_supervisor, unit_scope


def roles(request) -> dict:
    user = request.user
    if not user.is_authenticated:
        return {}
    return {
        "is_hr": is_hr(user),
        "is_supervisor": is_supervisor(user),
        "current_employee": employee_of(user),
        # Lazy: read only by the pages that offer unit figures (HR, or a unit head over their unit).
        "reads_unit_figures": lambda: unit_scope(user) != set(),
    }


def directory(request) -> dict:
    """Whether logins may come from the Pemda's directory, and whether this session's did.

    The password pages use it to say that a directory password is changed in the directory
    (docs/security.md, "Directory login"); django-auth-ldap marks the users it loads with ``ldap_user``.
    """
    return {
        "directory_login": bool(settings.AUTH_LDAP_SERVER_URI),
        "directory_session": hasattr(getattr(request, "user", None), "ldap_user"),
    }
