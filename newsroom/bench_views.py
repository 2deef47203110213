"""The benchmark's ceiling: the cheapest page Django can serve through our middleware.

Routed only in bench mode (`NEWSROOM_BENCH=1`, see `newsroom/urls.py`). `bench/` measures
each reader page against this view returning a body of the same size under the same server,
so a page's requests/s reads as a share of what the framework itself can do.
"""

from django.http import Http404, HttpResponse

MAX_SIZE = 5_000_000  # bytes: far above any page, small enough to be harmless
_HEAD = (
    b'<!doctype html><html lang="en"><head><meta charset="utf-8">'
    b"<title>Ceiling</title></head><body><p>"
)
_TAIL = b"</p></body></html>\n"


def ceiling_body(size: int) -> bytes:
    """An HTML document of exactly `size` bytes (cut short when `size` is tiny)."""
    filler = size - len(_HEAD) - len(_TAIL)
    if filler < 0:
        return (_HEAD + _TAIL)[:size]
    return _HEAD + b"x" * filler + _TAIL


def bench_ceiling(request, size: int) -> HttpResponse:
    """A page of exactly `size` bytes, built with no query and no template."""
    if size > MAX_SIZE:
        raise Http404("Too large.")
    return HttpResponse(ceiling_body(size), content_type="text/html; charset=utf-8")
