"""Old addresses (`LegacyURL`: WordPress permalinks, a story's own before its slug changed)
answered with a 301 to the story; and a WordPress site's archive addresses (categories, tags,
authors, dates, their later pages, feeds) answered with a 301 to their counterparts. An
attachment's page (`/?attachment_id=7`, its permalink) is an old address of the story it
was uploaded to, recorded by the import.

The middleware looks a path up only when nothing else answered it (a 404), so it costs
nothing on pages that exist, and it redirects only to live stories: a draft's old address
stays a 404 until the story is published. WordPress's `/?p=123` and `/?attachment_id=7`
forms are the exception: the home page answers `/` whatever the query, so they are looked
up before the view.
"""

from __future__ import annotations

import re
from urllib.parse import quote, urlencode

from django.http import Http404, HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from django.urls import reverse
from django.utils.text import slugify

from .date_archive import Period
from .models import Article, Author, Section
from .wordpress.people import byline_slug
from .wordpress.sections import section_slug

# A WordPress site's archive addresses, and the feed at the end of any of them.
FEED_TAIL = re.compile(r"/feed(?:/(rss2|rss|rdf|atom))?/?$")
CATEGORY = re.compile(r"^/category/(?:[^/]+/)*([^/]+)$")
AUTHOR = re.compile(r"^/author/([^/]+)$")
TAG = re.compile(r"^/tag/([^/]+)$")
DATE = re.compile(r"^/(\d{4})(?:/(\d{2}))?(?:/(\d{2}))?$")
PAGE_TAIL = re.compile(r"/page/(\d+)$")
SITE_FEEDS = {"/comments", ""}

REDIRECTED_METHODS = {"GET", "HEAD"}


def legacy_path(path: str) -> str:
    """`path` as old addresses are stored and looked up: leading slash, no trailing one."""
    path = "/" + path.lstrip("/")
    return path.rstrip("/") or "/"


def post_id_path(post_id: int) -> str:
    """The stored form of WordPress's `?p=123` address of post 123."""
    return f"/?p={post_id}"


def attachment_id_path(attachment_id: int) -> str:
    """The stored form of WordPress's `?attachment_id=7` address of attachment 7's page."""
    return f"/?attachment_id={attachment_id}"


# WordPress's addresses by id, in the query string: the parameter and its stored form.
ID_FORMS = {"p": post_id_path, "attachment_id": attachment_id_path}


def _id_paths(request: HttpRequest) -> set[str]:
    return {
        form(int(value))
        for name, form in ID_FORMS.items()
        if (value := request.GET.get(name, "")).isascii() and value.isdigit()
    }


def diverted(request: HttpRequest) -> bool:
    """Whether the request asks for a post by id at the home page's address (`/?p=123`),
    which is looked up before the home page itself."""
    return request.method in REDIRECTED_METHODS and request.path == "/" and bool(_id_paths(request))


def find_redirect(request: HttpRequest) -> HttpResponsePermanentRedirect | None:
    """A 301 to the live story that used to live at the request's address, if there is one."""
    if "\x00" in request.path:
        # No old address holds NUL (%00), and PostgreSQL refuses one in a query: a 500.
        return None
    paths = {legacy_path(request.path), *_id_paths(request)}
    article = Article.objects.live().filter(legacy_urls__path__in=paths).only("slug").first()
    if article is not None:
        return HttpResponsePermanentRedirect(article.get_absolute_url())
    target = archive_target(legacy_path(request.path))
    return HttpResponsePermanentRedirect(target) if target else None


def archive_target(path: str) -> str | None:
    """Where one of WordPress's other addresses is here: a category's archive (its section),
    a tag's, an author's, a date's, the later pages of any of them or of the home page, and
    the feed of any of them or of a post."""
    feed = FEED_TAIL.search(path)
    if feed:
        base = path[: feed.start()] or "/"
        atom = feed.group(1) == "atom"
        if base in SITE_FEEDS or base == "/":
            return reverse("articles:atom_feed" if atom else "articles:feed")
        if (match := CATEGORY.match(base)) and (section := _section(match.group(1))):
            name = "articles:section_atom_feed" if atom else "articles:section_feed"
            return reverse(name, kwargs={"slug": section.slug})
        if (match := AUTHOR.match(base)) and (author := _author(match.group(1))):
            name = "articles:author_atom_feed" if atom else "articles:author_feed"
            return reverse(name, kwargs={"slug": author.slug})
        if (match := TAG.match(base)) and (tag := _tag(match.group(1))):
            name = "articles:tag_atom_feed" if atom else "articles:tag_feed"
            return reverse(name, kwargs={"slug": tag.slug})
        # A post's comments feed: the post itself (no comments here).
        story = Article.objects.live().filter(legacy_urls__path=base).only("slug").first()
        return story.get_absolute_url() if story else None
    page = PAGE_TAIL.search(path)
    if page:
        path = path[: page.start()] or "/"
    target = _listing(path, paged=page is not None)
    if target and page and page.group(1) != "1":
        return f"{target}?{urlencode({'page': page.group(1)})}"
    return target


def _listing(path: str, *, paged: bool) -> str | None:
    """The list of stories here that WordPress's archive at `path` was."""
    if (match := CATEGORY.match(path)) and (section := _section(match.group(1))):
        return section.get_absolute_url()
    if (match := AUTHOR.match(path)) and (author := _author(match.group(1))):
        return author.get_absolute_url()
    if (match := TAG.match(path)) and (tag := _tag(match.group(1))):
        return reverse("articles:tag", kwargs={"slug": tag.slug})
    if match := DATE.match(path):
        parts = [int(part) for part in match.groups() if part is not None]
        try:
            Period.of(*parts)
        except Http404:  # a month 13 is no archive
            return None
        name = ("articles:year", "articles:month", "articles:day")[len(parts) - 1]
        return reverse(name, args=parts)
    if path == "/" and paged:  # the home page's later pages: the newest stories'
        return reverse("articles:latest")
    return None


def _as_exported(name: str) -> set[str]:
    """`name` from a path (decoded) and as WordPress exports it: a name in another script is
    percent-encoded there, in lower case ("खेल" is "%e0%a4%96%e0%a5%87%e0%a4%b2")."""
    return {name, quote(name, safe="").lower()}


def _section(nicename: str) -> Section | None:
    # The import names a category's section after its nicename (articles.wordpress.sections).
    slugs = {section_slug(name) for name in _as_exported(nicename)}
    return Section.objects.filter(slug__in=slugs).first()


def _tag(slug: str):
    from taggit.models import Tag

    return Tag.objects.filter(slug=slugify(slug)).first()


def _author(login: str) -> Author | None:
    # The import names a byline after the author's login (articles.wordpress.people).
    slugs = {byline_slug(name) for name in _as_exported(login)}
    return Author.objects.filter(slug__in=slugs).first()


class LegacyURLMiddleware:
    """Answer an old address that would be a 404 with a 301 to its story's page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if diverted(request):
            redirect = find_redirect(request)
            if redirect is not None:
                return redirect
        response = self.get_response(request)
        if response.status_code == 404 and request.method in REDIRECTED_METHODS:
            return find_redirect(request) or response
        return response
