"""How a picture from the library inside a stored body reaches readers.

A body stores `<figure data-picture="ID">` (with an optional `<figcaption>`); this module
turns each one into the picture's markup: on pages the same `<picture>` as a featured image
(WebP and JPEG renditions in `srcset`, width and height, lazy loading) with the library's alt
text; in feeds (`absolute=True`) a plain `<img>` at a full address, as feed readers show
best. The caption is the figure's own if it has one, else the library's; the credit is the
library's. All the pictures of a body come in one query; a picture that is no longer in the
library renders nothing, so a deleted picture never breaks a page.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import urljoin

from django.conf import settings
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from ..images import rendition_name
from ..models import Picture
from ..templatetags.pictures import picture as picture_tag

# The body's column, as the featured image's.
SIZES = "(min-width: 1180px) 760px, (min-width: 960px) 65vw, 100vw"
_OPEN = re.compile(r'<figure\b[^>]*?\sdata-picture="(\d{1,18})"[^>]*>', re.IGNORECASE)
_TAG = re.compile(r"<(/?)figure\b[^>]*>", re.IGNORECASE)
_CAPTION = re.compile(r"<figcaption\b[^>]*>(.*?)</figcaption>", re.IGNORECASE | re.DOTALL)
_FIELDS = ("id", "image", "width", "height", "alt", "caption", "credit", "sizes")


def _figures(html: str) -> Iterable[tuple[int, int, int, str]]:
    """(start, end, picture id, caption HTML) of each picture figure, outermost only."""
    position = 0
    while match := _OPEN.search(html, position):
        depth, end = 1, len(html)
        for tag in _TAG.finditer(html, match.end()):
            depth += -1 if tag[1] else 1
            if depth == 0:
                end = tag.end()
                break
        inner = html[match.end() : end]
        caption = _CAPTION.search(inner)
        yield match.start(), end, int(match[1]), (caption[1].strip() if caption else "")
        position = end


def picture_ids(html: str) -> set[int]:
    """The library pictures a body shows."""
    if not html or "data-picture" not in html:
        return set()
    return {pk for _, _, pk, _ in _figures(html)}


def load(ids: Iterable[int]) -> dict[int, Picture]:
    """The pictures with these ids that are still in the library, in one query."""
    ids = set(ids)
    return Picture.objects.only(*_FIELDS).in_bulk(ids) if ids else {}


def render_pictures(
    html: str,
    *,
    absolute: bool = False,
    pictures: dict[int, Picture] | None = None,
    base_url: str | None = None,
) -> str:
    """`html` with each `<figure data-picture="ID">` rendered (absolute URLs for feeds).

    `pictures` (from `load`) lets a feed load the pictures of all its stories at once;
    `base_url` is what relative media addresses are joined to when `absolute` (the site's
    address, `DJANGO_SITE_URL`, by default).
    """
    if not html or "data-picture" not in html:
        return html
    found = list(_figures(html))
    if not found:
        return html
    if pictures is None:
        pictures = load(pk for _, _, pk, _ in found)
    parts, last = [], 0
    for start, end, pk, caption in found:
        parts.append(html[last:start])
        entry = pictures.get(pk)
        if entry is not None and entry.image:
            parts.append(_figure(entry, caption, absolute, base_url))
        last = end
    parts.append(html[last:])
    return "".join(parts)


def _figure(entry: Picture, caption: str, absolute: bool, base_url: str | None) -> str:
    # The figure's own caption is body HTML, cleaned by articles.sanitize when it was saved.
    text = mark_safe(caption) if caption else entry.caption
    credit = format_html(' <span class="credit">{}</span>', entry.credit) if entry.credit else ""
    figcaption = (
        format_html("<figcaption>{}{}</figcaption>", text, credit) if text or credit else ""
    )
    if absolute:
        image = _plain_img(entry, base_url or f"{settings.NEWSROOM_SITE_URL}/")
    else:
        image = picture_tag(
            entry.image,
            entry.sizes,
            alt=entry.alt,
            sizes=SIZES,
            width=entry.width,
            height=entry.height,
        )
    return format_html('<figure class="body-picture">{}{}</figure>', image, figcaption)


def _plain_img(entry: Picture, base_url: str) -> str:
    """One `<img>` at a full address: the largest JPEG copy, or the original."""
    storage, name = entry.image.storage, entry.image.name
    url = (
        storage.url(rendition_name(name, max(entry.sizes), "jpg"))
        if entry.sizes
        else entry.image.url
    )
    return format_html(
        '<img src="{}" alt="{}"{}>',
        urljoin(base_url, url),
        entry.alt,
        format_html(' width="{}" height="{}"', entry.width, entry.height) if entry.width else "",
    )
