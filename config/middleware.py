"""Language selection for a Pemda: Indonesian unless the user picked another language."""

from __future__ import annotations

from django.conf import settings
from django.utils import translation
from django.utils.cache import patch_vary_headers


class ChosenLanguageMiddleware:
    """Activate the language from the ``set_language`` cookie, else ``LANGUAGE_CODE``.

    Django's ``LocaleMiddleware`` would follow the browser's Accept-Language, so a civil servant
    on an English-language browser would get a half-familiar English UI by accident. Here the
    browser is ignored: the UI is Indonesian until someone chooses English in the navbar.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.supported = {code for code, _name in settings.LANGUAGES}

    def __call__(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        language = chosen if chosen in self.supported else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        patch_vary_headers(response, ["Cookie"])
        response.headers.setdefault("Content-Language", language)
        return response
