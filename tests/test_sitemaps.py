"""Sitemaps, the Google News sitemap and robots.txt.

Every file is validated against its published schema, written out under
tests/fixtures/schemas/ because tests run offline: sitemaps.org's sitemap.xsd and
siteindex.xsd, and Google's sitemap-news.xsd (brought in by news-sitemap.xsd, a wrapper that
imports it next to sitemap.xsd so <url>'s strict wildcard checks each <news:news>).
"""

from datetime import datetime, timedelta
from email.utils import parsedate_to_datetime
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.utils import timezone
from lxml import etree

from articles import sitemaps
from articles.models import Article, SiteSettings
from tests.factories import ArticleFactory, AuthorFactory, PageFactory, SectionFactory

pytestmark = pytest.mark.django_db

SCHEMAS = Path(__file__).parent / "fixtures" / "schemas"
NS = {
    "sm": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "news": "http://www.google.com/schemas/sitemap-news/0.9",
}


def schema(name: str) -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(SCHEMAS / name)))


@pytest.fixture(scope="module")
def schemas():
    return {
        "index": schema("siteindex.xsd"),
        "urlset": schema("sitemap.xsd"),
        "news": schema("news-sitemap.xsd"),
    }


def xml(client, url: str) -> etree._Element:
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"] == "application/xml"
    return etree.fromstring(response.content)


def assert_valid(document: etree._Element, xsd: etree.XMLSchema) -> None:
    assert xsd.validate(document), "\n".join(f"line {e.line}: {e.message}" for e in xsd.error_log)


def path_of(url: str) -> str:
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def index_locs(client) -> list[str]:
    return xml(client, "/sitemap.xml").xpath("sm:sitemap/sm:loc/text()", namespaces=NS)


def url_locs(client, url: str) -> list[str]:
    return xml(client, url).xpath("sm:url/sm:loc/text()", namespaces=NS)


def lastmods(client, url: str) -> dict[str, datetime]:
    document = xml(client, url)
    return {
        node.findtext("sm:loc", namespaces=NS): datetime.fromisoformat(
            node.findtext("sm:lastmod", namespaces=NS)
        )
        for node in document.xpath("sm:url | sm:sitemap", namespaces=NS)
    }


@pytest.fixture
def site():
    """A live story in a child section with tags and two bylines, and the standing pages."""
    india = SectionFactory(name="India", slug="india")
    state = SectionFactory(name="State", slug="state", parent=india)
    asha = AuthorFactory(name="Asha Rao", slug="asha-rao")
    article = ArticleFactory(
        live=True, section=state, authors=[asha, AuthorFactory()], tags=["Transport"]
    )
    PageFactory(slug="about-us", title="About Us")
    return {"article": article, "india": india, "state": state, "asha": asha}


# Validity


def test_sitemap_index_is_valid_against_siteindex_xsd(client, site, schemas):
    assert_valid(xml(client, "/sitemap.xml"), schemas["index"])


def test_every_sitemap_the_index_lists_is_valid_against_sitemap_xsd(client, site, schemas):
    locs = index_locs(client)
    assert len(locs) == 5
    for loc in locs:
        assert_valid(xml(client, path_of(loc)), schemas["urlset"])


def test_news_sitemap_is_valid_against_the_google_news_xsd(client, site, schemas):
    document = xml(client, "/news-sitemap.xml")
    assert document.xpath("count(sm:url/news:news)", namespaces=NS) == 1
    assert_valid(document, schemas["news"])


def test_the_news_schema_rejects_an_entry_without_a_title(client, site, schemas):
    document = xml(client, "/news-sitemap.xml")
    title = document.find("sm:url/news:news/news:title", NS)
    title.getparent().remove(title)
    assert not schemas["news"].validate(document)


# The index


def test_index_lists_each_non_empty_sitemap_with_its_lastmod(client, site):
    article = site["article"]
    entries = lastmods(client, "/sitemap.xml")
    assert list(entries) == [
        f"http://testserver/sitemap-{name}.xml"
        for name in ("pages", "sections", "tags", "authors", "articles")
    ]
    assert entries["http://testserver/sitemap-articles.xml"] == article.last_updated
    assert entries["http://testserver/sitemap-sections.xml"] == article.published_at


def test_index_leaves_out_sitemaps_with_nothing_to_list(client):
    ArticleFactory(live=True)  # no tags
    ArticleFactory(tags=["Draft tag"])
    locs = index_locs(client)
    assert "http://testserver/sitemap-tags.xml" not in locs
    assert "http://testserver/sitemap-articles.xml" in locs


def test_index_of_an_empty_site_lists_the_standing_pages(client, schemas):
    assert index_locs(client) == ["http://testserver/sitemap-pages.xml"]
    assert_valid(xml(client, "/sitemap-pages.xml"), schemas["urlset"])


def test_article_sitemap_is_split_into_files_of_limit_urls(client, monkeypatch, schemas):
    monkeypatch.setattr(sitemaps.ArticleSitemap, "limit", 2)
    now = timezone.now()
    stories = [
        ArticleFactory(live=True, published_at=now - timedelta(hours=n)) for n in range(5, 0, -1)
    ]
    base = "http://testserver/sitemap-articles.xml"
    locs = index_locs(client)
    assert [loc for loc in locs if loc.startswith(base)] == [base, f"{base}?p=2", f"{base}?p=3"]
    files = [url_locs(client, path_of(loc)) for loc in (base, f"{base}?p=2", f"{base}?p=3")]
    assert [len(f) for f in files] == [2, 2, 1]
    # Oldest first, so a new story only ever changes the last file.
    expected = [f"http://testserver{story.get_absolute_url()}" for story in stories]
    assert [loc for f in files for loc in f] == expected
    assert client.get("/sitemap-articles.xml?p=4").status_code == 404
    assert_valid(xml(client, "/sitemap.xml"), schemas["index"])


def test_the_default_file_size_stays_far_below_the_protocols_limits():
    assert sitemaps.ArticleSitemap.limit == 10_000 <= 50_000
    assert all(sitemap.limit <= 50_000 for sitemap in sitemaps.SITEMAPS.values())


# What each sitemap lists


def test_article_sitemap_lists_live_stories_at_their_canonical_url_with_last_update(client):
    live = ArticleFactory(live=True)
    live.updated_at = live.published_at + timedelta(minutes=5)
    live.save()
    ArticleFactory(headline="Draft")
    ArticleFactory(scheduled=True)
    ArticleFactory(live=True, trashed_at=timezone.now())
    entries = lastmods(client, "/sitemap-articles.xml")
    assert entries == {f"http://testserver{live.get_absolute_url()}": live.updated_at}


def test_listing_sitemaps_list_only_sections_tags_and_authors_with_live_stories(client, site):
    draft_only = AuthorFactory(slug="drafts-only")
    ArticleFactory(
        section=SectionFactory(name="Empty", slug="empty"),
        authors=[draft_only],
        tags=["Unpublished"],
    )
    assert url_locs(client, "/sitemap-sections.xml") == [
        "http://testserver/section/india/",
        "http://testserver/section/state/",
    ]
    assert url_locs(client, "/sitemap-tags.xml") == ["http://testserver/tag/transport/"]
    authors = url_locs(client, "/sitemap-authors.xml")
    assert "http://testserver/author/asha-rao/" in authors and len(authors) == 2


def test_a_sections_lastmod_is_its_newest_live_story_child_sections_included(client, site):
    older = ArticleFactory(
        live=True, section=site["india"], published_at=timezone.now() - timedelta(days=1)
    )
    ArticleFactory(section=site["india"], headline="A newer draft")
    entries = lastmods(client, "/sitemap-sections.xml")
    assert entries["http://testserver/section/india/"] == site["article"].published_at
    assert entries["http://testserver/section/state/"] == site["article"].published_at
    assert older.published_at < site["article"].published_at


def test_tag_and_author_lastmods_are_their_newest_live_story(client, site):
    newest = site["article"].published_at
    assert lastmods(client, "/sitemap-tags.xml") == {"http://testserver/tag/transport/": newest}
    assert lastmods(client, "/sitemap-authors.xml")["http://testserver/author/asha-rao/"] == newest


def test_pages_sitemap_lists_home_latest_and_standing_pages(client, site):
    entries = lastmods(client, "/sitemap-pages.xml")
    assert list(entries) == [
        "http://testserver/",
        "http://testserver/latest/",
        "http://testserver/about-us/",
    ]
    assert entries["http://testserver/"] == site["article"].published_at


def test_unknown_sitemap_or_page_is_404(client, site):
    assert client.get("/sitemap-nothing.xml").status_code == 404
    assert client.get("/sitemap-articles.xml?p=2").status_code == 404
    assert client.get("/sitemap-articles.xml?p=two").status_code == 404


# Google News


def test_news_sitemap_lists_live_stories_of_the_last_48_hours_newest_first(client):
    now = timezone.now()
    recent = ArticleFactory(live=True, published_at=now - timedelta(hours=47))
    newest = ArticleFactory(live=True, published_at=now - timedelta(minutes=5))
    ArticleFactory(live=True, published_at=now - timedelta(hours=49))
    ArticleFactory(published_at=now - timedelta(hours=1))  # draft
    ArticleFactory(scheduled=True)
    assert url_locs(client, "/news-sitemap.xml") == [
        f"http://testserver{newest.get_absolute_url()}",
        f"http://testserver{recent.get_absolute_url()}",
    ]


def test_news_entry_names_the_publication_language_date_and_title(client):
    SiteSettings.objects.create(site_name="The Daily & Co")
    article = ArticleFactory(live=True, headline="Rates held at 6.5% <for now>")
    news = xml(client, "/news-sitemap.xml").find("sm:url/news:news", NS)
    assert news.findtext("news:publication/news:name", namespaces=NS) == "The Daily & Co"
    assert news.findtext("news:publication/news:language", namespaces=NS) == "en"
    published = news.findtext("news:publication_date", namespaces=NS)
    assert datetime.fromisoformat(published) == article.published_at
    assert news.findtext("news:title", namespaces=NS) == "Rates held at 6.5% <for now>"


def test_news_sitemap_holds_at_most_1000_stories(client, schemas):
    section = SectionFactory()
    now = timezone.now()
    rows = [
        Article(
            headline=f"Story {n}",
            slug=f"story-{n}",
            section=section,
            status=Article.Status.PUBLISHED,
            published_at=now - timedelta(minutes=n + 1),
        )
        for n in range(1001)
    ]
    for row in rows:
        row.clean_body()
    Article.objects.bulk_create(rows)
    locs = url_locs(client, "/news-sitemap.xml")
    assert len(locs) == 1000 == sitemaps.NEWS_LIMIT
    assert locs[0].endswith("/news/story-0/") and locs[-1].endswith("/news/story-999/")
    assert client.get("/news-sitemap.xml?p=2").status_code == 404


def test_unpublishing_the_newest_story_never_moves_the_news_sitemaps_last_modified_back(
    client, newest_story, unpublish_later
):
    before = parsedate_to_datetime(client.get("/news-sitemap.xml")["Last-Modified"])
    unpublish_later(newest_story)
    after = parsedate_to_datetime(client.get("/news-sitemap.xml")["Last-Modified"])
    assert after >= before


def test_a_crawler_holding_the_date_from_before_an_unpublish_gets_the_new_news_sitemap(
    client, newest_story, unpublish_later
):
    held = client.get("/news-sitemap.xml")["Last-Modified"]
    unpublish_later(newest_story)
    response = client.get("/news-sitemap.xml", headers={"if-modified-since": held})
    assert response.status_code == 200
    assert newest_story.get_absolute_url() not in response.content.decode()


# robots.txt


def test_robots_txt_points_to_both_sitemaps_and_keeps_crawlers_out_of_private_paths(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert lines[0] == "User-agent: *"
    for path in ("/admin/", "/accounts/", "/search/", "/preview/"):
        assert f"Disallow: {path}" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    assert "Sitemap: http://testserver/news-sitemap.xml" in lines


def test_robots_txt_sitemap_urls_follow_the_requests_scheme_and_host(client, settings):
    settings.ALLOWED_HOSTS = ["www.example.com"]
    body = client.get("/robots.txt", secure=True, HTTP_HOST="www.example.com").content
    assert b"Sitemap: https://www.example.com/sitemap.xml\n" in body


# Caching


@pytest.mark.parametrize(
    "url",
    ["/sitemap.xml", "/sitemap-articles.xml", "/sitemap-tags.xml", "/news-sitemap.xml",
     "/robots.txt"],
)  # fmt: skip
def test_sitemaps_and_robots_txt_are_cached_like_reader_pages(client, site, url):
    response = client.get(url)
    cache_control = response["Cache-Control"]
    assert "public" in cache_control
    assert "max-age=60" in cache_control and "s-maxage=300" in cache_control
    assert not response.cookies


# Queries


@pytest.fixture(params=[5, 40], ids=["5-stories", "40-stories"])
def many_stories(request, client):
    n = request.param
    india = SectionFactory(name="India", slug="india")
    sections = [india, SectionFactory(name="State", slug="state", parent=india)]
    sections += [SectionFactory(name=f"Desk {i}") for i in range(3)]
    authors = [AuthorFactory() for _ in range(n)]
    for i in range(n):
        ArticleFactory(
            live=True,
            section=sections[i % len(sections)],
            authors=[authors[i], authors[(i + 1) % n]],
            tags=[f"Tag {i}", "Common"],
        )
    for _ in range(3):
        PageFactory()
    client.get("/news-sitemap.xml")  # warms the site settings' cache
    return n


# URL → queries, and what they are.
SITEMAP_QUERIES = {
    # newest story, pages; then per listing sitemap its newest and a count; articles the same
    "/sitemap.xml": 2 + 2 * 4,
    # newest story, pages
    "/sitemap-pages.xml": 2,
    # count, page
    "/sitemap-sections.xml": 2,
    "/sitemap-tags.xml": 2,
    "/sitemap-authors.xml": 2,
    "/sitemap-articles.xml": 2,
    "/news-sitemap.xml": 2,
}


@pytest.mark.parametrize("url", SITEMAP_QUERIES)
def test_sitemap_query_count_does_not_grow_with_stories(
    client, many_stories, url, django_assert_max_num_queries
):
    with django_assert_max_num_queries(SITEMAP_QUERIES[url]):
        response = client.get(url)
    assert response.status_code == 200
    assert response.content.count(b"<loc>") >= 3
