"""One address per page of a list: `?page=N`, the bare address for page 1, anything else a
404; each page its own canonical, with its neighbours linked in the head (issue 13)."""

import pytest

from articles.pagination import PER_PAGE
from tests.factories import ArticleFactory, SectionFactory
from tests.html import between, page

pytestmark = pytest.mark.django_db

SECTION = "/section/metro/"


@pytest.fixture
def three_pages():
    section = SectionFactory(name="Metro", slug="metro")
    ArticleFactory.create_batch(2 * PER_PAGE + 1, live=True, section=section)


def head(response) -> str:
    return between(page(response), "<head>", "</head>")


def test_page_two_of_a_list_is_its_own_canonical(client, three_pages):
    html = head(client.get(SECTION, {"page": 2}))
    assert f'<link rel="canonical" href="http://testserver{SECTION}?page=2">' in html


def test_page_two_of_a_list_gives_its_own_address_as_og_url(client, three_pages):
    html = head(client.get(SECTION, {"page": 2}))
    assert f'<meta property="og:url" content="http://testserver{SECTION}?page=2">' in html


def test_page_one_of_a_list_is_the_bare_address_as_its_canonical(client, three_pages):
    html = head(client.get(SECTION))
    assert f'<link rel="canonical" href="http://testserver{SECTION}">' in html


def test_page_one_asked_for_by_number_is_redirected_to_the_bare_address(client, three_pages):
    response = client.get(SECTION, {"page": "1"})
    assert response.status_code == 301
    assert response["Location"] == SECTION


def test_a_middle_page_links_its_neighbours_in_the_head(client, three_pages):
    html = head(client.get(SECTION, {"page": 2}))
    assert f'<link rel="prev" href="http://testserver{SECTION}">' in html
    assert f'<link rel="next" href="http://testserver{SECTION}?page=3">' in html


def test_the_first_and_last_pages_link_only_the_neighbour_they_have(client, three_pages):
    first, last = head(client.get(SECTION)), head(client.get(SECTION, {"page": 3}))
    assert 'rel="prev"' not in first and 'rel="next"' in first
    assert 'rel="prev"' in last and 'rel="next"' not in last


def test_the_newer_link_of_page_two_goes_to_the_bare_address(client, three_pages):
    html = page(client.get(SECTION, {"page": 2}))
    assert f'<a rel="prev" href="{SECTION}">' in html


@pytest.mark.parametrize(
    "number", ["abc", "-1", "0", "4", "999", "2.5", "%00", "02", "", " 2", "+2", "٢", "9" * 5000]
)
def test_a_bad_page_number_is_not_found(client, three_pages, number):
    assert client.get(SECTION, {"page": number}).status_code == 404


def test_an_empty_list_still_has_its_first_page(client):
    SectionFactory(name="Metro", slug="metro")
    assert client.get(SECTION).status_code == 200


def test_pagination_links_leave_out_parameters_the_page_does_not_read(client, three_pages):
    html = page(client.get(SECTION, {"utm_source": "newsletter", "fbclid": "x", "page": 2}))
    assert "utm_source" not in html and "fbclid" not in html
    assert f'<a rel="next" href="{SECTION}?page=3">' in html


def test_search_pages_keep_the_query_in_their_links_and_canonical(client):
    ArticleFactory.create_batch(PER_PAGE + 1, live=True, headline="Ferry timetable changes")
    html = page(client.get("/search/", {"q": "ferry", "page": 2, "utm_source": "x"}))
    assert '<link rel="canonical" href="http://testserver/search/?q=ferry&amp;page=2">' in html
    assert '<a rel="prev" href="/search/?q=ferry">' in html


def test_search_page_one_by_number_is_redirected_with_its_query(client):
    response = client.get("/search/", {"q": "ferry", "page": "1"})
    assert response.status_code == 301
    assert response["Location"] == "/search/?q=ferry"


def test_a_sitemap_file_number_written_otherwise_is_not_found(client):
    ArticleFactory(live=True)
    assert client.get("/sitemap-articles.xml", {"p": "1"}).status_code == 200
    assert client.get("/sitemap-articles.xml", {"p": "01"}).status_code == 404
