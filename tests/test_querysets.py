from datetime import timedelta

import pytest
from django.utils import timezone

from articles.models import Article
from tests.factories import ArticleFactory, AuthorFactory, SectionFactory, UserFactory

pytestmark = pytest.mark.django_db

HIDDEN = [
    {"status": Article.Status.DRAFT},
    {"status": Article.Status.IN_REVIEW},
    {"status": Article.Status.CHANGES_REQUESTED},
    {"status": Article.Status.ARCHIVED, "published_at": timezone.now() - timedelta(days=3)},
    {"scheduled": True},
    {"live": True, "trashed_at": timezone.now()},
]


def test_published_story_whose_time_has_come_is_live():
    article = ArticleFactory(live=True)
    assert list(Article.objects.live()) == [article]


@pytest.mark.parametrize(
    "shape", HIDDEN, ids=["draft", "in_review", "changes", "archived", "future", "trashed"]
)
def test_unpublished_or_future_story_is_never_live(shape):
    ArticleFactory(**shape)
    assert not Article.objects.live().exists()


@pytest.mark.parametrize(
    "shape",
    [{"live": True}, *HIDDEN],
    ids=["live", "draft", "review", "changes", "archived", "future", "trashed"],
)
def test_is_live_agrees_with_the_live_queryset(shape):
    article = ArticleFactory(**shape)
    assert article.is_live is Article.objects.live().filter(pk=article.pk).exists()


def test_scheduled_story_goes_live_when_its_time_passes():
    article = ArticleFactory(scheduled=True)
    Article.objects.filter(pk=article.pk).update(published_at=timezone.now() - timedelta(seconds=1))
    article.refresh_from_db()
    assert article.is_live
    assert list(Article.objects.live()) == [article]


def test_in_section_includes_stories_of_child_sections():
    india = SectionFactory(name="India")
    state = SectionFactory(name="State", parent=india)
    world = SectionFactory(name="World")
    own, child = ArticleFactory(live=True, section=india), ArticleFactory(live=True, section=state)
    ArticleFactory(live=True, section=world)
    assert set(Article.objects.live().in_section(india)) == {own, child}
    assert set(Article.objects.live().in_section(state)) == {child}


def test_tagged_finds_stories_with_the_tag_only():
    tagged = ArticleFactory(live=True, tags=["North korea"])
    ArticleFactory(live=True, tags=["Cricket"])
    tag = tagged.tags.get()
    assert list(Article.objects.live().tagged(tag)) == [tagged]


def test_by_author_finds_every_story_the_author_shares_a_byline_on():
    desk, reporter = AuthorFactory(), AuthorFactory()
    solo = ArticleFactory(live=True, authors=[reporter])
    shared = ArticleFactory(live=True, authors=[desk, reporter])
    ArticleFactory(live=True, authors=[desk])
    assert set(Article.objects.by_author(reporter)) == {solo, shared}


def test_for_cards_draws_bylines_in_order_without_extra_queries(django_assert_num_queries):
    first, second = AuthorFactory(name="Zoya"), AuthorFactory(name="Arun")
    for _ in range(3):
        ArticleFactory(live=True, authors=[first, second])
    with django_assert_num_queries(2):
        cards = list(Article.objects.live().for_cards())
        names = [[a.name for a in card.byline_authors] for card in cards]
        sections = [card.section.name for card in cards]
    assert names == [["Zoya", "Arun"]] * 3
    assert len(sections) == 3


def test_for_detail_loads_section_parent_bylines_and_tags_in_three_queries(
    django_assert_num_queries,
):
    parent = SectionFactory(name="India")
    article = ArticleFactory(
        live=True, section=SectionFactory(name="State", parent=parent), tags=["A", "B"]
    )
    with django_assert_num_queries(3):
        loaded = Article.objects.for_detail().get(pk=article.pk)
        assert loaded.section.parent.name == "India"
        assert len(loaded.byline_authors) == 1
        assert sorted(t.name for t in loaded.tags.all()) == ["A", "B"]


def test_lead_first_puts_the_newest_marked_lead_before_newer_stories():
    older_lead = ArticleFactory(
        live=True, is_lead=True, published_at=timezone.now() - timedelta(days=2)
    )
    lead = ArticleFactory(live=True, is_lead=True, published_at=timezone.now() - timedelta(days=1))
    newest = ArticleFactory(live=True)
    assert list(Article.objects.live().lead_first()) == [lead, older_lead, newest]


@pytest.fixture
def owner_and_stories():
    """A writer's stories (one started, one assigned, one bylined, one all three), a story
    of someone else's, and a trashed one of theirs; newest first as the admin lists them."""
    writer, other = UserFactory(role="Writer"), UserFactory(role="Writer")
    byline, elsewhere = AuthorFactory(user=writer), AuthorFactory(user=other)
    now = timezone.now()

    def story(hours: int, **fields):
        fields.setdefault("authors", [elsewhere])
        return ArticleFactory(live=True, published_at=now - timedelta(hours=hours), **fields)

    own = [
        story(1, created_by=writer),
        story(2, assignee=writer),
        story(3, authors=[elsewhere, byline]),
        story(4, created_by=writer, assignee=writer, authors=[byline]),
    ]
    story(5, created_by=other, assignee=other)
    trashed = story(6, created_by=writer, trashed_at=now)
    return writer, own, trashed


@pytest.mark.parametrize("owns_many", [0, 1_000], ids=["many-walked-in-order", "few-looked-up"])
def test_owned_by_finds_the_same_stories_for_a_user_who_owns_few_or_many(
    owner_and_stories, monkeypatch, owns_many
):
    from articles import querysets, workflow

    monkeypatch.setattr(querysets, "OWNS_MANY", owns_many)
    writer, own, trashed = owner_and_stories
    listed = list(Article.objects.not_trashed().owned_by(writer).order_by("-published_at", "-pk"))
    assert listed == own
    assert list(Article.objects.owned_by(writer).in_trash()) == [trashed]
    # The list and the rule for one story (workflow.is_own) agree on every story.
    for article in Article.objects.all():
        assert workflow.is_own(writer, article) is (article in [*own, trashed])
