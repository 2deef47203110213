"""No reader-facing URL answers 500 (issue 8): property-based tests with Hypothesis.

Every public URL pattern comes from the resolver itself (walked recursively; /admin/ is left
out, it is not reader-facing), so a pattern added later is fuzzed without touching this file.
Each converter is filled with drawn values: slugs and ids that exist, random text, huge and
negative numbers, Unicode, percent-encoded junk, `..`, NUL and control characters; then a
query string (`?page=`, `?q=`, `?p=`, `?next=`, arbitrary keys) and, for POST, a random form
or a malformed body. Requests go through Django's test client with
`raise_request_exception=False` (the client skips CSRF checks, so a POST reaches the view
behind them), with DEBUG off and the page cache on as in production, as a visitor, a signed-in
reader or an editor. Every answer must be 2xx, 3xx or 4xx. A fixed sweep then puts the
classic bad values in every converter of every pattern, drawn or not.

Profiles: CI (the `CI` environment variable set, as .ci/run has it) uses the "ci" profile,
`derandomize=True`, so every run draws the same examples and a red build can be replayed;
elsewhere "dev" draws new examples each run. `HYPOTHESIS_PROFILE` picks one explicitly.
Neither keeps an example database (the caches Hypothesis still writes in .hypothesis/
carry their own .gitignore).
"""

from __future__ import annotations

import os
import re
import traceback
from dataclasses import dataclass
from html import escape
from urllib.parse import quote, urlencode

import pytest
from django.conf import settings as django_settings
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from taggit.models import Tag

from accounts.models import Follow, SavedStory
from articles.models import LegacyURL
from tests.factories import (
    ArticleFactory,
    AuthorFactory,
    PageFactory,
    SectionFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

# The budget: 600 + 120 drawn requests (1-20 ms each), spread over every pattern, and a
# fixed sweep of ~500: about 20 s for the file on two idle cores, 45 s beside a benchmark.
EXAMPLES = {"patterns": 600, "paths": 120}
# CI runs with a fixed seed (derandomize=True): the same examples every run, so a red build
# replays exactly; a developer's runs draw new ones. See the module's docstring.
hypothesis_settings.register_profile("ci", derandomize=True, database=None, print_blob=True)
hypothesis_settings.register_profile("dev", database=None)
hypothesis_settings.load_profile(
    os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") else "dev")
)
FUZZ = {
    "deadline": None,
    "suppress_health_check": [HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
}


# The URL patterns, from the resolver.


@dataclass(frozen=True)
class Part:
    """A literal piece of a URL pattern, or a converter (`kind`: slug, int, str, path)."""

    text: str = ""
    kind: str = ""
    name: str = ""


_ROUTE_PARAM = re.compile(r"<(?:(?P<kind>[^>:]+):)?(?P<name>\w+)>")
_REGEX_GROUP = re.compile(r"\(\?P<(?P<name>\w+)>(?P<regex>(?:[^()\\]|\\.)+)\)")


def _route_parts(route: str) -> list[Part]:
    parts, at = [], 0
    for match in _ROUTE_PARAM.finditer(route):
        parts += [
            Part(route[at : match.start()]),
            Part(kind=match["kind"] or "str", name=match["name"]),
        ]
        at = match.end()
    return [*parts, Part(route[at:])]


def _regex_parts(regex: str) -> list[Part]:
    """A `re_path` pattern with named groups only (ours and allauth's) as parts."""
    regex = regex.removeprefix("^").removesuffix("$").removesuffix(r"\Z")
    parts, at = [], 0
    for match in _REGEX_GROUP.finditer(regex):
        kind = "path" if match["regex"] in {".+", ".*"} else "str"
        parts += [Part(regex[at : match.start()]), Part(kind=kind, name=match["name"])]
        at = match.end()
    return [*parts, Part(regex[at:])]


def public_patterns() -> list[tuple[str, tuple[Part, ...]]]:
    """(name, parts) of every URL pattern but the admin's, walking included resolvers."""
    found = []

    def walk(patterns, prefix: list[Part]) -> None:
        for pattern in patterns:
            route = str(pattern.pattern)
            parts = _regex_parts(route) if route.startswith("^") else _route_parts(route)
            if isinstance(pattern, URLResolver):
                walk(pattern.url_patterns, [*prefix, *parts])
            elif isinstance(pattern, URLPattern):
                whole = tuple(p for p in (*prefix, *parts) if p.kind or p.text)
                found.append((pattern.name or route, whole))

    walk(get_resolver().url_patterns, [])
    return [
        (name, parts) for name, parts in found if not (parts and parts[0].text.startswith("admin/"))
    ]


PATTERNS = public_patterns()


def test_the_fuzzed_patterns_cover_the_reader_pages_accounts_feeds_and_media():
    names = {name for name, _ in PATTERNS}
    # fmt: off
    expected = {
        "home", "detail", "section", "tag", "author", "search", "latest", "preview", "page",
        "feed", "tag_atom_feed", "sitemap", "news_sitemap", "robots", "contact",
        "account_login", "account_signup", "account_reset_password_from_key", "follow",
        "save", "state", "data", "delete",
    }
    # fmt: on
    assert expected <= names, expected - names
    if django_settings.SERVE_MEDIA:  # development and one-machine setups serve /media/
        assert any(parts[0].text == "media/" for _, parts in PATTERNS if parts)
    assert not any(parts and parts[0].text.startswith("admin/") for _, parts in PATTERNS)


# What the site holds while it is fuzzed.

SECTIONS = ["india", "state", "world"]
TAGS = ["Transport", "日本", "🔥 Hot"]
AUTHORS = ["asha-rao", "nm-desk"]
PAGES = ["about-us", "privacy-policy", "contact-us"]
STORIES = ["metro-opens", "bridge-closes", "rain-returns", "draft-story", "scheduled-story"]


@pytest.fixture
def newsroom(db, settings):
    """A small site: sections (one nested), authors, tags (two in other scripts), live,
    draft and scheduled stories, standing pages, old addresses, a picture on disk, a reader
    with a saved story and follows, an editor."""
    settings.DEBUG = False
    settings.NEWSROOM_PAGE_CACHE = True
    india = SectionFactory(name="India", slug="india")
    sections = [
        india,
        SectionFactory(name="State", slug="state", parent=india),
        SectionFactory(name="World", slug="world"),
    ]
    authors = [
        AuthorFactory(name="Asha Rao", slug="asha-rao"),
        AuthorFactory(name="NM Desk", slug="nm-desk", is_desk=True),
    ]
    stories = []
    for n, slug in enumerate(STORIES[:3]):
        stories.append(
            ArticleFactory(live=True, slug=slug, section=sections[n], tags=TAGS, authors=authors)
        )
    ArticleFactory(slug="draft-story", section=india, authors=authors[:1])
    ArticleFactory(scheduled=True, slug="scheduled-story", section=india, authors=authors[:1])
    for slug in PAGES:
        PageFactory(slug=slug, title=slug.replace("-", " ").title())
    LegacyURL.objects.create(path="/2024/05/metro-opens", article=stories[0])
    LegacyURL.objects.create(path="/?p=12", article=stories[1])
    media = settings.MEDIA_ROOT / "articles"
    media.mkdir(parents=True)
    (media / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0 not really a jpeg")
    reader = UserFactory(email="reader@example.com")
    SavedStory.objects.create(user=reader, article=stories[0])
    Follow.objects.create(user=reader, section=india)
    Follow.objects.create(user=reader, tag=Tag.objects.get(name="日本"))
    editor = UserFactory(role="Editor", email="editor@example.com")
    return {"reader": reader, "editor": editor}


# Values for the converters, query strings and bodies.

# fmt: off
NASTY = [
    "", ".", "..", "../..", "%2e%2e", "%2F", "%00", "\x00", "%ZZ", "%", "%C0%AF", "%E2%80%AE",
    "%FF%FE", "\n", "\r\n", "\t", " ", "+", "~", "'", '"', "<script>", "{{7*7}}", ";", "?", "#",
    "😀", "ಕನ್ನಡ", "日本", "\u2028", "\ufeff", "a" * 600, "-1", "0", "9" * 40, "1e9", "NaN",
    "null", "None", "true", "[]", "{}", "con", "index.php", "//evil.example", "javascript:x",
]
# fmt: on
nasty = st.sampled_from(NASTY)
unicode_text = st.text(st.characters(codec="utf-8"), max_size=40)
known_slugs = st.sampled_from(
    SECTIONS
    + AUTHORS
    + PAGES
    + STORIES
    + ["transport", "articles", "tags", "pages", "sections", "authors"]
)
slug_values = st.one_of(
    known_slugs, st.from_regex(r"[-a-zA-Z0-9_]{1,60}", fullmatch=True), nasty, unicode_text
)
int_values = st.one_of(
    st.integers(0, 40).map(str),
    st.integers(-(2**70), 2**70).map(str),
    st.sampled_from(["01", "0x10", "1.5", "١٢", "²"]),
    nasty,
)
str_values = st.one_of(st.sampled_from(["section", "tag", "author", "story", "key"]), slug_values)
path_values = st.one_of(
    st.sampled_from(
        [
            "articles/photo.jpg",
            "articles/",
            "../settings.py",
            "a/../../b",
            "articles/%00.jpg",
            "renditions/x-400w.webp",
        ]
    ),
    st.lists(st.one_of(slug_values, nasty), min_size=1, max_size=5).map("/".join),
)
VALUES = {"slug": slug_values, "int": int_values, "str": str_values, "path": path_values}


def encoded(value: str, safe: str = "") -> st.SearchStrategy[str]:
    """The value percent-encoded, or inserted as it is (the client sends what it can)."""
    return st.sampled_from([quote(value, safe=safe), value])


@st.composite
def urls(draw) -> str:
    _name, parts = draw(st.sampled_from(PATTERNS))
    path = ""
    for part in parts:
        if part.kind:
            value = draw(VALUES.get(part.kind, str_values))
            path += draw(encoded(value, safe="/" if part.kind == "path" else ""))
        else:
            path += part.text
    return "/" + path


query_keys = st.one_of(
    st.sampled_from(["page", "q", "p", "next", "articles", "action", "kind", "o", "utm_source"]),
    unicode_text,
)
query_values = st.one_of(
    int_values, nasty, unicode_text, st.sampled_from(["/", "https://evil.example/", "1,2,3", "-5"])
)


@st.composite
def query_strings(draw) -> str:
    pairs = draw(st.lists(st.tuples(query_keys, query_values), max_size=4))
    if not pairs:
        return ""
    if draw(st.booleans()):
        return "?" + urlencode(pairs)
    return "?" + "&".join(f"{k}={v}" for k, v in pairs)  # raw: whatever a crawler sends


FORM_KEYS = ["email", "login", "password", "password1", "password2", "name", "subject"]
FORM_KEYS += ["message", "website", "code", "action", "next", "remember", "q"]
form_keys = st.one_of(st.sampled_from(FORM_KEYS), unicode_text)
forms = st.dictionaries(
    form_keys, st.one_of(query_values, st.lists(query_values, max_size=3)), max_size=6
)
raw_bodies = st.tuples(
    st.sampled_from(
        [
            "multipart/form-data; boundary=xyz",
            "multipart/form-data",
            "application/json",
            "application/x-www-form-urlencoded; charset=latin-9",
            "text/plain",
            "application/x-www-form-urlencoded",
        ]
    ),
    st.one_of(
        st.binary(max_size=200),
        unicode_text.map(str.encode),
        st.just(b"--xyz\r\nContent-Disposition: form-data\r\n\r\n"),
    ),
)


def request(client: Client, method: str, url: str, body) -> object:
    if method == "GET":
        return client.get(url)
    if method == "HEAD":
        return client.head(url)
    if isinstance(body, dict):
        return client.post(url, body)
    content_type, data = body  # sent as it is, whatever charset the header claims
    return client.generic("POST", url, data, content_type=content_type)


def assert_not_5xx(response, method: str, url: str) -> None:
    if response.status_code < 500:
        return
    error = "".join(traceback.format_exception(*response.exc_info)) if response.exc_info else ""
    pytest.fail(f"{method} {url!r} answered {response.status_code}\n{error}")


def client_as(who: str, newsroom) -> Client:
    client = Client(raise_request_exception=False)
    if who != "visitor":
        client.force_login(newsroom[who])
    return client


@hypothesis_settings(max_examples=EXAMPLES["patterns"], **FUZZ)
@given(
    url=urls(),
    query=query_strings(),
    method=st.sampled_from(["GET", "GET", "HEAD", "POST"]),
    body=st.one_of(forms, raw_bodies),
    who=st.sampled_from(["visitor", "visitor", "reader", "editor"]),
)
def test_no_public_url_answers_500_whatever_fills_it(newsroom, url, query, method, body, who):
    client = client_as(who, newsroom)
    response = request(client, method, url + query, body)
    assert_not_5xx(response, method, url + query)


SEGMENTS = ["news", "tag", "section", "author", "feed", "atom", "accounts", "media"]
SEGMENTS += ["sitemap.xml", "preview", "saved", "follow"]
segments = st.one_of(known_slugs, nasty, unicode_text, st.sampled_from(SEGMENTS))


@hypothesis_settings(max_examples=EXAMPLES["paths"], **FUZZ)
@given(
    segments=st.lists(segments, min_size=1, max_size=6),
    trailing=st.booleans(),
    query=query_strings(),
    method=st.sampled_from(["GET", "HEAD", "POST"]),
)
def test_no_random_path_answers_500(newsroom, segments, trailing, query, method):
    url = "/" + "/".join(quote(s, safe="%") for s in segments) + ("/" if trailing else "")
    response = request(client_as("visitor", newsroom), method, url + query, {})
    assert_not_5xx(response, method, url + query)


# The same classics in every converter of every pattern, drawn or not: a fixed sweep.

CLASSICS = ["%00", "..", "9" * 40, "-1", "%E6%97%A5%E6%9C%AC", "a" * 300, "%ZZ", "%C0%AF"]


def test_every_pattern_answers_the_classic_bad_values_without_a_500(newsroom):
    client = client_as("reader", newsroom)
    for _name, parts in PATTERNS:
        for value in CLASSICS:
            url = "/" + "".join(value if part.kind else part.text for part in parts)
            for method in ("GET", "HEAD", "POST") if value == "%00" else ("GET",):
                assert_not_5xx(request(client, method, url, {"q": value}), method, url)


# Regressions the corpus and the fuzzer found, as plain tests.


@pytest.mark.parametrize("name", ["日本", "🔥", "<!--", "ಕನ್ನಡ ಸುದ್ದಿ", "Café society"])
def test_a_tag_named_in_another_script_or_in_symbols_gets_a_page(client, name):
    story = ArticleFactory(live=True, tags=[name])
    tag = Tag.objects.get(name=name)
    assert re.fullmatch(r"[-a-zA-Z0-9_]+", tag.slug)
    assert client.get(story.get_absolute_url()).status_code == 200
    page = client.get(reverse("articles:tag", args=[tag.slug]))
    assert page.status_code == 200
    assert escape(name) in page.content.decode()
    assert client.get(reverse("articles:tag_feed", args=[tag.slug])).status_code == 200
    assert client.get(reverse("articles:sitemap", args=["tags"])).status_code == 200


def test_an_address_with_nul_in_it_is_a_404_not_a_500(client):
    """The old-address lookup after a 404 sent `%00` to PostgreSQL, which refuses NUL."""
    story = ArticleFactory(live=True)
    LegacyURL.objects.create(path="/2024/05/old-title", article=story)
    for path in ("/media/articles/%00.jpg", "/news/a%00b/", "/2024/05/old-title%00"):
        assert client.get(path).status_code == 404
    assert client.get("/2024/05/old-title").status_code == 301


def test_a_media_name_longer_than_the_file_system_allows_is_a_404_not_a_500(client):
    assert client.get("/media/" + "a" * 300).status_code == 404
    assert client.get("/media/articles/" + "b" * 300 + ".jpg").status_code == 404


def test_following_a_slug_with_nul_in_it_is_a_404_not_a_500(client):
    client.force_login(UserFactory())
    for kind in ("section", "tag", "author"):
        assert client.get(f"/accounts/follow/{kind}/a%00b/").status_code == 404
        assert client.post(f"/accounts/follow/{kind}/a%00b/").status_code == 404


def test_two_tags_whose_names_slugify_alike_get_different_addresses():
    ArticleFactory(live=True, tags=["日本", "日本語", "🔥", "🔥🔥"])
    slugs = list(Tag.objects.values_list("slug", flat=True))
    assert len(set(slugs)) == 4
