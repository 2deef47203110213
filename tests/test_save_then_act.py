"""Workflow buttons act on what is on screen: the edit is saved, then the action is taken,
together or not at all."""

import re
from datetime import timedelta

import pytest
from django.contrib.admin.utils import display_for_value
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, EditorialEvent
from tests.admin_forms import opened_form
from tests.factories import ArticleFactory
from tests.html import page

pytestmark = pytest.mark.django_db

Status = Article.Status


def change_url(article) -> str:
    return reverse("admin:articles_article_change", args=[article.pk])


def press(client, article, action, **changes):
    data = {**opened_form(client, article), **changes, "_workflow": action}
    return client.post(change_url(article), data)


@pytest.fixture
def editor(editor, client):
    """Conftest's editor, signed in on `client`."""
    client.force_login(editor)
    return editor


@pytest.fixture
def writer(writer, client):
    """Conftest's writer, signed in on `client`."""
    client.force_login(writer)
    return writer


def test_publish_now_with_an_unsaved_headline_publishes_the_new_headline(client, editor):
    article = ArticleFactory(headline="Old headline")
    response = press(client, article, "publish", headline="Corrected headline")
    assert response.status_code == 302
    article.refresh_from_db()
    assert (article.headline, article.is_live) == ("Corrected headline", True)


def test_submit_for_review_with_an_unsaved_body_submits_the_new_body(client, writer):
    article = ArticleFactory(created_by=writer, body="<p>First try.</p>")
    response = press(client, article, "submit", body="<p>Second, better try.</p>")
    assert response.status_code == 302
    article.refresh_from_db()
    assert (article.body, article.status) == ("<p>Second, better try.</p>", Status.IN_REVIEW)


def test_the_message_says_the_changes_were_saved_and_the_action_taken(client, editor):
    article = ArticleFactory()
    response = client.post(
        change_url(article),
        {**opened_form(client, article), "summary": "New", "_workflow": "publish"},
        follow=True,
    )
    assert "Your changes were saved. Published." in page(response)


@pytest.mark.parametrize(
    ("action", "shape", "extra", "status"),
    [
        ("submit", {}, {}, Status.IN_REVIEW),
        ("withdraw", {"status": Status.IN_REVIEW}, {}, Status.DRAFT),
        ("approve", {"status": Status.IN_REVIEW}, {}, Status.PUBLISHED),
        ("request_changes", {"status": Status.IN_REVIEW}, {"note": "Add a quote."}, None),
        ("publish", {}, {}, Status.PUBLISHED),
        ("schedule", {}, "tomorrow", Status.PUBLISHED),
        ("unpublish", {"live": True}, {}, Status.DRAFT),
        ("archive", {"live": True}, {}, Status.ARCHIVED),
    ],
)
def test_every_workflow_button_saves_the_edit_and_takes_its_action(
    client, editor, action, shape, extra, status
):
    article = ArticleFactory(**shape)
    if extra == "tomorrow":
        tomorrow = timezone.localtime() + timedelta(days=1)
        extra = {"date": tomorrow.date().isoformat(), "time": "10:00"}
    response = press(client, article, action, summary="Edited just before", **extra)
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.summary == "Edited just before"
    assert article.status == (status or Status.CHANGES_REQUESTED)
    assert EditorialEvent.objects.filter(article=article, action=action).count() == 1


def test_an_invalid_form_applies_nothing_and_keeps_the_text(client, editor):
    article = ArticleFactory(headline="Kept headline")
    response = press(client, article, "publish", headline="", summary="My careful summary")
    assert response.status_code == 200
    html = page(response)
    assert "“Publish now” was not done" in html
    assert "My careful summary" in html
    article.refresh_from_db()
    assert (article.status, article.headline) == (Status.DRAFT, "Kept headline")
    assert not EditorialEvent.objects.exists()


def test_a_stale_form_applies_nothing_and_merges_the_other_save_into_the_form(client, editor):
    article = ArticleFactory(headline="Original")
    form = opened_form(client, article)
    other = ArticleFactory._meta.model.objects.get(pk=article.pk)
    other.headline = "Someone else's headline"
    other.save()
    response = client.post(change_url(article), {**form, "summary": "Mine", "_workflow": "publish"})
    assert response.status_code == 200
    assert "press your button again" in page(response)
    article.refresh_from_db()
    assert (article.status, article.summary) == (Status.DRAFT, other.summary)
    assert response.context["adminform"].form["headline"].value() == "Someone else's headline"


def test_a_writer_pressing_publish_saves_nothing(client, writer):
    article = ArticleFactory(created_by=writer, headline="Writer's draft")
    response = press(client, article, "publish", headline="Sneaked in")
    assert response.status_code == 200
    assert "You are not allowed to “publish now”" in page(response)
    article.refresh_from_db()
    assert (article.status, article.headline) == (Status.DRAFT, "Writer's draft")


def test_request_changes_without_a_note_saves_nothing(client, editor):
    article = ArticleFactory(status=Status.IN_REVIEW, summary="Before")
    response = press(client, article, "request_changes", summary="After", note=" ")
    assert response.status_code == 200
    assert "a note is required" in page(response)
    article.refresh_from_db()
    assert (article.status, article.summary) == (Status.IN_REVIEW, "Before")


def test_scheduling_in_the_past_saves_nothing(client, editor):
    article = ArticleFactory(summary="Before")
    yesterday = timezone.localtime() - timedelta(days=1)
    response = press(
        client,
        article,
        "schedule",
        summary="After",
        date=yesterday.date().isoformat(),
        time="10:00",
    )
    assert response.status_code == 200
    assert "Pick a time in the future" in page(response)
    article.refresh_from_db()
    assert (article.status, article.summary) == (Status.DRAFT, "Before")


def test_scheduling_without_a_time_saves_nothing(client, editor):
    article = ArticleFactory(summary="Before")
    response = press(client, article, "schedule", summary="After")
    assert "Give a date and a time" in page(response)
    article.refresh_from_db()
    assert article.summary == "Before"


def test_the_buttons_belong_to_the_change_form_so_they_work_without_javascript(client, editor):
    article = ArticleFactory(status=Status.IN_REVIEW)
    html = page(client.get(change_url(article)))
    assert 'name="_workflow" value="approve" form="article_form"' in html
    assert '<textarea name="note" rows="2" cols="40" form="article_form">' in html


def test_a_story_the_writer_may_only_look_at_keeps_its_own_small_forms(client, writer):
    article = ArticleFactory(created_by=writer, status=Status.IN_REVIEW)
    html = page(client.get(change_url(article)))
    assert f'action="/admin/articles/article/{article.pk}/workflow/withdraw/"' in html
    assert 'name="_workflow"' not in html


def test_the_timeline_says_when_a_story_was_scheduled_for(client, editor):
    article = ArticleFactory()
    tomorrow = timezone.localtime() + timedelta(days=1)
    press(client, article, "schedule", date=tomorrow.date().isoformat(), time="10:00")
    html = page(client.get(change_url(article)))
    assert "Scheduled for <time" in html
    assert f"{tomorrow.day} {tomorrow:%b}, 10:00</time>" in html


def test_the_list_never_shows_a_future_time_as_last_updated(client, editor):
    article = ArticleFactory(scheduled=True)
    html = page(client.get(reverse("admin:articles_article_changelist")))
    cell = re.search(r'<td class="field-last_updated[^"]*">(.*?)</td>', html).group(1)
    assert cell == display_for_value(article.modified_at, "")
    assert cell != display_for_value(article.published_at, "")
