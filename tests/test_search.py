from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from articles.models import Article
from articles.search import normalize_query, search_articles
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="full-text search runs on PostgreSQL; CI runs the suite there too",
)
on_sqlite = pytest.mark.skipif(
    connection.vendor != "sqlite", reason="the word-match fallback runs where PostgreSQL is not"
)

HOSTILE = [
    '"unbalanced',
    "a & | ! : * ( )",
    "-minus",
    "%_",
    "x" * 500,
    "word " * 100,
    "'); DROP TABLE articles_article; --",
    "nul\x00byte",
    "\\",
    "<->",
]


def search(query: str) -> list[Article]:
    """Search as the reader site does: only live stories, in card shape."""
    return list(search_articles(Article.objects.live().for_cards(), query))


def test_a_live_story_is_found_by_a_word_of_its_headline():
    story = ArticleFactory(live=True, headline="Kingfisher returns to the lake")
    ArticleFactory(live=True, headline="Council votes on the budget")
    assert search("kingfisher") == [story]


@pytest.mark.parametrize(
    "shape",
    [
        {},
        {"status": Article.Status.IN_REVIEW},
        {"scheduled": True},
        {"status": Article.Status.ARCHIVED, "published_at": timezone.now() - timedelta(days=1)},
    ],
    ids=["draft", "in_review", "scheduled", "archived"],
)
def test_stories_readers_may_not_see_are_never_found(shape):
    live = ArticleFactory(live=True, headline="Kingfisher returns to the lake")
    ArticleFactory(headline="Kingfisher nests by the river", **shape)
    assert search("kingfisher") == [live]


@pytest.mark.parametrize("query", ["", "   ", "\t\n  "], ids=["empty", "spaces", "whitespace"])
def test_an_empty_or_whitespace_query_finds_nothing(query):
    ArticleFactory(live=True)
    assert search(query) == []


def test_the_query_is_trimmed_collapsed_and_cut_to_200_characters():
    assert normalize_query("  monsoon \t  rains\n") == "monsoon rains"
    assert len(normalize_query("word " * 100)) <= 200


@pytest.mark.parametrize("query", HOSTILE)
def test_hostile_input_never_raises_and_leaves_the_table_in_place(query):
    ArticleFactory(live=True)
    search(query)
    assert "articles_article" in connection.introspection.table_names()
    assert Article.objects.count() == 1


def test_matching_ignores_case():
    story = ArticleFactory(live=True, headline="Monsoon reaches Kerala early")
    assert search("MONSOON") == [story]
    assert search("kerala") == [story]


def test_a_word_of_the_body_text_is_found_but_not_the_html_around_it():
    story = ArticleFactory(live=True, body="<p>The <strong>heron</strong> came back.</p>")
    assert search("heron") == [story]
    assert search("strong") == []


def test_the_results_still_work_as_a_subquery():
    story = ArticleFactory(live=True, headline="Kingfisher returns to the lake")
    ArticleFactory(live=True)
    found = search_articles(Article.objects.live(), "kingfisher")
    assert list(Article.objects.filter(pk__in=found.values("pk"))) == [story]


@on_postgresql
def test_a_headline_match_ranks_above_a_summary_match_above_a_body_match():
    now = timezone.now()
    in_headline = ArticleFactory(
        live=True, headline="Kingfisher returns", published_at=now - timedelta(hours=3)
    )
    in_summary = ArticleFactory(
        live=True, summary="A kingfisher was seen.", published_at=now - timedelta(hours=2)
    )
    in_body = ArticleFactory(
        live=True, body="<p>A kingfisher was seen.</p>", published_at=now - timedelta(hours=1)
    )
    assert search("kingfisher") == [in_headline, in_summary, in_body]


@on_postgresql
def test_the_search_vector_has_its_gin_index():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexdef FROM pg_indexes WHERE tablename = %s AND indexname = %s",
            ["articles_article", "article_search_gin"],
        )
        (indexdef,) = cursor.fetchone()
    assert "USING gin (search_vector)" in indexdef


@on_postgresql
def test_the_simple_configuration_matches_devanagari_words():
    story = ArticleFactory(live=True, headline="मानसून ने मुंबई में दस्तक दी")
    assert search("मानसून") == [story]


@on_postgresql
def test_a_quoted_phrase_needs_its_words_in_order():
    story = ArticleFactory(live=True, headline="Night bus routes expand")
    ArticleFactory(live=True, headline="Bus drivers work at night")
    assert search('"night bus"') == [story]


@on_sqlite
def test_the_fallback_needs_every_word_of_the_query():
    both = ArticleFactory(live=True, headline="Kingfisher returns to the lake")
    ArticleFactory(live=True, headline="Kingfisher nests by the river")
    assert search("kingfisher lake") == [both]


def test_only_the_newest_matches_are_searched(monkeypatch):
    from articles import search as search_module

    monkeypatch.setattr(search_module, "NEWEST_MATCHES", 2)
    now = timezone.now()
    # The oldest would rank first (its headline matches): it is past the newest two.
    ArticleFactory(live=True, headline="Kingfisher census", published_at=now - timedelta(days=9))
    newer = [
        ArticleFactory(live=True, body="<p>A kingfisher.</p>", published_at=now - timedelta(days=n))
        for n in (2, 1)
    ]
    assert set(search("kingfisher")) == set(newer)


def test_the_search_page_says_how_many_stories_were_found(client):
    ArticleFactory(live=True, headline="Kingfisher returns to the lake")
    ArticleFactory(live=True, headline="Kingfisher nests by the river")
    assert "2 stories found." in client.get("/search/", {"q": "kingfisher"}).text


def test_the_search_page_says_when_only_the_newest_matches_are_shown(client, monkeypatch):
    from articles import views

    monkeypatch.setattr(views, "NEWEST_MATCHES", 1)
    monkeypatch.setattr("articles.search.NEWEST_MATCHES", 1)
    ArticleFactory(live=True, headline="Kingfisher returns to the lake")
    ArticleFactory(live=True, headline="Kingfisher nests by the river")
    text = client.get("/search/", {"q": "kingfisher"}).text
    assert "1 or more stories found: the newest 1, best matches first." in text


def test_page_two_of_the_results_holds_the_next_matches_in_order(client):
    now = timezone.now()
    stories = [
        ArticleFactory(
            live=True, headline=f"Kingfisher sighting {n}", published_at=now - timedelta(hours=n)
        )
        for n in range(1, 24)
    ]
    second = client.get("/search/", {"q": "kingfisher", "page": 2})
    assert list(second.context["articles"]) == stories[20:]
    assert client.get("/search/", {"q": "kingfisher", "page": 3}).status_code == 404
