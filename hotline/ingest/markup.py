"""HTML left in an article's text by a CMS export (``"body": "<p>Carney&rsquo;s call ...</p>"``) read as plain text.

Only text that holds HTML is touched: a tag of the elements articles are written with, or a character reference
(``&rsquo;``, ``&#8217;``). Block elements (paragraphs, headings, list items, line breaks) become line breaks, every
other tag goes, references become their characters, and what a reader does not read as the article (scripts,
styles, a photo's caption) is dropped. Plain text ("AT&T", "x < y") comes out unchanged.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

_TAG = re.compile(
    r"</?(?:p|br|div|span|a|em|strong|b|i|u|h[1-6]|ul|ol|li|figure|figcaption|img|blockquote|section|article|table|"
    r"tr|td|th|script|style|header|footer|time|small|sup|sub|hr)(?:\s[^<>]*)?/?>",
    re.IGNORECASE,
)
_REFERENCE = re.compile(r"&(?:[a-zA-Z][a-zA-Z0-9]{1,9}|#[0-9]{2,6}|#[xX][0-9a-fA-F]{2,5});")
_PARAGRAPHS = frozenset(
    "p div h1 h2 h3 h4 h5 h6 blockquote section article figure header footer ul ol table hr".split()  # noqa: SIM905
)
_LINES = frozenset(["br", "li", "tr"])
_UNREAD = frozenset(["script", "style", "figcaption", "noscript"])
_SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")
_BLANK_LINES = re.compile(r"\n{3,}")


def strip_markup(text: str) -> tuple[str, bool]:
    """The text with its HTML read as plain text (see the module docstring), and whether anything changed."""
    if "<" in text and _TAG.search(text):
        reader = _Reader()
        reader.feed(text)
        reader.close()
        return _tidy("".join(reader.parts)), True
    if "&" in text and _REFERENCE.search(text):
        return html.unescape(text), True
    return text, False


def _tidy(text: str) -> str:
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._unread = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _UNREAD:
            self._unread += 1
        self._break(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._break(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in _UNREAD and self._unread:
            self._unread -= 1
        self._break(tag)

    def handle_data(self, data: str) -> None:
        if not self._unread:
            self.parts.append(data)

    def _break(self, tag: str) -> None:
        if tag in _PARAGRAPHS:
            self.parts.append("\n\n")
        elif tag in _LINES:
            self.parts.append("\n")
