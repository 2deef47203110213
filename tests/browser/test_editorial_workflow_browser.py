"""The editorial workflow as the newsroom lives it, in Chromium through the admin: a writer
writes and submits a story, an editor sends it back with a note, the writer fixes it, the
editor schedules it, and it goes live on the home page by itself when its time comes
(issue 4, "Tests"). And a writer cannot publish, by button or by forged request."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from articles.models import Article
from tests.browser import signin
from tests.factories import ArticleFactory, AuthorFactory, SectionFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

HEADLINE = "Monsoon floods close the old city bridge for a week"
NOTE = "Say who closed the bridge, and quote the traffic police."
QUOTE = "The traffic police closed the bridge: “Use the ring road,” they said."
CHANGELIST = reverse("admin:articles_article_changelist")


def sign_in(page, user) -> None:
    """Staff reach the admin through the site's sign-in page."""
    signin.sign_in(page, user)
    expect(page.locator("#user-tools")).to_contain_text("Welcome")


def press(page, label: str) -> None:
    """A button: the save buttons are shown twice (above and below the form), so the first."""
    page.get_by_role("button", name=label, exact=True).first.click()


def expect_message(page, text: str) -> None:
    expect(page.locator("ul.messagelist")).to_contain_text(text)


def expect_status(page, text: str) -> None:
    expect(page.locator(".field-status_badge .readonly")).to_have_text(text)


def body_editor(page):
    """The body's rich-text editor (the textarea behind it is hidden)."""
    editor = page.locator(".field-body .ProseMirror[contenteditable=true]")
    expect(editor).to_be_visible()
    return editor


def timeline_row(page, action: str):
    return page.locator("#timeline tbody tr").filter(has_text=action)


def test_a_story_goes_from_a_writer_through_review_to_the_home_page_at_its_time(
    new_page, monkeypatch
):
    writer = UserFactory(role="Writer", email="writer@example.com")
    AuthorFactory(user=writer, name="Meera Joshi")
    editor = UserFactory(role="Editor", email="editor@example.com")
    SectionFactory(name="Pune", slug="pune")
    SectionFactory(name="Mumbai", slug="mumbai")

    # 1. The writer signs in, writes the story and submits it.
    writing = new_page()
    sign_in(writing, writer)
    writing.goto(reverse("admin:articles_article_add"))
    writing.get_by_label("Headline").fill(HEADLINE)
    writing.keyboard.press("Tab")  # leaving the headline fills in the slug
    expect(writing.get_by_label("Slug")).to_have_value(
        "monsoon-floods-close-the-old-city-bridge-for-a-week"
    )
    writing.locator(".field-section .select2-selection").click()  # the autocomplete
    writing.locator(".select2-search__field").fill("Pun")
    writing.get_by_role("option", name="Pune", exact=True).click()
    writing.get_by_label("Summary").fill("The bridge carries most of the old city's traffic.")
    body_editor(writing).click()
    writing.keyboard.type("The river rose two metres overnight.")
    writing.get_by_label("Tags").fill("Monsoon, Traffic")
    press(writing, "Save and continue editing")
    # "added", or "changed" when the first autosave had already made it a draft
    expect_message(writing, re.compile("was (added|changed) successfully"))
    expect_status(writing, "Draft")
    story_page = writing.url  # the story's change page

    press(writing, "Submit for review")
    expect_message(writing, "Submitted for review.")
    expect_status(writing, "In review")
    expect(timeline_row(writing, "Submit")).to_contain_text("Draft → In review")
    # In review, the story is out of the writer's hands until an editor acts.
    expect(writing.get_by_role("button", name="Save", exact=True)).to_have_count(0)

    # 2. The editor finds it awaiting review and sends it back with a note.
    editing = new_page()
    sign_in(editing, editor)
    awaiting = editing.locator("h3:text-is('Awaiting review') + ul")
    awaiting.get_by_role("link", name=HEADLINE).click()
    expect(editing).to_have_url(story_page)
    expect_status(editing, "In review")
    editing.get_by_label("What should change?").fill(NOTE)
    press(editing, "Request changes")
    expect_message(editing, "Sent back to the writer with your note.")
    expect_status(editing, "Changes requested")

    writing.goto(reverse("admin:index"))
    sent_back_to_me = writing.locator("h3:text-is('Changes requested') + ul")
    sent_back_to_me.get_by_role("link", name=HEADLINE).click()
    expect(writing).to_have_url(story_page)
    expect_status(writing, "Changes requested")
    sent_back = timeline_row(writing, "Request changes")
    expect(sent_back).to_contain_text("In review → Changes requested")
    expect(sent_back).to_contain_text(NOTE)
    body = body_editor(writing)
    expect(body).to_have_text("The river rose two metres overnight.")
    body.click()
    writing.keyboard.press("Control+End")
    writing.keyboard.press("Enter")
    writing.keyboard.type(QUOTE)
    press(writing, "Save and continue editing")
    expect_message(writing, "was changed successfully")
    press(writing, "Submit for review")
    expect_message(writing, "Submitted for review.")
    expect_status(writing, "In review")

    # 3. The editor schedules it a few minutes ahead, in the site's time zone (Asia/Kolkata).
    real_now = timezone.now
    at = timezone.localtime(real_now() + timedelta(minutes=3))
    editing.goto(story_page)
    expect(editing.get_by_text("Time (Asia/Kolkata)")).to_be_visible()
    schedule = editing.locator(".workflow-schedule")
    schedule.get_by_label("Date").fill(at.strftime("%Y-%m-%d"))
    schedule.get_by_label("Time").fill(at.strftime("%H:%M"))
    press(editing, "Schedule")
    when = f"{at.day} {at:%B, %Y} {at.hour % 12 or 12}:{at:%M %p}"  # "26 November, 2026 6:31 PM"
    expect_message(editing, f"Scheduled for {when}.")
    editing.goto(CHANGELIST)
    row = editing.get_by_role("row").filter(has_text=HEADLINE)
    expect(row.locator(".status")).to_have_text(f"Scheduled for {when}")
    expect(row.locator(".field-live_link")).to_have_text("—")

    # A reader cannot see it yet: not on the home page, and its address is not found.
    url = Article.objects.get(headline=HEADLINE).get_absolute_url()
    reader = new_page()
    reader.goto("/")
    expect(reader.get_by_role("heading", level=1)).to_be_attached()
    expect(reader.get_by_role("link", name=HEADLINE)).to_have_count(0)
    assert reader.goto(url).status == 404

    # 4. Its time comes. The live server answers from a thread of this process, and the app
    # reads the clock as `timezone.now()`, looked up on the module at each call (querysets'
    # `live()`, `Article.is_live`/`is_scheduled`, the workflow), so moving that function ten
    # minutes on moves the server's clock without writing a field of the story. (Model
    # defaults hold the real function: they only stamp new rows.) Nobody presses anything.
    monkeypatch.setattr("django.utils.timezone.now", lambda: real_now() + timedelta(minutes=10))
    # A fresh reader: the home page may be kept by a browser for a minute (cache-control).
    reader = new_page()
    reader.goto("/")
    reader.get_by_role("main").get_by_role("link", name=HEADLINE).first.click()
    expect(reader).to_have_url(re.compile(re.escape(url) + "$"))
    expect(reader.get_by_role("heading", level=1, name=HEADLINE)).to_be_visible()
    expect(reader.get_by_text("The river rose two metres overnight.")).to_be_visible()
    expect(reader.get_by_text(QUOTE)).to_be_visible()

    editing.goto(CHANGELIST)
    expect(row.locator(".status")).to_have_text("Published")
    expect(row.get_by_role("link", name="View")).to_have_attribute("href", url)


def test_a_writer_cannot_publish_their_draft_by_button_or_by_a_forged_request(page):
    writer = UserFactory(role="Writer")
    story = ArticleFactory(
        headline="Ward elections move to March",
        created_by=writer,
        authors=[AuthorFactory(user=writer)],
    )
    sign_in(page, writer)
    page.goto(reverse("admin:articles_article_change", args=[story.pk]))
    expect_status(page, "Draft")
    expect(page.get_by_role("button", name="Submit for review")).to_be_visible()
    for label in ("Publish now", "Schedule", "Approve and publish"):
        expect(page.get_by_role("button", name=label)).to_have_count(0)

    token = next(c["value"] for c in page.context.cookies() if c["name"] == "csrftoken")
    response = page.request.post(
        reverse("admin:articles_article_workflow", args=[story.pk, "publish"]),
        headers={"X-CSRFToken": token, "Referer": page.url},
    )
    assert response.ok  # the refusal is shown on the story's page, where the redirect leads
    assert "You are not allowed to “publish now”." in response.text()

    page.reload()
    expect_status(page, "Draft")
    expect(page.locator("#timeline")).to_contain_text("Nothing has happened to this story yet.")
    story.refresh_from_db()
    assert (story.status, story.published_at) == (Article.Status.DRAFT, None)
