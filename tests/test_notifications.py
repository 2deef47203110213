"""articles/notifications.py: who is told what, when, and how (admin and email)."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from articles import assignments, notifications, tasks, workflow
from articles.models import Notification, NotificationSettings
from tests.factories import (
    ArticleFactory,
    AuthorFactory,
    NotificationFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def story(writer):
    return ArticleFactory(created_by=writer)


def told(user, kind: str | None = None) -> bool:
    found = Notification.objects.filter(recipient=user)
    return found.filter(kind=kind).exists() if kind else found.exists()


def in_review(story, writer, commit):
    with commit():
        workflow.submit(article=story, by=writer)
    Notification.objects.all().delete()
    mail.outbox.clear()
    return story


def test_a_submission_tells_every_editor(story, writer, editor, commit):
    other_editor = UserFactory(role="Editor")
    with commit():
        workflow.submit(article=story, by=writer)
    assert told(editor, "submitted")
    assert told(other_editor, "submitted")


def test_a_submission_tells_no_other_writer(story, writer, editor, commit):
    other_writer = UserFactory(role="Writer")
    with commit():
        workflow.submit(article=story, by=writer)
    assert not told(other_writer)
    assert not told(writer)


def test_nobody_is_told_before_the_transaction_commits(story, writer, editor, commit):
    with commit() as callbacks:
        workflow.submit(article=story, by=writer)
        assert not Notification.objects.exists()
        assert not mail.outbox
    assert callbacks
    assert told(editor)


def test_a_step_that_rolls_back_tells_nobody(
    story, writer, editor, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False):
        workflow.submit(article=story, by=writer)
    assert not Notification.objects.exists()


def test_changes_requested_tell_the_writer_and_the_bylined_staff_with_the_note(
    story, writer, editor, commit
):
    reporter = UserFactory(role="Writer")
    story.bylines.create(author=AuthorFactory(user=reporter), order=1)
    in_review(story, writer, commit)
    with commit():
        workflow.request_changes(article=story, by=editor, note="Check the second quote.")
    for user in (writer, reporter):
        assert Notification.objects.get(recipient=user).note == "Check the second quote."
    assert not told(editor)


def test_changes_requested_tell_the_writer_the_story_is_assigned_to(story, writer, editor, commit):
    assigned = UserFactory(role="Writer")
    story.assignee = assigned
    story.save()
    in_review(story, writer, commit)
    with commit():
        workflow.request_changes(article=story, by=editor, note="Add the minister's reply.")
    assert Notification.objects.get(recipient=assigned).note == "Add the minister's reply."


def test_the_one_who_acted_is_not_told(editor, commit):
    own = ArticleFactory(created_by=editor)
    with commit():
        workflow.publish(article=own, by=editor)
    assert not Notification.objects.exists()


@pytest.mark.parametrize(
    ("action", "kind"),
    [("approve", "approved"), ("unpublish", "unpublished"), ("schedule", "scheduled")],
)
def test_the_writer_is_told_when_their_story_moves_on(story, writer, editor, commit, action, kind):
    in_review(story, writer, commit)
    with commit():
        if action == "unpublish":
            workflow.approve(article=story, by=editor)
        if action == "schedule":
            workflow.schedule(article=story, by=editor, at=timezone.now() + timedelta(hours=2))
        else:
            workflow.act(action, article=story, by=editor)
    assert told(writer, kind)


def test_publishing_tells_the_writer(story, writer, editor, commit):
    with commit():
        workflow.publish(article=story, by=editor)
    assert told(writer, "published")


def test_inactive_staff_are_not_told(story, writer, editor, commit):
    editor.is_active = False
    editor.save()
    with commit():
        workflow.submit(article=story, by=writer)
    assert not told(editor)


def test_an_assignment_tells_the_assignee(story, editor, commit):
    reporter = UserFactory(role="Writer")
    with commit():
        assignments.assign(article=story, by=editor, assignee=reporter)
    assert told(reporter, "assigned")
    assert not told(editor)


def test_notify_can_tell_anyone_mentioned(story, editor, writer, commit):
    with commit():
        notifications.notify(
            "mentioned", article=story, actor=editor, recipients=[writer, editor], note="@you"
        )
    assert told(writer, "mentioned")
    assert not told(editor)


def test_the_email_has_text_and_html_with_the_link_and_the_note(story, writer, editor, commit):
    in_review(story, writer, commit)
    with commit():
        workflow.request_changes(article=story, by=editor, note="Shorten the <intro>.")
    (message,) = mail.outbox
    link = f"http://127.0.0.1:8000/admin/articles/article/{story.pk}/change/"
    assert message.to == [writer.email]
    assert story.headline in message.subject
    assert link in message.body
    assert "Shorten the <intro>." in message.body
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html"
    assert f'href="{link}"' in html
    assert "Shorten the &lt;intro&gt;." in html


def test_the_link_uses_the_sites_address(story, writer, editor, commit, settings):
    settings.NEWSROOM_SITE_URL = "https://news.example"
    with commit():
        workflow.submit(article=story, by=writer)
    assert f"https://news.example/admin/articles/article/{story.pk}/change/" in mail.outbox[0].body


def test_a_kind_turned_off_is_not_emailed_but_still_shown(story, writer, editor, commit):
    NotificationSettings.objects.create(user=editor, email_off=["submitted"])
    with commit():
        workflow.submit(article=story, by=writer)
    assert told(editor, "submitted")
    assert not mail.outbox


def test_a_scheduled_story_tells_its_writer_when_it_goes_live(story, writer, editor, commit):
    at = timezone.now() - timedelta(seconds=1)
    story.status, story.published_at = story.Status.PUBLISHED, at
    story.save()
    with commit():
        tasks.announce_live.call(article_id=story.pk, at=at.isoformat())
    assert told(writer, "live")


def test_the_go_live_notice_of_a_rescheduled_story_tells_nobody(story, writer, commit):
    at = timezone.now() - timedelta(seconds=1)
    story.status, story.published_at = story.Status.PUBLISHED, at + timedelta(hours=1)
    story.save()
    with commit():
        tasks.announce_live.call(article_id=story.pk, at=at.isoformat())
    assert not Notification.objects.exists()


def test_the_go_live_notice_of_an_unpublished_story_tells_nobody(story, writer, commit):
    at = timezone.now() - timedelta(seconds=1)
    story.published_at = at  # a draft again
    story.save()
    with commit():
        tasks.announce_live.call(article_id=story.pk, at=at.isoformat())
    assert not Notification.objects.exists()


def test_a_go_live_notice_run_twice_tells_each_writer_once(story, writer, commit):
    at = timezone.now() - timedelta(seconds=1)
    story.status, story.published_at = story.Status.PUBLISHED, at
    story.save()
    for _ in range(2):
        with commit():
            tasks.announce_live.call(article_id=story.pk, at=at.isoformat())
    assert Notification.objects.filter(recipient=writer, kind="live").count() == 1
    assert len(mail.outbox) == 1


def scheduled_and_now_live(story, editor, commit):
    """Schedule `story` a minute ahead, then let the minute pass."""
    at = timezone.now() + timedelta(minutes=1)
    with commit():
        workflow.schedule(article=story, by=editor, at=at)
    Notification.objects.all().delete()
    mail.outbox.clear()
    return at


def test_without_a_worker_the_admin_announces_a_story_that_went_live(
    client, story, writer, editor, commit, monkeypatch
):
    at = scheduled_and_now_live(story, editor, commit)
    monkeypatch.setattr(timezone, "now", lambda: at + timedelta(seconds=5))
    client.force_login(editor)
    with commit():
        client.get(reverse("admin:index"))
    assert told(writer, "live")
    assert mail.outbox[0].to == [writer.email]


def test_without_a_worker_a_story_is_announced_once(
    client, story, writer, editor, commit, monkeypatch
):
    at = scheduled_and_now_live(story, editor, commit)
    monkeypatch.setattr(timezone, "now", lambda: at + timedelta(seconds=5))
    client.force_login(editor)
    for _ in range(2):
        with commit():
            client.get(reverse("admin:index"))
    assert Notification.objects.filter(kind="live").count() == 1


def test_without_a_worker_a_story_not_yet_live_is_not_announced(
    client, story, writer, editor, commit
):
    scheduled_and_now_live(story, editor, commit)
    client.force_login(editor)
    with commit():
        client.get(reverse("admin:index"))
    assert not told(writer, "live")


def test_with_a_worker_the_admin_leaves_the_notice_to_it(
    client, story, writer, editor, commit, monkeypatch, settings
):
    at = scheduled_and_now_live(story, editor, commit)
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    monkeypatch.setattr(timezone, "now", lambda: at + timedelta(seconds=5))
    client.force_login(editor)
    with commit():
        client.get(reverse("admin:index"))
    assert not told(writer, "live")


def test_scheduling_queues_the_go_live_notice_for_that_time(story, editor, commit, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    from django_tasks_db.models import DBTaskResult

    at = (timezone.now() + timedelta(hours=3)).replace(microsecond=0)
    with commit():
        workflow.schedule(article=story, by=editor, at=at)
    job = DBTaskResult.objects.get(task_path="articles.tasks.announce_live")
    assert job.run_after == at
    assert job.args_kwargs["kwargs"] == {"article_id": story.pk, "at": at.isoformat()}


# The admin: the bell, the list, marking read, the email choices.


def test_the_bell_shows_the_unread_count_in_the_admin(client, editor):
    NotificationFactory.create_batch(2, recipient=editor)
    NotificationFactory(recipient=editor, read_at=timezone.now())
    client.force_login(editor)
    page = client.get(reverse("admin:index")).content.decode()
    assert 'class="notification-count">2<' in page
    assert reverse("notifications") in page


def change_form(client, article_id) -> str:
    return client.get(reverse("admin:articles_article_change", args=[article_id])).content.decode()


def test_a_story_told_about_offers_to_mark_its_notifications_read(client, editor):
    told_about = NotificationFactory(recipient=editor)
    client.force_login(editor)
    html = change_form(client, told_about.article_id)
    assert "1 unread notification about this story" in html
    assert "data-mark-read" in html


def test_opening_a_story_changes_nothing_until_the_form_is_sent(client, editor):
    told_about = NotificationFactory(recipient=editor)
    client.force_login(editor)
    change_form(client, told_about.article_id)
    told_about.refresh_from_db()
    assert told_about.read_at is None


def test_marking_a_story_read_marks_only_what_was_told_about_it(client, editor):
    opened, other = NotificationFactory(recipient=editor), NotificationFactory(recipient=editor)
    client.force_login(editor)
    response = client.post(
        reverse("notifications_read"),
        {"article": opened.article_id},
        HTTP_ACCEPT="application/json",
    )
    assert response.json() == {"ok": True, "marked": 1, "unread": 1}
    opened.refresh_from_db()
    other.refresh_from_db()
    assert opened.read_at is not None
    assert other.read_at is None


def test_marking_a_story_read_leaves_other_peoples_notifications_unread(client, editor):
    theirs = NotificationFactory(recipient=UserFactory(role="Editor"))
    client.force_login(editor)
    client.post(reverse("notifications_read"), {"article": theirs.article_id})
    theirs.refresh_from_db()
    assert theirs.read_at is None


def test_marking_read_without_javascript_goes_back_to_the_story(client, editor):
    told_about = NotificationFactory(recipient=editor)
    url = reverse("admin:articles_article_change", args=[told_about.article_id])
    client.force_login(editor)
    response = client.post(
        reverse("notifications_read"), {"article": told_about.article_id, "next": url}
    )
    assert response["Location"] == url


def test_marking_read_never_sends_anyone_off_the_site(client, editor):
    client.force_login(editor)
    response = client.post(
        reverse("notifications_read"), {"all": "1", "next": "https://evil.example/"}
    )
    assert response["Location"] == reverse("notifications")


def test_the_bell_is_quiet_with_nothing_unread(client, editor):
    client.force_login(editor)
    assert "notification-count" not in client.get(reverse("admin:index")).content.decode()


def test_the_notifications_page_lists_only_ones_own_with_links_to_the_story(client, editor):
    mine = NotificationFactory(recipient=editor)
    theirs = NotificationFactory()
    client.force_login(editor)
    page = client.get(reverse("notifications")).content.decode()
    assert reverse("admin:articles_article_change", args=[mine.article_id]) in page
    assert theirs.article.headline not in page


def test_mark_read_marks_one_notification(client, editor):
    first, second = NotificationFactory.create_batch(2, recipient=editor)
    client.force_login(editor)
    client.post(reverse("notifications_read"), {"notification": first.pk})
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.read_at is not None
    assert second.read_at is None


def test_mark_all_read_marks_only_ones_own(client, editor):
    NotificationFactory.create_batch(2, recipient=editor)
    theirs = NotificationFactory()
    client.force_login(editor)
    client.post(reverse("notifications_read"), {"all": "1"})
    assert not Notification.objects.filter(recipient=editor, read_at__isnull=True).exists()
    theirs.refresh_from_db()
    assert theirs.read_at is None


def test_the_settings_page_turns_an_email_off(client, editor):
    client.force_login(editor)
    kept = {name: "on" for name in notifications.KINDS if name != "submitted"}
    client.post(reverse("notification_settings"), kept)
    assert NotificationSettings.objects.get(user=editor).email_off == ["submitted"]


def test_the_settings_page_is_linked_from_the_notifications_page(client, editor):
    client.force_login(editor)
    assert reverse("notification_settings") in client.get(reverse("notifications")).content.decode()


def test_reader_pages_make_no_query_for_the_bell(client, editor, live_article):
    client.force_login(editor)
    assert "notification-count" not in client.get(live_article.get_absolute_url()).content.decode()
