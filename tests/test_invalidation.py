"""What each kind of change touches (articles/invalidation.py, applied by the page cache)."""

from datetime import timedelta

import pytest
from django.utils import timezone
from taggit.models import Tag

from articles import invalidation, page_cache, workflow
from articles.invalidation import ALL_STORIES, ANY_STORY, EVERYTHING
from articles.models import ArticleAuthor
from tests.factories import ArticleFactory, AuthorFactory, PictureFactory, SectionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def touched(monkeypatch, commit):
    """`with touched() as keys:` the keys every change committed inside records, together."""
    from contextlib import contextmanager

    @contextmanager
    def collect():
        keys: set[str] = set()
        monkeypatch.setattr(page_cache, "record", lambda found: keys.update(found))
        with commit():
            yield keys

    return collect


def lists(story) -> set[str]:
    """Every list a story is in: all, its section (and parent), tags and bylines."""
    section = story.section
    return {
        ALL_STORIES,
        invalidation.section_list(section.pk),
        *([invalidation.section_list(section.parent_id)] if section.parent_id else []),
        *(invalidation.tag_list(tag.pk) for tag in story.tags.all()),
        *(invalidation.author_list(author.pk) for author in story.authors.all()),
    }


def moved(story) -> set[str]:
    """What a story entering or leaving the lists touches: it, where it stands, its lists."""
    return {invalidation.story(story.pk), invalidation.placed(story.pk), ANY_STORY} | lists(story)


def test_editing_a_live_story_touches_only_the_story(touched):
    story = ArticleFactory(live=True, tags=["Harbour"])
    with touched() as keys:
        story.headline = "A sharper headline"
        story.save()
    assert keys == {invalidation.story(story.pk), ANY_STORY}


def test_saving_a_draft_touches_nothing(touched):
    draft = ArticleFactory(tags=["Harbour"])
    with touched() as keys:
        draft.headline = "Second draft"
        draft.save()
        draft.tags.add("Ferries")
        ArticleAuthor.objects.create(article=draft, author=AuthorFactory(), order=5)
    assert keys == set()


def test_saving_a_scheduled_story_touches_nothing(touched, editor):
    story = ArticleFactory(scheduled=True)
    with touched() as keys:
        story.headline = "Embargoed until six"
        story.save()
    assert keys == set()


def test_publishing_a_story_touches_every_list_it_joins(touched, editor):
    parent = SectionFactory(slug="india")
    story = ArticleFactory(section=SectionFactory(slug="state", parent=parent), tags=["Rain"])
    with touched() as keys:
        workflow.publish(article=story, by=editor)
    assert keys == moved(story)
    assert invalidation.section_list(parent.pk) in keys


def test_unpublishing_a_story_touches_every_list_it_leaves(touched, editor):
    story = ArticleFactory(live=True, tags=["Rain"])
    with touched() as keys:
        workflow.unpublish(article=story, by=editor)
    assert keys == moved(story)


def test_taking_a_story_down_touches_where_it_stands_and_an_edit_does_not(touched, editor):
    story = ArticleFactory(live=True)
    with touched() as edited:
        story.headline = "A sharper headline"
        story.save()
    with touched() as taken_down:
        workflow.unpublish(article=story, by=editor)
    assert invalidation.placed(story.pk) not in edited
    assert invalidation.placed(story.pk) in taken_down


def test_trashing_a_live_story_touches_every_list_it_leaves(touched, editor):
    story = ArticleFactory(live=True)
    with touched() as keys:
        workflow.trash(article=story, by=editor)
    assert lists(story) <= keys


def test_moving_a_live_story_touches_both_sections(touched):
    old, new = SectionFactory(slug="sport"), SectionFactory(slug="culture")
    story = ArticleFactory(live=True, section=old)
    with touched() as keys:
        story.section = new
        story.save()
    assert {invalidation.section_list(old.pk), invalidation.section_list(new.pk)} <= keys


def test_marking_a_live_story_as_the_lead_touches_the_lists(touched):
    story = ArticleFactory(live=True)
    with touched() as keys:
        story.is_lead = True
        story.save()
    assert ALL_STORIES in keys


def test_redating_a_live_story_touches_the_lists_it_moves_in(touched):
    story = ArticleFactory(live=True)
    with touched() as keys:
        story.published_at = timezone.now() - timedelta(days=3)
        story.save()
    assert lists(story) <= keys


def test_tagging_a_live_story_touches_the_story_where_it_stands_and_the_tag_list(touched):
    story = ArticleFactory(live=True)
    with touched() as keys:
        story.tags.add("Monsoon")
    tag = Tag.objects.get(name="Monsoon")
    assert keys == {
        invalidation.story(story.pk),
        invalidation.placed(story.pk),
        ANY_STORY,
        invalidation.tag_list(tag.pk),
    }


def test_clearing_a_live_story_s_tags_touches_each_tag_list(touched):
    story = ArticleFactory(live=True, tags=["Monsoon", "Dams"])
    tags = set(Tag.objects.values_list("pk", flat=True))
    with touched() as keys:
        story.tags.clear()
    assert {invalidation.tag_list(pk) for pk in tags} <= keys


def test_a_byline_moved_to_another_author_touches_both_author_lists(touched):
    first, second = AuthorFactory(), AuthorFactory()
    story = ArticleFactory(live=True, authors=[first])
    byline = ArticleAuthor.objects.get(article=story)
    with touched() as keys:
        byline.author = second
        byline.save()
    assert {invalidation.author_list(first.pk), invalidation.author_list(second.pk)} <= keys
    assert invalidation.story(story.pk) in keys


def test_deleting_a_live_story_touches_its_lists(touched):
    story = ArticleFactory(live=True, tags=["Rain"])
    expected = moved(story)
    with touched() as keys:
        story.delete()
    assert keys == expected


def test_a_picture_s_change_touches_the_live_stories_that_show_it(touched):
    picture = PictureFactory()
    featured = ArticleFactory(live=True, featured_picture=picture)
    inside = ArticleFactory(live=True, body=f'<figure data-picture="{picture.pk}"></figure>')
    draft = ArticleFactory(featured_picture=picture)
    ArticleFactory(live=True)
    with touched() as keys:
        picture.alt = "Boats in the harbour at dawn"
        picture.save()
    assert keys == {invalidation.story(featured.pk), invalidation.story(inside.pk), ANY_STORY}
    assert invalidation.story(draft.pk) not in keys


def test_a_new_tag_or_author_touches_nothing_until_a_live_story_uses_it(touched):
    with touched() as keys:
        Tag.objects.create(name="Floods", slug="floods")
        AuthorFactory()
    assert keys == set()


def test_renaming_a_section_touches_everything(touched):
    section = SectionFactory(slug="metro")
    with touched() as keys:
        section.name = "City"
        section.save()
    assert keys == {EVERYTHING}


def test_a_scheduled_story_going_live_touches_its_lists(monkeypatch, editor):
    recorded: set[str] = set()
    story = ArticleFactory(section=SectionFactory(slug="sport"), tags=["Rowing"])
    at = timezone.now() + timedelta(minutes=5)
    workflow.schedule(article=story, by=editor, at=at)
    page_cache._reschedule()
    monkeypatch.setattr(page_cache, "record", recorded.update)
    later = at + timedelta(seconds=1)
    monkeypatch.setattr(timezone, "now", lambda: later)
    page_cache._state()
    assert recorded == moved(story)
