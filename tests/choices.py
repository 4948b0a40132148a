"""Read what a page's ``<select>`` offers (the standard library's parser: no extra package)."""

from __future__ import annotations

from html.parser import HTMLParser


class _Options(HTMLParser):
    def __init__(self, name: str) -> None:
        super().__init__()
        self.name, self.options, self._inside, self._value = name, [], False, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "select":
            self._inside = attrs.get("name") == self.name
        elif tag == "option" and self._inside:
            self._value = attrs.get("value", "")
            self.options.append((self._value, ""))

    def handle_data(self, data):
        if self._value is not None:
            value, text = self.options[-1]
            self.options[-1] = (value, text + data)

    def handle_endtag(self, tag):
        if tag == "option":
            self._value = None
        elif tag == "select":
            self._inside = False


def options(content: bytes, name: str) -> list[tuple[str, str]]:
    """[(value, label), ...] of the ``<select name=name>``, in the page's order."""
    parser = _Options(name)
    parser.feed(content.decode())
    return [(value, " ".join(text.split())) for value, text in parser.options]


def empty_choice(content: bytes, name: str) -> str:
    """The label of the select's empty choice (value ``""``)."""
    return next(label for value, label in options(content, name) if value == "")
