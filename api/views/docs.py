"""The API's description as a page of the site, rendered on the server from the OpenAPI schema.

No Swagger or Redoc bundle (they would need vendored scripts or a CDN, which the CSP forbids): the
page reads the same schema ``/api/schema/`` serves, so the two never disagree.
"""

from __future__ import annotations

from django.shortcuts import render
from drf_spectacular.generators import SchemaGenerator

METHODS = ("get", "post", "put", "patch", "delete")


def api_docs(request):
    schema = SchemaGenerator().get_schema(request=None, public=True)
    endpoints = [
        {"path": path, "method": method.upper(), **operation}
        for path, item in schema["paths"].items()
        for method, operation in item.items()
        if method in METHODS
    ]
    components = [
        {"name": name, "fields": _fields(component)}
        for name, component in schema.get("components", {}).get("schemas", {}).items()
        if not name.startswith("Paginated")
    ]
    context = {"schema": schema, "endpoints": endpoints, "components": components}
    return render(request, "api/docs.html", context)


def _fields(component: dict) -> list[dict]:
    required = set(component.get("required", []))
    return [
        {"name": name, "type": _type(spec), "required": name in required, "description": spec.get("description", "")}
        for name, spec in component.get("properties", {}).items()
    ]


def _type(spec: dict) -> str:
    if ref := spec.get("$ref") or (spec.get("allOf") or [{}])[0].get("$ref"):
        return ref.rsplit("/", 1)[-1]
    if spec.get("type") == "array":
        return f"array of {_type(spec.get('items', {}))}"
    kind = spec.get("type", "object")
    return f"{kind} ({spec['format']})" if "format" in spec else kind
