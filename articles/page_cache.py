"""Reader pages kept whole in Django's cache, shared by every worker and server.

Reader pages are the same for every visitor (DESIGN.md), so one copy serves everyone. A
page is stored under the *content version*: a token kept in the cache, replaced whenever
content readers can see may have changed:

- after any save or delete of what pages show (stories, sections, authors, tags, bylines,
  standing pages, site settings), once the transaction has committed, so a page rendered
  from the old rows can only ever be stored under the old token. A story, its bylines and
  its tags count only while the story is live or scheduled, before or after the change:
  writers saving drafts all day leave the readers' pages cached;
- after a save or delete of a library picture (alt text, caption, credit, focal point, its
  renditions' widths) that a story reaching readers shows, as its featured image or inside
  its body (`<figure data-picture="ID">`); a picture no such story shows changes no page;
- when the next scheduled story's time comes: the token records that time, and the first
  request after it makes a new token (scheduling needs no job, and neither does this).

Every worker and server reads the token from the shared cache (Redis in production), so
all of them see a change at once; each process remembers the token for at most
`TOKEN_MEMO_SECONDS`, which bounds how stale a page can be.

A page is kept under everything its response depends on: the token, the scheme (http or
https), the host, the path and the values of the query parameters its view reads. A view
names those in `page_parameters` (`views.public_page` gives every reader page an empty
tuple, a list adds `page`, search `q`); the view is shown a request holding only them, each
once, so any other parameter (`utm_*`, `fbclid`, `?x=<random>`) finds the same page and
can neither make a new entry nor end up in its links. Views without `page_parameters` are
not pages: their requests pass by untouched. Which responses are stored is then decided by
their own headers: `Cache-Control: public` (set by `views.public_page`), 200, no cookie,
nothing that varies by visitor. A stored page keeps its headers (`KEPT_HEADERS`) and what the
security middleware outside reads from its response (`KEPT_ATTRIBUTES`: the players a page
with embeds allows), so it comes back with the same Content-Security-Policy and
Permissions-Policy.
"""

from __future__ import annotations

import functools
import hashlib
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models import Q
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete, pre_save
from django.http import HttpRequest, HttpResponse, QueryDict
from django.urls import Resolver404, resolve
from django.utils import timezone
from django.utils.cache import set_response_etag
from django.utils.http import urlencode
from taggit.models import Tag

from . import compression
from .models import (
    Article,
    ArticleAuthor,
    Author,
    EmbedHost,
    Page,
    Picture,
    Section,
    SiteSettings,
    TaggedArticle,
    renditions_recorded,
)

TOKEN_KEY = "page-cache:token"
TOKEN_MEMO_SECONDS = 1.0
BYPASS_HEADER = "X-Bench-Bypass-Cache"
STATUS_HEADER = "X-Page-Cache"
# What a stored page keeps of its response; the rest is made again by the middleware.
KEPT_HEADERS = ("Content-Type", "Cache-Control", "Content-Language", "Last-Modified", "ETag")
# What the security middleware (outside this one) reads from a page's response to make its
# headers: the frames and features a page with embeds allows (articles/embeds/policy.py).
KEPT_ATTRIBUTES = ("_csp_replace", "_permissions_policy_override")
# Pages may vary by how they are encoded, never by who asks.
ALLOWED_VARY = {"accept-encoding"}
# What readers see: saving or deleting any of these may change a page. A story and its
# parts only while it reaches readers (see connect_signals).
SHOWN_MODELS = (Section, Author, Page, SiteSettings, Tag, EmbedHost)


@dataclass(frozen=True)
class Token:
    value: str
    until: float | None  # when the next scheduled story goes live (epoch seconds)
    # When it was made, the last time content may have changed (epoch seconds); None in a
    # token stored before this was kept.
    made_at: float | None = None


@dataclass
class _Memo:
    token: Token | None = None
    read_at: float = 0.0


_memo = _Memo()


def _now() -> float:
    # django.utils.timezone, so a test that moves the clock moves this too.
    return timezone.now().timestamp()


def _next_go_live() -> float | None:
    """When the next scheduled story goes live, or None."""
    at = (
        Article.objects.scheduled()
        .order_by("published_at")
        .values_list("published_at", flat=True)
        .first()
    )
    return at.timestamp() if at else None


def _new_token() -> Token:
    token = Token(uuid.uuid4().hex, _next_go_live(), _now())
    cache.set(TOKEN_KEY, token, timeout=None)
    _memo.token, _memo.read_at = token, time.monotonic()
    return token


def current_token() -> Token:
    """The content version pages are stored under now (a new one once a schedule is due)."""
    token = _memo.token
    fresh = token is not None and time.monotonic() - _memo.read_at < TOKEN_MEMO_SECONDS
    if not fresh:
        token = cache.get(TOKEN_KEY)
        _memo.token, _memo.read_at = token, time.monotonic()
    if token is None or (token.until is not None and _now() >= token.until):
        token = _new_token()
    return token


def invalidate() -> None:
    """Every stored page is out of date: the next request of each page renders it again."""
    _new_token()


def content_changed_at() -> float:
    """When content readers see last changed (epoch seconds): the current token's making.

    It never moves back (a token lost from the cache is made again, later), unlike the
    newest story's date, which unpublishing that story moves back.
    """
    token = current_token()
    return token.made_at or _now()


_holding = threading.local()


@contextmanager
def held() -> Iterator[None]:
    """Inside, saves and deletes invalidate nothing; leaving invalidates once, on commit.

    For writers of many rows at a time (the WordPress import's batches): one new content
    version per batch, and none of the per-save queries that decide whether a story
    reaches readers.
    """
    depth = getattr(_holding, "depth", 0)
    _holding.depth = depth + 1
    try:
        yield
    finally:
        _holding.depth = depth
    if depth == 0:
        transaction.on_commit(invalidate, robust=True)


def _holding_back() -> bool:
    return getattr(_holding, "depth", 0) > 0


def invalidate_on_commit(**kwargs) -> None:
    if kwargs.get("raw") or _holding_back():
        # loaddata (a restore) and `held()` writers invalidate once, at the end.
        return
    transaction.on_commit(invalidate, robust=True)


def _reaches_readers(article_id) -> bool:
    return Article.objects.reaching_readers().filter(pk=article_id).exists()


def _story_about_to_be_saved(instance, raw=False, **kwargs) -> None:
    if not raw and not _holding_back():
        instance._reached_readers = instance.pk is not None and _reaches_readers(instance.pk)


def _story_saved(instance, raw=False, **kwargs) -> None:
    if raw or _holding_back():  # loaddata (a restore), `held()`: invalidated once, at the end
        return
    before = getattr(instance, "_reached_readers", True)  # unknown: assume it did
    if before or _reaches_readers(instance.pk):
        invalidate_on_commit()


def _part_of_story_changed(instance, raw=False, **kwargs) -> None:
    """A byline or a tagging: it matters only on a story that reaches readers."""
    if raw or _holding_back():
        return
    article_id = getattr(instance, "article_id", None) or instance.content_object_id
    if _reaches_readers(article_id):
        invalidate_on_commit()


def _story_tags_changed(instance, action, **kwargs) -> None:
    if _holding_back():
        return
    if action.startswith("post_") and (
        not isinstance(instance, Article) or _reaches_readers(instance.pk)
    ):
        invalidate_on_commit()


def _renditions_recorded(sender, instance, **kwargs) -> None:
    if _holding_back():
        return
    if sender is Picture:
        _picture_changed(instance)
    elif _reaches_readers(instance.pk):
        invalidate_on_commit()


def _picture_shown(picture_id) -> bool:
    """Whether a story reaching readers shows the picture, featured or inside its body."""
    shown = Q(featured_picture_id=picture_id) | Q(body__contains=f'data-picture="{picture_id}"')
    return Article.objects.reaching_readers().filter(shown).exists()


def _picture_changed(instance, raw=False, **kwargs) -> None:
    if raw or _holding_back():
        return
    if instance.pk is not None and _picture_shown(instance.pk):
        invalidate_on_commit()


def connect_signals() -> None:
    """Content changes invalidate the pages (called once, from AppConfig.ready)."""
    for model in SHOWN_MODELS:
        post_save.connect(invalidate_on_commit, sender=model, dispatch_uid=f"pages-{model}")
        post_delete.connect(invalidate_on_commit, sender=model, dispatch_uid=f"pages-d-{model}")
    pre_save.connect(_story_about_to_be_saved, sender=Article, dispatch_uid="pages-story-before")
    post_save.connect(_story_saved, sender=Article, dispatch_uid="pages-story")
    post_delete.connect(invalidate_on_commit, sender=Article, dispatch_uid="pages-d-story")
    for part in (ArticleAuthor, TaggedArticle):
        post_save.connect(_part_of_story_changed, sender=part, dispatch_uid=f"pages-{part}")
        post_delete.connect(_part_of_story_changed, sender=part, dispatch_uid=f"pages-d-{part}")
    m2m_changed.connect(
        _story_tags_changed, sender=Article.tags.through, dispatch_uid="pages-article-tags"
    )
    renditions_recorded.connect(_renditions_recorded, dispatch_uid="pages-renditions")
    post_save.connect(_picture_changed, sender=Picture, dispatch_uid="pages-picture")
    # Before the row goes, while its id still finds the stories that show it.
    pre_delete.connect(_picture_changed, sender=Picture, dispatch_uid="pages-d-picture")


def fragment(name: str, vary: str, render: Callable[[], str]) -> str:
    """A part many pages share (the frame), rendered once per content version.

    A page the cache misses (each page after a change, or one never asked for) is then
    rendered without its frame's queries and templates. Stored like the pages: under the
    token read before rendering, for as long, and only while the page cache is on.
    """
    if not settings.NEWSROOM_PAGE_CACHE:
        return render()
    token = current_token()
    key = f"page-cache:{token.value}:fragment:{name}:{hashlib.sha256(vary.encode()).hexdigest()}"
    html = cache.get(key)
    if html is None:
        html = render()
        cache.set(key, html, timeout=settings.NEWSROOM_PAGE_CACHE_SECONDS)
    return html


def page_parameters(request: HttpRequest) -> tuple[str, ...] | None:
    """The query parameters the page at the request's path reads, or None if it is no page."""
    urlconf = getattr(request, "urlconf", None) or settings.ROOT_URLCONF
    return _parameters_at(urlconf, request.path_info)


# Remembered per path: resolving one takes 40-100 µs, a good share of a page from the cache.
@functools.lru_cache(maxsize=4096)
def _parameters_at(urlconf: str, path: str) -> tuple[str, ...] | None:
    try:
        match = resolve(path, urlconf)
    except Resolver404:
        return None
    view = getattr(match.func, "view_class", match.func)  # a class's view, or a feed object
    return getattr(view, "page_parameters", None)


def _keep_only(request: HttpRequest, parameters: tuple[str, ...]) -> None:
    """Leave the request only `parameters`, each with its last value (the one views read)."""
    query = urlencode([(name, request.GET[name]) for name in parameters if name in request.GET])
    request.GET = QueryDict(query)
    request.META["QUERY_STRING"] = query


def _key(token: Token, request: HttpRequest) -> str:
    where = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    return f"page-cache:{token.value}:{hashlib.sha256(where.encode()).hexdigest()}"


def _storable(response: HttpResponse) -> bool:
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if "public" not in response.get("Cache-Control", ""):
        return False
    vary = {part.strip().lower() for part in response.get("Vary", "").split(",") if part.strip()}
    return vary <= ALLOWED_VARY


def _bypassed(request: HttpRequest) -> bool:
    """The benchmark measures uncached pages on the same server by asking for it."""
    return settings.NEWSROOM_BENCH and request.headers.get(BYPASS_HEADER) == "1"


class PageCacheMiddleware:
    """Answer a reader page from the cache; store the ones that may be shared."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.method not in ("GET", "HEAD"):
            return self.get_response(request)
        parameters = page_parameters(request)
        if parameters is None:
            return self.get_response(request)
        # With the cache off too, so a page never differs by whether the cache is on.
        _keep_only(request, parameters)
        encoding = compression.chosen(request)
        caching = settings.NEWSROOM_PAGE_CACHE and not _bypassed(request)
        if caching:
            key = _key(current_token(), request)
            stored = cache.get(f"{key}:{encoding}")
            if stored is not None:
                form, content, headers, kept = stored
                response = HttpResponse(content)
                for name, value in headers:
                    response[name] = value
                for name, value in kept:
                    setattr(response, name, value)
                response[STATUS_HEADER] = "hit"
                return compression.encoded(response, form, content)
        response = self.get_response(request)
        if not _storable(response):
            return response
        if not response.has_header("ETag"):
            set_response_etag(response)
        forms = compression.compressed(response.content)
        form = encoding if encoding in forms else compression.IDENTITY
        if caching and request.method == "GET":
            headers = [(name, response[name]) for name in KEPT_HEADERS if response.has_header(name)]
            kept = [
                (name, getattr(response, name))
                for name in KEPT_ATTRIBUTES
                if hasattr(response, name)
            ]
            # Each encoding under its own key, so a hit reads only what it sends; a page too
            # small to compress is kept as it is under every one.
            cache.set_many(
                {
                    f"{key}:{name}": (
                        name if name in forms else compression.IDENTITY,
                        forms.get(name, response.content),
                        headers,
                        kept,
                    )
                    for name in (compression.IDENTITY, *compression.ENCODINGS)
                },
                timeout=settings.NEWSROOM_PAGE_CACHE_SECONDS,
            )
            response[STATUS_HEADER] = "miss"
        return compression.encoded(response, form, forms[form])
