"""Reader pages are the same for everyone, so our cache and a CDN may keep them."""

import hashlib

import pytest

from tests.factories import ArticleFactory, AuthorFactory, PageFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def reader_urls():
    author = AuthorFactory()
    article = ArticleFactory(live=True, tags=["Cricket"], authors=[author])
    PageFactory(slug="about-us")
    return [
        "/",
        article.get_absolute_url(),
        article.section.get_absolute_url(),
        "/tag/cricket/",
        author.get_absolute_url(),
        "/latest/",
        "/search/?q=council",
        "/about-us/",
    ]


def test_reader_pages_are_public_with_browser_and_shared_cache_lifetimes(client, reader_urls):
    for url in reader_urls:
        cache_control = client.get(url)["Cache-Control"]
        assert "public" in cache_control, url
        assert "max-age=60" in cache_control, url
        assert "s-maxage=300" in cache_control, url


def test_reader_pages_set_no_cookie_carry_no_csrf_token_and_do_not_vary_by_cookie(
    client, reader_urls
):
    for url in reader_urls:
        response = client.get(url)
        assert not response.cookies, url
        assert "Cookie" not in response.get("Vary", ""), url
        assert "csrfmiddlewaretoken" not in response.content.decode(), url


def test_reader_pages_are_identical_for_a_signed_in_reader(client, reader_urls):
    anonymous = [client.get(url).content for url in reader_urls]
    client.force_login(UserFactory(name="Meera Iyer"))
    assert [client.get(url).content for url in reader_urls] == anonymous


def test_a_repeated_request_with_the_etag_is_answered_304(client, reader_urls):
    for url in reader_urls:
        etag = client.get(url)["ETag"]
        again = client.get(url, headers={"If-None-Match": etag})
        assert again.status_code == 304, url
        assert again.content == b""


def test_the_etag_changes_when_the_story_changes(client):
    article = ArticleFactory(live=True, headline="First headline")
    etag = client.get(article.get_absolute_url())["ETag"]
    article.headline = "Corrected headline"
    article.save()
    response = client.get(article.get_absolute_url(), headers={"If-None-Match": etag})
    assert response.status_code == 200
    assert "Corrected headline" in response.content.decode()


def test_the_etag_is_the_sha256_of_the_page_as_sent(client):
    # SHA-256, not Django's MD5: half its time with SHA instructions (newsroom/security.set_etag).
    response = client.get(ArticleFactory(live=True).get_absolute_url())
    assert response["ETag"] == f'"{hashlib.sha256(response.content).hexdigest()[:32]}"'


@pytest.mark.parametrize("url", ["/contact-us/", "/accounts/login/"])
def test_pages_holding_a_form_are_never_cached(client, url):
    response = client.get(url)
    assert "private" in response["Cache-Control"] or "no-cache" in response["Cache-Control"]
    assert "csrfmiddlewaretoken" in response.content.decode()


def test_the_not_found_page_is_not_cached_publicly(client):
    response = client.get("/news/no-such-story/")
    assert response.status_code == 404
    assert "public" not in response.get("Cache-Control", "")
