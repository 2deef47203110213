"""Reader pages compressed for the wire: brotli or gzip, made once and kept with the page.

Only what the page cache may share is compressed: public pages, the same for every visitor,
without a cookie (`page_cache.storable`). They hold no secret, so BREACH, which needs a
secret and an attacker's text in one compressed response, has nothing to find there; pages
with forms, sign-in or anything personal go out as they are.

A page is compressed when it is rendered, in the encoding it is sent in, and the page cache
keeps each form under its own key, the page as it is beside it: a hit reads only the bytes
it sends, and a client asking for another encoding gets it compressed from the page kept,
not rendered again. A client that does
not ask for compression gets the page as it is. Every such page says
`Vary: Accept-Encoding`, so a shared cache in front keeps the forms apart.
"""

from __future__ import annotations

import functools
import gzip

import brotli
from django.http import HttpRequest

IDENTITY = "identity"
# Brotli first: about a fifth smaller than gzip on our pages. Quality 5 and level 6 cost a
# couple of milliseconds on a page the cache missed (its render takes ten times that).
ENCODINGS = ("br", "gzip")
BROTLI_QUALITY = 5
GZIP_LEVEL = 6
# Below this, the encoding's own overhead outweighs what it saves (as Django's GZipMiddleware).
MIN_SIZE = 200


def compress(content: bytes, encoding: str) -> bytes | None:
    """The page in `encoding`, or None where it stays as it is (identity, or too small)."""
    if encoding == IDENTITY or len(content) < MIN_SIZE:
        return None
    if encoding == "br":
        return brotli.compress(content, quality=BROTLI_QUALITY)
    return gzip.compress(content, compresslevel=GZIP_LEVEL, mtime=0)


def chosen(request: HttpRequest) -> str:
    """The encoding to send: the first of ours the client accepts (q above 0), else none."""
    # From META: `request.headers` would build a mapping of every header on each hit.
    return _chosen(request.META.get("HTTP_ACCEPT_ENCODING", ""))


@functools.lru_cache(maxsize=256)
def _chosen(accept_encoding: str) -> str:
    # Browsers send a handful of different values: each is read once per process.
    accepted = set()
    for part in accept_encoding.split(","):
        name, _, params = part.strip().partition(";")
        quality = params.strip().removeprefix("q=").strip() if params else "1"
        try:
            if float(quality) > 0:
                accepted.add(name.strip().lower())
        except ValueError:
            continue
    return next((name for name in ENCODINGS if name in accepted), IDENTITY)
