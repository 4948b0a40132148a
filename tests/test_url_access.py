"""The permission matrix: every URL of the project, opened by every role.

The expectations live in ``tests/url_access.py`` and ``tests/<app>/url_access.py``. A URL without an
expectation fails ``test_it_has_an_expectation_for_every_url`` by name, so no page slips in unguarded.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from django.conf import settings
from django.core.cache import cache
from django.shortcuts import resolve_url
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tests.factories import UserFactory
from tests.url_access import ANONYMOUS, ROLES, SUPERUSER, Access, Personas, Refusal, access_for, load_registry

OK_STATUSES = {200, 302}


@dataclass(frozen=True)
class Url:
    name: str | None
    route: str
    params: frozenset[str]


def _params(pattern: URLPattern | URLResolver) -> set[str]:
    return set(getattr(pattern.pattern, "converters", {})) | set(pattern.pattern.regex.groupindex)


def walk_urls(patterns=None, namespace: str = "", route: str = "", params: frozenset[str] = frozenset()) -> list[Url]:
    """Every URL pattern of the project, with its namespaced name and all its parameters."""
    urls: list[Url] = []
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        here = params | _params(pattern)
        full_route = route + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            urls += walk_urls(pattern.url_patterns, inner, full_route, here)
        else:
            urls.append(Url(f"{namespace}{pattern.name}" if pattern.name else None, full_route, here))
    return urls


ALL_URLS = walk_urls()
NAMED_URLS = sorted({url.name: url for url in ALL_URLS if url.name}.values(), key=lambda url: url.name)
REGISTRY = load_registry()


def test_it_has_an_expectation_for_every_url():
    missing = [url.name for url in NAMED_URLS if access_for(REGISTRY, url.name, url.params) is None]
    assert not missing, (
        f"URLs without an access expectation (add one entry each to tests/<app>/url_access.py): {missing}"
    )


def test_it_has_no_expectation_for_a_url_that_is_gone():
    names = {url.name for url in NAMED_URLS}
    assert not REGISTRY.keys() - names, f"Expectations for URLs that no longer exist: {sorted(REGISTRY.keys() - names)}"


def test_it_names_every_url_outside_the_admin():
    unnamed = [url.route for url in ALL_URLS if url.name is None and not url.route.startswith("admin/")]
    assert not unnamed, f"Unnamed URL patterns (name them <entity>-<action>): {unnamed}"


@pytest.fixture(autouse=True)
def _uncounted():
    """Rate limits count in Redis, which outlives the test database: each URL starts with none spent, so
    the public pages answer the same however often the matrix ran in the last hour."""
    cache.clear()


@pytest.fixture
def personas(employee, supervisor, head, upper_head, outsider, hr_user) -> Personas:
    superuser = UserFactory(username="super", is_staff=True, is_superuser=True)
    return Personas(employee, supervisor, head, upper_head, outsider, hr_user, superuser)


def _request(access: Access, personas: Personas, name: str, role: str, method: str):
    client = Client()
    if user := personas.user(role):
        client.force_login(user)
    url = reverse(name, kwargs=access.kwargs(personas))
    return getattr(client, method)(url, access.data(personas))


def _login_url(access: Access) -> str:
    return reverse("admin:login") if access.refusal is Refusal.ADMIN else resolve_url(settings.LOGIN_URL)


def _sends_to_login(access: Access, response) -> bool:
    """A redirect to the login page that asks to come back (``?next=``), as ``login_required`` does.

    A plain redirect to the login page (after logging out) is a served request, not a refusal.
    """
    location = response.get("Location", "") if response.status_code == 302 else ""
    return location.startswith(_login_url(access)) and "next=" in location


def _refusal_problem(access: Access, role: str, response, got: str) -> str | None:
    """The one answer a refused role must get: the login page, else 404 for outsiders and 403 for the rest."""
    if access.refusal is Refusal.TOKEN:
        return None if response.status_code == 401 else f"must be refused with 401, {got}"
    if access.refusal is Refusal.ADMIN:
        # AdminSite sends non-staff to its login; staff meet the ModelAdmin's own permission check.
        if role == SUPERUSER:
            return None if response.status_code == 403 else f"must be refused with 403, {got}"
        return None if _sends_to_login(access, response) else f"must be sent to the admin login, {got}"
    if role == ANONYMOUS:
        return None if _sends_to_login(access, response) else f"must be sent to the login page, {got}"
    expected = access.expected_refusal(role)
    return None if response.status_code == expected else f"must be refused with {expected}, {got}"


def _problem(access: Access, role: str, response) -> str | None:
    """What is wrong with this response for this role, or ``None`` if it is as expected."""
    got = f"got {response.status_code} {response.get('Location', '')}".strip()
    if role in access.allowed_set:
        served = response.status_code in OK_STATUSES and not _sends_to_login(access, response)
        return None if served else f"must be served, {got}"
    return _refusal_problem(access, role, response, got)


@pytest.mark.parametrize(
    "url", [url for url in NAMED_URLS if access_for(REGISTRY, url.name, url.params)], ids=lambda url: url.name
)
def test_it_serves_each_url_only_to_its_roles(personas, url):
    access = access_for(REGISTRY, url.name, url.params)
    problems = []
    for role in sorted(ROLES):
        for method in access.methods:
            response = _request(access, personas, url.name, role, method)
            if problem := _problem(access, role, response):
                problems.append(f"{method.upper()} as {role}: {problem}")
    assert not problems, f"{url.name}: " + "; ".join(problems)
