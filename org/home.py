"""Panels that higher apps add to the home page, so org (the lowest app) never imports them.

An app registers a ``HomePanel`` in its ``AppConfig.ready``; the home view asks each panel for its
context and includes its template when the answer is not ``None``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.http import HttpRequest


@dataclass(frozen=True)
class HomePanel:
    template: str
    context: Callable[[HttpRequest], dict | None]


_panels: list[HomePanel] = []


def register(panel: HomePanel) -> None:
    if panel not in _panels:
        _panels.append(panel)


def panels_for(request: HttpRequest) -> list[tuple[str, dict]]:
    """(template, context) of every registered panel that has something to show this user."""
    shown = ((panel.template, panel.context(request)) for panel in _panels)
    return [(template, context) for template, context in shown if context is not None]
