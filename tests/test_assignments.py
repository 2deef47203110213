"""Assignment and deadlines (issue 14): who may assign, what is recorded, who is told, and
where an assigned story shows up."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from articles import assignments, workflow
from articles.models import Article, EditorialEvent
from tests.admin_forms import change_form_data, opened_form
from tests.factories import ArticleFactory, UserFactory
from tests.html import page

pytestmark = pytest.mark.django_db


@pytest.fixture
def received():
    calls = []

    def receiver(sender, **kwargs):
        calls.append(kwargs)

    assignments.assigned.connect(receiver)
    yield calls
    assignments.assigned.disconnect(receiver)


def test_an_editor_assigns_a_story_with_a_deadline(editor, writer):
    story = ArticleFactory()
    due = timezone.now() + timedelta(days=1)
    assignments.assign(article=story, by=editor, assignee=writer, deadline=due)
    story.refresh_from_db()
    assert (story.assignee, story.deadline) == (writer, due)


def test_an_assignment_is_recorded_on_the_timeline(editor, writer):
    story = ArticleFactory()
    assignments.assign(article=story, by=editor, assignee=writer)
    event = EditorialEvent.objects.get(article=story, action="assign")
    assert event.actor == editor
    assert str(writer) in event.note


def test_a_writer_cannot_assign(writer):
    story = ArticleFactory(created_by=writer)
    with pytest.raises(assignments.AssignmentError, match="Only editors"):
        assignments.assign(article=story, by=writer, assignee=writer)


def test_a_story_cannot_go_to_a_reader(editor):
    reader = UserFactory()
    with pytest.raises(assignments.AssignmentError, match="staff"):
        assignments.assign(article=ArticleFactory(), by=editor, assignee=reader)


def test_the_new_assignee_is_told_once_the_assignment_is_committed(
    editor, writer, received, django_capture_on_commit_callbacks
):
    story = ArticleFactory()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        assignments.assign(article=story, by=editor, assignee=writer)
    assert received == []
    for callback in callbacks:
        callback()
    assert [(call["article"].pk, call["by"], call["assignee"]) for call in received] == [
        (story.pk, editor, writer)
    ]


def test_moving_only_the_deadline_tells_nobody(
    editor, writer, received, django_capture_on_commit_callbacks
):
    story = ArticleFactory(assignee=writer)
    with django_capture_on_commit_callbacks(execute=True):
        assignments.assign(
            article=story, by=editor, assignee=writer, deadline=timezone.now() + timedelta(hours=2)
        )
    assert received == []


def test_an_assigned_story_is_the_writers_own(writer):
    story = ArticleFactory(assignee=writer)
    assert workflow.is_own(writer, story)
    assert list(Article.objects.owned_by(writer)) == [story]


def test_a_writer_can_edit_a_draft_assigned_to_them(client, writer):
    story = ArticleFactory(assignee=writer)
    client.force_login(writer)
    response = client.get(reverse("admin:articles_article_change", args=[story.pk]))
    assert response.status_code == 200
    assert 'name="headline"' in page(response)


def test_overdue_leaves_out_published_stories():
    past = timezone.now() - timedelta(hours=1)
    late = ArticleFactory(deadline=past)
    ArticleFactory(deadline=past, live=True)
    assert list(Article.objects.overdue()) == [late]


# The admin


def change(client, user, story, **fields):
    client.force_login(user)
    url = reverse("admin:articles_article_change", args=[story.pk])
    return client.post(url, change_form_data(story, **fields))


def test_an_editor_assigns_from_the_change_form_and_the_signal_fires_once(
    client, editor, writer, received, django_capture_on_commit_callbacks
):
    story = ArticleFactory()
    with django_capture_on_commit_callbacks(execute=True):
        response = change(
            client, editor, story, assignee=writer.pk, deadline_0="2031-03-04", deadline_1="17:30"
        )
    assert response.status_code == 302
    story.refresh_from_db()
    assert story.assignee == writer
    assert timezone.localtime(story.deadline).strftime("%Y-%m-%d %H:%M") == "2031-03-04 17:30"
    assert len(received) == 1
    assert EditorialEvent.objects.filter(article=story, action="assign").count() == 1


def test_saving_the_form_without_touching_the_assignment_records_nothing(client, editor, writer):
    story = ArticleFactory(assignee=writer)
    change(client, editor, story, headline="A new headline")
    assert not EditorialEvent.objects.filter(article=story, action="assign").exists()


def test_a_writer_sees_the_assignment_but_cannot_change_it(client, writer):
    other = UserFactory(role="Writer")
    story = ArticleFactory(created_by=writer)
    change(client, writer, story, assignee=other.pk)
    story.refresh_from_db()
    assert story.assignee is None
    html = page(client.get(reverse("admin:articles_article_change", args=[story.pk])))
    assert "Assignment" in html
    assert 'name="assignee"' not in html


def test_the_list_filters_stories_assigned_to_me(client, editor):
    ArticleFactory(assignee=editor, headline="Mine to finish")
    ArticleFactory(headline="Someone else's")
    client.force_login(editor)
    html = page(client.get(reverse("admin:articles_article_changelist") + "?assignee=me"))
    assert "Mine to finish" in html
    assert "Someone else's" not in html


def test_the_list_filters_overdue_stories(client, editor):
    ArticleFactory(deadline=timezone.now() - timedelta(hours=1), headline="Late copy")
    ArticleFactory(deadline=timezone.now() + timedelta(days=3), headline="Plenty of time")
    client.force_login(editor)
    html = page(client.get(reverse("admin:articles_article_changelist") + "?deadline=overdue"))
    assert "Late copy" in html
    assert "Plenty of time" not in html


def test_the_list_filters_stories_due_today_in_the_sites_time_zone(client, editor):
    today = timezone.localdate()
    late_tonight = timezone.make_aware(
        timezone.datetime.combine(today, timezone.datetime.min.time()) + timedelta(hours=23)
    )
    ArticleFactory(deadline=late_tonight, headline="Due tonight")
    ArticleFactory(deadline=late_tonight + timedelta(hours=2), headline="Due tomorrow")
    client.force_login(editor)
    html = page(client.get(reverse("admin:articles_article_changelist") + "?deadline=today"))
    assert "Due tonight" in html
    assert "Due tomorrow" not in html


def test_the_dashboard_lists_what_is_assigned_to_me_and_what_is_overdue(client, editor):
    ArticleFactory(assignee=editor, headline="My assignment")
    ArticleFactory(deadline=timezone.now() - timedelta(days=1), headline="Missed the deadline")
    client.force_login(editor)
    html = page(client.get("/admin/"))
    assigned = html[html.index("<h3>Assigned to me</h3>") : html.index("<h3>Overdue</h3>")]
    assert "My assignment" in assigned
    assert "Missed the deadline" in html[html.index("<h3>Overdue</h3>") :]


def test_a_save_on_an_outdated_form_keeps_an_assignment_made_in_between(client, editor, writer):
    story = ArticleFactory()
    client.force_login(editor)
    opened = opened_form(client, story)
    assignments.assign(article=story, by=UserFactory(role="Editor"), assignee=writer)
    url = reverse("admin:articles_article_change", args=[story.pk])
    response = client.post(url, {**opened, "headline": "A sharper headline"})
    assert response.status_code == 302
    story.refresh_from_db()
    assert (story.headline, story.assignee) == ("A sharper headline", writer)


def test_two_editors_assigning_different_people_at_once_is_a_conflict(client, editor, writer):
    story = ArticleFactory()
    client.force_login(editor)
    opened = opened_form(client, story)
    assignments.assign(article=story, by=UserFactory(role="Editor"), assignee=writer)
    someone_else = UserFactory(role="Writer")
    url = reverse("admin:articles_article_change", args=[story.pk])
    response = client.post(url, {**opened, "assignee": someone_else.pk})
    assert response.status_code == 200
    assert "assignee" in page(response)
    story.refresh_from_db()
    assert story.assignee == writer


def test_the_deadline_is_a_named_date_box_and_time_box_with_its_label_on_the_date(client, editor):
    story = ArticleFactory(deadline=timezone.make_aware(timezone.datetime(2031, 3, 4, 17, 30)))
    client.force_login(editor)
    html = page(client.get(reverse("admin:articles_article_change", args=[story.pk])))
    assert '<label for="id_deadline_0">Deadline:</label>' in html
    assert (
        '<input type="date" name="deadline_0" value="2031-03-04" aria-label="Deadline: date"'
        in html
    )
    assert '<input type="time" name="deadline_1" value="17:30" aria-label="Deadline: time"' in html
