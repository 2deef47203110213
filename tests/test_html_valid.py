"""Every reader page type is valid HTML, checked offline by the W3C Nu HTML checker (vnu)."""

import pytest
from django.template.loader import render_to_string
from django.urls import reverse

from tests.factories import (
    PASSWORD,
    ArticleFactory,
    UserFactory,
    authenticator_app,
    passkey,
    totp_code,
)
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


def test_two_factor_pages_are_valid_html(client, vnu_command, tmp_path):
    """The second step of signing in (code and passkey), and the pages that set one up."""
    user = UserFactory()
    secret = authenticator_app(user)
    passkey(user)
    client.post("/accounts/login/", {"login": user.email, "password": PASSWORD})
    pages = {"second-step": client.get("/accounts/2fa/authenticate/")}
    client.post("/accounts/2fa/authenticate/", {"code": totp_code(secret)})
    pages["two-factor"] = client.get("/accounts/2fa/")
    pages["passkeys"] = client.get("/accounts/2fa/webauthn/")

    client.force_login(UserFactory())
    client.post("/accounts/reauthenticate/", {"password": PASSWORD})
    pages["set-up"] = client.get("/accounts/2fa/")
    pages["app"] = client.get("/accounts/2fa/totp/activate/")
    pages["add-passkey"] = client.get("/accounts/2fa/webauthn/add/")
    for name, response in pages.items():
        assert response.status_code == 200, name
    html = {name: response.content.decode() for name, response in pages.items()}
    errors = vnu_errors(vnu_command, html, tmp_path / "html")
    assert not errors, f"{len(errors)} HTML error(s):\n" + "\n".join(errors)


def test_an_article_with_embeds_is_valid_html(client, vnu_command, tmp_path):
    """Every provider's click-to-load facade, captioned or not (docs/rich-bodies.md)."""
    from articles.embeds import PROVIDERS
    from tests.test_embeds import ADDRESSES

    first = {provider: embed_id for _, provider, embed_id in reversed(ADDRESSES)}
    figures = "".join(
        f'<figure data-embed="{key}" data-id="{first[key]}">'
        + (f"<figcaption>Seen from the {key} <em>desk</em></figcaption>" if n % 2 else "")
        + "</figure>"
        for n, key in enumerate(PROVIDERS)
    )
    article = ArticleFactory(live=True, body=f"<p>Before.</p>{figures}<p>After.</p>")
    html = client.get(article.get_absolute_url()).content.decode()
    assert html.count('class="button embed__load"') == len(PROVIDERS)
    errors = vnu_errors(vnu_command, {"article-embeds": html}, tmp_path / "html")
    assert not errors, f"{len(errors)} HTML error(s):\n" + "\n".join(errors)


def test_an_article_with_every_rich_part_is_valid_html(client, vnu_command, tmp_path):
    """An embed, a library picture with its caption, a table, a pull quote and a rule."""
    from tests.factories import PictureFactory
    from tests.rich_body import RICH_BODY

    picture = PictureFactory(alt="Boats at the jetty", caption="Morning catch")
    body = (
        f"<p>Before.</p>{RICH_BODY}"
        f'<figure data-picture="{picture.pk}"></figure>'
        '<figure data-embed="youtube" data-id="Xq3v9LwTz0A"><figcaption>The storm</figcaption>'
        "</figure><p>After.</p>"
    )
    article = ArticleFactory(live=True, body=body)
    html = client.get(article.get_absolute_url()).content.decode()
    assert 'alt="Boats at the jetty"' in html and "srcset" in html
    errors = vnu_errors(vnu_command, {"article-every-part": html}, tmp_path / "html")
    assert not errors, f"{len(errors)} HTML error(s):\n" + "\n".join(errors)
