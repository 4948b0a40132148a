"""The API's one way in: ``Authorization: Bearer <token>`` of a client HR made (docs/api.md)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from rest_framework.authentication import BaseAuthentication, get_authorization_header
from rest_framework.exceptions import AuthenticationFailed

from .models import ApiClient, token_hash

KEYWORD = "Bearer"
BAD_HEADER = _("Header Authorization harus berbentuk “Bearer <token>”.")
BAD_TOKEN = _("Token tidak dikenal.")
REVOKED = _("Token ini sudah dicabut.")


class ClientTokenAuthentication(BaseAuthentication):
    def authenticate(self, request):
        """The client of a valid token; a revoked one is named on the request for the call log first."""
        parts = get_authorization_header(request).split()
        if not parts:
            return None
        if len(parts) != 2 or parts[0].decode(errors="replace").lower() != KEYWORD.lower():
            raise AuthenticationFailed(BAD_HEADER)
        token = parts[1].decode(errors="replace")
        client = ApiClient.objects.select_related("unit").filter(token_hash=token_hash(token)).first()
        if client is None:
            raise AuthenticationFailed(BAD_TOKEN)
        request._request.api_client = client
        if not client.is_active:
            raise AuthenticationFailed(REVOKED)
        return client, client

    def authenticate_header(self, request) -> str:
        """Makes a missing or bad token a 401 (with this challenge) rather than a 403."""
        return f'{KEYWORD} realm="kinerja"'
