"""Small helpers to read the HTML the reader pages send."""

import re


def page(response) -> str:
    return response.content.decode()


def main(response) -> str:
    """The page's <main> element: what the page is about, without the frame."""
    html = page(response)
    return html[html.index("<main") : html.index("</main>")]


def between(html: str, start: str, end: str) -> str:
    """The HTML from the first `start` to the next `end` after it."""
    begin = html.index(start)
    return html[begin : html.index(end, begin + len(start))]


def text(html: str) -> str:
    """Visible text, tags removed and whitespace collapsed."""
    words = " ".join(re.sub(r"<[^>]+>", " ", html).split())
    return re.sub(r" ([.,:;!?])", r"\1", words)
