"""Notes on a story (issue 14): the staff's thread on the change form, with @mentions."""

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.data import export
from articles import notes, workflow
from articles.models import Notification, StoryNote
from tests.factories import ArticleFactory, AuthorFactory, UserFactory
from tests.html import between, page
from tests.xss_vectors import BY_NAME

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor():
    return UserFactory(role="Editor", name="Meera Iyer", email="meera@example.com")


@pytest.fixture
def writer():
    return UserFactory(role="Writer", name="Asha Rao", email="asha.rao@example.com")


@pytest.fixture
def story(writer):
    """A draft by the writer, with her byline."""
    return ArticleFactory(created_by=writer, authors=[AuthorFactory(user=writer)])


def change_form(article) -> str:
    return reverse("admin:articles_article_change", args=[article.pk])


def add_url(article) -> str:
    return reverse("admin:articles_article_note_add", args=[article.pk])


def signed_in(client, user):
    client.force_login(user)
    return client


# Who may add a note.


def test_an_editor_adds_a_note_from_the_change_form(client, editor, story):
    response = signed_in(client, editor).post(add_url(story), {"body": "Check the figures."})
    assert response.status_code == 302
    assert response["Location"] == f"{change_form(story)}#notes"
    note = StoryNote.objects.get()
    assert (note.article, note.author, note.body) == (story, editor, "Check the figures.")


def test_a_writer_adds_a_note_to_her_own_story(client, writer, story):
    signed_in(client, writer).post(add_url(story), {"body": "Figures checked."})
    assert StoryNote.objects.get().author == writer


def test_a_writer_cannot_add_a_note_to_someone_elses_story(client, writer):
    others = ArticleFactory()
    response = signed_in(client, writer).post(add_url(others), {"body": "Sneaking in."})
    assert response.status_code == 404
    assert not StoryNote.objects.exists()


def test_the_rule_refuses_a_writer_on_someone_elses_story(writer):
    with pytest.raises(notes.NoteError):
        notes.add(article=ArticleFactory(), by=writer, body="Sneaking in.")


def test_a_reader_cannot_add_a_note(client, story):
    response = signed_in(client, UserFactory()).post(add_url(story), {"body": "Hello."})
    assert response.status_code == 302
    assert "/login/" in response["Location"]
    assert not StoryNote.objects.exists()


def test_the_rule_refuses_a_reader(story):
    with pytest.raises(notes.NoteError):
        notes.add(article=story, by=UserFactory(), body="Hello.")


def test_a_get_adds_no_note(client, editor, story):
    response = signed_in(client, editor).get(add_url(story), {"body": "By GET."})
    assert response.status_code == 405
    assert not StoryNote.objects.exists()


def test_a_note_on_a_story_in_the_trash_is_refused(editor, story):
    story.trashed_at = timezone.now()
    story.save()
    with pytest.raises(notes.NoteError, match="trash"):
        notes.add(article=story, by=editor, body="Why was this binned?")


def test_a_story_in_the_trash_shows_its_notes_but_no_box_to_add_one(client, editor, story):
    notes.add(article=story, by=editor, body="Hold until the court rules.")
    story.trashed_at = timezone.now()
    story.save()
    html = signed_in(client, editor).get(change_form(story)).content.decode()
    assert "Hold until the court rules." in html
    assert add_url(story) not in html
    assert "restore it to add a note" in html


def test_an_empty_note_is_refused(editor, story):
    with pytest.raises(notes.NoteError, match="empty"):
        notes.add(article=story, by=editor, body="  \n ")


def test_an_overlong_note_is_refused_with_the_text_kept_in_the_form(client, editor, story):
    text = "Too long. " * (notes.MAX_LENGTH // 10 + 1)
    response = signed_in(client, editor).post(add_url(story), {"body": text}, follow=True)
    html = page(response)
    assert not StoryNote.objects.exists()
    assert f"at most {notes.MAX_LENGTH} characters" in html
    assert f">{text}</textarea>" in html


def test_the_kept_text_is_shown_once_then_forgotten(client, editor, story):
    text = "x" * (notes.MAX_LENGTH + 1)
    signed_in(client, editor).post(add_url(story), {"body": text}, follow=True)
    assert text not in page(client.get(change_form(story)))


# What the thread shows.


def test_the_change_form_lists_notes_oldest_first_with_their_line_breaks(client, editor, story):
    notes.add(article=story, by=editor, body="First.\nSecond line.")
    notes.add(article=story, by=editor, body="Later.")
    html = between(page(signed_in(client, editor).get(change_form(story))), 'id="notes"', "</ol>")
    assert html.index("First.<br>Second line.") < html.index("Later.")
    assert "Meera Iyer" in html


def test_a_note_is_escaped_on_the_change_form(client, editor, story):
    payload = BY_NAME["img-onerror"].payload
    notes.add(article=story, by=editor, body=payload)
    html = page(signed_in(client, editor).get(change_form(story)))
    assert payload not in html
    assert "&lt;img src=x onerror=window.__xss=2&gt;" in html


def test_a_mention_of_staff_is_marked_and_an_unknown_name_is_not(client, editor, writer, story):
    notes.add(article=story, by=editor, body="@asha.rao and @nobody, please look.")
    html = page(signed_in(client, editor).get(change_form(story)))
    assert '<mark class="note-mention">@asha.rao</mark>' in html
    assert '<mark class="note-mention">@nobody' not in html


# Mentions.


def test_a_mention_by_email_local_part_notifies_that_staff_member(commit, editor, writer, story):
    with commit():
        notes.add(article=story, by=editor, body="@Asha.Rao can you check the quote?")
    notification = Notification.objects.get()
    assert (notification.recipient, notification.kind) == (writer, "mentioned")
    assert notification.note == "@Asha.Rao can you check the quote?"


def test_a_mention_by_quoted_name_notifies_that_staff_member(commit, editor, writer, story):
    with commit():
        notes.add(article=story, by=editor, body='Over to @"asha rao".')
    assert list(Notification.objects.values_list("recipient", flat=True)) == [writer.pk]


def test_mentions_notify_only_mentioned_staff_who_may_see_the_story(commit, editor, writer, story):
    reader = UserFactory(email="reader@example.com", name="Ravi Reader")
    other_writer = UserFactory(role="Writer", email="sam@example.com")
    UserFactory(role="Editor", email="quiet@example.com")
    body = '@meera @reader @"Ravi Reader" @sam @ghost @asha.rao, mail asha.rao@example.com'
    with commit():
        notes.add(article=story, by=editor, body=body)
    assert list(Notification.objects.values_list("recipient", flat=True)) == [writer.pk]
    assert not Notification.objects.filter(recipient__in=[editor, reader, other_writer]).exists()


def test_an_email_address_in_a_note_mentions_nobody(commit, editor, writer, story):
    with commit():
        notes.add(article=story, by=editor, body="Write to asha.rao@example.com.")
    assert not Notification.objects.exists()


def test_mentions_are_told_only_after_the_transaction_commits(
    django_capture_on_commit_callbacks, editor, writer, story
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        notes.add(article=story, by=editor, body="@asha.rao please look.")
    assert not Notification.objects.exists()
    for callback in callbacks:
        callback()
    assert Notification.objects.filter(recipient=writer).count() == 1


# The request for changes, at the top of the form.


def test_the_request_for_changes_shows_at_the_top_of_the_writers_form(
    client, editor, writer, story
):
    workflow.submit(article=story, by=writer)
    workflow.request_changes(article=story, by=editor, note="Cut the second paragraph.")
    html = page(signed_in(client, writer).get(change_form(story)))
    box = between(html, 'id="changes-requested"', "</div>")
    assert "Meera Iyer asked for changes" in box
    assert "Cut the second paragraph." in box
    assert html.index('id="changes-requested"') < html.index('id="id_headline"')


def test_the_request_for_changes_shows_to_editors_too(client, editor, writer, story):
    workflow.submit(article=story, by=writer)
    workflow.request_changes(article=story, by=editor, note="Cut the second paragraph.")
    assert 'id="changes-requested"' in page(signed_in(client, editor).get(change_form(story)))


def test_the_request_for_changes_goes_away_once_the_writer_resubmits(client, editor, writer, story):
    workflow.submit(article=story, by=writer)
    workflow.request_changes(article=story, by=editor, note="Cut the second paragraph.")
    workflow.submit(article=story, by=writer)
    assert 'id="changes-requested"' not in page(signed_in(client, writer).get(change_form(story)))


# Never to readers.


def test_notes_never_show_on_the_reader_page_of_a_live_story(client, editor):
    story = ArticleFactory(live=True)
    notes.add(article=story, by=editor, body="Internal: the source asked not to be named.")
    response = client.get(story.get_absolute_url())
    assert response.status_code == 200
    assert "the source asked not to be named" not in page(response)


def test_notes_never_show_in_the_feed(client, editor):
    story = ArticleFactory(live=True)
    notes.add(article=story, by=editor, body="Internal: the source asked not to be named.")
    response = client.get(reverse("articles:feed"))
    assert story.headline in page(response)
    assert "the source asked not to be named" not in page(response)


def test_a_readers_data_export_holds_no_notes(rf):
    reader = UserFactory(role="Writer")  # staff who wrote a note, exporting their data
    story = ArticleFactory(created_by=reader)
    notes.add(article=story, by=reader, body="Internal: the source asked not to be named.")
    assert "the source asked not to be named" not in repr(export(rf.get("/"), reader))
