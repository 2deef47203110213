"""Stored embeds as readers get them: a click-to-load facade on pages, a link in feeds.

Works on stored (sanitized) bodies, where every embed is exactly
`<figure data-embed="P" data-id="ID">` with an optional `<figcaption>` (articles/sanitize.py
writes them so), so a pattern finds them; the caption is stored HTML, already clean.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from html import unescape

from django.utils.html import format_html, strip_tags
from django.utils.safestring import SafeString, mark_safe

from . import Embed, Hosts, embed

STORED = re.compile(
    r'<figure data-embed="(?P<provider>[^"]*)" data-id="(?P<id>[^"]*)">'
    r"(?:<figcaption>(?P<caption>.*?)</figcaption>)?</figure>",
    re.DOTALL,
)
NOTE = "Shown only when you ask: loading it connects you to {}."


def _each(html: str, draw: Callable[[Embed | None, str, str], str], hosts: Hosts) -> str:
    def replace(match: re.Match) -> str:
        found = embed(unescape(match["provider"]), unescape(match["id"]), hosts)
        return draw(found, match["caption"] or "", unescape(match["id"]))

    return STORED.sub(replace, html)


def caption_text(caption: str) -> str:
    """A stored caption's text, whitespace collapsed."""
    return " ".join(unescape(strip_tags(caption)).split())


def found_in(html: str, hosts: Hosts | None = None) -> list[tuple[Embed, str]]:
    """The embeds of a stored body that readers are shown, in order, each with its
    caption's text."""
    hosts = hosts or Hosts()
    found = []
    for match in STORED.finditer(html or ""):
        item = embed(unescape(match["provider"]), unescape(match["id"]), hosts)
        if item is not None:
            found.append((item, caption_text(match["caption"] or "")))
    return found


def _caption(caption: str) -> SafeString:
    # Stored HTML, cleaned by the sanitizer on save.
    return format_html("<figcaption>{}</figcaption>", mark_safe(caption)) if caption else ""


def facade(found: Embed | None, caption: str, stored_id: str = "") -> str:
    """The box a reader sees: the provider's name, a note, the button (shown by
    js/embeds.js) and a link to the original, which is all there is without JavaScript."""
    if found is None:
        return _caption(caption) and format_html(
            '<figure class="embed">{}</figure>', _caption(caption)
        )
    title = f"{found.label} {found.noun}"
    if text := caption_text(caption):
        title = f"{title}: {text}"
    return format_html(
        '<figure class="embed embed--{shape}" data-embed="{provider}">'
        '<div class="embed__box">'
        '<p class="embed__provider">{label}</p>'
        '<p class="embed__note">{note}</p>'
        '<button type="button" class="button embed__load" data-frame="{frame}" '
        'data-title="{title}" data-allow="{allow}" data-sandbox="{sandbox}" hidden>{verb}</button>'
        '<a class="embed__original" href="{original}">{link_text}</a>'
        "</div>{caption}</figure>",
        shape=found.shape,
        provider=found.provider,
        label=found.label,
        note=NOTE.format(found.label),
        frame=found.frame_url,
        title=title,
        allow="; ".join(found.features),
        sandbox=found.sandbox,
        verb=found.verb,
        original=found.original_url,
        link_text=found.link_text,
        caption=_caption(caption),
    )


def link(found: Embed | None, caption: str, stored_id: str = "") -> str:
    """An embed in a feed (or anywhere no player may load): a link to the original and its
    caption."""
    if found is None:
        return format_html("<p>{}</p>", mark_safe(caption)) if caption else ""
    after = format_html(": {}", mark_safe(caption)) if caption else ""
    return format_html('<p><a href="{}">{}</a>{}</p>', found.original_url, found.link_text, after)


def facades(html: str, hosts: Hosts | None = None) -> str:
    """`html` with each embed as its facade."""
    return _each(html, facade, hosts or Hosts())


def links(html: str, hosts: Hosts | None = None) -> str:
    """`html` with each embed as a link to the original (feeds)."""
    return _each(html, link, hosts or Hosts())
