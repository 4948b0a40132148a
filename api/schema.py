"""Tells drf-spectacular how the client token is sent, so the OpenAPI schema names the header."""

from __future__ import annotations

from drf_spectacular.extensions import OpenApiAuthenticationExtension


class ClientTokenScheme(OpenApiAuthenticationExtension):
    target_class = "api.authentication.ClientTokenAuthentication"
    name = "clientToken"

    def get_security_definition(self, auto_schema):
        return {
            "type": "http",
            "scheme": "bearer",
            "description": "The token HR shows once when it creates the client.",
        }
