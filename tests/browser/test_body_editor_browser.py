"""The rich-text body editor in the admin, in Chromium."""

import pytest
from playwright.sync_api import expect

from articles.models import Article
from tests.browser.signin import sign_in
from tests.factories import ArticleFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_editor_formats_the_body_in_the_editor_and_the_html_is_saved_clean(page):
    editor = UserFactory(role="Editor")
    article = ArticleFactory(body="<p>Old text.</p>")
    sign_in(page, editor)
    page.goto(f"/admin/articles/article/{article.pk}/change/")
    prose = page.locator(".tiptap.ProseMirror[contenteditable=true]")
    expect(prose).to_be_visible()
    prose.click()
    page.keyboard.press("Control+a")
    page.keyboard.type("Tides rose ")
    page.keyboard.press("Control+b")
    page.keyboard.type("two metres")
    page.keyboard.press("Control+b")
    page.keyboard.type(" overnight.")
    page.get_by_role("button", name="Save", exact=True).first.click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")
    body = Article.objects.get(pk=article.pk).body
    assert body == "<p>Tides rose <strong>two metres</strong> overnight.</p>"
