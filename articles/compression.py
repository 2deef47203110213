"""Reader pages compressed for the wire: brotli or gzip, made once and kept with the page.

Only what the page cache may share is compressed: public pages, the same for every visitor,
without a cookie (`page_cache.storable`). They hold no secret, so BREACH, which needs a
secret and an attacker's text in one compressed response, has nothing to find there; pages
with forms, sign-in or anything personal go out as they are.

A page is compressed when it is rendered, in both encodings at once, and the page cache
keeps each form under its own key: a hit reads only the bytes it sends. A client that does
not ask for compression gets the page as it is. Every such page says
`Vary: Accept-Encoding`, so a shared cache in front keeps the forms apart.
"""

from __future__ import annotations

import gzip

import brotli
from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_vary_headers

IDENTITY = "identity"
# Brotli first: about a fifth smaller than gzip on our pages. Quality 5 and level 6 cost a
# couple of milliseconds on a page the cache missed (its render takes ten times that).
ENCODINGS = ("br", "gzip")
BROTLI_QUALITY = 5
GZIP_LEVEL = 6
# Below this, the encoding's own overhead outweighs what it saves (as Django's GZipMiddleware).
MIN_SIZE = 200


def compressed(content: bytes) -> dict[str, bytes]:
    """The page in every form a client may ask for, by encoding."""
    forms = {IDENTITY: content}
    if len(content) >= MIN_SIZE:
        forms["br"] = brotli.compress(content, quality=BROTLI_QUALITY)
        forms["gzip"] = gzip.compress(content, compresslevel=GZIP_LEVEL, mtime=0)
    return forms


def chosen(request: HttpRequest) -> str:
    """The encoding to send: the first of ours the client accepts (q above 0), else none."""
    accepted = set()
    for part in request.headers.get("Accept-Encoding", "").split(","):
        name, _, params = part.strip().partition(";")
        quality = params.strip().removeprefix("q=").strip() if params else "1"
        try:
            if float(quality) > 0:
                accepted.add(name.strip().lower())
        except ValueError:
            continue
    return next((name for name in ENCODINGS if name in accepted), IDENTITY)


def encoded(response: HttpResponse, encoding: str, content: bytes) -> HttpResponse:
    """`response` carrying `content` in `encoding`, with the headers that say so."""
    patch_vary_headers(response, ("Accept-Encoding",))
    if encoding == IDENTITY:
        return response
    response.content = content
    response["Content-Encoding"] = encoding
    etag = response.get("ETag", "")
    if etag.startswith('"'):
        # The same page, other bytes: a weak tag, which conditional requests still match.
        response["ETag"] = "W/" + etag
    return response
