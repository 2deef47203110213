"""Stored XSS (issue 8): every vector of tests/xss_vectors.py, typed by a writer into every field
they control (and by an editor into author names, bios and notes, by readers into their name
and Contact Us), comes back as text wherever it is shown: reader pages, meta tags, JSON-LD,
feeds, the news sitemap, the admin and the emails allauth sends.

Each page is read twice, by a tokenizer that splits attributes as browsers do and as lxml's
tree, and walked: no `on*` attribute, no `javascript:`/`vbscript:`/`data:` URL, no element a
story could smuggle in (frames, objects, `<base>`, refresh `<meta>`...), no `<script>` but
the site's own files and JSON-LD that parses and cannot be closed. Then each field is read
back where it appears and must equal what was typed: text, not markup. The site is made once
for the module (tests/xss_site.py, through the admin) and rolled back after it. Chromium
runs the same site in tests/browser/test_xss_browser.py.
"""

from __future__ import annotations

import json
import re
from html import escape, unescape
from html.parser import HTMLParser
from urllib.parse import quote

import lxml.html
import pytest
from django.core import mail
from django.db import transaction
from django.test import override_settings
from django.urls import reverse
from lxml import etree
from taggit.models import Tag

from articles.feeds import absolute_links
from articles.models import Article, Author
from articles.sanitize import ALLOWED_TAGS
from articles.search import normalize_query
from tests import xss_site
from tests.admin_forms import change_form_data
from tests.factories import ArticleFactory, UserFactory
from tests.xss_vectors import VECTORS, Vector

pytestmark = pytest.mark.django_db

SITE_NAME = "IndiaPost Live"
NEW_PASSWORD = "a long new password 42"
NS = {
    "atom": "http://www.w3.org/2005/Atom",
    "content": "http://purl.org/rss/1.0/modules/content/",
    "dc": "http://purl.org/dc/elements/1.1/",
    "news": "http://www.google.com/schemas/sitemap-news/0.9",
}

# What a page of ours may hold, and what only an injection would bring.
URL_ATTRIBUTES = {
    "href", "src", "action", "formaction", "data", "xlink:href", "background", "poster",
    "lowsrc", "dynsrc", "codebase", "cite", "longdesc", "usemap", "manifest", "ping",
}  # fmt: skip
SMUGGLED_ELEMENTS = {
    "iframe", "frame", "frameset", "object", "embed", "applet", "base", "math", "template",
    "noscript", "marquee", "animate", "set", "animatetransform", "animatemotion",
    "foreignobject", "handler", "listener", "video", "audio", "xmp", "plaintext", "isindex",
}  # fmt: skip
DATA_SCRIPT_TYPES = {"application/ld+json", "application/json", "importmap"}
_INVISIBLE = re.compile(r"[\x00-\x20\x7f-\xa0\u2028\u2029\ufeff]+")
_DANGEROUS_URL = re.compile(r"^(?:javascript|vbscript|livescript|data):", re.IGNORECASE)
_SCRIPT_IN_STYLE = re.compile(r"__xss|javascript:|expression\(|@import|behavior:", re.I)


def tree(html: str | bytes):
    if isinstance(html, bytes):
        html = html.decode()  # not every page names its charset (the admin's do not)
    return lxml.html.document_fromstring(html)


def fragment(html: str):
    """An HTML fragment parsed into a <div>, as a feed reader would see it."""
    return lxml.html.fragment_fromstring(html or "", create_parent="div")


def dangerous_url(value: str) -> bool:
    """Whether a URL would run script or render HTML when followed, as browsers read it."""
    # Browsers know every HTML5 entity ("&colon;"), lxml only HTML 4's; and they drop
    # whitespace and control characters before the scheme and inside it.
    return bool(_DANGEROUS_URL.match(_INVISIBLE.sub("", unescape(value or ""))))


def unsafe_markup(html: str, *, styles: bool = False) -> list[str]:
    """What in a page (or fragment) could run script; empty when nothing can.

    Read twice: by a tokenizer (the standard library's, which splits attributes as browsers
    do, so `<body onload>` inside a page is seen) and as lxml's tree (which sees what
    nesting does, as in `<svg><style>`). `styles` allows `<style>` elements without script
    (the admin's templates have some).
    """
    scanner = _TagScanner()
    scanner.feed(html)
    scanner.close()
    elements = [*scanner.elements]
    whole = re.match(r"\s*<(!doctype|html)", html, re.IGNORECASE)
    for element in (tree(html) if whole else fragment(html)).iter():
        if isinstance(element.tag, str):  # comments and processing instructions are inert
            elements.append((element.tag, dict(element.attrib), element.text or ""))
    problems = []
    for tag, attributes, text in elements:
        problems += element_problems(tag.lower().rsplit("}", 1)[-1], attributes, text, styles)
    return list(dict.fromkeys(problems))


class _TagScanner(HTMLParser):
    """Every start tag with its attributes, and the text of each script and style."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict, str]] = []

    def handle_starttag(self, tag, attrs) -> None:
        self.elements.append((tag, {name: value or "" for name, value in attrs}, ""))

    def handle_data(self, data) -> None:
        if self.elements and self.elements[-1][0] in {"script", "style"}:
            tag, attributes, text = self.elements[-1]
            self.elements[-1] = (tag, attributes, text + data)


def element_problems(tag: str, attributes: dict, text: str, styles: bool) -> list[str]:
    where = f"<{tag}>"
    problems = []
    for name, value in attributes.items():
        name = name.lower().rsplit("}", 1)[-1]
        if name.startswith("on"):
            problems.append(f"{where} has an event handler {name}={value!r}")
        elif name in URL_ATTRIBUTES and dangerous_url(value):
            problems.append(f"{where} {name}={value!r}")
        elif name == "srcdoc":
            problems.append(f"{where} has srcdoc={value!r}")
        elif name == "style" and _SCRIPT_IN_STYLE.search(value):
            problems.append(f"{where} style={value!r}")
        elif name == "http-equiv":
            problems.append(f"{where} http-equiv={value!r}")
    if tag in SMUGGLED_ELEMENTS:
        problems.append(f"{where} element")
    elif tag == "style" and (not styles or _SCRIPT_IN_STYLE.search(text)):
        problems.append(f"<style> element: {text[:80]!r}")
    elif tag == "script":
        problems += script_problems(attributes, text)
    return problems


def script_problems(attributes: dict, text: str) -> list[str]:
    src = attributes.get("src")
    kind = (attributes.get("type") or "").strip().lower()
    if src is not None:
        same_site = src.startswith("/") and not src.startswith("//")
        if same_site and not text.strip():
            return []
        return [f"<script src={src!r}> with text {text[:60]!r}"]
    if kind in DATA_SCRIPT_TYPES:
        if "</" in text or "<!--" in text:
            return [f"<script type={kind}> holds a closing sequence: {text[:80]!r}"]
        try:
            json.loads(text)
        except ValueError:
            return [f"<script type={kind}> is not JSON: {text[:80]!r}"]
        return []
    return [f"inline <script type={kind!r}>: {text[:80]!r}"]


def assert_safe(response, *, styles: bool = False):
    """The page answered, parses, and holds nothing that runs script; its tree."""
    assert response.status_code == 200, response.status_code
    html = response.content.decode()
    problems = unsafe_markup(html, styles=styles)
    assert not problems, "\n".join(problems)
    return tree(html)


def by_class(root, css_class: str, tag: str = "*") -> list:
    return root.xpath(
        f"//{tag}[contains(concat(' ', normalize-space(@class), ' '), ' {css_class} ')]"
    )


def one(found: list):
    assert len(found) == 1, found
    return found[0]


def text_of(element) -> str:
    return element.text_content()


def meta(root, key: str) -> str:
    return one(root.xpath(f"//meta[@property='{key}' or @name='{key}']")).get("content")


@pytest.fixture(scope="module")
def xss(django_db_setup, django_db_blocker, tmp_path_factory):
    """The site of tests/xss_site.py, made once for this module and rolled back after it."""
    from django.contrib.auth.models import Group, Permission

    from articles.roles import ROLES, grant_roles

    media = tmp_path_factory.mktemp("xss-media")
    quick = override_settings(
        MEDIA_ROOT=media,
        PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"],
        CACHES={"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}},
        NEWSROOM_PAGE_CACHE=False,
    )
    with quick, django_db_blocker.unblock(), transaction.atomic():
        if Group.objects.filter(name__in=ROLES).count() < len(ROLES):
            grant_roles(Group, Permission)
        yield xss_site.seed()
        transaction.set_rollback(True)


@pytest.fixture
def editor_client(client, xss):
    """Signed in as the seeded site's editor (who approved its stories), not conftest's."""
    client.force_login(xss.editor)
    return client


@pytest.mark.parametrize("vector", [v for v in VECTORS if v.markup], ids=str)
def test_the_checker_catches_each_markup_vector_left_unescaped(vector: Vector):
    page = f"<!doctype html><html><head><title>t</title></head><body><p>{vector.payload}</p>"
    assert unsafe_markup(page + "</body></html>")
    assert unsafe_markup(f"<p>{vector.payload}</p>")


# The article page: every field a writer controls, in every place it is printed.


@pytest.mark.parametrize("vector", VECTORS, ids=str)
def test_the_article_page_and_its_json_ld_hold_every_field_as_text(client, xss, vector: Vector):
    article = xss.story(vector)
    response = client.get(article.get_absolute_url())
    root = assert_safe(response)

    assert text_of(one(by_class(root, "article__headline", "h1"))) == article.headline
    assert text_of(one(root.xpath("//span[@aria-current='page']"))) == article.headline
    assert text_of(one(root.xpath("//title"))) == f"{article.seo_title} — {SITE_NAME}"
    assert meta(root, "description") == article.seo_description
    assert meta(root, "og:title") == article.seo_title
    assert meta(root, "og:description") == article.seo_description
    assert text_of(one(by_class(root, "dateline", "strong"))) == f"{article.dateline}:"
    figure = one(by_class(root, "article__image", "figure"))
    assert one(figure.xpath(".//img")).get("alt") == article.featured_image_alt
    assert text_of(one(by_class(figure, "credit", "span"))) == article.featured_image_credit
    caption = text_of(one(figure.xpath(".//figcaption")))
    assert caption == f"{article.featured_image_caption} {article.featured_image_credit}"
    tags = {text_of(a) for a in root.xpath("//a[@rel='tag']")}
    assert tags == set(article.tags.names())
    (author,) = article.byline_authors
    assert text_of(one(by_class(root, "byline__author", "a"))).strip() == author.name

    # Share links carry the headline URL-encoded, to the networks' own https addresses.
    shares = root.xpath("//ul[@class='share-links']//a/@href")
    assert shares and all(href.startswith(("https://", "http://testserver/")) for href in shares)
    assert any(quote(article.headline, safe="") in href for href in shares)

    # JSON-LD: it parses, holds each field as it was typed, and no string can close it.
    blocks = re.findall(
        r'<script type="application/ld\+json">(.*?)</script>', response.content.decode(), re.S
    )
    assert len(blocks) == 2
    for block in blocks:
        assert "</" not in block and "<!--" not in block and "<script" not in block.lower()
    news, breadcrumb = (json.loads(block) for block in blocks)
    assert news["headline"] == article.headline[:110]
    assert news["description"] == article.seo_description
    assert set(news["keywords"]) == set(article.tags.names())
    assert [a["name"] for a in news["author"]] == [author.name]
    assert breadcrumb["itemListElement"][-1]["name"] == article.headline


@pytest.mark.parametrize("vector", VECTORS, ids=str)
def test_the_body_keeps_no_script_after_the_sanitizer(xss, vector: Vector):
    body = xss.story(vector).body
    assert not unsafe_markup(body), body
    for element in fragment(body).iter():
        assert element.tag in {"div", *ALLOWED_TAGS}, element.tag


# Author, tag and search pages: the name, the bio and the query, as text.


@pytest.mark.parametrize("vector", VECTORS, ids=str)
def test_the_author_page_prints_the_name_and_bio_as_text(client, xss, vector: Vector):
    author = xss.authors[vector.id]
    author.refresh_from_db()
    assert author.name == vector.payload.strip()
    root = assert_safe(client.get(author.get_absolute_url()))
    box = one(by_class(root, "author-box", "header"))
    assert text_of(one(box.xpath(".//h1"))) == author.name
    assert text_of(one(by_class(box, "author-box__bio", "p"))) == author.bio
    assert text_of(one(root.xpath("//title"))) == f"{author.name} — {SITE_NAME}"
    assert meta(root, "description") == author.bio
    feeds = root.xpath("//link[@rel='alternate']/@title")
    assert f"{author.name} — {SITE_NAME} (RSS)" in feeds
    titles = {text_of(a) for a in root.xpath("//*[contains(@class, 'card__title')]/a")}
    assert titles == {xss.story(vector).headline, xss.omnibus.headline}


@pytest.mark.parametrize("vector", VECTORS, ids=str)
def test_each_tag_page_prints_the_tag_name_as_text(client, xss, vector: Vector):
    for tag in Tag.objects.filter(name__in=xss.tag_names[vector.id]):
        root = assert_safe(client.get(reverse("articles:tag", args=[tag.slug])))
        assert text_of(one(root.xpath("//main//h1"))) == tag.name
        assert text_of(one(root.xpath("//title"))) == f"{tag.name} — {SITE_NAME}"
        assert meta(root, "description") == f"Stories tagged “{tag.name}”."
        hidden = one(by_class(root, "follow-link", "a")).xpath(".//span")[-1]
        assert text_of(hidden) == f" {tag.name}"


@pytest.mark.parametrize("vector", VECTORS, ids=str)
def test_a_search_for_the_vector_echoes_it_as_text(client, xss, vector: Vector):
    query = normalize_query(vector.payload)
    root = assert_safe(client.get(reverse("articles:search"), {"q": vector.payload}))
    assert text_of(one(root.xpath("//main//h1"))) == f"Search results for “{query}”"
    assert one(root.xpath("//input[@id='search-page-q']")).get("value") == query


# Pages that list every story at once.


def printed_bylines() -> set[str]:
    """Each story's byline as cards and the admin print it: names joined with commas."""
    stories = Article.objects.with_bylines()
    return {", ".join(author.name for author in story.byline_authors) for story in stories}


def test_the_home_page_latest_section_and_tag_lists_carry_every_headline_as_text(client, xss):
    headlines = {article.headline for article in Article.objects.all()}
    common = Tag.objects.get(name=xss_site.COMMON_TAG)
    listings = {
        "latest": (reverse("articles:latest"), {}),
        "section": (reverse("articles:section", args=[xss_site.SECTION_SLUG]), {}),
        "tag": (reverse("articles:tag", args=[common.slug]), {}),
        "search": (reverse("articles:search"), {"q": "Before"}),  # every body has the word
    }
    for name, (url, query) in listings.items():
        shown = set()
        for number in (1, 2, 3):
            # Page 1 is the bare address (?page=1 redirects there).
            root = assert_safe(
                client.get(url, {**query, **({"page": number} if number > 1 else {})})
            )
            cards = root.xpath("//*[contains(@class, 'card__title')]/a")
            shown |= {text_of(a) for a in cards}
            summaries = {text_of(p) for p in by_class(root, "card__summary", "p")}
            assert summaries <= {article.summary for article in Article.objects.all()}
            authors = {text_of(span) for span in by_class(root, "meta__authors", "span")}
            assert authors <= printed_bylines()
        assert shown == headlines, name

    root = assert_safe(client.get(reverse("articles:home")))
    bell = [text_of(a) for a in by_class(root, "notifications__list", "ul")[0].xpath(".//a")]
    assert bell and set(bell) <= headlines
    sidebar = {text_of(a) for a in by_class(root, "latest-list__title", "a")}
    assert sidebar and sidebar <= headlines


# Feeds and the news sitemap: well-formed XML, text where readers expect text.


def rss_item(root, article: Article):
    (item,) = [i for i in root.iterfind("channel/item") if article.slug in i.findtext("link")]
    return item


@pytest.mark.parametrize("vector", VECTORS, ids=str)
def test_feeds_are_well_formed_and_carry_each_field_escaped(client, xss, vector: Vector):
    article = xss.story(vector)
    author = article.byline_authors[0]
    rss = etree.fromstring(client.get(reverse("articles:author_feed", args=[author.slug])).content)
    assert rss.findtext("channel/title") == escape(f"{author.name} — {SITE_NAME}", quote=False)
    item = rss_item(rss, article)
    # <title> and <description> hold HTML in most readers: the text, HTML-escaped.
    assert item.findtext("title") == escape(article.headline, quote=False)
    assert item.findtext("description") == escape(article.summary, quote=False)
    for name, text in (("title", article.headline), ("description", article.summary)):
        shown = fragment(item.findtext(name))  # as a reader renders it
        assert len(shown) == 0 and shown.text_content() == text
    content = item.findtext("content:encoded", namespaces=NS)
    # The body as stored, its relative links and pictures made absolute for feed readers.
    assert content == absolute_links(article.body, "http://testserver" + article.get_absolute_url())
    assert not unsafe_markup(content)
    assert [c.text for c in item.iterfind("dc:creator", NS)] == [author.name]
    categories = {c.text for c in item.iterfind("category")}
    assert categories == {article.section.name, *article.tags.names()}

    atom = etree.fromstring(
        client.get(reverse("articles:author_atom_feed", args=[author.slug])).content
    )
    (entry,) = [
        e
        for e in atom.iterfind("atom:entry", NS)
        if e.findtext("atom:id", namespaces=NS).endswith(f":article:{article.pk}")
    ]
    assert entry.findtext("atom:title", namespaces=NS) == article.headline  # type="text"
    summary = entry.find("atom:summary", NS)
    assert summary.get("type") == "html"
    assert fragment(summary.text).text_content() == article.summary
    assert not unsafe_markup(entry.findtext("atom:content", namespaces=NS))
    assert entry.findtext("atom:author/atom:name", namespaces=NS) == author.name

    for tag in Tag.objects.filter(name__in=xss.tag_names[vector.id]):
        # RSS channel text is HTML-escaped (as item titles are); Atom's title is plain text.
        for name, title in (
            ("articles:tag_feed", escape(f"{tag.name} — {SITE_NAME}", quote=False)),
            ("articles:tag_atom_feed", f"{tag.name} — {SITE_NAME}"),
        ):
            feed = etree.fromstring(client.get(reverse(name, args=[tag.slug])).content)
            titles = feed.xpath("//*[local-name()='title']/text()")
            assert title in titles


def test_the_site_and_section_feeds_parse_with_every_vector_in_them(client, xss):
    urls = [reverse("articles:feed"), reverse("articles:atom_feed")]
    for name in ("articles:section_feed", "articles:section_atom_feed"):
        urls.append(reverse(name, args=[xss_site.SECTION_SLUG]))
    for url in urls:
        root = etree.fromstring(client.get(url).content)
        bodies = root.xpath("//content:encoded/text() | //atom:content/text()", namespaces=NS)
        assert len(bodies) == 30
        for body in bodies:
            assert not unsafe_markup(body)


def test_the_news_sitemap_carries_every_headline_as_text(client, xss):
    root = etree.fromstring(client.get(reverse("articles:news_sitemap")).content)
    titles = set(root.xpath("//news:title/text()", namespaces=NS))
    assert titles == {article.headline for article in Article.objects.all()}
    for name in ("articles:sitemap_index", "articles:robots"):
        assert client.get(reverse(name)).status_code == 200
    for section in ("tags", "authors", "articles"):
        etree.fromstring(client.get(reverse("articles:sitemap", args=[section])).content)


# The admin, as an editor sees it.


@pytest.mark.parametrize("vector", VECTORS, ids=str)
def test_the_change_form_and_revisions_show_the_vector_as_text(editor_client, xss, vector):
    article = xss.story(vector)
    change = reverse("admin:articles_article_change", args=[article.pk])
    root = assert_safe(editor_client.get(change), styles=True)
    assert one(root.xpath("//input[@name='headline']")).get("value") == article.headline
    # Browsers drop the newline Django puts first in a <textarea>; lxml keeps it.
    summary = text_of(one(root.xpath("//textarea[@name='summary']")))
    assert summary.removeprefix("\n") == article.summary
    for name in ("dateline", "seo_title", "featured_image_alt", "featured_image_credit"):
        assert one(root.xpath(f"//input[@name='{name}']")).get("value") == getattr(article, name)
    notes = [text_of(td) for td in root.xpath("//div[@id='timeline']//tbody/tr/td[5]")]
    assert vector.payload.replace("\n", "") in notes

    revisions = article.history.order_by("history_date", "history_id")
    first, last = revisions.first(), revisions.last()
    url = reverse("admin:articles_article_revisions", args=[article.pk])
    compare = {"old": first.history_id, "new": last.history_id}
    root = assert_safe(editor_client.get(url, compare), styles=True)
    comparison = text_of(one(root.xpath("//div[@id='comparison']")))
    for line in re.split(r"[\n\u2028\u2029]", vector.payload):
        assert line.strip() in comparison


def test_the_admin_lists_show_every_vector_as_text(editor_client, xss):
    headlines = {article.headline for article in Article.objects.all()}
    root = assert_safe(editor_client.get(reverse("admin:articles_article_changelist")), styles=True)
    assert {
        text_of(a) for a in root.xpath("//th[contains(@class,'field-headline')]/a")
    } == headlines
    bylines = {text_of(td) for td in root.xpath("//td[contains(@class,'field-byline')]")}
    assert bylines == printed_bylines()

    root = assert_safe(editor_client.get(reverse("admin:index")), styles=True)
    dashboard = [text_of(a) for a in by_class(root, "newsroom-dashboard")[0].xpath(".//li/a")]
    assert dashboard and set(dashboard) <= headlines

    root = assert_safe(editor_client.get(reverse("admin:taggit_tag_changelist")), styles=True)
    names = {text_of(a) for a in root.xpath("//th[contains(@class,'field-name')]/a")}
    assert names == set(Tag.objects.values_list("name", flat=True))

    root = assert_safe(editor_client.get(reverse("admin:articles_author_changelist")), styles=True)
    names = {text_of(a) for a in root.xpath("//td[contains(@class,'field-name')]/a")}
    assert names == set(Author.objects.values_list("name", flat=True))

    messages = reverse("admin:articles_contactmessage_changelist")
    root = assert_safe(editor_client.get(messages), styles=True)
    subjects = {text_of(a) for a in root.xpath("//th[contains(@class,'field-subject')]/a")}
    assert subjects == {v.payload.strip() for v in VECTORS}


# One story and one author holding every vector at once.


def test_the_story_with_every_vector_is_text_on_its_page_and_in_the_admin(editor_client, xss):
    story = Article.objects.with_bylines().get(pk=xss.omnibus.pk)
    root = assert_safe(editor_client.get(story.get_absolute_url()))
    assert text_of(one(by_class(root, "article__headline", "h1"))) == story.headline
    names = [text_of(a).strip() for a in by_class(root, "byline__author", "a")]
    assert names == [author.name for author in story.byline_authors]
    assert len(names) == len(VECTORS)
    assert not unsafe_markup(story.body)

    change = reverse("admin:articles_article_change", args=[story.pk])
    root = assert_safe(editor_client.get(change), styles=True)
    summary = text_of(one(root.xpath("//textarea[@name='summary']")))
    assert summary.removeprefix("\n") == story.summary
    chosen = root.xpath("//select[contains(@name, 'bylines-')]/option[@selected]")
    assert [text_of(option) for option in chosen] == names
    revisions = reverse("admin:articles_article_revisions", args=[story.pk])
    first = story.history.order_by("history_date", "history_id").first()
    assert_safe(editor_client.get(revisions, {"old": first.history_id}), styles=True)


def test_the_author_with_every_vector_in_the_bio_has_it_as_text(client, xss):
    author = xss.omnibus_author
    root = assert_safe(client.get(author.get_absolute_url()))
    assert text_of(one(by_class(root, "author-box__bio", "p"))) == author.bio
    assert text_of(one(root.xpath("//main//h1"))) == author.name


# Bugs the corpus found, as plain tests.


def test_a_tag_longer_than_its_column_is_refused_in_the_form_not_a_500(client):
    writer = UserFactory(role="Writer")
    story = ArticleFactory(created_by=writer)
    client.force_login(writer)
    change = reverse("admin:articles_article_change", args=[story.pk])
    response = client.post(change, change_form_data(story, tags=f"{'x' * 101}, short"))
    assert response.status_code == 200
    assert "A tag can have at most 100 characters" in response.content.decode()
    assert not story.tags.exists()


def test_a_tag_numbered_past_its_columns_length_gets_an_address_that_fits():
    hyphen, space = "a" * 49 + "-" + "a" * 50, "a" * 49 + " " + "a" * 50
    ArticleFactory(live=True, tags=[hyphen, space])  # both slugify to the same 100 characters
    slugs = dict(Tag.objects.filter(name__in=[hyphen, space]).values_list("name", "slug"))
    assert slugs[hyphen] == hyphen or slugs[space] == hyphen
    assert all(
        len(slug) <= 100 and re.fullmatch(r"[-a-zA-Z0-9_]+", slug) for slug in slugs.values()
    )
    assert len(set(slugs.values())) == 2


# A reader's own name: sign-up, the emails allauth sends, the account page.


@pytest.mark.parametrize("vector", VECTORS, ids=str)
def test_a_readers_sign_up_name_is_escaped_in_the_email_and_account_page(client, vector):
    email = f"reader{vector.id}@example.com"
    signup = {"email": email, "name": vector.payload, "password1": NEW_PASSWORD}
    response = client.post("/accounts/signup/", {**signup, "password2": NEW_PASSWORD})
    assert response.status_code == 302, response.content.decode()[:500]
    (message,) = mail.outbox
    name = vector.payload.strip()
    assert name in message.body  # the text part is plain text: the name as typed
    assert name not in message.subject
    ((html, mimetype),) = message.alternatives
    assert mimetype == "text/html"
    assert not unsafe_markup(html, styles=True)
    root = tree(html)
    (greeting,) = [p for p in root.iter("p") if text_of(p).startswith("Hello")]
    assert text_of(greeting) == f"Hello {name},"

    client.force_login(UserFactory._meta.model.objects.get(email=email))
    root = assert_safe(client.get(reverse("accounts:overview")))
    assert text_of(one(root.xpath("//dl[@class='account-facts']/dd[1]"))) == name
    state = client.get(reverse("accounts:state")).json()
    assert state["name"] == name
