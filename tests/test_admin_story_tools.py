"""The article change form's tools: image preview, the revisions link, "View on site"."""

import io

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from PIL import Image

from tests.factories import ArticleFactory
from tests.html import page

pytestmark = pytest.mark.django_db


def change_url(article) -> str:
    return reverse("admin:articles_article_change", args=[article.pk])


def _jpeg() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (60, 40), (200, 80, 20)).save(out, "JPEG")
    return out.getvalue()


def test_the_stored_featured_image_is_shown_on_the_change_form(editor_client):
    article = ArticleFactory()
    article.featured_image.save("flood.jpg", ContentFile(_jpeg()), save=True)
    html = page(editor_client.get(change_url(article)))
    assert f'<img src="{article.featured_image.url}" alt="The image now stored"' in html


def test_the_change_form_is_ready_to_preview_a_newly_chosen_image(editor_client):
    html = page(editor_client.get(reverse("admin:articles_article_add")))
    assert 'data-preview-for="id_featured_image" hidden' in html
    assert 'accept="image/*"' in html
    assert "articles/admin/image_preview.js" in html


def test_djangos_history_link_leads_to_the_revisions_page(editor_client):
    article = ArticleFactory()
    response = editor_client.get(reverse("admin:articles_article_history", args=[article.pk]))
    assert response.status_code == 302
    assert response.url == reverse("admin:articles_article_revisions", args=[article.pk])


def test_view_on_site_is_offered_for_a_live_story(editor_client):
    article = ArticleFactory(live=True)
    html = page(editor_client.get(change_url(article)))
    assert f'href="{article.get_absolute_url()}" class="viewsitelink"' in html


@pytest.mark.parametrize("traits", [{}, {"scheduled": True}])
def test_view_on_site_is_not_offered_for_a_story_readers_cannot_see(editor_client, traits):
    html = page(editor_client.get(change_url(ArticleFactory(**traits))))
    assert "viewsitelink" not in html
    assert "Preview</a>" in html
