"""Issue 14's "Done when", walked through in Chromium by a writer and an editor, each in a
browser of their own: the writer submits; the editor sees the bell and an email and sends the
story back with a note; the writer gets the note by email and at the top of the form, and
resubmits; the editor assigns another story with a deadline, schedules both from the calendar
(the one in review from the list beside it, the assigned one from its "due" card) and moves
them there, and shares a preview link that opens in a private window (no cookies).

The live server answers from a thread of this process with the locmem email backend and the
immediate task backend (tests/conftest.py), so the emails land in `mailoutbox` as they are
sent."""

import re
from datetime import date, datetime, time, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from articles.models import Article, Notification
from tests.browser import signin
from tests.factories import ArticleFactory, AuthorFactory, SectionFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

FIRST = "Night buses to run every twenty minutes on the ring road"
SECOND = "Lake clean-up volunteers pull two tonnes of plastic in a morning"
NOTE = "Who decided this? Name the transport board and give the start date."
ADDED = "The transport board says the new timetable starts on the first of the month."
CALENDAR = reverse("admin:articles_article_calendar")


def change_url(story) -> str:
    return reverse("admin:articles_article_change", args=[story.pk])


def local(day: date, hour: int, minute: int = 0) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour, minute)))


def sign_in(page, user) -> None:
    signin.sign_in(page, user)
    expect(page.locator("#user-tools")).to_contain_text("Welcome")


def press(page, label: str) -> None:
    """A button: the save buttons are shown twice (above and below the form), so the first."""
    page.get_by_role("button", name=label, exact=True).first.click()


def expect_message(page, text) -> None:
    expect(page.locator("ul.messagelist")).to_contain_text(text)


def expect_status(page, text: str) -> None:
    expect(page.locator(".field-status_badge .readonly")).to_have_text(text)


def expect_unread(page, count: int) -> None:
    expect(page.locator(".notification-bell .notification-count")).to_have_text(str(count))


def open_notification(page, says: str) -> None:
    """From the bell to the notifications page, and on to the story it is about, which
    marks what was told about it read (the bell's count drops)."""
    page.get_by_role("link", name=re.compile(r"Notifications")).click()
    expect(page).to_have_url(re.compile(r"/admin/notifications/$"))
    page.get_by_role("link", name=says).first.click()
    expect(page.locator("form[data-mark-read]")).to_have_count(0)
    expect(page.locator(".notification-bell .notification-count")).to_have_count(0)


def emails_to(outbox, user) -> list:
    return [message for message in outbox if message.to == [user.email]]


def schedule_from(card, day: date, at: str) -> None:
    """Schedule a calendar card's story with its own time box and button."""
    card.locator('input[name="at"]').fill(f"{day.isoformat()}T{at}")
    card.get_by_role("button", name=re.compile("^Schedule")).click()


def card(page, story):
    return page.locator(f'.calendar-card--scheduled[data-story="{story.pk}"]')


def cell(page, day: date):
    return page.locator(f'td.calendar-day[data-date="{day.isoformat()}"]')


def test_the_desk_from_submission_to_a_shared_preview(new_page, mailoutbox):
    writer = UserFactory(role="Writer", name="Meera Joshi", email="meera@example.com")
    editor = UserFactory(role="Editor", name="Kabir Sen", email="kabir@example.com")
    byline = AuthorFactory(user=writer, name="Meera Joshi")
    section = SectionFactory(name="City", slug="city")
    first = ArticleFactory(
        headline=FIRST,
        section=section,
        created_by=writer,
        authors=[byline],
        body="<p>Buses will leave the central depot through the night.</p>",
    )
    second = ArticleFactory(headline=SECOND, section=section, authors=[AuthorFactory()])
    # The 10th of next month: far enough ahead, with days after it in the same month grid.
    day = (timezone.localdate().replace(day=1) + timedelta(days=32)).replace(day=10)
    next_day = day + timedelta(days=1)

    # The editor's screen is a tall desk monitor: a drag that must scroll the page on the
    # way is more than Playwright's mouse does, and a month with three stories on one day
    # is taller than the default 720 pixels.
    writing, editing = new_page(), new_page(viewport={"width": 1280, "height": 1400})
    sign_in(writing, writer)
    sign_in(editing, editor)

    # 1. The writer submits her draft from its form.
    writing.goto(change_url(first))
    expect_status(writing, "Draft")
    press(writing, "Submit for review")
    expect_message(writing, "Submitted for review.")
    expect_status(writing, "In review")

    # 2. The editor sees the bell and an email, and the notification takes him to the story.
    submitted = f"Meera Joshi submitted “{FIRST}” for review"
    (email,) = emails_to(mailoutbox, editor)
    assert email.subject == submitted
    assert change_url(first) in email.body
    editing.goto(reverse("admin:index"))
    expect_unread(editing, 1)
    open_notification(editing, submitted)
    expect(editing).to_have_url(re.compile(re.escape(change_url(first)) + "$"))
    expect_status(editing, "In review")

    # 3. He sends it back with a note; she gets it by email, in the admin and on the form.
    editing.get_by_label("What should change?").fill(NOTE)
    press(editing, "Request changes")
    expect_message(editing, "Sent back to the writer with your note.")
    expect_status(editing, "Changes requested")
    sent_back = f"Kabir Sen asked for changes to “{FIRST}”"
    (email,) = emails_to(mailoutbox, writer)
    assert email.subject == sent_back
    assert NOTE in email.body

    writing.goto(reverse("admin:index"))
    expect_unread(writing, 1)
    open_notification(writing, sent_back)
    expect(writing).to_have_url(re.compile(re.escape(change_url(first)) + "$"))
    top = writing.locator("#changes-requested")
    expect(top).to_contain_text("Kabir Sen asked for changes on")
    expect(top.locator("blockquote")).to_have_text(NOTE)

    body = writing.locator(".field-body .ProseMirror[contenteditable=true]")
    body.click()
    writing.keyboard.press("Control+End")
    writing.keyboard.press("Enter")
    writing.keyboard.type(ADDED)
    press(writing, "Submit for review")
    expect_message(writing, "Your changes were saved. Submitted for review.")
    expect_status(writing, "In review")
    expect(writing.locator("#changes-requested")).to_have_count(0)
    first.refresh_from_db()
    assert ADDED in first.body
    assert len(emails_to(mailoutbox, editor)) == 2  # the second submission

    # 4. The editor assigns another story to her, due on the day, from its form.
    editing.goto(change_url(second))
    editing.get_by_label("Assignee").select_option(label="Meera Joshi")
    editing.get_by_label("Deadline: date").fill(day.isoformat())
    editing.get_by_label("Deadline: time").fill("17:30")
    press(editing, "Save and continue editing")
    expect_message(editing, "was changed successfully")
    second.refresh_from_db()
    assert (second.assignee, second.deadline) == (writer, local(day, 17, 30))
    assigned = f"Kabir Sen assigned “{SECOND}” to you"
    assert Notification.objects.filter(recipient=writer, kind="assigned", article=second).exists()
    assert [m.subject for m in emails_to(mailoutbox, writer)][-1] == assigned
    writing.goto(reverse("admin:index"))
    open_notification(writing, assigned)
    expect(writing).to_have_url(re.compile(re.escape(change_url(second)) + "$"))

    # 5. The editor schedules both from the calendar: the story in review from the list
    # beside it, the assigned one from its card on the day it is due.
    editing.goto(f"{CALENDAR}?date={day.isoformat()}")
    waiting = editing.locator(f'.calendar-waiting [data-story="{first.pk}"]')
    expect(waiting).to_contain_text("In review")
    schedule_from(waiting, day, "09:00")
    expect_message(editing, f"“{FIRST}” now goes live")
    due = cell(editing, day).locator(f'.calendar-card--due[data-story="{second.pk}"]')
    expect(due).to_contain_text("Due 17:30")
    schedule_from(due, day, "12:00")
    expect_message(editing, f"“{SECOND}” now goes live")
    # She is told of both: one is hers, the other is assigned to her.
    for story in (first, second):
        assert Notification.objects.filter(recipient=writer, kind="scheduled", article=story)

    editing.goto(f"{CALENDAR}?date={day.isoformat()}")
    expect(card(editing, first)).to_contain_text("Scheduled 09:00")
    card(editing, first).drag_to(cell(editing, next_day))
    expect_message(editing, f"“{FIRST}” now goes live")
    expect(cell(editing, next_day)).to_contain_text(FIRST)
    move = editing.get_by_role("button", name=f"Move “{SECOND}” to the next day")
    move.focus()
    editing.keyboard.press("Enter")
    expect_message(editing, f"“{SECOND}” now goes live")
    expect(cell(editing, next_day).locator(".calendar-card--scheduled")).to_have_count(2)
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.status, first.published_at) == (Article.Status.PUBLISHED, local(next_day, 9))
    assert (second.status, second.published_at) == (Article.Status.PUBLISHED, local(next_day, 12))
    assert first.is_scheduled and second.is_scheduled

    # 6. He shares a preview link; it opens in a private window, signed in as nobody.
    editing.goto(change_url(first))
    editing.get_by_role("button", name="Create preview link").click()
    expect_message(editing, "Preview link created")
    link = editing.locator("#preview-links .preview-link-url").first.input_value()
    assert "/admin/" not in link

    # The desk is done: its pages leave the site, so nothing of theirs (autosave,
    # presence) is still talking to the server when the test ends.
    for done in (writing, editing):
        done.goto("about:blank")
    private = new_page()
    assert private.context.cookies() == []
    response = private.goto(link)
    assert response.status == 200
    assert response.headers["x-robots-tag"] == "noindex"
    expect(private.get_by_role("heading", level=1)).to_have_text(FIRST)
    expect(private.locator(".preview-banner")).to_contain_text("Preview")
    expect(private.locator(".preview-banner")).to_contain_text("scheduled for")
    expect(private.get_by_text(ADDED)).to_be_visible()
    expect(private.locator('meta[name="robots"]')).to_have_attribute(
        "content", re.compile("noindex")
    )
    assert private.context.cookies() == []  # a reader's page: nothing is set either
