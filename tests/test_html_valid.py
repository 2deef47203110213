"""Every reader page type is valid HTML, checked offline by the W3C Nu HTML checker (vnu)."""

import pytest
from django.template.loader import render_to_string
from django.urls import reverse

from tests.html import vnu_errors

pytestmark = pytest.mark.django_db


def reader_pages(client, site) -> dict[str, str]:
    """File name -> HTML of every reader page type, as the server sends it."""
    urls = {
        "home": "/",
        "article": site.article.get_absolute_url(),
        "section": site.india.get_absolute_url(),
        "child-section": site.state.get_absolute_url(),
        "tag": reverse("articles:tag", args=[site.tag_slug]),
        "author": site.reporter.get_absolute_url(),
        "latest": "/latest/",
        "search-results": "/search/?q=metro",
        "search-empty": "/search/",
        "search-no-match": "/search/?q=zzzzqqq",
        "about-us": site.about.get_absolute_url(),
        "contact": "/contact-us/",
        "sign-in": "/accounts/login/",
        "sign-up": "/accounts/signup/",
        "sign-in-code": "/accounts/login/code/",
        "password-reset": "/accounts/password/reset/",
    }
    pages = {}
    for name, url in urls.items():
        response = client.get(url)
        assert response.status_code == 200, (name, url, response.status_code)
        pages[name] = response.content.decode()

    response = client.post("/contact-us/", {"name": "", "email": "not-an-email", "message": ""})
    assert response.status_code == 200 and response.context["form"].errors
    pages["contact-errors"] = response.content.decode()

    response = client.post("/accounts/login/", {"login": "nobody@example.com", "password": "x"})
    assert response.status_code == 200 and response.context["form"].errors
    pages["sign-in-errors"] = response.content.decode()

    response = client.get("/news/no-such-story/")
    assert response.status_code == 404
    pages["404"] = response.content.decode()

    pages["500"] = render_to_string("500.html")
    return pages


def test_reader_pages_are_valid_html(client, reader_site, vnu_command, tmp_path):
    pages = reader_pages(client, reader_site)
    # The blocks most likely to go wrong are on the pages being checked.
    for block in ('<picture><source type="image/webp"', "<figcaption>", "Read More", "TAGGED:"):
        assert block in pages["article"], block
    assert "You Might Also Like" in pages["article"] and "You also Like" in pages["article"]
    assert 'class="avatar avatar--large"' in pages["author"]
    assert "is-invalid" in pages["contact-errors"] and "alert" in pages["sign-in-errors"]
    errors = vnu_errors(vnu_command, pages, tmp_path / "html")
    assert not errors, f"{len(errors)} HTML error(s):\n" + "\n".join(errors)
