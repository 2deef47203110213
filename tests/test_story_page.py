"""A story's page put together from its kept parts (articles/story_page.py)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from articles import page_cache, workflow
from tests.factories import ArticleFactory, SectionFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache_on")]


def status(response) -> str:
    return response.get(page_cache.STATUS_HEADER, "")


def the_soft_time_on(monkeypatch, settings) -> None:
    """The soft time on (half an hour by default): the site's boxes of a kept page renew."""
    later = timezone.now() + timedelta(seconds=settings.NEWSROOM_PAGE_CACHE_SOFT_SECONDS)
    monkeypatch.setattr(timezone, "now", lambda: later)


def latest_box(html: str) -> str:
    return html.split('id="sidebar-latest-title"')[1].split("</section>")[0]


def test_story_pages_missed_after_a_new_story_elsewhere_run_no_query_of_their_own(
    client, commit, editor, monkeypatch, settings, django_assert_num_queries
):
    culture = SectionFactory(slug="culture")
    first, second = ArticleFactory.create_batch(2, live=True, section=culture, tags=["Theatre"])
    for story in (first, second):
        client.get(story.get_absolute_url())
    newer = ArticleFactory(section=SectionFactory(slug="sport"), headline="Stadium roof fixed")
    with commit():
        workflow.publish(article=newer, by=editor)
    the_soft_time_on(monkeypatch, settings)
    client.get(first.get_absolute_url())  # renders the site's parts again: Latest, the bell
    with django_assert_num_queries(0):
        page = client.get(second.get_absolute_url())
    assert status(page) == "miss"
    assert "Stadium roof fixed" in latest_box(page.content.decode())


@pytest.mark.parametrize("bypass", ["1", "own"])
def test_a_story_page_from_its_parts_is_the_page_rendered_whole(client, settings, bypass):
    story = ArticleFactory(live=True, tags=["Monsoon"], headline="Rain arrives early")
    ArticleFactory.create_batch(4, live=True, tags=["Monsoon"])
    client.get(story.get_absolute_url())  # its parts are kept
    settings.NEWSROOM_BENCH = True  # the benchmark's miss: rendered from them, not stored
    from_parts = client.get(story.get_absolute_url(), headers={"x-bench-bypass-cache": bypass})
    settings.NEWSROOM_PAGE_CACHE = False
    whole = client.get(story.get_absolute_url())
    assert from_parts.content == whole.content


def test_a_story_page_never_lists_itself_in_latest(client):
    older = ArticleFactory.create_batch(5, live=True)
    newest = ArticleFactory(live=True, headline="The newest story of all")
    html = latest_box(client.get(newest.get_absolute_url()).content.decode())
    assert "The newest story of all" not in html
    assert html.count('class="thumb"') == 4
    other = latest_box(client.get(older[0].get_absolute_url()).content.decode())
    assert "The newest story of all" in other
    assert other.count('class="thumb"') == 4


def test_a_story_s_parts_are_kept_apart_for_http_and_https(client):
    story = ArticleFactory(live=True)
    plain = client.get(story.get_absolute_url()).content.decode()
    secure = client.get(story.get_absolute_url(), secure=True).content.decode()
    assert f"http://testserver{story.get_absolute_url()}" in plain
    assert f"https://testserver{story.get_absolute_url()}" in secure
    assert f"http://testserver{story.get_absolute_url()}" not in secure


def test_an_edit_renders_the_story_s_part_again_and_keeps_its_related_boxes(
    client, commit, django_assert_max_num_queries
):
    days_ago = timezone.now() - timedelta(days=5)
    story = ArticleFactory(
        live=True, tags=["Monsoon"], headline="Rain arrives early", published_at=days_ago
    )
    ArticleFactory(
        live=True, tags=["Monsoon"], headline="Dams open their gates", published_at=days_ago
    )
    ArticleFactory.create_batch(5, live=True)  # Latest and the bell show only these
    client.get(story.get_absolute_url())
    with commit():
        story.headline = "Rain arrives two weeks early"
        story.save()
    with django_assert_max_num_queries(3):  # the story with its tags and bylines
        page = client.get(story.get_absolute_url())
    html = page.content.decode()
    assert "Rain arrives two weeks early" in html
    assert "Dams open their gates" in html


def test_a_preview_renders_every_part_afresh(editor_client, commit):
    story = ArticleFactory(live=True, headline="Rain arrives early")
    editor_client.get(story.get_absolute_url())
    story.headline = "Rain arrives two weeks early"
    story.save()  # not committed: the kept parts are not replaced yet
    preview = editor_client.get(f"/preview/{story.pk}/")
    assert "Rain arrives two weeks early" in preview.content.decode()


def test_a_story_s_title_and_summary_are_escaped_in_the_head_its_part_keeps(client):
    story = ArticleFactory(live=True, headline="<b>Bold</b> claim", summary='"Quoted" <i>text</i>')
    for _ in range(2):  # rendered, then from its kept part
        html = client.get(story.get_absolute_url()).content.decode()
        head = html.split("</head>")[0]
        assert "<b>" not in head and "<i>" not in head
        assert "<title>&lt;b&gt;Bold&lt;/b&gt; claim" in head


def test_a_story_s_kept_head_is_base_s_head_tags_with_the_story_s_values(client):
    # base.html's block rendered alone (articles/template_blocks.py): its default where the
    # story has nothing of its own (the logo as the picture), the page's own URL.
    story = ArticleFactory(live=True, headline="Lanterns over the river", featured_image="")
    for _ in range(2):  # rendered, then from its kept part
        head = client.get(story.get_absolute_url()).content.decode().split("</head>")[0]
        url = f"http://testserver{story.get_absolute_url()}"
        assert "<title>Lanterns over the river — " in head
        assert f'<link rel="canonical" href="{url}">' in head
        assert f'<meta property="og:url" content="{url}">' in head
        assert '<meta property="og:image" content="http://testserver/static/img/logo' in head
        assert '<meta name="twitter:card" content="summary_large_image">' in head
        assert head.count("<title>") == 1


def test_a_story_s_kept_head_follows_the_site_s_name(client, commit):
    from articles.models import SiteSettings

    story = ArticleFactory(live=True, headline="Tide tables for the week")
    client.get(story.get_absolute_url())
    with commit():
        SiteSettings(site_name="Harbour Times").save()
    html = client.get(story.get_absolute_url()).content.decode()
    assert "<title>Tide tables for the week — Harbour Times</title>" in html


def test_a_preview_s_head_keeps_it_out_of_search_engines(editor_client):
    story = ArticleFactory(headline="Draft about the dam")
    head = editor_client.get(f"/preview/{story.pk}/").content.decode().split("</head>")[0]
    assert '<meta name="robots" content="noindex, nofollow">' in head


def test_a_story_page_rendered_again_reads_its_parts_from_the_process_s_memory(
    client, monkeypatch, settings
):
    from django.core.cache import caches

    story = ArticleFactory(live=True, tags=["Monsoon"])
    ArticleFactory.create_batch(3, live=True, tags=["Monsoon"])
    client.get(story.get_absolute_url())
    asked = []
    backend = caches["default"]
    for name in ("get", "get_many"):
        real = getattr(backend, name)
        monkeypatch.setattr(
            backend,
            name,
            lambda keys, *a, _real=real, **k: asked.append(keys) or _real(keys, *a, **k),
        )
    settings.NEWSROOM_BENCH = True  # rendered again as on a miss
    page = client.get(story.get_absolute_url(), headers={"x-bench-bypass-cache": "1"})
    assert page.status_code == 200
    parts = [keys for keys in asked if any(":piece:" in k or ":part:" in k for k in keys)]
    frame = [keys for keys in asked if isinstance(keys, str) and ":fragment:" in keys]
    assert not parts and not frame


def test_a_story_taken_down_leaves_latest_and_the_bell_of_kept_pages_at_once(
    client, commit, editor
):
    page = ArticleFactory(live=True, section=SectionFactory(slug="culture"))
    newest = ArticleFactory(
        live=True, section=SectionFactory(slug="sport"), headline="Stadium roof fixed"
    )
    assert "Stadium roof fixed" in client.get(page.get_absolute_url()).text  # Latest, bell
    with commit():
        workflow.unpublish(article=newest, by=editor)
    again = client.get(page.get_absolute_url())
    assert status(again) == "miss"
    assert "Stadium roof fixed" not in again.text


def test_an_edit_to_a_story_in_latest_reaches_kept_pages_once_they_are_half_an_hour_old(
    client, commit, monkeypatch, settings
):
    page = ArticleFactory(live=True, section=SectionFactory(slug="culture"))
    newest = ArticleFactory(
        live=True, section=SectionFactory(slug="sport"), headline="Stadium roof fixed"
    )
    client.get(page.get_absolute_url())
    with commit():
        newest.headline = "Stadium roof fixed at last"
        newest.save()
    assert status(client.get(page.get_absolute_url())) == "hit"
    the_soft_time_on(monkeypatch, settings)
    assert "Stadium roof fixed at last" in client.get(page.get_absolute_url()).text


def test_a_story_given_a_new_tag_draws_its_related_boxes_from_it_at_once(client, commit):
    days_ago = timezone.now() - timedelta(days=5)
    story = ArticleFactory(live=True, tags=["Monsoon"], published_at=days_ago)
    ArticleFactory(
        live=True, tags=["Cricket"], headline="Test match drawn at Eden", published_at=days_ago
    )
    ArticleFactory.create_batch(5, live=True)  # Latest and the bell show only these
    client.get(story.get_absolute_url())
    with commit():
        story.tags.add("Cricket")
    assert "Test match drawn at Eden" in client.get(story.get_absolute_url()).text
