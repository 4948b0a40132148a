"""Read a page's links by ``data-testid`` (the standard library's parser: no extra package)."""

from __future__ import annotations

from html import unescape
from html.parser import HTMLParser


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: dict[str, list[tuple[str, str]]] = {}
        self._open: list[tuple[str, str, list[str]]] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a" and "data-testid" in attrs:
            self._open.append((attrs["data-testid"], attrs.get("href", ""), []))

    def handle_data(self, data):
        for _testid, _href, text in self._open:
            text.append(data)

    def handle_endtag(self, tag):
        if tag == "a" and self._open:
            testid, href, text = self._open.pop()
            self.found.setdefault(testid, []).append((unescape(href), " ".join("".join(text).split())))


def links(content: bytes) -> dict[str, list[tuple[str, str]]]:
    """{data-testid: [(href, text), ...]} of the page's links that carry a ``data-testid``."""
    parser = _Links()
    parser.feed(content.decode())
    return parser.found


def link(content: bytes, testid: str) -> tuple[str, str]:
    (found,) = links(content)[testid]
    return found
