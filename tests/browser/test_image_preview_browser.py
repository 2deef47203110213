"""Choosing a featured image in the admin shows it before the story is saved."""

import io

import pytest
from PIL import Image
from playwright.sync_api import expect

from tests.browser.signin import sign_in
from tests.factories import ArticleFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_chosen_featured_image_is_previewed_before_saving(page, tmp_path):
    picture = tmp_path / "market.png"
    buffer = io.BytesIO()
    Image.new("RGB", (120, 80), (10, 120, 60)).save(buffer, "PNG")
    picture.write_bytes(buffer.getvalue())
    article = ArticleFactory()
    sign_in(page, UserFactory(role="Editor"))
    page.goto(f"/admin/articles/article/{article.pk}/change/")
    preview = page.locator('img[data-preview-for="id_featured_image"]')
    expect(preview).to_be_hidden()
    page.set_input_files("#id_featured_image", str(picture))
    expect(preview).to_be_visible()
    assert preview.get_attribute("src").startswith("blob:")
    assert preview.evaluate("img => img.naturalWidth") == 120
