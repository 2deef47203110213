"""A stored body as readers get it: the one place that turns sanitized HTML into a page's
(or a feed's) HTML.

Stored bodies hold rich parts as plain figures (docs/rich-bodies.md); here embeds become
click-to-load facades (feeds: links), library pictures their `<picture>`, tables a box that
scrolls by itself. Every caller marks the result safe only because the body was cleaned by
articles.sanitize when it was saved, and these steps add only markup of their own.
"""

from __future__ import annotations

import re

from .embeds import Embed, Hosts
from .embeds import render as embed_render
from .library.render import render_pictures
from .tables import wrap_tables

_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)\b[^>]*>")
VOID = {"br", "hr", "img", "wbr"}


def reader_html(html: str, hosts: Hosts | None = None) -> str:
    """`html` (a stored body, or part of one) as a reader page shows it."""
    if not html:
        return ""
    html = embed_render.facades(html, hosts)
    html = render_pictures(html)
    return wrap_tables(html)


def feed_html(html: str) -> str:
    """`html` as feeds carry it: embeds as links to the original with their captions.

    Library pictures are rendered by the feed itself (articles.feeds), all of a feed's at
    once, with full URLs.
    """
    return embed_render.links(html) if html else ""


def embeds_in(html: str, hosts: Hosts | None = None) -> list[Embed]:
    """The embeds readers are shown in a stored body (for the page's headers)."""
    return [found for found, _ in embed_render.found_in(html, hosts)]


def embed_links(html: str, hosts: Hosts | None = None) -> list[tuple[str, str]]:
    """(address of the original, caption or "Video on YouTube") of each embed shown."""
    return [
        (found.original_url, caption or found.link_text)
        for found, caption in embed_render.found_in(html, hosts)
    ]


def split_after_paragraphs(html: str, count: int) -> tuple[str, str]:
    """`html` cut after its `count`-th paragraph of the top level, or (html, "") if it has no
    more than that: never inside a quote, list, table or figure."""
    depth = seen = 0
    for match in _TAG.finditer(html):
        closing, name = match.group(1), match.group(2).lower()
        if name in VOID:
            continue
        if not closing:
            depth += 1
            continue
        depth = max(depth - 1, 0)
        if name == "p" and depth == 0:
            seen += 1
            if seen == count:
                rest = html[match.end() :]
                return (html[: match.end()], rest) if rest.strip() else (html, "")
    return html, ""
