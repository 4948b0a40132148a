"""Who sent a public submission, as far as abuse control needs to know, without storing who they are.

The address and the device cookie are kept only as keyed hashes (HMAC with the secret key), so
responses stay anonymous (domain.md §2.5) while bursts from one source can still be spotted.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass

from django.conf import settings
from django.http import HttpRequest, HttpResponse

from core.clientip import client_ip

from .models import KioskDevice

DEVICE_COOKIE = "skm_device"
DEVICE_COOKIE_AGE = 365 * 24 * 3600
KIOSK_COOKIE = "skm_kiosk"
KIOSK_SALT = "surveys.kiosk"


@dataclass(frozen=True)
class Client:
    client_hash: str
    device_hash: str
    kiosk: KioskDevice | None


def keyed_hash(value: str) -> str:
    if not value:
        return ""
    return hmac.new(settings.SECRET_KEY.encode(), value.encode(), hashlib.sha256).hexdigest()[:40]


def kiosk_of(request: HttpRequest, *, unit_id: int) -> KioskDevice | None:
    """The registered, unrevoked kiosk of this unit whose signed cookie the request carries."""
    secret = request.get_signed_cookie(KIOSK_COOKIE, default=None, salt=KIOSK_SALT)
    if not secret:
        return None
    return KioskDevice.objects.filter(secret=secret, unit_id=unit_id, revoked_at__isnull=True).first()


def client_of(request: HttpRequest, *, unit_id: int) -> Client:
    return Client(
        client_hash=keyed_hash(client_ip(request)),
        device_hash=keyed_hash(request.COOKIES.get(DEVICE_COOKIE, "")),
        kiosk=kiosk_of(request, unit_id=unit_id),
    )


def device_id(request: HttpRequest) -> str:
    """The browser's random device id: its cookie, or a new one that ``ensure_device_cookie`` will set."""
    if not hasattr(request, "_skm_device_id"):
        request._skm_device_id = request.COOKIES.get(DEVICE_COOKIE) or secrets.token_urlsafe(16)
    return request._skm_device_id


def ensure_device_cookie(request: HttpRequest, response: HttpResponse) -> None:
    """Give a browser a random device id on its first visit (per-device limit, QR scans once a day)."""
    if DEVICE_COOKIE not in request.COOKIES:
        response.set_cookie(DEVICE_COOKIE, device_id(request), max_age=DEVICE_COOKIE_AGE, httponly=True, samesite="Lax")


def set_kiosk_cookie(request: HttpRequest, response: HttpResponse, kiosk: KioskDevice) -> None:
    response.set_signed_cookie(
        KIOSK_COOKIE,
        kiosk.secret,
        salt=KIOSK_SALT,
        max_age=settings.SKM_KIOSK_COOKIE_AGE,
        httponly=True,
        samesite="Lax",
        secure=request.is_secure(),
    )


def rate_limit_checks(client: Client, *, kind: str) -> list[tuple[str, tuple[int, int]]]:
    """A kiosk has its own, higher limit; everybody else is limited per address and per device."""
    if client.kiosk is not None and kind == "response":
        return [(f"kiosk:{client.kiosk.pk}", settings.SKM_RATE_LIMIT_KIOSK)]
    if kind == "complaint":
        return [(f"complaint:ip:{client.client_hash}", settings.SKM_RATE_LIMIT_COMPLAINT)]
    checks = [(f"ip:{client.client_hash}", settings.SKM_RATE_LIMIT_IP)]
    if client.device_hash:
        checks.append((f"dev:{client.device_hash}", settings.SKM_RATE_LIMIT_DEVICE))
    return checks
