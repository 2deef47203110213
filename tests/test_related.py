from datetime import timedelta

import pytest
from django.utils import timezone

from articles.models import Article
from articles.related import related_articles
from tests.factories import ArticleFactory, SectionFactory

pytestmark = pytest.mark.django_db


def ago(hours: int):
    return timezone.now() - timedelta(hours=hours)


def test_stories_sharing_a_tag_come_before_stories_of_the_same_section():
    section = SectionFactory()
    article = ArticleFactory(live=True, section=section, tags=["Monsoon"])
    same_section = ArticleFactory(live=True, section=section, published_at=ago(1))
    shares_tag = ArticleFactory(live=True, tags=["monsoon"], published_at=ago(5))
    assert related_articles(article, 5) == [shares_tag, same_section]


def test_related_stories_are_newest_first_within_each_group():
    article = ArticleFactory(live=True, tags=["Cricket"])
    older = ArticleFactory(live=True, tags=["Cricket"], published_at=ago(10))
    newer = ArticleFactory(live=True, tags=["Cricket"], published_at=ago(2))
    assert related_articles(article, 5) == [newer, older]


def test_a_story_is_never_related_to_itself():
    article = ArticleFactory(live=True, tags=["Cricket"])
    assert article not in related_articles(article, 5)


@pytest.mark.parametrize(
    "shape",
    [
        {},
        {"status": Article.Status.IN_REVIEW},
        {"scheduled": True},
        {"status": Article.Status.ARCHIVED, "published_at": ago(1)},
    ],
    ids=["draft", "in_review", "scheduled", "archived"],
)
def test_a_story_readers_cannot_see_is_never_related(shape):
    section = SectionFactory()
    article = ArticleFactory(live=True, section=section, tags=["Cricket"])
    hidden = ArticleFactory(section=section, tags=["Cricket"], **shape)
    assert hidden not in related_articles(article, 5)


def test_a_story_sharing_several_tags_appears_once():
    article = ArticleFactory(live=True, tags=["A", "B", "C"])
    twin = ArticleFactory(live=True, tags=["A", "B", "C"])
    assert related_articles(article, 5) == [twin]


def test_unrelated_stories_are_left_out():
    article = ArticleFactory(live=True, tags=["A"])
    ArticleFactory(live=True, tags=["Z"])
    assert related_articles(article, 5) == []


def test_the_limit_is_respected_across_both_groups():
    section = SectionFactory()
    article = ArticleFactory(live=True, section=section, tags=["A"])
    for _ in range(4):
        ArticleFactory(live=True, tags=["A"])
        ArticleFactory(live=True, section=section)
    assert len(related_articles(article, 6)) == 6
