"""QR codes and the printable A4 counter poster for a unit's (or service's) public form."""

from __future__ import annotations

import base64
from io import BytesIO
from urllib.parse import urlencode

import qrcode
from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from qrcode.image.svg import SvgPathImage

from org.models import Unit

from .models import Officer, Service


def form_path(unit: Unit, service: Service | None = None) -> str:
    """The short, readable path of a public form: ``/survei/u/<unit code>/[<service slug>/]``."""
    if service is None:
        return reverse("surveys:survey-form", args=[unit.code])
    return reverse("surveys:survey-service-form", args=[unit.code, service.slug])


def public_form_url(unit: Unit, *, service: Service | None = None, officer: Officer | None = None) -> str:
    """The absolute public URL a QR code points to; ``src=qr`` makes each scan counted."""
    path = form_path(unit, service)
    params = {"src": "qr", **({"petugas": officer.token} if officer else {})}
    return f"{settings.SITE_URL.rstrip('/')}{path}?{urlencode(params)}"


def _code(url: str) -> qrcode.QRCode:
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, box_size=10, border=2)
    code.add_data(url)
    code.make(fit=True)
    return code


def qr_svg(url: str) -> bytes:
    return _code(url).make_image(image_factory=SvgPathImage).to_string(encoding="utf-8")


def qr_png(url: str) -> bytes:
    buffer = BytesIO()
    _code(url).make_image().save(buffer, format="PNG")
    return buffer.getvalue()


def poster_pdf(*, unit: Unit, service: Service | None, officer: Officer | None) -> bytes:
    """An A4 poster with the QR code, rendered by WeasyPrint (imported here: it loads Pango on import)."""
    from weasyprint import HTML

    url = public_form_url(unit, service=service, officer=officer)
    context = {
        "unit": unit,
        "service": service,
        "officer": officer,
        "url": url,
        "short_url": url.split("?")[0],
        "qr_data_uri": "data:image/svg+xml;base64," + base64.b64encode(qr_svg(url)).decode(),
    }
    with translation.override(settings.LANGUAGE_CODE):  # printed for every citizen: the default language
        html = render_to_string("surveys/poster.html", context)
    return HTML(string=html).write_pdf()
