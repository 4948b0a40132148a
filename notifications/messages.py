"""Notification texts as data: a message in the source language and its parameters, put into words
in the reader's language when they read it (in the app, or in the e-mail sent to them).

Stored form (JSON), one of:
- a plain value (a name, a year): shown as it is;
- ``{"message": msgid, "params": {...}}``: the msgid translated into the active language, then
  filled with its parameters (each of which is again one of these forms);
- ``{"languages": {"id": ..., "en": ...}}``: a phrase computed by code that owns it (an
  evaluation's title), kept in every language of the UI.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.utils import translation
from django.utils.functional import Promise
from django.utils.translation import gettext


@dataclass(frozen=True)
class Message:
    """A translatable text (``gettext_lazy`` or ``gettext_noop``) and its parameters."""

    text: str | Promise
    params: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class InEveryLanguage:
    """A phrase that other code renders (e.g. ``lambda: evaluation.title``), kept in each UI language."""

    phrase: Callable[[], str]


def source_text(text: str | Promise) -> str:
    """The msgid behind a lazy translation (no catalogue active gives the source text back)."""
    with translation.override(None):
        return str(text)


def to_data(value: Any) -> Any:
    """The JSON form of a parameter (see the module docstring)."""
    if isinstance(value, Message):
        return {"message": source_text(value.text), "params": params_data(value.params)}
    if isinstance(value, Promise):
        return {"message": source_text(value), "params": {}}
    if isinstance(value, InEveryLanguage):
        languages = {}
        for code, _name in settings.LANGUAGES:
            with translation.override(code):
                languages[code] = str(value.phrase())
        return {"languages": languages}
    return value


def params_data(params: dict[str, Any]) -> dict[str, Any]:
    return {name: to_data(value) for name, value in params.items()}


def render(text: str, params: dict[str, Any]) -> str:
    """``text`` in the active language, filled with ``params`` (stored form)."""
    if not text:
        return ""
    words = gettext(text)
    if not params:
        return words
    try:
        return words % {name: _value(value) for name, value in params.items()}
    except (KeyError, TypeError, ValueError):  # a row that does not fit its text is shown, never a 500
        return words


def _value(value: Any) -> Any:
    if isinstance(value, dict) and "message" in value:
        return render(value["message"], value.get("params", {}))
    if isinstance(value, dict) and "languages" in value:
        languages = value["languages"]
        return languages.get(translation.get_language(), languages.get(settings.LANGUAGE_CODE, ""))
    return value
