"""Reader pages compressed for the wire (articles/compression.py), kept so by the page cache."""

import gzip

import brotli
import pytest

from articles import page_cache
from articles.compression import chosen
from tests.factories import ArticleFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache_on")]

BROWSER = "gzip, deflate, br, zstd"


@pytest.fixture
def story(db):
    return ArticleFactory(live=True, headline="Ferry service to Elephanta resumes")


def get(client, path: str, accept: str | None = None, **headers):
    if accept is not None:
        headers["accept-encoding"] = accept
    return client.get(path, headers=headers)


def test_a_browser_gets_the_page_in_brotli(client, story):
    plain = get(client, "/")
    packed = get(client, "/", BROWSER)
    assert packed["Content-Encoding"] == "br"
    assert brotli.decompress(packed.content) == plain.content
    assert len(packed.content) < len(plain.content) / 4


def test_a_client_without_brotli_gets_gzip(client, story):
    plain = get(client, "/")
    packed = get(client, "/", "gzip, deflate")
    assert packed["Content-Encoding"] == "gzip"
    assert gzip.decompress(packed.content) == plain.content


def test_a_client_asking_for_nothing_gets_the_page_as_it_is(client, story):
    response = get(client, "/")
    assert not response.has_header("Content-Encoding")
    assert "Ferry service to Elephanta resumes" in response.text


def test_every_form_of_a_page_says_it_varies_by_accept_encoding(client, story):
    for accept in (None, "gzip", "br"):
        assert "Accept-Encoding" in get(client, "/", accept)["Vary"], accept


def test_a_page_from_the_cache_is_sent_in_the_clients_encoding(client, story):
    get(client, "/", "br")  # rendered, and kept in brotli and as it is
    hit = get(client, "/", "gzip")
    assert hit[page_cache.STATUS_HEADER] == "hit"
    assert hit["Content-Encoding"] == "gzip"
    assert b"Ferry service to Elephanta resumes" in gzip.decompress(hit.content)


def test_a_page_is_rendered_once_whatever_encodings_are_asked_for_after(
    client, story, django_assert_num_queries
):
    get(client, "/")
    with django_assert_num_queries(0):
        for accept in ("br", "gzip", None, "br"):
            assert get(client, "/", accept)[page_cache.STATUS_HEADER] == "hit", accept


def test_a_miss_compresses_only_the_encoding_it_sends(client, story, monkeypatch):
    made = []
    real = page_cache.compression.compress
    monkeypatch.setattr(
        page_cache.compression,
        "compress",
        lambda content, encoding: made.append(encoding) or real(content, encoding),
    )
    get(client, "/", BROWSER)
    assert made == ["br"]


def test_a_plain_page_from_the_cache_after_a_compressed_one_is_plain(client, story):
    get(client, "/", "br")
    hit = get(client, "/")
    assert hit[page_cache.STATUS_HEADER] == "hit"
    assert not hit.has_header("Content-Encoding")
    assert "Ferry service to Elephanta resumes" in hit.text


def test_a_compressed_pages_tag_is_weak_and_answers_a_conditional_get(client, story):
    first = get(client, "/", "br")
    assert first["ETag"].startswith('W/"')
    again = get(client, "/", "br", **{"if-none-match": first["ETag"]})
    assert again.status_code == 304


def test_the_content_length_is_that_of_the_bytes_sent(client, story):
    response = get(client, "/", "br")
    assert int(response["Content-Length"]) == len(response.content)


def test_a_feed_is_compressed(client, story):
    response = get(client, "/feed/", "gzip")
    assert response["Content-Encoding"] == "gzip"
    assert b"Ferry service to Elephanta resumes" in gzip.decompress(response.content)


def test_a_page_with_a_form_goes_out_uncompressed(client):
    # The contact form carries a CSRF token: no compression where a secret is on the page.
    response = get(client, "/contact-us/", BROWSER)
    assert response.status_code == 200
    assert not response.has_header("Content-Encoding")


def test_the_sign_in_page_goes_out_uncompressed(client):
    response = get(client, "/accounts/login/", BROWSER)
    assert response.status_code == 200
    assert not response.has_header("Content-Encoding")


def test_pages_are_compressed_with_the_page_cache_off_too(client, story, settings):
    settings.NEWSROOM_PAGE_CACHE = False
    assert get(client, "/", "br")["Content-Encoding"] == "br"


@pytest.mark.parametrize(
    ("accept", "encoding"),
    [
        ("", "identity"),
        ("gzip", "gzip"),
        ("gzip, br", "br"),
        ("br;q=0, gzip", "gzip"),
        ("BR", "br"),
        ("gzip;q=0", "identity"),
        ("gzip;q=nonsense, br;q=0.5", "br"),
        ("identity", "identity"),
        ("*", "identity"),
    ],
)
def test_the_encoding_is_the_first_of_ours_the_client_accepts(rf, accept, encoding):
    assert chosen(rf.get("/", headers={"accept-encoding": accept})) == encoding
