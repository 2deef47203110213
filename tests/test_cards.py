"""Story cards kept per story: a page rendered again renders only the cards that changed."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles import cards, page_cache
from tests.factories import ArticleFactory, SectionFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache_on")]


@pytest.fixture
def rendered(monkeypatch):
    """The headlines of the cards rendered from their templates (not from the cache)."""
    headlines: list[str] = []
    real = cards.get_template

    class Spy:
        def __init__(self, template):
            self.template = template

        def render(self, context):
            headlines.append(context["article"].headline)
            return self.template.render(context)

    monkeypatch.setattr(cards, "get_template", lambda name: Spy(real(name)))
    return headlines


def test_a_list_rendered_again_after_an_edit_renders_only_the_edited_story_s_card(
    client, commit, rendered
):
    section = SectionFactory(slug="city")
    edited = ArticleFactory(live=True, section=section, headline="Tram fares fall")
    ArticleFactory(live=True, section=section, headline="Parks open late")
    client.get("/section/city/")
    rendered.clear()
    with commit():
        edited.headline = "Tram fares fall again"
        edited.save()
    page = client.get("/section/city/").content.decode()
    assert rendered == ["Tram fares fall again"]
    assert "Parks open late" in page


def test_a_card_kept_for_one_page_serves_another_showing_the_story_the_same_way(client, rendered):
    ArticleFactory(live=True, section=SectionFactory(slug="city"), tags=["Trams"])
    client.get("/section/city/")
    rendered.clear()
    client.get("/tag/trams/")
    assert rendered == []


def test_with_the_page_cache_off_every_card_is_rendered(client, settings, rendered):
    settings.NEWSROOM_PAGE_CACHE = False
    ArticleFactory(live=True, section=SectionFactory(slug="city"), headline="Parks open late")
    client.get("/section/city/")
    client.get("/section/city/")
    assert rendered == ["Parks open late", "Parks open late"]


def test_the_benchmark_s_cold_render_reads_no_card_from_the_cache(client, settings, rendered):
    settings.NEWSROOM_BENCH = True
    ArticleFactory(live=True, section=SectionFactory(slug="city"), headline="Parks open late")
    client.get("/section/city/")
    rendered.clear()
    bypass = {page_cache.BYPASS_HEADER: "1"}
    client.get("/section/city/", headers=bypass)
    assert rendered == []  # rendered as on a miss: the card from the cache
    client.get("/section/city/", headers={page_cache.BYPASS_HEADER: "all"})
    assert rendered == ["Parks open late"]


@pytest.mark.parametrize("url", ["/section/city/", "/"])
def test_a_list_whose_cards_all_come_from_the_cache_fetches_no_bylines(client, settings, url):
    section = SectionFactory(slug="city", in_primary_menu=True)
    ArticleFactory.create_batch(12, live=True, section=section)
    client.get(url)  # its cards are kept
    settings.NEWSROOM_BENCH = True  # rendered again as on a miss, its cards from the cache
    with CaptureQueriesContext(connection) as queries:
        page = client.get(url, headers={"x-bench-bypass-cache": "1"})
    assert page.status_code == 200
    assert not [q for q in queries.captured_queries if "articles_articleauthor" in q["sql"]]


def test_the_home_page_fetches_the_bylines_of_its_cards_in_one_query(client):
    section = SectionFactory(slug="city", in_primary_menu=True)
    ArticleFactory.create_batch(12, live=True, section=section)
    with CaptureQueriesContext(connection) as queries:
        client.get("/")
    assert len([q for q in queries.captured_queries if "articles_articleauthor" in q["sql"]]) == 1
