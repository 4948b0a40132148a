"""Who may open which URL: the expectation registry behind ``tests/test_url_access.py``.

Every named URL of the project needs one ``Access`` entry. Project-level URLs live here; each app keeps
its own in ``tests/<app>/url_access.py`` as a ``URL_ACCESS`` dict, which ``load_registry`` collects. Adding a
URL therefore means adding one entry in the app's module; a URL without one fails the suite by name.

Django admin pages are for superusers and staff only (``is_staff``). Members of the HR group are *not*
staff by default: HR works in the app's own pages, and BKPSDM makes a user staff on purpose when it
needs the admin. Every admin URL is covered by ``admin_access`` (AdminSite wraps them all in the same
``is_staff`` check); the few admin URLs that behave differently have explicit entries below.

``UNIT_HEAD`` heads the unit two levels above the personas' unit (``upper_head`` in ``tests/conftest.py``):
the employee is in their subtree without reporting to them, so they read the employee's pages
(``EMPLOYEE_READERS``) and, holding no role on the employee's records, get 403 for every action on them.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Any

from django.contrib import admin
from django.contrib.admin import ModelAdmin
from django.contrib.contenttypes.models import ContentType
from django.test import RequestFactory

from org.models import Employee, User

ANONYMOUS = "anonymous"
EMPLOYEE = "employee"
SUPERVISOR = "supervisor"
HEAD = "head"  # superior of the supervisor: the employee's Atasan Pejabat Penilai
UNIT_HEAD = "unit_head"  # heads the unit two levels above the employee's, outside the employee's chain
HR = "hr"  # BKPSDM group member, not staff
OUTSIDER = "outsider"
SUPERUSER = "superuser"  # staff superuser: the only persona the Django admin serves

ROLES = frozenset({ANONYMOUS, EMPLOYEE, SUPERVISOR, HEAD, UNIT_HEAD, HR, OUTSIDER, SUPERUSER})
LOGGED_IN = ROLES - {ANONYMOUS}
HR_ROLES = frozenset({HR, SUPERUSER})  # is_hr() is true for superusers too
EMPLOYEE_CHAIN = frozenset({EMPLOYEE, SUPERVISOR, HEAD})  # the employee and both levels above
# Who may read the employee's pages (``org.access.can_view_employee``); reading grants no action.
EMPLOYEE_READERS = EMPLOYEE_CHAIN | HR_ROLES | {UNIT_HEAD}


class Refusal(Enum):
    """How a URL turns away a role that may not open it."""

    APP = "app"  # anonymous: redirect to the login page; logged in: 404 for ``outsiders``, else 403
    ADMIN = "admin"  # everyone: redirect to the admin login page
    TOKEN = "token"  # everyone, anonymous included: 401 (the URL takes an API client's token, never a session)


@dataclass(frozen=True)
class Personas:
    """The people and records a URL's kwargs are built from (see ``tests/conftest.py``)."""

    employee: Employee
    supervisor: Employee
    head: Employee
    unit_head: Employee
    outsider: Employee
    hr_user: User
    superuser: User

    def user(self, role: str) -> User | None:
        users = {
            ANONYMOUS: None,
            EMPLOYEE: self.employee.user,
            SUPERVISOR: self.supervisor.user,
            HEAD: self.head.user,
            UNIT_HEAD: self.unit_head.user,
            OUTSIDER: self.outsider.user,
            HR: self.hr_user,
            SUPERUSER: self.superuser,
        }
        return users[role]


def no_kwargs(personas: Personas) -> dict[str, Any]:
    return {}


@dataclass(frozen=True)
class Access:
    """Expectation for one URL name: who is served, and the exact answer for everyone else.

    With ``Refusal.APP``, an anonymous visitor is sent to the login page; a logged-in role in ``outsiders``
    (it has nothing to do with the URL's object, so it may not learn the object exists) gets 404; every
    other logged-in role that is not ``allowed`` gets 403 (it may see the object, or the page, but lacks
    the role). ``kwargs`` and ``data`` are called afresh for every request, so a POST that changes or
    deletes its object cannot spoil the next role's request. ``data`` is the query string of a GET or the
    body of a POST.
    """

    allowed: Iterable[str]
    kwargs: Callable[[Personas], dict[str, Any]] = no_kwargs
    methods: tuple[str, ...] = ("get",)
    data: Callable[[Personas], dict[str, Any]] = no_kwargs
    refusal: Refusal = Refusal.APP
    outsiders: Iterable[str] = ()
    allowed_set: frozenset[str] = field(init=False)
    outsider_set: frozenset[str] = field(init=False)

    def __post_init__(self) -> None:
        allowed, outsiders = frozenset(self.allowed), frozenset(self.outsiders)
        if unknown := (allowed | outsiders) - ROLES:
            raise ValueError(f"Unknown roles {sorted(unknown)}; use the constants of tests/url_access.py")
        if wrong := outsiders - (LOGGED_IN - allowed):
            raise ValueError(f"Outsiders {sorted(wrong)} must be logged-in roles that are refused")
        object.__setattr__(self, "allowed_set", allowed)
        object.__setattr__(self, "outsider_set", outsiders)

    def expected_refusal(self, role: str) -> int:
        """The status a refused logged-in role must get."""
        return 404 if role in self.outsider_set else 403


# Admin pages that a ModelAdmin may switch off even for a superuser (read-only admins answer 403).
_ADMIN_PAGE_PERMISSIONS = {"add": "has_add_permission", "delete": "has_delete_permission"}


def _model_admin_for(name: str) -> tuple[str, ModelAdmin] | tuple[None, None]:
    """The ModelAdmin an admin URL name belongs to, with the name's ``<app>_<model>_`` prefix."""
    for model, model_admin in admin.site._registry.items():
        prefix = f"admin:{model._meta.app_label}_{model._meta.model_name}_"
        if name.startswith(prefix):
            return prefix, model_admin
    return None, None


def _superuser_may_open(name: str) -> bool:
    prefix, model_admin = _model_admin_for(name)
    check = _ADMIN_PAGE_PERMISSIONS.get(name.removeprefix(prefix)) if prefix else None
    if check is None:
        return True
    request = RequestFactory().get("/")
    request.user = User(is_active=True, is_staff=True, is_superuser=True)
    return getattr(model_admin, check)(request)


def _admin_object_pk(name: str) -> str:
    """The pk of a real row of the model an admin URL is about (``0`` if there is none)."""
    _, model_admin = _model_admin_for(name)
    if model_admin is None:
        return "0"
    return str(model_admin.model.objects.order_by("pk").values_list("pk", flat=True).first() or 0)


def admin_access(name: str, params: frozenset[str]) -> Access:
    """Default for every admin URL: staff only; object URLs are built from a real row when there is one."""
    return Access(
        allowed={SUPERUSER} if _superuser_may_open(name) else (),
        refusal=Refusal.ADMIN,
        kwargs=lambda personas: dict.fromkeys(params, _admin_object_pk(name)),
    )


NAMESPACE_DEFAULTS: dict[str, Callable[[str, frozenset[str]], Access]] = {"admin": admin_access}

URL_ACCESS: dict[str, Access] = {
    "home": Access(allowed=LOGGED_IN),
    "login": Access(allowed=ROLES),
    "logout": Access(allowed=ROLES, methods=("post",)),
    "password_change": Access(allowed=LOGGED_IN),
    "password_change_done": Access(allowed=LOGGED_IN),
    "password_reset": Access(allowed=ROLES),
    "password_reset_done": Access(allowed=ROLES),
    # An unknown link still gets a page explaining it is invalid.
    "password_reset_confirm": Access(allowed=ROLES, kwargs=lambda personas: {"uidb64": "MQ", "token": "x-y"}),
    "password_reset_complete": Access(allowed=ROLES),
    "account-activate": Access(allowed=ROLES, methods=("get", "post"), data=lambda personas: {"code": "X"}),
    "account-activate-link": Access(allowed=ROLES, kwargs=lambda personas: {"code": "ABCDEFGHJKMN"}),
    "set_language": Access(allowed=ROLES, methods=("post",), data=lambda personas: {"language": "en"}),
    "admin:login": Access(allowed=ROLES),
    # Non-staff are sent to the admin index (and from there to the admin login) without being logged out.
    "admin:logout": Access(allowed=ROLES, methods=("post",)),
    "admin:app_list": Access(allowed={SUPERUSER}, refusal=Refusal.ADMIN, kwargs=lambda personas: {"app_label": "org"}),
    "admin:view_on_site": Access(
        allowed={SUPERUSER},
        refusal=Refusal.ADMIN,
        kwargs=lambda personas: {
            "content_type_id": ContentType.objects.get_for_model(Employee).pk,
            "object_id": personas.employee.pk,
        },
    ),
    "admin:auth_user_password_change": Access(
        allowed={SUPERUSER}, refusal=Refusal.ADMIN, kwargs=lambda personas: {"id": personas.employee.user.pk}
    ),
    "admin:autocomplete": Access(
        allowed={SUPERUSER},
        refusal=Refusal.ADMIN,
        data=lambda personas: {"app_label": "org", "model_name": "employee", "field_name": "supervisor"},
    ),
}


def app_modules() -> list[str]:
    """Every ``tests/<app>/url_access.py`` and ``tests/<app>/<feature>/url_access.py``: an app, or one
    feature of it, adds its entries without touching this file."""
    here = Path(__file__).resolve().parent
    found = sorted([*here.glob("*/url_access.py"), *here.glob("*/*/url_access.py")])
    return [".".join(("tests", *path.relative_to(here).with_suffix("").parts)) for path in found]


def load_registry() -> dict[str, Access]:
    """All entries; a URL name claimed by two modules is an error, not a silent override."""
    registry = dict(URL_ACCESS)
    for module_name in app_modules():
        entries: dict[str, Access] = importlib.import_module(module_name).URL_ACCESS
        if clash := registry.keys() & entries.keys():
            raise ValueError(f"{module_name} repeats URL entries {sorted(clash)}")
        registry.update(entries)
    return registry


def access_for(registry: dict[str, Access], name: str, params: frozenset[str]) -> Access | None:
    """The explicit entry for a URL name, else its namespace's default, else ``None`` (unknown URL)."""
    if name in registry:
        return registry[name]
    namespace = name.partition(":")[0] if ":" in name else ""
    default = NAMESPACE_DEFAULTS.get(namespace)
    return default(name, params) if default else None
