"""Confirmation texts travel in a data attribute read by one static script, not in inline JavaScript."""

from __future__ import annotations

from html.parser import HTMLParser

from django.conf import settings
from django.urls import reverse
from django.utils import translation

from .conftest import rate

# The English text has an apostrophe, which used to end the inline ``confirm('...')`` string early.
SUBMIT_TO_SUPERIOR = "Ajukan evaluasi ini ke atasan pejabat penilai untuk disetujui?"


class _Confirms(HTMLParser):
    def __init__(self):
        super().__init__()
        self.texts: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.texts += [value for name, value in attrs if name == "data-confirm"]


def _confirms(html: str) -> list[str]:
    parser = _Confirms()
    parser.feed(html)
    return parser.texts


def test_it_delivers_an_english_confirmation_with_an_apostrophe_intact(client, evaluation, supervisor):
    rate(evaluation)
    client.force_login(supervisor.user)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    html = client.get(reverse("appraisal:evaluation-detail", args=[evaluation.pk])).content.decode()
    with translation.override("en"):
        english = translation.gettext(SUBMIT_TO_SUPERIOR)
    assert "'" in english
    assert english in _confirms(html)
    assert "onsubmit" not in html


def test_it_asks_in_indonesian_by_default(client, evaluation, supervisor):
    rate(evaluation)
    client.force_login(supervisor.user)
    html = client.get(reverse("appraisal:evaluation-detail", args=[evaluation.pk])).content.decode()
    assert SUBMIT_TO_SUPERIOR in _confirms(html)
