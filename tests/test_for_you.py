"""For You: the latest live stories from the sections, tags and authors a reader follows."""

from datetime import timedelta

import pytest
from django.utils import timezone
from taggit.models import Tag

from articles.models import Article
from articles.pagination import PER_PAGE
from tests.factories import (
    ArticleFactory,
    AuthorFactory,
    FollowFactory,
    SectionFactory,
    UserFactory,
)
from tests.html import main

pytestmark = pytest.mark.django_db

URL = "/accounts/for-you/"
NOT_LIVE = [
    {},
    {"status": Article.Status.IN_REVIEW},
    {"scheduled": True},
    {"live": True, "trashed_at": timezone.now() - timedelta(minutes=1)},
]
NOT_LIVE_IDS = ["draft", "in_review", "scheduled", "trashed"]


def stories(client) -> list[Article]:
    return list(client.get(URL).context["articles"])


def hours_ago(hours: int):
    return timezone.now() - timedelta(hours=hours)


def test_for_you_asks_an_anonymous_visitor_to_sign_in(client):
    assert client.get(URL)["Location"] == f"/accounts/login/?next={URL}"


def test_for_you_is_private_and_never_stored(reader_client):
    cache_control = reader_client.get(URL)["Cache-Control"]
    assert "private" in cache_control and "no-store" in cache_control


def test_for_you_lists_stories_of_a_followed_section(reader_client, reader):
    india = SectionFactory(name="India")
    FollowFactory(user=reader, section=india)
    story = ArticleFactory(live=True, section=india)
    ArticleFactory(live=True, section=SectionFactory(name="World"))
    assert stories(reader_client) == [story]


def test_a_followed_section_brings_the_stories_of_its_child_sections(reader_client, reader):
    india = SectionFactory(name="India")
    FollowFactory(user=reader, section=india)
    story = ArticleFactory(live=True, section=SectionFactory(name="State", parent=india))
    assert stories(reader_client) == [story]


def test_a_followed_child_section_does_not_bring_its_parents_other_stories(reader_client, reader):
    india = SectionFactory(name="India")
    state = SectionFactory(name="State", parent=india)
    FollowFactory(user=reader, section=state)
    ArticleFactory(live=True, section=india)
    story = ArticleFactory(live=True, section=state)
    assert stories(reader_client) == [story]


def test_for_you_lists_stories_with_a_followed_tag(reader_client, reader):
    story = ArticleFactory(live=True, tags=["Monsoon", "Rain"])
    ArticleFactory(live=True, tags=["Cricket"])
    FollowFactory(user=reader, tag=Tag.objects.get(name="Monsoon"))
    assert stories(reader_client) == [story]


def test_for_you_lists_stories_by_a_followed_author_anywhere_in_the_byline(reader_client, reader):
    asha = AuthorFactory(name="Asha Rao")
    FollowFactory(user=reader, author=asha)
    story = ArticleFactory(live=True, authors=[AuthorFactory(), asha])
    ArticleFactory(live=True)
    assert stories(reader_client) == [story]


@pytest.mark.parametrize("shape", NOT_LIVE, ids=NOT_LIVE_IDS)
def test_for_you_never_lists_a_story_that_is_not_live(reader_client, reader, shape):
    india, asha = SectionFactory(name="India"), AuthorFactory()
    FollowFactory(user=reader, section=india)
    FollowFactory(user=reader, author=asha)
    ArticleFactory(live=True, tags=["Monsoon"])
    FollowFactory(user=reader, tag=Tag.objects.get(name="Monsoon"))
    hidden = ArticleFactory(section=india, authors=[asha], tags=["Monsoon"], **shape)
    listed = stories(reader_client)
    assert listed and hidden not in listed


def test_a_story_matching_several_follows_is_listed_once(reader_client, reader):
    india, asha = SectionFactory(name="India"), AuthorFactory()
    story = ArticleFactory(live=True, section=india, authors=[asha], tags=["Monsoon", "Rain"])
    FollowFactory(user=reader, section=india)
    FollowFactory(user=reader, author=asha)
    FollowFactory(user=reader, tag=Tag.objects.get(name="Monsoon"))
    FollowFactory(user=reader, tag=Tag.objects.get(name="Rain"))
    response = reader_client.get(URL)
    assert list(response.context["articles"]) == [story]
    assert response.context["paginator"].count == 1


def test_for_you_lists_newest_first(reader_client, reader):
    india = SectionFactory(name="India")
    FollowFactory(user=reader, section=india)
    old = ArticleFactory(live=True, section=india, published_at=hours_ago(30))
    new = ArticleFactory(live=True, tags=["Monsoon"], published_at=hours_ago(1))
    middle = ArticleFactory(live=True, section=india, published_at=hours_ago(5))
    FollowFactory(user=reader, tag=Tag.objects.get(name="Monsoon"))
    assert stories(reader_client) == [new, middle, old]
    html = main(reader_client.get(URL))
    assert html.index(new.headline) < html.index(middle.headline) < html.index(old.headline)


def test_for_you_follows_only_the_readers_own_follows(reader_client):
    india = SectionFactory(name="India")
    FollowFactory(section=india)  # someone else's
    ArticleFactory(live=True, section=india)
    assert stories(reader_client) == []


def test_for_you_is_paginated(reader_client, reader):
    india = SectionFactory(name="India")
    FollowFactory(user=reader, section=india)
    for _ in range(PER_PAGE + 1):
        ArticleFactory(live=True, section=india)
    first = reader_client.get(URL)
    assert len(first.context["articles"]) == PER_PAGE
    assert f'rel="next" href="{URL}?page=2"' in main(first)
    assert len(reader_client.get(URL, {"page": 2}).context["articles"]) == 1
    assert reader_client.get(URL, {"page": "junk"}).status_code == 404


def test_for_you_shows_what_the_reader_follows_with_unfollow_controls(reader_client, reader):
    FollowFactory(user=reader, section=SectionFactory(name="India", slug="india"))
    html = main(reader_client.get(URL))
    assert "You follow" in html
    assert 'href="/accounts/follow/section/india/?next=/accounts/for-you/"' in html
    assert 'data-follow="section:india" role="button" aria-pressed="true"' in html


def test_for_you_suggests_sections_and_popular_tags_to_a_reader_who_follows_nothing(reader_client):
    SectionFactory(name="India", slug="india")
    SectionFactory(name="Hidden desk", slug="hidden-desk", in_primary_menu=False)
    ArticleFactory(live=True, tags=["Monsoon"])
    ArticleFactory(tags=["Secret draft tag"])
    html = main(reader_client.get(URL))
    assert "follow anything yet." in html
    assert 'data-follow="section:india"' in html
    assert 'data-follow="section:hidden-desk"' not in html
    assert 'data-follow="tag:monsoon"' in html
    assert "Secret draft tag" not in html


def test_for_you_says_so_when_nothing_followed_has_been_published(reader_client, reader):
    india = SectionFactory(name="India")
    FollowFactory(user=reader, section=india)
    ArticleFactory(section=india)  # a draft
    html = main(reader_client.get(URL))
    assert "Nothing has been published yet from what you follow." in html
    assert "follow anything yet." not in html


def for_you_queries(client, reader, n: int, django_assert_max_num_queries) -> int:
    sections = [SectionFactory(name=f"Desk {i}") for i in range(3)]
    authors = [AuthorFactory() for _ in range(3)]
    for i in range(n):
        ArticleFactory(
            live=True,
            section=sections[i % 3],
            authors=[authors[i % 3], authors[(i + 1) % 3]],
            tags=[f"Tag {i}", "Common"],
        )
    FollowFactory(user=reader, section=sections[0])
    FollowFactory(user=reader, author=authors[1])
    FollowFactory(user=reader, tag=Tag.objects.get(name="Common"))
    client.get("/")  # warms the site settings' cache, as every later request finds it
    # session, user, follows, count, page, bylines, menus, bell
    with django_assert_max_num_queries(8) as queries:
        assert client.get(URL).status_code == 200
    return len(queries)


def test_for_you_query_count_does_not_grow_with_the_stories(client, django_assert_max_num_queries):
    few, many = UserFactory(), UserFactory()
    client.force_login(few)
    five = for_you_queries(client, few, 5, django_assert_max_num_queries)
    Article.objects.all().delete()
    client.force_login(many)
    twenty_five = for_you_queries(client, many, 25, django_assert_max_num_queries)
    assert five == twenty_five


def test_for_you_suggestions_take_a_constant_number_of_queries(
    reader_client, django_assert_max_num_queries
):
    for i in range(10):
        ArticleFactory(live=True, section=SectionFactory(name=f"Desk {i}"), tags=[f"Tag {i}"])
    reader_client.get("/")
    # session, user, follows, count, sections, tags, menus, bell
    with django_assert_max_num_queries(8):
        assert reader_client.get(URL).status_code == 200
