"""RSS 2.0 and Atom feeds: valid, live stories only, newest first, complete items, cached.

How validity is checked: the W3C Feed Validator (the reference) is not installable here — it
is not on PyPI and this machine reaches package registries only — so RSS gets a structural
check of what RSS 2.0 requires plus feedparser (no `bozo`), and Atom is validated against
RFC 4287's RELAX NG grammar (tests/fixtures/schemas/atom.rng) with lxml, plus the RFC's two
Schematron rules, checked here in XPath.
"""

import io
import re
from datetime import datetime, timedelta
from email.utils import parsedate_to_datetime
from html import unescape
from pathlib import Path

import feedparser
import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone
from lxml import etree
from PIL import Image

from articles import page_cache
from articles.feeds import FEED_ITEMS
from articles.images import rendition_name
from articles.models import Article
from tests.factories import ArticleFactory, AuthorFactory, SectionFactory

pytestmark = pytest.mark.django_db

SCHEMAS = Path(__file__).parent / "fixtures" / "schemas"
NS = {
    "atom": "http://www.w3.org/2005/Atom",
    "content": "http://purl.org/rss/1.0/modules/content/",
    "dc": "http://purl.org/dc/elements/1.1/",
    "dcterms": "http://purl.org/dc/terms/",
}
FEED_KINDS = ("site", "section", "tag", "author")


@pytest.fixture(scope="module")
def atom_schema():
    return etree.RelaxNG(etree.parse(str(SCHEMAS / "atom.rng")))


def jpeg(width: int = 900, height: int = 600) -> ContentFile:
    out = io.BytesIO()
    Image.new("RGB", (width, height), (30, 90, 160)).save(out, "JPEG", quality=80)
    return ContentFile(out.getvalue())


def with_image(article: Article) -> Article:
    article.featured_image.save("photo.jpg", jpeg(), save=False)
    article.save()
    return article


@pytest.fixture
def story():
    """A live story with everything an item can carry: picture, two bylines, tags, an update."""
    article = ArticleFactory(
        live=True,
        headline="Metro line opens to the airport",
        summary="Trains run every eight minutes from Monday.",
        body='<p>The first train left at <strong>six</strong>.</p><p><a href="https://example.com/">Timetable</a></p>',
        section=SectionFactory(name="India", slug="india"),
        authors=[AuthorFactory(name="Asha Rao"), AuthorFactory(name="NM Desk", is_desk=True)],
        tags=["Transport", "Delhi"],
    )
    article.updated_at = article.published_at + timedelta(minutes=20)
    return with_image(article)


def feed_url(kind: str, story: Article, atom: bool = False) -> str:
    suffix = "atom_feed" if atom else "feed"
    if kind == "site":
        return reverse(f"articles:{suffix}")
    slug = {
        "section": story.section.slug,
        "tag": story.tags.get(name="Transport").slug,
        "author": story.byline_authors[0].slug,
    }[kind]
    return reverse(f"articles:{kind}_{suffix}", kwargs={"slug": slug})


def rss(client, url: str) -> etree._Element:
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"] == "application/rss+xml; charset=utf-8"
    return etree.fromstring(response.content)


def atom(client, url: str) -> etree._Element:
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"] == "application/atom+xml; charset=utf-8"
    return etree.fromstring(response.content)


def rss_titles(client, url: str) -> list[str]:
    return list(rss(client, url).xpath("channel/item/title/text()"))


def is_absolute(url: str) -> bool:
    return bool(re.match(r"https?://[^/]+/", url))


def rss_problems(xml: bytes) -> list[str]:
    """What RSS 2.0 (rssboard.org/rss-specification) requires and this feed lacks."""
    problems = []
    root = etree.fromstring(xml)
    if root.tag != "rss" or root.get("version") != "2.0":
        return ["the root is not <rss version='2.0'>"]
    channels = root.findall("channel")
    if len(channels) != 1:
        return [f"{len(channels)} <channel> elements, not one"]
    channel = channels[0]
    for name in ("title", "link", "description"):
        if len(channel.findall(name)) != 1:
            problems.append(f"channel needs exactly one <{name}>")
    if not is_absolute(channel.findtext("link", "")):
        problems.append("channel <link> is not an absolute URL")
    if not re.fullmatch(r"[a-z]{2}(-[a-z]{2})?", channel.findtext("language", "")):
        problems.append("channel <language> is not a language code")
    selves = channel.xpath("atom:link[@rel='self']", namespaces=NS)
    if len(selves) != 1 or not is_absolute(selves[0].get("href", "")):
        problems.append("channel needs one <atom:link rel='self'> with an absolute href")
    dates = channel.xpath("lastBuildDate/text() | item/pubDate/text()")
    for date in dates:
        try:
            parsedate_to_datetime(date)
        except (TypeError, ValueError):
            problems.append(f"{date!r} is not an RFC 822 date")
    for date in channel.xpath("item/dcterms:modified/text()", namespaces=NS):
        try:
            datetime.fromisoformat(date)
        except ValueError:
            problems.append(f"{date!r} is not a W3C date-time")
    for n, item in enumerate(channel.findall("item")):
        if item.find("title") is None and item.find("description") is None:
            problems.append(f"item {n} has neither <title> nor <description>")
        if not is_absolute(item.findtext("link", "")):
            problems.append(f"item {n} <link> is not absolute")
        guid = item.find("guid")
        if guid is None or (
            guid.get("isPermaLink", "true") == "true" and not is_absolute(guid.text)
        ):
            problems.append(f"item {n} has no permalink <guid>")
        enclosures = item.findall("enclosure")
        if len(enclosures) > 1:
            problems.append(f"item {n} has more than one <enclosure>")
        for enclosure in enclosures:
            if not is_absolute(enclosure.get("url", "")):
                problems.append(f"item {n} enclosure url is not absolute")
            if not enclosure.get("length", "").isdigit():
                problems.append(f"item {n} enclosure length is not a number of bytes")
            if "/" not in enclosure.get("type", ""):
                problems.append(f"item {n} enclosure type is not a MIME type")
        for category in item.findall("category"):
            if not (category.text or "").strip():
                problems.append(f"item {n} has an empty <category>")
    parsed = feedparser.parse(xml)
    if parsed.bozo:
        problems.append(f"feedparser: {parsed.bozo_exception}")
    if parsed.version != "rss20":
        problems.append(f"feedparser reads it as {parsed.version!r}, not RSS 2.0")
    return problems


def atom_problems(xml: bytes, schema) -> list[str]:
    """Where this feed breaks RFC 4287: its RELAX NG grammar, then its Schematron rules."""
    document = etree.fromstring(xml)
    problems = []
    if not schema.validate(document):
        problems += [f"line {e.line}: {e.message}" for e in schema.error_log]
    feed_author = document.xpath("atom:author", namespaces=NS)
    for n, entry in enumerate(document.xpath("atom:entry", namespaces=NS)):
        if not entry.xpath(
            "atom:link[@rel='alternate' or not(@rel)] | atom:content", namespaces=NS
        ):
            problems.append(f"entry {n} has no alternate link and no content")
        authors = entry.xpath("atom:author | atom:source/atom:author", namespaces=NS)
        if not (feed_author or authors):
            problems.append(f"entry {n} has no author, nor has the feed")
    parsed = feedparser.parse(xml)
    if parsed.bozo:
        problems.append(f"feedparser: {parsed.bozo_exception}")
    if parsed.version != "atom10":
        problems.append(f"feedparser reads it as {parsed.version!r}, not Atom 1.0")
    return problems


# Validity


@pytest.mark.parametrize("kind", FEED_KINDS)
def test_rss_feed_is_valid_rss_2(client, story, kind):
    ArticleFactory(live=True, section=story.section, tags=["Transport"])  # no picture
    response = client.get(feed_url(kind, story))
    assert rss_problems(response.content) == []


@pytest.mark.parametrize("kind", FEED_KINDS)
def test_atom_feed_is_valid_against_the_rfc_4287_schema(client, story, atom_schema, kind):
    ArticleFactory(live=True, section=story.section, tags=["Transport"])
    response = client.get(feed_url(kind, story, atom=True))
    assert atom_problems(response.content, atom_schema) == []


def test_the_atom_schema_rejects_an_entry_without_an_id(client, story, atom_schema):
    document = atom(client, feed_url("site", story, atom=True))
    entry_id = document.find("atom:entry/atom:id", NS)
    entry_id.getparent().remove(entry_id)
    assert not atom_schema.validate(document)


def test_an_empty_feed_is_still_valid(client, atom_schema):
    assert rss_problems(client.get(reverse("articles:feed")).content) == []
    assert atom_problems(client.get(reverse("articles:atom_feed")).content, atom_schema) == []


def test_the_validators_catch_a_broken_rss_feed(client, story):
    channel = rss(client, feed_url("site", story)).find("channel")
    channel.remove(channel.find("description"))
    assert rss_problems(etree.tostring(channel.getparent())) == [
        "channel needs exactly one <description>"
    ]


# Which stories, in which order


def test_feed_lists_live_stories_only(client):
    live = ArticleFactory(live=True, headline="Live story")
    ArticleFactory(headline="Draft story")
    ArticleFactory(scheduled=True, headline="Scheduled story")
    ArticleFactory(status=Article.Status.IN_REVIEW, headline="Story in review")
    ArticleFactory(live=True, trashed_at=timezone.now(), headline="Trashed story")
    ArticleFactory(
        status=Article.Status.ARCHIVED,
        published_at=timezone.now() - timedelta(days=1),
        headline="Archived story",
    )
    assert rss_titles(client, reverse("articles:feed")) == [live.headline]
    entries = atom(client, reverse("articles:atom_feed")).xpath(
        "atom:entry/atom:title/text()", namespaces=NS
    )
    assert entries == [live.headline]


def test_feed_lists_newest_first(client):
    now = timezone.now()
    for hours, headline in [(5, "Oldest"), (1, "Newest"), (3, "Middle")]:
        ArticleFactory(live=True, headline=headline, published_at=now - timedelta(hours=hours))
    assert rss_titles(client, reverse("articles:feed")) == ["Newest", "Middle", "Oldest"]


def test_feed_holds_the_newest_30_stories(client):
    now = timezone.now()
    for n in range(FEED_ITEMS + 2):
        ArticleFactory(live=True, headline=f"Story {n}", published_at=now - timedelta(minutes=n))
    titles = rss_titles(client, reverse("articles:feed"))
    assert FEED_ITEMS == 30
    assert titles == [f"Story {n}" for n in range(FEED_ITEMS)]


def test_section_feed_includes_its_child_sections_stories(client):
    india = SectionFactory(name="India", slug="india")
    state = SectionFactory(name="State", slug="state", parent=india)
    ArticleFactory(live=True, section=india, headline="National story")
    ArticleFactory(live=True, section=state, headline="State story")
    ArticleFactory(live=True, section=SectionFactory(name="World"), headline="World story")
    titles = rss_titles(client, reverse("articles:section_feed", kwargs={"slug": "india"}))
    assert sorted(titles) == ["National story", "State story"]
    child = rss_titles(client, reverse("articles:section_feed", kwargs={"slug": "state"}))
    assert child == ["State story"]


def test_tag_feed_lists_the_tags_stories_only(client):
    ArticleFactory(live=True, tags=["Cricket"], headline="Cricket story")
    ArticleFactory(live=True, tags=["Football"], headline="Football story")
    ArticleFactory(tags=["Cricket"], headline="Cricket draft")
    titles = rss_titles(client, reverse("articles:tag_feed", kwargs={"slug": "cricket"}))
    assert titles == ["Cricket story"]


def test_author_feed_lists_the_authors_stories_only(client):
    asha = AuthorFactory(name="Asha Rao", slug="asha-rao")
    ArticleFactory(live=True, authors=[AuthorFactory(), asha], headline="Shared byline")
    ArticleFactory(live=True, headline="Someone else's story")
    ArticleFactory(authors=[asha], headline="Asha's draft")
    titles = rss_titles(client, reverse("articles:author_feed", kwargs={"slug": "asha-rao"}))
    assert titles == ["Shared byline"]


@pytest.mark.parametrize("kind", ["section", "tag", "author"])
@pytest.mark.parametrize("suffix", ["feed", "atom_feed"])
def test_feed_for_an_unknown_slug_is_404(client, kind, suffix):
    url = reverse(f"articles:{kind}_{suffix}", kwargs={"slug": "no-such-thing"})
    assert client.get(url).status_code == 404


# What an item carries


def test_rss_item_carries_link_summary_body_bylines_categories_and_dates(client, story):
    item = rss(client, reverse("articles:feed")).find("channel/item")
    assert item.findtext("link") == f"http://testserver{story.get_absolute_url()}"
    assert item.findtext("guid") == f"tag:testserver,2026:article:{story.pk}"
    assert item.find("guid").get("isPermaLink") == "false"
    assert item.findtext("description") == story.summary
    assert item.findtext("content:encoded", namespaces=NS) == story.body
    assert item.xpath("dc:creator/text()", namespaces=NS) == ["Asha Rao", "NM Desk"]
    assert sorted(item.xpath("category/text()")) == ["Delhi", "India", "Transport"]
    assert parsedate_to_datetime(item.findtext("pubDate")) == story.published_at.replace(
        microsecond=0
    )
    modified = item.findtext("dcterms:modified", namespaces=NS)
    assert datetime.fromisoformat(modified) == story.last_updated


def test_rss_declares_its_extension_namespaces_on_the_root(client, story):
    xml = client.get(reverse("articles:feed")).content.decode()
    root = xml[xml.index("<rss") : xml.index(">", xml.index("<rss"))]
    assert 'xmlns:content="http://purl.org/rss/1.0/modules/content/"' in root
    assert 'xmlns:dc="http://purl.org/dc/elements/1.1/"' in root
    assert 'xmlns:dcterms="http://purl.org/dc/terms/"' in root


def test_atom_entry_carries_content_bylines_categories_and_both_dates(client, story):
    entry = atom(client, reverse("articles:atom_feed")).find("atom:entry", NS)
    link = entry.find("atom:link[@rel='alternate']", NS).get("href")
    assert link == f"http://testserver{story.get_absolute_url()}"
    assert entry.find("atom:summary", NS).get("type") == "html"
    assert entry.findtext("atom:summary", namespaces=NS) == story.summary
    content = entry.find("atom:content", NS)
    assert content.get("type") == "html" and content.text == story.body
    assert entry.xpath("atom:author/atom:name/text()", namespaces=NS) == ["Asha Rao", "NM Desk"]
    terms = entry.xpath("atom:category/@term", namespaces=NS)
    assert sorted(terms) == ["Delhi", "India", "Transport"]
    published = entry.findtext("atom:published", namespaces=NS)
    updated = entry.findtext("atom:updated", namespaces=NS)
    assert datetime.fromisoformat(published) == story.published_at
    assert datetime.fromisoformat(updated) == story.last_updated


def test_rss_enclosure_is_the_largest_jpeg_rendition_with_its_size_in_bytes(client, story):
    enclosure = rss(client, reverse("articles:feed")).find("channel/item/enclosure")
    image = story.featured_image
    name = rendition_name(image.name, max(story.featured_image_sizes), "jpg")
    assert enclosure.get("url") == f"http://testserver{image.storage.url(name)}"
    assert enclosure.get("length") == str(image.storage.size(name))
    assert enclosure.get("type") == "image/jpeg"


def test_atom_enclosure_is_a_link_with_length_and_type(client, story):
    entry = atom(client, reverse("articles:atom_feed")).find("atom:entry", NS)
    enclosure = entry.find("atom:link[@rel='enclosure']", NS)
    name = rendition_name(story.featured_image.name, max(story.featured_image_sizes), "jpg")
    assert enclosure.get("href").endswith(name)
    assert enclosure.get("length") == str(story.featured_image.storage.size(name))
    assert enclosure.get("type") == "image/jpeg"


def test_an_image_without_renditions_is_enclosed_as_the_original(client, story):
    Article.objects.filter(pk=story.pk).update(featured_image_sizes=[])
    enclosure = rss(client, reverse("articles:feed")).find("channel/item/enclosure")
    assert enclosure.get("url").endswith(story.featured_image.url)
    assert enclosure.get("length") == str(story.featured_image.size)
    assert enclosure.get("type") == "image/jpeg"


def test_a_story_without_a_picture_or_whose_file_is_gone_has_no_enclosure(client, story):
    ArticleFactory(live=True, published_at=timezone.now())
    name = rendition_name(story.featured_image.name, max(story.featured_image_sizes), "jpg")
    story.featured_image.storage.delete(name)
    items = rss(client, reverse("articles:feed")).findall("channel/item")
    assert len(items) == 2
    assert [item.find("enclosure") for item in items] == [None, None]


def test_headline_and_summary_markup_reaches_readers_as_text(client):
    headline = "Tom & Jerry <script>alert(1)</script>"
    summary = '<img src=x onerror="alert(2)"> & more'
    ArticleFactory(live=True, headline=headline, summary=summary)
    rss_xml = client.get(reverse("articles:feed")).content
    atom_xml = client.get(reverse("articles:atom_feed")).content
    for xml in (rss_xml, atom_xml):
        assert b"<script" not in xml and b"<img" not in xml
        # The summary is HTML-escaped text inside an HTML field: no tag survives unescaping.
        entry = feedparser.parse(xml).entries[0]
        assert "<" not in entry.summary and unescape(entry.summary) == summary
    # RSS readers treat titles as HTML, so the title is escaped HTML that shows the headline.
    rss_entry = feedparser.parse(rss_xml).entries[0]
    assert b"&lt;script" not in rss_xml
    assert "<" not in rss_entry.title and unescape(rss_entry.title) == headline
    # Atom's title is type="text": the headline as it is, which readers show as text.
    atom_entry = feedparser.parse(atom_xml).entries[0]
    assert atom_entry.title_detail.type == "text/plain" and atom_entry.title == headline


def test_quotes_in_a_headline_reach_rss_as_they_are(client):
    ArticleFactory(live=True, headline='India\'s "green" budget')
    assert rss_titles(client, reverse("articles:feed")) == ['India\'s "green" budget']


def test_control_characters_in_a_headline_do_not_break_the_feed(client, atom_schema):
    ArticleFactory(live=True, headline="Budget\x0b session opens", summary="Day\x01 one")
    assert rss_titles(client, reverse("articles:feed")) == ["Budget session opens"]
    xml = client.get(reverse("articles:atom_feed")).content
    assert atom_problems(xml, atom_schema) == []


# The feed itself


def test_rss_channel_has_title_link_description_language_self_link_and_build_date(client, story):
    older = ArticleFactory(live=True, published_at=story.published_at - timedelta(hours=2))
    assert older.last_updated < story.last_updated
    channel = rss(client, reverse("articles:section_feed", kwargs={"slug": "india"})).find(
        "channel"
    )
    assert channel.findtext("title") == "India — IndiaPost Live"
    assert channel.findtext("link") == "http://testserver/section/india/"
    assert channel.findtext("description") == "The latest India stories from IndiaPost Live."
    assert channel.findtext("language") == "en-in"
    self_link = channel.find("atom:link[@rel='self']", NS).get("href")
    assert self_link == "http://testserver/section/india/feed/"
    built = parsedate_to_datetime(channel.findtext("lastBuildDate"))
    assert built == story.last_updated.replace(microsecond=0)


def test_atom_feed_has_title_links_subtitle_language_author_and_updated(client, story):
    feed = atom(client, reverse("articles:atom_feed"))
    assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == "en-in"
    assert feed.findtext("atom:title", namespaces=NS) == "IndiaPost Live"
    assert feed.find("atom:link[@rel='alternate']", NS).get("href") == "http://testserver/"
    assert feed.find("atom:link[@rel='self']", NS).get("href") == "http://testserver/feed/atom/"
    assert feed.findtext("atom:subtitle", namespaces=NS) == "News from India and the world"
    assert feed.findtext("atom:author/atom:name", namespaces=NS) == "NM Media"
    updated = datetime.fromisoformat(feed.findtext("atom:updated", namespaces=NS))
    assert updated == story.last_updated


@pytest.mark.parametrize("kind", FEED_KINDS)
@pytest.mark.parametrize("is_atom", [False, True], ids=["rss", "atom"])
def test_feeds_are_cached_like_reader_pages(client, story, kind, is_atom):
    response = client.get(feed_url(kind, story, atom=is_atom))
    cache_control = response["Cache-Control"]
    assert "public" in cache_control
    assert "max-age=60" in cache_control and "s-maxage=300" in cache_control
    assert response.has_header("Last-Modified")
    assert not response.cookies
    assert "Cookie" not in response.get("Vary", "")


def test_a_feed_answers_a_conditional_get_with_304(client, story):
    response = client.get(reverse("articles:feed"))
    again = client.get(reverse("articles:feed"), headers={"if-none-match": response["ETag"]})
    assert again.status_code == 304


def last_modified(response):
    return parsedate_to_datetime(response["Last-Modified"])


@pytest.mark.parametrize("is_atom", [False, True], ids=["rss", "atom"])
def test_unpublishing_the_newest_story_never_moves_last_modified_back(
    client, newest_story, unpublish_later, is_atom
):
    url = reverse("articles:atom_feed" if is_atom else "articles:feed")
    before = last_modified(client.get(url))
    unpublish_later(newest_story)
    assert last_modified(client.get(url)) >= before


def test_a_reader_holding_the_date_from_before_an_unpublish_gets_the_new_feed(
    client, newest_story, unpublish_later
):
    url = reverse("articles:feed")
    held = client.get(url)["Last-Modified"]
    unpublish_later(newest_story)
    response = client.get(url, headers={"if-modified-since": held})
    assert response.status_code == 200
    assert len(etree.fromstring(response.content).findall("channel/item")) == 1


# Ids and links that hold


@pytest.mark.parametrize("is_atom", [False, True], ids=["rss", "atom"])
def test_an_items_id_stays_the_same_when_its_slug_changes(client, story, is_atom):
    url = reverse("articles:atom_feed" if is_atom else "articles:feed")
    path = "atom:entry/atom:id" if is_atom else "channel/item/guid"
    before = client.get(url).content
    story.slug = "metro-line-reaches-the-airport"
    story.save()
    after = client.get(url).content
    ids = [etree.fromstring(xml).findtext(path, namespaces=NS) for xml in (before, after)]
    assert ids[0] == ids[1] == f"tag:testserver,2026:article:{story.pk}"


BODY_WITH_RELATIVE_ADDRESSES = (
    '<p><a href="/news/earlier-story/">Earlier</a> and <a href="timetable.pdf">the timetable</a>'
    '</p><figure><img src="/media/articles/2026/05/map.jpg" alt="Map"></figure>'
)


@pytest.mark.parametrize("is_atom", [False, True], ids=["rss", "atom"])
def test_relative_links_and_images_in_a_body_reach_feeds_absolute(client, is_atom):
    story = ArticleFactory(live=True, slug="metro", body=BODY_WITH_RELATIVE_ADDRESSES)
    url = reverse("articles:atom_feed" if is_atom else "articles:feed")
    entry = feedparser.parse(client.get(url).content).entries[0]
    body = etree.fromstring(f"<div>{entry.content[0].value}</div>", etree.HTMLParser())
    assert body.xpath("//a/@href") == [
        "http://testserver/news/earlier-story/",
        f"http://testserver{story.get_absolute_url()}timetable.pdf",
    ]
    assert body.xpath("//img/@src") == ["http://testserver/media/articles/2026/05/map.jpg"]


def test_fragments_and_mail_phone_and_full_links_in_a_body_reach_feeds_as_they_are(client):
    body = (
        '<p><a href="#notes">Notes</a> <a href="mailto:desk@example.com">Mail</a> '
        '<a href="tel:+911234567890">Call</a> <a href="https://example.com/a?b=1&amp;c=2">Source'
        '</a> <img src="https://cdn.example.com/x.jpg" alt="X"></p>'
    )
    story = ArticleFactory(live=True, body=body)
    item = rss(client, reverse("articles:feed")).find("channel/item")
    assert item.findtext("content:encoded", namespaces=NS) == story.body


# Links from the pages


def feed_links(html: str) -> list[tuple[str, str]]:
    """(type, href) of every <link rel="alternate"> feed link in the page's head."""
    head = html[: html.index("</head>")]
    return re.findall(
        r'<link rel="alternate" type="(application/[a-z]+\+xml)"[^>]*href="([^"]+)"', head
    )


def test_every_page_links_the_site_feeds_in_its_head(client, story):
    for url in ("/", story.get_absolute_url(), "/latest/", "/search/?q=metro"):
        links = feed_links(client.get(url).content.decode())
        assert ("application/rss+xml", "/feed/") in links, url
        assert ("application/atom+xml", "/feed/atom/") in links, url


@pytest.mark.parametrize("kind", ["section", "tag", "author"])
def test_listing_pages_link_their_own_feeds(client, story, kind):
    page_url = {
        "section": story.section.get_absolute_url(),
        "tag": reverse("articles:tag", kwargs={"slug": story.tags.get(name="Transport").slug}),
        "author": story.byline_authors[0].get_absolute_url(),
    }[kind]
    html = client.get(page_url).content.decode()
    links = feed_links(html)
    assert ("application/rss+xml", feed_url(kind, story)) in links
    assert ("application/atom+xml", feed_url(kind, story, atom=True)) in links
    assert 'title="India — IndiaPost Live (RSS)"' in html or kind != "section"


# Queries


@pytest.fixture(params=[5, 40], ids=["5-stories", "40-stories"])
def many_stories(request, client):
    n = request.param
    india = SectionFactory(name="India", slug="india")
    state = SectionFactory(name="State", slug="state", parent=india)
    authors = [AuthorFactory() for _ in range(n)]
    first = None
    for i in range(n):
        article = ArticleFactory(
            live=True,
            section=state if i % 2 else india,
            authors=[authors[0], authors[i]] if i else [authors[0]],
            tags=[f"Tag {i}", "Common"],
        )
        first = first or article
    with_image(first)
    client.get(reverse("articles:feed"))  # warms the site settings and file size caches
    return {
        "site": {},
        "section": {"slug": "india"},
        "tag": {"slug": "common"},
        "author": {"slug": authors[0].slug},
    }


# Feed → queries: [object], stories, bylines, tags.
FEED_QUERIES = {"site": 3, "section": 4, "tag": 4, "author": 4}


@pytest.mark.parametrize("kind", FEED_KINDS)
@pytest.mark.parametrize("is_atom", [False, True], ids=["rss", "atom"])
def test_feed_query_count_does_not_grow_with_stories(
    client, many_stories, kind, is_atom, django_assert_max_num_queries
):
    name = ("" if kind == "site" else f"{kind}_") + ("atom_feed" if is_atom else "feed")
    url = reverse(f"articles:{name}", kwargs=many_stories[kind])
    # The content version (Last-Modified) is shared and long-lived in production: made once
    # here, so that the count does not depend on whether the test before left one behind.
    page_cache._memo.token = None
    page_cache.current_token()
    with django_assert_max_num_queries(FEED_QUERIES[kind]):
        response = client.get(url)
    assert response.status_code == 200
    assert response.content.count(b"<item>" if not is_atom else b"<entry>") >= 3


def test_an_rss_channel_title_made_of_a_name_is_escaped_text(client):
    """Escaped as HTML (as item titles are), then as XML: readers showing HTML show text."""
    from tests.factories import AuthorFactory

    author = AuthorFactory(name="<b>Asha</b> & Co", bio="Writes <i>about</i> rivers.")
    ArticleFactory(live=True, authors=[author])
    channel = client.get(f"/author/{author.slug}/feed/").content.decode().split("<item>")[0]
    assert "<title>&amp;lt;b&amp;gt;Asha&amp;lt;/b&amp;gt; &amp;amp; Co — " in channel
    assert "<description>Writes &amp;lt;i&amp;gt;about&amp;lt;/i&amp;gt; rivers." in channel
