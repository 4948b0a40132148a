"""Login against the Pemda's directory (LDAP / Active Directory): off unless ``AUTH_LDAP_SERVER_URI`` is set.

docs/security.md, "Directory login"; the library's settings:
https://django-auth-ldap.readthedocs.io/en/latest/reference.html#settings. Off, nothing of it is
imported or installed as a backend, so a Pemda without a directory runs exactly as before.
"""

from __future__ import annotations

import environ
from django.core.exceptions import ImproperlyConfigured

BACKEND = "org.directory.DirectoryBackend"
FILTER_WITHOUT_USER = "AUTH_LDAP_USER_SEARCH_FILTER must contain %(user)s, the name typed on the login page."


def directory_settings(env: environ.Env, backends: list[str]) -> dict[str, object]:
    """The directory's settings from the environment, and the backends with the directory's inserted.

    It comes right after axes' backend (the first), so a locked-out username goes no further, and
    before the local passwords, which keep working for everyone the directory does not know. Every
    call to the directory gives up after ``AUTH_LDAP_TIMEOUT`` seconds: an outage must not hold the
    login page, whose local accounts still work.
    """
    uri = env("AUTH_LDAP_SERVER_URI", default="")
    if not uri:
        return {"AUTH_LDAP_SERVER_URI": ""}
    import ldap
    from django_auth_ldap.config import LDAPSearch

    search_filter = env("AUTH_LDAP_USER_SEARCH_FILTER", default="(uid=%(user)s)")
    if "%(user)s" not in search_filter:
        raise ImproperlyConfigured(FILTER_WITHOUT_USER)
    timeout = env.float("AUTH_LDAP_TIMEOUT", default=5.0)
    nip_attribute = env("AUTH_LDAP_NIP_ATTRIBUTE", default="employeeNumber")
    return {
        "AUTHENTICATION_BACKENDS": [*backends[:1], BACKEND, *backends[1:]],
        "AUTH_LDAP_SERVER_URI": uri,
        "AUTH_LDAP_BIND_DN": env("AUTH_LDAP_BIND_DN", default=""),
        "AUTH_LDAP_BIND_PASSWORD": env("AUTH_LDAP_BIND_PASSWORD", default=""),
        "AUTH_LDAP_USER_SEARCH": LDAPSearch(env("AUTH_LDAP_USER_SEARCH_BASE"), ldap.SCOPE_SUBTREE, search_filter),
        "AUTH_LDAP_START_TLS": env.bool("AUTH_LDAP_START_TLS", default=False),
        # Referrals off: Active Directory answers a search from the domain root with referrals that
        # libldap would chase anonymously.
        "AUTH_LDAP_CONNECTION_OPTIONS": {
            ldap.OPT_NETWORK_TIMEOUT: timeout,
            ldap.OPT_TIMEOUT: timeout,
            ldap.OPT_REFERRALS: 0,
        },
        "AUTH_LDAP_NIP_ATTRIBUTE": nip_attribute,
        "AUTH_LDAP_USER_ATTRLIST": [nip_attribute],
    }
