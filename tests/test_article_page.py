import json
import re
from datetime import UTC, datetime, timedelta
from io import BytesIO
from urllib.parse import quote

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone
from PIL import Image

from tests.factories import ArticleFactory, AuthorFactory, SectionFactory
from tests.html import between, main, page, text

pytestmark = pytest.mark.django_db

PARAGRAPHS = [f"<p>Paragraph number {n} of the report.</p>" for n in range(1, 7)]


def jpeg(width=1200, height=675) -> ContentFile:
    out = BytesIO()
    Image.new("RGB", (width, height), (20, 90, 160)).save(out, "JPEG")
    return ContentFile(out.getvalue())


@pytest.fixture
def story():
    section = SectionFactory(name="India News", parent=SectionFactory(name="India"))
    desk = AuthorFactory(name="NM Desk", is_desk=True)
    article = ArticleFactory(
        live=True,
        section=section,
        headline="Metro line opens to the airport",
        dateline="Seoul",
        body="".join(PARAGRAPHS),
        authors=[desk],
        tags=["North korea", "volodymyr Zelenskyy"],
        featured_image_alt="A train at a platform",
        featured_image_caption="The first train leaves the new station.",
        featured_image_credit="NM Media graphics",
    )
    article.featured_image.save("metro.jpg", jpeg(), save=False)
    article.save()
    for n in range(12):
        ArticleFactory(
            live=True,
            tags=["North korea"] if n % 2 else [],
            section=section,
            headline=f"Related story {n}",
            published_at=timezone.now() - timedelta(hours=n + 2),
        )
    return article


def test_article_page_prints_every_layout_element_in_order(client, story):
    html = page(client.get(story.get_absolute_url()))
    markers = [
        '<nav class="breadcrumb"',
        ">News</a>",
        ">India News</a>",
        "<h1",
        "NM Desk",
        "Last updated:",
        ">Share</summary>",
        '<figure class="article__image"',
        "Seoul:",
        "Paragraph number 3",
        ">Read More</h2>",
        "Paragraph number 4",
        ">You Might Also Like</h2>",
        "TAGGED:",
        ">Share This Article</h2>",
        ">Facebook</a>",
        ">Twitter</a>",
        ">Whatsapp</a>",
        ">Telegram</a>",
        ">Copy Link</a>",
        ">Latest News</h2>",
        ">You also Like</h2>",
    ]
    position = html.index("<main")
    for marker in markers:
        found = html.find(marker, position)
        assert found != -1, f"{marker!r} is missing or out of order"
        position = found + len(marker)


def test_the_breadcrumb_reads_news_section_headline(client, story):
    crumbs = text(
        between(page(client.get(story.get_absolute_url())), '<nav class="breadcrumb"', "</nav>")
    )
    assert crumbs == "News India News Metro line opens to the airport"


def test_the_headline_is_the_pages_only_h1(client, story):
    html = page(client.get(story.get_absolute_url()))
    assert html.count("<h1") == 1
    assert re.search(r"<h1[^>]*>Metro line opens to the airport</h1>", html)


def test_the_body_opens_with_the_dateline(client, story):
    html = main(client.get(story.get_absolute_url()))
    assert '<p><strong class="dateline">Seoul:</strong> Paragraph number 1' in html


def test_read_more_holds_three_related_stories_after_the_third_paragraph(client, story):
    html = main(client.get(story.get_absolute_url()))
    box = between(html, '<aside class="read-more"', "</aside>")
    assert box.count('class="thumb"') == 3
    assert html.index("Paragraph number 3") < html.index(box) < html.index("Paragraph number 4")


def test_a_short_story_gets_its_read_more_box_after_the_body(client):
    short = ArticleFactory(live=True, tags=["A"], body="<p>One.</p><p>Two.</p>")
    ArticleFactory(live=True, tags=["A"])
    html = main(client.get(short.get_absolute_url()))
    assert html.index("Two.") < html.index("Read More")


def test_you_might_also_like_lists_five_related_headlines(client, story):
    block = between(main(client.get(story.get_absolute_url())), "You Might Also Like", "</ul>")
    assert block.count("<li>") == 5


def test_tags_keep_their_case_and_link_to_their_pages(client, story):
    block = between(main(client.get(story.get_absolute_url())), "TAGGED:", "</div>")
    assert '<a href="/tag/north-korea/" rel="tag">North korea</a>' in block
    assert '<a href="/tag/volodymyr-zelenskyy/" rel="tag">volodymyr Zelenskyy</a>' in block


def test_share_links_carry_the_canonical_url(client, story):
    html = page(client.get(story.get_absolute_url()))
    canonical = f"http://testserver{story.get_absolute_url()}"
    encoded = quote(canonical, safe="")
    assert f'<link rel="canonical" href="{canonical}">' in html
    assert f"https://www.facebook.com/sharer/sharer.php?u={encoded}" in html
    assert f"https://twitter.com/intent/tweet?url={encoded}&amp;text=" in html
    assert (
        f"https://api.whatsapp.com/send?text=Metro%20line%20opens%20to%20the%20airport%20{encoded}"
        in html
    )
    assert f"https://t.me/share/url?url={encoded}&amp;text=" in html
    assert f'href="{canonical}" data-copy-link>Copy Link</a>' in html


def test_latest_news_sidebar_shows_four_stories_with_section_labels(client, story):
    html = page(client.get(story.get_absolute_url()))
    sidebar = between(html, "Latest News</h2>", "</section>")
    assert sidebar.count('class="thumb"') == 4
    assert sidebar.count('class="label"') == 4
    assert story.headline not in sidebar


def test_you_also_like_shows_three_cards_with_reading_time(client, story):
    block = between(page(client.get(story.get_absolute_url())), "You also Like</h2>", "</section>")
    assert block.count('<article class="card') == 3
    assert block.count("Min Read") == 3


def test_featured_image_has_its_size_alt_caption_and_credit(client, story):
    figure = between(
        main(client.get(story.get_absolute_url())), '<figure class="article__image"', "</figure>"
    )
    assert 'alt="A train at a platform"' in figure
    assert 'width="1200" height="675"' in figure
    assert 'fetchpriority="high"' in figure
    assert 'loading="lazy"' not in figure
    assert "The first train leaves the new station." in figure
    assert "NM Media graphics" in figure
    assert 'type="image/webp"' in figure
    assert "800w" in figure


def test_last_updated_is_printed_in_the_sites_time_zone_with_am_pm(client):
    published = datetime(2024, 10, 24, 1, 47, tzinfo=UTC)  # 7:17 AM in Kolkata
    article = ArticleFactory(live=True, published_at=published)
    assert "Last updated: <time" in page(client.get(article.get_absolute_url()))
    assert "24 October, 2024 7:17 AM" in page(client.get(article.get_absolute_url()))


def test_article_page_carries_news_article_and_breadcrumb_json_ld(client, story):
    html = page(client.get(story.get_absolute_url()))
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    news, crumbs = (json.loads(block) for block in blocks)
    assert news["@type"] == "NewsArticle"
    assert news["headline"] == story.headline
    assert news["image"][0].startswith("http://testserver/media/")
    assert news["datePublished"] == story.published_at.isoformat()
    assert news["dateModified"]
    desk = story.byline_authors[0]
    assert news["author"] == [
        {
            "@type": "Organization",
            "name": "NM Desk",
            "url": f"http://testserver{desk.get_absolute_url()}",
        }
    ]
    assert news["publisher"]["name"] == "NM Media"
    assert news["publisher"]["logo"]["url"].endswith(".png")
    assert [item["name"] for item in crumbs["itemListElement"]] == [
        "News",
        "India News",
        story.headline,
    ]


def test_json_ld_cannot_be_closed_by_a_headline(client):
    article = ArticleFactory(live=True, headline="</script><script>alert(1)</script>")
    html = page(client.get(article.get_absolute_url()))
    ld = between(html, '<script type="application/ld+json">', "</script>")
    assert "<" not in ld[len('<script type="application/ld+json">') :]


def test_article_page_has_open_graph_and_twitter_tags(client, story):
    html = page(client.get(story.get_absolute_url()))
    assert '<meta property="og:type" content="article">' in html
    assert '<meta property="og:title" content="Metro line opens to the airport">' in html
    assert re.search(r'<meta property="og:image" content="http://testserver/media/[^"]+">', html)
    assert '<meta name="twitter:card" content="summary_large_image">' in html
    assert f'<meta name="description" content="{story.summary}">' in html


def test_article_page_has_one_open_graph_article_tag_per_tag(client, story):
    html = page(client.get(story.get_absolute_url()))
    tags = re.findall(r'<meta property="article:tag" content="([^"]*)">', html)
    assert tags == ["North korea", "volodymyr Zelenskyy"]
