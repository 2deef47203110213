"""The editorial calendar in Chromium (issue 14): an editor drags a scheduled story to
another day and it is rescheduled; a drag into the past is refused, the reason is shown and
the story goes back; the day buttons work from the keyboard; a story in review is scheduled
from the list beside the calendar; axe finds no WCAG violation."""

from datetime import datetime, time, timedelta

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from articles.models import Article
from tests.browser import signin
from tests.factories import ArticleFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CALENDAR = reverse("admin:articles_article_calendar")
WCAG_A_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def local(day, hour: int, minute: int = 0) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour, minute)))


def cell(page, day, hour: int | None = None):
    selector = f'td.calendar-day[data-date="{day.isoformat()}"]'
    if hour is not None:
        selector += f'[data-hour="{hour}"]'
    return page.locator(selector)


def card(page, story):
    return page.locator(f'.calendar-card[data-story="{story.pk}"]')


@pytest.fixture
def editor_page(new_page):
    page = new_page()
    signin.sign_in(page, UserFactory(role="Editor", email="desk@example.com"))
    return page


def test_an_editor_drags_a_scheduled_story_to_another_day(editor_page):
    page = editor_page
    day = timezone.localdate().replace(day=15) + timedelta(days=365)
    story = ArticleFactory(
        headline="Budget day coverage",
        status=Article.Status.PUBLISHED,
        published_at=local(day, 10, 30),
    )
    target = day + timedelta(days=2)
    page.goto(f"{CALENDAR}?date={day.isoformat()}")
    card(page, story).drag_to(cell(page, target))
    expect(page.locator("ul.messagelist")).to_contain_text("now goes live")
    expect(cell(page, target)).to_contain_text("Budget day coverage")
    story.refresh_from_db()
    assert story.published_at == local(target, 10, 30)


def test_dragging_a_story_into_the_past_is_refused_and_it_goes_back(editor_page):
    page = editor_page
    now = timezone.localtime()
    soon = now + timedelta(hours=3)
    monday = soon.date() - timedelta(days=soon.weekday())
    if now.date() < monday or now.hour == 0:
        pytest.skip("The hour before this one is not in the story's week right now.")
    story = ArticleFactory(
        headline="Evening bulletin", status=Article.Status.PUBLISHED, published_at=soon
    )
    page.goto(f"{CALENDAR}?view=week&date={soon.date().isoformat()}")
    home = cell(page, soon.date(), soon.hour)
    # The hour before this one: close enough that both rows fit the window (a drag that
    # must scroll the page, from the evening to midnight, lost its drop).
    card(page, story).drag_to(cell(page, now.date(), now.hour - 1))
    expect(page.locator("#calendar-status")).to_contain_text("future")
    expect(home).to_contain_text("Evening bulletin")
    before = story.published_at
    story.refresh_from_db()
    assert story.published_at == before


def test_a_story_moves_to_the_next_day_from_the_keyboard(editor_page):
    page = editor_page
    day = timezone.localdate().replace(day=10) + timedelta(days=365)
    story = ArticleFactory(
        headline="Election results", status=Article.Status.PUBLISHED, published_at=local(day, 9)
    )
    page.goto(f"{CALENDAR}?date={day.isoformat()}")
    button = page.get_by_role("button", name="Move “Election results” to the next day")
    button.focus()
    page.keyboard.press("Enter")
    expect(page.locator("ul.messagelist")).to_contain_text("now goes live")
    expect(cell(page, day + timedelta(days=1))).to_contain_text("Election results")
    story.refresh_from_db()
    assert story.published_at == local(day + timedelta(days=1), 9)


@pytest.mark.parametrize("view", ["month", "week"])
def test_the_calendar_has_no_wcag_violations(editor_page, view):
    page = editor_page
    day = timezone.localdate() + timedelta(days=1)
    ArticleFactory(
        headline="Tomorrow's lead", status=Article.Status.PUBLISHED, published_at=local(day, 8)
    )
    ArticleFactory(headline="Due tomorrow", deadline=local(day, 17))
    ArticleFactory(headline="Waiting in review", status=Article.Status.IN_REVIEW)
    page.goto(f"{CALENDAR}?view={view}&date={day.isoformat()}")
    expect(page.locator(".calendar-waiting")).to_contain_text("Waiting in review")
    options = {"runOnly": {"type": "tag", "values": WCAG_A_AA}, "resultTypes": ["violations"]}
    results = Axe().run(page, context="#content-main", options=options).response
    found = [
        f"{v['id']}: {v['help']} {[n['target'] for n in v['nodes']]}" for v in results["violations"]
    ]
    assert found == []


def test_an_editor_schedules_a_story_in_review_from_beside_the_calendar(editor_page):
    page = editor_page
    story = ArticleFactory(headline="Harbour dredging report", status=Article.Status.IN_REVIEW)
    day = timezone.localdate() + timedelta(days=3)
    page.goto(f"{CALENDAR}?date={day.isoformat()}")
    waiting = page.locator(f'.calendar-waiting [data-story="{story.pk}"]')
    waiting.get_by_label("Time for “Harbour dredging report” to go live").fill(
        f"{day.isoformat()}T07:45"
    )
    waiting.get_by_role("button", name="Schedule “Harbour dredging report”").click()
    expect(page.locator("ul.messagelist")).to_contain_text("now goes live")
    expect(card(page, story)).to_contain_text("Scheduled 07:45")
    story.refresh_from_db()
    assert story.published_at == local(day, 7, 45)
