"""Tables in a story's body as readers get them: each one scrolls inside itself on a narrow
screen, so the page never does.

A body stores a table as plain `<table><caption>…</caption><thead>…</thead><tbody>…</tbody>
</table>` (docs/rich-bodies.md). When a body is rendered, each table is put in a box that
scrolls sideways (`.table-scroll` in site.css): a region that can take the keyboard's focus,
so that it can be scrolled without a mouse, and named for what the table shows.
"""

from html import escape
from html.parser import HTMLParser

LABEL_LIMIT = 100  # characters of a region's name made from header cells
WRAPPER = '<div class="table-scroll" role="region" tabindex="0" aria-label="{}">'


def wrap_tables(html: str) -> str:
    """`html` with each table (a table inside another goes with it) wrapped in a box that
    scrolls sideways, named by the table's caption, else by its header cells, else "Table".

    For a sanitized body, once: the wrappers are what readers get, never stored."""
    if "<table" not in html.lower():
        return html
    tables = _Tables.of(html)
    parts, last = [], 0
    for start, end, label in tables:
        parts += [html[last:start], WRAPPER.format(escape(label)), html[start:end], "</div>"]
        last = end
    parts.append(html[last:])
    return "".join(parts)


class _Tables(HTMLParser):
    """Where each outermost table of an HTML fragment starts and ends, and its name."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.html = html
        self.tables: list[tuple[int, int, str]] = []
        self._line_starts = [0]
        for line in html.split("\n")[:-1]:
            self._line_starts.append(self._line_starts[-1] + len(line) + 1)
        self._depth = 0  # tables open
        self._start = 0
        self._caption: list[str] | None = None  # text of the caption, while inside it
        self._captions: list[str] = []
        self._headers: list[str] = []  # text of the first row's header cells
        self._header: list[str] | None = None
        self._rows = 0

    @classmethod
    def of(cls, html: str) -> list[tuple[int, int, str]]:
        tables = cls(html)
        tables.feed(html)
        tables.close()
        return tables.tables

    def _offset(self) -> int:
        line, column = self.getpos()
        return self._line_starts[line - 1] + column

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self._depth += 1
            if self._depth == 1:
                self._start = self._offset()
                self._captions, self._headers, self._rows = [], [], 0
        elif self._depth != 1:
            return
        elif tag == "caption":
            self._caption = []
        elif tag == "tr":
            self._rows += 1
        elif tag == "th" and self._rows == 1:
            self._header = []

    def handle_endtag(self, tag):
        if tag == "table" and self._depth:
            self._depth -= 1
            if not self._depth:
                end = self.html.index(">", self._offset()) + 1
                self.tables.append((self._start, end, self._label()))
        elif self._depth != 1:
            return
        elif tag == "caption" and self._caption is not None:
            self._captions.append("".join(self._caption))
            self._caption = None
        elif tag == "th" and self._header is not None:
            self._headers.append(" ".join("".join(self._header).split()))
            self._header = None

    def handle_data(self, data):
        for text in (self._caption, self._header):
            if text is not None:
                text.append(data)

    def _label(self) -> str:
        caption = " ".join(" ".join(self._captions).split())
        if caption:
            return caption
        headers = ", ".join(header for header in self._headers if header)
        if not headers:
            return "Table"
        label = f"Table: {headers}"
        return label if len(label) <= LABEL_LIMIT else label[: LABEL_LIMIT - 1].rstrip() + "…"
