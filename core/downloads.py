"""Serving a private file that users uploaded (evidence, certificates) without letting it run."""

from __future__ import annotations

from django.db.models.fields.files import FieldFile
from django.http import FileResponse, Http404


def private_attachment(file: FieldFile, *, filename: str, content_type: str) -> FileResponse:
    """Always an attachment, never rendered inline, sandboxed and never cached: the content is the
    uploader's, so a browser must not treat it as part of the app. A missing file is a 404."""
    try:
        handle = file.open("rb")
    except FileNotFoundError as exc:
        raise Http404 from exc
    response = FileResponse(handle, as_attachment=True, filename=filename, content_type=content_type)
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response
