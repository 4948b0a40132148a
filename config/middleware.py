"""Language selection for a Pemda: Indonesian unless the user picked another language."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import translation
from django.utils.cache import patch_vary_headers


class ChosenLanguageMiddleware:
    """Activate the language from the ``set_language`` cookie, else ``LANGUAGE_CODE``.

    Django's ``LocaleMiddleware`` would follow the browser's Accept-Language, so a civil servant
    on an English-language browser would get a half-familiar English UI by accident. Here the
    browser is ignored: the UI is Indonesian until someone chooses English in the navbar. A
    signed-in user's choice is also stored on the account, so what is sent to them outside a
    request (e-mail) is in their language too.
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
        if chosen in self.supported:
            self._remember(request, chosen)
        patch_vary_headers(response, ["Cookie"])
        response.headers.setdefault("Content-Language", language)
        return response

    @staticmethod
    def _remember(request, language: str) -> None:
        """One UPDATE when the choice differs from the stored one; nothing on every other request.

        Only an account has a stored choice: an API call's "user" is the client of its token.
        """
        user = getattr(request, "user", None)
        if isinstance(user, get_user_model()) and user.language != language:
            get_user_model().objects.filter(pk=user.pk).update(language=language)
            user.language = language
