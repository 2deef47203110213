import pytest

from tests.factories import ArticleFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_reader_opens_the_home_page_and_follows_a_story_link(page):
    ArticleFactory(
        live=True,
        headline="Tram depot reopens as a public market",
        body="<p>Stalls opened at dawn in the old tram sheds.</p>",
    )
    page.goto("/")
    assert page.title().startswith("IndiaPost Live")
    page.get_by_role("link", name="Tram depot reopens as a public market").first.click()
    page.wait_for_url("**/news/**")
    assert page.locator("h1").inner_text() == "Tram depot reopens as a public market"
    assert page.get_by_text("Stalls opened at dawn in the old tram sheds.").is_visible()
