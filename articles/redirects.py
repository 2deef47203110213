"""Old addresses (`LegacyURL`: WordPress permalinks, a story's own before its slug changed)
answered with a 301 to the story.

The middleware looks a path up only when nothing else answered it (a 404), so it costs
nothing on pages that exist, and it redirects only to live stories: a draft's old address
stays a 404 until the story is published. WordPress's `/?p=123` form is the one exception:
the home page answers `/` whatever the query, so that form is looked up before the view.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, HttpResponsePermanentRedirect

from .models import Article

REDIRECTED_METHODS = {"GET", "HEAD"}


def legacy_path(path: str) -> str:
    """`path` as old addresses are stored and looked up: leading slash, no trailing one."""
    path = "/" + path.lstrip("/")
    return path.rstrip("/") or "/"


def post_id_path(post_id: int) -> str:
    """The stored form of WordPress's `?p=123` address of post 123."""
    return f"/?p={post_id}"


def _post_id(request: HttpRequest) -> int | None:
    value = request.GET.get("p", "")
    return int(value) if value.isascii() and value.isdigit() else None


def find_redirect(request: HttpRequest) -> HttpResponsePermanentRedirect | None:
    """A 301 to the live story that used to live at the request's address, if there is one."""
    if "\x00" in request.path:
        # No old address holds NUL (%00), and PostgreSQL refuses one in a query: a 500.
        return None
    paths = {legacy_path(request.path)}
    post_id = _post_id(request)
    if post_id is not None:
        paths.add(post_id_path(post_id))
    article = Article.objects.live().filter(legacy_urls__path__in=paths).only("slug").first()
    return HttpResponsePermanentRedirect(article.get_absolute_url()) if article else None


class LegacyURLMiddleware:
    """Answer an old address that would be a 404 with a 301 to its story's page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.method in REDIRECTED_METHODS and request.path == "/" and _post_id(request):
            redirect = find_redirect(request)
            if redirect is not None:
                return redirect
        response = self.get_response(request)
        if response.status_code == 404 and request.method in REDIRECTED_METHODS:
            return find_redirect(request) or response
        return response
