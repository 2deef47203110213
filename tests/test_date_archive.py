"""Stories by publication date: /archive/<year>/[<month>/[<day>/]] (articles.date_archive)."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

KOLKATA = ZoneInfo("Asia/Kolkata")


def at(*parts) -> datetime:
    return datetime(*parts, tzinfo=KOLKATA)


def headlines(response) -> list[str]:
    return [article.headline for article in response.context["articles"]]


def test_a_month_lists_the_live_stories_published_in_it(client):
    ArticleFactory(live=True, headline="Monsoon arrives early", published_at=at(2024, 10, 5, 9))
    ArticleFactory(live=True, headline="September story", published_at=at(2024, 9, 30, 23, 59))
    ArticleFactory(headline="October draft")
    response = client.get("/archive/2024/10/")
    assert response.status_code == 200
    assert headlines(response) == ["Monsoon arrives early"]
    assert "Stories from October 2024" in response.text


def test_a_month_is_counted_in_the_sites_time_not_utc(client):
    # 00:30 on 1 November in India is still 31 October in UTC.
    ArticleFactory(live=True, headline="Just after midnight", published_at=at(2024, 11, 1, 0, 30))
    assert headlines(client.get("/archive/2024/10/")) == []
    assert headlines(client.get("/archive/2024/11/")) == ["Just after midnight"]


def test_a_day_and_a_year_list_their_stories(client):
    ArticleFactory(live=True, headline="Budget day", published_at=at(2024, 2, 1, 11))
    ArticleFactory(live=True, headline="Next day", published_at=at(2024, 2, 2, 11))
    assert headlines(client.get("/archive/2024/02/01/")) == ["Budget day"]
    assert headlines(client.get("/archive/2024/")) == ["Next day", "Budget day"]


def test_a_december_ends_at_the_new_year(client):
    ArticleFactory(live=True, headline="New Year's Eve", published_at=at(2024, 12, 31, 22))
    ArticleFactory(live=True, headline="New Year's Day", published_at=at(2025, 1, 1, 1))
    assert headlines(client.get("/archive/2024/12/")) == ["New Year's Eve"]


def test_an_empty_month_says_so(client):
    response = client.get("/archive/2020/03/")
    assert response.status_code == 200
    assert "No stories were published in March 2020." in response.text


@pytest.mark.parametrize(
    "path", ["/archive/2024/13/", "/archive/2024/02/30/", "/archive/0/", "/archive/99999/"]
)
def test_a_date_that_does_not_exist_is_404(client, path):
    assert client.get(path).status_code == 404
