"""The site's newest stories as they are now (/site-parts/), for pages kept with older ones."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from articles import page_cache, workflow
from tests.factories import ArticleFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache_on")]

URL = reverse("articles:site_parts")


def part(html: str, name: str) -> str:
    return html.split(f'data-site-part="{name}"')[1].split("</ul>")[0]


def test_site_parts_hold_the_bell_s_stories_and_latest_with_one_more_than_it_shows(client):
    stories = [ArticleFactory(live=True, headline=f"Story number {n}") for n in range(6)]
    html = client.get(URL).content.decode()
    bell, latest = part(html, "notifications"), part(html, "latest")
    assert 'data-count="6"' in html
    assert all(story.headline in bell for story in stories)
    assert latest.count('class="thumb"') == 5
    assert "Story number 0" not in latest  # the oldest of six


def test_site_parts_show_a_new_story_at_once_where_pages_wait(client, commit, editor):
    old = ArticleFactory(live=True)
    client.get(old.get_absolute_url())
    client.get(URL)
    newer = ArticleFactory(headline="Bridge reopens after repairs")
    with commit():
        workflow.publish(article=newer, by=editor)
    page = client.get(old.get_absolute_url())
    assert page.get(page_cache.STATUS_HEADER) == "hit"  # its bell may lag (soft)
    assert "Bridge reopens after repairs" not in page.content.decode()
    parts = client.get(URL)
    assert parts.get(page_cache.STATUS_HEADER) == "miss"
    assert "Bridge reopens after repairs" in part(parts.content.decode(), "notifications")


def test_site_parts_are_public_cacheable_and_not_indexed(client):
    response = client.get(URL)
    assert "public" in response["Cache-Control"]
    assert response["X-Robots-Tag"] == "noindex"


def test_every_page_says_where_its_site_parts_are(client):
    story = ArticleFactory(live=True)
    for url in ("/", story.get_absolute_url(), "/latest/"):
        assert f'data-site-parts-url="{URL}"' in client.get(url).content.decode()


def test_the_bell_gives_dates_readers_without_javascript_can_trust(client):
    when = timezone.localtime(timezone.now() - timedelta(hours=5)).replace(second=0)
    ArticleFactory(live=True, published_at=when)
    bell = part(client.get(URL).content.decode(), "notifications")
    assert f">{when:%-d %b}, " in bell
    assert " ago<" not in bell
