"""articles/workflow.py: every transition, allowed and refused."""

from datetime import timedelta

import pytest
from django.utils import timezone

from articles import workflow
from articles.models import Article, EditorialEvent
from articles.workflow import WorkflowError
from tests.factories import ArticleFactory, AuthorFactory, UserFactory

pytestmark = pytest.mark.django_db
Status = Article.Status


def story(by, **shape):
    return ArticleFactory(created_by=by, **shape)


def test_a_writer_submits_their_draft_for_review(writer):
    article = story(writer)
    workflow.submit(article=article, by=writer)
    article.refresh_from_db()
    assert article.status == Status.IN_REVIEW


def test_every_transition_records_who_did_what_from_and_to(writer):
    article = story(writer)
    workflow.submit(article=article, by=writer)
    event = EditorialEvent.objects.get(article=article)
    assert (event.actor, event.action, event.from_status, event.to_status) == (
        writer,
        "submit",
        Status.DRAFT,
        Status.IN_REVIEW,
    )


def test_a_writer_cannot_submit_someone_elses_draft(writer):
    article = story(UserFactory(role="Writer"))
    with pytest.raises(WorkflowError, match="writer or an editor"):
        workflow.submit(article=article, by=writer)
    article.refresh_from_db()
    assert article.status == Status.DRAFT
    assert not EditorialEvent.objects.exists()


def test_a_writer_with_the_byline_counts_as_the_stories_writer(writer):
    author = AuthorFactory(user=writer)
    article = ArticleFactory(authors=[author])
    workflow.submit(article=article, by=writer)
    assert article.status == Status.IN_REVIEW


def test_a_writer_withdraws_their_story_from_review(writer):
    article = story(writer, status=Status.IN_REVIEW)
    workflow.withdraw(article=article, by=writer)
    assert Article.objects.get(pk=article.pk).status == Status.DRAFT


@pytest.mark.parametrize(
    ("action", "shape"),
    [
        ("publish", {}),
        ("approve", {"status": Status.IN_REVIEW}),
        ("unpublish", {"live": True}),
        ("archive", {"live": True}),
        ("trash", {}),
    ],
)
def test_a_writer_cannot_publish_or_take_editors_actions(writer, action, shape):
    article = story(writer, **shape)
    with pytest.raises(WorkflowError, match="not allowed"):
        workflow.ACTIONS[action](article=article, by=writer)


def test_a_writer_cannot_schedule(writer):
    article = story(writer)
    with pytest.raises(WorkflowError, match="not allowed"):
        workflow.schedule(article=article, by=writer, at=timezone.now() + timedelta(days=1))


def test_an_editor_requests_changes_with_a_note(editor, writer):
    article = story(writer, status=Status.IN_REVIEW)
    workflow.request_changes(article=article, by=editor, note="Add the minister's reply.")
    article.refresh_from_db()
    assert article.status == Status.CHANGES_REQUESTED
    assert article.events.get().note == "Add the minister's reply."


def test_requesting_changes_without_a_note_is_refused(editor, writer):
    article = story(writer, status=Status.IN_REVIEW)
    with pytest.raises(WorkflowError, match="note is required"):
        workflow.request_changes(article=article, by=editor, note="  ")
    assert Article.objects.get(pk=article.pk).status == Status.IN_REVIEW


def test_the_writer_resubmits_after_changes_were_requested(writer):
    article = story(writer, status=Status.CHANGES_REQUESTED)
    workflow.submit(article=article, by=writer)
    assert article.status == Status.IN_REVIEW


def test_an_editor_approves_a_story_in_review_and_it_goes_live(editor, writer):
    article = story(writer, status=Status.IN_REVIEW)
    workflow.approve(article=article, by=editor)
    article.refresh_from_db()
    assert article.is_live
    assert article.first_published_at == article.published_at


def test_an_editor_publishes_a_draft_now(editor):
    article = story(editor)
    workflow.publish(article=article, by=editor)
    assert Article.objects.live().get() == article


def test_publishing_a_live_story_again_is_refused(editor):
    article = ArticleFactory(live=True)
    with pytest.raises(WorkflowError, match="already published"):
        workflow.publish(article=article, by=editor)


def test_a_scheduled_story_is_hidden_until_its_time_then_live_by_itself(editor, monkeypatch):
    article = story(editor)
    at = timezone.now() + timedelta(hours=3)
    workflow.schedule(article=article, by=editor, at=at)
    article.refresh_from_db()
    assert article.is_scheduled and not article.is_live
    assert not Article.objects.live().exists()
    later = at + timedelta(seconds=1)
    monkeypatch.setattr(timezone, "now", lambda: later)
    assert Article.objects.live().get() == article
    assert Article.objects.get(pk=article.pk).is_live


def test_scheduling_in_the_past_is_refused(editor):
    article = story(editor)
    with pytest.raises(WorkflowError, match="in the future"):
        workflow.schedule(article=article, by=editor, at=timezone.now() - timedelta(minutes=1))


def test_publish_with_a_future_time_schedules(editor):
    article = story(editor)
    workflow.publish(article=article, by=editor, at=timezone.now() + timedelta(days=1))
    assert article.is_scheduled
    assert article.events.get().action == "schedule"


def test_a_scheduled_story_can_be_published_now(editor):
    article = ArticleFactory(scheduled=True)
    workflow.publish(article=article, by=editor)
    assert article.is_live


def test_first_published_at_is_set_once(editor):
    article = story(editor)
    workflow.publish(article=article, by=editor)
    first = Article.objects.get(pk=article.pk).first_published_at
    workflow.unpublish(article=article, by=editor)
    workflow.publish(article=article, by=editor)
    article.refresh_from_db()
    assert article.first_published_at == first
    assert article.published_at > first


def test_unpublishing_takes_a_story_off_the_site(editor):
    article = ArticleFactory(live=True)
    workflow.unpublish(article=article, by=editor)
    assert not Article.objects.live().exists()
    assert Article.objects.get().status == Status.DRAFT


def test_archiving_takes_a_story_off_the_site_but_keeps_it(editor):
    article = ArticleFactory(live=True)
    workflow.archive(article=article, by=editor)
    assert Article.objects.get().status == Status.ARCHIVED
    assert not Article.objects.live().exists()


@pytest.mark.parametrize(
    ("action", "status"),
    [
        ("submit", Status.IN_REVIEW),
        ("withdraw", Status.DRAFT),
        ("request_changes", Status.DRAFT),
        ("approve", Status.DRAFT),
        ("unpublish", Status.DRAFT),
        ("archive", Status.IN_REVIEW),
    ],
)
def test_an_action_from_the_wrong_state_is_refused_with_a_clear_message(editor, action, status):
    article = story(editor, status=status)
    kwargs = {"note": "x"} if action == "request_changes" else {}
    with pytest.raises(WorkflowError, match="is not possible for a story that is"):
        workflow.ACTIONS[action](article=article, by=editor, **kwargs)
    assert Article.objects.get(pk=article.pk).status == status


def test_trash_takes_a_live_story_off_the_site_and_restore_brings_it_back(editor):
    article = ArticleFactory(live=True)
    workflow.trash(article=article, by=editor)
    assert not Article.objects.live().exists()
    assert not Article.objects.get().is_live
    workflow.restore(article=article, by=editor)
    assert Article.objects.live().get() == article


def test_a_story_in_the_trash_takes_no_other_action(editor):
    article = story(editor)
    workflow.trash(article=article, by=editor)
    with pytest.raises(WorkflowError, match="in the trash"):
        workflow.publish(article=article, by=editor)


def test_restoring_a_story_not_in_the_trash_is_refused(editor):
    with pytest.raises(WorkflowError, match="not in the trash"):
        workflow.restore(article=story(editor), by=editor)


def test_available_actions_list_what_the_user_may_do_now(writer, editor):
    draft = story(writer)
    assert [name for name, _ in workflow.available_actions(writer, draft)] == ["submit"]
    assert [name for name, _ in workflow.available_actions(editor, draft)] == [
        "submit",
        "publish",
        "schedule",
        "trash",
    ]


def test_may_edit_lets_writers_edit_only_their_drafts_and_editors_any_story(writer, editor):
    own = story(writer)
    in_review = story(writer, status=Status.IN_REVIEW)
    others = story(UserFactory(role="Writer"))
    assert workflow.may_edit(writer, own)
    assert not workflow.may_edit(writer, in_review)
    assert not workflow.may_edit(writer, others)
    assert all(workflow.may_edit(editor, a) for a in (own, in_review, others))


def test_a_reader_may_edit_nothing():
    reader = UserFactory()
    assert not workflow.may_edit(reader, ArticleFactory(created_by=reader))
