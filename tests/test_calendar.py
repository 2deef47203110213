"""The editorial calendar in the admin (issue 14): month and week views in the site's time
zone, its filters, and rescheduling a story by moving it."""

import json
from datetime import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from lxml import html as lxml_html

from articles.models import Article
from tests.factories import ArticleFactory, SectionFactory, UserFactory
from tests.html import page

pytestmark = pytest.mark.django_db

CALENDAR = reverse("admin:articles_article_calendar")


def local(text: str) -> datetime:
    """A time in the site's time zone (Asia/Kolkata)."""
    return timezone.make_aware(datetime.fromisoformat(text))


def move_url(story) -> str:
    return reverse("admin:articles_article_calendar_move", args=[story.pk])


def day_cell(html: str, day: str) -> str:
    start = html.index(f'data-date="{day}"')
    return html[start : html.index("</td>", start)]


@pytest.fixture
def editor(editor, client):
    """Conftest's editor, signed in on `client`."""
    client.force_login(editor)
    return editor


@pytest.fixture
def scheduled():
    """A story scheduled for 10:00 on the 15th of next year's March, site time."""
    year = timezone.localdate().year + 1
    return ArticleFactory(
        headline="Budget day coverage",
        status=Article.Status.PUBLISHED,
        published_at=local(f"{year}-03-15T10:00"),
    )


def test_the_month_view_shows_a_scheduled_story_on_its_day(client, editor, scheduled):
    year = scheduled.published_at.year
    html = page(client.get(CALENDAR, {"date": f"{year}-03-01"}))
    assert "Budget day coverage" in day_cell(html, f"{year}-03-15")


def test_days_are_cut_at_midnight_in_the_sites_time_zone(client, editor):
    # 20:00 UTC on the 9th is 01:30 on the 10th in Kolkata.
    year = timezone.localdate().year + 1
    ArticleFactory(
        headline="Late night story",
        status=Article.Status.PUBLISHED,
        published_at=datetime.fromisoformat(f"{year}-06-09T20:00+00:00"),
    )
    html = page(client.get(CALENDAR, {"date": f"{year}-06-01"}))
    assert "Late night story" in day_cell(html, f"{year}-06-10")
    assert "Late night story" not in day_cell(html, f"{year}-06-09")


def test_the_week_view_places_a_story_at_its_hour(client, editor, scheduled):
    year = scheduled.published_at.year
    html = page(client.get(CALENDAR, {"view": "week", "date": f"{year}-03-15"}))
    start = html.index(f'data-date="{year}-03-15" data-hour="10"')
    assert "Budget day coverage" in html[start : html.index("</td>", start)]


def test_the_calendar_shows_when_a_story_is_due(client, editor):
    year = timezone.localdate().year + 1
    ArticleFactory(headline="Interview write-up", deadline=local(f"{year}-04-02T18:00"))
    html = page(client.get(CALENDAR, {"date": f"{year}-04-01"}))
    assert "Interview write-up" in day_cell(html, f"{year}-04-02")


def test_the_calendar_filters_by_section(client, editor, scheduled):
    year = scheduled.published_at.year
    other = SectionFactory()
    html = page(client.get(CALENDAR, {"date": f"{year}-03-01", "section": other.pk}))
    assert "Budget day coverage" not in html


def test_the_calendar_filters_by_assignee(client, editor, scheduled):
    year = scheduled.published_at.year
    ArticleFactory(
        headline="Assigned to me",
        assignee=editor,
        status=Article.Status.PUBLISHED,
        published_at=local(f"{year}-03-16T09:00"),
    )
    html = page(client.get(CALENDAR, {"date": f"{year}-03-01", "assignee": "me"}))
    assert "Assigned to me" in html
    assert "Budget day coverage" not in html


def test_a_bad_date_in_the_address_shows_this_month(client, editor):
    assert client.get(CALENDAR, {"date": "not-a-date", "view": "year"}).status_code == 200


def test_previous_and_next_links_go_a_month_either_way(client, editor):
    html = page(client.get(CALENDAR, {"date": "2031-01-15"}))
    assert "date=2030-12-01" in html
    assert "date=2031-02-01" in html


def test_a_writer_sees_only_their_own_stories_on_the_calendar(client, scheduled):
    writer = UserFactory(role="Writer")
    year = scheduled.published_at.year
    ArticleFactory(
        created_by=writer, headline="My draft due", deadline=local(f"{year}-03-20T12:00")
    )
    client.force_login(writer)
    html = page(client.get(CALENDAR, {"date": f"{year}-03-01"}))
    assert "My draft due" in html
    assert "Budget day coverage" not in html


def test_a_reader_cannot_open_the_calendar(client):
    client.force_login(UserFactory())
    assert client.get(CALENDAR).status_code == 302


def test_an_editor_moves_a_scheduled_story_to_another_day_keeping_its_time(
    client, editor, scheduled
):
    year = scheduled.published_at.year
    response = client.post(
        move_url(scheduled), {"date": f"{year}-03-18"}, HTTP_ACCEPT="application/json"
    )
    assert response.status_code == 200
    assert json.loads(response.content)["date"] == f"{year}-03-18"
    scheduled.refresh_from_db()
    assert scheduled.published_at == local(f"{year}-03-18T10:00")


def test_an_editor_moves_a_scheduled_story_to_another_time(client, editor, scheduled):
    year = scheduled.published_at.year
    client.post(move_url(scheduled), {"at": f"{year}-03-16T14:00"}, HTTP_ACCEPT="application/json")
    scheduled.refresh_from_db()
    assert scheduled.published_at == local(f"{year}-03-16T14:00")


def test_the_next_day_button_moves_a_story_without_javascript(client, editor, scheduled):
    response = client.post(move_url(scheduled), {"shift": "1", "next": CALENDAR + "?view=week"})
    assert response.status_code == 302
    assert response["Location"] == CALENDAR + "?view=week"
    scheduled.refresh_from_db()
    assert timezone.localtime(scheduled.published_at).day == 16


def test_moving_a_story_into_the_past_is_refused_with_the_reason(client, editor, scheduled):
    response = client.post(
        move_url(scheduled), {"date": "2001-01-01"}, HTTP_ACCEPT="application/json"
    )
    assert response.status_code == 400
    assert "future" in json.loads(response.content)["error"]
    before = scheduled.published_at
    scheduled.refresh_from_db()
    assert scheduled.published_at == before


def due(status=Article.Status.IN_REVIEW, **kwargs) -> Article:
    year = timezone.localdate().year + 1
    return ArticleFactory(
        headline="Monsoon session preview",
        status=status,
        deadline=local(f"{year}-03-16T17:30"),
        **kwargs,
    )


def test_an_editor_schedules_a_due_story_from_its_card(client, editor):
    story = due()
    year = timezone.localdate().year + 1
    response = client.post(
        move_url(story), {"at": f"{year}-03-17T08:15"}, HTTP_ACCEPT="application/json"
    )
    assert response.json()["ok"]
    story.refresh_from_db()
    assert (story.status, story.published_at) == (
        Article.Status.PUBLISHED,
        local(f"{year}-03-17T08:15"),
    )


def test_a_due_card_offers_a_time_and_a_schedule_button_but_no_drag(client, editor):
    story = due()
    year = timezone.localdate().year + 1
    html = client.get(f"{CALENDAR}?date={year}-03-16").content.decode()
    (card,) = lxml_html.fromstring(day_cell(html, f"{year}-03-16")).xpath(
        f'//li[@data-story="{story.pk}"]'
    )
    assert card.xpath('.//input[@name="at"]/@value') == [f"{year}-03-16T17:30"]
    assert card.xpath('.//button[@class="calendar-set"]/text()') == ["Schedule"]
    assert card.get("draggable") is None


def test_a_live_story_cannot_be_moved_on_the_calendar(client, editor):
    story = ArticleFactory(live=True)
    before = story.published_at
    response = client.post(
        move_url(story), {"at": "2040-01-01T10:00"}, HTTP_ACCEPT="application/json"
    )
    assert response.status_code == 400
    story.refresh_from_db()
    assert story.published_at == before


def test_a_writer_cannot_schedule_a_due_story_from_the_calendar(client):
    writer = UserFactory(role="Writer")
    story = due(assignee=writer)
    client.force_login(writer)
    response = client.post(
        move_url(story), {"at": "2040-01-01T10:00"}, HTTP_ACCEPT="application/json"
    )
    assert response.status_code == 400
    story.refresh_from_db()
    assert story.status == Article.Status.IN_REVIEW


def test_a_writer_cannot_move_a_scheduled_story(client, scheduled):
    writer = UserFactory(role="Writer")
    scheduled.assignee = writer
    scheduled.save()
    client.force_login(writer)
    response = client.post(move_url(scheduled), {"shift": "1"}, HTTP_ACCEPT="application/json")
    assert response.status_code == 400
    before = scheduled.published_at
    scheduled.refresh_from_db()
    assert scheduled.published_at == before


def test_the_move_endpoint_refuses_a_get(client, editor, scheduled):
    assert client.get(move_url(scheduled)).status_code == 405


def test_the_move_endpoint_never_redirects_off_the_site(client, editor, scheduled):
    response = client.post(move_url(scheduled), {"shift": "1", "next": "https://evil.example/"})
    assert response["Location"] == CALENDAR


def test_the_article_list_links_to_the_calendar(client, editor):
    html = page(client.get(reverse("admin:articles_article_changelist")))
    assert f'href="{CALENDAR}"' in html


def waiting_panel(html: str) -> str:
    start = html.index('class="calendar-waiting"')
    return html[start : html.index("</section>", start)]


def test_stories_in_review_wait_beside_the_calendar_with_a_schedule_button(client, editor):
    story = ArticleFactory(headline="Port strike explainer", status=Article.Status.IN_REVIEW)
    ArticleFactory(headline="Still a draft")
    panel = waiting_panel(client.get(CALENDAR).content.decode())
    assert "Port strike explainer" in panel
    assert "Still a draft" not in panel
    assert move_url(story) in panel
    assert ">Schedule</button>" in panel


def test_the_waiting_stories_follow_the_section_filter(client, editor):
    kept, other = SectionFactory(), SectionFactory()
    ArticleFactory(headline="Kept in review", section=kept, status=Article.Status.IN_REVIEW)
    ArticleFactory(headline="Other in review", section=other, status=Article.Status.IN_REVIEW)
    panel = waiting_panel(client.get(f"{CALENDAR}?section={kept.pk}").content.decode())
    assert "Kept in review" in panel
    assert "Other in review" not in panel


def test_a_writer_sees_no_stories_waiting_to_be_scheduled(client):
    writer = UserFactory(role="Writer")
    ArticleFactory(created_by=writer, status=Article.Status.IN_REVIEW)
    client.force_login(writer)
    assert 'class="calendar-waiting"' not in client.get(CALENDAR).content.decode()
