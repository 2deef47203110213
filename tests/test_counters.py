"""The article form's counters as you type: the page brings the script and the fields it counts
(the counting itself is tested in Chromium, tests/browser/test_counters_browser.py)."""

import re

import pytest
from django.urls import reverse

from tests.factories import ArticleFactory
from tests.html import page

pytestmark = pytest.mark.django_db

COUNTED = ("headline", "summary", "body", "seo_title", "seo_description")


@pytest.mark.parametrize("url", ["change", "add"])
def test_the_article_form_loads_the_counters_script_and_stylesheet_with_the_nonce(
    editor_client, url
):
    if url == "change":
        url = reverse("admin:articles_article_change", args=[ArticleFactory().pk])
    else:
        url = reverse("admin:articles_article_add")
    response = editor_client.get(url)
    html = page(response)
    nonce = re.search(r"'nonce-([^']+)'", response.headers["Content-Security-Policy"])[1]
    assert f'<script src="/static/articles/admin/counters.js" nonce="{nonce}"></script>' in html
    assert (
        f'<link href="/static/articles/admin/counters.css" media="all" nonce="{nonce}"'
        ' rel="stylesheet">'
    ) in html


def test_every_counted_field_is_on_the_change_form(editor_client):
    article = ArticleFactory()
    html = page(editor_client.get(reverse("admin:articles_article_change", args=[article.pk])))
    for name in COUNTED:
        assert re.search(rf'<(input|textarea)[^>]* id="id_{name}"', html), name
    # The counters hang under each field's row, which the script finds by these wrappers.
    for name in COUNTED:
        assert f'<div class="form-row field-{name}">' in html, name
